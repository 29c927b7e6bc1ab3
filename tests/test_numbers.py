"""Numbers in Indonesian news: digits, number words and vague quantities (SPEC.md rule 4).

Each table row is a sentence written for these tests, the number phrase inside it and its value.
A property test spells every number from 1 to 999 999 in Indonesian and reads it back.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.model import Quantity
from pantau.text.numbers import NumberLexicon, find_quantities, parse_digits
from pantau.text.tokens import tokenize

LEX = NumberLexicon.load()


def quantities(text: str) -> list[Quantity]:
    """Every quantity of a text."""
    return find_quantities(tokenize(text), LEX, text)


def quantity(text: str, phrase: str) -> Quantity:
    """The one quantity whose text is exactly phrase; fails the test otherwise."""
    found = quantities(text)
    hits = [q for q in found if q.span.text == phrase]
    assert len(hits) == 1, f"{phrase!r} in {text!r}: got {[(q.span.text, q.value) for q in found]}"
    q = hits[0]
    assert text[q.span.start : q.span.end] == phrase
    return q


# --- digits --------------------------------------------------------------------------------------

DIGITS: list[tuple[str, str, int]] = [
    ("Serangan itu menewaskan 27 tentara Suriah di dekat Palmyra.", "27", 27),
    ("Sebanyak 1.200 warga Nduga mengungsi ke Wamena.", "1.200", 1200),
    ("PBB mencatat 1,5 juta warga Suriah mengungsi ke Lebanon.", "1,5 juta", 1_500_000),
    ("Sekitar 10.000 demonstran memadati Jalan Thamrin.", "10.000", 10_000),
    ("Lebih dari 3 ribu polisi dikerahkan untuk mengamankan sidang terorisme.", "3 ribu", 3000),
    ("Dana bantuan untuk Gaza mencapai 2 juta dolar.", "2 juta", 2_000_000),
    ("Blokade itu memengaruhi 1.200.000 penduduk Yaman.", "1.200.000", 1_200_000),
    ("Sebanyak 250 rb pengungsi Rohingya tinggal di kamp Cox's Bazar.", "250 rb", 250_000),
]


@pytest.mark.parametrize(("text", "phrase", "value"), DIGITS)
def test_digits(text: str, phrase: str, value: int) -> None:
    q = quantity(text, phrase)
    assert q.value == value
    assert not q.vague


@pytest.mark.parametrize(
    ("text", "forbidden"),
    [
        ("Ledakan terjadi pukul 15:02 WIB di Kampung Melayu.", "15:02"),
        ("Pasukan Israel menyerbu Jenin, Kamis (08/02).", "08/02"),
        ("Massa berkumpul pukul 10.30 di depan kantor DPRD.", "10.30"),
    ],
)
def test_clock_times_and_dates_are_not_quantities(text: str, forbidden: str) -> None:
    assert forbidden not in [q.span.text for q in quantities(text)]


@pytest.mark.parametrize(
    ("digits", "value"),
    [("27", 27.0), ("1.200", 1200.0), ("1,5", 1.5), ("12.345.678", 12_345_678.0),
     ("1.20", None), ("08/02", None), ("15:02", None),
     # superscripts and other Unicode digits pass str.isdigit() but are not numbers to read
     ("²", None), ("10²", None), ("1.²³⁴", None), ("٣", None)],
)
def test_parse_digits(digits: str, value: float | None) -> None:
    assert parse_digits(digits, LEX) == value


# --- number words --------------------------------------------------------------------------------

WORDS: list[tuple[str, str, int]] = [
    ("Tujuh prajurit TNI terluka dalam penyergapan di Nduga.", "Tujuh", 7),
    ("Polisi menangkap sebelas terduga teroris di Jawa Timur.", "sebelas", 11),
    ("Tiga belas rumah warga dibakar massa di Tolikara.", "Tiga belas", 13),
    ("Militan menembakkan dua puluh lima roket ke Ashkelon.", "dua puluh lima", 25),
    ("Sebanyak seratus dua puluh tahanan dibebaskan di Idlib.", "seratus dua puluh", 120),
    ("Koalisi mengerahkan dua ribu lima ratus personel ke Hodeidah.", "dua ribu lima ratus", 2500),
    ("Seorang polisi gugur ditembak di Puncak.", "Seorang", 1),
    ("Hampir dua lusin tentara tewas disergap di Sinai.", "dua lusin", 24),
    ("Selusin pengunjuk rasa ditahan di Hong Kong.", "Selusin", 12),
    ("Sembilan belas warga sipil tewas di Mosul.", "Sembilan belas", 19),
    ("Seribu dua ratus polisi berjaga di sekitar Monas.", "Seribu dua ratus", 1200),
    ("Sepuluh ribu orang turun ke jalan di Yerusalem.", "Sepuluh ribu", 10_000),
    ("Sebelas ribu pengungsi Suriah kembali dari Yordania.", "Sebelas ribu", 11_000),
    ("Perang itu menelan dua ratus ribu jiwa.", "dua ratus ribu", 200_000),
    ("Satu juta dua ratus ribu orang mengungsi dari Aleppo.", "Satu juta dua ratus ribu", 1_200_000),
    ("Empat puluh anggota ISIS menyerah di Raqqa.", "Empat puluh", 40),
]


@pytest.mark.parametrize(("text", "phrase", "value"), WORDS)
def test_number_words(text: str, phrase: str, value: int) -> None:
    q = quantity(text, phrase)
    assert q.value == value
    assert not q.vague


def test_adjacent_units_are_two_numbers() -> None:
    # "dua tiga" ("two or three") is not one number twenty-three
    assert [q.value for q in quantities("Dua tiga orang terlihat membawa senjata.")] == [2, 3]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Setengah juta warga Rohingya melarikan diri ke Bangladesh.", "Setengah juta", 500_000),
        ("Dua setengah juta orang mengungsi dari Aleppo.", "Dua setengah juta", 2_500_000),
        ("Seperempat juta warga Gaza kehilangan rumah.", "Seperempat juta", 250_000),
    ],
)
def test_fractions_of_a_multiplier(text: str, phrase: str, value: int) -> None:
    assert quantity(text, phrase).value == value


def test_miliar() -> None:
    text = "Rekonstruksi Gaza diperkirakan butuh 1,5 miliar dolar."
    assert quantity(text, "1,5 miliar").value == 1_500_000_000


# --- vague quantities: conventional figures of rule 4 ---------------------------------------------

VAGUE: list[tuple[str, str, int]] = [
    ("Puluhan warga terluka akibat gas air mata di Makassar.", "Puluhan", 10),
    ("Belasan mahasiswa ditahan setelah demo di Semarang.", "Belasan", 10),
    ("Ratusan pendukung ISIS dipulangkan dari Suriah.", "Ratusan", 100),
    ("Lusinan roket ditembakkan dari Lebanon selatan.", "Lusinan", 12),
    ("Beberapa rumah dibakar dalam bentrok di Mimika.", "Beberapa", 3),
    ("Puluhan ribu orang berunjuk rasa di Tel Aviv.", "Puluhan ribu", 10_000),
    ("Ratusan ribu pengungsi memadati Rafah.", "Ratusan ribu", 100_000),
    ("Ribuan buruh memblokade jalan tol di Bekasi.", "Ribuan", 1000),
    ("Sejumlah polisi terluka terkena lemparan batu.", "Sejumlah", 3),
]


@pytest.mark.parametrize(("text", "phrase", "value"), VAGUE)
def test_vague_quantities(text: str, phrase: str, value: int) -> None:
    q = quantity(text, phrase)
    assert q.value == value
    assert q.vague


# --- property: every number from 1 to 999 999 spelled in Indonesian reads back ---------------------

_UNITS = ("", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")


def _spell_below_1000(n: int) -> list[str]:
    """Indonesian words of 0 <= n < 1000 (empty for 0)."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("seratus")
    elif hundreds:
        words += [_UNITS[hundreds], "ratus"]
    tens, units = divmod(rest, 10)
    if rest == 10:
        words.append("sepuluh")
    elif rest == 11:
        words.append("sebelas")
    elif tens == 1:
        words += [_UNITS[units], "belas"]
    else:
        if tens:
            words += [_UNITS[tens], "puluh"]
        if units:
            words.append(_UNITS[units])
    return words


def spell(n: int) -> str:
    """Indonesian words of 1 <= n < 1 000 000: 2500 -> 'dua ribu lima ratus'."""
    thousands, rest = divmod(n, 1000)
    words: list[str] = []
    if thousands == 1:
        words.append("seribu")
    elif thousands:
        words += [*_spell_below_1000(thousands), "ribu"]
    return " ".join(words + _spell_below_1000(rest))


@pytest.mark.parametrize(
    ("n", "words"),
    [(7, "tujuh"), (11, "sebelas"), (13, "tiga belas"), (25, "dua puluh lima"), (120, "seratus dua puluh"),
     (1000, "seribu"), (2500, "dua ribu lima ratus"), (110_011, "seratus sepuluh ribu sebelas")],
)
def test_the_speller(n: int, words: str) -> None:
    assert spell(n) == words


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999_999))
def test_spelled_numbers_read_back(n: int) -> None:
    words = spell(n)
    text = f"Sebanyak {words} pengungsi tiba di Sentani."
    found = quantities(text)
    assert [(q.span.text, q.value, q.vague) for q in found] == [(words, n, False)]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=999_999_999))
def test_grouped_digits_read_back(n: int) -> None:
    digits = f"{n:,}".replace(",", ".")
    text = f"Korban mencapai {digits} orang."
    assert [(q.span.text, q.value) for q in quantities(text)] == [(digits, n)]
