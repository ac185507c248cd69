"""What the CLI and the app both do, done once: the headless core they stand on.

A `Session` ties together a loaded pack, the learner's workspace, the progress store and
the grading worker. It imports neither torch nor any UI library.
"""

from __future__ import annotations

import dataclasses
import difflib
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tutor import messages as M
from tutor.grading import client
from tutor.grading.verdict import Verdict
from tutor.pack.choice import load_chosen_pack
from tutor.pack.loader import Pack
from tutor.pack.model import Exercise, Lesson
from tutor.progress import Progress
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
            ids = list(self.pack.exercises)
            close = difflib.get_close_matches(exercise_id, ids, n=3, cutoff=0.5)
            close += [i for i in ids if exercise_id and exercise_id in i and i not in close][:3]
            message = M.CLI_UNKNOWN_EXERCISE.format(id=exercise_id)
            message += M.CLI_CLOSE_IDS.format(ids=", ".join(close)) if close else M.CLI_ALL_IDS
            raise UsageError(message) from None

    def rows(self) -> list[ExerciseRow]:
        statuses = self.progress.statuses(self.pack.id)
        return [
            ExerciseRow(lesson, ex, statuses[ex.id].status if ex.id in statuses else "not_tried")
            for lesson, ex in self.pack.ordered_exercises()
        ]

    def next_exercise(self) -> ExerciseRow | None:
        return next((row for row in self.rows() if row.status != "passed"), None)

    def learner_file(self, exercise_id: str) -> Path:
        lesson, exercise = self.find(exercise_id)
        return self.workspace.ensure(lesson, exercise)

    # --- grading ------------------------------------------------------------------------------
    def submit(
        self,
        exercise_id: str,
        file: Path | str | None = None,
        *,
        seed: int | None = None,
        device: str = "auto",
        on_event: Callable[[dict], None] | None = None,
        record: bool = True,
    ) -> Verdict:
        lesson, exercise = self.find(exercise_id)
        path = Path(file).expanduser() if file else self.workspace.ensure(lesson, exercise)
        # Read once: what is graded, hashed and recorded is the same bytes, even if the file
        # is saved again while grading runs.
        source = read_learner_file(path)
        verdict = self.grade_file(
            exercise, path, seed=seed, device=device, on_event=on_event, source=source
        )
        if record:
            # A replay (`--seed N`) ran cases the learner could know in advance: it is shown
            # and returned as it is, but never recorded as a pass (CONTRACT.md).
            recorded = verdict if seed is None else dataclasses.replace(verdict, passed=False)
            self.progress.record_attempt(self.pack.id, recorded, source)
        return verdict

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

    def reset(self, exercise_id: str) -> tuple[Path, Path | None]:
        lesson, exercise = self.find(exercise_id)
        return self.workspace.reset(lesson, exercise)


def read_learner_file(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError(M.CLI_FILE_MISSING.format(path=path))
    return path.read_bytes()
