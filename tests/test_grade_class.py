"""A class of 100 generated workspaces (correct, buggy, missing, hostile: crashes and endless
loops): `tutor grade` finishes with every report right, and a run killed halfway and resumed
gives the same reports. Slow (minutes): run with TUTOR_SLOW=1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import ROOT
from instructor_packs import lesson_text, small_pack

sys.path.insert(0, str(ROOT / "benchmarks"))
from grade_throughput import SEED, check_entries, generate_class, stable  # noqa: E402

from tutor.batch import ClassState  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("TUTOR_SLOW"), reason="slow: set TUTOR_SLOW=1"),
]


def test_a_class_of_100_is_graded_right_and_a_killed_run_resumes_to_the_same_reports(tmp_path):
    exercises = {"relu": 1.0, "softmax": 2.0}
    lesson = lesson_text(exercises).replace(
        "    points: 1.0\n", "    points: 1.0\n    timeout_s: 2\n"
    )
    root = small_pack(tmp_path, exercises, lesson=lesson)
    generated = [("tensorler", e, e, root / "solutions" / f"{e}.py") for e in exercises]
    expected = generate_class(tmp_path / "sinif", 100, generated, loops=True, seed=1)
    folders = sorted((tmp_path / "sinif").iterdir())
    command = [sys.executable, "-m", "tutor", "--pack", str(root), "grade", *map(str, folders)]
    command += ["--seed", str(SEED), "--jobs", "2"]

    whole = tmp_path / "tek-seferde"
    run = subprocess.run([*command, "--out", str(whole)], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]

    from tutor.batch import ClassResult
    from tutor.pack.loader import load_pack
    from tutor.roster import students_from_folders

    entries = ClassState(whole).read_entries()
    result = ClassResult(
        load_pack(root), SEED, "cpu", "", "", students_from_folders(folders), entries
    )
    assert check_entries(result, expected) == []
    report = json.loads((whole / "sonuclar.json").read_text("utf-8"))
    assert len(report["students"]) == 100 and report["pack_faults"] == {}

    killed = tmp_path / "yarida"
    process = subprocess.Popen(
        [*command, "--out", str(killed)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results = killed / ".tutor-durum" / "sonuclar.jsonl"
    while process.poll() is None:
        if results.is_file() and results.read_text("utf-8").count("\n") >= 100:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    process.wait()
    assert 100 <= results.read_text("utf-8").count("\n") < 200
    resumed = subprocess.run(
        [*command, "--out", str(killed), "--resume"], cwd=ROOT, capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert stable(killed) == stable(whole)
