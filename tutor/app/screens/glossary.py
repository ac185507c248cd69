"""The glossary: every term of every lesson, English and Turkish, searched the Turkish way
("isik" and "IŞIK" both find "ışık"; see `tutor.textfold`).

Terms and descriptions are lesson text: drawn as inline Markdown, searched and sorted by the
text the learner sees. The table's columns are sized to the screen so that none is cut: the
lesson column holds lesson numbers, and the line under the table names the lessons in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.inline import inline_content, inline_text, plain
from tutor.textfold import contains, find_spans, fold, sort_key

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.pack.loader import Pack


@dataclass
class GlossaryEntry:
    tr: str  # inline Markdown, as in the lesson file
    en: str
    description: str
    lessons: list[str] = field(default_factory=list)  # "1. Tensörler"
    numbers: list[int] = field(default_factory=list)  # 1

    def in_terms(self, query: str) -> bool:
        return contains(query, f"{plain(self.tr)} {plain(self.en)}")

    def anywhere(self, query: str) -> bool:
        return contains(query, f"{plain(self.tr)} {plain(self.en)} {plain(self.description)}")


def glossary_entries(pack: Pack) -> list[GlossaryEntry]:
    """All terms of the pack, one entry per (Turkish, English) pair, in Turkish alphabetical order."""
    entries: dict[tuple[str, str], GlossaryEntry] = {}
    for item in pack.lessons:
        lesson = item.lesson
        where = M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)
        for term in lesson.glossary:
            key = (fold(plain(term.tr)), fold(plain(term.en)))
            entry = entries.setdefault(key, GlossaryEntry(term.tr, term.en, term.description))
            if not entry.description and term.description:
                entry.description = term.description
            if where not in entry.lessons:
                entry.lessons.append(where)
                entry.numbers.append(lesson.number)
    return sorted(entries.values(), key=lambda e: (sort_key(plain(e.tr)), sort_key(plain(e.en))))


def search_entries(entries: list[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """Entries whose terms match first, then those whose description does."""
    if not query.strip():
        return list(entries)
    first = [e for e in entries if e.in_terms(query)]
    then = [e for e in entries if e not in first and e.anywhere(query)]
    return first + then


def marked(markdown: str, query: str) -> Text:
    """Inline Markdown with the matches of `query` underlined (Rich text: the table sizes its
    columns by it)."""
    result = inline_text(markdown)
    for start, end in find_spans(query, result.plain):
        result.stylize("bold underline", start, end)
    return result


# DataTable draws one cell of padding on each side of every column.
CELL_PADDING = 2
# Room kept for the table's vertical scrollbar and the screen's padding.
TABLE_CHROME = 4


def column_widths(entries: list[GlossaryEntry], available: int) -> tuple[int, int, int]:
    """(Turkish, English, lesson) widths that fit `available` cells: the lesson column in full,
    the two terms at their natural widths or, if too wide, shrunk in proportion."""
    lesson = max([cell_len(M.APP_GLOSSARY_LESSON), *(cell_len(lesson_numbers(e)) for e in entries)])
    tr = max([cell_len(M.APP_GLOSSARY_TR), *(cell_len(plain(e.tr)) for e in entries)])
    en = max([cell_len(M.APP_GLOSSARY_EN), *(cell_len(plain(e.en)) for e in entries)])
    room = available - TABLE_CHROME - 3 * CELL_PADDING - lesson
    if tr + en > room > 0:
        tr_share = max(room * tr // (tr + en), 8)
        tr, en = tr_share, max(room - tr_share, 8)
    return tr, en, lesson


def lesson_numbers(entry: GlossaryEntry) -> str:
    return ", ".join(str(n) for n in entry.numbers)


class GlossaryScreen(Screen):
    BINDINGS = keymap.bindings("glossary")

    def __init__(self, query: str = ""):
        super().__init__()
        self._initial = query

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="glossary"):
            yield Input(
                value=self._initial,
                placeholder=M.APP_GLOSSARY_PLACEHOLDER,
                id="glossary-search",
                select_on_focus=False,
            )
            yield Static(id="glossary-count")
            yield DataTable(id="terms", cursor_type="row", zebra_stripes=True)
            yield Static(id="term-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = M.APP_GLOSSARY_TITLE
        self.entries = glossary_entries(self.tutor.session.pack)
        self.shown: list[GlossaryEntry] = []
        search = self.query_one(Input)
        if self.tutor.config.fixed:
            search.cursor_blink = False
        self._widths: tuple[int, int, int] | None = None
        self._fill(self._initial)
        search.focus()

    def on_resize(self) -> None:
        if self.is_mounted and column_widths(self.entries, self.size.width) != self._widths:
            self._fill(self.query_one(Input).value)

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def place(self) -> dict:
        return {"screen": "glossary", "query": self.query_one(Input).value}

    def search(self, query: str) -> None:
        """Show the terms that match `query` (used by the command palette)."""
        search = self.query_one(Input)
        search.value = query
        search.cursor_position = len(query)
        search.focus()
        self._fill(query)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def _fill(self, query: str) -> None:
        table = self.query_one(DataTable)
        widths = column_widths(self.entries, self.size.width or self.app.size.width)
        if widths != self._widths:
            self._widths = widths
            table.clear(columns=True)
            tr, en, lesson = widths
            table.add_column(M.APP_GLOSSARY_TR, key="tr", width=tr)
            table.add_column(M.APP_GLOSSARY_EN, key="en", width=en)
            table.add_column(M.APP_GLOSSARY_LESSON, key="lesson", width=lesson)
        else:
            table.clear()
        self.shown = search_entries(self.entries, query)
        for i, entry in enumerate(self.shown):
            table.add_row(
                marked(entry.tr, query),
                marked(entry.en, query),
                lesson_numbers(entry),
                key=str(i),
            )
        count = self.query_one("#glossary-count", Static)
        if not self.entries:
            count.update(Content(M.APP_GLOSSARY_EMPTY_PACK))
        elif not self.shown:
            count.update(Content(M.APP_GLOSSARY_NONE.format(query=query)))
        else:
            count.update(
                Content(M.APP_GLOSSARY_COUNT.format(n=len(self.shown), total=len(self.entries)))
            )
        self._show_detail(0 if self.shown else None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int | None) -> None:
        detail = self.query_one("#term-detail", Static)
        if row is None or not 0 <= row < len(self.shown):
            detail.update("")
            return
        entry = self.shown[row]
        detail.update(
            Content.assemble(
                inline_content(entry.tr, "bold"),
                " (",
                inline_content(entry.en),
                ")",
                *((" — ", inline_content(entry.description)) if entry.description else ()),
                (f"\n{M.APP_GLOSSARY_WHERE.format(lessons=', '.join(entry.lessons))}", "dim"),
            )
        )

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))
