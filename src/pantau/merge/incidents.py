"""One event per incident: candidates grouped by type, area and day, then checked against ACLED's rules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from pantau.extract.actors import ActorMatch
from pantau.extract.events import Candidate
from pantau.extract.relevance import RelevanceLexicon
from pantau.geo.gazetteer import Place
from pantau.geo.resolve import distance_km
from pantau.merge.claims import attribute_claims, told_apart
from pantau.merge.group import Group
from pantau.merge.record import build_event
from pantau.merge.relevance import judge, political
from pantau.merge.when import choose_date, same_time
from pantau.merge.where import BROAD_FEATURES, PlaceMemo, choose_place
from pantau.merge.who import ARMED_NON_STATE
from pantau.model import DEMONSTRATIONS, POLITICAL_VIOLENCE, ActorKind, ClaimKind, Event, EventType, Span, SubEventType
from pantau.text.tokens import match_at

if TYPE_CHECKING:
    from pantau.analysis import Analysis, Config, Resources

# When candidates of one incident disagree on the sub-event type, the more specific one wins.
_SUB_RANK: dict[str, int] = {
    SubEventType.EXCESSIVE_FORCE: 3, SubEventType.PROTEST_WITH_INTERVENTION: 2, SubEventType.PEACEFUL_PROTEST: 1,
    SubEventType.VIOLENT_DEMONSTRATION: 2, SubEventType.MOB_VIOLENCE: 1,
    # a chemical attack is rare and its mentions are mostly reports and accusations: it does not outrank
    SubEventType.SUICIDE_BOMB: 5, SubEventType.AIR_DRONE_STRIKE: 4, SubEventType.SHELLING: 3,
    SubEventType.CHEMICAL_WEAPON: 2, SubEventType.GRENADE: 3, SubEventType.REMOTE_EXPLOSIVE: 2,
    SubEventType.GOVERNMENT_REGAINS_TERRITORY: 3, SubEventType.NON_STATE_OVERTAKES_TERRITORY: 3,
    SubEventType.ARMED_CLASH: 1, SubEventType.ABDUCTION: 3, SubEventType.SEXUAL_VIOLENCE: 3, SubEventType.ATTACK: 1,
    SubEventType.ARRESTS: 3, SubEventType.DISRUPTED_WEAPONS_USE: 2, SubEventType.AGREEMENT: 2, SubEventType.LOOTING: 2,
}


# Reports of one incident name places this close (a town and its quarter).
SAME_AREA_KM = 5.0  # two named places further apart are two locations (ACLED codes the most specific)
SAME_REGENCY_KM = 50.0
# Places inside a town: two of them are two locations, however close (ACLED codes the most specific).
_SITES = frozenset({"village", "district", "landmark", "camp", "airport"})
# Strategic developments other than these need a strong trigger: talk of truces and surrenders is common.
_ROUTINE_SD = frozenset({SubEventType.ARRESTS, SubEventType.DISRUPTED_WEAPONS_USE, SubEventType.LOOTING})


def broad(place: Place | None, prec: int) -> bool:
    """True for a place no closer than a province (or none)."""
    return place is None or (prec == 3 and place.feature in BROAD_FEATURES)


def compatible(
    g: Group, place: Place | None, prec: int, d: date | None, strength: int, et: str, tprec: int = 1
) -> bool:
    """One incident: same type, places in one area, and no two different dates the text states."""
    if g.event_type != et:
        return False
    if (
        g.date_strength == 2 and strength == 2 and g.date is not None and d is not None
        and not same_time(g.date, g.time_precision, d, tprec)
    ):
        return False
    if g.place is None or place is None or g.place.key == place.key:
        return True
    if broad(place, prec):
        # a province or a country holds the town of the incident
        return g.place.iso3 == place.iso3 and (place.feature == "country" or g.place.admin1 == place.admin1)
    if "country" in (g.place.feature, place.feature) or g.precision == 3:
        return g.place.iso3 == place.iso3
    if "admin2" in (g.place.feature, place.feature):
        return distance_km(g.place, place) <= SAME_REGENCY_KM  # a regency and a town in it
    if g.place.feature in _SITES and place.feature in _SITES:
        # two named sites of a city (the palace and the parliament) are two locations; one name twice (the
        # distrik Ilaga and the village Ilaga, its seat) is one
        return g.place.name == place.name and distance_km(g.place, place) <= SAME_AREA_KM
    return distance_km(g.place, place) <= SAME_AREA_KM


# A candidate this confident, or an armed actor, makes the article's violence strong: then weaker triggers count.
STRONG_CONFIDENCE = 0.9
# With no strong candidate, a trigger needs this weight to count.
STRONG_TRIGGER_WEIGHT = 0.9
# A strategic development outside _ROUTINE_SD needs this confidence.
STRATEGIC_CONFIDENCE = 0.95

# A screened candidate with its place (place, precision, span) and date (date, precision, span, strength).
_Resolved = tuple[Candidate, Place | None, int, Span | None, date | None, int, Span | None, int]


def assemble(an: Analysis, cands: list[Candidate], res: Resources, cfg: Config) -> list[Event]:
    """Resolve places, dates and actors of the candidates and merge those of one incident."""
    oldest = an.reference - timedelta(days=cfg.max_age_days) if an.reference and cfg.max_age_days else None
    resolved = _resolve_candidates(an, cands, res, cfg, oldest)
    groups = _group(an, resolved, res, oldest)
    groups = _settle_groups(an, groups, res)
    attribute_claims(an, groups, res.casualties)
    built = [(g, build_event(an, g, res)) for g in groups]
    # which incidents count (CODING.md) is judged on whole incidents, before they absorb or found others
    counted = [(g, e) for g, e in built if _plausible(g, e) and judge(an, g, e, res.relevance) is None]
    kept = _in_context(an, _controlled(_absorb(counted)), res.relevance)
    if len(kept) == len(built):
        return [e for _, e in kept]
    # the figures that dropped groups held belong to the incidents that remain
    survivors = [g for g, _ in kept]
    for g in survivors:
        g.claims.clear()
    attribute_claims(an, survivors, res.casualties)
    return [build_event(an, g, res) for g in survivors]


def _resolve_candidates(
    an: Analysis, cands: list[Candidate], res: Resources, cfg: Config, oldest: date | None
) -> list[_Resolved]:
    """The candidates strong enough to code, with place and date, in the order they form incidents."""
    strong = any(c.confidence >= STRONG_CONFIDENCE for c in cands) or any(
        a.armed for f in an.facts for a in f.actors)
    resolved: list[_Resolved] = []
    places = PlaceMemo()  # the article's sentences' places, scored once for all its candidates
    for c in cands:
        if c.confidence < cfg.min_confidence or (not strong and c.hit.trigger.weight < STRONG_TRIGGER_WEIGHT):
            continue
        if (c.event_type == EventType.STRATEGIC_DEVELOPMENTS and c.sub_event_type not in _ROUTINE_SD
                and c.confidence < STRATEGIC_CONFIDENCE):
            continue
        resolved.append((c, *choose_place(c, an, res, places), *choose_date(c, an, res, oldest)))
    # Candidates placed in a town form the incidents first; those placed only in a province or a country
    # then join one of them: "di Sorong", "di Manokwari" and "di Papua Barat" are two events, not one.
    # Mentions that point at an incident told elsewhere come last, to join it: a cause opening its sentence
    # ("Akibat serangan teroris, presiden ..."), a headline above the dateline, "serangan itu".
    resolved.sort(key=lambda r: (_points_elsewhere(r[0], an, res), broad(r[1], r[2])))
    return resolved


def _stale(d: date | None, strength: int, oldest: date | None) -> bool:
    """True for a date older than the oldest allowed."""
    # a date borrowed from the sentence before counts too: it is that sentence's incident's
    return strength >= 1 and d is not None and oldest is not None and d < oldest


def _group(an: Analysis, resolved: list[_Resolved], res: Resources, oldest: date | None) -> list[Group]:
    """The candidates gathered into incidents: each joins the first compatible one, else founds its own."""
    groups: list[Group] = []
    for r in resolved:
        c, place, prec, pspan, d, tprec, dspan, strength = r
        joined = _join_first(groups, r, res, oldest)
        if joined:
            continue
        if _cause_opening(c, res) or (_headline(c, an) and any(g.event_type == c.event_type for g in groups)):
            continue  # told below (a headline of a type the body has), or elsewhere (a cause)
        told = _told_just_before(c, groups) if _anaphoric(c, res) else None
        if told is not None:
            told.members.append(c)  # "... menembak mati dua petugas. Polisi terluka dalam serangan itu."
            continue
        groups.append(Group(c.event_type, c.sub_event_type, place, prec, pspan, d, tprec, dspan, strength,
                            c.agent, c.target, c.confidence, c.modality, [c]))
    return groups


def _join_first(groups: list[Group], r: _Resolved, res: Resources, oldest: date | None) -> bool:
    """Add a candidate to the first incident it fits; False when none fits."""
    c, place, prec, _pspan, d, tprec, _dspan, strength = r
    apart = told_apart(c.facts.tokens, res.casualties)
    for g in groups:
        # a mention dated long ago is background: it neither joins today's incident nor dates it
        if _stale(g.date, g.date_strength, oldest) != _stale(d, strength, oldest):
            continue
        if apart and all(m.facts.sentence.index < c.facts.sentence.index for m in g.members):
            continue  # "Secara terpisah, ...": not the incident told before
        if compatible(g, place, prec, d, strength, c.event_type, tprec):
            _join(g, r)
            return True
    return False


def _join(g: Group, r: _Resolved) -> None:
    """Add a candidate to an incident: the more specific sub-event type, place and date win."""
    c, place, prec, pspan, d, tprec, dspan, strength = r
    g.members.append(c)
    if _SUB_RANK.get(c.sub_event_type, 0) > _SUB_RANK.get(g.sub_event_type, 0):
        g.sub_event_type = c.sub_event_type
    if (g.place is None or g.place.feature == "country") and place is not None:
        g.place, g.precision, g.place_span = place, prec, pspan
    if strength > g.date_strength or (strength == g.date_strength and tprec < g.time_precision):
        g.date, g.time_precision, g.date_span, g.date_strength = d, tprec, dspan, strength
    g.confidence = max(g.confidence, c.confidence)


def _settle_groups(an: Analysis, groups: list[Group], res: Resources) -> list[Group]:
    """The incidents with their sides and sub-event types settled, in text order, within the article's focus."""
    # a crowd's violence with no demonstration told anywhere is mob violence ("warga menyerang markas polsek",
    # "tawuran"), not a violent demonstration (CODING.md)
    instruments = res.roles.instruments
    demonstration = any(h.trigger.event_type == EventType.PROTESTS and h.trigger.phrase not in instruments
                        for f in an.facts for h in f.triggers if not h.trigger.shadow)
    if not demonstration:
        # tear gas or warning shots with no protest told anywhere: police work at a riot or a raid, no protest
        groups = [g for g in groups if g.event_type != EventType.PROTESTS]
    for g in groups:
        g.agent, g.target = _sides(g)
        if g.sub_event_type == SubEventType.VIOLENT_DEMONSTRATION and not demonstration:
            g.sub_event_type = SubEventType.MOB_VIOLENCE
    groups.sort(key=lambda g: min(c.hit.span.start for c in g.members))
    # an incident in a country the article is not about is a comparison or background, unless the article
    # names no foreign country of its own and the text says outright that it happened there ("di Albu Kamal")
    cued = {m.span for f in an.facts for m in f.places if m.cue is not None} if len(an.focus) <= 1 else set()
    return [
        g for g in groups
        if g.place is None or not an.focus or g.place.iso3 in an.focus[:2] or g.place_span in cued
    ]


_UNARMED = frozenset({5, 6, 7})  # rioters, protesters, civilians


def _sides(g: Group) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Who did it to whom: the surest mention that names both sides ("kontak tembak antara TNI dan KKB"), else
    the first agent and the first target that is not that agent ("prajurit TNI gugur" names only a victim)."""
    pairs = [c for c in g.members if c.agent is not None and c.target is not None
             and not _same_actor(c.agent, c.target)]
    if pairs:
        best = max(pairs, key=lambda c: c.confidence)
        return best.agent, best.target
    told = sorted(g.members, key=lambda c: c.hit.span.start)  # in the order the text tells them
    agent = next((c.agent for c in told if c.agent is not None), None)
    target = next((c.target for c in told if c.target is not None and not _same_actor(c.target, agent)), None)
    return agent, target


def _same_actor(a: ActorMatch | None, b: ActorMatch | None) -> bool:
    """True when two matches name one actor (same dictionary entry or head, same country)."""
    return a is not None and b is not None and (a.entry, a.country) == (b.entry, b.country)


def _anaphoric(c: Candidate, res: Resources) -> bool:
    """True for a noun trigger pointing back ("serangan itu", "ledakan tersebut")."""
    toks = c.facts.tokens
    return c.hit.trigger.voice == "noun" and c.hit.last < len(toks) and toks[c.hit.last].low in res.roles.anaphors


def _told_just_before(c: Candidate, groups: list[Group]) -> Group | None:
    """The incident told in the sentences right before a pointing-back mention, of whatever type."""
    at = c.facts.sentence.index
    for back in range(1, _BACK_REACH + 1):
        for g in groups:
            if any(m.facts.sentence.index == at - back for m in g.members):
                return g
    return None


# How many sentences back "serangan itu" may point.
_BACK_REACH = 2


def _points_elsewhere(c: Candidate, an: Analysis, res: Resources) -> bool:
    """True for a mention of an incident told elsewhere: a cause opening its sentence, a headline above the
    dateline, a noun pointing back."""
    return _cause_opening(c, res) or _headline(c, an) or _anaphoric(c, res)


def _headline(c: Candidate, an: Analysis) -> bool:
    """True for a sentence above the dateline, or the article's first line when it is a title (no final stop)."""
    s = c.facts.sentence
    if an.dateline is not None:
        return s.end <= an.dateline.start
    text = an.article.text
    first = text[s.start : s.end].rstrip()
    return s.index == 0 and not first.endswith((".", "!", "?", '"', "”")) and text[s.end : s.end + 1] == "\n"


def _cause_opening(c: Candidate, res: Resources) -> bool:
    """True for a trigger right after a cause word that opens its sentence ("Akibat serangan itu, ...")."""
    toks = c.facts.tokens
    m = match_at(toks, 0, res.roles.cause_openers) if toks else None
    return m is not None and m[0] == c.hit.first


def _plausible(g: Group, e: Event) -> bool:
    """ACLED's structural constraints: a clash is fought between two sides (a territory change may name one);
    sexual violence is political only when an armed actor of the text commits it (not a relative or a
    neighbour: those are crimes, not ACLED events)."""
    if all("casualty" in c.hit.trigger.needs for c in g.members):
        return False  # "tiga polisi tewas" alone is a toll: the incident is the bombing or attack told with it
    if e.sub_event_type == SubEventType.ARMED_CLASH:
        # and by two armed sides: a crowd or civilians facing a force is a riot or an attack, told elsewhere
        return e.actor1 is not None and e.actor2 is not None and not {e.actor1.inter, e.actor2.inter} & _UNARMED
    if e.sub_event_type == SubEventType.SEXUAL_VIOLENCE:
        return g.agent is not None and g.agent.armed and g.agent.kind != ActorKind.UNIDENTIFIED
    return True




# Sub-events that a larger event of another type at the same place and day already codes: arrests and arson
# at a demonstration are its intervention and its violence; the killing done by a strike is the strike.
_PART_OF: dict[str, frozenset[str]] = {
    SubEventType.ARRESTS: DEMONSTRATIONS,
    SubEventType.LOOTING: DEMONSTRATIONS | POLITICAL_VIOLENCE,  # the houses burnt in an attack
    # ... and a brawl's dead are its toll ("tawuran ... seorang remaja tewas dibacok"), unless the state killed
    SubEventType.ATTACK: frozenset({EventType.EXPLOSIONS, EventType.RIOTS}),
    # "menembak jatuh" told again of the airliner a strike of the article downed: the same shot
    SubEventType.DISRUPTED_WEAPONS_USE: frozenset({EventType.EXPLOSIONS}),
}
# Absorbed only when the host has the same sides: an interception by the other side is its own event.
_SAME_ACTORS = frozenset({SubEventType.DISRUPTED_WEAPONS_USE})


def _absorb(built: list[tuple[Group, Event]]) -> list[tuple[Group, Event]]:
    """Drop the events that are part of another event of the article (_PART_OF)."""
    out = []
    for g, e in built:
        hosts = _PART_OF.get(e.sub_event_type, frozenset())
        if not any(
            d is not g and d.event_type in hosts
            and compatible(d, g.place, g.precision, g.date, g.date_strength, d.event_type, g.time_precision)
            and (e.event_type == EventType.STRATEGIC_DEVELOPMENTS or _told_together(d, g))
            and (e.sub_event_type not in _SAME_ACTORS or _same_sides(e, h))
            and not (e.sub_event_type == SubEventType.ATTACK and d.event_type == EventType.RIOTS
                     and e.actor1 is not None and e.actor1.inter in (1, 8))
            for d, h in built
        ):
            out.append((g, e))
    return out


def _controlled(built: list[tuple[Group, Event]]) -> list[tuple[Group, Event]]:
    """Drop a bomb blast that harmed nobody and that no armed group set off, told beside the state disposing of
    a bomb at that place and day: it is the controlled detonation ("tim Gegana meledakkan bungkusan itu ...
    isinya diketahui setelah diledakkan"), not an attack."""
    disposals = [
        d for d, h in built
        if h.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE and h.actor1 is not None and h.actor1.inter == 1
    ]
    if not disposals:
        return built
    return [
        (g, e) for g, e in built
        if not (
            e.sub_event_type == SubEventType.REMOTE_EXPLOSIVE
            and not any(c.kind in (ClaimKind.KILLED, ClaimKind.INJURED) for c in e.claims)
            and (e.actor1 is None or e.actor1.name.startswith(_NOBODY_NAMED))
            and any(d.date == g.date and _same_town(d.place, g.place) for d in disposals)
        )
    ]


# The actor a blast nobody claims is given (merge/who.py), and how far apart two sites of one town may lie.
_NOBODY_NAMED = "Unidentified Armed Group"
_TOWN_KM = 25.0


def _same_town(a: Place | None, b: Place | None) -> bool:
    """True for two places of one town, or when either is unknown."""
    return a is None or b is None or distance_km(a, b) <= _TOWN_KM


def _same_sides(e: Event, h: Event) -> bool:
    """True when two events have the same first actor and no different second ones."""
    if e.actor1 is None or h.actor1 is None or e.actor1.name != h.actor1.name:
        return False
    return e.actor2 is None or h.actor2 is None or e.actor2.name == h.actor2.name


def _told_together(a: Group, b: Group) -> bool:
    """True when two groups share a sentence or neighbouring ones, or both state the same day: one incident
    told two ways ("AS meluncurkan serangan udara. Selain pembunuhan Soleimani, ...")."""
    near = {c.facts.sentence.index + k for c in a.members for k in (-1, 0, 1)}
    if near & {c.facts.sentence.index for c in b.members}:
        return True
    return a.date_strength == b.date_strength == 2 and a.date == b.date


def _in_context(
    an: Analysis, built: list[tuple[Group, Event]], lex: RelevanceLexicon
) -> list[tuple[Group, Event]]:
    """Strategic developments only where the article reports violence or demonstrations, or armed groups.

    An arrest of a singer for drugs or a shop "dirusak" in a match report is not political; the arrest of
    rioters after a riot, or of a terror suspect, a bomb defused, or soldiers making arrests, are."""
    violent = any(e.event_type != EventType.STRATEGIC_DEVELOPMENTS for _, e in built)
    return [
        (g, e) for g, e in built
        if e.event_type != EventType.STRATEGIC_DEVELOPMENTS or violent
        # a bomb defused, or soldiers (not police) arresting: security forces at work in a conflict
        or e.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE
        # terror suspects, activists, rioters: arrests that count, told so in their sentences or the lead
        or (e.sub_event_type == SubEventType.ARRESTS and political(an, g, lex))
        or (g.agent is not None and g.agent.kind == ActorKind.MILITARY and e.sub_event_type == SubEventType.ARRESTS)
        or any(a is not None and a.inter in ARMED_NON_STATE for a in (e.actor1, e.actor2))
        or any(m.kind == ActorKind.SUSPECTS or (m.entry.name and m.entry.inter in ARMED_NON_STATE)
               for c in g.members for m in c.facts.actors)
    ]
