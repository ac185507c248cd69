"""The command line as a learner and a script see it: output, exit codes, Turkish messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, WRONG


def tutor(
    *args: str, workspace: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "tutor", *args]
    if workspace is not None:
        command += ["--workspace", str(workspace)]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_list_json_is_one_array_in_course_order(tmp_path):
    result = tutor("list", "--json", workspace=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows][:6] == [
        "relu",
        "sigmoid",
        "softmax",
        "log_softmax",
        "matmul",
        "one_hot",
    ] or any(r["id"] == "softmax" for r in rows)
    softmax = next(r for r in rows if r["id"] == "softmax")
    assert softmax == {
        "id": "softmax",
        "lesson": "tensorler",
        "title": "Softmax",
        "status": softmax["status"],
    }
    assert softmax["status"] in {"not_tried", "failing", "passed"}


def test_submit_json_prints_exactly_one_verdict_and_exit_codes_follow_it(tmp_path):
    passing = tutor(
        "submit",
        "softmax",
        str(ROOT / "solutions/tensorler/softmax.py"),
        "--json",
        "--seed",
        "3",
        workspace=tmp_path,
    )
    assert passing.returncode == 0, passing.stderr
    verdict = json.loads(passing.stdout)
    assert set(verdict) == {
        "exercise",
        "passed",
        "score",
        "device",
        "seed",
        "duration_s",
        "checks",
        "error",
        "protections",
    }
    assert verdict["passed"] is True and verdict["score"] == 1.0 and verdict["seed"] == 3
    assert verdict["device"] == "cpu" and verdict["error"] is None
    assert all(set(c) == {"name", "passed", "message"} for c in verdict["checks"])

    failing = tutor(
        "submit",
        "softmax",
        str(WRONG / "softmax/no_max_shift.py"),
        "--json",
        workspace=tmp_path,
    )
    assert failing.returncode == 1
    verdict = json.loads(failing.stdout)
    assert verdict["passed"] is False and 0 < verdict["score"] < 1
    big = next(c for c in verdict["checks"] if c["name"] == "büyük değerler (sayısal kararlılık)")
    assert "NaN" in big["message"]


def test_status_follows_attempts(tmp_path):
    env = {"TUTOR_HOME": str(tmp_path / "ev")}
    tutor("submit", "relu", str(WRONG / "relu/inplace.py"), workspace=tmp_path, env=env)
    rows = {
        r["id"]: r["status"]
        for r in json.loads(tutor("list", "--json", workspace=tmp_path, env=env).stdout)
    }
    assert rows["relu"] == "failing" and rows["softmax"] == "not_tried"
    tutor("submit", "relu", str(ROOT / "solutions/tensorler/relu.py"), workspace=tmp_path, env=env)
    rows = {
        r["id"]: r["status"]
        for r in json.loads(tutor("list", "--json", workspace=tmp_path, env=env).stdout)
    }
    assert rows["relu"] == "passed"
    progress = json.loads(tutor("progress", "--json", workspace=tmp_path, env=env).stdout)
    tensorler = next(p for p in progress["lessons"] if p["lesson"] == "tensorler")
    assert tensorler["passed"] == 1 and tensorler["total"] == 6
    from tutor.grading import client

    client.stop_worker(tmp_path / "ev")


def test_seed_replays_a_run_exactly(tmp_path):
    runs = [
        json.loads(
            tutor(
                "submit",
                "softmax",
                str(WRONG / "softmax/no_max_shift.py"),
                "--json",
                "--seed",
                "42",
                workspace=tmp_path,
            ).stdout
        )
        for _ in range(2)
    ]
    for run in runs:
        run.pop("duration_s")
    assert runs[0] == runs[1]
    other = json.loads(
        tutor(
            "submit",
            "softmax",
            str(WRONG / "softmax/no_max_shift.py"),
            "--json",
            "--seed",
            "43",
            workspace=tmp_path,
        ).stdout
    )
    assert other["checks"] != runs[0]["checks"]


def test_unknown_exercise_suggests_close_ids():
    result = tutor("submit", "sofmax", "--json")
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "usage"
    assert "'sofmax' adında bir alıştırma yok. Yakın olanlar: softmax" in error["message"]
    assert "'sofmax' adında bir alıştırma yok. Yakın olanlar: softmax" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_exit_2_with_a_turkish_message(tmp_path):
    result = tutor("submit", "softmax", str(tmp_path / "yok.py"))
    assert result.returncode == 2
    assert "dosyası bulunamadı" in result.stderr and "Traceback" not in result.stderr


def test_a_windows_1254_submission_is_a_syntax_verdict_that_says_how_to_resave(tmp_path):
    path = tmp_path / "bozuk.py"
    path.write_bytes("import torch\n# açıklama\n".encode("cp1254"))
    result = tutor("submit", "softmax", str(path), "--json")
    assert result.returncode == 1
    error = json.loads(result.stdout)["error"]
    assert error["kind"] == "syntax" and error["line"] == 2
    assert "Windows-1254" in error["message"] and "UTF-8" in error["message"]


def test_a_file_saved_with_a_byte_order_mark_is_simply_utf8(tmp_path):
    path = tmp_path / "bom.py"
    path.write_bytes(b"\xef\xbb\xbf" + (ROOT / "solutions/tensorler/softmax.py").read_bytes())
    result = tutor("submit", "softmax", str(path), "--json", workspace=tmp_path)
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["passed"] is True


def test_invalid_pack_is_exit_2_with_file_and_line(tmp_path):
    (tmp_path / "pack.yaml").write_text(
        "id: p\ntitle: P\nlessons: [lessons/a.yaml]\n", encoding="utf-8"
    )
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons/a.yaml").write_text("id: a\nnumber: 1\ntitle: A\n", encoding="utf-8")
    result = tutor("--pack", str(tmp_path), "list")
    assert result.returncode == 2
    assert "lessons/a.yaml:1: zorunlu alan 'summary' eksik" in result.stderr


def test_cuda_asked_for_but_absent_is_exit_2(tmp_path):
    pytest.importorskip("torch")
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    result = tutor(
        "submit",
        "softmax",
        str(ROOT / "solutions/tensorler/softmax.py"),
        "--device",
        "cuda",
        workspace=tmp_path,
    )
    assert result.returncode == 2
    assert "CUDA istendi" in result.stderr


def test_show_creates_the_workspace_file_from_the_starter(tmp_path):
    result = tutor("show", "softmax", workspace=tmp_path)
    assert result.returncode == 0
    learner_file = tmp_path / "tensorler" / "softmax.py"
    assert learner_file.read_bytes() == (ROOT / "exercises/tensorler/softmax.py").read_bytes()
    assert str(learner_file) in result.stdout.replace("\n", "")
    assert "def softmax(x: torch.Tensor, dim: int = -1) -> torch.Tensor" in result.stdout


def test_submit_without_a_file_grades_the_workspace_copy(tmp_path):
    result = tutor("submit", "softmax", "--json", workspace=tmp_path)
    assert result.returncode == 1
    verdict = json.loads(result.stdout)
    assert "henüz yazılmamış" in verdict["checks"][0]["message"]


def test_hints_are_graduated_and_remembered(tmp_path):
    env = {"TUTOR_HOME": str(tmp_path / "ev")}
    levels = [json.loads(tutor("hint", "softmax", "--json", env=env).stdout) for _ in range(4)]
    assert [h["level"] for h in levels] == [1, 2, 3, 3]
    assert levels[0]["hint"] != levels[1]["hint"] != levels[2]["hint"]
    human = tutor("hint", "softmax", env=env)
    assert "İpucu 3/3" in human.stdout and "son ipucuydu" in human.stdout
    # The last hint points to the lesson, and to the solution as a step of its own.
    assert "tutor show tensorler" in human.stdout
    assert "tutor hint softmax --solution" in human.stdout


def test_reset_restores_the_starter_and_keeps_a_backup(tmp_path):
    tutor("show", "relu", workspace=tmp_path)
    mine = tmp_path / "tensorler" / "relu.py"
    mine.write_text("# benim çözümüm\n", encoding="utf-8")
    result = tutor("reset", "relu", "--json", workspace=tmp_path)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert mine.read_bytes() == (ROOT / "exercises/tensorler/relu.py").read_bytes()
    assert Path(data["backup"]).read_text(encoding="utf-8") == "# benim çözümüm\n"


def test_human_submit_output_is_turkish_and_names_the_failure(tmp_path):
    result = tutor(
        "submit",
        "softmax",
        str(WRONG / "softmax/ignores_dim.py"),
        "--seed",
        "1",
        workspace=tmp_path,
    )
    assert result.returncode == 1
    out = result.stdout
    assert "✘ dim=0" in out and "KALDI" in out and "tohum: 1" in out
    # The replay line grades the same file, on the same device, again.
    submitted = WRONG / "softmax/ignores_dim.py"
    assert f"tutor submit softmax {submitted} --seed 1 --device cpu" in out


def test_validate_builtin_pack_passes():
    # The files only: the grading half of validation is what test_pack_solutions,
    # test_wrong_submissions and test_lesson_examples do for the built-in pack, test by test.
    result = tutor("pack", "validate", str(ROOT), "--no-grading", "--json")
    report = json.loads(result.stdout)
    assert report["faults"] == [] and result.returncode == 0, report


def test_validate_reports_every_fault_and_exit_1(tmp_path):
    from test_pack_loader import GOOD_LESSON, make_pack

    root = make_pack(
        tmp_path,
        GOOD_LESSON.replace("summary: Kısa bir özet.\n", "").replace("answer: 1", "answer: 9"),
    )
    result = tutor("pack", "validate", str(root))
    assert result.returncode == 1
    assert "lessons/ders.yaml:1: zorunlu alan 'summary' eksik" in result.stdout
    assert "lessons/ders.yaml:10: doğru cevap 9" in result.stdout


def test_validate_proves_solutions_pass_and_starters_fail(tmp_path):
    from test_pack_loader import make_pack

    root = make_pack(tmp_path)
    assert tutor("pack", "validate", str(root)).returncode == 0
    (root / "exercises/relu.py").write_bytes((root / "solutions/relu.py").read_bytes())
    (root / "solutions/relu.py").write_text("def relu(x):\n    return x\n", encoding="utf-8")
    result = tutor("pack", "validate", str(root))
    assert result.returncode == 1
    assert "solutions/relu.py:1: [relu] örnek çözüm geçmedi" in result.stdout
    assert "exercises/relu.py:1: [relu] başlangıç dosyası geçti" in result.stdout


def test_validate_fix_encoding_repairs_mojibake(tmp_path):
    from test_pack_loader import GOOD_LESSON, make_pack

    garbled = GOOD_LESSON.encode("utf-8").decode("cp1254", errors="replace")
    root = make_pack(tmp_path, garbled)
    assert tutor("pack", "validate", str(root)).returncode == 1
    result = tutor("pack", "validate", "--fix-encoding", str(root))
    assert result.returncode == 0, result.stdout
    assert (root / "lessons/ders.yaml").read_text(encoding="utf-8") == GOOD_LESSON
    assert (root / "lessons/ders.yaml.bak").exists()


def test_importing_the_cli_does_not_import_torch():
    code = "import sys, tutor.cli, tutor.session, tutor.validate; print('torch' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_a_whole_cli_run_never_imports_torch_in_its_own_process(tmp_path):
    code = (
        "import sys\n"
        "from tutor.cli import main\n"
        "code = main(['submit', 'softmax', '--json', '--workspace', sys.argv[1]])\n"
        "print('TORCH', 'torch' in sys.modules, 'EXIT', code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert "TORCH False EXIT 1" in result.stdout, result.stderr
    assert (tmp_path / "tensorler" / "softmax.py").exists()


def test_argparse_errors_are_turkish_and_exit_2():
    result = tutor("submit")
    assert result.returncode == 2
    assert "tutor: hata: şu argümanlar eksik: KİMLİK" in result.stderr


def test_validate_on_cuda_without_cuda_is_one_message_and_exit_2():
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    result = tutor("pack", "validate", str(ROOT), "--device", "cuda")
    assert result.returncode == 2
    assert result.stderr.count("CUDA istendi") == 1


def test_pack_new_scaffolds_a_pack_that_validates_as_it_stands(tmp_path):
    target = tmp_path / "Benim Paketim"
    result = tutor("pack", "new", str(target))
    assert result.returncode == 0, result.stderr
    assert "Yeni paket oluşturuldu" in result.stdout
    assert (target / "schema" / "lesson.schema.json").is_file()
    assert "id: benim-paketim" in (target / "pack.yaml").read_text(encoding="utf-8")
    validated = tutor("pack", "validate", str(target))
    assert validated.returncode == 0, validated.stdout
    listed = json.loads(
        tutor("--pack", str(target), "list", "--json", workspace=tmp_path / "w").stdout
    )
    assert [row["id"] for row in listed] == ["kare"]
    again = tutor("pack", "new", str(target))
    assert again.returncode == 2 and "boş değil" in again.stderr
