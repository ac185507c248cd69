"""No raw Markdown on any screen of the built-in pack: every quiz question, choice, answer,
explanation and review, every glossary entry, every palette entry and every hint is drawn,
and no backtick is left in what is drawn.

Runs on the built-in pack as it is at test time (all lessons in pack.yaml), through the same
screens and helpers the app uses.
"""

from __future__ import annotations

import io
from types import SimpleNamespace

from rich.console import Console
from textual.widgets import DataTable, OptionList, Static

from tutor.app.commands import targets
from tutor.app.components.inline import inline_content
from tutor.app.components.markdown import rich_markdown
from tutor.app.screens.glossary import GlossaryScreen, glossary_entries, marked
from tutor.app.screens.quiz import QuizScreen
from tutor.pack.loader import builtin_pack_dir, load_pack

from .conftest import make_app, run

SIZE = (120, 60)


def rich_text(renderable, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()


def drawn(widget) -> str:
    """What a widget shows: its Content, or its Rich renderable drawn as plain text; for an
    option list, every option's prompt."""
    if isinstance(widget, OptionList):
        return "\n".join(
            str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)
        )
    shown = widget.render()
    return shown.plain if hasattr(shown, "plain") else rich_text(shown)


def test_every_quiz_of_the_built_in_pack_is_drawn_without_backticks(tmp_path):
    pack = load_pack(builtin_pack_dir())
    seen: list[str] = []

    async def scenario():
        app = make_app(tmp_path, pack=builtin_pack_dir())
        async with app.run_test(size=SIZE) as pilot:
            for item in pack.lessons:
                lesson = item.lesson
                for kind in ("pre_quiz", "quiz"):
                    if not getattr(lesson, kind):
                        continue
                    app.open_quiz(lesson.id, kind)
                    await pilot.pause()
                    screen = app.screen
                    assert isinstance(screen, QuizScreen)
                    for index, question in enumerate(screen.questions):
                        assert screen.index == index
                        where = f"{lesson.id} {kind} {index + 1}"
                        seen.append(f"{where}\n{drawn(screen.query_one('#question'))}")
                        seen.append(f"{where}\n{drawn(screen.query_one('#choices', OptionList))}")
                        # A wrong answer shows "Doğru cevap: …" and the explanation.
                        wrong = next(
                            p for p, c in enumerate(screen.order(index)) if c != question.answer
                        )
                        screen.action_choose(wrong)  # as the key would (no pause: 70 questions)
                        for part in ("#choices", "#feedback", "#explanation"):
                            seen.append(f"{where}\n{drawn(screen.query_one(part))}")
                        screen.action_next()
                    assert screen.finished
                    seen.append(f"{lesson.id} {kind} review\n{drawn(screen.query_one('#review'))}")
                    app.action_home()
                    await pilot.pause()

    run(scenario())
    questions = sum(len(i.lesson.quiz) + len(i.lesson.pre_quiz) for i in pack.lessons)
    assert len(seen) == questions * 5 + sum(
        bool(i.lesson.quiz) + bool(i.lesson.pre_quiz) for i in pack.lessons
    )
    leaks = [text for text in seen if "`" in text]
    assert not leaks, leaks[:3]


def test_every_glossary_entry_of_the_built_in_pack_is_drawn_without_backticks(tmp_path):
    pack = load_pack(builtin_pack_dir())
    entries = glossary_entries(pack)
    assert entries
    for entry in entries:
        for text in (entry.tr, entry.en, entry.description):
            assert "`" not in inline_content(text).plain, text
            assert "`" not in marked(text, "").plain, text

    async def scenario():
        app = make_app(tmp_path, pack=builtin_pack_dir())
        async with app.run_test(size=SIZE) as pilot:
            app.action_glossary()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, GlossaryScreen)
            table = screen.query_one(DataTable)
            assert table.row_count == len(entries)
            for row in range(table.row_count):
                screen._show_detail(row)  # what moving the cursor there shows
                detail = drawn(screen.query_one("#term-detail", Static))
                assert detail and "`" not in detail, detail

    run(scenario())


def test_every_palette_entry_and_every_hint_of_the_built_in_pack_is_drawn_without_backticks():
    pack = load_pack(builtin_pack_dir())
    session = SimpleNamespace(pack=pack, rows=lambda: [])
    fake_app = SimpleNamespace(
        session=session,
        open_lesson=print,
        open_quiz=print,
        open_exercise=print,
        action_glossary=print,
    )
    found = targets(fake_app)  # type: ignore[arg-type]
    assert found
    for target in found:
        assert "`" not in inline_content(target.text).plain, target.text
        assert "`" not in inline_content(target.help).plain, target.help
    hints = [hint for _, exercise in pack.ordered_exercises() for hint in exercise.hints]
    assert hints
    for hint in hints:
        assert "`" not in rich_text(rich_markdown(hint)), hint
        assert "`" not in inline_content(hint).plain, hint
