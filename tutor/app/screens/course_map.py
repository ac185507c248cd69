"""The course map: lessons in order with their progress, and under each its reading, quizzes
and exercises with their status. The first screen, and the one every other returns to."""

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
from tutor.app.components.markdown import MarkdownText
from tutor.app.components.marks import status_mark
from tutor.pack.model import Lesson

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

# What a tree node stands for: (kind, lesson id, detail) with kind one of
# "lesson", "reading", "quiz" (detail: "quiz" | "pre_quiz") and "exercise" (detail: its id).
NodeData = tuple[str, str, str]


class CourseMapScreen(Screen):
    BINDINGS = keymap.bindings("map")

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
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
        self._focus_next()
        tree.focus()

    def on_screen_resume(self) -> None:
        if hasattr(self, "_tree_nodes"):
            self.refresh_progress()
            self.tutor.remember(self)

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
        questions = getattr(lesson, kind)
        correct, answered = self.tutor.session.progress.quiz_score(
            self.tutor.session.pack.id, lesson.id, kind
        )
        if not answered:
            return M.APP_QUIZ_NOT_TAKEN.format(total=len(questions))
        return M.APP_QUIZ_SCORE.format(correct=correct, total=len(questions))

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
            parts = (
                [M.APP_MAP_EXERCISES.format(passed=done, total=len(lesson.exercises))]
                if lesson.exercises
                else []
            )
            if lesson.quiz:
                parts.append(M.APP_MAP_QUIZ.format(score=self._quiz_text(lesson, "quiz")))
            title = M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)
            return Text.assemble(
                (title, "bold"), ("  " + " · ".join(parts), "dim") if parts else ""
            )
        if kind == "reading":
            return Text.assemble(("≡ ", accent), M.APP_MAP_READING.format(n=len(lesson.sections)))
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
            (f"{mark} ", self._style(style)), (exercise.id, "bold"), f" — {exercise.title}"
        )

    def _focus_next(self) -> None:
        """Put the cursor on the next exercise to do, with its lesson open."""
        tree = self.query_one(Tree)
        nxt = self.tutor.session.next_exercise()
        if nxt is None:
            first = next(iter(self._tree_nodes.values()), None)
            if first is not None:
                tree.move_cursor(first)
            return
        self._tree_nodes[("lesson", nxt.lesson.id, "")].expand()
        node = self._tree_nodes[("exercise", nxt.lesson.id, nxt.exercise.id)]
        self.call_after_refresh(tree.move_cursor, node)

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
            sections = "\n".join(f"- {section.title}" for section in lesson.sections)
            body = M.APP_MAP_LESSON_DETAIL.format(summary=lesson.summary.strip(), sections=sections)
        self.query_one("#detail-title", Static).update(Content(title))
        self.query_one("#detail-body", MarkdownText).set_markdown(body)
