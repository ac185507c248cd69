"""What a fork of a warm grading process costs, with its memory in 4 KiB and in 2 MiB pages.

Every grading forks a warm process (torch imported and warmed up, ~220 MB of private memory)
four times: worker → job, zygote → supervisor → init → learner. This imports torch, warms up
as the zygote does, and times fork + exit of an idle child and of a child that does a little
torch work, before and after `tutor.grading.hugepages.collapse_private_memory`.

    python3 benchmarks/fork_cost.py [--forks 40]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def private_kib() -> tuple[int, int]:
    """(anonymous resident KiB, of which in huge pages)."""
    fields = {}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            name, _, rest = line.partition(":")
            fields[name] = rest.split()[0] if rest.split() else "0"
    return int(fields.get("Anonymous", 0)), int(fields.get("AnonHugePages", 0))


def time_forks(forks: int, child_work) -> float:
    """Median milliseconds from fork to the child's reaped exit."""
    times = []
    for _ in range(forks):
        started = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            child_work()
            os._exit(0)
        os.waitpid(pid, 0)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forks", type=int, default=40)
    args = parser.parse_args()

    import torch

    from tutor.grading import hugepages, zygote

    torch.set_num_threads(1)
    zygote._warm_up()
    gc.freeze()

    def nothing() -> None:
        pass

    def little_work() -> None:
        x = torch.randn(64, 64, requires_grad=True)
        torch.nn.functional.softmax(x @ x, dim=-1).sum().backward()
        gc.collect()

    anon, huge = private_kib()
    print(f"warm process: {anon / 1024:.0f} MiB private, {huge / 1024:.0f} MiB in huge pages")
    idle_before = time_forks(args.forks, nothing)
    work_before = time_forks(args.forks, little_work)
    started = time.perf_counter()
    moved = hugepages.collapse_private_memory()
    took = (time.perf_counter() - started) * 1000
    anon, huge = private_kib()
    print(f"collapsed {moved >> 20} MiB in {took:.0f} ms: {huge / 1024:.0f} MiB in huge pages")
    idle_after = time_forks(args.forks, nothing)
    work_after = time_forks(args.forks, little_work)
    print(f"fork + exit:             {idle_before:5.1f} ms -> {idle_after:5.1f} ms")
    print(f"fork + torch work + exit: {work_before:5.1f} ms -> {work_after:5.1f} ms")


if __name__ == "__main__":
    main()
