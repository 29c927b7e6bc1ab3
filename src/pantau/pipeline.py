"""The pipeline of SPEC.md for one article: clean, metadata, sentences, mentions, events, merge, geocode."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import regex

from pantau.analysis import Analysis, Config, Resources, TriggerScreen, lexicon_version
from pantau.extract.actors import ActorMatch, find_actors
from pantau.extract.claims import find_claims, find_kinds
from pantau.extract.domain import article_topic
from pantau.extract.events import Candidate, SentenceFacts, candidates, may_yield
from pantau.extract.roles import crowd_pronouns, has_phrase
from pantau.extract.tokens import Token, tokenize
from pantau.extract.triggers import TriggerHit, find_triggers
from pantau.geo.places import PlaceMention, dateline_span, find_places
from pantau.geo.resolve import focus_countries, resolve
from pantau.merge import assemble
from pantau.model import Article, ArticleMeta, Block, Event, Sentence, Span, TimeMention
from pantau.text.clean import mark_boilerplate
from pantau.text.metadata import article_meta
from pantau.text.numbers import find_quantities
from pantau.text.sentences import split_sentences
from pantau.text.timex import find_times, infer_year

# The shared types live in pantau.analysis; they are re-exported here, the pipeline's public face.
__all__ = ["Analysis", "Config", "Resources", "TriggerScreen", "analyse", "events_of", "extract_events",
           "lexicon_version", "triage"]

# In an off-topic article (extract.domain) a trigger must be this strong, and its sentence this rich.
OFF_TOPIC_WEIGHT = 0.8
OFF_TOPIC_CONFIDENCE = 0.95


# Features too broad to tell which namesake an article means (a province does: "Kabupaten Bogor" of West Java).
_UNTELLING = frozenset({"country", "region", "water", "desert"})


def reference_date(article: Article, meta: ArticleMeta, res: Resources, cfg: Config) -> tuple[date | None, bool]:
    """The date relative expressions resolve against, and whether it is the publication date."""
    if meta.published:
        return meta.published, True
    fallback = cfg.reference_date or article.crawled
    if fallback is None:
        return None, False
    year = infer_year(article.text, res.time, fallback.year)
    if year is not None and year != fallback.year:
        # "Kamis (29/9)": the weekday fixes the year; resolve from the end of that year.
        return min(date(year, 12, 31), fallback), False
    return fallback, False


@dataclass(frozen=True)
class Triage:
    """The first stages, which say whether an article can hold an event at all: its blocks, its sentences, and
    each sentence's tokens and triggers."""

    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    tokens: list[list[Token]]
    triggers: list[list[TriggerHit]]

    @property
    def has_triggers(self) -> bool:
        """True when a sentence has a trigger; without one there is no candidate, hence no event."""
        return any(self.triggers)


def triage(text: str, res: Resources) -> Triage:
    """Blocks, sentences, tokens and triggers of a text, as analyse() computes them."""
    blocks = mark_boilerplate(text, res.clean)
    sentences = split_sentences(text, blocks, res.sentences)
    tokens = [tokenize(text, s.start, s.end) for s in sentences]
    return Triage(blocks, sentences, tokens, [find_triggers(toks, res.triggers, text) for toks in tokens])


def analyse(article: Article, res: Resources, cfg: Config, pre: Triage | None = None) -> Analysis:
    """Run the mention stages over an article (pre: its triage, when already made)."""
    text = article.text
    pre = pre or triage(text, res)
    blocks = pre.blocks
    meta = article_meta(article, res.time, res.meta)
    ref, is_pub = reference_date(article, meta, res, cfg)
    sentences = pre.sentences
    # one dateline for the whole pipeline: the metadata's, else the one geo's lexicon knows
    dateline = meta.dateline or dateline_span(text, res.places)
    all_places = [
        p for p in find_places(text, res.gazetteer, res.places, skip_dateline=False)
        if not (dateline and dateline.start <= p.span.start < dateline.end)
    ]
    year_hint = None if ref else _year_hint(text)
    facts: list[SentenceFacts] = []
    focus_places: list[PlaceMention] = []
    pi = 0
    for s, toks, triggers in zip(sentences, pre.tokens, pre.triggers, strict=True):
        times = find_times(text, res.time, ref, s.start, s.end, units=res.numbers.units, year_hint=year_hint)
        said_on = _statement_date(text, s, facts[-1] if facts else None, times, res)
        if said_on is not None:
            # '"Baru kemarin, ..."' after "dalam pernyataan pada Selasa (12/9), X mengatakan": the quote's
            # "kemarin" is the day before the statement, not before the article
            times = find_times(text, res.time, said_on, s.start, s.end, units=res.numbers.units, year_hint=year_hint)
        quantities = find_quantities(toks, res.numbers, text)
        claims = find_claims(toks, quantities, res.casualties, text, [t.span for t in times])
        previous = facts[-1] if facts and facts[-1].sentence.paragraph == s.paragraph else None
        actors = _sentence_actors(s, toks, text, res, dateline, previous)
        while pi < len(all_places) and all_places[pi].span.start < s.start:
            pi += 1
        places = []
        pj = pi
        while pj < len(all_places) and all_places[pj].span.start < s.end:
            places.append(all_places[pj])
            pj += 1
        actors, places = _places_apart_from_actors(text, actors, places, res)
        actor_starts = {a.span.start for a in actors if a.kind == "country"}
        # the article's focus comes from where things are, not from who speaks ("Rusia mengatakan")
        focus_places.extend(p for p in places if p.cue is not None or p.span.start not in actor_starts)
        has_cas = bool(find_kinds(toks, res.casualties)) if triggers else False
        facts.append(SentenceFacts(s, toks, times, claims, actors, places, triggers, has_cas))
    armed = [
        iso for f in facts for a in f.actors
        if a.armed and a.kind != "country" and (iso := a.country or a.entry.country)
    ]
    focus = focus_countries(focus_places, text, res.gazetteer, dateline, armed)
    topic = article_topic((t for f in facts for t in f.tokens), res.domains)
    # "Senayan" is the Jakarta one in an article that also names Penjaringan and Monas; "Bogor" is the regency
    # in an article that says "Kabupaten Bogor"
    named = (
        p.candidates[0] if len(p.candidates) == 1 else resolve(p, focus) if p.cue in res.places.strong_cues else None
        for p in focus_places
    )
    # each place once, in the order first named: resolve() takes a minimum over them and the first that fits,
    # and a long text naming one town a thousand times must not make every lookup a thousand times slower
    context = tuple(dict.fromkeys(
        p for p in named if p is not None and p.feature not in _UNTELLING and p.iso3 in focus
    ))
    dated = tuple(f.sentence.index for f in facts if any(t.date is not None and t.precision == 1 for t in f.times))
    return Analysis(article, blocks, meta, ref, is_pub, tuple(facts), tuple(focus), topic, dateline, context, dated)


_OPENING_QUOTES = frozenset('"“\'‘«')


def _statement_date(text: str, s: Sentence, before: SentenceFacts | None, times: list[TimeMention],
                    res: Resources) -> date | None:
    """The day of the statement a quoted sentence continues: a day-precise date, not a relative one, in the
    sentence before it in its paragraph that has a verb of saying; None when the sentence is no quote or holds
    no relative date."""
    if before is None or before.sentence.paragraph != s.paragraph or not any(t.kind == "relative" for t in times):
        return None
    if text[s.start : s.start + 1] not in _OPENING_QUOTES:
        return None
    if not has_phrase(before.tokens, res.roles.speech):
        return None
    dates = [t.date for t in before.times if t.kind != "relative" and t.precision == 1 and t.date is not None]
    return dates[-1] if len(set(dates)) == 1 else None


def _sentence_actors(
    s: Sentence, toks: list[Token], text: str, res: Resources, dateline: Span | None, previous: SentenceFacts | None
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


def _places_apart_from_actors(
    text: str, actors: list[ActorMatch], places: list[PlaceMention], res: Resources
) -> tuple[list[ActorMatch], list[PlaceMention]]:
    """A sentence's actors and places with each name read once: a place is no actor, an actor's name no place."""
    # a place name is not also an actor ("Suriah" in "di Suriah")
    place_starts = {p.span.start for p in places}
    place_ends = {p.span.end for p in places}
    actors = [
        a for a in actors
        if not (a.kind == "country" and a.span.start in place_starts
                and (_after_in(text, a.span.start, res.roles.locative)
                     or _apposition(text, a.span.start, place_ends)))
    ]
    # ... and a name inside an actor ("militer AS", "pasukan Rusia") is not where anything happened
    places = [p for p in places if p.cue is not None or not _inside_actor(p.span, actors)]
    # ... nor is where someone lives ("SC, warga Desa Malanggaten, Kecamatan Kebakkramat, ditangkap")
    places = _not_homes(text, places, res.roles.residence)
    return actors, places


def _rank_alone(a: ActorMatch, toks: list[Token], text: str) -> ActorMatch:
    """A rank's actor match cut to the rank word, with no country taken from the initials after it."""
    t = toks[a.first]
    return replace(a, span=Span(t.start, t.end, text[t.start : t.end]), country=None, last=a.first + 1)


def _year_hint(text: str) -> int | None:
    """The latest year the text mentions: completes day/month dates when no reference date is known."""
    years = [int(y) for y in _YEAR.findall(text)]
    return max(years) if years else None


_YEAR = regex.compile(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?!\d)")


def _not_homes(text: str, places: list[PlaceMention], residence: frozenset[str]) -> list[PlaceMention]:
    """The places that are not someone's home: a name after "warga", "asal" (with its cue word), and the
    places its address goes on to name."""
    out: list[PlaceMention] = []
    home_end = -1
    for p in places:
        before = text[max(0, p.span.start - 40) : p.span.start].lower().split()
        chained = home_end >= 0 and _ADDRESS_LINK.fullmatch(text, home_end, p.span.start) is not None
        opens = bool(before) and (before[-1] in residence or (len(before) > 1 and before[-2] in residence
                                                               and p.cue is not None))
        if opens or chained:
            home_end = p.span.end
            continue
        out.append(p)
    return out


# What joins the parts of one address: a comma and at most a cue word ("..., Kecamatan ...").
_ADDRESS_LINK = regex.compile(r"\s*,\s*(?:\p{L}+\s+){0,2}")


def _inside_actor(span: Span, actors: list[ActorMatch]) -> bool:
    """True when span lies within an actor mention other than a bare country name."""
    return any(
        a.kind != "country" and a.span.start <= span.start and span.end <= a.span.end for a in actors
    )


def _apposition(text: str, pos: int, place_ends: set[int]) -> bool:
    """True for the country of "di Kabul, Afghanistan": a place, a comma, then the name at pos."""
    before = text[max(0, pos - 4) : pos]
    comma = before.rfind(",")
    return comma >= 0 and not before[comma + 1 :].strip() and (pos - len(before) + comma) in place_ends


def _after_in(text: str, pos: int, locative: frozenset[str]) -> bool:
    """True when the word before pos is a locative preposition ("di", "ke", "dari": lang roles.yaml)."""
    before = text[max(0, pos - 10) : pos].lower().split()
    return bool(before) and before[-1] in locative


def extract_events(article: Article, res: Resources, cfg: Config | None = None) -> list[Event]:
    """Code the events of one article."""
    cfg = cfg or Config()
    if not res.screen.may_match(article.text):
        return []  # no trigger can match: as below, without tokenising
    pre = triage(article.text, res)
    if not pre.has_triggers:
        # Most articles of a general news stream tell no incident: with no trigger there is no candidate,
        # and merge.assemble builds events from candidates only, so the other stages (three quarters of
        # the time) are skipped. tests/test_fastpaths.py checks this against the full pipeline.
        return []
    hits = zip(pre.tokens, pre.triggers, strict=True)
    if not any(may_yield(toks, found, res.roles, cfg.include_all) for toks, found in hits):
        return []  # every trigger is a shadow or told as not having happened: no candidate, so no event
    return events_of(analyse(article, res, cfg, pre), res, cfg)


def events_of(an: Analysis, res: Resources, cfg: Config) -> list[Event]:
    """The events of an analysed article: candidates, the article's topic, merging, the age limit."""
    cands: list[Candidate] = []
    for f in an.facts:
        cands.extend(candidates(f, res.roles, cfg.include_all))
    if an.topic.off_topic:
        # a match report or a film review: only an unmistakable incident counts
        cands = [c for c in cands if c.hit.trigger.weight >= OFF_TOPIC_WEIGHT and c.confidence >= OFF_TOPIC_CONFIDENCE]
    events = assemble(an, cands, res, cfg)
    if cfg.max_age_days is not None and an.reference is not None:
        oldest = an.reference - timedelta(days=cfg.max_age_days)
        events = [e for e in events if e.event_date is None or e.event_date >= oldest]
    return events
