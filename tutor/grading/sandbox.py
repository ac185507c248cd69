"""The learner's process: forked from the grading job, limited, watched, and never trusted.

The child runs the learner's file and the grader's `run_case` for every case, and sends back
values as length-prefixed `torch.save` frames. The parent reads them with
`torch.load(weights_only=True)` (no arbitrary objects), enforces the wall-time and memory
limits, keeps at most `output_limit` bytes of what the child printed, and decides nothing
from the child's word alone: values are compared with the reference afterwards.
"""

from __future__ import annotations

import io
import os
import resource
import selectors
import signal
import struct
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import torch
from torch.overrides import TorchFunctionMode

from tutor import messages as M
from tutor.grading.compare import RemoteOther, RemoteTensor
from tutor.grading.spec import Grader, PreparedCase, normalize_call_name

MAX_FRAME = 512 * 1024 * 1024
_HEADER = struct.Struct(">I")


# ---------------------------------------------------------------------------------------------
# Values across the process boundary
# ---------------------------------------------------------------------------------------------


def encode(value: Any, depth: int = 0) -> Any:
    """Turn a result into something `torch.load(weights_only=True)` accepts."""
    if depth > 20:
        return {"__other__": type(value).__name__, "text": ""}
    if isinstance(value, torch.Tensor):
        return {
            "__tensor__": value.detach().to("cpu", copy=True),
            "device": str(value.device),
            "requires_grad": bool(value.requires_grad),
            "is_parameter": isinstance(value, torch.nn.Parameter),
        }
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, tuple):
        return ("__tuple__", [encode(v, depth + 1) for v in value])
    if isinstance(value, list):
        return [encode(v, depth + 1) for v in value]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"__dict__": {k: encode(v, depth + 1) for k, v in value.items()}}
    try:
        text = repr(value)[:200]
    except Exception:  # a learner's __repr__ may raise
        text = ""
    return {"__other__": type(value).__name__, "text": text}


def decode(value: Any) -> Any:
    if isinstance(value, dict):
        if "__tensor__" in value:
            return RemoteTensor(
                value["__tensor__"], value["device"], value["requires_grad"], value["is_parameter"]
            )
        if "__other__" in value:
            return RemoteOther(value["__other__"], value.get("text", ""))
        if "__dict__" in value:
            return {k: decode(v) for k, v in value["__dict__"].items()}
        raise ValueError("unknown frame value")
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "__tuple__":
        return tuple(decode(v) for v in value[1])
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def write_frame(fd: int, message: dict) -> None:
    buffer = io.BytesIO()
    torch.save(message, buffer)
    data = buffer.getvalue()
    view = memoryview(_HEADER.pack(len(data)) + data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_frame(payload: bytes) -> dict:
    return torch.load(io.BytesIO(payload), weights_only=True)


# ---------------------------------------------------------------------------------------------
# Watching which torch functions the learner's code calls
# ---------------------------------------------------------------------------------------------


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


class CallRecorder(TorchFunctionMode):
    """Records forbidden torch calls made while any frame of the learner's file is running.

    Only the outermost call is seen (the mode is off while a call runs), so `F.cross_entropy`
    is one call, not the softmax inside it; and the harness's own calls, made with no learner
    frame on the stack, are not counted.
    """

    def __init__(self, learner_file: str, forbidden: frozenset[str]):
        super().__init__()
        self.learner_file = learner_file
        self.forbidden = forbidden
        self.hits: list[tuple[str, int]] = []
        self.tampered = False

    def __torch_function__(self, func, types, args=(), kwargs=None):
        if self.forbidden and normalize_call_name(getattr(func, "__name__", "")) in self.forbidden:
            line = learner_line(self.learner_file)
            if line is not None:
                self.hits.append((display_name(func), line))
        return func(*args, **(kwargs or {}))


def learner_line(learner_file: str, tb=None) -> int | None:
    """The innermost line of the learner's file on the current stack (or in a traceback)."""
    if tb is not None:
        line = None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == learner_file:
                line = tb.tb_lineno
            tb = tb.tb_next
        return line
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == learner_file:
            return frame.f_lineno
        frame = frame.f_back
    return None


def recorder_active(recorder: CallRecorder) -> bool:
    from torch.overrides import _get_current_function_mode_stack

    return (
        any(mode is recorder for mode in _get_current_function_mode_stack())
        and torch._C._is_torch_function_enabled()
    )


# ---------------------------------------------------------------------------------------------
# The child
# ---------------------------------------------------------------------------------------------


@dataclass
class ChildPlan:
    learner_file: str
    source: str
    grader: Grader
    cases: list[PreparedCase]
    device: str
    memory_mb: int
    limit_address_space: bool


_MEMORY_MARKERS = (
    "can't allocate memory",
    "out of memory",
    "DefaultCPUAllocator",
    "std::bad_alloc",
)
_LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation"


def classify_exception(
    exc: BaseException, learner_file: str, at_import: bool
) -> tuple[str, str, int | None]:
    line = learner_line(learner_file, exc.__traceback__)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, MemoryError) or (
        isinstance(exc, RuntimeError) and any(m in str(exc) for m in _MEMORY_MARKERS)
    ):
        return "memory", M.GRADE_MEMORY_EXCEPTION.format(exc=text or type(exc).__name__), line
    if isinstance(exc, SystemExit):
        return "exception", M.GRADE_SYSTEM_EXIT.format(code=exc.code), line
    if isinstance(exc, NotImplementedError):
        return "exception", M.GRADE_STILL_STARTER, line
    if at_import:
        if isinstance(exc, ModuleNotFoundError) and exc.name:
            return "import", M.GRADE_IMPORT_MODULE.format(module=exc.name), line
        return "import", M.GRADE_IMPORT.format(exc=f"{type(exc).__name__}: {text}"), line
    if _LEAF_INPLACE in str(exc):
        return "exception", M.GRADE_LEAF_INPLACE, line
    return "exception", M.GRADE_EXCEPTION.format(exc_type=type(exc).__name__, exc=text), line


def _set_limits(plan: ChildPlan) -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if plan.limit_address_space:
        # Address space = what the forked process already maps + the allowance.
        with open("/proc/self/status") as status:
            vm_kib = next(int(row.split()[1]) for row in status if row.startswith("VmSize:"))
        limit = vm_kib * 1024 + plan.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def child_main(plan: ChildPlan, result_fd: int, output_fd: int) -> None:
    """Runs in the forked child; never returns."""
    try:
        os.setpgid(0, 0)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(output_fd, 1)
        os.dup2(output_fd, 2)
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = sys.stdout
        # Keep only stdin/out/err and the result pipe (as fd 3). Everything else inherited
        # from the grading job, the client's connection above all, is closed, so the
        # learner's code cannot write to anyone but us.
        if result_fd != 3:
            os.dup2(result_fd, 3)
            result_fd = 3
        os.closerange(4, resource.getrlimit(resource.RLIMIT_NOFILE)[0])
        torch.set_num_threads(max(1, plan.grader.threads))
        _set_limits(plan)
        _run_learner(plan, result_fd)
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001 - last resort: say something rather than nothing
        try:
            write_frame(
                result_fd,
                {
                    "t": "fatal",
                    "kind": "crash",
                    "message": traceback.format_exc()[-500:],
                    "line": None,
                },
            )
        except BaseException:
            pass
    os._exit(0)


# A way to switch the recorder off for a moment that torch itself never uses on the paths a
# learner's code takes; using it from the learner's code counts as tampering. (Other
# switches, such as `_disable_current_modes`, are used by torch when printing a tensor, so
# guarding them would fail honest code; the static check catches them by name instead.)
_ESCAPE_HATCHES = ((torch._C, "DisableTorchFunction"),)


def _guard_escape_hatches(recorder: CallRecorder) -> None:
    for module, name in _ESCAPE_HATCHES:
        original = getattr(module, name, None)
        if original is None:
            continue

        def guarded(*args, _original=original, **kwargs):
            if learner_line(recorder.learner_file) is not None:
                recorder.tampered = True
            return _original(*args, **kwargs)

        setattr(module, name, guarded)


def _run_learner(plan: ChildPlan, fd: int) -> None:
    recorder = CallRecorder(plan.learner_file, plan.grader.forbidden)
    device = torch.device(plan.device)
    _guard_escape_hatches(recorder)
    recorder.__enter__()
    namespace: dict[str, Any] = {
        "__name__": "cozum",
        "__file__": plan.learner_file,
        "__builtins__": __builtins__,
    }
    try:
        code = compile(plan.source, plan.learner_file, "exec")
        exec(code, namespace)  # noqa: S102 - this is the learner's own code, in its own process
    except BaseException as exc:  # noqa: BLE001
        kind, message, line = classify_exception(exc, plan.learner_file, at_import=True)
        write_frame(fd, {"t": "fatal", "kind": kind, "message": message, "line": line})
        return
    if not _report_forbidden(recorder, fd):
        return
    for name in plan.grader.symbols:
        if name not in namespace:
            write_frame(fd, {"t": "fatal", "kind": "missing_symbol", "message": name, "line": None})
            return
    write_frame(fd, {"t": "loaded"})
    for case in plan.cases:
        write_frame(fd, {"t": "start", "i": case.index})
        try:
            value = plan.grader.run_case(namespace, case, device)
            frame = {"t": "result", "i": case.index, "value": encode(value)}
        except BaseException as exc:  # noqa: BLE001
            kind, message, line = classify_exception(exc, plan.learner_file, at_import=False)
            frame = {
                "t": "case_error",
                "i": case.index,
                "kind": kind,
                "message": message,
                "line": line,
            }
        if not _report_forbidden(recorder, fd):
            return
        write_frame(fd, frame)
    write_frame(fd, {"t": "done"})


def _report_forbidden(recorder: CallRecorder, fd: int) -> bool:
    if recorder.tampered or not recorder_active(recorder):
        write_frame(fd, {"t": "forbidden", "call": None, "line": None})
        return False
    if recorder.hits:
        call, line = recorder.hits[0]
        write_frame(fd, {"t": "forbidden", "call": call, "line": line})
        return False
    return True


# ---------------------------------------------------------------------------------------------
# The parent: fork, watch, collect
# ---------------------------------------------------------------------------------------------


@dataclass
class ChildRun:
    frames: list[dict] = field(default_factory=list)
    output: bytes = b""
    output_dropped: int = 0
    timed_out: bool = False
    over_memory: bool = False
    bad_frames: bool = False
    exit_status: int | None = None
    exit_signal: int | None = None
    killed: bool = False  # killed by the parent (limit reached or left running)
    wall_s: float = 0.0


def run_child(
    plan: ChildPlan,
    *,
    timeout_s: float,
    output_limit: int,
    on_frame: Callable[[dict], None] | None = None,
) -> ChildRun:
    result_r, result_w = os.pipe()
    output_r, output_w = os.pipe()
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's side, exercised by every grading test
        os.close(result_r)
        os.close(output_r)
        child_main(plan, result_w, output_w)
    os.close(result_w)
    os.close(output_w)
    run = ChildRun()
    try:
        _watch(pid, plan, result_r, output_r, start + timeout_s, output_limit, run, on_frame)
    finally:
        if not (run.timed_out or run.over_memory):
            _wait_briefly(pid, run)
        if run.exit_status is None and run.exit_signal is None:
            run.killed = True
        try:
            os.killpg(pid, signal.SIGKILL)  # the child and anything it started
        except (ProcessLookupError, PermissionError):
            pass
        if run.exit_status is None and run.exit_signal is None:
            _, status = os.waitpid(pid, 0)
            _record_exit(run, status)
        os.close(result_r)
        os.close(output_r)
    run.wall_s = time.monotonic() - start
    return run


def _wait_briefly(pid: int, run: ChildRun, seconds: float = 1.0) -> None:
    """The pipes closed; give the child a moment to exit on its own before it is killed."""
    end = time.monotonic() + seconds
    while run.exit_status is None and run.exit_signal is None and time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            _record_exit(run, status)
            return
        time.sleep(0.002)


def _record_exit(run: ChildRun, status: int) -> None:
    if os.WIFSIGNALED(status):
        run.exit_signal = os.WTERMSIG(status)
    else:
        run.exit_status = os.WEXITSTATUS(status)


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _watch(pid, plan, result_r, output_r, deadline, output_limit, run: ChildRun, on_frame) -> None:
    selector = selectors.DefaultSelector()
    selector.register(result_r, selectors.EVENT_READ, "result")
    selector.register(output_r, selectors.EVENT_READ, "output")
    pending = bytearray()
    kept = bytearray()
    open_streams = 2
    memory_limit = plan.memory_mb * 1024 * 1024
    exited_at: float | None = None
    try:
        while open_streams:
            now = time.monotonic()
            if now >= deadline:
                run.timed_out = True
                break
            if exited_at is None:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    _record_exit(run, status)
                    exited_at = now
            elif now - exited_at > 0.5:  # the child is gone; something it left holds the pipes
                break
            if _rss_bytes(pid) > memory_limit:
                run.over_memory = True
                break
            for key, _ in selector.select(timeout=min(0.05, max(0.0, deadline - now))):
                chunk = os.read(key.fd, 1 << 16)
                if not chunk:
                    selector.unregister(key.fd)
                    open_streams -= 1
                    continue
                if key.data == "output":
                    room = output_limit - len(kept)
                    if room > 0:
                        kept += chunk[:room]
                    run.output_dropped += max(0, len(chunk) - max(room, 0))
                    continue
                pending += chunk
                while len(pending) >= _HEADER.size:
                    (size,) = _HEADER.unpack_from(pending)
                    if size > MAX_FRAME:
                        run.bad_frames = True
                        return
                    if len(pending) < _HEADER.size + size:
                        break
                    payload = bytes(pending[_HEADER.size : _HEADER.size + size])
                    del pending[: _HEADER.size + size]
                    try:
                        frame = read_frame(payload)
                        if not isinstance(frame, dict) or "t" not in frame:
                            raise ValueError("frame without a type")
                    except Exception:  # noqa: BLE001 - anything unreadable is the child's fault
                        run.bad_frames = True
                        return
                    run.frames.append(frame)
                    if on_frame is not None:
                        on_frame(frame)
    finally:
        selector.close()
        run.output = bytes(kept)
