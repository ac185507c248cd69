"""Grading a learner's own `torch.autograd.Function`: forward, backward and gradcheck.

`FunctionClassGrader` grades the class like any function (`cls.apply(...)` against the
reference, forward values and the gradient that flows through the learner's `backward`) and
adds what only such a class needs:

- Calls forbidden *inside* `backward` only (a sigmoid's backward must not call sigmoid, while
  its forward may). Autograd runs `backward` with torch-function modes switched off, so the
  engine's call recorder never sees what happens there. The grader therefore also calls
  `backward` itself, with the node autograd built as its `ctx` and under `no_grad` as autograd
  would, while the recorder watches for those names; a hit becomes an ordinary forbidden-call
  verdict whose name says "inside backward".
- `torch.autograd.gradcheck` in float64 (`GradcheckCase`), run in the learner's process. Its
  answer is only a report: the trusted check is the float64 comparison with the reference made
  in the grading job, which every case does anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.spec import (
    Case,
    FunctionGrader,
    Outcome,
    PreparedCase,
    _names,
    to_device,
    upstream_gradient,
)


@dataclass
class GradcheckCase(Case):
    """A case whose inputs also go through `torch.autograd.gradcheck` (give float64 inputs)."""

    gradcheck_eps: float = 1e-6
    gradcheck_atol: float = 1e-5
    gradcheck_rtol: float = 1e-3


def _apply(cls: Any, *args: Any, **kwargs: Any) -> Any:
    return cls.apply(*args, **kwargs)


class FunctionClassGrader(FunctionGrader):
    """Grades a `torch.autograd.Function` subclass; see the module docstring."""

    def __init__(
        self,
        *,
        backward_forbidden: Sequence[str] = (),
        call: Callable[..., Any] | None = None,
        **kwargs: Any,
    ):
        super().__init__(call=call or _apply, **kwargs)
        self.backward_forbidden = _names(backward_forbidden)

    # -- in the learner's process -------------------------------------------------------------
    def run_case(self, namespace: dict[str, Any], case: PreparedCase, device: torch.device) -> Any:
        cls = namespace[self.symbol]
        if not isinstance(cls, type):
            return {"not_function": M.AUTOGRAD_GOT_OBJECT.format(type=type(cls).__name__)}
        if not issubclass(cls, torch.autograd.Function):
            return {"not_function": M.AUTOGRAD_GOT_PLAIN_CLASS}
        result = super().run_case(namespace, case, device)
        if self.backward_forbidden and self._wants_grad(case):
            self._watch_backward(cls, case, device)
        if isinstance(case.spec, GradcheckCase):
            result["gradcheck"] = self._gradcheck(cls, case, device)
        return result

    def _fresh_inputs(self, case: PreparedCase, device: torch.device) -> tuple[list[Any], dict]:
        args = list(to_device(case.data.args, device))
        for i in self._grad_inputs(case.data):
            args[i].requires_grad_(True)
        return args, to_device(case.data.kwargs, device)

    def _watch_backward(self, cls: type, case: PreparedCase, device: torch.device) -> None:
        """Call the learner's backward directly while the recorder also forbids these names."""
        args, kwargs = self._fresh_inputs(case, device)
        out = self.call(cls, *args, **kwargs)
        node = out.grad_fn if isinstance(out, torch.Tensor) else None
        if node is None:
            return  # a detached output is reported by the comparison
        recorder = _active_recorder()
        if recorder is None:
            raise RuntimeError(M.AUTOGRAD_NO_RECORDER)
        upstream = upstream_gradient(case.seed, out.shape, out.dtype).to(out.device)
        seen = len(recorder.hits)
        allowed = recorder.forbidden
        recorder.forbidden = allowed | self.backward_forbidden
        try:
            with torch.no_grad():
                cls.backward(node, upstream)
        finally:
            recorder.forbidden = allowed
            recorder.hits[seen:] = [
                (call + M.AUTOGRAD_IN_BACKWARD, line) for call, line in recorder.hits[seen:]
            ]

    def _gradcheck(self, cls: type, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        from torch.autograd.gradcheck import GradcheckError

        spec: GradcheckCase = case.spec
        args, kwargs = self._fresh_inputs(case, device)
        try:
            ok = torch.autograd.gradcheck(
                lambda *a: self.call(cls, *a, **kwargs),
                tuple(args),
                eps=spec.gradcheck_eps,
                atol=spec.gradcheck_atol,
                rtol=spec.gradcheck_rtol,
            )
        except GradcheckError as exc:
            # The first line says what differs; the Jacobians printed after it are noise here.
            lines = str(exc).strip().splitlines() or [type(exc).__name__]
            return {"ok": False, "error": lines[0].rstrip(",. ")[:300]}
        return {"ok": bool(ok), "error": ""}

    # -- in the grading job -------------------------------------------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        if isinstance(result, dict) and "not_function" in result:
            message = M.AUTOGRAD_NOT_FUNCTION.format(
                name=self.symbol, got=str(result["not_function"])
            )
            return Outcome(False, message)
        outcome = super().check_case(case, result, device)
        report = result.get("gradcheck") if isinstance(case.spec, GradcheckCase) else None
        if isinstance(report, dict) and report.get("ok") is not True:
            error = str(report.get("error") or "—")
            if outcome.passed:
                return Outcome(False, M.AUTOGRAD_GRADCHECK_FAILED.format(error=error))
            return Outcome(
                False, outcome.message + " " + M.AUTOGRAD_GRADCHECK_ALSO.format(error=error)
            )
        return outcome


def _active_recorder() -> Any:
    """The engine's call recorder on this thread's torch-function mode stack, if any."""
    from torch.overrides import _get_current_function_mode_stack

    from tutor.grading.sandbox import CallRecorder

    for mode in _get_current_function_mode_stack():
        if isinstance(mode, CallRecorder):
            return mode
    return None
