"""The pipeline of SPEC.md for one article, as the sequence of its stages; the rules are in the stages.

triage (text: boilerplate, sentences, tokens; extract: triggers) -> metadata and reference date (text) ->
place mentions (geo) -> the sentence loop: times, figures, claims, actors, each sentence's places
(extract.facts, with geo.mentions' place rules) -> the article's focus, topic and context places (geo,
extract.domain) -> candidates (extract.events) -> off-topic filter -> merge into events (merge) -> age limit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from pantau.analysis import Analysis, Config, Resources, TriggerScreen, lexicon_version
from pantau.extract.domain import article_topic
from pantau.extract.events import Candidate, candidates, may_yield
from pantau.extract.facts import armed_countries, sentence_facts, where_told
from pantau.extract.triggers import TriggerHit, find_triggers
from pantau.geo.mentions import context_places
from pantau.geo.namesakes import district_namesakes, with_namesakes
from pantau.geo.places import dateline_span, find_places
from pantau.geo.resolve import focus_countries
from pantau.merge import assemble
from pantau.model import Article, ArticleMeta, Block, Event, Sentence
from pantau.text.clean import mark_boilerplate
from pantau.text.metadata import article_meta
from pantau.text.sentences import split_sentences
from pantau.text.timex import infer_year
from pantau.text.tokens import Token, tokenize

# The shared types live in pantau.analysis; they are re-exported here, the pipeline's public face.
__all__ = ["Analysis", "Config", "Resources", "TriggerScreen", "analyse", "events_of", "extract_events",
           "lexicon_version", "triage"]

# In an off-topic article (extract.domain) a trigger must be this strong, and its sentence this rich.
OFF_TOPIC_WEIGHT = 0.8
OFF_TOPIC_CONFIDENCE = 0.95


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
    meta = article_meta(article, res.time, res.meta)
    ref, is_pub = reference_date(article, meta, res, cfg)
    # one dateline for the whole pipeline: the metadata's, else the one geo's lexicon knows
    dateline = meta.dateline or dateline_span(text, res.places)
    places = [
        p for p in find_places(text, res.gazetteer, res.places, skip_dateline=False)
        if not (dateline and dateline.start <= p.span.start < dateline.end)
    ]
    facts = sentence_facts(text, pre.sentences, pre.tokens, pre.triggers, places, ref, dateline, res)
    # the article's focus comes from where things are, not from who speaks ("Rusia mengatakan")
    told = where_told(facts)
    focus = focus_countries(told, text, res.gazetteer, dateline, armed_countries(facts))
    topic = article_topic((t for f in facts for t in f.tokens), res.domains)
    context = context_places(told, focus, res.places.strong_cues)
    # "Sumbersari" in an article on Jember is Jember's kecamatan, not the Central Java village (geo/namesakes.py)
    namesakes = district_namesakes([p for f in facts for p in f.places], context, res.gazetteer)
    if namesakes:
        facts = [replace(f, places=with_namesakes(f.places, namesakes)) for f in facts]
    dated = tuple(f.sentence.index for f in facts if any(t.date is not None and t.precision == 1 for t in f.times))
    return Analysis(article, pre.blocks, meta, ref, is_pub, tuple(facts), tuple(focus), topic, dateline, context,
                    dated)


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
