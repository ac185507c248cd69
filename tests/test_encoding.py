"""Text that Turkish Windows machines garble: mojibake found and repaired through ftfy, real
Windows-1254 files converted, and the preview showing exactly what the repair will write."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import tutor
from test_pack_loader import GOOD_LESSON, faults_of, make_pack

from tutor.pack.encoding import (
    decode_learner_source,
    decode_windows_1254,
    find_mojibake,
    repair_mojibake,
)

TURKISH = "Sızı ŞİŞLİ’de “ĞÜÇ” çalışması; ODTÜ’de öğrenci ışığı gördü."


def garble(text: str, errors: str = "ignore") -> str:
    """What a UTF-8 file becomes when read as Windows-1254 and saved again."""
    return text.encode("utf-8").decode("cp1254", errors=errors)


def test_the_preview_shows_whole_words_and_their_true_repair():
    # The issue saw: 'SÄ±zÄ' aslında 'SızĞ' olmalı, for the text "Sızı".
    line, bad, good = find_mojibake(garble("açıklama: Sızı") + "\n")
    assert (line, bad, good) == (1, "aÃ§Ä±klama: SÄ±zÄ±", "açıklama: Sızı")


def test_the_preview_in_a_lesson_fault_is_right(tmp_path):
    text = GOOD_LESSON.replace("Kısa bir özet.", garble("Sızı var."))
    (fault,) = faults_of(make_pack(tmp_path, text))
    assert "'SÄ±zÄ±' aslında 'Sızı' olmalı" in fault
    assert fault.startswith("lessons/ders.yaml:4:")


@pytest.mark.parametrize("errors", ["ignore", "replace"])
def test_letters_whose_byte_windows_1254_lost_come_back(errors):
    # "Ş", "Ğ" and "”" end in bytes (0x9E, 0x9D) that Windows-1254 has no character for.
    assert repair_mojibake(garble(TURKISH, errors)) == TURKISH


TURKISH_TEXT = st.text(
    alphabet="abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ .,;:()’“”–…·°",
    min_size=1,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(TURKISH_TEXT)
def test_the_mojibake_of_any_turkish_line_is_found_below_ascii_lines(line):
    """The scan skips ASCII lines and runs with no trace of a UTF-8 continuation byte; it must
    still find every garbled line, wherever it stands."""
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1254"

    # Saved through Windows-1254, the bytes it has no character for are kept (sloppy) or lost.
    for garbled in (line.encode("utf-8").decode("sloppy-windows-1254"), garble(line)):
        if garbled == line:
            return  # plain ASCII
        text = "ascii: yes\n  - x = 1\n" + garbled + "\n"
        found = find_mojibake(text)
        assert found is not None and found[0] == 3, (line, garbled)


def test_correct_turkish_is_never_taken_for_mojibake():
    # "ODTÜ’de": Ü and ’ are bytes DC 92 in Windows-1254, a valid UTF-8 pair (a Syriac letter).
    assert find_mojibake(TURKISH) is None
    assert repair_mojibake(TURKISH) == TURKISH
    for path in [*ROOT.glob("lessons/*.yaml"), *ROOT.glob("graders/*/*.py")]:
        text = path.read_text(encoding="utf-8")
        assert find_mojibake(text) is None, path


def test_other_encodings_are_repaired_by_ftfy():
    assert repair_mojibake("cafÃ© crÃ¨me") == "café crème"


def _seeds() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "seeds", ROOT.parents[1] / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def test_the_seed_notes_mojibake_copy_is_repaired_exactly():
    seeds = _seeds()
    if seeds is None:
        pytest.skip("shared/seeds is not beside this checkout")
    garbled = next(seeds.glob("002_*.txt")).read_text(encoding="utf-8")
    clean = next(seeds.glob("001_*.txt")).read_text(encoding="utf-8")
    assert find_mojibake(garbled)[:2] == (1, "EÄŸitimi ğŸ”¥")
    assert find_mojibake(clean) is None
    assert repair_mojibake(garbled) == clean


def test_a_windows_1254_file_is_recognised_and_other_bytes_are_not():
    assert decode_windows_1254(TURKISH.encode("cp1254")) == TURKISH
    assert decode_windows_1254(b"\x00\x01binary\x02") is None
    assert decode_learner_source(TURKISH.encode("cp1254")) == (TURKISH, "Windows-1254")
    assert decode_learner_source(TURKISH.encode("utf-8")) == (TURKISH, None)


def test_a_windows_1254_lesson_is_named_as_such_without_iconv_advice(tmp_path):
    root = make_pack(tmp_path)
    (root / "lessons/ders.yaml").write_bytes(GOOD_LESSON.encode("cp1254"))
    (fault,) = faults_of(root)
    assert fault.startswith("lessons/ders.yaml:4: dosya UTF-8 değil, Windows-1254")
    assert "--fix-encoding" in fault and "iconv" not in fault


def test_fix_encoding_converts_windows_1254_files_and_repairs_mojibake_keeping_backups(tmp_path):
    root = make_pack(tmp_path)
    lesson = root / "lessons/ders.yaml"
    lesson.write_bytes(GOOD_LESSON.encode("cp1254"))
    solution = root / "solutions/relu.py"
    original_solution = solution.read_text(encoding="utf-8")
    solution.write_text(
        "# " + garble("Çözüm: sıfırdan küçükleri sıfırla") + "\n" + original_solution
    )
    result = tutor("pack", "validate", "--fix-encoding", "--no-grading", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    assert lesson.read_text(encoding="utf-8") == GOOD_LESSON
    assert lesson.with_suffix(".yaml.bak").read_bytes() == GOOD_LESSON.encode("cp1254")
    assert solution.read_text(encoding="utf-8").startswith("# Çözüm: sıfırdan küçükleri")
    assert "Windows-1254'ten UTF-8'e çevrildi" in result.stderr
    assert "kodlama onarıldı" in result.stderr
