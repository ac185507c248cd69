"""Markdown drawn by Rich inside one widget.

Textual's `Markdown` widget builds a widget for every block; a long lesson took seconds to
open on a busy machine. Rich draws the same Markdown (headings, tables, lists, code blocks
highlighted by Pygments) as one renderable, in a tenth of the time, and scrolls as one piece.
"""

from __future__ import annotations

from rich.markdown import Markdown as RichMarkdown
from textual.widgets import Static

# ANSI colours follow the terminal's and the app theme's palette, like `tutor show` in the CLI.
CODE_THEME = "ansi_dark"


def rich_markdown(text: str) -> RichMarkdown:
    return RichMarkdown(text, code_theme=CODE_THEME, hyperlinks=True)


class MarkdownText(Static):
    """A Static that shows Markdown; `set_markdown` replaces it."""

    def __init__(self, text: str = "", **kwargs):
        super().__init__(rich_markdown(text), **kwargs)
        self.markdown = text

    def set_markdown(self, text: str) -> None:
        self.markdown = text
        self.update(rich_markdown(text))
