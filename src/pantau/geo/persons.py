"""Whether a place name in running text is part of a person's name ("Jenderal Andika", "O.J. Simpson").

Asked of place mentions with no cue word when an incident's place is chosen (merge.where); the guards that
drop a mention outright while places are found live in geo.places (_Doc.keep).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pantau.model import Span


def in_persons_name(text: str, span: Span) -> bool:
    """True when the name at span reads as part of a person's name."""
    return _inside_name(text, span.start) or _first_name(text, span)


@lru_cache(maxsize=4096)  # asked again for every candidate that falls back to the article's places
def _inside_name(text: str, start: int) -> bool:
    """True when a capitalised word that is not a sentence start stands right before the name."""
    before = text[max(0, start - 30) : start]
    words = before.split()
    if not words or not before.endswith((" ", "\u00a0")):
        return False
    prev = words[-1]
    if _INITIALS.fullmatch(prev):
        return True  # "O.J. Simpson", "M. Yusuf": initials open a person's name
    if not prev[:1].isupper() or not prev.isalpha() or prev.isupper():
        return False  # "BP Batam", "RSUD Jayapura": an acronym names a body of that place, not a person
    ahead = before[: len(before) - len(prev) - 1].rstrip()
    return bool(ahead) and ahead[-1:] not in ".!?\"“”'(:"


_INITIALS = regex.compile(r"(?:\p{Lu}\.)+")
_NEXT_WORD = regex.compile(r"[ \t\u00a0]+(\p{Lu}\p{Ll}{2,})\b")


@lru_cache(maxsize=4096)
def _first_name(text: str, span: Span) -> bool:
    """True when the name is followed by a capitalised word that the text also uses alone (a surname)."""
    m = _NEXT_WORD.match(text, span.end)
    if m is None:
        return False
    word = m.group(1)
    # "Hasan Basri (30) ... Basri ditangkap": the second word stands alone elsewhere, not after the first
    return any(
        x.start() != m.start(1) and not text[max(0, x.start() - 40) : x.start()].rstrip().endswith(span.text)
        for x in regex.finditer(rf"\b{regex.escape(word)}\b", text)
    )
