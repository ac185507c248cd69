"""`tutor grade`: an instructor grades a whole class, and nothing is lost if the run stops.

Every student is graded with the same seed (the same cases for everyone), in parallel through
the warm worker. Each result is appended to a state file in the report folder as soon as it
is known, so that a run that is killed resumes where it stopped (`--resume`) and gives the
same reports; one student or one exercise can be graded again the same way.

What is graded is a private copy of the student's file, read once: its sha256 is recorded,
a symlink (to a classmate's file, say) is refused, and a file saved as Windows-1254 is
converted and graded with a note. A fault of the pack (its grader or reference) is recorded
once as that exercise's fault, never as a student's fail or absence.

Headless: the CLI draws the progress bar and prints the summary; `tutor.reports` writes
the reports. Nothing is recorded in the instructor's own progress.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from tutor import messages as M
from tutor.grading.verdict import Verdict
from tutor.jobs import EngineFault, deadline_for, grade_request, grade_with_deadline, run_parallel
from tutor.pack.encoding import NotUtf8, decode_learner_source
from tutor.pack.loader import Pack
from tutor.pack.model import Exercise, Lesson
from tutor.roster import Student
from tutor.workspace import atomic_write, find_exercise_file

STATE_DIR = ".tutor-durum"
RUN_FILE = "calistirma.json"
RESULTS_FILE = "sonuclar.jsonl"
MAX_SUBMISSION_BYTES = 1024 * 1024
SYNC_EVERY_S = 2.0

# Statuses of one (student, exercise): the first three are final; the last two are graded
# again on --resume (a pack fault once the pack is fixed, an unreachable worker at once).
GRADED, MISSING, INVALID, PACK_FAULT, ERROR = "graded", "missing", "invalid", "pack_fault", "error"
FINAL = (GRADED, MISSING, INVALID)


class RunError(Exception):
    """The class run cannot start as asked (exit code 2)."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Entry:
    """What is known about one student's one exercise."""

    student: str
    exercise: str
    status: str
    graded_at: str
    fingerprint: str  # of the exercise as graded: a changed grader is graded again
    file: str | None = None  # relative to the student's workspace
    sha256: str | None = None
    note: str | None = None  # e.g. converted from Windows-1254
    problem: str | None = None  # why there is no verdict
    verdict: dict[str, Any] | None = None
    fault: dict[str, Any] | None = None  # the engine's fault, for pack_fault and error

    @property
    def key(self) -> tuple[str, str]:
        return self.student, self.exercise

    @property
    def passed(self) -> bool:
        return self.status == GRADED and bool(self.verdict and self.verdict["passed"])

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


def verdict_json(verdict: Verdict) -> dict[str, Any]:
    """The contract's verdict, with each check's weight and whether it is hidden."""
    data = verdict.to_json()
    for check, out in zip(verdict.checks, data["checks"]):
        out["hidden"] = bool(getattr(check, "hidden", False))
        out["weight"] = float(getattr(check, "weight", 1.0))
    return data


def exercise_fingerprint(pack: Pack, exercise: Exercise) -> str:
    digest = hashlib.sha256()
    try:
        digest.update(pack.path(exercise.grader).read_bytes())
    except OSError:
        pass
    digest.update(
        json.dumps(
            [exercise.symbols, exercise.signature, exercise.timeout_s, exercise.memory_mb]
        ).encode()
    )
    return digest.hexdigest()[:16]


@dataclass
class QuizScore:
    correct: int
    answered: int
    questions: int
    problem: str | None = None


@dataclass
class ClassResult:
    pack: Pack
    seed: int
    device: str
    started_at: str
    finished_at: str
    students: list[Student]
    entries: dict[tuple[str, str], Entry]
    quiz: dict[str, QuizScore] = field(default_factory=dict)
    exercise_ids: list[str] | None = None  # the run's exercises; None: every one of the pack

    def entry(self, student: Student, exercise: Exercise) -> Entry:
        return self.entries[(student.id, exercise.id)]

    def ordered_exercises(self) -> list[tuple[Lesson, Exercise]]:
        """The exercises this run grades and reports, in the pack's order."""
        return _run_exercises(self.pack, self.exercise_ids)

    @property
    def pack_faults(self) -> dict[str, dict[str, Any]]:
        """Exercise id → the first pack fault met grading it: said once, for everyone."""
        found: dict[str, dict[str, Any]] = {}
        for _, exercise in self.ordered_exercises():
            for student in self.students:
                entry = self.entries.get((student.id, exercise.id))
                if entry and entry.status == PACK_FAULT and exercise.id not in found:
                    found[exercise.id] = entry.fault or {"kind": "grader", "message": ""}
        return found

    @property
    def unfinished(self) -> int:
        return sum(e.status == ERROR for e in self.entries.values())


# --- the state on disk ----------------------------------------------------------------------


class ClassState:
    """`<out>/.tutor-durum/`: the run's settings and one line per result, appended as each
    result is known and flushed to disk, so that a killed run loses nothing."""

    def __init__(self, out: Path):
        self.folder = out / STATE_DIR
        self.run_file = self.folder / RUN_FILE
        self.results_file = self.folder / RESULTS_FILE
        self._handle = None
        self._synced = time.monotonic()

    def exists(self) -> bool:
        return self.run_file.is_file()

    def read_run(self) -> dict[str, Any]:
        return json.loads(self.run_file.read_text(encoding="utf-8"))

    def read_entries(self) -> dict[tuple[str, str], Entry]:
        entries: dict[tuple[str, str], Entry] = {}
        if not self.results_file.is_file():
            return entries
        with self.results_file.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                try:
                    entry = Entry.from_json(json.loads(line))
                except (ValueError, TypeError):
                    continue  # the last line of a killed run may be cut short
                entries[entry.key] = entry
        return entries

    def start(self, run: dict[str, Any], keep: list[Entry]) -> None:
        """Begin a run: its settings, and the results it keeps from an earlier one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.run_file, (json.dumps(run, ensure_ascii=False, indent=2) + "\n").encode())
        lines = "".join(json.dumps(e.to_json(), ensure_ascii=False) + "\n" for e in keep)
        atomic_write(self.results_file, lines.encode("utf-8"))
        self._handle = self.results_file.open("a", encoding="utf-8")

    def append(self, entry: Entry) -> None:
        """Flushed at once: a killed process loses nothing. Forced to the disk itself every
        few seconds (fsync costs milliseconds): a power cut loses at most those seconds."""
        assert self._handle is not None
        self._handle.write(json.dumps(entry.to_json(), ensure_ascii=False) + "\n")
        self._handle.flush()
        if time.monotonic() - self._synced > SYNC_EVERY_S:
            os.fsync(self._handle.fileno())
            self._synced = time.monotonic()

    def close(self) -> None:
        if self._handle is not None:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None


# --- reading a student's file -----------------------------------------------------------------


def submission_path(student: Student, pack_id: str, lesson: Lesson, exercise: Exercise) -> Path:
    """`<lesson>/<id>.py` in the workspace, else `<id>.py` at its top (a flat hand-in)."""
    workspace = student.workspace(pack_id)
    nested = workspace / lesson.id / f"{exercise.id}.py"
    flat = workspace / f"{exercise.id}.py"
    if not os.path.lexists(nested) and os.path.lexists(flat):
        return flat
    # A workspace made under an earlier version of the pack keeps it in another lesson's
    # folder (lesson 3 was split in two): found, never moved here.
    return find_exercise_file(workspace, lesson, exercise)


@dataclass
class Submission:
    path: Path
    shown: str
    data: bytes | None = None
    problem: str | None = None  # missing or refused (a status and its reason)
    status: str | None = None


def read_submission(
    student: Student, pack_id: str, lesson: Lesson, exercise: Exercise
) -> Submission:
    path = submission_path(student, pack_id, lesson, exercise)
    workspace = student.workspace(pack_id)
    shown = os.path.relpath(path, workspace)
    if not os.path.lexists(path):
        return Submission(
            path, shown, problem=M.GRADE_BATCH_MISSING.format(path=shown), status=MISSING
        )
    try:
        inside = path.resolve().is_relative_to(workspace.resolve())
    except (OSError, RuntimeError):
        inside = False
    if path.is_symlink() or not inside:
        return Submission(
            path, shown, problem=M.GRADE_BATCH_SYMLINK.format(path=shown), status=INVALID
        )
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SUBMISSION_BYTES + 1)
    except OSError as exc:
        return Submission(
            path,
            shown,
            problem=M.GRADE_BATCH_UNREADABLE.format(path=shown, error=exc.strerror),
            status=INVALID,
        )
    if len(data) > MAX_SUBMISSION_BYTES:
        limit = MAX_SUBMISSION_BYTES // 1024
        return Submission(
            path,
            shown,
            problem=M.GRADE_BATCH_TOO_BIG.format(path=shown, limit=limit),
            status=INVALID,
        )
    return Submission(path, shown, data=data)


def _graded_copy(data: bytes, target: Path) -> str | None:
    """Write the text to grade at `target`; return the note to show with the verdict."""
    try:
        text, encoding = decode_learner_source(data)
        note = M.GRADE_BATCH_CONVERTED.format(encoding=encoding) if encoding else None
    except NotUtf8 as exc:
        text = data.decode("utf-8", errors="replace")
        note = M.GRADE_BATCH_NOT_UTF8.format(line=exc.line)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return note


# --- quiz scores --------------------------------------------------------------------------------


def read_quiz_score(store: Path, pack: Pack) -> QuizScore:
    """The lesson quizzes as a student's own progress store records them: each question's
    latest answer, judged against the pack (not by the `correct` the store claims)."""
    questions = {
        (item.lesson.id, i): q.answer
        for item in pack.lessons
        for i, q in enumerate(item.lesson.quiz)
    }
    try:
        conn = sqlite3.connect(f"file:{store}?mode=ro&immutable=1", uri=True, timeout=1.0)
        try:
            rows = conn.execute(
                "SELECT lesson, question, choice FROM quiz_answers WHERE id IN ("
                " SELECT MAX(id) FROM quiz_answers WHERE pack = ? AND quiz = 'quiz'"
                " GROUP BY lesson, question)",
                (pack.id,),
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return QuizScore(0, 0, len(questions), M.GRADE_BATCH_QUIZ_UNREADABLE.format(error=exc))
    answered = correct = 0
    for lesson, question, choice in rows:
        key = (lesson, question)
        if key in questions:
            answered += 1
            correct += int(choice == questions[key])
    return QuizScore(correct, answered, len(questions))


# --- the run ------------------------------------------------------------------------------------

ProgressCallback = Callable[[int, int, Entry], None]


def grade_class(
    pack: Pack,
    home: Path,
    students: list[Student],
    out: Path,
    *,
    seed: int | None = None,
    device: str = "auto",
    jobs: int = 2,
    resume: bool = False,
    only_students: list[str] | None = None,
    only_exercises: list[str] | None = None,
    on_progress: ProgressCallback | None = None,
    before_grading: Callable[[list[Exercise], int], None] | None = None,
) -> ClassResult:
    """Grade every student's every exercise (or what is left, or the ones named), recording
    each result as it comes. `before_grading(exercises, seed)` runs once the seed is known and
    before anything is graded (`tutor grade` validates the pack there)."""
    state = ClassState(out)
    # Naming students or exercises regrades them within an earlier run; with no earlier run,
    # it starts one with only those (a weekly assignment, one late student).
    regrade = bool(only_students or only_exercises) and state.exists()
    previous: dict[tuple[str, str], Entry] = {}
    started_at = now()
    exercise_ids = list(only_exercises) if only_exercises else None
    if resume and not state.exists():
        raise RunError(M.GRADE_BATCH_NO_STATE.format(path=out))
    if resume or regrade:
        run = state.read_run()
        if run.get("pack") != pack.id:
            raise RunError(M.GRADE_BATCH_OTHER_PACK.format(pack=run.get("pack"), path=out))
        if seed is not None and seed != run["seed"]:
            raise RunError(M.GRADE_BATCH_OTHER_SEED.format(seed=run["seed"]))
        seed, started_at = int(run["seed"]), run.get("started_at", started_at)
        device = run.get("device", device)
        previous = state.read_entries()
        earlier = run.get("exercises")
        # A regrade that names an exercise the run did not have adds it to the run.
        exercise_ids = None if earlier is None else sorted({*earlier, *(only_exercises or [])})
    elif seed is None:
        import random

        seed = random.randrange(2**31)

    ids = {s.id for s in students}
    for wanted in only_students or []:
        if wanted not in ids:
            raise RunError(M.GRADE_BATCH_UNKNOWN_STUDENT.format(id=wanted))
    for wanted in only_exercises or []:
        if wanted not in pack.exercises:
            raise RunError(M.GRADE_BATCH_UNKNOWN_EXERCISE.format(id=wanted))
    if only_students and not state.exists():
        students = [s for s in students if s.id in only_students]

    pairs = _run_exercises(pack, exercise_ids)
    fingerprints = {ex.id: exercise_fingerprint(pack, ex) for _, ex in pairs}
    entries: dict[tuple[str, str], Entry] = {}
    todo: list[tuple[Student, Lesson, Exercise, Submission]] = []
    for student in students:
        for lesson, exercise in pairs:
            submission = read_submission(student, pack.id, lesson, exercise)
            old = previous.get((student.id, exercise.id))
            selected = (not only_students or student.id in only_students) and (
                not only_exercises or exercise.id in only_exercises
            )
            if regrade and not selected and old is not None:
                entries[old.key] = old
            elif not (regrade and selected) and _still_good(
                old, submission, fingerprints[exercise.id]
            ):
                entries[old.key] = old
            else:
                todo.append((student, lesson, exercise, submission))

    state.start(
        {
            "pack": pack.id,
            "seed": seed,
            "device": device,
            "started_at": started_at,
            "exercises": exercise_ids,
            "students": [{"id": s.id, "name": s.name, "folder": str(s.folder)} for s in students],
        },
        list(entries.values()),
    )
    try:
        if any(sub.data is not None for *_, sub in todo) and before_grading is not None:
            wanted = {ex.id for _, _, ex, sub in todo if sub.data is not None}
            before_grading([ex for _, ex in pairs if ex.id in wanted], seed)
        _grade_all(pack, home, todo, entries, state, seed, device, jobs, fingerprints, on_progress)
    finally:
        state.close()

    quiz = {}
    for student in students:
        store = student.store()
        if store is not None:
            quiz[student.id] = read_quiz_score(store, pack)
    devices = sorted(
        {e.verdict["device"] for e in entries.values() if e.verdict and e.verdict.get("device")}
    )
    return ClassResult(
        pack=pack,
        seed=seed,
        device=",".join(devices) or device,
        started_at=started_at,
        finished_at=now(),
        students=students,
        entries=entries,
        quiz=quiz,
        exercise_ids=exercise_ids,
    )


def _run_exercises(pack: Pack, ids: list[str] | None) -> list[tuple[Lesson, Exercise]]:
    pairs = pack.ordered_exercises()
    return pairs if ids is None else [(lesson, ex) for lesson, ex in pairs if ex.id in ids]


def _still_good(old: Entry | None, submission: Submission, fingerprint: str) -> bool:
    if old is None or old.status not in FINAL or old.fingerprint != fingerprint:
        return False
    if submission.data is None:
        return old.status == submission.status
    return old.sha256 == hashlib.sha256(submission.data).hexdigest()


def _grade_all(
    pack: Pack,
    home: Path,
    todo: list,
    entries: dict,
    state: ClassState,
    seed: int,
    device: str,
    jobs: int,
    fingerprints: dict[str, str],
    on_progress: ProgressCallback | None,
) -> None:
    faulted: dict[str, EngineFault] = {}
    lock = threading.Lock()
    scratch = Path(tempfile.mkdtemp(prefix="tutor-sinif-"))

    def grade_one(
        index: int, student: Student, lesson: Lesson, exercise: Exercise, sub: Submission
    ) -> Entry:
        entry = Entry(
            student=student.id,
            exercise=exercise.id,
            status=sub.status or GRADED,
            graded_at=now(),
            fingerprint=fingerprints[exercise.id],
            file=sub.shown,
            problem=sub.problem,
        )
        if sub.data is None:
            return entry
        entry.sha256 = hashlib.sha256(sub.data).hexdigest()
        with lock:
            known = faulted.get(exercise.id)
        if known is not None:  # the pack's grader failed already: said once, not retried
            entry.status, entry.fault = PACK_FAULT, known.to_json()
            return entry
        copy = scratch / str(index) / lesson.id / f"{exercise.id}.py"
        entry.note = _graded_copy(sub.data, copy)
        request = grade_request(pack, exercise, copy, seed=seed, device=device)
        outcome = grade_with_deadline(request, home, deadline_for(exercise))
        entry.graded_at = now()
        if outcome.verdict is not None:
            entry.verdict = verdict_json(outcome.verdict)
        elif outcome.fault is not None and outcome.fault.is_pack_fault:
            with lock:
                faulted.setdefault(exercise.id, outcome.fault)
            entry.status, entry.fault = PACK_FAULT, outcome.fault.to_json()
        else:
            assert outcome.fault is not None
            entry.status, entry.fault = ERROR, outcome.fault.to_json()
            entry.problem = M.GRADE_BATCH_ERROR.format(detail=outcome.fault.message)
        return entry

    done = 0

    def record(_key: int, entry: Entry) -> None:
        nonlocal done
        entries[entry.key] = entry
        state.append(entry)
        done += 1
        if on_progress is not None:
            on_progress(done, len(todo), entry)

    tasks = [(i, (lambda i=i, item=item: grade_one(i, *item))) for i, item in enumerate(todo)]
    try:
        run_parallel(tasks, jobs, record)
    finally:
        _remove_tree(scratch)


def _remove_tree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
