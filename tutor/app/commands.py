"""The command palette (Ctrl+P): jump to any lesson, quiz, exercise or glossary term.

Matching is fuzzy and Turkish-aware: both the query and the candidates are folded with
`tutor.textfold`, so "asiri" finds "aşırı öğrenme" and "IŞIK" finds "ışık". Entries are lesson
text, so they are drawn as inline Markdown (`softmax` as code, not between backticks) and
matched on the text the learner sees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.fuzzy import FuzzySearch
from textual.widgets.option_list import Option

from tutor import messages as M
from tutor.app.components.inline import inline_content, plain
from tutor.textfold import fold_with_offsets, spans_from_positions

if TYPE_CHECKING:
    from tutor.app.app import TutorApp


@dataclass
class Target:
    text: str  # inline Markdown
    help: str  # inline Markdown
    open: Callable[[], object]
    discover: bool = True  # listed when the palette opens with an empty query

    @property
    def plain(self) -> str:
        return plain(self.text)


def targets(app: TutorApp) -> list[Target]:
    """Everything the palette can jump to, in course order."""
    found: list[Target] = []
    terms: list[Target] = []
    statuses = {row.exercise.id: row.status for row in app.session.rows()}
    for item in app.session.pack.lessons:
        lesson = item.lesson
        found.append(
            Target(
                M.APP_PALETTE_LESSON.format(number=lesson.number, title=lesson.title),
                lesson.summary.strip(),
                partial(app.open_lesson, lesson.id),
            )
        )
        for kind, questions in (("pre_quiz", lesson.pre_quiz), ("quiz", lesson.quiz)):
            if questions:
                found.append(
                    Target(
                        M.APP_PALETTE_QUIZ.format(
                            quiz=M.APP_QUIZ_NAMES[kind], number=lesson.number, title=lesson.title
                        ),
                        M.APP_PALETTE_QUIZ_HELP.format(n=len(questions)),
                        partial(app.open_quiz, lesson.id, kind),
                        discover=False,
                    )
                )
        for exercise in lesson.exercises:
            found.append(
                Target(
                    M.APP_PALETTE_EXERCISE.format(id=exercise.id, title=exercise.title),
                    M.APP_PALETTE_EXERCISE_HELP.format(
                        number=lesson.number,
                        lesson=lesson.title,
                        status=M.CLI_STATUS[statuses.get(exercise.id, "not_tried")],
                    ),
                    partial(app.open_exercise, exercise.id),
                )
            )
        for term in lesson.glossary:
            terms.append(
                Target(
                    M.APP_PALETTE_TERM.format(tr=term.tr, en=term.en),
                    term.description
                    or M.APP_PALETTE_TERM_HELP.format(number=lesson.number, title=lesson.title),
                    partial(app.action_glossary, term.tr),
                    discover=False,
                )
            )
    return found + terms


class TutorCommands(Provider):
    async def startup(self) -> None:
        self._targets = targets(cast("TutorApp", self.app))
        self._fuzzy = FuzzySearch()
        self._folded = [fold_with_offsets(t.plain) for t in self._targets]

    async def search(self, query: str) -> Hits:
        folded_query, _ = fold_with_offsets(query)
        folded_query = folded_query.strip()
        if not folded_query:
            return
        for target, (folded, offsets) in zip(self._targets, self._folded):
            score, positions = self._fuzzy.match(folded_query, folded)
            if score <= 0:
                continue
            display = inline_content(target.text)
            for start, end in spans_from_positions(positions, offsets):
                display = display.stylize("bold reverse", start, end)
            # Content, not a string: the palette reads strings as markup, and lesson text has
            # square brackets ("[0, 1) aralığında").
            help_text = inline_content(target.help)
            yield Hit(score, display, target.open, text=target.plain, help=help_text)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        for target in self._targets:
            if target.discover:
                yield DiscoveryHit(
                    inline_content(target.text),
                    target.open,
                    text=target.plain,
                    help=inline_content(target.help),  # type: ignore[arg-type]
                )


class TutorPalette(CommandPalette):
    """Textual's command palette, saying "no matches" in Turkish.

    Textual writes "No matches found" in a private method with no setting for the text; this
    is that method with the Turkish text (Textual is pinned, and a test types a query that
    matches nothing and reads the result).
    """

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            lists = self.query(CommandList)
            if not lists:  # closed meanwhile
                return
            if search_value:
                lists.first().add_option(
                    Option(
                        Align.center(Text(M.APP_PALETTE_NO_MATCHES, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(
            self._NO_MATCHES_COUNTDOWN, show_no_matches, name="no-matches"
        )
