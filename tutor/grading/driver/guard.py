"""Forbidden-call detection inside the learner's process, in layers.

Everything here runs in the process that also runs the learner's code, so the learner can
in principle tamper with it; each layer therefore only ever adds a reason to fail (TRUST.md).
A hit is written to the result pipe the moment it happens, before the learner's code gets
control back, so clearing a list afterwards changes nothing.

Layers, from the highest to the lowest:

- a torch-function mode that names the public function called (`torch.softmax`, `F.relu`);
- the forbidden ATen operators themselves: in the learner's process their kernels (CPU,
  CUDA, sparse, nested, composite, ...) are replaced by one that reports and raises, so they
  cannot run however the learner's code reaches them (`torch._safe_softmax`,
  `b.__rmatmul__(a)`, `torch._C._nn.linear`, an einsum that lowers to `bmm`, a convolution
  that computes a matrix product, another thread) and there is no original left to call;
- tripwires on PyTorch's private Python implementations (`torch._refs`, `torch._decomp`,
  `torch._prims`) and on the switches that turn the modes off;
- a PEP 578 audit hook (which Python code cannot remove) for compiling or executing source
  strings, threads, processes, ctypes, sockets, signals and heap or frame inspection.

The function mode is pushed only inside a "window": while the engine's driver has called
into the learner's code. What the driver does itself (moving inputs, back-propagating the
seeded upstream gradient) runs outside any window and is never counted; it never needs a
forbidden operator.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

# Audit events that are forbidden whatever called them once the learner's code runs.
_ALWAYS = {
    "os.fork": "os.fork",
    "os.forkpty": "os.forkpty",
    "os.posix_spawn": "os.posix_spawn",
    "os.spawn": "os.spawn",
    "os.exec": "os.exec",
    "os.system": "os.system",
    "subprocess.Popen": "subprocess",
    "os.kill": "os.kill",
    "os.killpg": "os.killpg",
    "signal.pthread_kill": "signal.pthread_kill",
    "socket.__new__": "socket",
    "socket.connect": "socket",
    "socket.bind": "socket",
    "ctypes.dlopen": "ctypes",
    "ctypes.dlsym": "ctypes",
    "ctypes.call_function": "ctypes",
    "ctypes.cdata": "ctypes",
    "ctypes.addressof": "ctypes",
    "ctypes.string_at": "ctypes",
    "ctypes.wstring_at": "ctypes",
    "gc.get_objects": "gc.get_objects",
    "gc.get_referrers": "gc.get_referrers",
    "gc.get_referents": "gc.get_referents",
    "sys._current_frames": "sys._current_frames",
    "sys.settrace": "sys.settrace",
    "sys.setprofile": "sys.setprofile",
    "sys.addaudithook": "sys.addaudithook",
    "code.__new__": "types.CodeType",
    "function.__new__": "types.FunctionType",
}
# Reading these attributes from the learner's own code reaches frames of the engine.
_FRAME_ATTRIBUTES = frozenset(
    {"tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back", "f_locals", "f_globals"}
)
# Standard modules whose purpose is to run source text handed to them: calling them is the
# same as calling exec. (Library code that generates its own code, such as dataclasses or
# torch's lazily imported modules, may compile.)
_STRING_RUNNERS = (
    "code",
    "codeop",
    "runpy",
    "timeit",
    "doctest",
    "pdb",
    "bdb",
    "cProfile",
    "profile",
    "trace",
    "torch.jit",
    "torch._dynamo",
    "torch.fx",
    "torch._inductor",
)

_PRIVATE_MODULES = ("torch._refs", "torch._decomp", "torch._prims")
# Switches that disable torch-function or torch-dispatch modes. Torch itself uses some of
# them while printing a tensor, so a switch only counts when the learner's code flips it.
_SWITCHES = (
    ("torch._C", "DisableTorchFunction"),
    ("torch._C", "DisableTorchFunctionSubclass"),
    ("torch._C", "_DisableTorchDispatch"),
    ("torch._C", "_unset_dispatch_mode"),
    ("torch._C", "_pop_torch_dispatch_mode"),
    ("torch._C", "_pop_torch_function_stack"),
    ("torch._C", "_set_dispatch_mode"),
    ("torch._C", "_push_on_torch_dispatch_stack"),
    ("torch._C", "_push_on_torch_function_stack"),
    ("torch.overrides", "_pop_mode"),
    ("torch.overrides", "_push_mode"),
    ("torch.overrides", "_pop_mode_temporarily"),
    ("torch.utils._python_dispatch", "_pop_mode"),
    ("torch.utils._python_dispatch", "_push_mode"),
    ("torch.utils._python_dispatch", "_pop_mode_temporarily"),
    ("torch.utils._python_dispatch", "_disable_current_modes"),
    ("torch._C._functorch", "_set_dynamic_layer_keys_included"),
    # What reaches the watchers' objects.
    ("torch.overrides", "_get_current_function_mode_stack"),
    ("torch.utils._python_dispatch", "_get_current_dispatch_mode_stack"),
    ("torch._C", "_get_function_stack_at"),
    ("torch._C", "_len_torch_function_stack"),
    ("torch._C", "_get_dispatch_stack_at"),
    ("torch._C", "_len_torch_dispatch_stack"),
    ("torch._C", "_dispatch_library"),
)
# Every kind of kernel an operator may have; a forbidden operator loses all of them but the
# shape-only Meta kernel.
_KERNEL_KEYS = (
    "CPU",
    "CUDA",
    "XPU",
    "MPS",
    "SparseCPU",
    "SparseCUDA",
    "SparseCsrCPU",
    "SparseCsrCUDA",
    "NestedTensorCPU",
    "NestedTensorCUDA",
    "QuantizedCPU",
    "QuantizedCUDA",
    "MkldnnCPU",
    "CompositeImplicitAutograd",
    "CompositeExplicitAutograd",
    "CompositeExplicitAutogradNonFunctional",
)
_OP_INDEX: dict[str, list[str]] | None = None


def op_index() -> dict[str, list[str]]:
    """{normalized ATen name: ["_softmax", "_softmax.out", ...]}, built once (in the zygote)."""
    global _OP_INDEX
    if _OP_INDEX is None:
        index: dict[str, list[str]] = {}
        for full in torch._C._dispatch_get_all_op_names():
            namespace, _, rest = full.partition("::")
            if namespace != "aten":
                continue
            base = rest.partition(".")[0]
            index.setdefault(normalize_call_name(base), []).append(rest)
        _OP_INDEX = index
    return _OP_INDEX


class Forbidden(RuntimeError):
    """Raised into the learner's code when it does something it may not do here."""


def normalize_call_name(name: str) -> str:
    """`__matmul__`, `special_softmax`, `relu_`, `_softmax` → the op's plain name."""
    name = name.strip("_")
    for prefix in ("special_", "linalg_", "fft_", "nn_"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name


def display_name(func: Any) -> str:
    name = getattr(func, "__name__", repr(func))
    qualname = getattr(func, "__qualname__", name)
    module = getattr(func, "__module__", None) or ""
    if qualname.startswith(("TensorBase.", "Tensor.")):
        return "Tensor." + name + (" (ya da @)" if name == "matmul" else "")
    if module == "torch.nn.functional" or module == "torch._C._nn":
        return "torch.nn.functional." + name
    if module == "torch._C._special":
        return "torch.special." + name.removeprefix("special_")
    if module == "torch._C._linalg":
        return "torch.linalg." + name.removeprefix("linalg_")
    if module.startswith("torch.") and not module.startswith("torch._"):
        return f"{module}.{name}"  # e.g. torch.autograd.grad
    return "torch." + name


class Guard:
    """The learner process's watchers. `report(kind, name, line)` writes one frame at once."""

    def __init__(
        self,
        learner_file: str,
        trusted_roots: Iterable[str],
        send: Callable[[dict], None],
        forbidden_calls: Iterable[str] = (),
        forbidden_ops: dict[str, str] | None = None,
    ) -> None:
        self.learner_file = learner_file
        roots = [r.rstrip("/") for r in trusted_roots if r]
        self.trusted_roots = tuple(r + "/" for r in roots)
        self.trusted_files = frozenset(roots)  # a root may be a single module file
        # The engine's own code (this package) may compile a one-line trampoline.
        self.engine_dir = os.path.dirname(os.path.abspath(__file__)) + "/"
        self.send = send
        self.forbidden_calls = frozenset(forbidden_calls)
        self.forbidden_ops = dict(forbidden_ops or {})  # aten op name -> family shown
        self.active = False  # inside a window: the learner's code has control
        self.reported = False
        self.learner_code: Any = None  # the compiled learner module, allowed to be executed
        self.extra_calls: frozenset[str] = frozenset()
        self._function_mode: _CallMode | None = None

    # -- reporting ------------------------------------------------------------------------------
    def report(self, kind: str, name: str, line: int | None, where: str = "") -> None:
        """The first hit ends the run: the trusted side fails the submission on it."""
        if self.reported:
            return
        self.reported = True
        self.send({"t": "forbidden", "kind": kind, "call": name, "line": line, "where": where})

    def learner_line(self, frame: Any = None) -> int | None:
        """The innermost line of the learner's file on the current stack."""
        frame = frame if frame is not None else sys._getframe(1)
        while frame is not None:
            if frame.f_code.co_filename == self.learner_file:
                return frame.f_lineno
            frame = frame.f_back
        return None

    def is_trusted_file(self, filename: str) -> bool:
        if filename == self.learner_file:
            return False
        return (
            filename.startswith(self.trusted_roots)
            or filename in self.trusted_files
            or filename.startswith("<frozen ")
        )

    def caller_is_learner(self, frame: Any) -> bool:
        """Whether the nearest Python frame is the learner's file or code made at run time."""
        return frame is not None and not self.is_trusted_file(frame.f_code.co_filename)

    # -- windows -------------------------------------------------------------------------------
    def window(self, extra_calls: Iterable[str] = (), *, ops: bool = True) -> _Window:
        """While the learner's code has control. `ops=False` for a backward pass, whose ATen
        operators are autograd's, not the learner's."""
        return _Window(self, frozenset(extra_calls), ops)

    def _enter(self, extra_calls: frozenset[str], ops: bool) -> None:
        self.extra_calls = extra_calls
        self.active = True
        if self.forbidden_calls or extra_calls:
            self._function_mode = _CallMode(self)
            self._function_mode.__enter__()

    def _exit(self) -> None:
        self.active = False
        self.extra_calls = frozenset()
        tampered = False
        if self._function_mode is not None:
            from torch.overrides import _get_current_function_mode_stack

            stack = _get_current_function_mode_stack()
            tampered |= not stack or stack[-1] is not self._function_mode
            tampered |= not torch._C._is_torch_function_enabled()
            tampered |= type(self._function_mode).__torch_function__ is not _ORIGINAL_HANDLER
            try:
                self._function_mode.__exit__(None, None, None)
            except Exception:  # noqa: BLE001
                tampered = True
            self._function_mode = None
        if tampered:
            self.report("tamper", "", None)

    # -- installation (once, before the learner's file is executed) ------------------------------
    def install(self) -> None:
        """Arm the tripwires laid in the zygote (`lay_tripwires`), block the forbidden
        kernels and add the audit hook."""
        lay_tripwires()
        _ARMED[0] = self
        self._block_kernels()
        sys.addaudithook(_make_audit_hook(self))

    def _block_kernels(self) -> None:
        """Replace every kernel of every forbidden ATen operator by one that reports and
        raises. The registration handle lives only in the kernels' closures."""
        if not self.forbidden_ops:
            return
        import warnings

        index = op_index()
        library = torch._C._dispatch_library("IMPL", "aten", "", "<tutor>", 0)
        keep = [library]
        guard = self

        def blocked(family: str, name: str) -> Callable:
            def kernel(*args: Any, **kwargs: Any) -> Any:
                guard.report(
                    "op", f"{family} (aten::{name.partition('.')[0]})", guard.learner_line()
                )
                raise Forbidden(f"{family} is forbidden here ({len(keep)})")

            return kernel

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for plain, family in self.forbidden_ops.items():
                for name in index.get(plain, ()):
                    for key in _KERNEL_KEYS:
                        try:
                            if torch._C._dispatch_has_kernel_for_dispatch_key(f"aten::{name}", key):
                                library.impl(name, key, blocked(family, name), False)
                        except RuntimeError:
                            continue


class _Window:
    def __init__(self, guard: Guard, extra_calls: frozenset[str], ops: bool) -> None:
        self.guard = guard
        self.extra_calls = extra_calls
        self.ops = ops

    def __enter__(self) -> _Window:
        self.guard._enter(self.extra_calls, self.ops)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.guard._exit()


class _CallMode(TorchFunctionMode):
    """Names the public torch function the learner's code called."""

    def __init__(self, guard: Guard) -> None:
        super().__init__()
        self.guard = guard

    def __torch_function__(self, func, types, args=(), kwargs=None):
        guard = self.guard
        if guard.active:
            name = normalize_call_name(getattr(func, "__name__", "") or "")
            if name in guard.forbidden_calls:
                guard.report("call", display_name(func), guard.learner_line())
            elif name in guard.extra_calls:
                guard.report("call", display_name(func), guard.learner_line(), "backward")
        return func(*args, **(kwargs or {}))


_ORIGINAL_HANDLER = _CallMode.__torch_function__

# The guard of this learner's process, once armed. The tripwires below are laid once, in the
# zygote (so no learner's process pays for wrapping a thousand functions), and do nothing
# until a guard is armed here.
_ARMED: list[Guard | None] = [None]
_LAID = [False]


def lay_tripwires() -> None:
    if _LAID[0]:
        return
    _LAID[0] = True
    _wrap_threads()
    _wrap_switches()
    _wrap_private_modules()


def _wrap_threads() -> None:
    import _thread
    import threading

    def wrap(original: Callable) -> Callable:
        def start_thread(*args: Any, **kwargs: Any) -> Any:
            guard = _ARMED[0]
            if guard is not None and guard.active:
                guard.report("call", "threading", guard.learner_line())
                raise Forbidden("threads are not allowed here")
            return original(*args, **kwargs)

        return start_thread

    for module in (_thread, threading):
        for name in ("start_new_thread", "_start_new_thread", "start_joinable_thread"):
            original = getattr(module, name, None)
            if callable(original):
                setattr(module, name, wrap(original))


def _wrap_switches() -> None:
    import importlib

    for module_name, name in _SWITCHES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        original = getattr(module, name, None)
        if original is None:
            continue

        def tripwire(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            guard = _ARMED[0]
            if guard is not None and guard.active and guard.caller_is_learner(sys._getframe(1)):
                guard.report("tamper", "", guard.learner_line())
            return _original(*args, **kwargs)

        setattr(module, name, tripwire)


def _wrap_private_modules() -> None:
    import inspect

    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith(_PRIVATE_MODULES):
            continue
        for name, value in list(vars(module).items()):
            if name.startswith("__") or not inspect.isfunction(value):
                continue
            shown = f"{module_name}.{name}"

            def tripwire(
                *args: Any, _original: Any = value, _shown: str = shown, **kwargs: Any
            ) -> Any:
                guard = _ARMED[0]
                if guard is not None and guard.active and guard.caller_is_learner(sys._getframe(1)):
                    guard.report("call", _shown, guard.learner_line())
                return _original(*args, **kwargs)

            tripwire.__name__ = value.__name__
            tripwire.__qualname__ = value.__qualname__
            try:
                setattr(module, name, tripwire)
            except (AttributeError, TypeError):
                pass


def _make_audit_hook(guard: Guard) -> Callable[[str, tuple], None]:
    """A closure, not a bound method: nothing reachable by name holds the hook's state."""
    busy = [False]
    getframe = sys._getframe
    always = dict(_ALWAYS)
    frame_attributes = _FRAME_ATTRIBUTES
    compiles_strings = _STRING_RUNNERS

    def caller_module(frame: Any) -> str:
        name = frame.f_globals.get("__name__", "") if frame is not None else ""
        return name if isinstance(name, str) else ""

    def hook(event: str, args: tuple) -> None:
        if busy[0]:
            return
        busy[0] = True
        try:
            if event in always:
                frame = getframe(1)
                guard.report("audit", always[event], guard.learner_line(frame))
                raise Forbidden(always[event])
            if event in ("compile", "exec", "marshal.loads", "marshal.load"):
                frame = getframe(1)
                if event == "exec" and args and args[0] is guard.learner_code:
                    return
                module = caller_module(frame)
                if module.startswith("importlib") or module == "<frozen importlib._bootstrap>":
                    # An import: fine for the Python installation, not for a file the
                    # learner's code wrote into its folder and put on sys.path.
                    filename = _code_filename(event, args)
                    if filename is None or guard.is_trusted_file(filename):
                        return
                elif (
                    frame is not None
                    and guard.is_trusted_file(frame.f_code.co_filename)
                    and not module.startswith(compiles_strings)
                ):
                    return  # library code generating its own code (dataclasses, torch, ...)
                guard.report("audit", "exec/eval/compile", guard.learner_line(frame))
                raise Forbidden(event)
            if event == "object.__getattr__" and len(args) > 1 and args[1] in frame_attributes:
                frame = getframe(1)
                if guard.caller_is_learner(frame):
                    guard.report("tamper", str(args[1]), guard.learner_line(frame))
                    raise Forbidden(str(args[1]))
            elif event == "sys._getframe":
                frame = getframe(1)
                if guard.caller_is_learner(frame):
                    guard.report("tamper", "sys._getframe", guard.learner_line(frame))
                    raise Forbidden("sys._getframe")
        finally:
            busy[0] = False

    return hook


def _code_filename(event: str, args: tuple) -> str | None:
    if not args:
        return None
    if event == "compile" and len(args) > 1:
        name = args[1]
        return name if isinstance(name, str) else os.fsdecode(name) if name else None
    code = args[0]
    filename = getattr(code, "co_filename", None)
    return filename if isinstance(filename, str) else None
