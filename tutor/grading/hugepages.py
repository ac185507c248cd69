"""Cheaper forks: the warm processes' memory moved into 2 MiB pages.

The worker and the zygote hold ~220 MB of private memory each once torch is imported and
warmed up. Every grading forks them four times (worker → job; zygote → supervisor → init →
learner), and a fork copies one page-table entry per 4 KiB page it shares: 11–14 ms for a fork
and exit of that process, measured on the 2-core CI machine. Collapsed into transparent huge
pages, the same memory is one entry per 2 MiB and a fork with exit costs ~3 ms. A child that
writes to a huge page splits only that mapping and copies the 4 KiB it touched (Linux ≥ 5.8),
so what a learner's process uses and counts stays as it was.

`MADV_COLLAPSE` (Linux ≥ 6.1) collapses synchronously; where the kernel lacks it, or THP is
switched off, nothing changes and forks cost what they cost before.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from tutor.grading import confine

MADV_HUGEPAGE = 14
MADV_COLLAPSE = 25
HUGE_PAGE = 2 << 20
CHUNK = 16 * HUGE_PAGE  # ~40 ms of collapsing between two looks at who is waiting


def collapse_private_memory(interrupted: Callable[[], bool] | None = None) -> int | None:
    """Collapse this process's large writable anonymous regions into huge pages.

    Returns the number of bytes the kernel collapsed (0 where it cannot), or None when
    `interrupted()` said, between two chunks of CHUNK bytes, that someone is waiting: the
    rest is left for later (what is already collapsed costs nothing the second time). Call
    it after the imports and warm-up that every child shares."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        with open("/proc/self/maps", encoding="ascii") as maps:
            lines = maps.readlines()
    except OSError:
        return 0
    libc = confine.libc()
    if libc is None:
        return 0
    libc.madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    collapsed = 0
    for line in lines:
        fields = line.split()
        if len(fields) < 5 or "w" not in fields[1] or fields[1].endswith("s"):
            continue
        name = fields[5] if len(fields) > 5 else ""
        if name and name != "[heap]":
            continue  # files, the stack, vdso: not ours to move
        low, high = (int(part, 16) for part in fields[0].split("-"))
        start = (low + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1)
        end = high & ~(HUGE_PAGE - 1)
        if end - start < HUGE_PAGE:
            continue
        # MADV_HUGEPAGE keeps the region eligible as it grows; MADV_COLLAPSE moves it now.
        libc.madvise(start, end - start, MADV_HUGEPAGE)
        for chunk in range(start, end, CHUNK):
            if interrupted is not None and interrupted():
                return None
            size = min(CHUNK, end - chunk)
            if libc.madvise(chunk, size, MADV_COLLAPSE) == 0:
                collapsed += size
    return collapsed


class CollapseOnce:
    """Collapse once, when the process is first idle, or after `busy_forks` forks if it never
    is (a class being graded). It takes ~0.5 s for ~200 MB, which a learner waiting for the
    first verdict after a cold start should not pay; when idle, it stops as soon as a request
    arrives (`waiting`) and goes on at the next idle moment."""

    def __init__(self, waiting: Callable[[], bool], busy_forks: int = 16) -> None:
        self.waiting = waiting
        self.busy_forks = busy_forks
        self.forks = 0
        self.done = False

    def idle(self) -> None:
        if not self.done:
            self.done = collapse_private_memory(self.waiting) is not None

    def forked(self) -> None:
        self.forks += 1
        if self.forks >= self.busy_forks and not self.done:
            collapse_private_memory()
            self.done = True
