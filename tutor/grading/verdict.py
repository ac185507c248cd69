"""The verdict: one type that the CLI, `--json`, the app and batch reports all render.

Imports neither torch nor any UI library.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ERROR_KINDS = (
    "syntax",
    "import",
    "missing_symbol",
    "exception",
    "forbidden",
    "timeout",
    "memory",
    "crash",
)


# The longest message a check or an error carries (the learner's exception text included),
# so that a verdict stays small whatever the learner's code prints or raises.
MESSAGE_LIMIT = 2000


def cap(text: str, limit: int = MESSAGE_LIMIT) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


@dataclass
class Check:
    name: str
    passed: bool
    message: str
    # Extra data for the app (e.g. a loss curve); never part of the JSON contract.
    series: list[float] | None = None
    hidden: bool = False  # counts, but its inputs and message are not shown to the learner
    weight: float = 1.0
    reference_series: list[float] | None = None  # the reference run's curve, beside `series`


@dataclass
class GradeError:
    kind: str
    message: str
    line: int | None = None


@dataclass
class Verdict:
    exercise: str
    passed: bool
    score: float
    device: str
    seed: int
    duration_s: float
    checks: list[Check] = field(default_factory=list)
    error: GradeError | None = None
    # What the learner's code printed (capped); shown to people, not in the JSON contract.
    output: str = ""
    # Which protections of the learner's process were active (`tutor.grading.confine`).
    protections: list[str] = field(default_factory=list)

    def first_problem(self) -> str:
        """The error, else the first failing check, in one line: for summaries and reports."""
        if self.error is not None:
            return self.error.message
        failed = next((c for c in self.checks if not c.passed), None)
        return f"{failed.name}: {failed.message}" if failed else ""

    def to_json(self) -> dict[str, Any]:
        """Exactly the object CONTRACT.md defines."""
        return {
            "exercise": self.exercise,
            "passed": self.passed,
            "score": round(self.score, 4),
            "device": self.device,
            "seed": self.seed,
            "duration_s": round(self.duration_s, 3),
            "checks": [_check_json(c) for c in self.checks],
            "error": asdict(self.error) if self.error else None,
            "protections": list(self.protections),
        }

    def to_wire(self) -> dict[str, Any]:
        """Everything, for the worker → client hop."""
        data = self.to_json()
        data["output"] = self.output
        data["series"] = [c.series for c in self.checks]
        data["hidden"] = [c.hidden for c in self.checks]
        data["reference_series"] = [c.reference_series for c in self.checks]
        data["weights"] = [c.weight for c in self.checks]
        return data

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Verdict:
        count = len(data["checks"])
        series = data.get("series") or [None] * count
        hidden = data.get("hidden") or [False] * count
        weights = data.get("weights") or [1.0] * count
        references = data.get("reference_series") or [None] * count
        return cls(
            exercise=data["exercise"],
            passed=data["passed"],
            score=data["score"],
            device=data["device"],
            seed=data["seed"],
            duration_s=data["duration_s"],
            checks=[
                Check(c["name"], c["passed"], c["message"], s, bool(h), float(w), r)
                for c, s, h, w, r in zip(data["checks"], series, hidden, weights, references)
            ],
            error=GradeError(**data["error"]) if data.get("error") else None,
            output=data.get("output", ""),
            protections=list(data.get("protections") or []),
        )

    def for_learner(self) -> Verdict:
        """The verdict as a learner may see it: hidden checks keep their result, not their
        inputs or message."""
        from dataclasses import replace

        checks = [
            replace(c, message=HIDDEN_MESSAGE if not c.passed else c.message, series=None)
            if c.hidden
            else c
            for c in self.checks
        ]
        return replace(self, checks=checks)


HIDDEN_MESSAGE = "gizli denetim: ayrıntısı gösterilmez"


def _check_json(check: Check) -> dict[str, Any]:
    data: dict[str, Any] = {"name": check.name, "passed": check.passed, "message": check.message}
    if check.hidden:
        data["hidden"] = True
    if check.weight != 1.0:
        data["weight"] = check.weight
    return data


class CannotGrade(Exception):
    """Grading could not run at all (exit code 2): CUDA missing, a broken grader, no worker.

    `kind` is what CONTRACT.md's `{"error": {"kind": ...}}` says: "usage", "pack", "grader"
    (the pack's grader or reference failed), "device", or "engine" (the tutor itself)."""

    def __init__(
        self, message: str, kind: str = "engine", file: str | None = None, line: int | None = None
    ):
        super().__init__(message)
        self.kind = kind
        self.file = file  # for a fault of the pack: which file, and where
        self.line = line
