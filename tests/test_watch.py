"""`tutor watch ID` re-grades on every save, in the plain terminal, until Ctrl+C."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time

from conftest import ROOT


def _read_until(process: subprocess.Popen, needle: str, timeout: float) -> str:
    seen = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.1)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                break
            seen += chunk
            if needle.encode() in seen:
                return seen.decode("utf-8", errors="replace")
    raise AssertionError(f"did not see {needle!r} in:\n{seen.decode(errors='replace')}")


def test_watch_regrades_on_save_and_stops_on_ctrl_c(tmp_path):
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tutor",
            "watch",
            "relu",
            "--workspace",
            str(tmp_path),
            "--seed",
            "1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "COLUMNS": "200"},
    )
    try:
        first = _read_until(process, "KALDI", 60)
        assert "izleniyor" in first
        learner_file = tmp_path / "tensorler" / "relu.py"
        time.sleep(0.05)
        learner_file.write_text(
            (ROOT / "solutions/tensorler/relu.py").read_text(encoding="utf-8"), encoding="utf-8"
        )
        second = _read_until(process, "GEÇTİ", 30)
        assert "Değişiklik algılandı" in second
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(10)
    assert process.returncode == 130
