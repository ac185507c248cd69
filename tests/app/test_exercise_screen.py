"""The exercise screen, driven with Textual's Pilot: where the learner's work happens."""

from __future__ import annotations

import os
import shutil
import time

from textual.widgets import Collapsible, Static

from tutor import messages as M
from tutor.app.components.confirm import Confirm
from tutor.app.components.curve import LossCurve
from tutor.app.components.file_line import FileLine
from tutor.app.components.hints import HintsPanel
from tutor.app.components.results import ResultsPanel
from tutor.app.screens.exercise import ExerciseScreen, editor_command
from tutor.display import signature_lines

from .conftest import PACK, SEED, run, wait_for_grading, wait_until

SIZE = (100, 30)
WRONG_DTYPE = "import torch\n\n\ndef relu(x):\n    return x > 0\n"
ALWAYS_FLOAT32 = "import torch\n\n\ndef relu(x):\n    return x.clamp(min=0).float()\n"


def text_of(widget: Static) -> str:
    return str(widget.render())


def put(app, exercise_id: str, source: str | None = None, lesson: str = "tensorler") -> None:
    """Write the reference solution (or `source`) into the learner's file, as an editor would."""
    target = app.session.learner_file(exercise_id)
    if source is None:
        shutil.copy(PACK / "solutions" / lesson / f"{exercise_id}.py", target)
    else:
        target.write_text(source, encoding="utf-8")


async def open_exercise(app, pilot, exercise_id: str) -> ExerciseScreen:
    app.open_exercise(exercise_id)
    await wait_until(pilot, lambda: isinstance(app.screen, ExerciseScreen))
    await pilot.pause()
    return app.screen


def grading(screen) -> bool:
    return screen.query_one(ResultsPanel).state == "running"


async def submit(pilot, key: str = "g") -> None:
    screen = pilot.app.screen
    before = screen._run
    await pilot.press(key)
    await wait_until(pilot, lambda: screen._run > before and not grading(screen))
    await wait_for_grading(pilot)


def attempts(app, exercise_id: str) -> list[dict]:
    return app.session.progress.attempts(app.session.pack.id, exercise_id)


# --- the task --------------------------------------------------------------------------------


def test_an_exercise_shows_its_statement_signature_and_the_learners_file(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            path = app.session.learner_file("relu")
            assert path.is_file()
            assert "yerinde değiştirmeyin" in screen.query_one("#exercise-statement").markdown
            assert (
                screen.query_one("#signature").code == "def relu(x: torch.Tensor) -> torch.Tensor"
            )
            shown = screen.query_one(FileLine).text
            assert shown.startswith(M.APP_EXERCISE_FILE) and str(path) in shown.splitlines()[-1]
            assert text_of(screen.query_one("#grading-status", Static)) == M.APP_RESULTS_EMPTY
            assert text_of(screen.query_one("#watch-state", Static)) == M.APP_WATCH_BADGE_ON

    run(scenario())


def test_a_class_signature_is_laid_out_as_the_class_is_written():
    assert signature_lines(
        "class LSTMCell(nn.Module): def __init__(self, n: int); def forward(self, x)"
    ) == ("class LSTMCell(nn.Module):\n    def __init__(self, n: int)\n    def forward(self, x)")
    assert signature_lines("def relu(x)") == "def relu(x)"


def test_the_file_path_is_never_broken_in_the_middle_of_a_name(tmp_path):
    path = tmp_path / "çok-uzun-bir-klasör-adı" / "tensorler" / "softmax.py"
    line = FileLine(path)
    full = str(path)
    assert line.layout_for(200).plain == f"{M.APP_EXERCISE_FILE}{full}{M.APP_EXERCISE_EDIT}"
    # Too narrow for the key: label and path only, the path whole.
    assert line.layout_for(len(M.APP_EXERCISE_FILE) + len(full)).plain.endswith(full)
    # Too narrow for both on one line: the path alone on its own line, whole.
    two_lines = line.layout_for(len(full)).plain.split("\n")
    assert two_lines[1] == full
    # Narrower than the path: its end, after an ellipsis, never wrapped.
    tail = line.layout_for(20).plain.split("\n")[1]
    assert tail.startswith("…") and full.endswith(tail[1:]) and len(tail) == 20


# --- hints and the solution ------------------------------------------------------------------


def test_hints_come_one_at_a_time_the_newest_in_view_and_announced(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            panel = screen.query_one(HintsPanel)
            assert not screen.query(".hint")
            assert M.APP_HINTS_NONE.format(total=3) == text_of(screen.query_one("#hints-more"))
            await pilot.press("i")
            await pilot.pause()
            hints = screen.query(".hint")
            assert len(hints) == 1 and "İpucu 1/3" in hints[0].markdown
            assert M.APP_HINT_NEW.format(level=1, total=3) in [
                n.message for n in app._notifications
            ]
            for _ in range(2):
                await pilot.press("i")
                await pilot.pause()
            newest = screen.query_one("#hint-3")
            assert newest.has_class("-newest") and not screen.query_one("#hint-1").has_class(
                "-newest"
            )
            # The newest hint is on screen, inside the panel's visible part.
            await pilot.pause()
            assert panel.region.contains(newest.region.x, newest.region.y)
            assert text_of(screen.query_one("#hints-title")) == "İpuçları · 3/3"
            await pilot.press("i")  # no fourth hint: a notice that points on
            await pilot.pause()
            assert len(screen.query(".hint")) == 3
            assert M.APP_HINTS_ALL_SEEN in [n.message for n in app._notifications]
            assert app.session.progress.hints_taken(app.session.pack.id, "relu") == 3

        app = app_factory()  # reopened: the hints already taken are shown again
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ExerciseScreen))
            await pilot.pause()
            assert len(app.screen.query(".hint")) == 3

    run(scenario())


def test_the_solution_is_shown_only_after_a_confirmation_and_is_recorded(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, Confirm)
            assert app.focused.id == "confirm-no"  # Enter alone does not give it away
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is screen and not screen.query("#solution")
            assert app.session.progress.solutions_shown(app.session.pack.id) == set()

            await pilot.press("c")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and not screen.query("#solution")

            await pilot.press("c")
            await pilot.pause()
            await pilot.click("#confirm-yes")
            await pilot.pause()
            assert app.screen is screen
            solution = (PACK / "solutions/tensorler/relu.py").read_text(encoding="utf-8")
            assert screen.query_one("#solution").code == solution.rstrip()
            assert app.session.progress.solutions_shown(app.session.pack.id) == {"relu"}
            assert "çözüme bakıldı" in text_of(screen.query_one("#exercise-status"))

        app = app_factory()  # after a restart it is still there, and still recorded
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ExerciseScreen))
            await pilot.pause()
            assert app.screen.query("#solution")

    run(scenario())


# --- verdicts ------------------------------------------------------------------------------


def test_the_starter_fails_with_its_error_said_once_in_words(app_factory, warm_worker):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            await submit(pilot)
            head = text_of(screen.query_one("#verdict-head", Static))
            assert head == "KALDI · puan %0 · 0/9 denetim geçti"
            meta = text_of(screen.query_one("#verdict-meta", Static))
            assert meta == f"— sn · cihaz: cpu · tohum: {SEED}"
            error = text_of(screen.query_one("#verdict-error", Static))
            assert error.startswith("Kodunuz çalışırken hata verdi (12. satır): Çözüm henüz")
            assert "(exception)" not in error and "[satır" not in error
            assert error.count("12. satır") == 1
            # The nine checks the error stopped, in one line, not nine.
            blocked = text_of(screen.query_one("#checks-blocked", Static))
            assert blocked.startswith("Bu hata yüzünden yapılamayan 9 denetim: küçük girdiler;")
            assert not screen.query(".check")
            assert "kaldı · 1 deneme" in text_of(screen.query_one("#exercise-status", Static))
            (attempt,) = attempts(app, "relu")
            assert attempt["seed"] == SEED and attempt["replay"] == 0

    run(scenario())


def test_failing_checks_are_grouped_the_first_in_full_the_rest_one_line_each(
    app_factory, warm_worker
):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            put(app, "relu", WRONG_DTYPE)
            await submit(pilot)
            first = screen.query_one(".check.first")
            assert text_of(first.query_one(".check-name", Static)) == "✘ küçük girdiler"
            message = text_of(first.query_one(".check-message", Static))
            assert message.startswith(
                "Çıktı: veri tipi farklı; beklenen torch.float32, gelen torch.bool."
            )
            assert "(Girdiler: x: (4, 5) float32.)" in message  # the whole message
            others = list(screen.query(Collapsible))
            assert len(others) == 8 and all(c.collapsed for c in others)
            # One line each: the check's name and the start of its message.
            title = str(others[0].query_one("CollapsibleTitle").render())
            assert title.startswith("▶ ✘ sıfır ve negatif değerler — Çıktı: veri tipi farklı")
            assert others[0].query_one("CollapsibleTitle").region.height == 1
            # Expanded on demand, with the whole message.
            others[0].query_one("CollapsibleTitle").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert not others[0].collapsed
            inner = others[0].query_one(".check-message", Static)
            assert inner.region.height > 0 and "(Girdiler:" in text_of(inner)
            replay = screen.query_one("#replay-command").code
            path = app.session.learner_file("relu").resolve()
            assert replay.split(" \\\n  ") == [
                "tutor submit relu",
                str(path),
                f"--seed {SEED} --device cpu",
                f"--pack {PACK}",
            ]

    run(scenario())


def test_checks_that_passed_are_listed_in_one_line(app_factory, warm_worker):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            put(app, "relu", ALWAYS_FLOAT32)
            await submit(pilot)
            failed = screen.query_one(".check.first .check-name", Static)
            assert text_of(failed) == "✘ float64" and not screen.query(Collapsible)
            passed = text_of(screen.query_one("#checks-passed", Static))
            assert passed.startswith("✔ Geçen 8 denetim: küçük girdiler; sıfır ve negatif")

    run(scenario())


def test_a_pass_offers_the_next_exercise_and_n_opens_it_without_grading_it(
    app_factory, warm_worker
):
    from textual.widgets._footer import FooterKey

    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            footer = {k.description for k in screen.query(FooterKey)}
            assert M.APP_KEYS["exercise.next"][0] not in footer  # not before a pass
            await pilot.press("n")
            await pilot.pause()
            assert app.screen is screen
            put(app, "relu")
            await submit(pilot)
            assert text_of(screen.query_one("#verdict-head")).startswith("GEÇTİ · puan %100")
            assert text_of(screen.query_one("#verdict-next")) == M.APP_NEXT_AFTER_PASS
            assert not screen.query("#verdict-replay")
            await pilot.pause()
            footer = {k.description for k in screen.query(FooterKey)}
            assert M.APP_KEYS["exercise.next"][0] in footer
            await pilot.press("n")
            await wait_until(
                pilot,
                lambda: (
                    isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "softmax"
                ),
            )
            await pilot.pause(0.3)
            await wait_for_grading(pilot)
            # The next exercise's untouched starter is neither graded nor recorded.
            assert attempts(app, "softmax") == []
            assert text_of(app.screen.query_one("#grading-status")) == M.APP_RESULTS_EMPTY

    run(scenario())


def test_the_same_file_gets_the_same_verdict_until_fresh_cases_are_asked_for(
    app_factory, warm_worker
):
    async def scenario():
        app = app_factory(seed=None, watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            put(app, "relu", WRONG_DTYPE)
            await submit(pilot)
            first = text_of(screen.query_one(".check.first .check-message"))
            await submit(pilot)
            second = text_of(screen.query_one(".check.first .check-message"))
            seeds = [a["seed"] for a in attempts(app, "relu")]
            assert seeds[0] == seeds[1] and first == second
            await submit(pilot, "y")
            seeds = [a["seed"] for a in attempts(app, "relu")]
            assert len(seeds) == 3 and seeds[2] != seeds[1]
            assert M.APP_FRESH_CASES in [n.message for n in app._notifications]
            # The new seed is the one kept from now on.
            assert app.session.case_seed("relu") == seeds[2]

    run(scenario())


def test_the_last_verdict_comes_back_after_a_restart_also_one_made_by_the_cli(
    app_factory, warm_worker
):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_exercise(app, pilot, "relu")
            put(app, "relu", WRONG_DTYPE)
            await submit(pilot)
            await pilot.press("q")

        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: isinstance(app.screen, ExerciseScreen))
            await wait_for_grading(pilot)
            screen = app.screen
            assert text_of(screen.query_one("#verdict-head")).startswith("KALDI · puan %0")
            assert not screen.query_one("#verdict-stale").display
            assert len(attempts(app, "softmax")) == 0

            # `tutor submit softmax` in another terminal: the app shows that verdict too.
            app.session.submit("softmax", PACK / "solutions/tensorler/softmax.py")
            await pilot.press("escape")
            screen = await open_exercise(app, pilot, "softmax")
            assert text_of(screen.query_one("#verdict-head")).startswith("GEÇTİ · puan %100")
            # The workspace file is not the code that was graded: the verdict says so.
            assert screen.query_one("#verdict-stale").display

    run(scenario())


def test_with_watch_off_a_save_marks_the_verdict_stale_and_turning_watch_on_regrades(
    app_factory, warm_worker
):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            assert text_of(screen.query_one("#watch-state")) == M.APP_WATCH_BADGE_OFF
            put(app, "relu")
            await submit(pilot)
            assert text_of(screen.query_one("#verdict-head")).startswith("GEÇTİ")
            put(app, "relu", WRONG_DTYPE)  # a buggy save, not graded
            panel = screen.query_one(ResultsPanel)
            await wait_until(pilot, lambda: panel.is_stale)
            assert screen.query_one("#verdict-stale").display
            assert len(attempts(app, "relu")) == 1
            await pilot.press("w")  # watch on: what changed is graded at once
            await wait_until(pilot, lambda: len(attempts(app, "relu")) == 2)
            await wait_for_grading(pilot)
            assert text_of(screen.query_one("#verdict-head")).startswith("KALDI")
            assert not panel.is_stale
            assert text_of(screen.query_one("#watch-state")) == M.APP_WATCH_BADGE_ON

    run(scenario())


def test_a_save_is_seen_through_file_system_events_within_a_tenth_of_a_second(
    app_factory, warm_worker
):
    seen: list[float] = []

    def hook(message) -> None:
        if isinstance(message, ExerciseScreen.FileSaved):
            seen.append(time.monotonic())

    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            await open_exercise(app, pilot, "relu")
            await pilot.pause(0.3)  # the watcher is started
            delays = []
            for source in (WRONG_DTYPE, ALWAYS_FLOAT32, WRONG_DTYPE + "\n"):
                count = len(seen)
                saved = time.monotonic()
                put(app, "relu", source)
                await wait_until(pilot, lambda count=count: len(seen) > count, timeout=5)
                delays.append(seen[count] - saved)
                await pilot.pause(0.2)
            assert sorted(delays)[1] < 0.1, delays  # the median of three saves

    run(scenario())


def test_saving_the_file_regrades_it_while_the_exercise_is_open(app_factory, warm_worker):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            assert not screen.query("#verdict-head")
            put(app, "relu")  # a save, as an editor would do it
            await wait_until(pilot, lambda: bool(screen.query("#verdict-head")))
            await wait_for_grading(pilot)
            assert text_of(screen.query_one("#verdict-head")).startswith("GEÇTİ")
            assert len(attempts(app, "relu")) == 1  # one save, one grading
            await pilot.press("w")  # watch mode off: a save is not graded
            await pilot.pause()
            assert text_of(screen.query_one("#watch-state")) == M.APP_WATCH_BADGE_OFF
            put(app, "relu", source="def relu(x):\n    return x\n")
            await pilot.pause(0.4)
            await wait_for_grading(pilot)
            assert len(attempts(app, "relu")) == 1

    run(scenario())


def test_a_training_exercise_draws_its_loss_curve(app_factory, warm_worker):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "fit_line")
            put(app, "fit_line", lesson="egitim")
            await submit(pilot)
            curve = screen.query_one(LossCurve)
            assert len(curve.values) == 50 and curve.values[0] > curve.values[-1]
            # The reference run's curve is drawn beside the learner's, on the same axes.
            assert len(curve.reference) == 50 and curve.reference[-1] < curve.reference[0]
            label = text_of(screen.query_one(".series-label", Static))
            assert label.startswith("Kayıp eğrisi: 50 ölçüm,") and "," in label.split("ölçüm,")[1]
            drawn = curve.render().plain
            assert M.APP_CURVE_YOURS in drawn and M.APP_CURVE_REFERENCE in drawn

    run(scenario())


def test_progress_is_shown_while_grading_runs(app_factory, warm_worker):
    events = []

    def hook(message) -> None:
        if isinstance(message, ExerciseScreen.GradingProgress):
            events.append(message.event)

    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE, message_hook=hook) as pilot:
            screen = await open_exercise(app, pilot, "softmax")
            await submit(pilot)
            assert events[0]["event"] == "started" and events[0]["total"] == 10
            assert [e["index"] for e in events if e["event"] == "case"] == list(range(10))
            assert not screen.query_one("#grading-bar").display

    run(scenario())


def test_a_missing_file_is_reported_in_the_results_panel(app_factory):
    async def scenario():
        app = app_factory(watch=False)
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            app.session.learner_file("relu").unlink()
            await pilot.press("g")
            await wait_for_grading(pilot)
            status = text_of(screen.query_one("#grading-status", Static))
            assert status.startswith("Değerlendirme yapılamadı:") and "bulunamadı" in status

    run(scenario())


# --- the editor ----------------------------------------------------------------------------


def test_the_edit_key_explains_itself_where_the_app_cannot_suspend(app_factory):
    async def scenario():
        app = app_factory(editor="true")
        async with app.run_test(size=SIZE) as pilot:  # headless: no terminal to hand over
            await open_exercise(app, pilot, "relu")
            await pilot.press("e")
            await pilot.pause()
            path = app.session.learner_file("relu")
            assert M.APP_EDITOR_NO_SUSPEND.format(path=path) in [
                n.message for n in app._notifications
            ]

    run(scenario())


def test_without_an_editor_set_the_learner_is_told_which_one_opens(
    app_factory, monkeypatch, tmp_path
):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "nano").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    (bin_dir / "nano").chmod(0o755)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("PATH", str(bin_dir))
    choice = editor_command(None)
    assert choice is not None and choice.command == ["nano"] and not choice.chosen_by_learner

    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await open_exercise(app, pilot, "relu")
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, Confirm)
            assert "nano" in text_of(app.screen.query_one("#confirm-text"))
            assert "EDITOR" in text_of(app.screen.query_one("#confirm-text"))

    run(scenario())
    monkeypatch.setenv("PATH", str(tmp_path / "yok"))
    assert editor_command(None) is None  # then the app says how to set EDITOR
    assert "EDITOR" in M.APP_EDITOR_NONE and "export EDITOR=" in M.APP_EDITOR_NONE
    assert os.environ.get("EDITOR") is None


def test_b_fills_the_screen_with_a_pane_and_esc_gives_it_back(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_exercise(app, pilot, "relu")
            await pilot.press("b")
            await pilot.pause()
            assert screen.maximized is screen.query_one("#statement")
            await pilot.press("escape")  # first back to the split screen, not off it
            await pilot.pause()
            assert screen.maximized is None and app.screen is screen
            screen.query_one(HintsPanel).focus()
            await pilot.press("b")
            await pilot.pause()
            assert screen.maximized is screen.query_one("#work")
            await pilot.press("b")
            await pilot.pause()
            assert screen.maximized is None

    run(scenario())


def test_a_training_case_moves_the_bar_epoch_by_epoch():
    """The worker's "progress" events (tutor.grading.job) while a fitting case trains: the
    status line names the case and the epoch, the bar counts the epochs of that case."""
    from textual.app import App
    from textual.widgets import ProgressBar

    class Panel(App):
        def compose(self):
            yield ResultsPanel()

    async def scenario():
        app = Panel()
        async with app.run_test(size=SIZE) as pilot:
            panel = app.query_one(ResultsPanel)
            panel.start()
            panel.grading_event({"event": "started", "total": 4})
            panel.grading_event({"event": "case", "index": 1, "total": 4, "name": "eğitim"})
            panel.grading_event({"event": "progress", "index": 1, "epoch": 2, "of": 10})
            await pilot.pause()
            status = text_of(panel.query_one("#grading-status", Static))
            assert status == "Değerlendiriliyor: eğitim (2/4) · dönem 3/10"
            bar = panel.query_one("#grading-bar", ProgressBar)
            assert (bar.total, bar.progress) == (10, 3)
            panel.grading_event({"event": "case", "index": 2, "total": 4, "name": "tahmin"})
            assert (bar.total, bar.progress) == (4, 2)

    run(scenario())
