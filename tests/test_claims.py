"""Casualty claims and ACLED's conservative fatality figure (SPEC.md rule 4).

Every sentence is written for these tests. A row gives the sentence and the claims expected of it as
(kind, figure, qualifier) triples, in the order of the figures in the sentence.
"""

from __future__ import annotations

import pytest

from pantau.extract.claims import CasualtyLexicon, fatality_figures, find_claims
from pantau.model import Claim, Claimant, Span
from pantau.text.numbers import NumberLexicon, find_quantities
from pantau.text.tokens import tokenize

NLEX = NumberLexicon.load()
CLEX = CasualtyLexicon.load()

Triple = tuple[str, int, str | None]


def claims(text: str, excluded: list[Span] | None = None) -> list[Claim]:
    """The casualty claims of one sentence."""
    toks = tokenize(text)
    return find_claims(toks, find_quantities(toks, NLEX, text), CLEX, text, excluded or [])


def triples(text: str) -> list[Triple]:
    """(kind, figure, qualifier) of each claim; low == high is checked on the way."""
    out = []
    for c in claims(text):
        assert c.low == c.high, c
        out.append((c.kind, c.low, c.qualifier))
    return out


def claims_of(*sentences: str) -> list[Claim]:
    """The claims of several sentences, each read on its own."""
    return [c for s in sentences for c in claims(s)]


# --- qualifiers: "sedikitnya / lebih dari / hampir N" all give N --------------------------------

QUALIFIED: list[tuple[str, list[Triple]]] = [
    ("Sedikitnya 100 militan tewas dalam serangan udara koalisi di dekat Deir Ezzor.",
     [("killed", 100, "at_least")]),
    ("Setidaknya 9 warga Palestina tewas dalam penggerebekan di Jenin.",
     [("killed", 9, "at_least")]),
    ("Lebih dari 20 orang tewas setelah bom mobil meledak di pasar Baghdad.",
     [("killed", 20, "more_than")]),
    ("Hampir dua lusin tentara tewas ketika konvoi mereka disergap di Sinai utara.",
     [("killed", 24, "about")]),
    ("Hampir 50 pengungsi tewas ketika perahu mereka terbalik di lepas pantai Libya.",
     [("killed", 50, "about")]),
    ("Sekitar 60 orang terluka dalam kericuhan di depan gedung DPR.",
     [("injured", 60, "about")]),
    ("Sedikitnya lima orang hilang setelah banjir bandang menerjang kamp pengungsi.",
     [("missing", 5, "at_least")]),
]


@pytest.mark.parametrize(("text", "expected"), QUALIFIED)
def test_qualified_figures(text: str, expected: list[Triple]) -> None:
    assert triples(text) == expected


# --- kinds of harm -------------------------------------------------------------------------------

KINDS: list[tuple[str, list[Triple]]] = [
    ("Dalam bentrokan di Kabupaten Puncak, tujuh tewas dan 27 luka-luka.",
     [("killed", 7, None), ("injured", 27, None)]),
    ("Puluhan warga terluka saat aparat membubarkan unjuk rasa di Makassar.",
     [("injured", 10, "vague")]),
    ("Seorang polisi gugur dalam baku tembak dengan kelompok bersenjata di Intan Jaya.",
     [("killed", 1, None)]),
    ("Dua orang diculik kelompok bersenjata di Nduga sejak pagi.",
     [("missing", 2, None)]),
    ("Lima warga diculik kelompok bersenjata di Intan Jaya.",
     [("missing", 5, None)]),
    ("Dua pilot disandera KKB setelah pesawatnya dibakar.",
     [("captured", 2, None)]),
    ("Polisi menangkap 23 perusuh setelah kerusuhan di Jakarta Pusat.",
     [("captured", 23, None)]),
    ("Ledakan di Kabul menewaskan tiga polisi Afghanistan.",
     [("killed", 3, None)]),
    ("Puluhan warga sipil tewas dalam serangan udara di Aleppo timur.",
     [("killed", 10, "vague")]),
    ("Bentrokan antarwarga itu menyebabkan 7 orang meninggal dunia.",
     [("killed", 7, None)]),
    ("Tim SAR menemukan 3 jenazah di reruntuhan gedung di Khan Younis.",
     [("killed", 3, None)]),
    ("Sekitar 40 demonstran terluka dan 15 orang diamankan polisi.",
     [("injured", 40, "about"), ("captured", 15, None)]),
    ("Sebanyak 40 rumah terbakar dan 2 orang tewas di Tolikara.",
     [("killed", 2, None)]),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_kinds_of_harm(text: str, expected: list[Triple]) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sekitar 2.000 orang berunjuk rasa di Semarang, tidak ada korban jiwa.",
        "Ribuan mahasiswa berunjuk rasa menolak revisi undang-undang di Jakarta.",
        "Pasukan Israel mengerahkan 3 brigade ke perbatasan Lebanon.",
    ],
)
def test_no_casualty_no_claim(text: str) -> None:
    assert claims(text) == []


# --- victims and "including" ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "victims"),
    [
        ("Sedikitnya 100 militan tewas dalam serangan udara koalisi di dekat Deir Ezzor.", "militan"),
        ("Hampir dua lusin tentara tewas ketika konvoi mereka disergap di Sinai utara.", "tentara"),
        ("Puluhan warga sipil tewas dalam serangan udara di Aleppo timur.", "warga sipil"),
        ("Seorang polisi gugur dalam baku tembak dengan kelompok bersenjata di Intan Jaya.", "polisi"),
    ],
)
def test_victims(text: str, victims: str) -> None:
    assert [c.victims for c in claims(text)] == [victims]


def test_including_is_inside_the_total() -> None:
    text = "Bom mobil di pinggiran Damaskus menewaskan 27 tentara, termasuk empat perwira, pada pagi hari."
    assert triples(text) == [("killed", 27, None), ("killed", 4, "including")]
    assert fatality_figures(claims(text)) == (27, 27, 27)


def test_including_children() -> None:
    text = "Serangan di pasar Raqqa menewaskan 11 orang, termasuk tiga anak-anak."
    assert triples(text) == [("killed", 11, None), ("killed", 3, "including")]
    assert fatality_figures(claims(text))[0] == 11


# --- claimants ------------------------------------------------------------------------------------

CLAIMANTS: list[tuple[str, str, str, str]] = [
    ("Menurut Observatorium Suriah, sedikitnya 45 warga sipil tewas di Ghouta Timur.",
     "Observatorium Suriah", "Syrian Observatory for Human Rights", "monitor"),
    ("Kementerian Kesehatan Gaza mengatakan 32 warga Palestina tewas dalam serangan udara semalam.",
     "Kementerian Kesehatan Gaza", "Gaza Health Ministry", "medical"),
    ("Serangan itu menewaskan sedikitnya 17 orang, kata Observatorium Suriah.",
     "Observatorium Suriah", "Syrian Observatory for Human Rights", "monitor"),
    ("Kantor berita SANA melaporkan lebih dari 30 militan tewas di As Sukhnah.",
     "Kantor berita SANA", "Syrian state media (SANA)", "state"),
    ("Juru bicara militer mengatakan 50 militan tewas dalam operasi itu.",
     "Juru bicara militer", "military spokesperson", "state"),
    ("Menurut polisi, tiga orang tewas dalam kerusuhan di Wamena.", "polisi", "police", "state"),
    ("Setidaknya 9 warga Palestina tewas di Jenin, kata Kementerian Kesehatan Palestina.",
     "Kementerian Kesehatan Palestina", "Gaza Health Ministry", "medical"),
]


@pytest.mark.parametrize(("text", "span", "name", "kind"), CLAIMANTS)
def test_claimants(text: str, span: str, name: str, kind: str) -> None:
    found = claims(text)
    assert [(c.claimant.text, c.claimant.name, c.claimant.type) for c in found if c.claimant] == [(span, name, kind)]
    # the claimant's words are part of the evidence and index the sentence
    spans = [e for e in found[0].evidence if e.text == span]
    assert spans and text[spans[0].start : spans[0].end] == span


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("Sebanyak 12 orang tewas dalam serangan itu, kata juru bicara militer.", "juru bicara militer"),
        ("Lima tentara Suriah gugur, kata kantor berita SANA.", "kantor berita SANA"),
    ],
)
def test_lowercase_claimant_after_kata(text: str, claimant: str) -> None:
    assert [c.claimant.text for c in claims(text) if c.claimant] == [claimant]


def test_sentence_without_attribution_has_no_claimant() -> None:
    assert [c.claimant for c in claims("Empat anggota TNI tewas ditembak KKB di Nduga.")] == [None]
    # "dilaporkan" after the victims: what is reported, not who reports it
    assert [(c.low, c.claimant) for c in claims("Dua polisi dilaporkan tewas dalam baku tembak di Puncak.")] \
        == [(2, None)]


# --- numbers that are not casualty figures ----------------------------------------------------------

NOT_FIGURES: list[tuple[str, list[Triple]]] = [
    ("Serangan pada 2017 itu menewaskan sembilan orang di Marawi.", [("killed", 9, None)]),
    ("Pada 2019 kerusuhan di Wamena menewaskan 33 orang.", [("killed", 33, None)]),
    ("Roket jatuh 5 km dari Deir Ezzor dan menewaskan 11 orang.", [("killed", 11, None)]),
    ("Dua mortir jatuh 5 km dari pusat kota dan melukai tiga warga.", [("injured", 3, None)]),
    ("Mortir jatuh sekitar 3 kilometer dari pos TNI, dua prajurit terluka.", [("injured", 2, None)]),
    # the age is no figure; the student told with none is one death
    ("Pelajar berusia 17 tahun itu tewas ditembak di Deiyai.", [("killed", 1, "unnumbered")]),
    ("Sebanyak 1.200 warga mengungsi, dan 4 orang tewas.", [("killed", 4, None)]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_FIGURES)
def test_years_distances_ages_are_not_casualties(text: str, expected: list[Triple]) -> None:
    assert triples(text) == expected


def test_excluded_spans_are_skipped() -> None:
    text = "Serangan drone di Deir Ezzor menewaskan 27 orang."
    start = text.index("27")
    assert claims(text, [Span(start, start + 2, "27")]) == []
    assert triples(text) == [("killed", 27, None)]


XFAIL_FIGURES: list[tuple[str, list[Triple], str]] = [
    ("Dua prajurit Yonif 751 gugur di Nduga.", [("killed", 2, None)],
     "battalion number: got [('killed', 751, None)], '751' after 'Yonif' read as the dead, 'Dua' lost"),
    ("Tiga teroris ditangkap Densus 88 di Bekasi.", [("captured", 3, None)],
     "unit name: 'Densus 88' gives an extra ('captured', 88, None) claim"),
    ("Serangan itu melukai 12 orang dan menewaskan 3 orang di Hodeidah.",
     [("injured", 12, None), ("killed", 3, None)],
     "forward search wins over the verb before the figure: 12 is tied to the later 'menewaskan' and "
     "becomes ('killed', 12, None), so the injured are counted as fatalities"),
    ("Sedikitnya 8 orang tewas, kata seorang pejabat setempat.", [("killed", 8, "at_least")],
     "'seorang pejabat' (the claimant) is read back across the comma as an extra ('killed', 1, None)"),
    ("Seorang remaja berusia 16 tahun tewas tertembak di Deiyai.", [("killed", 1, None)],
     "an age between the figure and the verb: '16 tahun' blocks the forward search, "
     "'Seorang' is lost (got [])"),
    ("Pasukan Israel membunuh 40 warga Palestina di Rafah.", [("killed", 40, None)],
     "active 'membunuh' is missing from kinds.killed (only dibunuh/terbunuh): got []"),
    ("Kelompok KKB menembak mati seorang tukang ojek di Beoga.", [("killed", 1, None)],
     "active 'menembak mati' is missing from kinds.killed (only ditembak/tertembak mati): got []"),
    ("Kelompok Abu Sayyaf menyandera 14 awak kapal tunda.", [("captured", 14, None)],
     "active 'menyandera' is missing from kinds.captured (only disandera/sandera): got []"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(t, e, id=t[:30])
        for t, e, r in XFAIL_FIGURES
    ],
)
def test_figures_near_other_numbers_and_active_verbs(text: str, expected: list[Triple]) -> None:
    assert triples(text) == expected


# --- fatality_figures: the most conservative figure over claimants -----------------------------------

def claim(kind: str, n: int, claimant: str | None, qualifier: str | None = None) -> Claim:
    """A claim built by hand, without evidence, its claimant a source of that name."""
    who = Claimant(name=claimant, type="other", text=claimant) if claimant else None
    return Claim(kind=kind, low=n, high=n, qualifier=qualifier, victims=None, claimant=who, evidence=())


FIGURES: list[tuple[list[Claim], tuple[int, int, int]]] = [
    # two claimants disagree: the lower is ACLED's figure, the range spans both
    ([claim("killed", 17, "SOHR"), claim("killed", 30, "SANA")], (17, 17, 30)),
    # one claimant updates its figure: its highest counts
    ([claim("killed", 3, "polisi"), claim("killed", 5, "polisi")], (5, 3, 5)),
    # an updated claimant against a lower one
    ([claim("killed", 10, "Hamas"), claim("killed", 14, "Hamas"), claim("killed", 12, "IDF")], (12, 10, 14)),
    # injured never count
    ([claim("killed", 7, None), claim("injured", 27, None)], (7, 7, 7)),
    ([claim("injured", 40, "polisi")], (0, 0, 0)),
    ([claim("captured", 3, None), claim("missing", 2, None)], (0, 0, 0)),
    # "including" figures are inside another
    ([claim("killed", 27, None), claim("killed", 4, None, "including")], (27, 27, 27)),
    ([], (0, 0, 0)),
]


@pytest.mark.parametrize(("given", "expected"), FIGURES)
def test_fatality_figures(given: list[Claim], expected: tuple[int, int, int]) -> None:
    assert fatality_figures(given) == expected


def test_fatalities_from_sentences_of_two_claimants() -> None:
    found = claims_of(
        "Menurut Observatorium Suriah, sedikitnya 17 militan ISIS tewas di As Sukhnah.",
        "Kantor berita SANA melaporkan lebih dari 30 militan tewas di As Sukhnah.",
    )
    assert fatality_figures(found) == (17, 17, 30)


def test_fatalities_from_one_claimant_updating() -> None:
    found = claims_of(
        "Menurut polisi, tiga orang tewas dalam kerusuhan di Wamena.",
        "Menurut polisi, korban tewas bertambah menjadi lima orang.",
    )
    assert fatality_figures(found) == (5, 3, 5)


def test_injured_in_sentences_are_not_fatalities() -> None:
    found = claims_of(
        "Puluhan warga terluka saat aparat membubarkan unjuk rasa di Makassar.",
        "Seorang polisi gugur dalam baku tembak dengan kelompok bersenjata di Intan Jaya.",
    )
    assert fatality_figures(found) == (1, 1, 1)


@pytest.mark.parametrize(
    ("texts", "figures"),
    [
        # a vague figure ("puluhan") of the same deaths yields to a count
        (("Sedikitnya 20 jemaat tewas dalam penyerangan kuil di Punjab.",
          "Puluhan jemaat tewas dalam serangan itu."), (20, 10, 20)),
        # a vague figure alone is what there is
        (("Puluhan orang tewas dalam serangan udara di pinggiran Idlib.",), (10, 10, 10)),
    ],
)
def test_vague_figures_yield_to_counts(texts: tuple[str, ...], figures: tuple[int, int, int]) -> None:
    assert fatality_figures(claims_of(*texts)) == figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure of people may carry a relative clause before its kind word
        ("Dua pelaku bom bunuh diri yang berboncengan sepeda motor tewas di lokasi.", [("killed", 2)]),
        # "sebuah bus" counts a vehicle, not the dead
        ("Belasan tentara tewas dalam penyergapan terhadap sebuah bus militer di dekat Palmyra.", [("killed", 10)]),
    ],
)
def test_figures_and_their_kind_words(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.kind, c.low) for c in claims(text)] == expected


@pytest.mark.parametrize(
    ("texts", "figures"),
    [
        # two victim groups add up: the police and the bombers
        (("Tiga polisi tewas dalam ledakan bom bunuh diri di terminal Kampung Melayu.",
          "Dua pelaku juga tewas di lokasi."), (5, 2, 3)),
        # soldiers killed by one side's count and rebels by the other's: both sides' dead
        (("Juru bicara militer mengatakan 12 pemberontak tewas dalam pertempuran di Yei.",
          "Pemberontak menyebut empat tentara tewas."), (16, 4, 12)),
        # one group, two claimants: disputed, the lowest counts
        (("Observatorium mengatakan 27 tentara tewas di Hama.", "Pemerintah menyebut sembilan tentara tewas."),
         (9, 9, 27)),
        # a total of people holds its named groups
        (("Sedikitnya 18 orang tewas dalam serangan di pasar Kabul.", "Tiga di antaranya polisi."), (18, 18, 18)),
        # each clause its own claimant: SOHR's and SANA's figures of the fighters are disputed, the soldiers add
        (("Bentrokan itu menewaskan sembilan tentara dan empat militan HTS, menurut SOHR, sementara kantor berita "
          "SANA menyebut 15 teroris tewas.",), (13, 4, 15)),
        (("Juru bicara Taliban menyebut tiga orang tewas, namun sumber rumah sakit mengatakan sedikitnya 21 orang "
          "meninggal.",), (3, 3, 21)),
        # a war's running total is kept as a claim but is not the incident's toll
        (("Serangan udara itu menewaskan 12 warga di kamp Nuseirat.",
          "Sejak 7 Oktober lebih dari 40.000 warga tewas di Jalur Gaza."), (12, 12, 12)),
        # a person named as killed is one of the counted dead
        (("Sedikitnya empat orang tewas dalam unjuk rasa di Kabul.", "Polisi menyebut bentrokan menewaskan Ahmad."),
         (4, 1, 4)),
    ],
)
def test_figures_of_groups_add_up(texts: tuple[str, ...], figures: tuple[int, int, int]) -> None:
    assert fatality_figures(claims_of(*texts), CLEX) == figures


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("Polisi mengusut peristiwa yang menewaskan Samuel di Timika.", "Samuel"),
        ("Unjuk rasa meluas setelah tewasnya Yohanes di Wamena.", "Yohanes"),
        ("Prajurit bernama Daniel tewas dalam kontak tembak di Nduga.", "Daniel"),
        # words between the name and the kind word
        ("Seorang komandan milisi bernama Hamid, dilaporkan tewas dalam pertempuran di Mosul.", "Hamid"),
        ("Warga bernama Yonas juga tewas dalam serangan di Intan Jaya.", "Yonas"),
    ],
)
def test_a_named_person_killed_is_one_death(text: str, victim: str) -> None:
    assert [(c.kind, c.low, c.victims) for c in claims(text)] == [("killed", 1, victim)]


@pytest.mark.parametrize(
    "text",
    [
        "Tewas dalam kontak tembak, jenazah prajurit itu diterbangkan ke Jayapura.",  # the first word
        "Serangan itu menewaskan TNI dan Polri tak terima.",  # an acronym is no person
    ],
)
def test_no_named_victim_without_a_name(text: str) -> None:
    assert all(c.victims is None or not c.victims[:1].isupper() for c in claims(text))
