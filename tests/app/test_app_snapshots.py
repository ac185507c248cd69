"""Snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

Taken after every worker has finished, in the app's fixed mode: a pinned seed, durations
written as fixed text, no cursor blink, the workspace at a fixed path. Update them on purpose
with `pytest tests/app/test_app_snapshots.py --snapshot-update` and look at the diff report.
"""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import Input

from tutor import messages as M

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


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_quiz_review_of_wrong_answers(snap_compare, snapshot_app, size):
    """The end of a quiz: the score once, then each wrong answer with the right one and why."""

    async def run_before(pilot):
        app = pilot.app
        app.open_quiz("tensorler")
        await settle(pilot)
        screen = app.screen
        for index, question in enumerate(screen.questions):
            order = screen.order(index)
            wrong = next(p for p, c in enumerate(order) if c != question.answer)
            await pilot.press(str(wrong + 1), "enter")
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_lesson_with_wide_code_and_a_table(snap_compare, snapshot_app, size):
    """Code never wrapped (the long line runs off to the right and scrolls), a table of code
    that fits: a grid beside the table of contents at 120 columns, stacked rows at 80."""

    async def run_before(pilot):
        app = pilot.app
        app.open_lesson("tensorler")
        await settle(pilot)
        screen = app.screen
        screen.query_one("#reader").scroll_to_widget(
            screen.query_one("#section-3"), top=True, animate=False
        )
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_command_palette_with_no_match(snap_compare, snapshot_app, size):
    """Textual's palette, in Turkish: its placeholder and its "no matches" line."""

    async def run_before(pilot):
        app = pilot.app
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        app.screen.query_one(Input).cursor_blink = False  # a blinking cursor is not stable
        await pilot.press(*"zzqq")

        def no_match_shown() -> bool:
            found = app.screen.query("CommandList")
            if not found or found.first().option_count != 1:
                return False
            return M.APP_PALETTE_NO_MATCHES in str(found.first().get_option_at_index(0).prompt)

        await wait_until(pilot, no_match_shown)
        await settle(pilot)

    assert snap_compare(snapshot_app(), terminal_size=size, run_before=run_before)
