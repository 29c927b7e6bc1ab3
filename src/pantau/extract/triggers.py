"""Event triggers: words and phrases typed to ACLED's event and sub-event types."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from pantau.lang.schema import LangData, LangDataError, load_table
from pantau.model import SUB_TO_TYPE, Span
from pantau.text.tokens import Token, match_at, phrase_index

NEEDS = frozenset({"armed", "aircraft", "casualty", "people", "place", "none"})
VOICES = frozenset({"active", "passive", "noun", "intrans"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger entry of the lexicon."""

    phrase: str
    event_type: str
    sub_event_type: str
    voice: str
    weight: float
    needs: frozenset[str]
    shadow: bool = False  # a longer phrase that hides a trigger ("serangan jantung"): never an event itself


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in the text, at token positions [first, last)."""

    span: Span
    trigger: Trigger
    first: int
    last: int


@dataclass(frozen=True)
class TriggerLexicon:
    """The trigger phrases of one language, indexed by first word."""

    index: dict[str, list[tuple[tuple[str, ...], object]]]
    size: int

    @classmethod
    def load(cls, lang: str = "id") -> TriggerLexicon:
        """Load and index the trigger table of a language (lang/<lang>/triggers.tsv, checked row by row)."""
        entries: dict[str, object] = {}
        for line, row in load_table(lang, "triggers.tsv", TriggerRow):
            if SUB_TO_TYPE.get(row.sub_event_type) != row.event_type:
                raise LangDataError(f"lang/{lang}/triggers.tsv:{line}: {row.phrase!r}: "
                                    f"{row.sub_event_type!r} is no sub-event type of {row.event_type!r}")
            needs = frozenset(n.strip() for n in row.needs.split(",") if n.strip())
            if needs - NEEDS:
                raise LangDataError(f"lang/{lang}/triggers.tsv:{line}: unknown needs {sorted(needs - NEEDS)}")
            entries[row.phrase.lower()] = Trigger(
                phrase=row.phrase.lower(),
                event_type=row.event_type,
                sub_event_type=row.sub_event_type,
                voice=row.voice,
                weight=row.weight,
                needs=needs - {"none"},
                shadow=row.role == "shadow",
            )
        return cls(index=phrase_index(entries), size=len(entries))


class TriggerRow(LangData):
    """One row of lang/<lang>/triggers.tsv."""

    phrase: str
    event_type: str
    sub_event_type: str
    voice: Literal["active", "passive", "noun", "intrans"]
    weight: float = Field(ge=0.0, le=1.0)
    needs: str
    role: Literal["trigger", "shadow"]


def find_triggers(toks: list[Token], lex: TriggerLexicon, text: str) -> list[TriggerHit]:
    """Longest-match, non-overlapping triggers in a token list."""
    hits: list[TriggerHit] = []
    i = 0
    while i < len(toks):
        found = match_at(toks, i, lex.index)
        if found is None:
            i += 1
            continue
        n, value = found
        assert isinstance(value, Trigger)
        # "melancarkan serangan rudal": a stronger trigger that starts inside this one and runs past it wins
        for k in range(i + 1, i + n):
            inner = match_at(toks, k, lex.index)
            if inner is None or not isinstance(inner[1], Trigger):
                continue
            if k + inner[0] > i + n and inner[1].weight > value.weight:
                i, n, value = k, inner[0], inner[1]
                break
        assert isinstance(value, Trigger)
        s, e = toks[i].start, toks[i + n - 1].end
        hits.append(TriggerHit(Span(s, e, text[s:e]), value, i, i + n))
        i += n
    return hits
