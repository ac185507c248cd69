"""Grading optimizers: the learner's optimizer and PyTorch's walk the same path, step by step.

A case is data: initial parameters, constructor arguments (a plain parameter list or parameter
groups) and a seeded sequence of gradients, one per step and parameter (`None` where a
parameter gets no gradient at that step). No learner code computes a gradient.

- `build_cases` (grading job) draws the parameters and gradients;
- `plan` hands them, as data, to the engine's driver in the learner's process, which builds
  `nn.Parameter`s, constructs the learner's class, and for every step calls `zero_grad()`,
  assigns the gradients, calls `step()` and records every parameter; at the end it calls
  `zero_grad()` once more and records what is left (`tutor.grading.driver.kinds`);
- `check_case` (grading job, afterwards) runs `torch.optim.X` on the same inputs and reports
  the first step at which the two paths part, and where.

What the learner may not use: PyTorch's own optimizers and schedulers. The static check
catches their names (`SGD`, `Adam`, `lr_scheduler`, ...). At run time two more nets catch
what names cannot: the fused kernels (`torch._fused_adam_`, ...) are torch functions, so the
engine's call recorder sees them; and `torch.optim`'s classes and functional kernels
(`torch.optim.adam._single_tensor_adam`, ...) are wrapped by tripwires installed in the
zygote the learner's process forks from, so even a reference the learner's file captured at
import time is the wrapper; they fire only for exercises that forbid them, while the
learner's code has control. The reference in the grading job runs PyTorch unchanged.
`torch._foreach_*` stays allowed: it is plain element-wise arithmetic on lists of tensors, and
the learner still writes the algorithm.

An optimizer that updates parameters with autograd watching is caught two ways: PyTorch
itself refuses an in-place update of a leaf that requires grad (reported with a message about
`torch.no_grad()`), and a torch-function mode active during `step()` notices any operation
whose result joins the autograd graph (e.g. `p.data = p - lr * g`, or a weight-decay term
`g + wd * p` computed outside `no_grad`): values may be right, but memory grows every step.

When the two paths part, "step 3, p1 differs" says where but not why. A grader may pass
`diagnose(ctx: OptimContext) -> str | None`, run in the grading job on the recorded data only:
`ctx` holds the case's parameters and gradients, every parameter's settings, the learner's
parameters after every step and PyTorch's, and `ctx.explains(path)` says whether a path the
grader computes for one suspected mistake (a re-implementation with that mistake) accounts for
the learner's numbers. Its sentence is added to the divergence message; a diagnosis must only
be returned when `explains` holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.compare import (
    RemoteTensor,
    describe_type,
    format_index,
    format_shape,
    tolerances,
)
from tutor.grading.spec import (
    FunctionGrader,
    Gen,
    Grader,
    GraderFault,
    Outcome,
    PreparedCase,
    case_seed,
    forbidden_ops_for,
    normalize_call_name,
)

# Names a learner's file may not write (attribute or `from ... import` name). `Optimizer`, the
# base class, stays allowed.
TORCH_OPTIMIZER_NAMES = (
    "SGD",
    "Adam",
    "AdamW",
    "RMSprop",
    "Adagrad",
    "Adadelta",
    "Adamax",
    "NAdam",
    "RAdam",
    "ASGD",
    "Rprop",
    "LBFGS",
    "SparseAdam",
    "Adafactor",
    "Muon",
    "lr_scheduler",
    "swa_utils",
    "_functional",
)
# Torch functions caught at run time by the engine's call recorder (normalized names of
# `torch._fused_adam_`, `torch._fused_adamw_`, `torch._fused_sgd_`, `torch._fused_adagrad_`).
FUSED_KERNELS = ("fused_adam", "fused_adamw", "fused_sgd", "fused_adagrad")
FUSED_KERNEL_NAMES = ("_fused_adam_", "_fused_adamw_", "_fused_sgd_", "_fused_adagrad_")

DEFAULT_SHAPES: tuple[tuple[int, ...], ...] = ((4, 3), (3,), (2, 5))


# ---------------------------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------------------------


@dataclass
class OptimCase:
    """One run of the optimizer: what it is constructed with and which gradients it sees.

    `groups` turns the parameter list into parameter groups: each dict names its parameters by
    index under "params" and may override settings, e.g. `({"params": (0, 1)}, {"params": (2,),
    "lr": 0.01})`. `grad_none` lists `(param, first_step, last_step)` (1-based, inclusive):
    that parameter's `grad` is `None` at those steps.
    """

    name: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    groups: Sequence[dict[str, Any]] | None = None
    shapes: Sequence[tuple[int, ...]] = DEFAULT_SHAPES
    steps: int = 25
    grad_scale: float = 1.0
    param_scale: float = 1.0
    dtype: torch.dtype = torch.float32
    grad_none: Sequence[tuple[int, int, int]] = ()
    atol: float | None = None
    rtol: float | None = None
    note: str = ""


@dataclass
class OptimData:
    """A prepared case: plain tensors, the same in the learner's process and the reference."""

    params: list[torch.Tensor]
    grads: list[list[torch.Tensor | None]]  # [step][param]
    kwargs: dict[str, Any]
    groups: list[dict[str, Any]] | None


def prepare(spec: OptimCase, gen: Gen) -> OptimData:
    params = [gen.randn(*shape, dtype=spec.dtype, scale=spec.param_scale) for shape in spec.shapes]
    grads: list[list[torch.Tensor | None]] = []
    for step in range(1, spec.steps + 1):
        row: list[torch.Tensor | None] = []
        for i, shape in enumerate(spec.shapes):
            g = gen.randn(*shape, dtype=spec.dtype, scale=spec.grad_scale)
            missing = any(p == i and first <= step <= last for p, first, last in spec.grad_none)
            row.append(None if missing else g)
        grads.append(row)
    groups = None
    if spec.groups is not None:
        groups = [dict(group, params=tuple(group["params"])) for group in spec.groups]
    return OptimData(params, grads, dict(spec.kwargs), groups)


def param_argument(data: OptimData, params: list[torch.Tensor]) -> Any:
    """What the constructor receives: a list of parameters, or a list of group dicts."""
    if data.groups is None:
        return list(params)
    return [dict(group, params=[params[i] for i in group["params"]]) for group in data.groups]


def assign_grads(
    params: list[torch.Tensor], grads: list[torch.Tensor | None], device: torch.device
) -> None:
    for p, g in zip(params, grads):
        p.grad = None if g is None else g.detach().clone().to(device)


# ---------------------------------------------------------------------------------------------
# Naming the mistake behind a divergence
# ---------------------------------------------------------------------------------------------

Path = list[list[torch.Tensor]]  # [step][param], float64 on the CPU


@dataclass
class OptimContext:
    """What a grader's `diagnose` gets when the learner's parameters first part from PyTorch's.

    `settings[i]` are the settings of parameter i's group and `defaults` the constructor's,
    both with PyTorch's defaults filled in (e.g. {"lr": 0.01, "betas": (0.9, 0.999), ...}).
    `got` and `expected` hold the parameters after every step (float64, on the CPU).
    """

    step: int  # 1-based: the first step at which the paths part
    param: int  # the first parameter that differs at that step
    data: OptimData
    settings: list[dict[str, Any]]
    defaults: dict[str, Any]
    got: Path
    expected: Path
    spec: OptimCase

    def start(self) -> list[torch.Tensor]:
        """The initial parameters, float64 copies to update in place."""
        return [p.detach().to(torch.float64).clone() for p in self.data.params]

    def grad(self, step: int, param: int) -> torch.Tensor | None:
        """The gradient of `param` at `step` (0-based), float64; None where it is None."""
        g = self.data.grads[step][param]
        return None if g is None else g.detach().to(torch.float64)

    def explains(self, path: Path) -> bool:
        """Whether `path` (the parameters after every step, computed for one suspected
        mistake) accounts for the learner's numbers: it differs from PyTorch's by more than
        rounding, and the learner's parameters stay within 2% of that difference from it
        (NaN matching NaN), at every step."""
        if len(path) != len(self.got):
            return False
        # Rounding: a learner computes in the case's dtype, the paths here are float64.
        magnitude = max(
            (
                float(p[torch.isfinite(p)].abs().max())
                for row in self.expected
                for p in row
                if bool(torch.isfinite(p).any())
            ),
            default=1.0,
        )
        low_precision = self.spec.dtype in (torch.float32, torch.float16, torch.bfloat16)
        floor = (1e-5 if low_precision else 1e-10) * magnitude
        scale = _largest_difference(path, self.expected)
        if scale <= floor:
            return False  # this mistake would not change the numbers here
        miss = _largest_difference(path, self.got)
        allowed = floor + (0.02 * scale if scale != float("inf") else 0.0)
        return miss <= allowed


def _largest_difference(a: Path, b: Path) -> float:
    """The largest element-wise difference of two paths; NaN against NaN counts as equal,
    NaN against a number as infinite."""
    largest = 0.0
    for row_a, row_b in zip(a, b):
        for x, y in zip(row_a, row_b):
            if x.shape != y.shape:
                return float("inf")
            both_nan = torch.isnan(x) & torch.isnan(y)
            diff = (x - y).abs()
            diff = torch.where(both_nan, torch.zeros_like(diff), diff)
            diff = torch.nan_to_num(diff, nan=float("inf"))
            if diff.numel():
                largest = max(largest, float(diff.max()))
    return largest


# ---------------------------------------------------------------------------------------------
# Watching the learner's process
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# The grader
# ---------------------------------------------------------------------------------------------


class OptimizerGrader(Grader):
    """Runs the learner's optimizer class and `reference` side by side, step by step.

    `reference(params, **kwargs)` builds the PyTorch optimizer (e.g. `torch.optim.SGD`); it
    runs only in the grading job. `forbidden` / `forbidden_names` add to the defaults: every
    torch.optim optimizer and scheduler name, and the fused kernels. `diagnose(ctx)` may name
    the mistake behind a divergence (see `OptimContext`); it runs in the grading job.
    """

    def __init__(
        self,
        *,
        symbol: str,
        reference: Callable[..., torch.optim.Optimizer],
        cases: Sequence[OptimCase],
        forbidden: Sequence[str] = (),
        forbidden_names: Sequence[str] = (),
        check_zero_grad: bool = True,
        diagnose: Callable[[OptimContext], str | None] | None = None,
    ):
        self.symbols = (symbol,)
        self.symbol = symbol
        self.reference = reference
        self.cases = list(cases)
        self.forbidden = frozenset(FUSED_KERNELS) | frozenset(
            normalize_call_name(f) for f in forbidden
        )
        self.forbidden_names = (
            frozenset(TORCH_OPTIMIZER_NAMES)
            | frozenset(FUSED_KERNEL_NAMES)
            | frozenset(forbidden_names)
        )
        self.forbidden_operators = frozenset()
        self.forbidden_ops = forbidden_ops_for(list(FUSED_KERNELS) + list(forbidden))
        self.forbid_torch_optim = True
        self.check_zero_grad = check_zero_grad
        self.diagnose = diagnose

    # -- in the grading job, before the learner's process exists ---------------------------
    def build_cases(self, seed: int) -> list[PreparedCase]:
        prepared = []
        for index, spec in enumerate(self.cases):
            cseed = case_seed(seed, index)
            prepared.append(PreparedCase(index, spec.name, cseed, prepare(spec, Gen(cseed)), spec))
        return prepared

    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        data: OptimData = case.data
        return {
            "kind": "optimizer",
            "symbol": self.symbol,
            "params": list(data.params),
            "grads": [list(row) for row in data.grads],
            "kwargs": dict(data.kwargs),
            "groups": None
            if data.groups is None
            else [dict(group, params=list(group["params"])) for group in data.groups],
            "check_zero_grad": self.check_zero_grad,
        }

    # -- in the grading job, after the learner's process has ended --------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        problem = self._problem(case, result, device)
        if problem is None:
            return Outcome(True, M.GRADE_OK)
        message = problem + " " + self.describe_case(case)
        if case.spec.note:
            message += " " + case.spec.note
        return Outcome(False, message)

    def _problem(self, case: PreparedCase, result: Any, device: torch.device) -> str | None:
        data: OptimData = case.data
        spec: OptimCase = case.spec
        if not isinstance(result, dict):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(result))
        if "leaf_inplace" in result:
            return M.OPT_LEAF_INPLACE.format(where=_where(result["leaf_inplace"]))
        got_steps = result.get("steps")
        if not isinstance(got_steps, list):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(got_steps))

        params = [torch.nn.Parameter(t.detach().clone().to(device)) for t in data.params]
        try:
            reference = self.reference(param_argument(data, params), **data.kwargs)
        except Exception as exc:  # noqa: BLE001 - the pack's reference, not the learner
            raise GraderFault(f"referans eniyileyici: {type(exc).__name__}: {exc}") from exc
        for step, grads in enumerate(data.grads, start=1):
            reference.zero_grad()
            assign_grads(params, grads, device)
            reference.step()
            if step > len(got_steps):
                return M.OPT_STEP_COUNT.format(expected=len(data.grads), actual=len(got_steps))
            got_row = got_steps[step - 1]
            if not isinstance(got_row, list) or len(got_row) != len(params):
                return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(got_row))
            for i, (got, expected) in enumerate(zip(got_row, params)):
                problem = self._compare(step, f"p{i}", got, expected.detach(), spec)
                if problem:
                    extra = self._diagnose(case, step, i, got_steps)
                    return problem + (" " + extra if extra else "")

        not_leaf = result.get("not_leaf")
        if isinstance(not_leaf, dict):
            return M.OPT_NOT_LEAF.format(
                step=not_leaf.get("step"),
                param=f"p{not_leaf.get('param')}",
                requires_grad=not_leaf.get("requires_grad"),
                grad_fn=not_leaf.get("grad_fn"),
            )
        if result.get("graph_recorded"):
            return M.OPT_GRAPH_RECORDED.format(where=_where(result.get("graph_line")))
        if self.check_zero_grad:
            cleared = result.get("cleared")
            if not isinstance(cleared, list) or len(cleared) != len(params):
                return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(cleared))
            for i, state in enumerate(cleared):
                if state is False:
                    return M.OPT_ZERO_GRAD.format(param=f"p{i}")
        return None

    def _compare(
        self, step: int, name: str, got: Any, expected: torch.Tensor, spec: OptimCase
    ) -> str | None:
        what = M.OPT_AFTER_STEP.format(step=step, what=M.OPT_PARAM.format(name=name))
        if not isinstance(got, RemoteTensor):
            return M.CMP_NOT_TENSOR.format(what=what, got=describe_type(got))
        if tuple(got.tensor.shape) != tuple(expected.shape):
            return M.CMP_SHAPE.format(
                what=what,
                expected=format_shape(expected.shape),
                actual=format_shape(got.tensor.shape),
            )
        if got.tensor.dtype != expected.dtype:
            return M.CMP_DTYPE.format(what=what, expected=expected.dtype, actual=got.tensor.dtype)
        if got.device != str(expected.device):
            return M.CMP_DEVICE.format(what=what, expected=expected.device, actual=got.device)
        atol, rtol = tolerances(expected.dtype)
        atol = spec.atol if spec.atol is not None else atol
        rtol = spec.rtol if spec.rtol is not None else rtol
        g = got.tensor.detach().to(torch.float64).reshape(-1)
        e = expected.detach().cpu().to(torch.float64).reshape(-1)
        # NaN matches NaN only where the reference itself is NaN.
        close = torch.isclose(g, e, atol=atol, rtol=rtol, equal_nan=True)
        close &= torch.isfinite(g) | ~torch.isfinite(e)
        if bool(close.all()):
            return None
        diff = torch.where(close, torch.zeros_like(g), (g - e).abs().nan_to_num(nan=float("inf")))
        worst = int(diff.argmax())
        return M.OPT_DIVERGED.format(
            step=step,
            param=name,
            diff=float(diff[worst]),
            index=format_index(worst, tuple(expected.shape)),
            expected=float(e[worst]),
            actual=float(g[worst]),
            total=e.numel(),
            count=int((~close).sum()),
            atol=atol,
            rtol=rtol,
        )

    def _diagnose(
        self, case: PreparedCase, step: int, param: int, got_steps: list[Any]
    ) -> str | None:
        """The grader's sentence naming the mistake, if it has one for this divergence."""
        if self.diagnose is None:
            return None
        data: OptimData = case.data
        got: Path = []
        for row in got_steps[: len(data.grads)]:
            if not isinstance(row, list) or len(row) != len(data.params):
                return None
            if not all(isinstance(t, RemoteTensor) for t in row):
                return None
            got.append([t.tensor.detach().to(torch.float64).cpu() for t in row])
        if len(got) != len(data.grads):
            return None
        params = [torch.nn.Parameter(p.detach().to(torch.float64).clone()) for p in data.params]
        try:
            reference = self.reference(param_argument(data, params), **data.kwargs)
        except Exception as exc:  # noqa: BLE001 - the pack's reference, not the learner
            raise GraderFault(f"referans eniyileyici: {type(exc).__name__}: {exc}") from exc
        index = {id(p): i for i, p in enumerate(params)}
        settings: list[dict[str, Any]] = [{} for _ in params]
        for group in reference.param_groups:
            values = {k: v for k, v in group.items() if k != "params"}
            for p in group["params"]:
                settings[index[id(p)]] = values
        defaults = dict(reference.defaults)
        expected: Path = []
        for grads in data.grads:
            reference.zero_grad()
            assign_grads(
                params, [None if g is None else g.double() for g in grads], params[0].device
            )
            reference.step()
            expected.append([p.detach().clone() for p in params])
        ctx = OptimContext(step, param, data, settings, defaults, got, expected, case.spec)
        return self.diagnose(ctx)

    def describe_case(self, case: PreparedCase) -> str:
        data: OptimData = case.data
        spec: OptimCase = case.spec
        names = [f"p{i} {format_shape(t.shape)}" for i, t in enumerate(data.params)]
        if data.groups is None:
            params = M.OPT_CASE_PARAMS.format(items=", ".join(names))
        else:
            groups = []
            for group in data.groups:
                members = ", ".join(f"p{i}" for i in group["params"])
                extra = "".join(f", {k}={v!r}" for k, v in group.items() if k != "params")
                groups.append(f"[{members}{extra}]")
            params = (
                M.OPT_CASE_PARAMS.format(items=", ".join(names))
                + ", "
                + M.OPT_CASE_GROUPS.format(items=" ".join(groups))
            )
        settings = [f"{k}={v!r}" for k, v in data.kwargs.items()]
        if spec.grad_scale != 1.0:
            settings.append(M.OPT_CASE_GRAD_SCALE.format(scale=spec.grad_scale))
        if spec.dtype != torch.float32:
            settings.append(str(spec.dtype).replace("torch.", ""))
        settings_text = (
            M.OPT_CASE_SETTINGS.format(items=", ".join(settings))
            if data.kwargs
            else M.OPT_CASE_DEFAULTS
        )
        if not data.kwargs and settings:
            settings_text += ", " + ", ".join(settings)
        missing = ""
        if spec.grad_none:
            items = []
            for p, first, last in spec.grad_none:
                if first <= 1 and last >= spec.steps:
                    items.append(M.OPT_CASE_MISSING_ALWAYS.format(name=f"p{p}"))
                else:
                    items.append(
                        M.OPT_CASE_MISSING_RANGE.format(name=f"p{p}", first=first, last=last)
                    )
            missing = M.OPT_CASE_MISSING.format(items=", ".join(items))
        return M.OPT_CASE_DESCRIPTION.format(
            params=params, settings=settings_text, missing=missing, steps=spec.steps
        )


def _where(line: Any) -> str:
    return M.GRADE_WHERE_LINE.format(line=line) if isinstance(line, int) and line > 0 else ""


class OptimFunctionGrader(FunctionGrader):
    """A FunctionGrader whose learner may not use torch.optim at all (e.g. a learning-rate
    schedule): the same tripwires as `OptimizerGrader`, and the same forbidden names."""

    forbid_torch_optim = True

    def __init__(self, **kwargs: Any):
        kwargs["forbidden_names"] = tuple(kwargs.get("forbidden_names", ())) + TORCH_OPTIMIZER_NAMES
        kwargs["forbidden"] = tuple(kwargs.get("forbidden", ())) + FUSED_KERNELS
        super().__init__(**kwargs)
