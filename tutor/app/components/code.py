"""Code shown as it is: highlighted, never wrapped (a wrapped line is no longer valid
Python), scrolled sideways when it is wider than its pane."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.events import Resize
from textual.highlight import highlight
from textual.widgets import Static


class CodeBlock(ScrollableContainer, can_focus=False):
    DEFAULT_CSS = """
    CodeBlock {
        height: auto;
        overflow-x: auto;
        overflow-y: hidden;
        scrollbar-size-horizontal: 1;
        background: $boost;
        padding: 0 1;
    }
    CodeBlock > Static {
        width: auto;
    }
    """

    def __init__(
        self,
        code: str,
        *,
        language: str = "python",
        fit: Callable[[str, int], str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ):
        """`fit(code, width)` may lay the code out again for the width it gets (a signature
        broken over lines as Black would); what does not fit then scrolls sideways."""
        super().__init__(id=id, classes=classes)
        self.code = code
        self.language = language
        self.fit = fit
        self.shown = code

    def compose(self) -> ComposeResult:
        yield Static(highlight(self.code, language=self.language), classes="code-text")

    def on_resize(self, event: Resize) -> None:
        if self.fit is None or self.size.width <= 0:
            return
        shown = self.fit(self.code, self.size.width)
        if shown != self.shown:
            self.shown = shown
            self.query_one(".code-text", Static).update(highlight(shown, language=self.language))
