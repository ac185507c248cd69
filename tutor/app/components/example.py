"""A worked example in the lesson reader: focusable, so that a key can copy its code."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widgets import Static

from tutor import messages as M
from tutor.app.components.markdown import code_content
from tutor.pack.model import Example


class WorkedExample(ScrollableContainer, can_focus=True):
    """The code, highlighted with Pygments (through Textual's highlighter), and its output.

    Never wrapped: what is on screen is always the Python that runs. A line wider than the
    reader scrolls sideways (← → while the example has focus, or Shift+wheel).
    """

    DEFAULT_CSS = """
    WorkedExample {
        height: auto;
        overflow-x: auto;
        overflow-y: hidden;
        scrollbar-size-horizontal: 1;
        scrollbar-background: $boost;
        scrollbar-color: $foreground 25%;
        scrollbar-color-hover: $foreground 40%;
        scrollbar-color-active: $accent;
        & > Static {
            width: auto;
            text-wrap: nowrap;
        }
    }
    """

    def __init__(self, example: Example, label: str, **kwargs):
        super().__init__(**kwargs)
        self.example = example
        self.label = label
        self.border_title = M.APP_EXAMPLE_TITLE.format(label=label, title=example.title).rstrip(
            " —"
        )
        self.border_subtitle = M.APP_EXAMPLE_COPY_HINT

    def compose(self) -> ComposeResult:
        yield Static(self._content(self.example), classes="example-lines")

    @staticmethod
    def _content(example: Example) -> Content:
        parts = [code_content(example.code.rstrip(), "python")]
        if example.output.strip():
            parts.append(Content.styled(f"\n{M.APP_EXAMPLE_OUTPUT}", "italic $text-muted"))
            parts.append(Content.styled(example.output.rstrip(), "$text-muted"))
        return Content("\n").join(parts)

    @property
    def code(self) -> str:
        return self.example.code.rstrip() + "\n"
