"""Grading a learner's `nn.Module` against PyTorch's: structure, state and behaviour, step by step.

A `ModuleGrader` is data, like `FunctionGrader`. Each case says how to build the module
(constructor arguments) and which calls to make on it ("steps": train or eval mode, inputs,
back-propagate or not). The engine's driver in the learner's process builds the module under
`torch.manual_seed`, records its parameters, buffers and plain tensor attributes, then loads
seeded values that the grader draws (not the learner's own initial values, which are only
judged by `init_check`: a module that starts from NaN must not make the reference produce
NaN too) and runs the steps, returning per step the output, the input and parameter
gradients and the state afterwards. The grading job builds the reference module, checks the
structure (names, kinds, shapes, dtypes), loads the same seeded values, runs the same steps
and compares everything after every step. Random modules (dropout) mark their steps `custom`
and are judged by a function of the grader file instead of by the reference.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from tutor import messages as M
from tutor.grading.compare import (
    RemoteTensor,
    check_tensor,
    describe_type,
    format_index,
    format_shape,
    same_tensor,
    tolerances,
)
from tutor.grading.driver.seeded import fresh_value, step_upstream
from tutor.grading.spec import (
    Case,
    Grader,
    GraderFault,
    Inputs,
    Outcome,
    PreparedCase,
    compare_outputs,
    expand_cases,
    to_device,
)

MISSING = "__missing__"  # an attribute the learner's module does not have


# ---------------------------------------------------------------------------------------------
# What a case is made of
# ---------------------------------------------------------------------------------------------


@dataclass
class Step:
    """One call of the module: its mode, its inputs, and what happens around it."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    train: bool = True  # module.train() before the call; False: module.eval()
    backward: bool = True  # back-propagate a seeded upstream gradient through the output
    reload: bool = False  # first load fresh seeded values into every entry of state_dict()
    custom: bool = False  # judged by the grader's `check_step`, not by the reference


def train_step(
    *args: Any, backward: bool = True, reload: bool = False, custom: bool = False, **kwargs: Any
) -> Step:
    return Step(args, kwargs, train=True, backward=backward, reload=reload, custom=custom)


def eval_step(
    *args: Any, backward: bool = True, reload: bool = False, custom: bool = False, **kwargs: Any
) -> Step:
    return Step(args, kwargs, train=False, backward=backward, reload=reload, custom=custom)


@dataclass
class ModuleData:
    init: Inputs
    steps: list[Step]


def module_case(init: Inputs, *steps: Step) -> ModuleData:
    """What a `Case.make` of a ModuleGrader returns: constructor arguments and the steps."""
    return ModuleData(init, list(steps))


@dataclass
class StepContext:
    """What `check_step` and `diagnose` get to judge one step."""

    index: int
    step: Step
    init: dict[str, Any]  # constructor arguments by name
    inputs: list[torch.Tensor]  # the step's tensor inputs (flattened), on the grading device
    input_names: list[str]
    got: Any  # the learner's output, decoded (RemoteTensor, tuple of them, ...)
    got_grads: list[Any]  # the learner's input gradients, one per floating input (or None)
    upstream: list[torch.Tensor]  # the gradient fed into backward(), one per output tensor
    expected: Any = None  # the reference's output (None for custom steps)
    state: dict[str, torch.Tensor] = field(default_factory=dict)  # reference state before the step
    previous: list[Any] = field(default_factory=list)  # the learner's outputs of earlier steps
    device: torch.device = torch.device("cpu")


# ---------------------------------------------------------------------------------------------
# Small helpers shared by both sides
# ---------------------------------------------------------------------------------------------


def _tensor_leaves(value: Any, name: str) -> list[tuple[str, torch.Tensor]]:
    """Tensors nested in tuples/lists/dicts, named like `state[0]`, in a fixed order."""
    if isinstance(value, torch.Tensor):
        return [(name, value)]
    if isinstance(value, (tuple, list)):
        found = []
        for i, v in enumerate(value):
            found += _tensor_leaves(v, f"{name}[{i}]")
        return found
    if isinstance(value, dict):
        found = []
        for k, v in value.items():
            found += _tensor_leaves(v, f"{name}[{k!r}]")
        return found
    return []


def _step_leaves(
    step_args: tuple, step_kwargs: dict, names: Sequence[str]
) -> list[tuple[str, torch.Tensor]]:
    leaves = []
    for i, value in enumerate(step_args):
        leaves += _tensor_leaves(value, names[i] if i < len(names) else f"arg{i}")
    for k, value in step_kwargs.items():
        leaves += _tensor_leaves(value, k)
    return leaves


def _outputs(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (tuple, list)) else [value]


def _join(names: Sequence[str]) -> str:
    return ", ".join(names) if names else M.MOD_NONE


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# ---------------------------------------------------------------------------------------------
# Ready-made checks for grader files
# ---------------------------------------------------------------------------------------------


InitCheck = Callable[[dict[str, Any], dict[str, torch.Tensor]], "str | None"]


def init_within(
    bound: Callable[[dict[str, Any]], float], label: str, spread: Sequence[str] = ("weight",)
) -> InitCheck:
    """An `init_check`: every floating entry within ±bound, and the `spread` ones not constant.

    `label` says how the bound is computed (e.g. "1/√in_features"), for the message.
    """

    def check(init: dict[str, Any], state: dict[str, torch.Tensor]) -> str | None:
        limit = bound(init)
        for name, value in state.items():
            if not value.dtype.is_floating_point or value.numel() == 0:
                continue
            largest = float(value.detach().abs().max())
            if largest > limit * (1 + 1e-5):
                return M.MOD_INIT_OUT_OF_RANGE.format(
                    name=name, bound=limit, label=label, largest=largest
                )
        for name in spread:
            value = state.get(name)
            if value is None or value.numel() < 8:
                continue
            # U(-b, b) has std b/√3 ≈ 0.58·b; a constant or all-zero start has std 0.
            std = float(value.detach().double().std())
            if std < 0.05 * limit:
                return M.MOD_INIT_NOT_SPREAD.format(name=name, std=std, bound=limit, label=label)
        return None

    return check


def init_constant(values: dict[str, float]) -> InitCheck:
    """An `init_check`: each named entry starts equal to its constant everywhere (e.g. BatchNorm)."""

    def check(init: dict[str, Any], state: dict[str, torch.Tensor]) -> str | None:
        for name, constant in values.items():
            value = state.get(name)
            if value is None or value.numel() == 0:
                continue
            wrong = value.detach().double() != constant
            if bool(wrong.any()):
                first = int(wrong.reshape(-1).nonzero()[0])
                return M.MOD_INIT_CONSTANT.format(
                    name=name,
                    value=constant,
                    actual=float(value.reshape(-1)[first]),
                    index=format_index(first, tuple(value.shape)),
                )
        return None

    return check


# ---------------------------------------------------------------------------------------------
# The grader
# ---------------------------------------------------------------------------------------------

StateMap = Callable[[dict[str, tuple[int, ...]], nn.Module], "dict[str, str] | str"]


class ModuleGrader(Grader):
    """Grades an `nn.Module` class against a reference module, step by step.

    - `reference(*init.args, **init.kwargs)` builds the reference module (e.g. `nn.Linear`).
    - By default the learner's parameters and buffers must carry the reference's names, kinds,
      shapes and dtypes (`shape_docs` explains a shape in the message; `optional_buffers` may be
      left out). With `state_map`, names are free: it maps the learner's parameter shapes (in
      registration order) to `{reference key: learner key}`, or returns a Turkish message.
    - `attributes`: names that must be `None` on the learner's module wherever they are `None`
      on the reference (e.g. `bias` of `Linear(..., bias=False)`).
    - `init_check(init, state)` judges the initial values of the parameters and buffers, by the
      learner's names (see `init_within`, `init_constant`).
    - `check_step(ctx)` judges the `custom` steps; `diagnose(ctx)` may add an explanation to a
      step whose output differs from the reference's.
    """

    def __init__(
        self,
        *,
        symbol: str,
        reference: Callable[..., nn.Module],
        cases: Sequence[Case],
        init_names: Sequence[str] = (),
        forward_names: Sequence[str] = ("x",),
        output_names: Sequence[str] = (),
        shape_docs: dict[str, str] | None = None,
        optional_buffers: Sequence[str] = (),
        attributes: Sequence[str] = (),
        state_map: StateMap | None = None,
        init_check: InitCheck | None = None,
        check_step: Callable[[StepContext], str | None] | None = None,
        diagnose: Callable[[StepContext], str | None] | None = None,
        forbidden: Sequence[str] = (),
        forbidden_names: Sequence[str] = (),
        forbidden_operators: Sequence[str] = (),
        forbidden_ops: Sequence[str] = (),
        check_grad: bool = True,
        keep_initial: bool = False,
    ):
        self.symbols = (symbol,)
        self.symbol = symbol
        self.reference = reference
        self.keep_initial = keep_initial
        self.cases = list(cases)
        self.init_names = tuple(init_names)
        self.forward_names = tuple(forward_names)
        self.output_names = tuple(output_names)
        self.shape_docs = dict(shape_docs or {})
        self.optional_buffers = frozenset(optional_buffers)
        self.attributes = tuple(attributes)
        self.state_map = state_map
        self.init_check = init_check
        self.check_step = check_step
        self.diagnose = diagnose
        self.set_forbidden(forbidden, forbidden_names, forbidden_operators, forbidden_ops)
        self.check_grad = check_grad

    # -- in the grading job, before the learner's process exists ---------------------------
    def build_cases(self, seed: int) -> list[PreparedCase]:
        def validate(spec: Case, data: Any) -> None:
            if not isinstance(data, ModuleData):
                raise TypeError(f"case '{spec.name}': make() must return module_case(...)")

        return expand_cases(self.cases, seed, validate)

    def _wants_grad(self, case: PreparedCase, step: Step) -> bool:
        default = self.check_grad if case.spec.grad is None else case.spec.grad
        return default and step.backward

    def _reloads(self, index: int, step: Step) -> bool:
        """Step 0 always starts from seeded values the grader draws (unless the grader keeps
        the learner's initial values); later steps when they say so."""
        return step.reload or (index == 0 and not self.keep_initial)

    # -- what the driver does in the learner's process ------------------------------------------
    def plan(self, case: PreparedCase, device: torch.device) -> dict[str, Any]:
        data: ModuleData = case.data
        steps = []
        for index, step in enumerate(data.steps):
            steps.append(
                {
                    "args": list(step.args),
                    "kwargs": dict(step.kwargs),
                    "train": step.train,
                    "backward": step.backward,
                    "reload": self._reloads(index, step),
                }
            )
        default = self.check_grad if case.spec.grad is None else case.spec.grad
        return {
            "kind": "module",
            "symbol": self.symbol,
            "seed": case.seed,
            "init_args": list(data.init.args),
            "init_kwargs": dict(data.init.kwargs),
            "attributes": list(self.attributes),
            "grad": bool(default),
            "steps": steps,
        }

    # -- in the grading job, after the learner's process has ended --------------------------------
    def check_case(self, case: PreparedCase, result: Any, device: torch.device) -> Outcome:
        problem = self._judge(case, result, device)
        if problem is None:
            return Outcome(True, M.GRADE_OK)
        message = problem + " " + self.describe_case(case)
        if case.spec.note:
            message += " " + case.spec.note
        return Outcome(False, message)

    def init_args(self, init: Inputs) -> dict[str, Any]:
        named = {
            self.init_names[i] if i < len(self.init_names) else f"arg{i}": v
            for i, v in enumerate(init.args)
        }
        named.update(init.kwargs)
        return named

    def _judge(self, case: PreparedCase, result: Any, device: torch.device) -> str | None:
        data: ModuleData = case.data
        if not isinstance(result, dict) or result.get("kind") not in (
            "module",
            "not_module",
            "no_forward",
        ):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(result))
        if result["kind"] == "not_module":
            return M.MOD_NOT_MODULE.format(symbol=self.symbol, type=result.get("type"))
        if result["kind"] == "no_forward":
            return M.MOD_NO_FORWARD.format(symbol=self.symbol)

        params = result.get("params")
        buffers = result.get("buffers")
        for table in (params, buffers, result.get("plain") or {}):
            if not isinstance(table, dict) or not all(
                isinstance(k, str) and isinstance(v, RemoteTensor) for k, v in table.items()
            ):
                return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(table))
        torch.manual_seed(case.seed)
        try:
            ref = self.reference(*data.init.args, **data.init.kwargs).to(device)
        except Exception as exc:  # noqa: BLE001 - the pack's reference, not the learner
            raise GraderFault(f"referans modül: {type(exc).__name__}: {exc}") from exc
        learner_state = {**params, **buffers}

        if self.state_map is None:
            problem = self._check_structure(ref, result)
            if problem:
                return problem
            mapping = {k: k for k in ref.state_dict() if k in learner_state}
        else:
            problem = self._check_count(ref, params)
            if problem:
                return problem
            mapped = self.state_map({k: tuple(v.tensor.shape) for k, v in params.items()}, ref)
            if isinstance(mapped, str):
                return mapped
            mapping = mapped
            problem = self._check_mapped_kinds(ref, mapping, learner_state)
            if problem:
                return problem

        # The reference starts from the learner's initial state.
        ref_state = ref.state_dict()
        loaded = dict(ref_state)
        for key, lkey in mapping.items():
            loaded[key] = learner_state[lkey].tensor.to(device)
        ref.load_state_dict(loaded)

        for name, value in learner_state.items():
            tensor = value.tensor
            if (tensor.is_floating_point() or tensor.is_complex()) and not bool(
                torch.isfinite(tensor).all()
            ):
                return M.MOD_INIT_NONFINITE.format(name=name)
        if self.init_check is not None:
            problem = self.init_check(
                self.init_args(data.init), {k: v.tensor for k, v in learner_state.items()}
            )
            if problem:
                return problem

        steps = result.get("steps") or []
        if not isinstance(steps, list) or not all(isinstance(g, dict) for g in steps):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(steps))
        if len(steps) != len(data.steps):
            return M.GRADE_UNEXPECTED_VALUE.format(exc=describe_type(steps))
        previous: list[Any] = []
        for index, (step, got) in enumerate(zip(data.steps, steps)):
            problem = self._check_step(
                case, index, step, got, ref, mapping, learner_state, previous, device
            )
            if problem:
                mode = M.MOD_MODE_TRAIN if step.train else M.MOD_MODE_EVAL
                if step.reload:
                    mode += M.MOD_AFTER_RELOAD
                return M.MOD_STEP.format(index=index + 1, mode=mode, problem=problem)
            previous.append(got.get("out"))
        return None

    # -- structure ------------------------------------------------------------------------------
    def _check_structure(self, ref: nn.Module, result: dict[str, Any]) -> str | None:
        params: dict[str, RemoteTensor] = result["params"]
        buffers: dict[str, RemoteTensor] = result["buffers"]
        plain: dict[str, RemoteTensor] = result.get("plain") or {}
        ref_params = dict(ref.named_parameters())
        ref_buffers = dict(ref.named_buffers())

        # Kinds first: a parameter kept as a buffer or a plain tensor, a buffer kept as a parameter.
        for name in ref_params:
            if name in params:
                continue
            if name in buffers:
                return M.MOD_PARAM_AS_BUFFER.format(name=name)
            if name in plain:
                return M.MOD_PLAIN_PARAM.format(name=name)
        for name in ref_buffers:
            if name in buffers or name in self.optional_buffers:
                continue
            if name in params:
                return M.MOD_BUFFER_AS_PARAM.format(name=name)
            if name in plain:
                return M.MOD_PLAIN_BUFFER.format(name=name)
        if not params and ref_params and plain:
            return M.MOD_PLAIN_PARAM.format(name=", ".join(plain))

        missing = [n for n in ref_params if n not in params]
        unexpected = [n for n in params if n not in ref_params]
        if missing or unexpected:
            return M.MOD_PARAM_NAMES.format(
                expected=_join(list(ref_params)),
                actual=_join(list(params)),
                missing=_join(missing),
                unexpected=_join(unexpected),
            )
        missing = [n for n in ref_buffers if n not in buffers and n not in self.optional_buffers]
        unexpected = [n for n in buffers if n not in ref_buffers]
        if missing:
            return M.MOD_MISSING_BUFFER.format(name=missing[0])
        if unexpected:
            return M.MOD_UNEXPECTED_BUFFER.format(
                names=_join(unexpected), expected=_join(list(ref_buffers))
            )

        for kind, learner, expected in (
            ("param", params, ref_params),
            ("buffer", buffers, ref_buffers),
        ):
            for name, ref_value in expected.items():
                if name not in learner:
                    continue
                problem = self._check_entry(name, learner[name], ref_value, kind == "param")
                if problem:
                    return problem

        ref_keys = list(ref.state_dict().keys())
        state_keys = list(result.get("state_keys") or [])
        missing = [k for k in ref_keys if k not in state_keys and k not in self.optional_buffers]
        unexpected = [k for k in state_keys if k not in ref_keys]
        if missing or unexpected:
            return M.MOD_STATE_KEYS.format(missing=_join(missing), unexpected=_join(unexpected))

        attributes = result.get("attributes") or {}
        for name in self.attributes:
            if getattr(ref, name, MISSING) is not None:
                continue
            value = attributes.get(name, MISSING)
            if isinstance(value, str) and value == MISSING:
                return M.MOD_ATTR_MISSING.format(name=name)
            if value is not None:
                return M.MOD_SHOULD_BE_NONE.format(name=name, actual=_kind(value))
        return None

    def _check_entry(
        self, name: str, got: RemoteTensor, expected: torch.Tensor, is_param: bool
    ) -> str | None:
        if tuple(got.tensor.shape) != tuple(expected.shape):
            doc = self.shape_docs.get(name)
            return M.MOD_SHAPE.format(
                name=name,
                expected=format_shape(expected.shape),
                doc=f" ({doc})" if doc else "",
                actual=format_shape(got.tensor.shape),
            )
        if got.tensor.dtype != expected.dtype:
            return M.MOD_DTYPE.format(name=name, expected=expected.dtype, actual=got.tensor.dtype)
        if is_param and not got.requires_grad:
            return M.MOD_NO_REQUIRES_GRAD.format(name=name)
        return None

    def _check_count(self, ref: nn.Module, params: dict[str, RemoteTensor]) -> str | None:
        expected = sum(p.numel() for p in ref.parameters())
        actual = sum(p.tensor.numel() for p in params.values())
        if expected != actual:
            return M.MOD_PARAM_COUNT.format(
                expected=_thousands(expected), actual=_thousands(actual)
            )
        return None

    def _check_mapped_kinds(
        self, ref: nn.Module, mapping: dict[str, str], learner_state: dict[str, RemoteTensor]
    ) -> str | None:
        ref_params = dict(ref.named_parameters())
        ref_state = ref.state_dict()
        for key, lkey in mapping.items():
            problem = self._check_entry(
                lkey, learner_state[lkey], ref_state[key], key in ref_params
            )
            if problem:
                return problem
        return None

    # -- one step ---------------------------------------------------------------------------------
    def _check_step(
        self,
        case: PreparedCase,
        index: int,
        step: Step,
        got: dict[str, Any],
        ref: nn.Module,
        mapping: dict[str, str],
        learner_state: dict[str, RemoteTensor],
        previous: list[Any],
        device: torch.device,
    ) -> str | None:
        spec: Case = case.spec
        if self._reloads(index, step):
            fresh = dict(ref.state_dict())
            for key, lkey in mapping.items():
                value = learner_state[lkey].tensor
                if value.dtype.is_floating_point:
                    fresh[key] = fresh_value(case.seed, index, lkey, value.shape, value.dtype).to(
                        device
                    )
            ref.load_state_dict(fresh)
        ref.train(step.train)
        state_before = {k: v.detach().clone() for k, v in ref.state_dict().items()}
        args = list(to_device(step.args, device))
        kwargs = to_device(step.kwargs, device)
        named_leaves = _step_leaves(tuple(args), kwargs, self.forward_names)
        wants_grad = self._wants_grad(case, step)
        grad_leaves = (
            [(n, t) for n, t in named_leaves if t.dtype.is_floating_point] if wants_grad else []
        )
        for _, t in grad_leaves:
            t.requires_grad_(True)
        out = got.get("out")
        got_outs = _outputs(out)
        upstream = [
            step_upstream(case.seed, index, k, o.tensor.shape, o.tensor.dtype).to(device)
            for k, o in enumerate(got_outs)
            if isinstance(o, RemoteTensor)
        ]
        ctx = StepContext(
            index=index,
            step=step,
            init=self.init_args(case.data.init),
            inputs=[t.detach() for _, t in named_leaves],
            input_names=[n for n, _ in named_leaves],
            got=out,
            got_grads=list(got.get("input_grads") or []),
            upstream=upstream,
            state=state_before,
            previous=previous,
            device=device,
        )

        if step.custom:
            if self.check_step is None:
                raise TypeError("a custom step needs check_step")
            problem = self.check_step(ctx)
            if problem:
                return problem
            problem = self._check_inputs(step, got.get("inputs_after") or [])
            if problem:
                return problem
        else:
            expected = ref(*args, **kwargs)
            ctx.expected = _detached(expected)
            problem = self._compare_outputs(out, expected, spec)
            if problem:
                extra = self.diagnose(ctx) if self.diagnose is not None else None
                return problem + (" " + extra if extra else "")
            problem = self._check_inputs(step, got.get("inputs_after") or [])
            if problem:
                return problem
            exp_outs = [
                o for o in _outputs(expected) if isinstance(o, torch.Tensor) and o.requires_grad
            ]
            if grad_leaves and exp_outs:
                problem = self._check_grads(
                    case, index, got, expected, grad_leaves, ref, mapping, spec, device
                )
                if problem:
                    return problem
        for p in ref.parameters():
            p.grad = None
        return self._check_state(got.get("state") or {}, ref, mapping, spec)

    def _compare_outputs(self, got: Any, expected: Any, spec: Case) -> str | None:
        return compare_outputs(
            got,
            expected,
            self.output_names,
            lambda g, e, what: self._compare_tensor(g, e, what, spec),
        )

    def _compare_tensor(
        self, got: Any, expected: torch.Tensor, what: str, spec: Case, grad: bool = False
    ) -> str | None:
        atol, rtol = tolerances(expected.dtype)
        if grad:
            atol, rtol = atol * 10, rtol * 10
        atol = spec.atol if spec.atol is not None else atol
        rtol = spec.rtol if spec.rtol is not None else rtol
        return check_tensor(
            got, expected, what, atol=atol, rtol=rtol, expected_device=str(expected.device)
        )

    def _check_inputs(self, step: Step, after: list[Any]) -> str | None:
        before = _step_leaves(step.args, step.kwargs, self.forward_names)
        for (name, original), now in zip(before, after):
            if isinstance(now, RemoteTensor) and not same_tensor(original, now.tensor):
                return M.CMP_INPUT_CHANGED.format(name=name)
        return None

    def _check_grads(
        self, case, index, got, expected, grad_leaves, ref, mapping, spec, device
    ) -> str | None:
        outs = [o for o in _outputs(got.get("out"))]
        exp = _outputs(expected)
        pairs = [
            (e, step_upstream(case.seed, index, k, e.shape, e.dtype).to(device))
            for k, e in enumerate(exp)
            if isinstance(e, torch.Tensor) and e.requires_grad
        ]
        for k, e in enumerate(exp):
            if isinstance(e, torch.Tensor) and e.requires_grad:
                o = outs[k] if k < len(outs) else None
                if isinstance(o, RemoteTensor) and not o.requires_grad:
                    what = (
                        self.output_names[k]
                        if isinstance(expected, (tuple, list)) and k < len(self.output_names)
                        else M.WHAT_OUTPUT
                    )
                    return M.CMP_DETACHED.format(what=what.capitalize())
        torch.autograd.backward([e for e, _ in pairs], [g for _, g in pairs])
        got_input_grads = list(got.get("input_grads") or [])
        for i, (name, leaf) in enumerate(grad_leaves):
            if leaf.grad is None:
                continue
            g = got_input_grads[i] if i < len(got_input_grads) else None
            if g is None:
                return M.CMP_NO_GRAD.format(name=name)
            problem = self._compare_tensor(
                g, leaf.grad, M.WHAT_GRAD.format(name=name), spec, grad=True
            )
            if problem:
                return problem
        got_param_grads = got.get("param_grads") or {}
        for name, param in ref.named_parameters():
            if param.grad is None or name not in mapping:
                continue
            lname = mapping[name]
            g = got_param_grads.get(lname)
            if g is None:
                return M.MOD_NO_PARAM_GRAD.format(name=lname)
            problem = self._compare_tensor(
                g, param.grad, M.MOD_WHAT_PARAM_GRAD.format(name=lname), spec, grad=True
            )
            if problem:
                return problem
        return None

    def _check_state(
        self, state: dict[str, Any], ref: nn.Module, mapping: dict[str, str], spec: Case
    ) -> str | None:
        ref_state = ref.state_dict()
        buffers = dict(ref.named_buffers())
        for key, lkey in mapping.items():
            got = state.get(lkey)
            if key in buffers and isinstance(got, RemoteTensor) and got.requires_grad:
                return M.MOD_BUFFER_IN_GRAPH.format(name=lkey)
            problem = self._compare_tensor(
                got, ref_state[key], M.MOD_WHAT_STATE.format(name=lkey), spec
            )
            if problem:
                return problem
        return None

    # -- descriptions -----------------------------------------------------------------------------
    def describe_case(self, case: PreparedCase) -> str:
        data: ModuleData = case.data
        parts = [repr(v) for v in data.init.args] + [
            f"{k}={v!r}" for k, v in data.init.kwargs.items()
        ]
        ctor = f"{self.symbol}({', '.join(parts)})"
        steps = []
        for step in data.steps:
            shown = ", ".join(self._describe_args(step)) or M.MOD_NONE
            mode = M.MOD_SHORT_TRAIN if step.train else M.MOD_SHORT_EVAL
            steps.append(f"{mode} [{shown}]")
        return M.MOD_CASE.format(
            ctor=ctor, steps="; ".join(f"{i + 1}) {s}" for i, s in enumerate(steps))
        )

    def _describe_args(self, step: Step) -> list[str]:
        parts = []
        for i, value in enumerate(step.args):
            parts += _describe_leaves(
                value, self.forward_names[i] if i < len(self.forward_names) else f"arg{i}"
            )
        for k, value in step.kwargs.items():
            parts += _describe_leaves(value, k)
        return parts


def _describe_leaves(value: Any, name: str) -> list[str]:
    if value is None:
        return [f"{name}=None"]
    return [f"{n}: {format_shape(t.shape)}" for n, t in _tensor_leaves(value, name)]


def _kind(value: Any) -> str:
    if isinstance(value, RemoteTensor):
        return M.MOD_KIND_PARAMETER if value.is_parameter else M.KIND_TENSOR
    if isinstance(value, dict) and "type" in value:
        return str(value["type"])
    return describe_type(value)


def _detached(value: Any) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach()
    if isinstance(value, (tuple, list)):
        return type(value)(_detached(v) for v in value)
    return value


__all__ = [
    "ModuleData",
    "ModuleGrader",
    "Step",
    "StepContext",
    "eval_step",
    "fresh_value",
    "init_constant",
    "init_within",
    "module_case",
    "step_upstream",
    "train_step",
]
