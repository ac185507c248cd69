"""Warm re-submit latency of this checkout beside another commit's, measured in turns.

Usage: python benchmarks/side_by_side.py REV [--rounds 5] [--runs 10] [--exercise softmax]

The other commit is checked out into a temporary git worktree; both use this interpreter.
Rounds alternate (this, other, this, other, ...) so that a busy machine slows both alike.
Prints the median of every warm CLI re-submit and of the in-process grading, per checkout.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES = {
    "warm_cli": re.compile(r"warm re-submit, new CLI process.*?:\s+([\d.]+) s"),
    "in_process": re.compile(r"warm re-submit, in-process.*?:\s+([\d.]+) s"),
    "grading": re.compile(r"of which grading in the worker.*?:\s+([\d.]+) s"),
}


def run(checkout: Path, runs: int, exercise: str) -> dict[str, float]:
    result = subprocess.run(
        [
            sys.executable,
            str(checkout / "benchmarks/submit_latency.py"),
            "--runs",
            str(runs),
            "--exercise",
            exercise,
        ],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if result.returncode != 0:
        raise SystemExit(f"{checkout}: {result.stderr[-2000:]}")
    found = {}
    for key, pattern in LINES.items():
        match = pattern.search(result.stdout)
        if match:
            found[key] = float(match.group(1))
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--exercise", default="softmax")
    args = parser.parse_args()
    other = Path(tempfile.mkdtemp(prefix="tutor-side-")) / "other"
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(other), args.rev],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    results: dict[str, list[dict[str, float]]] = {"this": [], args.rev: []}
    try:
        for round_ in range(args.rounds):
            for name, checkout in (("this", ROOT), (args.rev, other)):
                measured = run(checkout, args.runs, args.exercise)
                results[name].append(measured)
                print(f"round {round_ + 1} {name}: {measured}", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT)
    print()
    for name, rounds in results.items():
        summary = {key: statistics.median(r[key] for r in rounds if key in r) for key in LINES}
        print(
            f"{name:>12}: warm CLI {summary['warm_cli']:.3f} s · in-process "
            f"{summary['in_process']:.3f} s · grading {summary['grading']:.3f} s"
        )


if __name__ == "__main__":
    main()
