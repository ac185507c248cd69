"""Shared fixtures: one tutor home and one warm grading worker for the whole test run.

torch is started once (in the worker), not once per test. Tests call the same code paths
as the CLI and the app: `Session.submit` / `Session.grade_file` through the worker.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Hostile submissions (tests/submissions/_hostile) belong to the tests; known-wrong submissions
# belong to the pack (wrong/<exercise id>/), where `tutor pack validate` proves them too.
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"
WRONG = ROOT / "wrong"
sys.path.insert(0, str(ROOT))

_HOME: Path | None = None


def pytest_configure(config):
    """Set TUTOR_HOME before anything imports tutor, so every test shares one worker."""
    global _HOME
    import tempfile

    config.addinivalue_line("markers", "slow: minutes long; runs only with TUTOR_SLOW=1")
    _HOME = Path(tempfile.mkdtemp(prefix="tutor-test-home-"))
    os.environ["TUTOR_HOME"] = str(_HOME)
    os.environ.pop("TUTOR_WORKSPACE", None)
    # Workers that tests start with a home of their own go away soon after the run.
    os.environ["TUTOR_WORKER_IDLE_S"] = "60"


def pytest_unconfigure(config):
    from tutor.grading import client

    if _HOME is not None:
        client.stop_worker(_HOME)


@pytest.fixture(scope="session")
def tutor_home() -> Path:
    assert _HOME is not None
    return _HOME


@pytest.fixture(scope="session")
def session(tutor_home):
    """A session on the built-in pack; its worker is started once and kept warm."""
    from tutor.session import Session

    s = Session(ROOT, tutor_home / "calisma-testleri")
    s.warm_up()
    yield s
    s.close()


@pytest.fixture
def fresh_session(tmp_path, tutor_home):
    """A session with its own workspace and progress database (same warm worker)."""
    from tutor.progress import Progress
    from tutor.session import Session

    s = Session(ROOT, tmp_path / "calisma")
    s._progress = Progress(tmp_path / "ilerleme.sqlite3")
    yield s
    s.close()


def submission_expectations(path: Path) -> dict[str, str]:
    """Read a wrong submission's header: the bug, the check that must fail, the message."""
    from tutor.validate import wrong_expectations  # imported late: TUTOR_HOME is set first

    return wrong_expectations(path.read_text(encoding="utf-8"))


def wrong_submissions(exercise_ids: list[str] | None = None) -> list[Path]:
    paths = sorted(p for p in WRONG.glob("*/*.py") if not p.parent.name.startswith("_"))
    if exercise_ids is not None:
        paths = [p for p in paths if p.parent.name in exercise_ids]
    return paths


@pytest.fixture(scope="session")
def _ahead_pool():
    """Two gradings at once (the worker forks a job per request; one per core)."""
    from concurrent.futures import ThreadPoolExecutor

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ahead")
    futures: dict[str, object] = {}
    yield pool, futures
    pool.shutdown(wait=False, cancel_futures=True)


@pytest.fixture
def ahead(request, _ahead_pool):
    """`ahead(fn, **params)`: fn(**params), while the next test of the same function (the next
    parameter) is already being graded. Grading tests spend their time waiting for the
    worker; this keeps both cores busy without a plugin."""
    pool, futures = _ahead_pool

    def key_of(name: str, params: dict) -> str:
        return name + repr(sorted((k, getattr(v, "id", v)) for k, v in params.items()))

    def run(fn, **params):
        node = request.node
        items = request.session.items
        index = items.index(node)
        for upcoming in items[index + 1 : index + 2]:
            if getattr(upcoming, "originalname", None) != node.originalname:
                continue
            spec = getattr(upcoming, "callspec", None)
            if spec is None or not all(k in spec.params for k in params):
                continue
            next_params = {k: spec.params[k] for k in params}
            next_key = key_of(node.originalname, next_params)
            if next_key not in futures:
                futures[next_key] = pool.submit(fn, **next_params)
        future = futures.pop(key_of(node.originalname, params), None)
        return future.result() if future is not None else fn(**params)

    return run
