"""Reading text that people saved: strict UTF-8, Turkish mojibake, real Windows-1254 files.

Two accidents are common on Turkish Windows machines. A UTF-8 file read as Windows-1254 and
saved again becomes mojibake ("ö" turns into "Ã¶", "ş" into "ÅŸ"): it decodes fine, so it has to
be recognised. And a file saved as Windows-1254 itself is not UTF-8 at all.

`ftfy` does the recognising and supplies the codec: its "sloppy-windows-1254" maps every byte,
including the five that Windows-1254 leaves undefined, so a garbled run of characters can be
turned back into the bytes it came from. ftfy's own repair (`fix_encoding`) leaves "ÄŸ" (ğ) and
"ÅŸ" (ş) untouched in Turkish text, so the repair decodes each garbled run itself, with ftfy's
repair as the fallback for other encodings.
"""

from __future__ import annotations

import re

SLOPPY_1254 = "sloppy-windows-1254"


def _ftfy():
    """ftfy, imported when a text is first checked (50 ms that most commands never need)."""
    import ftfy
    import ftfy.bad_codecs  # noqa: F401 - registers the "sloppy-windows-125x" codecs
    import ftfy.badness

    return ftfy


def is_bad(text: str) -> bool:
    return _ftfy().badness.is_bad(text)


# A run of non-ASCII characters: mojibake never splits a UTF-8 sequence across ASCII.
_RUN = re.compile(r"[^\x00-\x7f]+")
# A word as people see it (no-break spaces stay inside: "Â\xa0" is mojibake of U+00A0).
_WORD = re.compile(r"[^ \t\r\n]+")
# Control characters that a real text file does not hold (tab, newline and return are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class NotUtf8(Exception):
    def __init__(self, line: int, byte: int):
        super().__init__(f"line {line}")
        self.line = line
        self.byte = byte


def decode_utf8(data: bytes) -> str:
    """Decode strictly; on failure say on which line the bad byte is."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise NotUtf8(line, data[exc.start]) from None
    return text.removeprefix("\ufeff")


def decode_windows_1254(data: bytes) -> str | None:
    """The text of a file saved as Windows-1254, or None if it does not look like one.

    Every byte means something in Windows-1254 except five, so a successful decode proves
    little: the text must also be free of control characters, as a source or lesson file is.
    """
    try:
        text = data.decode("cp1254")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    return text.removeprefix("\ufeff")


def _restore_lost_bytes(raw: bytes) -> bytes:
    """Windows-1254 has no character for 0x9D and 0x9E, so in "Ş" (C5 9E), "Ğ" (C4 9E) and
    "”" (E2 80 9D) that byte is lost when the garbled text is saved; a lead sequence left
    without its last byte gets it back."""
    out = bytearray()
    for i, byte in enumerate(raw):
        out.append(byte)
        following = raw[i + 1] if i + 1 < len(raw) else 0
        if 0x80 <= following <= 0xBF:
            continue
        if byte in (0xC4, 0xC5):
            out.append(0x9E)
        elif byte == 0x80 and i > 0 and raw[i - 1] == 0xE2:
            out.append(0x9D)
    return bytes(out)


def _undo_run(run: str) -> str | None:
    """The UTF-8 text that a run of garbled characters came from, or None if it is not one.

    Genuine Turkish letters (ç ğ ı ö ş ü and capitals) are all lead or invalid bytes in
    Windows-1254, never continuation bytes, so real Turkish text does not decode here; where a
    capital meets a quote ("ODTÜ’de") it may, and the result is not a plausible character.
    """
    _ftfy()  # registers the codec
    try:
        # An editor that could not show the lost byte may have written U+FFFD in its place.
        raw = run.replace("\ufffd", "").encode(SLOPPY_1254)
    except UnicodeEncodeError:
        return None
    try:
        fixed = _restore_lost_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if fixed == run or not all(_plausible(ch) for ch in fixed):
        return None
    return fixed


def _plausible(ch: str) -> bool:
    """What mojibake in a Turkish course hides: Latin letters, Greek (σ, μ), punctuation,
    arrows and mathematical signs, emoji. "ODTÜ’de" decodes to a Syriac letter and stays."""
    code = ord(ch)
    return (
        code < 0x180
        or 0x370 <= code < 0x400
        or 0x2000 <= code < 0x2C00
        or 0x1F000 <= code < 0x1FB00
    )


def _repair_line(line: str) -> str:
    fixed = _RUN.sub(lambda m: _undo_run(m.group(0)) or m.group(0), line)
    if fixed == line and is_bad(line):
        # Not Windows-1254 mojibake: another encoding ftfy knows (Windows-1252, Latin-1, ...).
        candidate = _ftfy().fix_encoding(line)
        if not is_bad(candidate):
            return candidate
    return fixed


_UNDOABLE: re.Pattern[str] | None = None


def _undoable() -> re.Pattern[str]:
    """Characters without which a run cannot be undone: the Windows-1254 characters of UTF-8
    continuation bytes (0x80–0xBF), and Ä and Å, whose lost second byte is restored. Genuine
    Turkish letters are all lead or invalid bytes, so a line of them skips `_undo_run`."""
    global _UNDOABLE
    if _UNDOABLE is None:
        _ftfy()  # registers the codec
        continuation = bytes(range(0x80, 0xC0)).decode(SLOPPY_1254)
        _UNDOABLE = re.compile("[" + re.escape(continuation + "ÄÅ") + "]")
    return _UNDOABLE


def _line_is_garbled(line: str) -> bool:
    # Every pattern of ftfy's badness and every garbled run holds a non-ASCII character.
    if line.isascii():
        return False
    if is_bad(line):
        return True
    undoable = _undoable()
    return any(undoable.search(m.group(0)) and _undo_run(m.group(0)) for m in _RUN.finditer(line))


def find_mojibake(text: str) -> tuple[int, str, str] | None:
    """(line, garbled words, the same words repaired) for the first garbled line, or None.

    The preview shows whole words, so that what is shown repaired is exactly what the
    repair will write ("SÄ±zÄ±" → "Sızı", never half a character).
    """
    if text.isascii():
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if not _line_is_garbled(line):
            continue
        repaired = _repair_line(line)
        words = [m for m in _WORD.finditer(line) if _repair_line(m.group(0)) != m.group(0)]
        if words:
            first, last = words[0], words[min(len(words), 3) - 1]
            bad = line[first.start() : last.end()]
            return number, bad, _repair_line(bad)
        if repaired != line:
            return number, line.strip(), repaired.strip()
    return None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 → Windows-1254 → UTF-8 double encoding, line by line."""
    return "".join(
        _repair_line(line.rstrip("\r\n")) + line[len(line.rstrip("\r\n")) :]
        for line in text.splitlines(keepends=True)
    )


def decode_learner_source(data: bytes) -> tuple[str, str | None]:
    """A learner's file as text, and the encoding it was converted from (None for UTF-8).

    Raises NotUtf8 when it is neither UTF-8 nor Windows-1254.
    """
    try:
        return decode_utf8(data), None
    except NotUtf8:
        text = decode_windows_1254(data)
        if text is None:
            raise
        return text, "Windows-1254"
