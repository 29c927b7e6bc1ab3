"""The words that decide which incidents count (lang/<lang>/relevance.yaml), loaded for merge/relevance.py.

The judgement itself runs on assembled incidents in merge/relevance.py; its word lists are language data
and load with the other lexicons, below the stages that use them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from pantau.extract.roles import Index
from pantau.lang.schema import LangData, Words, load_data
from pantau.text.tokens import phrase_set


@dataclass(frozen=True)
class RelevanceLexicon:
    """The word lists of lang/<lang>/relevance.yaml, each a phrase index."""

    accident: Index
    drill: Index
    seized: Index
    crime: Index
    political: Index
    long_ago: Index
    eventive: Index
    self_harm: Index
    suicide_attack: Index
    announced: Index
    unknown_attackers: Index
    destroying: Index
    drill_place: Index
    tally: Index
    anniversary: Index

    @classmethod
    def load(cls, lang: str = "id") -> RelevanceLexicon:
        """Load the lists (lang/<lang>/relevance.yaml, checked: a misspelt or missing key is an error)."""
        data = load_data(lang, "relevance.yaml", RelevanceData)
        return cls(**{f.name: phrase_set(getattr(data, f.name)) for f in fields(cls)})


class RelevanceData(LangData):
    """The schema of lang/<lang>/relevance.yaml."""

    accident: Words
    drill: Words
    seized: Words
    crime: Words
    political: Words
    long_ago: Words
    eventive: Words
    self_harm: Words
    suicide_attack: Words
    announced: Words
    unknown_attackers: Words
    destroying: Words
    drill_place: Words
    tally: Words
    anniversary: Words
