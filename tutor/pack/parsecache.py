"""Pack files already read clean, remembered by their content, so that loading stays fast.

Every command and the app load the whole pack. The built-in lessons are about 700 KB of YAML,
and reading them properly (strict UTF-8, the mojibake check over every line, the bounded YAML
parse with the line of every value) takes over half a second, on every `tutor submit`. The
result depends only on the file's text and on this code, so a file read before without a fault
gives the same data again: it is kept as JSON under the tutor home, in a file named by the
SHA-256 of the text and of the code that read it. A file with any fault is never kept, so a
faulty pack is checked in full every time; what is built from the data (paths that must exist,
cross-checks) is checked on every load, from the cache or not.

Only plain JSON data is kept (strings as keys, lists, strings, numbers, booleans, null): a
value of any other type (a YAML date, an integer key) means the file is simply not kept.
Nothing here is trusted beyond that: an entry that does not decode to that shape is ignored.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
from pathlib import Path
from typing import Any

FORMAT = 1
MAX_ENTRIES = 512  # the oldest go beyond this; the built-in pack needs 13
_CODE = ("loader.py", "encoding.py")  # what decides what a text parses to
_salt: bytes | None = None


def _code_salt() -> bytes:
    global _salt
    if _salt is None:
        digest = hashlib.sha256(f"{FORMAT}".encode())
        here = Path(__file__).resolve().parent
        for name in _CODE:
            digest.update((here / name).read_bytes())
        # PyYAML's version, without importing it (20 ms a command that hits the cache never
        # spends): its package file names the version.
        spec = importlib.util.find_spec("yaml")
        if spec is not None and spec.origin:
            digest.update(Path(spec.origin).read_bytes())
        _salt = digest.digest()
    return _salt


def _folder() -> Path | None:
    if os.environ.get("TUTOR_NO_PARSE_CACHE"):
        return None
    from tutor.workspace import tutor_home

    return tutor_home() / "onbellek" / "paket"


def _entry(text: str) -> Path | None:
    folder = _folder()
    if folder is None:
        return None
    key = hashlib.sha256(_code_salt() + text.encode("utf-8", "surrogatepass")).hexdigest()
    return folder / f"{key}.json"


def _plain(value: Any) -> bool:
    """JSON gives back exactly this value (no tuple, date, integer key or NaN)."""
    if value is None or isinstance(value, (bool, int, str)):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def get(text: str) -> tuple[Any, dict[tuple, int]] | None:
    """(data, line of every value) for a text read clean before, or None."""
    path = _entry(text)
    if path is None:
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        data, pairs = stored["data"], stored["lines"]
        lines = {tuple(where): int(line) for where, line in pairs}
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return data, lines


def put(text: str, data: Any, lines: dict[tuple, int]) -> None:
    """Remember a text that was read without a fault. Best effort: never raises."""
    if not _plain(data) or not all(_plain(list(where)) for where in lines):
        return
    path = _entry(text)
    if path is None:
        return
    body = json.dumps(
        {"data": data, "lines": [[list(where), line] for where, line in lines.items()]},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(body, encoding="utf-8")
        os.replace(temporary, path)  # whole or not at all, whoever reads it
        _prune(path.parent)
    except OSError:
        return


def _prune(folder: Path) -> None:
    entries = list(folder.glob("*.json"))
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime)
    for old in entries[: len(entries) - MAX_ENTRIES]:
        old.unlink(missing_ok=True)
