"""Casualty claims: figure, qualifier, kind of harm, victims and who reports them; ACLED's conservative figure.

Decisions on the toll (SPEC rule 4), per victim group (people of any side, civilians, forces, fighters):
- within a group, each source's latest figure counts and the lowest source wins; groups add up (police and
  bombers, attackers and defenders);
- a total of unnamed dead from one source holds the named groups of the same source, but when another
  source's lower total faces a single named group (a US official's "100 attackers", a commander's "only seven
  of ours") the two are rival accounts of the same dead and the lowest wins. Rejected: always taking the
  larger of total and groups (it coded the seed strike 100) or always the smaller (it undercounts a toll
  whose named part is a subset, "18 orang tewas, tiga di antaranya polisi");
- dead told as more ("dua pelaku juga tewas") add to their group's figure instead of disputing it;
- a vague figure yields to a count, a named victim or victims with no figure ("pengunjuk rasa lain ...
  tewas") are at least one and yield to a count, injured and running totals never count.
The notes state a dispute in English with each source's citation ("according to a US official"), grouped the
way the figure was computed, so a reader can redo the sum.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace

from pantau.extract.data import casualty_data
from pantau.extract.sources import SourceLexicon, describe
from pantau.lang.schema import load_data
from pantau.model import Claim, Claimant, ClaimKind, Qualifier, Quantity, Span
from pantau.text.data import text_data
from pantau.text.timex import TimeData
from pantau.text.tokens import Token, match_at, phrase_index, phrase_set, tokenize

_STOP = frozenset({".", ";", "!", "?", ":", "(", ")"})
# Marks that end a speaker's clause when looking back from the verb: commas, closing quotes, dashes.
_CLAUSE_MARKS = frozenset({",", "”", '"', "-", "–", "—"})


@dataclass(frozen=True)
class CasualtyLexicon:
    """Casualty words of one language by role."""

    kinds: dict[str, list[tuple[tuple[str, ...], object]]]
    qualifiers: dict[str, list[tuple[tuple[str, ...], object]]]
    victims: dict[str, list[tuple[tuple[str, ...], object]]]
    including: dict[str, list[tuple[tuple[str, ...], object]]]
    attribution_after: dict[str, list[tuple[tuple[str, ...], object]]]
    count_nouns: frozenset[str]
    non_count: frozenset[str]
    named_after: frozenset[str] = frozenset()  # kind words the victim's name follows ("menewaskan Yohanes")
    named_gap: frozenset[str] = frozenset()  # words between a name and its kind word ("Yohanes dilaporkan tewas")
    natural: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)  # "karena sakit asma"
    contrast: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)  # "sementara", "namun"
    cumulative: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)  # "sejauh ini"
    since: frozenset[str] = frozenset()  # "sejak" + a date ("sejak 7 Oktober"): a running total
    months: frozenset[str] = frozenset()
    sources: SourceLexicon | None = None  # who reports: the source table (extract.sources)
    passive_reports: frozenset[str] = frozenset()  # "X dilaporkan tewas": X is the news, not who reports it
    vague_words: dict[str, str] = field(default_factory=dict)  # "puluhan" -> "dozens", for English notes
    incident_nouns: frozenset[str] = frozenset()  # "insiden (itu)": a sentence pointing back at an incident
    speaker_adjuncts: frozenset[str] = frozenset()  # "dihubungi", "di", "hari": clauses of time or place
    speaker_adverbs: frozenset[str] = frozenset()  # "X kemudian mengatakan": words between a speaker and the verb
    apart: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)  # "Secara terpisah,"
    among: dict[str, list[tuple[tuple[str, ...], object]]] = field(default_factory=dict)  # "Di antara korban"
    also: frozenset[str] = frozenset()  # "juga tewas": dead beside those counted before, not a rival count
    separate: frozenset[str] = frozenset()  # "serangan terpisah": another incident than the one told before
    one_of: frozenset[str] = frozenset()  # "salah (satu)": one of the counted, not a count
    cue_words: frozenset[str] = frozenset()  # first words of the attribution cues: where a source's name ends

    @classmethod
    def load(cls, lang: str = "id") -> CasualtyLexicon:
        """Load the casualty vocabulary of a language (casualties.yaml, sources.yaml, text.yaml's attribution
        words and time.yaml's months, each through its schema)."""
        d = casualty_data(lang)
        t = text_data(lang).attribution
        kinds = {w: k.value for k, ws in d.kinds.items() for w in ws}
        quals = {w: k for k, ws in d.qualifiers.items() for w in ws}
        victims = {w: k for k, ws in d.victims.items() for w in ws}
        cues: dict[str, str] = ({w: "verb" for w in t.verbs} | {w: "prep" for w in t.preps}
                | {w: "prep" for w in t.verbs_after})
        return cls(
            kinds=phrase_index(kinds),
            qualifiers=phrase_index(quals),
            victims=phrase_index(victims),
            including=phrase_set(d.including),
            attribution_after=phrase_index(cues),
            count_nouns=frozenset(d.count_nouns),
            non_count=frozenset(w.lower() for w in d.non_count_units),
            named_after=frozenset(d.named_victim_after),
            named_gap=frozenset(d.named_victim_gap),
            contrast=phrase_set(d.contrast),
            cumulative=phrase_set(d.cumulative),
            since=frozenset(d.since),
            months=frozenset(w for ws in load_data(lang, "time.yaml", TimeData).months.values() for w in ws),
            sources=SourceLexicon.load(lang),
            one_of=frozenset(d.one_of),
            separate=frozenset(d.separate),
            also=frozenset(d.also),
            apart=phrase_set(d.apart),
            among=phrase_set(d.among),
            speaker_adverbs=frozenset(d.speaker_adverbs),
            speaker_adjuncts=frozenset(d.speaker_adjuncts),
            incident_nouns=frozenset(d.incident_nouns),
            cue_words=frozenset(w.split()[0] for w in cues) | {"yang"},
            passive_reports=frozenset(d.passive_reports),
            vague_words=dict(d.vague_in_english),
            natural=phrase_set(f"{link} {cause}" for link in d.natural_cause_links for cause in d.natural_causes),
        )


# How many words after a figure its kind word may stand: after a bare figure, after a figure of people.
_REACH, _PEOPLE_REACH = 5, 10


def find_kinds(toks: list[Token], lex: CasualtyLexicon) -> list[tuple[int, int, str]]:
    """Casualty-kind phrases as (first token, last token, kind)."""
    out = []
    i = 0
    kinds = lex.kinds
    while i < len(toks):
        m = match_at(toks, i, kinds) if toks[i].low in kinds else None
        if m:
            out.append((i, i + m[0], str(m[1])))
            i += m[0]
        else:
            i += 1
    return out


def claimant(toks: list[Token], lex: CasualtyLexicon, text: str) -> Span | None:
    """Who the sentence attributes its statement to ('kata X', 'menurut X', 'X mengatakan')."""
    cues = lex.attribution_after
    for i in range(len(toks)):
        m = match_at(toks, i, cues) if toks[i].low in cues else None
        if not m:
            continue
        n, role = m
        j = i + n
        if toks[i].low in lex.passive_reports:
            continue  # "tiga tentara dilaporkan tewas": what is reported, not who reports it
        # "menurut X", "kata X", "dilansir X": the claimant follows
        k = j
        while k < len(toks) and k < j + 7 and toks[k].text not in _STOP and toks[k].text != ",":
            k += 1
        if k > j and role == "prep":
            return Span(toks[j].start, toks[k - 1].end, text[toks[j].start : toks[k - 1].end])
        # "X mengatakan": the claimant precedes, back to the clause start, past adverbs ("X, kemudian mengatakan")
        b, e = _speaker_before(toks, i, lex)
        if b < e:
            return Span(toks[b].start, toks[e - 1].end, text[toks[b].start : toks[e - 1].end])
        if n == 1 and toks[i].low.endswith("nya"):
            return Span(toks[i].start, toks[i].end, toks[i].text)  # '"...," katanya': the one quoted before
    return None


def _speaker_before(toks: list[Token], i: int, lex: CasualtyLexicon) -> tuple[int, int]:
    """The tokens [b, e) naming who speaks before the verb at i: past adverbs and commas ("X, kemudian
    mengatakan"), past clauses of time and place ("X, dihubungi dari Samarinda, menyatakan", "X, di
    Tanjungbalai, hari ini, mengatakan"), and with the description before a person's name ("Kepala
    Kepolisian Peru, Jenderal Oscar Arriola, mengatakan")."""
    e = i
    for _ in range(_ADJUNCTS):
        while e > 0 and (toks[e - 1].low in lex.speaker_adverbs or toks[e - 1].text == ","):
            e -= 1
        b = _clause_start(toks, e)
        if not (b < e and b >= 2 and toks[b - 1].text == "," and toks[b].low in lex.speaker_adjuncts):
            break
        e = b - 1  # a clause of time or place between the speaker and the verb
    if b < e and b >= 2 and toks[b - 1].text == "," and all(t.text[:1].isupper() for t in toks[b:e]):
        before = _clause_start(toks, b - 1)
        if lex.sources is not None and before < b - 1 and describe(
                " ".join(t.text for t in toks[before : b - 1]), lex.sources).normalised:
            b = before  # the name's description before it names the source
    while b < e and (lead := match_at(toks, b, lex.contrast)):
        b += lead[0]  # "sementara SANA menyebut", "Padahal, UNHCR menyatakan": the speaker is SANA, UNHCR
    return b, e


# How many clauses of time or place may stand between a speaker and the verb.
_ADJUNCTS = 3


def _clause_start(toks: list[Token], e: int) -> int:
    """The first token of the clause that ends before token e (at most 7 words back)."""
    b = e
    # a free-standing dash ends a clause too: "JAKARTA, Warta Nasional -- Polisi menyebut" (a dateline's end)
    while b > 0 and b > e - 7 and toks[b - 1].text not in _STOP and toks[b - 1].text not in _CLAUSE_MARKS:
        b -= 1
    return b


def source_of(who: Span | None, lex: CasualtyLexicon) -> Claimant | None:
    """The claimant a span names (None: nobody cited, the outlet's own figure)."""
    if who is None or lex.sources is None:
        return None if who is None else Claimant(name=who.text, type="other", text=who.text, normalised=False)
    return describe(who.text, lex.sources)


# Windows, in tokens, of a figure's kind word: before it with only qualifiers between ("menewaskan sedikitnya 7
# orang"), behind it ("korban tewas mencapai 78 orang"); of its qualifier and "termasuk" before it; of its victim
# noun after it.
_KIND_BEFORE = 3
_KIND_BEHIND = 5
_QUALIFIER_BACK = (3, 2, 1)
_VICTIMS_AFTER = 3
# A four-digit figure in this range is a year, not a count.
_YEARS = (1900, 2100)

_Kinds = list[tuple[int, int, str]]


@dataclass(frozen=True)
class _Sentence:
    """One sentence being read for claims: its tokens, text, kind words and the claimant of each clause."""

    toks: list[Token]
    text: str
    lex: CasualtyLexicon
    kinds: _Kinds
    cuts: list[int]
    whos: list[Span | None]

    def who_at(self, i: int) -> Span | None:
        """Who reports what token i says: the claimant of its clause."""
        return self.whos[bisect_right(self.cuts, i)]

    def span(self, a: int, b: int) -> Span:
        """The text of tokens a..b-1."""
        return Span(self.toks[a].start, self.toks[b - 1].end, self.text[self.toks[a].start : self.toks[b - 1].end])


def find_claims(
    toks: list[Token], quantities: list[Quantity], lex: CasualtyLexicon, text: str,
    excluded: list[Span] = (),  # type: ignore[assignment]
) -> list[Claim]:
    """Casualty claims of one sentence: each figure tied to the nearest kind of harm."""
    if not toks:
        return []
    kinds = find_kinds(toks, lex)
    if not kinds:
        return []
    sent = _read_sentence(toks, kinds, lex, text)
    running = _running_total(toks, lex)
    used_kinds: set[int] = set()
    counts = _countable_figures(sent, quantities, excluded)
    starts = [c[0].span.start for c in counts]
    out: list[Claim] = []
    for q, qi, qj in counts:
        kindpos = _kind_of_figure(sent, q, qi, qj, starts)
        if kindpos is None:
            continue
        used_kinds.add(kindpos)
        claim = _figure_claim(sent, q, qi, qj, kindpos, running)
        if qj < len(toks) and match_at(toks, qj, lex.including) and any(st < q.span.start for st in starts):
            # "12 warga tewas, empat di antaranya anak-anak": a part of the dead counted before it in the sentence
            claim = replace(claim, qualifier="including")
        out.append(claim)
    out.extend(_figureless_claims(sent, used_kinds))
    return out


def _read_sentence(toks: list[Token], kinds: _Kinds, lex: CasualtyLexicon, text: str) -> _Sentence:
    """The sentence with its clauses' claimants."""
    sentence_who = claimant(toks, lex, text)
    # "X menyebut 9 tewas, sementara Y menyebut 15": each clause has its own claimant, else the sentence's
    cuts = [i for i in range(1, len(toks)) if toks[i].low in lex.contrast and match_at(toks, i, lex.contrast)]
    bounds = zip([0, *cuts], [*cuts, len(toks)], strict=True)
    whos = [claimant(toks[a:b], lex, text) or sentence_who for a, b in bounds] if cuts else [sentence_who]
    return _Sentence(toks, text, lex, kinds, cuts, whos)


def _running_total(toks: list[Token], lex: CasualtyLexicon) -> bool:
    """True when the sentence tells a running total ("sejauh ini", "sejak 7 Oktober")."""
    cum = lex.cumulative
    return any(t.low in cum and match_at(toks, i, cum) for i, t in enumerate(toks)) or any(
        t.low in lex.since and any(u.text.isdigit() or u.low in lex.months for u in toks[i + 1 : i + 3])
        for i, t in enumerate(toks)
    )


def _countable_figures(
    sent: _Sentence, quantities: list[Quantity], excluded: list[Span]
) -> list[tuple[Quantity, int, int]]:
    """The figures that can count people, as (quantity, first token, end token)."""
    toks, lex = sent.toks, sent.lex
    by_start = {t.start: i for i, t in enumerate(toks)}
    counts: list[tuple[Quantity, int, int]] = []
    for q in quantities:
        if any(s.start <= q.span.start < s.end for s in excluded):
            continue
        qi = by_start.get(q.span.start)
        if qi is None:
            continue
        who = sent.who_at(qi)
        if who is not None and who.start <= q.span.start < who.end:
            continue  # "kata seorang pejabat": the claimant, not a figure
        qj = qi + 1
        while qj < len(toks) and toks[qj].end <= q.span.end:
            qj += 1
        if not _counts_people(toks, q, qi, qj, lex):
            continue
        counts.append((q, qi, qj))
    return counts


def _counts_people(toks: list[Token], q: Quantity, qi: int, qj: int, lex: CasualtyLexicon) -> bool:
    """False for a figure that is no count of people: a measure, "salah satu", a year, a unit's number."""
    if qj < len(toks) and toks[qj].low in lex.non_count:
        return False
    if qi > 0 and toks[qi - 1].low in lex.one_of:
        return False  # "salah satu korban tewas": one of the dead, not a count of them
    if q.value >= _YEARS[0] and q.value <= _YEARS[1] and not q.vague and len(q.span.text) == 4:
        return False  # a year
    # a unit's number: "Yonif 751", "Densus 88"
    unit_number = q.span.text[:1].isdigit() and qi > 0 and toks[qi - 1].text[:1].isupper() \
        and toks[qi - 1].is_word and not match_at(toks, qi - 1, lex.qualifiers) and qi - 1 > 0
    return not unit_number


def _kind_of_figure(sent: _Sentence, q: Quantity, qi: int, qj: int, starts: list[int]) -> int | None:
    """The index of the kind word a figure counts: right before it, else after it, else behind it."""
    toks, lex, kinds = sent.toks, sent.lex, sent.kinds
    kindpos = None
    # "menewaskan 27 tentara", "menewaskan sedikitnya 7 orang": a kind right before the figure wins
    for ki, (_, ke, _kk) in enumerate(kinds):
        between = range(ke, qi)
        if qi - _KIND_BEFORE <= ke <= qi and all(match_at(toks, x, lex.qualifiers) for x in between):
            kindpos = ki
    if kindpos is not None:
        return kindpos
    # forward: "27 tentara tewas", "tujuh tewas", "100 pasukan penyerang tewas"; a figure of people may
    # carry a relative clause ("dua pelaku yang berboncengan sepeda motor tewas")
    people = qj < len(toks) and match_at(toks, qj, lex.victims)
    for ki, (ks, _, _kk) in enumerate(kinds):
        far = ks > qj + _REACH
        if (qj <= ks <= qj + (_PEOPLE_REACH if people else _REACH)
                and not any(toks[x].text in _STOP or (far and toks[x].text == ",") for x in range(qj, ks))
                and not any(q.span.start < st < toks[ks].start for st in starts)
                and not _other_victims_between(toks, qj, ks, lex)):
            return ki
    # backward: "korban tewas mencapai 78 orang"
    for ki in range(len(kinds) - 1, -1, -1):
        ks, ke, _kk = kinds[ki]
        if qi - _KIND_BEHIND <= ke <= qi and not any(toks[x].text in _STOP for x in range(ke, qi)):
            return ki
    return None


def _qualifier_before(toks: list[Token], qi: int, lex: CasualtyLexicon) -> str | None:
    """The qualifier of the figure at token qi: "sedikitnya" and its kin, or "including"."""
    qual = None
    for back in _QUALIFIER_BACK:
        if qi - back >= 0:
            m = match_at(toks, qi - back, lex.qualifiers)
            if m and qi - back + m[0] == qi:
                qual = str(m[1])
                break
    for back in _QUALIFIER_BACK:
        if qi - back >= 0:
            m = match_at(toks, qi - back, lex.including)
            if m and qi - back + m[0] >= qi - 1:
                qual = "including"
                break
    if toks and (m := match_at(toks, 0, lex.among)) and m[0] <= qi:
        qual = "including"  # "Di antara korban tewas terdapat lima tentara": among the dead counted
    return qual


def _victims_after(sent: _Sentence, qj: int) -> str | None:
    """The victim noun right after a figure, with whose they are ("anggota TPNPB")."""
    toks = sent.toks
    k = qj
    while k < len(toks) and k < qj + _VICTIMS_AFTER:
        m = match_at(toks, k, sent.lex.victims)
        if m:
            last = k + m[0]
            if last < len(toks) and toks[last].text[:1].isupper() and toks[last].is_word:
                last += 1  # whose they are: "anggota TPNPB", "tentara Irak"
            vs, ve = toks[k].start, toks[last - 1].end
            return sent.text[vs:ve]
        k += 1
    return None


def _figure_claim(sent: _Sentence, q: Quantity, qi: int, qj: int, kindpos: int, running: bool) -> Claim:
    """The claim of one figure tied to its kind word."""
    toks, lex = sent.toks, sent.lex
    who = sent.who_at(qi)
    ks, ke, kind = sent.kinds[kindpos]
    qual = _qualifier_before(toks, qi, lex)
    victims = _victims_after(sent, qj)
    ev = [q.span, sent.span(ks, ke)]
    if who:
        ev.append(who)
    if qual is None and q.vague:
        qual = "vague"  # "puluhan": a conventional figure that a precise count of the same deaths replaces
    adds = ks > 0 and toks[ks - 1].low in lex.also
    if qual != Qualifier.INCLUDING and running and kind == ClaimKind.KILLED:
        qual = "cumulative"  # "sejak 7 Oktober, 40.000 orang tewas": a war's running total, not this toll
    return Claim(kind=kind, low=q.value, high=q.value, qualifier=qual, victims=victims,
                 claimant=source_of(who, lex), evidence=tuple(ev), adds=adds)


def _figureless_claims(sent: _Sentence, used_kinds: set[int]) -> list[Claim]:
    """Claims of "killed" words no figure took: a named victim, else victims told with no figure."""
    toks, lex, text = sent.toks, sent.lex, sent.text
    out: list[Claim] = []
    for ki, (ks, ke, kk) in enumerate(sent.kinds):
        if ki in used_kinds or kk != ClaimKind.KILLED:
            continue
        who = sent.who_at(ks)
        named = _named_victim(toks, ks, ke, lex)
        if named is not None:
            name_span = Span(named.start, named.end, named.text)
            ev2 = (name_span, sent.span(ks, ke), *((who,) if who else ()))
            out.append(Claim(kind="killed", low=1, high=1, qualifier="named", victims=named.text,
                             claimant=source_of(who, lex), evidence=ev2))
            continue
        noun = _unnumbered_victims(toks, ks, lex)
        if noun is not None:
            vs, ve = toks[noun[0]].start, toks[noun[1] - 1].end
            ev3 = (Span(vs, ve, text[vs:ve]), sent.span(ks, ke), *((who,) if who else ()))
            out.append(Claim(kind="killed", low=1, high=1, qualifier="unnumbered", victims=text[vs:ve],
                             claimant=source_of(who, lex), evidence=ev3, adds=toks[ks - 1].low in lex.also))
    return out


# How many words may stand between victims with no figure and their kind word ("Pengunjuk rasa lain berusia
# 20 tahunan dilaporkan tewas").
_UNNUMBERED_REACH = 8


# What may stand before the victims opening a clause: a comma, an opening quote or bracket.
_OPENERS = frozenset({",", ";", "“", '"', "(", "‘"})


def _unnumbered_victims(toks: list[Token], ks: int, lex: CasualtyLexicon) -> tuple[int, int] | None:
    """Victims told with no figure, opening the clause of their kind word ("Pengunjuk rasa lain ... tewas",
    "Seorang ... " aside): at least one died, as (first token, end token) of the victim noun."""
    if " ".join(t.low for t in toks[ks : ks + 1]) in lex.named_after:
        # "menewaskan komandan ISWAP": the victims follow the verb
        m = match_at(toks, ks + 1, lex.victims) if ks + 1 < len(toks) else None
        return (ks + 1, ks + 1 + m[0]) if m else None
    for k in range(ks - 1, max(-1, ks - 1 - _UNNUMBERED_REACH), -1):
        if not toks[k].is_word and not toks[k].text.isdigit():
            return None
        m = match_at(toks, k, lex.victims)
        if m and (k == 0 or toks[k - 1].text in _OPENERS) and k + m[0] <= ks:
            return k, k + m[0]
    return None


def _other_victims_between(toks: list[Token], qj: int, ks: int, lex: CasualtyLexicon) -> bool:
    """True when other victims stand between a figure's noun phrase and a kind word after it: "Ratusan warga
    menghadiri pemakaman para anggota Hizbullah yang tewas" counts mourners, not the dead."""
    k = qj
    while k < ks and (m := match_at(toks, k, lex.victims)):
        k += m[0]  # the figure's own nouns: "100 pasukan penyerang tewas"
    if k == qj:
        return False  # a bare figure: "tujuh tewas"
    return any(match_at(toks, x, lex.victims) for x in range(k + 1, ks))


def _named_victim(toks: list[Token], ks: int, ke: int, lex: CasualtyLexicon) -> Token | None:
    """The capitalised name of one person killed, next to a kind word with no figure ("menewaskan Yohanes")."""
    phrase = " ".join(t.low for t in toks[ks:ke])
    if phrase in lex.named_after:
        k = ke
    else:
        k = ks - 1
        while k > 0 and (toks[k].low in lex.named_gap or toks[k].text == ","):
            k -= 1  # "Abu Amna, dilaporkan tewas"
    if not 0 < k < len(toks):
        return None  # a sentence's first word is capitalised whatever it is
    tok = toks[k]
    if not (tok.is_word and tok.text[:1].isupper() and tok.text[1:2].islower()):
        return None  # "AS", "TNI": an acronym is an actor, not a person
    if match_at(toks, k, lex.victims) or match_at(toks, k, lex.qualifiers):
        return None
    if match_at(toks, k - 1, lex.victims):
        return None  # "Tentara Afghanistan juga tewas": the victims' country, not a person's name
    return tok


def points_at_incident(toks: list[Token], nouns: frozenset[str], pointers: frozenset[str]) -> bool:
    """True for a sentence that points back at an incident told before: an incident noun (casualties.yaml's
    incident_nouns) right before a pointer ("dalam insiden itu", "peristiwa tersebut")."""
    return any(t.low in nouns and k + 1 < len(toks) and toks[k + 1].low in pointers for k, t in enumerate(toks))


def natural_death(toks: list[Token], lex: CasualtyLexicon) -> bool:
    """True when the sentence says someone died of illness or exhaustion ("meninggal karena sakit asma")."""
    idx = lex.natural
    return any(t.low in idx and match_at(toks, i, idx) for i, t in enumerate(toks))


def victim_kind(claim: Claim, lex: CasualtyLexicon) -> str | None:
    """What the claim's victims are: "civilians", "forces" or "fighters" (None when it does not say)."""
    if not claim.victims:
        return None
    toks = tokenize(claim.victims)
    m = match_at(toks, 0, lex.victims) if toks else None
    if m and str(m[1]) == "forces" and m[0] < len(toks) and lex.sources is not None:
        # "anggota TPNPB": members of an armed group are its fighters, not security forces
        owner = describe(" ".join(t.text for t in toks[m[0]:]), lex.sources)
        if owner.normalised and owner.type == "armed group":
            return "fighters"
    return str(m[1]) if m else None


# Deaths told of one person or of people with no figure: at least one, yielding to any count of the same dead.
ONE_OF = frozenset({"named", "unnumbered"})
# Claims of deaths kept but not counted: inside a total ("termasuk"), of illness, a war's running total.
UNCOUNTED = frozenset({"including", "natural", "cumulative"})


def fatality_figures(claims: list[Claim], lex: CasualtyLexicon | None = None) -> tuple[int, int, int]:
    """ACLED's conservative figure and the range over killed claims (rule 4 of SPEC.md).

    Figures of different victim groups add up ("tiga polisi gugur", "dua pelaku tewas": 5); figures of one
    group from different claimants are disputed and the lowest counts."""
    killed = [c for c in claims if c.kind == "killed" and c.qualifier not in UNCOUNTED]
    if not killed:
        return 0, 0, 0
    groups = _by_victims(_counted(killed), lex)
    total = _group_figure(groups.pop(None, []))
    best = max(total, sum(_group_figure(cs) for cs in groups.values()))
    return best, min(c.low for c in killed), max(c.high for c in killed)


def _counted(killed: list[Claim]) -> list[Claim]:
    """The claims whose figures count: a vague figure yields to a count, and a person named as killed (or
    victims told with no figure) is one of the counted dead; dead told as more ("juga tewas") always count."""
    counted = (
        [c for c in killed if c.qualifier not in ("vague", *ONE_OF)]
        or [c for c in killed if c.qualifier != "vague"]
        or killed
    )
    return counted + [c for c in killed if c.adds and c not in counted]


def _by_victims(
    claims: list[Claim], lex: CasualtyLexicon | None, rival: bool | None = None
) -> dict[str | None, list[Claim]]:
    """Claims by victim group (None: people of any side, a total that may hold the others). Rival accounts of
    the same dead are one group: "100 attackers killed" says one source, "only seven of ours" another (a
    source's own total holds its groups; another source's lower total of one named group disputes it).
    `rival` forces that reading (the notes follow the figures' reading)."""
    groups: dict[str | None, list[Claim]] = {}
    for c in claims:
        kind = victim_kind(c, lex) if lex is not None else None
        groups.setdefault(None if kind == "people" else kind, []).append(c)
    people = groups.get(None, [])
    if people and len(groups) == 2:
        key, named = next((k, cs) for k, cs in groups.items() if k is not None)
        if rival is None:
            # another source's people are the same dead when its figure is lower, or when the only dead named
            # are civilians and its figure is of their size: "12 civilians" says a monitor, "15 people" the
            # rescuers; "at least 50 women" beside "300 people" is a part of the dead, not a rival count
            low, total = _conservative(named), _group_figure(people)
            same = low > total or (key == "civilians" and total <= _RIVAL_RATIO * low)
            rival = same and {_who(c) for c in people}.isdisjoint(_who(c) for c in named)
        if rival:
            return {key: named + people}
    return groups


# Another source's total of people at most this many times a count of civilians counts the same dead.
_RIVAL_RATIO = 2


def _group_figure(claims: list[Claim]) -> int:
    """One victim group's toll: the conservative figure, plus the dead told as more beside it ("dua tentara
    juga tewas")."""
    return _conservative([c for c in claims if not c.adds]) + sum(c.low for c in claims if c.adds)


def _who(c: Claim) -> str | None:
    """The claim's source by its normalised name (None: the outlet)."""
    return c.claimant.name if c.claimant else None


# How notes name victim groups (casualties.yaml's victims kinds).
_GROUP_NAMES = {"civilians": "civilians", "forces": "security forces", "fighters": "fighters", None: "people"}
_QUALIFIED = {"at_least": "at least {n}", "more_than": "more than {n}", "about": "about {n}"}


def figure_text(c: Claim, lex: CasualtyLexicon | None = None) -> str:
    """A claim's figure as an English note writes it: "at least 100", "dozens", "7"."""
    if c.qualifier == "vague" and lex is not None and c.evidence:
        word = c.evidence[0].text.lower()
        return lex.vague_words.get(word, f"about {c.low}")
    return _QUALIFIED.get(c.qualifier or "", "{n}").format(n=c.low)


def fatality_note(claims: list[Claim], best: int, lex: CasualtyLexicon | None = None) -> str:
    """The fatalities sentence of ACLED-style notes, naming every source of a disputed toll in English:
    "Fatalities disputed: 7 according to a pro-regime militia commander, at least 100 according to a US
    official; coded 7." Figures of different victim groups are listed by group and said to add up."""
    killed = [c for c in claims if c.kind == "killed" and c.qualifier not in UNCOUNTED]
    shown = [c for c in killed if c.qualifier not in ONE_OF] or killed
    if not shown:
        return ""
    counted = _by_victims(_counted(killed), lex)
    rival = len(counted) == 1 and len({victim_kind(c, lex) if lex else None for c in _counted(killed)}) > 1
    groups: dict[str | None, dict[str, Claim]] = {}
    for key, cs in _by_victims(shown, lex, rival).items():
        per = groups.setdefault(key, {})
        for c in cs:
            who = c.claimant.citation if c.claimant else "the outlet"
            if who not in per or per[who].low < c.low:
                per[who] = c  # a source's later, higher figure updates its earlier one

    def listing(per: dict[str, Claim]) -> str:
        ordered = sorted(per.items(), key=lambda kv: (kv[1].low, kv[0]))
        return ", ".join(f"{figure_text(c, lex)} according to {who}" for who, c in ordered)

    disputed = any(len({c.low for c in per.values()}) > 1 for per in groups.values())
    if len(groups) == 1:
        per = next(iter(groups.values()))
        if disputed:
            return f"Fatalities disputed: {listing(per)}; coded {best}."
        sources = sorted(per)
        said = sources[0] if len(sources) == 1 else ", ".join(sources[:-1]) + " and " + sources[-1]
        return f"{best} killed according to {said}."
    parts = "; ".join(f"{_GROUP_NAMES.get(k, k)}: {listing(per)}" for k, per in groups.items())
    head = "Fatalities disputed, by victim group" if disputed else "Fatalities by victim group"
    return f"{head}: {parts}; coded {best}."


def _conservative(claims: list[Claim]) -> int:
    """The lowest claimant's figure, each claimant's later figures updating its earlier ones."""
    per_claimant: dict[str | None, int] = {}
    for c in claims:
        per_claimant[_who(c)] = max(per_claimant.get(_who(c), 0), c.low)
    return min(per_claimant.values(), default=0)
