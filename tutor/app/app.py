"""The application object: navigation between screens, resume, background warm-up, and the
Turkish for the few texts Textual itself shows (the quit hint, the palette, the theme search)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path

from rich.theme import Theme
from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tutor import messages as M
from tutor.app import keymap
from tutor.app.config import AppConfig
from tutor.app.screens.course_map import CourseMapScreen
from tutor.pack.model import Lesson
from tutor.session import Session

RESUME_KEY = "app.yer.{pack}"


# The first screen is the course map; every other screen and the palette's providers are
# imported when first opened (together some 50 ms that the first paint does not wait for).
def _tutor_commands():
    from tutor.app.commands import TutorCommands

    return TutorCommands


class TutorApp(App[int]):
    CSS_PATH = "tutor.tcss"
    BINDINGS = keymap.bindings("app")
    COMMANDS = App.COMMANDS | {_tutor_commands}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    NOTIFICATION_TIMEOUT = 4

    def __init__(self, session: Session, config: AppConfig):
        super().__init__()
        self.session = session
        self.config = config
        self.title = session.pack.manifest.title
        self.lessons: dict[str, Lesson] = {
            item.lesson.id: item.lesson for item in session.pack.lessons
        }
        self._painted = False
        # Read before any screen can store its own place over it.
        self._left_at = self._stored_place() if config.resume else None
        # The last place shown other than the map: the map puts its cursor there on return.
        self.last_place: dict | None = self._left_at

    # --- starting -------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen:
        return CourseMapScreen()

    def on_mount(self) -> None:
        self._match_rich_code_style()
        self.theme_changed_signal.subscribe(self, lambda _theme: self._match_rich_code_style())
        if self._left_at is not None:
            self.open_place(self._left_at)
        self.call_after_refresh(self._first_paint)

    def _first_paint(self) -> None:
        if self._painted:
            return
        self._painted = True
        if self.config.exit_after_paint:
            Path(self.config.exit_after_paint).write_text(str(time.time_ns()))
            self.exit(0)
            return
        if self.config.warm_up:
            # After the first paint: a cold worker imports torch twice (worker and zygote),
            # which on two cores would take the CPU from the first screen (0.96 s, not 0.45 s).
            self.warm_up()

    def _match_rich_code_style(self) -> None:
        """Inline code drawn by Rich (the reader) in the theme's colour, as the Textual widgets
        draw it (`tutor.app.components.inline`): one look for code in every widget."""
        accent = self.theme_variables.get("text-accent")
        if accent:
            self.console.push_theme(Theme({"markdown.code": f"bold {accent}"}))

    @work(thread=True, exclusive=True, exit_on_error=False, group="warm-up", name="warm-up")
    def warm_up(self) -> None:
        """Start the grading worker now, so that the first submission finds torch loaded."""
        self.session.warm_up()

    @on(Worker.StateChanged)
    def _warm_up_failed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "warm-up" and event.state == WorkerState.ERROR:
            self.notify(M.APP_WARM_UP_FAILED.format(error=event.worker.error), severity="warning")

    # --- where the learner left off --------------------------------------------------------------
    @property
    def _resume_key(self) -> str:
        return RESUME_KEY.format(pack=self.session.pack.id)

    def remember(self, screen: Screen | None = None) -> None:
        """Store the place `screen` shows (default: the one on top), to reopen it next time."""
        place = getattr(screen or self.screen, "place", None)
        if callable(place):
            where = place()
            if where is not None:
                if where.get("screen") not in ("map", None):
                    self.last_place = where
                self.session.progress.set_state(
                    self._resume_key, json.dumps(where, ensure_ascii=False)
                )

    def _stored_place(self) -> dict | None:
        raw = self.session.progress.get_state(self._resume_key)
        try:
            where = json.loads(raw) if raw else None
        except ValueError:
            return None
        return where if isinstance(where, dict) else None

    def open_place(self, where: dict) -> None:
        """Open a place stored by `remember`; places that no longer exist are skipped quietly."""
        screen = where.get("screen")
        if screen == "lesson" and where.get("lesson") in self.lessons:
            self.open_lesson(where["lesson"])
        elif screen == "exercise" and where.get("exercise") in self.session.pack.exercises:
            self.open_exercise(where["exercise"])
        elif screen == "quiz" and where.get("lesson") in self.lessons:
            attempt = where.get("attempt")
            self.open_quiz(
                where["lesson"],
                where.get("kind", "quiz"),
                int(where.get("question") or 0),
                attempt=int(attempt) if isinstance(attempt, int) else None,
            )
        elif screen == "glossary":
            self.action_glossary(str(where.get("query") or ""))

    # --- navigation --------------------------------------------------------------------------------
    def _to_map(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def open_lesson(self, lesson_id: str, *, stack: bool = False) -> None:
        """The reader opens where this lesson was left (kept per lesson in the progress store)."""
        if not stack:
            self._to_map()
        from tutor.app.screens.lesson import LessonScreen

        self.push_screen(LessonScreen(self.lessons[lesson_id]))

    def open_exercise(self, exercise_id: str, *, stack: bool = False) -> None:
        if not stack:
            self._to_map()
        from tutor.app.screens.exercise import ExerciseScreen

        self.push_screen(ExerciseScreen(exercise_id))

    def open_quiz(
        self,
        lesson_id: str,
        kind: str = "quiz",
        question: int | None = None,
        *,
        attempt: int | None = None,
        stack: bool = False,
    ) -> None:
        """Open a quiz: the attempt left unfinished continues, otherwise a new one starts."""
        lesson = self.lessons[lesson_id]
        if not getattr(lesson, kind, None):
            self.notify(M.APP_NO_QUIZ, severity="warning")
            return
        if not stack:
            self._to_map()
        from tutor.app.screens.quiz import QuizScreen

        self.push_screen(QuizScreen(lesson, kind, question, attempt))

    def action_glossary(self, query: str = "") -> None:
        from tutor.app.screens.glossary import GlossaryScreen

        for screen in self.screen_stack:
            if isinstance(screen, GlossaryScreen):
                while self.screen is not screen:
                    self.pop_screen()
                screen.search(query)
                return
        self.push_screen(GlossaryScreen(query))

    def action_help(self) -> None:
        from tutor.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_home(self) -> None:
        self._to_map()

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    async def action_quit(self) -> None:
        save_place = getattr(self.screen, "save_place", None)
        if callable(save_place):
            save_place()
        self.remember()
        self.exit(0)

    # --- Textual's own texts, in Turkish ------------------------------------------------------
    def action_help_quit(self) -> None:
        """Ctrl+C does not quit a Textual app; say how to quit (Textual says it in English)."""
        self.notify(M.APP_QUIT_HINT, title=M.APP_QUIT_HINT_TITLE, markup=False)

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from tutor.app.commands import TutorPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(
                TutorPalette(id="--command-palette", placeholder=M.APP_PALETTE_PLACEHOLDER)
            )

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from tutor.app.commands import TutorPalette

        self.push_screen(
            TutorPalette(providers=[ThemeProvider], placeholder=M.APP_THEME_PLACEHOLDER)
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(M.APP_CMD_HELP, M.APP_CMD_HELP_HELP, self.action_help)
        yield SystemCommand(M.APP_CMD_GLOSSARY, M.APP_CMD_GLOSSARY_HELP, self.action_glossary)
        yield SystemCommand(M.APP_CMD_HOME, M.APP_CMD_HOME_HELP, self.action_home)
        yield SystemCommand(M.APP_CMD_THEME, M.APP_CMD_THEME_HELP, self.action_change_theme)
        yield SystemCommand(M.APP_CMD_QUIT, M.APP_CMD_QUIT_HELP, self.action_quit)
