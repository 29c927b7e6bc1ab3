"""Finding place mentions in Indonesian text: gazetteer names, cue words, "near" relations, datelines."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise

from pantau.geo.gazetteer import Gazetteer, Place
from pantau.geo.lexicon import PlaceLexicon
from pantau.geo.normalize import joined, tokens
from pantau.model import Span
from pantau.text.dateline import dateline
from pantau.text.tokens import Token

# Places whose name may stand inside a longer capitalised name and still be the place
_BIG_FEATURES = frozenset({"country", "admin1", "admin2", "region", "water", "desert"})
_BIG_POPULATION = 100_000
_NAME_PART_POPULATION = 1_000_000  # "Vladimir Putin" is a person even though Vladimir is a city
_SENTENCE_END = set(".!?:;\n|–—-\"“”(")
_BLANK = " \t\u00a0"
_REGEX_SPACE = " \t\n\x0b\x0c\r"  # the ASCII characters the relation pattern's \s matches
_BEFORE = 80  # how far back the words before a name are looked for
_AFTER = 40  # and the word after it


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text, its candidate places, the cue word before it and its relation."""

    span: Span
    candidates: tuple[Place, ...]
    cue: str | None
    relation: str  # "in" or "near"
    relation_span: Span | None


def dateline_span(text: str, lex: PlaceLexicon | None = None) -> Span | None:
    """The dateline at the top of an article ("JAKARTA, CNN Indonesia --", "Jakarta (ANTARA) -"), or None:
    text.dateline with the forms and window of the language's places.yaml."""
    lex = lex or PlaceLexicon.load("id")
    found = dateline(text, lex.dateline_res, lex.dateline_window)
    return found[0] if found else None


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0'‘\"“":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _blank(gap: str) -> bool:
    """True for a non-empty run of spaces, tabs and no-break spaces."""
    return bool(gap) and not gap.strip(_BLANK)


@dataclass(frozen=True, slots=True)
class _Words:
    """The text's words, split once, with lookups equal to splitting a stretch of the text again."""

    text: str
    toks: list[Token]
    starts: list[int]  # strictly increasing, as are ends: the words do not overlap
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> _Words:
        """Split text into words (normalize.tokens) and index their offsets."""
        toks = tokens(text)
        starts = [t.start for t in toks]
        ends = [t.end for t in toks]
        return cls(text, toks, starts, ends)

    def starting_at(self, pos: int) -> int | None:
        """The index of the word that starts at pos, if one does (a binary search: no index built per text)."""
        i = bisect_left(self.starts, pos)
        return i if i < len(self.starts) and self.starts[i] == pos else None

    def ending_at(self, pos: int) -> int | None:
        """The index of the word that ends at pos, if one does."""
        i = bisect_left(self.ends, pos)
        return i if i < len(self.ends) and self.ends[i] == pos else None

    def before(self, pos: int, n: int = 6) -> list[Token]:
        """tokens(text, max(0, pos - 80), pos)[-n:]: the last n words before pos."""
        left = max(0, pos - _BEFORE)
        toks = self.toks
        k = bisect_right(self.ends, pos)
        lo = k - n
        if n > 0 and lo >= 0 and toks[lo].start >= left and (k == len(toks) or toks[k].start >= pos):
            return toks[lo:k]
        return tokens(self.text, left, pos)[-n:]  # a word cut by the window's edges

    def after(self, pos: int) -> list[Token]:
        """tokens(text, pos, min(len(text), pos + 40))[:1]: the word after pos."""
        limit = min(len(self.text), pos + _AFTER)
        toks = self.toks
        k = bisect_left(self.starts, pos)
        if k == 0 or toks[k - 1].end <= pos:
            if k == len(toks) or toks[k].start >= limit:
                return []
            if toks[k].end <= limit:
                return [toks[k]]
        return tokens(self.text, pos, limit)[:1]

    def span(self, s: int, e: int) -> list[Token]:
        """tokens(text, s, e): the words of text[s:e]."""
        i, j = self.starting_at(s), self.ending_at(e)
        if i is not None and j is not None and i <= j:
            return self.toks[i : j + 1]
        return tokens(self.text, s, e)


def _cue_before(words: _Words, start: int, lex: PlaceLexicon) -> tuple[str | None, int]:
    """The cue key of the words right before start and where those words begin."""
    text = words.text
    prev = words.before(start)
    if not prev or not _blank(text[prev[-1].end : start]):
        return None, start
    for n, phrases in lex.cue_index.items():  # longest cues first
        if n > len(prev):
            continue
        chunk = prev[-n:]
        key = phrases.get(" ".join(t.low for t in chunk))
        if key is not None and all(joined(text, a, b) for a, b in pairwise(chunk)):
            return key, chunk[0].start
    return None, start


def _relation(text: str, start: int, lex: PlaceLexicon) -> Span | None:
    left = max(0, start - _BEFORE)
    tails = lex.relation_tails
    if tails is not None:
        window = text[left:start]
        # a relation phrase ends with one of these words: without one, no need to search
        if window.isascii() and not window.rstrip(_REGEX_SPACE).lower().endswith(tails):
            return None
    m = lex.relation_re.search(text, left, start)
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

    words: _Words
    lex: PlaceLexicon
    lower: frozenset[str]  # words written in lower case somewhere in the text
    big_edges: frozenset[int]  # where hits of big places start and end
    name_parts: frozenset[str]  # words seen inside longer capitalised names that are not places

    @classmethod
    def make(cls, words: _Words, lex: PlaceLexicon, cands: list[tuple[int, int, tuple[Place, ...]]]) -> _Doc:
        """Gather the lower-case words, big places' edges and person-name parts of the text."""
        text, toks = words.text, words.toks
        spans = [(s, e) for s, e, _ in cands]
        named = _pair_starts(words, spans)  # starts of words followed by a word of the same hit
        cue_words = lex.cue_words
        parts: set[str] = set()
        for a, b in pairwise(toks):
            if not (b.text[0].isupper() and a.text[0].isupper()) or text[a.end : b.start] != " ":
                continue
            if a.low in cue_words or b.low in cue_words or a.low in lex.stopwords or b.low in lex.stopwords:
                continue
            if a.low in lex.titles:
                continue  # "Kapolres Poso": a title before a place
            if a.text.isupper() or b.text.isupper():
                continue  # "Polda Papua", "PT Freeport": an acronym before a name is a title, not a name part
            inside = a.start in named if named is not None else any(s <= a.start and b.end <= e for s, e in spans)
            if not inside:
                parts.update((a.low, b.low))  # "Anies Baswedan", "Valentino Rossi": a person's name
        # a word the text also puts after a place cue is a place, whatever names it stands in elsewhere:
        # "Serangan Jolo" in a title, "di Jolo" in the text
        parts -= {b.low for a, b in pairwise(toks) if a.low in cue_words and b.text[0].isupper()}
        return cls(
            words, lex, frozenset(t.low for t in toks if t.text.islower()),
            frozenset(x for s, e, ps in cands if _is_big(ps) for x in (s, e)), frozenset(parts),
        )

    def _home(self, s: int, places: tuple[Place, ...]) -> bool:
        """True for a place the project lists, a home-country town or district, or a home-country village
        named mid-sentence: "Poso", "Menteng", "warga Ancol" are places even though their names are words."""
        home = self.lex.home_country
        if any(p.key.startswith("px:") or (p.iso3 == home and p.feature != "village") for p in places):
            return True
        return any(p.iso3 == home for p in places) and not _sentence_start(self.words.text, s)

    def keep(self, s: int, e: int, places: tuple[Place, ...]) -> bool:
        """Common-word and person-name guards for a gazetteer hit."""
        text, lex = self.words.text, self.lex
        words = self.words.span(s, e)
        key = " ".join(t.low for t in words)
        if key in lex.stopwords:
            return False
        if len(words) == 1:
            if key in lex.single_word_blocks:
                return False
            nxt = self.words.after(e)
            if nxt and f"{key} {nxt[0].low}" in lex.fixed_phrases:
                return False  # "baku tembak" is a gunfight, not Baku
            if key in lex.number_words and nxt and nxt[0].low in lex.count_nouns:
                return False
            if _sentence_start(text, s) and key in self.lower and not text[s:e].isupper():
                return False
            prev_word = self.words.before(s, 1)
            cued = bool(prev_word) and prev_word[0].low in lex.strong_words  # "Provinsi Nangarhar"
            after_cue = bool(prev_word) and (prev_word[0].low in lex.cue_words or prev_word[0].low in lex.titles)
            if key in lex.common_words and not _is_big(places) and not after_cue and not self._home(s, places):
                return False  # "Demo", "Gas", "Jaga": a common word, unless a cue says it is a place
            if key in self.name_parts and not cued and not any(
                p.feature == "country" or (p.feature == "city" and p.population >= _NAME_PART_POPULATION)
                for p in places
            ):
                return False
        before, after = self.words.before(s, 1), self.words.after(e)
        if before and before[0].low in lex.strong_words and after and after[0].text[:1].isupper() \
                and text[e : after[0].start] == " " and after[0].low not in lex.stopwords \
                and after[0].start not in self.big_edges:
            return False  # "desa Tula Baru": the village's name goes on; it is not the city Tula
        if _is_big(places) or text[s:e].isupper():
            return True
        # a small place's name inside a longer capitalised name ("Recep Tayyip Erdogan") is not a place
        prev = self.words.before(s, 1)
        nxt = self.words.after(e)
        if prev and prev[0].text[0].isupper() and text[prev[0].end : s] == " ":
            t = prev[0]
            common = t.low in lex.stopwords or (_sentence_start(text, t.start) and t.low in self.lower)
            titled = t.low in lex.cue_words or t.low in lex.titles
            if not common and not titled and t.end not in self.big_edges:
                return False
        if nxt and nxt[0].text[0].isupper() and text[e : nxt[0].start] == " ":
            t = nxt[0]
            if t.low not in lex.stopwords and t.start not in self.big_edges:
                return False
        return True


def _pair_starts(words: _Words, spans: list[tuple[int, int]]) -> set[int] | None:
    """Where the words start that the next word follows inside one of spans (None if a span is not made of
    whole words): a pair of consecutive words lies inside a span exactly when its first word's start is here."""
    out: set[int] = set()
    for s, e in spans:
        i, j = words.starting_at(s), words.ending_at(e)
        if i is None or j is None:
            return None
        out.update(words.starts[i:j])
    return out


class Disjoint:
    """Disjoint spans kept sorted: whether a new span overlaps one is a binary search, not a scan of them all
    (a long text has thousands of place names; the scan made find_places quadratic)."""

    __slots__ = ("ends", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        """True when [s, e) overlaps none of the spans: all(e <= t0 or s >= t1 for (t0, t1) in spans)."""
        # the spans starting before e are the only ones that can overlap; being disjoint and sorted, the last
        # of them ends last
        j = bisect_left(self.starts, e)
        return j == 0 or self.ends[j - 1] <= s

    def add(self, s: int, e: int) -> bool:
        """Add [s, e) if it overlaps none of the spans; True when it was added."""
        if not self.free(s, e):
            return False
        j = bisect_left(self.starts, s)
        self.starts.insert(j, s)
        self.ends.insert(j, e)
        return True


def find_places(
    text: str, gaz: Gazetteer, lex: PlaceLexicon, start: int = 0, end: int | None = None,
    skip_dateline: bool = True,
) -> list[PlaceMention]:
    """Place mentions in text[start:end]: non-overlapping, longest first, with cue and relation.

    Mentions inside the article's dateline are left out unless skip_dateline is False."""
    stop = len(text) if end is None else end
    dl = dateline_span(text, lex) if skip_dateline else None
    words = _Words.of(text)
    toks = words.toks
    inside = toks if start <= 0 and stop >= len(text) else [t for t in toks if start <= t.start and t.end <= stop]
    cands = gaz.candidates_in(text, inside)
    doc = _Doc.make(words, lex, cands)
    hits = [
        (s, e, ps) for s, e, ps in cands
        if not (dl and s < dl.end and e > dl.start) and doc.keep(s, e, ps)
    ]
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, tuple[Place, ...]]] = []
    free = Disjoint()
    for h in hits:
        if free.add(h[0], h[1]):
            taken.append(h)
    taken.extend(_unknown_after_cues(text, inside, lex, free, dl))
    taken.sort(key=lambda h: h[0])
    out: list[PlaceMention] = []
    for s, e, places in taken:
        cue, cue_start = _cue_inside(words, s, e, lex)
        if cue is None:
            cue, cue_start = _cue_before(words, s, lex)
        rel = _relation(text, cue_start, lex)
        if rel is None and cue_start != s:
            rel = _relation(text, s, lex)
        out.append(PlaceMention(Span(s, e, text[s:e]), places, cue, "near" if rel else "in", rel))
    return out


def _cue_inside(words: _Words, s: int, e: int, lex: PlaceLexicon) -> tuple[str | None, int]:
    """A cue word that starts the matched name itself ("Kota Gaza", "Kabupaten Nduga")."""
    name = words.span(s, e)
    for n, phrases in lex.inside_index.items():  # longest cues first
        if n < len(name):
            key = phrases.get(" ".join(t.low for t in name[:n]))
            if key is not None:
                return key, s
    return None, s


def _unknown_after_cues(
    text: str, toks: list[Token], lex: PlaceLexicon, taken: Disjoint, dl: Span | None,
) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Capitalised names after a strong cue ("desa Xyz") that the gazetteer does not know (taken: the spans
    already found, which the new ones join)."""
    strong = lex.strong_heads
    out: list[tuple[int, int, tuple[Place, ...]]] = []
    heads = [x for x, t in enumerate(toks) if t.low in strong]
    i = 0
    for h in heads:
        if h < i:
            continue
        i = h  # the words before h start no cue
        hit = None
        for words in strong.get(toks[i].low, ()):
            n = len(words)
            if tuple(t.low for t in toks[i : i + n]) == words:
                hit = n
                break
        if hit is None:
            i += 1
            continue
        j = i + hit
        k = j
        while (
            k < len(toks) and k - j < 4 and toks[k].text[0].isupper()
            and ((k == j and _blank(text[toks[k - 1].end : toks[k].start]))
                 or (k > j and joined(text, toks[k - 1], toks[k])))
            and toks[k].low not in lex.stopwords
        ):
            k += 1
        if k > j:
            s, e = toks[j].start, toks[k - 1].end
            if not (dl and s < dl.end and e > dl.start) and taken.add(s, e):
                out.append((s, e, ()))
        i = max(k, i + 1)
    return out
