"""Sentence splitting for Indonesian news that knows its abbreviations and number formats."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pantau.model import Block, Sentence
from pantau.text.data import text_data

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then white space.
_BOUNDARY = regex.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)")
_NEXT_START = regex.compile(r"\s+[\"'“‘(\[]?[\p{Lu}\p{N}]")
_WORD_BEFORE = regex.compile(r"(\p{L}[\p{L}.]*)$")


@dataclass(frozen=True)
class SentenceLexicon:
    """Abbreviations that end in a period without ending a sentence, and those that may end one."""

    abbreviations: frozenset[str]
    # Abbreviations closing a list or phrase ("dsb."): a sentence may end on them, so their period is a
    # boundary whenever the next word starts a sentence; inside a sentence a lower-case word follows them.
    final_abbreviations: frozenset[str] = frozenset()

    @classmethod
    def load(cls, lang: str = "id") -> SentenceLexicon:
        """Load the abbreviation lists of a language."""
        data = text_data(lang)
        return cls(
            abbreviations=frozenset(a.lower() for a in data.abbreviations),
            final_abbreviations=frozenset(a.lower() for a in data.final_abbreviations),
        )


def _is_abbreviation(before: str, lex: SentenceLexicon) -> bool:
    """True when the period after `before` belongs to an abbreviation that does not end the sentence."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    # The caller saw a capital or a digit after the period: there a list-closing abbreviation ends its sentence.
    if word in lex.final_abbreviations:
        return False
    if len(word) == 1:  # initials: "M. Yusuf"
        return True
    return word in lex.abbreviations


def split_block(text: str, start: int, end: int, lex: SentenceLexicon) -> list[tuple[int, int]]:
    """Split one block of text into sentence spans."""
    spans = []
    seg_start = start
    chunk = text[start:end]
    for m in _BOUNDARY.finditer(chunk):
        cut = start + m.end()
        if not _NEXT_START.match(text, cut, end):
            continue
        single_period = m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’)]")) == 1
        if single_period and _is_abbreviation(text[seg_start : start + m.start()], lex):
            continue
        spans.append((seg_start, cut))
        seg_start = cut
        while seg_start < end and text[seg_start].isspace():
            seg_start += 1
    if seg_start < end and text[seg_start:end].strip():
        spans.append((seg_start, end))
    return spans


def split_sentences(text: str, blocks: tuple[Block, ...], lex: SentenceLexicon) -> tuple[Sentence, ...]:
    """Split the body blocks of an article into sentences (boilerplate blocks yield none)."""
    out: list[Sentence] = []
    for para, block in enumerate(blocks):
        if block.boilerplate:
            continue
        for s, e in split_block(text, block.start, block.end, lex):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(start=s, end=e, paragraph=para, index=len(out)))
    return tuple(out)
