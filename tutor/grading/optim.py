"""Grading optimizers: the learner's optimizer and PyTorch's walk the same path, step by step.

A case is data: initial parameters, constructor arguments (a plain parameter list or parameter
groups) and a seeded sequence of gradients, one per step and parameter (`None` where a
parameter gets no gradient at that step). No learner code computes a gradient.

- `build_cases` (grading job, before the fork) draws the parameters and gradients;
- `run_case` (the learner's process) builds `nn.Parameter`s, constructs the learner's class,
  and for every step calls `zero_grad()`, assigns the gradients, calls `step()` and records
  every parameter; at the end it calls `zero_grad()` once more and records what is left;
- `check_case` (grading job, afterwards) runs `torch.optim.X` on the same inputs and reports
  the first step at which the two paths part, and where.

What the learner may not use: PyTorch's own optimizers and schedulers. The static check
catches their names (`SGD`, `Adam`, `lr_scheduler`, ...). At run time two more nets catch
what names cannot: the fused kernels (`torch._fused_adam_`, ...) are torch functions, so the
engine's call recorder sees them; and `torch.optim`'s classes and functional kernels
(`torch.optim.adam._single_tensor_adam`, ...) are wrapped by tripwires installed in the
grading job before the fork, so even a reference the learner's file captured at import time is
the wrapper. A tripwire does nothing unless a frame of the learner's file is on the stack in
the learner's process, so the reference computed afterwards runs PyTorch unchanged.
`torch._foreach_*` stays allowed: it is plain element-wise arithmetic on lists of tensors, and
the learner still writes the algorithm.

An optimizer that updates parameters with autograd watching is caught two ways: PyTorch
itself refuses an in-place update of a leaf that requires grad (reported with a message about
`torch.no_grad()`), and a torch-function mode active during `step()` notices any operation
whose result joins the autograd graph (e.g. `p.data = p - lr * g`, or a weight-decay term
`g + wd * p` computed outside `no_grad`): values may be right, but memory grows every step.
"""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

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
    Outcome,
    PreparedCase,
    case_seed,
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
# Watching the learner's process
# ---------------------------------------------------------------------------------------------


def _learner_line(learner_file: str) -> int | None:
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == learner_file:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _joins_graph(value: Any) -> bool:
    if isinstance(value, torch.Tensor):
        return value.grad_fn is not None
    if isinstance(value, (tuple, list)):
        return any(_joins_graph(v) for v in value)
    return False


class AutogradWatch(TorchFunctionMode):
    """Active during `step()`: the first line of the learner's file whose operation produced a
    tensor with a `grad_fn`, i.e. an update that autograd recorded."""

    def __init__(self, learner_file: str):
        super().__init__()
        self.learner_file = learner_file
        self.line: int | None = None
        self.recorded = False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if not self.recorded and _joins_graph(out):
            line = _learner_line(self.learner_file)
            if line is not None:
                self.recorded = True
                self.line = line
        return out


class _Tripwires:
    """Wrappers around torch.optim's classes and kernels; silent until armed in the learner's
    process, then they report a use from the learner's file as a forbidden call."""

    def __init__(self) -> None:
        self.installed = False
        self.learner_file: str | None = None
        self.hits: list[tuple[str, int | None]] = []
        self.classes: dict[type, str] = {}  # wrapped class -> its public name

    def fire(self, name: str) -> None:
        if self.learner_file is None:
            return
        line = _learner_line(self.learner_file)
        if line is not None:
            self.report(name, line)

    def check_class(self, cls: type) -> None:
        """A learner's class built on torch.optim's (even one reached by getattr) is a use,
        though no line of the learner's file runs when it calls the inherited methods."""
        for klass in getattr(cls, "__mro__", ()):
            if klass in self.classes:
                self.report(self.classes[klass], None)
                return

    def report(self, name: str, line: int | None) -> None:
        hit = (name, line)
        self.hits.append(hit)
        from tutor.grading.sandbox import CallRecorder

        try:
            from torch.overrides import _get_current_function_mode_stack

            stack = _get_current_function_mode_stack()
        except Exception:  # noqa: BLE001 - the value check below still fails the case
            stack = []
        for mode in stack:
            if isinstance(mode, CallRecorder):
                mode.hits.append(hit)
                break

    def arm(self, learner_file: str | None) -> None:
        self.learner_file = learner_file

    def install(self) -> None:
        if self.installed:
            return
        self.installed = True
        import torch.optim
        import torch.optim._functional  # noqa: F401 - loads every functional kernel module
        import torch.optim.lr_scheduler
        import torch.optim.swa_utils  # noqa: F401

        forbidden_bases: tuple[type, ...] = (
            torch.optim.lr_scheduler.LRScheduler,
            torch.optim.lr_scheduler.ReduceLROnPlateau,
        )
        wrapped: dict[int, Callable] = {}
        for module_name, module in list(sys.modules.items()):
            if module is None or not module_name.startswith("torch.optim."):
                continue
            for name, obj in list(vars(module).items()):
                if isinstance(obj, type):
                    try:
                        is_optimizer = (
                            issubclass(obj, torch.optim.Optimizer)
                            and obj is not torch.optim.Optimizer
                        )
                        forbidden = is_optimizer or issubclass(obj, forbidden_bases)
                    except TypeError:  # a typing construct, not a real class
                        continue
                    if forbidden and obj not in self.classes:
                        self._wrap_class(obj, is_optimizer)
                elif inspect.isfunction(obj) and _is_kernel(name, module_name):
                    key = id(obj)
                    if key not in wrapped:
                        wrapped[key] = self._wrapper(obj, f"{obj.__module__}.{name}")
                    setattr(module, name, wrapped[key])

    def _wrap_class(self, cls: type, is_optimizer: bool) -> None:
        methods = (
            ("__init__", "step")
            if is_optimizer
            else ("__init__", "step", "get_lr", "_get_closed_form_lr")
        )
        where = "torch.optim" if is_optimizer else cls.__module__
        self.classes[cls] = f"{where}.{cls.__name__}"
        for method in methods:
            original = vars(cls).get(method)
            if inspect.isfunction(original):
                setattr(cls, method, self._wrapper(original, f"{where}.{cls.__name__}"))

    def _wrapper(self, original: Callable, name: str) -> Callable:
        tripwires = self

        def tripwire(*args, **kwargs):
            tripwires.fire(name)
            return original(*args, **kwargs)

        tripwire.__name__ = getattr(original, "__name__", name)
        tripwire.__qualname__ = getattr(original, "__qualname__", name)
        tripwire.__doc__ = getattr(original, "__doc__", None)
        return tripwire


def _is_kernel(name: str, module_name: str) -> bool:
    base = module_name.rsplit(".", 1)[-1].strip("_")
    return name == base or name.startswith(("_single_tensor_", "_multi_tensor_", "_fused_"))


TRIPWIRES = _Tripwires()


def _learner_file(namespace: dict[str, Any]) -> str | None:
    value = namespace.get("__file__")
    return value if isinstance(value, str) else None


# ---------------------------------------------------------------------------------------------
# The grader
# ---------------------------------------------------------------------------------------------


class OptimizerGrader(Grader):
    """Runs the learner's optimizer class and `reference` side by side, step by step.

    `reference(params, **kwargs)` builds the PyTorch optimizer (e.g. `torch.optim.SGD`); it
    runs only in the grading job. `forbidden` / `forbidden_names` add to the defaults: every
    torch.optim optimizer and scheduler name, and the fused kernels.
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
        self.check_zero_grad = check_zero_grad

    # -- in the grading job, before the learner's process exists ---------------------------
    def build_cases(self, seed: int) -> list[PreparedCase]:
        TRIPWIRES.install()
        prepared = []
        for index, spec in enumerate(self.cases):
            cseed = case_seed(seed, index)
            prepared.append(PreparedCase(index, spec.name, cseed, prepare(spec, Gen(cseed)), spec))
        return prepared

    # -- in the learner's process -------------------------------------------------------------
    def run_case(self, namespace: dict[str, Any], case: PreparedCase, device: torch.device) -> Any:
        learner_file = _learner_file(namespace)
        TRIPWIRES.arm(learner_file)
        data: OptimData = case.data
        cls = namespace[self.symbol]
        params = [torch.nn.Parameter(t.detach().clone().to(device)) for t in data.params]
        watch = AutogradWatch(learner_file or "")
        steps: list[list[torch.Tensor]] = []
        not_leaf: dict[str, Any] | None = None
        # The tripwires' own record, in case the engine's recorder could not be reached.
        result: dict[str, Any] = {"steps": steps, "forbidden": TRIPWIRES.hits}
        with torch.enable_grad():
            optimizer = cls(param_argument(data, params), **data.kwargs)
            if not TRIPWIRES.hits:  # a hit with a line (from the learner's __init__) says more
                TRIPWIRES.check_class(type(optimizer))
            for step, grads in enumerate(data.grads, start=1):
                optimizer.zero_grad()
                assign_grads(params, grads, device)
                try:
                    with watch:
                        optimizer.step()
                except RuntimeError as exc:
                    if "leaf Variable that requires grad" not in str(exc):
                        raise
                    result["leaf_inplace"] = _traceback_line(exc, learner_file)
                    return result
                steps.append([p.detach().clone() for p in params])
                if not_leaf is None:
                    for i, p in enumerate(params):
                        if not (p.is_leaf and p.requires_grad and p.grad_fn is None):
                            not_leaf = {
                                "step": step,
                                "param": i,
                                "requires_grad": bool(p.requires_grad),
                                "grad_fn": type(p.grad_fn).__name__
                                if p.grad_fn is not None
                                else "None",
                            }
                            break
            if self.check_zero_grad:
                optimizer.zero_grad()
                result["cleared"] = [
                    None if p.grad is None else bool((p.grad == 0).all()) for p in params
                ]
        result["graph_line"] = watch.line if watch.recorded else None
        result["graph_recorded"] = watch.recorded
        result["not_leaf"] = not_leaf
        return result

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
        forbidden = result.get("forbidden")
        if isinstance(forbidden, list) and forbidden and isinstance(forbidden[0], tuple):
            call, line = forbidden[0][0], forbidden[0][1]
            return M.GRADE_FORBIDDEN.format(call=call, where=_where(line))
        if "leaf_inplace" in result:
            return M.OPT_LEAF_INPLACE.format(where=_where(result["leaf_inplace"]))
        got_steps = result.get("steps")
        if not isinstance(got_steps, list):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(got_steps))

        params = [torch.nn.Parameter(t.detach().clone().to(device)) for t in data.params]
        reference = self.reference(param_argument(data, params), **data.kwargs)
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
                    return problem

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
        close = torch.isclose(g, e, atol=atol, rtol=rtol, equal_nan=True)
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


def _traceback_line(exc: BaseException, learner_file: str | None) -> int | None:
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == learner_file:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _where(line: Any) -> str:
    return M.GRADE_WHERE_LINE.format(line=line) if isinstance(line, int) else ""


class OptimFunctionGrader(FunctionGrader):
    """A FunctionGrader whose learner may not use torch.optim at all (e.g. a learning-rate
    schedule): the same tripwires as `OptimizerGrader`, and the same forbidden names."""

    def __init__(self, **kwargs: Any):
        kwargs["forbidden_names"] = tuple(kwargs.get("forbidden_names", ())) + TORCH_OPTIMIZER_NAMES
        kwargs["forbidden"] = tuple(kwargs.get("forbidden", ())) + FUSED_KERNELS
        super().__init__(**kwargs)

    def build_cases(self, seed: int) -> list[PreparedCase]:
        TRIPWIRES.install()
        return super().build_cases(seed)

    def run_case(self, namespace: dict[str, Any], case: PreparedCase, device: torch.device) -> Any:
        TRIPWIRES.arm(_learner_file(namespace))
        return super().run_case(namespace, case, device)
