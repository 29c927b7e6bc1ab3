"""The language words of place finding, read from pantau/lang/<lang>/places.yaml."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from pantau.geo.normalize import name_key


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
    single_word_blocks: frozenset[str]
    dateline_window: int
    outlets: tuple[str, ...]
    digest: str  # hash of the yaml text: part of the gazetteer index version

    @classmethod
    def load(cls, lang: str = "id") -> PlaceLexicon:
        """Read pantau/lang/<lang>/places.yaml."""
        raw = resources.files("pantau").joinpath("lang", lang, "places.yaml").read_text(encoding="utf-8")
        return cls.from_yaml(raw, lang)

    @classmethod
    def from_yaml(cls, raw: str, lang: str = "id") -> PlaceLexicon:
        """Build a lexicon from the text of a places.yaml file."""
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data: dict[str, Any] = yaml.load(raw, Loader=loader)
        cues = [(name_key(w), key) for key, words in data["cues"].items() for w in words]
        cues.sort(key=lambda c: (-len(c[0].split()), c[0]))
        rel = data["relations"]
        date = data.get("dateline", {})

        def words(items: list[str] | None) -> tuple[str, ...]:
            return tuple(sorted({name_key(w) for w in items or []}, key=lambda w: (-len(w), w)))

        return cls(
            lang=lang,
            cues=tuple(cues),
            strong_cues=frozenset(data.get("strong_cues", [])),
            directions=words(rel["directions"]),
            direction_heads=words(rel.get("direction_heads")),
            distance_units=words(rel.get("distance_units")),
            distance_words=words(rel.get("distance_words")),
            distance_links=words(rel.get("distance_links")),
            near_words=words(rel.get("near_words")),
            trailing=words(rel.get("trailing")),
            arabic_articles=frozenset(name_key(w) for w in data.get("arabic_articles", [])),
            number_words=frozenset(name_key(w) for w in data.get("number_words", [])),
            count_nouns=frozenset(name_key(w) for w in data.get("count_nouns", [])),
            stopwords=frozenset(name_key(w) for w in data.get("stopwords", [])),
            single_word_blocks=frozenset(name_key(w) for w in data.get("single_word_blocks", [])),
            dateline_window=int(date.get("window", 400)),
            outlets=tuple(sorted({w.lower() for w in date.get("outlets", [])}, key=lambda w: (-len(w), w))),
            digest=hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16],
        )

    def cue_of(self, phrase_key: str) -> str | None:
        """The cue key of a normalised phrase ("kamp pengungsi" -> "camp"), or None."""
        for words, key in self.cues:
            if words == phrase_key:
                return key
        return None
