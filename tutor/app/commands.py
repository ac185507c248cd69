"""The command palette (Ctrl+P): jump to any lesson, quiz, exercise or glossary term.

Matching is fuzzy and Turkish-aware: both the query and the candidates are folded with
`tutor.textfold`, so "asiri" finds "aşırı öğrenme" and "IŞIK" finds "ışık".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch

from tutor import messages as M
from tutor.textfold import fold_with_offsets, spans_from_positions

if TYPE_CHECKING:
    from tutor.app.app import TutorApp


@dataclass
class Target:
    text: str
    help: str
    open: Callable[[], object]
    discover: bool = True  # listed when the palette opens with an empty query


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
        self._folded = [fold_with_offsets(t.text) for t in self._targets]

    async def search(self, query: str) -> Hits:
        folded_query, _ = fold_with_offsets(query)
        folded_query = folded_query.strip()
        if not folded_query:
            return
        for target, (folded, offsets) in zip(self._targets, self._folded):
            score, positions = self._fuzzy.match(folded_query, folded)
            if score <= 0:
                continue
            display = Content(target.text)
            for start, end in spans_from_positions(positions, offsets):
                display = display.stylize("bold reverse", start, end)
            yield Hit(score, display, target.open, text=target.text, help=target.help)

    async def discover(self) -> Hits:
        for target in self._targets:
            if target.discover:
                yield DiscoveryHit(target.text, target.open, text=target.text, help=target.help)
