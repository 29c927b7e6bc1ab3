"""Word tokens with their offsets, the unit every matcher of pantau works on."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Words keep inner hyphens and apostrophes ("luka-luka", "Hay'et"); numbers keep . and , groups.
_TOKEN = regex.compile(r"\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\S")


_set = object.__setattr__  # sets a field of a frozen dataclass


@dataclass(frozen=True, slots=True, init=False)
class Token:
    """A word, number or punctuation mark with its offsets in the document and the form matchers compare."""

    start: int
    end: int
    text: str
    # the text in lower case; place-name tokens (geo.normalize.tokens) also drop accents and apostrophes
    low: str

    def __init__(self, start: int, end: int, text: str, low: str) -> None:
        """Set the fields as dataclasses' frozen __init__ does, with fewer look-ups: made for every word."""
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)
        _set(self, "low", low)

    @property
    def is_word(self) -> bool:
        """True for a token made of letters."""
        return self.text[:1].isalpha()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise text[start:end], keeping document offsets."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        # a plain lower-case word is its own lower case: no new string
        out.append(Token(m.start(), m.end(), word, word if word.isascii() and word.islower() else word.lower()))
    return out
