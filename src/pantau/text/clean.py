"""Mark boilerplate lines (comments, share/ads, 'Baca juga', captions, bylines) without deleting them."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pantau.model import Block
from pantau.text.data import text_data

_FLAGS = regex.IGNORECASE | regex.V1
# Groups whose opening keeps a pattern's alternatives independent: others (inline flags, conditionals,
# atomic groups, back-references, branch resets) make a pattern be searched whole.
_PLAIN_GROUPS = ("(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<", "(?<")

Searcher = tuple[regex.Pattern[str] | None, tuple[regex.Pattern[str], ...]]


@dataclass(frozen=True)
class CleanLexicon:
    """Compiled boilerplate patterns of one language, by reason."""

    patterns: tuple[tuple[str, regex.Pattern[str]], ...]
    # The same patterns by reason, for speed: the alternatives anchored at the line start in one pattern
    # (tried at one place), each other alternative alone (searched with its literal prefix).
    searchers: tuple[tuple[str, Searcher], ...] = ()

    @classmethod
    def load(cls, lang: str = "id") -> CleanLexicon:
        """Compile the boilerplate patterns of a language."""
        data = {reason: list(pats) for reason, pats in text_data(lang).boilerplate.model_dump().items()}
        compiled = tuple(
            (reason, regex.compile("|".join(f"(?:{p})" for p in pats), _FLAGS))
            for reason, pats in data.items()
        )
        return cls(patterns=compiled, searchers=tuple((reason, _searcher(pats)) for reason, pats in data.items()))


def top_level_alternatives(pattern: str) -> list[str] | None:
    """The alternatives of a pattern's top-level | ("^a|b(c|d)" -> ["^a", "b(c|d)"]), or None when searching
    them one by one might not find what the whole finds (back-references, inline flags, special groups)."""
    parts: list[str] = []
    depth = start = i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 < n and (pattern[i + 1].isdigit() or pattern[i + 1] == "g"):
                return None
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            if i < 0:
                return None
            continue
        if c == "(":
            special = pattern.startswith("(?", i) and not pattern.startswith(_PLAIN_GROUPS, i)
            if special or pattern.startswith("(?P=", i):
                return None
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _class_end(pattern: str, i: int) -> int:
    """Where the character class (V1: with nested sets) opening at pattern[i] ends, or -1."""
    depth = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
            i += 1
            if i < n and pattern[i] == "^":
                i += 1
            if i < n and pattern[i] == "]":
                i += 1  # a "]" first in a class is itself
            continue
        if c == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


def _searcher(patterns: list[str]) -> Searcher:
    """A reason's patterns as one pattern of their alternatives anchored with ^ and the other alternatives."""
    anchored: list[str] = []
    others: list[str] = []
    for p in patterns:
        parts = top_level_alternatives(p)
        if parts is None or not all(_compiles(x) for x in parts):
            others.append(p)  # searched whole
            continue
        for part in parts:
            (anchored if part.startswith("^") else others).append(part)
    first = regex.compile("|".join(f"(?:{a})" for a in anchored), _FLAGS) if anchored else None
    return first, tuple(regex.compile(o, _FLAGS) for o in others)


def _compiles(pattern: str) -> bool:
    try:
        regex.compile(pattern, _FLAGS)
    except regex.error:
        return False
    return True


def line_blocks(text: str) -> list[tuple[int, int]]:
    """Split text into (start, end) spans of its lines, without the newline characters."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def mark_boilerplate(text: str, lex: CleanLexicon) -> tuple[Block, ...]:
    """Return the article's lines as blocks, boilerplate ones with their reason."""
    blocks: list[Block] = []
    in_comments = False
    for start, end in line_blocks(text):
        line = text[start:end]
        if not line.strip():
            continue
        reason: str | None = "comments" if in_comments else None
        if reason is None and lex.searchers:
            for name, (first, others) in lex.searchers:
                if (first is not None and first.search(line)) or any(p.search(line) for p in others):
                    reason = name
                    break
        elif reason is None:
            for name, pattern in lex.patterns:
                if pattern.search(line):
                    reason = name
                    break
        # A comment-section header means every line after it is readers' comments.
        if reason == "comments":
            in_comments = True
        blocks.append(Block(start=start, end=end, boilerplate=reason))
    return tuple(blocks)
