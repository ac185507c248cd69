"""`tutor watch` grades on every save, seen through file-system events, until Ctrl+C; without
an exercise id it goes on after a pass and waits for the next exercise's first save."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
import uuid

from conftest import ROOT

APP_PACK = ROOT / "tests" / "app" / "pack"


class Watch:
    def __init__(self, *args: str):
        self.seen = b""
        self.pos = 0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tutor", "watch", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, "COLUMNS": "200"},
        )

    def _read(self, wait: float) -> bool:
        ready, _, _ = select.select([self.process.stdout], [], [], wait)
        if ready:
            chunk = os.read(self.process.stdout.fileno(), 65536)
            self.seen += chunk
            return bool(chunk)
        return True

    def read_until(self, needle: str, timeout: float = 60) -> str:
        """What was printed since the last call, up to and including `needle`."""
        wanted = needle.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self.seen[self.pos :]:
            if time.monotonic() > deadline or not self._read(0.05):
                raise AssertionError(
                    f"did not see {needle!r} in:\n{self.seen.decode(errors='replace')}"
                )
        end = self.seen.index(wanted, self.pos) + len(wanted)
        text = self.seen[self.pos : end].decode("utf-8", errors="replace")
        self.pos = end
        return text

    def drain(self, seconds: float) -> str:
        """What is printed in the next `seconds`."""
        end = time.monotonic() + seconds
        while time.monotonic() < end and self._read(0.05):
            pass
        text = self.seen[self.pos :].decode("utf-8", errors="replace")
        self.pos = len(self.seen)
        return text

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(10)
        return self.process.returncode


def test_watch_waits_for_a_save_regrades_on_each_and_stops_on_ctrl_c(tmp_path):
    watch = Watch("relu", "--workspace", str(tmp_path))
    learner_file = tmp_path / "tensorler" / "relu.py"
    try:
        first = watch.read_until("başlangıç hâlinde")
        assert "relu (ReLU" in first and str(learner_file) in first
        assert "KALDI" not in first  # the untouched starter is not graded
        time.sleep(0.3)
        learner_file.write_text("def relu(x):\n    return x\n", encoding="utf-8")
        assert "Değişiklik algılandı" in watch.read_until("KALDI", 30)
        learner_file.write_text(
            (ROOT / "solutions/tensorler/relu.py").read_text(encoding="utf-8"), encoding="utf-8"
        )
        assert "Değişiklik algılandı" in watch.read_until("GEÇTİ", 30)
        # Watching one exercise by its id stays on it after a pass, and says where to go on.
        stays = watch.read_until("sıradaki alıştırma için: tutor watch sigmoid", 10)
        assert "Bu dosya izlenmeye devam ediyor" in stays
        assert "sigmoid (Sigmoid" not in watch.drain(1.0)
    finally:
        code = watch.stop()
    assert code == 130


def test_watch_goes_on_after_a_pass_without_grading_the_next_starter(tmp_path):
    pack = tmp_path / "paket"
    shutil.copytree(APP_PACK, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "id: uygulama-deneme", f"id: deneme-{uuid.uuid4().hex[:8]}"
        ),
        encoding="utf-8",
    )
    workspace = tmp_path / "calisma"
    watch = Watch("--pack", str(pack), "--workspace", str(workspace))
    try:
        watch.read_until("başlangıç hâlinde")  # relu, the first exercise not passed
        time.sleep(0.3)
        shutil.copy(pack / "solutions/tensorler/relu.py", workspace / "tensorler" / "relu.py")
        watch.read_until("GEÇTİ", 30)
        moved = watch.read_until("başlangıç hâlinde", 30)
        assert "Sıradaki alıştırma: softmax" in moved and "softmax (Softmax)" in moved
        assert "KALDI" not in watch.drain(1.0)
    finally:
        watch.stop()
    listed = subprocess.run(
        [sys.executable, "-m", "tutor", "--pack", str(pack), "list", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    statuses = {row["id"]: row["status"] for row in json.loads(listed.stdout)}
    assert statuses == {"relu": "passed", "softmax": "not_tried", "fit_line": "not_tried"}
