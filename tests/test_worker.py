"""The warm worker: started once even when several processes ask at once, and reused."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

from tutor.grading import client


def test_concurrent_first_submits_start_one_worker_and_all_get_a_verdict(tmp_path):
    home = tmp_path / "ev"
    env = {**os.environ, "TUTOR_HOME": str(home)}
    solution = str(ROOT / "solutions/tensorler/relu.py")
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tutor",
                "submit",
                "relu",
                solution,
                "--json",
                "--workspace",
                str(tmp_path / f"w{i}"),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(4)
    ]
    try:
        results = [p.communicate(timeout=180) for p in processes]
        assert all(p.returncode == 0 for p in processes), results
        assert all(json.loads(out)["passed"] for out, _ in results)
        first = client.ping(home)
        assert first is not None and first["event"] == "pong"
        subprocess.run(
            [sys.executable, "-m", "tutor", "submit", "relu", solution, "--json"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
        )
        assert client.ping(home)["pid"] == first["pid"], "a later submit must reuse the warm worker"
        log = (home / "worker.log").read_text() if (home / "worker.log").exists() else ""
        assert "Address already in use" not in log
    finally:
        client.stop_worker(home)


def test_the_shared_test_worker_answers_a_ping_with_its_protocol(session, tutor_home):
    info = client.ping(tutor_home)
    assert info is not None and info["protocol"] == 2


def test_what_a_passing_submission_prints_is_kept_whole_after_it_says_done(session, tmp_path):
    """The job stops reading once the learner's process says "done" (its exit is waited for
    after the verdict is sent): every line it printed, the unfinished last one included,
    is still in the verdict."""
    solution = (ROOT / "solutions/tensorler/softmax.py").read_text(encoding="utf-8")
    chatty = solution + (
        "\nimport sys\n"
        "for i in range(2000):\n"
        "    print(f'satır {i}')\n"
        "sys.stdout.write('yeni satırsız son söz')\n"
    )
    path = tmp_path / "softmax.py"
    path.write_text(chatty, encoding="utf-8")
    _, exercise = session.find("softmax")
    verdict = session.grade_file(exercise, path, seed=5, device="cpu")
    assert verdict.passed, verdict.first_problem()
    assert "satır 0\n" in verdict.output and "satır 1999\n" in verdict.output
    assert verdict.output.rstrip().endswith("yeni satırsız son söz")
