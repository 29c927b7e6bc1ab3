"""The schemas of lang/<lang>/casualties.yaml and lang/<lang>/sources.yaml, which the claims, roles and sources
readers share: read through pantau.lang.schema, once per process, a misspelt key refused with its file and line.

Decisions: the kinds of harm and the qualifiers are keyed by the closed vocabularies of `pantau.model`
(`ClaimKind`, `Qualifier`), victim groups and source kinds by their closed sets, so a new key outside them is
an error, not a group no rule reads. A source row's `cite`, `short`, `demonym` and `generic` are optional on
purpose (most rows have no short form; `cite` falls back to the name); every other key is required.
The key `cause_words` was deleted rather than wired: nothing ever read it, and what it promised ("akibat",
"dalam" linking a casualty clause to its event) is done by the sentence and incident a toll stands in and by
roles.yaml's `cause_links` and `cause_openers`, so wiring it would have been a second rule for one job.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator

from pantau.lang.schema import LangData, Words, load_data
from pantau.model import SOURCE_TYPES, ClaimKind

# The qualifier words of casualties.yaml: the first five `Qualifier`s (the others are pantau's own readings).
QualifierWord = Literal["at_least", "more_than", "about", "only", "up_to"]
# The victim groups a toll is computed over (extract.claims, merge.claims).
VictimGroup = Literal["people", "civilians", "forces", "fighters"]


class CasualtiesData(LangData):
    """The schema of lang/<lang>/casualties.yaml: every key required, none other allowed."""

    count_nouns: Words
    including: Words
    non_count_units: Words
    named_victim_after: Words
    named_victim_gap: Words
    natural_cause_links: Words
    natural_causes: Words
    contrast: Words
    cumulative: Words
    since: Words
    passive_reports: Words
    one_of: Words
    separate: Words
    also: Words
    incident_nouns: Words
    speaker_adverbs: Words
    apart: Words
    speaker_adjuncts: Words
    among: Words
    # the mappings: words by kind of harm, qualifier and victim group (closed vocabularies), English of vague figures
    kinds: dict[ClaimKind, Words]
    qualifiers: dict[QualifierWord, Words]
    victims: dict[VictimGroup, Words]
    vague_in_english: dict[str, str]


def _source_kind(value: str) -> str:
    """A source kind of SPEC.md's claimant types."""
    if value not in SOURCE_TYPES:
        raise ValueError(f"unknown source type {value!r}, expected one of {', '.join(SOURCE_TYPES)}")
    return value


SourceKind = Annotated[str, AfterValidator(_source_kind)]


class SourceRow(LangData):
    """One organisation of `sources`: its patterns, English name and kind, and how a note cites it."""

    patterns: Words
    name: str
    type: SourceKind
    cite: str | None = None  # None: the name
    short: str | None = None  # the name before a role ("TPNPB spokesperson")
    demonym: bool = False  # the name takes the country of the span
    generic: bool = False  # a catch-all, only when no other source fits


class PointersData(LangData):
    """`pointers`: words that point at a source named before."""

    pronouns: Words
    demonstratives: Words


class SourcesData(LangData):
    """The schema of lang/<lang>/sources.yaml: every key required, none other allowed."""

    sources: tuple[SourceRow, ...]
    addressee: Words
    roles: dict[str, str]
    role_types: dict[SourceKind, Words]
    role_articles: dict[Literal["none", "the"], Words]
    pointers: PointersData
    countries: dict[str, str]


def casualty_data(lang: str) -> CasualtiesData:
    """The checked casualties.yaml of a language."""
    return load_data(lang, "casualties.yaml", CasualtiesData)


def source_data(lang: str) -> SourcesData:
    """The checked sources.yaml of a language."""
    return load_data(lang, "sources.yaml", SourcesData)
