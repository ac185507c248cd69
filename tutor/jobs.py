"""Many grading requests at once, for instructors: `pack validate`, `tutor grade`, exports.

Each request goes to the warm worker like a learner's own `tutor submit`; what this module
adds is what a class needs: requests run in parallel, every wait has a deadline (a grader
that hangs cannot hang the run), and a fault of the pack (its grader or reference) is told
apart from the worker being unreachable. Headless: imports neither torch nor any UI library.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from tutor import messages as M
from tutor.grading import client
from tutor.grading.verdict import CannotGrade, Verdict
from tutor.pack.loader import Pack
from tutor.pack.model import Exercise

# Beyond the exercise's own time limit, what a grading request may take before it is given
# up on: starting the worker, building cases, computing the references.
DEADLINE_MARGIN_S = 90.0
DEADLINE_FACTOR = 3.0

PACK_FAULT_KINDS = ("grader", "pack")


@dataclass
class EngineFault:
    """Grading could not run: `kind` is "grader" or "pack" when the pack is at fault."""

    kind: str
    message: str
    file: str | None = None
    line: int | None = None

    @property
    def is_pack_fault(self) -> bool:
        return self.kind in PACK_FAULT_KINDS

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "file": self.file, "line": self.line}


def engine_fault(exc: CannotGrade) -> EngineFault:
    """What a CannotGrade says. The engine names its kind ("grader", "device", ...); an older
    engine only says it in words, so the words are read where the kind is missing."""
    message = str(exc)
    kind = getattr(exc, "kind", None)
    if not kind:
        grader_broken = M.GRADE_GRADER_BROKEN.split("(")[0]
        if message.startswith(grader_broken):
            kind = "grader"
        elif message in (M.GRADE_CUDA_UNAVAILABLE,) or "CUDA" in message:
            kind = "device"
        else:
            kind = "worker"
    line = getattr(exc, "line", None)
    return EngineFault(
        kind=str(kind),
        message=message,
        file=getattr(exc, "file", None),
        line=line if isinstance(line, int) else None,
    )


def deadline_for(exercise: Exercise) -> float:
    return exercise.timeout_s * DEADLINE_FACTOR + DEADLINE_MARGIN_S


def grade_request(
    pack: Pack,
    exercise: Exercise,
    file: Path,
    *,
    seed: int,
    device: str,
    source: bytes | None = None,
) -> dict[str, Any]:
    """The request `Session.grade_file` sends, for a pack that may not load as a whole. The
    file travels as the bytes read once (`source`, else read now)."""
    return client.make_request(
        exercise=exercise.id,
        grader=pack.path(exercise.grader),
        file=file.resolve(),
        source=source if source is not None else file.read_bytes(),
        symbols=list(exercise.symbols),
        signature=exercise.signature,
        seed=seed,
        device=device,
        timeout_s=exercise.timeout_s,
        memory_mb=exercise.memory_mb,
    )


class DeadlinePassed(Exception):
    pass


T = TypeVar("T")


def call_with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """Run `fn` in a daemon thread and wait at most `seconds`. A call that does not come
    back is left behind (a daemon thread never holds up the end of the process)."""
    box: dict[str, Any] = {}
    done = threading.Event()

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller below
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=target, daemon=True, name="tutor-grade-call").start()
    if not done.wait(seconds):
        raise DeadlinePassed(seconds)
    if "error" in box:
        raise box["error"]
    return box["value"]


@dataclass
class Outcome:
    """One request's result: a verdict, or the reason there is none."""

    verdict: Verdict | None = None
    fault: EngineFault | None = None


def grade_with_deadline(request: dict[str, Any], home: Path, seconds: float) -> Outcome:
    try:
        return Outcome(verdict=call_with_deadline(lambda: client.grade(request, home), seconds))
    except CannotGrade as exc:
        return Outcome(fault=engine_fault(exc))
    except DeadlinePassed:
        return Outcome(fault=EngineFault("grader", M.JOBS_DEADLINE.format(seconds=round(seconds))))


K = TypeVar("K")


def run_parallel(
    tasks: Iterable[tuple[K, Callable[[], Any]]],
    jobs: int,
    on_result: Callable[[K, Any], bool | None],
) -> bool:
    """Run every task on `jobs` daemon threads; `on_result` is called on this thread, in the
    order tasks finish, so that it may write files without locks. When it returns True the
    run stops: no further task starts. Returns whether every task ran."""
    pending: queue.Queue = queue.Queue()
    results: queue.Queue = queue.Queue()
    stop = threading.Event()
    count = 0
    for item in tasks:
        pending.put(item)
        count += 1

    def work() -> None:
        while not stop.is_set():
            try:
                key, task = pending.get_nowait()
            except queue.Empty:
                return
            try:
                results.put((key, task(), None))
            except BaseException as exc:  # noqa: BLE001 - raised again on the main thread
                results.put((key, None, exc))

    for _ in range(max(1, min(jobs, count))):
        threading.Thread(target=work, daemon=True, name="tutor-grade-worker").start()
    for _ in range(count):
        key, value, error = results.get()
        if error is not None:
            stop.set()
            raise error
        if on_result(key, value):
            stop.set()
            return False
    return True
