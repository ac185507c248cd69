"""The class reports: JSON for scripts, CSV for gradebooks, JUnit XML for CI, and a Markdown
feedback file per student to hand back.

All of them are rendered from one `ClassResult`, in roster order and pack order, so a run
that was killed and resumed gives the same reports as one that was not. Points come from the
pack (`points` per exercise) and the engine (`weight` per check). Hidden checks count, but a
report meant for students shows them only as "gizli denetim", without their message. A fault
of the pack has its own place in every report and is never a student's fail or absence.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from tutor import messages as M
from tutor.batch import GRADED, INVALID, MISSING, PACK_FAULT, ClassResult, Entry
from tutor.pack.model import Exercise
from tutor.roster import Student
from tutor.verdict_text import json_error_text
from tutor.workspace import atomic_write

JSON_NAME = "sonuclar.json"
CSV_NAME = "sonuclar.csv"
JUNIT_NAME = "junit.xml"
FEEDBACK_DIR = "geri-bildirim"

CSV_COLUMNS = [
    "ogrenci_no",
    "ad",
    "klasor",
    "puan",
    "en_yuksek_puan",
    "yuzde",
    "gecen",
    "alistirma",
    "teslim_edilmeyen",
    "sinav_dogru",
    "sinav_soru",
    "paket_hatasi",
]


# --- points ---------------------------------------------------------------------------------


def fraction(verdict: dict[str, Any]) -> float:
    """The share of an exercise's points a verdict earns: the engine's score, or with check
    weights, the weighted share of checks passed (nothing at all for a forbidden call)."""
    checks = verdict.get("checks") or []
    weights = [float(c.get("weight", 1.0)) for c in checks]
    if all(w == 1.0 for w in weights):
        return float(verdict.get("score", 0.0))
    error = verdict.get("error") or {}
    total = sum(weights)
    if error.get("kind") == "forbidden" or total <= 0:
        return 0.0
    return sum(w for c, w in zip(checks, weights) if c.get("passed")) / total


def earned(entry: Entry, exercise: Exercise) -> float:
    if entry.status != GRADED or entry.verdict is None:
        return 0.0
    return round(exercise.points * fraction(entry.verdict), 4)


def student_totals(result: ClassResult, student: Student) -> dict[str, Any]:
    faults = result.pack_faults
    counted = [ex for _, ex in result.ordered_exercises() if ex.id not in faults]
    entries = [result.entry(student, ex) for ex in counted]
    points = round(sum(earned(e, ex) for e, ex in zip(entries, counted)), 4)
    maximum = round(sum(ex.points for ex in counted), 4)
    return {
        "points": points,
        "max_points": maximum,
        "percent": round(100 * points / maximum, 2) if maximum else 0.0,
        "passed": sum(e.passed for e in entries),
        "total": len(counted),
        "missing": sum(e.status == MISSING for e in entries),
    }


# --- JSON ---------------------------------------------------------------------------------------


def report_json(result: ClassResult) -> dict[str, Any]:
    pack = result.pack
    exercises = [
        {"id": ex.id, "lesson": lesson.id, "title": ex.title, "points": ex.points}
        for lesson, ex in result.ordered_exercises()
    ]
    students = []
    for student in result.students:
        quiz = result.quiz.get(student.id)
        students.append(
            {
                "id": student.id,
                "name": student.name,
                "folder": str(student.folder),
                **student_totals(result, student),
                "quiz": None
                if quiz is None
                else {
                    "correct": quiz.correct,
                    "answered": quiz.answered,
                    "questions": quiz.questions,
                    "problem": quiz.problem,
                },
                "exercises": {
                    ex.id: _entry_json(result.entry(student, ex), ex)
                    for _, ex in result.ordered_exercises()
                },
            }
        )
    return {
        "pack": {"id": pack.id, "title": pack.manifest.title, "version": pack.manifest.version},
        "seed": result.seed,
        "device": result.device,
        "started_at": result.started_at,
        "finished_at": result.finished_at,
        "exercises": exercises,
        "pack_faults": result.pack_faults,
        "students": students,
    }


def _entry_json(entry: Entry, exercise: Exercise) -> dict[str, Any]:
    data: dict[str, Any] = {
        "status": entry.status,
        "points": earned(entry, exercise),
        "max_points": exercise.points,
        "file": entry.file,
        "sha256": entry.sha256,
        "graded_at": entry.graded_at,
    }
    if entry.note:
        data["note"] = entry.note
    if entry.problem and entry.status != PACK_FAULT:
        data["problem"] = entry.problem
    if entry.verdict is not None:
        data["verdict"] = entry.verdict
    return data


# --- CSV ------------------------------------------------------------------------------------------


def write_csv(result: ClassResult, path: Path, *, excel: bool = False) -> None:
    """One row per student. `excel`: what Turkish Excel opens as columns, letters intact:
    `;` between fields, a decimal comma, and a UTF-8 byte order mark."""
    ids = [ex.id for _, ex in result.ordered_exercises()]
    faults = result.pack_faults

    def number(value: float) -> str:
        text = f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
        return text.replace(".", ",") if excel else text

    with path.open("w", newline="", encoding="utf-8-sig" if excel else "utf-8") as handle:
        writer = csv.writer(handle, delimiter=";" if excel else ",")
        writer.writerow([*CSV_COLUMNS, *ids])
        for student in result.students:
            totals = student_totals(result, student)
            quiz = result.quiz.get(student.id)
            cells = []
            for _, ex in result.ordered_exercises():
                entry = result.entry(student, ex)
                cells.append("" if ex.id in faults else number(earned(entry, ex)))
            writer.writerow(
                [
                    student.id,
                    student.name,
                    str(student.folder),
                    number(totals["points"]),
                    number(totals["max_points"]),
                    number(totals["percent"]),
                    totals["passed"],
                    totals["total"],
                    totals["missing"],
                    "" if quiz is None else quiz.correct,
                    "" if quiz is None else quiz.questions,
                    " ".join(sorted(faults)),
                    *cells,
                ]
            )


# --- JUnit ---------------------------------------------------------------------------------------


def write_junit(result: ClassResult, path: Path) -> None:
    """A suite per student, a case per exercise. A failed or missing exercise fails; a fault
    of the pack is skipped with its reason (the student neither passed nor failed it)."""
    suites = ET.Element("testsuites", name=f"tutor:{result.pack.id}", seed=str(result.seed))
    for student in result.students:
        cases = []
        counts = {"failures": 0, "errors": 0, "skipped": 0}
        total_time = 0.0
        for lesson, ex in result.ordered_exercises():
            entry = result.entry(student, ex)
            duration = float((entry.verdict or {}).get("duration_s", 0.0))
            total_time += duration
            case = ET.Element(
                "testcase",
                classname=f"{student.id}.{lesson.id}",
                name=ex.id,
                time=f"{duration:.3f}",
            )
            if entry.status == GRADED and entry.verdict and not entry.verdict["passed"]:
                counts["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", type="kaldi", message=_first_problem(entry.verdict)
                )
                failure.text = "\n".join(
                    f"{'✔' if c['passed'] else '✘'} {c['name']}: {c['message']}"
                    for c in entry.verdict["checks"]
                )
            elif entry.status in (MISSING, INVALID):
                counts["failures"] += 1
                kind = "teslim-edilmedi" if entry.status == MISSING else "gecersiz-dosya"
                ET.SubElement(case, "failure", type=kind, message=entry.problem or "")
            elif entry.status == PACK_FAULT:
                counts["skipped"] += 1
                message = M.REPORT_PACK_FAULT.format(detail=(entry.fault or {}).get("message", ""))
                ET.SubElement(case, "skipped", type="paket-hatasi", message=message)
            elif entry.status != GRADED:
                counts["errors"] += 1
                ET.SubElement(case, "error", type="degerlendirilemedi", message=entry.problem or "")
            if entry.sha256:
                props = ET.SubElement(case, "properties")
                ET.SubElement(props, "property", name="sha256", value=entry.sha256)
                ET.SubElement(props, "property", name="puan", value=str(earned(entry, ex)))
            cases.append(case)
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=student.id,
            tests=str(len(cases)),
            time=f"{total_time:.3f}",
            **{k: str(v) for k, v in counts.items()},
        )
        props = ET.SubElement(suite, "properties")
        ET.SubElement(props, "property", name="ad", value=student.name)
        suite.extend(cases)
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)


def _first_problem(verdict: dict[str, Any]) -> str:
    if verdict.get("error"):
        return verdict["error"]["message"]
    failed = next((c for c in verdict["checks"] if not c["passed"]), None)
    return f"{failed['name']}: {failed['message']}" if failed else ""


# --- Markdown feedback ------------------------------------------------------------------------


def feedback_markdown(result: ClassResult, student: Student) -> str:
    """What a student is handed back: points per exercise, every visible check with its
    message, hidden checks by mark only."""
    pack = result.pack
    totals = student_totals(result, student)
    faults = result.pack_faults
    lines = [
        f"# {M.FEEDBACK_TITLE.format(name=student.name, id=student.id)}",
        "",
        M.FEEDBACK_META.format(title=pack.manifest.title, seed=result.seed, date=result.started_at),
        "",
        "**"
        + M.FEEDBACK_TOTAL.format(
            points=_points(totals["points"]),
            max=_points(totals["max_points"]),
            percent=totals["percent"],
            passed=totals["passed"],
            total=totals["total"],
        )
        + "**",
    ]
    quiz = result.quiz.get(student.id)
    if quiz is not None:
        lines += ["", M.FEEDBACK_QUIZ.format(correct=quiz.correct, total=quiz.questions)]
    for _, ex in result.ordered_exercises():
        entry = result.entry(student, ex)
        lines += ["", f"## {ex.title} (`{ex.id}`)", ""]
        if ex.id in faults:
            lines.append(M.FEEDBACK_PACK_FAULT)
            continue
        lines.append(
            M.FEEDBACK_POINTS.format(points=_points(earned(entry, ex)), max=_points(ex.points))
        )
        if entry.status in (MISSING, INVALID):
            lines += ["", f"✘ {entry.problem}"]
            continue
        if entry.status != GRADED or entry.verdict is None:
            lines += ["", M.FEEDBACK_NOT_GRADED]
            continue
        lines += ["", M.FEEDBACK_FILE.format(file=entry.file, sha=(entry.sha256 or "")[:12])]
        if entry.note:
            lines.append(f"> {entry.note}")
        lines.append("")
        for i, check in enumerate(entry.verdict["checks"], start=1):
            mark = "✔" if check["passed"] else "✘"
            if check.get("hidden"):
                lines.append(f"- {mark} {M.FEEDBACK_HIDDEN.format(n=i)}")
            elif check["passed"]:
                lines.append(f"- {mark} {check['name']}")
            else:
                lines.append(f"- {mark} {check['name']}: {_one_line(check['message'])}")
        error = entry.verdict.get("error")
        checks = entry.verdict["checks"]
        repeated = error and any(error["message"] in c["message"] for c in checks)
        hidden_failed = any(c.get("hidden") and not c["passed"] for c in checks)
        if error and not repeated and not hidden_failed:
            lines += ["", _one_line(json_error_text(error))]
    return "\n".join(lines) + "\n"


def _points(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def feedback_name(student_id: str) -> str:
    """A file name from a student id: letters, digits, '-', '_' and '.' are kept."""
    safe = re.sub(r"[^\w.-]+", "_", student_id, flags=re.UNICODE).strip("._") or "ogrenci"
    return f"{safe}.md"


# --- all of them --------------------------------------------------------------------------------


def write_reports(result: ClassResult, out: Path, *, excel: bool = False) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    json_path = out / JSON_NAME
    atomic_write(
        json_path,
        (json.dumps(report_json(result), ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    )
    csv_path = out / CSV_NAME
    write_csv(result, csv_path, excel=excel)
    junit_path = out / JUNIT_NAME
    write_junit(result, junit_path)
    feedback = out / FEEDBACK_DIR
    feedback.mkdir(exist_ok=True)
    used: set[str] = set()
    for student in result.students:
        name = feedback_name(student.id)
        while name in used:  # two ids that differ only in characters a file name cannot hold
            name = name[:-3] + "_.md"
        used.add(name)
        atomic_write(feedback / name, feedback_markdown(result, student).encode("utf-8"))
    return [json_path, csv_path, junit_path, feedback]
