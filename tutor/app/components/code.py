"""Code shown as it is: highlighted, never wrapped (a wrapped line is no longer valid
Python), scrolled sideways when it is wider than its pane."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
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
        id: str | None = None,
        classes: str | None = None,
    ):
        super().__init__(id=id, classes=classes)
        self.code = code
        self.language = language

    def compose(self) -> ComposeResult:
        yield Static(highlight(self.code, language=self.language), classes="code-text")
