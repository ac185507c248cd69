"""The real app in a process of its own: in tmux like a learner, and without torch."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PACK

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_never_imports_torch_in_its_own_process(tmp_path, warm_worker):
    """Start, warm up the worker, open an exercise and grade it: torch stays in the worker."""
    script = f"""
import asyncio, sys
from tutor.app import create_app

async def main():
    app = create_app(pack={str(PACK)!r}, workspace={str(tmp_path / "calisma")!r},
                     progress_path={str(tmp_path / "ilerleme.sqlite3")!r}, device="cpu", seed=1)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_exercise("relu")
        await pilot.pause()
        await pilot.press("g")
        for _ in range(600):
            await pilot.pause(0.05)
            if app.screen.query("#verdict-head"):
                break
        # Every worker but the open exercise's file watcher, which runs until the screen goes.
        await asyncio.gather(*(w.wait() for w in app.workers if w.group != "watch"))
        print("graded", bool(app.screen.query("#verdict-head")))
    print("torch", "torch" in sys.modules)

asyncio.run(main())
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "graded True" in result.stdout
    assert "torch False" in result.stdout


def test_the_app_can_exit_right_after_painting_its_first_screen(tmp_path):
    """The switch benchmarks/app_startup.py relies on."""
    painted = tmp_path / "painted"
    env = dict(os.environ, TUTOR_APP_EXIT_AFTER_PAINT=str(painted))
    script = (
        "import sys\nfrom tutor.app import create_app\n"
        f"app = create_app(pack={str(PACK)!r}, workspace={str(tmp_path / 'w')!r}, warm_up=False,"
        f" progress_path={str(tmp_path / 'p.sqlite3')!r})\n"
        "app.run(headless=True, size=(80, 24))\nprint('torch', 'torch' in sys.modules, app.return_code)\n"
    )
    started = time.time_ns()
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("torch False 0")
    assert started < int(painted.read_text()) < time.time_ns()


class Tmux:
    def __init__(self, name: str):
        self.name = name

    def capture(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        ).stdout

    def send(self, *keys: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def wait_for(self, text: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear on the screen:\n{screen}")


@pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed: cannot run the app in a real terminal",
)
def test_the_real_app_in_tmux_grades_fails_edits_and_passes(tmp_path, warm_worker):
    """`tutor` in a 100×30 terminal: open the next exercise, fail, edit in $EDITOR, pass, quit."""
    editor = tmp_path / "editor.sh"
    solution = PACK / "solutions" / "tensorler" / "relu.py"
    # A stand-in for the learner's editor: it writes the solution into the file it is given.
    editor.write_text(f'#!/bin/sh\ncp {shlex.quote(str(solution))} "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    exit_code = tmp_path / "exit-code"
    # COLUMNS and LINES (set by the test runner) would override the terminal's real size.
    command = (
        f"cd {shlex.quote(str(ROOT))} && unset COLUMNS LINES && EDITOR={shlex.quote(str(editor))} TUTOR_HOME={shlex.quote(str(warm_worker))} "
        f"{shlex.quote(sys.executable)} -m tutor --pack {shlex.quote(str(PACK))} "
        f"--workspace {shlex.quote(str(tmp_path / 'calisma'))} --device cpu; echo $? > {shlex.quote(str(exit_code))}"
    )
    name = f"tutor-test-{os.getpid()}"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command], check=True
    )
    tmux = Tmux(name)
    try:
        # Keep the size whatever other tmux clients on this server do.
        subprocess.run(
            ["tmux", "set-option", "-t", name, "window-size", "manual"], capture_output=True
        )
        subprocess.run(
            ["tmux", "resize-window", "-t", name, "-x", "100", "-y", "30"], capture_output=True
        )
        size = subprocess.run(
            ["tmux", "display-message", "-p", "-t", name, "#{pane_width}x#{pane_height}"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        assert size == "100x30", size
        screen = tmux.wait_for("Ders haritası")
        assert "1. Tensörler" in screen and "relu — ReLU aktivasyonu" in screen
        tmux.send("d")
        screen = tmux.wait_for("Henüz değerlendirilmedi")
        assert "ReLU aktivasyonu" in screen and "Dosyanız" in screen
        tmux.send("g")
        screen = tmux.wait_for("KALDI")
        assert "Kodunuz çalışırken hata verdi" in screen
        tmux.send("e")  # the app hands the terminal to the editor, then grades the saved file
        screen = tmux.wait_for("GEÇTİ")
        assert "puan %100" in screen
        tmux.send("q")
        deadline = time.monotonic() + 30
        while not exit_code.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert exit_code.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
