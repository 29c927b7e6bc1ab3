"""Kecamatan namesakes: a bare name that is a sub-district of a regency the article names.

"ledakan di kantor Telkom Sumbersari ... Polres Jember" means the kecamatan Sumbersari of Jember, not the
village of that name in Central Java, yet the index knows the kecamatan only as "Kecamatan Sumbersari"
(districts.py: a bare kecamatan name is indexed only when no other place bears it, because most kecamatan share
their name with villages across Java). So the bare name's candidates miss it, and the village four hundred
kilometres away wins.

Decision: after the article's context is known, a bare name none of whose candidates lies near a regency or
city the article names gains the kecamatan of that name inside one of those regencies as a candidate; resolve()
then prefers it for its nearness to the context. The regency must be named in the article: that is what tells
the namesakes apart.

Rejected: indexing every kecamatan under its bare name (tried: the villages of Java lost their own names to
kecamatan across the island, and dev places got worse); preferring the kecamatan whenever one exists (the same
reason, without the index).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.normalize import name_key
from pantau.geo.places import PlaceMention
from pantau.geo.resolve import STRONG_CUES, distance_km

# A kecamatan lies within this distance of its regency's or city's point (Mimika, Nduga are wide).
REGENCY_KM = 80.0
# The words a kecamatan is indexed under (districts.py): "Kecamatan X", and "Distrik X" in Papua.
DISTRICT_WORDS = ("kecamatan", "distrik")
# The places whose name a kecamatan's regency (its admin2) can be.
_HOLDERS = frozenset({"admin2", "city"})


def district_namesakes(
    mentions: Sequence[PlaceMention], context: Sequence[Place], gaz: Gazetteer
) -> dict[str, tuple[Place, ...]]:
    """The kecamatan, within a regency or city of the context, that bare names far from all of those mean."""
    holders = _holders(context)
    if not holders:
        return {}
    names = {name_key(p.name) for p in holders}
    out: dict[str, tuple[Place, ...]] = {}
    seen: set[str] = set()
    for m in mentions:
        key = name_key(m.span.text)
        if m.cue in STRONG_CUES or key in seen:
            continue  # "Kecamatan X", "kota X": the cue already chose among the namesakes
        seen.add(key)
        if any(distance_km(c, h) <= REGENCY_KM for c in m.candidates for h in holders):
            continue  # a candidate in the article's regencies already
        found = _districts(key, names, holders, gaz)
        if found:
            out[key] = found
    return out


def _holders(context: Sequence[Place]) -> list[Place]:
    """The regencies and cities of the article's context."""
    return [p for p in context if p.feature in _HOLDERS and p.iso3 is not None]


def in_context(name: str, found: Sequence[Place], context: Sequence[Place], gaz: Gazetteer) -> list[Place]:
    """Of a name's places and its kecamatan namesakes, those within a regency or city of the article's
    ("Polsek Sumbersari" in a story on Jember); empty when none is."""
    holders = _holders(context)
    if not holders:
        return []
    key = name_key(name)
    near = [p for p in found if any(distance_km(p, h) <= REGENCY_KM for h in holders)]
    return near or list(_districts(key, {name_key(p.name) for p in holders}, holders, gaz))


def _districts(key: str, names: set[str], holders: list[Place], gaz: Gazetteer) -> tuple[Place, ...]:
    """The kecamatan called key whose regency is one of the article's and that lies near it."""
    found = []
    for word in DISTRICT_WORDS:
        for p in gaz.lookup(f"{word} {key}"):
            if p.feature != "district" or p.admin2 is None or name_key(p.admin2) not in names:
                continue
            if any(distance_km(p, h) <= REGENCY_KM for h in holders):
                found.append(p)
    return tuple(dict.fromkeys(found))


def with_namesakes(mentions: list[PlaceMention], extra: dict[str, tuple[Place, ...]]) -> list[PlaceMention]:
    """The mentions with the kecamatan namesakes of their names added to their candidates."""
    if not extra:
        return mentions
    out = []
    for m in mentions:
        key = name_key(m.span.text)
        out.append(replace(m, candidates=m.candidates + extra[key]) if m.cue not in STRONG_CUES and key in extra else m)
    return out


def unit_places(name: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """The places a unit's name may mean ("Polsek Sinak"): the name's own and the kecamatan or distrik of that name
    (a sector's or a Koramil's name is its kecamatan's, often indexed only as "Distrik Sinak")."""
    found = gaz.lookup(name)
    districts = (p for word in DISTRICT_WORDS for p in gaz.lookup(f"{word} {name}") if p.feature == "district")
    return tuple(dict.fromkeys((*found, *districts)))
