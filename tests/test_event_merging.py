"""Event coding by phenomenon: when, how many died, and which mentions are one incident.

Every sentence here is the team's own, written for these tests (Papua, Poso, Jakarta riots, Syria, Gaza,
Iraq, Kabul); none is taken from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcode import PUBLISHED, code, kinds
from pantau.geo.gazetteer import Place
from pantau.merge.group import Group
from pantau.merge.incidents import compatible
from pantau.pipeline import Resources

# --- fatalities ----------------------------------------------------------------------------------

FIGURES = [
    # a toll in the next sentence belongs to the incident before it
    ("Sebuah bom meledak di pasar di Kabul, Afghanistan, Rabu (13/3). Ledakan itu menewaskan tujuh orang.",
     "Explosions/Remote violence", 7),
    # a toll told apart, in a sentence whose own trigger codes nothing, goes to the incident at its place
    ("Pesawat tempur Israel melancarkan serangan udara ke kota Tyre, Lebanon, Sabtu (9/3).\n\n"
     "Pemerintah Lebanon mengecam keras serangan itu.\n\n"
     "Gempuran di Tyre pada Sabtu itu menewaskan empat orang.", "Explosions/Remote violence", 4),
    # a toll told apart from the article's one incident is that incident's
    ("Kasus Tewasnya Randi Diusut\n\nSeorang mahasiswa ditembak aparat saat demonstrasi di depan gedung DPRD "
     "Sulawesi Tenggara di Kendari, Kamis (7/3) sore.\n\nOmbudsman menilai ada dugaan pelanggaran dalam "
     "peristiwa yang menewaskan Randi itu.", "Violence against civilians", 1),
    # the toll of a bombing goes to the bombing, not to the protest against it
    ("Ratusan warga berunjuk rasa di Kabul, Afghanistan, Jumat (8/3), memprotes serangan bom bunuh diri "
     "pada Rabu (6/3) yang menewaskan 90 orang.", "Explosions/Remote violence", 90),
]


@pytest.mark.parametrize(("text", "event_type", "fatalities"), FIGURES)
def test_figures_go_to_their_incident(text: str, event_type: str, fatalities: int, res: Resources) -> None:
    got = {e.fatalities for e in code(text, res) if e.event_type == event_type}
    assert got == {fatalities}


def test_a_protest_is_dated_by_its_own_day_not_by_the_bombing_it_protests(res: Resources) -> None:
    events = code(
        "Ratusan warga berunjuk rasa dan melempari polisi dengan batu di Kabul, Afghanistan, Jumat (8/3), "
        "memprotes serangan bom bunuh diri pada Rabu (6/3) yang menewaskan 90 orang. Empat pengunjuk rasa "
        "tewas dalam kerusuhan itu.",
        res,
    )
    dates = {e.event_type: e.event_date for e in events}
    assert dates["Explosions/Remote violence"] == date(2024, 3, 6)
    assert dates["Riots"] == date(2024, 3, 8)
    assert all(e.fatalities != 90 for e in events if e.event_type in ("Riots", "Protests"))


def test_a_caption_above_the_dateline_does_not_date_the_incident(res: Resources) -> None:
    events = code(
        "Warga Lempari Polisi yang Hendak Tangkap Bandar Narkoba di Sampang\n\n"
        "Polisi menunjukkan barang bukti sabu di Mapolres Sampang, Rabu (13/3/2024)\n\n"
        "SAMPANG, KOMPAS.com - Puluhan warga melempari polisi dengan batu saat penggerebekan rumah seorang "
        "bandar narkoba di Desa Banyuates, Sampang, Senin malam (11/3/2024).\n\n"
        "Warga juga menghadang mobil polisi yang membawa tersangka.",
        res,
    )
    assert events
    assert {e.event_date for e in events if e.event_type == "Riots"} == {date(2024, 3, 11)}


def test_an_undated_incident_is_no_later_than_its_source_spoke(res: Resources) -> None:
    events = code(
        "Pertempuran antara tentara Mali dan pemberontak pecah di kota Kidal. Seperti dikutip "
        "AFP, Minggu (10/3), juru bicara militer mengatakan belasan jenazah ditemukan di lokasi.",
        res,
    )
    assert events
    assert {e.event_date for e in events} == {date(2024, 3, 10)}


def test_a_protest_and_a_riot_of_one_day_share_their_toll(res: Resources) -> None:
    events = code(
        "Ribuan mahasiswa berunjuk rasa di depan gedung DPRD Makassar, Rabu (13/3). Unjuk rasa berakhir ricuh "
        "setelah massa melempari polisi dengan batu dan polisi menembakkan gas air mata. Seorang mahasiswa "
        "tewas dalam kericuhan itu.",
        res,
    )
    tolls = {e.event_type: e.fatalities for e in events}
    assert tolls.get("Riots") == 1 and tolls.get("Protests") == 1


def test_sexual_violence_needs_an_armed_perpetrator(res: Resources) -> None:
    crime = code("Seorang ayah memperkosa anak kandungnya di rumah mereka di Mampang Prapatan, Jakarta Selatan, "
                 "Rabu (13/3), kata polisi.", res)
    assert all(e.sub_event_type != "Sexual violence" for e in crime)
    conflict = code("Tentara Myanmar memperkosa sejumlah perempuan Rohingya di Maungdaw, Rakhine, Rabu (13/3), "
                    "kata para saksi.", res)
    assert any(e.sub_event_type == "Sexual violence" for e in conflict)


def test_a_mention_dated_long_ago_neither_joins_nor_dates_todays_incident(res: Resources) -> None:
    events = code(
        "Pagi tadi pasukan Irak bertempur melawan ISIS di kota tua Mosul, Irak. Pertempuran untuk merebut "
        "Mosul dari ISIS dimulai pada 17 Oktober 2016.",
        res,
    )
    assert [(e.event_type, e.event_date) for e in events] == [("Battles", PUBLISHED)]


def test_an_anaphoric_mention_is_the_incident_told_before(res: Resources) -> None:
    events = code(
        "Sebuah bom meledak di sebuah pasar di Peshawar, Pakistan, Rabu (13/3), menewaskan 9 orang. Pada "
        "November lalu, sebuah ledakan juga menghancurkan sebuah kuil di Quetta dan menewaskan 30 orang. "
        "Kelompok ISIS mengklaim ledakan tersebut.",
        res,
    )
    # the claimed blast is November's, not a second blast of today
    assert [e.event_date for e in events if e.event_date == PUBLISHED] == []
    assert date(2024, 3, 13) in {e.event_date for e in events}


def test_a_killing_told_right_after_a_strike_is_the_strike(res: Resources) -> None:
    events = code(
        "Militer AS melancarkan serangan udara di dekat bandara Baghdad, Irak, pada Jumat (8/3). Pembunuhan "
        "komandan milisi itu memicu kemarahan di Baghdad.",
        res,
    )
    assert kinds(events) == {("Explosions/Remote violence", "Air/drone strike")}


def test_a_shootdown_told_twice_is_one_event(res: Resources) -> None:
    events = code(
        "Militer Iran menembak jatuh pesawat komersial Ukraina di dekat Teheran, Rabu (13/3), menewaskan 176 "
        "orang. Garda Revolusi Iran mengakui telah menembak jatuh pesawat itu di Teheran.",
        res,
    )
    assert ("Strategic developments", "Disrupted weapons use") not in kinds(events)


def test_the_outlet_in_the_dateline_is_no_actor(res: Resources) -> None:
    events = code(
        "Jakarta, CNN Indonesia -- Sebuah bom meledak di pemakaman seorang pengunjuk rasa di Kabul, "
        "Afghanistan, Rabu (13/3), menewaskan tujuh orang.",
        res,
    )
    assert events
    assert all(e.actor1 is None or "Indonesia" not in e.actor1.name for e in events)


def test_a_date_after_the_cause_dates_the_cause(res: Resources) -> None:
    events = code(
        "Ribuan warga turun ke jalan di Kabul, Afghanistan, pada Jumat (8/3) dan melempari polisi dengan batu. "
        "Kerusuhan pecah "
        "akibat serangan bom bunuh diri pada Rabu (6/3) yang menewaskan 90 orang di Kabul.",
        res,
    )
    dates = {e.event_type: e.event_date for e in events}
    assert dates.get("Riots") == date(2024, 3, 8)
    assert dates.get("Explosions/Remote violence") == date(2024, 3, 6)


def test_a_part_of_a_country_is_not_a_town_named_elsewhere(res: Resources) -> None:
    events = code(
        "Sebuah bom meledak di sebuah pasar di Kabul, Afghanistan, Rabu (13/3), menewaskan 7 orang. Taliban "
        "mengaku bertanggung jawab atas bom mobil yang menewaskan 18 orang di Afghanistan timur pada Sabtu "
        "lalu.",
        res,
    )
    places = {e.event_date: e.location.name if e.location else None for e in events}
    assert places.get(date(2024, 3, 13)) == "Kabul"
    assert places.get(date(2024, 3, 9)) == "Afghanistan"


def test_a_date_borrowed_from_long_ago_does_not_date_todays_strike(res: Resources) -> None:
    events = code(
        "Pasukan Irak mulai menyerang kota tua Mosul, Irak, pagi tadi. Jumlah militan ISIS turun jauh sejak "
        "tentara pertama kali menyerbu Mosul pada 17 Oktober tahun lalu. Serangan udara koalisi menghantam "
        "sebuah gudang senjata ISIS di utara kota tua.",
        res,
    )
    strikes = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert [e.event_date for e in strikes] == [PUBLISHED]
    assert strikes[0].actor2 is not None and strikes[0].actor2.name == "Islamic State"


def test_a_crowd_dispersing_itself_is_no_intervention(res: Resources) -> None:
    events = code(
        "Ribuan buruh berunjuk rasa di depan Gedung Sate, Bandung, Rabu (13/3). Menjelang magrib massa "
        "akhirnya membubarkan diri dengan tertib.",
        res,
    )
    assert kinds(events) == {("Protests", "Peaceful protest")}


def test_two_sites_of_a_city_are_two_locations(res: Resources) -> None:
    events = code(
        "Ribuan mahasiswa berunjuk rasa di depan Gedung DPR, Senayan, Jakarta, Rabu (13/3). Pada hari yang "
        "sama ribuan buruh berunjuk rasa di depan Istana Merdeka, Jakarta Pusat.",
        res,
    )
    assert {e.location.name for e in events if e.location} == {"Senayan", "Merdeka Square"}


def test_a_death_from_illness_is_no_fatality(res: Resources) -> None:
    events = code(
        "Ribuan orang berunjuk rasa di depan Istana Merdeka, Jakarta, Rabu (13/3). Massa melempari polisi "
        "dengan batu dan botol. Polisi menyebut satu orang peserta unjuk rasa meninggal dunia.\n\n"
        "Korban meninggal dunia dikarenakan sakit asma, tidak ada tanda kekerasan di tubuhnya.",
        res,
    )
    assert events
    assert all(e.fatalities == 0 for e in events)
    assert any(c.qualifier == "natural" for e in events for c in e.claims)


def test_initials_open_a_persons_name_not_a_place(res: Resources) -> None:
    events = code(
        "Seorang suporter sepak bola tewas dikeroyok oleh sekelompok orang tak dikenal, Rabu (13/3). Kuasa "
        "hukum korban, M. Lima, meminta pelaku dihukum berat.",
        res,
    )
    assert all(e.location is None or e.location.name != "Lima" for e in events)


def test_an_incident_told_as_a_cause_joins_its_telling_and_founds_none(res: Resources) -> None:
    told = code(
        "Kelompok bersenjata menyerbu kota Marawi, Filipina, Selasa (12/3). Akibat serangan itu, presiden "
        "memberlakukan darurat militer di seluruh Mindanao.",
        res,
    )
    assert all(e.location is None or e.location.name != "Mindanao" for e in told)
    alone = code(
        "Akibat serangan kelompok bersenjata, presiden memberlakukan darurat militer di Mindanao, Filipina, "
        "Selasa (12/3).",
        res,
    )
    assert alone == []


def test_time_elapsed_moves_a_borrowed_date_on(res: Resources) -> None:
    events = code(
        "Pada 10 Januari 2024, kelompok bersenjata Maute menyerbu kota Marawi, Filipina. Setelah dua bulan "
        "pertempuran, militer Filipina menyatakan Marawi telah sepenuhnya bebas dari teroris.",
        res,
    )
    regained = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert regained and regained[0].event_date is not None and regained[0].event_date.month == 3
    assert regained[0].actor1 is not None and regained[0].actor1.name == "Military Forces of the Philippines"


def test_they_are_the_armed_group_of_the_sentence_before(res: Resources) -> None:
    events = code(
        "Kelompok bersenjata TPNPB menyerang pos TNI di Distrik Kiwirok, Pegunungan Bintang, Rabu (13/3). "
        "Mereka juga membakar gedung sekolah dan puskesmas di distrik itu pada Minggu (10/3).",
        res,
    )
    arson = [e for e in events if e.sub_event_type == "Looting/property destruction"]
    assert arson and arson[0].actor1 is not None and arson[0].actor1.name.startswith("TPNPB")



def test_a_claim_of_responsibility_right_after_names_the_bomber(res: Resources) -> None:
    events = code(
        "Sebuah bom bunuh diri meledak di dekat sebuah bank di Kota Kandahar, Afghanistan, Rabu (13/3), "
        "menewaskan 21 orang. ISIS-K mengaku bertanggung jawab.",
        res,
    )
    assert [e.actor1.name for e in events if e.actor1] == ["Islamic State"]


def test_a_brawls_dead_are_its_toll(res: Resources) -> None:
    events = code(
        "Dua kelompok pemuda terlibat tawuran di Jalan Basuki Rahmat, Jakarta Timur, Minggu (10/3) dini hari. "
        "Seorang remaja berusia 17 tahun tewas akibat luka bacok di punggungnya.",
        res,
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Mob violence", 1)]


def test_a_headline_sums_up_the_story_below(res: Resources) -> None:
    events = code(
        "Drone Turki Tewaskan Lima Pejuang SDF\n\n"
        "Jakarta, CNN Indonesia -- Sebuah drone Turki menghantam kendaraan pejuang SDF di dekat Kobani, Suriah, "
        "Rabu (13/3), menewaskan lima orang.",
        res,
    )
    assert len([e for e in events if e.event_type == "Explosions/Remote violence"]) == 1


def test_the_subject_of_another_verb_is_not_a_nouns_agent(res: Resources) -> None:
    events = code(
        "Polisi menangkap dua pria terkait penusukan di sebuah kereta di Huntingdon, Inggris, Sabtu (9/3).",
        res,
    )
    attacks = [e for e in events if e.sub_event_type == "Attack"]
    assert attacks and all(e.actor1 is None or not e.actor1.name.startswith("Police") for e in attacks)


def test_warning_shots_with_no_protest_told_are_no_protest(res: Resources) -> None:
    events = code(
        "Dua kelompok pemuda terlibat perang panah di Kota Tual, Maluku, Sabtu (9/3). Polisi melepaskan "
        "tembakan peringatan dan membubarkan massa.",
        res,
    )
    assert all(e.event_type != "Protests" for e in events)


def test_houses_burnt_in_an_attack_are_part_of_it(res: Resources) -> None:
    events = code(
        "Sekelompok pemukim Yahudi menyerang desa Al-Mughayyir di dekat Ramallah, Tepi Barat, Rabu (13/3), "
        "membakar rumah dan mobil milik warga. Seorang warga Palestina tewas ditembak.",
        res,
    )
    assert all(e.sub_event_type != "Looting/property destruction" for e in events)


def test_a_soldier_shot_by_someone_unnamed_is_a_clash(res: Resources) -> None:
    events = code("Seorang prajurit TNI ditembak saat berpatroli di Distrik Kenyam, Nduga, Rabu (13/3).", res)
    assert kinds(events) == {("Battles", "Armed clash")}


def test_hostages_freed_are_no_ground_taken(res: Resources) -> None:
    events = code("Satu dari lima pekerja yang disandera di Distrik Mulia, Puncak Jaya, akhirnya dibebaskan.", res)
    assert all(e.event_type != "Battles" for e in events)


def test_where_someone_lives_is_not_where_it_happened(res: Resources) -> None:
    events = code(
        "Ratusan sopir truk berunjuk rasa di Kecamatan Gondangrejo, Kabupaten Karanganyar, Rabu (13/3). Polisi "
        "menangkap dua pelaku perusakan, warga Desa Malanggaten, Kecamatan Kebakkramat, Kabupaten Karanganyar.",
        res,
    )
    assert events
    assert all(e.location is None or e.location.name != "Kebakkramat" for e in events)


def test_the_attack_pointed_back_to_is_that_incident_whatever_its_type(res: Resources) -> None:
    events = code(
        "Orang-orang bersenjata tak dikenal menembak mati dua petugas vaksinasi polio di Distrik Bajaur, "
        "Pakistan, Rabu (13/3). Seorang polisi yang mengawal mereka juga terluka dalam serangan itu.",
        res,
    )
    assert kinds(events) == {("Violence against civilians", "Attack")}


def test_people_attacked_by_someone_unnamed_are_no_riot(res: Resources) -> None:
    events = code(
        "Pemimpin milisi setempat mengatakan dua belas petani diserang dengan senjata api di ladang dekat desa "
        "Ngoshe, Gwoza, Nigeria, Senin (11/3).",
        res,
    )
    assert kinds(events) == {("Violence against civilians", "Attack")}


# An article's own story (about two countries, the first two of its focus), and an incident in a third country
# told beside it by its city alone, with that country: the incident is background, not an event of this article.
# Each text is the team's own.
BESIDE_THE_STORY = {
    "Papua and Papua New Guinea, a clash in Marawi": (
        "KKB menembak seorang prajurit TNI di Kampung Bilogai, Intan Jaya, Papua, Selasa (12/3). Prajurit itu "
        "tewas. Kelompok itu diduga lari ke Papua Nugini. Aparat Papua Nugini diminta membantu.",
        "Kelompok bersenjata menembak mati lima tentara di Marawi, Selasa (12/3).",
        "Philippines",
    ),
    "Ukraine and Russia, a clash in Khartoum": (
        "Rudal Rusia menghantam Kharkiv, Ukraina, Senin (11/3), menewaskan lima warga. Ukraina membalas dengan "
        "serangan drone ke Belgorod, Rusia.",
        "Bentrokan antara militer dan RSF menewaskan 20 orang di Khartoum, Senin (11/3).",
        "Sudan",
    ),
    "Syria and Turkey, a bombing in Kandahar": (
        "Serangan udara menewaskan 15 warga sipil di Idlib, Suriah, Senin (11/3). Turki mengecam serangan itu. "
        "Pasukan Turki di Afrin, Suriah, siaga. Turki mengirim bantuan ke perbatasan Turki-Suriah.",
        "Bom bunuh diri menewaskan delapan orang di Kandahar, Senin (11/3).",
        "Afghanistan",
    ),
    "Yemen and Saudi Arabia, a clash in Khartoum": (
        "Houthi menembakkan rudal ke Jizan, Arab Saudi, Senin (11/3). Koalisi pimpinan Arab Saudi membalas dengan "
        "serangan udara di Sanaa, Yaman. Yaman dilanda perang sejak 2015.",
        "Bentrokan antara militer dan RSF menewaskan 20 orang di Khartoum, Senin (11/3).",
        "Sudan",
    ),
}


def _countries(events: list) -> set[str]:
    return {e.location.country for e in events if e.location}


@pytest.mark.parametrize("name", sorted(BESIDE_THE_STORY))
def test_an_incident_in_a_country_the_article_is_not_about_is_dropped(name: str, res: Resources) -> None:
    story, beside, country = BESIDE_THE_STORY[name]
    assert country in _countries(code(beside, res)), "told alone, the incident is an event"
    both = code(f"{story} {beside}", res)
    assert country not in _countries(both), "told beside a story of other countries, it is background"
    assert kinds(both) == kinds(code(story, res)), "the story's own events stay"


# The state blowing up a suspect package, told again in the passive: one disposal, no bomb attack.
CONTROLLED_DETONATIONS = [
    "Tim Jibom Brimob meledakkan sebuah koper mencurigakan di depan Gereja Santo Yosef, Makassar, Minggu (10/3). "
    "Koper itu ternyata berisi pakaian. \"Isinya baru diketahui setelah diledakkan,\" kata Kapolrestabes Makassar.",
    "Warga melaporkan sebuah tas mencurigakan di halte bus Kota Malang, Senin (11/3). Tim penjinak bom Gegana "
    "meledakkan tas mencurigakan tersebut. Tas itu diledakkan di lapangan dekat halte.",
    "Tim penjinak bom Polda Papua meledakkan sebuah benda mirip granat di Pasar Youtefa, Jayapura, Rabu (13/3). "
    "Benda itu diledakkan setelah warga melapor ke Polsek Abepura.",
]


@pytest.mark.parametrize("text", CONTROLLED_DETONATIONS)
def test_a_controlled_detonation_told_twice_is_one_disposal(text: str, res: Resources) -> None:
    """"meledakkan koper ... setelah diledakkan": the bomb squad's detonation, not a bomb attack beside it."""
    found = kinds(code(text, res))
    assert ("Strategic developments", "Disrupted weapons use") in found, found
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") not in found, found


def test_a_bomb_that_harmed_people_stays_beside_the_one_defused(res: Resources) -> None:
    """A blast with victims is an attack even when the squad defuses a second bomb that day."""
    text = ("Sebuah bom meledak di depan Gereja Santo Yosef, Makassar, Minggu (10/3), melukai tujuh jemaat. Dua jam "
            "kemudian, tim Jibom Brimob menjinakkan bom kedua di halaman gereja itu.")
    found = kinds(code(text, res))
    assert ("Explosions/Remote violence", "Remote explosive/landmine/IED") in found, found


# A distrik and the village that is its seat share a name and a point: one place; two different sites of a town
# (the palace and the parliament, two villages) stay two locations.
def _site(key: str, name: str, lat: float, lon: float, feature: str) -> Place:
    return Place(key, name, lat, lon, "IDN", "Indonesia", "Central Papua", "Puncak", feature, 0)


@pytest.mark.parametrize(("a", "b", "one"), [
    (_site("kd:1", "Ilaga", -3.95, 137.4, "district"), _site("gn:1", "Ilaga", -3.95, 137.4, "village"), True),
    (_site("kd:2", "Beoga", -3.82, 137.42, "district"), _site("gn:2", "Beoga", -3.821, 137.421, "village"), True),
    (_site("gn:3", "Kago", -3.95, 137.40, "village"), _site("gn:4", "Wako", -3.951, 137.401, "village"), False),
    (_site("px:5", "Istana Merdeka", -6.17, 106.82, "landmark"),
     _site("px:6", "Gedung DPR", -6.21, 106.80, "landmark"), False),
])
def test_a_distrik_and_its_seat_are_one_place(a: Place, b: Place, one: bool) -> None:
    g = Group("Violence against civilians", "Attack", a, 1, None, date(2024, 3, 7), 1, None, 2, None, None, 0.9,
              "asserted")
    assert compatible(g, b, 1, date(2024, 3, 7), 2, "Violence against civilians") is one
