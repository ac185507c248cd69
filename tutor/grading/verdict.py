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


@dataclass
class Check:
    name: str
    passed: bool
    message: str
    # Extra data for the app (e.g. a loss curve); never part of the JSON contract.
    series: list[float] | None = None


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
            "checks": [
                {"name": c.name, "passed": c.passed, "message": c.message} for c in self.checks
            ],
            "error": asdict(self.error) if self.error else None,
        }

    def to_wire(self) -> dict[str, Any]:
        """Everything, for the worker → client hop."""
        data = self.to_json()
        data["output"] = self.output
        data["series"] = [c.series for c in self.checks]
        return data

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> Verdict:
        series = data.get("series") or [None] * len(data["checks"])
        return cls(
            exercise=data["exercise"],
            passed=data["passed"],
            score=data["score"],
            device=data["device"],
            seed=data["seed"],
            duration_s=data["duration_s"],
            checks=[
                Check(c["name"], c["passed"], c["message"], s)
                for c, s in zip(data["checks"], series)
            ],
            error=GradeError(**data["error"]) if data.get("error") else None,
            output=data.get("output", ""),
        )


class CannotGrade(Exception):
    """Grading could not run at all (exit code 2): CUDA missing, a broken grader, no worker."""
