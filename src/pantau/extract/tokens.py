"""Word tokens with their offsets, the unit every matcher of pantau works on."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import regex

# Words keep inner hyphens and apostrophes ("luka-luka", "Hay'et"); numbers keep . and , groups.
_TOKEN = regex.compile(r"\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\S")


@dataclass(frozen=True, slots=True)
class Token:
    """A word, number or punctuation mark with its offsets in the document."""

    start: int
    end: int
    text: str
    low: str

    @property
    def is_word(self) -> bool:
        """True for a token made of letters."""
        return self.text[:1].isalpha()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokenise text[start:end], keeping document offsets."""
    end = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), m.group(0), m.group(0).lower())
        for m in _TOKEN.finditer(text, start, end)
    ]


def phrase_index(phrases: Mapping[str, object]) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    """Index lower-case phrases by their first word, longest first, for token-level matching."""
    index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
    for phrase, value in phrases.items():
        words = tuple(t.low for t in tokenize(phrase.lower()))
        if words:
            index.setdefault(words[0], []).append((words, value))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def match_at(
    toks: list[Token], i: int, index: dict[str, list[tuple[tuple[str, ...], object]]]
) -> tuple[int, object] | None:
    """The longest indexed phrase starting at token i: (number of tokens, value), or None."""
    for words, value in index.get(toks[i].low, ()):
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].low == words[k] for k in range(1, n)):
            return n, value
    return None
