"""The warm grading worker: torch imported once, a fresh forked job per submission.

`python -m tutor.grading.worker --socket PATH` serves newline-delimited JSON on a Unix
socket. Each connection carries one request; the worker forks a job process for it (so
jobs run in parallel and a broken one cannot take the worker down) and goes back to
accepting. The worker never initialises CUDA itself, so its children still can. It exits
after `--idle` seconds without a request.
"""

from __future__ import annotations

import os

# Must be set before torch is imported: lets torch.cuda.is_available() answer without
# initialising CUDA, which would make every forked child unable to use the GPU.
os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

import torch  # noqa: E402

from tutor import __version__  # noqa: E402
from tutor import messages as M  # noqa: E402
from tutor.grading import job  # noqa: E402
from tutor.grading.verdict import CannotGrade  # noqa: E402

PROTOCOL = 1


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))


def _read_request(conn: socket.socket) -> dict:
    data = bytearray()
    while b"\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
        if len(data) > 1 << 20:
            raise ValueError("request too large")
    return json.loads(data.split(b"\n", 1)[0])


def handle(conn: socket.socket) -> None:
    """In the forked job process: grade one request and answer on the connection."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the job waits for its own child
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        request = job.Request.from_json(_read_request(conn))
        verdict = job.grade(request, emit=lambda event: _send(conn, event))
        _send(conn, {"event": "verdict", "verdict": verdict.to_wire()})
    except CannotGrade as exc:
        _send(conn, {"event": "cannot", "message": str(exc)})
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client went away (Ctrl+C); the learner's process is already killed
    except Exception as exc:  # noqa: BLE001
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        try:
            _send(conn, {"event": "cannot", "message": M.GRADE_WORKER_FAILED.format(exc=detail)})
        except OSError:
            pass


def _warm_up() -> None:
    """Pay once, before forking, for imports that every job would otherwise pay."""
    buffer = io.BytesIO()
    torch.save({"t": torch.zeros(2)}, buffer)
    torch.load(io.BytesIO(buffer.getvalue()), weights_only=True)
    from tutor.grading.sandbox import CallRecorder

    with CallRecorder(__file__, frozenset({"softmax"})):
        x = torch.randn(3, 3, requires_grad=True)
        y = torch.nn.functional.softmax(x @ x, dim=-1)
        # backward() with an explicit gradient lazily imports torch.fx's symbolic shapes
        # (about 0.5 s); pay for it here rather than in every job and learner process.
        y.backward(torch.ones_like(y))


def serve(path: str, idle_s: float) -> None:
    torch.set_num_threads(1)
    _warm_up()
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    server.bind(path)
    os.chmod(path, 0o600)
    server.listen(64)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # jobs are reaped automatically
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ)
    try:
        while True:
            if not selector.select(timeout=idle_s):
                return
            conn, _ = server.accept()
            try:
                first = conn.recv(4096, socket.MSG_PEEK)
                if first.startswith(b'{"op": "ping"'):
                    conn.recv(4096)
                    _send(
                        conn,
                        {
                            "event": "pong",
                            "version": __version__,
                            "protocol": PROTOCOL,
                            "pid": os.getpid(),
                        },
                    )
                    continue
                pid = os.fork()
                if pid == 0:
                    server.close()
                    try:
                        handle(conn)
                    finally:
                        conn.close()
                        os._exit(0)
            finally:
                conn.close()
    finally:
        try:
            if Path(path).exists():
                os.unlink(path)
        except OSError:
            pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tutor.grading.worker")
    parser.add_argument("--socket", required=True)
    parser.add_argument("--idle", type=float, default=900.0)
    args = parser.parse_args(argv)
    serve(args.socket, args.idle)


if __name__ == "__main__":
    main()
