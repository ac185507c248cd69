"""Talking to the warm worker from the CLI and the app, which never import torch.

The worker listens on a Unix socket in a private folder (mode 0700, owned by this user)
whose name depends on the tutor home, the Python interpreter and the grading code itself, so
an edited engine or another environment gets its own worker. The first request starts it
(about a second and a half for torch); later ones find it warm.

Trust: the client that starts a worker writes a random secret beside its socket (mode 0600);
every request carries it and every answer proves the worker knows it, so a client only ever
talks to a worker of its own (a learner's process can read neither the secret nor the
folder). Every wait has a deadline: a worker that is stopped, dead or silent is killed and
replaced within seconds, and no command waits forever.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import stat
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

START_TIMEOUT_S = 180.0  # two torch imports on a busy machine
PING_TIMEOUT_S = 3.0
IDLE_S = float(os.environ.get("TUTOR_WORKER_IDLE_S", "900"))
# Beyond the submission's own time limit: starting the zygote, references, reports.
GRADE_MARGIN_S = 90.0
_ENGINE_DIR = Path(__file__).resolve().parent


def _engine_stamp() -> str:
    parts = [__version__, sys.executable, str(_ENGINE_DIR)]
    files = sorted(_ENGINE_DIR.glob("*.py")) + sorted((_ENGINE_DIR / "driver").glob("*.py"))
    for path in files + [_ENGINE_DIR.parent / "messages.py"]:
        info = path.stat()
        parts.append(f"{path.name}:{info.st_mtime_ns}:{info.st_size}")
    return "|".join(parts)


def _private_dir() -> Path:
    """A folder only this user can enter; never one someone else prepared for us."""
    base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    folder = base / f"tutor-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    info = os.lstat(folder)
    if (
        not stat.S_ISDIR(info.st_mode)
        or info.st_uid != os.getuid()
        or stat.S_IMODE(info.st_mode) & 0o077
    ):
        raise CannotGrade(M.GRADE_UNSAFE_RUNTIME_DIR.format(path=folder), kind="engine")
    return folder


def socket_path(home: Path) -> Path:
    digest = hashlib.sha256(f"{home.resolve()}|{_engine_stamp()}".encode()).hexdigest()[:16]
    return _private_dir() / f"{digest}.sock"


def _key_path(path: Path) -> Path:
    return path.with_suffix(".key")


def _pid_path(path: Path) -> Path:
    return path.with_suffix(".pid")


def _read_key(path: Path) -> bytes | None:
    try:
        return _key_path(path).read_bytes().strip()
    except OSError:
        return None


def _connect(path: Path, timeout: float = 2.0) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
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


def _expected_proof(key: bytes, nonce: str) -> str:
    return hmac.new(key, b"tutor-worker:" + nonce.encode(), hashlib.sha256).hexdigest()


def _ask(path: Path, request: dict[str, Any], timeout: float) -> tuple[socket.socket, Any, str]:
    """Connect and send one authenticated request; returns the socket, a line reader and the
    proof the worker's answers must carry."""
    key = _read_key(path)
    if key is None:
        raise ConnectionError("no key")
    sock = _connect(path, timeout)
    if sock is None:
        raise ConnectionError("no worker")
    nonce = secrets.token_hex(16)
    payload = {**request, "token": key.decode(), "nonce": nonce}
    sock.settimeout(timeout)
    sock.sendall((json.dumps(payload, ensure_ascii=False) + "\n").encode())
    return sock, sock.makefile("rb"), _expected_proof(key, nonce)


def ping(home: Path, timeout: float = PING_TIMEOUT_S) -> dict[str, Any] | None:
    path = socket_path(home)
    try:
        sock, stream, expected = _ask(path, {"op": "ping"}, timeout)
    except (OSError, ConnectionError):
        return None
    with sock, stream:
        try:
            line = stream.readline(1 << 16)
        except OSError:
            return None
    try:
        answer = json.loads(line) if line else None
    except ValueError:
        return None
    if not isinstance(answer, dict) or not hmac.compare_digest(
        str(answer.get("proof", "")), expected
    ):
        return None
    return answer


def _kill_stale(path: Path) -> None:
    """A worker that does not answer (stopped, hung): end it, if it is really ours."""
    try:
        pid = int(_pid_path(path).read_text().strip())
    except (OSError, ValueError):
        return
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        cmdline = b""
    if cmdline and str(path).encode() not in cmdline:
        return  # the number was reused by an unrelated process
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def start_worker(home: Path) -> Path:
    """Make sure a worker is answering; start (or replace) one if not. Returns its socket."""
    path = socket_path(home)
    if ping(home) is not None:
        return path
    with _spawn_lock(path):
        if ping(home) is not None:  # another process may have started it meanwhile
            return path
        _kill_stale(path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        home.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        fd = os.open(_key_path(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        log = open(home / "worker.log", "ab")
        package_root = str(_ENGINE_DIR.parent.parent)
        boot = (
            "import sys; sys.path.insert(0, sys.argv[1]); "
            "from tutor.grading.worker import main; main(sys.argv[2:])"
        )
        command = [
            sys.executable,
            "-I",
            "-c",
            boot,
            package_root,
            "--socket",
            str(path),
            "--key",
            str(_key_path(path)),
            "--idle",
            str(IDLE_S),
        ]
        for excluded in (str(home), package_root):
            command += ["--exclude", excluded]
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
            close_fds=True,
            cwd=str(home),
            env={k: v for k, v in os.environ.items() if not k.startswith("PYTHON")},
        )
        log.close()
        _pid_path(path).write_text(str(process.pid))
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if process.poll() is not None:
                tail = (home / "worker.log").read_text(errors="replace")[-800:]
                raise CannotGrade(
                    M.GRADE_WORKER_FAILED.format(exc=tail.strip() or process.returncode)
                )
            if ping(home, 1.0) is not None:
                return path
            time.sleep(0.02)
        process.kill()
        raise CannotGrade(M.GRADE_WORKER_FAILED.format(exc=M.GRADE_WORKER_NO_ANSWER))


def make_request(
    *,
    exercise: str,
    grader: Path,
    file: Path,
    source: bytes,
    symbols: list[str],
    signature: str,
    seed: int,
    device: str,
    timeout_s: float,
    memory_mb: int,
) -> dict[str, Any]:
    """The one shape of a grading request. The learner's file travels as the bytes read
    once by the caller: what is graded is exactly what is hashed and recorded."""
    import base64

    return {
        "exercise": exercise,
        "grader": str(grader),
        "file": str(file),
        "source_b64": base64.b64encode(source).decode("ascii"),
        "symbols": list(symbols),
        "signature": signature,
        "seed": int(seed),
        "device": device,
        "timeout_s": float(timeout_s),
        "memory_mb": int(memory_mb),
    }


class _Retry(Exception):
    pass


def _exchange(
    path: Path,
    request: dict[str, Any],
    on_event: Callable[[dict], None] | None,
    deadline_s: float,
) -> Verdict:
    try:
        sock, stream, expected = _ask(path, {"op": "grade", **request}, 5.0)
    except (OSError, ConnectionError) as exc:
        raise _Retry(str(exc)) from None
    end = time.monotonic() + deadline_s
    with sock, stream:
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise CannotGrade(M.GRADE_WORKER_FAILED.format(exc=M.GRADE_WORKER_NO_ANSWER))
            sock.settimeout(remaining)
            try:
                raw = stream.readline(1 << 24)
            except TimeoutError:
                raise CannotGrade(
                    M.GRADE_WORKER_FAILED.format(exc=M.GRADE_WORKER_NO_ANSWER)
                ) from None
            except OSError as exc:
                raise _Retry(str(exc)) from None
            if not raw:
                raise _Retry("closed")
            try:
                event = json.loads(raw)
            except ValueError:
                raise _Retry("garbled") from None
            if not isinstance(event, dict) or not hmac.compare_digest(
                str(event.get("proof", "")), expected
            ):
                raise CannotGrade(M.GRADE_WORKER_UNTRUSTED)
            kind = event.get("event")
            if kind == "verdict":
                return Verdict.from_wire(event["verdict"])
            if kind == "cannot":
                if event.get("kind") == "engine":
                    raise _Retry(str(event.get("message", "")))
                raise CannotGrade(str(event.get("message", "")), kind=str(event.get("kind")))
            if on_event is not None:
                on_event(event)


def grade(
    request: dict[str, Any], home: Path, on_event: Callable[[dict], None] | None = None
) -> Verdict:
    """Send one grading request to the warm worker (starting it if needed)."""
    deadline_s = float(request.get("timeout_s", 10.0)) + GRADE_MARGIN_S
    last = ""
    for _attempt in range(2):
        path = start_worker(home)
        try:
            return _exchange(path, request, on_event, deadline_s)
        except _Retry as exc:
            last = str(exc)
            continue
    raise CannotGrade(M.GRADE_WORKER_FAILED.format(exc=last or M.GRADE_WORKER_CLOSED))


def stop_worker(home: Path) -> None:
    info = ping(home)
    if info and info.get("pid"):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(info["pid"]), signal.SIGTERM)
