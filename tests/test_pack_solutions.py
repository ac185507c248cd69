"""For every exercise of the built-in pack: the reference passes and the starter fails."""

from __future__ import annotations

import pytest
from conftest import ROOT

from tutor.pack.loader import builtin_pack_dir, load_pack

PACK = load_pack(ROOT)
EXERCISES = [ex for _, ex in PACK.ordered_exercises()]


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_reference_solution_passes(session, ahead, exercise):
    def grade(exercise):
        return session.grade_file(exercise, PACK.path(exercise.solution), seed=11, device="cpu")

    verdict = ahead(grade, exercise=exercise)
    failed = [(c.name, c.message) for c in verdict.checks if not c.passed]
    assert verdict.passed, (verdict.error, failed)
    assert verdict.score == 1.0


@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_starter_fails_and_says_it_is_not_written_yet(session, ahead, exercise):
    def grade(exercise):
        return session.grade_file(exercise, PACK.path(exercise.starter), seed=11, device="cpu")

    verdict = ahead(grade, exercise=exercise)
    assert not verdict.passed
    assert verdict.score < 1.0


def test_builtin_pack_is_found_from_the_package():
    assert (builtin_pack_dir() / "pack.yaml").is_file()
