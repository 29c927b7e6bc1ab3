"""Indonesian date and time expressions, resolved against a reference date with ACLED's precision."""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import regex

from pantau.lang.schema import LangData, Words, load_data
from pantau.model import Span, TimeMention
from pantau.text.anchors import anchored_finditer, word_automaton
from pantau.text.numbers import NumbersData


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class TimeData(LangData):
    """The schema of lang/<lang>/time.yaml."""

    months: dict[int, Words]
    weekdays: dict[int, Words]
    day_parts: Words
    relative_days: dict[str, int]
    relative_weeks: dict[str, tuple[int, int]]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    ago_units: dict[str, int]
    ago_words: Words
    after_words: Words
    within_words: Words
    last_words: Words
    hour_units: Words
    month_cue: Words
    year_cue: Words
    year_preps: Words
    one_unit_words: dict[str, int]
    then_words: Words
    earlier_openers: Words


@dataclass(frozen=True)
class TimeLexicon:
    """Compiled time vocabulary of one language."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    relative_weeks: dict[str, tuple[int, int]]
    relative_months: dict[str, int]
    relative_years: dict[str, int]
    ago_units: dict[str, int]
    one_unit: dict[str, int]
    pattern: regex.Pattern[str]
    anchors: Any = None  # Aho-Corasick automaton of the words a match of pattern can begin with
    teens: dict[str, int] = field(default_factory=dict)  # "sebelas": 11 (numbers.yaml)
    teen_suffix: str = ""  # "<unit> belas" = 10 + unit
    tens_word: str = ""  # "<unit> puluh" = 10 * unit
    after: regex.Pattern[str] | None = None  # "setelah lima bulan": time elapsed since the incident before
    then: tuple[tuple[str, ...], ...] = ()  # "saat itu": the time of the sentence before
    earlier: regex.Pattern[str] | None = None  # "Sebelumnya, ...": a sentence that tells an earlier incident

    @classmethod
    def load(cls, lang: str = "id") -> TimeLexicon:
        """Load and compile the time vocabulary of a language."""
        d = load_data(lang, "time.yaml", TimeData).model_dump()
        months = {str(w): int(m) for m, ws in d["months"].items() for w in ws}
        weekdays = {str(w): int(k) for k, ws in d["weekdays"].items() for w in ws}
        rel_days = {str(k): int(v) for k, v in d["relative_days"].items()}
        rel_weeks = {str(k): (int(v[0]), int(v[1])) for k, v in d["relative_weeks"].items()}
        rel_months = {str(k): int(v) for k, v in d["relative_months"].items()}
        rel_years = {str(k): int(v) for k, v in d["relative_years"].items()}
        ago_units = {str(k): int(v) for k, v in d["ago_units"].items()}
        mon, wd = _alt(list(months)), _alt(list(weekdays))
        parts = _alt([str(p) for p in d["day_parts"]])
        ago = _alt([str(w) for w in d["ago_words"]])
        units = _alt(list(ago_units))
        within, last = _alt([str(w) for w in d["within_words"]]), _alt([str(w) for w in d["last_words"]])
        hours = _alt([str(w) for w in d["hour_units"]])
        mcue, ycue = _alt([str(w) for w in d["month_cue"]]), _alt([str(w) for w in d["year_cue"]])
        year_preps = [str(w) for w in d["year_preps"]]
        yprep = _alt(year_preps) or "(?!)"
        relyear = _alt(list(rel_years)) or "(?!)"
        rel = _alt(list(rel_days) + list(rel_weeks) + list(rel_months) + list(rel_years))
        # "Kamis pekan lalu": a weekday of last week (the relative weeks a week back)
        lastweek = _alt([k for k, (off, _) in rel_weeks.items() if off == -7]) or "(?!)"
        nd = load_data(lang, "numbers.yaml", NumbersData).model_dump()
        number_words = [str(w) for w in list(nd["units"]) + list(nd["teens"])]
        teen_suffix = str(nd["teen_suffix"])
        tens_word = next(str(w) for w, v in nd["multipliers"].items() if int(v) == 10)
        num = rf"(?:\d{{1,3}}|(?:{_alt(number_words)})(?:\s+(?:{_alt([teen_suffix, tens_word])}))?)"
        one_unit = {str(k): int(v) for k, v in d["one_unit_words"].items()}
        one = _alt(list(one_unit)) or "(?!)"
        # Alternatives are tried in order: the most specific forms first. Every alternative must begin
        # with a digit, "(" or a word of `starters` below: matches are only tried where one of those is.
        pattern = rf"""
        (?P<full>(?:(?P<fwd>{wd})\s*,?\s*)?\(?(?P<fd>\d{{1,2}})\s+(?P<fm>{mon})\.?\s*,?\s+(?P<fy>(?:19|20)\d\d)\b)
        |(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)\b)
        |(?P<wdm>(?P<ww>{wd})(?:\s+(?:{parts}))?\s*,?\s*\(\s*(?P<wd_d>\d{{1,2}})\s*/\s*(?P<wd_m>\d{{1,2}})(?:\s*/\s*(?P<wd_y>\d{{2,4}}))?\s*\))
        |(?P<slash>\(\s*(?P<sd>\d{{1,2}})\s*/\s*(?P<sm>\d{{1,2}})(?:\s*/\s*(?P<sy>\d{{2,4}}))?\s*\)|\b(?P<sd2>\d{{1,2}})/(?P<sm2>\d{{1,2}})(?:/(?P<sy2>(?:19|20)?\d\d))?\b(?!/))
        |(?P<dm>(?:(?P<dmw>{wd})\s*,?\s*)?\b(?P<dmd>\d{{1,2}})\s+(?P<dmm>{mon})\b\.?)
        |(?P<my>(?:(?:{mcue})\s+)?\b(?P<mym>{mon})\s+(?P<myy>(?:19|20)\d\d)\b)
        |(?P<mry>(?:(?:{mcue})\s+)?\b(?P<mrym>{mon})\s+(?P<mryr>{relyear})\b)
        |(?P<ago>\b(?P<agon>{num})\s+(?P<agou>{units})\s+(?:{ago})\b)
        |(?P<ago1>\b(?P<ago1w>{one})\s+(?:{ago})\b)
        |(?P<within>\b(?:{within})\s+(?P<win>{num})\s+(?:{hours}|(?P<winu>{units}))\s+(?:{last})\b)
        |(?P<rel>\b(?:{rel})\b)
        |(?P<wdlast>\b(?P<wlw>{wd})\s+(?:{lastweek})\b)
        |(?P<wday>\b(?P<wdw>{wd})\b(?:\s+(?:{parts}))?(?P<wdago>\s+(?:{ago})\b)?)
        |(?P<mon>\b(?:{mcue})\s+(?P<monm>{mon})\b(?:\s+(?P<monrel>{ago}))?)
        |(?P<monago>\b(?P<mam>{mon})\s+(?:{ago})\b)
        |(?P<yr>\b(?:{ycue})\s+(?P<yry>(?:19|20)\d\d)\b)
        |(?P<yrp>(?<=\b(?:{yprep})\s+)(?P<yrpy>(?:19|20)\d\d)\b(?![/.,]?\d))
        |(?P<yrago>\b(?P<yray>(?:19|20)\d\d)\s+(?:{ago})\b)
        """
        compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERBOSE | regex.V0)
        # (a bare year's preposition is a look-behind: "pada" is far too common a word to start a search at)
        starters = [list(weekdays), list(months), [str(w) for w in d["month_cue"]], [str(w) for w in d["year_cue"]],
                    number_words, [str(w) for w in d["within_words"]],
                    list(rel_days) + list(rel_weeks) + list(rel_months) + list(rel_years)]
        if one_unit:
            starters.append(list(one_unit))
        anchors = word_automaton((w for ws in starters for w in ws), digits=True, also="(") if all(starters) else None
        after_words = [str(w) for w in d["after_words"]]
        after = regex.compile(rf"\b(?:{_alt(after_words)})\s+(?P<n>{num})\s+(?P<u>{units})\b", regex.IGNORECASE) \
            if after_words else None
        openers = [str(w) for w in d["earlier_openers"]]
        spaced = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(openers, key=len, reverse=True))
        earlier = regex.compile(rf"\s*(?:{spaced})(?![\p{{L}}])", regex.IGNORECASE) if openers else None
        return cls(months, weekdays, rel_days, rel_weeks, rel_months, rel_years, ago_units, one_unit, compiled,
                   anchors, {str(k): int(v) for k, v in nd["teens"].items()}, teen_suffix, tens_word, after,
                   tuple(tuple(str(w).lower().split()) for w in d["then_words"]), earlier)


def word_value(table: dict[str, int], word: str) -> int:
    """The value of the table word a case-insensitive pattern matched as `word`.

    The pattern matches by Unicode case folding, so the match need not lower() to a key: "ſelasa" (long s)
    matches "selasa". The common case is one dict lookup; otherwise the key the pattern itself would match.
    """
    value = table.get(word.lower())
    if value is None:
        value = table.get(word.casefold())
    if value is None:
        flags = regex.IGNORECASE | regex.V0
        value = next((v for k, v in table.items() if regex.fullmatch(regex.escape(k), word, flags)), None)
    if value is None:
        raise KeyError(word)  # not a word of the table at all: a caller's bug, not the text's
    return value


def time_matches(text: str, lex: TimeLexicon, start: int = 0, end: int | None = None) -> Iterator[regex.Match[str]]:
    """The matches of lex.pattern.finditer(text, start, end), trying the pattern only where a match can begin."""
    return anchored_finditer(lex.pattern, lex.anchors, text, start, end, digits=True)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _year2(y: str | None) -> int | None:
    if not y:
        return None
    v = int(y)
    return v + 2000 if v < 100 else v


def _nearest_past(ref: date, month: int, day: int) -> date | None:
    """The date with this day and month on or before ref (within a year)."""
    for y in (ref.year, ref.year - 1):
        d = _safe_date(y, month, day)
        if d and d <= ref + timedelta(days=1):
            return d
    return None


def _shift_month(d: date, months: int) -> date | None:
    """The same day a month earlier or later, or None when that month has no such day."""
    m = d.month - 1 + months
    return _safe_date(d.year + m // 12, m % 12 + 1, d.day)


def last_weekday(ref: date, weekday: int) -> date:
    """The latest date with this weekday on or before ref."""
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def elapsed_days(text: str, start: int, end: int, lex: TimeLexicon, units: dict[str, int]) -> int | None:
    """The days "setelah lima bulan" says have passed since the incident told before, or None."""
    m = lex.after.search(text, start, end) if lex.after is not None else None
    if m is None:
        return None
    n = _word_number(m.group("n"), units, lex)
    return None if n is None else n * word_value(lex.ago_units, m.group("u"))


def _word_number(word: str, units: dict[str, int], lex: TimeLexicon) -> int | None:
    if word.isascii() and word.isdigit():
        return int(word)
    parts = word.lower().split()
    if len(parts) == 2 and parts[0] in units:
        return units[parts[0]] * 10 if parts[1] == lex.tens_word else 10 + units[parts[0]]
    return units.get(word.lower(), lex.teens.get(word.lower()))


def year_for_weekday(day: int, month: int, weekday: int, around: int) -> int | None:
    """The year nearest `around` in which day/month falls on weekday."""
    for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
        d = _safe_date(around + delta, month, day)
        if d and d.weekday() == weekday:
            return around + delta
    return None


def weekday_pairs(text: str, lex: TimeLexicon) -> Iterator[tuple[int, int, int]]:
    """The (day, month, weekday) of each yearless date the text gives with its weekday ("Kamis (29/9)")."""
    for m in time_matches(text, lex):
        if m.group("wdm"):
            yield int(m.group("wd_d")), int(m.group("wd_m")), word_value(lex.weekdays, m.group("ww"))
        elif m.group("dm") and m.group("dmw"):
            yield int(m.group("dmd")), word_value(lex.months, m.group("dmm")), word_value(lex.weekdays, m.group("dmw"))


def infer_year(text: str, lex: TimeLexicon, around: int) -> int | None:
    """The year on which the article's weekday + day/month pairs agree ('Kamis (29/9)')."""
    votes: Counter[int] = Counter()
    for d, mo, wd in weekday_pairs(text, lex):
        y = year_for_weekday(d, mo, wd, around)
        if y is not None:
            votes[y] += 1
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def find_times(
    text: str, lex: TimeLexicon, ref: date | None, start: int = 0, end: int | None = None,
    units: dict[str, int] | None = None, year_hint: int | None = None,
) -> list[TimeMention]:
    """Every time expression in text[start:end], resolved against the reference date."""
    out: list[TimeMention] = []
    units = units or {}
    end = len(text) if end is None else end
    for m in time_matches(text, lex, start, end):
        span = Span(m.start(), m.end(), m.group(0))
        resolved = _resolve(m, lex, ref, units, year_hint)
        if resolved is None:
            continue
        d, precision, kind = resolved
        out.append(TimeMention(span, d, precision, kind))
    return out


Resolved = tuple[date | None, int, str] | None
"""A time expression's date (None when it needs a reference date it lacks), precision and kind; None: no date."""

# Precision codes of a resolved time (ACLED's time_precision): the day, the week around it, the month or year.
DAY, WEEK, MONTH = 1, 2, 3
# A relative span of up to this many days keeps day precision ("tiga hari lalu"), up to WEEK_DAYS week
# precision; longer spans ("dua bulan lalu") keep only the month.
AGO_DAY_DAYS = 3
WEEK_DAYS = 14


def _resolve(
    m: regex.Match[str], lex: TimeLexicon, ref: date | None, units: dict[str, int], year_hint: int | None = None
) -> Resolved:
    """The date of one time match: the reader of the first alternative of the pattern that matched."""
    for groups, reader in _READERS:
        if any(m.group(name) for name in groups):
            return reader(m.group, _Ctx(lex, ref, units, year_hint))
    return None


@dataclass(frozen=True)
class _Ctx:
    """What every reader of a time match needs besides the match."""

    lex: TimeLexicon
    ref: date | None
    units: dict[str, int]
    year_hint: int | None


def _read_full(g: Callable[[str], str], c: _Ctx) -> Resolved:
    d = _safe_date(int(g("fy")), word_value(c.lex.months, g("fm")), int(g("fd")))
    return (d, DAY, "absolute") if d else None


def _read_iso(g: Callable[[str], str], c: _Ctx) -> Resolved:
    d = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
    return (d, DAY, "absolute") if d else None


def _read_weekday_daymonth(g: Callable[[str], str], c: _Ctx) -> Resolved:
    lex, ref = c.lex, c.ref
    day, month, year = int(g("wd_d")), int(g("wd_m")), _year2(g("wd_y"))
    if not 1 <= month <= 12:
        return None
    wd = word_value(lex.weekdays, g("ww"))
    if year is None and ref is not None:
        near = _nearest_past(ref, month, day)
        year = near.year if near else ref.year
        d0 = _safe_date(year, month, day)
        if d0 is not None and d0.weekday() != wd:
            # The weekday and the day/month disagree: a nearby year where they agree, else the
            # weekday itself (outlets mistype "(6/3)" for "(3/6)" more often than the weekday).
            y = year_for_weekday(day, month, wd, ref.year)
            if y is not None and abs(y - ref.year) <= 1 and (_safe_date(y, month, day) or ref) <= ref:
                year = y
            else:
                return (last_weekday(ref, wd), DAY, "weekday")
    elif year is None and c.year_hint is not None:
        year = year_for_weekday(day, month, wd, c.year_hint)
    d = _safe_date(year, month, day) if year else None
    if d is not None and ref is not None and d.weekday() != wd:
        # "Jumat (3/4/2024)" was a Wednesday: a mistyped month is likelier than a mistyped weekday when
        # the month next to it has that day on that weekday, on or before the reference date
        fits = [x for x in (_shift_month(d, -1), _shift_month(d, 1)) if x and x.weekday() == wd and x <= ref]
        d = min(fits, key=lambda x: ref - x) if fits else d
    return (d, DAY, "daymonth")


def _read_slash(g: Callable[[str], str], c: _Ctx) -> Resolved:
    day = int(g("sd") or g("sd2"))
    month = int(g("sm") or g("sm2"))
    year = _year2(g("sy") or g("sy2"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        d = _nearest_past(c.ref, month, day) if c.ref else (
            _safe_date(c.year_hint, month, day) if c.year_hint else None)
    else:
        d = _safe_date(year, month, day)
    return (d, DAY, "daymonth")


def _read_daymonth(g: Callable[[str], str], c: _Ctx) -> Resolved:
    ref = c.ref
    day, month = int(g("dmd")), word_value(c.lex.months, g("dmm"))
    if not 1 <= day <= 31:
        return None
    d = _nearest_past(ref, month, day) if ref else (_safe_date(c.year_hint, month, day) if c.year_hint else None)
    if ref and g("dmw"):
        wd = word_value(c.lex.weekdays, g("dmw"))
        if d is not None and d.weekday() != wd:
            y = year_for_weekday(day, month, wd, ref.year)
            d = _safe_date(y, month, day) if y else d
    return (d, DAY, "daymonth")


def _read_monthyear(g: Callable[[str], str], c: _Ctx) -> Resolved:
    month, year = word_value(c.lex.months, g("mym")), int(g("myy"))
    return (date(year, month, 1), MONTH, "month")


def _read_month_relyear(g: Callable[[str], str], c: _Ctx) -> Resolved:
    # "Agustus tahun lalu": that month of the year the relative words name
    if c.ref is None:
        return (None, MONTH, "month")
    key = " ".join(g("mryr").lower().split())
    if key not in c.lex.relative_years:
        return None  # a case-folded spelling the table lacks ("tahun ıni")
    year = c.ref.year + c.lex.relative_years[key]
    month = word_value(c.lex.months, g("mrym"))
    return (date(year, month, 1), MONTH, "month")


def _read_ago(g: Callable[[str], str], c: _Ctx) -> Resolved:
    n = _word_number(g("agon"), c.units, c.lex)
    if n is None or c.ref is None:
        return None if n is None else (None, WEEK, "relative")
    days = n * word_value(c.lex.ago_units, g("agou"))
    precision = DAY if days <= AGO_DAY_DAYS else WEEK if days <= WEEK_DAYS else MONTH
    return (c.ref - timedelta(days=days), precision, "relative")


def _read_ago_one(g: Callable[[str], str], c: _Ctx) -> Resolved:
    if c.ref is None:
        return (None, WEEK, "relative")
    days = word_value(c.lex.one_unit, g("ago1w"))
    return (c.ref - timedelta(days=days), DAY if days <= 1 else WEEK if days <= WEEK_DAYS else MONTH, "relative")


def _read_within(g: Callable[[str], str], c: _Ctx) -> Resolved:
    n = _word_number(g("win"), c.units, c.lex)
    if n is None:
        return None
    days = n * word_value(c.lex.ago_units, g("winu")) if g("winu") else 0
    return (c.ref, DAY if days <= 1 else WEEK, "duration")


def _read_relative(g: Callable[[str], str], c: _Ctx) -> Resolved:
    lex, ref = c.lex, c.ref
    key = " ".join(g("rel").lower().split())
    if ref is None:
        return (None, WEEK, "relative")
    if key in lex.relative_days:
        return (ref + timedelta(days=lex.relative_days[key]), DAY, "relative")
    if key in lex.relative_weeks:
        off, prec = lex.relative_weeks[key]
        return (ref + timedelta(days=off), prec, "relative")
    if key in lex.relative_months:
        mo = ref.month + lex.relative_months[key]
        y = ref.year + (mo - 1) // 12
        mo = (mo - 1) % 12 + 1
        return (date(y, mo, 1), MONTH, "month")
    if key in lex.relative_years:
        return (date(ref.year + lex.relative_years[key], 1, 1), MONTH, "year")
    return None


def _read_last_weekday(g: Callable[[str], str], c: _Ctx) -> Resolved:
    if c.ref is None:
        return (None, DAY, "weekday")
    monday = c.ref - timedelta(days=c.ref.weekday() + 7)  # Monday of last week
    return (monday + timedelta(days=word_value(c.lex.weekdays, g("wlw"))), DAY, "weekday")


def _read_weekday(g: Callable[[str], str], c: _Ctx) -> Resolved:
    if not g("wdw")[0].isupper():
        return None  # "minggu" in lower case is "week", not Sunday
    if c.ref is None:
        return (None, DAY, "weekday")
    # "Sabtu lalu" said on a Saturday is a week ago, not today
    before = c.ref - timedelta(days=1) if g("wdago") else c.ref
    return (last_weekday(before, word_value(c.lex.weekdays, g("wdw"))), DAY, "weekday")


def _read_month(g: Callable[[str], str], c: _Ctx) -> Resolved:
    ref = c.ref
    month = word_value(c.lex.months, g("monm"))
    if ref is None:
        return (None, MONTH, "month")
    year = ref.year if month <= ref.month and not g("monrel") else ref.year - 1
    if month < ref.month and g("monrel"):
        year = ref.year
    d = date(year, month, min(15, calendar.monthrange(year, month)[1]))
    return (min(d, ref), MONTH, "month")


def _read_month_ago(g: Callable[[str], str], c: _Ctx) -> Resolved:
    # "November lalu": the latest November before the reference month
    if c.ref is None:
        return (None, MONTH, "month")
    month = word_value(c.lex.months, g("mam"))
    year = c.ref.year if month < c.ref.month else c.ref.year - 1
    return (date(year, month, 1), MONTH, "month")


def _read_year(g: Callable[[str], str], c: _Ctx) -> Resolved:
    return (date(int(g("yry") or g("yrpy") or g("yray")), 1, 1), MONTH, "year")


# The readers in the order the pattern's alternatives are tried: the first whose group matched reads it.
_READERS: tuple[tuple[tuple[str, ...], Callable[[Callable[[str], str], _Ctx], Resolved]], ...] = (
    (("full",), _read_full),
    (("iso",), _read_iso),
    (("wdm",), _read_weekday_daymonth),
    (("slash",), _read_slash),
    (("dm",), _read_daymonth),
    (("my",), _read_monthyear),
    (("mry",), _read_month_relyear),
    (("ago",), _read_ago),
    (("ago1",), _read_ago_one),
    (("within",), _read_within),
    (("rel",), _read_relative),
    (("wdlast",), _read_last_weekday),
    (("wday",), _read_weekday),
    (("mon",), _read_month),
    (("monago",), _read_month_ago),
    (("yr", "yrp", "yrago"), _read_year),
)
