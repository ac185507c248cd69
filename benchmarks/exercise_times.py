"""Warm grading time of every exercise's reference solution, through the worker.

Usage: python benchmarks/exercise_times.py [--runs 3] [--only ID ...]

Each exercise is graded once to warm up, then `--runs` times; the median wall time of a
`Session.grade_file` call (what the app and `tutor watch` do on every save) is printed, with
the CPU time the grading took in the worker's job and learner processes unknown here (only
wall time is measured). Targets (issue 9): fitting exercises under 10 s, the others under 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FITTING = {
    "fit_linear_regression",
    "train_binary_classifier",
    "train_multiclass_classifier",
    "simple_cnn",
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="tutor-bench-"))
    os.environ["TUTOR_HOME"] = str(home)
    from tutor.grading import client
    from tutor.session import Session

    session = Session(ROOT, home / "calisma")
    session.warm_up()
    rows = []
    try:
        for lesson, exercise in session.pack.ordered_exercises():
            if args.only and exercise.id not in args.only:
                continue
            solution = session.pack.path(exercise.solution)
            session.grade_file(exercise, solution, seed=1, device="cpu")
            times = []
            for run in range(args.runs):
                started = time.perf_counter()
                verdict = session.grade_file(exercise, solution, seed=2 + run, device="cpu")
                times.append(time.perf_counter() - started)
                if not verdict.passed:
                    print(f"  ! {exercise.id}: the reference failed ({verdict.first_problem()})")
            median = statistics.median(times)
            target = 10.0 if exercise.id in FITTING else 1.0
            mark = "ok" if median < target else "SLOW"
            rows.append((lesson.number, exercise.id, median, target, mark))
            print(
                f"{lesson.number:>2} {exercise.id:<28} {median:6.3f} s  (< {target:g} s: {mark})",
                flush=True,
            )
    finally:
        client.stop_worker(home)
    slow = [r for r in rows if r[4] != "ok"]
    print(f"\n{len(rows)} exercises, {len(slow)} over their target, {os.cpu_count()} CPU cores")


if __name__ == "__main__":
    main()
