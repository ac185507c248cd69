"""What a grader is: data that says what to call, with which cases, against which reference.

A grader file in a pack defines `GRADER = FunctionGrader(...)` (or another `Grader`); the
engine does the rest. The methods of `Grader` split the work across the trust line, and no
code of a grader file ever runs in the learner's process:

- `build_cases(seed)` runs in the grading job and draws every case's inputs;
- `plan(case, device)` turns a case into *data* for the engine's driver in the learner's
  process: which kind of run (`"call"`, `"module"`, `"optimizer"`, ...) on which inputs
  (`tutor.grading.driver.kinds`); what comes back is data too (tensors and plain values);
- `check_case(case, result, device)` runs in the grading job, after the learner's process
  has ended: it computes the reference and compares. A reference that raises is a fault of
  the pack (`GraderFault`), never a learner's failure.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch

from tutor import messages as M
from tutor.grading.compare import (
    RemoteOther,
    RemoteTensor,
    check_tensor,
    describe_type,
    format_shape,
    same_tensor,
    tolerances,
)
from tutor.grading.driver.guard import normalize_call_name
from tutor.grading.driver.seeded import upstream_gradient


class Gen:
    """Seeded randomness for building cases: the same seed gives the same inputs."""

    def __init__(self, seed: int):
        self.seed = seed
        self.torch = torch.Generator().manual_seed(seed)
        self.py = random.Random(seed)

    def randn(
        self, *shape: int, dtype: torch.dtype = torch.float32, scale: float = 1.0
    ) -> torch.Tensor:
        return torch.randn(shape, generator=self.torch, dtype=dtype) * scale

    def uniform(
        self, *shape: int, low: float = 0.0, high: float = 1.0, dtype=torch.float32
    ) -> torch.Tensor:
        return torch.rand(shape, generator=self.torch, dtype=dtype) * (high - low) + low

    def randint(self, low: int, high: int, *shape: int) -> torch.Tensor:
        return torch.randint(low, high, shape, generator=self.torch)

    def integer(self, low: int, high: int) -> int:
        """A Python int in [low, high]."""
        return self.py.randint(low, high)

    def shape(
        self, min_dims: int = 1, max_dims: int = 3, min_size: int = 1, max_size: int = 6
    ) -> tuple[int, ...]:
        return tuple(
            self.py.randint(min_size, max_size) for _ in range(self.py.randint(min_dims, max_dims))
        )

    def choice(self, options: Sequence[Any]) -> Any:
        return options[self.py.randrange(len(options))]


def case_seed(seed: int, index: int) -> int:
    """Each case draws from its own stream, so adding a case does not change the others."""
    return (seed * 1_000_003 + index * 7_919 + 12_345) % (2**62)


@dataclass
class Inputs:
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)


def inputs(*args, **kwargs) -> Inputs:
    return Inputs(args, kwargs)


@dataclass
class Case:
    """One named check. `make` draws the inputs from a seeded `Gen`."""

    name: str
    make: Callable[[Gen], Inputs]
    grad: bool | None = None  # None: the grader's default
    atol: float | None = None
    rtol: float | None = None
    note: str = ""  # appended to a failure: what this case is about and what usually breaks it
    repeat: int = 1  # random cases: how many draws
    hidden: bool = False  # counts, but the learner sees neither its inputs nor its message
    weight: float = 1.0  # its share of the score


@dataclass
class PreparedCase:
    index: int
    name: str
    seed: int
    data: Any
    spec: Any = None


@dataclass
class Outcome:
    passed: bool
    message: str = ""
    series: list[float] | None = None  # e.g. the learner's loss curve, for a plot
    reference_series: list[float] | None = None  # the reference run's, drawn beside it


def expand_cases(
    cases: Sequence[Case], seed: int, validate: Callable[[Case, Any], None] | None = None
) -> list[PreparedCase]:
    """Draw every case's data from its own seeded stream; `repeat` cases become #1, #2, ..."""
    prepared = []
    for spec in cases:
        for r in range(spec.repeat):
            index = len(prepared)
            cseed = case_seed(seed, index)
            name = spec.name if spec.repeat == 1 else f"{spec.name} #{r + 1}"
            data = spec.make(Gen(cseed))
            if validate is not None:
                validate(spec, data)
            prepared.append(PreparedCase(index, name, cseed, data, spec))
    return prepared


class GraderFault(Exception):
    """The pack's own code failed (a reference that raises, a case that cannot be built):
    the exercise's fault, reported as such, never as the learner's."""


# ATen operators that compute what a forbidden function computes, beyond the operator of the
# same name: caught at the dispatcher however the learner's code reached them.
EXTRA_OPS: dict[str, tuple[str, ...]] = {
    "softmax": (
        "safe_softmax",
        "masked_softmax",
        "sparse_softmax",
        "scaled_dot_product_attention_math",
        "scaled_dot_product_flash_attention",
        "scaled_dot_product_flash_attention_for_cpu",
        "scaled_dot_product_efficient_attention",
        "scaled_dot_product_cudnn_attention",
        "scaled_dot_product_fused_attention_overrideable",
    ),
    "log_softmax": ("sparse_log_softmax",),
    "nll_loss": ("nll_loss_forward", "nll_loss2d_forward", "nll_loss_nd"),
    "cross_entropy": ("cross_entropy_loss", "nll_loss_forward", "nll_loss2d_forward"),
    "log_sigmoid": ("log_sigmoid_forward",),
    "logsigmoid": ("log_sigmoid_forward",),
    # A convolution with a 1×1 kernel is a matrix product too.
    "matmul": (
        "mm",
        "bmm",
        "addmm",
        "addmv",
        "addbmm",
        "baddbmm",
        "mv",
        "dot",
        "vdot",
        "conv1d",
        "conv2d",
        "conv3d",
        "convolution",
        "conv_tbc",
        "mkldnn_convolution",
        "conv_transpose1d",
        "conv_transpose2d",
        "conv_transpose3d",
    ),
    "conv2d": ("convolution", "mkldnn_convolution", "im2col"),
    "batch_norm": (
        "native_batch_norm",
        "native_batch_norm_legit",
        "native_batch_norm_legit_no_training",
    ),
    "dropout": ("native_dropout",),
}


def forbidden_ops_for(names: Sequence[str]) -> dict[str, str]:
    """{normalized ATen operator name: the forbidden name it stands for}."""
    ops: dict[str, str] = {}
    for name in names:
        plain = normalize_call_name(name)
        ops.setdefault(plain, plain)
        for extra in EXTRA_OPS.get(plain, ()):
            ops.setdefault(normalize_call_name(extra), plain)
    return ops


class Grader:
    """The interface the engine drives; see the module docstring."""

    symbols: tuple[str, ...] = ()
    forbidden: frozenset[str] = frozenset()
    forbidden_names: frozenset[str] = frozenset()
    forbidden_operators: frozenset[str] = frozenset()
    forbidden_ops: dict[str, str] = {}
    threads: int = 1
    # Arm the wrappers around torch.optim in the learner's process (optimizer exercises).
    forbid_torch_optim: bool = False

    def set_forbidden(
        self,
        forbidden: Sequence[str],
        forbidden_names: Sequence[str] = (),
        forbidden_operators: Sequence[str] = (),
        forbidden_ops: Sequence[str] = (),
    ) -> None:
        """Calls caught at run time (`forbidden`) are also caught by name in the source, and
        by the ATen operator of the same name (plus `EXTRA_OPS`) at the dispatcher."""
        self.forbidden = _names(forbidden)
        self.forbidden_names = frozenset(forbidden_names) | frozenset(forbidden)
        self.forbidden_operators = frozenset(forbidden_operators)
        self.forbidden_ops = forbidden_ops_for(list(forbidden) + list(forbidden_ops))

    def build_cases(self, seed: int) -> list[PreparedCase]:
        raise NotImplementedError

    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        """What the driver in the learner's process does for this case, as data."""
        raise NotImplementedError

    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        raise NotImplementedError

    def describe_case(self, case: PreparedCase) -> str:
        """A short Turkish description of the case's inputs, added to error messages."""
        return ""


def _names(values: Sequence[str]) -> frozenset[str]:
    return frozenset(normalize_call_name(v) for v in values)


def to_device(value: Any, device: torch.device) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach().clone().to(device)
    if isinstance(value, (list, tuple)):
        return type(value)(to_device(v, device) for v in value)
    if isinstance(value, dict):
        return {k: to_device(v, device) for k, v in value.items()}
    return value


def describe_inputs(data: Inputs, arg_names: Sequence[str]) -> str:
    parts = []
    for i, value in enumerate(data.args):
        name = arg_names[i] if i < len(arg_names) else f"arg{i}"
        parts.append(_describe_value(name, value))
    parts.extend(_describe_value(k, v) for k, v in data.kwargs.items())
    return M.CASE_INPUTS.format(inputs=", ".join(parts))


def _describe_value(name: str, value: Any) -> str:
    if isinstance(value, torch.Tensor):
        extra = "" if value.is_contiguous() else M.CASE_NONCONTIGUOUS
        return (
            f"{name}: {format_shape(value.shape)} {str(value.dtype).replace('torch.', '')}{extra}"
        )
    return f"{name}={value!r}"


def compare_outputs(
    got: Any,
    expected: Any,
    output_names: Sequence[str],
    compare_one: Callable[[Any, Any, str], str | None],
) -> str | None:
    """A single result, or a tuple of them named by `output_names`, item by item."""
    if not isinstance(expected, (tuple, list)):
        return compare_one(got, expected, M.WHAT_OUTPUT.capitalize())
    if not isinstance(got, (tuple, list)) or len(got) != len(expected):
        return M.CMP_NOT_TUPLE.format(
            what=M.WHAT_OUTPUT.capitalize(), n=len(expected), got=describe_type(got)
        )
    for i, (g, e) in enumerate(zip(got, expected)):
        what = (
            output_names[i]
            if i < len(output_names)
            else M.WHAT_ITEM.format(what=M.WHAT_OUTPUT, i=i)
        )
        problem = compare_one(g, e, what)
        if problem:
            return problem
    return None


class FunctionGrader(Grader):
    """Grades a function against a reference function, forward values and gradients.

    Floating-point tensor inputs get `requires_grad` when the case checks gradients; the
    learner's output is back-propagated with a seeded upstream gradient and the input
    gradients are compared with the reference's (which gets the same upstream gradient).
    `diagnose(inputs, got, expected)` may add a sentence that names a likely mistake to a
    failing case; it runs in the grading job.
    """

    call_mode = "direct"

    def __init__(
        self,
        *,
        symbol: str,
        reference: Callable[..., Any],
        cases: Sequence[Case],
        arg_names: Sequence[str] = (),
        forbidden: Sequence[str] = (),
        forbidden_names: Sequence[str] = (),
        forbidden_operators: Sequence[str] = (),
        forbidden_ops: Sequence[str] = (),
        check_grad: bool = True,
        output_names: Sequence[str] = (),
        diagnose: Callable[[Inputs, Any, Any], str | None] | None = None,
    ):
        self.symbols = (symbol,)
        self.symbol = symbol
        self.reference = reference
        self.cases = list(cases)
        self.arg_names = tuple(arg_names)
        self.set_forbidden(forbidden, forbidden_names, forbidden_operators, forbidden_ops)
        self.check_grad = check_grad
        self.output_names = tuple(output_names)
        self.diagnose = diagnose

    # -- in the grading job, before the learner's process exists ---------------------------
    def build_cases(self, seed: int) -> list[PreparedCase]:
        def validate(spec: Case, data: Any) -> None:
            if not isinstance(data, Inputs):
                raise GraderFault(
                    f"'{spec.name}' durumunun make() fonksiyonu inputs(...) döndürmeli, "
                    f"{type(data).__name__} döndürdü"
                )

        return expand_cases(self.cases, seed, validate)

    def _wants_grad(self, case: PreparedCase) -> bool:
        return self.check_grad if case.spec.grad is None else case.spec.grad

    def _grad_inputs(self, data: Inputs) -> list[int]:
        return [
            i
            for i, a in enumerate(data.args)
            if isinstance(a, torch.Tensor) and a.dtype.is_floating_point
        ]

    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        data: Inputs = case.data
        return {
            "kind": "call",
            "symbol": self.symbol,
            "mode": self.call_mode,
            "seed": case.seed,
            "args": list(data.args),
            "kwargs": dict(data.kwargs),
            "grad_args": self._grad_inputs(data) if self._wants_grad(case) else [],
        }

    # -- in the grading job, after the learner's process has ended --------------------------------
    def reference_output(self, args: list, kwargs: dict) -> Any:
        try:
            return self.reference(*args, **kwargs)
        except Exception as exc:  # noqa: BLE001 - the pack's reference, not the learner
            raise GraderFault(f"referans: {type(exc).__name__}: {exc}") from exc

    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        data: Inputs = case.data
        spec: Case = case.spec
        if not isinstance(result, dict):
            return Outcome(False, M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(result)))
        args = list(to_device(data.args, device))
        kwargs = to_device(data.kwargs, device)
        wants_grad = self._wants_grad(case)
        grad_idx = self._grad_inputs(data) if wants_grad else []
        for i in grad_idx:
            args[i].requires_grad_(True)
        expected = self.reference_output(args, kwargs)
        got = result.get("out")
        problem = self._compare_output(got, expected, spec, device)
        if problem is not None and self.diagnose is not None:
            extra = self.diagnose(data, got, _detached(expected))
            if extra:
                problem += " " + extra
        if problem is None:
            problem = self._check_inputs(data, result.get("inputs_after"))
        if (
            problem is None
            and grad_idx
            and isinstance(expected, torch.Tensor)
            and expected.requires_grad
        ):
            problem = self._check_grads(case, result, expected, args, grad_idx, spec, device)
        if problem is None:
            return Outcome(True, M.GRADE_OK)
        message = problem + " " + describe_inputs(data, self.arg_names)
        if spec.note:
            message += " " + spec.note
        return Outcome(False, message)

    def _check_grads(self, case, result, expected, args, grad_idx, spec, device) -> str | None:
        out = result.get("out")
        if not isinstance(out, RemoteTensor) or not out.requires_grad:
            return M.CMP_DETACHED.format(what=M.WHAT_OUTPUT.capitalize())
        expected.backward(upstream_gradient(case.seed, expected.shape, expected.dtype).to(device))
        got_grads = result.get("grads")
        if not isinstance(got_grads, list):
            got_grads = []
        for k, i in enumerate(grad_idx):
            name = self._arg_name(i)
            got = got_grads[k] if k < len(got_grads) else None
            if got is None:
                return M.CMP_NO_GRAD.format(name=name)
            atol, rtol = self._tolerances(args[i].dtype, spec, grad=True)
            problem = check_tensor(
                got, args[i].grad, M.WHAT_GRAD.format(name=name), atol=atol, rtol=rtol
            )
            if problem:
                return problem + " " + M.CMP_GRAD_UPSTREAM
        return None

    def describe_case(self, case: PreparedCase) -> str:
        return describe_inputs(case.data, self.arg_names)

    def _arg_name(self, i: int) -> str:
        return self.arg_names[i] if i < len(self.arg_names) else f"arg{i}"

    def _tolerances(
        self, dtype: torch.dtype, spec: Case, grad: bool = False
    ) -> tuple[float, float]:
        atol, rtol = tolerances(dtype)
        if grad:
            atol, rtol = atol * 10, rtol * 10
        return (
            spec.atol if spec.atol is not None else atol,
            spec.rtol if spec.rtol is not None else rtol,
        )

    def _compare_output(
        self, got: Any, expected: Any, spec: Case, device: torch.device
    ) -> str | None:
        return compare_outputs(
            got,
            expected,
            self.output_names,
            lambda g, e, what: self._compare_one(g, e, what, spec, device),
        )

    def _compare_one(
        self, got: Any, expected: Any, what: str, spec: Case, device: torch.device
    ) -> str | None:
        if isinstance(expected, torch.Tensor):
            atol, rtol = self._tolerances(expected.dtype, spec)
            return check_tensor(
                got, expected, what, atol=atol, rtol=rtol, expected_device=str(expected.device)
            )
        if isinstance(expected, float):
            if isinstance(got, RemoteTensor) and got.tensor.numel() == 1:
                return M.CMP_FLOAT_GOT_TENSOR.format(
                    what=what, value=float(got.tensor.reshape(-1)[0].double())
                )
            if isinstance(got, bool) or not isinstance(got, (int, float)):
                return M.CMP_SCALAR.format(what=what, expected=expected, actual=_shown(got))
            if not math.isfinite(got) and math.isfinite(expected):
                return M.CMP_SCALAR.format(what=what, expected=expected, actual=got)
            if not math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-9) and not (
                math.isnan(got) and math.isnan(expected)
            ):
                return M.CMP_SCALAR.format(what=what, expected=expected, actual=got)
            return None
        if type(got) is not type(expected) or got != expected:
            return M.CMP_SCALAR.format(what=what, expected=expected, actual=_shown(got))
        return None

    def _check_inputs(self, data: Inputs, after: Any) -> str | None:
        if not isinstance(after, list):
            return None
        for i, (before, now) in enumerate(zip(data.args, after)):
            if isinstance(before, torch.Tensor) and isinstance(now, RemoteTensor):
                if not same_tensor(before, now.tensor):
                    return M.CMP_INPUT_CHANGED.format(name=self._arg_name(i))
        return None


def _shown(value: Any) -> Any:
    """A learner's value as it reads in a message (a tensor is named, not dumped)."""
    if isinstance(value, (RemoteTensor, RemoteOther)):
        return describe_type(value)
    return value


def _detached(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach()
    if isinstance(value, (tuple, list)):
        return type(value)(_detached(v) for v in value)
    return value
