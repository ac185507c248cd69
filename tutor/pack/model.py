"""The lesson-pack format as typed models.

Plain dataclasses, checked by `tutor.pack.typecheck`: the same type hints drive validation
(with Turkish messages) and the published JSON Schema, and loading stays fast because no
validation library has to be imported on every CLI call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

# Annotated metadata understood by the type checker and the schema generator.
Slug = Annotated[str, {"pattern": r"^[a-z0-9][a-z0-9_-]*$"}]
NonEmpty = Annotated[str, {"minLength": 1}]
PackPath = Annotated[str, {"pack_path": True}]
# A file only instructors need: a student edition leaves it out.
InstructorPath = Annotated[str, {"pack_path": True, "instructor_only": True}]

FULL_EDITION = "full"
STUDENT_EDITION = "student"


@dataclass
class Example:
    """A worked example: runnable code, optionally with the output it prints."""

    code: NonEmpty
    title: str = ""
    output: str = ""


@dataclass
class Section:
    """A reading section: Turkish Markdown and its worked examples."""

    title: NonEmpty
    body: NonEmpty
    examples: list[Example] = field(default_factory=list)


@dataclass
class QuizQuestion:
    question: NonEmpty
    choices: Annotated[list[NonEmpty], {"minItems": 2}]
    answer: Annotated[int, {"minimum": 0}]
    explanation: NonEmpty


@dataclass
class Term:
    """A glossary entry: the English term and its Turkish counterpart."""

    en: NonEmpty
    tr: NonEmpty
    description: str = ""


@dataclass
class Exercise:
    id: Slug
    title: NonEmpty
    symbols: Annotated[list[NonEmpty], {"minItems": 1}]
    signature: NonEmpty
    statement: NonEmpty
    starter: PackPath
    solution: InstructorPath
    grader: PackPath
    hints: Annotated[list[NonEmpty], {"minItems": 3}]
    example: str = ""
    timeout_s: Annotated[float, {"exclusiveMinimum": 0, "maximum": 600}] = 10.0
    memory_mb: Annotated[int, {"minimum": 64, "maximum": 65536}] = 4096
    points: Annotated[float, {"minimum": 0, "maximum": 1000}] = 1.0


@dataclass
class Lesson:
    id: Slug
    number: Annotated[int, {"minimum": 0}]
    title: NonEmpty
    summary: NonEmpty
    sections: Annotated[list[Section], {"minItems": 1}]
    quiz: list[QuizQuestion] = field(default_factory=list)
    pre_quiz: list[QuizQuestion] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)


@dataclass
class Manifest:
    id: Slug
    title: NonEmpty
    lessons: Annotated[list[PackPath], {"minItems": 1}]
    description: str = ""
    version: str = "1"
    edition: Annotated[str, {"enum": [FULL_EDITION, STUDENT_EDITION]}] = FULL_EDITION
