"""Quiz attempts and reading places in the progress store (headless: no app needed)."""

from __future__ import annotations

import sqlite3

from tutor.progress import Progress


def finish(store: Progress, answers: list[bool], seed: int = 1) -> int:
    """One whole attempt of a quiz with len(answers) questions; returns the attempt id."""
    attempt = store.start_quiz("paket", "tensorler", "quiz", len(answers), seed)
    for question, correct in enumerate(answers):
        store.record_answer("paket", "tensorler", "quiz", question, 0, correct, attempt=attempt.id)
    store.finish_quiz(attempt.id)
    return attempt.id


def test_a_quiz_never_finished_has_no_score(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    attempt = store.start_quiz("paket", "tensorler", "quiz", 3, 7)
    store.record_answer("paket", "tensorler", "quiz", 0, 1, True, attempt=attempt.id)
    standing = store.quiz_standing("paket", "tensorler")
    assert standing.best is None and standing.last is None and standing.attempts == 0
    assert store.quiz_score("paket", "tensorler") == (0, 0)
    assert store.open_quiz_attempt("paket", "tensorler", "quiz").id == attempt.id


def test_an_abandoned_retake_never_changes_the_stored_score(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    finish(store, [True, False, False, False])  # 1/4
    retake = store.start_quiz("paket", "tensorler", "quiz", 4, 8)
    for question in range(3):  # three right answers, then the learner walks away
        store.record_answer("paket", "tensorler", "quiz", question, 0, True, attempt=retake.id)
    standing = store.quiz_standing("paket", "tensorler")
    assert (standing.best, standing.last, standing.total, standing.attempts) == (1, 1, 4, 1)
    assert store.quiz_score("paket", "tensorler") == (1, 4)


def test_the_best_and_the_last_finished_attempt_are_kept_apart(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    finish(store, [True, True, False])
    finish(store, [True, True, True])
    finish(store, [False, False, True])
    standing = store.quiz_standing("paket", "tensorler")
    assert (standing.best, standing.last, standing.attempts) == (3, 1, 3)
    assert store.quiz_score("paket", "tensorler") == (1, 3)
    assert store.open_quiz_attempt("paket", "tensorler", "quiz") is None


def test_an_attempt_keeps_each_questions_answer_by_its_index_in_the_file(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    attempt = store.start_quiz("paket", "tensorler", "pre_quiz", 2, 5)
    store.record_answer("paket", "tensorler", "pre_quiz", 1, 2, False, attempt=attempt.id)
    assert store.attempt_answers(attempt.id) == {1: (2, False)}
    assert store.quiz_attempt(attempt.id).seed == 5
    assert store.quiz_attempts_started("paket", "tensorler", "pre_quiz") == 1
    # Another quiz of the lesson is another count.
    assert store.quiz_standing("paket", "tensorler", "quiz").attempts == 0


def test_a_database_from_before_attempts_gains_the_column_and_keeps_its_answers(tmp_path):
    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE quiz_answers (id INTEGER PRIMARY KEY AUTOINCREMENT, ts REAL NOT NULL,"
        " pack TEXT NOT NULL, lesson TEXT NOT NULL, quiz TEXT NOT NULL, question INTEGER NOT NULL,"
        " choice INTEGER NOT NULL, correct INTEGER NOT NULL)"
    )
    for question, correct in ((0, 1), (1, 0), (1, 1)):
        old.execute(
            "INSERT INTO quiz_answers (ts, pack, lesson, quiz, question, choice, correct)"
            " VALUES (0, 'paket', 'tensorler', 'quiz', ?, 0, ?)",
            (question, correct),
        )
    old.commit()
    old.close()
    store = Progress(path)
    Progress(path).close()  # opening twice adds nothing twice
    columns = {row[1] for row in store._conn.execute("PRAGMA table_info(quiz_answers)")}
    assert "attempt" in columns
    # The answers given before attempts stand for one finished attempt: 2 right of 2.
    assert store.quiz_score("paket", "tensorler") == (2, 2)
    finish(store, [False, False])
    assert store.quiz_score("paket", "tensorler") == (0, 2)


def test_the_reading_place_and_the_sections_read_are_kept_per_lesson(tmp_path):
    store = Progress(tmp_path / "p.sqlite3")
    assert store.reading_place("paket", "tensorler") is None
    assert not store.has_any_progress("paket")
    store.set_reading_place("paket", "tensorler", 3, 12.0)
    store.set_reading_place("paket", "tensorler", 4, 2.5)
    store.mark_sections_read("paket", "tensorler", [0, 1])
    store.mark_sections_read("paket", "tensorler", [1, 2])
    store.mark_sections_read("paket", "egitim", [0])
    place = store.reading_place("paket", "tensorler")
    assert (place.section, place.line_offset) == (4, 2.5)
    assert store.sections_read("paket") == {"tensorler": {0, 1, 2}, "egitim": {0}}
    assert store.sections_read("paket", "egitim") == {"egitim": {0}}
    assert store.has_any_progress("paket") and not store.has_any_progress("baska")
