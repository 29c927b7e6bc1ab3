"""Claimants as sources: the article's words for who reports a figure, normalised to an English name and kind.

A claimant span ("Pejabat itu", "seorang komandan milisi koalisi pendukung rezim Assad", "juru bicara
TPNPB-OPM melalui keterangan tertulis") becomes a `Claimant`: a display name an analyst can publish and group
by ("US official", "pro-regime militia commander", "TPNPB spokesperson"), a kind (state, armed group,
monitor, medical, media, outlet, other) and the words themselves, kept as evidence.

Decisions:
- The names come from a data table (`lang/id/sources.yaml`): organisations with their patterns, the roles of
  people who speak for them, and English demonyms. A span names a source when a pattern occurs anywhere in
  it, longest first, so a person's name and title around it ("Juru Bicara Taliban Zabihullah Mujahid") do
  not matter. Rejected: a classifier over the span (no training data, and an analyst must be able to read
  and fix why a source got its name).
- A role with an organisation that has a short form gives "<short> <role>" ("TPNPB spokesperson"); a role
  with a country word gives "<demonym> <role>" ("US official"). Rejected: a table row per combination (the
  table would grow with every country times every role).
- Pointers ("pejabat itu", "dia", "katanya") are marked here and resolved by the merge stage, which sees
  the article: the official named before is the one who speaks. A span nothing fits keeps its words as
  its name with `normalised` False, so the share of normalised claimants can be measured.
- A span is matched only against the entries whose patterns begin with one of its words (`by_key`), each run
  found with list.index over the words: trying all 284 patterns token by token for every claimant span was
  a third of the coding time of an article with events. `_best_entry_plain` keeps the plain way, and
  tests/test_fastpaths.py checks that both agree. Rejected: one regex of all patterns (the patterns' gaps
  and the per-pattern case rule make it long and slow to compile, and it would need its own reference).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pantau.extract.data import source_data
from pantau.model import Claimant, Span
from pantau.text.tokens import Token, match_at, phrase_index, tokenize

Index = dict[str, list[tuple[tuple[str, ...], object]]]


@dataclass(frozen=True)
class SourceEntry:
    """One source of the table: its patterns (each a sequence of word runs), name and kind."""

    patterns: tuple[tuple[tuple[str, ...], ...], ...]
    exact: tuple[bool, ...]  # per pattern: written with a capital, matched case-sensitively ("SANA", not "sana")
    name: str
    type: str
    cite: str
    short: str | None
    demonym: bool  # the name takes the country of the span ("Health Ministry" -> "Syrian Health Ministry")
    generic: bool = False  # a catch-all ("kantor berita", "warga"): only when no other source fits

    # per pattern, its runs in the case the fast matcher compares them in: lower case unless exact
    compared: tuple[tuple[tuple[str, ...], ...], ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compared = tuple(
            runs if exact else tuple(tuple(w.lower() for w in run) for run in runs)
            for runs, exact in zip(self.patterns, self.exact, strict=True)
        )
        object.__setattr__(self, "compared", compared)

    @property
    def keys(self) -> frozenset[str]:
        """The lower-case first word of each pattern: a span holding none of them cannot name the entry."""
        return frozenset(runs[0][0].lower() for runs in self.patterns)


@dataclass(frozen=True)
class SourceLexicon:
    """The source table of one language: organisations, roles, demonyms and pointer words."""

    entries: tuple[SourceEntry, ...]
    roles: Index
    role_types: dict[str, str]
    role_articles: dict[str, str]
    countries: Index
    pronouns: frozenset[str]
    demonstratives: frozenset[str]
    addressee: frozenset[str] = frozenset()  # "kepada": who a source speaks to follows
    # the entries (by position) whose patterns may start at a lower-case word: the fast path's prefilter
    by_key: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_key: dict[str, list[int]] = {}
        for k, e in enumerate(self.entries):
            for key in e.keys:
                by_key.setdefault(key, []).append(k)
        object.__setattr__(self, "by_key", {key: tuple(ks) for key, ks in by_key.items()})

    @classmethod
    def load(cls, lang: str = "id") -> SourceLexicon:
        """Load lang/<lang>/sources.yaml through its schema."""
        d = source_data(lang)
        entries = tuple(
            SourceEntry(
                patterns=tuple(_pattern(p) for p in row.patterns),
                exact=tuple(p != p.lower() for p in row.patterns),
                name=row.name, type=row.type, cite=row.cite if row.cite is not None else row.name,
                short=row.short or None, demonym=row.demonym, generic=row.generic,
            )
            for row in d.sources
        )
        return cls(
            entries=entries,
            roles=phrase_index(d.roles),
            role_types={r: kind for kind, rs in d.role_types.items() for r in rs},
            role_articles={r: art for art, rs in d.role_articles.items() for r in rs},
            countries=phrase_index(d.countries),
            pronouns=frozenset(d.pointers.pronouns),
            demonstratives=frozenset(d.pointers.demonstratives),
            addressee=frozenset(d.addressee),
        )


def _pattern(p: str) -> tuple[tuple[str, ...], ...]:
    """'milisi * pendukung rezim' -> (('milisi',), ('pendukung', 'rezim'))."""
    return tuple(tuple(t.text for t in tokenize(part.strip())) for part in p.split("*") if part.strip())


def _find_run(toks: list[Token], run: tuple[str, ...], start: int, exact: bool) -> int:
    """The first token index >= start where the words of run follow each other, or -1."""
    n = len(run)
    for i in range(start, len(toks) - n + 1):
        if all((toks[i + k].text if exact else toks[i + k].low) == (run[k] if exact else run[k].lower())
               for k in range(n)):
            return i
    return -1


def _match_words(texts: list[str], lows: list[str], entry: SourceEntry) -> tuple[int, int]:
    """_match over the span's words as strings, each run found with list.index (the fast path)."""
    best = (0, -1)
    for runs, exact in zip(entry.compared, entry.exact, strict=True):
        seq = texts if exact else lows
        at, first, size = 0, -1, 0
        for run in runs:
            i = _find_words(seq, run, at)
            if i < 0:
                size = 0
                break
            first = i if first < 0 else first
            at, size = i + len(run), size + len(run)
        if size > best[0]:
            best = (size, first)
    return best


def _find_words(seq: list[str], run: tuple[str, ...], start: int) -> int:
    """The first index >= start where the words of run follow each other in seq, or -1."""
    n, head = len(run), run[0]
    stop = len(seq) - n + 1
    i = start
    while i < stop:
        try:
            i = seq.index(head, i, stop)
        except ValueError:
            return -1
        if n == 1 or tuple(seq[i + 1 : i + n]) == run[1:]:
            return i
        i += 1
    return -1


def _match(toks: list[Token], entry: SourceEntry) -> tuple[int, int]:
    """(words matched, first token) of the entry's best pattern in the span; (0, -1) for none."""
    best = (0, -1)
    for runs, exact in zip(entry.patterns, entry.exact, strict=True):
        at, first, size = 0, -1, 0
        for run in runs:
            i = _find_run(toks, run, at, exact)
            if i < 0:
                size = 0
                break
            first = i if first < 0 else first
            at, size = i + len(run), size + len(run)
        if size > best[0]:
            best = (size, first)
    return best


def _longest(toks: list[Token], index: Index) -> tuple[str | None, int, int]:
    """The longest phrase of index in toks: (its value, first token, length)."""
    best: tuple[str | None, int, int] = (None, -1, 0)
    for i, t in enumerate(toks):
        if t.low in index:
            m = match_at(toks, i, index)
            if m and m[0] > best[2]:
                best = (str(m[1]), i, m[0])
    return best


def _a(name: str) -> str:
    """'a' or 'an' before an English noun phrase: "an Iraqi official", "a US official", "an RSF spokesperson"
    (an acronym is read letter by letter)."""
    first = name.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1] in "AEIOaeio" else "a"


def describe(text: str, lex: SourceLexicon) -> Claimant:
    """The source a claimant span names; a pointer ("pejabat itu", "dia") is marked for the merge stage."""
    toks = tokenize(text)
    words = [t for t in toks if t.is_word]
    cut = next((k for k, w in enumerate(words) if k and w.low in lex.addressee), None)
    words = words[:cut]  # "seorang pejabat setempat kepada AFP": who is spoken to is not who speaks
    if not words:
        return Claimant(name=text, type="other", text=text, normalised=False)
    if len(words) == 1 and (words[0].low in lex.pronouns or words[0].low.endswith("nya")):
        return Claimant(name=text, type="other", text=text, normalised=False, pointer=("",))  # "dia", "katanya"
    entry, first = _best_entry(words, lex)
    # a person's title stands before the source it speaks for ("juru bicara militer Israel": spokesperson)
    role, rfirst, rlen = _longest(words[:first] if entry is not None else words, lex.roles)
    demonym, _, _ = _longest(words, lex.countries)
    if words[-1].low in lex.demonstratives and demonym is None and len(words) > 1:
        # "pejabat itu", "kementerian tersebut": the head noun names what was named before
        head = (words[first].low,) if entry is not None else tuple(w.low for w in words[rfirst : rfirst + rlen])
        head = head or tuple(w.low for w in words[-3:-1] if w.low not in lex.demonstratives)[-1:]
        fallback = _named(entry, role, None, lex) if (entry or role) else Claimant(text, "other", text)
        return Claimant(name=fallback.name, type=fallback.type, text=text, cite=fallback.cite,
                        normalised=False, pointer=head)
    if entry is None and role is None:
        if demonym is not None:
            # "Iran melaporkan ...": a country speaks through its authorities
            name = f"{demonym} authorities"
            return Claimant(name=name, type="state", text=text, cite=name)
        return Claimant(name=text, type="other", text=text, normalised=False)
    found = _named(entry, role, demonym, lex)
    return Claimant(name=found.name, type=found.type, text=text, cite=found.cite)


def _best_entry(words: list[Token], lex: SourceLexicon) -> tuple[SourceEntry | None, int]:
    """The source the span names and its first word: the longest pattern, a specific source before a generic
    one; a generic one only when no title stands before it ("Presiden X dalam pernyataan via media sosial":
    the president speaks, not the media). Tries only the entries a word of the span may start (`by_key`);
    `_best_entry_plain` is the reference it must equal."""
    texts, lows = [w.text for w in words], [w.low for w in words]
    entry, rank, first = None, (0, 0), -1
    for k in sorted({k for low in set(lows) for k in lex.by_key.get(low, ())}):
        e = lex.entries[k]
        n, i = _match_words(texts, lows, e)
        if n and (int(not e.generic), n) > rank:
            entry, rank, first = e, (int(not e.generic), n), i
    return _no_generic_after_title(words, lex, entry, first)


def _best_entry_plain(words: list[Token], lex: SourceLexicon) -> tuple[SourceEntry | None, int]:
    """_best_entry the plain way: every pattern of every entry tried token by token (the fast path's reference)."""
    entry, rank, first = None, (0, 0), -1
    for e in lex.entries:
        n, i = _match(words, e)
        if n and (int(not e.generic), n) > rank:
            entry, rank, first = e, (int(not e.generic), n), i
    return _no_generic_after_title(words, lex, entry, first)


def _no_generic_after_title(
    words: list[Token], lex: SourceLexicon, entry: SourceEntry | None, first: int
) -> tuple[SourceEntry | None, int]:
    """The entry found, or none when it is generic and a title stands before it."""
    if entry is not None and entry.generic:
        title, at, _ = _longest(words, lex.roles)
        if title is not None and at < first:
            return None, -1
    return entry, first


def _named(entry: SourceEntry | None, role: str | None, demonym: str | None, lex: SourceLexicon) -> Claimant:
    """The display name of an organisation and/or a role, with a country's demonym where it takes one."""
    if entry is not None:
        base = f"{demonym} {entry.name}" if entry.demonym and demonym else entry.name
        cite = entry.cite.replace("{demonym} ", f"{demonym} " if demonym else "")
        if role is not None and entry.short and not base.endswith(role):
            name = f"{entry.short} {role}"
            return Claimant(name=name, type=entry.type, text=None, cite=f"{_a(name)} {name}")
        return Claimant(name=base, type=entry.type, text=None, cite=cite)
    assert role is not None
    name = f"{demonym} {role}" if demonym else role
    art = lex.role_articles.get(role, "a")
    cite = name if art == "none" else f"the {name}" if art == "the" else f"{_a(name)} {name}"
    return Claimant(name=name, type=lex.role_types.get(role, "other"), text=None, cite=cite)


def window(toks: list[Token], head: tuple[str, ...], text: str, lex: SourceLexicon, stop: frozenset[str],
           reach: int = 8) -> Span | None:
    """The words from the last mention of head in toks up to the next punctuation or verb of saying: the
    description a pointer refers to ("Seorang pejabat AS, yang ..." -> "pejabat AS")."""
    n = len(head)
    for i in range(len(toks) - n, -1, -1):
        if all(toks[i + k].low == head[k] for k in range(n)):
            if i + n < len(toks) and toks[i + n].low in lex.demonstratives:
                continue  # another pointer, not the naming
            j = i + n
            while j < len(toks) and j < i + reach and toks[j].is_word and toks[j].low not in stop:
                j += 1
            return Span(toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end])
    return None
