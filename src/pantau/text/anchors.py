"""Searching a case-insensitive pattern only where one of the words it begins with is.

A pattern whose every match begins with one of a few words (or a digit) is tried only at the places an
Aho-Corasick automaton of those words finds in one pass over the lower-cased text, instead of at every
position by the regex engine. The matches are those of pattern.finditer, in the same order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick
import regex

# Characters other than A-Z/a-z that simple IGNORECASE matching equates with ASCII letters, and whose
# lower() is not that letter (İ ı ſ K): texts holding them are searched the plain way.
CASE_EXOTIC = "\u0130\u0131\u017f\u212a"
_OTHER_DIGIT = regex.compile(r"(?![0-9])\d")


def word_automaton(words: Iterable[str], digits: bool = False, also: str = "") -> Any:
    """An automaton of the lower-cased words (and the ASCII digits and the characters of `also`), or None when
    a word is empty or has a cased non-ASCII letter (lower-case matching would then not be exact)."""
    found = set(words)
    if not found or any(not w for w in found):
        return None
    if any(not c.isascii() and c.lower() != c.upper() for w in found for c in w):
        return None
    auto = ahocorasick.Automaton()
    for w in found | set(also) | (set("0123456789") if digits else set()):
        auto.add_word(w.lower(), len(w))
    auto.make_automaton()
    return auto


def anchored_finditer(
    pattern: regex.Pattern[str], auto: Any, text: str, start: int = 0, end: int | None = None, digits: bool = False
) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text, start, end) for a pattern whose every match begins with a word of auto (or, with
    digits, a digit), matched case-insensitively with simple case folding (V0), and is never empty."""
    end = len(text) if end is None else end
    piece = text[start:end]
    low = piece.lower()
    if auto is None or len(low) != len(piece) or (not piece.isascii() and any(c in piece for c in CASE_EXOTIC)):
        yield from pattern.finditer(text, start, end)
        return
    begins = {start + e - n + 1 for e, n in auto.iter(low)}
    if digits and not piece.isascii():
        begins.update(start + m.start() for m in _OTHER_DIGIT.finditer(piece))
    match = pattern.match
    nxt = start
    for p in sorted(begins):
        if p < nxt:
            continue
        m = match(text, p, end)
        if m is not None:
            yield m
            nxt = m.end()
