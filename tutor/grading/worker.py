"""The warm grading worker: torch imported once, a fresh forked job per submission.

`python -I -c ... --socket PATH --key KEYFILE` serves newline-delimited JSON on a Unix
socket in a private folder. Every request must carry the secret from KEYFILE (written by the
client that started the worker, readable only by its user and never by a learner's
process), and every answer carries a proof that the worker knows it too, so a client talks
only to the worker it started.

The worker also starts the zygote (`tutor.grading.zygote`), a clean interpreter from which
every learner's process forks, and hands each job a private channel to it. Jobs are forked
from the worker (graders and references run there, never in a learner's process); a broken
job cannot take the worker down, and a dead zygote is replaced. The worker never initialises
CUDA itself, so its children still can. It exits after `--idle` seconds without a request.
"""

from __future__ import annotations

import os

# Must be set before torch is imported: lets torch.cuda.is_available() answer without
# initialising CUDA, which would make every forked child unable to use the GPU.
os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")

import argparse  # noqa: E402
import gc  # noqa: E402
import hashlib  # noqa: E402
import hmac  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import select  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

import torch  # noqa: E402

from tutor import __version__  # noqa: E402
from tutor import messages as M  # noqa: E402
from tutor.grading import hugepages, job  # noqa: E402
from tutor.grading.verdict import CannotGrade  # noqa: E402

PROTOCOL = 2
REQUEST_DEADLINE_S = 5.0
MAX_REQUEST = 1 << 26  # the learner's source travels in the request
ZYGOTE_START_S = 60.0


def proof(secret: bytes, nonce: str) -> str:
    return hmac.new(secret, b"tutor-worker:" + nonce.encode(), hashlib.sha256).hexdigest()


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))


def read_request(conn: socket.socket, deadline_s: float = REQUEST_DEADLINE_S) -> dict:
    conn.settimeout(deadline_s)
    data = bytearray()
    end = time.monotonic() + deadline_s
    while b"\n" not in data:
        if time.monotonic() > end:
            raise TimeoutError("request too slow")
        chunk = conn.recv(1 << 20)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_REQUEST:
            raise ValueError("request too large")
    conn.settimeout(None)
    request = json.loads(data.split(b"\n", 1)[0])
    if not isinstance(request, dict):
        raise ValueError("request is not an object")
    return request


def authenticated(request: dict, secret: bytes) -> bool:
    token = request.get("token")
    return isinstance(token, str) and hmac.compare_digest(token.encode(), secret)


def handle(conn: socket.socket, channel: socket.socket, secret: bytes) -> None:
    """In the forked job process: grade one request and answer on the connection."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        request = read_request(conn)
    except (OSError, ValueError):
        return
    if not authenticated(request, secret):
        return  # not our client: say nothing at all
    nonce = str(request.get("nonce", ""))[:128]
    signature = proof(secret, nonce)

    def emit(event: dict) -> None:
        _send(conn, {**event, "proof": signature})

    ending: list = []  # the learner's process, ended after the verdict is sent
    try:
        grade_request = job.Request.from_json(request)
        verdict = job.grade(grade_request, channel, emit=emit, after=ending)
        emit({"event": "verdict", "verdict": verdict.to_wire()})
    except CannotGrade as exc:
        emit({"event": "cannot", "kind": exc.kind, "message": str(exc)})
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client went away (Ctrl+C); the learner's process is already ended
    except Exception as exc:  # noqa: BLE001
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        try:
            emit(
                {
                    "event": "cannot",
                    "kind": "engine",
                    "message": M.GRADE_WORKER_FAILED.format(exc=detail[-500:]),
                }
            )
        except OSError:
            pass
    finally:
        for end in ending:
            end()


def _warm_up() -> None:
    """Pay once, before forking, for imports that every job would otherwise pay."""
    from tutor.grading import modules, optim, spec  # noqa: F401

    buffer = io.BytesIO()
    torch.save({"t": torch.zeros(2)}, buffer)
    x = torch.randn(3, 3, requires_grad=True)
    y = torch.nn.functional.softmax(x @ x, dim=-1)
    y.backward(torch.ones_like(y))
    # The first optimizer built in a process imports much of torch (dynamo, sympy): ~2 s.
    p = torch.nn.Parameter(torch.zeros(2))
    for cls in (torch.optim.SGD, torch.optim.Adam):
        p.grad = torch.ones(2)
        cls([p], lr=0.1).step()


# ---------------------------------------------------------------------------------------------
# The zygote, supervised
# ---------------------------------------------------------------------------------------------


class Zygote:
    """The clean interpreter learners' processes fork from; restarted if it dies."""

    def __init__(self, package_root: str, excluded: list[str], log) -> None:
        self.package_root = package_root
        self.excluded = excluded
        self.log = log
        self.process: subprocess.Popen | None = None
        self.control: socket.socket | None = None
        self.start()

    def start(self) -> None:
        self.stop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        boot = (
            "import sys, json; sys.path.insert(0, sys.argv[1]); "
            "from tutor.grading.zygote import main; main(int(sys.argv[2]), json.loads(sys.argv[3]))"
        )
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "PYTORCH_NVML_BASED_CUDA_CHECK": "1",
            "OMP_NUM_THREADS": "1",
        }
        for name in ("CUDA_VISIBLE_DEVICES", "NVIDIA_VISIBLE_DEVICES", "LD_LIBRARY_PATH"):
            if name in os.environ:
                env[name] = os.environ[name]
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-I",
                "-c",
                boot,
                self.package_root,
                str(theirs.fileno()),
                json.dumps({"excluded": self.excluded}),
            ],
            pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
            cwd="/",
            env=env,
        )
        theirs.close()
        self.control = ours

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def channel(self) -> socket.socket:
        """A new private channel to the zygote, for one job."""
        if not self.alive():
            self.start()
        job_end, zygote_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        try:
            assert self.control is not None
            socket.send_fds(self.control, [b"{}"], [zygote_end.fileno()])
        except OSError:
            self.start()
            assert self.control is not None
            socket.send_fds(self.control, [b"{}"], [zygote_end.fileno()])
        finally:
            zygote_end.close()
        return job_end

    def wait_ready(self, timeout_s: float) -> bool:
        """Block until the zygote says it is ready (torch imported), or the deadline."""
        if self.control is None:
            return False
        end = time.monotonic() + timeout_s
        while time.monotonic() < end:
            if not self.alive():
                return False
            self.control.settimeout(max(0.01, min(0.5, end - time.monotonic())))
            try:
                data = self.control.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                return False
            if b'"ready"' in data:
                return True
            if not data:
                return False
        return False

    def drain(self) -> None:
        """Read (and ignore) what the zygote says on its control socket."""
        if self.control is None:
            return
        try:
            self.control.setblocking(False)
            while self.control.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass

    def stop(self) -> None:
        if self.control is not None:
            self.control.close()
            self.control = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            self.process = None


def serve(path: str, key_file: str, idle_s: float, excluded: list[str]) -> None:
    torch.set_num_threads(1)
    secret = Path(key_file).read_bytes().strip()
    package_root = str(Path(__file__).resolve().parent.parent.parent)
    log_stream = sys.stderr
    zygote = Zygote(package_root, excluded, log_stream)
    _warm_up()
    # Answer nobody before learners' processes can be started: a client that finds the
    # socket finds a worker that grades at once.
    if not zygote.wait_ready(ZYGOTE_START_S):
        zygote.start()
        zygote.wait_ready(ZYGOTE_START_S)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    server.bind(path)
    os.chmod(path, 0o600)
    server.listen(64)
    gc.freeze()  # shared with every job: no collection in a job copies its pages (zygote.py)
    # A job's fork then costs ~3 ms, not ~14 ms.
    collapse = hugepages.CollapseOnce(lambda: bool(select.select([server], [], [], 0)[0]))
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # jobs are reaped automatically
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    selector = selectors.DefaultSelector()
    selector.register(server, selectors.EVENT_READ, "server")
    last_request = time.monotonic()
    try:
        while True:
            events = selector.select(timeout=1.0)
            if not events:
                collapse.idle()
                if time.monotonic() - last_request > idle_s:
                    return
                if not zygote.alive():
                    zygote.start()  # replaced before anyone needs it
                zygote.drain()
                continue
            last_request = time.monotonic()
            conn, _ = server.accept()
            try:
                if _answer_ping(conn, secret):
                    continue
                try:
                    channel = zygote.channel()
                except OSError:
                    continue
                pid = os.fork()
                if pid == 0:
                    server.close()
                    try:
                        handle(conn, channel, secret)
                    finally:
                        conn.close()
                        channel.close()
                        os._exit(0)
                channel.close()
                collapse.forked()
            finally:
                conn.close()
    finally:
        zygote.stop()
        try:
            if Path(path).exists():
                os.unlink(path)
        except OSError:
            pass


def _answer_ping(conn: socket.socket, secret: bytes) -> bool:
    """A ping is answered by the worker itself, quickly, and only to our own clients."""
    conn.settimeout(0.5)
    try:
        first = conn.recv(4096, socket.MSG_PEEK)
    except OSError:
        return True  # nothing came: drop the connection
    finally:
        conn.settimeout(None)
    if not first.startswith(b'{"op": "ping"'):
        return False
    try:
        request = read_request(conn, 1.0)
    except (OSError, ValueError):
        return True
    if not authenticated(request, secret):
        return True
    nonce = str(request.get("nonce", ""))[:128]
    try:
        _send(
            conn,
            {
                "event": "pong",
                "version": __version__,
                "protocol": PROTOCOL,
                "pid": os.getpid(),
                "proof": proof(secret, nonce),
            },
        )
    except OSError:
        pass
    return True


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="tutor.grading.worker")
    parser.add_argument("--socket", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--idle", type=float, default=900.0)
    parser.add_argument("--exclude", action="append", default=[])
    args = parser.parse_args(argv)
    serve(args.socket, args.key, args.idle, args.exclude)


if __name__ == "__main__":
    main()
