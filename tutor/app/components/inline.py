"""Inline Markdown (code, bold, italic, links) drawn as Textual `Content` or Rich `Text`.

Lesson text is Markdown wherever it is shown: a quiz choice, a glossary entry, a palette
entry, a hint. Those are one-line (or short, wrapped) texts inside widgets that are not a
Markdown document: an option list, a table cell, a tree label. Drawn raw, `torch.int64` keeps
its backticks; drawn by a whole Markdown renderer, it becomes a paragraph with margins. These
helpers draw the inline part only, so the same text looks the same in every widget.

markdown-it parses (Rich already imports it for the reader); the spans are then styled for
Textual (`inline_content`, theme variables) or Rich (`inline_text`, the `markdown.*` styles
that the reader's Rich Markdown uses, so a code span looks the same in both).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from rich.text import Text
from textual.content import Content, Span

# How each mark is drawn. Textual styles resolve theme variables when the widget renders.
CONTENT_STYLES = {
    "code": "bold $text-accent",
    "strong": "bold",
    "em": "italic",
    "s": "strike",
    "link": "underline",
}
RICH_STYLES = {
    "code": "markdown.code",
    "strong": "markdown.strong",
    "em": "markdown.em",
    "s": "markdown.s",
    "link": "markdown.link",
}


@dataclass(frozen=True)
class Piece:
    text: str
    marks: frozenset[str] = frozenset()


# Characters without which a text has no inline Markdown (entities and escapes included).
_MARKUP_CHARACTERS = "`*_~[]<&\\\n"

_OPENERS = {"strong_open": "strong", "em_open": "em", "s_open": "s", "link_open": "link"}
_CLOSERS = {"strong_close": "strong", "em_close": "em", "s_close": "s", "link_close": "link"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


@lru_cache(maxsize=4096)
def pieces(markdown: str) -> tuple[Piece, ...]:
    """The text split into runs of the same marks. Soft line breaks become spaces."""
    if not any(mark in markdown for mark in _MARKUP_CHARACTERS):
        # Most titles are plain: no parser (and none built while the first screen is drawn).
        return (Piece(markdown),) if markdown else ()
    found: list[Piece] = []
    marks: list[str] = []
    for block in _parser().parseInline(markdown):
        for token in block.children or ():
            kind = token.type
            if kind in _OPENERS:
                marks.append(_OPENERS[kind])
            elif kind in _CLOSERS:
                if _CLOSERS[kind] in marks:
                    marks.remove(_CLOSERS[kind])
            elif kind == "code_inline":
                found.append(Piece(token.content, frozenset([*marks, "code"])))
            elif kind == "softbreak":
                found.append(Piece(" ", frozenset(marks)))
            elif kind == "hardbreak":
                found.append(Piece("\n", frozenset(marks)))
            elif token.content:
                found.append(Piece(token.content, frozenset(marks)))
    return tuple(found)


def plain(markdown: str) -> str:
    """The text a reader sees, without any Markdown: for searching, sorting and measuring."""
    return "".join(piece.text for piece in pieces(markdown))


def inline_content(markdown: str, style: str = "") -> Content:
    """Inline Markdown as Textual `Content` (an option's prompt, a Static, a notification)."""
    text = ""
    spans: list[Span] = []
    for piece in pieces(markdown):
        start = len(text)
        text += piece.text
        for mark in sorted(piece.marks):
            spans.append(Span(start, len(text), CONTENT_STYLES[mark]))
    content = Content(text, spans)
    return content.stylize_before(style) if style else content


def inline_text(markdown: str, style: str = "") -> Text:
    """Inline Markdown as Rich `Text` (a tree label, a table cell)."""
    text = Text(style=style)
    for piece in pieces(markdown):
        styles = " ".join(RICH_STYLES[mark] for mark in sorted(piece.marks))
        text.append(piece.text, style=styles or None)
    return text
