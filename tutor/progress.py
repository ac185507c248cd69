"""The learner's progress in SQLite: attempts, hints taken, quiz attempts and answers, how far
each lesson has been read, where they left off.

Every write is one transaction; WAL mode and a busy timeout let two tutor processes (the app
and `tutor watch`, say) write at once without corrupting or losing anything. One `Progress`
may be shared by threads (the app grades in a thread worker): a lock keeps its transactions
apart.

The schema only grows: tables are created if missing, columns added if missing, so that a
database written by an older tutor opens in a newer one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
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
CREATE TABLE IF NOT EXISTS quiz_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pack TEXT NOT NULL,
    lesson TEXT NOT NULL,
    quiz TEXT NOT NULL,
    seed INTEGER NOT NULL,
    total INTEGER NOT NULL,
    started REAL NOT NULL,
    finished REAL,
    correct INTEGER
);
CREATE INDEX IF NOT EXISTS quiz_attempts_by_quiz ON quiz_attempts (pack, lesson, quiz);
CREATE TABLE IF NOT EXISTS reading_places (
    pack TEXT NOT NULL,
    lesson TEXT NOT NULL,
    section INTEGER NOT NULL,
    line_offset REAL NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (pack, lesson)
);
CREATE TABLE IF NOT EXISTS sections_read (
    pack TEXT NOT NULL,
    lesson TEXT NOT NULL,
    section INTEGER NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (pack, lesson, section)
);
CREATE TABLE IF NOT EXISTS case_seeds (
    pack TEXT NOT NULL,
    exercise TEXT NOT NULL,
    seed INTEGER NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (pack, exercise)
);
CREATE TABLE IF NOT EXISTS solutions_shown (
    pack TEXT NOT NULL,
    exercise TEXT NOT NULL,
    ts REAL NOT NULL,
    PRIMARY KEY (pack, exercise)
);
"""

# Columns added after a table was first published: (table, column, declaration). Added when
# missing, so that a database written by an older tutor opens with every column in place.
_ADDED_COLUMNS = (
    # The whole verdict, so that the app can show the last one after a restart.
    ("attempts", "verdict_json", "TEXT"),
    # 1: graded with a seed the learner chose (`--seed N`); never recorded as a pass.
    ("attempts", "replay", "INTEGER NOT NULL DEFAULT 0"),
    # The quiz attempt an answer belongs to; NULL for answers given before attempts existed.
    ("quiz_answers", "attempt", "INTEGER"),
)


def code_hash(source: bytes) -> str:
    return hashlib.sha256(source).hexdigest()


@dataclass
class QuizAttempt:
    """One sitting of a quiz: its choices are shuffled with `seed`; `finished` once every
    question was answered. Only finished attempts make a score."""

    id: int
    seed: int
    total: int
    finished: bool
    correct: int | None


@dataclass
class QuizStanding:
    """A quiz's results over its finished attempts (None: never finished)."""

    best: int | None
    last: int | None
    total: int | None  # questions in the last finished attempt
    attempts: int  # finished attempts


@dataclass
class ReadingPlace:
    section: int
    line_offset: float  # lines below the start of `section`


@dataclass
class ExerciseStatus:
    status: str  # not_tried | failing | passed
    attempts: int
    best_score: float


@dataclass
class Attempt:
    """One recorded grading of an exercise."""

    ts: float
    passed: bool  # as recorded: a replay is never recorded as a pass
    score: float
    seed: int
    code_sha256: str
    replay: bool
    error_kind: str | None
    # The verdict as it was shown; None for attempts recorded before verdicts were kept.
    verdict: Verdict | None


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, column, declaration in _ADDED_COLUMNS:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


class _Rows:
    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows

    def fetchone(self) -> tuple | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[tuple]:
        return self.rows


class Progress:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(path), timeout=30.0, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA busy_timeout = 30000")
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        with self._write() as conn:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                conn.execute(statement)
            _add_missing_columns(conn)
            conn.execute(
                "INSERT OR IGNORE INTO state (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    def close(self) -> None:
        self._conn.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, taken with a write lock up front so concurrent writers queue."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, query: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(query, params).fetchall()

    def _execute(self, query: str, params: tuple = ()) -> _Rows:
        """A read under the lock, its rows fetched at once (the connection is shared between
        the app's threads)."""
        with self._lock:
            return _Rows(self._conn.execute(query, params).fetchall())

    # --- attempts --------------------------------------------------------------------------
    def record_attempt(
        self, pack: str, verdict: Verdict, source: bytes, *, replay: bool = False
    ) -> None:
        """Record a grading of `source`. A replay (a seed the learner chose) is kept with its
        verdict but never as a pass: only cases the engine drew itself can pass an exercise."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO attempts (ts, pack, exercise, passed, score, duration_s, device, seed,"
                " code_sha256, error_kind, verdict_json, replay)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    time.time(),
                    pack,
                    verdict.exercise,
                    int(verdict.passed and not replay),
                    verdict.score,
                    verdict.duration_s,
                    verdict.device,
                    verdict.seed,
                    code_hash(source),
                    verdict.error.kind if verdict.error else None,
                    json.dumps(verdict.to_wire(), ensure_ascii=False),
                    int(replay),
                ),
            )

    def last_attempt(self, pack: str, exercise: str) -> Attempt | None:
        rows = self._read(
            "SELECT ts, passed, score, seed, code_sha256, replay, error_kind, verdict_json"
            " FROM attempts WHERE pack = ? AND exercise = ? ORDER BY id DESC LIMIT 1",
            (pack, exercise),
        )
        if not rows:
            return None
        ts, passed, score, seed, sha, replay, error_kind, verdict_json = rows[0]
        verdict = None
        if verdict_json:
            try:
                verdict = Verdict.from_wire(json.loads(verdict_json))
            except (ValueError, KeyError, TypeError):
                verdict = None  # written by another version of tutor: show the summary only
        return Attempt(ts, bool(passed), score, seed, sha, bool(replay), error_kind, verdict)

    def statuses(self, pack: str) -> dict[str, ExerciseStatus]:
        rows = self._read(
            # Replays (a seed the learner chose) show a verdict but never change a status.
            "SELECT exercise, MAX(passed), COUNT(*), MAX(score)"
            " FROM attempts WHERE pack = ? AND replay = 0 GROUP BY exercise",
            (pack,),
        )
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
        with self._lock:
            cursor = self._conn.execute(query + " ORDER BY id", params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    # --- the cases each exercise is graded with ---------------------------------------------
    def case_seed(self, pack: str, exercise: str, draw: Callable[[], int]) -> int:
        """The seed this learner's exercise is graded with; drawn (by `draw`) the first time.

        A stable seed means the same file always gets the same verdict; `new_case_seed`
        changes it when the learner asks for fresh cases.
        """
        rows = self._read(
            "SELECT seed FROM case_seeds WHERE pack = ? AND exercise = ?", (pack, exercise)
        )
        if rows:
            return int(rows[0][0])
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO case_seeds (pack, exercise, seed, ts) VALUES (?, ?, ?, ?)",
                (pack, exercise, draw(), time.time()),
            )
            row = conn.execute(
                "SELECT seed FROM case_seeds WHERE pack = ? AND exercise = ?", (pack, exercise)
            ).fetchone()
        return int(row[0])

    def new_case_seed(self, pack: str, exercise: str, seed: int) -> int:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO case_seeds (pack, exercise, seed, ts) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(pack, exercise) DO UPDATE SET seed = excluded.seed, ts = excluded.ts",
                (pack, exercise, seed, time.time()),
            )
        return seed

    # --- hints -------------------------------------------------------------------------------
    def hints_taken(self, pack: str, exercise: str) -> int:
        (row,) = self._read(
            "SELECT COALESCE(MAX(level), 0) FROM hints WHERE pack = ? AND exercise = ?",
            (pack, exercise),
        )
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

    def record_solution_shown(self, pack: str, exercise: str) -> None:
        """The learner asked to see the whole solution: kept, and shown in their progress."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO solutions_shown (pack, exercise, ts) VALUES (?, ?, ?)",
                (pack, exercise, time.time()),
            )

    def solutions_shown(self, pack: str) -> set[str]:
        rows = self._read("SELECT exercise FROM solutions_shown WHERE pack = ?", (pack,))
        return {exercise for (exercise,) in rows}

    # --- quizzes -------------------------------------------------------------------------------
    def start_quiz(self, pack: str, lesson: str, quiz: str, total: int, seed: int) -> QuizAttempt:
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO quiz_attempts (pack, lesson, quiz, seed, total, started) VALUES (?, ?, ?, ?, ?, ?)",
                (pack, lesson, quiz, seed, total, time.time()),
            )
        return QuizAttempt(int(cursor.lastrowid or 0), seed, total, False, None)

    def quiz_attempt(self, attempt: int) -> QuizAttempt | None:
        row = self._execute(
            "SELECT id, seed, total, finished, correct FROM quiz_attempts WHERE id = ?", (attempt,)
        ).fetchone()
        return _attempt(row) if row else None

    def open_quiz_attempt(self, pack: str, lesson: str, quiz: str) -> QuizAttempt | None:
        """The latest attempt of this quiz if it was left unfinished, else None."""
        row = self._execute(
            "SELECT id, seed, total, finished, correct FROM quiz_attempts"
            " WHERE pack = ? AND lesson = ? AND quiz = ? ORDER BY id DESC LIMIT 1",
            (pack, lesson, quiz),
        ).fetchone()
        if row is None or row[3] is not None:
            return None
        return _attempt(row)

    def quiz_attempts_started(self, pack: str, lesson: str, quiz: str) -> int:
        row = self._execute(
            "SELECT COUNT(*) FROM quiz_attempts WHERE pack = ? AND lesson = ? AND quiz = ?",
            (pack, lesson, quiz),
        ).fetchone()
        return int(row[0])

    def record_answer(
        self,
        pack: str,
        lesson: str,
        quiz: str,
        question: int,
        choice: int,
        correct: bool,
        attempt: int | None = None,
    ) -> None:
        """`question` and `choice` are indexes in the lesson file, not positions on screen."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO quiz_answers (ts, pack, lesson, quiz, question, choice, correct, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (time.time(), pack, lesson, quiz, question, choice, int(correct), attempt),
            )

    def attempt_answers(self, attempt: int) -> dict[int, tuple[int, bool]]:
        """question → (choice, correct), the latest answer to each question in the attempt."""
        rows = self._execute(
            "SELECT question, choice, correct FROM quiz_answers WHERE attempt = ? ORDER BY id",
            (attempt,),
        ).fetchall()
        return {question: (choice, bool(correct)) for question, choice, correct in rows}

    def finish_quiz(self, attempt: int) -> int:
        """Close the attempt and store its score (right answers); returns the score."""
        with self._write() as conn:
            rows = conn.execute(
                "SELECT correct FROM quiz_answers WHERE id IN ("
                " SELECT MAX(id) FROM quiz_answers WHERE attempt = ? GROUP BY question)",
                (attempt,),
            ).fetchall()
            correct = sum(c for (c,) in rows)
            conn.execute(
                "UPDATE quiz_attempts SET finished = ?, correct = ? WHERE id = ? AND finished IS NULL",
                (time.time(), correct, attempt),
            )
        return correct

    def quiz_standing(self, pack: str, lesson: str, quiz: str = "quiz") -> QuizStanding:
        """Best and last score over the finished attempts; an abandoned attempt never counts.

        Answers given before attempts existed (no attempt id) stand for one finished attempt,
        scored by each question's latest answer, when the quiz has no finished attempt.
        """
        rows = self._execute(
            "SELECT correct, total FROM quiz_attempts"
            " WHERE pack = ? AND lesson = ? AND quiz = ? AND finished IS NOT NULL ORDER BY id",
            (pack, lesson, quiz),
        ).fetchall()
        if rows:
            return QuizStanding(
                best=max(c for c, _ in rows),
                last=rows[-1][0],
                total=rows[-1][1],
                attempts=len(rows),
            )
        legacy = self._execute(
            "SELECT correct FROM quiz_answers WHERE id IN ("
            " SELECT MAX(id) FROM quiz_answers WHERE pack = ? AND lesson = ? AND quiz = ?"
            " AND attempt IS NULL GROUP BY question)",
            (pack, lesson, quiz),
        ).fetchall()
        if legacy:
            correct = sum(c for (c,) in legacy)
            return QuizStanding(best=correct, last=correct, total=len(legacy), attempts=1)
        return QuizStanding(best=None, last=None, total=None, attempts=0)

    def quiz_score(self, pack: str, lesson: str, quiz: str = "quiz") -> tuple[int, int]:
        """(correct, answered) of the last finished attempt; (0, 0) if none was finished."""
        standing = self.quiz_standing(pack, lesson, quiz)
        if standing.last is None:
            return 0, 0
        return standing.last, standing.total or 0

    # --- reading ----------------------------------------------------------------------------
    def reading_place(self, pack: str, lesson: str) -> ReadingPlace | None:
        row = self._execute(
            "SELECT section, line_offset FROM reading_places WHERE pack = ? AND lesson = ?",
            (pack, lesson),
        ).fetchone()
        return ReadingPlace(int(row[0]), float(row[1])) if row else None

    def set_reading_place(self, pack: str, lesson: str, section: int, line_offset: float) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO reading_places (pack, lesson, section, line_offset, ts) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT(pack, lesson) DO UPDATE SET section = excluded.section,"
                " line_offset = excluded.line_offset, ts = excluded.ts",
                (pack, lesson, section, line_offset, time.time()),
            )

    def mark_sections_read(self, pack: str, lesson: str, sections: list[int]) -> None:
        if not sections:
            return
        now = time.time()
        with self._write() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO sections_read (pack, lesson, section, ts) VALUES (?, ?, ?, ?)",
                [(pack, lesson, section, now) for section in sections],
            )

    def sections_read(self, pack: str, lesson: str | None = None) -> dict[str, set[int]]:
        """lesson → the sections (indexes) the learner has scrolled to the end of."""
        query = "SELECT lesson, section FROM sections_read WHERE pack = ?"
        params: tuple = (pack,)
        if lesson is not None:
            query += " AND lesson = ?"
            params = (pack, lesson)
        found: dict[str, set[int]] = {}
        for name, section in self._execute(query, params).fetchall():
            found.setdefault(name, set()).add(int(section))
        return found

    def has_any_progress(self, pack: str) -> bool:
        """Whether the learner has done anything at all in this pack (the first run has not)."""
        for table in ("attempts", "quiz_answers", "sections_read", "reading_places", "hints"):
            row = self._execute(f"SELECT 1 FROM {table} WHERE pack = ? LIMIT 1", (pack,))
            if row.fetchone():
                return True
        return False

    # --- where the learner left off --------------------------------------------------------
    def get_state(self, key: str, default: str | None = None) -> str | None:
        row = self._execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )


def _attempt(row: tuple) -> QuizAttempt:
    attempt, seed, total, finished, correct = row
    return QuizAttempt(int(attempt), int(seed), int(total), finished is not None, correct)


def _add_column_if_missing(
    conn: sqlite3.Connection, table: str, column: str, declaration: str
) -> None:
    """Idempotent: a column that is already there is left alone."""
    columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    if column not in columns:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
