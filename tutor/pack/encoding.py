"""Reading pack text: strict UTF-8, and catching Turkish mojibake.

Instructor files often arrive as UTF-8 that was read as Windows-1254 and saved again
("ö" becomes "Ã" + "¶", "ş" becomes "Å" + "Ÿ"). Such text decodes fine, so it has to be recognised.
"""

from __future__ import annotations

import re


# Sequences that UTF-8 Turkish letters (and typographic quotes) turn into under cp1254/cp1252.
def _continuation_chars() -> str:
    chars = []
    for b in range(0x80, 0xC0):
        try:
            chars.append(bytes([b]).decode("cp1254"))
        except UnicodeDecodeError:
            pass
    return "".join(chars)


# A UTF-8 lead byte of a Turkish letter or a typographic quote (Ã Ä Å â under cp1254),
# followed by a continuation byte as cp1254 shows it, or by a letter where the lost 0x9E was.
_MOJIBAKE = re.compile("[ÃÄÅâ][" + re.escape(_continuation_chars()) + "]|Å(?=[A-Za-z])")


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


def find_mojibake(text: str) -> tuple[int, str, str] | None:
    """Return (line, bad, repaired) for the first mojibake sequence, or None."""
    match = _MOJIBAKE.search(text)
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    start = max(0, match.start() - 2)
    bad = text[start : match.end() + 2]
    return line, bad, repair_mojibake(bad)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 → Windows-1254 → UTF-8 double encoding.

    cp1254 has no character for bytes 0x9D and 0x9E, so in "Ş" (C5 9E), "Ğ" (C4 9E) and "”"
    (E2 80 9D) that byte was lost; a lead sequence left without its last byte gets it back.
    """
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1254")
        except UnicodeEncodeError:
            raw += ch.encode("utf-8")
    fixed = bytearray()
    for i, b in enumerate(raw):
        fixed.append(b)
        nxt = raw[i + 1] if i + 1 < len(raw) else 0
        if not 0x80 <= nxt <= 0xBF:
            if b in (0xC4, 0xC5):
                fixed.append(0x9E)
            elif b == 0x80 and i > 0 and raw[i - 1] == 0xE2:
                fixed.append(0x9D)
    return fixed.decode("utf-8", errors="replace")
