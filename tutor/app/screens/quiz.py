"""A quiz: one multiple-choice question at a time, an explanation after each answer, the
answers kept in the progress store (the same `quiz_score` that `tutor progress` reads)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.markdown import MarkdownText
from tutor.pack.model import Lesson, QuizQuestion

if TYPE_CHECKING:
    from tutor.app.app import TutorApp


class QuizScreen(Screen):
    BINDINGS = keymap.bindings("quiz")

    def __init__(self, lesson: Lesson, kind: str = "quiz", question: int = 0):
        super().__init__()
        self.lesson = lesson
        self.kind = kind
        self.questions: list[QuizQuestion] = list(getattr(lesson, kind))
        self.index = min(max(question, 0), len(self.questions))
        self.answered: int | None = None  # the choice given to the current question
        self.results: dict[int, bool] = {}  # this run: question → right or wrong

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz"):
            yield Static(id="quiz-title")
            yield MarkdownText(id="question")
            yield OptionList(id="choices")
            yield Static(id="feedback")
            yield MarkdownText(id="explanation")
            yield Static(id="quiz-score")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = M.APP_QUIZ_NAMES[self.kind]
        self.show_question(self.index)

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    def place(self) -> dict:
        question = self.index if self.index < len(self.questions) else 0
        return {"screen": "quiz", "lesson": self.lesson.id, "kind": self.kind, "question": question}

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    # --- showing ----------------------------------------------------------------------------------
    def show_question(self, index: int) -> None:
        self.index = index
        self.answered = None
        feedback = self.query_one("#feedback", Static)
        explanation = self.query_one("#explanation", MarkdownText)
        choices = self.query_one("#choices", OptionList)
        feedback.update("")
        feedback.remove_class("right", "wrong")
        explanation.set_markdown("")
        if self.finished:
            self._show_summary()
            return
        question = self.questions[index]
        self.query_one("#quiz-title", Static).update(
            Content(
                M.APP_QUIZ_HEADER.format(
                    quiz=M.APP_QUIZ_NAMES[self.kind],
                    number=self.lesson.number,
                    title=self.lesson.title,
                    index=index + 1,
                    total=len(self.questions),
                )
            )
        )
        self.query_one("#question", MarkdownText).set_markdown(question.question)
        choices.display = True
        choices.clear_options()
        choices.add_options(
            [
                Option(Content(f"{i + 1}. {choice}"), id=str(i))
                for i, choice in enumerate(question.choices)
            ]
        )
        choices.highlighted = 0
        choices.focus()
        self._update_score()

    def _update_score(self) -> None:
        right = sum(self.results.values())
        self.query_one("#quiz-score", Static).update(
            Content(M.APP_QUIZ_RUNNING_SCORE.format(right=right, answered=len(self.results)))
            if self.results
            else ""
        )

    def _show_summary(self) -> None:
        session = self.tutor.session
        correct, answered = session.progress.quiz_score(session.pack.id, self.lesson.id, self.kind)
        self.query_one("#quiz-title", Static).update(
            Content(
                M.APP_QUIZ_DONE_TITLE.format(
                    quiz=M.APP_QUIZ_NAMES[self.kind],
                    number=self.lesson.number,
                    title=self.lesson.title,
                )
            )
        )
        self.query_one("#question", MarkdownText).set_markdown(
            M.APP_QUIZ_DONE.format(correct=correct, total=len(self.questions))
        )
        self.query_one("#choices", OptionList).display = False
        self._update_score()
        self.tutor.remember(self)

    # --- answering --------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.answered is None:
            self.answer(int(event.option.id or 0))
        else:
            self.action_next()

    def action_choose(self, choice: int) -> None:
        if self.finished or self.answered is not None:
            return
        if 0 <= choice < len(self.questions[self.index].choices):
            self.answer(choice)

    def answer(self, choice: int) -> None:
        question = self.questions[self.index]
        correct = choice == question.answer
        self.answered = choice
        self.results[self.index] = correct
        session = self.tutor.session
        session.progress.record_answer(
            session.pack.id, self.lesson.id, self.kind, self.index, choice, correct
        )
        choices = self.query_one("#choices", OptionList)
        for i, text in enumerate(question.choices):
            if i == question.answer:
                prompt = Content.assemble(("✔ ", "bold $success"), f"{i + 1}. {text}")
            elif i == choice:
                prompt = Content.assemble(("✘ ", "bold $error"), f"{i + 1}. {text}")
            else:
                prompt = Content(f"  {i + 1}. {text}")
            choices.replace_option_prompt(str(i), prompt)
        feedback = self.query_one("#feedback", Static)
        if correct:
            feedback.update(Content(M.APP_QUIZ_RIGHT))
            feedback.add_class("right")
        else:
            feedback.update(
                Content(
                    M.APP_QUIZ_WRONG.format(
                        n=question.answer + 1, choice=question.choices[question.answer]
                    )
                )
            )
            feedback.add_class("wrong")
        last = self.index + 1 >= len(self.questions)
        self.query_one("#explanation", MarkdownText).set_markdown(
            question.explanation + "\n\n" + (M.APP_QUIZ_TO_SUMMARY if last else M.APP_QUIZ_TO_NEXT)
        )
        self._update_score()

    def action_next(self) -> None:
        if self.finished:
            return
        if self.answered is None:
            self.notify(M.APP_QUIZ_ANSWER_FIRST, severity="warning")
            return
        self.show_question(self.index + 1)
        self.tutor.remember(self)

    def action_restart(self) -> None:
        self.results.clear()
        self.show_question(0)
        self.tutor.remember(self)
