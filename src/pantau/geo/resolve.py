"""Choosing the place a mention means, and turning it into an ACLED-style Location."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from pantau.geo.earth import EARTH_RADIUS_KM, great_circle_km
from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.normalize import name_key as _name_key
from pantau.geo.places import PlaceMention, dateline_span
from pantau.model import Location, Span

# Which gazetteer features a cue word fits (cue keys are the fixed English keys of places.yaml).
CUE_FEATURES: dict[str, frozenset[str]] = {
    "city": frozenset({"city", "admin2", "village", "district"}),
    "regency": frozenset({"admin2", "city", "district"}),
    "district": frozenset({"district", "admin2", "city", "village"}),
    "village": frozenset({"village", "district", "city"}),
    "province": frozenset({"admin1", "region"}),
    "camp": frozenset({"camp", "village", "district"}),
    "desert": frozenset({"desert", "region"}),
    "river": frozenset({"water"}),
    "valley": frozenset({"region", "water", "village"}),
    "region": frozenset({"region", "admin1", "admin2", "district", "country"}),
    "airbase": frozenset({"airport", "landmark", "city", "village"}),
    "airport": frozenset({"airport", "city"}),
    "oilfield": frozenset({"oilfield", "village", "landmark"}),
    "mountain": frozenset({"landmark", "region", "village"}),
    "island": frozenset({"region", "admin2", "city"}),
    "lake": frozenset({"water"}),
    "border": frozenset({"country", "admin1", "region", "city"}),
}
STRONG_CUES = frozenset({"village", "district", "regency", "camp", "city", "province", "desert", "oilfield",
                         "airbase", "airport", "river", "valley"})
# A bare name prefers the specific place over the admin area of the same name ("Homs" the city).
FEATURE_RANK: dict[str, float] = {
    "city": 1.0, "camp": 0.9, "oilfield": 0.9, "airport": 0.9, "landmark": 0.85, "district": 0.85,
    "village": 0.8, "admin2": 0.7, "admin1": 0.6, "region": 0.6, "water": 0.5, "desert": 0.5, "country": 0.4,
}
# The least precise geo_precision a feature allows (ACLED: a province or country alone is 3).
PRECISION_FLOOR: dict[str, int] = {
    "country": 3, "admin1": 3, "region": 3, "desert": 3, "admin2": 2, "water": 2,
}
_PLAUSIBLE_POPULATION = 100_000  # abroad, outside the focus countries, a bare name needs this many people
_NEAR_KM = 50.0
_REGION_KM = 250.0
# Two places further apart in latitude than this (degrees) are further apart than _REGION_KM whatever their
# longitudes (a great circle is never shorter than the meridian arc between the two latitudes); 1 km spare
# for rounding.
_REGION_DEG = (_REGION_KM + 1.0) / (EARTH_RADIUS_KM * math.pi / 180)


# name_key memoised: every candidate of every mention is scored by its name, and a long article resolves the
# same few names thousands of times (a tenth of a 1 MB text's coding). A memo of a pure function of a string,
# bounded, so it holds no state that could change a result.
name_key = lru_cache(maxsize=1 << 16)(_name_key)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    return great_circle_km((a.latitude, a.longitude), (b.latitude, b.longitude))


def _dominant(candidates: Sequence[Place]) -> str | None:
    """The country of a big place whose namesakes in other countries are all hamlets beside it."""
    biggest: dict[str, int] = {}
    for p in candidates:
        if p.iso3:
            biggest[p.iso3] = max(biggest.get(p.iso3, 0), p.population)
    ranked = sorted(biggest.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < _PLAUSIBLE_POPULATION:
        return None
    return ranked[0][0] if all(x * _DOMINANCE <= ranked[0][1] for _, x in ranked[1:]) else None


# How many times bigger than every namesake a place must be to stand for its name alone.
_DOMINANCE = 5


# The weight of an armed actor's country for the article's focus (a place named outright weighs 1.0-2.0).
_ACTOR_WEIGHT = 0.5


def focus_countries(
    mentions: Sequence[PlaceMention], text: str, gaz: Gazetteer | None = None, dateline: Span | None = None,
    actor_countries: Sequence[str] = (),
) -> tuple[str, ...]:
    """ISO3s the article is about, heaviest first: named countries, then the countries of unambiguous places.

    Mentions inside the dateline (where the article was written) do not count; it is found in text when
    not given. The language's home country (Indonesia) always comes last if not already named."""
    if dateline is None and gaz is not None:
        dateline = dateline_span(text, gaz.lexicon)
    weight: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    seen: set[str] = set()
    for m in mentions:
        if dateline is not None and m.span.start < dateline.end and m.span.end > dateline.start:
            continue
        isos = {p.iso3 for p in m.candidates if p.iso3}
        if not isos:
            continue
        key = name_key(m.span.text)
        repeat = key in seen  # a name said again adds little: a football club must not become a country
        seen.add(key)
        countries = {p.iso3 for p in m.candidates if p.feature == "country" and p.iso3}
        if countries:
            for iso in countries:
                weight[iso] += (0.25 if repeat else 2.0) / len(countries)
        elif (len(isos) == 1 or _dominant(m.candidates)) and not repeat:
            # "Kabul": the capital, not the village of that name in Israel
            iso = next(iter(isos)) if len(isos) == 1 else _dominant(m.candidates) or ""
            admin = any(p.feature in ("admin1", "admin2") for p in m.candidates)
            big = any(p.population >= _PLAUSIBLE_POPULATION for p in m.candidates)
            weight[iso] += 1.5 if admin else 1.0 if big else 0.3
        elif len(isos) <= 3 and not repeat:
            for iso in isos:
                weight[iso] += 0.2
        for iso in isos:
            first.setdefault(iso, m.span.start)
    # the countries of the armed actors ("tentara Suriah", "HTS", "Houthi") say where a short report is,
    # more weakly than its places
    for k, iso in enumerate(actor_countries):
        weight[iso] += _ACTOR_WEIGHT if iso not in actor_countries[:k] else _ACTOR_WEIGHT / 4
        first.setdefault(iso, len(text) + k)
    ranked = [iso for iso in sorted(weight, key=lambda iso: (-weight[iso], first[iso])) if weight[iso] >= 0.4]
    home = gaz.lexicon.home_country if gaz is not None else None
    if home and home not in ranked:
        ranked.append(home)
    return tuple(ranked)


def _score(
    place: Place, mention: PlaceMention, focus: Sequence[str], context: Sequence[Place], own: set[str], said: str
) -> tuple[float, bool]:
    """A candidate's score and whether it is plausible at all (own: the mention's candidates' keys; said: the
    key of the name as written)."""
    score = 0.0
    plausible = False
    if place.iso3 is not None and place.iso3 in focus:
        rank = list(focus).index(place.iso3)
        score += (2.5, 1.5, 1.0)[min(rank, 2)]
        plausible = True
    d = _nearest_km(place, context, own)
    if d is not None:
        if d <= _NEAR_KM:
            score += 1.0
            plausible = True
        elif d <= _REGION_KM:
            score += 0.5
    if mention.cue in CUE_FEATURES:
        if place.feature in CUE_FEATURES[mention.cue]:
            score += 1.5
            plausible = plausible or mention.cue in STRONG_CUES
        elif mention.cue in STRONG_CUES:
            score -= 1.0
    score += FEATURE_RANK.get(place.feature, 0.5)
    if place.feature == "country" and mention.cue not in STRONG_CUES:
        score += 3.0  # "Jepang" is Japan, not the village of that name
    name = name_key(place.name)
    if name == said:
        score += 1.5  # "Madrid" is the place named Madrid, not one that has it as an alternate name
    elif said.endswith(name):
        score += 1.0  # "Kota Gaza", "Kabupaten Nduga"
    score += math.log10(place.population + 1) / 2
    if place.feature in PRECISION_FLOOR or place.population >= _PLAUSIBLE_POPULATION:
        plausible = True
    if place.key.startswith("px:"):
        plausible = True  # the project's own entries are there because conflict news names them
    return score, plausible


def _nearest_km(place: Place, context: Sequence[Place], own: set[str]) -> float | None:
    """The distance to the nearest context place outside own among those within _REGION_DEG of its latitude;
    None when there are none. Whether it is within _NEAR_KM or _REGION_KM is what the nearest of all the
    context places gives (`_nearest_km_plain`), with the distance measured only to the places in the band:
    in a long text most context places lie far away, and this scan is most of a 1 MB text's coding."""
    lat = place.latitude
    near = [distance_km(place, c) for c in context if abs(c.latitude - lat) <= _REGION_DEG and c.key not in own]
    return min(near) if near else None


def _nearest_km_plain(place: Place, context: Sequence[Place], own: set[str]) -> float | None:
    """The distance to the nearest context place outside own, measured to every one (the reference)."""
    near = [distance_km(place, c) for c in context if c.key not in own]
    return min(near) if near else None


# What a small place abroad loses when the name also has a candidate in the article's main countries.
_ABROAD = 3.0
# What a candidate known only by an alternate name loses when another bears the name itself.
_UNNAMED = 5.0


def resolve(mention: PlaceMention, focus: Sequence[str], context: Sequence[Place] = ()) -> Place | None:
    """The candidate the mention most likely means: in a focus country first, near the article's other places,
    fitting the cue word, then by feature and population. None when no candidate is plausible (e.g. only
    tiny villages abroad, with no cue, far from everything else in the article)."""
    best: tuple[float, Place] | None = None
    own = {p.key for p in mention.candidates}
    said = name_key(mention.span.text)
    # "Kabupaten Poso": GeoNames lists it among Palu's alternate names; when a candidate bears the name
    # itself ("Poso Regency"), the ones reached only through an alternate name are noise
    # (only for a name said with its kind, "Kabupaten Poso": a bare "Jenin" is the camp spelt "Janin" too)
    core = said.rsplit(" ", 1)[-1]
    named = {p.key for p in mention.candidates if core in name_key(p.name).split()} if " " in said else set()
    # "kamp pengungsi Jenin" in a report on Palestine is the camp spelt Janin, not a Polish hamlet named Jenin
    home = any(p.iso3 in focus[:2] for p in mention.candidates)
    for place in mention.candidates:
        score, plausible = _score(place, mention, focus, context, own, said)
        if named and place.key not in named:
            score -= _UNNAMED
        if home and place.iso3 not in focus and place.population < _PLAUSIBLE_POPULATION:
            score -= _ABROAD
        if plausible and (best is None or score > best[0]):
            best = (score, place)
    if best is not None and mention.cue is None:
        # "Kabupaten Bogor ... BPN Bogor": a bare name the article also gives as a regency of that province is
        # the regency, not the city beside it
        for c in context:
            if c.feature == "admin2" and c.admin1 == best[1].admin1 and name_key(c.name).split()[0] == said:
                return c
    return best[1] if best else None


def to_location(place: Place, precision: int, name: str | None = None) -> Location:
    """An ACLED-style Location; a country, province or region is never more precise than 3."""
    floor = PRECISION_FLOOR.get(place.feature, 1)
    if place.approximate:
        floor = max(floor, 2)  # a kecamatan placed at its regency (districts.py)
    return Location(
        name=name or place.name,
        latitude=place.latitude,
        longitude=place.longitude,
        admin1=place.admin1,
        admin2=place.admin2,
        country=place.country,
        iso=place.iso3,
        geo_precision=max(1, min(3, max(precision, floor))),
    )


def locate(mention: PlaceMention, place: Place) -> Location:
    """The Location of a resolved mention: precision 1 in the place, 2 near it (or as the feature allows)."""
    return to_location(place, 2 if mention.relation == "near" else 1)
