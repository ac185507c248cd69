"""Grading a learner's own `torch.autograd.Function`: forward, backward and gradcheck.

`FunctionClassGrader` grades the class like any function (`cls.apply(...)` against the
reference, forward values and the gradient that flows through the learner's `backward`) and
adds what only such a class needs:

- Calls forbidden *inside* `backward` only (a sigmoid's backward must not call sigmoid, while
  its forward may). Autograd runs `backward` with torch-function modes switched off, so the
  engine's driver also calls `backward` itself, with the node autograd built as its `ctx`
  and under `no_grad` as autograd would, while those names are forbidden; a hit becomes an
  ordinary forbidden-call verdict.
- `torch.autograd.gradcheck` in float64 (`GradcheckCase`), run by the driver in the
  learner's process. Its answer is only a report: the trusted check is the float64
  comparison with the reference made in the grading job, which every case does anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.spec import Case, FunctionGrader, Outcome, PreparedCase, _names


@dataclass
class GradcheckCase(Case):
    """A case whose inputs also go through `torch.autograd.gradcheck` (give float64 inputs)."""

    gradcheck_eps: float = 1e-6
    gradcheck_atol: float = 1e-5
    gradcheck_rtol: float = 1e-3


class FunctionClassGrader(FunctionGrader):
    """Grades a `torch.autograd.Function` subclass; see the module docstring."""

    call_mode = "apply"

    def __init__(self, *, backward_forbidden: Sequence[str] = (), **kwargs: Any):
        super().__init__(**kwargs)
        self.backward_forbidden = _names(backward_forbidden)

    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        plan = super().plan(case, device)
        if self.backward_forbidden and self._wants_grad(case):
            plan["backward_calls"] = sorted(self.backward_forbidden)
        spec = case.spec
        if isinstance(spec, GradcheckCase):
            plan["gradcheck"] = {
                "eps": spec.gradcheck_eps,
                "atol": spec.gradcheck_atol,
                "rtol": spec.gradcheck_rtol,
            }
        return plan

    # -- in the grading job -------------------------------------------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        if isinstance(result, dict) and "not_function" in result:
            got = (
                M.AUTOGRAD_GOT_PLAIN_CLASS
                if result.get("not_function") == "plain_class"
                else M.AUTOGRAD_GOT_OBJECT.format(type=str(result.get("type", "?"))[:100])
            )
            return Outcome(False, M.AUTOGRAD_NOT_FUNCTION.format(name=self.symbol, got=got))
        outcome = super().check_case(case, result, device)
        report = result.get("gradcheck") if isinstance(case.spec, GradcheckCase) else None
        if isinstance(case.spec, GradcheckCase) and not isinstance(report, dict):
            report = {"ok": False, "error": "—"}
        if isinstance(report, dict) and report.get("ok") is not True:
            error = str(report.get("error") or "—")[:300]
            if outcome.passed:
                return Outcome(False, M.AUTOGRAD_GRADCHECK_FAILED.format(error=error))
            return Outcome(
                False, outcome.message + " " + M.AUTOGRAD_GRADCHECK_ALSO.format(error=error)
            )
        return outcome
