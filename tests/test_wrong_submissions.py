"""Every realistic wrong submission in wrong/<exercise>/ fails, naming its bug.

Each file starts with a header that says what is wrong with it and what the learner must
see: the check that fails (`beklenen-denetim`) or the error kind (`beklenen-hata`), and
words the message must contain (`beklenen-mesaj`). Adding a file adds a test. A bug that only
shows on a GPU (a GradScaler that is never updated) says `# cihaz: cuda`; it is graded with
`--device cuda`, and skipped where torch sees no CUDA.
"""

from __future__ import annotations

import re

import pytest
from conftest import submission_expectations, wrong_submissions

SEED = 7


def _cuda_available() -> bool:
    import torch  # only for the few CUDA-only submissions

    return torch.cuda.is_available()


@pytest.mark.parametrize("path", wrong_submissions(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_wrong_submission_fails_and_names_the_bug(session, ahead, path):
    expect = submission_expectations(path)
    assert "hata" in expect and "beklenen-mesaj" in expect, f"{path}: header incomplete"
    device = expect.get("cihaz", "cpu")
    if device == "cuda" and not _cuda_available():
        pytest.skip("a CUDA-only bug; torch sees no CUDA here")

    def grade(path):
        device = submission_expectations(path).get("cihaz", "cpu")
        if device == "cuda" and not _cuda_available():
            return None
        return session.submit(path.parent.name, path, seed=SEED, device=device, record=False)

    verdict = ahead(grade, path=path)

    assert not verdict.passed, f"{path.name} should fail: {expect['hata']}"
    if "beklenen-hata" in expect:
        assert verdict.error is not None, verdict
        assert verdict.error.kind == expect["beklenen-hata"], verdict.error
        assert expect["beklenen-mesaj"] in verdict.error.message, verdict.error.message
    else:
        names = [c.name for c in verdict.checks]
        assert expect["beklenen-denetim"] in names, names
        check = next(c for c in verdict.checks if c.name == expect["beklenen-denetim"])
        assert not check.passed, f"'{check.name}' should fail for {path.name}"
        assert expect["beklenen-mesaj"] in check.message, check.message


def test_there_are_at_least_four_wrong_submissions_per_exercise(session):
    by_exercise: dict[str, int] = {}
    for path in wrong_submissions():
        by_exercise[path.parent.name] = by_exercise.get(path.parent.name, 0) + 1
    for _, exercise in session.pack.ordered_exercises():
        assert by_exercise.get(exercise.id, 0) >= 4, (
            f"{exercise.id}: fewer than 4 wrong submissions"
        )


@pytest.mark.parametrize(
    ("name", "words"),
    [("too_few_epochs", "yakınsamadan bitmiş"), ("linear_model", "karar sınırı düz bir çizgi")],
)
def test_a_fitting_diagnosis_does_not_depend_on_the_seed(session, name, words):
    """An under-trained network's logits can all be positive by chance (seed 1 did that):
    the diagnosis must still be the one of its bug, whatever data the seed draws."""
    path = wrong_submissions()[0].parent.parent / "train_binary_classifier" / f"{name}.py"
    for seed in (1, 2, 3):
        verdict = session.submit("train_binary_classifier", path, seed=seed, record=False)
        check = next(c for c in verdict.checks if c.name == "doğruluk (görülmemiş noktalar)")
        assert not check.passed and words in check.message, (seed, check.message)
        assert re.match(r"görülmemiş noktalarda doğruluk %\d+,\d; en az %95 olmalı", check.message)
