"""The dateline: the line at the top of an article that says where it was written and for which outlet."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from pantau.model import Span

# How far from the top of the text a dateline may start, line by line below headers, headlines and photo
# captions (geo's places.yaml sets its own window for its forms).
DATELINE_WINDOW = 400

# The wire layout, in any language: a place in capitals or title case (up to four words), then an outlet
# after a comma or in brackets, then a dash ("JAKARTA, CNN Indonesia --", "Jakarta (ANTARA) -", "DAMASKUS--",
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
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)\]]*\s*$")
# Lines of the wire layout end at "\n"; a language's own forms have always been read on the lines
# str.splitlines gives (every line break, "\r\n" as one), and the dateline found must not move.
_NEWLINE = regex.compile("\n")
_ANY_BREAK = regex.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _top_lines(text: str, window: int, breaks: regex.Pattern[str]) -> Iterator[tuple[int, str]]:
    """The lines that start in text[:window], with their offsets, each with its line break."""
    pos = 0
    while pos < min(len(text), window):
        m = breaks.search(text, pos)
        end = len(text) if m is None else m.end()
        yield pos, text[pos:end]
        pos = end


def _wire_match(line: str) -> tuple[int, int, str | None] | None:
    """Where the wire-layout dateline opening one line of text stands in it, and its outlet; or None."""
    m = _wire_layout(line)
    if m is None:
        return None
    outlet = m.group("web") or (m.group("outlet") or m.group("outlet2") or "").strip() or None
    return m.start("head"), m.end(), outlet


def _wire_layout(line: str) -> regex.Match[str] | None:
    """The match of the wire layout at the start of one line of text, if it is a dateline."""
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


def _form_match(line: str, forms: Sequence[regex.Pattern[str]]) -> tuple[int, int, str | None] | None:
    """Where in the line the first of a language's dateline forms matches, trailing blanks left out."""
    lead = len(line) - len(line.lstrip())
    for pat in forms:
        m = pat.match(line, lead)
        if m is None:
            continue
        # a form that ignores case for its outlet words would otherwise take any sentence for a place
        if pat.flags & regex.IGNORECASE and "p" in pat.groupindex and not m.group("p")[0].isupper():
            continue
        end = m.end()
        while end > m.start() and line[end - 1].isspace():
            end -= 1
        return m.start(), end, None
    return None


def dateline(
    text: str, forms: Sequence[regex.Pattern[str]] | None = None, window: int = DATELINE_WINDOW
) -> tuple[Span, str | None] | None:
    """The dateline at the top ('JAKARTA, CNN Indonesia --'), maybe below header lines, and the outlet it names.

    Without forms, the wire layout is looked for; with forms (a language's patterns, with a group `p` for
    the place), the first line one of them matches is the dateline, read no further than the window, and
    its outlet is not told apart (None)."""
    breaks = _NEWLINE if forms is None else _ANY_BREAK
    for pos, line in _top_lines(text, window, breaks):
        found = _wire_match(line) if forms is None else _form_match(line[: window - pos], forms)
        if found is not None:
            start, stop = pos + found[0], pos + found[1]
            return Span(start, stop, text[start:stop]), found[2]
    return None
