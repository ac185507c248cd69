"""The Gradescope autograder and the GitHub Classroom template, built and then run here the
way those services run them: /autograder stood in for by a temporary folder, the workflow's
command lines run one by one and scored as the command grader and the reporter score them."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from instructor_packs import small_pack, solution, starter
from test_cli import tutor

from tutor.batch import ClassResult, Entry
from tutor.export.gradescope import results_json
from tutor.pack.loader import load_pack
from tutor.roster import Student

VISIBILITY = {"hidden", "after_due_date", "after_published", "visible"}


def _pack(tmp_path: Path) -> Path:
    root = small_pack(tmp_path)  # relu: 1 point, sigmoid: 2 points
    (root / "wrong" / "relu").mkdir(parents=True)
    (root / "wrong" / "relu" / "bilinen.py").write_text("# hata: x\n", encoding="utf-8")
    return root


def _run_autograder(tmp_path: Path, archive: Path, submission: dict[str, Path]) -> dict:
    """Build /autograder as Gradescope does, hand in the files, run, read results.json."""
    autograder = tmp_path / "autograder"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(autograder / "source")
    shutil.copy2(autograder / "source" / "run_autograder", autograder / "run_autograder")
    (autograder / "run_autograder").chmod(0o755)
    for relative, path in submission.items():
        target = autograder / "submission" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    env = {
        **os.environ,
        "TUTOR_AUTOGRADER_ROOT": str(autograder),
        "TUTOR_PYTHON": sys.executable,
        "TUTOR_WORKER_IDLE_S": "30",
    }
    run = subprocess.run(
        [str(autograder / "run_autograder")],
        cwd=autograder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return json.loads((autograder / "results" / "results.json").read_text(encoding="utf-8"))


def test_the_gradescope_zip_follows_the_specification_and_grades_a_submission(tmp_path):
    archive = tmp_path / "degerlendirici.zip"
    built = tutor(
        "pack",
        "export",
        "--gradescope",
        str(archive),
        "--seed",
        "5",
        "--pack",
        str(_pack(tmp_path)),
    )
    assert built.returncode == 0, built.stderr
    assert "tohum 5" in built.stdout

    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        modes = {i.filename: i.external_attr >> 16 for i in zipped.infolist()}
    assert "setup.sh" in names and "run_autograder" in names  # at the root of the archive
    assert modes["run_autograder"] & stat.S_IXUSR and modes["setup.sh"] & stat.S_IXUSR
    assert not any(n.startswith(("paket/solutions", "paket/wrong")) for n in names)
    assert "kaynak/tutor/batch.py" in names and "paket/pack.yaml" in names
    with zipfile.ZipFile(archive) as zipped:
        setup = zipped.read("setup.sh").decode()
        solution_bytes = solution("relu").read_bytes()
        assert all(zipped.read(n) != solution_bytes for n in names)
    assert subprocess.run(["bash", "-n"], input=setup, text=True).returncode == 0

    # A flat hand-in (relu.py at the top) and a nested one (tensorler/sigmoid.py).
    results = _run_autograder(
        tmp_path, archive, {"relu.py": solution("relu"), "tensorler/sigmoid.py": starter("sigmoid")}
    )
    relu, sigmoid = results["tests"]
    assert (relu["score"], relu["max_score"], relu["status"]) == (1.0, 1.0, "passed")
    assert (sigmoid["score"], sigmoid["max_score"], sigmoid["status"]) == (0.0, 2.0, "failed")
    assert "✘" in sigmoid["output"]
    for test in results["tests"]:
        assert set(test) <= {
            "score",
            "max_score",
            "status",
            "name",
            "number",
            "output",
            "visibility",
        }
        assert isinstance(test["score"], float) and isinstance(test["max_score"], float)
        assert test["visibility"] in VISIBILITY and isinstance(test["output"], str)
    assert results["visibility"] in VISIBILITY and results["stdout_visibility"] == "hidden"
    assert "1 / 3 puan" in results["output"]


def test_a_missing_file_on_gradescope_is_zero_with_its_reason(tmp_path):
    archive = tmp_path / "degerlendirici.zip"
    assert (
        tutor(
            "pack", "export", "--gradescope", str(archive), "--pack", str(_pack(tmp_path))
        ).returncode
        == 0
    )
    results = _run_autograder(tmp_path, archive, {"relu.py": solution("relu")})
    sigmoid = results["tests"][1]
    assert (sigmoid["score"], sigmoid["max_score"]) == (0.0, 2.0)
    assert "teslim edilmedi" in sigmoid["output"]


def test_hidden_checks_become_a_test_shown_after_grades_are_published(tmp_path):
    pack = load_pack(small_pack(tmp_path, {"relu": 4.0}))
    verdict = {
        "exercise": "relu",
        "passed": False,
        "score": 0.5,
        "device": "cpu",
        "seed": 1,
        "duration_s": 0.1,
        "error": None,
        "checks": [
            {"name": "açık", "passed": True, "message": "tamam", "hidden": False, "weight": 1.0},
            {
                "name": "gizli olan",
                "passed": False,
                "message": "x = 7 için yanlış",
                "hidden": True,
                "weight": 1.0,
            },
        ],
    }
    entry = Entry("s", "relu", "graded", "t", "f", "relu.py", "0" * 64, verdict=verdict)
    result = ClassResult(
        pack, 1, "cpu", "t0", "t1", [Student("s", "s", tmp_path)], {("s", "relu"): entry}
    )
    visible, hidden = results_json(result, 1.0)["tests"]
    assert (visible["score"], visible["max_score"], visible["visibility"]) == (2.0, 2.0, "visible")
    assert (hidden["score"], hidden["max_score"], hidden["visibility"]) == (
        0.0,
        2.0,
        "after_published",
    )
    assert "x = 7" not in hidden["output"] and "gizli olan" in hidden["output"]


def _tutor_shim(folder: Path, template: Path) -> Path:
    """`tutor` on PATH as `pip install ./.tutor/kaynak` would put it: the bundled copy."""
    folder.mkdir()
    shim = folder / "tutor"
    shim.write_text(
        f'#!/bin/sh\nPYTHONPATH={template / ".tutor" / "kaynak"} exec {sys.executable} -m tutor "$@"\n'
    )
    shim.chmod(0o755)
    return folder


def test_the_classroom_template_grades_each_exercise_as_github_would(tmp_path):
    template = tmp_path / "sablon"
    built = tutor("pack", "export", "--classroom", str(template), "--pack", str(_pack(tmp_path)))
    assert built.returncode == 0, built.stderr
    assert (template / "tensorler" / "relu.py").read_bytes() == starter("relu").read_bytes()
    assert not (template / ".tutor" / "paket" / "solutions").exists()
    assert not (template / ".tutor" / "paket" / "wrong").exists()
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((template / ".tutor" / "kaynak" / "pyproject.toml").read_text())
    assert project["project"]["scripts"]["tutor"] == "tutor.cli:main"
    assert any(d.startswith("torch") for d in project["project"]["dependencies"])

    workflow = yaml.safe_load((template / ".github/workflows/classroom.yml").read_text("utf-8"))
    assert set(workflow["on"]) == {"push", "repository_dispatch"}
    job = workflow["jobs"]["run-autograding-tests"]
    graders = [s for s in job["steps"] if "autograding-command-grader" in s.get("uses", "")]
    reporter = next(s for s in job["steps"] if "autograding-grading-reporter" in s.get("uses", ""))
    assert [s["id"] for s in graders] == ["relu", "sigmoid"]
    assert reporter["with"]["runners"] == "relu,sigmoid"
    for step in graders:
        assert (
            reporter["env"][f"{step['id'].upper()}_RESULTS"]
            == f"${{{{steps.{step['id']}.outputs.result}}}}"
        )
    assert [s["with"]["max-score"] for s in graders] == [1, 2]

    # The student solves relu and pushes; each step's command runs in the checkout.
    shutil.copy(solution("relu"), template / "tensorler" / "relu.py")
    env = {
        **os.environ,
        "PATH": f"{_tutor_shim(tmp_path / 'bin', template)}:{os.environ['PATH']}",
        "TUTOR_HOME": str(tmp_path / "runner-temp"),
        "TUTOR_WORKER_IDLE_S": "30",
    }
    env.pop("TUTOR_PACK", None)
    points = 0.0
    for step in graders:
        run = subprocess.run(
            ["bash", "-c", step["with"]["command"]],
            cwd=template,
            env=env,
            capture_output=True,
            text=True,
            timeout=60 * step["with"]["timeout"] + 60,
        )
        verdict = json.loads(run.stdout)
        assert verdict["exercise"] == step["id"]
        assert run.returncode in (0, 1), run.stderr
        if run.returncode == 0:  # the command grader's rule: exit code 0 earns max-score
            points += step["with"]["max-score"]
    assert points == 1.0


def test_the_zip_carries_no_file_the_repository_keeps_for_itself(tmp_path):
    archive = tmp_path / "yerlesik.zip"
    assert (
        tutor("pack", "export", "--gradescope", str(archive), "--pack", str(ROOT)).returncode == 0
    )
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    assert not any(
        n.startswith(("paket/tests", "paket/tutor", "paket/solutions", "kaynak/tutor/_builtin"))
        for n in names
    )
