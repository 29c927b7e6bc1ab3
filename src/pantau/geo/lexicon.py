"""The language words of place finding, read from pantau/lang/<lang>/places.yaml."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from pantau.geo.normalize import name_key
from pantau.lang import read_text
from pantau.lang.schema import LangData, Words, load_data

# Cue keys of prepositions (places.yaml): they open a place name but never stand inside one.
PREPOSITION_CUES = frozenset({"at", "to", "from", "for"})


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Cue words, relation words, stopwords and dateline outlets of one language."""

    lang: str
    cues: tuple[tuple[str, str], ...]  # (normalised phrase, cue key), longest phrase first
    strong_cues: frozenset[str]
    directions: tuple[str, ...]
    direction_heads: tuple[str, ...]
    distance_units: tuple[str, ...]
    distance_words: tuple[str, ...]
    distance_links: tuple[str, ...]
    near_words: tuple[str, ...]
    trailing: tuple[str, ...]
    arabic_articles: frozenset[str]
    number_words: frozenset[str]
    count_nouns: frozenset[str]
    stopwords: frozenset[str]
    fixed_phrases: frozenset[str]  # "baku tembak": a place's name as the first word of a common phrase
    single_word_blocks: frozenset[str]
    ranks: frozenset[str]  # "Pratu", "AKBP": before a person's name or initials
    titles: frozenset[str]
    home_country: str | None
    dateline_window: int
    outlets: tuple[str, ...]
    digest: str  # hash of the yaml text: part of the gazetteer index version
    relation_re: regex.Pattern[str]  # a "near" phrase ending where a place name (or its cue) starts
    dateline_res: tuple[regex.Pattern[str], ...]  # dateline forms, tried in order on each top line
    common_words: frozenset[str] = frozenset()  # the language's root words (places.yaml common_words)
    # Derived once from the fields above, for matching without scanning every cue:
    cue_index: dict[int, dict[str, str]] = field(init=False, repr=False, compare=False)  # words -> phrase -> key
    inside_index: dict[int, dict[str, str]] = field(init=False, repr=False, compare=False)  # the same, no prepositions
    cue_words: frozenset[str] = field(init=False, repr=False, compare=False)
    from_words: frozenset[str] = field(init=False, repr=False, compare=False)  # "dari": where a trip starts
    # directions and the last words of "near" phrases: "X, utara Y" is a relation, not an address
    relation_words: frozenset[str] = field(init=False, repr=False, compare=False)
    strong_words: frozenset[str] = field(init=False, repr=False, compare=False)  # last words of strong cues
    strong_heads: dict[str, tuple[tuple[str, ...], ...]] = field(init=False, repr=False, compare=False)
    relation_tails: tuple[str, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the cues by word count and phrase, and the words a relation phrase can end with."""
        cue_index: dict[int, dict[str, str]] = {}
        inside_index: dict[int, dict[str, str]] = {}
        strong_heads: dict[str, list[tuple[str, ...]]] = {}
        for words, key in self.cues:  # in order: the first of equal phrases wins, as in a scan of cues
            n = len(words.split())
            cue_index.setdefault(n, {}).setdefault(words, key)
            if key not in PREPOSITION_CUES:
                inside_index.setdefault(n, {}).setdefault(words, key)
            if key in self.strong_cues:
                strong_heads.setdefault(words.split()[0], []).append(tuple(words.split()))
        rel_words = (*self.directions, *self.trailing, *self.near_words)
        tails = tuple(sorted({w.split()[-1] for w in rel_words if w.split()}))
        usable = all(w.split() for w in rel_words) and all(t.isascii() and t == t.lower() for t in tails)
        derived = {
            "cue_index": dict(sorted(cue_index.items(), reverse=True)),
            "inside_index": dict(sorted(inside_index.items(), reverse=True)),
            "cue_words": frozenset(w for w, _ in self.cues),
            "from_words": frozenset(w for w, k in self.cues if k == "from"),
            "relation_words": frozenset((*self.directions, *(w.split()[-1] for w in self.near_words if w.split()))),
            "strong_words": frozenset(w.split()[-1] for w, k in self.cues if k in self.strong_cues),
            "strong_heads": {k: tuple(v) for k, v in strong_heads.items()},
            "relation_tails": tails if usable and self.directions and self.trailing and self.near_words else None,
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    @classmethod
    def load(cls, lang: str = "id") -> PlaceLexicon:
        """Read pantau/lang/<lang>/places.yaml through its schema (once per process: the gazetteer, the place
        finder and the resources all ask for it)."""
        return _load(lang)

    @classmethod
    def from_data(cls, data: PlacesData, raw: str, lang: str = "id") -> PlaceLexicon:
        """Build a lexicon from a checked places.yaml (raw: its text, whose digest versions the index)."""
        cues = [(name_key(w), key) for key, words in data.cues.items() for w in words]
        cues.sort(key=lambda c: (-len(c[0].split()), c[0]))
        rel = data.relations
        date = data.dateline

        def words(items: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(sorted({name_key(w) for w in items}, key=lambda w: (-len(w), w)))

        directions, heads, links = words(rel.directions), words(rel.direction_heads), words(rel.distance_links)
        units, dwords = words(rel.distance_units), words(rel.distance_words)
        near, trailing = words(rel.near_words), words(rel.trailing)
        outlets = tuple(sorted({w.lower() for w in date.outlets}, key=lambda w: (-len(w), w)))
        return cls(
            lang=lang,
            cues=tuple(cues),
            strong_cues=frozenset(data.strong_cues),
            directions=directions,
            direction_heads=heads,
            distance_units=units,
            distance_words=dwords,
            distance_links=links,
            near_words=near,
            trailing=trailing,
            arabic_articles=frozenset(name_key(w) for w in data.arabic_articles),
            number_words=frozenset(name_key(w) for w in data.number_words),
            count_nouns=frozenset(name_key(w) for w in data.count_nouns),
            stopwords=frozenset(name_key(w) for w in data.stopwords),
            fixed_phrases=frozenset(name_key(w) for w in data.fixed_phrases),
            # a rank before a name is never a place either ("Pratu AR")
            single_word_blocks=frozenset(name_key(w) for w in [*data.single_word_blocks, *data.ranks]),
            ranks=frozenset(name_key(w) for w in data.ranks),
            titles=frozenset(name_key(w) for w in data.titles),
            home_country=data.home_country,
            dateline_window=date.window,
            outlets=outlets,
            digest=hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16],
            common_words=_common_words(data.common_words),
            relation_re=_relation_re(directions, heads, links, units, dwords, near, trailing),
            dateline_res=_dateline_res(outlets),
        )

    def cue_of(self, phrase_key: str) -> str | None:
        """The cue key of a normalised phrase ("kamp pengungsi" -> "camp"), or None."""
        return self.cue_index.get(len(phrase_key.split()), {}).get(phrase_key)


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)


def _relation_re(
    directions: tuple[str, ...], heads: tuple[str, ...], links: tuple[str, ...], units: tuple[str, ...],
    dwords: tuple[str, ...], near: tuple[str, ...], trailing: tuple[str, ...],
) -> regex.Pattern[str]:
    """"di sebelah timur", "beberapa kilometer ke utara", "di dekat", "pinggiran" before a name."""
    direction = (
        rf"(?:(?:di|ke)\s+)?(?:(?:{_alt(heads)})\s+)?(?:{_alt(directions)})(?:\s+(?:{_alt(trailing)}))?"
    )
    distance = (
        rf"(?:(?:{_alt(dwords)})\s+)?(?:\d+(?:[.,]\d+)?\s*|(?:{_alt(dwords)})\s+)(?:{_alt(units)})\s+"
        rf"(?:(?:{_alt(links)})\s+)*"
    )
    return regex.compile(rf"(?:(?:{distance})?{direction}|(?:{_alt(near)}))\s+$", regex.IGNORECASE)


def _dateline_res(outlets: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """Dateline forms: PLACE, OUTLET --; PLACE (OUTLET) -; OUTLET, PLACE -; OUTLET, DATE - PLACE -; CAPS--;
    CAPS -; OUTLET -.

    The place is the group `p`; where a form ignores case, text.dateline takes the place only capitalised."""
    known = "|".join(regex.escape(o) for o in outlets)
    outlet = rf"(?:{known}|[\p{{L}}\d]+(?:\.[\p{{L}}]{{2,4}}){{1,2}})"
    place = r"\p{Lu}[\p{L}.'’ -]{1,40}?"
    caps = r"\p{Lu}[\p{Lu}.'’ -]{2,30}?"
    dash = r"(?:-{1,2}|–|—)"
    ignore = regex.IGNORECASE
    return (
        regex.compile(rf"(?P<p>{place})\s*,\s*{outlet}\s*{dash}", ignore),
        regex.compile(rf"(?P<p>{place})\s*\([^()\n]{{2,40}}\)\s*{dash}", ignore),
        regex.compile(rf"{outlet}\s*,\s*(?P<p>{place})\s*{dash}", ignore),
        # OUTLET, 9 <month> 2018. - PLACE -: the place between two dashes after the outlet's date
        regex.compile(rf"{outlet}\s*,\s*\d{{1,2}}\s+\p{{L}}+\s+\d{{4}}\.?\s*{dash}\s*(?P<p>{place})\s*{dash}", ignore),
        regex.compile(rf"(?P<p>{caps})\s*(?:--|–|—)"),
        regex.compile(rf"(?P<p>{caps})\s+-\s"),
        regex.compile(rf"{outlet}\s*{dash}\s", ignore),
    )


def _common_words(spec: dict[str, str]) -> frozenset[str]:
    """The root words listed in a data file of an installed package (places.yaml `common_words`)."""
    try:
        text = resources.files(spec["package"]).joinpath(spec["path"]).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise RuntimeError(
            f"places.yaml common_words: cannot read {spec['path']} of package {spec['package']} ({exc}); "
            "install the package (pip install -e .)"
        ) from exc
    return frozenset(name_key(w) for w in text.split() if w)


class RelationsData(LangData):
    """places.yaml `relations`: the words of "near" and "north of" relations and distances."""

    directions: Words
    direction_heads: Words
    distance_units: Words
    distance_words: Words
    distance_links: Words
    near_words: Words
    trailing: Words


class DatelineData(LangData):
    """places.yaml `dateline`: how far datelines are looked for, and the outlets' names in them."""

    window: int
    outlets: Words


class PlacesData(LangData):
    """The schema of lang/<lang>/places.yaml."""

    home_country: str
    cues: dict[str, Words]
    strong_cues: Words
    relations: RelationsData
    arabic_articles: Words
    number_words: Words
    count_nouns: Words
    fixed_phrases: Words
    stopwords: Words
    titles: Words
    single_word_blocks: Words
    ranks: Words
    dateline: DatelineData
    common_words: dict[str, str]  # {package, path}: the root-word list of an installed package


@lru_cache(maxsize=8)
def _load(lang: str) -> PlaceLexicon:
    """The place lexicon of a language, built once per process (it is frozen: every caller may share it)."""
    return PlaceLexicon.from_data(load_data(lang, "places.yaml", PlacesData), read_text(lang, "places.yaml"), lang)

