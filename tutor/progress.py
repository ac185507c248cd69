"""The learner's progress in SQLite: attempts, hints taken, quiz answers, where they left off.

Every write is one transaction; WAL mode and a busy timeout let two tutor processes (the app
and `tutor watch`, say) write at once without corrupting or losing anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tutor.grading.verdict import Verdict

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    pack TEXT NOT NULL,
    exercise TEXT NOT NULL,
    passed INTEGER NOT NULL,
    score REAL NOT NULL,
    duration_s REAL NOT NULL,
    device TEXT NOT NULL,
    seed INTEGER NOT NULL,
    code_sha256 TEXT NOT NULL,
    error_kind TEXT
);
CREATE INDEX IF NOT EXISTS attempts_by_exercise ON attempts (pack, exercise);
CREATE TABLE IF NOT EXISTS hints (
    pack TEXT NOT NULL,
    exercise TEXT NOT NULL,
    level INTEGER NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (pack, exercise, level)
);
CREATE TABLE IF NOT EXISTS quiz_answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts REAL NOT NULL,
    pack TEXT NOT NULL,
    lesson TEXT NOT NULL,
    quiz TEXT NOT NULL,
    question INTEGER NOT NULL,
    choice INTEGER NOT NULL,
    correct INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def code_hash(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


@dataclass
class ExerciseStatus:
    status: str  # not_tried | failing | passed
    attempts: int
    best_score: float


class Progress:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), timeout=30.0, isolation_level=None)
        self._conn.execute("PRAGMA busy_timeout = 30000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        with self._write() as conn:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            conn.execute(
                "INSERT OR IGNORE INTO state (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    def close(self) -> None:
        self._conn.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, taken with a write lock up front so concurrent writers queue."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # --- attempts --------------------------------------------------------------------------
    def record_attempt(self, pack: str, verdict: Verdict, source: bytes) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO attempts (ts, pack, exercise, passed, score, duration_s, device, seed, code_sha256, error_kind)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    pack,
                    verdict.exercise,
                    int(verdict.passed),
                    verdict.score,
                    verdict.duration_s,
                    verdict.device,
                    verdict.seed,
                    code_hash(source),
                    verdict.error.kind if verdict.error else None,
                ),
            )

    def statuses(self, pack: str) -> dict[str, ExerciseStatus]:
        rows = self._conn.execute(
            "SELECT exercise, MAX(passed), COUNT(*), MAX(score) FROM attempts WHERE pack = ? GROUP BY exercise",
            (pack,),
        ).fetchall()
        return {
            exercise: ExerciseStatus("passed" if passed else "failing", count, best or 0.0)
            for exercise, passed, count, best in rows
        }

    def status(self, pack: str, exercise: str) -> str:
        found = self.statuses(pack).get(exercise)
        return found.status if found else "not_tried"

    def attempts(self, pack: str, exercise: str | None = None) -> list[dict]:
        query = "SELECT * FROM attempts WHERE pack = ?"
        params: tuple = (pack,)
        if exercise is not None:
            query += " AND exercise = ?"
            params = (pack, exercise)
        cursor = self._conn.execute(query + " ORDER BY id", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    # --- hints -------------------------------------------------------------------------------
    def hints_taken(self, pack: str, exercise: str) -> int:
        row = self._conn.execute(
            "SELECT COALESCE(MAX(level), 0) FROM hints WHERE pack = ? AND exercise = ?",
            (pack, exercise),
        ).fetchone()
        return int(row[0])

    def take_hint(self, pack: str, exercise: str, available: int) -> int:
        """Record the next hint level (up to `available`) and return it (1-based)."""
        with self._write() as conn:
            row = conn.execute(
                "SELECT COALESCE(MAX(level), 0) FROM hints WHERE pack = ? AND exercise = ?",
                (pack, exercise),
            ).fetchone()
            level = min(int(row[0]) + 1, available)
            conn.execute(
                "INSERT OR IGNORE INTO hints (pack, exercise, level, ts) VALUES (?, ?, ?, ?)",
                (pack, exercise, level, time.time()),
            )
        return level

    # --- quizzes -------------------------------------------------------------------------------
    def record_answer(
        self, pack: str, lesson: str, quiz: str, question: int, choice: int, correct: bool
    ) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO quiz_answers (ts, pack, lesson, quiz, question, choice, correct) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (time.time(), pack, lesson, quiz, question, choice, int(correct)),
            )

    def quiz_score(self, pack: str, lesson: str, quiz: str = "quiz") -> tuple[int, int]:
        """(correct, answered) counting each question's latest answer."""
        rows = self._conn.execute(
            "SELECT question, correct FROM quiz_answers WHERE id IN ("
            " SELECT MAX(id) FROM quiz_answers WHERE pack = ? AND lesson = ? AND quiz = ? GROUP BY question)",
            (pack, lesson, quiz),
        ).fetchall()
        return sum(c for _, c in rows), len(rows)

    # --- where the learner left off --------------------------------------------------------
    def get_state(self, key: str, default: str | None = None) -> str | None:
        row = self._conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
