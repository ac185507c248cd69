"""The course map: lessons in order with their progress, and under each its reading, quizzes
and exercises with their status. The first screen, and the one every other returns to: its
cursor waits on what the learner just left (after a restart too), else on the next exercise.
On the very first run it greets the learner and says how to start."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.inline import inline_content, inline_text
from tutor.app.components.markdown import MarkdownText
from tutor.app.components.marks import status_mark
from tutor.pack.model import Lesson

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

# What a tree node stands for: (kind, lesson id, detail) with kind one of
# "lesson", "reading", "quiz" (detail: "quiz" | "pre_quiz") and "exercise" (detail: its id).
NodeData = tuple[str, str, str]

# Set once the welcome has been shown: it is never shown again.
WELCOMED_KEY = "app.karsilandi.{pack}"


class CourseMapScreen(Screen):
    BINDINGS = keymap.bindings("map")

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="welcome")
        with Horizontal(id="map"):
            with Vertical(id="map-left"):
                yield Static(id="map-summary")
                yield Tree(M.APP_MAP_ROOT, id="course-tree")
            with VerticalScroll(id="map-detail"):
                yield Static(id="detail-title")
                yield MarkdownText(id="detail-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = M.APP_MAP_TITLE
        tree = self.query_one(Tree)
        tree.show_root = False
        tree.guide_depth = 3
        self._tree_nodes: dict[NodeData, TreeNode[NodeData]] = {}
        for item in self.tutor.session.pack.lessons:
            lesson = item.lesson
            node = tree.root.add("", data=("lesson", lesson.id, ""))
            self._tree_nodes[("lesson", lesson.id, "")] = node
            leaves: list[NodeData] = [("reading", lesson.id, "")]
            if lesson.pre_quiz:
                leaves.append(("quiz", lesson.id, "pre_quiz"))
            leaves += [("exercise", lesson.id, ex.id) for ex in lesson.exercises]
            if lesson.quiz:
                leaves.append(("quiz", lesson.id, "quiz"))
            for data in leaves:
                self._tree_nodes[data] = node.add_leaf("", data=data)
        self.refresh_progress()
        self._just_mounted = True  # the resume that follows the mount need not redraw it all
        self._welcome()
        if not self._focus_place(self.tutor.last_place):
            self._focus_next()
        tree.focus()

    def on_screen_suspend(self) -> None:
        self._left = True
        self._just_mounted = False  # whatever happens elsewhere is drawn on the way back

    def on_screen_resume(self) -> None:
        if hasattr(self, "_tree_nodes"):
            if getattr(self, "_left", False):  # back from somewhere: the welcome has done its job
                self.query_one("#welcome").display = False
            if not getattr(self, "_just_mounted", False):
                self.refresh_progress()
            self._just_mounted = False
            self._focus_place(self.tutor.last_place)
            self.tutor.remember(self)

    def _welcome(self) -> None:
        """A few words on how to start, on the first run only (no progress, no place to resume)."""
        welcome = self.query_one("#welcome", Static)
        session = self.tutor.session
        key = WELCOMED_KEY.format(pack=session.pack.id)
        first_run = (
            self.tutor.last_place is None
            and not session.progress.get_state(key)
            and not session.progress.has_any_progress(session.pack.id)
        )
        welcome.display = first_run
        if first_run:
            welcome.update(inline_content(M.APP_WELCOME))
            session.progress.set_state(key, "1")

    def place(self) -> dict:
        return {"screen": "map"}

    # --- progress ------------------------------------------------------------------------------
    def refresh_progress(self) -> None:
        session = self.tutor.session
        rows = session.rows()
        status = {row.exercise.id: row.status for row in rows}
        attempts = session.progress.statuses(session.pack.id)
        self._status = status
        self._attempts = attempts
        self._read = session.progress.sections_read(session.pack.id)
        for (kind, lesson_id, detail), node in self._tree_nodes.items():
            lesson = self.tutor.lessons[lesson_id]
            node.set_label(self._label(kind, lesson, detail))
        passed = sum(s == "passed" for s in status.values())
        nxt = session.next_exercise()
        summary = M.APP_MAP_SUMMARY.format(passed=passed, total=len(rows))
        if nxt is not None:
            summary += M.APP_MAP_NEXT.format(id=nxt.exercise.id)
        self.query_one("#map-summary", Static).update(summary)
        tree = self.query_one(Tree)
        if tree.cursor_node is not None:
            self._show_detail(tree.cursor_node.data)

    def _quiz_text(self, lesson: Lesson, kind: str) -> str:
        """The last finished attempt's score, and the best when it differs; –/n if none."""
        total = len(getattr(lesson, kind))
        standing = self.tutor.session.progress.quiz_standing(
            self.tutor.session.pack.id, lesson.id, kind
        )
        if standing.last is None or standing.best is None:
            return M.APP_QUIZ_NOT_TAKEN.format(total=total)
        if standing.best != standing.last:
            return M.APP_QUIZ_SCORE_BEST.format(last=standing.last, best=standing.best, total=total)
        return M.APP_QUIZ_SCORE.format(correct=standing.last, total=total)

    def _sections_read(self, lesson: Lesson) -> int:
        return len({i for i in self._read.get(lesson.id, set()) if 0 <= i < len(lesson.sections)})

    def _style(self, style: str) -> str:
        """Tree labels are Rich text: resolve the theme's `$variables` by hand."""
        variables = self.app.theme_variables
        return " ".join(
            variables.get(word[1:], "") if word.startswith("$") else word for word in style.split()
        ).strip()

    def _label(self, kind: str, lesson: Lesson, detail: str) -> Text:
        accent = self._style("$accent")
        if kind == "lesson":
            done = sum(self._status.get(ex.id) == "passed" for ex in lesson.exercises)
            parts = [
                M.APP_MAP_LESSON_READ.format(
                    read=self._sections_read(lesson), total=len(lesson.sections)
                )
            ]
            if lesson.exercises:
                parts.append(M.APP_MAP_EXERCISES.format(passed=done, total=len(lesson.exercises)))
            if lesson.quiz:
                parts.append(M.APP_MAP_QUIZ.format(score=self._quiz_text(lesson, "quiz")))
            title = M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)
            return Text.assemble(
                (title, "bold"), ("  " + " · ".join(parts), "dim") if parts else ""
            )
        if kind == "reading":
            read = self._sections_read(lesson)
            label = (
                M.APP_MAP_READING_PROGRESS.format(read=read, total=len(lesson.sections))
                if read
                else M.APP_MAP_READING.format(n=len(lesson.sections))
            )
            return Text.assemble(("≡ ", accent), label)
        if kind == "quiz":
            return Text.assemble(
                ("? ", accent),
                M.APP_QUIZ_NAMES[detail],
                (f"  {self._quiz_text(lesson, detail)}", "dim"),
            )
        exercise = next(ex for ex in lesson.exercises if ex.id == detail)
        status = self._status.get(detail, "not_tried")
        mark, style = status_mark(status)
        return Text.assemble(
            (f"{mark} ", self._style(style)),
            (exercise.id, "bold"),
            " — ",
            inline_text(exercise.title),
        )

    def _focus_next(self) -> None:
        """Put the cursor on the next exercise to do, with its lesson open; for a learner who
        has done nothing yet, on the first lesson's reading."""
        session = self.tutor.session
        nxt = session.next_exercise()
        lessons = [item.lesson for item in session.pack.lessons]
        if nxt is None or (lessons and not session.progress.has_any_progress(session.pack.id)):
            if lessons:
                self._move_to(("reading", lessons[0].id, ""))
            return
        self._move_to(("exercise", nxt.lesson.id, nxt.exercise.id))

    def _focus_place(self, where: dict | None) -> bool:
        """Put the cursor on the node of a place (a reading, a quiz, an exercise), its lesson
        open. False if the place has no node here."""
        if not where:
            return False
        screen, lesson_id = where.get("screen"), str(where.get("lesson") or "")
        if screen == "lesson":
            data: NodeData = ("reading", lesson_id, "")
        elif screen == "quiz":
            data = ("quiz", lesson_id, str(where.get("kind") or "quiz"))
        elif screen == "exercise":
            exercise = str(where.get("exercise") or "")
            found = self.tutor.session.pack.exercises.get(exercise)
            if found is None:
                return False
            data = ("exercise", found[0].id, exercise)
        else:
            return False
        return self._move_to(data)

    def _move_to(self, data: NodeData) -> bool:
        node = self._tree_nodes.get(data)
        if node is None:
            return False
        self._tree_nodes[("lesson", data[1], "")].expand()
        tree = self.query_one(Tree)
        self.call_after_refresh(tree.move_cursor, node)
        return True

    # --- events ----------------------------------------------------------------------------------
    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        self._show_detail(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        self._open(event.node.data)

    def action_next_exercise(self) -> None:
        nxt = self.tutor.session.next_exercise()
        if nxt is None:
            self.notify(M.CLI_PROGRESS_ALL_DONE)
            return
        self.tutor.open_exercise(nxt.exercise.id)

    def _open(self, data: NodeData | None) -> None:
        if data is None:
            return
        kind, lesson_id, detail = data
        if kind == "reading":
            self.tutor.open_lesson(lesson_id)
        elif kind == "quiz":
            self.tutor.open_quiz(lesson_id, detail)
        elif kind == "exercise":
            self.tutor.open_exercise(detail)

    def _show_detail(self, data: NodeData | None) -> None:
        if data is None:
            return
        kind, lesson_id, detail = data
        lesson = self.tutor.lessons[lesson_id]
        title = M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)
        if kind == "exercise":
            exercise = next(ex for ex in lesson.exercises if ex.id == detail)
            found = self._attempts.get(detail)
            status = M.CLI_STATUS[found.status if found else "not_tried"]
            body = M.APP_MAP_EXERCISE_DETAIL.format(
                title=exercise.title,
                id=exercise.id,
                signature=exercise.signature,
                status=status,
                attempts=found.attempts if found else 0,
                best=round((found.best_score if found else 0.0) * 100),
            )
        elif kind == "quiz":
            body = M.APP_MAP_QUIZ_DETAIL.format(
                quiz=M.APP_QUIZ_NAMES[detail],
                n=len(getattr(lesson, detail)),
                score=self._quiz_text(lesson, detail),
            )
        else:
            read = self._read.get(lesson.id, set())
            sections = "\n".join(
                f"- {'✔ ' if index in read else ''}{section.title}"
                for index, section in enumerate(lesson.sections)
            )
            body = M.APP_MAP_LESSON_DETAIL.format(summary=lesson.summary.strip(), sections=sections)
        self.query_one("#detail-title", Static).update(Content(title))
        self.query_one("#detail-body", MarkdownText).set_markdown(body)
