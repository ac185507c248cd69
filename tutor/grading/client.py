"""Talking to the warm worker from the CLI and the app, which never import torch.

The worker listens on a Unix socket whose name depends on the tutor home, the Python
interpreter and the grading code itself, so an edited engine or another environment gets
its own worker. The first request starts it (about a second and a half for torch);
later ones find it warm.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tutor import __version__
from tutor import messages as M
from tutor.grading.verdict import CannotGrade, Verdict

START_TIMEOUT_S = 90.0
IDLE_S = float(os.environ.get("TUTOR_WORKER_IDLE_S", "900"))
_ENGINE_DIR = Path(__file__).resolve().parent


def _engine_stamp() -> str:
    parts = [__version__, sys.executable, str(_ENGINE_DIR)]
    for path in sorted(_ENGINE_DIR.glob("*.py")) + [_ENGINE_DIR.parent / "messages.py"]:
        stat = path.stat()
        parts.append(f"{path.name}:{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(parts)


def socket_path(home: Path) -> Path:
    digest = hashlib.sha256(f"{home.resolve()}|{_engine_stamp()}".encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"tutor-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / f"{digest}.sock"


def _connect(path: Path) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError:
        sock.close()
        return None
    return sock


@contextlib.contextmanager
def _spawn_lock(path: Path) -> Iterator[None]:
    with open(str(path) + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def start_worker(home: Path) -> Path:
    """Make sure a worker is listening; start one if none is. Returns its socket path."""
    path = socket_path(home)
    sock = _connect(path)
    if sock is not None:
        sock.close()
        return path
    with _spawn_lock(path):
        sock = _connect(path)  # another process may have started it meanwhile
        if sock is not None:
            sock.close()
            return path
        home.mkdir(parents=True, exist_ok=True)
        log = open(home / "worker.log", "ab")
        env = dict(os.environ)
        package_root = str(_ENGINE_DIR.parent.parent)
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (package_root, env.get("PYTHONPATH", "")) if p
        )
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tutor.grading.worker",
                "--socket",
                str(path),
                "--idle",
                str(IDLE_S),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            close_fds=True,
            env=env,
        )
        log.close()
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = (home / "worker.log").read_text(errors="replace")[-800:]
                raise CannotGrade(
                    M.GRADE_WORKER_FAILED.format(exc=tail.strip() or process.returncode)
                )
            sock = _connect(path)
            if sock is not None:
                sock.close()
                return path
            time.sleep(0.01)
        process.kill()
        raise CannotGrade(M.GRADE_WORKER_FAILED.format(exc="zaman aşımı"))


def _exchange(
    path: Path, request: dict[str, Any], on_event: Callable[[dict], None] | None
) -> Verdict | None:
    sock = _connect(path)
    if sock is None:
        return None
    with sock, sock.makefile("rb") as stream:
        sock.sendall((json.dumps({"op": "grade", **request}, ensure_ascii=False) + "\n").encode())
        for raw in stream:
            event = json.loads(raw)
            kind = event.get("event")
            if kind == "verdict":
                return Verdict.from_wire(event["verdict"])
            if kind == "cannot":
                raise CannotGrade(event["message"])
            if on_event is not None:
                on_event(event)
    return None  # the connection closed without an answer


def grade(
    request: dict[str, Any], home: Path, on_event: Callable[[dict], None] | None = None
) -> Verdict:
    """Send one grading request to the warm worker (starting it if needed)."""
    for _attempt in range(2):
        path = start_worker(home)
        try:
            verdict = _exchange(path, request, on_event)
        except (ConnectionResetError, BrokenPipeError):
            verdict = None
        if verdict is not None:
            return verdict
    raise CannotGrade(M.GRADE_WORKER_FAILED.format(exc="bağlantı kesildi"))


def ping(home: Path) -> dict[str, Any] | None:
    sock = _connect(socket_path(home))
    if sock is None:
        return None
    with sock, sock.makefile("rb") as stream:
        sock.sendall(b'{"op": "ping"}\n')
        line = stream.readline()
    return json.loads(line) if line else None


def stop_worker(home: Path) -> None:
    info = ping(home)
    if info and info.get("pid"):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(info["pid"]), 15)
