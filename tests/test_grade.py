"""`tutor grade`: a whole class graded at once, to JSON, CSV and JUnit XML."""

from __future__ import annotations

import csv
import json
import shutil
from xml.etree import ElementTree as ET

from conftest import ROOT, SUBMISSIONS
from test_cli import tutor


def _class_of_three(tmp_path):
    ayse, mehmet, bos = tmp_path / "ayse", tmp_path / "mehmet", tmp_path / "bos"
    (ayse / "tensorler").mkdir(parents=True)
    (mehmet / "tensorler").mkdir(parents=True)
    bos.mkdir()
    for exercise in ("relu", "softmax"):
        shutil.copy(
            ROOT / f"solutions/tensorler/{exercise}.py", ayse / "tensorler" / f"{exercise}.py"
        )
    shutil.copy(SUBMISSIONS / "softmax/no_max_shift.py", mehmet / "tensorler" / "softmax.py")
    shutil.copy(ROOT / "exercises/tensorler/relu.py", mehmet / "tensorler" / "relu.py")
    return ayse, mehmet, bos


def test_grade_writes_json_csv_and_junit_with_the_same_seed_for_everyone(tmp_path):
    ayse, mehmet, bos = _class_of_three(tmp_path)
    out = tmp_path / "rapor"
    result = tutor(
        "grade", str(ayse), str(mehmet), str(bos), "--out", str(out), "--seed", "9", "--jobs", "2"
    )
    assert result.returncode == 0, result.stderr
    assert "ayse: 2/30 geçti" in result.stdout
    assert "Tohum: 9" in result.stdout

    report = json.loads((out / "sonuclar.json").read_text(encoding="utf-8"))
    assert report["seed"] == 9
    by_name = {learner["name"]: learner for learner in report["learners"]}
    assert by_name["ayse"]["exercises"]["softmax"]["passed"] is True
    assert by_name["ayse"]["exercises"]["softmax"]["seed"] == 9
    mehmet_softmax = by_name["mehmet"]["exercises"]["softmax"]
    assert mehmet_softmax["passed"] is False and 0 < mehmet_softmax["score"] < 1
    assert by_name["bos"]["exercises"]["relu"] == {
        "submitted": False,
        "problem": "teslim edilmedi (tensorler/relu.py yok)",
    }

    rows = list(csv.DictReader((out / "sonuclar.csv").open(encoding="utf-8")))
    assert [r["ogrenci"] for r in rows] == ["ayse", "mehmet", "bos"]
    assert rows[0]["gecen"] == "2" and rows[0]["softmax"] == "1.0000"
    assert rows[2]["teslim_edilmeyen"] == "30" and rows[2]["relu"] == ""

    suites = ET.parse(out / "junit.xml").getroot()
    mehmet_suite = next(s for s in suites if s.get("name") == "mehmet")
    softmax_case = next(c for c in mehmet_suite if c.get("name") == "softmax")
    failure = softmax_case.find("failure")
    assert failure is not None and "NaN" in failure.text
    assert mehmet_suite.get("skipped") == "28"


def test_grade_refuses_a_missing_workspace(tmp_path):
    result = tutor("grade", str(tmp_path / "yok"))
    assert result.returncode == 2
    assert "bir klasör değil ya da yok" in result.stderr
