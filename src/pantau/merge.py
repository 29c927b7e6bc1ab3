"""From candidates to events: place, date and actors resolved per article, one event per incident."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import regex

from pantau.extract.actors import ActorMatch, resolve_actor
from pantau.extract.claims import fatality_figures, victim_kind
from pantau.extract.events import PEOPLE_KINDS, Candidate, SentenceFacts
from pantau.extract.tokens import match_at
from pantau.geo.gazetteer import Place
from pantau.geo.resolve import distance_km, resolve, to_location
from pantau.model import ActorRef, Claim, Event, Evidence, Location, Span, TimeMention, text_hash

if TYPE_CHECKING:
    from pantau.pipeline import Analysis, Config, Resources

# When candidates of one incident disagree on the sub-event type, the more specific one wins.
_SUB_RANK = {
    "Excessive force against protesters": 3, "Protest with intervention": 2, "Peaceful protest": 1,
    "Violent demonstration": 2, "Mob violence": 1,
    # a chemical attack is rare and its mentions are mostly reports and accusations: it does not outrank
    "Suicide bomb": 5, "Air/drone strike": 4, "Shelling/artillery/missile attack": 3, "Chemical weapon": 2,
    "Grenade": 3, "Remote explosive/landmine/IED": 2,
    "Government regains territory": 3, "Non-state actor overtakes territory": 3, "Armed clash": 1,
    "Abduction/forced disappearance": 3, "Sexual violence": 3, "Attack": 1,
    "Arrests": 3, "Disrupted weapons use": 2, "Agreement": 2, "Looting/property destruction": 2,
}


# Reports of one incident name places this close (a town and its quarter).
SAME_AREA_KM = 5.0  # two named places further apart are two locations (ACLED codes the most specific)
SAME_REGENCY_KM = 50.0
# A town beats its district, a district its province, a province its country.
_FEATURE_RANK = {"country": 0, "admin1": 1, "region": 1, "water": 1, "desert": 1, "admin2": 2}
# A country, a river or a desert says where only when the text names no town nearby.
_VAGUE_FEATURES = frozenset({"country", "water", "desert"})
# A place named after a cue ("di", "kota") counts this many bare mentions when the article's place is chosen.
_CUED_WEIGHT = 3
# Strategic developments other than these need a strong trigger: talk of truces and surrenders is common.
_ROUTINE_SD = frozenset({"Arrests", "Disrupted weapons use", "Looting/property destruction"})


@dataclass
class Group:
    """Candidates of one incident, gathered before the event is built."""

    event_type: str
    sub_event_type: str
    place: Place | None
    precision: int
    place_span: Span | None
    date: date | None
    time_precision: int
    date_span: Span | None
    date_strength: int  # 2 stated in the sentence, 1 in the paragraph before it, 0 a report or publication date
    agent: ActorMatch | None
    target: ActorMatch | None
    confidence: float
    modality: str
    members: list[Candidate] = field(default_factory=list)


def _choose_place(c: Candidate, an: Analysis, res: Resources) -> tuple[Place | None, int, Span | None]:
    """The place where the candidate happened: its sentence's best place, else its paragraph's, else the article's."""
    focus = an.focus
    art_text = an.article.text
    context: list[Place] = []
    f = c.facts

    def pick(mentions: list[Any], anchor: int) -> tuple[Place | None, int, Span | None]:
        scored = []
        for m in mentions:
            place = resolve(m, focus, context)
            if place is None:
                continue
            if place.feature == "country" and focus and place.iso3 not in focus[:2]:
                continue  # "Rusia mengatakan": a foreign country named in passing is an actor, not the place
            if m.cue == "street":
                continue  # "Jalan Parakan Saat", "Jl. Thamrin": a street named after a town or a person
            if m.cue is None and (_inside_name(art_text, m.span.start) or _first_name(art_text, m.span)):
                continue  # "Dana White", "Eduardo Ruiz", "Riyad Jaffar": part of a person's name
            rank = _FEATURE_RANK.get(place.feature, 2)
            after = m.span.start >= anchor
            # "hubungan antara Moskow dengan Barat": a bare foreign name is less likely the scene
            home = m.cue is not None or not focus or place.iso3 == focus[0]
            scored.append(((home, rank, after, -abs(m.span.start - anchor)), place, m))
        if not scored:
            return None, 3, None
        scored.sort(key=lambda x: x[0], reverse=True)
        _, place, m = scored[0]
        prec = 2 if m.relation == "near" else 3 if place.feature in ("country", "admin1", "region") else 1
        return place, prec, m.span

    place, prec, span = pick(list(f.places), c.hit.span.start)
    if place is not None and place.feature not in _VAGUE_FEATURES:
        return place, prec, span
    # look back through the paragraph, then the whole article, for a specific place
    para = f.sentence.paragraph
    earlier = [g for g in an.facts if g.sentence.index < f.sentence.index]
    for g in [g for g in earlier if g.sentence.paragraph == para][::-1]:
        p2, prec2, span2 = pick(list(g.places), g.sentence.start)
        if p2 is not None and p2.feature not in _VAGUE_FEATURES and (place is None or p2.iso3 == place.iso3):
            return p2, prec2, span2
    # else the town in a police or army unit's name: "Polresta Yogyakarta menangani kasus itu"
    unit = _unit_place(an, res, place)
    if unit is not None:
        return unit, 1, None
    # else the specific place the article names most often, the first of equals
    found: dict[str, list[tuple[Place, int, Span | None]]] = {}
    weight: dict[str, int] = {}
    for g in an.facts:
        p2, prec2, span2 = pick(list(g.places), g.sentence.start)
        if p2 is not None and p2.feature not in _VAGUE_FEATURES and (place is None or p2.iso3 == place.iso3):
            found.setdefault(p2.key, []).append((p2, prec2, span2))
            # "di Amman" says where; a bare name may be a person's ("Zakariya menuntut")
            cued = any(m.cue is not None and m.span == span2 for m in g.places)
            weight[p2.key] = weight.get(p2.key, 0) + (_CUED_WEIGHT if cued else 1)
    if found:
        return found[max(found, key=lambda k: weight[k])][0]
    if place is not None:
        return place, 3, span
    if focus:
        country = res.gazetteer.country(focus[0])
        if country is not None:
            return country, 3, None
    return None, 3, None


def _unit_place(an: Analysis, res: Resources, broad: Place | None) -> Place | None:
    """The town or regency a local police or army unit of the article is named after ("Polres Jayawijaya")."""
    for f in an.facts:
        for m in f.actors:
            if m.name_from < 0 or m.kind not in ("police", "military"):
                continue
            name = an.article.text[f.tokens[m.name_from].start : f.tokens[m.last - 1].end]
            found = [
                p for p in res.gazetteer.lookup(name)
                if p.feature not in _BROAD_FEATURES and (broad is None or p.iso3 == broad.iso3)
                and (not an.focus or p.iso3 == an.focus[0])
            ]
            if found:
                return max(found, key=lambda p: p.population)
    return None


def _inside_name(text: str, start: int) -> bool:
    """True when a capitalised word that is not a sentence start stands right before the name."""
    before = text[max(0, start - 30) : start]
    words = before.split()
    if not words or not before.endswith((" ", "\u00a0")):
        return False
    prev = words[-1]
    if not prev[:1].isupper() or not prev.isalpha():
        return False
    ahead = before[: len(before) - len(prev) - 1].rstrip()
    return bool(ahead) and ahead[-1:] not in ".!?\"“”'(:"


_NEXT_WORD = regex.compile(r"[ \t\u00a0]+(\p{Lu}\p{Ll}{2,})\b")


def _first_name(text: str, span: Span) -> bool:
    """True when the name is followed by a capitalised word that the text also uses alone (a surname)."""
    m = _NEXT_WORD.match(text, span.end)
    if m is None:
        return False
    word = m.group(1)
    # "Riyad Jaffar (27) ... Jaffar membunuh": the second word stands alone elsewhere, not after the first
    return any(
        x.start() != m.start(1) and not text[max(0, x.start() - 40) : x.start()].rstrip().endswith(span.text)
        for x in regex.finditer(rf"\b{regex.escape(word)}\b", text)
    )


def _choose_date(c: Candidate, an: Analysis, res: Resources) -> tuple[date | None, int, Span | None, int]:
    """The candidate's date: its sentence's time expression, its paragraph's, else the publication date.

    A date that only says when somebody spoke ("kata X, Jumat (17/10)") is the report's date: it is used
    like a publication date, so that it neither splits an incident nor beats a stated event date."""
    f = c.facts
    times = [t for t in f.times if t.date is not None]
    stated = [t for t in times if not _speech_time(f, t, res)]
    if stated:
        best = min(stated, key=lambda t: abs(t.span.start - c.hit.span.start))
        return best.date, best.precision, best.span, 2
    for g in reversed([g for g in an.facts if g.sentence.index < f.sentence.index]):
        if g.sentence.paragraph != f.sentence.paragraph and g.sentence.index < f.sentence.index - 3:
            break
        ts = [t for t in g.times if t.date is not None and t.precision == 1 and not _speech_time(g, t, res)]
        if ts:
            return ts[-1].date, ts[-1].precision, ts[-1].span, 1
    if times:
        return times[0].date, times[0].precision, times[0].span, 0
    # the lead's date is the main incident's: "Pasukan Suriah mengambil alih markas ISIS pada Rabu (8/11)."
    for g in an.facts[:_LEAD_SENTENCES]:
        ts = [t for t in g.times if t.date is not None and t.precision == 1 and not _speech_time(g, t, res)]
        if ts:
            return ts[0].date, ts[0].precision, ts[0].span, 0
    if an.reference is not None:
        return an.reference, 2, an.meta.published_span, 0
    return None, 3, None, 0


# The lead: the first sentences, whose date is the main incident's.
_LEAD_SENTENCES = 3
# How far before a date an attribution verb makes it the date somebody spoke.
_SPEECH_WINDOW = 8


def _speech_time(f: SentenceFacts, t: TimeMention, res: Resources) -> bool:
    """True for "..., kata X, Jumat (17/10)" and "dilansir AFP, Jumat (17/10)": the date of a statement."""
    toks = f.tokens
    i = next((k for k, tok in enumerate(toks) if tok.start >= t.span.start), len(toks))
    if i == 0 or toks[i - 1].text != ",":
        return False
    cues = res.casualties.attribution_after
    for k in range(max(0, i - 1 - _SPEECH_WINDOW), i - 1):
        if match_at(toks, k, cues) or _glued_cue(toks[k].text, cues):
            return True
    return False


def _glued_cue(word: str, cues: dict[str, list[tuple[tuple[str, ...], object]]]) -> bool:
    """True for a cue glued to the source by a missing space ("dilansirAFP")."""
    for n in range(3, len(word) - 1):
        if word[n].isupper() and word[:n].islower():
            head = word[:n]
            return any(len(words) == 1 for words, _ in cues.get(head, ()))
    return False


def _broad(place: Place | None, prec: int) -> bool:
    """True for a place no closer than a province (or none)."""
    return place is None or (prec == 3 and place.feature in _BROAD_FEATURES)


_BROAD_FEATURES = frozenset({"country", "admin1", "region"})


def _same_time(a: date, prec_a: int, b: date, prec_b: int) -> bool:
    """Two stated dates that can be one day: a day and the next, a day in a stated week or month."""
    prec = max(prec_a, prec_b)
    if prec >= 3:
        return (a.year, a.month) == (b.year, b.month)
    return abs((a - b).days) <= (3 if prec == 2 else 1)


def _compatible(
    g: Group, place: Place | None, prec: int, d: date | None, strength: int, et: str, tprec: int = 1
) -> bool:
    """One incident: same type, places in one area, and no two different dates the text states."""
    if g.event_type != et:
        return False
    if (
        g.date_strength == 2 and strength == 2 and g.date is not None and d is not None
        and not _same_time(g.date, g.time_precision, d, tprec)
    ):
        return False
    if g.place is None or place is None or g.place.key == place.key:
        return True
    if _broad(place, prec):
        # a province or a country holds the town of the incident
        return g.place.iso3 == place.iso3 and (place.feature == "country" or g.place.admin1 == place.admin1)
    if "country" in (g.place.feature, place.feature) or g.precision == 3:
        return g.place.iso3 == place.iso3
    if "admin2" in (g.place.feature, place.feature):
        return distance_km(g.place, place) <= SAME_REGENCY_KM  # a regency and a town in it
    return distance_km(g.place, place) <= SAME_AREA_KM


def _actor(m: ActorMatch | None, res: Resources, country: str | None, et: str) -> ActorRef | None:
    if m is None:
        return None
    entry = m.entry
    if entry.kind in PEOPLE_KINDS and entry.template:
        template = {
            "Protests": "Protesters ({country})",
            "Riots": "Rioters ({country})",
        }.get(et, "Civilians ({country})") if entry.kind in ("people", "civilians") else entry.template
        where = m.country or country
        return ActorRef(res.actors.acled_name(template, where), _inter_of(template), where)
    return resolve_actor(m, res.actors, country)


def _inter_of(template: str) -> int:
    return 6 if template.startswith("Protesters") else 5 if template.startswith("Rioters") else 7


def _defaults(
    et: str, sub: str, a1: ActorRef | None, a2: ActorRef | None, country: str | None, res: Resources
) -> tuple[ActorRef | None, ActorRef | None]:
    """ACLED's usual actors where the text names none (CODING.md)."""

    def make(template: str, inter: int) -> ActorRef:
        return ActorRef(res.actors.acled_name(template, country), inter, country)

    unarmed = (5, 6, 7)
    swap = a1 is not None and a2 is not None and a1.inter in unarmed and a2.inter not in unarmed
    if et in _POLITICAL_VIOLENCE and swap:
        a1, a2 = a2, a1  # the voice was misread: civilians do not strike, bomb or fight
    if sub == "Suicide bomb" and a1 is not None and a1.inter == 1:
        # the state is the target of a suicide bomber, never the bomber
        a1, a2 = (a2, a1) if a2 is not None and a2.inter in _ARMED_NON_STATE else (None, a1)
    if et == "Protests":
        if a1 is None or a1.inter != 6:
            a1 = make("Protesters ({country})", 6)
        if sub == "Peaceful protest":
            a2 = None
        elif a2 is None or a2.inter != 1:
            a2 = make("Police Forces of {country}", 1)
    elif et == "Riots":
        if a1 is None or a1.inter not in (5,):
            other = a1 if a1 is not None and a1.inter in (1, 7) else a2
            a1, a2 = make("Rioters ({country})", 5), other
        if a2 is not None and a2.inter in (5, 6):
            a2 = None
    elif et == "Violence against civilians":
        if a1 is None or a1.inter == 7:
            a1 = make("Unidentified Armed Group ({country})", 3)
        if a2 is None or a2.inter != 7:
            a2 = make("Civilians ({country})", 7)
    elif et == "Explosions/Remote violence" and a1 is None:
        a1 = make("Unidentified Armed Group ({country})", 3)
    elif et == "Strategic developments" and sub == "Arrests" and (a1 is None or a1.inter != 1):
        a2 = a1 if a1 is not None and a2 is None else a2
        a1 = make("Police Forces of {country}", 1)
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None
    return a1, a2


def assemble(an: Analysis, cands: list[Candidate], res: Resources, cfg: Config) -> list[Event]:
    """Resolve places, dates and actors of the candidates and merge those of one incident."""
    strong = any(c.confidence >= 0.9 for c in cands) or any(a.armed for f in an.facts for a in f.actors)
    resolved = []
    for c in cands:
        if c.confidence < cfg.min_confidence or (not strong and c.hit.trigger.weight < 0.9):
            continue
        if c.event_type == "Strategic developments" and c.sub_event_type not in _ROUTINE_SD and c.confidence < 0.95:
            continue
        resolved.append((c, *_choose_place(c, an, res), *_choose_date(c, an, res)))
    # Candidates placed in a town form the incidents first; those placed only in a province or a country
    # then join one of them: "di Bandipora", "di Shopian" and "di Kashmir" are two events, not one.
    resolved.sort(key=lambda r: _broad(r[1], r[2]))
    groups: list[Group] = []
    for c, place, prec, pspan, d, tprec, dspan, strength in resolved:
        for g in groups:
            if _compatible(g, place, prec, d, strength, c.event_type, tprec):
                g.members.append(c)
                if _SUB_RANK.get(c.sub_event_type, 0) > _SUB_RANK.get(g.sub_event_type, 0):
                    g.sub_event_type = c.sub_event_type
                if g.agent is None and c.agent is not None:
                    g.agent = c.agent
                if g.target is None and c.target is not None:
                    g.target = c.target
                if (g.place is None or g.place.feature == "country") and place is not None:
                    g.place, g.precision, g.place_span = place, prec, pspan
                if strength > g.date_strength or (strength == g.date_strength and tprec < g.time_precision):
                    g.date, g.time_precision, g.date_span, g.date_strength = d, tprec, dspan, strength
                g.confidence = max(g.confidence, c.confidence)
                break
        else:
            groups.append(Group(c.event_type, c.sub_event_type, place, prec, pspan, d, tprec, dspan, strength,
                                c.agent, c.target, c.confidence, c.modality, [c]))
    groups.sort(key=lambda g: min(c.hit.span.start for c in g.members))
    # an incident in a country the article is not about is a comparison or background, unless the article
    # names no foreign country of its own and the text says outright that it happened there ("di Albu Kamal")
    cued = {m.span for f in an.facts for m in f.places if m.cue is not None} if len(an.focus) <= 1 else set()
    groups = [
        g for g in groups
        if g.place is None or not an.focus or g.place.iso3 in an.focus[:2] or g.place_span in cued
    ]
    built = [(g, _build(an, g, res)) for g in groups]
    return _in_context(_absorb([(g, e) for g, e in built if _plausible(e)]))


def _plausible(e: Event) -> bool:
    """ACLED's structural constraints: a clash is fought between two sides (a territory change may name one)."""
    if e.sub_event_type == "Armed clash":
        return e.actor1 is not None and e.actor2 is not None
    return True


# Armed non-state groups: arresting or disarming them is political whatever else the article says.
_ARMED_NON_STATE = frozenset({2, 3, 4})


_DEMONSTRATIONS = frozenset({"Protests", "Riots"})


# Sub-events that a larger event of another type at the same place and day already codes: arrests and arson
# at a demonstration are its intervention and its violence; the killing done by a strike is the strike.
_PART_OF = {
    "Arrests": _DEMONSTRATIONS,
    "Looting/property destruction": _DEMONSTRATIONS,
    "Attack": frozenset({"Explosions/Remote violence"}),
}


def _absorb(built: list[tuple[Group, Event]]) -> list[tuple[Group, Event]]:
    """Drop the events that are part of another event of the article (_PART_OF)."""
    out = []
    for g, e in built:
        hosts = _PART_OF.get(e.sub_event_type, frozenset())
        if not any(
            d is not g and d.event_type in hosts
            and _compatible(d, g.place, g.precision, g.date, g.date_strength, d.event_type, g.time_precision)
            and (e.event_type == "Strategic developments" or _told_together(d, g))
            for d, _ in built
        ):
            out.append((g, e))
    return out


def _told_together(a: Group, b: Group) -> bool:
    """True when two groups share a sentence, or both state the same day: one incident told two ways."""
    if {c.facts.sentence.index for c in a.members} & {c.facts.sentence.index for c in b.members}:
        return True
    return a.date_strength == b.date_strength == 2 and a.date == b.date


def _in_context(built: list[tuple[Group, Event]]) -> list[Event]:
    """Strategic developments only where the article reports violence or demonstrations, or armed groups.

    An arrest of a singer for drugs or a shop "dirusak" in a match report is not political; the arrest of
    rioters after a riot, or of a terror suspect, is."""
    violent = any(e.event_type != "Strategic developments" for _, e in built)
    return [
        e for g, e in built
        if e.event_type != "Strategic developments" or violent
        or any(a is not None and a.inter in _ARMED_NON_STATE for a in (e.actor1, e.actor2))
        or any(m.kind == "suspects" or (m.entry.name and m.entry.inter in _ARMED_NON_STATE)
               for c in g.members for m in c.facts.actors)
    ]


_POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
_REMOTE = "Explosions/Remote violence"


def _other_side(
    an: Analysis, g: Group, a1: ActorRef | None, res: Resources, country: str | None
) -> ActorRef | None:
    """Who a strike or a territory change is against when its sentence does not say.

    Civilians when its casualty claims are about civilians ("menewaskan 90 orang"); else the armed
    actor of the other side (state against non-state) that the article names most often."""
    claims = [cl for c in g.members for cl in c.facts.claims if cl.kind in ("killed", "injured")]
    civilian = all(victim_kind(cl, res.casualties) in (None, "civilians") for cl in claims)
    if g.event_type == _REMOTE and claims and civilian:
        return ActorRef(res.actors.acled_name("Civilians ({country})", country), 7, country)
    if a1 is None:
        return None
    state = a1.inter in (1, 8)
    counts: dict[str, list[ActorRef]] = {}
    for f in an.facts:
        for m in f.actors:
            if not m.armed or m.kind == "country":
                continue
            ref = _actor(m, res, country, g.event_type)
            if ref is None or ref.name == a1.name or (ref.inter in (1, 8)) == state:
                continue
            counts.setdefault(ref.name, []).append(ref)
    return max(counts.values(), key=len)[0] if counts else None


def _named_group(an: Analysis) -> ActorMatch | None:
    """The armed non-state group the article names most often, the first of equals."""
    counts: dict[str, list[ActorMatch]] = {}
    for f in an.facts:
        for m in f.actors:
            if m.entry.name and m.entry.inter in _ARMED_NON_STATE:
                counts.setdefault(m.entry.name, []).append(m)
    return max(counts.values(), key=len)[0] if counts else None


def _build(an: Analysis, g: Group, res: Resources) -> Event:
    art = an.article
    country = g.place.iso3 if g.place else (an.focus[0] if an.focus else None)
    a1 = _actor(g.agent, res, country, g.event_type)
    a2 = _actor(g.target, res, country, g.event_type)
    if g.target is not None and g.target.kind == "suspects":
        # "terduga teroris" arrested: ACLED names their group when the article does (CODING.md)
        group = _named_group(an)
        a2 = _actor(group, res, country, g.event_type) if group is not None else a2
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None  # "pasukan rezim ... pangkalan udara militer": one side named twice
    if a2 is None and (g.sub_event_type in _TERRITORY or g.event_type == _REMOTE):
        a2 = _other_side(an, g, a1, res, country)
    a1, a2 = _defaults(g.event_type, g.sub_event_type, a1, a2, country, res)
    claims: list[Claim] = []
    seen_facts: set[int] = set()
    for c in g.members:
        if c.facts.sentence.index in seen_facts:
            continue
        seen_facts.add(c.facts.sentence.index)
        claims.extend(c.facts.claims)
    best, low, high = fatality_figures(claims)
    evidence: list[Evidence] = []
    for c in g.members:
        evidence.append(Evidence("event_type", c.hit.span))
    if g.agent is not None:
        evidence.append(Evidence("actor1", g.agent.span))
    if g.target is not None:
        evidence.append(Evidence("actor2", g.target.span))
    if g.place_span is not None:
        evidence.append(Evidence("location", g.place_span))
    if g.date_span is not None:
        evidence.append(Evidence("event_date", g.date_span))
    for cl in claims:
        if cl.kind == "killed":
            evidence.extend(Evidence("fatalities", s) for s in cl.evidence)
    location: Location | None = to_location(g.place, g.precision) if g.place else None
    sources = tuple(s for s in (an.meta.outlet, *an.meta.sources) if s)
    civ = a2 is not None and a2.inter == 7
    key = "|".join(
        str(x) for x in (art.article_id, g.event_type, g.sub_event_type, g.date, location.name if location else "",
                         a1.name if a1 else "", g.members[0].hit.span.start, res.version)
    )
    return Event(
        event_id=text_hash(key),
        doc=art.doc,
        article_id=art.article_id,
        event_date=g.date,
        time_precision=g.time_precision,
        event_type=g.event_type,
        sub_event_type=g.sub_event_type,
        actor1=a1,
        actor2=a2,
        location=location,
        claims=tuple(claims),
        evidence=tuple(evidence),
        civilian_targeting=civ and g.event_type in ("Violence against civilians", "Explosions/Remote violence"),
        sources=sources,
        notes=_notes(g, a1, a2, location, claims, best),
        modality=g.modality,
        confidence=round(g.confidence, 3),
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
    )


def _notes(g: Group, a1: ActorRef | None, a2: ActorRef | None, loc: Location | None, claims: list[Claim],
           best: int) -> str:
    """One or two English sentences in ACLED's style, with disputed figures."""
    when = f"On {g.date.isoformat()}" if g.date else "On an unknown date"
    where = f" in {loc.name}" + (f" ({loc.admin1}, {loc.country})" if loc and loc.admin1 else "") if loc else ""
    who = a1.name if a1 else "an unidentified actor"
    whom = f" against {a2.name}" if a2 else ""
    text = f"{when}{where}, {who}: {g.sub_event_type.lower()}{whom}."
    killed = [c for c in claims if c.kind == "killed" and c.qualifier != "including"]
    figures = sorted({(c.low, c.claimant or "the outlet") for c in killed})
    if len({f[0] for f in figures}) > 1:
        text += " Fatalities disputed: " + "; ".join(f"{n} according to {who_}" for n, who_ in figures)
        text += f"; coded {best}."
    elif figures:
        text += f" {figures[0][0]} killed."
    return text
