"""An exercise: where the work happens.

The task on the left (statement, signature, example), the work on the right (the latest
verdict, the hints taken); at narrow widths one above the other. Above both, the exercise's
status, whether saves are watched, and the learner's file.

Grading runs in a thread worker through `Session.submit`, the same path as `tutor submit`;
its progress comes back as `GradingProgress` messages. Saves are seen through file-system
events (watchfiles) in another thread worker, as `FileSaved` messages. The last verdict is
read back from the progress store, so it is there again after a restart, marked when the
file has changed since it was made.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.code import CodeBlock
from tutor.app.components.file_line import FileLine
from tutor.app.components.hints import HintsPanel
from tutor.app.components.markdown import MarkdownText
from tutor.app.components.marks import status_mark
from tutor.app.components.results import ResultsPanel
from tutor.display import fit_signature, shell_lines, signature_lines
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.numbers import percent
from tutor.session import UsageError, file_sha256

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

# Tried in this order when neither the app's setting nor $VISUAL or $EDITOR names an editor.
FALLBACK_EDITORS = ("editor", "nano", "vi")
# watchfiles: a save is reported once no new event came for STEP_MS (at most DEBOUNCE_MS).
WATCH_STEP_MS = 30
WATCH_DEBOUNCE_MS = 80


@dataclass
class EditorChoice:
    command: list[str]
    chosen_by_learner: bool  # False: a fallback the learner should be told about first


def editor_command(configured: str | None = None) -> EditorChoice | None:
    """The learner's editor: the app's setting, $VISUAL, $EDITOR, then one that is installed
    (the learner is asked first); None when there is none at all."""
    for value in (configured, os.environ.get("VISUAL"), os.environ.get("EDITOR")):
        if value and value.strip():
            return EditorChoice(shlex.split(value), True)
    for name in FALLBACK_EDITORS:
        if shutil.which(name):
            return EditorChoice([name], False)
    return None


@dataclass
class Graded:
    run: int
    verdict: Verdict
    sha256: str | None  # of the code that was graded, as recorded


class TaskPane(VerticalScroll):
    """The statement, the signature and the example; `b` fills the screen with it."""

    ALLOW_MAXIMIZE = True


class WorkPane(Vertical):
    """The verdict and the hints, maximized together with `b`."""

    ALLOW_MAXIMIZE = True


class ExerciseScreen(Screen):
    BINDINGS = keymap.bindings("exercise")

    class GradingProgress(Message):
        """An event from the grading worker, for grading run `run`."""

        def __init__(self, run: int, event: dict):
            super().__init__()
            self.run = run
            self.event = event

    class FileSaved(Message):
        """The learner's file was written (seen through file-system events)."""

    watching = var(True)

    def __init__(self, exercise_id: str):
        super().__init__()
        self.exercise_id = exercise_id
        self._run = 0  # the latest grading run; results of older runs are dropped
        self._graded_sha: str | None = None  # the code the shown verdict was made for
        self._seen_sha: str | None = None  # the file as last seen, so one save grades once
        self._stop_watch = threading.Event()

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    # --- building the screen ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        session = self.tutor.session
        self.lesson, self.exercise = session.find(self.exercise_id)
        self.path = session.learner_file(self.exercise_id)
        exercise = self.exercise
        yield Header()
        with Horizontal(id="exercise-bar"):
            yield Static(id="exercise-status")
            yield Static(id="watch-state")
        yield FileLine(self.path, id="learner-file")
        with Horizontal(id="exercise"):
            with TaskPane(id="statement"):
                yield MarkdownText(exercise.statement, id="exercise-statement")
                yield Static(Content(M.APP_SIGNATURE), classes="label")
                yield CodeBlock(
                    signature_lines(exercise.signature), fit=fit_signature, id="signature"
                )
                if exercise.example.strip():
                    yield Static(Content(M.APP_EXAMPLE), classes="label")
                    yield CodeBlock(exercise.example.rstrip(), id="example")
            with WorkPane(id="work"):
                yield ResultsPanel(id="results")
                yield HintsPanel(len(exercise.hints), id="hints")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        session = self.tutor.session
        self.sub_title = M.APP_EXERCISE_TITLE.format(title=self.exercise.title)
        self.set_reactive(ExerciseScreen.watching, self.tutor.config.watch)
        self._seen_sha = file_sha256(self.path)
        self._update_status()
        self._update_watch_state()
        hints = self.query_one(HintsPanel)
        taken = session.progress.hints_taken(session.pack.id, self.exercise.id)
        for level in range(1, taken + 1):
            await hints.add_hint(level, self.exercise.hints[level - 1], scroll=False)
        if self.exercise.id in session.progress.solutions_shown(session.pack.id):
            await self._show_solution(record=False)
        await self._restore_verdict()
        self.query_one("#statement").focus()
        self.watch_file()
        if self.watching and self._needs_grading():
            self.action_submit()

    def on_unmount(self) -> None:
        self._stop_watch.set()

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def place(self) -> dict:
        return {"screen": "exercise", "exercise": self.exercise.id}

    def _update_status(self) -> None:
        session = self.tutor.session
        found = session.progress.statuses(session.pack.id).get(self.exercise.id)
        status = found.status if found else "not_tried"
        seen = self.exercise.id in session.progress.solutions_shown(session.pack.id)
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
                    )
                    + (M.APP_EXERCISE_SOLUTION_SEEN if seen else ""),
                    "dim",
                ),
            )
        )
        self.set_class(status == "passed", "-passed")
        self.refresh_bindings()

    def _update_watch_state(self) -> None:
        badge = self.query_one("#watch-state", Static)
        badge.update(Content(M.APP_WATCH_BADGE_ON if self.watching else M.APP_WATCH_BADGE_OFF))
        badge.set_class(self.watching, "-on")
        badge.tooltip = M.APP_WATCH_ON if self.watching else M.APP_WATCH_OFF

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_exercise":  # `n` goes on after a pass, and shows only then
            return self.has_class("-passed")
        return True

    # --- the last verdict, kept in the progress store ----------------------------------------------
    async def _restore_verdict(self) -> None:
        session = self.tutor.session
        attempt = session.progress.last_attempt(session.pack.id, self.exercise.id)
        if attempt is None:
            return
        self._graded_sha = attempt.code_sha256
        stale = self._seen_sha != attempt.code_sha256
        panel = self.query_one(ResultsPanel)
        if attempt.verdict is None:
            await panel.show_summary(
                M.APP_VERDICT_SUMMARY_ONLY.format(
                    state=M.VERDICT_PASSED if attempt.passed else M.VERDICT_FAILED,
                    score=percent(attempt.score),
                )
            )
            return
        await self._show(attempt.verdict, stale=stale, replay=attempt.replay)

    async def _show(self, verdict: Verdict, *, stale: bool = False, replay: bool = False) -> None:
        await self.query_one(ResultsPanel).show_verdict(
            verdict,
            duration=M.APP_DURATION_FIXED if self.tutor.config.fixed else None,
            replay_command=shell_lines(self.tutor.session.replay_parts(verdict, self.path)),
            stale=stale,
            replay=replay,
        )
        self.add_class("graded")  # on a narrow screen the results now get more room

    def _needs_grading(self) -> bool:
        """The file holds code no verdict was made for (and is not the untouched starter)."""
        if self._seen_sha is None or self._seen_sha == self._graded_sha:
            return False
        return not self.tutor.session.is_untouched_starter(self.exercise.id)

    # --- watch mode ---------------------------------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="watch", name="watch")
    def watch_file(self, force_polling: bool = False) -> None:
        """Report every save of the learner's file, through the operating system's events
        (polled by watchfiles only where the system offers no events)."""
        import watchfiles  # about 10 ms; only while an exercise is open

        target = self.path.resolve()
        for changes in watchfiles.watch(
            target.parent,
            recursive=False,
            step=WATCH_STEP_MS,
            debounce=WATCH_DEBOUNCE_MS,
            stop_event=self._stop_watch,
            raise_interrupt=False,
            force_polling=force_polling or None,
            poll_delay_ms=100,
        ):
            if any(Path(changed) == target for _, changed in changes):
                self.post_message(self.FileSaved())

    @on(FileSaved)
    def _file_saved(self) -> None:
        self._check_file()

    def _check_file(self) -> None:
        """Grade a save in watch mode; otherwise mark the shown verdict as stale."""
        sha = file_sha256(self.path)
        if sha is None or sha == self._seen_sha:
            return  # gone for a moment (an editor replacing it), or one save seen twice
        self._seen_sha = sha
        panel = self.query_one(ResultsPanel)
        if self.watching:
            self.action_submit()
        elif panel.state == "graded":
            panel.mark_stale(sha != self._graded_sha)

    def watch_watching(self, watching: bool) -> None:
        if self.is_mounted:
            self._update_watch_state()

    def action_toggle_watch(self) -> None:
        self.watching = not self.watching
        self.notify(M.APP_WATCH_ON if self.watching else M.APP_WATCH_OFF)
        if self.watching:
            self._seen_sha = file_sha256(self.path)
            if self._needs_grading():
                self.action_submit()

    # --- editing ------------------------------------------------------------------------------------
    def action_edit(self) -> None:
        choice = editor_command(self.tutor.config.editor)
        if choice is None:
            self.notify(M.APP_EDITOR_NONE.format(path=self.path), severity="warning", timeout=10)
            return
        if choice.chosen_by_learner:
            self._run_editor(choice.command)
            return

        from tutor.app.components.confirm import Confirm  # Button: only when it is asked

        def answered(yes: bool | None) -> None:
            if yes:
                self.tutor.config.editor = shlex.join(choice.command)  # not asked again
                self._run_editor(choice.command)

        self.app.push_screen(
            Confirm(
                M.APP_EDITOR_CHOICE_TITLE,
                M.APP_EDITOR_CHOICE.format(editor=choice.command[0]),
                M.APP_EDITOR_OPEN.format(editor=choice.command[0]),
                yes_is_default=True,
            ),
            answered,
        )

    def _run_editor(self, command: list[str]) -> None:
        try:
            with self.app.suspend():
                subprocess.call([*command, str(self.path)])
        except SuspendNotSupported:
            self.notify(M.APP_EDITOR_NO_SUSPEND.format(path=self.path), severity="warning")
        except OSError as exc:
            self.notify(M.APP_EDITOR_FAILED.format(editor=command[0], error=exc), severity="error")
        self._check_file()  # a save in the editor counts at once, before its event arrives

    # --- hints and the solution -----------------------------------------------------------------------
    async def action_hint(self) -> None:
        session = self.tutor.session
        total = len(self.exercise.hints)
        if session.progress.hints_taken(session.pack.id, self.exercise.id) >= total:
            self.notify(M.APP_HINTS_ALL_SEEN)
            return
        level, text = session.next_hint(self.exercise.id)
        await self.query_one(HintsPanel).add_hint(level, text)
        self.notify(M.APP_HINT_NEW.format(level=level, total=total))

    def action_solution(self) -> None:
        if self.query_one(HintsPanel).solution_shown:
            self.query_one("#solution-block").scroll_visible(animate=False)
            return

        from tutor.app.components.confirm import Confirm  # Button: only when it is asked

        async def answered(yes: bool | None) -> None:
            if yes:
                await self._show_solution(record=True)

        self.app.push_screen(
            Confirm(M.APP_SOLUTION_CONFIRM_TITLE, M.APP_SOLUTION_CONFIRM, M.APP_SOLUTION_SHOW),
            answered,
        )

    async def _show_solution(self, *, record: bool) -> None:
        session = self.tutor.session
        try:
            if record:
                code = session.show_solution(self.exercise.id)
            else:
                code = session.pack.path(self.exercise.solution).read_text(encoding="utf-8")
        except (UsageError, OSError) as exc:
            self.notify(str(exc), severity="warning")
            return
        await self.query_one(HintsPanel).show_solution(code)
        if record:
            self._update_status()

    # --- moving on ---------------------------------------------------------------------------------
    def action_next_exercise(self) -> None:
        nxt = self.tutor.session.exercise_after(self.exercise.id)
        if nxt is None:
            self.notify(M.CLI_PROGRESS_ALL_DONE)
            return
        self.tutor.open_exercise(nxt.exercise.id)

    def action_maximize_pane(self) -> None:
        if self.maximized is not None:
            self.minimize()
            return
        focused = self.focused
        work = self.query_one(WorkPane)
        pane = work if focused is not None and work in focused.ancestors_with_self else None
        self.maximize(pane or self.query_one("#statement"), container=False)

    # --- grading ------------------------------------------------------------------------------------
    def action_submit(self) -> None:
        self._grade(fresh=False)

    def action_fresh_cases(self) -> None:
        self.notify(M.APP_FRESH_CASES)
        self._grade(fresh=True)

    def _grade(self, *, fresh: bool) -> None:
        self._run += 1
        self._seen_sha = file_sha256(self.path)
        self.query_one(ResultsPanel).start()
        self.grade(self._run, fresh)

    @work(thread=True, exclusive=True, exit_on_error=False, group="grading", name="grading")
    def grade(self, run: int, fresh: bool) -> Graded:
        """Runs in a thread: the warm worker grades, the attempt is recorded with the hash
        of the code that was graded; progress events come back as messages."""
        worker = get_current_worker()
        session = self.tutor.session

        def on_event(event: dict) -> None:
            if not worker.is_cancelled:
                self.post_message(self.GradingProgress(run, event))

        verdict = session.submit(
            self.exercise.id,
            self.path,
            fresh=fresh,
            device=self.tutor.config.device,
            on_event=on_event,
        )
        attempt = session.progress.last_attempt(session.pack.id, self.exercise.id)
        return Graded(run, verdict, attempt.code_sha256 if attempt else None)

    @on(GradingProgress)
    def _grading_progress(self, message: GradingProgress) -> None:
        if message.run == self._run:
            self.query_one(ResultsPanel).grading_event(message.event)

    @on(Worker.StateChanged)
    async def _grading_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "watch" and event.state == WorkerState.ERROR:
            if not self._stop_watch.is_set():  # no file-system events here (inotify limits)
                self.watch_file(force_polling=True)
            return
        if worker.group != "grading" or worker.is_cancelled:
            return
        if event.state == WorkerState.SUCCESS:
            graded = cast(Graded, worker.result)
            if graded.run != self._run:
                return
            self._graded_sha = graded.sha256
            self._update_status()
            await self._show(graded.verdict, stale=file_sha256(self.path) != graded.sha256)
            if graded.verdict.passed:
                self.notify(M.APP_PASSED_NOTE.format(id=self.exercise.id), title=M.VERDICT_PASSED)
        elif event.state == WorkerState.ERROR:
            error = worker.error
            if isinstance(error, (CannotGrade, UsageError)):
                message = str(error)
            else:
                message = M.CLI_INTERNAL_ERROR.format(error=f"{type(error).__name__}: {error}")
            await self.query_one(ResultsPanel).show_problem(message)
