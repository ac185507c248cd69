"""Copying to the clipboard in a way the app can vouch for.

Textual copies with OSC 52: an escape sequence that asks the terminal to set the clipboard.
Many terminals ignore it (and tmux passes it on only with `set-clipboard on`), and none
answers, so after OSC 52 alone the app cannot know whether anything was copied. Where the
system has a clipboard tool (pbcopy, wl-copy, xclip, xsel, clip.exe), running it gives an
answer: its exit code. The app says "copied" only then; otherwise it says what it sent.

Headless (no textual import); the app runs `copy` in a thread worker.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

TIMEOUT_S = 2.0


def system_tool() -> list[str] | None:
    """The command that puts its standard input on this system's clipboard, if there is one."""
    candidates: list[list[str]] = []
    if sys.platform == "darwin":
        candidates.append(["pbcopy"])
    if os.environ.get("WAYLAND_DISPLAY"):
        candidates.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        candidates += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    candidates.append(["clip.exe"])  # Windows Subsystem for Linux
    for command in candidates:
        if shutil.which(command[0]):
            return command
    return None


def copy(text: str) -> str | None:
    """Put `text` on the system clipboard; the tool's name if it said it did, else None."""
    command = system_tool()
    if command is None:
        return None
    try:
        result = subprocess.run(
            command,
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return command[0] if result.returncode == 0 else None
