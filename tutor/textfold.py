"""Turkish-aware text folding for search: "isik", "IŞIK" and "ışık" all find each other.

Python's `str.lower()` is not Turkish-aware: `"I".lower()` is `"i"` (Turkish wants `"ı"`) and
`"İ".lower()` is `"i̇"`, two characters. Search here folds both sides to a plain key instead:
lower-case the Turkish way, then drop the marks, so `ı`/`i`, `ş`/`s`, `ğ`/`g`, `ç`/`c`, `ö`/`o`,
`ü`/`u` (and accented letters of other languages) compare equal. A learner with an English
keyboard can type "asiri ogrenme" and find "aşırı öğrenme".

Imports no UI library: the app's glossary and command palette, and any headless code, share it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Letters whose case mapping differs in Turkish from Python's default.
_TR_LOWER = {"I": "ı", "İ": "i"}
_TR_UPPER = {"i": "İ", "ı": "I"}

# Letters that decomposition alone does not reduce to a plain Latin letter.
_FOLD_SPECIAL = {
    "ı": "i",
    "İ": "i",
    "I": "i",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "ø": "o",
    "đ": "d",
    "ł": "l",
}

# The Turkish alphabet, for sorting: ç after c, ğ after g, ı before i, ö after o, ş after s, ü after u.
TURKISH_ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyz"
# q, w and x (English terms in the glossary) take their Latin places.
_ORDER = {letter: index for index, letter in enumerate("abcçdefgğhıijklmnoöpqrsştuüvwxyz")}


def turkish_lower(text: str) -> str:
    """Lower-case the Turkish way: `I` → `ı`, `İ` → `i`; everything else as `str.lower()`."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TR_LOWER.get(ch) or ch.lower() for ch in text)


def turkish_upper(text: str) -> str:
    """Upper-case the Turkish way: `i` → `İ`, `ı` → `I`; everything else as `str.upper()`."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TR_UPPER.get(ch) or ch.upper() for ch in text)


def _fold_char(ch: str) -> str:
    special = _FOLD_SPECIAL.get(ch)
    if special is not None:
        return special
    lowered = _TR_LOWER.get(ch) or ch.lower()
    special = _FOLD_SPECIAL.get(lowered)
    if special is not None:
        return special
    # Drop combining marks: "ş" → "s" + U+0327 → "s"; a lone combining mark folds to nothing.
    return "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """The folded key of `text` and, for each of its characters, the index in `text` it came from.

    The offsets let a caller that matched on the folded key highlight the original text.
    """
    folded: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(text):
        for piece in _fold_char(ch):
            folded.append(piece)
            offsets.append(index)
    return "".join(folded), offsets


def fold(text: str) -> str:
    """The search key of `text`: Turkish lower case without marks ("IŞIK" → "isik")."""
    return "".join(_fold_char(ch) for ch in text)


def contains(query: str, text: str) -> bool:
    """True when every word of `query` occurs in `text`, ignoring case and Turkish marks."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


def find_spans(query: str, text: str) -> list[tuple[int, int]]:
    """Where the words of `query` occur in `text`, as sorted, merged `(start, end)` index pairs
    into the original `text` (not into its folded key)."""
    folded, offsets = fold_with_offsets(text)
    spans: list[tuple[int, int]] = []
    for word in set(fold(query).split()):
        start = folded.find(word)
        while start != -1:
            end = start + len(word)
            spans.append((offsets[start], offsets[end - 1] + 1))
            start = folded.find(word, end)
    return _merge(spans)


def spans_from_positions(positions: Iterable[int], offsets: list[int]) -> list[tuple[int, int]]:
    """Turn positions in a folded key (e.g. a fuzzy matcher's) into spans of the original text."""
    return _merge((offsets[p], offsets[p] + 1) for p in positions if 0 <= p < len(offsets))


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def sort_key(text: str) -> tuple:
    """Sort in Turkish alphabetical order ("çapraz" after "cihaz", "ışık" before "iç")."""
    key = []
    for ch in turkish_lower(text):
        if ch in _ORDER:
            key.append((1, _ORDER[ch], ""))
            continue
        base = fold(ch)[:1]
        if base in _ORDER:  # an accented letter sorts right after its plain letter
            key.append((1, _ORDER[base], ch))
        else:  # spaces, digits and punctuation before letters
            key.append((0, ord(ch), ch))
    return tuple(key)
