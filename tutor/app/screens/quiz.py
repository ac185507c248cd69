"""A quiz: one multiple-choice question at a time, an explanation after each answer, and at
the end a review of the wrong answers.

Each sitting is an attempt in the progress store. Its choices are shuffled with the attempt's
seed (the right answer followed through the shuffle), so a retake is not a memory test of
positions; only a finished attempt makes a score, and the best and the last are kept apart,
so an abandoned retake never changes what was earned. Answers are stored by their index in
the lesson file, never by their position on screen.
"""

from __future__ import annotations

import random
import secrets
from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tutor import messages as M
from tutor.app import keymap
from tutor.app.components.inline import inline_content
from tutor.app.components.markdown import MarkdownText
from tutor.pack.model import Lesson, QuizQuestion
from tutor.progress import QuizAttempt

if TYPE_CHECKING:
    from tutor.app.app import TutorApp


def choice_order(seed: int, question: int, n_choices: int) -> list[int]:
    """The choices of one question in the order shown: position → index in the lesson file."""
    order = list(range(n_choices))
    random.Random(f"{seed}:{question}").shuffle(order)
    return order


def attempt_seed(pinned: int | None, lesson: str, kind: str, number: int) -> int:
    """A fresh seed per attempt; with a pinned seed (tests, `--seed`), a reproducible one that
    still differs from one attempt to the next."""
    if pinned is None:
        return secrets.randbelow(2**31)
    return random.Random(f"{pinned}:{lesson}:{kind}:{number}").randrange(2**31)


class QuizScreen(Screen):
    BINDINGS = keymap.bindings("quiz")

    def __init__(
        self,
        lesson: Lesson,
        kind: str = "quiz",
        question: int | None = None,
        attempt: int | None = None,
    ):
        super().__init__()
        self.lesson = lesson
        self.kind = kind
        self.questions: list[QuizQuestion] = list(getattr(lesson, kind))
        self._start_at = question
        self._attempt_id = attempt
        self.index = 0
        self.attempt: QuizAttempt | None = None
        # question → (choice index in the lesson file, right or wrong), in this attempt
        self.answers: dict[int, tuple[int, bool]] = {}

    @property
    def tutor(self) -> TutorApp:
        return cast("TutorApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="quiz"):
            yield Static(id="quiz-title")
            yield MarkdownText(id="question", wrap_code=False)
            yield OptionList(id="choices")
            yield Static(id="feedback")
            yield MarkdownText(id="explanation", wrap_code=False)
            yield Static(id="quiz-score")
            yield MarkdownText(id="review", wrap_code=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = M.APP_QUIZ_NAMES[self.kind]
        continuing = self._open_attempt()
        if not continuing:
            start = 0  # a new attempt starts at the first question, whatever was asked
        elif self._start_at is not None:
            start = self._start_at
        else:
            start = next((i for i in range(len(self.questions)) if i not in self.answers), 0)
        if continuing and self.answers and not self.attempt_finished:
            self.notify(M.APP_QUIZ_CONTINUING)
        self.show_question(min(max(start, 0), len(self.questions)))

    # --- attempts ---------------------------------------------------------------------------
    def _open_attempt(self) -> bool:
        """Continue the attempt asked for, or the one left unfinished; else start one.
        True when an existing attempt is continued."""
        progress = self.tutor.session.progress
        pack = self.tutor.session.pack.id
        found = None
        if self._attempt_id is not None:
            found = progress.quiz_attempt(self._attempt_id)
        if found is None:
            found = progress.open_quiz_attempt(pack, self.lesson.id, self.kind)
        if found is not None and found.total == len(self.questions):
            self.attempt = found
            self.answers = progress.attempt_answers(found.id)
            return True
        self._new_attempt()
        return False

    def _new_attempt(self) -> None:
        progress = self.tutor.session.progress
        pack = self.tutor.session.pack.id
        number = progress.quiz_attempts_started(pack, self.lesson.id, self.kind)
        seed = attempt_seed(self.tutor.config.seed, self.lesson.id, self.kind, number)
        self.attempt = progress.start_quiz(
            pack, self.lesson.id, self.kind, len(self.questions), seed
        )
        self.answers = {}

    @property
    def attempt_finished(self) -> bool:
        return self.attempt is not None and self.attempt.finished

    @property
    def finished(self) -> bool:
        """Past the last question: the summary is shown."""
        return self.index >= len(self.questions)

    def order(self, question: int) -> list[int]:
        assert self.attempt is not None
        return choice_order(self.attempt.seed, question, len(self.questions[question].choices))

    def place(self) -> dict:
        return {
            "screen": "quiz",
            "lesson": self.lesson.id,
            "kind": self.kind,
            "question": self.index,
            "attempt": self.attempt.id if self.attempt else None,
        }

    def on_screen_resume(self) -> None:
        self.tutor.remember(self)

    # --- showing ----------------------------------------------------------------------------------
    def show_question(self, index: int) -> None:
        self.index = index
        feedback = self.query_one("#feedback", Static)
        choices = self.query_one("#choices", OptionList)
        feedback.remove_class("right", "wrong")
        self.query_one("#explanation", MarkdownText).set_markdown("")
        review = self.query_one("#review", MarkdownText)
        review.display = False
        if self.finished:
            self._show_summary()
            return
        for widget in ("#feedback", "#explanation", "#quiz-score"):
            self.query_one(widget).display = True
        self.refresh_bindings()
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
                Option(
                    inline_content(f"{position + 1}. {question.choices[choice]}"),
                    id=f"{index}:{position}",
                )
                for position, choice in enumerate(self.order(index))
            ]
        )
        # Nothing is highlighted: a stray Enter (say, a second press after the last answer)
        # cannot answer the new question. The arrows or a digit choose.
        choices.highlighted = None
        choices.focus()
        if index in self.answers:
            self._show_answer(*self.answers[index])
        else:
            feedback.update(inline_content(M.APP_QUIZ_CHOOSE.format(n=len(question.choices))))
        self._update_score()

    def _update_score(self) -> None:
        right = sum(correct for _, correct in self.answers.values())
        self.query_one("#quiz-score", Static).update(
            Content(M.APP_QUIZ_RUNNING_SCORE.format(right=right, answered=len(self.answers)))
            if self.answers and not self.finished
            else ""
        )

    def _show_summary(self) -> None:
        self.query_one("#quiz-title", Static).update(
            Content(
                M.APP_QUIZ_DONE_TITLE.format(
                    quiz=M.APP_QUIZ_NAMES[self.kind],
                    number=self.lesson.number,
                    title=self.lesson.title,
                )
            )
        )
        right = sum(correct for _, correct in self.answers.values())
        summary = [M.APP_QUIZ_DONE.format(correct=right, total=len(self.questions))]
        session = self.tutor.session
        standing = session.progress.quiz_standing(session.pack.id, self.lesson.id, self.kind)
        if standing.attempts > 1 and standing.best is not None:
            summary.append(
                M.APP_QUIZ_STANDING.format(
                    attempts=standing.attempts, best=standing.best, total=len(self.questions)
                )
            )
        summary.append(M.APP_QUIZ_AGAIN)
        self.query_one("#question", MarkdownText).set_markdown("\n\n".join(summary))
        for widget in ("#choices", "#feedback", "#explanation", "#quiz-score"):
            self.query_one(widget).display = False
        self.refresh_bindings()
        review = self.query_one("#review", MarkdownText)
        review.display = True
        review.set_markdown(self.review_markdown())
        self.query_one("#quiz", VerticalScroll).scroll_home(animate=False)
        self.query_one("#quiz", VerticalScroll).focus()
        self.tutor.remember(self)

    def review_markdown(self) -> str:
        """Each wrong answer: the question, the learner's answer, the right one, and why."""
        items = []
        for index, question in enumerate(self.questions):
            found = self.answers.get(index)
            if found is None or found[1]:
                continue
            items.append(
                M.APP_QUIZ_REVIEW_ITEM.format(
                    index=index + 1,
                    question=question.question.strip(),
                    given=question.choices[found[0]],
                    right=question.choices[question.answer],
                    explanation=question.explanation.strip(),
                )
            )
        if not items:
            return M.APP_QUIZ_ALL_RIGHT
        return "\n\n".join([M.APP_QUIZ_REVIEW_TITLE, *items])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """On the summary, only starting again and leaving make sense."""
        if action in ("choose", "next"):
            return not self.finished
        return True

    # --- answering --------------------------------------------------------------------------------
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        question, _, position = (event.option.id or "").partition(":")
        if question != str(self.index) or self.finished:
            return  # a selection queued for a question that is no longer shown
        if self.index in self.answers:
            self.action_next()
        else:
            self.answer(int(position))

    def action_choose(self, position: int) -> None:
        if self.finished or self.index in self.answers:
            return
        if 0 <= position < len(self.questions[self.index].choices):
            self.answer(position)

    def answer(self, position: int) -> None:
        """Answer the current question with the choice shown at `position`."""
        assert self.attempt is not None
        question = self.questions[self.index]
        choice = self.order(self.index)[position]
        correct = choice == question.answer
        self.answers[self.index] = (choice, correct)
        session = self.tutor.session
        session.progress.record_answer(
            session.pack.id,
            self.lesson.id,
            self.kind,
            self.index,
            choice,
            correct,
            attempt=self.attempt.id,
        )
        if len(self.answers) == len(self.questions) and not self.attempt.finished:
            session.progress.finish_quiz(self.attempt.id)
            self.attempt.finished = True
        self._show_answer(choice, correct)
        self._update_score()

    def _show_answer(self, choice: int, correct: bool) -> None:
        question = self.questions[self.index]
        order = self.order(self.index)
        choices = self.query_one("#choices", OptionList)
        for position, shown in enumerate(order):
            text = inline_content(f"{position + 1}. {question.choices[shown]}")
            if shown == question.answer:
                prompt = Content.assemble(("✔ ", "bold $success"), text)
            elif shown == choice:
                prompt = Content.assemble(("✘ ", "bold $error"), text)
            else:
                prompt = Content.assemble("  ", text)
            choices.replace_option_prompt(f"{self.index}:{position}", prompt)
        choices.highlighted = order.index(choice)
        feedback = self.query_one("#feedback", Static)
        if correct:
            feedback.update(Content(M.APP_QUIZ_RIGHT))
            feedback.add_class("right")
        else:
            right_at = order.index(question.answer) + 1
            feedback.update(
                inline_content(
                    M.APP_QUIZ_WRONG.format(n=right_at, choice=question.choices[question.answer])
                )
            )
            feedback.add_class("wrong")
        last = self.index + 1 >= len(self.questions)
        self.query_one("#explanation", MarkdownText).set_markdown(
            question.explanation + "\n\n" + (M.APP_QUIZ_TO_SUMMARY if last else M.APP_QUIZ_TO_NEXT)
        )

    def action_next(self) -> None:
        if self.finished:
            return
        if self.index not in self.answers:
            self.notify(M.APP_QUIZ_ANSWER_FIRST, severity="warning")
            return
        self.show_question(self.index + 1)
        self.tutor.remember(self)

    def action_restart(self) -> None:
        """A new attempt: the unfinished one is left as it is and never counts."""
        self._new_attempt()
        self.show_question(0)
        self.tutor.remember(self)
