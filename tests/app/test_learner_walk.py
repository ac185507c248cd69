"""A learner's whole path through the real app, in tmux: read → quiz → exercise → fail →
hint → pass → next, at both sizes the snapshots use."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from .conftest import PACK
from .test_app_process import ROOT, Tmux


def start(name: str, size: tuple[int, int], command: str) -> Tmux:
    width, height = size
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command],
        check=True,
    )
    # Keep the size whatever other tmux clients on this server do.
    subprocess.run(["tmux", "set-option", "-t", name, "window-size", "manual"], capture_output=True)
    subprocess.run(
        ["tmux", "resize-window", "-t", name, "-x", str(width), "-y", str(height)],
        capture_output=True,
    )
    return Tmux(name)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_read_quiz_exercise_fail_hint_pass_next(tmp_path, warm_worker, size):
    # The fixed pack under an id of its own: progress and the resume place start empty in the
    # tutor home that every test shares (with its warm worker).
    pack = tmp_path / "paket"
    shutil.copytree(PACK, pack)
    manifest = pack / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "id: uygulama-deneme", f"id: yuruyus-{uuid.uuid4().hex[:8]}"
        ),
        encoding="utf-8",
    )
    editor = tmp_path / "editor.sh"
    solution = pack / "solutions" / "tensorler" / "relu.py"
    # A stand-in for the learner's editor: it writes the solution into the file it is given.
    editor.write_text(f'#!/bin/sh\ncp {shlex.quote(str(solution))} "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    exit_code = tmp_path / "exit-code"
    command = (
        f"cd {shlex.quote(str(ROOT))} && unset COLUMNS LINES && "
        f"EDITOR={shlex.quote(str(editor))} TUTOR_HOME={shlex.quote(str(warm_worker))} "
        f"{shlex.quote(sys.executable)} -m tutor --pack {shlex.quote(str(pack))} "
        f"--workspace {shlex.quote(str(tmp_path / 'calisma'))} --device cpu; "
        f"echo $? > {shlex.quote(str(exit_code))}"
    )
    name = f"tutor-walk-{os.getpid()}-{size[0]}"
    tmux = start(name, size, command)
    try:
        tmux.wait_for("Sıradaki: relu")
        time.sleep(1)  # a learner who has done nothing yet starts on the first lesson's reading
        tmux.send("enter")
        tmux.wait_for("1. Tensörler")
        tmux.wait_for("Tensör nedir?")
        time.sleep(1)  # the reader has drawn its title; let it finish mounting
        tmux.send("b")  # the end-of-lesson quiz
        tmux.wait_for("Soru 1/")
        time.sleep(0.5)
        tmux.send("1")
        tmux.wait_for("Doğru")  # "✔ Doğru!" or "✘ Yanlış. Doğru cevap: …"
        tmux.send("escape")  # back to the reading
        tmux.wait_for("Tensör nedir?")
        time.sleep(0.5)
        tmux.send("a")  # the lesson's next exercise
        tmux.wait_for("Henüz değerlendirilmedi")
        screen = tmux.wait_for("İmza")
        assert "ReLU aktivasyonu" in screen and "Dosyanız:" in screen
        time.sleep(0.5)
        tmux.send("g")
        tmux.wait_for("KALDI")
        screen = tmux.wait_for("Kodunuz çalışırken hata verdi")  # the error, said in words
        assert "(exception)" not in screen
        tmux.send("i")
        screen = tmux.wait_for("İpucu 1/3")
        if size[1] >= 40:  # on 24 lines the hint scrolls its panel's heading away
            assert "İpuçları · 1/3" in screen
        tmux.send("e")  # the editor saves the solution; the save is graded at once
        screen = tmux.wait_for("GEÇTİ")
        assert "puan %100" in screen
        time.sleep(0.3)
        tmux.send("n")  # on to the next exercise, not graded before its first save
        screen = tmux.wait_for("Softmax")
        screen = tmux.wait_for("Henüz değerlendirilmedi")
        assert "KALDI" not in screen
        tmux.send("q")
        deadline = time.monotonic() + 30
        while not exit_code.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert exit_code.read_text().strip() == "0"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
