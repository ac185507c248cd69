"""Fixtures for the app's tests: a fixed pack, a per-test workspace, one shared warm worker.

The pack in `tests/app/pack` is small and fixed, so that the screens (and the snapshots)
do not change as the built-in curriculum grows. TUTOR_HOME is the test session's (see
tests/conftest.py): every app in every test talks to the same warm grading worker.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

PACK = Path(__file__).resolve().parent / "pack"
SEED = 1234
# Snapshots show the learner's file path: it must not depend on pytest's tmp_path.
SNAPSHOT_ROOT = Path("/tmp/tutor-app-snapshots")


def run(coroutine: Awaitable[None]) -> None:
    """Run a Pilot scenario (the test run has no async plugin; asyncio is enough)."""
    asyncio.run(coroutine)  # type: ignore[arg-type]


def make_app(root: Path, **options):
    from tutor.app import create_app

    settings = dict(
        pack=PACK,
        workspace=root / "calisma",
        progress_path=root / "ilerleme.sqlite3",
        device="cpu",
        seed=SEED,
        fixed=True,
        warm_up=False,
        watch=True,
    )
    settings.update(options)
    return create_app(**settings)


@pytest.fixture(scope="session")
def warm_worker(tutor_home):
    """The grading worker, started once for every app test that grades."""
    from tutor.grading import client

    client.start_worker(tutor_home)
    return tutor_home


@pytest.fixture
def app_factory(tmp_path, tutor_home) -> Callable[..., object]:
    """`app_factory(**options)`: a new app on the fixed pack; the same workspace and
    progress database every time it is called in one test (to quit and reopen)."""
    return lambda **options: make_app(tmp_path, **options)


@pytest.fixture(scope="session")
def snapshot_pack() -> Path:
    """A copy of the fixed pack at a fixed path: the replay command on an exercise screen
    names the pack, and the checkout's own path differs from machine to machine."""
    copy = SNAPSHOT_ROOT / "paket"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(PACK, copy, ignore=shutil.ignore_patterns("__pycache__"))
    yield copy
    shutil.rmtree(copy, ignore_errors=True)


@pytest.fixture
def snapshot_app(request, tutor_home, snapshot_pack) -> Callable[..., object]:
    """An app on the pack's fixed-path copy whose workspace lives at a fixed path, wiped
    first, named after the test."""
    root = SNAPSHOT_ROOT / request.node.name.split("[")[0]
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    yield lambda **options: make_app(root, **{"pack": snapshot_pack, **options})
    shutil.rmtree(root, ignore_errors=True)


async def wait_until(pilot, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    """Let the app run until `condition()` holds (grading answers from another process)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError("the app did not reach the expected state in time")
        await pilot.pause(0.05)


def _finishing_workers(app) -> list:
    """Every worker that ends by itself: all but an open exercise's file watcher."""
    return [worker for worker in app.workers if worker.group != "watch"]


async def wait_for_grading(pilot) -> None:
    """Wait until every worker (grading runs in a thread worker) is done and the UI caught up."""
    app = pilot.app
    for _ in range(2):
        # (An empty list would mean "every worker" to Textual, the watcher included.)
        await asyncio.gather(*(worker.wait() for worker in _finishing_workers(app)))
        await pilot.pause()
