"""Progress in SQLite: transactional, and safe when two tutor processes write at once."""

from __future__ import annotations

import multiprocessing
import sqlite3

from tutor.grading.verdict import Check, Verdict
from tutor.progress import Progress


def _verdict(exercise: str, passed: bool) -> Verdict:
    return Verdict(
        exercise, passed, 1.0 if passed else 0.5, "cpu", 1, 0.01, [Check("a", passed, "")]
    )


def _hammer(path, worker: int, count: int) -> None:
    store = Progress(path)
    for i in range(count):
        store.record_attempt("paket", _verdict(f"ex{worker}", i % 2 == 0), f"{worker}-{i}".encode())
        store.take_hint("paket", f"ex{worker}", 3)
        store.record_answer("paket", "ders", "quiz", i % 5, 1, True)
    store.close()


def test_attempts_record_everything_the_issue_lists(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    store.record_attempt("paket", _verdict("softmax", False), b"print(1)")
    (row,) = store.attempts("paket", "softmax")
    assert (
        row["passed"] == 0 and row["score"] == 0.5 and row["device"] == "cpu" and row["seed"] == 1
    )
    assert row["duration_s"] == 0.01 and len(row["code_sha256"]) == 64 and row["ts"] > 0
    assert store.status("paket", "softmax") == "failing"
    store.record_attempt("paket", _verdict("softmax", True), b"print(2)")
    assert store.status("paket", "softmax") == "passed"
    assert store.status("paket", "relu") == "not_tried"


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "p.sqlite3"
    Progress(path).close()
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_hammer, args=(path, w, 60)) for w in range(3)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(60)
        assert p.exitcode == 0
    store = Progress(path)
    assert len(store.attempts("paket")) == 180
    assert all(store.hints_taken("paket", f"ex{w}") == 3 for w in range(3))
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_hints_never_go_past_the_last_level(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    assert [store.take_hint("paket", "relu", 3) for _ in range(5)] == [1, 2, 3, 3, 3]


def test_quiz_score_counts_each_questions_latest_answer(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    store.record_answer("paket", "tensorler", "quiz", 0, 2, False)
    store.record_answer("paket", "tensorler", "quiz", 0, 1, True)
    store.record_answer("paket", "tensorler", "quiz", 1, 0, False)
    assert store.quiz_score("paket", "tensorler") == (1, 2)


def test_a_failed_write_leaves_nothing_half_done(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    try:
        with store._write() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('a', '1')")
            raise RuntimeError("kesinti")
    except RuntimeError:
        pass
    assert store.get_state("a") is None
    store.set_state("a", "2")
    store.set_state("a", "3")
    assert store.get_state("a") == "3"
