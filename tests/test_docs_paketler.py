"""Every code example in docs/PAKETLER.md runs as it is written: grader files build their cases,
YAML examples are valid pack files, the roster reads, the wrong submission fails as its header
says, and the shell examples run one after another in a fresh folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

from tutor.pack import model
from tutor.pack.typecheck import build
from tutor.roster import read_roster
from tutor.validate import judge_wrong, wrong_expectations

DOC = ROOT / "docs" / "PAKETLER.md"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
BLOCKS = [(lang, body) for lang, body in FENCE.findall(DOC.read_text(encoding="utf-8"))]


def blocks(lang: str) -> list[str]:
    return [body for kind, body in BLOCKS if kind == lang]


def test_every_block_has_a_language_this_test_runs():
    assert {kind for kind, _ in BLOCKS} <= {"text", "yaml", "python", "bash", "csv"}
    assert len(blocks("python")) >= 7 and len(blocks("bash")) >= 4


_GRADER_RUNNER = r"""
import json, sys
from tutor.grading.spec import Grader
results = []
for code in json.load(sys.stdin):
    namespace = {"__name__": "paketler_ornegi"}
    exec(compile(code, "<örnek>", "exec"), namespace)
    grader = namespace["GRADER"]
    assert isinstance(grader, Grader), type(grader)
    cases = grader.build_cases(7)
    results.append([type(grader).__name__, len(cases)])
print(json.dumps(results))
"""


def test_grader_examples_define_a_grader_whose_cases_build():
    graders = [b for b in blocks("python") if "GRADER" in b]
    run = subprocess.run(
        [sys.executable, "-c", _GRADER_RUNNER],
        input=json.dumps(graders),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    kinds = [kind for kind, count in json.loads(run.stdout) if count > 0]
    assert kinds == [
        "FunctionGrader",
        "LossGrader",
        "FunctionClassGrader",
        "ModuleGrader",
        "OptimizerGrader",
        "FunctionGrader",
        "OptimFunctionGrader",
        "LoopGrader",
    ]


def test_yaml_examples_are_valid_pack_files():
    manifest, lesson = (yaml.safe_load(b) for b in blocks("yaml"))
    for cls, data in ((model.Manifest, manifest), (model.Lesson, lesson)):
        obj, faults = build(cls, data, None)
        assert obj is not None and not faults, faults
    assert lesson["exercises"][0]["points"] == 2


def test_the_roster_example_reads(tmp_path):
    (roster,) = blocks("csv")
    path = tmp_path / "liste.csv"
    path.write_text(roster, encoding="utf-8")
    students = read_roster(path)
    assert [(s.id, s.name) for s in students] == [
        ("2024001", "Ayşe Yılmaz"),
        ("2024002", "Mehmet Öztürk"),
    ]


def test_the_wrong_submission_example_fails_as_its_header_says(session, tmp_path):
    (example,) = [b for b in blocks("python") if b.startswith("# hata:")]
    path = tmp_path / "relu.py"
    path.write_text(example, encoding="utf-8")
    verdict = session.submit("relu", path, seed=7, device="cpu", record=False)
    assert judge_wrong(wrong_expectations(example), verdict) is None


def test_the_shell_examples_run_one_after_another(tmp_path):
    shim = tmp_path / "bin" / "tutor"
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} -m tutor "$@"\n')
    shim.chmod(0o755)
    work = tmp_path / "calisma"
    work.mkdir()
    script = "set -e\n" + "\n".join(blocks("bash"))
    env = {
        **os.environ,
        "PATH": f"{shim.parent}:{os.environ['PATH']}",
        "TUTOR_HOME": str(tmp_path / "ev"),
        "TUTOR_WORKER_IDLE_S": "30",
    }
    env.pop("TUTOR_PACK", None)
    run = subprocess.run(
        ["bash", "-c", script], cwd=work, env=env, capture_output=True, text=True, timeout=900
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    report = json.loads((work / "rapor" / "sonuclar.json").read_text(encoding="utf-8"))
    assert [s["points"] for s in report["students"]] == [1.0, 0.0]
    assert (work / "rapor-excel" / "sonuclar.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (work / "degerlendirici.zip").is_file()
    assert (work / "sablon" / ".github" / "workflows" / "classroom.yml").is_file()
    assert Path(work / "OGRENCI" / "pack.yaml").read_text("utf-8").endswith("edition: student\n")
