"""Phrase matching over word tokens (text.tokens: Token, tokenize, imported from here by the extractors)."""

from __future__ import annotations

from collections.abc import Mapping

from pantau.text.tokens import Token, tokenize

__all__ = ["Token", "match_at", "phrase_index", "tokenize"]


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
