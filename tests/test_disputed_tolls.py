"""Disputed tolls: who claims each figure (claimants as sources), and ACLED's conservative figure per victim group.

Every passage is written by the pantau team: rival claimants about the same dead, different victims that add
up, vague figures beside counts, injured beside killed, a war's running total beside an incident's toll, in
several places, actors and word orders. Rows give what an analyst would code: the fatalities and the sources
the English notes must name.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventcode import code
from pantau.cli.claims import claim_rows
from pantau.cli.main import app
from pantau.extract.claims import CasualtyLexicon, fatality_figures, fatality_note, find_claims
from pantau.extract.sources import SourceLexicon, describe
from pantau.model import Claim, Claimant, Event, Span
from pantau.pipeline import Resources
from pantau.store.records import claimant_record, to_csv_row, to_record

SOURCES = SourceLexicon.load()
CLEX = CasualtyLexicon.load()

# --- claimants as sources: the article's words -> an English name and a kind -------------------------------

CLAIMANTS: list[tuple[str, str, str]] = [
    # state
    ("seorang pejabat keamanan Irak", "Iraqi security official", "state"),
    ("Pejabat AS yang enggan disebut namanya", "US official", "state"),
    ("kantor berita resmi Suriah SANA", "Syrian state media (SANA)", "state"),
    ("Televisi pemerintah Suriah", "Syrian state media", "state"),
    ("media pemerintah Iran", "Iranian state media", "state"),
    ("Kapendam XVII/Cenderawasih Kolonel Inf Suryo", "Indonesian military (TNI)", "state"),
    ("Juru bicara Kodam Iskandar Muda", "TNI spokesperson", "state"),
    ("Kapolres Puncak AKBP Daniel Sitorus", "police", "state"),
    ("Kabid Humas Polda Sulawesi Tengah", "police", "state"),
    ("juru bicara militer Israel", "IDF spokesperson", "state"),
    ("Kementerian Luar Negeri Rusia", "Russian Foreign Ministry", "state"),
    ("otoritas Israel", "Israeli authorities", "state"),
    ("Iran", "Iranian authorities", "state"),  # a country speaks through its authorities
    # armed groups
    ("juru bicara TPNPB-OPM melalui keterangan tertulis", "TPNPB spokesperson", "armed group"),
    ("Situs web Amaq yang berafiliasi dengan ISIS", "Amaq (Islamic State)", "armed group"),
    ("seorang komandan milisi pendukung rezim Assad", "pro-regime militia commander", "armed group"),
    ("Juru bicara Taliban Zabihullah", "Taliban spokesperson", "armed group"),
    ("juru bicara Hamas", "Hamas spokesperson", "armed group"),
    # monitors
    ("Observatorium Suriah untuk Hak Asasi Manusia", "Syrian Observatory for Human Rights", "monitor"),
    ("Kantor PBB untuk Koordinasi Urusan Kemanusiaan (OCHA)", "UN OCHA", "monitor"),
    ("sebuah kelompok hak asasi manusia", "human rights group", "monitor"),
    # medical
    ("Kementerian Kesehatan Gaza", "Gaza Health Ministry", "medical"),
    ("pihak rumah sakit", "hospital", "medical"),
    # media and others
    ("kantor berita Reuters", "Reuters", "media"),
    ("media lokal Afghanistan", "Afghan media", "media"),
    ("saksi mata", "witnesses", "other"),
    # who is spoken to is not who speaks; a title before a generic source word is the speaker
    ("seorang pejabat setempat kepada AFP", "local official", "state"),
    ("Presiden Prabowo dalam pernyataan via media sosial", "president", "state"),
    ("Komandan Pangkalan Angkatan Laut Sorong", "navy commander", "state"),
]


@pytest.mark.parametrize(("words", "name", "kind"), CLAIMANTS)
def test_claimant_spans_name_a_source(words: str, name: str, kind: str) -> None:
    who = describe(words, SOURCES)
    assert (who.name, who.type, who.text, who.normalised) == (name, kind, words, True)


@pytest.mark.parametrize(
    ("words", "pointer"),
    [("Pejabat itu", ("pejabat",)), ("kementerian tersebut", ("kementerian",)), ("Dia", ("",)),
     ("katanya", ("",)), ("mereka", ("",))],
)
def test_pointers_are_left_for_the_article(words: str, pointer: tuple[str, ...]) -> None:
    assert describe(words, SOURCES).pointer == pointer


def test_words_nothing_fits_stay_raw() -> None:
    who = describe("seseorang yang mengaku melihat kejadian", SOURCES)
    assert (who.normalised, who.name, who.type) == (False, "seseorang yang mengaku melihat kejadian", "other")


# --- the conservative rule per victim group, through the whole pipeline --------------------------------------

# (passage, fatalities, words the English notes must hold)
TOLLS: list[tuple[str, int, list[str]]] = [
    # rival claimants about the same dead: the lowest; the pointer "Pejabat itu" is the official named before
    ("Koalisi pimpinan AS meluncurkan serangan udara ke posisi milisi pendukung rezim di dekat Mayadin, Suriah, "
     "pada Selasa malam. Seorang pejabat militer AS mengatakan bahwa pasukan pro-rezim berusaha merebut sebuah "
     "pangkalan. Pejabat itu mengklaim sedikitnya 80 pasukan penyerang tewas akibat serangan udara itu. Televisi "
     "pemerintah Suriah menyebut puluhan orang tewas. Sementara itu, seorang komandan milisi pendukung rezim "
     "mengatakan korban di pihaknya hanya lima tewas dan 19 luka-luka.",
     5, ["Fatalities disputed: 5 according to a pro-regime militia commander, dozens according to Syrian state "
         "media, at least 80 according to a US military official; coded 5."]),
    # the state and the armed group about the same soldiers
    ("Kelompok bersenjata TPNPB menyerang pos TNI di Distrik Kiwirok, Kabupaten Pegunungan Bintang, Papua, pada "
     "Senin (11/3). Kapendam XVII/Cenderawasih mengatakan dua prajurit gugur dalam serangan itu. Juru bicara TPNPB "
     "melalui keterangan tertulis mengklaim enam prajurit tewas.",
     2, ["2 according to the Indonesian military (TNI)", "6 according to a TPNPB spokesperson", "coded 2"]),
    # the clause after "sementara" has its own claimant, the figure first and the source after it
    ("Sedikitnya 9 warga sipil tewas dalam serangan udara di pinggiran Idlib pada Selasa, menurut Observatorium "
     "Suriah untuk Hak Asasi Manusia, sementara kantor berita SANA menyebut empat orang tewas.",
     4, ["4 according to Syrian state media (SANA)", "at least 9 according to the Syrian Observatory for Human "
         "Rights", "coded 4"]),
    # police and bombers are different victims: they add up
    ("Bom bunuh diri meledak di depan Markas Polresta Medan, Sumatera Utara, pada Rabu pagi. Kapolda Sumatera "
     "Utara mengatakan tiga polisi tewas dalam ledakan itu. Dua pelaku juga tewas di lokasi.",
     5, ["security forces: 3 according to police", "fighters: 2 according to the outlet", "coded 5"]),
    # attackers and defenders add up; a vague figure of the attackers yields to their count
    ("Militan ISIS menyerang pos tentara Irak di dekat Kirkuk pada Selasa malam. Bentrokan itu menewaskan 12 "
     "militan dan empat tentara, kata seorang sumber keamanan Irak. Puluhan militan tewas, menurut media setempat.",
     16, ["12 according to an Iraqi security source", "dozens according to media reports", "coded 16"]),
    # injured are never fatalities; a war's running total is kept as a claim, not the strike's toll
    ("Serangan udara Israel menghantam sebuah sekolah yang menampung pengungsi di Khan Younis, Gaza, pada Rabu "
     "(13/3). Kementerian Kesehatan Gaza mengatakan 23 orang tewas dan 41 lainnya luka-luka. Sejak 7 Oktober, "
     "lebih dari 31.000 warga Palestina tewas di Jalur Gaza.",
     23, ["23 killed according to the Gaza Health Ministry."]),
    # soldiers disputed between the army and the armed group; the group's own dead are fighters and add up
    ("Kontak tembak antara TNI dan KKB terjadi di Distrik Sinak, Kabupaten Puncak, Papua Tengah, Rabu (13/3). Kapen "
     "Kogabwilhan III Kolonel Czi Gusti Nyoman mengatakan seorang prajurit gugur. Sementara itu, juru bicara TPNPB "
     "Sebby Sambom mengklaim pihaknya menembak mati tiga anggota TNI. Sebby juga menyebut dua anggota TPNPB tewas.",
     3, ["security forces: 1 according to a TNI spokesperson, 3 according to a TPNPB spokesperson",
         "fighters: 2 according to a TPNPB spokesperson", "coded 3"]),
    # a monitor against the police at a riot; the injured never count
    ("Bentrokan antara massa dan aparat pecah di depan gedung DPRD Makassar, Sulawesi Selatan, Selasa (12/3). "
     "Menurut KontraS, tiga demonstran tewas. Polisi menyebut hanya satu orang meninggal dunia, sementara 40 "
     "lainnya luka-luka.",
     1, ["Fatalities disputed: 1 according to police, 3 according to KontraS; coded 1."]),
    # the dead named "among" the toll are inside it
    ("Ledakan bom di sebuah gereja di Jolo, Filipina selatan, pada Minggu (10/3) menewaskan sedikitnya 20 orang, "
     "kata militer Filipina. Amaq, kantor berita ISIS, mengklaim 35 orang tewas. Di antara korban tewas terdapat "
     "lima tentara.",
     20, ["at least 20 according to the Philippine military, 35 according to the Islamic State; coded 20."]),
    # "Dia" is the ministry that spoke before; the war's running total is not the strike's toll
    ("Serangan pesawat nirawak RSF menghantam sebuah rumah sakit di El Obeid, Sudan, Senin (11/3). Menurut "
     "Kementerian Kesehatan Sudan, 15 pasien tewas. Dia menambahkan 30 orang terluka. Secara keseluruhan, lebih "
     "dari 20.000 orang tewas sejak perang dimulai.",
     15, ["15 killed according to the Sudanese Health Ministry."]),
    # a hospital's count against an armed group's, the armed group lower
    ("Pasukan RSF menembaki pasar di El Fasher, Sudan, pada Senin. Pihak rumah sakit mengatakan 31 warga tewas. "
     "Juru bicara RSF menyebut hanya tiga orang tewas.",
     3, ["3 according to an RSF spokesperson", "31 according to hospital sources", "coded 3"]),
]


def _violent(events: list[Event]) -> Event:
    """The event with the most claims: the incident the passage is about."""
    assert events, "no event coded"
    return max(events, key=lambda e: len(e.claims))


@pytest.mark.parametrize(("text", "fatalities", "in_notes"), TOLLS)
def test_conservative_toll_and_english_notes(text: str, fatalities: int, in_notes: list[str],
                                             res: Resources) -> None:
    event = _violent(code(text, res))
    assert event.fatalities == fatalities, event.notes
    for words in in_notes:
        assert words in event.notes
    # the notes are English: no claimant's own words are quoted in them
    for claim in event.claims:
        who = claim.claimant
        if who is not None and who.text and who.normalised and who.text not in who.citation:
            assert who.text not in event.notes


def test_the_strikes_author_is_who_launched_it(res: Resources) -> None:
    text = ("Koalisi pimpinan AS mengatakan, Rabu (13/3), militernya dan sekutu lokal meluncurkan serangan udara ke "
            "konvoi militan di dekat Hajin, Suriah. Sekitar 300 militan yang didukung tank ikut dalam serangan itu.")
    strikes = [e for e in code(text, res) if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.name == "Military Forces of the United States"


def test_a_separate_strikes_dead_are_not_this_ones(res: Resources) -> None:
    text = ("Pasukan gabungan Nigeria menewaskan komandan ISWAP, Abu Musab, dalam serangan udara di Marte, Borno, "
            "pada Selasa. Juru bicara militer mengatakan empat anggota ISWAP lainnya juga tewas dalam serangan udara "
            "terpisah.")
    event = _violent(code(text, res))
    assert event.fatalities == 1


def test_a_person_named_before_speaks_for_their_source(res: Resources) -> None:
    text = ("Kelompok bersenjata menembaki patroli polisi di Sugapa, Intan Jaya, Papua, pada Selasa (12/3). "
            "Kapolres Intan Jaya, AKBP Sandi Nugroho, membenarkan serangan itu. \"Dua anggota kami gugur,\" kata "
            "Sandi.")
    event = _violent(code(text, res))
    named = [c.claimant for c in event.claims if c.claimant is not None]
    assert named and all(c.name == "police" and c.type == "state" for c in named)


# --- the rule on hand-built claims ----------------------------------------------------------------------------

def _claim(n: int, who: str | None, victims: str | None = None, qualifier: str | None = None,
           kind: str = "killed", adds: bool = False) -> Claim:
    source = Claimant(name=who, type="other", text=who) if who else None
    return Claim(kind=kind, low=n, high=n, qualifier=qualifier, victims=victims, claimant=source,
                 evidence=(Span(0, 1, "x"),), adds=adds)


RULE: list[tuple[list[Claim], tuple[int, int, int]]] = [
    # one named group from one source, a lower total of unnamed dead from another: rival accounts, the lowest
    ([_claim(100, "US official", "pasukan"), _claim(7, "commander")], (7, 7, 100)),
    # the same source's total holds its own group
    ([_claim(12, "police", "orang"), _claim(3, "police", "polisi")], (12, 3, 12)),
    # a higher total from another source holds the group (the group is among the dead)
    ([_claim(12, None, "orang"), _claim(3, "police", "polisi")], (12, 3, 12)),
    # two named groups add up whoever counts them
    ([_claim(3, "police", "polisi"), _claim(2, None, "pelaku")], (5, 2, 3)),
    # dead told as more ("juga tewas") add to the lowest count of their group
    ([_claim(3, None, "tentara"), _claim(2, "governor", "tentara"), _claim(1, None, "tentara", "unnumbered",
                                                                          adds=True)], (3, 1, 3)),
    # vague figures yield to counts, injured and running totals never count
    ([_claim(10, "media", "warga", "vague"), _claim(23, "hospital", "warga"), _claim(41, "hospital", kind="injured"),
      _claim(31000, None, "warga", "cumulative")], (23, 10, 23)),
    # victims told with no figure are at least one, and yield to a count
    ([_claim(1, None, "pengunjuk rasa", "unnumbered")], (1, 1, 1)),
    ([_claim(1, None, "pengunjuk rasa", "unnumbered"), _claim(4, "police", "orang")], (4, 1, 4)),
]


@pytest.mark.parametrize(("claims", "expected"), RULE)
def test_conservative_rule(claims: list[Claim], expected: tuple[int, int, int]) -> None:
    assert fatality_figures(claims, CLEX) == expected


def test_notes_name_every_source_once_with_its_latest_figure() -> None:
    claims = [_claim(3, "police", "orang"), _claim(5, "police", "orang"), _claim(8, "KontraS", "orang")]
    best = fatality_figures(claims, CLEX)[0]
    assert fatality_note(claims, best, CLEX) == "Fatalities disputed: 5 according to police, 8 according to KontraS; " \
        "coded 5."


# --- claims in the outputs ------------------------------------------------------------------------------------

def test_records_keep_each_claimant_as_a_source(res: Resources) -> None:
    text = ("Sedikitnya 9 warga sipil tewas dalam serangan udara di pinggiran Idlib pada Selasa, menurut Observatorium "
            "Suriah untuk Hak Asasi Manusia, sementara kantor berita SANA menyebut empat orang tewas.")
    event = _violent(code(text, res))
    record = to_record(event)
    whos = {(c["claimant"]["name"], c["claimant"]["type"], c["claimant"]["text"]) for c in record["claims"]}
    assert whos == {("Syrian Observatory for Human Rights", "monitor", "Observatorium Suriah untuk Hak Asasi Manusia"),
                    ("Syrian state media (SANA)", "state", "kantor berita SANA")}
    for c in record["claims"]:
        assert {"kind", "low", "high", "qualifier", "victims", "claimant", "evidence"} <= set(c)
        for ev in c["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
    assert "Fatalities disputed" in to_csv_row(event)["notes"]


def test_the_outlets_own_figure_is_the_outlet() -> None:
    assert _claim(4, None, "orang").claimant is None
    assert claimant_record(None) == {"name": "the outlet", "type": "outlet", "text": None}


def test_pantau_claims_lists_each_claim_with_its_source(tmp_path: Path) -> None:
    article = tmp_path / "idlib.txt"
    article.write_text(
        "Sedikitnya 9 warga sipil tewas dalam serangan udara di pinggiran Idlib, Suriah, pada Selasa (12/3), menurut "
        "Observatorium Suriah untuk Hak Asasi Manusia, sementara kantor berita SANA menyebut empat orang tewas.\n",
        encoding="utf-8",
    )
    url = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["extract", str(article), "--db", url, "--reference-date", "2024-03-14"]).exit_code == 0
    listed = runner.invoke(app, ["claims", "--db", url, "--format", "jsonl"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert {(r["low"], r["claimant"], r["claimant_type"]) for r in rows} == {
        (9, "Syrian Observatory for Human Rights", "monitor"), (4, "Syrian state media (SANA)", "state")}
    assert {r["fatalities"] for r in rows} == {4}
    table = runner.invoke(app, ["claims", "--db", url])
    assert table.exit_code == 0 and "SANA" in table.output


def test_claim_rows_read_records_stored_before_claimants_were_sources() -> None:
    old = {"event_id": "e1", "doc": "d", "fatalities": 3, "claims": [
        {"kind": "killed", "low": 3, "high": 3, "qualifier": None, "victims": None, "claimant": "polisi",
         "evidence": []},
        {"kind": "injured", "low": 2, "high": 2, "qualifier": None, "victims": None, "claimant": None, "evidence": []}]}
    rows = list(claim_rows([old]))
    assert [(r["claimant"], r["claimant_type"]) for r in rows] == [("polisi", "other"), ("the outlet", "outlet")]


def test_an_incident_set_apart_is_its_own_and_keeps_the_group_it_names(res: Resources) -> None:
    text = ("Militan ISIS menyerang pos tentara Irak di dekat Kirkuk pada Sabtu (9/3), menewaskan 11 tentara. "
            "Secara terpisah, pasukan pemerintah diserang oleh para pejuang Hayat Tahrir al-Sham di Suriah barat laut. "
            "Para pemberontak menyerang posisi pemerintah di dekat Saraqib pada Sabtu pagi, menewaskan enam tentara.")
    events = code(text, res)
    saraqib = [e for e in events if e.location is not None and e.location.country == "Syria"]
    assert saraqib and saraqib[0].actor1 is not None and saraqib[0].actor1.name == "Hayat Tahrir al Sham"
    assert saraqib[0].fatalities == 6
    kirkuk = [e for e in events if e.location is not None and e.location.country == "Iraq"]
    assert kirkuk and kirkuk[0].fatalities == 11


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a clause of place or time between the speaker and the verb
        ("Kapolres Mimika AKBP Era Adhinata, dihubungi dari Jayapura, mengatakan dua warga tewas ditembak.",
         "police"),
        ("Komandan Lanal Sorong, Kolonel Laut Hendra, di Sorong, Senin, mengatakan tiga nelayan tewas.",
         "TNI commander"),
        # a person's name set beside the source's words
        ("Kepala Kepolisian Filipina, Jenderal Rommel Marbil, kemudian mengatakan lima polisi tewas.", "police"),
        # a connective opening the clause is not the speaker
        ("Padahal, UNHCR menyebut 12 pengungsi tewas di perbatasan.", "UNHCR"),
    ],
)
def test_the_speaker_before_the_verb(text: str, name: str) -> None:
    from pantau.text.numbers import NumberLexicon, find_quantities
    from pantau.text.tokens import tokenize

    toks = tokenize(text)
    found = [c for c in find_claims(toks, find_quantities(toks, NumberLexicon.load(), text), CLEX, text)
             if c.kind == "killed"]
    assert found and found[0].claimant is not None and found[0].claimant.name == name


def test_a_speaker_introduced_by_title_before(res: Resources) -> None:
    text = ("Kelompok bersenjata menembaki pos polisi di Ilaga, Kabupaten Puncak, Papua, pada Selasa (12/3). "
            "Kapolda Papua Irjen Mathius Fakhiri langsung meninjau lokasi. Mathius mengatakan dua polisi tewas.")
    event = _violent(code(text, res))
    whos = [c.claimant for c in event.claims if c.kind == "killed"]
    assert whos and all(w is not None and w.name == "police" and w.text == "Mathius" for w in whos)


def test_a_pointer_keeps_the_words_that_named_its_source(res: Resources) -> None:
    text = ("Jet tempur Israel menggempur sebuah gedung di Dahiyeh, Beirut, pada Rabu (13/3). Seorang pejabat "
            "kesehatan Lebanon, yang meminta namanya tidak disebut, membenarkan serangan itu. Pejabat tersebut "
            "mengatakan empat orang tewas.")
    event = _violent(code(text, res))
    pointed = [c for c in event.claims if c.claimant is not None and c.claimant.text == "Pejabat tersebut"]
    assert pointed, event.claims
    who = pointed[0].claimant
    assert who is not None and (who.name, who.type) == ("Lebanese health official", "medical")
    assert any(ev.text.startswith("pejabat kesehatan Lebanon") for ev in pointed[0].evidence)
    for ev in pointed[0].evidence:
        assert text[ev.start : ev.end] == ev.text


def test_mourners_are_not_the_dead() -> None:
    from pantau.text.numbers import NumberLexicon, find_quantities
    from pantau.text.tokens import tokenize

    text = "Ratusan warga menghadiri pemakaman para anggota milisi yang tewas di Tyre, Minggu."
    toks = tokenize(text)
    assert [c for c in find_claims(toks, find_quantities(toks, NumberLexicon.load(), text), CLEX, text)
            if c.kind == "killed" and c.low == 100] == []


def test_a_death_word_beside_a_strike_is_the_strikes_toll(res: Resources) -> None:
    text = ("Iran menembakkan puluhan rudal balistik ke Haifa, Israel, pada Sabtu (9/3). Di Haifa, tiga orang tewas "
            "akibat serangan rudal Iran, kata otoritas Israel.")
    events = code(text, res)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Shelling/artillery/missile attack", 3)]
    assert "3 killed according to Israeli authorities." in events[0].notes


@pytest.mark.parametrize("dash", ["--", "–", "—", "-"])
def test_a_dateline_is_no_part_of_the_speaker(res: Resources, dash: str) -> None:
    """"JAKARTA, Warta Nasional -- Polisi menyebut ...": the outlet of the dateline does not speak; the police do."""
    events = code(f"JAKARTA, Warta Nasional {dash} Polisi menyebut sedikitnya dua orang tewas dalam penembakan oleh "
                  "kelompok bersenjata di Kabupaten Intan Jaya, Papua Tengah, pada Selasa (12/3).", res)
    claimants = [c.claimant for e in events for c in e.claims]
    assert claimants and all(c is not None and c.name == "police" for c in claimants), claimants
