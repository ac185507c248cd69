"""`tutor doctor` says what a learner's process really gets, from a real probe."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_doctor_reports_python_torch_the_worker_and_each_protection(tutor_home, session):
    result = subprocess.run(
        [sys.executable, "-m", "tutor", "doctor", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["python"] and report["torch"]
    assert report["worker"]["pid"] and report["pack"]["id"] == "pytorch-temelleri"
    assert report["problems"] == []
    # Everything the system offers is active in the probe's learner process, but dropping
    # to `nobody` (which needs a Python installation others can read).
    for name in report["offered"]:
        assert name in report["active"] or name == "nobody", name
    if report["landlock_abi"] >= 6 and report["user_namespaces"] == "yes":
        assert report["missing_for_class_grading"] == []
        assert {"landlock_fs", "landlock_scope", "pidns", "netns"} <= set(report["active"])


def test_doctor_speaks_turkish_and_names_class_grading(tutor_home, session):
    result = subprocess.run(
        [sys.executable, "-m", "tutor", "doctor"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert "Öğrenci kodunun süreci" in result.stdout
    assert "Sınıf değerlendirmesi" in result.stdout
    assert "Traceback" not in result.stderr
