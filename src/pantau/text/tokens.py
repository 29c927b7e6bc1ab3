"""Word tokens with their offsets, the unit every matcher of pantau works on: pantau's one tokeniser.

Two readings of one text, both here: `tokenize` (every word, number and punctuation mark, for the extractors)
and `name_tokens` (the words of place names only, each with a folded key, for the gazetteer and the place
finder; geo.normalize supplies the folding, which is name normalisation, not tokenising). Phrase matching over
tokens (`phrase_index`, `match_at`) is here too, so every stage that matches words imports one module.
Rejected: one regular expression for both readings (a name's words drop punctuation and hyphens that the
extractors' tokens keep: "luka-luka" is one word, "Deir ez-Zor" three name words).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

import regex

# Words keep inner hyphens and apostrophes ("luka-luka", "Hay'et"); numbers keep . and , groups.
_TOKEN = regex.compile(r"\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*|\S")
# A word of a name: letters/digits, with inner apostrophes kept ("Ma'rib"); the words of one name are joined
# by spaces or hyphens only (geo.normalize.joined), never across commas, full stops or line breaks.
NAME_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’`ʼ‘][\p{L}\p{M}\p{N}]+)*")


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


def name_tokens(
    text: str, start: int = 0, end: int | None = None, *, fold: Callable[[str], str]
) -> list[Token]:
    """The words of names in text[start:end] with offsets into text, each with fold(word) as its low.

    fold must give a plain ASCII word without apostrophes its lower case (geo.normalize.fold does): such
    words, most of any text, take that shortcut."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    append, new = out.append, _new
    for m in NAME_TOKEN.finditer(text, start, stop):
        word = m.group()
        if word.isascii() and "'" not in word and "`" not in word:
            key = word if word.islower() else word.lower()
        else:
            key = fold(word)
        s, e = m.span()
        append(new(Token, (s, e, word, key)))
    return out


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


def phrase_set(phrases: Iterable[str]) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    """The phrase index of a word list whose phrases all say yes: what most lexicon loaders build from a list."""
    return phrase_index(dict.fromkeys(phrases, True))


def match_at(
    toks: list[Token], i: int, index: dict[str, list[tuple[tuple[str, ...], object]]]
) -> tuple[int, object] | None:
    """The longest indexed phrase starting at token i: (number of tokens, value), or None."""
    entries = index.get(toks[i].low)
    if entries is None:
        return None
    for words, value in entries:
        n = len(words)
        if n == 1:
            return 1, value
        if i + n <= len(toks) and all(toks[i + k].low == words[k] for k in range(1, n)):
            return n, value
    return None
