"""Article metadata: publication date, outlet, the wire sources it cites, and its dateline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from pantau.model import Article, ArticleMeta, Span
from pantau.text.data import text_data
from pantau.text.dateline import dateline
from pantau.text.timex import TimeLexicon, find_times

_LEADING_OUTLET = regex.compile(r"^\s*(?P<outlet>[\p{L}][\p{L}.\- ]{2,30}?)\s*,\s*(?=\d{1,2}\s+\p{L}+\s+\d{4})")


@dataclass(frozen=True)
class MetaLexicon:
    """Citation and publication cues of one language."""

    agencies: tuple[str, ...]
    agency_pattern: regex.Pattern[str]
    cite_pattern: regex.Pattern[str]
    source_line: regex.Pattern[str]
    published_cue: regex.Pattern[str]
    header_chars: int
    # "Kantor berita Reuters melaporkan": a source named as the subject of a reporting verb.
    subject_pattern: regex.Pattern[str]
    # What separates the names of a source line ("Reuters, AFP", "Reuters dan AFP").
    list_separator: regex.Pattern[str]
    # subject_pattern without its optional noun: every subject match holds one. Searched first because the
    # optional noun makes subject_pattern try a case-blind alternation at every position of the text, and
    # most texts that name an agency (in the dateline) never make it the subject of a reporting verb.
    # None: subject_pattern is searched whenever an agency is named.
    subject_cue: regex.Pattern[str] | None = None

    @classmethod
    def load(cls, lang: str = "id") -> MetaLexicon:
        """Compile the metadata cues of a language."""
        d = text_data(lang).model_dump()
        att = d["attribution"]
        agencies = tuple(sorted({str(a) for a in att["agencies"]}, key=len, reverse=True))

        def alt(words: list[str]) -> str:
            # longest first, so that "dilansir dari" wins over "dilansir"; spaces match any white space
            return "|".join(regex.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        ag = "|".join(regex.escape(a) for a in agencies)
        preps, nouns = alt(att["preps"]), alt(att["media_nouns"])
        cues = "|".join(regex.escape(c) for c in d["published_cues"])
        reports = rf"(?<![\p{{L}}])(?P<src>{ag})\s+(?i:{alt(att['source_verbs'])})(?![\p{{L}}])"
        return cls(
            agencies=agencies,
            agency_pattern=regex.compile(rf"(?<![\p{{L}}])(?:{ag})(?![\p{{L}}])"),
            cite_pattern=regex.compile(
                rf"(?i:\b(?:{preps})\b)\s+(?:(?i:{nouns})\s+)?(?P<src>{ag})(?![\p{{L}}])"
            ),
            source_line=regex.compile(
                rf"(?im)^\s*(?:{alt(att['source_labels'])})\s*:\s*(?P<src>[^\n]{{2,60}}?)\s*$"
                rf"|\(\s*(?P<src2>{ag})\s*/\s*\w+\s*\)"
            ),
            published_cue=regex.compile(rf"(?i)\b(?:{cues})\b"),
            header_chars=int(d["header_chars"]),
            subject_pattern=regex.compile(rf"(?:(?<![\p{{L}}])(?P<noun>(?i:{nouns}))\s+)?{reports}"),
            list_separator=regex.compile(rf"\s*(?:[,;]|(?<![\p{{L}}])(?i:{alt(att['list_joins'])})(?![\p{{L}}]))\s*"),
            subject_cue=regex.compile(reports),
        )


def published_date(text: str, tlex: TimeLexicon, mlex: MetaLexicon) -> tuple[date, Span] | None:
    """A full date from the article's header or from a 'published' cue in the text."""
    head = min(len(text), mlex.header_chars)
    for tm in find_times(text, tlex, None, 0, head):
        if tm.kind == "absolute" and tm.date:
            return tm.date, tm.span
    for cue in mlex.published_cue.finditer(text):
        for tm in find_times(text, tlex, None, cue.end(), min(len(text), cue.end() + 60)):
            if tm.kind == "absolute" and tm.date:
                return tm.date, tm.span
    return None


def cited_sources(text: str, mlex: MetaLexicon) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """The wire services and outlets the article cites, with the spans that say so."""
    found: list[tuple[int, str, Span]] = []
    # both citing patterns name an agency: one plain search spares two slow ones in many articles
    cites = mlex.agency_pattern.search(text) is not None
    for m in mlex.cite_pattern.finditer(text) if cites else ():
        found.append((m.start("src"), m.group("src"), Span(m.start("src"), m.end("src"), m.group("src"))))
    # an agency in the dateline passes that search: the subject pattern waits for its cheaper core as well
    subjects = cites and (mlex.subject_cue is None or mlex.subject_cue.search(text) is not None)
    for m in mlex.subject_pattern.finditer(text) if subjects else ():
        # Two letters are also a person's initials or a neighbourhood unit ("AP", "RT"): they count only
        # after a noun saying they are a news source ("kantor berita AP melaporkan").
        if len(m.group("src")) <= 2 and not m.group("noun"):
            continue
        found.append((m.start("src"), m.group("src"), Span(m.start("src"), m.end("src"), m.group("src"))))
    # the citing phrases in the order of the text, then the source lines
    found.sort(key=lambda f: f[0])
    names = [name for _, name, _ in found]
    spans = [span for _, _, span in found]
    for m in mlex.source_line.finditer(text):
        if m.group("src2"):
            names.append(m.group("src2"))
            spans.append(Span(m.start("src2"), m.end("src2"), m.group("src2")))
            continue
        for start, name in _listed_sources(text, m.start("src"), m.end("src"), mlex):
            names.append(name)
            spans.append(Span(start, start + len(name), name))
    # one name per source, however the text writes it ("BBC" in the text, "bbc" on the source line)
    seen: dict[str, str] = {}
    for n in names:
        seen.setdefault(n.casefold(), n)
    unique_spans: dict[tuple[int, int], Span] = {}
    for s in spans:
        unique_spans.setdefault((s.start, s.end), s)
    return tuple(seen.values()), tuple(unique_spans.values())


def _listed_sources(text: str, start: int, end: int, mlex: MetaLexicon) -> list[tuple[int, str]]:
    """The names, with their offsets, of a source line's list ("Reuters, AFP" -> Reuters and AFP)."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for sep in mlex.list_separator.finditer(text, start, end):
        pieces.append((pos, sep.start()))
        pos = sep.end()
    pieces.append((pos, end))
    known = set(mlex.agencies)
    out: list[tuple[int, str]] = []
    for a, b in pieces:
        name = text[a:b].strip().rstrip(".").strip()
        if not name:
            continue
        a += len(text[a:b]) - len(text[a:b].lstrip())
        # "Reuters/AFP" names two wires, but "AFP/Getty" is one name and "Kompas.com/Fulan" an outlet and
        # its writer: a slash separates only names that are all known.
        parts = [p.strip() for p in name.split("/")]
        if len(parts) > 1 and name not in known and all(p in known for p in parts):
            for p in parts:
                out.append((text.index(p, a), p))
        else:
            out.append((a, name))
    return out


def article_meta(article: Article, tlex: TimeLexicon, mlex: MetaLexicon) -> ArticleMeta:
    """Gather the article's metadata from its fields and its text."""
    text = article.text
    dl = dateline(text)
    outlet = article.outlet
    if not outlet and dl and dl[1]:
        outlet = dl[1]
    if not outlet:
        m = _LEADING_OUTLET.match(text)
        if m:
            outlet = m.group("outlet")
    pub_span = None
    published = article.published
    if published is None:
        found = published_date(text, tlex, mlex)
        if found:
            published, pub_span = found
    sources, spans = cited_sources(text, mlex)
    return ArticleMeta(
        published=published,
        published_span=pub_span,
        outlet=outlet,
        sources=sources,
        source_spans=spans,
        dateline=dl[0] if dl else None,
    )
