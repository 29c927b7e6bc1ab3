"""The year of an article that names none: its office holders bound it, its weekdays pick it.

An article with no publication date and no year ("Kamis (29/9)", "Sabtu (24/9)") is still dated by a human
coder: "Menlu AS John Kerry" was written while Kerry held that office (2013-2017), and of those years only
2016 has 29 September on a Thursday. `anchored_year` does the same with the table of lang/<lang>/offices.yaml.

Decisions: a name counts only beside a title of its office ("Menlu AS, John Kerry", "John Kerry, Menlu
AS"), because a bare name is often named after its office ("Kerry, a senator then") and a title alone says
nothing; a "mantan" (former) or "calon" (candidate) before the title voids it. Several anchors intersect
their years; anchors that disagree, or weekdays that fit no year or two years inside the bound equally well,
give no year at all (no date beats a guessed one). Rejected: the nearest year to today that fits the
weekdays (2022 for a 2016 article: every weekday pattern recurs within eleven years); the latest year the
text names (there is none here); a year from the place or conflict named (no rule generalises).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import regex

from pantau.lang.schema import LangData, Words, load_data


class HolderData(LangData):
    """One holder of an office: the forms of the name and the years in office (inclusive ranges)."""

    names: Words
    years: tuple[tuple[int, int], ...]


class OfficeData(LangData):
    """One office: its titles and its holders."""

    titles: Words
    holders: tuple[HolderData, ...]


class OfficesData(LangData):
    """The schema of lang/<lang>/offices.yaml."""

    former_words: Words
    offices: tuple[OfficeData, ...]


@dataclass(frozen=True)
class OfficeLexicon:
    """Compiled office anchors: one pattern per office, whose named group `h<k>` is the k-th holder."""

    patterns: tuple[regex.Pattern[str], ...]
    years: tuple[tuple[frozenset[int], ...], ...]  # per office, per holder

    @classmethod
    def load(cls, lang: str = "id") -> OfficeLexicon:
        """Load and compile the office table of a language."""
        d = load_data(lang, "offices.yaml", OfficesData)
        former = _alt(d.former_words)
        patterns, years = [], []
        for office in d.offices:
            title = _alt(office.titles)
            names = "|".join(f"(?P<h{k}>{_alt(h.names)})" for k, h in enumerate(office.holders))
            # "Menlu AS, John Kerry" or "John Kerry, Menlu AS"; not "mantan Menlu AS John Kerry"
            patterns.append(regex.compile(
                rf"(?<![\p{{L}}])(?<!(?:{former})\s+)(?:{title})\s*,?\s+(?:{names})(?![\p{{L}}])"
                rf"|(?<![\p{{L}}])(?:{names})\s*,\s+(?!(?:{former})\s)(?:{title})(?![\p{{L}}])",
                regex.IGNORECASE | regex.V1,
            ))
            years.append(tuple(
                frozenset(y for lo, hi in h.years for y in range(lo, hi + 1)) for h in office.holders
            ))
        return cls(tuple(patterns), tuple(years))


def _alt(words: Iterable[str]) -> str:
    """Longest first, any white space between words."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def office_years(text: str, lex: OfficeLexicon) -> frozenset[int] | None:
    """The years in which every office holder the text names with the office's title was in office; None when
    it names none. An empty set: anchors that cannot all hold at once."""
    bound: frozenset[int] | None = None
    for pattern, holders in zip(lex.patterns, lex.years, strict=True):
        for m in pattern.finditer(text):
            k = next(int(name[1:]) for name, value in m.groupdict().items() if value is not None)
            bound = holders[k] if bound is None else bound & holders[k]
    return bound


def anchored_year(pairs: Iterable[tuple[int, int, int]], bound: frozenset[int]) -> int | None:
    """The one year of bound in which most (day, month, weekday) pairs fall on their weekday; None on a tie or
    when none fits."""
    votes: Counter[int] = Counter()
    for day, month, weekday in pairs:
        for y in bound:
            try:
                if date(y, month, day).weekday() == weekday:
                    votes[y] += 1
            except ValueError:
                continue
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]
