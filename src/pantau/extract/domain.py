"""Article topic: tells sports, entertainment and technology stories from conflict news by their words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from pantau.lang.schema import LangData, Words, load_data
from pantau.text.tokens import Token

CONFLICT = "conflict"


@dataclass(frozen=True)
class DomainLexicon:
    """Topic words of one language: word -> domains, with the thresholds of lang/<lang>/domains.yaml."""

    cap: int  # a word counts at most this many times
    min_hits: int  # an off-topic domain needs this many words ...
    ratio: float  # ... and this many times the conflict words
    words: dict[str, frozenset[str]]  # word -> its domains

    @classmethod
    def load(cls, lang: str = "id") -> DomainLexicon:
        """Load the topic words of a language (lang/<lang>/domains.yaml, checked)."""
        d = load_data(lang, "domains.yaml", DomainsData)
        words: dict[str, set[str]] = {}
        for domain, ws in d.off_topic.items():
            for w in ws:
                words.setdefault(w.lower(), set()).add(domain)
        for w in d.conflict:
            words.setdefault(w.lower(), set()).add(CONFLICT)
        return cls(
            words={w: frozenset(ds) for w, ds in words.items()},
            cap=d.cap,
            min_hits=d.min_hits,
            ratio=d.ratio,
        )


class DomainsData(LangData):
    """The schema of lang/<lang>/domains.yaml: off-topic domains' words, conflict words and the thresholds."""

    off_topic: dict[str, Words]
    conflict: Words
    cap: int
    min_hits: int
    ratio: float


@dataclass(frozen=True)
class Topic:
    """The heaviest off-topic domain of an article, its word count, and the count of conflict words."""

    domain: str | None
    hits: int
    conflict: int
    off_topic: bool


def article_topic(tokens: Iterable[Token], lex: DomainLexicon) -> Topic:
    """Count topic words (each at most lex.cap times) and decide whether the article is off-topic."""
    per_word: Counter[str] = Counter()
    for t in tokens:
        if t.low in lex.words and per_word[t.low] < lex.cap:
            per_word[t.low] += 1
    per_domain: Counter[str] = Counter()
    for w, n in per_word.items():
        for dom in lex.words[w]:
            per_domain[dom] += n
    conflict = per_domain.pop(CONFLICT, 0)
    if not per_domain:
        return Topic(None, 0, conflict, False)
    domain, hits = per_domain.most_common(1)[0]
    off = hits >= lex.min_hits and hits >= lex.ratio * max(conflict, 1)
    return Topic(domain, hits, conflict, off)
