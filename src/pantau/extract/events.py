"""Event candidates: a trigger with its modality, actors, place, time and casualty claims."""

from __future__ import annotations

from dataclasses import dataclass

from pantau.extract.actors import CROWD_KINDS, STATE_KINDS, ActorMatch
from pantau.extract.roles import RoleLexicon, assign_roles, has_phrase, modality
from pantau.extract.triggers import TriggerHit
from pantau.geo.places import PlaceMention
from pantau.model import (
    DEMONSTRATIONS,
    ActorKind,
    Claim,
    EventType,
    Modality,
    Sentence,
    Span,
    SubEventType,
    TimeMention,
)
from pantau.text.tokens import Token, match_at

REMOTE = EventType.EXPLOSIONS
PEOPLE_KINDS = frozenset(
    {ActorKind.CIVILIANS, ActorKind.SUSPECTS, ActorKind.PEOPLE, ActorKind.PROTESTERS, ActorKind.RIOTERS}
)


@dataclass(frozen=True)
class SentenceFacts:
    """Everything found in one sentence."""

    sentence: Sentence
    tokens: list[Token]
    times: list[TimeMention]
    claims: list[Claim]
    actors: list[ActorMatch]
    places: list[PlaceMention]
    triggers: list[TriggerHit]
    has_casualty_word: bool


@dataclass(frozen=True)
class Candidate:
    """One trigger read as an event, before article-level resolution and merging."""

    hit: TriggerHit
    facts: SentenceFacts
    event_type: str
    sub_event_type: str
    modality: str
    agent: ActorMatch | None
    target: ActorMatch | None
    confidence: float


def _means_of_another(toks: list[Token], hit: TriggerHit, lex: RoleLexicon) -> bool:
    """True for a noun trigger right after a support cue ("didukung (oleh) serangan udara"): the backing of the
    incident the sentence tells, coded with it (ACLED's associated actors), not an incident of its own."""
    k = hit.first - 1
    if k > 0 and match_at(toks, k, lex.agent_preps):
        k -= 1  # "didukung oleh serangan udara"
    return k >= 0 and any(
        (m := match_at(toks, j, lex.support)) is not None and j + m[0] == k + 1 for j in range(max(0, k - 2), k + 1)
    )


def _needs_met(hit: TriggerHit, f: SentenceFacts, lex: RoleLexicon) -> bool:
    needs = hit.trigger.needs
    # "angkatan udara Rusia melakukan 50 penerbangan": flights are strikes only when aircraft or an air force fly them
    if "aircraft" in needs and not any(match_at(f.tokens, a.first, lex.aircraft) for a in f.actors):
        return False
    # a bare country name is no armed actor here: "Jerman menaklukkan Cile" is football
    if "armed" in needs and not any(a.armed and a.kind != ActorKind.COUNTRY for a in f.actors) \
            and not _country_acts(hit, f):
        return False
    if "casualty" in needs and not (f.claims or f.has_casualty_word):
        return False
    if ActorKind.PEOPLE in needs and not any(a.kind in CROWD_KINDS or a.kind == ActorKind.CIVILIANS for a in f.actors):
        return False
    return not ("place" in needs and not f.places)


def _country_acts(hit: TriggerHit, f: SentenceFacts) -> bool:
    """True for a country named as the one who strikes, in a sentence that counts or places the harm:
    "serangan Israel di Khan Younis menewaskan 12 orang", "Rusia menggempur Kharkiv" (its forces act)."""
    if not (f.claims or f.has_casualty_word or f.places):
        return False
    return any(
        a.kind == ActorKind.COUNTRY
        # "serangan Israel", not "program rudal Korea Utara": a weapon is no attack
        and ((hit.trigger.voice == "noun" and a.first == hit.last and hit.trigger.event_type != REMOTE)
             or (hit.trigger.voice == "active" and a.last == hit.first))
        for a in f.actors
    )


def _country_strike(f: SentenceFacts, lex: RoleLexicon, agent: ActorMatch) -> tuple[str, str]:
    """The type of a country's strike with no armed side facing it, by its weapons: from the air, from afar;
    with no weapon named, a strike across a border is still remote ("serangan Iran" on Israel), one at home
    an attack on the people it hit."""
    if has_phrase(f.tokens, lex.ground_forces):
        # "pasukan darat Israel menyerbu Lebanon selatan"
        return EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    if has_phrase(f.tokens, lex.air_weapons):
        return REMOTE, SubEventType.AIR_DRONE_STRIKE
    if has_phrase(f.tokens, lex.ground_weapons):
        return REMOTE, SubEventType.SHELLING
    if _abroad(agent, f):
        return REMOTE, SubEventType.AIR_DRONE_STRIKE
    return EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK


def _abroad(agent: ActorMatch, f: SentenceFacts) -> bool:
    """True when a state's forces act on a place of another country named in the sentence, with nobody armed
    facing them there: "militer Israel menyerang Lebanon selatan"."""
    own = agent.country or agent.entry.country
    if agent.kind not in STATE_KINDS or own is None:
        return False
    # a country named bare is often a party ("koalisi pimpinan Amerika"): only a cued one or a town is a scene
    return any(
        p.candidates and p.candidates[0].iso3 != own and (p.cue is not None or p.candidates[0].feature != "country")
        for p in f.places if not agent.span.start <= p.span.start < agent.span.end
    )


_DEMONSTRATORS = frozenset({"protesters", "rioters"})  # not "warga": residents are also a battle's victims


def _crowd_clash(hit: TriggerHit, f: SentenceFacts) -> bool:
    """True for a clash in a sentence about a crowd and no armed group: "pengunjuk rasa tewas terkena peluru
    karet dalam bentrokan" is a riot with the police, not a battle."""
    if (hit.trigger.event_type, hit.trigger.sub_event_type) != (EventType.BATTLES, SubEventType.ARMED_CLASH):
        return False
    if hit.trigger.voice not in ("noun", "intrans") or "casualty" in hit.trigger.needs:
        return False  # "menyerang" says who does what; "tewas" says what befell whom
    return any(a.kind in _DEMONSTRATORS for a in f.actors) and not any(
        a.armed and a.kind not in STATE_KINDS for a in f.actors
    )


# Actor kinds of the state (and a country named as the doer), and of unarmed targets.
_STATE = frozenset({ActorKind.MILITARY, ActorKind.POLICE, ActorKind.STATE_OTHER, ActorKind.COALITION})
_STATE_OR_COUNTRY = _STATE | {ActorKind.COUNTRY}
_UNARMED_TARGETS = frozenset({ActorKind.CIVILIANS, ActorKind.SUSPECTS, ActorKind.PEOPLE})


def refine_type(hit: TriggerHit, agent: ActorMatch | None, target: ActorMatch | None) -> tuple[str, str]:
    """Settle the sub-event type by who acts on whom (territory gains, attacks on civilians, clashes)."""
    et, sub = hit.trigger.event_type, hit.trigger.sub_event_type
    agent_kind = agent.kind if agent else None
    target_kind = target.kind if target else None
    territory = (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY)
    if sub in territory and agent is not None:
        state = agent_kind in _STATE_OR_COUNTRY
        sub = SubEventType.GOVERNMENT_REGAINS_TERRITORY if state else SubEventType.NON_STATE_OVERTAKES_TERRITORY
    elif sub in (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY) and (
        hit.trigger.voice == "passive" and target is not None and target.armed
    ):
        # "pasukan pemerintah kehilangan beberapa desa", "markas kelompok itu direbut": the loser named, the
        # taker unsaid, is the other side
        state = target_kind in _STATE
        sub = SubEventType.NON_STATE_OVERTAKES_TERRITORY if state else SubEventType.GOVERNMENT_REGAINS_TERRITORY
    elif (
        et == EventType.BATTLES and sub == SubEventType.ARMED_CLASH and hit.trigger.voice in ("active", "passive")
        and agent is not None and agent.armed and agent.kind not in STATE_KINDS and target_kind in CROWD_KINDS
    ):
        # "guru itu diserang orang tak dikenal": armed men attacking people are no riot
        et, sub = EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    elif (
        et == EventType.BATTLES and sub == SubEventType.ARMED_CLASH and hit.trigger.voice in ("active", "passive")
        and agent is None and target_kind in CROWD_KINDS
    ):
        # "para petani diserang": people attacked by someone unnamed
        et, sub = EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    elif et == EventType.BATTLES and sub == SubEventType.ARMED_CLASH and (
        CROWD_KINDS & {agent_kind, target_kind}
        or (agent_kind == ActorKind.CIVILIANS and target is not None and target.armed)
    ):
        # a crowd fighting the police is a riot, not a battle: "bentrok antara penduduk dan aparat"
        et, sub = EventType.RIOTS, SubEventType.VIOLENT_DEMONSTRATION
    elif et == EventType.BATTLES and sub == SubEventType.ARMED_CLASH \
            and target_kind in _UNARMED_TARGETS:
        et, sub = EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    elif (
        et == EventType.VIOLENCE_AGAINST_CIVILIANS
        and sub == SubEventType.ATTACK
        and target is not None
        and target.armed
        and target.kind != ActorKind.COUNTRY
        and (agent.armed if agent is not None else target.kind in (ActorKind.POLICE, ActorKind.MILITARY))
    ):
        # soldiers or police shot at ("prajurit itu ditembak KKB"), by someone armed or unnamed: a clash
        et, sub = EventType.BATTLES, SubEventType.ARMED_CLASH
    return et, sub


# The confidence of a candidate: its trigger's weight plus these for what the sentence also tells.
CONF_ARMED_ACTOR = 0.15
CONF_CASUALTIES = 0.15
CONF_PLACE = 0.1
CONF_TIME = 0.05
CONF_BOTH_SIDES = 0.1  # who did it to whom, both named

_TERRITORY_SUBS = (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_OVERTAKES_TERRITORY)


def candidates(facts: SentenceFacts, lex: RoleLexicon, include_all: bool) -> list[Candidate]:
    """Read each trigger of a sentence as an event candidate (asserted ones only unless include_all)."""
    out: list[Candidate] = []
    starts = frozenset(h.first for h in facts.triggers)
    for hit in facts.triggers:
        if hit.trigger.shadow:
            continue  # a longer phrase that hides a trigger: "serangan jantung", "merebut gelar"
        if any(a.entry.name and a.first <= hit.first and hit.last <= a.last for a in facts.actors):
            continue  # "Tentara Pembebasan Balochistan": a word of the group's name, not a liberation
        mod = _modality(facts, hit, lex, starts)
        if mod != Modality.ASSERTED and not include_all:
            continue
        if hit.trigger.voice == "noun" and _means_of_another(facts.tokens, hit, lex):
            continue  # "pasukan yang didukung serangan udara Rusia merebut kota": the capture's means
        crowd = _crowd_clash(hit, facts)
        if not crowd and not _needs_met(hit, facts, lex):
            continue
        agent, target = assign_roles(facts.tokens, hit, facts.actors, lex, starts)
        et, sub = (EventType.RIOTS, SubEventType.VIOLENT_DEMONSTRATION) if crowd else refine_type(hit, agent, target)
        if _not_this_event(facts, hit, lex, et, sub, target):
            continue
        if (
            agent is not None and agent.kind == ActorKind.POLICE and hit.trigger.voice == "noun"
            and agent.last <= hit.first
            and et in (EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS)
            and not (hit.first > 0 and facts.tokens[hit.first - 1].low in lex.light_active)
        ):
            agent = None  # "polisi menyelidiki ledakan bom": the police investigate the bombing, not set it off
        et, sub = _retype(facts, hit, lex, et, sub, agent, target)
        out.append(Candidate(hit, facts, et, sub, mod, agent, target, _confidence(facts, hit, agent, target)))
    return out


def may_yield(toks: list[Token], hits: list[TriggerHit], lex: RoleLexicon, include_all: bool) -> bool:
    """False only when candidates() of a sentence with these tokens and triggers is empty, whatever else the
    sentence holds: every trigger is a shadow, or (asserted ones only) reads as neither asserted nor a noun
    told as a statement, the only readings `_modality` can make asserted. An article whose sentences all
    give False has no event, and its costly stages are skipped (pipeline.extract_events; a fifth of the
    articles with a trigger)."""
    starts = frozenset(h.first for h in hits)
    for hit in hits:
        if hit.trigger.shadow:
            continue
        if include_all:
            return True
        mod = modality(toks, hit, lex, starts)
        if mod == Modality.ASSERTED or (mod == Modality.STATEMENT and hit.trigger.voice == "noun"):
            return True
    return False


def _modality(facts: SentenceFacts, hit: TriggerHit, lex: RoleLexicon, starts: frozenset[int]) -> str:
    """The trigger's modality, with a purpose clause as future and a dated, placed, counted incident as told."""
    mod = modality(facts.tokens, hit, lex, starts)
    if mod == Modality.ASSERTED and hit.first > 0 and facts.tokens[hit.first - 1].low in lex.purpose \
            and (hit.trigger.voice == "active" or hit.trigger.event_type in DEMONSTRATIONS):
        # "dikirim ke Poso untuk menangkap sisa kelompok itu", "berangkat ke Jakarta untuk berunjuk rasa",
        # "membawa celurit untuk tawuran": a purpose, not a deed
        mod = "future"
    if mod == Modality.STATEMENT and hit.trigger.voice == "noun" and facts.has_casualty_word and facts.times \
            and facts.places:
        # "menyelidiki serangan yang menewaskan delapan orang di X pada Selasa": talk of an incident that
        # the sentence itself dates, places and counts presupposes that it happened
        mod = "asserted"
    return mod


def _not_this_event(
    facts: SentenceFacts, hit: TriggerHit, lex: RoleLexicon, et: str, sub: str, target: ActorMatch | None
) -> bool:
    """True for a reading the sentence rules out: people freed, who holds a place, cruelty to animals."""
    if sub in _TERRITORY_SUBS and target is not None and target.kind in PEOPLE_KINDS:
        return True  # "satu sandera dibebaskan": people freed, not ground taken
    if sub in _TERRITORY_SUBS and hit.first > 0 and facts.tokens[hit.first - 1].low in lex.relative:
        return True  # "HTS yang menguasai sebagian besar Idlib": who holds a place, not who takes it
    # "hewan laut lain yang mengalami penyiksaan": cruelty to animals
    return et == EventType.VIOLENCE_AGAINST_CIVILIANS and any(t.low in lex.animals for t in facts.tokens) and not any(
        a.kind in (ActorKind.CIVILIANS, ActorKind.PEOPLE) for a in facts.actors
    )


def _retype(
    facts: SentenceFacts, hit: TriggerHit, lex: RoleLexicon, et: str, sub: str,
    agent: ActorMatch | None, target: ActorMatch | None,
) -> tuple[str, str]:
    """The event and sub-event type once the sides and the sentence's words are known."""
    clash = (et, sub) == (EventType.BATTLES, SubEventType.ARMED_CLASH)
    if clash and agent is not None and _flown(facts.tokens, agent, lex):
        et, sub = EventType.EXPLOSIONS, SubEventType.AIR_DRONE_STRIKE  # "jet tempur Israel menggempur desa"
    elif clash and target is None and agent is not None and agent.armed \
            and agent.kind not in STATE_KINDS and hit.trigger.voice == "active" and hit.last < len(facts.tokens) \
            and match_at(facts.tokens, hit.last, lex.settlements):
        # "pemukim menyerang desa": its people are attacked
        et, sub = EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK
    if (et, sub) == (EventType.BATTLES, SubEventType.ARMED_CLASH) and agent is not None \
            and (target is None or not target.armed) \
            and (_country_acts(hit, facts) if agent.kind == ActorKind.COUNTRY else _abroad(agent, facts)):
        et, sub = _country_strike(facts, lex, agent)
    if et == EventType.EXPLOSIONS and has_phrase(facts.tokens, lex.weapon_disruption):
        # a bomb assembled, found or defused is a plot foiled, not an explosion
        et, sub = EventType.STRATEGIC_DEVELOPMENTS, SubEventType.DISRUPTED_WEAPONS_USE
    if et == EventType.PROTESTS:
        if has_phrase(facts.tokens, lex.excessive):
            sub = SubEventType.EXCESSIVE_FORCE
        elif sub == SubEventType.PEACEFUL_PROTEST and has_phrase(facts.tokens, lex.intervention):
            sub = SubEventType.PROTEST_WITH_INTERVENTION
    return et, sub


def _flown(toks: list[Token], agent: ActorMatch, lex: RoleLexicon) -> bool:
    """True when the doer is an aircraft: "jet tempur Israel" read as the actor, or "drone" right before the
    country that flies it ("sebuah drone Turki menyerang kendaraan SDF": a drone strike, whoever it hits)."""
    if match_at(toks, agent.first, lex.aircraft):
        return True
    return any(
        (m := match_at(toks, i, lex.aircraft)) and i + m[0] == agent.first
        for i in range(max(0, agent.first - _AIRCRAFT_WORDS), agent.first)
    )


# The most words an aircraft's name takes ("pesawat tanpa awak").
_AIRCRAFT_WORDS = 3


def _confidence(facts: SentenceFacts, hit: TriggerHit, agent: ActorMatch | None, target: ActorMatch | None) -> float:
    """The trigger's weight plus what the sentence also tells: armed actors, casualties, place, time, both sides."""
    conf = hit.trigger.weight
    conf += CONF_ARMED_ACTOR if any(a.armed for a in facts.actors) else 0.0
    conf += CONF_CASUALTIES if facts.claims else 0.0
    conf += CONF_PLACE if facts.places else 0.0
    conf += CONF_TIME if facts.times else 0.0
    # who did it to whom, both named: "mereka menyalakan petasan ke arah barisan polisi"
    named = [a for a in (agent, target) if a is not None and a.kind != ActorKind.COUNTRY]  # "kota utama Suriah"
    conf += CONF_BOTH_SIDES if len(named) == 2 else 0.0
    # rounded: 0.3 + 0.15 + 0.1 is 0.5499... in binary, under a threshold of 0.55 it plainly meets
    return round(min(conf, 1.0), 6)


def span_of(toks: list[Token], first: int, last: int, text: str) -> Span:
    """The document span of tokens [first, last)."""
    s, e = toks[first].start, toks[last - 1].end
    return Span(s, e, text[s:e])
