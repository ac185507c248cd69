"""How long `tutor submit` takes: from a new process, cold and warm, and through the worker.

Prints medians (seconds). Usage: python benchmarks/submit_latency.py [--runs N] [--exercise ID]
- cold: a new tutor home, so the submit also starts the grading worker (imports torch);
- warm CLI: a new `tutor submit` process each time, the worker already warm;
- warm in-process: `Session.grade_file` from a process that already has the session open
  (what the app and `tutor watch` do on every save).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def cli_submit(home: Path, exercise: str, solution: Path) -> float:
    env = {**os.environ, "TUTOR_HOME": str(home)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "tutor", "submit", exercise, str(solution), "--json", "--seed", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"submit failed ({result.returncode}): {result.stderr or result.stdout}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--exercise", default="softmax")
    args = parser.parse_args()

    from tutor.grading import client
    from tutor.pack.loader import load_pack

    pack = load_pack(ROOT)
    lesson, exercise = pack.exercise(args.exercise)
    solution = pack.path(exercise.solution)

    cold = []
    for _ in range(3):
        home = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
        cold.append(cli_submit(home, args.exercise, solution))
        client.stop_worker(home)

    home = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    cli_submit(home, args.exercise, solution)  # start the worker
    warm_cli = [cli_submit(home, args.exercise, solution) for _ in range(args.runs)]

    os.environ["TUTOR_HOME"] = str(home)
    from tutor.session import Session

    session = Session(ROOT, home / "calisma")
    warm_inproc = []
    grade_only = []
    for _ in range(args.runs):
        started = time.perf_counter()
        verdict = session.grade_file(exercise, solution, seed=1, device="cpu")
        warm_inproc.append(time.perf_counter() - started)
        grade_only.append(verdict.duration_s)
        assert verdict.passed
    client.stop_worker(home)

    print(f"exercise: {args.exercise} ({len(verdict.checks)} checks), {os.cpu_count()} CPU cores")
    print(
        f"cold submit, new process + worker start (median of {len(cold)}): {statistics.median(cold):.3f} s"
    )
    print(
        f"warm re-submit, new CLI process (median of {len(warm_cli)}):      {statistics.median(warm_cli):.3f} s"
    )
    print(
        f"warm re-submit, in-process via the worker (median of {len(warm_inproc)}): {statistics.median(warm_inproc):.3f} s"
    )
    print(
        f"  of which grading in the worker (median):                 {statistics.median(grade_only):.3f} s"
    )


if __name__ == "__main__":
    main()
