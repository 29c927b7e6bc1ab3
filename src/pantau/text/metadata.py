"""Article metadata: publication date, outlet, the wire sources it cites, and its dateline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from pantau.extract.timex import TimeLexicon, find_times
from pantau.lang import load_yaml
from pantau.model import Article, ArticleMeta, Span

_DATELINE = regex.compile(
    r"^\s*(?P<city>[\p{Lu}][\p{Lu}.'’\- ]{1,30}[\p{Lu}.])\s*"
    r"(?:,\s*(?P<outlet>[^\n–—]{2,40}?)\s*|\(\s*(?P<outlet2>[^)\n]{2,30})\s*\)\s*)?"
    r"(?:--|–|—|-)+\s*",
    regex.V0,
)
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

    @classmethod
    def load(cls, lang: str = "id") -> MetaLexicon:
        """Compile the metadata cues of a language."""
        d = load_yaml(lang, "text.yaml")
        att = d["attribution"]
        agencies = tuple(sorted({str(a) for a in att["agencies"]}, key=len, reverse=True))
        ag = "|".join(regex.escape(a) for a in agencies)
        preps = "|".join(regex.escape(p) for p in sorted(att["preps"], key=len, reverse=True))
        cues = "|".join(regex.escape(c) for c in d["published_cues"])
        return cls(
            agencies=agencies,
            agency_pattern=regex.compile(rf"(?<![\p{{L}}])(?:{ag})(?![\p{{L}}])"),
            cite_pattern=regex.compile(
                rf"(?i:\b(?:{preps})\b)\s+(?:(?i:laman|situs|kantor berita|media)\s+)?(?P<src>{ag})(?![\p{{L}}])"
            ),
            source_line=regex.compile(rf"(?im)^\s*sumber\s*:\s*(?P<src>[^\n]{{2,60}}?)\s*$|\(\s*(?P<src2>{ag})\s*/\s*\w+\s*\)"),
            published_cue=regex.compile(rf"(?i)\b(?:{cues})\b"),
            header_chars=int(d.get("header_chars", 300)),
        )


def dateline(text: str) -> tuple[Span, str | None] | None:
    """The dateline at the top ('JAKARTA, CNN Indonesia --') and the outlet it names."""
    m = _DATELINE.match(text[:160])
    if not m:
        return None
    city = m.group("city").strip()
    if len(city) < 3 or not any(c.isupper() for c in city) or city.upper() != city:
        return None
    outlet = (m.group("outlet") or m.group("outlet2") or "").strip() or None
    return Span(m.start("city"), m.end(), text[m.start("city") : m.end()]), outlet


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
    names: list[str] = []
    spans: list[Span] = []
    for m in mlex.cite_pattern.finditer(text):
        names.append(m.group("src"))
        spans.append(Span(m.start("src"), m.end("src"), m.group("src")))
    for m in mlex.source_line.finditer(text):
        key = "src" if m.group("src") else "src2"
        src = m.group(key).strip().rstrip(".")
        names.append(src)
        spans.append(Span(m.start(key), m.start(key) + len(src), src))
    seen: dict[str, None] = {}
    for n in names:
        seen.setdefault(n, None)
    return tuple(seen), tuple(spans)


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
