"""Casualty claims to incidents: each claim goes to one event, the one whose trigger tells it; claimants
resolved against the article.

Decisions:
- a toll goes to the incident it is about: the nearest trigger of its sentence, but not a bare death word
  when an attack is told beside it; not another reading of a strike founded in the strike's own sentence
  (a "serangan" typed as a clash gives its figures to the "serangan udara"); not a separate incident
  ("dalam serangan udara terpisah", "Secara terpisah, ..."); with no trigger of its own, the incident of a
  nearby sentence, of its place and day, or the one a pointing noun names ("dalam insiden itu");
- who says it is resolved here, where the whole article is seen: "pejabat itu" is the official named last
  before, "dia"/"katanya" the last speaker (not a news outlet), a surname the source it was introduced with
  ("Kapolda Jambi ... Priyo Widyanto" -> "kata Priyo": police). The words that named the source are kept
  as evidence. Rejected: resolving in the extractor, which sees one sentence only.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from pantau.extract.claims import CasualtyLexicon, claimant, natural_death, points_at_incident
from pantau.extract.events import SentenceFacts
from pantau.extract.sources import describe, window
from pantau.merge.group import Group
from pantau.model import DEMONSTRATIONS, POLITICAL_VIOLENCE, Claim, Claimant, ClaimKind, EventType, Span
from pantau.text.tokens import Token, match_at

if TYPE_CHECKING:
    from pantau.analysis import Analysis

# A claim in a sentence with no trigger belongs to the incident of a sentence this close before it, or of the
# next sentence ("Bom meledak di pasar. Tujuh orang tewas.")
_BACK, _AHEAD = 2, 1
# Strategic developments have no fatalities: a death toll near an arrest belongs to the violence.
_NO_DEATHS = frozenset({EventType.STRATEGIC_DEVELOPMENTS})


def attribute_claims(an: Analysis, groups: list[Group], lex: CasualtyLexicon) -> None:
    """Give each casualty claim of the article to one group (in place): the nearest trigger in its sentence,
    else the group of a nearby sentence of the same paragraph; deaths never go to strategic developments."""
    hits = _sentence_hits(groups)
    # (only where a single death is claimed at all: the scan is the article's every word)
    single = any(cl.kind == ClaimKind.KILLED and cl.low == 1 for f in an.facts for cl in f.claims)
    natural = _natural_deaths(an, lex) if single else set()
    speakers = _speakers(an, lex)
    for f in an.facts:
        for cl in f.claims:
            cl = _with_source(cl, f.sentence.index, an, speakers, lex)
            if f.sentence.index in natural and cl.kind == ClaimKind.KILLED and cl.low == 1:
                cl = replace(cl, qualifier="natural")  # kept as a claim, never counted as a fatality
            owner = _owner(cl, f.sentence.index, f.sentence.paragraph, hits, an)
            if owner is not None and _separate(f, lex) and any(
                    c.facts.sentence.index != f.sentence.index for c in owner.members):
                continue  # "... juga tewas dalam serangan udara terpisah": another incident's toll
            if owner is None and f.sentence.index not in hits:
                owner = _same_place(cl, f, groups) or _only_incident(cl, groups) or _pointed_at(cl, f, hits, lex)
            if owner is not None:
                owner = _stronger_reading(owner, groups)
                owner.claims.append(cl)
    _share_between_twins(groups)


def _sentence_hits(groups: list[Group]) -> dict[int, list[tuple[int, Group]]]:
    """Per sentence, the triggers of the groups told in it (position, group). A death word is only the toll
    when an attack is told beside it ("tiga orang tewas ... akibat serangan Iran"): the attack is the hit."""
    hits: dict[int, list[tuple[int, Group]]] = {}
    for g in groups:
        for c in g.members:
            hits.setdefault(c.facts.sentence.index, []).append((c.hit.span.start, g))
    tolls = {(c.facts.sentence.index, c.hit.span.start) for g in groups for c in g.members
             if "casualty" in c.hit.trigger.needs}
    for idx, told in hits.items():
        incident = [h for h in told if (idx, h[0]) not in tolls]
        if incident and len(incident) < len(told):
            hits[idx] = incident
    return hits


def _with_source(cl: Claim, idx: int, an: Analysis, speakers: _Speakers, lex: CasualtyLexicon) -> Claim:
    """The claim with its claimant resolved against the article when its words point elsewhere or name nobody
    the table knows; the words that named the source ("Seorang pejabat AS") join its evidence."""
    if cl.claimant is None or (cl.claimant.normalised and not cl.claimant.pointer):
        return cl
    who, named_at = _resolve(cl.claimant, idx, an, speakers, lex)
    extra = (named_at,) if named_at is not None and named_at not in cl.evidence else ()
    return replace(cl, claimant=who, evidence=(*cl.evidence, *extra))


def _pointed_at(cl: Claim, f: SentenceFacts, hits: dict[int, list[tuple[int, Group]]],
                lex: CasualtyLexicon) -> Group | None:
    """The incident told last before a sentence that points back at it ("... juga tewas dalam insiden itu"),
    across a paragraph break (a quote set apart)."""
    if not points_at_incident(f.tokens, lex.incident_nouns, _POINTERS):
        return None
    for back in range(f.sentence.index - 1, max(-1, f.sentence.index - 1 - _POINTED_BACK), -1):
        near = [g for _, g in hits.get(back, []) if not (cl.kind == ClaimKind.KILLED and g.event_type in _NO_DEATHS)]
        if near:
            return near[0]
    return None


_POINTERS = frozenset({"itu", "tersebut", "ini"})
# How many sentences back "insiden itu" may point.
_POINTED_BACK = 3


def told_apart(toks: list[Token], lex: CasualtyLexicon) -> bool:
    """True for a sentence that opens by setting its incident apart from the one told before ("Secara
    terpisah, ...", "Di tempat lain, ...")."""
    return bool(toks) and match_at(toks, 0, lex.apart) is not None


def _separate(f: SentenceFacts, lex: CasualtyLexicon) -> bool:
    """True when the sentence tells its incident as a separate one ("dalam serangan udara terpisah")."""
    toks = f.tokens
    return any(h.last < len(toks) and toks[h.last].low in lex.separate for h in f.triggers)


def _stronger_reading(g: Group, groups: list[Group]) -> Group:
    """The incident a toll is about when its group is only another reading of it: a bare "serangan" typed as a
    clash, founded in the sentence that tells an air strike at the same place and day ("... meluncurkan
    serangan udara ... untuk menghadang serangan"), gives its figures to the strike."""
    if max(c.hit.trigger.weight for c in g.members) >= _STRONG:
        return g
    founded = min(c.facts.sentence.index for c in g.members)
    for h in groups:
        if (h is not g and h.event_type != g.event_type and h.event_type not in _NO_DEATHS
                and h.date == g.date and (h.place is None or g.place is None or h.place.key == g.place.key)
                and any(c.facts.sentence.index == founded and c.hit.trigger.weight >= _STRONG for c in h.members)):
            return h
    return g


# A trigger this sure names its incident's type ("serangan udara"); below it a word may read several ways.
_STRONG = 0.9


@dataclass(frozen=True)
class _Speakers:
    """Who speaks in the article: per sentence the last source quoted so far, and the source each person's
    name stands for ("juru bicara militer, Santo Domic Chol": "Chol" is that spokesperson)."""

    last: list[tuple[Claimant, Span] | None]
    names: dict[str, tuple[Claimant, Span]]


def _speakers(an: Analysis, lex: CasualtyLexicon) -> _Speakers:
    """Per sentence, the source it quotes when one is named there ("Seorang pejabat AS mengatakan ..."), else
    the one of the sentence before: who "dia" or "katanya" is (news outlets are no "dia"); and the names of
    the people who speak for each source, from its words and the names set beside them."""
    text = an.article.text
    last_: list[tuple[Claimant, Span] | None] = []
    names: dict[str, tuple[Claimant, Span]] = {}
    last: tuple[Claimant, Span] | None = None
    for f in an.facts:
        cues = [(cl.claimant, cl.evidence[-1]) for cl in f.claims if cl.claimant is not None and cl.evidence]
        span = claimant(f.tokens, lex, text) if lex.sources is not None else None
        if span is not None and lex.sources is not None and not any(s == span for _, s in cues):
            cues.append((describe(span.text, lex.sources), span))
        for who, where in cues:
            if not who.normalised or who.pointer:
                continue
            apposition = _APPOSITION.match(text, where.end)
            words = where.text + " " + (apposition.group(1) if apposition else "")
            for w in _NAME.findall(words):
                names.setdefault(w, (who, where))
            if who.type not in ("media", "outlet"):
                last = (who, where)
        last_.append(last)
    return _Speakers(last_, names)


def _introduced(name: str, text: str, lex: CasualtyLexicon) -> tuple[Claimant, Span] | None:
    """The source a person speaks for, from the words that introduce their name where the article first uses
    it ("Kapolda Jambi Brigadir Jenderal Priyo Widyanto mengunjungi ...": police), back to the clause's start
    or the "dan" before it."""
    m = regex.search(rf"\b{regex.escape(name)}\b", text)
    if m is None or lex.sources is None:
        return None
    reach = max(0, m.start() - _INTRO_REACH)
    seps = list(_CLAUSE_END.finditer(text, reach, m.start()))
    words = list(_WORD.finditer(text, seps[-1].end() if seps else reach, m.start()))[-_INTRO_WORDS:]
    if not words:
        return None
    start = words[0].start()
    who = describe(text[start : m.start()], lex.sources)
    return (who, Span(start, m.end(), text[start : m.end()])) if who.normalised and not who.pointer else None


# What ends the clause that introduces a person: punctuation, a dash, "dan".
_WORD = regex.compile(r"\S+")
_CLAUSE_END = regex.compile(r"[.;:!?\n\"“”(),–—]|--|\bdan\b")
# How far before a person's first name its introduction may stand: characters, then words.
_INTRO_REACH, _INTRO_WORDS = 80, 7
# A person's name set beside a source's words ("juru bicara militer Sudan, Santo Domic Chol"), and its words.
_APPOSITION = regex.compile(r",\s*((?:\p{Lu}[\p{L}'.-]*\s*){1,5})")
_NAME = regex.compile(r"\b\p{Lu}\p{Ll}[\p{L}'-]+")


def _resolve(who: Claimant, idx: int, an: Analysis, speakers: _Speakers,
             lex: CasualtyLexicon) -> tuple[Claimant, Span | None]:
    """A pointer's source: for "pejabat itu" the official last named before, for "dia" the last speaker; a
    person's name the source it was first named for ("kata Loveless"). With the words that name it."""
    found: tuple[Claimant, Span] | None = None
    if not who.pointer:
        names = _NAME.findall(who.text or "")
        found = next((speakers.names[w] for w in names if w in speakers.names), None)
        if found is None and names and lex.sources is not None:
            found = _introduced(names[0], an.article.text, lex)
    elif who.pointer != ("",) and lex.sources is not None:
        text = an.article.text
        for f in reversed(an.facts[max(0, idx - _POINTER_BACK) : idx + 1]):
            words = window(f.tokens, who.pointer, text, lex.sources, lex.cue_words)
            named = describe(words.text, lex.sources) if words else None
            if words is not None and named is not None and named.normalised and not named.pointer:
                found = (named, words)
                break
    elif idx > 0:
        found = speakers.last[idx - 1]
    if found is None:
        if not who.pointer:
            return who, None
        return replace(who, pointer=(), normalised=who.normalised or who.name != who.text), None
    source, where = found
    return Claimant(name=source.name, type=source.type, text=who.text, cite=source.cite), where


# How many sentences back a pointer ("pejabat itu") may find the source it points at.
_POINTER_BACK = 8


def _natural_deaths(an: Analysis, lex: CasualtyLexicon) -> set[int]:
    """The sentences whose single deaths the text puts down to illness, in that sentence or the next two
    ("Satu orang meninggal saat aksi. ... Korban meninggal dikarenakan sakit asma.")."""
    out: set[int] = set()
    for f in an.facts:
        if natural_death(f.tokens, lex):
            out.update(range(f.sentence.index - _NATURAL_BACK, f.sentence.index + 1))
    return out


# How many sentences before a statement of illness its death may be told.
_NATURAL_BACK = 2


def _only_incident(cl: Claim, groups: list[Group]) -> Group | None:
    """The article's one violent incident, for a toll told apart from it ("Kasus Tewasnya Yohanes")."""
    violent = [g for g in groups if not (cl.kind == ClaimKind.KILLED and g.event_type in _NO_DEATHS)]
    if len(violent) > 1:  # a protest and the attack that killed a protester: the attack
        violent = [g for g in violent if g.event_type in POLITICAL_VIOLENCE]
    return violent[0] if len(violent) == 1 else None




def _share_between_twins(groups: list[Group]) -> None:
    """A protest and a riot at one place on one day are one demonstration coded twice: one toll for both."""
    demos = [g for g in groups if g.event_type in DEMONSTRATIONS]
    for a in demos:
        for b in demos:
            if a.event_type < b.event_type and a.place == b.place and a.date == b.date:
                union = [*a.claims, *(c for c in b.claims if c not in a.claims)]
                a.claims[:], b.claims[:] = union, list(union)


def _same_place(cl: Claim, f: SentenceFacts, groups: list[Group]) -> Group | None:
    """The one group placed where the claim's sentence is ("gempuran di Tyre itu menewaskan tiga orang")."""
    keys = {p.key for m in f.places for p in m.candidates}
    found = [g for g in groups if g.place is not None and g.place.key in keys
             and not (cl.kind == ClaimKind.KILLED and g.event_type in _NO_DEATHS)]
    if len(found) > 1:
        # several incidents there: the one of the day the sentence states ("Serangan pada Sabtu (1/11) di
        # Nabatiyeh menewaskan empat orang")
        days = {t.date for t in f.times if t.date is not None and t.precision == 1}
        found = [g for g in found if g.date in days]
    return found[0] if len(found) == 1 else None


def _owner(cl: Claim, idx: int, para: int, hits: dict[int, list[tuple[int, Group]]], an: Analysis) -> Group | None:
    pos = cl.evidence[0].start if cl.evidence else 0

    def fits(g: Group) -> bool:
        return not (cl.kind == ClaimKind.KILLED and g.event_type in _NO_DEATHS)

    here = [(abs(start - pos), g) for start, g in hits.get(idx, []) if fits(g)]
    if here:
        return min(here, key=lambda x: x[0])[1]
    if idx in hits:
        return None  # the sentence tells of an arrest: its figure is of people arrested, not of another event
    for other in [*range(idx - 1, idx - _BACK - 1, -1), *range(idx + 1, idx + _AHEAD + 1)]:
        if not 0 <= other < len(an.facts) or an.facts[other].sentence.paragraph != para:
            continue
        near = [g for _, g in hits.get(other, []) if fits(g)]
        if near:
            return near[0]
    return None
