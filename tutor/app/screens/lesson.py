"""The lesson reader: the lesson's Markdown, its worked examples and a table of contents."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.example import WorkedExample
from tutor.app.components.markdown import MarkdownText
from tutor.pack.model import Lesson

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

# How long to keep trying to restore a scroll position while the Markdown is still being laid out.
RESTORE_TRIES = 40
RESTORE_EVERY_S = 0.05


class LessonScreen(Screen):
    BINDINGS = keymap.bindings("lesson")

    def __init__(self, lesson: Lesson, scroll_y: float = 0.0):
        super().__init__()
        self.lesson = lesson
        self._restore_y = scroll_y
        self._restore_tries = 0

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        lesson = self.lesson
        yield Header()
        with Horizontal(id="lesson"):
            options = [Option(M.APP_TOC_TOP, id="toc-top")]
            options += [
                Option(f"{i + 1}. {section.title}", id=f"toc-{i}")
                for i, section in enumerate(lesson.sections)
            ]
            options.append(Option(M.APP_TOC_END, id="toc-end"))
            yield OptionList(*options, id="toc")
            with VerticalScroll(id="reader"):
                yield Static(
                    Content(M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)),
                    id="lesson-title",
                )
                yield Static(Content(lesson.summary.strip()), id="lesson-summary")
                if lesson.pre_quiz:
                    yield Static(
                        Content(M.APP_LESSON_PRE_QUIZ_NOTE), id="pre-quiz-note", classes="note"
                    )
                for i, section in enumerate(lesson.sections):
                    yield Static(
                        Content(f"{i + 1}. {section.title}"),
                        id=f"section-{i}",
                        classes="section-title",
                    )
                    yield MarkdownText(section.body, classes="section-body")
                    for j, example in enumerate(section.examples):
                        yield WorkedExample(example, f"{i + 1}.{j + 1}", id=f"example-{i}-{j}")
                yield Static(Content(M.APP_TOC_END), id="lesson-end", classes="section-title")
                yield MarkdownText(self._end_text(), classes="section-body")
        yield Footer(compact=True)

    def _end_text(self) -> str:
        lines = []
        if self.lesson.exercises:
            lines.append(M.APP_LESSON_END_EXERCISES)
            lines.append("")
            lines += [f"- `{ex.id}` — {ex.title}" for ex in self.lesson.exercises]
            lines.append("")
        if self.lesson.quiz:
            lines.append(M.APP_LESSON_END_QUIZ.format(n=len(self.lesson.quiz)))
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.sub_title = M.APP_LESSON_TITLE
        reader = self.query_one("#reader", VerticalScroll)
        if self.app.size.width < 100:
            self.query_one("#toc").display = False
        reader.focus()
        if self._restore_y > 0:
            self._restore_timer = self.set_interval(RESTORE_EVERY_S, self._restore_scroll)

    def _restore_scroll(self) -> None:
        """Markdown lays itself out after mounting; scroll once the page is tall enough."""
        reader = self.query_one("#reader", VerticalScroll)
        self._restore_tries += 1
        if reader.max_scroll_y >= self._restore_y or self._restore_tries >= RESTORE_TRIES:
            reader.scroll_to(y=self._restore_y, animate=False, immediate=True)
            self._restore_timer.stop()
            self._restore_y = 0.0

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def on_screen_suspend(self) -> None:
        # Covered by another screen (a quiz, an exercise): keep the scroll position. Popped: the
        # screen below stores its own place.
        if self in self.app.screen_stack:
            self.tutor.remember(self)

    def place(self) -> dict:
        reader = self.query_one("#reader", VerticalScroll)
        scroll_y = self._restore_y or reader.scroll_y
        return {"screen": "lesson", "lesson": self.lesson.id, "scroll_y": round(float(scroll_y), 1)}

    # --- table of contents ---------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        option_id = event.option.id or ""
        animate = not self.tutor.config.fixed
        if option_id == "toc-top":
            reader.scroll_home(animate=animate)
        elif option_id == "toc-end":
            reader.scroll_to_widget(self.query_one("#lesson-end"), top=True, animate=animate)
        else:
            target = self.query_one(f"#section-{option_id.removeprefix('toc-')}")
            reader.scroll_to_widget(target, top=True, animate=animate)
        reader.focus()

    def action_toggle_toc(self) -> None:
        toc = self.query_one("#toc", OptionList)
        toc.display = not toc.display
        if toc.display:
            toc.focus()
        else:
            self.query_one("#reader").focus()

    # --- examples ---------------------------------------------------------------------------
    def action_copy_example(self) -> None:
        example = self._example_to_copy()
        if example is None:
            self.notify(M.APP_COPY_NOTHING, severity="warning")
            return
        self.app.copy_to_clipboard(example.code)
        self.notify(M.APP_COPIED.format(label=example.label), title=M.APP_COPIED_TITLE)

    def _example_to_copy(self) -> WorkedExample | None:
        """The focused example, else the first one in view."""
        if isinstance(self.focused, WorkedExample):
            return self.focused
        reader = self.query_one("#reader", VerticalScroll)
        visible = reader.content_region
        for example in self.query(WorkedExample):
            if example.region.overlaps(visible):
                return example
        return None

    # --- quizzes and exercises ---------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "pre_quiz":
            return bool(self.lesson.pre_quiz)
        if action == "quiz":
            return bool(self.lesson.quiz)
        if action == "exercise":
            return bool(self.lesson.exercises)
        return True

    def action_quiz(self) -> None:
        self.tutor.open_quiz(self.lesson.id, "quiz", stack=True)

    def action_pre_quiz(self) -> None:
        self.tutor.open_quiz(self.lesson.id, "pre_quiz", stack=True)

    def action_exercise(self) -> None:
        statuses = {row.exercise.id: row.status for row in self.tutor.session.rows()}
        exercise = next(
            (ex for ex in self.lesson.exercises if statuses.get(ex.id) != "passed"),
            self.lesson.exercises[0],
        )
        self.tutor.open_exercise(exercise.id, stack=True)
