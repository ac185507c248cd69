"""The marks the CLI prints for an exercise's status, with the app's styles."""

from __future__ import annotations

MARKS = {
    "passed": ("✔", "bold $success"),
    "failing": ("✘", "bold $error"),
    "not_tried": ("·", "dim"),
}


def status_mark(status: str) -> tuple[str, str]:
    return MARKS.get(status, MARKS["not_tried"])
