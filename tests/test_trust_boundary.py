"""The grader's trust boundary, attacked one class at a time (tests/submissions/_attack/).

Each attack is graded as a learner's submission would be, through the shared warm worker.
Every one must end in a true, failing verdict, and leave everything as it was: the pack, the
progress store, the worker (same process, still answering), its socket and key, a
classmate's file; no process of the attack may survive; and the next honest submission is
graded right within seconds. Attack files are templates: the paths a hostile learner could
know ({{PACK}}, {{HOME}}, ...) are filled in before grading.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SUBMISSIONS

from tutor.grading import client

ATTACKS = SUBMISSIONS / "_attack"


def torch_file() -> str:
    import torch

    return torch.__file__


LINUX = sys.platform.startswith("linux")


def _tree_hash(*paths: Path) -> str:
    digest = hashlib.sha256()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts:
                continue
            digest.update(str(path).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _pack_hash() -> str:
    return _tree_hash(*(ROOT / name for name in ("graders", "solutions", "exercises", "pack.yaml")))


def _learner_processes() -> list[int]:
    """Processes running in a learner's private folder (they should all be gone)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if "/tutor-ogrenci-" in cwd:
            found.append(int(entry.name))
    return found


class Boundary:
    def __init__(self, session, home: Path, tmp_path: Path):
        self.session = session
        self.home = home
        self.tmp = tmp_path
        info = client.ping(home)
        assert info is not None, "the shared worker must be running"
        self.worker_pid = int(info["pid"])
        self.socket = client.socket_path(home)
        self.other = tmp_path / "sinif" / "ayse" / "softmax.py"
        self.other.parent.mkdir(parents=True)
        self.other.write_text((ROOT / "solutions/tensorler/softmax.py").read_text())
        self.db = home / "ilerleme.sqlite3"
        self.db.parent.mkdir(parents=True, exist_ok=True)
        if not self.db.exists():
            self.db.write_bytes(b"")
        self.before = self.state()

    def state(self) -> dict:
        return {
            "pack": _pack_hash(),
            "db": hashlib.sha256(self.db.read_bytes()).hexdigest(),
            "other": self.other.read_text(),
            "socket": os.stat(self.socket).st_ino,
            "key": (self.socket.with_suffix(".key")).read_bytes(),
        }

    def render(self, name: str) -> Path:
        text = (ATTACKS / name).read_text(encoding="utf-8")
        values = {
            "PACK": str(ROOT),
            "PACKAGE": str(ROOT / "tutor"),
            "HOME": str(self.home),
            "OTHER": str(self.other),
            "SOCKET": str(self.socket),
            "KEY": str(self.socket.with_suffix(".key")),
            "WORKER_PID": str(self.worker_pid),
            "TEST_PID": str(os.getpid()),
            "SITE": str(Path(torch_file()).parent.parent),
        }
        for key, value in values.items():
            text = text.replace("{{" + key + "}}", value)
        path = self.tmp / name
        path.write_text(text, encoding="utf-8")
        return path

    def grade(self, name: str, exercise: str = "softmax", **limits):
        _, ex = self.session.find(exercise)
        limits.setdefault("timeout_s", 5.0)
        started = time.monotonic()
        verdict = self.session.grade_file(ex, self.render(name), seed=3, device="cpu", **limits)
        return verdict, time.monotonic() - started

    def assert_untouched(self) -> None:
        after = self.state()
        for key, value in self.before.items():
            assert after[key] == value, f"{key} changed"
        info = client.ping(self.home)
        assert info is not None and int(info["pid"]) == self.worker_pid, "the worker was replaced"
        deadline = time.monotonic() + 3
        while _learner_processes() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _learner_processes() == [], "a process of the attack survived"
        # The next honest submission, in the same home, is graded right within seconds.
        _, ex = self.session.find("softmax")
        started = time.monotonic()
        honest = self.session.grade_file(
            ex, ROOT / "solutions/tensorler/softmax.py", seed=4, device="cpu"
        )
        assert honest.passed, honest.first_problem()
        assert time.monotonic() - started < 15


@pytest.fixture
def boundary(session, tutor_home, tmp_path):
    return Boundary(session, tutor_home, tmp_path)


# --- 1. nothing of the verdict in the learner's process -----------------------------------------


def test_the_learners_process_holds_no_grader_reference_or_solution(boundary):
    verdict, _ = boundary.grade("reference_in_memory.py")
    assert "SIZINTI: []" in verdict.output, verdict.output
    assert not verdict.passed
    boundary.assert_untouched()


# --- 2. the learner's process reaches nothing of its user's ------------------------------------


@pytest.mark.skipif(not LINUX, reason="Landlock is Linux-only")
def test_the_pack_the_store_a_classmate_and_the_worker_are_out_of_reach(boundary):
    verdict, _ = boundary.grade("reach_files.py")
    assert "YAPILAN: []" in verdict.output, verdict.output
    assert not verdict.passed
    assert "landlock_fs" in verdict.protections
    boundary.assert_untouched()


@pytest.mark.skipif(not LINUX, reason="PID namespaces are Linux-only")
def test_signals_reach_neither_the_worker_nor_the_tutor(boundary):
    verdict, elapsed = boundary.grade("signals.py")
    assert "YAPILAN: []" in verdict.output, verdict.output
    assert verdict.error is not None and verdict.error.kind == "forbidden"
    assert "os.kill" in verdict.error.message
    boundary.assert_untouched()


def test_the_environment_and_working_folder_are_not_inherited(boundary):
    verdict, _ = boundary.grade("environment.py")
    names = verdict.output.split("ORTAM:", 1)[1].split("\n", 1)[0]
    assert "TUTOR_HOME" not in names and "PYTHONPATH" not in names, names
    assert str(boundary.home) not in verdict.output
    folder = verdict.output.split("KLASOR:", 1)[1].split("\n", 1)[0].strip()
    assert "/tutor-ogrenci-" in folder and folder != os.getcwd()
    boundary.assert_untouched()


@pytest.mark.skipif(not LINUX, reason="resource limits are checked on Linux")
def test_a_file_larger_than_the_limit_ends_the_run_with_a_clear_verdict(boundary):
    verdict, _ = boundary.grade("big_file.py")
    assert verdict.error is not None and verdict.error.kind == "crash", verdict.error
    assert "dosya boyutu" in verdict.error.message
    boundary.assert_untouched()


# --- 4. forbidden calls, however they are reached --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("exec_string.py", "exec/eval/compile"),
        ("renamed_code.py", "types.CodeType"),  # the audit hook sees the code object made
        ("thread.py", "threading"),
        ("torchscript.py", "'softmax'"),  # the scripted function names it: the static check
        ("safe_softmax.py", "aten::_safe_softmax"),
        ("attention_softmax.py", "aten::_scaled_dot_product"),
        ("decomposition.py", "torch._decomp"),
        ("disable_watchers.py", "'__torch_function__'"),
    ],
)
def test_a_forbidden_softmax_is_caught_however_it_is_reached(boundary, name, words):
    """Each attack names the layer that stops it first; the later layers are tried by the
    tests below (a kernel that cannot run, a stub with no way back)."""
    verdict, _ = boundary.grade(name)
    assert not verdict.passed
    assert verdict.error is not None and verdict.error.kind == "forbidden", verdict.error
    assert words in verdict.error.message, verdict.error.message
    assert verdict.score == 0.0
    boundary.assert_untouched()


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("rmatmul.py", "aten::matmul"),
        ("private_nn.py", "torch.nn.functional.linear"),
        ("conv_matmul.py", "aten::conv1d"),
    ],
)
def test_a_forbidden_product_is_caught_at_the_kernel_it_reaches(boundary, name, words):
    verdict, _ = boundary.grade(name, exercise="matmul")
    assert verdict.error is not None and verdict.error.kind == "forbidden", verdict.error
    assert words in verdict.error.message, verdict.error.message
    boundary.assert_untouched()


def test_torch_optim_cannot_be_dug_out_of_a_closure(boundary):
    verdict, _ = boundary.grade("optimizer_closure.py", exercise="sgd", timeout_s=20.0)
    assert verdict.error is not None and verdict.error.kind == "forbidden", verdict.error
    assert "torch.optim.SGD" in verdict.error.message
    boundary.assert_untouched()


# --- 5. what comes back is read with limits --------------------------------------------------------


@pytest.mark.parametrize("name", ["frame_forgery.py", "frame_flood.py", "kill_own_job.py"])
def test_forged_frames_end_in_a_crash_verdict_quickly(boundary, name):
    verdict, elapsed = boundary.grade(name)
    assert not verdict.passed
    assert verdict.error is not None and verdict.error.kind in ("crash", "forbidden")
    assert elapsed < 10
    boundary.assert_untouched()


# --- 6. comparisons that accept nothing they should not -------------------------------------------


def test_nan_initial_weights_fail_instead_of_matching_a_nan_reference(boundary):
    verdict, _ = boundary.grade("nan_weights.py", exercise="linear", timeout_s=20.0)
    assert not verdict.passed
    assert any("NaN ya da sonsuz değerlerle başlıyor" in c.message for c in verdict.checks)


def test_a_dropout_whose_mask_never_changes_fails(boundary):
    verdict, _ = boundary.grade("fixed_mask_dropout.py", exercise="dropout", timeout_s=20.0)
    assert not verdict.passed
    assert any("maske" in c.message for c in verdict.checks if not c.passed)


# --- 7. broken submissions are the learner's failure, with a small verdict --------------------------


def test_a_huge_exception_message_is_capped_in_every_check(boundary):
    verdict, _ = boundary.grade("huge_exception.py")
    assert verdict.error is not None and verdict.error.kind == "exception"
    assert len(json.dumps(verdict.to_json(), ensure_ascii=False)) < 60_000
    assert all(len(c.message) <= 2000 for c in verdict.checks)


def test_broken_submissions_exit_1_with_one_json_verdict(tutor_home, tmp_path):
    for name in ("kill_own_job.py", "frame_forgery.py"):
        path = tmp_path / name
        path.write_text((ATTACKS / name).read_text(encoding="utf-8"), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "tutor", "submit", "softmax", str(path), "--json"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert result.returncode == 1, result.stderr
        verdict = json.loads(result.stdout)
        assert verdict["passed"] is False and verdict["error"]["kind"] in ("crash", "forbidden")


# --- honest setups never break grading -------------------------------------------------------------


def test_a_folder_with_a_module_named_like_the_standard_library_does_not_break_grading(
    tutor_home, tmp_path
):
    (tmp_path / "random.py").write_text("raise SystemExit('gölge modül yüklendi')\n")
    (tmp_path / "torch.py").write_text("raise SystemExit('gölge torch yüklendi')\n")
    home = tmp_path / "ev"
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "tutor",
                "submit",
                "softmax",
                str(ROOT / "solutions/tensorler/softmax.py"),
                "--json",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=240,
            env={**os.environ, "TUTOR_HOME": str(home), "PYTHONPATH": str(ROOT)},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert json.loads(result.stdout)["passed"] is True
    finally:
        client.stop_worker(home)


def test_a_replay_seed_is_shown_but_never_recorded_as_a_pass(fresh_session):
    verdict = fresh_session.submit(
        "relu", ROOT / "solutions/tensorler/relu.py", seed=11, device="cpu"
    )
    assert verdict.passed
    assert fresh_session.progress.status(fresh_session.pack.id, "relu") != "passed"
