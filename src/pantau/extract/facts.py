"""The sentence loop: what each sentence of an article holds (times, figures and casualty claims, actors,
places, triggers), read in order because a sentence reads the one before it ("mereka", a quote's "kemarin").

Decisions: the loop is extract's, called once by pipeline.analyse. It takes the lexicons it reads as
`SentenceResources`, which pantau.analysis.Resources extends, because extract sits below the module that
defines Resources (rejected: a Protocol, which a frozen dataclass's read-only fields cannot satisfy for
mypy). The place rules it applies per sentence (a place is no actor, a home is no place) are geo's
(`geo.mentions`). Rejected: the loop in pipeline.py, where it sat beside the place rules and made the
pipeline a module of rules rather than the sequence of its stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import regex

from pantau.extract.actors import ActorLexicon, ActorMatch, find_actors
from pantau.extract.claims import CasualtyLexicon, find_claims, find_kinds
from pantau.extract.events import SentenceFacts
from pantau.extract.roles import RoleLexicon, crowd_pronouns, has_phrase
from pantau.extract.triggers import TriggerHit
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.mentions import places_apart_from_actors
from pantau.geo.places import PlaceMention
from pantau.model import ActorKind, Sentence, Span, TimeMention
from pantau.text.eras import OfficeLexicon, anchored_year, office_years
from pantau.text.numbers import NumberLexicon, find_quantities
from pantau.text.timex import TimeLexicon, find_times, weekday_pairs
from pantau.text.tokens import Token


@dataclass(frozen=True)
class SentenceResources:
    """The lexicons the sentence loop reads; pantau.analysis.Resources, which the pipeline passes, extends it."""

    time: TimeLexicon
    numbers: NumberLexicon
    casualties: CasualtyLexicon
    actors: ActorLexicon
    roles: RoleLexicon
    places: PlaceLexicon
    offices: OfficeLexicon


def sentence_facts(
    text: str, sentences: Sequence[Sentence], tokens: Sequence[list[Token]], triggers: Sequence[list[TriggerHit]],
    places: Sequence[PlaceMention], ref: date | None, dateline: Span | None, res: SentenceResources,
) -> list[SentenceFacts]:
    """The facts of each sentence, in order; places are the article's place mentions, in text order."""
    year_hint = None if ref else _year_hint(text, res)
    facts: list[SentenceFacts] = []
    pi = 0
    for s, toks, hits in zip(sentences, tokens, triggers, strict=True):
        times = find_times(text, res.time, ref, s.start, s.end, units=res.numbers.units, year_hint=year_hint)
        said_on = _statement_date(text, s, facts[-1] if facts else None, times, res.roles)
        if said_on is not None:
            # '"Baru kemarin, ..."' after "dalam pernyataan pada Selasa (12/9), X mengatakan": the quote's
            # "kemarin" is the day before the statement, not before the article
            times = find_times(text, res.time, said_on, s.start, s.end, units=res.numbers.units, year_hint=year_hint)
        quantities = find_quantities(toks, res.numbers, text)
        claims = find_claims(toks, quantities, res.casualties, text, [t.span for t in times])
        previous = facts[-1] if facts and facts[-1].sentence.paragraph == s.paragraph else None
        actors = _sentence_actors(s, toks, text, res, dateline, previous)
        while pi < len(places) and places[pi].span.start < s.start:
            pi += 1
        here = []
        pj = pi
        while pj < len(places) and places[pj].span.start < s.end:
            here.append(places[pj])
            pj += 1
        actors, here = places_apart_from_actors(
            text, actors, here, res.roles.locative, res.roles.residence, res.roles.titles
        )
        has_cas = bool(find_kinds(toks, res.casualties)) if hits else False
        facts.append(SentenceFacts(s, toks, times, claims, actors, here, hits, has_cas))
    return facts


def where_told(facts: Sequence[SentenceFacts]) -> list[PlaceMention]:
    """The place mentions that tell where things are, for the article's focus: not a country that speaks
    ("Rusia mengatakan"), which is an actor at a place mention's start with no cue word."""
    out: list[PlaceMention] = []
    for f in facts:
        actor_starts = {a.span.start for a in f.actors if a.kind == ActorKind.COUNTRY}
        out.extend(p for p in f.places if p.cue is not None or p.span.start not in actor_starts)
    return out


def armed_countries(facts: Sequence[SentenceFacts]) -> list[str]:
    """The countries of the armed actors of an article (a bare country name is none), one per mention."""
    return [
        iso for f in facts for a in f.actors
        if a.armed and a.kind != ActorKind.COUNTRY and (iso := a.country or a.entry.country)
    ]


_OPENING_QUOTES = frozenset('"“\'‘«')


def _statement_date(text: str, s: Sentence, before: SentenceFacts | None, times: list[TimeMention],
                    roles: RoleLexicon) -> date | None:
    """The day of the statement a quoted sentence continues: a day-precise date, not a relative one, in the
    sentence before it in its paragraph that has a verb of saying; None when the sentence is no quote or holds
    no relative date."""
    if before is None or before.sentence.paragraph != s.paragraph or not any(t.kind == "relative" for t in times):
        return None
    if text[s.start : s.start + 1] not in _OPENING_QUOTES:
        return None
    if not has_phrase(before.tokens, roles.speech):
        return None
    dates = [t.date for t in before.times if t.kind != "relative" and t.precision == 1 and t.date is not None]
    return dates[-1] if len(set(dates)) == 1 else None


def _sentence_actors(
    s: Sentence, toks: list[Token], text: str, res: SentenceResources, dateline: Span | None,
    previous: SentenceFacts | None,
) -> list[ActorMatch]:
    """The actors of a sentence: none in the dateline, ranks before initials read as persons, "mereka" resolved."""
    actors = find_actors(toks, res.actors, text)
    if dateline is not None and s.start < dateline.end:
        # "Jakarta, CNN Indonesia --": the outlet's name in the dateline acts in nothing
        actors = [a for a in actors if not dateline.start <= a.span.start < dateline.end]
    # "Pratu AS", "Bripda AA": initials after a rank are a person, not a country or a group; the rank
    # itself says the person's force, of no country the initials spell
    actors = [
        _rank_alone(a, toks, text) if toks[a.first].low in res.places.ranks else a
        for a in actors if not (a.first > 0 and toks[a.first - 1].low in res.places.ranks)
    ]
    if previous is not None:
        actors = crowd_pronouns(toks, actors, previous.actors, res.roles)
    return actors


def _rank_alone(a: ActorMatch, toks: list[Token], text: str) -> ActorMatch:
    """A rank's actor match cut to the rank word, with no country taken from the initials after it."""
    t = toks[a.first]
    return replace(a, span=Span(t.start, t.end, text[t.start : t.end]), country=None, last=a.first + 1)


def _year_hint(text: str, res: SentenceResources) -> int | None:
    """The year that completes day/month dates when no reference date is known: the latest year the text
    mentions, else the one its weekdays fit within the terms of the office holders it names (text.eras)."""
    years = [int(y) for y in _YEAR.findall(text)]
    if years:
        return max(years)
    bound = office_years(text, res.offices)
    return anchored_year(weekday_pairs(text, res.time), bound) if bound else None


_YEAR = regex.compile(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?!\d)")
