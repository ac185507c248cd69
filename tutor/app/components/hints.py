"""The hints panel: hints taken so far, one level at a time, the newest in view and marked;
below them, once asked for and confirmed, the whole solution."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tutor import messages as M
from tutor.app.components.code import CodeBlock
from tutor.app.components.markdown import MarkdownText


class HintsPanel(VerticalScroll, can_focus=True):
    """Grows with the hints taken, up to its share of the pane; then it scrolls."""

    def __init__(self, total: int, *, id: str | None = None):
        super().__init__(id=id)
        self.total = total
        self.taken = 0
        self.solution_shown = False

    def compose(self) -> ComposeResult:
        yield Static(id="hints-title")
        yield Vertical(id="hints-body")
        yield Static(id="hints-more")

    def on_mount(self) -> None:
        self._update_texts()

    def _update_texts(self) -> None:
        self.query_one("#hints-title", Static).update(
            Content(M.APP_HINTS_TITLE.format(taken=self.taken, total=self.total))
        )
        if self.taken == 0:
            more = M.APP_HINTS_NONE.format(total=self.total)
        elif self.taken < self.total:
            more = M.APP_HINTS_MORE
        elif not self.solution_shown:
            more = M.APP_HINTS_LAST
        else:
            more = ""
        footer = self.query_one("#hints-more", Static)
        footer.update(Content(more))
        footer.display = bool(more)
        self.query_one("#hints-body").display = self.taken > 0 or self.solution_shown
        self.set_class(self.taken > 0 or self.solution_shown, "-has-hints")

    async def add_hint(self, level: int, text: str, *, scroll: bool = True) -> MarkdownText:
        """Show hint `level`; the newest is marked, and scrolled into view."""
        body = self.query_one("#hints-body", Vertical)
        for older in body.query(".hint.-newest"):
            older.remove_class("-newest")
        hint = MarkdownText(
            f"**{M.APP_HINT_HEADER.format(level=level, total=self.total)}**\n\n{text}",
            id=f"hint-{level}",
            classes="hint -newest",
        )
        solution = body.query("#solution-block")
        await body.mount(hint, before=solution.first() if solution else None)
        self.taken = max(self.taken, level)
        self._update_texts()
        if scroll:
            self.call_after_refresh(self.scroll_to_widget, hint, animate=False, top=True)
        return hint

    async def show_solution(self, code: str) -> None:
        if self.solution_shown:
            return
        body = self.query_one("#hints-body", Vertical)
        for older in body.query(".hint.-newest"):
            older.remove_class("-newest")
        block = Vertical(
            Static(Content(M.APP_SOLUTION_TITLE), id="solution-title"),
            CodeBlock(code.rstrip(), id="solution"),
            id="solution-block",
        )
        await body.mount(block)
        self.solution_shown = True
        self._update_texts()
        self.call_after_refresh(self.scroll_to_widget, block, animate=False, top=True)
