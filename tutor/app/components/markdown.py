"""Markdown drawn by Rich, and lesson text split into prose, code and tables.

Textual's `Markdown` widget builds a widget for every block; a long lesson took seconds to
open on a busy machine. Rich draws the same Markdown (headings, lists, code highlighted by
Pygments) as one renderable, in a tenth of the time, and scrolls as one piece.

Rich wraps code and squeezes tables to the width, though: a wrapped line of Python is not
Python, and a table squeezed to 80 columns breaks `(N, C, H, W)` in two. `MarkdownDocument`
therefore draws a lesson's text as a few pieces: runs of prose through Rich, each top-level
code block in a box that scrolls sideways and never wraps, each table through
`tutor.app.components.table`, which fits it to the width without breaking a code span.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from rich.markdown import CodeBlock as RichCodeBlock
from rich.markdown import Markdown as RichMarkdown
from rich.syntax import Syntax
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.content import Content
from textual.highlight import highlight
from textual.widgets import Static

from tutor.app.components.table import MarkdownTable, TableModel

# ANSI colours follow the terminal's and the app theme's palette, like `tutor show` in the CLI.
CODE_THEME = "ansi_dark"


class _UnwrappedCodeBlock(RichCodeBlock):
    """A code block inside a list item: cut at the edge rather than wrapped into non-Python."""

    def __rich_console__(self, console, options):
        yield Syntax(str(self.text).rstrip(), self.lexer_name, theme=self.theme, padding=(0, 1))


class _ProseMarkdown(RichMarkdown):
    elements = {**RichMarkdown.elements, "fence": _UnwrappedCodeBlock}
    elements["code_block"] = _UnwrappedCodeBlock


def rich_markdown(text: str, *, wrap_code: bool = True) -> RichMarkdown:
    cls = RichMarkdown if wrap_code else _ProseMarkdown
    return cls(text, code_theme=CODE_THEME, hyperlinks=True)


class MarkdownText(Static):
    """A Static that shows Markdown; `set_markdown` replaces it."""

    def __init__(self, text: str = "", *, wrap_code: bool = True, **kwargs):
        self._wrap_code = wrap_code
        super().__init__(rich_markdown(text, wrap_code=wrap_code), **kwargs)
        self.markdown = text

    def set_markdown(self, text: str) -> None:
        self.markdown = text
        self.update(rich_markdown(text, wrap_code=self._wrap_code))


# --- lesson text as pieces ------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    kind: str  # "prose" | "code" | "table"
    text: str  # Markdown for prose, the code itself for code
    language: str = ""
    table: TableModel | None = None


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # The same parser options as Rich's Markdown, so the pieces split where Rich sees blocks.
    return MarkdownIt().enable("strikethrough").enable("table")


@lru_cache(maxsize=512)
def split_blocks(markdown: str) -> tuple[Block, ...]:
    """The text as runs of prose, top-level code blocks and tables, in order."""
    lines = markdown.splitlines()
    tokens = _parser().parse(markdown)
    blocks: list[Block] = []
    prose_from: int | None = None
    prose_to = 0

    def flush() -> None:
        nonlocal prose_from
        if prose_from is not None:
            text = "\n".join(lines[prose_from:prose_to]).strip("\n")
            if text.strip():
                blocks.append(Block("prose", text))
        prose_from = None

    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.map is None:
            index += 1
            continue
        start, end = token.map
        if token.type in ("fence", "code_block"):
            flush()
            language = (token.info or "").split(" ")[0] if token.type == "fence" else ""
            blocks.append(Block("code", token.content.rstrip("\n"), language))
        elif token.type == "table_open":
            flush()
            close = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            table = TableModel.from_tokens(tokens[index : close + 1])
            blocks.append(Block("table", "\n".join(lines[start:end]), table=table))
            index = close
        else:
            if prose_from is None:
                prose_from = start
            prose_to = end
        index += 1
    flush()
    return tuple(blocks)


def code_content(code: str, language: str) -> Content:
    """Highlighted code (Pygments through Textual); text blocks are plain."""
    if language in ("", "text", "plain", "console"):
        return Content(code)
    return highlight(code, language=language)


class CodeBlock(ScrollableContainer):
    """Code that is never wrapped: a wide line scrolls sideways (Shift+wheel, or ← → once the
    block has focus; it can take focus only when it is wider than the screen)."""

    DEFAULT_CSS = """
    CodeBlock {
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

    def __init__(self, code: str, language: str = "", **kwargs):
        super().__init__(**kwargs)
        self.code = code
        self.language = language
        self.can_focus = False

    def compose(self) -> ComposeResult:
        yield Static(code_content(self.code, self.language), classes="code-lines")

    def on_resize(self) -> None:
        self.can_focus = self.max_scroll_x > 0


class MarkdownDocument(Vertical):
    """A lesson's Markdown: prose through Rich, code that scrolls, tables that fit."""

    DEFAULT_CSS = """
    MarkdownDocument {
        height: auto;
    }
    """

    def __init__(self, markdown: str = "", **kwargs):
        super().__init__(**kwargs)
        self.markdown = markdown

    def compose(self) -> ComposeResult:
        yield from self._pieces(self.markdown)

    @staticmethod
    def _pieces(markdown: str) -> list[Static | CodeBlock | MarkdownTable]:
        pieces: list[Static | CodeBlock | MarkdownTable] = []
        for block in split_blocks(markdown):
            if block.kind == "code":
                pieces.append(CodeBlock(block.text, block.language, classes="md-code"))
            elif block.kind == "table" and block.table is not None:
                pieces.append(MarkdownTable(block.table, classes="md-table"))
            else:
                pieces.append(MarkdownText(block.text, wrap_code=False, classes="md-prose"))
        return pieces

    async def set_markdown(self, markdown: str) -> None:
        self.markdown = markdown
        await self.remove_children()
        await self.mount_all(self._pieces(markdown))
