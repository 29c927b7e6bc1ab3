"""Country names: Indonesian names and spellings to ISO3, and ISO3 to the English name ACLED uses."""

from __future__ import annotations

from importlib import resources


def country_tables() -> tuple[dict[str, str], dict[str, str]]:
    """(name or spelling -> ISO3, ISO3 -> English name) from geo/data/countries_id.tsv."""
    text = (resources.files("pantau") / "geo" / "data" / "countries_id.tsv").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    english: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, eng, *rest = line.split("\t")
        english[iso3] = eng
        names.setdefault(eng, iso3)
        for alias in (rest[0].split("|") if rest else []):
            if alias.strip():
                names.setdefault(alias.strip(), iso3)
    return names, english
