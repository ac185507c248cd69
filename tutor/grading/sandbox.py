"""The trusted side of a learner's run: ask the zygote for a process, feed it, watch it.

Runs in the grading job. The learner's process is not our child: the zygote forks it (see
`tutor.grading.zygote`), so it starts with nothing of the grader in memory. We hand it the
plan through a pipe, read its frames and its output through two more, and hold every
deadline here: the wall-time limit, the memory limit summed over every process of its PID
namespace, the size and number of frames and of output bytes. Whatever it does, we end it
(a pidfd signal kills its whole PID namespace) and report what we saw; we never decide
anything from its word alone: values are compared with the reference afterwards.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import shutil
import signal
import socket
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tutor.grading import wire
from tutor.grading.compare import RemoteOther, RemoteTensor
from tutor.grading.zygote import receive, send

MAX_FRAME = 256 * 1024 * 1024
MAX_FRAMES = 20_000
MAX_RESULT_BYTES = 1024 * 1024 * 1024
SPAWN_DEADLINE_S = 60.0  # covers a zygote that is still importing torch
LEARNER_DEADLINE_S = 10.0
EXIT_DEADLINE_S = 3.0
MEMORY_POLL_S = 0.05


@dataclass
class ChildRun:
    frames: list[dict] = field(default_factory=list)
    output: bytes = b""
    output_dropped: int = 0
    timed_out: bool = False
    over_memory: bool = False
    bad_frames: bool = False
    too_much: bool = False  # frames over their count or size limits
    exit_status: int | None = None
    exit_signal: int | None = None
    killed: bool = False  # killed by us (a limit reached, or left running)
    finished: bool = False  # said "done": ended by us without waiting for it to exit
    spawn_failed: str = ""  # the engine could not start the process (not the learner's fault)
    protections: list[str] = field(default_factory=list)
    wall_s: float = 0.0


def decode_frame(payload: bytes) -> Any:
    """A learner's frame: wire format only, with the trusted limits."""

    def make(tensor, meta):
        return RemoteTensor(tensor, meta.device, meta.requires_grad, meta.is_parameter)

    value = wire.loads(payload, limits=wire.TRUSTED_LIMITS, make_tensor=make)
    return _others(value)


def _others(value: Any) -> Any:
    if isinstance(value, wire.Other):
        return RemoteOther(value.type_name, value.text)
    if isinstance(value, list):
        return [_others(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_others(v) for v in value)
    if isinstance(value, dict):
        return {k: _others(v) for k, v in value.items()}
    return value


class _Process:
    """A process we did not fork, reached through a pidfd where the kernel has them."""

    def __init__(self, pid: int, pidfd: int | None) -> None:
        self.pid = pid
        self.pidfd = pidfd

    def kill(self, group: bool = False) -> None:
        """SIGKILL. For the learner's init, that ends its whole PID namespace; where there
        is no namespace (`group`), its process group too."""
        with contextlib.suppress(ProcessLookupError, OSError):
            if self.pidfd is not None:
                signal.pidfd_send_signal(self.pidfd, signal.SIGKILL)
            else:
                os.kill(self.pid, signal.SIGKILL)
        if group or self.pidfd is None:
            with contextlib.suppress(ProcessLookupError, PermissionError, OSError):
                os.killpg(self.pid, signal.SIGKILL)

    def close(self) -> None:
        if self.pidfd is not None:
            with contextlib.suppress(OSError):
                os.close(self.pidfd)
            self.pidfd = None


def run_learner(
    channel: socket.socket,
    plan: dict,
    *,
    timeout_s: float,
    memory_mb: int,
    device: str,
    threads: int,
    output_limit: int,
    on_frame: Callable[[dict], None] | None = None,
    defer: list[Callable[[], None]] | None = None,
) -> ChildRun:
    """Run one plan in a new learner's process and return what it said and how it ended.

    A process that has said "done" has nothing more to tell: it is killed and the frames
    are returned at once. Waiting for it (its exit, the end of its namespace) and removing
    its folder take some 15 ms; with `defer`, that is appended there to be run later (after
    the verdict is sent) instead of now.
    """
    run = ChildRun()
    started = time.monotonic()
    tmpdir = tempfile.mkdtemp(prefix="tutor-ogrenci-")
    plan_r, plan_w = os.pipe()
    result_r, result_w = os.pipe()
    output_r, output_w = os.pipe()
    supervisor: _Process | None = None
    learner: _Process | None = None
    try:
        request = {
            "op": "spawn",
            "tmpdir": tmpdir,
            "device": device,
            "limits": {
                "timeout_s": timeout_s,
                "memory_mb": memory_mb,
                "address_space": device == "cpu",
                "threads": threads,
            },
        }
        try:
            send(channel, request, [plan_r, result_w, output_w])
        except OSError as exc:
            run.spawn_failed = f"{type(exc).__name__}: {exc}"
            return run
        finally:
            for fd in (plan_r, result_w, output_w):
                os.close(fd)
        channel.settimeout(SPAWN_DEADLINE_S)
        message, fds = _receive(channel)
        if not message or message.get("event") != "supervisor":
            run.spawn_failed = "zygote did not answer"
            return run
        supervisor = _Process(int(message["pid"]), fds[0] if fds else None)
        channel.settimeout(LEARNER_DEADLINE_S)
        message, fds = _receive(channel)
        if not message or message.get("event") != "learner":
            run.spawn_failed = "supervisor did not start the learner's process"
            return run
        learner = _Process(int(message["pid"]), fds[0] if fds else None)
        run.protections = [str(p) for p in message.get("protections", [])][:32]
        channel.setblocking(False)
        _watch(
            run,
            channel,
            learner,
            plan_w,
            wire.frame(plan),
            result_r,
            output_r,
            time.monotonic() + timeout_s,
            memory_mb * 1024 * 1024,
            output_limit,
            on_frame,
        )
    finally:
        if learner is not None and (run.exit_status is None and run.exit_signal is None):
            run.killed = True
            learner.kill(group="pidns" not in run.protections)

        def end() -> None:
            if learner is not None and run.killed:
                _await_exit(run, channel)
            if run.exit_status is None and run.exit_signal is None and supervisor is not None:
                supervisor.kill()
            for process in (learner, supervisor):
                if process is not None:
                    process.close()
            for fd in (plan_w, result_r, output_r):
                with contextlib.suppress(OSError):
                    os.close(fd)
            _remove_tree(tmpdir)

        run.wall_s = time.monotonic() - started
        if run.finished and defer is not None:
            defer.append(end)
        else:
            end()
            run.wall_s = time.monotonic() - started
    return run


def _receive(channel: socket.socket) -> tuple[dict | None, list[int]]:
    try:
        return receive(channel, 1)
    except (OSError, TimeoutError):
        return None, []


def _await_exit(run: ChildRun, channel: socket.socket) -> None:
    """After killing the learner's process, its supervisor reports the wait status."""
    deadline = time.monotonic() + EXIT_DEADLINE_S
    channel.setblocking(True)
    while time.monotonic() < deadline and run.exit_status is None and run.exit_signal is None:
        channel.settimeout(max(0.01, deadline - time.monotonic()))
        message, fds = _receive(channel)
        for fd in fds:
            os.close(fd)
        if message is None:
            return
        if message.get("event") == "exit":
            _record_exit(run, int(message.get("status", 0)))


def _record_exit(run: ChildRun, status: int) -> None:
    if os.WIFSIGNALED(status):
        run.exit_signal = os.WTERMSIG(status)
    else:
        run.exit_status = os.WEXITSTATUS(status)


def _watch(
    run: ChildRun,
    channel: socket.socket,
    learner: _Process,
    plan_w: int,
    plan_bytes: bytes,
    result_r: int,
    output_r: int,
    deadline: float,
    memory_limit: int,
    output_limit: int,
    on_frame: Callable[[dict], None] | None,
) -> None:
    os.set_blocking(plan_w, False)
    selector = selectors.DefaultSelector()
    selector.register(result_r, selectors.EVENT_READ, "result")
    selector.register(output_r, selectors.EVENT_READ, "output")
    selector.register(channel, selectors.EVENT_READ, "channel")
    selector.register(plan_w, selectors.EVENT_WRITE, "plan")
    reader = wire.FrameReader(MAX_FRAME)
    pending = memoryview(plan_bytes)
    kept = bytearray()
    open_streams = 2
    result_bytes = 0
    exited_at: float | None = None
    memory = _MemoryWatch(learner.pid)
    next_memory = 0.0
    try:
        while open_streams or (exited_at is None):
            now = time.monotonic()
            if now >= deadline:
                run.timed_out = True
                return
            if exited_at is not None and now - exited_at > 0.5:
                return  # gone; something it left still holds a pipe
            if now >= next_memory:
                next_memory = now + MEMORY_POLL_S
                if memory.used() > memory_limit:
                    run.over_memory = True
                    return
            timeout = min(MEMORY_POLL_S, max(0.0, deadline - now))
            for key, _ in selector.select(timeout=timeout):
                if key.data == "plan":
                    try:
                        written = os.write(plan_w, pending[: 1 << 20])
                    except BlockingIOError:
                        continue
                    except OSError:  # the process closed its end: it is not reading
                        written = len(pending)
                    pending = pending[written:]
                    if not pending:
                        selector.unregister(plan_w)
                        os.close(plan_w)
                    continue
                if key.data == "channel":
                    message, fds = _receive(channel)
                    for fd in fds:
                        os.close(fd)
                    if message is None:
                        selector.unregister(channel)
                        if exited_at is None:
                            exited_at = time.monotonic()
                    elif message.get("event") == "exit":
                        _record_exit(run, int(message.get("status", 0)))
                        exited_at = time.monotonic()
                    continue
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
                result_bytes += len(chunk)
                if result_bytes > MAX_RESULT_BYTES:
                    run.too_much = True
                    return
                try:
                    payloads = reader.feed(chunk)
                except wire.WireError:
                    run.too_much = True
                    return
                for payload in payloads:
                    try:
                        frame = decode_frame(payload)
                        if not isinstance(frame, dict) or not isinstance(frame.get("t"), str):
                            raise wire.WireError("frame without a type")
                    except (wire.WireError, ValueError, TypeError, RuntimeError):
                        run.bad_frames = True
                        return
                    run.frames.append(frame)
                    if len(run.frames) > MAX_FRAMES:
                        run.too_much = True
                        return
                    if on_frame is not None:
                        on_frame(frame)
                    if frame["t"] == "done":
                        # Everything it printed before is already in the pipe.
                        room = output_limit - len(kept)
                        rest = _drain(output_r)
                        kept += rest[: max(room, 0)]
                        run.output_dropped += max(0, len(rest) - max(room, 0))
                        run.finished = True
                        return
    finally:
        selector.close()
        run.output = bytes(kept)


def _drain(fd: int, limit: int = 1 << 20) -> bytes:
    """What a pipe holds now (up to `limit` bytes), without waiting for more."""
    os.set_blocking(fd, False)
    data = b""
    with contextlib.suppress(OSError):
        while len(data) < limit:
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                break
            data += chunk
    return data


class _MemoryWatch:
    """Resident memory of every process in the learner's PID namespace (or, without one,
    its process group), summed: helpers it forks count against the same limit."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            namespace = os.readlink(f"/proc/{pid}/ns/pid")
            own = os.readlink("/proc/self/ns/pid")
        except OSError:
            namespace = own = None
        # Without a namespace of its own, its process group stands in for it.
        self.namespace = namespace if namespace != own else None

    def used(self) -> int:
        if self.namespace is not None:
            # Every process of the namespace descends from its init: follow the children
            # lists (cheap) rather than scanning all of /proc, when the kernel offers them.
            found = self._descendants()
            if found is not None:
                return sum(_rss(pid) for pid in found)
        try:
            entries = os.listdir("/proc")
        except OSError:
            return _rss(self.pid)
        total = 0
        for name in entries:
            if not name.isdigit():
                continue
            if self._member(name):
                total += _rss(int(name))
        return total

    def _descendants(self) -> list[int] | None:
        seen = [self.pid]
        stack = [self.pid]
        while stack:
            pid = stack.pop()
            try:
                tasks = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tasks:
                try:
                    with open(f"/proc/{pid}/task/{tid}/children", "rb") as handle:
                        children = [int(c) for c in handle.read().split()]
                except FileNotFoundError:
                    return None  # a kernel without the children lists
                except (OSError, ValueError):
                    continue
                for child in children:
                    if child not in seen and len(seen) < 100_000:
                        seen.append(child)
                        stack.append(child)
        return seen

    def _member(self, name: str) -> bool:
        try:
            if self.namespace is not None:
                return os.readlink(f"/proc/{name}/ns/pid") == self.namespace
            with open(f"/proc/{name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[-1].split()
            return int(fields[2]) == self.pid  # the process group
        except (OSError, IndexError, ValueError):
            return False


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            fields = statm.read().split()
        return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _remove_tree(path: str) -> None:
    def unlock(function, target, _exc):
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(target), 0o700)
            os.chmod(target, 0o700)
        with contextlib.suppress(OSError):
            function(target)

    shutil.rmtree(path, onerror=unlock)
