"""The zygote: a fresh interpreter with torch imported, from which learners' processes fork.

The worker starts it with `python -I` (no current directory, no user site, no PYTHON*
variables) and a scrubbed environment. It imports torch and the learner-side driver
(`tutor.grading.driver`), nothing of any pack, and then only forks. Each learner's process
is therefore born warm (no torch import to pay) and clean (no grader, reference, case
generator, expected value or solution in its memory).

Protocol. The worker hands the zygote, over its control socket, one SOCK_SEQPACKET channel
per grading job (SCM_RIGHTS). On its channel a job sends one spawn request, a JSON object
with three descriptors attached: the read end of the plan pipe, the write end of the result
pipe and the write end of the output pipe. The zygote forks a *supervisor*, answers with the
supervisor's pid (and a pidfd), and forgets the channel. The supervisor enters new
namespaces (see `confine`), forks the learner's process (PID 1 of its PID namespace), sends
its pid and a pidfd for it, waits for it, and sends its wait status. The learner's process
confines itself, reads its plan and runs the driver. The job holds every deadline.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import selectors
import signal
import socket
import sys
from typing import Any

MAX_MESSAGE = 64 * 1024


def send(sock: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(message).encode()
    if fds:
        socket.send_fds(sock, [data], fds)
    else:
        sock.send(data)


def receive(sock: socket.socket, max_fds: int = 4) -> tuple[dict | None, list[int]]:
    """One message (SOCK_SEQPACKET keeps boundaries); (None, []) at end of stream."""
    data, fds, _flags, _addr = socket.recv_fds(sock, MAX_MESSAGE, max_fds)
    if not data:
        for fd in fds:
            os.close(fd)
        return None, []
    try:
        message = json.loads(data)
    except ValueError:
        message = {}
    return (message if isinstance(message, dict) else {}), fds


def pidfd_of(pid: int) -> int | None:
    opener = getattr(os, "pidfd_open", None)
    if opener is None:
        return None
    try:
        return opener(pid)
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# The zygote's loop
# ---------------------------------------------------------------------------------------------


def main(control_fd: int, config: dict[str, Any]) -> None:
    os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")
    import torch

    from tutor.grading import confine, driver, hugepages, wire  # noqa: F401 - before any fork
    from tutor.grading.driver import kinds

    torch.set_num_threads(1)
    confine.landlock_abi()  # imports the binding now, not inside a confined process
    confine.libc()  # found once here: in each supervisor, find_library would run ldconfig
    _warm_up()
    kinds.OPTIM_TRIPWIRES.install()
    roots = confine.read_roots(list(config.get("excluded", [])) + confine.excluded_paths())
    _sanitize_sys_path(roots)
    trusted_roots = roots + [os.path.dirname(os.path.dirname(os.path.abspath(driver.__file__)))]

    control = socket.socket(fileno=control_fd)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    send(control, {"event": "ready", "pid": os.getpid()})
    selector = selectors.DefaultSelector()
    selector.register(control, selectors.EVENT_READ, "control")
    drop = confine.others_can_read([sys.executable, *roots[:200]])
    context = {"roots": roots, "trusted_roots": trusted_roots, "nobody": drop}
    # What is imported now is shared with every learner's process. Frozen, a collection in a
    # child does not walk it, and so does not copy its pages one by one (a full collection
    # in a fork of this process costs ~150 ms of copying otherwise).
    gc.freeze()
    # Forks of this process then cost ~3 ms, not ~14 ms.
    collapse = hugepages.CollapseOnce(lambda: bool(selector.select(timeout=0)))
    while True:
        events = selector.select(timeout=0.5)
        if not events:
            collapse.idle()
        for key, _ in events:
            sock: socket.socket = key.fileobj  # type: ignore[assignment]
            if key.data == "control":
                message, fds = receive(sock, 1)
                if message is None:
                    return  # the worker is gone
                for fd in fds:
                    channel = socket.socket(fileno=fd)
                    selector.register(channel, selectors.EVENT_READ, "channel")
                continue
            try:
                message, fds = receive(sock, 3)
            except OSError:
                message, fds = None, []
            if message is None:  # the job is done with its channel
                selector.unregister(sock)
                sock.close()
                continue
            try:
                if message.get("op") == "spawn" and len(fds) == 3:
                    _spawn(sock, message, fds, context, control, selector)
                    collapse.forked()
            except OSError:
                pass
            finally:
                for fd in fds:
                    os.close(fd)
        _reap()


def _reap() -> None:
    while True:
        try:
            pid, _status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _warm_up() -> None:
    """Pay once, here, for what every learner's process would otherwise pay."""
    import torch

    x = torch.randn(3, 3, requires_grad=True)
    y = torch.nn.functional.softmax(x @ x, dim=-1)
    # backward() with an explicit gradient lazily imports torch.fx's symbolic shapes.
    y.backward(torch.ones_like(y))
    torch.nn.Linear(2, 2)(torch.zeros(1, 2)).sum().backward()
    import torch.autograd.gradcheck  # noqa: F401

    # The first optimizer built in a process imports much of torch (dynamo, sympy): ~2 s.
    p = torch.nn.Parameter(torch.zeros(2))
    for cls in (torch.optim.SGD, torch.optim.Adam):
        p.grad = torch.ones(2)
        cls([p], lr=0.1).step()
    import torch.utils.data  # noqa: F401

    # The watchers' first use imports much of torch's Python dispatch machinery (seconds).
    from tutor.grading.driver.guard import _CallMode, lay_tripwires, op_index

    op_index()
    lay_tripwires()

    class _Quiet:
        active = True
        forbidden_calls = frozenset({"softmax"})
        extra_calls = frozenset()
        forbidden_ops = {"softmax": "softmax"}

        def report(self, *args):
            pass

        def learner_line(self, *args):
            return None

    quiet = _Quiet()
    with _CallMode(quiet):  # type: ignore[arg-type]
        x = torch.randn(4, 4, requires_grad=True)
        y = (x - x.amax(-1, keepdim=True)).exp()
        (y / y.sum(-1, keepdim=True)).sum().backward()
        torch.nn.functional.softmax(x, -1)


def _sanitize_sys_path(roots: list[str]) -> None:
    """Only the Python installation stays importable: not the current directory, not a
    checkout (whose `solutions/` would be a namespace package), not the tutor home."""
    kept = []
    for entry in sys.path:
        real = os.path.realpath(entry) if entry else ""
        if not real:
            continue
        inside = any(real == r or real.startswith(r + "/") for r in roots)
        # A site-packages folder whose tutor entry was carved out: its other entries are roots.
        carved = "-packages" in real and any(r.startswith(real + "/") for r in roots)
        if inside or carved:
            kept.append(entry)
    sys.path[:] = kept


def _spawn(
    channel: socket.socket,
    request: dict,
    fds: list[int],
    context: dict,
    control: socket.socket,
    selector: selectors.BaseSelector,
    entry: Any = None,
) -> None:
    """Fork a supervisor for one learner's process. `entry` is what that process runs once
    it exists (the driver, `_learner`); the containment tests pass a body of their own."""
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            # Other jobs' channels are not this child's business: let go of them without
            # letting their socket objects close a reused descriptor number later.
            for key in list(selector.get_map().values()):
                other = key.fileobj
                if other is not channel and isinstance(other, socket.socket):
                    os.close(other.detach())
            selector.close()
            control.close()
            _supervise(channel, request, fds, context, entry or _learner)
        except BaseException:  # noqa: BLE001
            code = 70
        finally:
            os._exit(code)
    pidfd = pidfd_of(pid)
    try:
        send(channel, {"event": "supervisor", "pid": pid}, [pidfd] if pidfd is not None else None)
    finally:
        if pidfd is not None:
            os.close(pidfd)


# ---------------------------------------------------------------------------------------------
# The supervisor and the learner's process
# ---------------------------------------------------------------------------------------------


def _supervise(
    channel: socket.socket, request: dict, fds: list[int], context: dict, entry: Any
) -> None:
    from tutor.grading import confine

    plan_r, result_w, output_w = fds
    keep = {channel.fileno(), plan_r, result_w, output_w}
    for fd in _open_fds():
        if fd > 2 and fd not in keep:
            try:
                os.close(fd)
            except OSError:
                pass
    tmpdir = str(request["tmpdir"])
    limits = confine.Limits(**{k: v for k, v in request.get("limits", {}).items()})
    device = str(request.get("device", "cpu"))
    applied = confine.Applied()
    confine.enter_namespaces(tmpdir, applied, drop_to_nobody=bool(context.get("nobody")))
    # PID 1 of the new namespace is a tiny init that runs no learner code: it reaps orphans
    # and reports the learner's wait status. (A learner that were PID 1 itself would be
    # immune to the signals it raises, e.g. a segmentation fault it provokes.) When init
    # ends, the kernel ends every process of the namespace.
    status_r, status_w = os.pipe()
    init = os.fork()
    if init == 0:
        code = 0
        try:
            channel.close()
            os.close(status_r)
            _init(
                plan_r,
                result_w,
                output_w,
                status_w,
                tmpdir,
                limits,
                device,
                applied,
                context,
                entry,
            )
        except BaseException:  # noqa: BLE001
            code = 71
        finally:
            os._exit(code)
    for fd in (plan_r, result_w, output_w, status_w):
        os.close(fd)
    pidfd = pidfd_of(init)
    send(
        channel,
        {"event": "learner", "pid": init, "protections": applied.active},
        [pidfd] if pidfd is not None else None,
    )
    if pidfd is not None:
        os.close(pidfd)
    data = b""
    while len(data) < 4:
        try:
            chunk = os.read(status_r, 4 - len(data))
        except InterruptedError:
            continue
        if not chunk:
            break
        data += chunk
    while True:
        try:
            _, init_status = os.waitpid(init, 0)
            break
        except InterruptedError:
            continue
    # Without a report from init (it was killed with its namespace), init's own status.
    status = int.from_bytes(data, "little") if len(data) == 4 else init_status
    send(channel, {"event": "exit", "status": status})


def _init(
    plan_r, result_w, output_w, status_w, tmpdir, limits, device, applied, context, entry
) -> None:
    supervisor_pid = os.getpid()
    if "pidns" not in applied.active:
        # No namespace to end everything at once: a process group stands in for it.
        with contextlib.suppress(OSError):
            os.setsid()
    learner = os.fork()
    if learner == 0:
        code = 0
        try:
            os.close(status_w)
            entry(
                plan_r, result_w, output_w, tmpdir, limits, device, applied, supervisor_pid, context
            )
        except BaseException:  # noqa: BLE001
            code = 71
        finally:
            os._exit(code)
    for fd in (plan_r, result_w, output_w):
        os.close(fd)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    while True:
        try:
            pid, status = os.waitpid(-1, 0)
        except InterruptedError:
            continue
        except ChildProcessError:
            return
        if pid == learner:
            os.write(status_w, status.to_bytes(4, "little"))
            return  # init exits: every process left in the namespace is ended with it


def _open_fds() -> list[int]:
    try:
        return [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return list(range(3, 256))


def _learner(
    plan_r: int,
    result_w: int,
    output_w: int,
    tmpdir: str,
    limits: Any,
    device: str,
    applied: Any,
    supervisor_pid: int,
    context: dict,
) -> None:
    from tutor.grading import confine, driver, wire

    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(output_w, 1)
    os.dup2(output_w, 2)
    # Fixed places: 3 = results, 4 = the plan. Everything else is closed.
    result_fd = os.dup(result_w)
    plan_fd = os.dup(plan_r)
    os.dup2(result_fd, 3)
    os.dup2(plan_fd, 4)
    confine.close_other_fds(4)
    sys.stdout = open(1, "w", buffering=1, encoding="utf-8", errors="replace", closefd=False)
    sys.stderr = sys.stdout
    confine.confine_learner(
        parent_pid=supervisor_pid,
        tmpdir=tmpdir,
        limits=limits,
        roots=context["roots"],
        device=device,
        applied=applied,
    )

    def emit(message: dict) -> None:
        driver.write_all(3, wire.frame(message))

    plan = driver.read_plan(4)
    plan["trusted_roots"] = context["trusted_roots"]

    os.close(4)
    emit({"t": "hello", "protections": list(applied.active)})
    driver.run(plan, emit)
    try:
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001 - the learner may have closed it
        pass


if __name__ == "__main__":
    main(int(sys.argv[1]), json.loads(sys.argv[2]))
