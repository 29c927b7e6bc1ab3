"""The phenomena of the seed articles, each pinned by the team's own sentences (Syria, Iraq, Papua, Yemen).

- An article with no year and no publication date is dated as a human coder dates it: the office holders
  it names bound the year, its weekdays pick it (text/eras.py, lang/id/offices.yaml).
- A lead sentence opened by "Sebelumnya" tells an earlier incident: its date is not the lead's; an undated
  lead takes the date a later sentence gives beside its place.
- Territory changing hands told by the loser ("kehilangan beberapa desa") or held briefly ("sempat
  menduduki"); "di mana" points back to the place named before it.
No sentence here comes from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcode import code, kinds
from pantau.pipeline import Resources
from pantau.text.eras import anchored_year, office_years
from pantau.text.timex import weekday_pairs

# --- the year from office holders and weekdays ---------------------------------------------------------

YEARS = [
    # Kerry was Secretary of State 2013-2017: only 2016 has 9 March on a Wednesday
    ("Menlu AS John Kerry mengecam serangan udara di Idlib pada Rabu (9/3).", 2016),
    ("Serangan itu terjadi Rabu (9/3), kata John Kerry, Menlu AS, di Jenewa.", 2016),
    ("Menteri Luar Negeri Amerika Serikat, John Kerry, bicara pada Rabu (9/3).", 2016),
    # Tito Karnavian was national police chief 2016-2019: 2 December a Monday only in 2019
    ("Kapolri Tito Karnavian meninjau Nduga setelah penembakan pada Senin (2/12).", 2019),
    # Guterres (2017-): 15 August a Friday in 2025 only
    ("Sekjen PBB Antonio Guterres mengecam serangan di Saada, Jumat (15/8).", 2025),
    # two anchors narrow each other: Jokowi (2014-2024) and Hadi Tjahjanto (2017-2021) -> 14 May, Monday: 2018
    ("Presiden Joko Widodo dan Panglima TNI Hadi Tjahjanto tiba di Timika, Senin (14/5).", 2018),
]

NO_YEAR = [
    # a former holder dates nothing
    "Mantan Menlu AS John Kerry mengecam serangan udara di Idlib pada Rabu (9/3).",
    # a name with no title is no anchor
    "John Kerry mengecam serangan udara di Idlib pada Rabu (9/3).",
    # two years of Jokowi's terms fit Monday 2 December (2019 and 2024): no guess
    "Presiden Joko Widodo meninjau Wamena, Senin (2/12).",
    # anchors that cannot hold at once
    "Menlu AS Rex Tillerson dan Menlu AS Antony Blinken bertemu pada Rabu (9/3).",
    # an anchor but no weekday
    "Menlu AS John Kerry mengecam serangan udara di Idlib pada 9 Maret.",
]


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_office_holders_and_weekdays_give_the_year(text: str, year: int, res: Resources) -> None:
    bound = office_years(text, res.offices)
    assert bound
    assert anchored_year(weekday_pairs(text, res.time), bound) == year


@pytest.mark.parametrize("text", NO_YEAR)
def test_no_year_without_one_sure_anchor(text: str, res: Resources) -> None:
    bound = office_years(text, res.offices)
    assert not bound or anchored_year(weekday_pairs(text, res.time), bound) is None


def test_an_undated_article_gets_its_events_dated(res: Resources) -> None:
    text = ("Pasukan pemerintah Suriah merebut kembali kota Saraqib dari pemberontak pada Rabu (9/3), "
            "sementara Menlu AS John Kerry menyerukan gencatan senjata.")
    events = code(text, res, published=None)
    assert [e.event_date for e in events] == [date(2016, 3, 9)]


# --- the lead's date and a later mention of its place ----------------------------------------------------

LEADS = [
    # Syria: the lead undated, an earlier incident in "Sebelumnya", the lead's date given later beside its place
    ("Saraqib kembali ke tangan rezim\n"
     "Pasukan pemerintah Suriah berhasil merebut kota Saraqib dari pemberontak. Warga mulai kembali.\n\n"
     "Sebelumnya, pasukan itu sempat menduduki Saraqib pada Sabtu (5/3/2016), tetapi dipukul mundur.\n\n"
     "Kemenangan di Saraqib pada Rabu (9/3/2016) disambut pendukung rezim.",
     {date(2016, 3, 9), date(2016, 3, 5)}),
    # Papua: the same told of a district
    ("Pos militer jatuh di pegunungan Papua\n"
     "TPNPB berhasil merebut pos militer di Distrik Kiwirok. Warga mulai mengungsi.\n\n"
     "Sebelum itu, kelompok itu sempat menduduki Kiwirok pada Senin (4/3/2024) sebelum dipukul mundur TNI.\n\n"
     "Serangan di Kiwirok pada Kamis (7/3/2024) itu membuat warga mengungsi.",
     {date(2024, 3, 7), date(2024, 3, 4)}),
]


@pytest.mark.parametrize(("text", "dates"), LEADS)
def test_an_earlier_incident_does_not_date_the_lead(text: str, dates: set[date], res: Resources) -> None:
    events = code(text, res, published=None)
    battles = [e for e in events if e.event_type == "Battles"]
    assert {e.event_date for e in battles} == dates


# --- territory lost, held briefly, and the place "di mana" points back to --------------------------------------

LOST = [
    # the state loses ground, nobody named: Syria's standing rebels take it
    ("Pasukan pemerintah Suriah kehilangan beberapa desa di provinsi Idlib pada Rabu (6/3).",
     "Non-state actor overtakes territory", "Opposition Rebels (Syria)", "Military Forces of Syria"),
    ("Tentara Suriah kehilangan sejumlah desa di utara Hama dalam serangan Rabu (6/3).",
     "Non-state actor overtakes territory", "Opposition Rebels (Syria)", "Military Forces of Syria"),
    # an armed group loses ground: the government regains it
    ("Militan ISIS kehilangan dua desa di selatan Mosul, Irak, pada Rabu (6/3).",
     "Government regains territory", "Military Forces of Iraq", "Islamic State"),
    ("Pemberontak Houthi kehilangan beberapa desa di provinsi Hodeidah, Yaman, pada Rabu (6/3).",
     "Government regains territory", "Military Forces of Yemen", None),
]


@pytest.mark.parametrize(("text", "sub", "actor1", "actor2"), LOST)
def test_territory_told_by_its_loser(text: str, sub: str, actor1: str, actor2: str | None,
                                     res: Resources) -> None:
    events = [e for e in code(text, res) if e.event_type == "Battles"]
    assert len(events) == 1
    e = events[0]
    assert e.sub_event_type == sub
    assert e.actor1 is not None and e.actor1.name == actor1
    if actor2 is not None:
        assert e.actor2 is not None and e.actor2.name == actor2


BRIEF = [
    "Pasukan rezim Suriah sempat menduduki desa Kafr Nabl di Idlib pada Selasa (5/3).",
    "Militan ISIS sempat merebut desa Badush di dekat Mosul, Irak, pada Selasa (5/3).",
    "Kelompok bersenjata TPNPB sempat menguasai Distrik Kiwirok, Papua, pada Selasa (5/3).",
]


@pytest.mark.parametrize("text", BRIEF)
def test_a_place_held_briefly_is_a_takeover(text: str, res: Resources) -> None:
    assert kinds(code(text, res)) & {("Battles", "Non-state actor overtakes territory"),
                                     ("Battles", "Government regains territory")}


NOT_TERRITORY = [
    "Persib sempat menduduki puncak klasemen sebelum kalah di Bandung pada Selasa (5/3).",
    "Partai itu sempat menduduki kursi terbanyak di DPRD Jawa Barat pada pemilu lalu.",
    "Ribuan warga kehilangan rumah akibat banjir di Kabupaten Bandung pada Selasa (5/3).",
    "Sopir truk itu kehilangan kendali dan menabrak warung di Cianjur pada Selasa (5/3).",
    "Perusahaan itu kehilangan pasar di Surabaya setelah harga naik.",
]


@pytest.mark.parametrize("text", NOT_TERRITORY)
def test_seats_ranks_and_losses_are_no_territory(text: str, res: Resources) -> None:
    assert not [e for e in code(text, res) if e.event_type == "Battles"]


WHERE = [
    ("Kekalahan itu terjadi di provinsi Idlib, Suriah, di mana pasukan pemerintah kehilangan beberapa desa "
     "pada Rabu (6/3), sementara tentara tetap bertahan di Aleppo.", "Idlib"),
    ("Pertempuran berlanjut di provinsi Nineveh, Irak, dimana militan ISIS kehilangan dua desa pada Rabu (6/3), "
     "kata pejabat di Baghdad.", "Ninawa"),
]


@pytest.mark.parametrize(("text", "place"), WHERE)
def test_di_mana_points_back_to_its_place(text: str, place: str, res: Resources) -> None:
    events = [e for e in code(text, res) if e.event_type == "Battles"]
    assert events and events[0].location is not None
    assert place in events[0].location.name


# --- sorties, backing strikes, present control ------------------------------------------------------------

SORTIES = [
    # an air force flying sorties strikes; the quote's "kemarin" counts from the statement's day (Tuesday 12/3)
    ("Kementerian Pertahanan Rusia dalam pernyataan pada Selasa (12/3) mengatakan operasi di dekat Palmyra, "
     "Suriah, berlanjut. \"Baru kemarin, angkatan udara Rusia melakukan lebih dari 40 penerbangan untuk mendukung "
     "pasukan Suriah,\" kata pernyataan itu.", "Military Forces of Russia", date(2024, 3, 11)),
    ("Angkatan udara Irak melakukan 25 sorti di atas Tal Afar, Irak, pada Selasa (12/3) untuk menghantam posisi "
     "ISIS, kata militer Irak.", "Military Forces of Iraq", date(2024, 3, 12)),
    ("Jet tempur koalisi pimpinan Saudi melakukan puluhan penerbangan tempur di atas Hodeidah, Yaman, Selasa (12/3).",
     "Military Forces of Saudi Arabia", date(2024, 3, 12)),
]


@pytest.mark.parametrize(("text", "actor1", "day"), SORTIES)
def test_sorties_are_air_strikes(text: str, actor1: str, day: date, res: Resources) -> None:
    strikes = [e for e in code(text, res) if e.sub_event_type == "Air/drone strike"]
    assert strikes and strikes[0].actor1 is not None
    assert strikes[0].actor1.name == actor1
    assert strikes[0].event_date == day


NO_STRIKE_FLIGHTS = [
    "Pesawat tempur TNI AU melakukan penerbangan latihan di atas Pekanbaru, Riau, pada Selasa (12/3).",
    "Maskapai itu menambah penerbangan ke Jayapura, Papua, mulai Selasa (12/3).",
    "Angkatan udara Singapura melakukan penerbangan kemanusiaan ke Palu, Sulawesi Tengah, Selasa (12/3).",
]


@pytest.mark.parametrize("text", NO_STRIKE_FLIGHTS)
def test_other_flights_are_no_strikes(text: str, res: Resources) -> None:
    assert not [e for e in code(text, res) if e.sub_event_type == "Air/drone strike"]


BACKED = [
    "Pasukan Suriah yang didukung serangan udara Rusia merebut kembali kota Palmyra, Suriah, pada Selasa (12/3).",
    "Pasukan Irak yang didukung oleh serangan udara koalisi berhasil merebut kembali kota Tal Afar, Irak, pada "
    "Selasa (12/3).",
    "Tentara Nigeria yang dibantu serangan udara berhasil merebut kembali kota Bama, Borno, pada Selasa (12/3).",
]


@pytest.mark.parametrize("text", BACKED)
def test_a_backing_strike_is_the_captures_means(text: str, res: Resources) -> None:
    events = code(text, res)
    assert ("Battles", "Government regains territory") in kinds(events)
    assert not [e for e in events if e.sub_event_type == "Air/drone strike"]


HELD_NOW = [
    "Pemerintah Damaskus kini menguasai hampir semua kota besar di Suriah.",
    "Pasukan Israel masih menduduki sejumlah desa di Lebanon selatan.",
    "Kelompok itu saat ini menguasai sebagian besar Provinsi Idlib, Suriah.",
]


@pytest.mark.parametrize("text", HELD_NOW)
def test_who_holds_a_place_now_is_no_takeover(text: str, res: Resources) -> None:
    assert not [e for e in code(text, res) if e.event_type == "Battles"]


# --- who launched a strike told after it; who passed on a figure ----------------------------------------------

LAUNCHED_BY = [
    # allies named together: the force of the country struck leads, its foreign backer does not
    ("Serangan udara yang diduga dilancarkan jet tempur Rusia dan Suriah menghantam pasar di Ariha, Idlib, "
     "Suriah, Selasa (12/3).", "Military Forces of Syria"),
    ("Serangan udara yang dilancarkan Amerika Serikat dan Inggris menghantam gudang senjata di Hodeidah, Yaman, "
     "Selasa (12/3).", "Military Forces of the United States"),
    ("Rusia dan Suriah melancarkan serangan udara ke pasar di Ariha, Idlib, Suriah, Selasa (12/3).",
     "Military Forces of Syria"),
    ("Serangan udara yang dilancarkan oleh pesawat tempur Israel menghantam sebuah rumah di Rafah, Gaza, Selasa "
     "(12/3).", "Military Forces of Israel"),
    ("Rudal yang ditembakkan milisi Houthi menghantam sebuah kapal di lepas pantai Hodeidah, Yaman, Selasa (12/3).",
     "Houthi"),
]


@pytest.mark.parametrize(("text", "actor1"), LAUNCHED_BY)
def test_who_launched_a_strike_told_after_it(text: str, actor1: str, res: Resources) -> None:
    strikes = [e for e in code(text, res) if e.event_type == "Explosions/Remote violence"]
    assert strikes and strikes[0].actor1 is not None
    assert actor1 in strikes[0].actor1.name


PASSED_ON = [
    # the rescuers named in the sentence before are "mereka"; civilians and people of their size: rival counts
    ("Serangan udara menghantam pasar di Ariha, Idlib, Suriah, Selasa (12/3). Observatorium Suriah untuk Hak Asasi "
     "Manusia mengatakan sedikitnya 9 warga sipil tewas. Angka lebih tinggi disampaikan Pertahanan Sipil Suriah, "
     "yang dikenal sebagai Helm Putih. Menurut mereka, 11 orang tewas.",
     9, ["the White Helmets (Syrian Civil Defence)", "the Syrian Observatory for Human Rights", "coded 9"]),
    ("Serangan drone menghantam sebuah sekolah di Kharkiv, Ukraina, Selasa (12/3). Menurut otoritas Ukraina, "
     "enam warga sipil tewas. Jumlah berbeda disampaikan oleh Palang Merah: delapan orang tewas.",
     6, ["Ukrainian authorities", "the Red Cross/Red Crescent", "coded 6"]),
]


@pytest.mark.parametrize(("text", "fatalities", "in_notes"), PASSED_ON)
def test_figures_passed_on_by_their_source(text: str, fatalities: int, in_notes: list[str],
                                           res: Resources) -> None:
    event = max(code(text, res), key=lambda e: len(e.claims))
    assert event.fatalities == fatalities, event.notes
    for words in in_notes:
        assert words in event.notes


UNNAMED_FOES = [
    # Syria: fighters left unnamed against the regime are its standing opposition (actors.tsv)
    ("Pasukan rezim Suriah merebut kembali desa Kafr Nabl di Idlib pada Selasa (5/3) setelah bertempur dengan "
     "pejuang lokal.", "Opposition Rebels (Syria)"),
    # Nigeria: no standing rebel movement in the table: the unidentified armed group stays
    ("Tentara Nigeria merebut kembali kota Bama, Borno, pada Selasa (5/3) dari kelompok bersenjata.",
     "Unidentified Armed Group (Nigeria)"),
]


@pytest.mark.parametrize(("text", "actor2"), UNNAMED_FOES)
def test_unnamed_fighters_against_the_state(text: str, actor2: str, res: Resources) -> None:
    events = [e for e in code(text, res) if e.sub_event_type == "Government regains territory"]
    assert events and events[0].actor2 is not None
    assert events[0].actor2.name == actor2


PART_OF_THE_DEAD = [
    ("Serangan udara menghantam pasar di Ariha, Idlib, Suriah, Selasa (12/3), menewaskan 10 warga sipil, tiga di "
     "antaranya anak-anak.", (10, 10, 10)),
    ("Bom mobil meledak di Mogadishu, Somalia, Selasa (12/3), menewaskan 14 orang, dua diantaranya polisi.",
     (14, 14, 14)),
    ("Serangan drone menghantam sebuah rumah di Rafah, Gaza, Selasa (12/3), menewaskan tujuh orang termasuk "
     "empat anak.", (7, 7, 7)),
]


@pytest.mark.parametrize(("text", "figures"), PART_OF_THE_DEAD)
def test_a_part_of_the_dead_is_no_toll(text: str, figures: tuple[int, int, int], res: Resources) -> None:
    event = max(code(text, res), key=lambda e: len(e.claims))
    assert (event.fatalities, event.fatalities_low, event.fatalities_high) == figures


def test_the_countryside_of_a_province_holds_its_towns(res: Resources) -> None:
    # a state medium's version of the strike, "di pedesaan Idlib", is the strike on the town in Idlib
    text = ("Serangan udara menghantam pasar di kota Saraqib, Provinsi Idlib, Suriah, Selasa (12/3), menewaskan "
            "sedikitnya 8 warga sipil.\n\nVersi lain datang dari kantor berita SANA. Media pemerintah itu melaporkan "
            "angkatan udara Suriah \"menghancurkan sarang teroris\" di pedesaan Idlib tanpa merinci jumlah korban.")
    events = code(text, res)
    assert [(e.event_type, e.location.name if e.location else None) for e in events] == [
        ("Explosions/Remote violence", "Saraqib")]
