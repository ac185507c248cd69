"""`tutor pack export --gradescope OUT.zip`: a Gradescope autograder for the pack.

The zip follows Gradescope's autograder specification: `setup.sh` (run once when the image is
built: Python, torch for the CPU, tutor's dependencies) and `run_autograder` (run for every
submission: grades the files in /autograder/submission and writes
/autograder/results/results.json, one test per exercise with score, max_score, output and
visibility). The pack travels as its student edition, tutor as a copy of its own code; the
seed is the instructor's, fixed when the zip is made and unknown to students.

`TUTOR_AUTOGRADER_ROOT` stands in for /autograder and `TUTOR_PYTHON` for the interpreter, so
that the same scripts run in a temporary folder, as the tests do.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

from tutor import messages as M
from tutor.export import TORCH_CPU_INDEX, copy_tutor_source, requirements, torch_requirement
from tutor.pack.edition import build_student_edition
from tutor.verdict_text import json_error_text

SETTINGS = "tutor-ayar.json"
PACK_DIR = "paket"
SOURCE_DIR = "kaynak"

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
set -euo pipefail
cd /autograder/source
if ! command -v python3 >/dev/null || ! python3 -m venv --help >/dev/null 2>&1; then
    apt-get install -y python3 python3-venv python3-pip
fi
python3 -m venv /autograder/venv
/autograder/venv/bin/pip install --no-cache-dir "{torch}" --index-url {index}
/autograder/venv/bin/pip install --no-cache-dir -r requirements.txt
"""

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for every submission; it writes results/results.json.
set -uo pipefail
ROOT="${TUTOR_AUTOGRADER_ROOT:-/autograder}"
PYTHON="${TUTOR_PYTHON:-$ROOT/venv/bin/python}"
export PYTHONPATH="$ROOT/source/kaynak"
export TUTOR_HOME="$(mktemp -d)"
unset TUTOR_PACK TUTOR_WORKSPACE
cd "$ROOT"
exec "$PYTHON" -m tutor.export.gradescope run --root "$ROOT"
"""


def build_autograder(pack_root: Path, out_zip: Path, *, seed: int | None = None) -> Path:
    """Write the autograder zip; returns its path."""
    seed = seed if seed is not None else random.randrange(2**31)
    with tempfile.TemporaryDirectory(prefix="tutor-gradescope-") as scratch:
        staging = Path(scratch) / "zip"
        staging.mkdir()
        build_student_edition(pack_root, staging / PACK_DIR)
        copy_tutor_source(staging / SOURCE_DIR)
        (staging / "requirements.txt").write_text("\n".join(requirements()) + "\n", "utf-8")
        (staging / "setup.sh").write_text(
            SETUP_SH.format(torch=torch_requirement(), index=TORCH_CPU_INDEX), "utf-8"
        )
        (staging / "run_autograder").write_text(RUN_AUTOGRADER, "utf-8")
        (staging / SETTINGS).write_text(
            json.dumps({"seed": seed, "pack": PACK_DIR}, indent=2) + "\n", "utf-8"
        )
        out_zip.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_zip, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(staging.rglob("*")):
                if path.is_file():
                    info = zipfile.ZipInfo.from_file(path, str(path.relative_to(staging)))
                    if path.name in ("setup.sh", "run_autograder"):
                        info.external_attr = 0o100755 << 16
                    archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return out_zip


# --- inside Gradescope ----------------------------------------------------------------------------


def _split(
    points: float, verdict: dict[str, Any]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """((visible score, visible max), (hidden score, hidden max)) of an exercise's points,
    in proportion to the checks' weights; a forbidden call earns nothing."""
    from tutor.reports import fraction

    checks = verdict.get("checks") or []
    weights = [float(c.get("weight", 1.0)) for c in checks]
    total = sum(weights) or 1.0
    hidden_weight = sum(w for c, w in zip(checks, weights) if c.get("hidden"))
    max_hidden = points * hidden_weight / total
    max_visible = points - max_hidden
    earned_total = points * fraction(verdict)
    passed_weight = sum(w for c, w in zip(checks, weights) if c.get("passed"))
    hidden_passed = sum(w for c, w in zip(checks, weights) if c.get("passed") and c.get("hidden"))
    hidden_score = earned_total * hidden_passed / passed_weight if passed_weight else 0.0
    return (earned_total - hidden_score, max_visible), (hidden_score, max_hidden)


def _check_lines(verdict: dict[str, Any], hidden: bool) -> list[str]:
    lines = []
    for check in verdict.get("checks") or []:
        if bool(check.get("hidden")) != hidden:
            continue
        mark = "✔" if check["passed"] else "✘"
        if hidden or check["passed"]:
            lines.append(f"{mark} {check['name']}")
        else:
            lines.append(f"{mark} {check['name']}: {check['message']}")
    return lines


def results_json(result, duration_s: float) -> dict[str, Any]:
    """Gradescope's results.json for one student's ClassResult."""
    from tutor.batch import GRADED, PACK_FAULT
    from tutor.reports import student_totals

    (student,) = result.students
    tests: list[dict[str, Any]] = []
    for number, (_, ex) in enumerate(result.ordered_exercises(), start=1):
        entry = result.entry(student, ex)
        name = f"{ex.title} ({ex.id})"
        test: dict[str, Any] = {"name": name, "number": str(number), "visibility": "visible"}
        if entry.status == PACK_FAULT:
            message = (entry.fault or {}).get("message", "")
            tests.append(
                {
                    **test,
                    "score": 0.0,
                    "max_score": 0.0,
                    "output": M.REPORT_PACK_FAULT.format(detail=message),
                }
            )
            continue
        if entry.status != GRADED or entry.verdict is None:
            tests.append(
                {
                    **test,
                    "score": 0.0,
                    "max_score": ex.points,
                    "status": "failed",
                    "output": entry.problem or "",
                }
            )
            continue
        verdict = entry.verdict
        (score, max_score), (hidden_score, hidden_max) = _split(ex.points, verdict)
        output = _check_lines(verdict, hidden=False)
        if entry.note:
            output.insert(0, entry.note)
        error = verdict.get("error")
        if error and not any(error["message"] in c["message"] for c in verdict["checks"]):
            output.append(json_error_text(error))
        visible_passed = all(c["passed"] for c in verdict["checks"] if not c.get("hidden"))
        tests.append(
            {
                **test,
                "score": round(score, 4),
                "max_score": round(max_score, 4),
                "status": "passed" if visible_passed and not error else "failed",
                "output": "\n".join(output),
            }
        )
        if hidden_max > 0:
            tests.append(
                {
                    "name": M.GRADESCOPE_HIDDEN_TEST.format(name=name),
                    "number": f"{number}.1",
                    "score": round(hidden_score, 4),
                    "max_score": round(hidden_max, 4),
                    "visibility": "after_published",
                    "output": "\n".join(_check_lines(verdict, hidden=True)),
                }
            )
    totals = student_totals(result, student)
    return {
        "output": M.GRADESCOPE_SUMMARY.format(
            points=totals["points"],
            max=totals["max_points"],
            passed=totals["passed"],
            total=totals["total"],
        ),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": round(duration_s, 1),
        "tests": tests,
    }


def run(root: Path) -> int:
    """Grade /autograder/submission and write /autograder/results/results.json."""
    from tutor.batch import grade_class
    from tutor.pack.loader import load_pack
    from tutor.roster import Student
    from tutor.workspace import tutor_home

    started = time.monotonic()
    results_dir = root / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    source = root / "source"
    settings = json.loads((source / SETTINGS).read_text("utf-8"))
    pack = load_pack(source / settings["pack"])
    student = Student("submission", "submission", root / "submission")
    jobs = max(1, len(os.sched_getaffinity(0))) if hasattr(os, "sched_getaffinity") else 1
    with tempfile.TemporaryDirectory(prefix="tutor-gs-") as state:
        try:
            result = grade_class(
                pack,
                tutor_home(),
                [student],
                Path(state),
                seed=int(settings["seed"]),
                device="cpu",
                jobs=jobs,
            )
            data = results_json(result, time.monotonic() - started)
            code = 0
        except Exception as exc:  # noqa: BLE001 - Gradescope must get a results.json
            data = {"score": 0.0, "output": M.GRADESCOPE_FAILED.format(error=exc), "tests": []}
            code = 1
    (results_dir / "results.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tutor.export.gradescope")
    sub = parser.add_subparsers(dest="command", required=True)
    runner = sub.add_parser("run")
    runner.add_argument("--root", default="/autograder")
    args = parser.parse_args(argv)
    return run(Path(args.root))


if __name__ == "__main__":
    sys.exit(main())
