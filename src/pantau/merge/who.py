"""Who did what to whom: ACLED actors from matches, the other side when unsaid, and ACLED's defaults."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import TYPE_CHECKING

from pantau.extract.actors import ActorEntry, ActorMatch, resolve_actor
from pantau.extract.claims import victim_kind
from pantau.extract.events import PEOPLE_KINDS
from pantau.merge.group import Group
from pantau.model import DEMONSTRATIONS, POLITICAL_VIOLENCE, ActorKind, ActorRef, Claim, EventType, SubEventType
from pantau.text.tokens import match_at

if TYPE_CHECKING:
    from pantau.analysis import Analysis, Resources

# Armed non-state groups: arresting or disarming them is political whatever else the article says.
ARMED_NON_STATE = frozenset({2, 3, 4})
TERRITORY = frozenset({SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY})
# The kinds of a state's armed forces that a toll may count.
_FORCES = (ActorKind.POLICE, ActorKind.MILITARY)
REMOTE = EventType.EXPLOSIONS
# What only a state does: its other side is the armed group the article names.
_STATE_ACTS = frozenset({SubEventType.AIR_DRONE_STRIKE, SubEventType.GOVERNMENT_REGAINS_TERRITORY})


def actor_ref(m: ActorMatch | None, res: Resources, country: str | None, et: str) -> ActorRef | None:
    """The ACLED actor of a match; people are Protesters, Rioters or Civilians by the event's type."""
    if m is None:
        return None
    entry = m.entry
    if entry.kind in PEOPLE_KINDS and entry.template:
        templates: dict[str, str] = {
            EventType.PROTESTS: "Protesters ({country})",
            EventType.RIOTS: "Rioters ({country})",
        }
        people = entry.kind in (ActorKind.PEOPLE, ActorKind.CIVILIANS)
        template = templates.get(et, "Civilians ({country})") if people else entry.template
        where = m.country or country
        return ActorRef(res.actors.acled_name(template, where), _inter_of(template), where)
    if entry.template and (
        (entry.kind == ActorKind.COUNTRY and et in DEMONSTRATIONS)  # "Kenya kerahkan aparat" against a riot
        or (entry.kind == ActorKind.STATE_OTHER and et in POLITICAL_VIOLENCE)  # "markas pemerintah" under fire
    ):
        where = m.country or country
        template = "Police Forces of {country}" if et in DEMONSTRATIONS else "Military Forces of {country}"
        inter = 8 if where and country and where != country else 1
        return ActorRef(res.actors.acled_name(template, where), inter, where)
    return resolve_actor(m, res.actors, country)



def _inter_of(template: str) -> int:
    return 6 if template.startswith("Protesters") else 5 if template.startswith("Rioters") else 7


# ACLED's inter codes of the default actors: state forces, political militias (the unidentified armed group),
# rioters, protesters, civilians.
STATE, MILITIA, RIOTERS, PROTESTERS, CIVILIANS = 1, 3, 5, 6, 7
_UNARMED = (RIOTERS, PROTESTERS, CIVILIANS)

_Make = Callable[[str, int], ActorRef]
_Pair = tuple[ActorRef | None, ActorRef | None]


def defaults(
    et: str, sub: str, a1: ActorRef | None, a2: ActorRef | None, country: str | None, res: Resources
) -> _Pair:
    """ACLED's usual actors where the text names none (CODING.md)."""

    def make(template: str, inter: int) -> ActorRef:
        return ActorRef(res.actors.acled_name(template, country), inter, country)

    a1, a2 = _orient(et, sub, a1, a2)
    if et == EventType.PROTESTS:
        a1, a2 = _protest_sides(sub, a1, a2, make)
    elif et == EventType.RIOTS:
        a1, a2 = _riot_sides(a1, a2, make)
    elif et == EventType.VIOLENCE_AGAINST_CIVILIANS:
        if a1 is None or a1.inter == CIVILIANS:
            a1 = make("Unidentified Armed Group ({country})", MILITIA)
        if a2 is None or a2.inter != CIVILIANS:
            a2 = make("Civilians ({country})", CIVILIANS)
    elif sub == SubEventType.GOVERNMENT_REGAINS_TERRITORY and a1 is None:
        a1 = make("Military Forces of {country}", STATE)  # the government's forces regain it, named or not
    elif sub == SubEventType.NON_STATE_OVERTAKES_TERRITORY and a1 is None:
        a1 = make("Unidentified Armed Group ({country})", MILITIA)  # a taker unnamed: ACLED's unidentified group
    elif et == EventType.EXPLOSIONS:
        a1, a2 = _strike_sides(a1, a2, make)
    elif et == EventType.STRATEGIC_DEVELOPMENTS and sub == SubEventType.ARRESTS and (a1 is None or a1.inter != STATE):
        a2 = a1 if a1 is not None and a2 is None else a2
        a1 = make("Police Forces of {country}", STATE)
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None
    return a1, a2


def _orient(et: str, sub: str, a1: ActorRef | None, a2: ActorRef | None) -> _Pair:
    """The sides the right way round: civilians do not strike, bomb or fight; the state is no suicide bomber."""
    swap = a1 is not None and a2 is not None and a1.inter in _UNARMED and a2.inter not in _UNARMED
    if et in POLITICAL_VIOLENCE and swap:
        a1, a2 = a2, a1  # the voice was misread: civilians do not strike, bomb or fight
    elif et == REMOTE and a1 is not None and a1.inter in _UNARMED:
        a1 = None  # nor do they bomb alone: the bomber is unidentified (set below)
    if sub == SubEventType.SUICIDE_BOMB and a1 is not None and a1.inter == STATE:
        # the state is the target of a suicide bomber, never the bomber
        a1, a2 = (a2, a1) if a2 is not None and a2.inter in ARMED_NON_STATE else (None, a1)
    return a1, a2


def _protest_sides(sub: str, a1: ActorRef | None, a2: ActorRef | None, make: _Make) -> _Pair:
    """Protesters; the police against them unless the protest was peaceful."""
    if a1 is None or a1.inter != PROTESTERS:
        a1 = make("Protesters ({country})", PROTESTERS)
    if sub == SubEventType.PEACEFUL_PROTEST:
        a2 = None
    elif a2 is None or a2.inter != STATE:
        a2 = make("Police Forces of {country}", STATE)
    return a1, a2


def _riot_sides(a1: ActorRef | None, a2: ActorRef | None, make: _Make) -> _Pair:
    """Rioters against the state or civilians they face, never against other rioters or protesters."""
    if a1 is None or a1.inter not in (RIOTERS,):
        other = a1 if a1 is not None and a1.inter in (STATE, CIVILIANS) else a2
        a1, a2 = make("Rioters ({country})", RIOTERS), other
    if a2 is not None and a2.inter in (RIOTERS, PROTESTERS):
        a2 = None
    return a1, a2


def _strike_sides(a1: ActorRef | None, a2: ActorRef | None, make: _Make) -> _Pair:
    """An unidentified armed group when nobody is named; civilians hit by a group's bomb with no target named."""
    if a1 is None:
        a1 = make("Unidentified Armed Group ({country})", MILITIA)
    if a2 is None and a1.inter in ARMED_NON_STATE:
        # a bomb set by a group with no target named hits whoever is there: ACLED codes civilians
        a2 = make("Civilians ({country})", CIVILIANS)
    return a1, a2


def other_side(
    an: Analysis, g: Group, a1: ActorRef | None, res: Resources, country: str | None
) -> ActorRef | None:
    """Who a strike or a territory change is against when its sentence does not say.

    Civilians when its casualty claims are about civilians ("menewaskan 90 orang"); else the armed
    actor of the other side (state against non-state) that the article names most often."""
    # the figures of its sentences, else those attributed to it from the next ("... ke kota Ariha. Dua warga
    # tewas")
    hurt = ("killed", "injured")
    claims = [cl for c in g.members for cl in c.facts.claims if cl.kind in hurt] \
        or [cl for cl in g.claims if cl.kind in hurt]
    civilian = all(victim_kind(cl, res.casualties) in (None, "people", "civilians") for cl in claims)
    if g.event_type == REMOTE and claims and civilian:
        return ActorRef(res.actors.acled_name("Civilians ({country})", country), 7, country)
    if a1 is None:
        # an air strike or a regained town with no state force named: the armed group the article names is
        # the other side
        group = named_group(an) if g.sub_event_type in _STATE_ACTS else None
        return actor_ref(group, res, country, g.event_type) if group is not None else None
    state = a1.inter in (1, 8)
    counts: dict[str, list[ActorRef]] = {}
    for f in an.facts:
        for m in f.actors:
            if not m.armed or m.kind == ActorKind.COUNTRY:
                continue
            ref = actor_ref(m, res, country, g.event_type)
            if ref is None or ref.name == a1.name or (ref.inter in (1, 8)) == state:
                continue
            counts.setdefault(ref.name, []).append(ref)
    return max(counts.values(), key=len)[0] if counts else None


def fallen_force(g: Group, res: Resources) -> ActorMatch | None:
    """The state force whose dead or wounded an incident counts when its sentences name nobody hit: the force
    right after the figure ("menewaskan 20 komandan Garda Revolusi Iran"), else, for figures told in the next
    sentence, the force the trigger is aimed at ("bom meledak di dekat konvoi tentara Irak. Dua tentara tewas")."""

    def forces(cl: Claim) -> bool:
        return cl.kind in ("killed", "injured") and victim_kind(cl, res.casualties) == "forces"

    for c in g.members:
        for cl in c.facts.claims:
            if forces(cl) and cl.evidence:
                at = cl.evidence[0].start
                after = [m for m in c.facts.actors if m.kind in _FORCES and 0 <= m.span.start - at <= _VICTIM_REACH]
                if after:
                    return after[0]
    if any(forces(cl) for cl in g.claims):
        for c in g.members:
            aimed = [m for m in c.facts.actors
                     if m.kind in _FORCES and m.span.start >= c.hit.span.end and m is not c.agent]
            if aimed:
                return aimed[0]
    return None


# How many characters after a figure its victims' force may be named ("20 komandan tentara Iran").
_VICTIM_REACH = 60


def intervener(g: Group) -> ActorMatch | None:
    """Who stepped in on a demonstration: the state force acting in one of its mentions ("aparat
    menembakkan gas air mata"), else a target of its violent mentions. What a protest is against
    ("memprotes keteledoran militer") is its object, not its other side."""
    for c in g.members:
        if c.agent is not None and c.agent.kind in (ActorKind.POLICE, ActorKind.MILITARY):
            return c.agent
    for c in g.members:
        if c.target is not None and c.hit.trigger.sub_event_type != SubEventType.PEACEFUL_PROTEST:
            return c.target
    return None


def claimed_by(an: Analysis, g: Group, res: Resources) -> ActorMatch | None:
    """The armed group that claims the incident in a sentence of its own right after it ("Bom meledak di
    pasar. ISIS-K mengaku bertanggung jawab."); a claim naming its own attack is that attack's."""
    told = {c.facts.sentence.index for c in g.members}
    # the sentences right after the incident's, in order (facts are in sentence order: no scan of them all)
    after = sorted({i + k for i in told for k in range(1, _CLAIM_REACH + 1)})
    for index in after:
        j = bisect_left(an.facts, index, key=lambda h: h.sentence.index)
        if j == len(an.facts) or an.facts[j].sentence.index != index:
            continue
        f = an.facts[j]
        if f.triggers:
            continue
        for i in range(len(f.tokens)):
            if match_at(f.tokens, i, res.roles.responsibility):
                before = [m for m in f.actors if m.last <= i and m.entry.name and m.entry.inter in ARMED_NON_STATE]
                if before:
                    return before[-1]
    return None


# How many sentences after an incident a claim of responsibility may follow.
_CLAIM_REACH = 2


def named_group(an: Analysis) -> ActorMatch | None:
    """The armed non-state group the article names most often, the first of equals."""
    counts: dict[str, list[ActorMatch]] = {}
    for f in an.facts:
        for m in f.actors:
            if m.entry.name and m.entry.inter in ARMED_NON_STATE:
                counts.setdefault(m.entry.name, []).append(m)
    return max(counts.values(), key=len)[0] if counts else None


def standing_rebels(res: Resources, country: str | None) -> ActorRef | None:
    """The country's opposition rebels when the actor table holds them as a movement of its own ("Opposition
    Rebels (Syria)"): ACLED's actor for the unnamed rebels who take ground from that state; else None."""
    name = res.actors.acled_name("Opposition Rebels ({country})", country)
    for entries in res.actors.aliases.values():
        for _, e in entries:
            if isinstance(e, ActorEntry) and e.name == name and e.kind == ActorKind.REBEL:
                return ActorRef(name, e.inter, country)
    return None
