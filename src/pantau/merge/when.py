"""When an incident happened: a stated date, the paragraph's or the lead's, else the publication date."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import islice
from typing import TYPE_CHECKING

from pantau.extract.claims import points_at_incident
from pantau.extract.events import Candidate, SentenceFacts
from pantau.model import DEMONSTRATIONS, Span, TimeMention
from pantau.text.timex import elapsed_days
from pantau.text.tokens import Token, match_at

if TYPE_CHECKING:
    from pantau.analysis import Analysis, Resources


def choose_date(
    c: Candidate, an: Analysis, res: Resources, oldest: date | None = None
) -> tuple[date | None, int, Span | None, int]:
    """The candidate's date: its sentence's time expression, its paragraph's, else the publication date.

    A date that only says when somebody spoke ("kata X, Selasa (5/3)") is the report's date: it is used
    like a publication date, so that it neither splits an incident nor beats a stated event date. oldest:
    the day before which an incident is background; a sentence about another incident that long ago does
    not date this one."""
    f = c.facts
    times = [t for t in f.times if t.date is not None]
    stated = [t for t in times if not _speech_time(f, t, res) and not _cause_date(c, t, res)]
    if stated:
        best = min(stated, key=lambda t: _gap(t.span, c.hit.span))
        return best.date, best.precision, best.span, 2
    told = _told_before(c, an, res)
    if told is None:
        told = _incident_before(c, an, res)
    if told is not None:
        return told
    for g in _earlier_dated(an, f.sentence.index):
        if g.sentence.paragraph != f.sentence.paragraph and g.sentence.index < f.sentence.index - 3:
            break
        ts = [t for t in g.times if t.date is not None and t.precision == 1 and not _speech_time(g, t, res)]
        if ts:
            # the date of that sentence's own incident of this type ("Jumat (8/3)" of the riot, not the
            # "Rabu (6/3)" of the bombing it protests), else its first date
            same = [h.span for h in g.triggers if _kin(h.trigger.event_type, c.hit.trigger.event_type)]
            t = min(ts, key=lambda t: min(_gap(t.span, s) for s in same)) if same else ts[0]
            if g.triggers and not same and oldest is not None and t.date is not None and t.date < oldest:
                continue  # another incident's, long ago: "sejak tentara menyerbu kota pada 17 Oktober tahun lalu"
            later = _later(c, t, an, res)
            return later if later is not None else (t.date, t.precision, t.span, 1)
    if times:
        return times[0].date, times[0].precision, times[0].span, 0
    # the lead's date is the main incident's: "Tentara merebut kembali desa itu pada Senin (4/3)." dates what follows
    # ("Sebelumnya, ... pada Sabtu (3/2)" tells an earlier incident: its date is not the lead's)
    body = [g for g in islice((g for g in an.facts if an.dateline is None or g.sentence.start >= an.dateline.start),
                              _LEAD_SENTENCES) if not _tells_earlier(an, g, res)]
    for g in body:  # below the dateline: the caption above it dates the photo
        ts = [t for t in g.times if t.date is not None and t.precision == 1 and not _speech_time(g, t, res)]
        if ts:
            return ts[0].date, ts[0].precision, ts[0].span, 0
    # else the day the lead's source spoke ("seperti dikutip AFP, Rabu (6/3)"): the incident is no later
    for g in body:
        said = [t.date for t in g.times if t.date is not None and t.precision == 1]
        if said and (an.reference is None or said[0] <= an.reference):
            return said[0], 2, next(t.span for t in g.times if t.date == said[0]), 0
    if an.reference is None:
        # no publication date to fall back on: a later sentence that names the incident's place with a day
        # ("keberhasilan di desa itu pada Kamis (8/2)") dates it
        return _place_dated_later(c, an, res) or (None, 3, None, 0)
    if an.reference is not None:
        return an.reference, 2, an.meta.published_span, 0
    return None, 3, None, 0


def _tells_earlier(an: Analysis, g: SentenceFacts, res: Resources) -> bool:
    """True for a sentence opening with a word that puts it before the lead ("Sebelumnya, ...")."""
    lex = res.time.earlier
    return lex is not None and lex.match(an.article.text, g.sentence.start) is not None


def _place_dated_later(
    c: Candidate, an: Analysis, res: Resources
) -> tuple[date | None, int, Span | None, int] | None:
    """The day-precise date of the first later sentence that names one of the candidate's places, nearest that
    name, unless it tells an earlier incident; None when there is none."""
    keys = {q.key for p in c.facts.places for q in p.candidates}
    if not keys:
        return None
    k = bisect_left(an.facts, c.facts.sentence.index + 1, key=lambda g: g.sentence.index)
    for g in an.facts[k:]:
        if _tells_earlier(an, g, res):
            continue
        at = [p.span for p in g.places if any(q.key in keys for q in p.candidates)]
        ts = [t for t in g.times if t.date is not None and t.precision == 1 and not _speech_time(g, t, res)]
        if at and ts:
            t = min(ts, key=lambda t: min(abs(t.span.start - s.start) for s in at))
            return t.date, t.precision, t.span, 2  # stated beside the place: as sure as a date of its own
    return None


def _earlier(facts: tuple[SentenceFacts, ...], index: int) -> Iterator[SentenceFacts]:
    """The facts of the sentences before sentence index, nearest first, without scanning them all (facts are in
    sentence order; a scan per candidate made dating quadratic in the length of the text)."""
    k = bisect_left(facts, index, key=lambda g: g.sentence.index)
    return (facts[j] for j in range(k - 1, -1, -1))


def _earlier_dated(an: Analysis, index: int) -> Iterator[SentenceFacts]:
    """The facts of the sentences before sentence index with a day-precise date, nearest first; when a dated
    sentence stops the paragraph's look-back, so would every sentence between it and index."""
    if an.dated is None:
        return _earlier(an.facts, index)
    k = bisect_left(an.dated, index)
    return (an.facts[an.dated[j]] for j in range(k - 1, -1, -1))


def _later(
    c: Candidate, t: TimeMention, an: Analysis, res: Resources
) -> tuple[date | None, int, Span | None, int] | None:
    """The borrowed date moved on by the time the sentence says has passed ("setelah lima bulan, kota itu
    bebas"): a stated date of its own, as precise as that span allows."""
    f = c.facts
    days = elapsed_days(an.article.text, f.sentence.start, f.sentence.end, res.time, res.numbers.units)
    if days is None or t.date is None:
        return None
    prec = 1 if days <= 3 else 2 if days <= 14 else 3
    return t.date + timedelta(days=days), prec, t.span, 2


def _cause_date(c: Candidate, t: TimeMention, res: Resources) -> bool:
    """True when the date belongs to the incident that caused the trigger's: in "massa mengamuk setelah
    ledakan bom di pasar pada Senin (4/3)" Monday is the blast's day, not the crowd's."""
    if t.span.start < c.hit.span.end:
        return False  # "Pekan lalu, pasukan yang didukung serangan udara merebut ...": a date ahead scopes all
    toks = c.facts.tokens
    return any(
        c.hit.span.end <= h.span.start and h.span.end <= t.span.start
        and not _kin(h.trigger.event_type, c.hit.trigger.event_type)
        and any(match_at(toks, k, res.roles.cause_links) for k in range(c.hit.last, h.first))
        for h in c.facts.triggers
    )


def _kin(a: str, b: str) -> bool:
    """True for one event type, or a protest and a riot (one crowd, told either way)."""
    return a == b or (a in DEMONSTRATIONS and b in DEMONSTRATIONS)


def _told_before(c: Candidate, an: Analysis, res: Resources) -> tuple[date | None, int, Span | None, int] | None:
    """The date of the incident an anaphoric mention points back to ("ISIS mengklaim bom bunuh diri
    tersebut"): the nearest dated sentence before it with a trigger of the same type, however vague."""
    toks = c.facts.tokens
    if c.hit.last >= len(toks) or toks[c.hit.last].low not in res.roles.anaphors:
        return None
    for g in _looking_back(c, an, same_paragraph=False):
        if any(h.trigger.event_type == c.hit.trigger.event_type for h in g.triggers):
            return _first_stated(g, res)  # None when undated: the usual rules date it
    return None


def _incident_before(
    c: Candidate, an: Analysis, res: Resources
) -> tuple[date | None, int, Span | None, int] | None:
    """The date a sentence points back to, by a noun ("Satu tersangka ditahan dalam insiden tersebut") or by
    a time ("Saat itu, pesawat membom pasar"): the nearest dated sentence before it in its paragraph, however
    vague its date ("Juli tahun lalu")."""
    if not _points_back(c.facts.tokens, res):
        return None
    for g in _looking_back(c, an, same_paragraph=True):
        found = _first_stated(g, res)
        if found is not None:
            return found
    return None


def _looking_back(c: Candidate, an: Analysis, same_paragraph: bool) -> Iterator[SentenceFacts]:
    """The facts of the sentences an anaphoric mention may point back to, nearest first."""
    f = c.facts
    lo = f.sentence.index - _ANAPHOR_REACH
    for g in _earlier(an.facts, f.sentence.index):
        if g.sentence.index < lo or (same_paragraph and g.sentence.paragraph != f.sentence.paragraph):
            return
        yield g


def _first_stated(g: SentenceFacts, res: Resources) -> tuple[date | None, int, Span | None, int] | None:
    """A sentence's first date that is not when somebody spoke, as a stated date of the incident it tells."""
    ts = [t for t in g.times if t.date is not None and not _speech_time(g, t, res)]
    return (ts[0].date, ts[0].precision, ts[0].span, 2) if ts else None


def _points_back(toks: list[Token], res: Resources) -> bool:
    """True for a sentence with "insiden itu" (an incident noun and a pointer) or "saat itu" in it."""
    if points_at_incident(toks, res.casualties.incident_nouns, res.roles.anaphors):
        return True
    lows = [t.low for t in toks]
    return any(lows[k:k + len(p)] == list(p) for p in res.time.then for k in range(len(lows) - len(p) + 1))


# How many sentences back an anaphoric mention looks for its incident.
_ANAPHOR_REACH = 2


def _gap(t: Span, hit: Span) -> float:
    """How far a date stands from a trigger; a date after it ("serangan ... pada Rabu") is nearer."""
    if t.start >= hit.end:
        return t.start - hit.end
    return (hit.start - t.end) * _BEFORE_PENALTY


# A date before the trigger counts this much further: Indonesian puts the date after the event phrase.
_BEFORE_PENALTY = 1.5
# The lead: the first sentences, whose date is the main incident's.
_LEAD_SENTENCES = 3
# How far before a date an attribution verb makes it the date somebody spoke: after a comma ("kata X,
# Jumat"), or right before it ("mengatakan pada Kamis").
_SPEECH_WINDOW = 8
_VERB_BEFORE = 2


def _speech_time(f: SentenceFacts, t: TimeMention, res: Resources) -> bool:
    """True for "..., kata X, Selasa (5/3)", "dikutip AFP, Selasa (5/3)" and "menyatakan pada Rabu (6/3)
    bahwa": the date of a statement."""
    toks = f.tokens
    cues = res.casualties.attribution_after
    i = next((k for k, tok in enumerate(toks) if tok.start >= t.span.start), len(toks))
    if any(match_at(toks, k, cues) for k in range(max(0, i - _VERB_BEFORE), i)):
        return True  # the verb right before the date
    if i == 0 or toks[i - 1].text != ",":
        return False
    for k in range(max(0, i - 1 - _SPEECH_WINDOW), i - 1):
        if match_at(toks, k, cues) or _glued_cue(toks[k].text, cues):
            return True
    return False


def _glued_cue(word: str, cues: dict[str, list[tuple[tuple[str, ...], object]]]) -> bool:
    """True for a cue glued to the source by a missing space ("dikutipReuters")."""
    for n in range(3, len(word) - 1):
        if word[n].isupper() and word[:n].islower():
            head = word[:n]
            return any(len(words) == 1 for words, _ in cues.get(head, ()))
    return False


def same_time(a: date, prec_a: int, b: date, prec_b: int) -> bool:
    """Two stated dates that can be one day: a day and the next, a day in a stated week or month."""
    prec = max(prec_a, prec_b)
    if prec >= 3:
        return (a.year, a.month) == (b.year, b.month)
    return abs((a - b).days) <= (3 if prec == 2 else 1)
