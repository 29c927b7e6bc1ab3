"""Actor mentions: named actors from the dictionary, and descriptive heads resolved with a country."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import Field

from pantau.lang.schema import LangData, load_table
from pantau.model import ActorKind, ActorRef, Span
from pantau.text.tokens import Token, match_at, phrase_index, tokenize

K = ActorKind
ARMED_KINDS = frozenset({K.MILITARY, K.POLICE, K.STATE_OTHER, K.REBEL, K.MILITIA, K.IDENTITY_MILITIA, K.COALITION,
                         K.EXTERNAL, K.UNIDENTIFIED, K.COUNTRY})
# People who can form a crowd: a protest, a riot, a mob.
CROWD_KINDS = frozenset({K.PEOPLE, K.PROTESTERS, K.RIOTERS})
STATE_KINDS = frozenset({K.MILITARY, K.POLICE, K.STATE_OTHER, K.COALITION, K.COUNTRY})
# ACLED writes some countries with the article: "Military Forces of the United States".
_WITH_ARTICLE = frozenset(
    {"USA", "GBR", "PHL", "NLD", "COD", "CAF", "ARE", "CZE", "BHS", "GMB", "COM", "MDV", "MHL", "SLB", "SYC"}
)


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A dictionary actor or a descriptive head waiting for its country."""

    name: str | None  # a named actor's ACLED name
    template: str | None  # "Military Forces of {country}" for heads
    inter: int
    country: str | None
    kind: ActorKind
    prefix: bool = False  # "polda *": the alias is followed by a proper name


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor found in the text, at token positions [first, last)."""

    span: Span
    entry: ActorEntry
    country: str | None
    first: int
    last: int
    name_from: int = -1  # for a prefix alias ("Polresta *"): where the proper name after it starts

    @property
    def kind(self) -> ActorKind:
        """The entry's kind: military, police, rebel, civilians, protesters, ..."""
        return self.entry.kind

    @property
    def armed(self) -> bool:
        """True for state forces and armed groups."""
        return self.entry.kind in ARMED_KINDS


@dataclass(frozen=True)
class ActorLexicon:
    """Actor aliases and heads of one language, with the country names that complete heads."""

    aliases: dict[str, list[tuple[tuple[str, ...], object]]]  # by lower-case first word, longest first
    countries: dict[str, list[tuple[tuple[str, ...], object]]]  # Indonesian country names -> ISO3
    country_names: Mapping[str, str]  # ISO3 -> English name

    @classmethod
    def load(cls, countries: Mapping[str, str], country_names: Mapping[str, str], lang: str = "id") -> ActorLexicon:
        """Load the actor dictionary and heads; countries maps names to ISO3, country_names ISO3 to English."""
        entries: dict[str, list[tuple[tuple[str, ...], object]]] = {}

        def add(alias: str, entry: ActorEntry) -> None:
            words = tuple(t.text for t in tokenize(alias))
            if words:
                entries.setdefault(words[0].lower(), []).append((words, entry))

        for _, row in load_table(lang, "actors.tsv", ActorRow):
            entry = ActorEntry(name=row.name, template=None, inter=row.inter, country=row.country or None,
                               kind=row.kind)
            for alias in row.aliases.split("|"):
                alias = alias.strip()
                if alias.endswith("*"):
                    add(alias[:-1].strip(), ActorEntry(entry.name, None, entry.inter, entry.country, entry.kind, True))
                elif alias:
                    add(alias, entry)
        for _, head in load_table(lang, "actor_heads.tsv", HeadRow):
            add(head.head, ActorEntry(None, head.template, head.inter, None, head.kind))
        for items in entries.values():
            items.sort(key=lambda e: -len(e[0]))
        country_index = phrase_index({k.lower(): v for k, v in countries.items()})
        return cls(entries, country_index, dict(country_names))

    def acled_name(self, template: str, iso3: str | None) -> str:
        """Fill a template such as 'Civilians ({country})' with a country's ACLED name."""
        name = self.country_names.get(iso3 or "", "") or "International"
        if "Forces of" in template and iso3 in _WITH_ARTICLE:
            name = f"the {name}"
        return template.replace("{country}", name)


class ActorRow(LangData):
    """One row of lang/<lang>/actors.tsv: a named actor, its ACLED inter code, country, kind and aliases."""

    name: str = Field(min_length=1)
    inter: int = Field(ge=1, le=8)
    country: str
    kind: ActorKind
    aliases: str  # may be empty: the actor is reached through a head and a country ("polisi Jerman")


class HeadRow(LangData):
    """One row of lang/<lang>/actor_heads.tsv: a descriptive head and the ACLED name it takes with a country."""

    head: str = Field(min_length=1)
    template: str = Field(min_length=1)
    inter: int = Field(ge=1, le=8)
    kind: ActorKind


def _word_matches(alias_word: str, tok: Token) -> bool:
    """Acronyms ("IS", "KKB") match only in capitals; other words match in any case."""
    if len(alias_word) > 1 and alias_word.isupper():
        return tok.text == alias_word
    return tok.low == alias_word.lower()


def _match_alias(toks: list[Token], i: int, index: dict[str, list[tuple[tuple[str, ...], object]]]):
    for words, value in index.get(toks[i].low, ()):
        n = len(words)
        if i + n > len(toks):
            continue
        for k in range(n):  # _word_matches, inlined: this runs for every candidate alias
            word, tok = words[k], toks[i + k]
            acronym = len(word) > 1 and word.isupper()
            if (tok.text != word) if acronym else (tok.low != word.lower()):
                break
        else:
            return n, value
    return None


def country_at(toks: list[Token], i: int, lex: ActorLexicon) -> tuple[int, str] | None:
    """A country name starting at token i: (number of tokens, ISO3)."""
    if i >= len(toks) or not toks[i].text[:1].isupper():
        return None
    found = match_at(toks, i, lex.countries)
    if found is None:
        return None
    n, iso = found
    return n, str(iso)


def find_actors(toks: list[Token], lex: ActorLexicon, text: str) -> list[ActorMatch]:
    """Longest-match actor mentions; heads followed by a country name take that country."""
    out: list[ActorMatch] = []
    i = 0
    n_toks = len(toks)
    aliases, countries = lex.aliases, lex.countries
    while i < n_toks:
        low = toks[i].low
        found = _match_alias(toks, i, aliases) if low in aliases else None
        if found is None:
            c = country_at(toks, i, lex) if low in countries else None
            if c is not None:
                n, iso = c
                entry = ActorEntry(None, "Military Forces of {country}", 1, iso, ActorKind.COUNTRY)
                s, e = toks[i].start, toks[i + n - 1].end
                out.append(ActorMatch(Span(s, e, text[s:e]), entry, iso, i, i + n))
                i += n
                continue
            i += 1
            continue
        n, value = found
        assert isinstance(value, ActorEntry)
        j = i + n
        country = value.country
        name_from = -1
        if value.prefix:
            name_from = j
            k = j
            while k < n_toks and k < j + 3 and toks[k].text[:1].isupper() and toks[k].is_word:
                k += 1
            if k == j:
                i += 1
                continue
            j = k
        elif value.template:
            c = country_at(toks, j, lex)
            if c is not None:
                country = c[1]
                j += c[0]
        s, e = toks[i].start, toks[j - 1].end
        out.append(ActorMatch(Span(s, e, text[s:e]), value, country, i, j, name_from))
        i = j
    return out


def resolve_actor(match: ActorMatch, lex: ActorLexicon, event_country: str | None) -> ActorRef:
    """The ACLED actor of a match: a foreign state's forces get inter 8, heads take the event's country."""
    entry = match.entry
    country = match.country or (event_country if entry.template else entry.country)
    name = entry.name or lex.acled_name(entry.template or "{country}", country)
    inter = entry.inter
    if entry.kind in STATE_KINDS and inter == 1 and country and event_country and country != event_country:
        inter = 8
    return ActorRef(name=name, inter=inter, country=country)
