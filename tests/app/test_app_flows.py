"""The app, driven with Textual's Pilot: every screen and the learner's flows through them."""

from __future__ import annotations

import shutil

from textual.widgets import DataTable, Input, OptionList, Static, Tree

from tutor import messages as M
from tutor.app import keymap
from tutor.app.screens.course_map import CourseMapScreen
from tutor.app.screens.exercise import ExerciseScreen
from tutor.app.screens.glossary import GlossaryScreen
from tutor.app.screens.help import HelpScreen
from tutor.app.screens.lesson import LessonScreen
from tutor.app.screens.quiz import QuizScreen

from .conftest import PACK, run, wait_until

SIZE = (100, 30)


def text_of(widget: Static) -> str:
    return str(widget.render())


def tree_labels(app) -> list[str]:
    tree = app.screen.query_one(Tree)
    labels = []

    def walk(node):
        for child in node.children:
            labels.append(str(child.label))
            walk(child)

    walk(tree.root)
    return labels


def solve(app, exercise_id: str, lesson: str = "tensorler", source: str | None = None) -> None:
    """Put the reference solution (or `source`) into the learner's workspace file."""
    target = app.session.learner_file(exercise_id)
    if source is None:
        shutil.copy(PACK / "solutions" / lesson / f"{exercise_id}.py", target)
    else:
        target.write_text(source, encoding="utf-8")


# --- course map ------------------------------------------------------------------------------


def test_the_course_map_lists_lessons_in_order_with_their_exercises_and_progress(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            labels = tree_labels(app)
            lessons = [label for label in labels if label[0].isdigit()]
            assert lessons[0].startswith("1. Tensörler") and "0/2 alıştırma" in lessons[0]
            assert "sınav –/2" in lessons[0]
            assert lessons[1].startswith("2. Eğitim döngüsü")
            assert any(label.startswith("· relu — ReLU aktivasyonu") for label in labels)
            assert any("Ders öncesi sınavı" in label for label in labels)
            # A learner who has done nothing yet starts at the first lesson's reading.
            assert app.screen.query_one(Tree).cursor_node.data == ("reading", "tensorler", "")
            summary = text_of(app.screen.query_one("#map-summary", Static))
            assert "0/3 alıştırma geçti" in summary and "Sıradaki: relu" in summary

    run(scenario())


def test_the_grading_worker_is_started_only_after_the_first_screen_is_drawn(app_factory):
    """A cold worker imports torch twice; started before the first paint, it took the two
    cores from the app (first screen 0.96 s instead of 0.74 s on a first launch)."""

    async def scenario():
        app = app_factory(warm_up=True)
        painted_when_started = []
        app.session.warm_up = lambda: painted_when_started.append(app._painted)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: painted_when_started)
            assert painted_when_started == [True]

    run(scenario())


def test_the_course_map_shows_passed_exercises_and_quiz_scores_after_returning(
    app_factory, warm_worker
):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("d")  # the next exercise
            await pilot.pause()
            assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "relu"
            solve(app, "relu")
            await pilot.press("g")
            await wait_until(pilot, lambda: bool(app.screen.query("#verdict-head")))
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            labels = tree_labels(app)
            assert any(label.startswith("✔ relu") for label in labels)
            assert any(
                label.startswith("1. Tensörler") and "1/2 alıştırma" in label for label in labels
            )
            assert "Sıradaki: softmax" in text_of(app.screen.query_one("#map-summary", Static))

    run(scenario())


# --- lesson reader ---------------------------------------------------------------------------


def test_a_lesson_opens_from_the_map_and_scrolls(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            tree = app.screen.query_one(Tree)
            tree.move_cursor(app.screen._tree_nodes[("reading", "tensorler", "")])
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, LessonScreen)
            reader = app.screen.query_one("#reader")
            await wait_until(pilot, lambda: reader.max_scroll_y > 10)
            assert reader.scroll_y == 0
            await pilot.press("pagedown")
            await pilot.pause()
            assert reader.scroll_y > 0
            await pilot.press("end")
            await pilot.pause()
            assert reader.scroll_y == reader.max_scroll_y

    run(scenario())


def test_the_table_of_contents_jumps_to_a_section(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(120, 40)) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            screen = app.screen
            toc = screen.query_one("#toc", OptionList)
            assert toc.display  # wide enough to show it from the start
            assert [str(toc.get_option_at_index(i).prompt) for i in range(1, 4)] == [
                "1. Tensör nedir?",
                "2. Eleman bazında işlemler",
                "3. Sayısal kararlılık",
            ]
            toc.focus()
            toc.highlighted = 2
            await pilot.press("enter")
            await pilot.pause()
            reader = screen.query_one("#reader")
            target = screen.query_one("#section-1")
            assert reader.scroll_y > 0
            # The section's title is at the top (or the page is scrolled as far as it goes).
            assert target.region.y - reader.region.y <= 1 or reader.scroll_y == reader.max_scroll_y
            assert target.region.y > 0
            await pilot.press("t")  # back to the table of contents ...
            assert app.focused is toc
            await pilot.press("t")  # ... and a second t hides it
            assert not toc.display

    run(scenario())


def test_a_focused_worked_example_is_copied_to_the_clipboard_with_a_notice(
    app_factory, monkeypatch
):
    from tutor.app import clipboard

    monkeypatch.setattr(clipboard, "system_tool", lambda: None)  # OSC 52 only: no claim

    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            await pilot.press("tab")  # the reader has focus; Tab moves to the first example
            await pilot.pause()
            example = app.focused
            assert example is not None and example.id == "example-0-0"
            await pilot.press("c")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.clipboard.startswith(
                "import torch\n\nx = torch.tensor([[1.0, 2.0], [3.0, 4.0]])"
            )
            notices = [n.message for n in app._notifications]
            assert M.APP_COPY_SENT.format(label="1.1") in notices

    run(scenario())


def test_the_pre_lesson_quiz_is_offered_in_lessons_that_have_one(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            assert app.screen.query("#pre-quiz-note")
            await pilot.press("o")
            await pilot.pause()
            assert isinstance(app.screen, QuizScreen) and app.screen.kind == "pre_quiz"
            await pilot.press("escape")
            app.open_lesson("egitim")
            await pilot.pause()
            assert not app.screen.query("#pre-quiz-note")
            await pilot.press("o")  # no pre-lesson quiz here: the key does nothing
            await pilot.pause()
            assert isinstance(app.screen, LessonScreen)

    run(scenario())


# --- quiz --------------------------------------------------------------------------------------


def test_a_quiz_answered_right_then_wrong_explains_each_answer_and_keeps_the_score(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            await pilot.press("b")  # the end-of-lesson quiz
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen) and screen.kind == "quiz"
            assert "Soru 1/2" in text_of(screen.query_one("#quiz-title", Static))

            await pilot.press(str(screen.order(0).index(1) + 1))  # right: x.add_(1), in place
            await pilot.pause()
            assert text_of(screen.query_one("#feedback", Static)) == M.APP_QUIZ_RIGHT
            assert "yerinde değiştirir" in screen.query_one("#explanation").markdown
            # Half an attempt is no score: only a finished attempt counts.
            assert app.session.progress.quiz_score(app.session.pack.id, "tensorler") == (0, 0)

            await pilot.press("n")
            await pilot.pause()
            assert "Soru 2/2" in text_of(screen.query_one("#quiz-title", Static))
            wrong = screen.order(1).index(1)  # choice 1 in the file is wrong, choice 0 is right
            await pilot.press(*["down"] * (wrong + 1), "enter")
            await pilot.pause()
            feedback = text_of(screen.query_one("#feedback", Static))
            right_at = screen.order(1).index(0) + 1
            assert feedback.startswith(f"✘ Yanlış. Doğru cevap: {right_at}. Sonucu değiştirmeden")
            assert "taşmaz" in screen.query_one("#explanation").markdown
            assert app.session.progress.quiz_score(app.session.pack.id, "tensorler") == (1, 2)

            await pilot.press("enter")  # after an answer, Enter goes on: to the summary
            await pilot.pause()
            assert "2 sorudan 1 tanesini doğru" in screen.query_one("#question").markdown

    run(scenario())


# --- exercise: see test_exercise_screen.py ------------------------------------------------------


# --- glossary --------------------------------------------------------------------------------------


def glossary_rows(screen: GlossaryScreen) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def test_the_glossary_lists_every_term_in_turkish_order(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GlossaryScreen)
            assert glossary_rows(screen) == [
                "ağırlık", "aşırı öğrenme", "cihaz", "çıkarım", "ileri geçiş",
                "öğrenme oranı", "şekil", "tensör", "yerinde",
            ]  # fmt: skip
            await pilot.press("down", "down")  # from the search box, the arrows move in the list
            await pilot.pause()
            assert screen.query_one(DataTable).cursor_row == 2 and app.focused is screen.query_one(
                Input
            )
            assert text_of(screen.query_one("#term-detail", Static)).startswith("cihaz (device)")

    run(scenario())


def test_the_glossary_search_folds_turkish_letters_and_case(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("s")
            await pilot.pause()
            screen = app.screen
            search = screen.query_one(Input)
            assert app.focused is search
            for typed, found in (
                ("asiri", ["aşırı öğrenme"]),
                ("AŞIRI", ["aşırı öğrenme"]),
                ("ağırlık", ["ağırlık"]),
                ("AGIRLIK", ["ağırlık"]),
                ("İLERİ", ["ileri geçiş"]),
                ("cikarim", ["çıkarım"]),
                ("weight", ["ağırlık"]),
            ):
                search.value = ""
                await pilot.press(*typed)
                await pilot.pause()
                assert search.value == typed
                assert glossary_rows(screen) == found, typed
            detail = text_of(screen.query_one("#term-detail", Static))
            assert detail.startswith("ağırlık (weight) — Modelin eğitimle öğrenilen sayıları.")
            search.value = ""
            await pilot.press(*"zzz")
            await pilot.pause()
            assert glossary_rows(screen) == []
            assert text_of(
                screen.query_one("#glossary-count", Static)
            ) == M.APP_GLOSSARY_NONE.format(query="zzz")

    run(scenario())


# --- help, keys and the command palette ------------------------------------------------------------


def test_f1_and_question_mark_open_a_turkish_help_that_lists_every_key(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = app.screen.query_one("#help-text").markdown
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
        assert "Tuşlar" in shown and "Bu uygulama nasıl kullanılır?" in shown
        for scope, keys in keymap.KEYMAP.items():
            assert f"### {M.APP_KEY_SCOPES[scope]}" in shown
            for key in keys:
                if key.in_help:
                    assert f"| `{key.shown_keys()}` | {key.label} | {key.help} |" in shown, key.id

    run(scenario())


def test_every_binding_has_a_turkish_label_and_is_shown_in_the_footer(app_factory):
    from textual.widgets._footer import FooterKey

    async def scenario():
        app = app_factory()
        async with app.run_test(size=(200, 30)) as pilot:
            screens = {
                "map": None,
                "lesson": lambda: app.open_lesson("tensorler"),
                "quiz": lambda: app.open_quiz("tensorler"),
                "exercise": lambda: app.open_exercise("relu"),
                "glossary": app.action_glossary,
            }
            for scope, opener in screens.items():
                if opener is not None:
                    opener()
                await pilot.pause()
                # A busy machine may draw the footer a little after the screen.
                await wait_until(pilot, lambda: bool(app.screen.query(FooterKey)), timeout=10)
                shown = {key.description for key in app.screen.query(FooterKey)}
                if scope == "glossary":  # letters typed into the search box are text, not keys
                    app.screen.query_one(DataTable).focus()
                    await pilot.pause()
                    shown |= {key.description for key in app.screen.query(FooterKey)}
                # App keys a screen lists again, hidden, stay out of that screen's footer.
                quiet = {key.id for key in keymap.KEYMAP[scope] if not key.show}
                for key in (*keymap.KEYMAP[scope], *keymap.KEYMAP["app"]):
                    if key.bound and key.show and key.id not in quiet and not key.conditional:
                        assert key.label in shown, (scope, key.id)
                app.action_home()

    run(scenario())
    for keys in keymap.KEYMAP.values():
        for binding in keys:
            assert binding.label and binding.help and binding.id in M.APP_KEYS
            # Hidden only where shown otherwise: the palette key at the footer's right-hand end,
            # Ctrl+Q beside q, the quiz's keys 2…9, shown together as "1…9", and the exercise
            # keys named on the screen where they apply.
            assert (
                binding.show
                or binding.id in ("app.palette", "app.quit_always")
                or not binding.in_help
                or binding.id in {"exercise.fresh", "exercise.solution", "exercise.maximize"}
            )


def test_the_command_palette_jumps_to_an_exercise_and_to_a_glossary_term(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"softmax")
            await wait_until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, ExerciseScreen))
            assert app.screen.exercise.id == "softmax"

            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"asiri")  # Turkish-aware: finds "aşırı öğrenme"
            await wait_until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(app.screen, GlossaryScreen))
            assert app.screen.query_one(Input).value == "aşırı öğrenme"
            assert glossary_rows(app.screen) == ["aşırı öğrenme"]

    run(scenario())


# --- quitting and coming back --------------------------------------------------------------------------


def test_quitting_and_reopening_returns_to_the_same_place_in_a_lesson(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            reader = app.screen.query_one("#reader")
            await wait_until(pilot, lambda: reader.max_scroll_y > 20)
            await pilot.press("pagedown", "pagedown")
            await pilot.pause()
            left_at = reader.scroll_y
            assert left_at > 0
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0

        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LessonScreen) and app.screen.lesson.id == "tensorler"
            reader = app.screen.query_one("#reader")
            await wait_until(pilot, lambda: reader.scroll_y == left_at, timeout=10)
            await pilot.press("escape")  # and the course map lies beneath it
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)

    run(scenario())


def test_quitting_and_reopening_returns_to_the_same_exercise_and_quiz_question(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_exercise("softmax")
            await pilot.pause()
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "softmax"
            app.open_quiz("tensorler")
            await pilot.pause()
            await pilot.press("1", "n")
            await pilot.pause()
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, QuizScreen) and app.screen.index == 1

    run(scenario())


def test_a_pass_made_on_the_exercise_the_app_reopened_at_shows_on_the_map(app_factory, warm_worker):
    """The map is built under the restored exercise before it is ever shown: coming back to
    it after a pass must still draw the pass (it is not redrawn on its first showing)."""

    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_exercise("relu")
            await pilot.pause()
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, ExerciseScreen) and app.screen.exercise.id == "relu"
            solve(app, "relu")
            await pilot.press("g")
            await wait_until(pilot, lambda: bool(app.screen.query("#verdict-head")))
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            assert any(label.startswith("✔ relu") for label in tree_labels(app))

    run(scenario())
