"""Validation of the actor data files lang/id/actors.tsv and lang/id/actor_heads.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pytest

from datafiles import raw_text, read_table

ACTOR_HEADER = ("name", "inter", "country", "kind", "aliases")
HEAD_HEADER = ("head", "template", "inter", "kind")
ACTOR_KINDS = frozenset(
    {"military", "police", "state_other", "rebel", "militia", "identity_militia", "coalition", "external"}
)
HEAD_KINDS = frozenset(
    {
        "military",
        "police",
        "state_other",
        "civilians",
        "suspects",
        "people",
        "protesters",
        "rioters",
        "unidentified",
        "militia",
        "identity_militia",
        "rebel",
    }
)
STATE_PREFIXES = ("Military Forces of ", "Police Forces of ")
PREFIX_MARK = " *"


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of a TSV file, with its line number for messages."""

    line: int
    cells: tuple[str, ...]


def table(name: str) -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """The header cells and the data rows of a TSV file."""
    header, rows = read_table(name)
    return header, tuple(Row(n, cells) for n, cells in rows)


def actor_rows() -> tuple[Row, ...]:
    return table("actors.tsv")[1]


def head_rows() -> tuple[Row, ...]:
    return table("actor_heads.tsv")[1]


def aliases(row: Row) -> list[str]:
    return [a for a in row.cells[4].split("|") if a]


def alias_key(alias: str) -> str:
    """The matcher's key for an alias: case folded, prefix mark dropped."""
    return alias.removesuffix(PREFIX_MARK).lower()


@cache
def alias_index() -> dict[str, str]:
    """Case-folded alias -> ACLED name."""
    return {alias_key(a): row.cells[0] for row in actor_rows() for a in aliases(row)}


@pytest.mark.parametrize("name", ["actors.tsv", "actor_heads.tsv"])
def test_file_starts_with_provenance_comments(name: str) -> None:
    lines = raw_text(name).splitlines()
    assert lines[0].startswith("#")
    preamble = " ".join(line for line in lines[:12] if line.startswith("#")).lower()
    assert "acled" in preamble
    assert "indonesian press" in preamble


def test_headers() -> None:
    assert table("actors.tsv")[0] == ACTOR_HEADER
    assert table("actor_heads.tsv")[0] == HEAD_HEADER


def test_row_counts() -> None:
    assert 250 <= len(actor_rows()) <= 400
    assert 80 <= len(head_rows()) <= 300


def test_actor_columns() -> None:
    for row in actor_rows():
        assert len(row.cells) == len(ACTOR_HEADER), f"line {row.line}: {row.cells}"
        name, inter, country, kind, _ = row.cells
        for cell in row.cells:
            assert cell == cell.strip(), f"line {row.line}: padded cell {cell!r}"
        assert name, f"line {row.line}: no name"
        assert inter.isdigit() and 1 <= int(inter) <= 8, f"line {row.line}: inter {inter!r}"
        assert re.fullmatch(r"[A-Z]{3}", country) or country == "", f"line {row.line}: country {country!r}"
        assert kind in ACTOR_KINDS, f"line {row.line}: kind {kind!r}"


def test_actor_names_are_unique() -> None:
    seen: dict[str, int] = {}
    for row in actor_rows():
        assert row.cells[0] not in seen, f"{row.cells[0]!r} on lines {seen[row.cells[0]]} and {row.line}"
        seen[row.cells[0]] = row.line


def test_state_forces_have_inter_1_and_a_country() -> None:
    for row in actor_rows():
        name, inter, country, kind, _ = row.cells
        if name.startswith(STATE_PREFIXES):
            assert inter == "1", f"line {row.line}: {name} has inter {inter}"
            assert country, f"line {row.line}: {name} has no country"
            assert kind == ("military" if name.startswith("Military") else "police"), f"line {row.line}"


def test_aliases_are_well_formed() -> None:
    for row in actor_rows():
        for alias in aliases(row):
            assert alias == alias.strip() and "  " not in alias, f"line {row.line}: {alias!r}"
            assert "*" not in alias.removesuffix(PREFIX_MARK), f"line {row.line}: stray '*' in {alias!r}"
            if alias.endswith(PREFIX_MARK):
                assert alias == alias.lower(), f"line {row.line}: prefix alias {alias!r} is not lower case"


def test_no_alias_appears_twice() -> None:
    seen: dict[str, int] = {}
    for row in actor_rows():
        for alias in aliases(row):
            key = alias_key(alias)
            assert key not in seen, f"alias {alias!r} on lines {seen[key]} and {row.line}"
            seen[key] = row.line


def test_heads_columns() -> None:
    for row in head_rows():
        assert len(row.cells) == len(HEAD_HEADER), f"line {row.line}: {row.cells}"
        head, template, inter, kind = row.cells
        assert head and head == head.lower() and head == head.strip(), f"line {row.line}: head {head!r}"
        assert "  " not in head, f"line {row.line}: double space in {head!r}"
        assert template.count("{country}") == 1, f"line {row.line}: template {template!r}"
        assert inter.isdigit() and 1 <= int(inter) <= 8, f"line {row.line}: inter {inter!r}"
        assert kind in HEAD_KINDS, f"line {row.line}: kind {kind!r}"
        if template.startswith(STATE_PREFIXES) or template.startswith("Government of"):
            assert inter == "1", f"line {row.line}: state template with inter {inter}"


def test_heads_are_unique_and_not_aliases() -> None:
    seen: dict[str, int] = {}
    for row in head_rows():
        head = row.cells[0]
        assert head not in seen, f"head {head!r} on lines {seen[head]} and {row.line}"
        seen[head] = row.line
        owner = alias_index().get(head)
        assert owner is None, f"line {row.line}: head {head!r} is also an alias of {owner}"


def test_dangerous_aliases_are_absent() -> None:
    for alias in ("AS", "AFP", "PNP", "PDF", "KIA", "DPR", "PKK", "RAB", "ICE", "fatah", "santoso", "wagner"):
        assert alias.lower() not in alias_index(), f"ambiguous alias {alias!r} is listed"


KEY_ALIASES: list[tuple[str, str]] = [
    ("ISIS", "Islamic State"),
    ("ISIL", "Islamic State"),
    ("daesh", "Islamic State"),
    ("negara islam irak dan suriah", "Islamic State"),
    ("ISWAP", "Islamic State (West Africa)"),
    ("ISIS-K", "Islamic State"),
    ("Densus 88", "Police Forces of Indonesia"),
    ("Brimob", "Police Forces of Indonesia"),
    ("Polri", "Police Forces of Indonesia"),
    ("polda *", "Police Forces of Indonesia"),
    ("satgas tinombala", "Police Forces of Indonesia"),
    ("TNI", "Military Forces of Indonesia"),
    ("Kopassus", "Military Forces of Indonesia"),
    ("KKB", "TPNPB: West Papua National Liberation Army"),
    ("KSB", "TPNPB: West Papua National Liberation Army"),
    ("OPM", "TPNPB: West Papua National Liberation Army"),
    ("kelompok kriminal bersenjata", "TPNPB: West Papua National Liberation Army"),
    ("MIT", "MIT: East Indonesia Mujahideen"),
    ("kelompok santoso", "MIT: East Indonesia Mujahideen"),
    ("JAD", "JAD: Jamaah Ansharut Daulah"),
    ("jemaah islamiyah", "JI: Jemaah Islamiyah"),
    ("rezim Assad", "Military Forces of Syria"),
    ("pasukan pendukung rezim", "Military Forces of Syria"),
    ("angkatan darat arab suriah", "Military Forces of Syria"),
    ("koalisi pimpinan AS", "Military Forces of the United States"),
    ("koalisi internasional", "Military Forces of the United States"),
    ("Pentagon", "Military Forces of the United States"),
    ("koalisi pimpinan saudi", "Military Forces of Saudi Arabia"),
    ("Hay'et Tahrir al-Sham", "Hayat Tahrir al Sham"),
    ("HTS", "Hayat Tahrir al Sham"),
    ("jabhat al-nusra", "Hayat Tahrir al Sham"),
    ("SDF", "QSD: Syrian Democratic Forces"),
    ("pasukan demokratik suriah", "QSD: Syrian Democratic Forces"),
    ("FSA", "Free Syrian Army"),
    ("pemberontak suriah", "Opposition Rebels (Syria)"),
    ("hizbullah", "Hezbollah"),
    ("brigade izzuddin al-qassam", "Hamas"),
    ("ansarullah", "Houthi Movement"),
    ("taliban", "Taliban"),
    ("IDF", "Military Forces of Israel"),
    ("tentara Israel", "Military Forces of Israel"),
    ("polisi Israel", "Police Forces of Israel"),
    ("garda revolusi", "Military Forces of Iran"),
    ("IRGC", "Military Forces of Iran"),
    ("tatmadaw", "Military Forces of Myanmar"),
    ("ARSA", "ARSA: Arakan Rohingya Salvation Army"),
    ("RSF", "RSF: Rapid Support Forces"),
    ("SPLA-IO", "SPLM/A-IO: Sudan People's Liberation Movement/Army (In Opposition)"),
    ("PMF", "PMF: Popular Mobilization Forces"),
    ("YPG", "QSD: Syrian Democratic Forces"),
    ("abu sayyaf", "Abu Sayyaf Group"),
    ("maute", "Maute Group"),
    ("NPA", "NPA: New People's Army"),
    ("al-shabaab", "Al Shabaab"),
    ("boko haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("MNJTF", "MNJTF: Multinational Joint Task Force"),
]


@pytest.mark.parametrize(("alias", "name"), KEY_ALIASES)
def test_key_alias_maps_to_acled_name(alias: str, name: str) -> None:
    assert alias_index().get(alias_key(alias)) == name
