"""Small packs for the instructor's tests: a lesson with a few tensor exercises taken from
the built-in pack, in a temporary folder, ready to be broken one way at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

LESSON_ID = "tensorler"

_EXERCISE = """\
  - id: {id}
    title: {title}
    symbols: [{symbol}]
    signature: "def {symbol}(x)"
    statement: Yazın.
    starter: exercises/{id}.py
    solution: solutions/{id}.py
    grader: graders/{id}.py
    hints: [bir, iki, üç]
    points: {points}
"""

LESSON_HEAD = """\
id: tensorler
number: 1
title: Tensörler
summary: Kısa bir özet.
sections:
  - title: Giriş
    body: Merhaba.
    examples:
      - title: Toplama
        code: |
          x = 2 + 2
          print(x)
        output: |
          4
quiz:
  - question: İki artı iki?
    choices: ["3", "4"]
    answer: 1
    explanation: Dört.
  - question: Üç artı üç?
    choices: ["6", "7"]
    answer: 0
    explanation: Altı.
exercises:
"""

TITLES = {"relu": "ReLU", "sigmoid": "Sigmoid", "softmax": "Softmax", "matmul": "Matris çarpımı"}


def lesson_text(exercises: dict[str, float]) -> str:
    return LESSON_HEAD + "".join(
        _EXERCISE.format(id=e, title=TITLES[e], symbol=e, points=p) for e, p in exercises.items()
    )


def small_pack(
    tmp_path: Path,
    exercises: dict[str, float] | None = None,
    *,
    name: str = "paket",
    lesson: str | None = None,
) -> Path:
    """A pack with one lesson `tensorler` and the given exercises (id → points)."""
    exercises = exercises or {"relu": 1.0, "sigmoid": 2.0}
    root = tmp_path / name
    for sub in ("lessons", "exercises", "solutions", "graders"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for ex in exercises:
        for sub in ("exercises", "solutions", "graders"):
            shutil.copy(ROOT / sub / "tensorler" / f"{ex}.py", root / sub / f"{ex}.py")
    (root / "lessons/ders.yaml").write_text(
        lesson if lesson is not None else lesson_text(exercises), encoding="utf-8"
    )
    (root / "pack.yaml").write_text(
        "id: kucuk-paket\ntitle: Küçük paket\nlessons:\n  - lessons/ders.yaml\n", encoding="utf-8"
    )
    return root


def workspace(tmp_path: Path, name: str, files: dict[str, str | bytes | Path]) -> Path:
    """A learner's workspace: exercise id → source text, raw bytes or a file to copy."""
    folder = tmp_path / name
    (folder / LESSON_ID).mkdir(parents=True, exist_ok=True)
    for exercise, content in files.items():
        target = folder / LESSON_ID / f"{exercise}.py"
        if isinstance(content, Path):
            shutil.copy(content, target)
        elif isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return folder


def solution(exercise: str) -> Path:
    return ROOT / "solutions" / "tensorler" / f"{exercise}.py"


def starter(exercise: str) -> Path:
    return ROOT / "exercises" / "tensorler" / f"{exercise}.py"
