"""`tutor grade`: an instructor grades many learners' workspaces at once.

Every learner is graded with the same seed (the same cases for everyone), in parallel through
the warm worker, and the results are written as JSON, CSV and JUnit XML. Headless: the CLI
only renders the summary. Nothing is recorded in the instructor's own progress.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from tutor import messages as M
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.pack.model import Exercise, Lesson
from tutor.session import Session, read_learner_file
from tutor.workspace import find_exercise_file


@dataclass
class ExerciseResult:
    lesson: Lesson
    exercise: Exercise
    verdict: Verdict | None = None  # None: not submitted or could not be graded
    problem: str | None = None  # why there is no verdict

    @property
    def score(self) -> float:
        return self.verdict.score if self.verdict else 0.0

    @property
    def passed(self) -> bool:
        return bool(self.verdict and self.verdict.passed)


@dataclass
class LearnerResult:
    name: str
    workspace: Path
    exercises: list[ExerciseResult] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.exercises)

    @property
    def score(self) -> float:
        return sum(r.score for r in self.exercises) / len(self.exercises) if self.exercises else 0.0


@dataclass
class BatchReport:
    pack: str
    seed: int
    device: str
    learners: list[LearnerResult]

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.pack,
            "seed": self.seed,
            "device": self.device,
            "learners": [
                {
                    "name": learner.name,
                    "workspace": str(learner.workspace),
                    "passed": learner.passed,
                    "total": len(learner.exercises),
                    "score": round(learner.score, 4),
                    "exercises": {
                        r.exercise.id: (
                            {"submitted": True, **r.verdict.to_json()}
                            if r.verdict
                            else {"submitted": False, "problem": r.problem}
                        )
                        for r in learner.exercises
                    },
                }
                for learner in self.learners
            ],
        }


def learner_name(workspace: Path) -> str:
    return workspace.resolve().name


def grade_workspaces(
    session: Session,
    workspaces: list[Path],
    *,
    seed: int | None = None,
    device: str = "auto",
    jobs: int = 2,
    on_done: Callable[[str, str], None] | None = None,
) -> BatchReport:
    for workspace in workspaces:
        if not workspace.is_dir():
            raise CannotGrade(M.GRADE_BATCH_NOT_A_DIR.format(path=workspace))
    seed = seed if seed is not None else random.randrange(2**31)
    learners = [LearnerResult(learner_name(w), w) for w in workspaces]
    pairs = session.pack.ordered_exercises()

    def grade_one(learner: LearnerResult, lesson: Lesson, exercise: Exercise) -> ExerciseResult:
        path = find_exercise_file(learner.workspace, lesson, exercise)
        result = ExerciseResult(lesson, exercise)
        if not path.is_file():
            result.problem = M.GRADE_BATCH_MISSING.format(path=path.relative_to(learner.workspace))
        else:
            try:
                read_learner_file(path)
                result.verdict = session.grade_file(exercise, path, seed=seed, device=device)
            except CannotGrade as exc:
                result.problem = str(exc)
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the class
                result.problem = str(exc)
        if on_done is not None:
            on_done(learner.name, exercise.id)
        return result

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [
            (learner, pool.submit(grade_one, learner, lesson, exercise))
            for learner in learners
            for lesson, exercise in pairs
        ]
        for learner, future in futures:
            learner.exercises.append(future.result())
    devices = {r.verdict.device for learner in learners for r in learner.exercises if r.verdict}
    return BatchReport(session.pack.id, seed, ",".join(sorted(devices)) or device, learners)


def write_reports(report: BatchReport, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "sonuclar.json"
    json_path.write_text(
        json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    csv_path = out_dir / "sonuclar.csv"
    _write_csv(report, csv_path)
    junit_path = out_dir / "junit.xml"
    _write_junit(report, junit_path)
    return [json_path, csv_path, junit_path]


def _write_csv(report: BatchReport, path: Path) -> None:
    ids = [r.exercise.id for r in report.learners[0].exercises] if report.learners else []
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ogrenci", "gecen", "toplam", "puan", "teslim_edilmeyen", *ids])
        for learner in report.learners:
            missing = sum(r.verdict is None for r in learner.exercises)
            writer.writerow(
                [
                    learner.name,
                    learner.passed,
                    len(learner.exercises),
                    f"{learner.score:.4f}",
                    missing,
                    *(f"{r.score:.4f}" if r.verdict else "" for r in learner.exercises),
                ]
            )


def _write_junit(report: BatchReport, path: Path) -> None:
    suites = ET.Element("testsuites", name=f"tutor:{report.pack}", seed=str(report.seed))
    for learner in report.learners:
        failures = sum(1 for r in learner.exercises if r.verdict and not r.passed)
        skipped = sum(1 for r in learner.exercises if r.verdict is None)
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=learner.name,
            tests=str(len(learner.exercises)),
            failures=str(failures),
            skipped=str(skipped),
            time=f"{sum(r.verdict.duration_s for r in learner.exercises if r.verdict):.3f}",
        )
        for r in learner.exercises:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"{learner.name}.{r.lesson.id}",
                name=r.exercise.id,
                time=f"{r.verdict.duration_s:.3f}" if r.verdict else "0",
            )
            if r.verdict is None:
                ET.SubElement(case, "skipped", message=r.problem or "")
            elif not r.passed:
                failure = ET.SubElement(case, "failure", message=r.verdict.first_problem())
                failure.text = "\n".join(
                    f"{'✔' if c.passed else '✘'} {c.name}: {c.message}" for c in r.verdict.checks
                )
    ET.ElementTree(suites).write(path, encoding="utf-8", xml_declaration=True)
