"""Who did what to whom: agent and target of a trigger from Indonesian voice, and modality cues."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pantau.extract.actors import CROWD_KINDS, ActorMatch
from pantau.extract.data import casualty_data
from pantau.extract.triggers import TriggerHit
from pantau.lang.schema import LangData, Words, load_data
from pantau.model import ActorKind, ClaimKind, Span
from pantau.text.data import text_data
from pantau.text.tokens import Token, match_at, phrase_index, phrase_set

Index = dict[str, list[tuple[tuple[str, ...], object]]]


@dataclass(frozen=True)
class RoleLexicon:
    """Voice markers, prepositions and modality cues of one language."""

    light_passive: Index
    agent_preps: Index
    patient_preps: Index
    comitative: Index
    between: Index
    clause_breaks: frozenset[str]
    modality: Index  # cue -> "future" | "negated" | "hypothetical" | "alleged" | "statement"
    window: int
    future_after: Index  # plan cues right after a noun trigger
    background_after: Index  # "serangan sebelumnya": an earlier incident, right after a noun trigger
    private_after: Index  # "membunuh istrinya": a family crime
    animals: frozenset[str]  # "hewan", "gurita": harm done to animals is no political violence
    generic: Index  # cues that count only right before the trigger
    legal: Index  # charges and trials: anywhere before the trigger in its sentence
    intervention: Index
    excessive: Index
    weapon_disruption: Index
    agent_phrases: Index
    support: Index  # "didukung X": X backs the agent
    pronouns: frozenset[str]  # plural pronouns that stand for the crowd before them
    anaphors: frozenset[str]  # "serangan tersebut": a mention of an incident told before
    cause_links: Index  # "akibat", "setelah": what follows caused the incident before
    cause_openers: Index  # "Akibat serangan itu, ...": a sentence opened by an incident told as a cause
    locative: frozenset[str]  # words before a country's name that make it a place
    speech: Index  # attribution verbs and prepositions: who says, not who acts
    source_preps: Index  # "menurut X, ...": X up to the comma is a source
    harm: Index  # words of death and injury ("tewas", "luka-luka")
    claim_verbs: Index  # "mengklaim (telah) menembak": the claimant is the agent
    coordinators: frozenset[str]  # "AS dan Inggris": words joining two actors of one side
    responsibility: Index  # "mengaku bertanggung jawab": who claims an attack
    aircraft: Index  # "jet tempur": an agent that strikes from the air
    ground_forces: Index  # "pasukan darat": a state's raid on the ground, not a strike from afar
    air_weapons: Index  # "udara", "drone": a country's strike from the air
    ground_weapons: Index  # "rudal", "artileri": a country's strike from afar
    instruments: frozenset[str]  # "gas air mata": protest triggers that tell no protest alone
    settlements: Index  # "desa", "kampung": where people live
    residence: frozenset[str]  # "warga", "asal": the place after is someone's home
    titles: frozenset[str]  # "presiden", "menteri": the place after names an office
    light_active: frozenset[str]  # "melakukan": the actor before the noun is its doer
    purpose: frozenset[str]  # "untuk", "guna": an active verb right after one is a purpose
    relative: frozenset[str]  # "yang": a territory verb right after one says who holds a place
    passive_launch: frozenset[str] = frozenset()  # "dilancarkan": who launched the strike before follows
    where_relative: regex.Pattern[str] | None = None  # ", di mana": what follows happened at the place before

    @classmethod
    def load(cls, lang: str = "id") -> RoleLexicon:
        """Load role and modality cues of a language (lang/<lang>/roles.yaml and modality.yaml, checked)."""
        r = load_data(lang, "roles.yaml", RolesData)
        m = load_data(lang, "modality.yaml", ModalityData)
        att = text_data(lang).attribution.model_dump()
        cues: dict[str, object] = {}
        for key, value in (("reported_speech", "statement"), ("alleged", "alleged"),
                           ("hypothetical", "hypothetical"), ("negated", "negated"), ("future", "future"),
                           ("background", "generic"), ("not_modal", "asserted")):
            for w in getattr(m, key):
                cues[w] = value

        idx = phrase_set  # each list below is a phrase index whose phrases all say yes

        return cls(
            light_passive=idx(r.passive_light_verbs),
            agent_preps=idx(r.agent_preps),
            patient_preps=idx(r.patient_preps),
            comitative=idx(r.comitative),
            between=idx(r.between),
            clause_breaks=frozenset(r.clause_breaks),
            modality=phrase_index(cues),
            window=m.window,
            future_after=idx(m.future_after),
            background_after=idx(m.background_after),
            private_after=idx(m.private_after),
            animals=frozenset(m.animals),
            generic=phrase_index({**{w: True for w in m.generic}, **{w: False for w in m.not_generic}}),
            legal=idx(m.legal),
            intervention=phrase_index({**{w: True for w in r.protest_intervention},
                                       **{w: False for w in r.protest_self}}),
            excessive=idx(r.protest_excessive),
            weapon_disruption=idx(r.weapon_disruption),
            agent_phrases=idx(r.agent_phrases),
            support=idx(r.support_cues),
            pronouns=frozenset(r.plural_pronouns),
            anaphors=frozenset(r.anaphors),
            cause_links=idx(r.cause_links),
            cause_openers=idx(r.cause_openers),
            locative=frozenset(r.locative_preps),
            speech=idx([*att["verbs"], *att["verbs_after"], *att["preps"]]),
            source_preps=idx(att["preps"]),
            claim_verbs=idx(r.claim_verbs),
            coordinators=frozenset(r.coordinators),
            responsibility=idx(r.responsibility),
            aircraft=idx(r.aircraft),
            ground_forces=idx(r.ground_forces),
            air_weapons=idx(r.air_weapons),
            ground_weapons=idx(r.ground_weapons),
            instruments=frozenset(r.protest_instruments),
            settlements=idx(r.settlements),
            residence=frozenset(r.residence),
            titles=frozenset(r.titles),
            light_active=frozenset(r.light_active),
            purpose=frozenset(r.purpose),
            relative=frozenset(r.relative),
            where_relative=_opening(r.where_relatives),
            passive_launch=frozenset(r.passive_launch),
            harm=idx([w for k in (ClaimKind.KILLED, ClaimKind.INJURED) for w in casualty_data(lang).kinds[k]]),
        )


class RolesData(LangData):
    """The schema of lang/<lang>/roles.yaml: every key required, none other allowed."""

    passive_light_verbs: Words
    agent_preps: Words
    patient_preps: Words
    comitative: Words
    between: Words
    clause_breaks: Words
    protest_intervention: Words
    protest_self: Words
    protest_excessive: Words
    weapon_disruption: Words
    agent_phrases: Words
    support_cues: Words
    plural_pronouns: Words
    anaphors: Words
    cause_links: Words
    cause_openers: Words
    locative_preps: Words
    claim_verbs: Words
    coordinators: Words
    responsibility: Words
    aircraft: Words
    ground_forces: Words
    air_weapons: Words
    ground_weapons: Words
    protest_instruments: Words
    settlements: Words
    residence: Words
    titles: Words
    light_active: Words
    purpose: Words
    relative: Words
    where_relatives: Words
    passive_launch: Words


class ModalityData(LangData):
    """The schema of lang/<lang>/modality.yaml."""

    window: int
    future: Words
    negated: Words
    hypothetical: Words
    future_after: Words
    not_modal: Words
    private_after: Words
    animals: Words
    alleged: Words
    reported_speech: Words
    generic: Words
    not_generic: Words
    background: Words
    background_after: Words
    legal: Words


def has_phrase(toks: list[Token], index: Index, lo: int = 0, hi: int | None = None) -> bool:
    """True when a phrase of the index starts in toks[lo:hi]."""
    hi = len(toks) if hi is None else hi
    # a phrase indexed as False hides the shorter one it holds ("membubarkan diri" is no dispersal by force)
    return any((m := match_at(toks, i, index)) and m[1] for i in range(max(lo, 0), min(hi, len(toks))))


_QUOTES = frozenset("'\"‘’“”«»")
_CLAUSE_END = frozenset(".;!?")
# How far a list opened by a generic cue reaches.
_LIST_REACH = 30


# How many words after a noun trigger a plan cue may stand ("demo itu akan", "serangan udara dan artileri akan").
_AFTER_NOUN = 3


def modality(toks: list[Token], hit: TriggerHit, lex: RoleLexicon, starts: frozenset[int] = frozenset()) -> str:
    """The trigger's modality from cues in the few words before it, within its clause.

    starts: where the sentence's triggers begin; a list that a generic cue opens ("seperti ledakan bom di
    Boston, penembakan di Orlando") is generic to its end."""
    if hit.first > 0 and hit.last < len(toks) and toks[hit.first - 1].text in _QUOTES \
            and toks[hit.last].text in _QUOTES:
        return "generic"  # "telah 'membunuh' tokohnya": a word in quotes is figurative
    for i in range(max(0, hit.first - _LIST_REACH), hit.first):
        m = match_at(toks, i, lex.generic)
        if not m or not m[1]:
            continue  # "rentetan roket": a barrage, not a series of incidents
        j = i + m[0]
        if j == hit.first:
            return "generic"
        if j in starts and not any(t.text in _CLAUSE_END for t in toks[j : hit.first]):
            return "generic"
    if has_phrase(toks, lex.legal, 0, hit.first):
        return "alleged"  # "dakwaan terhadapnya termasuk serangan dan lemparan batu": a charge, not a report
    if any(match_at(toks, i, lex.private_after) for i in range(hit.last, min(len(toks), hit.last + 2))):
        return "generic"  # "membunuh istrinya": a family crime, not political violence
    if hit.trigger.voice == "noun" and hit.last < len(toks) and match_at(toks, hit.last, lex.background_after):
        return "generic"  # "kerusuhan sebelumnya": an earlier incident told as background
    if hit.trigger.voice == "noun":
        # "aksi unjuk rasa akan digelar": a noun told with a plan after it
        for i in range(hit.last, min(len(toks), hit.last + _AFTER_NOUN)):
            if toks[i].low in _CLAUSE_END or toks[i].low == ",":
                break
            if match_at(toks, i, lex.future_after):
                return "future"
    lo = hit.first
    while lo > 0 and hit.first - lo < lex.window and toks[lo - 1].low not in {".", ";", "!", "?"}:
        lo -= 1
    for i in range(hit.first - 1, lo - 1, -1):
        m = match_at(toks, i, lex.modality)
        if m and i + m[0] <= hit.first:
            return str(m[1])
    return "asserted"


def _after_prep(toks: list[Token], start: int, actors: list[ActorMatch], prep: Index, limit: int) -> ActorMatch | None:
    """The first actor right after a preposition of the index, searching toks[start:start+limit]."""
    for i in range(start, min(len(toks), start + limit)):
        m = match_at(toks, i, prep)
        if m:
            j = i + m[0]
            for a in actors:
                if j <= a.first <= j + 2:
                    return a
    return None


def _between(
    toks: list[Token], start: int, after: list[ActorMatch], between: Index
) -> tuple[ActorMatch, ActorMatch] | None:
    """The two sides of "antara X dan Y" right after a symmetric trigger."""
    for i in range(start, min(len(toks), start + 3)):
        m = match_at(toks, i, between)
        if m:
            sides = [a for a in after if a.first >= i + m[0] and a.first - (i + m[0]) <= 8]
            if len(sides) >= 2:
                return sides[0], sides[1]
    return None


def _lead_of(toks: list[Token], before: list[ActorMatch], joins: frozenset[str]) -> ActorMatch:
    """The last actor before a trigger, or the first of the actors it is coordinated with: "Amerika Serikat
    dan Inggris melancarkan serangan udara" is led by the first named (ACLED codes the lead state)."""
    k = len(before) - 1
    while k > 0 and before[k].first - before[k - 1].last == 1 and toks[before[k - 1].last].low in joins:
        k -= 1
    return before[k]


def _claims(toks: list[Token], i: int, first: int, claim: Index) -> bool:
    """True for a claim verb at i right before the act it claims: "TPNPB mengklaim telah menembak mati" makes
    TPNPB the shooter, where "kata polisi, KKB menembak" makes the police a source."""
    m = match_at(toks, i, claim)
    if not m:
        return False
    between = toks[i + m[0] : first]
    return len(between) <= _CLAIMED_GAP and all(t.is_word for t in between)


# At most this many words ("telah", "berhasil") between "mengklaim" and the act it claims.
_CLAIMED_GAP = 2


def _cited(toks: list[Token], a: ActorMatch, preps: Index) -> bool:
    """True for an actor named as a source: after "menurut", "dilansir" and before the comma that ends it."""
    for i in range(a.first - 1, max(-1, a.first - _SOURCE_REACH), -1):
        if toks[i].text == ",":
            return False
        if match_at(toks, i, preps):
            return True
    return False


# How far after "menurut" a source's name may start ("menurut Kepala Penerangan Satuan Tugas ...").
_SOURCE_REACH = 8


def _backer(toks: list[Token], a: ActorMatch, support: Index) -> bool:
    """True when a support cue stands in the few words before the actor ("dibantu jet tempur Turki")."""
    return any(match_at(toks, k, support) for k in range(max(0, a.first - _SUPPORT_WINDOW), a.first))


# How far after a passive verb an armed actor is its agent without "oleh".
_BARE_AGENT_REACH = 3
# How far before an actor a support cue makes it a backer.
_SUPPORT_WINDOW = 4


# How many tokens after a trigger a preposition may introduce its party: "oleh" for the agent of a passive or
# of a casualty's noun, of a noun ("serangan ... oleh"), "dengan" for the other side, a phrase such as "yang
# dilakukan oleh", and the patient's preposition.
_AGENT_PREP_REACH = 6
_NOUN_AGENT_PREP_REACH = 4
_COMITATIVE_REACH = 4
_AGENT_PHRASE_REACH = 20
_PATIENT_PREP_REACH = 10
# The first actor after the trigger is its object when it stands within this many tokens.
_NEXT_AFTER_REACH = 8
# A light passive verb ("melakukan", "mendapat") may open this many tokens before a noun trigger.
_LIGHT_VERB_BACK = 3


@dataclass(frozen=True)
class _Around:
    """A trigger's candidate parties: the actors before and after it within the speech around it."""

    toks: list[Token]
    hit: TriggerHit
    lex: RoleLexicon
    before: list[ActorMatch]
    after: list[ActorMatch]
    nearest_before: ActorMatch | None
    next_after: ActorMatch | None

    def after_prep(self, preps: Index, reach: int) -> ActorMatch | None:
        """The actor a preposition of preps introduces within reach tokens after the trigger."""
        return _after_prep(self.toks, self.hit.last, self.after, preps, reach)


def assign_roles(
    toks: list[Token], hit: TriggerHit, actors: list[ActorMatch], lex: RoleLexicon, starts: frozenset[int] = frozenset()
) -> tuple[ActorMatch | None, ActorMatch | None]:
    """(agent, target) of a trigger among the sentence's actors, by voice.

    An actor before a word of death or injury is its victim, not the agent of the noun trigger after it
    ("dua polisi tewas dalam serangan"); one named as a source ("menurut X,") is neither. starts: where
    the sentence's triggers begin; the subject of another trigger before a noun is not the noun's agent."""
    ar = _around(toks, hit, actors, lex)
    voice = hit.trigger.voice
    if _victims_first(ar):
        return _attacker_of_victims(ar), ar.nearest_before
    light = any(
        (m := match_at(toks, i, lex.light_passive)) and i + m[0] == hit.first
        for i in range(max(0, hit.first - _LIGHT_VERB_BACK), hit.first)
    )
    if voice == "passive" or (voice == "noun" and light):
        return _passive_agent(ar), ar.nearest_before
    if voice in ("intrans", "noun"):
        pair = _between(toks, hit.last, ar.after, lex.between)
        if pair is not None:
            return pair
    if voice == "intrans":
        return _intransitive_sides(ar)
    if voice == "noun":
        return _noun_sides(ar, starts)
    # active
    target = ar.next_after or ar.after_prep(lex.patient_preps, _PATIENT_PREP_REACH)
    return ar.nearest_before, target


def _around(toks: list[Token], hit: TriggerHit, actors: list[ActorMatch], lex: RoleLexicon) -> _Around:
    """The actors before and after a trigger, sources and backers left out."""
    actors = [a for a in actors if not _cited(toks, a, lex.source_preps)]
    # an attribution verb between an actor and the trigger makes the actor a source, not a party
    claimed = hit.trigger.voice != "noun"  # "mengklaim telah menembak": the claimant did it; "... serangan" reports
    said_before = max(
        (i for i in range(hit.first) if match_at(toks, i, lex.speech)
         and not (claimed and _claims(toks, i, hit.first, lex.claim_verbs))),
        default=-1,
    )
    said_after = min((i for i in range(hit.last, len(toks)) if match_at(toks, i, lex.speech)), default=len(toks))
    before = [a for a in actors if said_before < a.first and a.last <= hit.first]
    # "milisi yang dibantu jet tempur Turki merebut desa itu": the backer is not the agent
    principal = [a for a in before if not _backer(toks, a, lex.support)]
    before = principal or before
    after = [a for a in actors if hit.last <= a.first < said_after]
    nearest_before = _lead_of(toks, before, lex.coordinators) if before else None
    next_after = after[0] if after and after[0].first - hit.last <= _NEXT_AFTER_REACH else None
    return _Around(toks, hit, lex, before, after, nearest_before, next_after)


def _victims_first(ar: _Around) -> bool:
    """True when the actor before the trigger is its victim: "dua polisi tewas (dalam serangan)"."""
    voice, nb = ar.hit.trigger.voice, ar.nearest_before
    if nb is None:
        return False
    if voice == "noun":
        return any(match_at(ar.toks, i, ar.lex.harm) for i in range(nb.last, ar.hit.first))
    return voice == "intrans" and "casualty" in ar.hit.trigger.needs


def _attacker_of_victims(ar: _Around) -> ActorMatch | None:
    """The attacker of victims told first: right after the noun, after "oleh", or after "dengan"."""
    # "dua polisi tewas (dalam serangan)": the dead are the attacked side; the attacker is the name right
    # after the noun ("serangan KKB"), after "oleh", or after "dengan" ("bentrokan dengan Houthi")
    voice, after = ar.hit.trigger.voice, ar.after
    attacker = after[0] if voice == "noun" and after and after[0].first - ar.hit.last <= 1 else None
    attacker = attacker or ar.after_prep(ar.lex.agent_preps, _AGENT_PREP_REACH)
    if voice == "noun":
        attacker = attacker or ar.after_prep(ar.lex.comitative, _COMITATIVE_REACH)
    return attacker


def _passive_agent(ar: _Around) -> ActorMatch | None:
    """The agent of a passive trigger (or a noun after a light verb): after "oleh", else the actor right after."""
    voice, nxt, last = ar.hit.trigger.voice, ar.next_after, ar.hit.last
    agent = ar.after_prep(ar.lex.agent_preps, _AGENT_PREP_REACH)
    agent = agent or ar.after_prep(ar.lex.agent_phrases, _AGENT_PHRASE_REACH)
    if agent is None and voice == "noun" and nxt is not None and nxt.first - last <= 1:
        agent = nxt
    if agent is None and voice == "passive" and nxt is not None and nxt.armed \
            and nxt.first - last <= _BARE_AGENT_REACH:
        agent = nxt  # "dipukul polisi", "dilindas kendaraan taktis polisi": the agent needs no "oleh"
    return agent


def _intransitive_sides(ar: _Around) -> tuple[ActorMatch | None, ActorMatch | None]:
    """The two sides of an intransitive trigger ("bentrok"): before it, and after "dengan" or also before."""
    other = ar.after_prep(ar.lex.comitative, _COMITATIVE_REACH)
    if other is None and ar.nearest_before is not None and ar.before[-1] is not ar.nearest_before:
        other = ar.before[-1]  # "warga dan polisi bentrok": the two sides, both before the trigger
    return ar.nearest_before, other


def _noun_sides(ar: _Around, starts: frozenset[int]) -> tuple[ActorMatch | None, ActorMatch | None]:
    """Agent and target of a noun trigger ("serangan KKB terhadap pos TNI")."""
    lex, nxt, nb = ar.lex, ar.next_after, ar.nearest_before
    target = ar.after_prep(lex.patient_preps, _PATIENT_PREP_REACH)
    if nxt is not None and nxt.first - ar.hit.last <= 1 and nxt is not target:
        return nxt, target
    agent = ar.after_prep(lex.agent_preps, _NOUN_AGENT_PREP_REACH)
    agent = agent or ar.after_prep(lex.agent_phrases, _AGENT_PHRASE_REACH)
    if agent is None and nb is not None and any(nb.last <= i < ar.hit.first for i in starts):
        # "polisi menangkap dua pria terkait penusukan": the subject of another verb did not stab
        return None, target
    return agent or nb, target


def crowd_pronouns(toks: list[Token], actors: list[ActorMatch], before: list[ActorMatch], lex: RoleLexicon,
                   ) -> list[ActorMatch]:
    """The sentence's actors, plus "mereka" read as the last crowd of the sentences before when it has none,
    else as the first armed actor there ("Maute menyerang Marawi. Mereka menduduki rumah sakit")."""
    crowd = next((a for a in reversed(before) if a.kind in CROWD_KINDS), None)
    if crowd is None:
        # the subject of the sentence before: its first armed actor ("Pasukan rezim dan milisi pendukungnya")
        armed = [a for a in before if a.armed and a.kind != ActorKind.COUNTRY]
        crowd = next((a for a in armed if a.entry.name), armed[0] if armed else None)  # "kelompok bersenjata TPNPB"
        if crowd is None or any(a.armed and a.kind != ActorKind.COUNTRY for a in actors):
            return actors
    elif any(a.kind in CROWD_KINDS for a in actors):
        return actors
    taken = {i for a in actors for i in range(a.first, a.last)}
    extra = [
        ActorMatch(Span(t.start, t.end, t.text), crowd.entry, crowd.country, i, i + 1)
        for i, t in enumerate(toks) if t.low in lex.pronouns and i not in taken
    ]
    return sorted([*actors, *extra], key=lambda a: a.first) if extra else actors


def _opening(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A pattern matching one of words after an optional comma, at the position it is tried (None: no words)."""
    if not words:
        return None
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"\s*,?\s*(?:{alt})(?![\p{{L}}])", regex.IGNORECASE)
