"""Finding place mentions in Indonesian text: gazetteer names, cue words, "near" relations, datelines."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import regex

from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.normalize import Token, joined, tokens
from pantau.model import Span

# Places whose name may stand inside a longer capitalised name and still be the place
_BIG_FEATURES = frozenset({"country", "admin1", "admin2", "region", "water", "desert"})
_BIG_POPULATION = 100_000
_NAME_PART_POPULATION = 1_000_000  # "Vladimir Putin" is a person even though Vladimir is a city
_SENTENCE_END = set(".!?:;\n|–—-\"“”(")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, its candidate places, the cue word before it and its relation."""

    span: Span
    candidates: tuple[Place, ...]
    cue: str | None
    relation: str  # "in" or "near"
    relation_span: Span | None


def dateline_span(text: str, lex: PlaceLexicon | None = None) -> Span | None:
    """The dateline at the top of an article ("JAKARTA, CNN Indonesia --", "Jakarta (ANTARA) -"), or None."""
    lex = lex or PlaceLexicon.load("id")
    pos = 0
    for line in text[: lex.dateline_window].splitlines(keepends=True):
        lead = len(line) - len(line.lstrip())
        for i, pat in enumerate(lex.dateline_res):
            m = pat.match(line, lead)
            if m is None:
                continue
            if i in (0, 1, 2) and not m.group("p")[0].isupper():
                continue
            end = m.end()
            while end > m.start() and line[end - 1].isspace():
                end -= 1
            return Span(pos + m.start(), pos + end, text[pos + m.start() : pos + end])
        pos += len(line)
    return None


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0'‘\"“":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _preceding_tokens(text: str, pos: int, n: int = 6) -> list[Token]:
    left = max(0, pos - 80)
    return tokens(text, left, pos)[-n:]


def _cue_before(text: str, start: int, lex: PlaceLexicon) -> tuple[str | None, int]:
    """The cue key of the words right before start and where those words begin."""
    prev = _preceding_tokens(text, start)
    if not prev or not regex.fullmatch(r"[ \t\u00a0]+", text[prev[-1].end : start] or "x"):
        return None, start
    for words, key in lex.cues:
        n = len(words.split())
        if n > len(prev):
            continue
        chunk = prev[-n:]
        if all(joined(text, a, b) for a, b in pairwise(chunk)) and " ".join(
            t.key for t in chunk
        ) == words:
            return key, chunk[0].start
    return None, start


def _relation(text: str, start: int, rel_re: regex.Pattern[str]) -> Span | None:
    left = max(0, start - 80)
    m = rel_re.search(text, left, start)
    if m is None:
        return None
    s = m.start()
    if s > 0 and (text[s - 1].isalnum()):
        return None
    e = m.end()
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e, text[s:e])


def _is_big(places: tuple[Place, ...], population: int = _BIG_POPULATION) -> bool:
    return any(p.feature in _BIG_FEATURES or p.population >= population for p in places)


@dataclass(frozen=True, slots=True)
class _Doc:
    """What the common-word guards know about the whole text."""

    text: str
    lex: PlaceLexicon
    lower: frozenset[str]  # words written in lower case somewhere in the text
    big_edges: frozenset[int]  # where hits of big places start and end
    name_parts: frozenset[str]  # words seen inside longer capitalised names that are not places
    cue_words: frozenset[str]
    strong_words: frozenset[str]  # last words of strong cues ("provinsi", "desa", "kamp pengungsi")

    @classmethod
    def make(
        cls, text: str, lex: PlaceLexicon, cands: list[tuple[int, int, tuple[Place, ...]]], toks: list[Token]
    ) -> _Doc:
        spans = [(s, e) for s, e, _ in cands]
        cue_words = frozenset(w for w, _ in lex.cues)
        parts: set[str] = set()
        for a, b in pairwise(toks):
            if text[a.end : b.start] != " " or not (a.text[0].isupper() and b.text[0].isupper()):
                continue
            if a.key in cue_words or b.key in cue_words or a.key in lex.stopwords or b.key in lex.stopwords:
                continue
            if a.key in lex.titles:
                continue  # "Kapolres Poso": a title before a place
            if a.text.isupper() or b.text.isupper():
                continue  # "Polda Papua", "PT Freeport": an acronym before a name is a title, not a name part
            if not any(s <= a.start and b.end <= e for s, e in spans):
                parts.update((a.key, b.key))  # "Anies Baswedan", "Valentino Rossi": a person's name
        return cls(
            text, lex, frozenset(t.key for t in toks if t.text.islower()),
            frozenset(x for s, e, ps in cands if _is_big(ps) for x in (s, e)), frozenset(parts), cue_words,
            frozenset(w.split()[-1] for w, k in lex.cues if k in lex.strong_cues),
        )

    def keep(self, s: int, e: int, places: tuple[Place, ...]) -> bool:
        """Common-word and person-name guards for a gazetteer hit."""
        text, lex = self.text, self.lex
        words = tokens(text, s, e)
        key = " ".join(t.key for t in words)
        if key in lex.stopwords:
            return False
        if len(words) == 1:
            if key in lex.single_word_blocks:
                return False
            nxt = tokens(text, e, min(len(text), e + 40))[:1]
            if key in lex.number_words and nxt and nxt[0].key in lex.count_nouns:
                return False
            if _sentence_start(text, s) and key in self.lower and not text[s:e].isupper():
                return False
            prev_word = _preceding_tokens(text, s, 1)
            cued = bool(prev_word) and prev_word[0].key in self.strong_words  # "Provinsi Nangarhar"
            if key in self.name_parts and not cued and not any(
                p.feature == "country" or (p.feature == "city" and p.population >= _NAME_PART_POPULATION)
                for p in places
            ):
                return False
        if _is_big(places) or text[s:e].isupper():
            return True
        # a small place's name inside a longer capitalised name ("Recep Tayyip Erdogan") is not a place
        prev = _preceding_tokens(text, s, 1)
        nxt = tokens(text, e, min(len(text), e + 40))[:1]
        if prev and prev[0].text[0].isupper() and text[prev[0].end : s] == " ":
            t = prev[0]
            common = t.key in lex.stopwords or (_sentence_start(text, t.start) and t.key in self.lower)
            titled = t.key in self.cue_words or t.key in lex.titles
            if not common and not titled and t.end not in self.big_edges:
                return False
        if nxt and nxt[0].text[0].isupper() and text[e : nxt[0].start] == " ":
            t = nxt[0]
            if t.key not in lex.stopwords and t.start not in self.big_edges:
                return False
        return True


def find_places(
    text: str, gaz: Gazetteer, lex: PlaceLexicon, start: int = 0, end: int | None = None,
    skip_dateline: bool = True,
) -> list[PlaceMention]:
    """Place mentions in text[start:end]: non-overlapping, longest first, with cue and relation.

    Mentions inside the article's dateline are left out unless skip_dateline is False."""
    stop = len(text) if end is None else end
    dl = dateline_span(text, lex) if skip_dateline else None
    toks = tokens(text)
    inside = [t for t in toks if start <= t.start and t.end <= stop]
    cands = gaz.candidates_in(text, inside)
    doc = _Doc.make(text, lex, cands, toks)
    hits = [
        (s, e, ps) for s, e, ps in cands
        if not (dl and s < dl.end and e > dl.start) and doc.keep(s, e, ps)
    ]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, tuple[Place, ...]]] = []
    for h in hits:
        if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
            taken.append(h)
    taken.extend(_unknown_after_cues(text, inside, lex, taken, dl))
    taken.sort(key=lambda h: h[0])
    rel_re = lex.relation_re
    out: list[PlaceMention] = []
    for s, e, places in taken:
        cue, cue_start = _cue_inside(text, s, e, lex)
        if cue is None:
            cue, cue_start = _cue_before(text, s, lex)
        rel = _relation(text, cue_start, rel_re)
        if rel is None and cue_start != s:
            rel = _relation(text, s, rel_re)
        out.append(PlaceMention(Span(s, e, text[s:e]), places, cue, "near" if rel else "in", rel))
    return out


def _cue_inside(text: str, s: int, e: int, lex: PlaceLexicon) -> tuple[str | None, int]:
    """A cue word that starts the matched name itself ("Kota Gaza", "Kabupaten Nduga")."""
    words = tokens(text, s, e)
    for cw, key in lex.cues:
        n = len(cw.split())
        if key != "at" and n < len(words) and " ".join(t.key for t in words[:n]) == cw:
            return key, s
    return None, s


def _unknown_after_cues(
    text: str, toks: list[Token], lex: PlaceLexicon, taken: list[tuple[int, int, tuple[Place, ...]]],
    dl: Span | None,
) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Capitalised names after a strong cue ("desa Xyz") that the gazetteer does not know."""
    strong: dict[str, list[list[str]]] = {}
    for w, cue in lex.cues:
        if cue in lex.strong_cues:
            strong.setdefault(w.split()[0], []).append(w.split())
    out: list[tuple[int, int, tuple[Place, ...]]] = []
    i = 0
    while i < len(toks):
        hit = None
        for words in strong.get(toks[i].key, ()):
            n = len(words)
            if [t.key for t in toks[i : i + n]] == words:
                hit = n
                break
        if hit is None:
            i += 1
            continue
        j = i + hit
        k = j
        while (
            k < len(toks) and k - j < 4 and toks[k].text[0].isupper()
            and ((k == j and regex.fullmatch(r"[ \t\u00a0]+", text[toks[k - 1].end : toks[k].start]))
                 or (k > j and joined(text, toks[k - 1], toks[k])))
            and toks[k].key not in lex.stopwords
        ):
            k += 1
        if k > j:
            s, e = toks[j].start, toks[k - 1].end
            free = all(e <= t[0] or s >= t[1] for t in taken + out)
            if free and not (dl and s < dl.end and e > dl.start):
                out.append((s, e, ()))
        i = max(k, i + 1)
    return out
