"""The learner's path through lessons and quizzes, driven with Pilot on the fixed test pack:
quizzes that measure, a reader that returns to the exact place, text that never wraps code,
Textual's own texts in Turkish, an honest copy message and a welcome on the first run."""

from __future__ import annotations

from textual.widgets import DataTable, Input, OptionList, Static, Tree

from tutor import messages as M
from tutor.app import clipboard
from tutor.app.components.example import WorkedExample
from tutor.app.components.markdown import CodeBlock
from tutor.app.components.table import MarkdownTable
from tutor.app.screens.course_map import CourseMapScreen
from tutor.app.screens.glossary import GlossaryScreen
from tutor.app.screens.lesson import LessonScreen
from tutor.app.screens.quiz import QuizScreen

from .conftest import run, wait_until

SIZE = (100, 30)


def text_of(widget: Static) -> str:
    return str(widget.render())


def prompts(screen: QuizScreen) -> list[str]:
    choices = screen.query_one("#choices", OptionList)
    return [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]


async def answer(pilot, screen: QuizScreen, right: bool) -> None:
    """Answer the current question right or wrong with its digit key, as a learner would."""
    question = screen.questions[screen.index]
    order = screen.order(screen.index)
    position = next(p for p, c in enumerate(order) if (c == question.answer) == right)
    await pilot.press(str(position + 1))
    await pilot.pause()


async def take_quiz(pilot, app, answers: list[bool], lesson: str = "tensorler") -> QuizScreen:
    app.open_quiz(lesson)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, QuizScreen)
    for right in answers:
        await answer(pilot, screen, right)
        await pilot.press("n")
        await pilot.pause()
    return screen


# --- quizzes --------------------------------------------------------------------------------------


def test_choices_are_shown_in_a_new_order_per_attempt_and_the_right_one_is_followed(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            orders = []
            for _ in range(4):
                screen = await take_quiz(pilot, app, [])
                orders.append(screen.order(0))
                # Drawn as Markdown: `x` without its backticks, in the shuffled order.
                shown = prompts(screen)
                question = screen.questions[0]
                expected = [
                    question.choices[c].replace("`", "").replace("**", "") for c in orders[-1]
                ]
                assert [p.split(". ", 1)[1] for p in shown] == expected
                await answer(pilot, screen, right=True)
                assert text_of(screen.query_one("#feedback", Static)) == M.APP_QUIZ_RIGHT
                await pilot.press("r")  # a new attempt
                await pilot.pause()
                app.action_home()
                await pilot.pause()
            assert len({tuple(order) for order in orders}) > 1

    run(scenario())


def test_an_abandoned_retake_leaves_the_score_and_the_best_and_last_are_kept_apart(app_factory):
    async def scenario():
        app = app_factory()
        pack = app.session.pack.id
        async with app.run_test(size=SIZE) as pilot:
            await take_quiz(pilot, app, [True, False])
            assert app.session.progress.quiz_score(pack, "tensorler") == (1, 2)
            screen = await take_quiz(pilot, app, [])  # a retake: a new attempt
            await answer(pilot, screen, right=True)
            await pilot.press("escape")  # left half done
            await pilot.pause()
            assert app.session.progress.quiz_score(pack, "tensorler") == (1, 2)
            # Opening it again continues the unfinished attempt where it was left.
            screen = await take_quiz(pilot, app, [])
            assert screen.index == 1 and M.APP_QUIZ_CONTINUING in [
                n.message for n in app._notifications
            ]
            await answer(pilot, screen, right=True)
            assert app.session.progress.quiz_score(pack, "tensorler") == (2, 2)
            await take_quiz(pilot, app, [False, False])
            standing = app.session.progress.quiz_standing(pack, "tensorler")
            assert (standing.best, standing.last, standing.attempts) == (2, 0, 3)
            app.action_home()
            await pilot.pause()
            labels = [str(n.label) for n in app.screen._tree_nodes.values()]
            assert any("Ders sonu sınavı  0/2 (en iyi 2)" in label for label in labels)

    run(scenario())


def test_the_end_of_a_quiz_reviews_each_wrong_answer_with_its_explanation(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await take_quiz(pilot, app, [True, False])
            assert screen.finished
            summary = screen.query_one("#question").markdown
            assert "2 sorudan 1 tanesini doğru" in summary
            assert not screen.query_one("#quiz-score").display  # the count is not said twice
            review = screen.query_one("#review").markdown
            second = screen.questions[1]
            assert review.startswith(M.APP_QUIZ_REVIEW_TITLE)
            assert f"**2. soru.** {second.question}" in review
            assert f"Doğru cevap: ✔ {second.choices[second.answer]}" in review
            assert second.explanation in review
            assert screen.questions[0].question not in review  # the right one is not reviewed
            await pilot.press("r")
            await pilot.pause()
            for _ in range(2):
                await answer(pilot, screen, right=True)
                await pilot.press("enter")
                await pilot.pause()
            assert screen.query_one("#review").markdown == M.APP_QUIZ_ALL_RIGHT
            standing = app.session.progress.quiz_standing(app.session.pack.id, "tensorler")
            assert (
                M.APP_QUIZ_STANDING.format(attempts=2, best=standing.best, total=2)
                in screen.query_one("#question").markdown
            )

    run(scenario())


def test_a_repeated_enter_moves_on_and_never_answers_the_next_question(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await take_quiz(pilot, app, [])
            await pilot.press("enter")  # nothing chosen yet: Enter does nothing
            await pilot.pause()
            assert screen.answers == {} and screen.index == 0
            await pilot.press("down", "enter", "enter", "enter")  # answer, then Enter twice more
            await pilot.pause()
            assert screen.index == 1 and list(screen.answers) == [0]
            assert not screen.query_one("#explanation").markdown
            await pilot.press("1")
            await pilot.press("2")  # a second digit after an answer changes nothing
            await pilot.pause()
            assert screen.answers[1][0] == screen.order(1)[0]

    run(scenario())


def test_the_quiz_says_that_a_digit_answers_at_once_and_then_shows_the_explanation(app_factory):
    """A learner told to choose with a digit and confirm with Enter would answer with the
    digit and skip the explanation with the Enter: the text says a digit answers."""

    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await take_quiz(pilot, app, [])
            told = str(screen.query_one("#feedback").render())
            assert "rakamına basın" in told and "oklarla seçeneğe gelip Enter'a basın" in told
            await pilot.press("2")
            await pilot.pause()
            assert list(screen.answers) == [0] and screen.index == 0
            assert screen.query_one("#explanation").markdown

    run(scenario())


def test_a_quiz_left_mid_attempt_reopens_after_a_restart_with_the_same_order(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            screen = await take_quiz(pilot, app, [False])
            order = screen.order(1)
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen) and screen.index == 1
            assert screen.order(1) == order and list(screen.answers) == [0]

    run(scenario())


def test_the_pre_lesson_quiz_is_on_the_map_and_in_the_reader_with_its_key(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert ("quiz", "tensorler", "pre_quiz") in app.screen._tree_nodes
            app.open_lesson("tensorler")
            await pilot.pause()
            note = app.screen.query_one("#pre-quiz-note", Static)
            assert "`" not in text_of(note) and "o tuşuna basın" in text_of(note)

    run(scenario())


# --- the reader -----------------------------------------------------------------------------------


async def open_reader(pilot, app) -> LessonScreen:
    app.open_lesson("tensorler")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LessonScreen)
    reader = screen.query_one("#reader")
    await wait_until(pilot, lambda: reader.max_scroll_y > 20)
    return screen


def test_a_reading_reopened_in_the_same_session_starts_where_it_was_left(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_reader(pilot, app)
            await pilot.press("pagedown", "pagedown", "pagedown")
            await pilot.pause()
            section, offset = screen.position()
            assert section >= 0
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            screen = await open_reader(pilot, app)
            await wait_until(pilot, lambda: screen.position() == (section, offset), timeout=10)

    run(scenario())


def test_after_a_restart_the_reader_returns_to_its_section_and_esc_to_its_map_node(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_reader(pilot, app)
            toc = screen.query_one("#toc", OptionList)
            toc.focus()
            toc.highlighted = 4  # "4. Yayımlama ve katman şekilleri"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("down", "down")
            await pilot.pause()
            left_at = screen.position()
            assert left_at[0] == 3
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LessonScreen)
            await wait_until(pilot, lambda: screen.position() == left_at, timeout=10)
            await wait_until(pilot, lambda: screen.query_one("#toc", OptionList).highlighted == 4)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)
            await pilot.pause()
            tree = app.screen.query_one(Tree)
            assert tree.cursor_node.data == ("reading", "tensorler", "")
            assert app.screen._tree_nodes[("lesson", "tensorler", "")].is_expanded

    run(scenario())


def test_esc_from_the_table_of_contents_closes_it_and_stays_in_the_reader(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_reader(pilot, app)
            toc = screen.query_one("#toc", OptionList)
            assert not toc.display  # narrow: hidden until asked for
            await pilot.press("t")
            await pilot.pause()
            assert toc.display and app.focused is toc
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen and not toc.display
            assert app.focused is screen.query_one("#reader")
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, CourseMapScreen)

    run(scenario())


def test_the_table_of_contents_fits_its_titles_and_follows_the_scroll(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await open_reader(pilot, app)
            toc = screen.query_one("#toc", OptionList)
            longest = max(len(f"{i + 1}. {s.title}") for i, s in enumerate(screen.lesson.sections))
            assert toc.size.width == longest  # sized to its longest title, not fixed
            assert toc.highlighted == 0
            reader = screen.query_one("#reader")
            reader.scroll_to_widget(screen.query_one("#section-1"), top=True, animate=False)
            await pilot.pause()
            assert screen.position()[0] == 1
            await wait_until(pilot, lambda: toc.highlighted == 2)  # "2. Eleman bazında …"
            reader.scroll_end(animate=False)
            await pilot.pause()
            await wait_until(pilot, lambda: toc.highlighted == screen.position()[0] + 1 > 2)

    run(scenario())


def test_reading_progress_is_on_the_course_map(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            await open_reader(pilot, app)
            await pilot.press(*["pagedown"] * 30)
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            total = len(app.lessons["tensorler"].sections)
            read = app.session.progress.sections_read(app.session.pack.id, "tensorler")
            assert read == {"tensorler": set(range(total))}
            label = str(app.screen._tree_nodes[("reading", "tensorler", "")].label)
            assert label == f"≡ {M.APP_MAP_READING_PROGRESS.format(read=total, total=total)}"
            lesson = str(app.screen._tree_nodes[("lesson", "tensorler", "")].label)
            assert f"≡ {total}/{total}" in lesson

    run(scenario())


def test_code_is_never_wrapped_and_scrolls_sideways_at_80_columns(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_reader(pilot, app)
            blocks = list(screen.query(CodeBlock)) + list(screen.query(WorkedExample))
            assert blocks
            for block in blocks:
                code = block.code
                lines = block.query_one(Static)
                # Every line of code is one line on screen: nothing is wrapped.
                assert lines.size.height == len(str(lines.render()).split("\n"))
                assert lines.size.width >= max(len(line) for line in code.rstrip().split("\n"))
            wide = [b for b in blocks if b.max_scroll_x > 0]
            assert wide  # the long line of the test pack: wider than the reader, so it scrolls
            for block in wide:
                assert block.can_focus
                block.focus()
                await pilot.press("right", "right")
                await pilot.pause()
                assert block.scroll_x > 0

    run(scenario())


def test_a_table_of_code_is_a_grid_at_120_columns_and_stacked_rows_at_80(app_factory):
    async def scenario():
        for size, grid in (((120, 40), True), ((80, 24), False)):
            app = app_factory()
            async with app.run_test(size=size) as pilot:
                screen = await open_reader(pilot, app)
                table = screen.query(MarkdownTable).last()  # the one with code in its cells
                shown = str(table.render())
                assert ("│" in shown) is grid, size
                assert table.size.width <= table.parent.size.width
                for code in ("nn.Linear(in, out)", "(N, C, H, W)", "weight (C_out, C_in, kH, kW)"):
                    assert code in shown  # whole, on one line
                await pilot.press("q")

    run(scenario())


# --- copying, Textual's own texts, the welcome -----------------------------------------------------


def test_copy_says_copied_only_when_a_clipboard_tool_confirmed_it(app_factory, monkeypatch):
    async def scenario(tool, expected):
        monkeypatch.setattr(clipboard, "system_tool", lambda: tool)
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            app.open_lesson("tensorler")
            await pilot.pause()
            await pilot.press("tab", "c")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert expected in [n.message for n in app._notifications]

    run(scenario(None, M.APP_COPY_SENT.format(label="1.1")))
    run(scenario(["true"], M.APP_COPIED.format(label="1.1", tool="true")))


def test_textuals_own_texts_are_in_turkish(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+c")  # Textual's "Do you want to quit?"
            await pilot.pause()
            notice = app._notifications
            assert [(n.title, n.message) for n in notice] == [
                (M.APP_QUIT_HINT_TITLE, M.APP_QUIT_HINT)
            ]
            await pilot.press("ctrl+p")
            await pilot.pause()
            search = app.screen.query_one(Input)
            assert search.placeholder == M.APP_PALETTE_PLACEHOLDER
            await pilot.press(*"zzqqxx")

            def shown() -> str:
                found = app.screen.query_one("CommandList")
                return "\n".join(
                    str(found.get_option_at_index(i).prompt) for i in range(found.option_count)
                )

            await wait_until(pilot, lambda: M.APP_PALETTE_NO_MATCHES in shown())
            assert "No matches" not in shown()
            await pilot.press("escape")
            await pilot.pause()
            app.action_change_theme()
            await pilot.pause()
            assert app.screen.query_one(Input).placeholder == M.APP_THEME_PLACEHOLDER
            await pilot.press("escape")
            await pilot.pause()
            ctrl_q = app.active_bindings["ctrl+q"].binding
            assert (ctrl_q.description, ctrl_q.tooltip) == M.APP_KEYS["app.quit_always"]

    run(scenario())


def test_palette_entries_are_drawn_as_markdown(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"yerinde")
            await wait_until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
            command_list = app.screen.query_one("CommandList")
            shown = [
                str(command_list.get_option_at_index(i).prompt)
                for i in range(command_list.option_count)
            ]
            assert any("x.add_(1)" in text for text in shown) and not any("`" in t for t in shown)

    run(scenario())


def test_a_welcome_on_the_first_run_only(app_factory):
    async def scenario():
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            welcome = app.screen.query_one("#welcome", Static)
            assert welcome.display and "Hoş geldiniz" in text_of(welcome)
            assert "`" not in text_of(welcome)
            app.open_lesson("tensorler")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert not app.screen.query_one("#welcome").display
            await pilot.press("q")
        app = app_factory()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.action_home()
            await pilot.pause()
            assert not app.screen.query_one("#welcome").display

    run(scenario())


# --- the glossary ---------------------------------------------------------------------------------


def test_the_glossary_fits_its_columns_and_draws_terms_as_markdown(app_factory):
    async def scenario():
        for size in ((80, 24), (120, 40)):
            app = app_factory()
            async with app.run_test(size=size) as pilot:
                app.action_glossary("ağırlık")
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, GlossaryScreen)
                table = screen.query_one(DataTable)
                columns = list(table.columns.values())
                used = sum(c.get_render_width(table) for c in columns)
                assert used <= table.scrollable_content_region.width, size
                assert str(table.get_row_at(0)[2]) == "1, 2"  # both lessons, not cut
                detail = text_of(screen.query_one("#term-detail", Static))
                assert "Geçtiği ders: 1. Tensörler, 2. Eğitim döngüsü" in detail
                screen.search("yerinde")
                await pilot.pause()
                detail = text_of(screen.query_one("#term-detail", Static))
                assert "x.add_(1)" in detail and "`" not in detail

    run(scenario())
