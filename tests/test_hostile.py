"""Hostile submissions get the right verdict and leave the tutor working.

Each file in tests/submissions/_hostile/ is graded as a `softmax` submission. None may pass,
each gets the verdict kind a learner needs to understand what happened, and the worker
keeps answering afterwards.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SUBMISSIONS

HOSTILE = SUBMISSIONS / "_hostile"
TIMEOUT_S = 2.0


def grade(session, name: str, **limits):
    _, exercise = session.find("softmax")
    limits.setdefault("timeout_s", TIMEOUT_S)
    return session.grade_file(exercise, HOSTILE / name, seed=5, device="cpu", **limits)


@pytest.mark.parametrize(
    ("name", "kind", "words"),
    [
        ("loop_in_function.py", "timeout", "Süre sınırı"),
        ("loop_at_import.py", "timeout", "dosya yüklenirken"),
        ("os_exit.py", "crash", "os._exit"),
        ("os_exit_at_import.py", "crash", "çıkış koduyla"),
        ("segfault.py", "crash", "SIGSEGV"),
        ("fake_frames.py", "crash", ""),
        ("sys_exit_in_function.py", "exception", "sys.exit(0)"),
        ("sys_exit_at_import.py", "exception", "sys.exit(0)"),
        ("import_missing_module.py", "import", "'tensorflow' modülü bulunamadı"),
        ("syntax_error.py", "syntax", "sözdizimi"),
        ("missing_symbol.py", "missing_symbol", "'softmax' tanımlı değil"),
        ("raises.py", "exception", "ZeroDivisionError"),
        ("gc_search.py", "forbidden", "'get_objects'"),
        ("frame_search.py", "forbidden", "'f_back'"),
        ("disable_mode.py", "forbidden", "PyTorch'un iç"),
    ],
)
def test_hostile_submission_gets_a_clear_verdict(session, name, kind, words):
    started = time.monotonic()
    verdict = grade(session, name)
    elapsed = time.monotonic() - started
    assert not verdict.passed
    assert verdict.error is not None, verdict.checks
    assert verdict.error.kind == kind, verdict.error
    assert words in verdict.error.message
    assert elapsed < TIMEOUT_S + 3.0, "the verdict must come within the limit"


def test_syntax_error_names_the_line(session):
    verdict = grade(session, "syntax_error.py")
    assert verdict.error.line == 4


def test_exception_names_the_learners_line(session):
    verdict = grade(session, "raises.py")
    assert verdict.error.line == 2


@pytest.mark.parametrize("name", ["memory_list.py", "memory_tensor.py"])
def test_allocating_without_end_is_a_memory_verdict(session, name):
    verdict = grade(session, name, memory_mb=512, timeout_s=20.0)
    assert not verdict.passed
    assert verdict.error is not None and verdict.error.kind == "memory", verdict.error


@pytest.mark.parametrize(
    "name", ["patch_allclose.py", "gc_search_hidden.py", "frame_search_hidden.py"]
)
def test_cheating_by_patching_or_searching_memory_does_not_pass(session, name):
    verdict = grade(session, name)
    assert not verdict.passed
    assert verdict.score < 0.5, [(c.name, c.passed) for c in verdict.checks]


def test_starting_a_background_process_is_forbidden_and_does_not_hold_the_verdict(session):
    started = time.monotonic()
    verdict = grade(session, "background_child.py", timeout_s=10.0)
    assert verdict.error is not None and verdict.error.kind == "forbidden", verdict.error
    assert "subprocess" in verdict.error.message
    assert time.monotonic() - started < 5.0


def test_five_megabytes_of_prints_still_give_a_parseable_capped_verdict(tutor_home):
    """Through the real CLI: one JSON object on stdout, the learner's output capped."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tutor",
            "submit",
            "softmax",
            str(HOSTILE / "print_flood.py"),
            "--json",
            "--seed",
            "1",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["passed"] is True
    assert len(result.stdout) < 20_000


def test_output_is_capped_in_the_human_view(session):
    verdict = grade(session, "print_flood.py", timeout_s=10.0)
    assert verdict.passed
    assert len(verdict.output) < 70 * 1024
    assert "çıktı 64 KiB ile sınırlandı" in verdict.output


def test_the_worker_still_answers_after_all_that(session):
    _, exercise = session.find("softmax")
    verdict = session.grade_file(
        exercise, ROOT / "solutions/tensorler/softmax.py", seed=1, device="cpu"
    )
    assert verdict.passed
