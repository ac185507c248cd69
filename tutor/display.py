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


_DEF_LINE = re.compile(r"^(?P<head>\s*(?:def|class) \w+)\((?P<params>.*)\)(?P<tail>[^()]*)$")


def _split_params(params: str) -> list[str]:
    """Parameters split at the commas outside brackets: `x, shape: tuple[int, int] = (1, 2)`."""
    parts, depth, current = [], 0, ""
    for ch in params:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        parts.append(current.strip())
    return parts


def fit_signature(text: str, width: int) -> str:
    """A signature that fits `width` columns, broken as Black would break it: the parameters on
    a line of their own, or one per line; still valid Python, never cut inside a name."""
    lines: list[str] = []
    for line in signature_lines(text).splitlines():
        match = _DEF_LINE.match(line)
        if len(line) <= width or not match:
            lines.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        params = _split_params(match["params"])
        together = f"{indent}    {', '.join(params)}"
        lines.append(f"{match['head']}(")
        if len(together) <= width:
            lines.append(together)
        else:
            lines += [f"{indent}    {param}," for param in params]
        lines.append(f"{indent}){match['tail']}")
    return "\n".join(lines)
