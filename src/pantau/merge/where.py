"""Where an incident happened: its sentence's place, else its paragraph's, a unit's town, or the article's."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from pantau.extract.events import Candidate
from pantau.geo.gazetteer import Place
from pantau.geo.namesakes import in_context, unit_places
from pantau.geo.persons import in_persons_name
from pantau.geo.resolve import distance_km, resolve
from pantau.model import ActorKind, EventType, Span

if TYPE_CHECKING:
    from pantau.analysis import Analysis, Resources

# A town beats its district, a district its province, a province its country.
_FEATURE_RANK = {"country": 0, "admin1": 1, "region": 1, "water": 1, "desert": 1, "admin2": 2}
# A country, a river or a desert says where only when the text names no town nearby.
_VAGUE_FEATURES = frozenset({"country", "water", "desert"})
# A place named after a cue ("di", "kota") counts this many bare mentions when the article's place is chosen.
_CUED_WEIGHT = 3
# Cues of places a trip passes ("dari", "ke"): weaker than "di" as the scene of an incident.
_PASSING = frozenset({"to", "from"})
_LAUNCHED = frozenset({"from"})
# Places no closer than a province.
BROAD_FEATURES = frozenset({"country", "admin1", "region"})


# Geographic precision codes (ACLED's geo_precision): the place itself, near it, its region or country.
GEO_EXACT, GEO_NEAR, GEO_REGION = 1, 2, 3

_Choice = tuple[Place | None, int, Span | None]


@dataclass(frozen=True)
class _Scene:
    """What scoring a candidate's place mentions needs: the article's focus and text, and the cue words."""

    focus: tuple[str, ...]
    art_text: str
    context: Any
    relation: Any
    from_words: Any
    passing_cues: frozenset[str]


@dataclass
class PlaceMemo:
    """What choose_place finds for one article and reuses for each of its candidates: each sentence's best
    place and the article's most named place, per scene. Without it a long text scored every sentence's places
    again for every candidate (a 1 MB text: 80 % of 11 s in `_most_named`). Made by the caller per article
    and dropped with it; the results equal computing them afresh (tests/test_fastpaths.py)."""

    best: dict[tuple[int, frozenset[str]], _Choice] = field(default_factory=dict)
    most: dict[tuple[frozenset[str], bool, str | None], _Choice | None] = field(default_factory=dict)
    # resolve() against the article's focus and places, by what it reads of a mention: a long text names the
    # same towns again and again, and each resolution measures the distance to every place of the text
    resolved: dict[tuple[tuple[Place, ...], str | None, str], Place | None] = field(default_factory=dict)


def choose_place(c: Candidate, an: Analysis, res: Resources, memo: PlaceMemo | None = None) -> _Choice:
    """The place where the candidate happened: its sentence's best place, else its paragraph's, else the article's
    (memo: what earlier candidates of the article found, shared by the caller)."""
    memo = memo if memo is not None else PlaceMemo()
    # a rocket fired "dari Rafah ke Tel Aviv" hits Tel Aviv: for a strike, where it goes to is the scene
    passing_cues = _LAUNCHED if c.event_type == EventType.EXPLOSIONS else _PASSING
    sc = _Scene(an.focus, an.article.text, an.context, res.places.relation_words, res.places.from_words,
                passing_cues)
    f = c.facts
    # "... di provinsi X, di mana mereka kehilangan beberapa desa": the place the relative points back to
    told = _where_relative(c, an.article.text, res)
    place, prec, span = _best_place(told if told else list(f.places), c.hit.span.start, sc, memo)
    passing = any(m.span == span and m.cue in passing_cues for m in f.places)
    bare = place is None or passing or any(m.span == span and m.cue is None for m in f.places)
    target = _target_unit(c, an, res) if bare else None
    if target is not None:
        # "kasus yang menyerang Polda Sumatera Utara": the post attacked is the scene, not a town listed before
        return target, GEO_REGION if target.feature in BROAD_FEATURES else GEO_EXACT, None
    if place is not None and place.feature not in _VAGUE_FEATURES and not passing:
        return place, prec, span
    if place is not None and span is not None and place.feature == "country" and _part_of(sc.art_text, span, res):
        return place, GEO_REGION, span  # "di Afghanistan timur": a part of the country, not a town named elsewhere
    # a trip's ends ("penembakan di bus dari Wamena ke Jayapura") and vague places are the last resort
    # look back through the paragraph, then the whole article, for a specific place
    # (a trip's end says nothing of the country: refugees "ke Bangladesh" fled an attack in Myanmar)
    within = None if passing else place
    found = _earlier_in_paragraph(c, an, sc, within, memo)
    if found is not None:
        return found
    # else the town in a police or army unit's name: "Polres Jayawijaya mengusut kasus ini"
    unit = _unit_place(an, res, within)
    if unit is not None:
        return unit, GEO_EXACT, None
    # else the specific place the article names most often, the first of equals
    key = (passing_cues, within is None, within.iso3 if within is not None else None)
    if key not in memo.most:
        memo.most[key] = _most_named(an, sc, within, memo)
    found = memo.most[key]
    if found is not None:
        return found
    if place is not None:
        return place, prec if passing else GEO_REGION, span
    if an.focus:
        country = res.gazetteer.country(an.focus[0])
        if country is not None:
            return country, GEO_REGION, None
    return None, GEO_REGION, None


def _where_relative(c: Candidate, text: str, res: Resources) -> list[Any]:
    """The place mention right before a relative of place ("di mana") that opens the trigger's clause, with no
    other place between them; empty when there is none."""
    pattern = res.roles.where_relative
    before = [m for m in c.facts.places if m.span.end <= c.hit.span.start]
    if pattern is None or not before:
        return []
    if pattern.match(text, before[-1].span.end, c.hit.span.start) is None:
        return []
    # with the places of its address: "di provinsi Idlib, Suriah, di mana ..." points back to Idlib
    chain = [before[-1]]
    for m in before[-2::-1]:
        if _COMMA.fullmatch(text, m.span.end, chain[-1].span.start) is None:
            break
        chain.append(m)
    return chain


_COMMA = regex.compile(r"\s*,\s*")


def _earlier_in_paragraph(
    c: Candidate, an: Analysis, sc: _Scene, place: Place | None, memo: PlaceMemo
) -> _Choice | None:
    """The specific place of the nearest earlier sentence of the paragraph, in the same country."""
    f = c.facts
    para = f.sentence.paragraph
    # facts are in sentence order and a paragraph's sentences follow each other: walk back from the
    # candidate's sentence to its paragraph's start (a scan of all the facts per candidate was quadratic)
    k = bisect_left(an.facts, f.sentence.index, key=lambda g: g.sentence.index)
    for j in range(k - 1, -1, -1):
        g = an.facts[j]
        if g.sentence.paragraph != para:
            break
        p2, prec2, span2 = _sentence_place(g, sc, memo)
        if p2 is not None and p2.feature not in _VAGUE_FEATURES and (place is None or p2.iso3 == place.iso3):
            return p2, prec2, span2
    return None


def _sentence_place(g: Any, sc: _Scene, memo: PlaceMemo) -> _Choice:
    """The best place of a sentence's mentions for an event at its start, found once per scene."""
    key = (g.sentence.index, sc.passing_cues)
    found = memo.best.get(key)
    if found is None:
        found = memo.best[key] = _best_place(list(g.places), g.sentence.start, sc, memo)
    return found


def _most_named(an: Analysis, sc: _Scene, place: Place | None, memo: PlaceMemo) -> _Choice | None:
    """The specific place the article names most often (a cued mention weighs more), the first of equals."""
    found: dict[str, list[_Choice]] = {}
    weight: dict[str, int] = {}
    for g in an.facts:
        p2, prec2, span2 = _sentence_place(g, sc, memo)
        if p2 is not None and p2.feature not in _VAGUE_FEATURES and (place is None or p2.iso3 == place.iso3):
            found.setdefault(p2.key, []).append((p2, prec2, span2))
            # "di Amman" says where; a bare name may be a person's ("Hasan menolak")
            cued = any(m.cue is not None and m.cue not in _PASSING and m.span == span2 for m in g.places)
            weight[p2.key] = weight.get(p2.key, 0) + (_CUED_WEIGHT if cued else 1)
    if found:
        return found[max(found, key=lambda k: weight[k])][0]
    return None


def _best_place(mentions: list[Any], anchor: int, sc: _Scene, memo: PlaceMemo | None = None) -> _Choice:
    """The best-scored place of some mentions for an event at offset anchor."""
    scored = []
    known = memo.resolved if memo is not None else None
    for m in mentions:
        place = _in_address(m, mentions, sc.focus, sc.art_text, sc.context, sc.relation, known)
        if place is None or not _may_be_scene(m, place, sc):
            continue
        scored.append((_place_score(m, place, anchor, sc), place, m))
    if not scored:
        return None, GEO_REGION, None
    scored.sort(key=lambda x: x[0], reverse=True)
    _, place, m = scored[0]
    prec = GEO_NEAR if m.relation == "near" else GEO_REGION if place.feature in BROAD_FEATURES else GEO_EXACT
    return place, prec, m.span


def _may_be_scene(m: Any, place: Place, sc: _Scene) -> bool:
    """False for a mention that cannot name the scene: a foreign country in passing, a street, a person's name."""
    if place.feature == "country" and sc.focus and place.iso3 not in sc.focus[:2]:
        return False  # "Rusia mengatakan": a foreign country named in passing is an actor, not the place
    if m.cue in ("street", "for") or (
        m.cue == "landmark" and place.feature != "landmark" and not place.key.startswith("px:")
    ):
        return False  # "Jalan Ambon", "alun-alun Azadi": named after a place elsewhere; "untuk Gaza": for
    # "Jenderal Andika", "Maria Lima", "Yusuf Kalla": part of a person's name
    return not (m.cue is None and in_persons_name(sc.art_text, m.span))


def _place_score(m: Any, place: Place, anchor: int, sc: _Scene) -> tuple[bool, bool, int, bool, bool, int]:
    """How likely a mention names the scene, compared in order: home country, not passing, rank, not near,
    after the trigger, closeness."""
    rank = _FEATURE_RANK.get(place.feature, 2)
    after = m.span.start >= anchor
    # "Moskow membantah tuduhan itu": a bare foreign name is less likely the scene
    home = m.cue is not None or not sc.focus or place.iso3 == sc.focus[0]
    # "dari Wamena ke Jayapura": a trip's ends are not the scene; nor is "dari wilayah Rafah"
    scene = m.cue not in sc.passing_cues and not _said_after(sc.art_text, m.span.start, sc.from_words)
    within = m.relation != "near"  # "desa Al-Mughayyir di dekat Ramallah": the village, not the town
    return (home, scene, rank, within, after, -abs(m.span.start - anchor))


# "Kampung Jajawai, Antapani, Kota Bandung": names and commas between a place and the one that holds it.
_ADDRESS_GAP = regex.compile(r"(?:\s*,\s*\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?){0,2}\s*,\s*(?:\p{L}+\s+)?")
# A place further than this from the town its address names is a namesake elsewhere.
_ADDRESS_KM = 30.0
_REGENCY_KM = 80.0  # a regency's centroid can be this far from its towns (Mimika, Nduga)


def _in_address(
    m: Any, mentions: list[Any], focus: tuple[str, ...], text: str, context: tuple[Place, ...] = (),
    relation: frozenset[str] = frozenset(), known: dict[Any, Place | None] | None = None,
) -> Place | None:
    """The place a mention means, read with the town or province its address goes on to name: a village
    of that name far from it is a namesake, and the town is then the most specific place known (known: the
    resolutions against this focus and context so far)."""
    place = _resolve_in(m, focus, context, known)
    holder = next((
        h for h in mentions
        if h.span.start > m.span.end and _ADDRESS_GAP.fullmatch(text, m.span.end, h.span.start)
        and not relation & set(text[m.span.end : h.span.start].lower().split())  # "Tarmiyah, utara Baghdad"
    ), None)
    if place is None or holder is None or _listed(holder, mentions, text):
        return place  # "di kota Bergen op Zoom, Arnhem, Diemen dan Wageningen": a list of towns, no address
    up = _resolve_in(holder, focus, context, known)
    if up is None or up.feature == "country":
        return place
    near = resolve(m, focus, [up])
    if near is not None and near.iso3 != up.iso3:
        near = None  # "Distrik Sinak, Puncak": a namesake abroad is not the district the address names
    if up.feature in ("admin1", "region"):
        # a namesake in the province said, else the place itself (provinces split and renamed: "Timika, Papua")
        if near is not None and near.admin1 == up.admin1:
            return near
        return place if place.iso3 == up.iso3 else up
    reach = _ADDRESS_KM if up.feature != "admin2" else _REGENCY_KM
    if near is not None and distance_km(near, up) <= reach:
        return near
    return up


def _resolve_in(m: Any, focus: tuple[str, ...], context: tuple[Place, ...], known: dict[Any, Place | None] | None
                ) -> Place | None:
    """resolve(m, focus, context), remembered in known by all that resolve reads of the mention: its
    candidates, its cue and its words."""
    if known is None:
        return resolve(m, focus, context)
    key = (m.candidates, m.cue, m.span.text)
    if key not in known:
        known[key] = resolve(m, focus, context)
    return known[key]


# What joins the items of a list of places: a comma, "dan", "serta", or both.
_LIST_JOIN = regex.compile(r"\s*,?\s*(?:dan|serta)\s+|\s*,\s*", regex.IGNORECASE)
_LIST_END = regex.compile(r"\s*,?\s*(?:dan|serta)\s+", regex.IGNORECASE)


def _listed(first: Any, mentions: list[Any], text: str) -> bool:
    """True when the mentions from `first` on form a list that ends in "dan X" or "serta X": coordinated
    places, not an address going from small to large."""
    cur = first
    while True:
        nxt = next((h for h in mentions if h.span.start > cur.span.end
                    and _LIST_JOIN.fullmatch(text, cur.span.end, h.span.start)), None)
        if nxt is None:
            return False
        if _LIST_END.fullmatch(text, cur.span.end, nxt.span.start):
            return True
        cur = nxt


def _said_after(text: str, start: int, words: frozenset[str]) -> bool:
    """True when one of the words stands just before the name's cue word ("dari wilayah Rafah")."""
    before = text[max(0, start - 30) : start].lower().split()
    return len(before) >= 2 and before[-2] in words


def _part_of(text: str, span: Span, res: Resources) -> bool:
    """True when a direction follows the name: "Afghanistan timur", "Suriah utara"."""
    after = text[span.end : span.end + 20].split()
    return bool(after) and after[0].strip(".,;:").lower() in res.places.directions


def _target_unit(c: Candidate, an: Analysis, res: Resources) -> Place | None:
    """The town or province of the police or army post an incident struck ("menyerang Polres Puncak Jaya")."""
    t = c.target
    name = _unit_name(t, c.facts.tokens, an.article.text) if t is not None else None
    if name is None:
        return None
    found = [p for p in _unit_places(name, an, res) if p.feature != "country"]
    return max(found, key=lambda p: p.population) if found else None


def _unit_place(an: Analysis, res: Resources, broad: Place | None) -> Place | None:
    """The town or regency a local police or army unit of the article is named after ("Polres Jayawijaya")."""
    for f in an.facts:
        for m in f.actors:
            name = _unit_name(m, f.tokens, an.article.text)
            if name is None:
                continue
            found = [
                p for p in _unit_places(name, an, res)
                if p.feature not in BROAD_FEATURES and (broad is None or p.iso3 == broad.iso3)
            ]
            # "Polsek Sumbersari" in a story on Jember: Jember's kecamatan, not a village of that name elsewhere
            near = in_context(name, found, an.context, res.gazetteer)
            if near or found:
                return max(near or found, key=lambda p: p.population)
    return None


def _unit_name(m: Any, toks: list[Any], text: str) -> str | None:
    """The proper name after a police or army unit's word ("Sinak" of "Polsek Sinak"), or None."""
    if m.name_from < 0 or m.kind not in (ActorKind.POLICE, ActorKind.MILITARY):
        return None
    return text[toks[m.name_from].start : toks[m.last - 1].end]


def _unit_places(name: str, an: Analysis, res: Resources) -> list[Place]:
    """The places a unit's name may mean, in the article's main country."""
    return [p for p in unit_places(name, res.gazetteer) if not an.focus or p.iso3 == an.focus[0]]
