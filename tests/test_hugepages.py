"""Warm processes move their memory into huge pages, so that each fork of them is cheap."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

from tutor.grading.hugepages import CollapseOnce, collapse_private_memory

THP = Path("/sys/kernel/mm/transparent_hugepage/enabled")


def _thp_mode() -> str:
    try:
        text = THP.read_text()
    except OSError:
        return "missing"
    return text.split("[", 1)[1].split("]", 1)[0] if "[" in text else "missing"


@pytest.mark.skipif(_thp_mode() in ("missing", "never"), reason="no transparent huge pages here")
def test_a_process_that_collapses_its_memory_holds_it_in_huge_pages():
    program = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        from tutor.grading.hugepages import collapse_private_memory

        def huge_kib():
            for line in open("/proc/self/smaps_rollup"):
                if line.startswith("AnonHugePages:"):
                    return int(line.split()[1])

        block = bytearray(b"x" * (64 << 20))  # 64 MiB of written, private memory
        before = huge_kib()
        moved = collapse_private_memory()
        print(before, huge_kib(), moved)
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", program, str(ROOT)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    before, after, moved = (int(word) for word in out.stdout.split())
    if moved == 0:
        pytest.skip("this kernel has no MADV_COLLAPSE (Linux < 6.1)")
    assert after - before >= 48 << 10, "most of the 64 MiB must now be in 2 MiB pages"


def test_collapse_happens_once_at_the_first_idle_moment_or_after_enough_forks(monkeypatch):
    calls = []

    def collapse(interrupted=None):
        calls.append(interrupted)
        return 0

    monkeypatch.setattr("tutor.grading.hugepages.collapse_private_memory", collapse)
    idle_first = CollapseOnce(lambda: False, busy_forks=3)
    idle_first.forked()
    idle_first.idle()
    idle_first.idle()
    idle_first.forked()
    idle_first.forked()
    assert len(calls) == 1

    calls.clear()
    never_idle = CollapseOnce(lambda: False, busy_forks=3)
    never_idle.forked()
    never_idle.forked()
    assert calls == []
    never_idle.forked()
    never_idle.forked()
    assert calls == [None], "when forced by forks, it does not stop for waiting requests"


def test_an_idle_collapse_stops_for_a_waiting_request_and_goes_on_later(monkeypatch):
    answers = [None, 4 << 20]  # interrupted the first time, finished the second
    calls = []

    def collapse(interrupted=None):
        calls.append(interrupted)
        return answers.pop(0)

    monkeypatch.setattr("tutor.grading.hugepages.collapse_private_memory", collapse)
    waiting = CollapseOnce(lambda: True)
    waiting.idle()
    assert not waiting.done
    waiting.idle()
    waiting.idle()
    assert waiting.done and len(calls) == 2 and calls[0] is waiting.waiting


def test_a_request_waiting_stops_a_real_collapse_before_its_first_chunk():
    assert collapse_private_memory(lambda: True) in (None, 0)
