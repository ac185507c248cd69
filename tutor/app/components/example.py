"""A worked example in the lesson reader: focusable, so that a key can copy its code."""

from __future__ import annotations

from textual.content import Content
from textual.highlight import highlight
from textual.widgets import Static

from tutor import messages as M
from tutor.pack.model import Example


class WorkedExample(Static, can_focus=True):
    """The code, highlighted with Pygments (through Textual's highlighter), and its output.

    One widget per example: a lesson has dozens, and every widget costs styling time.
    """

    def __init__(self, example: Example, label: str, **kwargs):
        super().__init__(self._content(example), **kwargs)
        self.example = example
        self.label = label
        self.border_title = M.APP_EXAMPLE_TITLE.format(label=label, title=example.title).rstrip(
            " —"
        )
        self.border_subtitle = M.APP_EXAMPLE_COPY_HINT

    @staticmethod
    def _content(example: Example) -> Content:
        parts = [highlight(example.code.rstrip(), language="python")]
        if example.output.strip():
            parts.append(Content.styled(f"\n{M.APP_EXAMPLE_OUTPUT}", "italic $text-muted"))
            parts.append(Content.styled(example.output.rstrip(), "$text-muted"))
        return Content("\n").join(parts)

    @property
    def code(self) -> str:
        return self.example.code.rstrip() + "\n"
