"""The engine's code inside the learner's process: it calls the learner's code and records.

This package is what the learner's process holds besides torch and the standard library. It
is imported in a fresh interpreter (the zygote, `tutor.grading.zygote`) that never sees a
grader, a reference, a case generator, an expected value or a solution; each learner process
is forked from it, confined by the operating system, and then receives a *plan*: the
learner's source and, per case, inputs as data and what to do with them (`kinds`). It sends
back what happened, as data (`tutor.grading.wire`), one frame per event:

    {"t": "loaded"} {"t": "start", "i": 3} {"t": "result", "i": 3, "value": ...}
    {"t": "case_error", "i": 3, ...} {"t": "fatal", ...} {"t": "forbidden", ...} {"t": "done"}

Nothing here decides a verdict; the grading job compares every value itself afterwards.
Imports only the standard library, torch and this package (plus `tutor.grading.wire`).
"""

from __future__ import annotations

import builtins
import errno
import os
import sys
import types
from collections.abc import Callable
from typing import Any

import torch

from tutor.grading import wire
from tutor.grading.driver import kinds
from tutor.grading.driver.guard import Forbidden, Guard

# How much of an exception's text travels back (the trusted side caps it again).
EXC_TEXT = 2000
_MEMORY_MARKERS = (
    "can't allocate memory",
    "out of memory",
    "DefaultCPUAllocator",
    "std::bad_alloc",
)
_LEAF_INPLACE = "a leaf Variable that requires grad is being used in an in-place operation"


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def read_plan(fd: int, limit: int = 1 << 31) -> dict:
    """The plan is one frame on `fd`, written by the grading job."""
    header = _read_exactly(fd, wire.LENGTH.size)
    (size,) = wire.LENGTH.unpack(header)
    if size > limit:
        raise ValueError("plan too large")
    payload = _read_exactly(fd, size)
    limits = wire.Limits(header_bytes=1 << 30, nodes=50_000_000, tensors=10_000_000, text=1 << 30)
    plan = wire.loads(payload, limits=limits)
    if not isinstance(plan, dict):
        raise ValueError("plan is not a mapping")
    return plan


def _read_exactly(fd: int, n: int) -> bytes:
    chunks = []
    while n:
        chunk = os.read(fd, min(n, 1 << 20))
        if not chunk:
            raise EOFError("plan ended early")
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def describe_exception(exc: BaseException, guard: Guard | None, learner_file: str) -> dict:
    """What the trusted side needs to word an exception: facts, not sentences."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == learner_file:
            line = tb.tb_lineno
        tb = tb.tb_next
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a learner's exception with a broken __str__
        text = ""
    text = text.strip()
    info: dict[str, Any] = {
        "exc_type": type(exc).__name__[:100],
        "exc": text[:EXC_TEXT],
        "line": line,
    }
    if isinstance(exc, MemoryError) or (
        isinstance(exc, RuntimeError) and any(m in text for m in _MEMORY_MARKERS)
    ):
        info["memory"] = True
    if isinstance(exc, SystemExit):
        info["system_exit"] = repr(exc.code)[:100]
    if isinstance(exc, NotImplementedError):
        info["not_implemented"] = True
    if isinstance(exc, ModuleNotFoundError) and exc.name:
        info["module"] = str(exc.name)[:100]
    if isinstance(exc, Forbidden):
        info["forbidden"] = True
    if isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        info["file_too_large"] = True
    if _LEAF_INPLACE in text:
        info["leaf_inplace"] = True
    return info


def run(plan: dict, send: Callable[[dict], None]) -> None:
    """Execute the learner's file and every case of the plan; never raises."""
    learner_file = str(plan["file"])
    device = torch.device(str(plan.get("device", "cpu")))
    torch.set_num_threads(max(1, int(plan.get("threads", 1))))
    guard = Guard(
        learner_file,
        trusted_roots=list(plan.get("trusted_roots", [])),
        send=send,
        forbidden_calls=list(plan.get("calls", [])),
        forbidden_ops=dict(plan.get("ops", {})),
    )
    kinds.OPTIM_TRIPWIRES.arm(guard if plan.get("optim_tripwires") else None)
    try:
        code = compile(str(plan["source"]), learner_file, "exec", dont_inherit=True)
    except SyntaxError as exc:
        send({"t": "fatal", "kind": "syntax", "exc": str(exc.msg)[:EXC_TEXT], "line": exc.lineno})
        return
    guard.learner_code = code
    module = types.ModuleType("cozum")
    module.__file__ = learner_file
    sys.modules["cozum"] = module  # so that a model of the learner's class can be pickled
    namespace: dict[str, Any] = module.__dict__
    namespace["__builtins__"] = builtins
    _forget_engine_modules()
    guard.install()
    try:
        with guard.window():
            exec(code, namespace)  # noqa: S102 - the learner's code, in its own confined process
    except BaseException as exc:  # noqa: BLE001
        if not guard.reported:
            info = describe_exception(exc, guard, learner_file)
            send({"t": "fatal", "kind": "import", **info})
        return
    if guard.reported:
        return
    for name in plan.get("symbols", []):
        if name not in namespace:
            send({"t": "fatal", "kind": "missing_symbol", "name": str(name)})
            return
    send({"t": "loaded"})
    context = kinds.Context(namespace, guard, device, learner_file, str(plan["source"]))
    current = [0]
    last_progress = [0.0]

    def progress(data: dict) -> None:
        import time

        now = time.monotonic()
        if now - last_progress[0] >= 0.05:
            last_progress[0] = now
            send({"t": "progress", "i": current[0], **data})

    context.progress = progress
    for case in plan.get("cases", []):
        index = int(case["index"])
        current[0] = index
        send({"t": "start", "i": index})
        try:
            value = kinds.run_case(context, case)
            message = {"t": "result", "i": index, "value": value}
        except BaseException as exc:  # noqa: BLE001
            message = {
                "t": "case_error",
                "i": index,
                **describe_exception(exc, guard, learner_file),
            }
        if guard.reported:
            return
        send(message)
    # The trusted side stops reading once "done" arrives: what was printed must be out first.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001, S110 - the learner may have closed or replaced it
            pass
    send({"t": "done"})


def _forget_engine_modules() -> None:
    """The engine's modules stay loaded (they run this), but not importable by name: the
    learner's code cannot `import tutor...` to reach them, and the files are unreadable."""
    for name in [n for n in sys.modules if n == "tutor" or n.startswith("tutor.")]:
        del sys.modules[name]
