"""Quizzes that measure: the right answer is not guessable from its place.

Over every lesson of the built-in pack (the lessons added later included), the keys of the
pre-lesson quiz and the end-of-lesson quiz together spread over the choice positions: no
position holds more than 35% of them. Choices are shuffled per attempt in the app, so an
explanation names a choice by what it says, never by its number.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from conftest import ROOT

from tutor.pack.loader import load_pack
from tutor.pack.model import QuizQuestion

PACK = load_pack(ROOT)
LESSONS = [item.lesson for item in PACK.lessons]
MAX_SHARE = 0.35

# "ilk seçenek", "ikinci seçenek", "2. seçenek", "3 numaralı seçenek", "son şık" ...
_BY_POSITION = re.compile(
    r"\b(ilk|birinci|ikinci|üçüncü|dördüncü|beşinci|son|\d+\.|\d+ numaralı)\s+(seçenek|şık|cevap)",
    re.IGNORECASE,
)


def key_shares(questions: list[QuizQuestion]) -> dict[int, float]:
    """The share of the keys that each choice position holds."""
    counts = Counter(q.answer for q in questions)
    return {position: n / len(questions) for position, n in sorted(counts.items())}


def test_key_shares_counts_positions():
    def q(answer: int) -> QuizQuestion:
        return QuizQuestion(
            question="?", choices=["a", "b", "c", "d"], answer=answer, explanation="."
        )

    assert key_shares([q(1), q(1), q(0), q(3)]) == {0: 0.25, 1: 0.5, 3: 0.25}


def test_the_pack_has_lessons_with_quizzes():
    assert sum(len(lesson.quiz) + len(lesson.pre_quiz) for lesson in LESSONS) >= 8 * len(LESSONS)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_no_choice_position_holds_more_than_35_percent_of_a_lessons_keys(lesson):
    questions = [*lesson.pre_quiz, *lesson.quiz]
    if len(questions) < 3:
        pytest.skip("fewer than three questions")
    shares = key_shares(questions)
    crowded = {p + 1: f"{share:.0%}" for p, share in shares.items() if share > MAX_SHARE}
    assert not crowded, (
        f"{lesson.id}: choice position(s) {crowded} hold more than {MAX_SHARE:.0%} of "
        f"{len(questions)} keys; reorder some questions' choices (and their `answer`)"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_opens_with_a_pre_lesson_quiz_of_three_or_four_questions(lesson):
    assert 3 <= len(lesson.pre_quiz) <= 4, f"{lesson.id}: {len(lesson.pre_quiz)} pre_quiz questions"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_explanations_never_name_a_choice_by_its_position(lesson):
    named = [
        f"{q.question[:60]!r}: {match.group(0)!r}"
        for q in [*lesson.pre_quiz, *lesson.quiz]
        for match in [_BY_POSITION.search(q.explanation)]
        if match
    ]
    assert not named, (
        f"{lesson.id}: choices are shuffled per attempt; name them by content: {named}"
    )
