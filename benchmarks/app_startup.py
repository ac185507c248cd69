"""How fast `tutor` paints its first screen, and how much memory the app takes.

Runs `python -m tutor` on the built-in pack in a pseudo-terminal, several times. The app is
told (TUTOR_APP_EXIT_AFTER_PAINT) to write the wall-clock time of its first paint to a file
and exit; the time is counted from just before the process is started. Memory is the app
process's maximum resident set size (the grading worker is a separate process).

    python3 benchmarks/app_startup.py [--runs 9] [--cold-worker]

By default the grading worker is started once before measuring, as it is on any launch but
the first (the app starts it in the background, after its first paint, and never waits for
it); `--cold-worker` gives every run a fresh tutor home: a first launch, with no parse cache
and no worker yet.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def drain(fd: int) -> None:
    """Read the app's output so that it never blocks on a full terminal buffer."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def one_run(home: Path, workspace: Path, columns: int, rows: int) -> tuple[float, float, float]:
    """(seconds to first paint, seconds until the process ended, max RSS in MiB)."""
    painted = Path(tempfile.mkstemp(prefix="tutor-painted-")[1])
    painted.unlink()
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = dict(
        os.environ,
        TUTOR_HOME=str(home),
        TUTOR_APP_EXIT_AFTER_PAINT=str(painted),
        TERM="xterm-256color",
        PYTHONPATH=str(ROOT),
    )
    reader = threading.Thread(target=drain, args=(master,), daemon=True)
    reader.start()
    started = time.time_ns()
    process = subprocess.Popen(
        [sys.executable, "-m", "tutor", "--workspace", str(workspace)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    _, status, usage = os.wait4(process.pid, 0)
    ended = time.time_ns()
    process.returncode = os.waitstatus_to_exitcode(status)
    os.close(master)
    reader.join(timeout=2)
    if process.returncode != 0 or not painted.exists():
        raise SystemExit(f"the app did not start cleanly (exit code {process.returncode})")
    first_paint = (int(painted.read_text()) - started) / 1e9
    painted.unlink()
    return first_paint, (ended - started) / 1e9, usage.ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--size", default="100x30", help="terminal size, COLUMNSxROWS")
    parser.add_argument(
        "--cold-worker", action="store_true", help="a fresh tutor home (and worker) per run"
    )
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))

    from tutor.grading import client

    base = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    home = base / "home"
    if not args.cold_worker:
        client.start_worker(home)
    paints, totals, memory = [], [], []
    try:
        for run in range(args.runs + 1):
            run_home = base / f"home-{run}" if args.cold_worker else home
            paint, total, rss = one_run(run_home, base / f"calisma-{run}", columns, rows)
            if run == 0:
                continue  # the first run fills the OS file cache; it is not counted
            paints.append(paint)
            totals.append(total)
            memory.append(rss)
            print(
                f"run {run}: first screen {paint * 1000:.0f} ms, exited {total * 1000:.0f} ms, max RSS {rss:.1f} MiB"
            )
    finally:
        for run_home in {home, *(base / f"home-{r}" for r in range(args.runs + 1))}:
            client.stop_worker(run_home)
    print()
    print(
        f"median time to first screen: {statistics.median(paints) * 1000:.0f} ms "
        f"(min {min(paints) * 1000:.0f}, max {max(paints) * 1000:.0f}, {len(paints)} runs, {args.size})"
    )
    print(f"median time to exit after it: {statistics.median(totals) * 1000:.0f} ms")
    print(f"app max RSS: median {statistics.median(memory):.1f} MiB, max {max(memory):.1f} MiB")


if __name__ == "__main__":
    main()
