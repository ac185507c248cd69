"""Scripts: how loops are graded by what they do, step by step.

A loop exercise (a training step, an evaluation, a whole `fit`, a Trainer, a dataset, a seed
function, ...) is graded by handing the learner's code objects that record what happens to
them, and by running the same script with the reference implementation in the grading job.
A case of kind `"script"` is data:

    {"kind": "script", "seed": ..., "device": ..., "ops": [op, op, ...]}

Each op builds an object, calls the learner's code, or records something. Values in an op may
refer to objects built earlier: `("$ref", "model")`. The ops, in order, run in an environment
that starts with the learner's symbols (by name). What comes back is data:

    {"events": [...], "records": {name: value, ...}}

`events` is what the recording objects saw, in order: `{"e": "ileri", "training": True,
"grad": True, ...}`, `{"e": "kayıp", "value": 1.23, ...}`, `{"e": "geri"}`, `{"e": "adım"}`,
`{"e": "zero_grad", "by": "optimizer"}`, `{"e": "çağrı", "n": 2}`, ... `records` holds what the
ops asked to keep (a returned value, the parameters after a call, an attribute).

The interpreter imports only torch, numpy and the standard library; the grading job runs the
very same code for the reference, so both runs build their objects the same way. Nothing a
recording object sees decides a verdict on its own: the pass rests on values (parameters,
predictions, returned numbers) that the trusted side compares with the reference run's.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

CURVE_LIMIT = 20_000


def ref(name: str) -> tuple[str, str]:
    """A reference to an object built earlier in the same script."""
    return ("$ref", name)


@dataclass
class Environment:
    objects: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    records: dict[str, Any] = field(default_factory=dict)
    device: torch.device = torch.device("cpu")
    window: Callable[[], Any] = contextlib.nullcontext
    progress: Callable[[dict], None] | None = None
    # In the learner's process an exported object leaves as bytes (for the next stage, a new
    # process); in the grading job's reference run it simply stays in `objects`.
    transfer: bool = False
    watch: _TrainingWatch | None = None

    def log(self, name: str, **data: Any) -> None:
        if len(self.events) < 200_000:
            self.events.append({"e": name, **data})

    def resolve(self, value: Any) -> Any:
        if isinstance(value, tuple) and len(value) == 2 and value[0] == "$ref":
            return self.objects[value[1]]
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(v) for v in value)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        if isinstance(value, torch.Tensor):
            return value.to(self.device)
        return value


# ---------------------------------------------------------------------------------------------
# Recording objects
# ---------------------------------------------------------------------------------------------

LAYERS: dict[str, Callable[..., nn.Module]] = {
    "Linear": nn.Linear,
    "ReLU": nn.ReLU,
    "Tanh": nn.Tanh,
    "Sigmoid": nn.Sigmoid,
    "Dropout": nn.Dropout,
    "Flatten": nn.Flatten,
    "Conv2d": nn.Conv2d,
    "MaxPool2d": nn.MaxPool2d,
    "BatchNorm1d": nn.BatchNorm1d,
    "Identity": nn.Identity,
}


def build_layers(layers: list) -> nn.Sequential:
    modules = []
    for layer in layers:
        name, *args = layer
        kwargs = {}
        if args and isinstance(args[-1], dict):
            kwargs = args.pop()
        modules.append(LAYERS[name](*args, **kwargs))
    return nn.Sequential(*modules)


def _autocast_state(device: torch.device) -> tuple[bool, str]:
    kind = device.type
    try:
        enabled = torch.is_autocast_enabled(kind)
        dtype = torch.get_autocast_dtype(kind) if enabled else None
    except (TypeError, RuntimeError, AttributeError):
        enabled, dtype = torch.is_autocast_enabled(), None
    return bool(enabled), str(dtype).replace("torch.", "") if dtype is not None else ""


class RecordingModel(nn.Module):
    """A small network whose forward, mode changes, zero_grad and backward are logged."""

    def __init__(self, net: nn.Sequential, env: Environment) -> None:
        super().__init__()
        self.net = net
        object.__setattr__(self, "_env", env)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        env: Environment = object.__getattribute__(self, "_env")
        autocast, dtype = _autocast_state(env.device)
        env.log(
            "ileri",
            training=bool(self.training),
            grad=torch.is_grad_enabled(),
            autocast=autocast,
            autocast_dtype=dtype,
            batch=int(x.shape[0]) if isinstance(x, torch.Tensor) and x.dim() else 0,
            param_dtypes=sorted({str(p.dtype).replace("torch.", "") for p in self.parameters()}),
        )
        out = self.net(x)
        if isinstance(out, torch.Tensor) and out.requires_grad:

            def reached(grad: torch.Tensor) -> None:
                on, _ = _autocast_state(env.device)
                env.log("geri", autocast=on)

            out.register_hook(reached)
        return out

    def train(self, mode: bool = True) -> RecordingModel:
        env: Environment = object.__getattribute__(self, "_env")
        env.log("kip", training=bool(mode))
        return super().train(mode)

    def zero_grad(self, set_to_none: bool = True) -> None:
        object.__getattribute__(self, "_env").log("zero_grad", by="model")
        super().zero_grad(set_to_none=set_to_none)


LOSSES: dict[str, Callable[..., nn.Module]] = {
    "CrossEntropyLoss": nn.CrossEntropyLoss,
    "MSELoss": nn.MSELoss,
    "L1Loss": nn.L1Loss,
    "BCEWithLogitsLoss": nn.BCEWithLogitsLoss,
    "NLLLoss": nn.NLLLoss,
}


class RecordingLoss(nn.Module):
    def __init__(self, inner: nn.Module, env: Environment, scale: float = 1.0) -> None:
        super().__init__()
        self.inner = inner
        self.scale = scale
        object.__setattr__(self, "_env", env)

    def forward(self, prediction: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
        env: Environment = object.__getattribute__(self, "_env")
        autocast, dtype = _autocast_state(env.device)
        loss = self.inner(prediction, target)
        if self.scale != 1.0:
            loss = loss * self.scale
        value = float(loss.detach().float().mean()) if isinstance(loss, torch.Tensor) else math.nan
        env.log(
            "kayıp",
            value=value,
            grad=torch.is_grad_enabled(),
            autocast=autocast,
            autocast_dtype=dtype,
            input_dtype=str(getattr(prediction, "dtype", "")).replace("torch.", ""),
            batch=int(prediction.shape[0]) if getattr(prediction, "dim", lambda: 0)() else 0,
        )
        if isinstance(loss, torch.Tensor) and loss.requires_grad:

            def arrived(grad: torch.Tensor) -> None:
                env.log("kayıp_gradyanı", value=float(grad.detach().float().mean()))

            loss.register_hook(arrived)
        return loss


OPTIMIZERS = {
    "SGD": torch.optim.SGD,
    "Adam": torch.optim.Adam,
    "AdamW": torch.optim.AdamW,
}


def recording_optimizer(name: str, params: Any, kwargs: dict, env: Environment, grads: bool):
    base = OPTIMIZERS[name]

    class Recording(base):  # type: ignore[misc, valid-type]
        def zero_grad(self, set_to_none: bool = True) -> None:
            env.log("zero_grad", by="optimizer")
            super().zero_grad(set_to_none=set_to_none)

        def step(self, closure=None):  # noqa: ANN001
            autocast, _ = _autocast_state(env.device)
            data: dict[str, Any] = {"autocast": autocast}
            params = [p for group in self.param_groups for p in group["params"]]
            data["grad_dtypes"] = sorted(
                {str(p.grad.dtype).replace("torch.", "") for p in params if p.grad is not None}
            )
            if grads:
                data["grads"] = [
                    None if p.grad is None else p.grad.detach().clone() for p in params
                ]
            env.log("adım", **data)
            return super().step(closure)

    Recording.__name__ = Recording.__qualname__ = name
    return Recording(params, **kwargs)


class RecordingCallback:
    """A callback the learner's Trainer calls: records each on_epoch_end, and may stop."""

    def __init__(self, name: str, env: Environment, stop_at: int | None = None) -> None:
        self.name = name
        self.stop_at = stop_at
        self.trainer: Any = None
        self._env = env
        self._model: Any = None

    def on_epoch_end(self, epoch: Any, logs: Any = None) -> None:
        shown: dict[str, Any] = {}
        if isinstance(logs, dict):
            for k, v in list(logs.items())[:16]:
                shown[str(k)[:40]] = _plain(v)
        entry: dict[str, Any] = {"cb": self.name, "epoch": _plain(epoch), "logs": shown}
        if self._model is not None:
            entry["state"] = {k: v.detach().clone() for k, v in self._model.state_dict().items()}
        self._env.log("on_epoch_end", **entry)
        if self._env.progress is not None:
            self._env.progress({"epoch": _plain(epoch)})
        if self.stop_at is not None and epoch == self.stop_at and self.trainer is not None:
            self.trainer.stop_training = True


class SchedulerCallback(RecordingCallback):
    def __init__(self, name: str, env: Environment, scheduler: Any, plateau: bool) -> None:
        super().__init__(name, env)
        self.scheduler = scheduler
        self.plateau = plateau

    def on_epoch_end(self, epoch: Any, logs: Any = None) -> None:
        super().on_epoch_end(epoch, logs)
        if self.plateau:
            value = logs.get("val_loss") if isinstance(logs, dict) else None
            self.scheduler.step(float(value) if isinstance(value, (int, float)) else math.inf)
        else:
            self.scheduler.step()
        lrs = [group["lr"] for group in self.scheduler.optimizer.param_groups]
        self._env.log("lr", cb=self.name, values=lrs)


class EarlyStoppingCallback(RecordingCallback):
    def __init__(self, name: str, env: Environment, patience: int, min_delta: float) -> None:
        super().__init__(name, env)
        self.patience = patience
        self.min_delta = min_delta
        self.best = math.inf
        self.wait = 0

    def on_epoch_end(self, epoch: Any, logs: Any = None) -> None:
        super().on_epoch_end(epoch, logs)
        value = logs.get("val_loss") if isinstance(logs, dict) else None
        value = float(value) if isinstance(value, (int, float)) else math.inf
        if value < self.best - self.min_delta:
            self.best, self.wait = value, 0
        else:
            self.wait += 1
            if self.wait >= self.patience and self.trainer is not None:
                self.trainer.stop_training = True


def _plain(value: Any) -> Any:
    """Keep a learner's value as data: numbers stay numbers; tensors are described."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, torch.Tensor):
        return {
            "tensor": value.detach().cpu().clone() if value.numel() <= 1_000_000 else None,
            "requires_grad": bool(value.requires_grad),
            "grad_fn": type(value.grad_fn).__name__ if value.grad_fn is not None else None,
            "dtype": str(value.dtype).replace("torch.", ""),
        }
    if isinstance(value, (list, tuple)):
        items = [_plain(v) for v in list(value)[:10_000]]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {str(k)[:100]: _plain(v) for k, v in list(value.items())[:1000]}
    try:
        import numpy as np

        if isinstance(value, np.generic):
            return {"numpy": type(value).__name__, "value": value.item()}
        if isinstance(value, np.ndarray):
            return {"numpy": "ndarray", "value": torch.from_numpy(np.array(value))}
    except ImportError:  # pragma: no cover
        pass
    return {"type": type(value).__name__}


# ---------------------------------------------------------------------------------------------
# Watching a whole fit: the learner builds its own model, loss and optimizer
# ---------------------------------------------------------------------------------------------


class _TrainingWatch:
    """While a fit runs: the loss curve (each 0-dim tensor back-propagated) and how often
    optimizers step and gradients are cleared."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.curve: list[float] = []
        self.every = 1
        self.seen = 0
        self.steps = 0
        self.zero_grads = 0
        self._undo: list[Callable[[], None]] = []

    def __enter__(self) -> _TrainingWatch:
        watch = self
        original_backward = torch.Tensor.backward

        def backward(tensor, *args, **kwargs):
            if tensor.dim() == 0:
                watch._point(float(tensor.detach().float()))
            return original_backward(tensor, *args, **kwargs)

        torch.Tensor.backward = backward  # type: ignore[method-assign]
        self._undo.append(lambda: setattr(torch.Tensor, "backward", original_backward))

        from torch.optim.optimizer import register_optimizer_step_post_hook

        def stepped(optimizer, args, kwargs):
            watch.steps += 1
            if watch.env.progress is not None and watch.steps % 100 == 0:
                watch.env.progress({"steps": watch.steps})

        handle = register_optimizer_step_post_hook(stepped)
        self._undo.append(handle.remove)
        for owner in (torch.optim.Optimizer, nn.Module):
            original = owner.zero_grad

            def counted(self_, *args, _original=original, **kwargs):
                watch.zero_grads += 1
                return _original(self_, *args, **kwargs)

            owner.zero_grad = counted  # type: ignore[method-assign]
            self._undo.append(lambda o=owner, f=original: setattr(o, "zero_grad", f))
        return self

    def _point(self, value: float) -> None:
        self.seen += 1
        if self.seen % self.every:
            return
        self.curve.append(value)
        if len(self.curve) >= CURVE_LIMIT:
            self.curve = self.curve[::2]
            self.every *= 2

    def __exit__(self, *exc: Any) -> None:
        for undo in reversed(self._undo):
            undo()
        self._undo.clear()

    def summary(self) -> dict[str, Any]:
        return {"curve": list(self.curve), "steps": self.steps, "zero_grads": self.zero_grads}


class _SeedingWatch:
    """While a seed function runs: which seeding calls it made (set_seed names the generator a
    learner missed, and how: only CUDA seeded, a new local generator, NumPy's new API)."""

    NAMES = (
        ("torch", "manual_seed"),
        ("torch.cuda", "manual_seed"),
        ("torch.cuda", "manual_seed_all"),
        ("torch", "Generator"),
        ("numpy.random", "seed"),
        ("numpy.random", "default_rng"),
        ("random", "seed"),
    )

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._undo: list[Callable[[], None]] = []

    def __enter__(self) -> _SeedingWatch:
        import importlib

        for module_name, name in self.NAMES:
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            original = getattr(module, name, None)
            if original is None:
                continue
            shown = f"{module_name.replace('numpy', 'np')}.{name}"
            setattr(module, name, self._watched(original, shown))
            self._undo.append(lambda m=module, n=name, o=original: setattr(m, n, o))
        return self

    def _watched(self, original: Any, shown: str) -> Any:
        used = self.used
        if isinstance(original, type):
            # A class stays a class (isinstance keeps working): a subclass that notes its use.
            def init(obj, *args, **kwargs):
                used.add(shown)
                original.__init__(obj, *args, **kwargs)

            return type(original.__name__, (original,), {"__init__": init})

        def seen(*args, **kwargs):
            used.add(shown)
            return original(*args, **kwargs)

        return seen

    def __exit__(self, *exc: Any) -> None:
        for undo in reversed(self._undo):
            undo()
        self._undo.clear()


# ---------------------------------------------------------------------------------------------
# Building objects
# ---------------------------------------------------------------------------------------------


def build(spec: dict, env: Environment) -> Any:
    kind = spec["type"]
    device = env.device
    if kind == "model":
        torch.manual_seed(int(spec.get("seed", 0)))
        model = RecordingModel(build_layers(spec["layers"]), env)
        state = spec.get("state")
        if state:
            model.net.load_state_dict({k: v for k, v in state.items()})
        model.to(device)
        nn.Module.train(model, bool(spec.get("train", True)))
        if spec.get("grads_seed") is not None:
            g = torch.Generator().manual_seed(int(spec["grads_seed"]))
            for p in model.parameters():
                p.grad = torch.randn(p.shape, generator=g).to(device)
        return model
    if kind == "network":  # a plain network, for code that is not watched (a reference fit)
        torch.manual_seed(int(spec.get("seed", 0)))
        return build_layers(spec["layers"]).to(device)
    if kind == "loss":
        inner = LOSSES[spec["name"]](**spec.get("kwargs", {}))
        return RecordingLoss(inner, env, float(spec.get("scale", 1.0)))
    if kind == "optimizer":
        target = env.resolve(spec["params"])
        params = target.parameters() if isinstance(target, nn.Module) else target
        return recording_optimizer(
            spec["name"], params, dict(spec.get("kwargs", {})), env, bool(spec.get("grads"))
        )
    if kind == "tensor":
        return env.resolve(spec["value"])
    if kind == "dataset":
        tensors = [env.resolve(t) for t in spec["tensors"]]
        return torch.utils.data.TensorDataset(*tensors)
    if kind == "loader":
        dataset = env.resolve(spec["dataset"])
        if isinstance(dataset, (list, tuple)):
            dataset = torch.utils.data.TensorDataset(*dataset)
        generator = torch.Generator().manual_seed(int(spec.get("seed", 0)))
        return torch.utils.data.DataLoader(
            dataset,
            batch_size=int(spec.get("batch_size", 1)),
            shuffle=bool(spec.get("shuffle", False)),
            drop_last=bool(spec.get("drop_last", False)),
            generator=generator,
        )
    if kind == "recorder":
        callback = RecordingCallback(spec["name"], env, spec.get("stop_at"))
        if spec.get("model") is not None:
            callback._model = env.resolve(spec["model"])
        return callback
    if kind == "early_stopping_callback":
        return EarlyStoppingCallback(
            spec["name"], env, int(spec.get("patience", 2)), float(spec.get("min_delta", 0.0))
        )
    if kind == "scheduler_callback":
        optimizer = env.resolve(spec["optimizer"])
        if spec["scheduler"] == "StepLR":
            scheduler = torch.optim.lr_scheduler.StepLR(optimizer, **spec.get("kwargs", {}))
            plateau = False
        else:
            scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
                optimizer, **spec.get("kwargs", {})
            )
            plateau = True
        return SchedulerCallback(spec["name"], env, scheduler, plateau)
    if kind == "path":
        return str(spec["name"])
    if kind == "value":
        return env.resolve(spec["value"])
    if kind in MORE_TYPES:
        return MORE_TYPES[kind](spec, env)
    if kind == "phase_loader":  # trainer
        return PhaseLoader(spec["name"], build({**spec, "type": "loader"}, env), env)
    raise ValueError(f"unknown object type {kind!r}")


# ---------------------------------------------------------------------------------------------
# Ops
# ---------------------------------------------------------------------------------------------


def _call(env: Environment, op: dict) -> None:
    target = env.resolve(op["fn"]) if isinstance(op["fn"], tuple) else env.objects[op["fn"]]
    if "method" in op:
        target = getattr(target, op["method"])
    args = env.resolve(op.get("args", []))
    kwargs = env.resolve(op.get("kwargs", {}))
    if op.get("event"):
        env.log("çağrı", n=op["event"])
    started = time.process_time()
    watch = _TrainingWatch(env) if op.get("watch") else None
    seeding = _SeedingWatch() if op.get("seeding") else None
    try:
        with contextlib.ExitStack() as stack:
            if watch is not None:
                stack.enter_context(watch)
            if seeding is not None:
                stack.enter_context(seeding)
            stack.enter_context(env.window())
            result = target(*args, **kwargs)
    except Exception as exc:
        if not op.get("catch"):
            raise
        result = None
        env.records[op.get("record") or "_"] = {
            "raised": type(exc).__name__,
            "message": str(exc)[:300],
        }
    else:
        if op.get("record"):
            env.records[op["record"]] = _plain(result)
    if seeding is not None:
        env.records[(op.get("record") or "call") + ":seeding"] = sorted(seeding.used)
    if watch is not None:
        env.records[(op.get("record") or "call") + ":watch"] = {
            **watch.summary(),
            "cpu_s": time.process_time() - started,
        }
    if op.get("as"):
        env.objects[op["as"]] = result


def _predict(env: Environment, op: dict) -> None:
    """The engine evaluates a model the learner returned: eval mode, no graph."""
    model = env.resolve(op["model"])
    x = env.resolve(op["x"])
    chunk = int(op.get("chunk", 0)) or len(x)
    outs = []
    try:
        with env.window():
            model.eval()
            with torch.no_grad():
                for start in range(0, len(x), chunk):
                    outs.append(model(x[start : start + chunk]))
        value = torch.cat(outs) if all(isinstance(o, torch.Tensor) for o in outs) else outs
        env.records[op["record"]] = _plain(value)
    except Exception as exc:
        if not op.get("catch", True):
            raise
        env.records[op["record"]] = {"raised": type(exc).__name__, "message": str(exc)[:300]}


def _train(env: Environment, op: dict) -> None:
    """The engine trains a model the learner built, with a fixed recipe and a CPU budget."""
    model = env.resolve(op["model"])
    x, y = env.resolve(op["x"]), env.resolve(op["y"])
    torch.manual_seed(int(op.get("seed", 0)))
    with env.window():
        optimizer = OPTIMIZERS[op.get("optimizer", "Adam")](
            model.parameters(), **op.get("optimizer_kwargs", {"lr": 3e-3})
        )
    loss_fn = LOSSES[op.get("loss", "CrossEntropyLoss")]()
    generator = torch.Generator().manual_seed(int(op.get("seed", 0)))
    budget = float(op.get("budget_cpu_s", 20.0))
    started = time.process_time()
    losses: list[float] = []
    over = False
    batch = int(op.get("batch_size", 64))
    for epoch in range(int(op.get("epochs", 1))):
        order = torch.randperm(len(x), generator=generator)
        total, count = 0.0, 0
        with env.window():
            model.train()
        for start in range(0, len(x), batch):
            index = order[start : start + batch]
            with env.window():
                optimizer.zero_grad()
                loss = loss_fn(model(x[index]), y[index])
                loss.backward()
                optimizer.step()
            total += float(loss.detach()) * len(index)
            count += len(index)
            if time.process_time() - started > budget:
                over = True
                break
        losses.append(total / max(count, 1))
        if env.progress is not None:
            env.progress({"epoch": epoch, "of": int(op.get("epochs", 1))})
        if over:
            break
    env.records[op["record"]] = {
        "losses": losses,
        "cpu_s": time.process_time() - started,
        "over_budget": over,
    }


MAX_EXPORT = 64 * 1024 * 1024


def _export(env: Environment, op: dict) -> None:
    """Hand an object (a model the learner's fit returned) to the next stage: a fresh process
    that never ran the fit, where held-out inputs are used. Pickled here, in the learner's own
    process; only another learner process ever unpickles it."""
    target = env.resolve(op["target"])
    if not env.transfer:
        env.records[op["record"]] = {"object": target}
        return
    import io

    buffer = io.BytesIO()
    try:
        with env.window():
            torch.save(target, buffer)
    except Exception as exc:  # noqa: BLE001 - a model that cannot travel is reported
        env.records[op["record"]] = {"unpicklable": f"{type(exc).__name__}: {exc}"[:300]}
        return
    data = buffer.getvalue()
    if len(data) > MAX_EXPORT:
        env.records[op["record"]] = {"too_large": len(data)}
        return
    env.records[op["record"]] = {"blob": torch.frombuffer(bytearray(data), dtype=torch.uint8)}


def _import(env: Environment, op: dict) -> None:
    value = op["value"]
    if isinstance(value, dict) and "object" in value:
        env.objects[op["as"]] = value["object"]
        return
    import io

    blob = value["blob"] if isinstance(value, dict) else value
    with env.window():
        obj = torch.load(io.BytesIO(blob.numpy().tobytes()), weights_only=False)
    env.objects[op["as"]] = obj


def _rng_digest() -> str:
    digest = hashlib.sha256()
    digest.update(repr(random.getstate()).encode())
    digest.update(torch.get_rng_state().numpy().tobytes())
    with contextlib.suppress(ImportError):
        import numpy as np

        state = np.random.get_state()
        digest.update(state[1].tobytes() + repr(state[2:]).encode())
    return digest.hexdigest()


def _draws(env: Environment, op: dict) -> None:
    """Numbers from every generator a learner's seed function should have seeded."""
    values: dict[str, Any] = {"python": random.random(), "torch": torch.rand(3)}
    with contextlib.suppress(ImportError):
        import numpy as np

        values["numpy"] = torch.from_numpy(np.random.rand(3))
    values["init"] = nn.Linear(4, 3).weight.detach().clone()
    loader = torch.utils.data.DataLoader(list(range(10)), batch_size=10, shuffle=True)
    values["shuffle"] = next(iter(loader)).clone()
    values["dropout"] = nn.functional.dropout(torch.ones(12), 0.5, True)
    env.records[op["record"]] = values


def _scramble(env: Environment, op: dict) -> None:
    seed = int(op.get("seed", 12345))
    random.seed(seed)
    torch.manual_seed(seed)
    with contextlib.suppress(ImportError):
        import numpy as np

        np.random.seed(seed % (2**32))


# ---------------------------------------------------------------------------------------------
# Fitting exercises (fit_linear_regression, train_binary_classifier,
# train_multiclass_classifier): one fit shared by the cases that judge it, and a model that
# could not travel to the next stage reported instead of raised
# ---------------------------------------------------------------------------------------------

# Per process: the digest of a `once` op's content -> what running its ops did.
_ONCE: dict[str, tuple[dict[str, Any], dict[str, Any], list[dict], BaseException | None]] = {}


def _digest(value: Any, digest: Any) -> None:
    if isinstance(value, torch.Tensor):
        t = value.detach().cpu().contiguous()
        digest.update(f"T{t.dtype}{tuple(t.shape)}".encode())
        digest.update(t.reshape(-1).view(torch.uint8).numpy().tobytes() if t.numel() else b"")
    elif isinstance(value, dict):
        digest.update(b"{")
        for k in sorted(value, key=str):
            digest.update(repr(k).encode())
            _digest(value[k], digest)
        digest.update(b"}")
    elif isinstance(value, (list, tuple)):
        digest.update(b"[" if isinstance(value, list) else b"(")
        for v in value:
            _digest(v, digest)
        digest.update(b"]")
    else:
        digest.update(repr(value).encode())


def _once(env: Environment, op: dict) -> None:
    """Run `ops` once per process: a later `once` with the same content (the same data, the
    same function) replays what the first did (its records, objects and events) instead of
    running the learner's fit again. Several cases judge one fit this way, and the process's
    single time limit pays for each fit once. A fit that raised raises again."""
    ops = list(op["ops"])
    digest = hashlib.sha256()
    _digest(ops, digest)
    for inner in ops:
        fn = inner.get("fn")
        if isinstance(fn, str):  # which function: the learner's, or a reference
            digest.update(f"{fn}:{id(env.objects.get(fn))}".encode())
    digest.update(str(env.device).encode())
    key = digest.hexdigest()
    if key not in _ONCE:
        records_before = dict(env.records)
        objects_before = dict(env.objects)
        events_before = len(env.events)
        raised: BaseException | None = None
        try:
            run(env, ops)
        except Exception as exc:  # noqa: BLE001 - kept, and raised again below
            raised = exc
        records = {
            k: v
            for k, v in env.records.items()
            if k not in records_before or records_before[k] is not v
        }
        objects = {
            k: v
            for k, v in env.objects.items()
            if k not in objects_before or objects_before[k] is not v
        }
        _ONCE[key] = (records, objects, env.events[events_before:], raised)
        if raised is not None:
            raise raised
        return
    records, objects, events, raised = _ONCE[key]
    env.records.update(records)
    env.objects.update(objects)
    env.events.extend(dict(e) for e in events)
    if raised is not None:
        raise raised


def _on_device(env: Environment, op: dict) -> None:
    """Run `ops` with their tensors on `device` (e.g. "cpu"): a learner's fit builds its own
    model, on the CPU unless it says otherwise, so its data must not arrive on a GPU."""
    device = env.device
    env.device = torch.device(str(op["device"]))
    try:
        run(env, list(op["ops"]))
    finally:
        env.device = device


def _receive(env: Environment, op: dict) -> None:
    """`import` for a model a learner's fit returned: what cannot be loaded (a model that could
    not be pickled in the first stage, one too large, one whose class the fresh process cannot
    find) is recorded under `record`, and the object is None, so that the judge can say why."""
    value = op["value"]
    if isinstance(value, dict) and "object" in value:  # the reference run, in one process
        env.objects[op["as"]] = value["object"]
        env.records[op["record"]] = {"ok": True}
        return
    blob = value.get("blob") if isinstance(value, dict) else None
    if not isinstance(blob, torch.Tensor):
        env.objects[op["as"]] = None
        reasons = ("unpicklable", "too_large")
        found = {k: value[k] for k in reasons if k in value} if isinstance(value, dict) else {}
        env.records[op["record"]] = found or {"missing": True}
        return
    import io

    try:
        with env.window():
            obj = torch.load(io.BytesIO(blob.numpy().tobytes()), weights_only=False)
    except Exception as exc:  # noqa: BLE001 - reported, the judge words it
        env.objects[op["as"]] = None
        env.records[op["record"]] = {"unloadable": f"{type(exc).__name__}: {exc}"[:300]}
        return
    env.objects[op["as"]] = obj
    env.records[op["record"]] = {"ok": True}


def run(env: Environment, ops: list[dict]) -> dict[str, Any]:
    for op in ops:
        kind = op["op"]
        if kind == "new":
            env.objects[op["as"]] = build(op["spec"], env)
        elif kind == "call":
            _call(env, op)
        elif kind == "seed":
            torch.manual_seed(int(op["value"]))
        elif kind == "state":
            target = env.resolve(op["target"])
            with env.window():
                state = {k: v.detach().clone() for k, v in target.state_dict().items()}
            env.records[op["record"]] = state
        elif kind == "attr":
            target = env.resolve(op["target"])
            with env.window():
                value = getattr(target, op["name"], None)
            env.records[op["record"]] = _plain(value)
        elif kind == "training":
            target = env.resolve(op["target"])
            env.records[op["record"]] = bool(getattr(target, "training", False))
        elif kind == "mark":
            env.log("çağrı", n=op["n"])
        elif kind == "export":
            _export(env, op)
        elif kind == "import":
            _import(env, op)
        elif kind == "predict":
            _predict(env, op)
        elif kind == "train":
            _train(env, op)
        elif kind == "rng_digest":
            env.records[op["record"]] = _rng_digest()
        elif kind == "draws":
            _draws(env, op)
        elif kind == "scramble":
            _scramble(env, op)
        elif kind == "count_params":
            target = env.resolve(op["target"])
            with env.window():
                count = sum(int(p.numel()) for p in target.parameters())
            env.records[op["record"]] = count
        elif kind in MORE_OPS:
            MORE_OPS[kind](env, op)
        elif kind == "same":  # trainer
            _same(env, op)
        elif kind == "trace":  # simple_cnn
            _trace(env, op)
        elif kind == "param_shapes":  # simple_cnn
            _param_shapes(env, op)
        elif kind == "to_device":  # simple_cnn
            _to_device(env, op)
        elif kind == "cnn_gate":  # simple_cnn
            _cnn_gate(env, op)
        elif kind == "if":  # simple_cnn
            _if(env, op)
        # fitting exercises (fit_linear_regression, train_*_classifier)
        elif kind == "once":
            _once(env, op)
        elif kind == "receive":
            _receive(env, op)
        elif kind == "device":
            _on_device(env, op)
        else:
            raise ValueError(f"unknown op {kind!r}")
    return {"events": env.events, "records": env.records}


# ---------------------------------------------------------------------------------------------
# Datasets, splits, checkpoints (tensor_dataset, train_val_split, checkpoint; early_stopping
# and set_seed use the ops above). The learner's code (a Dataset's __len__ and __getitem__,
# a file written by save_checkpoint) only ever runs or is read inside a window, and every
# failure becomes a record: what these ops see only adds reasons to fail.
# ---------------------------------------------------------------------------------------------


def _raised(exc: BaseException) -> dict[str, str]:
    try:
        message = str(exc)[:300]
    except Exception:  # noqa: BLE001 - a learner's exception whose __str__ raises
        message = ""
    return {"raised": type(exc).__name__, "message": message}


def _len(env: Environment, op: dict) -> None:
    """`len(target)`: an int, or what it raised."""
    target = env.resolve(op["target"])
    try:
        with env.window():
            value: Any = len(target)
    except Exception as exc:  # noqa: BLE001 - recorded, judged on the trusted side
        value = _raised(exc)
    env.records[op["record"]] = value


def _index(env: Environment, op: dict) -> None:
    """`target[index]`: its type, the types of its parts (a tuple or list), and the value."""
    target = env.resolve(op["target"])
    try:
        with env.window():
            item = target[int(op["index"])]
            parts = [type(part).__name__ for part in item] if type(item) in (tuple, list) else None
    except Exception as exc:  # noqa: BLE001
        env.records[op["record"]] = _raised(exc)
        return
    env.records[op["record"]] = {"type": type(item).__name__, "parts": parts, "value": _plain(item)}


BASE_CLASSES: dict[str, type] = {
    "Dataset": torch.utils.data.Dataset,
    "Module": nn.Module,
    "Optimizer": torch.optim.Optimizer,
}


def _isinstance(env: Environment, op: dict) -> None:
    target = env.resolve(op["target"])
    try:
        with env.window():
            value = isinstance(target, BASE_CLASSES[op["of"]])
    except Exception:  # noqa: BLE001
        value = False
    env.records[op["record"]] = bool(value)


def _batches(env: Environment, op: dict) -> None:
    """One epoch of `DataLoader(dataset, ...)` (a seeded generator when it shuffles)."""
    dataset = env.resolve(op["dataset"])
    generator = torch.Generator().manual_seed(int(op.get("seed", 0)))
    limit = int(op.get("limit", 1000))
    batches: list[Any] = []
    failure: dict[str, str] = {}
    try:
        with env.window():
            loader = torch.utils.data.DataLoader(
                dataset,
                batch_size=int(op.get("batch_size", 1)),
                shuffle=bool(op.get("shuffle", False)),
                drop_last=bool(op.get("drop_last", False)),
                generator=generator,
            )
            for batch in loader:
                batches.append(batch)
                if len(batches) >= limit:
                    break
    except Exception as exc:  # noqa: BLE001
        failure = _raised(exc)
    env.records[op["record"]] = {"batches": [_plain(b) for b in batches], **failure}


def _record(env: Environment, op: dict) -> None:
    """Keep a value as it is now (an input tensor, to see whether it was changed in place)."""
    env.records[op["record"]] = _plain(env.resolve(op["value"]))


def _rng_states(env: Environment, op: dict) -> None:
    """A digest of each global generator's state, by name (`rng_digest` mixes them)."""
    states = {
        "python": hashlib.sha256(repr(random.getstate()).encode()).hexdigest(),
        "torch": hashlib.sha256(torch.get_rng_state().numpy().tobytes()).hexdigest(),
    }
    with contextlib.suppress(ImportError):
        import numpy as np

        state = np.random.get_state()
        states["numpy"] = hashlib.sha256(state[1].tobytes() + repr(state[2:]).encode()).hexdigest()
    env.records[op["record"]] = states


def _build_plain_optimizer(spec: dict, env: Environment) -> Any:
    """A torch optimizer as it is (no recording subclass): it can be pickled whole."""
    target = env.resolve(spec["params"])
    params = target.parameters() if isinstance(target, nn.Module) else target
    return OPTIMIZERS[spec["name"]](params, **dict(spec.get("kwargs", {})))


def _build_checkpoint_path(spec: dict, env: Environment) -> Any:
    """A file name in the learner's process (its private temp folder is the cwd); in the
    grading job's reference run an in-memory buffer, so the reference writes no file."""
    if env.transfer:
        return str(spec["name"])
    import io

    return io.BytesIO()


def _steps(env: Environment, op: dict) -> None:
    """`n` full-batch training steps (train mode, zero_grad, loss, backward, step); the
    model's state after each."""
    model = env.resolve(op["model"])
    optimizer = env.resolve(op["optimizer"])
    x, y = env.resolve(op["x"]), env.resolve(op["y"])
    loss_fn = LOSSES[op.get("loss", "MSELoss")]()
    states: list[dict[str, torch.Tensor]] = []
    failure: dict[str, str] = {}
    try:
        for _ in range(int(op.get("n", 1))):
            with env.window():
                model.train()
                optimizer.zero_grad()
                loss = loss_fn(model(x), y)
                loss.backward()
                optimizer.step()
                states.append({k: v.detach().clone() for k, v in model.state_dict().items()})
    except Exception as exc:  # noqa: BLE001 - e.g. an optimizer state that does not fit
        failure = _raised(exc)
    env.records[op["record"]] = {"states": states, **failure}


def _optimizer_state(env: Environment, op: dict) -> None:
    """An optimizer's state_dict, flat: {"state": {"0.exp_avg": tensor, ...}, "groups":
    [{"lr": ..., ...}]} (every per-parameter tensor and every hyperparameter)."""
    target = env.resolve(op["target"])
    try:
        with env.window():
            state = target.state_dict()
    except Exception as exc:  # noqa: BLE001
        env.records[op["record"]] = _raised(exc)
        return
    flat: dict[str, Any] = {}
    for index, entry in dict(state.get("state", {})).items():
        for key, value in dict(entry).items():
            flat[f"{index}.{key}"] = _plain(value)
    groups = [
        {str(k): _plain(v) for k, v in dict(group).items() if k != "params"}
        for group in list(state.get("param_groups", []))
    ]
    env.records[op["record"]] = {"state": flat, "groups": groups}


def _holds_optimizer_state(value: Any, depth: int) -> bool:
    if isinstance(value, dict):
        if "state" in value and "param_groups" in value:
            return True
        children = list(value.values())
    elif isinstance(value, (list, tuple)):
        children = list(value)
    else:
        return False
    return depth > 0 and any(_holds_optimizer_state(v, depth - 1) for v in children[:100])


def _inspect_checkpoint(env: Environment, op: dict) -> None:
    """In the learner's process only: can the file the learner wrote be opened with
    `torch.load(path, weights_only=True)`, and does it hold an optimizer's state_dict (at
    depth ≤ 2)? The trusted side never unpickles the learner's file. (The reference run
    keeps its checkpoint in memory and has nothing to inspect.)"""
    if not env.transfer:
        env.records[op["record"]] = {"skipped": True}
        return
    path = env.resolve(op["path"])
    try:
        with env.window():
            loaded = torch.load(path, weights_only=True)
    except Exception as exc:  # noqa: BLE001
        import re

        text = re.sub(r"\x1b\[[0-9;]*m", "", str(exc)).strip()
        first = (text.splitlines() or [""])[0][:300]
        found = re.search(r"Unsupported global: GLOBAL (\S+)", text)
        env.records[op["record"]] = {
            "loaded": False,
            "error": f"{type(exc).__name__}: {first}",
            "global": found.group(1)[:200] if found else None,
        }
        return
    env.records[op["record"]] = {
        "loaded": True,
        "optimizer_state": _holds_optimizer_state(loaded, 2),
    }


MORE_TYPES: dict[str, Callable[[dict, Environment], Any]] = {
    "plain_optimizer": _build_plain_optimizer,
    "checkpoint_path": _build_checkpoint_path,
}

MORE_OPS: dict[str, Callable[[Environment, dict], None]] = {
    "len": _len,
    "index": _index,
    "isinstance": _isinstance,
    "batches": _batches,
    "record": _record,
    "rng_states": _rng_states,
    "steps": _steps,
    "optimizer_state": _optimizer_state,
    "inspect_checkpoint": _inspect_checkpoint,
}


# ---------------------------------------------------------------------------------------------
# trainer (graders/uygulama/trainer.py): which phase a forward pass belongs to, and whether
# the callbacks were handed the trainer
# ---------------------------------------------------------------------------------------------


class PhaseLoader:
    """A DataLoader whose every iteration is logged (`yineleme`, with the loader's name): the
    events after it belong to that phase, training or validation."""

    def __init__(self, name: str, loader: Any, env: Environment) -> None:
        self.name = name
        self.loader = loader
        self._env = env

    def __iter__(self):
        self._env.log("yineleme", loader=self.name)
        return iter(self.loader)

    def __len__(self) -> int:
        return len(self.loader)

    def __getattr__(self, name: str) -> Any:
        # `dataset`, `batch_size`, ... as the DataLoader inside has them.
        if name.startswith("_") or name in ("name", "loader"):
            raise AttributeError(name)
        return getattr(self.loader, name)


def _same(env: Environment, op: dict) -> None:
    """Whether an attribute of one object is another object (a callback's `trainer`)."""
    target = env.resolve(op["target"])
    other = env.resolve(op["other"])
    with env.window():
        value = getattr(target, op["name"], None)
    env.records[op["record"]] = value is other


# ---------------------------------------------------------------------------------------------
# simple_cnn (graders/evrisimsel/simple_cnn.py): a forward pass traced module by module, and a
# gate that trains a network only when its shapes and structure are sound
# ---------------------------------------------------------------------------------------------

MAX_TRACED = 2000


def _shape(value: Any) -> list[int] | None:
    return [int(d) for d in value.shape] if isinstance(value, torch.Tensor) else None


def _int_or_none(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _module_info(name: str, module: nn.Module) -> dict[str, Any]:
    if isinstance(module, nn.Conv2d):
        kind = "Conv2d"
    elif isinstance(module, nn.Linear):
        kind = "Linear"
    else:
        kind = type(module).__name__[:40]
    info: dict[str, Any] = {
        "name": str(name)[:100],
        "kind": kind,
        "params": any(True for _ in nn.Module.parameters(module, recurse=False)),
    }
    if kind == "Linear":
        info["in_features"] = _int_or_none(getattr(module, "in_features", None))
        info["out_features"] = _int_or_none(getattr(module, "out_features", None))
    if kind == "Conv2d":
        info["in_channels"] = _int_or_none(getattr(module, "in_channels", None))
    return info


def _trace(env: Environment, op: dict) -> None:
    """One forward pass of a network in eval mode, without a graph, with hooks on every leaf
    module: `declared` (the leaf modules it holds), `ran` (in the order they ran: kind, input
    shape, output shape; a module that raised has no `out`), and `output` or `raised`."""
    model = env.resolve(op["model"])
    x = env.resolve(op["x"])
    ran: list[dict[str, Any]] = []
    declared: list[dict[str, Any]] = []
    result: dict[str, Any] = {"ran": ran, "declared": declared}
    running: dict[int, list[int]] = {}
    handles: list[Any] = []

    def before(module: nn.Module, args: tuple, info: dict) -> None:
        if len(ran) < MAX_TRACED:
            running.setdefault(id(module), []).append(len(ran))
            ran.append({**info, "in": _shape(args[0]) if args else None})

    def after(module: nn.Module, output: Any) -> None:
        started = running.get(id(module))
        if started:
            ran[started.pop()]["out"] = _shape(output)

    with env.window():
        try:
            leaves = [
                (name, module)
                for name, module in nn.Module.named_modules(model)
                if not any(True for _ in nn.Module.children(module))
            ]
            for name, module in leaves[:MAX_TRACED]:
                info = _module_info(name, module)
                declared.append(info)
                handles.append(
                    nn.Module.register_forward_pre_hook(
                        module, lambda m, args, _info=info: before(m, args, _info)
                    )
                )
                handles.append(
                    nn.Module.register_forward_hook(module, lambda m, args, out: after(m, out))
                )
            model.eval()
            with torch.no_grad():
                output = model(x)
            result["output"] = _plain(output)
        except Exception as exc:  # noqa: BLE001 - what the network raised is the finding
            result["raised"] = {"type": type(exc).__name__, "message": str(exc)[:300]}
        finally:
            for handle in handles:
                handle.remove()
    env.records[op["record"]] = result


def _to_device(env: Environment, op: dict) -> None:
    """A network the learner's code built (on the CPU) moved to the grading device."""
    target = env.resolve(op["target"])
    with env.window():
        target.to(env.device)


def _param_shapes(env: Environment, op: dict) -> None:
    target = env.resolve(op["target"])
    with env.window():
        named = list(nn.Module.named_parameters(target))[:10_000]
    env.records[op["record"]] = {str(name)[:100]: _shape(p) for name, p in named}


def _tensor_in(value: Any) -> torch.Tensor | None:
    """The tensor of a recorded output: `_plain`'s description here, a `RemoteTensor` inside
    it on the trusted side."""
    if isinstance(value, dict):
        value = value.get("tensor")
    if not isinstance(value, torch.Tensor):
        value = getattr(value, "tensor", None)
    return value if isinstance(value, torch.Tensor) else None


def _shape_finding(trace: dict, n: int, k: int) -> dict[str, Any] | None:
    ran = [m for m in trace.get("ran", []) if isinstance(m, dict)]
    raised = trace.get("raised")
    if isinstance(raised, dict):
        broken = next((i for i in range(len(ran) - 1, -1, -1) if "out" not in ran[i]), None)
        module = ran[broken] if broken is not None else {}
        shape_in = module.get("in") or []
        if module.get("kind") == "Linear" and module.get("in_features") is not None:
            before = [m.get("out") for m in ran[:broken] if len(m.get("out") or []) == 4]
            if len(shape_in) == 2 and shape_in[-1] != module["in_features"]:
                return {
                    "code": "head_size",
                    "in_features": module["in_features"],
                    "got": shape_in[-1],
                    "shape": before[-1] if before else None,
                }
            if len(shape_in) > 2:
                return {"code": "not_flattened", "shape": shape_in}
        if module.get("kind") == "Conv2d" and len(shape_in) == 4:
            channels = module.get("in_channels")
            if channels is not None and channels != shape_in[1]:
                return {"code": "in_channels", "expected": channels, "got": shape_in[1]}
        if module.get("kind") == "Conv2d" and shape_in and len(shape_in) != 4:
            return {"code": "conv_input", "module": module.get("name"), "shape": shape_in}
        return {
            "code": "raised",
            "type": str(raised.get("type")),
            "message": str(raised.get("message")),
            "module": module.get("name"),
        }
    out = _tensor_in(trace.get("output"))
    if out is None:
        return {"code": "not_tensor"}
    actual = [int(d) for d in out.shape]
    if actual == [n, k]:
        return None
    code = "num_classes" if len(actual) == 2 and actual[0] == n else "shape"
    return {"code": code, "expected": [n, k], "actual": actual}


def cnn_findings(
    traces: list[dict], expected: list[list[int]], shapes: dict, max_params: int
) -> dict[str, dict[str, Any] | None]:
    """What is wrong with a network, from its traces (the first: default arguments), checked
    in the order the simple_cnn grader reports them. Used by `cnn_gate` in the learner's
    process and by the grader's judge on the trusted side, on the same records."""
    found: dict[str, dict[str, Any] | None] = {
        "shape": None,
        "params": None,
        "structure": None,
        "logits": None,
    }
    for trace, (n, k) in zip(traces, expected, strict=False):
        found["shape"] = _shape_finding(trace if isinstance(trace, dict) else {}, n, k)
        if found["shape"] is not None:
            found["shape"]["call"] = [n, k]
            break
    sizes = {
        name: math.prod(shape)
        for name, shape in (shapes.items() if isinstance(shapes, dict) else [])
        if isinstance(shape, list)
    }
    count = sum(sizes.values())
    if count >= max_params:
        largest = max(sizes, key=lambda name: sizes[name])
        found["params"] = {"count": count, "largest": largest, "largest_count": sizes[largest]}
    first = traces[0] if traces and isinstance(traces[0], dict) else {}
    convs = sum(1 for m in first.get("declared", []) if m.get("kind") == "Conv2d")
    ran = first.get("ran", [])
    with_params = next((m for m in ran if m.get("params")), None)
    first_conv = next((m for m in ran if m.get("kind") == "Conv2d"), None)
    if convs < 2:
        found["structure"] = {"code": "too_few_convs", "count": convs}
    elif (with_params is not None and with_params.get("kind") != "Conv2d") or (
        first_conv is not None and len(first_conv.get("in") or []) != 4
    ):
        found["structure"] = {"code": "flatten_first"}
    out = _tensor_in(first.get("output"))
    if out is None or out.dim() != 2 or not out.is_floating_point() or out.numel() == 0:
        found["logits"] = {"code": "no_output"}
    else:
        v = out.detach().float()
        if bool((v >= 0).all()) and bool((v == 0).any()):
            found["logits"] = {"code": "relu"}
        elif bool(((v >= 0) & (v <= 1)).all()) and bool(
            torch.allclose(v.sum(dim=1), torch.ones(v.shape[0]), atol=1e-4)
        ):
            found["logits"] = {"code": "softmax"}
        elif bool(((v > 0) & (v < 1)).all()):
            found["logits"] = {"code": "sigmoid"}
    return found


def _cnn_gate(env: Environment, op: dict) -> None:
    """True when nothing in `cnn_findings` is wrong: only then is the network worth training."""
    traces = [env.records.get(name) or {} for name in op["traces"]]
    shapes = env.records.get(op["shapes"]) or {}
    found = cnn_findings(traces, op["expected"], shapes, int(op["max_params"]))
    env.records[op["record"]] = not any(found.values())


def _if(env: Environment, op: dict) -> None:
    """Run `ops` only when a condition holds: the record `record` is True, or `value` (e.g. a
    first stage's export, filled in for the second stage) is a dict with one of `keys`."""
    value = env.records.get(op["record"]) if "record" in op else op.get("value")
    keys = op.get("keys")
    holds = isinstance(value, dict) and any(k in value for k in keys) if keys else value is True
    if holds:
        run(env, list(op["ops"]))
