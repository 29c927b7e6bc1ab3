"""The shared types of one article's analysis: run options (Config), the loaded language resources
(Resources), and what the mention stages found in an article (Analysis).

They live below pipeline.py and merge: the pipeline builds them, merge and the other stages read them, and
no stage imports the pipeline (which imports the stages). Rejected: keeping them in pipeline.py with
TYPE_CHECKING imports in merge, which hid an import cycle between the two packages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import regex

from pantau.extract.actors import ActorLexicon
from pantau.extract.claims import CasualtyLexicon
from pantau.extract.domain import DomainLexicon, Topic
from pantau.extract.events import SentenceFacts
from pantau.extract.facts import SentenceResources
from pantau.extract.relevance import RelevanceLexicon
from pantau.extract.roles import RoleLexicon
from pantau.extract.triggers import TriggerLexicon
from pantau.geo.countries import country_tables
from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.lexicon import PlaceLexicon
from pantau.model import Article, ArticleMeta, Block, Span, text_hash
from pantau.text.clean import CleanLexicon
from pantau.text.eras import OfficeLexicon
from pantau.text.metadata import MetaLexicon
from pantau.text.numbers import NumberLexicon
from pantau.text.sentences import SentenceLexicon
from pantau.text.timex import TimeLexicon


@dataclass(frozen=True)
class Config:
    """Run options: reference date, modalities, age limit, confidence floor."""

    reference_date: date | None = None
    include_all: bool = False  # output non-asserted events with their modality
    max_age_days: int | None = 45  # older incidents are background (CODING.md: optional)
    min_confidence: float = 0.55
    time_budget_s: float | None = None  # per document: pantau.batch ends a document that runs longer


# A year a text names, as a number of four digits (merge.relevance: stories told among years long past).
YEARS = regex.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")

# A token of letters (text.tokens' second alternative) and one of its characters.
_LETTER_TOKEN = regex.compile(r"[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*")
_LETTER = regex.compile(r"[\p{L}\p{M}]")


@dataclass(frozen=True)
class TriggerScreen:
    """Whether a text may hold a trigger at all, in one pass of an Aho-Corasick automaton over its lower case.

    A trigger is consecutive tokens whose lower-case forms are the words of a phrase, and a token's lower case
    is a substring of the text's (the words are ASCII, and str.lower maps each character on its own except a
    Greek final sigma): a text in which some word of every phrase is missing holds no trigger. The screen
    answers False only then (tests/test_fastpaths.py checks it against find_triggers).

    A word of letters counts only where no letter or mark stands either side of it: a token of letters is a
    maximal run of them (text.tokens), so "ban" inside "bantuan" or "aksi" inside "transaksi" is no token.
    This rejects about 40 % more of the articles without a trigger (every function word of a phrase, "di",
    "yang", is in nearly every text) for a third more screening time. Words with digits or punctuation are
    not checked: a number token may stand right after a letter ("x24")."""

    automaton: Any
    phrases: dict[str, list[tuple[str, ...]]]  # by first word
    letters: frozenset[str] = frozenset()  # the words made of letters (and inner hyphens, apostrophes) alone

    @classmethod
    def of(cls, lex: TriggerLexicon) -> TriggerScreen:
        """The screen of a trigger lexicon."""
        import ahocorasick

        phrases: dict[str, list[tuple[str, ...]]] = {}
        for first, entries in lex.index.items():
            phrases[first] = [words for words, _ in entries]
        words = {w for entries in phrases.values() for p in entries for w in p}
        if not all(w.isascii() for w in words):
            raise ValueError("trigger words must be ASCII for the trigger screen")
        automaton = ahocorasick.Automaton()
        for w in words:
            automaton.add_word(w, w)
        automaton.make_automaton()
        return cls(automaton, phrases, frozenset(w for w in words if _LETTER_TOKEN.fullmatch(w)))

    def may_match(self, text: str) -> bool:
        """False only when no phrase can match: one of its words is nowhere in the text as a token."""
        low = text.lower()
        n, found, letters, edge = len(low), set(), self.letters, _LETTER.match
        for e, w in self.automaton.iter(low):
            if w in found:
                continue
            if w in letters:
                s = e - len(w) + 1
                if (s > 0 and edge(low, s - 1)) or (e + 1 < n and edge(low, e + 1)):
                    continue  # inside a longer word
            found.add(w)
        return any(all(w in found for w in p) for first in found & self.phrases.keys() for p in self.phrases[first])


@dataclass(frozen=True)
class Resources(SentenceResources):
    """Every loaded lexicon and the gazetteer, built once and passed to the stages: the sentence loop's lexicons
    (time, numbers, casualties, actors, roles, places: extract.facts.SentenceResources) and these."""

    lang: str
    clean: CleanLexicon
    sentences: SentenceLexicon
    meta: MetaLexicon
    triggers: TriggerLexicon
    domains: DomainLexicon
    relevance: RelevanceLexicon
    gazetteer: Gazetteer
    screen: TriggerScreen
    version: str = field(default="")

    @classmethod
    def load(cls, lang: str = "id", gazetteer: Path | None = None) -> Resources:
        """Load the lexicons of a language and the gazetteer."""
        gaz = Gazetteer.load(gazetteer)
        countries, names = country_tables()
        triggers = TriggerLexicon.load(lang)
        res = cls(
            lang=lang,
            clean=CleanLexicon.load(lang),
            sentences=SentenceLexicon.load(lang),
            meta=MetaLexicon.load(lang),
            time=TimeLexicon.load(lang),
            numbers=NumberLexicon.load(lang),
            casualties=CasualtyLexicon.load(lang),
            actors=ActorLexicon.load(countries, names, lang),
            triggers=triggers,
            roles=RoleLexicon.load(lang),
            places=PlaceLexicon.load(lang),
            domains=DomainLexicon.load(lang),
            relevance=RelevanceLexicon.load(lang),
            offices=OfficeLexicon.load(lang),
            gazetteer=gaz,
            screen=TriggerScreen.of(triggers),
        )
        return cls(**{**res.__dict__, "version": lexicon_version(lang)})


def lexicon_version(lang: str) -> str:
    """A version string of the code and the language data, part of every event id."""
    from importlib import resources

    try:
        code = importlib_metadata.version("pantau")
    except importlib_metadata.PackageNotFoundError:
        code = "0"
    folder = resources.files("pantau") / "lang" / lang
    files = [p for p in folder.iterdir() if p.name.endswith((".yaml", ".tsv"))]
    data = "".join(sorted(p.read_text(encoding="utf-8") for p in files))
    return f"{code}+{text_hash(data)[:8]}"


@dataclass(frozen=True)
class Analysis:
    """The article's blocks, metadata, sentences with their facts, and its reference date."""

    article: Article
    blocks: tuple[Block, ...]
    meta: ArticleMeta
    reference: date | None
    reference_is_published: bool
    facts: tuple[SentenceFacts, ...]
    focus: tuple[str, ...]
    topic: Topic
    dateline: Span | None = None  # where the body starts: what stands above it is headline and captions
    context: tuple[Place, ...] = ()  # the places the article names unambiguously: namesakes near them win
    # the indices of the sentences with a day-precise date: dating a candidate looks back through these only
    dated: tuple[int, ...] | None = None

    @cached_property
    def years(self) -> frozenset[int]:
        """The years the article's text names (YEARS), found once: merge.relevance asks for every incident."""
        return frozenset(int(y) for y in YEARS.findall(self.article.text))
