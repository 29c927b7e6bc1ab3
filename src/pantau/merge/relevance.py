"""Which incidents count: a judgement per incident, with the whole article as context (CODING.md).

Most news is not about political violence, and its words turn up everywhere in it: an ammunition blast in a
drill, a robbery, a drug arrest, the Holocaust told in a feature, "demo" in a minister's advice. Filters on
one sentence cannot tell these apart, because the telling words stand elsewhere: the crime in the headline,
the year in the paragraph before, the drill in the clause after. So the judgement runs on assembled
incidents (all their mentions known) and reads the article around them.

Each step is one phenomenon of CODING.md's list, named, with its words in `lang/<lang>/relevance.yaml`:

- `future`: the incident is dated after the article's reference date: a plan, not a report;
- `history`: the incident states no date of its own while its sentences, or the whole article, speak only
  of years long past ("sekitar tahun 1939 hingga 1945"), or say "suatu ketika";
- `accident`: an explosion, a crowd's chaos or a death told with accident, disaster or drill words and no
  attacker;
- `ordinary crime`: violence against civilians and arrests told with crime words (theft, drugs, fraud) and no
  political or communal word in their sentences, the headline or the lead; violence by an unnamed attacker in
  an article with no political word at all (a lone gunman's grudge);
- `generic`: every mention is a bare noun ("demonstrasi", "kasus perkosaan", "pemberantasan aksi terorisme")
  and none is anchored by a time, a figure or a verb in its sentence: talk about a kind of incident.

Rejected: one more filter per sentence (the telling word is often in another sentence); a statistical
classifier (no Indonesian training data may come from the evaluation sets, and a rule table says why it
dropped an incident, which an analyst can check); dropping every incident of an article with crime words
(a riot after a theft, or a mob burning a thief, are events: crowd violence is exempt).
"""

from __future__ import annotations

from datetime import date

from pantau.analysis import YEARS, Analysis
from pantau.extract.actors import CROWD_KINDS, STATE_KINDS
from pantau.extract.events import Candidate
from pantau.extract.relevance import RelevanceLexicon
from pantau.extract.roles import Index, has_phrase
from pantau.merge.group import Group
from pantau.model import ActorKind, Event, EventType, Sentence, SubEventType
from pantau.text.tokens import Token, match_at

# An incident whose own sentences name only years this many years before the reference is history ...
HISTORY_YEARS = 2
# ... or only an earlier year that ended this many days before the reference (Config.max_age_days's default:
# an incident that old is background, CODING.md)
HISTORY_DAYS = 45
# ... and so is one with no date of its own in an article whose years (two or more) all lie this far back.
ARTICLE_HISTORY_YEARS = 10
# A date this many days after the publication date is still a report (a night that ran past midnight).
FUTURE_GRACE_DAYS = 1
# The headline and the lead: the sentences that say what an article is about.
LEAD_SENTENCES = 3
# Triggers this sure of violence are never an accident's words ("ledakan", "meledak", "tewas" are weaker).
ACCIDENT_MAX_WEIGHT = 0.7
# Event types that accidents and drills imitate.
_ACCIDENT_TYPES = frozenset(
    {EventType.EXPLOSIONS, EventType.RIOTS, EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.PROTESTS}
)
# Sub-event types that ordinary crime imitates.
_CRIME_SUBS = frozenset(
    {SubEventType.ATTACK, SubEventType.ABDUCTION, SubEventType.ARRESTS, SubEventType.SEXUAL_VIOLENCE}
)
# Armed non-state inter codes: rebels, political and identity militias.
_ARMED_NON_STATE = frozenset({2, 3, 4})


def judge(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> str | None:
    """Why the incident is not an event (a step's name), or None when it counts."""
    for name, step in _STEPS:
        if step(an, g, e, lex):
            return name
    return None


def _future(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """Dated after the reference date: announced, not reported ("demo 4 November" in a story of the 3rd)."""
    published = an.article.published
    if published is None or e.event_date is None:
        return False  # a crawl date, or a date read from the text (a retrospective's first date), is no sure "now"
    return (e.event_date - published).days > FUTURE_GRACE_DAYS


def _history(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """No date of its own, and told among years long past or "once upon a time"."""
    if any(_anniversary(c, lex) for c in g.members):
        return True  # "21 Tahun Invasi Irak": a date of today is the anniversary's, not the incident's
    if g.date_strength == 2:
        return False
    if any(has_phrase(c.facts.tokens, lex.long_ago) for c in g.members):
        return True
    if an.reference is None:
        return False
    own = [int(y) for c in g.members for y in YEARS.findall(_sentence_text(an, c.facts.sentence))]
    if own:
        # "pada awal 2016" in a story of July 2017: the year ended long before the story, and the incident with it
        end_of_year = date(max(own), 12, 31)
        return max(own) <= an.reference.year - HISTORY_YEARS or (
            max(own) < an.reference.year and (an.reference - end_of_year).days > HISTORY_DAYS
        )
    years = an.years
    return len(years) >= 2 and max(years) <= an.reference.year - ARTICLE_HISTORY_YEARS


def _anniversary(c: Candidate, lex: RelevanceLexicon) -> bool:
    """True for a noun trigger right after a count of years ("21 tahun invasi", "setahun serangan")."""
    toks, i = c.facts.tokens, c.hit.first
    if c.hit.trigger.voice != "noun" or i == 0 or not match_at(toks, i - 1, lex.anniversary):
        return False
    return toks[i - 1].low == "setahun" or (i > 1 and toks[i - 2].text.isdigit())


def _tally(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """A count over a period with no date of its own ("dalam dua tahun terakhir, Densus menangkap puluhan")."""
    if g.date_strength == 2 and not _tally_dated(g, lex):
        return False
    return any(has_phrase(c.facts.tokens, lex.tally) for c in g.members)


def _tally_dated(g: Group, lex: RelevanceLexicon) -> bool:
    """True when the incident's date is itself a period ("dalam dua tahun terakhir")."""
    span = g.date_span
    if span is None:
        return False
    for c in g.members:
        toks = c.facts.tokens
        inside = [i for i, t in enumerate(toks) if span.start <= t.start < span.end]
        if inside and has_phrase(toks, lex.tally, inside[0], inside[-1] + 1):
            return True
    return False


def _accident(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """An explosion, chaos or death among accident or drill words, with nobody armed to have done it."""
    if e.event_type not in _ACCIDENT_TYPES and e.sub_event_type != SubEventType.DISRUPTED_WEAPONS_USE:
        return False
    if any(a is not None and a.armed and a.kind not in STATE_KINDS for c in g.members for a in (c.agent,)):
        return False  # "KKB menembak ... saat latihan": an attacker is named
    if any(c.hit.trigger.weight >= ACCIDENT_MAX_WEIGHT for c in g.members):
        return False  # "menembak mati", "bom bunuh diri": no accident says that
    # "kepanikan" is often in the lead only
    return any(has_phrase(t, lex.accident) for t in _told(an, g))


def _suicide(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """A death with no attacker named, in an article that tells of a suicide (not a suicide attack)."""
    if e.event_type not in (EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.BATTLES) or g.agent is not None:
        return False
    if any(c.hit.trigger.weight >= ACCIDENT_MAX_WEIGHT for c in g.members):
        return False
    return any(_self_harm_at(t, lex) for t in _told(an, g))


def _self_harm_at(toks: list[Token], lex: RelevanceLexicon) -> bool:
    """True when the tokens tell of taking one's own life, not of a suicide attack ("bom bunuh diri")."""
    return _phrase_not_after(toks, lex.self_harm, lex.suicide_attack)


def _phrase_not_after(toks: list[Token], index: Index, not_after: Index) -> bool:
    """True when a phrase of index stands in the tokens, not right after a word of not_after."""
    for i in range(len(toks)):
        m = match_at(toks, i, index)
        if m and m[1] and not (i > 0 and match_at(toks, i - 1, not_after)):
            return True
    return False


def _announced(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """A protest told only with nouns, one of them in a sentence of plans: announced, not yet held."""
    if e.event_type != EventType.PROTESTS or any(c.hit.trigger.voice != "noun" for c in g.members):
        return False
    if any(has_phrase(c.facts.tokens, lex.announced) for c in g.members):
        return True
    # the plan is often in the headline only ("Petani akan demo ke Jakarta"), unless the body tells it held
    # ("diwarnai demonstrasi di depan Gedung DPR")
    return any(has_phrase(t, lex.announced) for t in _lead_tokens(an)) and not any(
        _eventive_near(c, lex) for c in g.members
    )


def _state_destroys(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """The state blowing up what it seized ("pemerintah meledakkan kapal pencuri ikan")."""
    return (
        (e.event_type == EventType.EXPLOSIONS or e.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE)
        and g.agent is not None and g.agent.kind in STATE_KINDS
        and any(has_phrase(c.facts.tokens, lex.seized) for c in g.members)
        and any(has_phrase(c.facts.tokens, lex.destroying) for c in g.members)
    )


def _drill(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """An exercise, a rehearsal or a weapons test, however violent its words ("simulasi penanganan bom bunuh
    diri", "uji tembak rudal"); a training camp ("kamp latihan") is a place, not a drill."""
    return any(_drill_at(c.facts.tokens, lex) for c in g.members)


def _drill_at(toks: list[Token], lex: RelevanceLexicon) -> bool:
    """True when the tokens name a drill, not a training place."""
    return _phrase_not_after(toks, lex.drill, lex.drill_place)


def _ordinary_crime(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """Crime with no political or communal side, and the arrests of its suspects."""
    if _armed_group(g, e) or _unknown_attacker(g, lex) or _group_told(an, g):
        return False  # an armed group's crime is conflict; so is a shooting by "orang tak dikenal" (CODING.md)
    # a suspect fighting the police who come for him is no riot ("disergap polisi ... melakukan perlawanan")
    resisting = (
        e.event_type == EventType.RIOTS and any(a is not None and a.inter == 1 for a in (e.actor1, e.actor2))
        # a riot told as one ("dilempari batu")
        and not any(c.hit.trigger.event_type == EventType.RIOTS for c in g.members)
    )
    if e.sub_event_type not in _CRIME_SUBS and not resisting:
        return False
    # an arrest takes its side from the lead too (protesters detained, told above); a crime in a story about
    # protests is still a crime ("geng kriminal menyandera orang" in a report on demonstrations)
    if political(an, g, lex, lead=e.sub_event_type == SubEventType.ARRESTS):
        return False
    return any(has_phrase(t, lex.crime) for t in _told(an, g))


def political(an: Analysis, g: Group, lex: RelevanceLexicon, lead: bool = True) -> bool:
    """True when the incident's sentences (and with lead, the headline and the lead) speak of terrorism,
    armed groups, demonstrations, hate speech or another political or communal matter (CODING.md)."""
    told = _told(an, g) if lead else [c.facts.tokens for c in g.members]
    return any(has_phrase(t, lex.political) for t in told)


def _told(an: Analysis, g: Group) -> list[list[Token]]:
    """The tokens of the incident's sentences, then of the headline and lead."""
    return [c.facts.tokens for c in g.members] + _lead_tokens(an)


def _generic(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """Only bare nouns, none anchored in its sentence: talk of a kind of incident, not of one."""
    return all(c.hit.trigger.voice == "noun" and not _anchored(c, lex) for c in g.members)


def _anchored(c: Candidate, lex: RelevanceLexicon) -> bool:
    """A noun mention tied to one incident: a time, a toll or a death in its sentence, both sides named, a
    place or a number right after it, or a verb of happening or doing beside it ("serangan udara telah
    menghantam", "melancarkan serangan")."""
    f = c.facts
    if f.times or f.claims or f.has_casualty_word or (c.agent is not None and c.target is not None):
        return True
    if _eventive_near(c, lex):
        return True
    toks = f.tokens
    if any(t.text[:1].isdigit() for t in toks[c.hit.last : c.hit.last + _COUNT_REACH]):
        return True  # "penangkapan 11 warga"
    far = min(len(toks), c.hit.last + _PLACE_REACH)
    reach = toks[far - 1].end if far > c.hit.last else c.hit.span.end
    return any(c.hit.span.end <= p.span.start <= reach for p in f.places)


def _eventive_near(c: Candidate, lex: RelevanceLexicon) -> bool:
    """True when a verb of happening or doing stands within a few words of the trigger."""
    toks = c.facts.tokens
    lo, hi = max(0, c.hit.first - _NEAR), min(len(toks), c.hit.last + _NEAR)
    return has_phrase(toks, lex.eventive, lo, c.hit.first) or has_phrase(toks, lex.eventive, c.hit.last, hi)


# How many words around a noun trigger its verb may stand, after it its place, and its count.
_NEAR = 5
_PLACE_REACH = 8
_COUNT_REACH = 3


def _mob_without_crowd(an: Analysis, g: Group, e: Event, lex: RelevanceLexicon) -> bool:
    """A riot in which no mention names a crowd, a group or a victim: chaos, not a crowd's violence."""
    if e.event_type != EventType.RIOTS:
        return False
    if any(t.low.startswith("antar") for c in g.members for t in c.facts.tokens):
        return False  # "bentrokan antarpemuda", "tawuran antarwarga": two crowds, named by the prefix
    return not any(a.kind in CROWD_KINDS or a.kind in (ActorKind.CIVILIANS, ActorKind.PEOPLE)
                   for c in g.members for a in c.facts.actors)


def _unknown_attacker(g: Group, lex: RelevanceLexicon) -> bool:
    """True when the incident's agent is an unknown armed attacker ("OTK", "orang bersenjata"), not a thief
    or a gang named as such ("kawanan perampok", "geng kriminal")."""
    a = g.agent
    if a is None or a.kind != ActorKind.UNIDENTIFIED:
        return False
    toks = next(c.facts.tokens for c in g.members if c.agent is a)
    return has_phrase(toks, lex.unknown_attackers, a.first, a.first + 1)


def _group_told(an: Analysis, g: Group) -> bool:
    """True when the incident's sentences or the lead name an armed non-state group ("KKB kembali berulah"):
    its "kelompok kriminal bersenjata" is a rebel group, not a gang."""
    facts = [c.facts for c in g.members] + list(an.facts[:LEAD_SENTENCES])
    return any(a.entry.name and a.entry.inter in _ARMED_NON_STATE for f in facts for a in f.actors)


def _armed_group(g: Group, e: Event) -> bool:
    """True when a named armed non-state group takes part: crime by or against it is conflict."""
    return any(a is not None and a.inter in _ARMED_NON_STATE and "Unidentified" not in a.name
               for a in (e.actor1, e.actor2))


def _lead_tokens(an: Analysis) -> list[list[Token]]:
    """The tokens of the headline and lead sentences."""
    return [f.tokens for f in an.facts[:LEAD_SENTENCES]]


def _sentence_text(an: Analysis, s: Sentence) -> str:
    """The text of a sentence."""
    return an.article.text[s.start : s.end]


_STEPS = (
    ("future", _future),
    ("history", _history),
    ("tally", _tally),
    ("drill", _drill),
    ("accident", _accident),
    ("suicide", _suicide),
    ("announced", _announced),
    ("state destroys seized goods", _state_destroys),
    ("ordinary crime", _ordinary_crime),
    ("generic", _generic),
    ("riot without a crowd", _mob_without_crowd),
)
