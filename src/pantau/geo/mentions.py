"""Which place mentions say where something happened: a name read once (a place is no actor, an actor's name
no place), not someone's home address, and the places that tell an article's context.

These rules used to live in pipeline.py; they are place rules, so they sit in geo beside the place finder and
the resolver. They work on any actor mention with a `kind` and a `span` (extract.actors.ActorMatch), typed
by a protocol, because geo sits below extract: extract's sentence loop calls them, geo imports no extract.
Rejected: merge/where.py (it chooses one event's place from mentions these rules have already kept, and the
sentence loop that needs them runs before merge).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

import regex

from pantau.geo.gazetteer import Place
from pantau.geo.places import PlaceMention
from pantau.geo.resolve import resolve
from pantau.model import ActorKind, Span

# Features too broad to tell which namesake an article means (a province does: "Kabupaten Bogor" of West Java).
UNTELLING = frozenset({"country", "region", "water", "desert"})
# What joins the parts of one address: a comma and at most a cue word ("..., Kecamatan ...").
_ADDRESS_LINK = regex.compile(r"\s*,\s*(?:\p{L}+\s+){0,2}")


class ActorMention(Protocol):
    """What these rules read of an actor mention."""

    @property
    def kind(self) -> str: ...

    @property
    def span(self) -> Span: ...


A = TypeVar("A", bound=ActorMention)


def places_apart_from_actors(
    text: str, actors: list[A], places: list[PlaceMention], locative: frozenset[str], residence: frozenset[str],
    titles: frozenset[str] = frozenset(),
) -> tuple[list[A], list[PlaceMention]]:
    """A sentence's actors and places with each name read once: a place is no actor, an actor's name no place,
    and where someone lives is not where anything happened."""
    # a place name is not also an actor ("Suriah" in "di Suriah")
    place_starts = {p.span.start for p in places}
    place_ends = {p.span.end for p in places}
    actors = [
        a for a in actors
        if not (a.kind == ActorKind.COUNTRY and a.span.start in place_starts
                and (after_locative(text, a.span.start, locative) or apposition(text, a.span.start, place_ends)))
    ]
    # ... and a name inside an actor ("militer AS", "pasukan Rusia") is not where anything happened
    places = [p for p in places if p.cue is not None or not inside_actor(p.span, actors)]
    # ... nor is where someone lives ("SC, warga Desa Malanggaten, Kecamatan Kebakkramat, ditangkap")
    # ... nor the country of an office ("mantan perdana menteri Kosovo" arrested in France)
    places = [p for p in places if p.cue is not None or not _after_title(text, p.span.start, titles)]
    return actors, not_homes(text, places, residence, locative)


def _after_title(text: str, pos: int, titles: frozenset[str]) -> bool:
    """True when the word right before pos is an office's ("presiden", "menteri")."""
    return _word_before(text, pos, _TITLE_REACH) in titles


def not_homes(
    text: str, places: list[PlaceMention], residence: frozenset[str], locative: frozenset[str]
) -> list[PlaceMention]:
    """The places that are not someone's home: a name after "warga", "asal" (with its cue word), and the
    places its address goes on to name; "warga di X" says where people are, and stays."""
    out: list[PlaceMention] = []
    home_end = -1
    for p in places:
        before = text[max(0, p.span.start - 40) : p.span.start].lower().split()
        chained = home_end >= 0 and _ADDRESS_LINK.fullmatch(text, home_end, p.span.start) is not None
        opens = bool(before) and (before[-1] in residence or (len(before) > 1 and before[-2] in residence
                                                               and p.cue is not None and before[-1] not in locative))
        if opens or chained:
            home_end = p.span.end
            continue
        out.append(p)
    return out


def inside_actor(span: Span, actors: Iterable[ActorMention]) -> bool:
    """True when span lies within an actor mention other than a bare country name."""
    return any(
        a.kind != ActorKind.COUNTRY and a.span.start <= span.start and span.end <= a.span.end for a in actors
    )


def apposition(text: str, pos: int, place_ends: set[int]) -> bool:
    """True for the country of "di Kabul, Afghanistan": a place, a comma, then the name at pos."""
    before = text[max(0, pos - 4) : pos]
    comma = before.rfind(",")
    return comma >= 0 and not before[comma + 1 :].strip() and (pos - len(before) + comma) in place_ends


def after_locative(text: str, pos: int, locative: frozenset[str]) -> bool:
    """True when the word before pos is a locative preposition ("di", "ke", "dari": lang roles.yaml)."""
    return _word_before(text, pos, _LOCATIVE_REACH) in locative


def _word_before(text: str, pos: int, reach: int) -> str:
    """The lower-cased word ending before pos within reach characters ("" for none)."""
    before = text[max(0, pos - reach) : pos].lower().split()
    return before[-1] if before else ""


# How far back the word before a place is looked for: a locative preposition, an office's word.
_LOCATIVE_REACH = 10
_TITLE_REACH = 16


def context_places(
    mentions: Iterable[PlaceMention], focus: Sequence[str], strong_cues: frozenset[str]
) -> tuple[Place, ...]:
    """The places an article names unambiguously, each once in the order first named: namesakes near them win.

    "Senayan" is the Jakarta one in an article that also names Penjaringan and Monas; "Bogor" is the regency in
    an article that says "Kabupaten Bogor"."""
    named = (
        p.candidates[0] if len(p.candidates) == 1 else resolve(p, focus) if p.cue in strong_cues else None
        for p in mentions
    )
    # each place once: resolve() takes a minimum over them and the first that fits, and a long text naming one
    # town a thousand times must not make every lookup a thousand times slower
    return tuple(dict.fromkeys(p for p in named if p is not None and p.feature not in UNTELLING and p.iso3 in focus))
