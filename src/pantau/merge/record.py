"""The event record of a group: actors, claims and fatalities, evidence, location and ACLED-style notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pantau.extract.actors import ActorMatch
from pantau.extract.claims import CasualtyLexicon, fatality_figures, fatality_note
from pantau.extract.events import PEOPLE_KINDS, Candidate
from pantau.geo.resolve import to_location
from pantau.merge.group import Group
from pantau.merge.who import (
    REMOTE,
    TERRITORY,
    actor_ref,
    claimed_by,
    defaults,
    fallen_force,
    intervener,
    named_group,
    other_side,
    standing_rebels,
)
from pantau.model import (
    DEMONSTRATIONS,
    POLITICAL_VIOLENCE,
    ActorKind,
    ActorRef,
    Claim,
    ClaimKind,
    Event,
    EventType,
    Evidence,
    Location,
    SubEventType,
    text_hash,
)

if TYPE_CHECKING:
    from pantau.analysis import Analysis, Resources


# ACLED's inter codes the record names: state forces, political militias (an unidentified armed group),
# rioters, civilians and external forces.
STATE_FORCES, POLITICAL_MILITIAS, RIOTERS, CIVILIANS, EXTERNAL = 1, 3, 5, 7, 8


def build_event(an: Analysis, g: Group, res: Resources) -> Event:
    """The event of a group: its actors with ACLED's defaults, its claims and figures, evidence and notes."""
    art = an.article
    country = g.place.iso3 if g.place else (an.focus[0] if an.focus else None)
    agent, displaced = _agent(an, g, res)
    a1 = actor_ref(agent, res, country, g.event_type)
    target = intervener(g) if g.event_type in DEMONSTRATIONS else g.target
    if target is None and displaced is not None and displaced.kind in PEOPLE_KINDS:
        target = displaced  # people read as the strike's doer were what it hit
    a2 = _second_actor(an, g, res, country, a1, target)
    if a1 is None and a2 is not None and a2.inter in (STATE_FORCES, EXTERNAL) and (
        g.sub_event_type == SubEventType.NON_STATE_OVERTAKES_TERRITORY
    ):
        # "pasukan pemerintah kehilangan beberapa desa": the taker is the armed group the article names, else
        # the country's standing rebel movement when the actor table knows one
        named = other_side(an, g, a2, res, country)
        a1 = (standing_rebels(res, country) or named) if _unnamed(named, res) else named
    a1, a2 = _unidentified_attackers(g, res, country, a1, a2)
    a1, a2 = defaults(g.event_type, g.sub_event_type, a1, a2, country, res)
    if g.sub_event_type == SubEventType.MOB_VIOLENCE and a2 is None and any(
        c.hit.trigger.sub_event_type == SubEventType.MOB_VIOLENCE for c in g.members
    ):
        # "tawuran", "bentrok antarwarga": two crowds, both rioters (ACLED's communal clashes)
        a2 = ActorRef(res.actors.acled_name("Rioters ({country})", country), RIOTERS, country)
    claims = list(g.claims)
    best, low, high = fatality_figures(claims, res.casualties)
    evidence = _evidence(g, agent, target, claims)
    location: Location | None = to_location(g.place, g.precision) if g.place else None
    sources = tuple(s for s in (an.meta.outlet, *an.meta.sources) if s)
    civ = a2 is not None and a2.inter == CIVILIANS
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
        civilian_targeting=civ and g.event_type in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.EXPLOSIONS),
        sources=sources,
        notes=_notes(g, a1, a2, location, claims, best, res.casualties),
        modality=g.modality,
        confidence=round(g.confidence, 3),
        fatalities=best,
        fatalities_low=low,
        fatalities_high=high,
    )


def _agent(an: Analysis, g: Group, res: Resources) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Who did it, and the actor a strike's named launcher displaced from that role (else None)."""
    agent = _named_instead(g.agent, [c.agent for c in g.members])
    displaced = None
    if g.event_type == REMOTE and (agent is None or not agent.entry.name):
        # a strike's author unnamed or only described ("militan"): the sentence telling who launched it names it
        found = launcher(g, res)
        if found is not None:
            displaced, agent = agent, found
    unnamed = agent is None or (agent.kind == ActorKind.UNIDENTIFIED and not agent.entry.name)
    if unnamed and g.event_type in POLITICAL_VIOLENCE:
        # an unattributed bombing ("pengebom bunuh diri", or nobody) that a group claims right after
        agent = claimed_by(an, g, res) or agent
    return agent, displaced


def _second_actor(
    an: Analysis, g: Group, res: Resources, country: str | None, a1: ActorRef | None, target: ActorMatch | None
) -> ActorRef | None:
    """Actor 2: the target, a suspect's named group, the other side of a strike or a territory change."""
    a2 = actor_ref(target, res, country, g.event_type)
    if g.target is not None and g.target.kind == ActorKind.SUSPECTS:
        # "terduga teroris" arrested: ACLED names their group when the article does (CODING.md)
        group = named_group(an)
        a2 = actor_ref(group, res, country, g.event_type) if group is not None else a2
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None  # "pasukan rezim ... pangkalan udara militer": one side named twice
    if a2 is None and (g.sub_event_type in TERRITORY or g.event_type == REMOTE):
        a2 = other_side(an, g, a1, res, country)
    if g.sub_event_type in TERRITORY and a1 is not None and a1.inter in (STATE_FORCES, EXTERNAL) and _unnamed(a2, res):
        # ground the state takes or holds against fighters the article leaves unnamed ("pejuang lokal"): the
        # country's standing rebel movement when the actor table knows one (Syria's opposition)
        a2 = standing_rebels(res, country) or a2
    if a2 is None and g.event_type == REMOTE:
        # "bom meledak di dekat konvoi tentara Irak. Dua tentara tewas": the soldiers hit are its target
        fallen = fallen_force(g, res)
        a2 = actor_ref(fallen, res, country, g.event_type) if fallen is not None else None
    return a2


def _unnamed(a: ActorRef | None, res: Resources) -> bool:
    """True for no actor or ACLED's unidentified armed group."""
    return a is None or a.name == res.actors.acled_name("Unidentified Armed Group ({country})", a.country)


def _unidentified_attackers(
    g: Group, res: Resources, country: str | None, a1: ActorRef | None, a2: ActorRef | None
) -> tuple[ActorRef | None, ActorRef | None]:
    """An armed clash whose attackers nobody names: ACLED's unidentified armed group against the forces hit."""
    forces_or_none = a2 is None or a2.inter in (STATE_FORCES, EXTERNAL)
    if g.sub_event_type != SubEventType.ARMED_CLASH or a1 is not None or not forces_or_none:
        return a1, a2
    # police or soldiers killed by attackers nobody names: ACLED's unidentified armed group against them
    fallen = fallen_force(g, res)
    # else the soldiers or police the attack names ("prajurit TNI ditembak"), not a bare country's name
    named = g.target is not None and g.target.kind in (ActorKind.POLICE, ActorKind.MILITARY)
    side = actor_ref(fallen, res, country, g.event_type) if fallen is not None else a2 if named else None
    if side is None:
        return a1, a2
    unidentified = res.actors.acled_name("Unidentified Armed Group ({country})", country)
    return ActorRef(unidentified, POLITICAL_MILITIAS, country), side


def _evidence(g: Group, agent: ActorMatch | None, target: ActorMatch | None, claims: list[Claim]) -> list[Evidence]:
    """The spans that support each field of the event."""
    evidence: list[Evidence] = []
    for c in g.members:
        evidence.append(Evidence("event_type", c.hit.span))
    if agent is not None:
        evidence.append(Evidence("actor1", agent.span))
    if target is not None:
        evidence.append(Evidence("actor2", target.span))
    if g.place_span is not None:
        evidence.append(Evidence("location", g.place_span))
    if g.date_span is not None:
        evidence.append(Evidence("event_date", g.date_span))
    for cl in claims:
        if cl.kind == ClaimKind.KILLED:
            evidence.extend(Evidence("fatalities", s) for s in cl.evidence)
    return evidence


def _named_instead(m: ActorMatch | None, others: list[ActorMatch | None]) -> ActorMatch | None:
    """The group another mention of the incident names for a generic one of its side: "para pemberontak
    menyerang" told after "diserang oleh para pejuang Hay'et Tahrir al-Sham" is HTS's attack."""
    if m is None or m.entry.name or m.entry.template is None or not m.armed:
        return m
    named = [o for o in others if o is not None and o.entry.name and o.armed and o.entry.inter == m.entry.inter
             and o.kind != ActorKind.COUNTRY]
    return named[0] if len({o.entry.name for o in named}) == 1 else m


def launcher(g: Group, res: Resources) -> ActorMatch | None:
    """Who launched a strike, from the sentence that says so: the armed actor opening the clause of "X
    meluncurkan serangan udara" ("Koalisi pimpinan AS mengatakan, ... militernya meluncurkan serangan udara"
    is the coalition's), not an actor a later mention of the strike stands beside."""
    light = res.roles.light_active
    for c in sorted(g.members, key=lambda c: -c.hit.trigger.weight):
        toks = c.facts.tokens
        verb = next((k for k in range(c.hit.first - 1, max(-1, c.hit.first - 3), -1) if toks[k].low in light), None)
        if verb is None:
            by = _launched_by(c, res)
            if by:
                return _lead(by, g)
            continue
        # the nearest actor before the verb is its subject ("pemerintah Irak memerintahkan ... setelah AS
        # meluncurkan dua serangan udara")
        before = [m for m in c.facts.actors if (m.armed or m.kind == ActorKind.COUNTRY) and m.last <= verb]
        k = len(before) - 1
        while k > 0 and [t.low for t in toks[before[k - 1].last : before[k].first]] in _JOINED:
            k -= 1  # "Amerika Serikat dan Inggris melancarkan ...": the allies named together
        return _lead(before[k : len(before)], g) if before else None
    return None


def _lead(allies: list[ActorMatch], g: Group) -> ActorMatch:
    """Who leads allies named together as a strike's author: the force of the country struck, fighting on its
    own soil with a foreign backer ("jet tempur Rusia dan Suriah" over Idlib: Syria's, Russia backing it), else
    the first named ("Amerika Serikat dan Inggris" over Yemen)."""
    home = g.place.iso3 if g.place is not None else None
    own = [m for m in allies if home is not None and (m.country or m.entry.country) == home]
    return own[0] if own else allies[0]


def _launched_by(c: Candidate, res: Resources) -> list[ActorMatch]:
    """The armed actors named right after a passive verb of launching that follows the strike, with the allies
    joined to the first ("serangan udara yang diduga dilancarkan jet tempur Rusia dan Suriah"); empty if none."""
    toks = c.facts.tokens
    stop = min(len(toks), c.hit.last + _LAUNCH_GAP + 1)
    verb = next((k for k in range(c.hit.last, stop) if toks[k].low in res.roles.passive_launch), None)
    if verb is None:
        return []
    armed = sorted((m for m in c.facts.actors if m.armed or m.kind == ActorKind.COUNTRY), key=lambda m: m.first)
    first = next((i for i, m in enumerate(armed) if verb < m.first <= verb + _LAUNCH_GAP), None)
    if first is None:
        return []
    k = first
    while k + 1 < len(armed) and [t.low for t in toks[armed[k].last : armed[k + 1].first]] in _JOINED:
        k += 1
    return armed[first : k + 1]


# How many words may stand between a strike and its passive verb of launching ("yang diduga"), and between that
# verb and who launched it ("oleh").
_LAUNCH_GAP = 3
# Words joining allies named together as one subject.
_JOINED = (["dan"], [","], ["bersama"], ["serta"])


def _notes(g: Group, a1: ActorRef | None, a2: ActorRef | None, loc: Location | None, claims: list[Claim],
           best: int, lex: CasualtyLexicon) -> str:
    """One or two English sentences in ACLED's style, with disputed figures."""
    when = f"On {g.date.isoformat()}" if g.date else "On an unknown date"
    where = f" in {loc.name}" + (f" ({loc.admin1}, {loc.country})" if loc and loc.admin1 else "") if loc else ""
    who = a1.name if a1 else "an unidentified actor"
    whom = f" against {a2.name}" if a2 else ""
    text = f"{when}{where}, {who}: {g.sub_event_type.lower()}{whom}."
    note = fatality_note(claims, best, lex)
    return f"{text} {note}" if note else text
