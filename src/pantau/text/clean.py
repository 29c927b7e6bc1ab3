"""Mark boilerplate lines (comments, share/ads, 'Baca juga', captions, bylines) without deleting them."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pantau.lang import load_yaml
from pantau.model import Block


@dataclass(frozen=True)
class CleanLexicon:
    """Compiled boilerplate patterns of one language, by reason."""

    patterns: tuple[tuple[str, regex.Pattern[str]], ...]

    @classmethod
    def load(cls, lang: str = "id") -> CleanLexicon:
        """Compile the boilerplate patterns of a language."""
        data = load_yaml(lang, "text.yaml")["boilerplate"]
        compiled = tuple(
            (reason, regex.compile("|".join(f"(?:{p})" for p in pats), regex.IGNORECASE | regex.V1))
            for reason, pats in data.items()
        )
        return cls(patterns=compiled)


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
        if reason is None:
            for name, pattern in lex.patterns:
                if pattern.search(line):
                    reason = name
                    break
        # A comment-section header means every line after it is readers' comments.
        if reason == "comments":
            in_comments = True
        blocks.append(Block(start=start, end=end, boilerplate=reason))
    return tuple(blocks)
