"""The lesson reader: the lesson's Markdown, its worked examples and a table of contents.

The reader remembers, per lesson, the section the learner is in and how far into it, and
which sections they have read to the end (both in the progress store): a lesson reopened,
in this session or after a restart, opens where it was left, and the course map shows how
much of each lesson has been read. Positions are kept relative to a section's title, so
they survive a terminal of another width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tutor import messages as M
from tutor.app import clipboard, keymap
from tutor.app.components.example import WorkedExample
from tutor.app.components.inline import inline_content
from tutor.app.components.markdown import MarkdownDocument
from tutor.pack.model import Lesson

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

# How long to keep trying to restore a scroll position while the text is still being laid out.
RESTORE_TRIES = 40
RESTORE_EVERY_S = 0.05
# A scroll position is written this long after the scrolling stops (not on every line).
SAVE_AFTER_S = 0.4
# The table of contents takes at most this share of the screen's width, in percent; below
# NARROW columns it is hidden until asked for.
TOC_SHARE = 30
NARROW = 100


class LessonScreen(Screen):
    BINDINGS = keymap.bindings("lesson")

    def __init__(self, lesson: Lesson):
        super().__init__()
        self.lesson = lesson
        self._restore_to: tuple[int, float] | None = None  # (section, lines into it)
        self._restore_tries = 0
        self._read: set[int] = set()
        self._save_timer = None
        self._last_position: tuple[int, float] | None = None  # after the last scroll

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        lesson = self.lesson
        yield Header()
        with Horizontal(id="lesson"):
            options = [Option(M.APP_TOC_TOP, id="toc-top")]
            options += [
                Option(inline_content(f"{i + 1}. {section.title}"), id=f"toc-{i}")
                for i, section in enumerate(lesson.sections)
            ]
            options.append(Option(M.APP_TOC_END, id="toc-end"))
            yield OptionList(*options, id="toc")
            with VerticalScroll(id="reader"):
                yield Static(
                    Content(M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)),
                    id="lesson-title",
                )
                yield Static(inline_content(lesson.summary.strip()), id="lesson-summary")
                if lesson.pre_quiz:
                    yield Static(
                        inline_content(M.APP_LESSON_PRE_QUIZ_NOTE.format(n=len(lesson.pre_quiz))),
                        id="pre-quiz-note",
                        classes="note",
                    )
                for i, section in enumerate(lesson.sections):
                    yield Static(
                        inline_content(f"{i + 1}. {section.title}"),
                        id=f"section-{i}",
                        classes="section-title",
                    )
                    yield MarkdownDocument(section.body, classes="section-body")
                    for j, example in enumerate(section.examples):
                        yield WorkedExample(example, f"{i + 1}.{j + 1}", id=f"example-{i}-{j}")
                yield Static(Content(M.APP_TOC_END), id="lesson-end", classes="section-title")
                yield MarkdownDocument(self._end_text(), classes="section-body")
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
        self._size_toc()
        if self.app.size.width < NARROW:
            self.query_one("#toc").display = False
        reader.focus()
        session = self.tutor.session
        self._read = session.progress.sections_read(session.pack.id, self.lesson.id).get(
            self.lesson.id, set()
        )
        place = session.progress.reading_place(session.pack.id, self.lesson.id)
        if place is not None and (place.section > 0 or place.line_offset > 0):
            section = min(place.section, len(self.lesson.sections))
            self._restore_to = (section, place.line_offset)
            self._restore_timer = self.set_interval(RESTORE_EVERY_S, self._restore_scroll)
        self.watch(reader, "scroll_y", self._scrolled, init=False)
        self.call_after_refresh(self._follow, save=False)

    def on_resize(self) -> None:
        """A new width reflows the text: keep the same section (and line in it) at the top."""
        self._size_toc()
        if self.app.size.width < NARROW:
            self.query_one("#toc").display = False
        if self._last_position is not None and self._restore_to is None:
            self._restore_to = self._last_position
            self._restore_tries = 0
            self._restore_timer = self.set_interval(RESTORE_EVERY_S, self._restore_scroll)

    def _size_toc(self) -> None:
        """As wide as the longest title (so none is cut or wrapped), at most a third of the
        screen: the text beside it matters more."""
        toc = self.query_one("#toc", OptionList)
        longest = max(
            Content(str(toc.get_option_at_index(i).prompt)).cell_length
            for i in range(toc.option_count)
        )
        chrome = toc.styles.gutter.width  # its padding and border
        toc.styles.width = min(longest + chrome, max(self.app.size.width * TOC_SHARE // 100, 20))

    # --- where the learner is -------------------------------------------------------------------
    def _anchors(self) -> list[Widget]:
        """The title of each section, then the end of the lesson."""
        return [
            *(self.query_one(f"#section-{i}") for i in range(len(self.lesson.sections))),
            self.query_one("#lesson-end"),
        ]

    def _anchor_y(self, anchor: Widget) -> int:
        """Where an anchor begins in the reader's scroll coordinates, its margin included (a
        jump to a section puts its margin at the top)."""
        reader = self.query_one("#reader", VerticalScroll)
        return anchor.virtual_region_with_margin.y - reader.gutter.top

    def position(self) -> tuple[int, float]:
        """(section index, lines below its title) at the top of the reader; (-1, y) above the
        first section. The index len(sections) is the end of the lesson."""
        reader = self.query_one("#reader", VerticalScroll)
        top = reader.scroll_y
        section, offset = -1, float(top)
        for index, anchor in enumerate(self._anchors()):
            y = self._anchor_y(anchor)
            if y <= top + 0.5:
                section, offset = index, float(top - y)
            else:
                break
        return section, round(offset, 1)

    def _restore_scroll(self) -> None:
        """The text lays itself out after mounting; scroll once the page is tall enough."""
        if self._restore_to is None:
            self._restore_timer.stop()
            return
        reader = self.query_one("#reader", VerticalScroll)
        section, offset = self._restore_to
        anchors = self._anchors()
        target = (self._anchor_y(anchors[section]) if section >= 0 else 0) + offset
        self._restore_tries += 1
        laid_out = section < 0 or self._anchor_y(anchors[section]) > 0
        if (laid_out and reader.max_scroll_y >= target) or self._restore_tries >= RESTORE_TRIES:
            reader.scroll_to(y=target, animate=False, immediate=True)
            self._restore_timer.stop()
            self._restore_to = None
            self.call_after_refresh(self._follow, save=False)

    def _scrolled(self, _old: float, _new: float) -> None:
        if self._restore_to is None:
            self._follow(save=True)

    def _follow(self, save: bool = True) -> None:
        """After a scroll: the table of contents follows, newly read sections are noted, and the
        place is saved a moment after the scrolling stops."""
        if not self.is_mounted:
            return
        section, offset = self.position()
        self._last_position = (section, offset)
        toc = self.query_one("#toc", OptionList)
        toc_index = 0 if section < 0 else section + 1
        if toc.highlighted != toc_index and self.focused is not toc:
            toc.highlighted = toc_index
        # A section is read once its end (the next title) has been on screen: scrolling through
        # it counts, jumping over it with the table of contents does not.
        reader = self.query_one("#reader", VerticalScroll)
        top = reader.scroll_y
        bottom = top + reader.scrollable_content_region.height
        anchors = self._anchors()
        for index in range(len(self.lesson.sections)):
            if index not in self._read and top <= self._anchor_y(anchors[index + 1]) < bottom:
                self._read.add(index)
        if save:
            if self._save_timer is not None:
                self._save_timer.stop()
            self._save_timer = self.set_timer(SAVE_AFTER_S, self.save_place)

    def save_place(self) -> None:
        """Write the reading position and the sections read to the progress store."""
        if self._restore_to is not None or not self.is_mounted:
            return
        session = self.tutor.session
        section, offset = self.position()
        session.progress.set_reading_place(session.pack.id, self.lesson.id, section, offset)
        session.progress.mark_sections_read(session.pack.id, self.lesson.id, sorted(self._read))

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def on_screen_suspend(self) -> None:
        self.save_place()
        # Covered by another screen (a quiz, an exercise): keep the place. Popped: the screen
        # below stores its own place.
        if self in self.app.screen_stack:
            self.tutor.remember(self)

    def on_unmount(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()

    def place(self) -> dict:
        return {"screen": "lesson", "lesson": self.lesson.id}

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
        """Hidden: show and focus it. Shown beside the text: focus it. Focused: hide it."""
        toc = self.query_one("#toc", OptionList)
        if toc.display and self.focused is toc:
            toc.display = False
            self.query_one("#reader").focus()
        else:
            toc.display = True
            toc.focus()

    def action_back(self) -> None:
        """Esc closes the table of contents when it has focus; otherwise it leaves the reader."""
        toc = self.query_one("#toc", OptionList)
        if toc.display and self.focused is toc:
            toc.display = False
            self.query_one("#reader").focus()
            return
        self.save_place()
        self.tutor.action_back()

    # --- examples ---------------------------------------------------------------------------
    def action_copy_example(self) -> None:
        example = self._example_to_copy()
        if example is None:
            self.notify(M.APP_COPY_NOTHING, severity="warning")
            return
        # OSC 52 to the terminal (which may ignore it, and cannot say so) ...
        self.app.copy_to_clipboard(example.code)
        # ... and the system's clipboard tool where there is one: only it can confirm the copy.
        self.copy_with_system_tool(example.code, example.label)

    @work(thread=True, exclusive=True, exit_on_error=False, group="copy", name="copy")
    def copy_with_system_tool(self, code: str, label: str) -> None:
        tool = clipboard.copy(code)
        if tool is not None:
            message, title = M.APP_COPIED.format(label=label, tool=tool), M.APP_COPIED_TITLE
        else:
            message, title = M.APP_COPY_SENT.format(label=label), M.APP_COPY_SENT_TITLE
        self.app.call_from_thread(self.notify, message, title=title, markup=False)

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
