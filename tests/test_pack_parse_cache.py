"""Pack files read clean are remembered by their text, so that every command loads fast; a file
with a fault is read in full every time, and a broken cache entry is never believed."""

from __future__ import annotations

import pytest
from test_pack_loader import GOOD_LESSON, make_pack

from tutor.pack import loader, parsecache
from tutor.pack.loader import PackError, load_pack


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path / "ev"))
    monkeypatch.delenv("TUTOR_NO_PARSE_CACHE", raising=False)
    return tmp_path / "ev"


def _entries(home) -> list:
    return sorted((home / "onbellek" / "paket").glob("*.json"))


def _parsing_forbidden(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(loader, "_parse_yaml", fail)
    monkeypatch.setattr(loader, "find_mojibake", fail)


def test_a_clean_pack_is_read_once_and_then_from_the_cache(tmp_path, home, monkeypatch):
    root = make_pack(tmp_path)
    first = load_pack(root)
    assert len(_entries(home)) == 2  # pack.yaml and the lesson
    _parsing_forbidden(monkeypatch)
    again = load_pack(root)
    assert again.lessons[0].lesson == first.lessons[0].lesson
    assert again.lessons[0].lines == first.lessons[0].lines  # faults still name their line


def test_what_is_built_from_the_data_is_checked_on_every_load(tmp_path, home, monkeypatch):
    root = make_pack(tmp_path)
    load_pack(root)
    (root / "graders" / "relu.py").unlink()
    _parsing_forbidden(monkeypatch)
    with pytest.raises(PackError) as caught:
        load_pack(root)
    # The line comes from the cached lines of the lesson file.
    line = GOOD_LESSON.splitlines().index("    grader: graders/relu.py") + 1
    assert any(f.file == "lessons/ders.yaml" and f.line == line for f in caught.value.faults)


def test_a_file_with_a_fault_is_never_kept_and_is_reported_every_time(tmp_path, home):
    garbled = GOOD_LESSON.replace("Kısa bir özet.", "KÄ±sa bir Ã¶zet.")
    root = make_pack(tmp_path, garbled)
    for _ in range(2):
        with pytest.raises(PackError) as caught:
            load_pack(root)
        assert any("Kısa" in f.message for f in caught.value.faults)
    assert len(_entries(home)) == 1  # pack.yaml only


def test_a_changed_file_is_read_again(tmp_path, home):
    root = make_pack(tmp_path)
    load_pack(root)
    lesson = root / "lessons" / "ders.yaml"
    lesson.write_text(GOOD_LESSON.replace("Deneme dersi", "Yeni başlık"), encoding="utf-8")
    assert load_pack(root).lessons[0].lesson.title == "Yeni başlık"


def test_a_broken_or_foreign_cache_entry_is_ignored(tmp_path, home):
    root = make_pack(tmp_path)
    load_pack(root)
    for entry in _entries(home):
        entry.write_text('{"data": 1, "lines": "x"}', encoding="utf-8")
    assert load_pack(root).lessons[0].lesson.title == "Deneme dersi"
    for entry in _entries(home):
        entry.write_bytes(b"\xff not json")
    assert load_pack(root).lessons[0].lesson.title == "Deneme dersi"


def test_only_plain_json_data_is_kept():
    assert parsecache._plain({"a": [1, 2.5, "x", None, True]})
    assert not parsecache._plain({1: "integer key"})
    assert not parsecache._plain({"when": __import__("datetime").date(2026, 1, 1)})
    assert not parsecache._plain([float("nan")])


def test_an_unwritable_home_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "dosya"
    blocker.write_text("bir klasör değil", encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(blocker))
    root = make_pack(tmp_path)
    assert load_pack(root).lessons[0].lesson.title == "Deneme dersi"
