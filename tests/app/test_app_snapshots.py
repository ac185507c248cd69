"""Snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Taken after every worker has finished, in the app's fixed mode: a pinned seed, durations
written as fixed text, no cursor blink, the workspace at a fixed path. Update them on purpose
with `pytest tests/app/test_app_snapshots.py --snapshot-update` and look at the diff report.
"""

from __future__ import annotations

import shutil

import pytest

from .conftest import PACK, wait_for_grading, wait_until

SIZES = [(80, 24), (120, 40)]


async def settle(pilot) -> None:
    await wait_for_grading(pilot)
    await pilot.wait_for_scheduled_animations()
    pilot.app.clear_notifications()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_course_map(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_lesson_reader(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        pilot.app.open_lesson("tensorler")
        await settle(pilot)
        await pilot.press("pagedown")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_after_a_wrong_answer(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        pilot.app.open_quiz("tensorler")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_with_a_failing_result(snap_compare, snapshot_app, size, warm_worker):
    """Statement, signature, the first hint and the grouped failures, all on one screen."""
    wrong = "import torch\n\n\ndef relu(x):\n    return x > 0\n"

    async def run_before(pilot):
        app = pilot.app
        app.open_exercise("relu")
        await settle(pilot)
        app.session.learner_file("relu").write_text(wrong, encoding="utf-8")
        await pilot.press("i")
        await pilot.press("g")
        await wait_until(pilot, lambda: bool(app.screen.query("#verdict-head")))
        await settle(pilot)

    # Watch mode off: the save and the key would otherwise race to grade (1 or 2 attempts).
    app = snapshot_app(watch=False)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_after_a_pass(snap_compare, snapshot_app, size, warm_worker):
    """A pass, and `n` in the footer to go on."""

    async def run_before(pilot):
        app = pilot.app
        app.open_exercise("softmax")
        await settle(pilot)
        shutil.copy(
            PACK / "solutions" / "tensorler" / "softmax.py", app.session.learner_file("softmax")
        )
        await pilot.press("g")
        await wait_until(pilot, lambda: bool(app.screen.query("#verdict-head")))
        await settle(pilot)

    app = snapshot_app(watch=False)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_with_a_restored_stale_verdict(snap_compare, snapshot_app, size, warm_worker):
    """After a restart: the last verdict (made by `tutor submit`), marked as older than the file."""
    app = snapshot_app(watch=False)
    app.session.submit("relu", PACK / "solutions" / "tensorler" / "relu.py")

    async def run_before(pilot):
        pilot.app.open_exercise("relu")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_asks_before_showing_the_solution(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        pilot.app.open_exercise("relu")
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_exercise_with_a_loss_curve(snap_compare, snapshot_app, size, warm_worker):
    async def run_before(pilot):
        app = pilot.app
        app.open_exercise("fit_line")
        await settle(pilot)
        shutil.copy(
            PACK / "solutions" / "egitim" / "fit_line.py", app.session.learner_file("fit_line")
        )
        await pilot.press("g")
        await wait_until(pilot, lambda: bool(app.screen.query("#verdict-head")))
        await settle(pilot)

    app = snapshot_app(watch=False)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_glossary_search(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"ogrenme")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, snapshot_app, size):
    async def run_before(pilot):
        await pilot.press("f1")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)
