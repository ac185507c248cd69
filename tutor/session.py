"""What the CLI and the app both do, done once: the headless core they stand on.

A `Session` ties together a loaded pack, the learner's workspace, the progress store and
the grading worker. It imports neither torch nor any UI library.
"""

from __future__ import annotations

import difflib
import random
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tutor import messages as M
from tutor.grading import client
from tutor.grading.verdict import Verdict
from tutor.pack.choice import chosen_pack_dir, load_chosen_pack
from tutor.pack.loader import Pack
from tutor.pack.model import Exercise, Lesson
from tutor.progress import Progress, code_hash
from tutor.workspace import Workspace, default_workspace, tutor_home


class UsageError(Exception):
    """The command cannot run as asked (exit code 2); the message says why, in Turkish."""


@dataclass
class ExerciseRow:
    lesson: Lesson
    exercise: Exercise
    status: str


class Session:
    def __init__(self, pack_dir: Path | str | None = None, workspace_dir: Path | str | None = None):
        # --pack, else TUTOR_PACK, else the pack remembered by `tutor pack use`, else built-in
        self.pack: Pack = load_chosen_pack(pack_dir)
        self.home = tutor_home()
        self.workspace = Workspace(
            Path(workspace_dir).expanduser() if workspace_dir else default_workspace(self.pack),
            self.pack,
        )
        self._progress: Progress | None = None
        # Draws the seed of an exercise's cases the first time it is graded (and when the
        # learner asks for fresh cases). Tests pin it.
        self.draw_seed: Callable[[], int] = lambda: random.randrange(2**31)

    @property
    def progress(self) -> Progress:
        if self._progress is None:
            self._progress = Progress(self.home / "ilerleme.sqlite3")
        return self._progress

    def close(self) -> None:
        if self._progress is not None:
            self._progress.close()

    def use_progress_file(self, path: Path) -> None:
        """Keep progress in `path` instead of the tutor home (the app's tests, a second learner)."""
        self.close()
        self._progress = Progress(path)

    # --- looking things up ------------------------------------------------------------------
    def find(self, exercise_id: str) -> tuple[Lesson, Exercise]:
        try:
            return self.pack.exercise(exercise_id)
        except KeyError:
            raise UsageError(self._not_an_exercise(exercise_id)) from None

    def _not_an_exercise(self, wanted: str) -> str:
        """Why `wanted` is no exercise, and which ids the learner may have meant."""
        lesson = self.find_lesson(wanted)
        if lesson is not None:
            ids = ", ".join(e.id for e in lesson.exercises) or M.CLI_NO_EXERCISES
            return M.CLI_LESSON_NOT_EXERCISE.format(id=wanted, ids=ids)
        ids = list(self.pack.exercises)
        close = difflib.get_close_matches(wanted, ids, n=3, cutoff=0.5)
        close += [i for i in ids if wanted and wanted in i and i not in close][:3]
        lessons = [item.lesson.id for item in self.pack.lessons]
        close_lessons = difflib.get_close_matches(wanted, lessons, n=2, cutoff=0.6)
        close_lessons += [i for i in lessons if wanted and wanted in i and i not in close_lessons]
        close += [M.CLI_CLOSE_LESSON.format(id=i) for i in close_lessons[:2]]
        message = M.CLI_UNKNOWN_EXERCISE.format(id=wanted)
        return message + (M.CLI_CLOSE_IDS.format(ids=", ".join(close)) if close else M.CLI_ALL_IDS)

    def find_lesson(self, lesson_id: str) -> Lesson | None:
        return next(
            (item.lesson for item in self.pack.lessons if item.lesson.id == lesson_id), None
        )

    def rows(self) -> list[ExerciseRow]:
        statuses = self.progress.statuses(self.pack.id)
        return [
            ExerciseRow(lesson, ex, statuses[ex.id].status if ex.id in statuses else "not_tried")
            for lesson, ex in self.pack.ordered_exercises()
        ]

    def next_exercise(self) -> ExerciseRow | None:
        return next((row for row in self.rows() if row.status != "passed"), None)

    def exercise_after(self, exercise_id: str) -> ExerciseRow | None:
        """The first exercise not yet passed after this one in course order (then from the
        start); None when every other exercise is passed."""
        rows = self.rows()
        at = next((i for i, row in enumerate(rows) if row.exercise.id == exercise_id), -1)
        ordered = rows[at + 1 :] + rows[: at + 1]
        return next(
            (r for r in ordered if r.status != "passed" and r.exercise.id != exercise_id), None
        )

    def learner_file(self, exercise_id: str) -> Path:
        lesson, exercise = self.find(exercise_id)
        return self.workspace.ensure(lesson, exercise)

    def is_untouched_starter(self, exercise_id: str) -> bool:
        """True when the learner's file is still the starter, byte for byte."""
        lesson, exercise = self.find(exercise_id)
        path = self.workspace.file_for(lesson, exercise)
        try:
            return path.read_bytes() == self.pack.path(exercise.starter).read_bytes()
        except OSError:
            return not path.exists()

    # --- grading ------------------------------------------------------------------------------
    def submit(
        self,
        exercise_id: str,
        file: Path | str | None = None,
        *,
        seed: int | None = None,
        fresh: bool = False,
        device: str = "auto",
        on_event: Callable[[dict], None] | None = None,
        record: bool = True,
    ) -> Verdict:
        """Grade and record. Without `seed`, the exercise's stable cases (`fresh`: new ones);
        with it, a replay: shown and returned, never recorded as a pass (CONTRACT.md)."""
        lesson, exercise = self.find(exercise_id)
        path = Path(file).expanduser() if file else self.workspace.ensure(lesson, exercise)
        # Read once: what is graded, hashed and recorded is the same bytes, even if the file
        # is saved again while grading runs.
        source = read_learner_file(path)
        replay = seed is not None
        if seed is None:
            seed = self.case_seed(exercise.id, fresh=fresh)
        verdict = self.grade_file(
            exercise, path, seed=seed, device=device, on_event=on_event, source=source
        )
        if record:
            self.progress.record_attempt(self.pack.id, verdict, source, replay=replay)
        return verdict

    def case_seed(self, exercise_id: str, *, fresh: bool = False) -> int:
        """The seed of this learner's cases for an exercise: the same until they ask for fresh
        ones, so that the same file always gets the same verdict."""
        if fresh:
            return self.progress.new_case_seed(self.pack.id, exercise_id, self.draw_seed())
        return self.progress.case_seed(self.pack.id, exercise_id, self.draw_seed)

    def grade_file(
        self,
        exercise: Exercise,
        path: Path,
        *,
        seed: int | None = None,
        device: str = "auto",
        on_event: Callable[[dict], None] | None = None,
        timeout_s: float | None = None,
        memory_mb: int | None = None,
        source: bytes | None = None,
    ) -> Verdict:
        """Grade any file (or the bytes read from it) against an exercise; limits default to
        the exercise's own. Bytes that are not UTF-8 are the learner's to fix: the engine
        answers with a `syntax` verdict that says how."""
        if source is None:
            source = read_learner_file(path)
        request = client.make_request(
            exercise=exercise.id,
            grader=self.pack.path(exercise.grader),
            file=path.resolve(),
            source=source,
            symbols=list(exercise.symbols),
            signature=exercise.signature,
            seed=seed if seed is not None else random.randrange(2**31),
            device=device,
            timeout_s=timeout_s if timeout_s is not None else exercise.timeout_s,
            memory_mb=memory_mb if memory_mb is not None else exercise.memory_mb,
        )
        # A learner sees a hidden check's result, not its inputs or message (class packs).
        return client.grade(request, self.home, on_event).for_learner()

    def warm_up(self) -> None:
        """Start the grading worker in the background of whoever calls this."""
        client.start_worker(self.home)

    # --- hints and reset -------------------------------------------------------------------
    def next_hint(self, exercise_id: str) -> tuple[int, str]:
        _, exercise = self.find(exercise_id)
        level = self.progress.take_hint(self.pack.id, exercise.id, len(exercise.hints))
        return level, exercise.hints[level - 1]

    def show_solution(self, exercise_id: str) -> str:
        """The pack's reference solution, recorded as seen (the learner asked for it)."""
        _, exercise = self.find(exercise_id)
        path = self.pack.path(exercise.solution)
        if not path.is_file():
            raise UsageError(M.SOLUTION_MISSING.format(id=exercise.id))
        text = path.read_text(encoding="utf-8")
        self.progress.record_solution_shown(self.pack.id, exercise.id)
        return text

    def replay_command(self, verdict: Verdict, file: Path | str | None) -> str:
        """The command that grades the same file on the same cases and device again."""
        return " ".join(shlex.join(part) for part in self.replay_parts(verdict, file))

    def replay_parts(self, verdict: Verdict, file: Path | str | None) -> list[list[str]]:
        """`replay_command` in parts that belong together (for writing it over lines)."""
        parts = [["tutor", "submit", verdict.exercise]]
        if file is not None:
            parts.append([str(Path(file).expanduser().resolve())])
        parts.append(["--seed", str(verdict.seed), "--device", verdict.device])
        # --pack only where `tutor` without it would load another pack (`tutor pack use`).
        if self.pack.root.resolve() != Path(chosen_pack_dir(self.home)[0]).resolve():
            parts.append(["--pack", str(self.pack.root)])
        return parts

    def reset(self, exercise_id: str) -> tuple[Path, Path | None]:
        lesson, exercise = self.find(exercise_id)
        return self.workspace.reset(lesson, exercise)


def file_sha256(path: Path) -> str | None:
    """The hash an attempt records for the code it graded; None when the file is gone."""
    try:
        return code_hash(path.read_bytes())
    except OSError:
        return None


def read_learner_file(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError(M.CLI_FILE_MISSING.format(path=path))
    return path.read_bytes()
