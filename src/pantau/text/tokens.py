"""Word tokens with their offsets, the unit every matcher of pantau works on."""

from __future__ import annotations

from typing import NamedTuple

import regex

# Words keep inner hyphens and apostrophes ("luka-luka", "Hay'et"); numbers keep . and , groups.
_TOKEN = regex.compile(r"\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\S")


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets in the document and the form matchers compare.

    A named tuple, not a frozen dataclass: every word of every article is one, and a tuple is made by one C
    call (`_new`) where a frozen dataclass's __init__ sets four fields through object.__setattr__ (five times
    slower; the tokenisers made a quarter of the pipeline's objects)."""

    start: int
    end: int
    text: str
    # the text in lower case; place-name tokens (geo.normalize.tokens) also drop accents and apostrophes
    low: str

    @property
    def is_word(self) -> bool:
        """True for a token made of letters."""
        return self.text[:1].isalpha()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise text[start:end], keeping document offsets."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        s, e = m.span()
        # a plain lower-case word is its own lower case: no new string
        append(_new(Token, (s, e, word, word if word.isascii() and word.islower() else word.lower())))
    return out


# Token(start, end, text, low) without the named tuple's Python-level __new__ (the tokenisers' hot loop).
_new = tuple.__new__
