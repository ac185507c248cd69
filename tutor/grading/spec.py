"""What a grader is: data that says what to call, with which cases, against which reference.

A grader file in a pack defines `GRADER = FunctionGrader(...)` (or another `Grader`); the
engine does the rest. The three methods of `Grader` split the work across the trust line:

- `build_cases(seed)` runs in the grading job, before the learner's process is forked;
- `run_case(namespace, case, device)` runs in the learner's process and returns plain values
  and tensors (nothing it returns is trusted beyond its values);
- `check_case(case, result, device)` runs in the grading job, after the learner's process
  has ended: it computes the reference and compares.
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
    RemoteTensor,
    check_tensor,
    describe_type,
    format_shape,
    same_tensor,
    tolerances,
)


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
    series: list[float] | None = None


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


class Grader:
    """The interface the engine drives; see the module docstring."""

    symbols: tuple[str, ...] = ()
    forbidden: frozenset[str] = frozenset()
    forbidden_names: frozenset[str] = frozenset()
    forbidden_operators: frozenset[str] = frozenset()
    threads: int = 1

    def set_forbidden(
        self,
        forbidden: Sequence[str],
        forbidden_names: Sequence[str] = (),
        forbidden_operators: Sequence[str] = (),
    ) -> None:
        """Calls caught at run time (`forbidden`) are also caught by name in the source."""
        self.forbidden = _names(forbidden)
        self.forbidden_names = frozenset(forbidden_names) | frozenset(forbidden)
        self.forbidden_operators = frozenset(forbidden_operators)

    def build_cases(self, seed: int) -> list[PreparedCase]:
        raise NotImplementedError

    def run_case(self, namespace: dict[str, Any], case: PreparedCase, device: torch.device) -> Any:
        raise NotImplementedError

    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        raise NotImplementedError

    def describe_case(self, case: PreparedCase) -> str:
        """A short Turkish description of the case's inputs, added to error messages."""
        return ""


def normalize_call_name(name: str) -> str:
    """`__matmul__`, `special_softmax`, `relu_`, `_softmax` → the op's plain name."""
    name = name.strip("_")
    for prefix in ("special_", "linalg_", "fft_", "nn_"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name


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
    gradients are compared with the reference's.
    """

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
        check_grad: bool = True,
        output_names: Sequence[str] = (),
        call: Callable[..., Any] | None = None,
    ):
        """`call(symbol_value, *args, **kwargs)` says how to invoke what the learner defined
        (e.g. `lambda cls, x: cls.apply(x)` for an autograd.Function); by default it is
        called directly. It runs in the learner's process."""
        self.symbols = (symbol,)
        self.symbol = symbol
        self.reference = reference
        self.cases = list(cases)
        self.arg_names = tuple(arg_names)
        self.set_forbidden(forbidden, forbidden_names, forbidden_operators)
        self.check_grad = check_grad
        self.output_names = tuple(output_names)
        self.call = call

    # -- in the grading job, before the learner's process exists ---------------------------
    def build_cases(self, seed: int) -> list[PreparedCase]:
        return expand_cases(self.cases, seed)

    def _wants_grad(self, case: PreparedCase) -> bool:
        return self.check_grad if case.spec.grad is None else case.spec.grad

    def _grad_inputs(self, data: Inputs) -> list[int]:
        return [
            i
            for i, a in enumerate(data.args)
            if isinstance(a, torch.Tensor) and a.dtype.is_floating_point
        ]

    # -- in the learner's process -------------------------------------------------------------
    def run_case(self, namespace: dict[str, Any], case: PreparedCase, device: torch.device) -> Any:
        fn = namespace[self.symbol]
        data: Inputs = case.data
        args = list(to_device(data.args, device))
        kwargs = to_device(data.kwargs, device)
        wants_grad = self._wants_grad(case)
        grad_idx = self._grad_inputs(data) if wants_grad else []
        for i in grad_idx:
            args[i].requires_grad_(True)
        out = self.call(fn, *args, **kwargs) if self.call is not None else fn(*args, **kwargs)
        result: dict[str, Any] = {"out": out, "inputs_after": [a for a in args]}
        if (
            grad_idx
            and isinstance(out, torch.Tensor)
            and out.requires_grad
            and out.is_floating_point()
        ):
            upstream = upstream_gradient(case.seed, out.shape, out.dtype).to(out.device)
            out.backward(upstream)
            result["grads"] = [args[i].grad for i in grad_idx]
        return result

    # -- in the grading job, after the learner's process has ended --------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        data: Inputs = case.data
        spec: Case = case.spec
        args = list(to_device(data.args, device))
        kwargs = to_device(data.kwargs, device)
        wants_grad = self._wants_grad(case)
        grad_idx = self._grad_inputs(data) if wants_grad else []
        for i in grad_idx:
            args[i].requires_grad_(True)
        expected = self.reference(*args, **kwargs)
        problem = self._compare_output(result.get("out"), expected, spec, device)
        if problem is None:
            problem = self._check_inputs(data, result.get("inputs_after", []))
        if (
            problem is None
            and grad_idx
            and isinstance(expected, torch.Tensor)
            and expected.requires_grad
        ):
            out = result["out"]
            if not out.requires_grad:
                problem = M.CMP_DETACHED.format(what=M.WHAT_OUTPUT.capitalize())
            else:
                expected.backward(
                    upstream_gradient(case.seed, expected.shape, expected.dtype).to(device)
                )
                got_grads = result.get("grads") or [None] * len(grad_idx)
                for i, got in zip(grad_idx, got_grads):
                    name = self._arg_name(i)
                    if got is None:
                        problem = M.CMP_NO_GRAD.format(name=name)
                        break
                    atol, rtol = self._tolerances(args[i].dtype, spec, grad=True)
                    problem = check_tensor(
                        got, args[i].grad, M.WHAT_GRAD.format(name=name), atol=atol, rtol=rtol
                    )
                    if problem:
                        break
        if problem is None:
            return Outcome(True, M.GRADE_OK)
        message = problem + " " + describe_inputs(data, self.arg_names)
        if spec.note:
            message += " " + spec.note
        return Outcome(False, message)

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
            if not isinstance(got, (int, float)) or not math.isclose(
                got, expected, rel_tol=1e-6, abs_tol=1e-9
            ):
                return M.CMP_SCALAR.format(what=what, expected=expected, actual=got)
            return None
        if got != expected:
            return M.CMP_SCALAR.format(what=what, expected=expected, actual=got)
        return None

    def _check_inputs(self, data: Inputs, after: list[Any]) -> str | None:
        for i, (before, now) in enumerate(zip(data.args, after)):
            if isinstance(before, torch.Tensor) and isinstance(now, RemoteTensor):
                if not same_tensor(before, now.tensor):
                    return M.CMP_INPUT_CHANGED.format(name=self._arg_name(i))
        return None


def upstream_gradient(seed: int, shape, dtype: torch.dtype) -> torch.Tensor:
    """The gradient fed into backward(): the same in the learner's process and the reference."""
    g = torch.Generator().manual_seed(seed + 1)
    return torch.randn(tuple(shape), generator=g, dtype=dtype)
