"""Article metadata: publication date, outlet, the wire sources it cites, and its dateline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from pantau.extract.timex import TimeLexicon, find_times
from pantau.lang import load_yaml
from pantau.model import Article, ArticleMeta, Span

# The dateline, in any language: a place in capitals or title case (up to four words), then an outlet after
# a comma or in brackets, then a dash ("JAKARTA, CNN Indonesia --", "Jakarta (ANTARA) -", "DAMASKUS--",
# "Jakarta -"); before brackets the place may go on ("Garut, Jawa Barat (ANTARA) -"). Or an outlet's web
# name first ("TEMPO.CO, Jakarta -", "Merdeka.com -"). Outlets start with a letter so that a date line
# ("Senin, 3 Juni 2024 - 10:00", "Kamis (14/9) -") is not a dateline.
_SP = r"[ \t\u00a0]"
_WORD = r"\p{Lu}[\p{L}'’.]*(?:-\p{L}[\p{L}'’.]*)*"
_PLACE = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_WEB_NAME = r"[\p{L}\d]+(?:\.\p{L}{2,4}){1,2}(?![\p{L}\d.])"
_DAY_MONTH = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
_DATELINE = regex.compile(
    rf"{_SP}*(?P<head>(?P<web>{_WEB_NAME})(?:{_SP}*,{_SP}*{_PLACE})?"
    rf"|(?P<city>{_PLACE})(?:(?:{_SP}*,{_SP}*(?:{_PLACE}|{_DAY_MONTH})){{0,2}}{_SP}*,?{_SP}*"
    rf"\({_SP}*(?P<outlet2>\p{{L}}[^()\n]{{1,29}}?){_SP}*\)"
    rf"|{_SP}*,{_SP}*(?P<outlet>\p{{L}}[^\n–—]{{1,39}}?))?)"
    rf"{_SP}*(?P<dash>(?:--|–|—|-)+){_SP}*",
)
# How far from the top of the text a dateline may start, line by line below headers, headlines and photo
# captions: the same window as geo's dateline_span.
_DATELINE_WINDOW = 400
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)\]]*\s*$")
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

    @classmethod
    def load(cls, lang: str = "id") -> MetaLexicon:
        """Compile the metadata cues of a language."""
        d = load_yaml(lang, "text.yaml")
        att = d["attribution"]
        agencies = tuple(sorted({str(a) for a in att["agencies"]}, key=len, reverse=True))

        def alt(words: list[str]) -> str:
            # longest first, so that "dilansir dari" wins over "dilansir"; spaces match any white space
            return "|".join(regex.escape(str(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        ag = "|".join(regex.escape(a) for a in agencies)
        preps, nouns = alt(att["preps"]), alt(att["media_nouns"])
        cues = "|".join(regex.escape(c) for c in d["published_cues"])
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
            header_chars=int(d.get("header_chars", 300)),
            subject_pattern=regex.compile(
                rf"(?:(?<![\p{{L}}])(?P<noun>(?i:{nouns}))\s+)?(?<![\p{{L}}])(?P<src>{ag})"
                rf"\s+(?i:{alt(att['source_verbs'])})(?![\p{{L}}])"
            ),
            list_separator=regex.compile(rf"\s*(?:[,;]|(?<![\p{{L}}])(?i:{alt(att['list_joins'])})(?![\p{{L}}]))\s*"),
        )


def _dateline_match(line: str) -> regex.Match[str] | None:
    """The dateline opening one line of text, or None."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    dash = m.group("dash")
    before = line[m.start("dash") - 1 : m.start("dash")]
    after = line[m.end("dash") : m.end("dash") + 1]
    # A hyphen between lower-case letters joins a compound ("orang-orang", "e-commerce").
    if dash == "-" and before.islower() and after.islower():
        return None
    # A hyphen glued to both words ("INGGRIS-Arsenal") opens a paragraph that ends as a sentence, not a
    # headline or a "read also" line in capitals.
    if dash == "-" and not before.isspace() and after and not after.isspace() and not _SENTENCE_END.search(line):
        return None
    if m.group("web"):
        return m
    city = m.group("city")
    if len(city) < 3:
        return None
    if city.upper() == city:  # capitals: the wire layout, dashes spaced or not ("DAMASKUS--")
        return m
    if m.group("outlet2"):  # "Kupang (ANTARA) -Polisi"
        return m
    # Title case ("Jakarta, CNN Indonesia --", "Jakarta -") is also how sentences and headlines start, so
    # the dash must stand apart from the next word ("Pierre-Emerick", "Jakarta-Bandung" are names).
    if after and not after.isspace():
        return None
    if m.group("outlet"):
        return m
    # A bare place: a hyphen spaced on both sides, a short name, and a sentence after it on the line, not a
    # headline's site name ("Polisi Buru Pelaku - Kabar Timur").
    if dash == "-" and not before.isspace():
        return None
    if len(city.split()) > 3 or len(line[m.end() :].split()) < 2 or not _SENTENCE_END.search(line):
        return None
    return m


def dateline(text: str) -> tuple[Span, str | None] | None:
    """The dateline at the top ('JAKARTA, CNN Indonesia --'), maybe below header lines, and the outlet it names."""
    pos = 0
    while pos < min(len(text), _DATELINE_WINDOW):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        line = text[pos:end]
        m = _dateline_match(line)
        if m is not None:
            start, stop = pos + m.start("head"), pos + m.end()
            outlet = m.group("web") or (m.group("outlet") or m.group("outlet2") or "").strip() or None
            return Span(start, stop, text[start:stop]), outlet
        pos = end
    return None


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
    # both citing patterns name an agency: one plain search spares two slow ones in most articles
    cites = mlex.agency_pattern.search(text) is not None
    for m in mlex.cite_pattern.finditer(text) if cites else ():
        found.append((m.start("src"), m.group("src"), Span(m.start("src"), m.end("src"), m.group("src"))))
    for m in mlex.subject_pattern.finditer(text) if cites else ():
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
