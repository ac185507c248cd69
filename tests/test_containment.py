"""Containment by the operating system, tried without the in-process guards.

The attack files in tests/submissions/_attack/ meet every layer at once, and the audit hook
usually stops them first (a learner cannot even call os.fork). These tests take the layers
inside the learner's process away: a test "zygote" spawns, through the engine's own
supervisor (`zygote._spawn`), a learner body that runs no driver and no guard and escapes the
usual ways (a double fork with setsid; helpers that together take too much memory). The
grading job's side (`sandbox.run_learner`) must still end everything on time, and nothing may
survive it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="namespaces and pidfds are Linux-only"
)

SCRIPT = textwrap.dedent(
    """
    import json, os, selectors, socket, sys, time
    from tutor.grading import confine, sandbox, zygote

    def escaping_body(plan_r, result_w, output_w, *rest):
        # No driver, no guard, no audit hook: only the operating system stands in the way.
        os.close(plan_r)
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                os.write(output_w, (os.readlink("/proc/self") + "\\n").encode())
                time.sleep(300)
            os._exit(0)
        time.sleep(300)

    def hungry_body(plan_r, result_w, output_w, *rest):
        os.close(plan_r)
        for _ in range(3):
            if os.fork() == 0:
                block = bytearray(400 * 1024 * 1024)
                for i in range(0, len(block), 4096):
                    block[i] = 1  # resident, not only reserved
                os.write(output_w, (os.readlink("/proc/self") + "\\n").encode())
                time.sleep(300)
        time.sleep(300)

    body = {"escape": escaping_body, "memory": hungry_body}[sys.argv[1]]
    job_end, zygote_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    roots = confine.read_roots(confine.excluded_paths())
    context = {"roots": roots, "trusted_roots": roots, "nobody": False}
    zygote_pid = os.fork()
    if zygote_pid == 0:  # a zygote of one spawn, whose learner is the body above
        job_end.close()
        message, fds = zygote.receive(zygote_end, 3)
        control, _ = socket.socketpair()
        zygote._spawn(
            zygote_end, message, fds, context, control, selectors.DefaultSelector(), body
        )
        for fd in fds:
            os.close(fd)
        try:
            while True:
                os.wait()
        except ChildProcessError:
            pass
        os._exit(0)
    zygote_end.close()
    run = sandbox.run_learner(
        job_end, {}, timeout_s=float(sys.argv[2]), memory_mb=int(sys.argv[3]),
        device="cpu", threads=1, output_limit=65536,
    )
    pids = [int(p) for p in run.output.decode().split() if p.isdigit()]
    time.sleep(1.0)
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                    alive.append(pid)
        except OSError:
            pass
    job_end.close()
    os.waitpid(zygote_pid, 0)
    print(json.dumps({
        "timed_out": run.timed_out, "over_memory": run.over_memory, "pids": pids,
        "alive": alive, "wall_s": run.wall_s, "protections": run.protections,
    }))
    """
)


def run_body(kind: str, timeout_s: float, memory_mb: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, kind, str(timeout_s), str(memory_mb)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_double_forked_setsid_child_dies_with_the_learners_process():
    outcome = run_body("escape", timeout_s=2.0, memory_mb=4096)
    assert outcome["timed_out"] and outcome["wall_s"] < 8
    assert outcome["pids"], "the grandchild never started"
    assert outcome["alive"] == [], f"survived the run: {outcome}"
    assert "pidns" in outcome["protections"]


def test_memory_is_one_limit_for_every_process_the_learner_starts():
    # Each helper stays under the limit on its own; together they do not.
    outcome = run_body("memory", timeout_s=30.0, memory_mb=1500)
    assert outcome["over_memory"], outcome
    assert outcome["wall_s"] < 25
    assert outcome["alive"] == [], f"survived the run: {outcome}"


def test_the_tutor_home_and_the_pack_are_carved_out_of_what_may_be_read(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys
        from tutor.grading import confine
        roots = confine.read_roots(confine.excluded_paths() + [sys.argv[1]])
        package = os.path.realpath(sys.argv[2])
        bad = [r for r in roots if r == package or package.startswith(r + "/")]
        bad += [r for r in roots if r == sys.argv[1] or sys.argv[1].startswith(r + "/")]
        print("OK" if not bad else bad)
        """
    )
    home = tmp_path / "ev"
    home.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", script, str(home), str(Path(ROOT) / "tutor")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.stdout.strip() == "OK", result.stdout + result.stderr
