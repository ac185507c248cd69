"""The student edition works for learners without the solutions, and the chosen pack is
remembered, so that every command and every hint works without `--pack`."""

from __future__ import annotations

import json
from pathlib import Path

from instructor_packs import small_pack, solution
from test_cli import tutor

from tutor.pack.edition import mark_student_manifest, student_files
from tutor.pack.loader import load_pack


def _full_pack(tmp_path: Path) -> Path:
    root = small_pack(tmp_path)
    (root / "wrong" / "relu").mkdir(parents=True)
    (root / "wrong" / "relu" / "bilinen.py").write_text("# hata: x\n", encoding="utf-8")
    (root / "tests").mkdir()
    (root / "tests" / "test_paket.py").write_text("def test(): pass\n", encoding="utf-8")
    (root / "graders" / "veri.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    return root


def test_the_student_edition_leaves_out_what_only_instructors_need(tmp_path):
    root = _full_pack(tmp_path)
    out = tmp_path / "ogrenci"
    result = tutor("pack", "build", "--student", str(out), "--pack", str(root))
    assert result.returncode == 0, result.stderr
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert files == [
        "exercises/relu.py",
        "exercises/sigmoid.py",
        "graders/relu.py",
        "graders/sigmoid.py",
        "graders/veri.csv",  # what a grader may read travels with it
        "lessons/ders.yaml",
        "pack.yaml",
    ]
    pack = load_pack(out)
    assert pack.is_student_edition and list(pack.exercises) == ["relu", "sigmoid"]
    again = tutor("pack", "build", "--student", str(out), "--pack", str(root))
    assert again.returncode == 2 and "boş değil" in again.stderr


def test_a_solution_never_travels_even_under_another_name(tmp_path):
    root = _full_pack(tmp_path)
    (root / "graders" / "kopya.py").write_bytes(solution("relu").read_bytes())
    assert "graders/kopya.py" not in student_files(load_pack(root))


def test_the_manifest_keeps_its_comments_and_says_student(tmp_path):
    text = "# yorum\nid: p\nedition: full\nlessons:\n  - a.yaml\n"
    assert mark_student_manifest(text) == "# yorum\nid: p\nedition: student\nlessons:\n  - a.yaml\n"
    assert mark_student_manifest("id: p\n").endswith("edition: student\n")


def test_learners_work_with_the_student_edition_and_no_pack_option(tmp_path):
    root = _full_pack(tmp_path)
    out = tmp_path / "ogrenci"
    assert tutor("pack", "build", "--student", str(out), "--pack", str(root)).returncode == 0
    env = {"TUTOR_HOME": str(tmp_path / "ev")}
    used = tutor("pack", "use", str(out), env=env)
    assert used.returncode == 0 and "Seçili paket" in used.stdout
    assert (tmp_path / "ev" / "secili-paket.txt").read_text("utf-8").strip() == str(out.resolve())

    listed = tutor("list", "--json", workspace=tmp_path / "w", env=env)
    assert [row["id"] for row in json.loads(listed.stdout)] == ["relu", "sigmoid"]
    # The replay line a failed submission prints works as it is written: no --pack needed.
    failed = tutor(
        "submit", "relu", "--seed", "7", workspace=tmp_path / "w", env={**env, "COLUMNS": "300"}
    )
    replay_line = failed.stdout.strip().splitlines()[-1]
    assert failed.returncode == 1 and "tutor submit relu " in replay_line
    assert "--seed 7" in replay_line and "--pack" not in replay_line
    (tmp_path / "w" / "tensorler" / "relu.py").write_bytes(solution("relu").read_bytes())
    replay = tutor("submit", "relu", "--seed", "7", workspace=tmp_path / "w", env=env)
    assert replay.returncode == 0, replay.stdout + replay.stderr
    hint = tutor("hint", "relu", "--json", env=env)
    assert json.loads(hint.stdout)["level"] == 1

    shown = tutor("pack", "use", "--json", env=env)
    assert json.loads(shown.stdout) == {"pack": str(out.resolve()), "source": "remembered"}
    back = tutor("pack", "use", "--builtin", env=env)
    assert back.returncode == 0
    assert json.loads(tutor("pack", "use", "--json", env=env).stdout)["source"] == "builtin"


def test_the_environment_variable_chooses_the_pack_and_a_gone_choice_says_so(tmp_path):
    root = _full_pack(tmp_path)
    env = {"TUTOR_HOME": str(tmp_path / "ev"), "TUTOR_PACK": str(root)}
    listed = tutor("list", "--json", workspace=tmp_path / "w", env=env)
    assert [row["id"] for row in json.loads(listed.stdout)] == ["relu", "sigmoid"]
    gone = tutor("list", env={**env, "TUTOR_PACK": str(tmp_path / "yok")})
    assert gone.returncode == 2 and "TUTOR_PACK ortam değişkeninin" in gone.stderr
    home = {"TUTOR_HOME": str(tmp_path / "ev2")}
    assert tutor("pack", "use", str(root), env=home).returncode == 0
    root.rename(tmp_path / "tasindi")
    moved = tutor("list", env=home)
    assert moved.returncode == 2 and "tutor pack use --builtin" in moved.stderr


def test_a_broken_pack_is_not_remembered(tmp_path):
    root = small_pack(tmp_path)
    (root / "lessons" / "ders.yaml").write_text("id: [\n", encoding="utf-8")
    env = {"TUTOR_HOME": str(tmp_path / "ev")}
    result = tutor("pack", "use", str(root), env=env)
    assert result.returncode == 2 and "lessons/ders.yaml:" in result.stderr
    assert not (tmp_path / "ev" / "secili-paket.txt").exists()
