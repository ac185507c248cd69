"""The glossary: every term of every lesson, English and Turkish, searched the Turkish way
("isik" and "IŞIK" both find "ışık"; see `tutor.textfold`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from tutor import messages as M
from tutor.app import keymap
from tutor.textfold import contains, find_spans, fold, sort_key

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.pack.loader import Pack


@dataclass
class GlossaryEntry:
    tr: str
    en: str
    description: str
    lessons: list[str] = field(default_factory=list)  # "1. Tensörler"

    def in_terms(self, query: str) -> bool:
        return contains(query, f"{self.tr} {self.en}")

    def anywhere(self, query: str) -> bool:
        return contains(query, f"{self.tr} {self.en} {self.description}")


def glossary_entries(pack: Pack) -> list[GlossaryEntry]:
    """All terms of the pack, one entry per (Turkish, English) pair, in Turkish alphabetical order."""
    entries: dict[tuple[str, str], GlossaryEntry] = {}
    for item in pack.lessons:
        lesson = item.lesson
        where = M.CLI_LESSON_HEADER.format(number=lesson.number, title=lesson.title)
        for term in lesson.glossary:
            key = (fold(term.tr), fold(term.en))
            entry = entries.setdefault(key, GlossaryEntry(term.tr, term.en, term.description))
            if not entry.description and term.description:
                entry.description = term.description
            if where not in entry.lessons:
                entry.lessons.append(where)
    return sorted(entries.values(), key=lambda e: (sort_key(e.tr), sort_key(e.en)))


def search_entries(entries: list[GlossaryEntry], query: str) -> list[GlossaryEntry]:
    """Entries whose terms match first, then those whose description does."""
    if not query.strip():
        return list(entries)
    first = [e for e in entries if e.in_terms(query)]
    then = [e for e in entries if e not in first and e.anywhere(query)]
    return first + then


def marked(text: str, query: str) -> Text:
    """`text` with the matches of `query` underlined (Rich text: the table sizes columns by it)."""
    result = Text(text)
    for start, end in find_spans(query, text):
        result.stylize("bold underline", start, end)
    return result


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
        table = self.query_one(DataTable)
        table.add_column(M.APP_GLOSSARY_TR, key="tr")
        table.add_column(M.APP_GLOSSARY_EN, key="en")
        table.add_column(M.APP_GLOSSARY_LESSON, key="lesson")
        self._fill(self._initial)
        search.focus()

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
        table.clear()
        self.shown = search_entries(self.entries, query)
        for i, entry in enumerate(self.shown):
            table.add_row(
                marked(entry.tr, query),
                marked(entry.en, query),
                ", ".join(entry.lessons),
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
                (entry.tr, "bold"),
                f" ({entry.en})",
                f" — {entry.description}" if entry.description else "",
                (f"\n{M.APP_GLOSSARY_WHERE.format(lessons=', '.join(entry.lessons))}", "dim"),
            )
        )

    def action_focus_search(self) -> None:
        self.query_one(Input).focus()

    def action_move(self, step: int) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.row_count - 1, table.cursor_row + step)))
