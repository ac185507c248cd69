"""An exercise: the statement, the signature, the learner's file, hints, and grading.

Grading runs in a thread worker through `Session.submit`, the same path as `tutor submit`;
the worker's progress events reach the UI with `call_from_thread`, so the UI never waits.
While the screen is open, saving the file re-grades it (watch mode, polling the mtime).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.highlight import highlight
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.markdown import MarkdownText
from tutor.app.components.marks import status_mark
from tutor.app.components.results import ResultsPanel
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.session import UsageError, read_learner_file

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

FALLBACK_EDITORS = ("nano", "vim", "vi")


@dataclass
class Graded:
    run: int
    verdict: Verdict
    source: bytes


def editor_command(configured: str | None = None) -> list[str]:
    """The learner's editor: the app's setting, $VISUAL, $EDITOR, then one that is installed."""
    for value in (configured, os.environ.get("VISUAL"), os.environ.get("EDITOR")):
        if value and value.strip():
            return shlex.split(value)
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return [name]
    return ["vi"]


def file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class ExerciseScreen(Screen):
    BINDINGS = keymap.bindings("exercise")

    def __init__(self, exercise_id: str):
        super().__init__()
        self.exercise_id = exercise_id
        self.watching = True
        self._run = 0  # the latest grading run; results of older runs are dropped
        self._stamp: tuple[int, int] | None = None

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        session = self.tutor.session
        self.lesson, self.exercise = session.find(self.exercise_id)
        self.path = session.learner_file(self.exercise_id)
        exercise = self.exercise
        yield Header()
        with Horizontal(id="exercise"):
            with VerticalScroll(id="statement"):
                yield Static(id="exercise-status")
                yield MarkdownText(exercise.statement, id="exercise-statement")
                yield Static(Content(M.CLI_SHOW_SIGNATURE), classes="label")
                yield Static(
                    highlight(exercise.signature, language="python"), id="signature", classes="code"
                )
                if exercise.example.strip():
                    yield Static(Content(M.CLI_SHOW_EXAMPLE), classes="label")
                    yield Static(
                        highlight(exercise.example.rstrip(), language="python"),
                        id="example",
                        classes="code",
                    )
                yield Static(Content(M.APP_EXERCISE_FILE), classes="label")
                yield Static(Content(str(self.path)), id="learner-file")
                yield Static(id="watch-state")
                yield VerticalScroll(id="hints")
            yield ResultsPanel(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = M.APP_EXERCISE_TITLE.format(id=self.exercise.id, title=self.exercise.title)
        self._stamp = file_stamp(self.path)
        self._update_status()
        self._update_watch_state()
        session = self.tutor.session
        taken = session.progress.hints_taken(session.pack.id, self.exercise.id)
        for level in range(1, taken + 1):
            self._show_hint(level, self.exercise.hints[level - 1])
        self._watch_timer = self.set_interval(self.tutor.config.watch_interval_s, self._poll_file)
        self.query_one("#statement").focus()

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def place(self) -> dict:
        return {"screen": "exercise", "exercise": self.exercise.id}

    def _update_status(self) -> None:
        session = self.tutor.session
        found = session.progress.statuses(session.pack.id).get(self.exercise.id)
        status = found.status if found else "not_tried"
        mark, style = status_mark(status)
        self.query_one("#exercise-status", Static).update(
            Content.assemble(
                (f"{mark} ", style),
                (self.exercise.title, "bold"),
                (
                    "  "
                    + M.APP_EXERCISE_STATUS.format(
                        id=self.exercise.id,
                        number=self.lesson.number,
                        lesson=self.lesson.title,
                        status=M.CLI_STATUS[status],
                        attempts=found.attempts if found else 0,
                    ),
                    "dim",
                ),
            )
        )

    def _update_watch_state(self) -> None:
        self.query_one("#watch-state", Static).update(
            Content(M.APP_WATCH_ON if self.watching else M.APP_WATCH_OFF)
        )

    # --- watch mode -------------------------------------------------------------------------------
    def _poll_file(self) -> None:
        stamp = file_stamp(self.path)
        if stamp == self._stamp:
            return
        self._stamp = stamp
        if self.watching and stamp is not None:
            self.action_submit()

    def action_toggle_watch(self) -> None:
        self.watching = not self.watching
        self._stamp = file_stamp(self.path)
        self._update_watch_state()
        self.notify(M.APP_WATCH_ON if self.watching else M.APP_WATCH_OFF)

    # --- editing ------------------------------------------------------------------------------------
    def action_edit(self) -> None:
        command = [*editor_command(self.tutor.config.editor), str(self.path)]
        try:
            with self.app.suspend():
                subprocess.call(command)
        except SuspendNotSupported:
            self.notify(M.APP_EDITOR_NO_SUSPEND.format(path=self.path), severity="warning")
        except OSError as exc:
            self.notify(M.APP_EDITOR_FAILED.format(editor=command[0], error=exc), severity="error")
        self._poll_file()  # a save in the editor is graded at once, not at the next poll

    # --- hints ----------------------------------------------------------------------------------------
    def action_hint(self) -> None:
        session = self.tutor.session
        total = len(self.exercise.hints)
        if session.progress.hints_taken(session.pack.id, self.exercise.id) >= total:
            self.notify(M.APP_HINTS_ALL_SEEN)
            return
        level, text = session.next_hint(self.exercise.id)
        hint = self._show_hint(level, text)
        self.query_one("#statement", VerticalScroll).scroll_to_widget(
            hint, animate=not self.tutor.config.fixed
        )

    def _show_hint(self, level: int, text: str) -> MarkdownText:
        hint = MarkdownText(
            f"**{M.CLI_HINT_HEADER.format(level=level, total=len(self.exercise.hints), title=self.exercise.title)}**\n\n{text}",
            id=f"hint-{level}",
            classes="hint",
        )
        self.query_one("#hints", VerticalScroll).mount(hint)
        return hint

    # --- grading ------------------------------------------------------------------------------------
    def action_submit(self) -> None:
        self._run += 1
        self.query_one(ResultsPanel).start()
        self.grade(self._run)

    @work(thread=True, exclusive=True, exit_on_error=False, group="grading", name="grading")
    def grade(self, run: int) -> Graded:
        """Runs in a thread: the warm worker grades; progress events come back to the UI."""
        worker = get_current_worker()
        app = self.app

        def on_event(event: dict) -> None:
            if not worker.is_cancelled:
                app.call_from_thread(self._on_grade_event, run, event)

        source = read_learner_file(self.path)
        verdict = self.tutor.session.submit(
            self.exercise.id,
            self.path,
            seed=self.tutor.config.seed,
            device=self.tutor.config.device,
            on_event=on_event,
            # Recorded by the UI thread: the progress database's connection belongs to it.
            record=False,
        )
        return Graded(run, verdict, source)

    def _on_grade_event(self, run: int, event: dict) -> None:
        if run == self._run:
            self.query_one(ResultsPanel).grading_event(event)

    @on(Worker.StateChanged)
    async def _grading_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != "grading" or worker.is_cancelled:
            return
        panel = self.query_one(ResultsPanel)
        if event.state == WorkerState.SUCCESS:
            graded = cast(Graded, worker.result)
            if graded.run != self._run:
                return
            session = self.tutor.session
            session.progress.record_attempt(session.pack.id, graded.verdict, graded.source)
            self._update_status()
            self.add_class("graded")  # on a narrow screen the results now get more room
            await panel.show_verdict(graded.verdict, fixed=self.tutor.config.fixed)
            if graded.verdict.passed:
                self.notify(M.APP_PASSED_NOTE.format(id=self.exercise.id), title=M.VERDICT_PASSED)
        elif event.state == WorkerState.ERROR:
            error = worker.error
            if isinstance(error, (CannotGrade, UsageError)):
                message = str(error)
            else:
                message = M.CLI_INTERNAL_ERROR.format(error=f"{type(error).__name__}: {error}")
            await panel.show_problem(message)
