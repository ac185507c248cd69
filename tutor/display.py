"""How a pack's texts are laid out for people, the same in the CLI and the app.

Imports no UI library.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

# "class LSTMCell(nn.Module): def __init__(...); def forward(...)" in the pack is one line.
_CLASS_SIGNATURE = re.compile(r"^(class [^:]+:)\s*(def .*)$")


def signature_lines(signature: str) -> str:
    """A class signature written on one line in the pack, as the class would be written:
    the class line, then each method indented on a line of its own."""
    match = _CLASS_SIGNATURE.match(signature.strip())
    if not match:
        return signature.strip()
    methods = [m.strip() for m in match.group(2).split("; ") if m.strip()]
    return "\n".join([match.group(1), *(f"    {m}" for m in methods)])


def short_path(path: Path | str) -> str:
    """A path with the home folder written as ~ (still valid to paste into a shell)."""
    text = str(path)
    home = os.path.expanduser("~")
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text


def shell_lines(parts: list[list[str]]) -> str:
    """A command over several lines, each part on its own, joined with backslashes: still one
    valid shell command when copied, and no line breaks inside a path."""
    return " \\\n  ".join(shlex.join(part) for part in parts)
