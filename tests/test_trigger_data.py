"""Validation of the event-trigger lexicon data file lang/id/triggers.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from datafiles import raw_text, read_table
from pantau.model import EVENT_TYPES

NAME = "triggers.tsv"
HEADER = ("phrase", "event_type", "sub_event_type", "voice", "weight", "needs", "role")
VOICES = frozenset({"active", "passive", "noun", "intrans"})
NEEDS = frozenset({"armed", "aircraft", "casualty", "people", "place", "none"})
SHADOW_WEIGHT = 0.1  # a shadow entry (role "shadow") keeps the lowest weight: a trigger inside it wins
VALID_PAIRS = frozenset((et, sub) for et, subs in EVENT_TYPES.items() for sub in subs)
ALL_SUBTYPES = frozenset(sub for subs in EVENT_TYPES.values() for sub in subs)


@dataclass(frozen=True, slots=True)
class Row:
    """One data line of the lexicon, with its line number for messages."""

    line: int
    cells: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return self.cells[0]

    @property
    def pair(self) -> tuple[str, str]:
        return self.cells[1], self.cells[2]

    @property
    def weight(self) -> float:
        return float(self.cells[4])

    @property
    def shadow(self) -> bool:
        return self.cells[6] == "shadow"


def table() -> tuple[tuple[str, ...], tuple[Row, ...]]:
    """The header cells and the data rows of the lexicon."""
    header, rows = read_table(NAME)
    return header, tuple(Row(n, cells) for n, cells in rows)


def rows() -> tuple[Row, ...]:
    return table()[1]


def index() -> dict[str, Row]:
    return {row.phrase: row for row in rows()}


def test_file_starts_with_provenance_comments() -> None:
    lines = raw_text(NAME).splitlines()
    assert lines[0].startswith("#")
    preamble = " ".join(line for line in lines[:15] if line.startswith("#")).lower()
    assert "acled" in preamble
    assert "indonesian news" in preamble or "indonesian online news" in preamble


def test_header() -> None:
    assert table()[0] == HEADER


def test_row_count_is_substantial() -> None:
    assert len(rows()) >= 350


def test_seven_columns_without_stray_whitespace() -> None:
    for row in rows():
        assert len(row.cells) == len(HEADER), f"line {row.line}: {row.cells}"
        for cell in row.cells:
            assert cell == cell.strip() and cell, f"line {row.line}: empty or padded cell {cell!r}"


def test_phrases_are_lower_case_single_spaced() -> None:
    for row in rows():
        phrase = row.phrase
        assert phrase == phrase.lower(), f"line {row.line}: {phrase!r} is not lower case"
        assert "  " not in phrase, f"line {row.line}: double space in {phrase!r}"
        assert re.fullmatch(r"[\w][\w\- ]*[\w]|\w", phrase), f"line {row.line}: odd characters in {phrase!r}"


def test_event_type_pairs_are_acled() -> None:
    for row in rows():
        assert row.pair in VALID_PAIRS, f"line {row.line}: {row.pair} is not an ACLED type/sub-type"


def test_voice_values() -> None:
    for row in rows():
        assert row.cells[3] in VOICES, f"line {row.line}: voice {row.cells[3]!r}"


def test_weights_in_range() -> None:
    for row in rows():
        assert re.fullmatch(r"[01]\.\d{1,2}", row.cells[4]), f"line {row.line}: weight {row.cells[4]!r}"
        assert 0.1 <= row.weight <= 1.0, f"line {row.line}: weight {row.weight}"


def test_roles_are_trigger_or_shadow_and_shadows_weigh_least() -> None:
    for row in rows():
        assert row.cells[6] in ("trigger", "shadow"), f"line {row.line}: role {row.cells[6]!r}"
        assert (row.weight == SHADOW_WEIGHT) == row.shadow, f"line {row.line}: a shadow weighs {SHADOW_WEIGHT}, only"


def test_needs_tokens() -> None:
    for row in rows():
        tokens = row.cells[5].split(",")
        assert set(tokens) <= NEEDS, f"line {row.line}: needs {row.cells[5]!r}"
        assert len(tokens) == len(set(tokens)), f"line {row.line}: repeated need"
        assert "none" not in tokens or tokens == ["none"], f"line {row.line}: 'none' combined"


def test_no_duplicate_phrases() -> None:
    seen: dict[str, int] = {}
    for row in rows():
        assert row.phrase not in seen, f"{row.phrase!r} on lines {seen[row.phrase]} and {row.line}"
        seen[row.phrase] = row.line


def test_every_sub_event_type_has_a_real_trigger() -> None:
    covered = {row.pair[1] for row in rows() if not row.shadow}
    assert covered == ALL_SUBTYPES, f"missing: {sorted(ALL_SUBTYPES - covered)}"


def test_shadow_entries_contain_a_trigger_of_the_same_type() -> None:
    triggers = [row for row in rows() if not row.shadow]
    for shadow in (row for row in rows() if row.shadow):
        inside = [
            t
            for t in triggers
            if t.phrase != shadow.phrase
            and re.search(rf"(?<!\w){re.escape(t.phrase)}(?!\w)", shadow.phrase) is not None
        ]
        assert inside, f"line {shadow.line}: shadow {shadow.phrase!r} shadows no trigger"
        assert any(t.pair == shadow.pair for t in inside), (
            f"line {shadow.line}: shadow {shadow.phrase!r} has a different type from what it shadows"
        )


BAT = "Battles"
EXP = "Explosions/Remote violence"
VAC = "Violence against civilians"
PRO = "Protests"
RIO = "Riots"
STR = "Strategic developments"

KEY_PHRASES: list[tuple[str, str, str]] = [
    ("baku tembak", BAT, "Armed clash"),
    ("kontak tembak", BAT, "Armed clash"),
    ("kontak senjata", BAT, "Armed clash"),
    ("pertempuran", BAT, "Armed clash"),
    ("bentrokan", BAT, "Armed clash"),
    ("menyerang pos", BAT, "Armed clash"),
    ("merebut kembali", BAT, "Government regains territory"),
    ("pembebasan kota", BAT, "Government regains territory"),
    ("jatuh ke tangan", BAT, "Non-state actor overtakes territory"),
    ("menduduki", BAT, "Non-state actor overtakes territory"),
    ("serangan udara", EXP, "Air/drone strike"),
    ("serangan pesawat tak berawak", EXP, "Air/drone strike"),
    ("serangan drone", EXP, "Air/drone strike"),
    ("bom barel", EXP, "Air/drone strike"),
    ("serangan rudal", EXP, "Shelling/artillery/missile attack"),
    ("tembakan artileri", EXP, "Shelling/artillery/missile attack"),
    ("mortir", EXP, "Shelling/artillery/missile attack"),
    ("bom bunuh diri", EXP, "Suicide bomb"),
    ("serangan bom bunuh diri", EXP, "Suicide bomb"),
    ("meledakkan diri", EXP, "Suicide bomb"),
    ("bom mobil bunuh diri", EXP, "Suicide bomb"),
    ("bom rakitan", EXP, "Remote explosive/landmine/IED"),
    ("bom panci", EXP, "Remote explosive/landmine/IED"),
    ("ranjau darat", EXP, "Remote explosive/landmine/IED"),
    ("granat", EXP, "Grenade"),
    ("pelemparan granat", EXP, "Grenade"),
    ("serangan kimia", EXP, "Chemical weapon"),
    ("gas sarin", EXP, "Chemical weapon"),
    ("ditembak mati", VAC, "Attack"),
    ("tewas ditembak", VAC, "Attack"),
    ("pembantaian", VAC, "Attack"),
    ("penikaman", VAC, "Attack"),
    ("diculik", VAC, "Abduction/forced disappearance"),
    ("penyanderaan", VAC, "Abduction/forced disappearance"),
    ("penghilangan paksa", VAC, "Abduction/forced disappearance"),
    ("pemerkosaan", VAC, "Sexual violence"),
    ("kekerasan seksual", VAC, "Sexual violence"),
    ("unjuk rasa", PRO, "Peaceful protest"),
    ("aksi unjuk rasa", PRO, "Peaceful protest"),
    ("berunjuk rasa", PRO, "Peaceful protest"),
    ("demonstrasi", PRO, "Peaceful protest"),
    ("mogok makan", PRO, "Peaceful protest"),
    ("massa membubarkan diri", PRO, "Peaceful protest"),
    ("gas air mata", PRO, "Protest with intervention"),
    ("water cannon", PRO, "Protest with intervention"),
    ("pembubaran paksa", PRO, "Protest with intervention"),
    ("menembaki demonstran", PRO, "Excessive force against protesters"),
    ("demonstran tewas", PRO, "Excessive force against protesters"),
    ("kerusuhan", RIO, "Violent demonstration"),
    ("membakar ban", RIO, "Violent demonstration"),
    ("pelemparan batu", RIO, "Violent demonstration"),
    ("bentrok dengan aparat", RIO, "Violent demonstration"),
    ("tawuran", RIO, "Mob violence"),
    ("amuk massa", RIO, "Mob violence"),
    ("main hakim sendiri", RIO, "Mob violence"),
    ("dikeroyok", RIO, "Mob violence"),
    ("ditangkap", STR, "Arrests"),
    ("penggerebekan", STR, "Arrests"),
    ("diamankan", STR, "Arrests"),
    ("menjinakkan bom", STR, "Disrupted weapons use"),
    ("penyitaan bahan peledak", STR, "Disrupted weapons use"),
    ("gencatan senjata", STR, "Agreement"),
    ("pertukaran tahanan", STR, "Agreement"),
    ("berbaiat", STR, "Change to group/activity"),
    ("menyerahkan diri", STR, "Change to group/activity"),
    ("mendirikan markas", STR, "Headquarters or base established"),
    ("penjarahan", STR, "Looting/property destruction"),
    ("pembakaran rumah", STR, "Looting/property destruction"),
    ("penarikan pasukan", STR, "Non-violent transfer of territory"),
    ("jam malam", STR, "Other"),
]


@pytest.mark.parametrize(("phrase", "event_type", "sub_event_type"), KEY_PHRASES)
def test_key_phrase_typing(phrase: str, event_type: str, sub_event_type: str) -> None:
    row = index().get(phrase)
    assert row is not None, f"{phrase!r} missing from the lexicon"
    assert row.pair == (event_type, sub_event_type)
    assert not row.shadow


@pytest.mark.parametrize(
    ("phrase", "voice"),
    [
        ("menyerang", "active"),
        ("diserang", "passive"),
        ("serangan", "noun"),
        ("bentrok", "intrans"),
        ("ditangkap", "passive"),
        ("menangkap", "active"),
        ("penangkapan", "noun"),
        ("berunjuk rasa", "intrans"),
        ("jatuh ke tangan", "passive"),
    ],
)
def test_key_phrase_voice(phrase: str, voice: str) -> None:
    assert index()[phrase].cells[3] == voice


@pytest.mark.parametrize(
    ("phrase", "need"),
    [("menembak", "armed"), ("merebut", "armed"), ("tewas", "casualty"), ("protes", "people")],
)
def test_ambiguous_triggers_carry_conditions(phrase: str, need: str) -> None:
    assert need in index()[phrase].cells[5].split(",")


@pytest.mark.parametrize(
    ("phrase", "at_most"),
    [
        ("bom", 0.3),
        ("merebut", 0.3),
        ("tewas", 0.3),
        ("menembak", 0.4),
        ("serangan", 0.5),
        ("ditangkap", 0.6),
    ],
)
def test_ambiguous_triggers_are_weak(phrase: str, at_most: float) -> None:
    assert index()[phrase].weight <= at_most


@pytest.mark.parametrize(
    "phrase", ["serangan jantung", "serangan siber", "serangan fajar", "ditahan imbang", "pembebasan lahan"]
)
def test_false_friends_are_shadowed(phrase: str) -> None:
    assert index()[phrase].shadow
