"""What the driver does with one case, by kind: call a function, drive a module, run an
optimizer. Each case arrives as data; each returns data. Window = the learner's code runs."""

from __future__ import annotations

import ast
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from tutor.grading.driver import script
from tutor.grading.driver.guard import Forbidden, Guard
from tutor.grading.driver.seeded import fresh_value, step_upstream, upstream_gradient


@dataclass
class Context:
    namespace: dict[str, Any]
    guard: Guard
    device: torch.device
    learner_file: str
    source: str
    progress: Callable[[dict], None] | None = None

    def class_line(self, name: str) -> int | None:
        try:
            tree = ast.parse(self.source)
        except (SyntaxError, ValueError):
            return None
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                return node.lineno
        return None


def run_case(ctx: Context, case: dict) -> Any:
    handler = KINDS.get(str(case.get("kind")))
    if handler is None:
        raise ValueError(f"unknown case kind {case.get('kind')!r}")
    return handler(ctx, case)


def to_device(value: Any, device: torch.device) -> Any:
    if isinstance(value, torch.Tensor):
        return value.detach().clone().to(device)
    if isinstance(value, list):
        return [to_device(v, device) for v in value]
    if isinstance(value, tuple):
        return tuple(to_device(v, device) for v in value)
    if isinstance(value, dict):
        return {k: to_device(v, device) for k, v in value.items()}
    return value


# ---------------------------------------------------------------------------------------------
# Functions (FunctionGrader, LossGrader, FunctionClassGrader, …)
# ---------------------------------------------------------------------------------------------


class _FakeCuda:
    """Makes torch.cuda report a device, or none, for an exercise that picks a device."""

    def __init__(self, available: bool | None) -> None:
        self.available = available
        self.saved: tuple[Any, Any] | None = None

    def __enter__(self) -> None:
        if self.available is None:
            return
        self.saved = (torch.cuda.is_available, torch.cuda.device_count)
        available = bool(self.available)
        torch.cuda.is_available = lambda: available
        torch.cuda.device_count = lambda: 1 if available else 0

    def __exit__(self, *exc: Any) -> None:
        if self.saved is not None:
            torch.cuda.is_available, torch.cuda.device_count = self.saved


def _call_symbol(fn: Any, mode: str, args: list, kwargs: dict) -> Any:
    if mode == "apply":
        return fn.apply(*args, **kwargs)
    return fn(*args, **kwargs)


def run_call(ctx: Context, case: dict) -> Any:
    fn = ctx.namespace[case["symbol"]]
    mode = str(case.get("mode", "direct"))
    if mode == "apply":
        if not isinstance(fn, type):
            return {"not_function": "object", "type": type(fn).__name__}
        if not issubclass(fn, torch.autograd.Function):
            return {"not_function": "plain_class", "type": fn.__name__}
    args = list(to_device(list(case.get("args", [])), ctx.device))
    kwargs = to_device(dict(case.get("kwargs", {})), ctx.device)
    grad_idx = [int(i) for i in case.get("grad_args", [])]
    for i in grad_idx:
        args[i].requires_grad_(True)
    with _FakeCuda(case.get("fake_cuda")):
        if case.get("catch"):
            try:
                with ctx.guard.window():
                    out = _call_symbol(fn, mode, args, kwargs)
            except NotImplementedError:
                raise
            except Exception as exc:  # noqa: BLE001 - the kind of exception is what is graded
                return {"raised": type(exc).__name__, "message": str(exc)[:300]}
        else:
            with ctx.guard.window():
                out = _call_symbol(fn, mode, args, kwargs)
    result: dict[str, Any] = {"out": out, "inputs_after": list(args)}
    if (
        grad_idx
        and isinstance(out, torch.Tensor)
        and out.requires_grad
        and (out.is_floating_point() or out.is_complex())
    ):
        upstream = upstream_gradient(int(case["seed"]), out.shape, out.dtype).to(out.device)
        with ctx.guard.window(case.get("backward_calls", ()), ops=False):
            out.backward(upstream)
        result["grads"] = [args[i].grad for i in grad_idx]
    if mode == "apply" and case.get("backward_calls"):
        _watch_backward(ctx, fn, case)
    if case.get("gradcheck"):
        result["gradcheck"] = _gradcheck(ctx, fn, case)
    return result


def _fresh_args(ctx: Context, case: dict) -> tuple[list, dict]:
    args = list(to_device(list(case.get("args", [])), ctx.device))
    for i in case.get("grad_args", []):
        args[int(i)].requires_grad_(True)
    return args, to_device(dict(case.get("kwargs", {})), ctx.device)


def _watch_backward(ctx: Context, cls: Any, case: dict) -> None:
    """Autograd runs a custom backward with torch-function modes off, so the calls forbidden
    inside backward are watched by calling it directly, as autograd would."""
    args, kwargs = _fresh_args(ctx, case)
    with ctx.guard.window():
        out = cls.apply(*args, **kwargs)
    node = out.grad_fn if isinstance(out, torch.Tensor) else None
    if node is None:
        return
    upstream = upstream_gradient(int(case["seed"]), out.shape, out.dtype).to(out.device)
    with torch.no_grad(), ctx.guard.window(case.get("backward_calls", ()), ops=False):
        cls.backward(node, upstream)


def _gradcheck(ctx: Context, cls: Any, case: dict) -> dict[str, Any]:
    from torch.autograd.gradcheck import GradcheckError

    spec = case["gradcheck"]
    args, kwargs = _fresh_args(ctx, case)
    try:
        with ctx.guard.window():
            ok = torch.autograd.gradcheck(
                lambda *a: cls.apply(*a, **kwargs),
                tuple(args),
                eps=float(spec.get("eps", 1e-6)),
                atol=float(spec.get("atol", 1e-5)),
                rtol=float(spec.get("rtol", 1e-3)),
            )
    except GradcheckError as exc:
        lines = str(exc).strip().splitlines() or [type(exc).__name__]
        return {"ok": False, "error": lines[0].rstrip(",. ")[:300]}
    return {"ok": bool(ok), "error": ""}


# ---------------------------------------------------------------------------------------------
# Modules (ModuleGrader)
# ---------------------------------------------------------------------------------------------


def _snapshot(value: Any) -> Any:
    """A copy taken now (later steps change the module in place)."""
    if isinstance(value, nn.Parameter):
        return nn.Parameter(value.detach().clone(), requires_grad=value.requires_grad)
    if isinstance(value, torch.Tensor):
        copy = value.detach().clone()
        return (
            copy.requires_grad_(True) if value.requires_grad and copy.is_floating_point() else copy
        )
    if isinstance(value, dict):
        return {k: _snapshot(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_snapshot(v) for v in value)
    if isinstance(value, list):
        return [_snapshot(v) for v in value]
    return value


def _tensor_leaves(value: Any) -> list[torch.Tensor]:
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in _tensor_leaves(v)]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _tensor_leaves(v)]
    return []


def _probe(module: nn.Module, name: str) -> Any:
    value = getattr(module, name, "__missing__")
    if value is None or isinstance(value, (str, torch.Tensor)):
        return value
    return {"type": type(value).__name__}


def run_module(ctx: Context, case: dict) -> Any:
    cls = ctx.namespace[case["symbol"]]
    seed = int(case["seed"])
    init_args = list(case.get("init_args", []))
    init_kwargs = dict(case.get("init_kwargs", {}))
    line = ctx.class_line(str(case["symbol"]))
    torch.manual_seed(seed)
    with ctx.guard.window():
        module = _attributed(cls, init_args, init_kwargs, ctx, line)
    if not isinstance(module, nn.Module):
        return {"kind": "not_module", "type": type(module).__name__}
    if getattr(type(module), "forward", None) is getattr(nn.Module, "forward", None):
        return {"kind": "no_forward"}
    with ctx.guard.window():
        module.to(ctx.device)
        result: dict[str, Any] = {
            "kind": "module",
            "params": _snapshot(dict(module.named_parameters())),
            "buffers": _snapshot(dict(module.named_buffers())),
            "plain": _snapshot(
                {k: v for k, v in vars(module).items() if isinstance(v, torch.Tensor)}
            ),
            "attributes": {
                str(n): _snapshot(_probe(module, n)) for n in case.get("attributes", [])
            },
            "state_keys": list(module.state_dict().keys()),
            "steps": [],
        }
    wants_grad_default = bool(case.get("grad", True))
    for index, step in enumerate(case.get("steps", [])):
        torch.manual_seed(seed + 1 + index)
        with ctx.guard.window():
            if step.get("reload"):
                fresh = {
                    key: fresh_value(seed, index, key, value.shape, value.dtype).to(value.device)
                    if value.dtype.is_floating_point
                    else value
                    for key, value in module.state_dict().items()
                }
                module.load_state_dict(fresh)
            module.train(bool(step.get("train", True)))
        args = list(to_device(list(step.get("args", [])), ctx.device))
        kwargs = to_device(dict(step.get("kwargs", {})), ctx.device)
        wants_grad = wants_grad_default and bool(step.get("backward", True))
        leaves = _tensor_leaves(args) + _tensor_leaves(kwargs)
        grad_leaves = [t for t in leaves if t.dtype.is_floating_point] if wants_grad else []
        for t in grad_leaves:
            t.requires_grad_(True)
        with ctx.guard.window():
            out = _attributed(module, args, kwargs, ctx, line)
        record: dict[str, Any] = {
            "out": _snapshot(out),
            "inputs_after": [t.detach().clone() for t in leaves],
        }
        outs = list(out) if isinstance(out, (tuple, list)) else [out]
        pairs = [
            (o, step_upstream(seed, index, k, o.shape, o.dtype).to(o.device))
            for k, o in enumerate(outs)
            if isinstance(o, torch.Tensor) and o.is_floating_point() and o.requires_grad
        ]
        if grad_leaves and pairs:
            with ctx.guard.window(ops=False):
                torch.autograd.backward([o for o, _ in pairs], [g for _, g in pairs])
        with ctx.guard.window():
            if wants_grad:
                record["input_grads"] = _snapshot([t.grad for t in grad_leaves])
                record["param_grads"] = _snapshot(
                    {name: p.grad for name, p in module.named_parameters()}
                )
            for p in module.parameters():
                p.grad = None
            record["state"] = _snapshot(
                {**dict(module.named_parameters()), **dict(module.named_buffers())}
            )
        result["steps"].append(record)
    return result


def _attributed(target: Any, args: list, kwargs: dict, ctx: Context, line: int | None) -> Any:
    """Call `target` from a frame that belongs to the learner's file, at the line of the
    learner's class: a forbidden call made by a forward inherited from torch then names
    that line."""
    source = "\n" * ((line or 1) - 1) + "def _call(f, a, k): return f(*a, **k)\n"
    scope: dict[str, Any] = {}
    exec(compile(source, ctx.learner_file, "exec"), scope)  # noqa: S102 - one-line trampoline
    return scope["_call"](target, args, kwargs)


# ---------------------------------------------------------------------------------------------
# Optimizers (OptimizerGrader)
# ---------------------------------------------------------------------------------------------


def _joins_graph(value: Any) -> bool:
    if isinstance(value, torch.Tensor):
        return value.grad_fn is not None
    if isinstance(value, (tuple, list)):
        return any(_joins_graph(v) for v in value)
    return False


class AutogradWatch(TorchFunctionMode):
    """Active during `step()`: the first line of the learner's file whose operation produced a
    tensor with a `grad_fn`, i.e. an update that autograd recorded."""

    def __init__(self, guard: Guard):
        super().__init__()
        self.guard = guard
        self.line: int | None = None
        self.recorded = False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        out = func(*args, **(kwargs or {}))
        if not self.recorded and _joins_graph(out):
            line = self.guard.learner_line()
            if line is not None:
                self.recorded = True
                self.line = line
        return out


class _OptimTripwires:
    """For exercises that forbid torch.optim: in the learner's process, PyTorch's optimizers,
    schedulers and optimizer kernels are replaced by stubs that report and raise. Nothing
    keeps the originals (no wrapper holds them in a closure), so there is no way back to
    them from the learner's code; `torch.optim.Optimizer`, the base class, stays."""

    def __init__(self) -> None:
        self.guard: Guard | None = None
        self.classes: dict[type, str] = {}

    def arm(self, guard: Guard | None) -> None:
        self.guard = guard
        if guard is not None:
            self.block(guard)

    def forbidden_classes(self) -> dict[type, str]:
        import torch.optim
        import torch.optim._functional  # noqa: F401 - loads every functional kernel module
        import torch.optim.lr_scheduler
        import torch.optim.swa_utils  # noqa: F401

        bases: tuple[type, ...] = (
            torch.optim.lr_scheduler.LRScheduler,
            torch.optim.lr_scheduler.ReduceLROnPlateau,
        )
        found: dict[type, str] = {}
        for module_name, module in list(sys.modules.items()):
            if module is None or not module_name.startswith("torch.optim"):
                continue
            for obj in list(vars(module).values()):
                if not isinstance(obj, type):
                    continue
                try:
                    is_optimizer = (
                        issubclass(obj, torch.optim.Optimizer) and obj is not torch.optim.Optimizer
                    )
                    if is_optimizer or issubclass(obj, bases):
                        where = "torch.optim" if is_optimizer else obj.__module__
                        found[obj] = f"{where}.{obj.__name__}"
                except TypeError:
                    continue
        return found

    def install(self) -> None:
        """In the zygote: load what `block` will need, so the learner's process pays nothing."""
        self.classes = self.forbidden_classes()

    def block(self, guard: Guard) -> None:
        import torch.optim

        classes = self.classes or self.forbidden_classes()
        for cls, name in classes.items():
            for method in ("__init__", "step", "get_lr", "_get_closed_form_lr"):
                if method in vars(cls):
                    setattr(cls, method, _stub(guard, name))
        for module_name, module in list(sys.modules.items()):
            if module is None or not module_name.startswith("torch.optim."):
                continue
            for name, obj in list(vars(module).items()):
                if inspect.isfunction(obj) and _is_kernel(name, module_name):
                    setattr(module, name, _stub(guard, f"{module_name}.{name}"))
        assert torch.optim.Optimizer not in classes


def _stub(guard: Guard, name: str) -> Callable:
    def forbidden(*args: Any, **kwargs: Any) -> Any:
        guard.report("call", name, guard.learner_line())
        raise Forbidden(name)

    return forbidden


def _is_kernel(name: str, module_name: str) -> bool:
    base = module_name.rsplit(".", 1)[-1].strip("_")
    return name == base or name.startswith(("_single_tensor_", "_multi_tensor_", "_fused_"))


OPTIM_TRIPWIRES = _OptimTripwires()


def _param_argument(params: list, groups: list | None) -> Any:
    if groups is None:
        return list(params)
    return [dict(group, params=[params[i] for i in group["params"]]) for group in groups]


def _assign_grads(params: list, grads: list, device: torch.device) -> None:
    for p, g in zip(params, grads):
        p.grad = None if g is None else g.detach().clone().to(device)


def run_optimizer(ctx: Context, case: dict) -> Any:
    cls = ctx.namespace[case["symbol"]]
    params = [nn.Parameter(t.detach().clone().to(ctx.device)) for t in case["params"]]
    groups = case.get("groups")
    kwargs = dict(case.get("kwargs", {}))
    watch = AutogradWatch(ctx.guard)
    steps: list[list[torch.Tensor]] = []
    not_leaf: dict[str, Any] | None = None
    result: dict[str, Any] = {"steps": steps}
    with torch.enable_grad():
        with ctx.guard.window():
            optimizer = cls(_param_argument(params, groups), **kwargs)
        for step, grads in enumerate(case["grads"], start=1):
            with ctx.guard.window():
                optimizer.zero_grad()
            _assign_grads(params, grads, ctx.device)
            try:
                with ctx.guard.window(), watch:
                    optimizer.step()
            except RuntimeError as exc:
                if "leaf Variable that requires grad" not in str(exc):
                    raise
                line = None
                tb = exc.__traceback__
                while tb is not None:
                    if tb.tb_frame.f_code.co_filename == ctx.learner_file:
                        line = tb.tb_lineno
                    tb = tb.tb_next
                result["leaf_inplace"] = line if line is not None else -1
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
        if case.get("check_zero_grad", True):
            with ctx.guard.window():
                optimizer.zero_grad()
            result["cleared"] = [
                None if p.grad is None else bool((p.grad == 0).all()) for p in params
            ]
    result["graph_line"] = watch.line if watch.recorded else None
    result["graph_recorded"] = watch.recorded
    result["not_leaf"] = not_leaf
    return result


def run_script(ctx: Context, case: dict) -> Any:
    env = script.Environment(
        objects=dict(ctx.namespace),
        device=ctx.device,
        window=ctx.guard.window,
        progress=ctx.progress,
        transfer=True,
    )
    return script.run(env, list(case.get("ops", [])))


KINDS: dict[str, Callable[[Context, dict], Any]] = {
    "call": run_call,
    "module": run_module,
    "optimizer": run_optimizer,
    "script": run_script,
}
