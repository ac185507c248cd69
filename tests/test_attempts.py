"""What the progress store keeps of each attempt, and the session rules built on it: the whole
verdict, the stable seed of an exercise's cases, replays that never pass, solutions seen."""

from __future__ import annotations

import sqlite3

from conftest import ROOT

from tutor.grading.verdict import Check, GradeError, Verdict
from tutor.progress import Progress, code_hash

SOLUTION = ROOT / "solutions" / "tensorler" / "relu.py"
WRONG = ROOT / "wrong" / "relu" / "inplace.py"


def _verdict(passed: bool) -> Verdict:
    return Verdict(
        "relu",
        passed,
        1.0 if passed else 0.5,
        "cpu",
        7,
        0.01,
        [Check("küçük girdiler", passed, "" if passed else "Çıktı: şekil farklı", [1.0, 0.5])],
        None if passed else GradeError("exception", "ValueError istisnası: x", 3),
        output="merhaba\n",
    )


def test_the_last_attempt_keeps_the_whole_verdict_and_the_graded_codes_hash(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    assert store.last_attempt("paket", "relu") is None
    store.record_attempt("paket", _verdict(True), b"birinci")
    store.record_attempt("paket", _verdict(False), b"ikinci")
    last = store.last_attempt("paket", "relu")
    assert last is not None and not last.passed and last.code_sha256 == code_hash(b"ikinci")
    assert last.verdict == _verdict(False)  # checks, error, output and the loss curve too


def test_a_database_from_before_verdicts_were_kept_opens_and_grows_its_columns(tmp_path):
    path = tmp_path / "eski.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL,"
        " pack TEXT NOT NULL, exercise TEXT NOT NULL, passed INTEGER NOT NULL,"
        " score REAL NOT NULL, duration_s REAL NOT NULL, device TEXT NOT NULL,"
        " seed INTEGER NOT NULL, code_sha256 TEXT NOT NULL, error_kind TEXT)"
    )
    old.execute(
        "INSERT INTO attempts (ts, pack, exercise, passed, score, duration_s, device, seed,"
        " code_sha256, error_kind) VALUES (1, 'paket', 'relu', 1, 1.0, 0.1, 'cpu', 3, 'abc', NULL)"
    )
    old.commit()
    old.close()
    store = Progress(path)
    last = store.last_attempt("paket", "relu")
    assert last is not None and last.passed and last.verdict is None and not last.replay
    assert store.status("paket", "relu") == "passed"
    Progress(path).close()  # a second opening finds the columns there


def test_a_replay_is_kept_with_its_verdict_but_never_as_a_pass(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    store.record_attempt("paket", _verdict(True), b"kod", replay=True)
    last = store.last_attempt("paket", "relu")
    assert last.replay and not last.passed and last.verdict.passed
    assert store.status("paket", "relu") == "not_tried"


def test_an_exercises_seed_is_drawn_once_and_changed_only_on_request(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    draws = iter([11, 22, 33])
    assert store.case_seed("paket", "relu", lambda: next(draws)) == 11
    assert store.case_seed("paket", "relu", lambda: next(draws)) == 11
    assert store.case_seed("paket", "softmax", lambda: next(draws)) == 22
    assert store.new_case_seed("paket", "relu", 44) == 44
    assert store.case_seed("paket", "relu", lambda: next(draws)) == 44


def test_solutions_seen_are_recorded_once(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    store.record_solution_shown("paket", "relu")
    store.record_solution_shown("paket", "relu")
    assert store.solutions_shown("paket") == {"relu"}


def test_the_session_grades_the_same_file_the_same_way_and_never_passes_a_replay(fresh_session):
    session = fresh_session
    first = session.submit("relu", WRONG)
    second = session.submit("relu", WRONG)
    assert first.seed == second.seed and first.checks == second.checks
    replay = session.submit("relu", SOLUTION, seed=5)
    assert replay.passed and replay.seed == 5
    assert session.progress.status(session.pack.id, "relu") == "failing"
    assert session.progress.last_attempt(session.pack.id, "relu").replay
    fresh = session.submit("relu", SOLUTION, fresh=True)
    assert fresh.passed and fresh.seed != first.seed
    assert session.progress.status(session.pack.id, "relu") == "passed"
    assert session.case_seed("relu") == fresh.seed


def test_the_session_records_the_hash_of_the_code_it_graded(fresh_session):
    session = fresh_session
    session.submit("relu", SOLUTION)
    last = session.progress.last_attempt(session.pack.id, "relu")
    assert last.code_sha256 == code_hash(SOLUTION.read_bytes())


def test_the_solution_is_read_from_the_pack_and_recorded(fresh_session):
    session = fresh_session
    assert session.show_solution("relu") == SOLUTION.read_text(encoding="utf-8")
    assert session.progress.solutions_shown(session.pack.id) == {"relu"}


def test_the_exercise_after_a_pass_skips_those_passed_and_comes_round(fresh_session):
    session = fresh_session
    ids = [row.exercise.id for row in session.rows()]
    assert session.exercise_after(ids[0]).exercise.id == ids[1]
    assert session.exercise_after(ids[-1]).exercise.id == ids[0]
