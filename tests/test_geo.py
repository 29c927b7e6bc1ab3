"""Tests of pantau.geo: gazetteer, place mentions in Indonesian text, disambiguation.

Every sentence here is written for the tests; none comes from a real article."""

from __future__ import annotations

import pickle
import shutil
from importlib import resources
from pathlib import Path

import pytest

from pantau.geo import (
    Gazetteer,
    PlaceLexicon,
    PlaceMention,
    dateline_span,
    find_places,
    focus_countries,
    import_geonames_dump,
    locate,
    resolve,
    to_location,
)
from pantau.geo.build import read_tsv
from pantau.geo.normalize import loose_key, name_key
from pantau.pipeline import Resources


def mention_of(text: str, surface: str, gaz: Gazetteer, lex: PlaceLexicon) -> PlaceMention:
    found = [m for m in find_places(text, gaz, lex) if m.span.text == surface]
    assert found, f"{surface!r} not found in {[m.span.text for m in find_places(text, gaz, lex)]}"
    return found[0]


def resolved(text: str, surface: str, gaz: Gazetteer, lex: PlaceLexicon) -> tuple[PlaceMention, object]:
    mentions = find_places(text, gaz, lex)
    focus = focus_countries(mentions, text, gaz)
    m = mention_of(text, surface, gaz, lex)
    context = [p for other in mentions if other is not m for p in other.candidates[:1]]
    return m, resolve(m, focus, context)


@pytest.mark.parametrize(
    ("text", "surface", "name", "iso3"),
    [
        ("Pasukan rezim menggempur kota Homs pada Selasa.", "Homs", "Homs", "SYR"),
        ("Jet tempur Rusia menyerang Deir Zour, Suriah, Rabu malam.", "Deir Zour", "Deir ez-Zor", "SYR"),
        ("Koalisi mengebom posisi ISIS di Deir Az Zor, Suriah timur.", "Deir Az Zor", "Deir ez-Zor", "SYR"),
        ("Milisi bentrok dengan tentara Suriah di Deir al-Zour.", "Deir al-Zour", "Deir ez-Zor", "SYR"),
        ("Ribuan warga Suriah berunjuk rasa di Damaskus.", "Damaskus", "Damascus", "SYR"),
        ("Serangan roket menghantam Halab, kota terbesar kedua di Suriah.", "Halab", "Aleppo", "SYR"),
        ("Pasukan pemerintah Suriah merebut Abu Kamal dari ISIS.", "Abu Kamal", "Albu Kamal", "SYR"),
        ("Tentara Irak memasuki kota tua Mosul.", "Mosul", "Mosul", "IRQ"),
        ("Israel kembali menggempur Jalur Gaza pada Jumat.", "Jalur Gaza", "Gaza Strip", "PSE"),
        ("Tentara Israel menangkap tiga pemuda di Tepi Barat.", "Tepi Barat", "West Bank", "PSE"),
        ("Polisi Israel membubarkan jemaah di Yerusalem Timur.", "Yerusalem Timur", "East Jerusalem", "PSE"),
        ("Kelompok bersenjata menembak dua karyawan di Timika, Papua.", "Timika", "Timika", "IDN"),
        ("Bom meledak di Terminal Kampung Melayu, Jakarta Timur.", "Terminal Kampung Melayu",
         "Kampung Melayu", "IDN"),
        ("Militer Filipina menggempur militan di Marawi, Mindanao.", "Marawi", "Marawi City", "PHL"),
        ("Satgas memburu anggota MIT di pegunungan Poso, Sulawesi Tengah.", "Poso", "Poso", "IDN"),
        ("Pasukan Kurdi mengepung Raqqa dari tiga arah.", "Raqqa", "Ar Raqqah", "SYR"),
        ("Penembak tak dikenal menyerang pos polisi di Tembagapura, Mimika.", "Tembagapura", "Tembagapura",
         "IDN"),
        ("Massa membakar ban di depan gedung DPRD di Makassar.", "Makassar", "Makassar", "IDN"),
        ("Pejuang ISIS terakhir menyerah di Baghouz, Suriah.", "Baghouz", "Baghouz", "SYR"),
        ("Ratusan pengungsi Rohingya tiba di kamp Kutupalong, Bangladesh.", "Kutupalong", "Kutupalong camp",
         "BGD"),
    ],
)
def test_resolves_place(gaz: Gazetteer, lex: PlaceLexicon, text: str, surface: str, name: str, iso3: str) -> None:
    _, place = resolved(text, surface, gaz, lex)
    assert place is not None
    assert (place.name, place.iso3) == (name, iso3)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "surface", "name", "cue", "relation_text"),
    [
        ("Bentrokan terjadi di sebelah timur kota al-Sukhna, Suriah.", "al-Sukhna", "As Sukhnah", "city",
         "di sebelah timur"),
        ("Pesawat koalisi menyerang konvoi di dekat Sungai Efrat, Suriah.", "Sungai Efrat", "Euphrates", "river",
         "di dekat"),
        ("Serangan udara menghantam beberapa kilometer ke utara kota Raqqa, Suriah.", "Raqqa", "Ar Raqqah",
         "city", "beberapa kilometer ke utara"),
        ("Tentara Suriah merebut pangkalan udara di barat Aleppo.", "Aleppo", "Aleppo", None, "di barat"),
        ("Pemberontak menembakkan mortir dari pinggiran Idlib, Suriah.", "Idlib", "Idlib", None, "pinggiran"),
        ("Ledakan terdengar tak jauh dari Mosul, Irak.", "Mosul", "Mosul", "from", "tak jauh dari"),
    ],
)
def test_near_relations(
    gaz: Gazetteer, lex: PlaceLexicon, text: str, surface: str, name: str, cue: str | None, relation_text: str
) -> None:
    m, place = resolved(text, surface, gaz, lex)
    assert place is not None and place.name == name  # type: ignore[attr-defined]
    assert m.relation == "near"
    assert m.cue == cue
    assert m.relation_span is not None and m.relation_span.text == relation_text
    assert text[m.relation_span.start : m.relation_span.end] == relation_text
    assert locate(m, place).geo_precision == 2  # type: ignore[arg-type]


def test_in_relation_is_default(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    m = mention_of("Pasukan rezim menggempur kota Homs pada Selasa.", "Homs", gaz, lex)
    assert m.relation == "in" and m.relation_span is None and m.cue == "city"


@pytest.mark.parametrize(
    ("text", "surface", "admin1", "iso3"),
    [
        ("Kontak senjata kembali terjadi di Papua pada Senin.", "Papua", "Papua", "IDN"),
        ("Polisi menangkap lima terduga teroris di Jawa Barat.", "Jawa Barat", "West Java", "IDN"),
        ("Aparat menambah pasukan di Papua Tengah.", "Papua Tengah", "Central Papua", "IDN"),
        ("Ribuan buruh berunjuk rasa di Sulawesi Tengah.", "Sulawesi Tengah", "Central Sulawesi", "IDN"),
    ],
)
def test_province_alone_is_precision_3(
    gaz: Gazetteer, lex: PlaceLexicon, text: str, surface: str, admin1: str, iso3: str
) -> None:
    m, place = resolved(text, surface, gaz, lex)
    assert place is not None
    assert place.feature == "admin1" and place.admin1 == admin1 and place.iso3 == iso3  # type: ignore[attr-defined]
    loc = locate(m, place)  # type: ignore[arg-type]
    assert loc.geo_precision == 3 and loc.iso == iso3 and loc.latitude is not None


@pytest.mark.parametrize(
    ("text", "surface", "name", "admin1", "admin2", "precision"),
    [
        ("Dua warga terluka saat kontak tembak di Distrik Sugapa, Kabupaten Intan Jaya, Selasa sore.",
         "Distrik Sugapa", "Sugapa", "Central Papua", "Intan Jaya", 1),
        ("Ratusan buruh pabrik berunjuk rasa di Kecamatan Colomadu, Karanganyar, Kamis siang.",
         "Kecamatan Colomadu", "Colomadu", "Central Java", "Karanganyar", 1),
        # no GeoNames namesake: placed at its regency, so never better than precision 2
        ("Gedung sekolah dibakar kelompok bersenjata di Distrik Kiwirok, Pegunungan Bintang.",
         "Distrik Kiwirok", "Kiwirok", "Highland Papua", "Pegunungan Bintang", 2),
        # two kecamatan named Mugi: the one of the regency the sentence names
        ("Warga mengungsi dari Distrik Mugi, Kabupaten Nduga, setelah baku tembak.",
         "Distrik Mugi", "Mugi", "Highland Papua", "Nduga", 2),
    ],
)
def test_kecamatan_and_distrik_resolve_to_the_district(
    gaz: Gazetteer, lex: PlaceLexicon, text: str, surface: str, name: str, admin1: str, admin2: str,
    precision: int,
) -> None:
    m, place = resolved(text, surface, gaz, lex)
    assert place is not None
    assert (place.name, place.feature, place.admin1, place.admin2, place.iso3) == (  # type: ignore[attr-defined]
        name, "district", admin1, admin2, "IDN"
    )
    assert locate(m, place).geo_precision == precision  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("JAKARTA, CNN Indonesia -- Pasukan Suriah merebut Homs.", "JAKARTA, CNN Indonesia --"),
        ("Jakarta, CNN Indonesia -- Polisi menangkap dua orang di Bekasi.", "Jakarta, CNN Indonesia --"),
        ("DAMASKUS-- Tentara pemerintah merebut Douma.", "DAMASKUS--"),
        ("Jakarta (ANTARA) - Demonstran membakar ban di Makassar.", "Jakarta (ANTARA) -"),
        ("Jayapura (ANTARA News) - Dua anggota Brimob terluka di Puncak.", "Jayapura (ANTARA News) -"),
        ("TEMPO.CO, Jakarta - Ledakan terjadi di Surabaya.", "TEMPO.CO, Jakarta -"),
        ("Bentrokan di Papua\nTIMIKA, KOMPAS.com - Warga memblokade jalan di Mimika.", "TIMIKA, KOMPAS.com -"),
        # the outlet, its date, then the place between dashes
        ("Rimanews, 3 Maret 2024. – Idlib – Jet tempur menghantam Ariha.", "Rimanews, 3 Maret 2024. – Idlib –"),
    ],
)
def test_dateline_found_and_not_a_mention(gaz: Gazetteer, lex: PlaceLexicon, text: str, dateline: str) -> None:
    span = dateline_span(text, lex)
    assert span is not None and span.text == dateline and text[span.start : span.end] == dateline
    for m in find_places(text, gaz, lex):
        assert m.span.end <= span.start or m.span.start >= span.end
    assert any(m.span.start >= span.end for m in find_places(text, gaz, lex))


def test_no_dateline_in_plain_sentence(lex: PlaceLexicon) -> None:
    assert dateline_span("Pasukan Irak merebut kembali Tikrit dari ISIS pada Selasa.", lex) is None


def test_dateline_forms_read_lines_at_any_break_up_to_the_window(lex: PlaceLexicon) -> None:
    # a line separator ends a line for the forms, as str.splitlines says
    text = "Judul berita\u2028MEDAN - Polisi menjaga kantor partai."
    span = dateline_span(text, lex)
    assert span is not None and span.text == "MEDAN -" and text[span.start : span.end] == "MEDAN -"
    # the forms see a line only as far as the window: the dash just past it is not read
    top = "a\n" * ((lex.dateline_window - 6) // 2)
    assert dateline_span(top + "MEDAN - Polisi berjaga.", lex) is None
    assert dateline_span(top[:-4] + "MEDAN - Polisi berjaga.", lex) is not None


def test_dateline_excluded_from_focus(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "JAKARTA, CNN Indonesia -- Jet tempur menggempur Idlib dan Hama di Suriah."
    mentions = find_places(text, gaz, lex, skip_dateline=False)
    assert any(m.span.text == "JAKARTA" for m in mentions)
    # Indonesia only as the home country, last; the dateline's JAKARTA adds nothing
    assert focus_countries(mentions, text, gaz) == ("SYR", "IDN")


@pytest.mark.parametrize(
    "text",
    [
        "Lima orang tewas dalam serangan bom di pasar itu.",
        "Tiga tentara dan Lima warga sipil terluka.",
        "Jadi, aparat menutup jalan itu. Mereka jadi sasaran.",
        "Hal ini disampaikan juru bicara polisi. Hal itu dibenarkan warga.",
        "Saat itu suasana masih sepi, kata Barat.",
        "Presiden Recep Tayyip Erdogan menelepon Vladimir Putin.",
        "Google dan Samsung membuka kantor baru.",
        # ranks before a person's name ("Pratu" is not Prato)
        "Dalam kontak tembak itu Pratu AR gugur, sementara Prada MS dan Bripda YK terluka.",
        "Letkol Inf Budi dan AKBP Rahmat memimpin apel, didampingi Brigjen Sutrisno dan Kompol Andi.",
        "Serka JT dan Kopda RS dievakuasi, kata Mayjen Hartono.",
    ],
)
def test_common_words_are_not_places(gaz: Gazetteer, lex: PlaceLexicon, text: str) -> None:
    mentions = find_places(text, gaz, lex)
    assert all(m.candidates == () for m in mentions), [m.span.text for m in mentions]


def test_lima_the_city_mid_sentence(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "Ribuan orang berunjuk rasa di Lima, ibu kota Peru, menuntut presiden mundur."
    _, place = resolved(text, "Lima", gaz, lex)
    assert place is not None and place.iso3 == "PER"  # type: ignore[attr-defined]


def test_unknown_name_after_strong_cue(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "Kelompok bersenjata membakar rumah warga di desa Xyzabad, Kabupaten Nduga."
    m = mention_of(text, "Xyzabad", gaz, lex)
    assert m.candidates == () and m.cue == "village"
    nduga = mention_of(text, "Kabupaten Nduga", gaz, lex)
    assert nduga.candidates and nduga.candidates[0].admin2 == "Nduga"


def test_longest_match_wins(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    texts = [m.span.text for m in find_places("Demonstran berkumpul di Jakarta Pusat sejak pagi.", gaz, lex)]
    assert texts == ["Jakarta Pusat"]


def test_offsets_are_code_points(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "Ḩalab 🙂 diserang; warga mengungsi ke Ḩamāh dan Idlib."
    for m in find_places(text, gaz, lex):
        assert text[m.span.start : m.span.end] == m.span.text
    assert {"Idlib"} <= {m.span.text for m in find_places(text, gaz, lex)}


@pytest.mark.parametrize("focus", [(), ("SYR",), ("LBY",), ("IDN", "USA")])
def test_homs_is_the_syrian_city(gaz: Gazetteer, lex: PlaceLexicon, focus: tuple[str, ...]) -> None:
    m = mention_of("Serangan terjadi di Homs pada Kamis.", "Homs", gaz, lex)
    place = resolve(m, focus)
    assert place is not None and (place.name, place.iso3, place.feature) == ("Homs", "SYR", "city")


def test_title_before_place_keeps_the_place(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "Kapolres Poso mengatakan anggota MIT melarikan diri ke hutan."
    _, place = resolved(text, "Poso", gaz, lex)
    assert place is not None and place.iso3 == "IDN"  # type: ignore[attr-defined]


def test_a_cued_name_is_a_place_even_inside_a_title(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    # "Serangan Jolo" alone looks like a person's name; "di Jolo" says it is a place
    text = "Serangan Jolo belum diusut. Kelompok Abu Sayyaf masih bertahan di Jolo, Filipina selatan."
    names = [m.span.text for m in find_places(text, gaz, lex)]
    assert names.count("Jolo") == 2


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Demo Mahasiswa di Bandung Berakhir Damai", "Demo"),  # Diemoz, France
        ("Polisi menembakkan Gas air mata ke arah massa di Wamena.", "Gas"),  # Gas, France
        ("Arsenal menang 2-0 atas Chelsea di London.", "Arsenal"),  # Arsenal, Mauritius
    ],
)
def test_small_places_named_like_common_words_need_a_cue(gaz: Gazetteer, lex: PlaceLexicon, text: str,
                                                          word: str) -> None:
    assert word not in [m.span.text for m in find_places(text, gaz, lex)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kontak tembak pecah di pegunungan Poso, Sulawesi Tengah.", "Poso"),  # a home-country town
        ("Ribuan massa berkumpul di kawasan Menteng sejak pagi.", "Menteng"),  # the project's own place
        ("Warga Ancol mengungsi setelah banjir rob.", "Ancol"),  # a home-country village mid-sentence
    ],
)
def test_home_places_named_like_common_words_stay(gaz: Gazetteer, lex: PlaceLexicon, text: str, name: str) -> None:
    assert name in [m.span.text for m in find_places(text, gaz, lex)]


def test_a_village_whose_name_goes_on_is_not_the_city_of_its_first_word(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = "Tentara menyerbu desa Tula Toli di Rakhine."
    assert "Tula" not in [m.span.text for m in find_places(text, gaz, lex)]  # Tula, Russia


def test_sabha_in_syria_when_syria_is_the_focus(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    m = mention_of("ISIS menyerang Wadi al-Sabha di tepi Sungai Efrat.", "Wadi al-Sabha", gaz, lex)
    place = resolve(m, ("SYR",))
    assert place is not None and place.iso3 == "SYR"
    m2 = mention_of("Bentrokan suku pecah di Sabha, Libya selatan.", "Sabha", gaz, lex)
    place2 = resolve(m2, ("LBY",))
    assert place2 is not None and place2.iso3 == "LBY"


def test_focus_countries_order(gaz: Gazetteer, lex: PlaceLexicon) -> None:
    text = ("Pasukan Suriah dan milisi Iran menggempur Aleppo. Amerika Serikat mengecam serangan itu. "
            "Di Homs dan Hama warga mengungsi ke Suriah utara.")
    focus = focus_countries(find_places(text, gaz, lex), text, gaz)
    assert focus[0] == "SYR" and {"IRN", "USA"} <= set(focus)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Suriah", "SYR"), ("Irak", "IRQ"), ("AS", "USA"), ("Amerika Serikat", "USA"), ("Inggris", "GBR"),
        ("Yaman", "YEM"), ("Arab Saudi", "SAU"), ("Tiongkok", "CHN"), ("Libanon", "LBN"), ("Lebanon", "LBN"),
        ("Palestina", "PSE"), ("Yordania", "JOR"), ("Mesir", "EGY"), ("Filipina", "PHL"), ("Turki", "TUR"),
        ("Rusia", "RUS"), ("Prancis", "FRA"), ("Jerman", "DEU"), ("Sudan Selatan", "SSD"), ("Ukraina", "UKR"),
        ("Syria", "SYR"), ("Afganistan", "AFG"), ("Myanmar", "MMR"), ("Pantai Gading", "CIV"),
        ("as", None), ("Jakarta", None),
    ],
)
def test_country_of_name(gaz: Gazetteer, name: str, iso3: str | None) -> None:
    assert gaz.country_of_name(name) == iso3


def test_country_and_admin1_places(gaz: Gazetteer) -> None:
    syria = gaz.country("SYR")
    assert syria is not None and syria.feature == "country" and syria.name == "Syria"
    assert abs(syria.latitude - 33.5) < 0.2  # placed at Damascus, its capital
    loc = to_location(syria, 1)
    assert loc.geo_precision == 3 and loc.iso == "SYR" and loc.country == "Syria"
    deir = gaz.admin1("SYR", "Deir Zour")
    assert deir is not None and deir.admin1 == "Deir ez-Zor" and deir.feature == "admin1"
    jabar = gaz.admin1("IDN", "Jawa Barat")
    assert jabar is not None and jabar.name == "West Java" and to_location(jabar, 1).geo_precision == 3
    assert gaz.admin1("IDN", "Atlantis Raya") is None
    assert gaz.country("XXX") is None


def test_lookup_transliterations_agree(gaz: Gazetteer) -> None:
    keys = [{p.key for p in gaz.lookup(n) if p.feature == "city"} for n in
            ("Deir ez-Zor", "Deir Zour", "Deir Az Zor", "Deir al-Zour", "Dayr az Zawr")]
    assert keys[0] and all(k == keys[0] for k in keys)
    assert loose_key(name_key("Deir al-Zour"), frozenset({"al", "az", "ez"})) == loose_key(
        name_key("Dayr az Zawr"), frozenset({"al", "az", "ez"})
    )


def test_to_location_fields(gaz: Gazetteer) -> None:
    homs = next(p for p in gaz.lookup("Homs") if p.feature == "city" and p.iso3 == "SYR")
    loc = to_location(homs, 1)
    assert (loc.name, loc.admin1, loc.country, loc.iso, loc.geo_precision) == ("Homs", "Homs", "Syria", "SYR", 1)
    assert to_location(homs, 2, name="Homs timur").name == "Homs timur"
    assert to_location(homs, 2).geo_precision == 2


def test_index_is_cached_not_rebuilt(gaz: Gazetteer) -> None:
    before = gaz.path.stat().st_mtime_ns
    again = Gazetteer.load()
    assert again.path == gaz.path and gaz.path.stat().st_mtime_ns == before
    assert again.stats()["places"] > 230_000


def test_gazetteer_pickles(gaz: Gazetteer) -> None:
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.lookup("Aleppo") == gaz.lookup("Aleppo")


def _data(name: str) -> str:
    return resources.files("pantau.geo").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["countries_id.tsv", "admin1_id.tsv", "aliases_id.tsv"])
def test_data_files_say_where_facts_come_from(name: str) -> None:
    head = "\n".join(line for line in _data(name).splitlines() if line.startswith("#")).lower()
    assert "source" in head or "sources" in head
    assert "coordinates" in head


def test_every_project_place_is_indexed(gaz: Gazetteer) -> None:
    for line, row in read_tsv(_data("aliases_id.tsv")):
        assert len(row) == 11, f"aliases_id.tsv line {line}: {len(row)} columns"
        assert row[10], f"aliases_id.tsv line {line}: no coordinate source"
        for alias in row[2].split("|"):
            if len(name_key(alias)) >= 3 and name_key(alias) not in gaz.lexicon.stopwords:
                assert gaz.lookup(alias), f"line {line}: {alias!r} not indexed"
        if row[0] != "=":
            assert any(p.key == f"px:{row[0]}" for p in gaz.lookup(row[1]))


def test_every_country_is_a_place(gaz: Gazetteer) -> None:
    for line, row in read_tsv(_data("countries_id.tsv")):
        place = gaz.country(row[0])
        assert place is not None, f"countries_id.tsv line {line}: {row[0]}"
        assert place.name == row[1]
        for alias in row[2].split("|"):
            assert gaz.country_of_name(alias) == row[0], f"line {line}: {alias}"


def test_every_admin1_row_is_found_by_its_aliases(gaz: Gazetteer) -> None:
    iso3 = {"ID": "IDN", "SY": "SYR", "IQ": "IRQ", "PS": "PSE", "LB": "LBN", "IL": "ISR", "YE": "YEM",
            "SA": "SAU", "EG": "EGY", "AF": "AFG", "MM": "MMR", "PH": "PHL", "IN": "IND", "PK": "PAK",
            "NG": "NGA", "LY": "LBY"}
    for line, row in read_tsv(_data("admin1_id.tsv")):
        for alias in row[3].split("|"):
            place = gaz.admin1(iso3[row[0]], alias)
            assert place is not None, f"admin1_id.tsv line {line}: {alias}"
            assert place.admin1 == row[2]


def test_lexicon_words_live_in_yaml(lex: PlaceLexicon) -> None:
    assert lex.cue_of("kota") == "city" and lex.cue_of("kamp pengungsi") == "camp"
    assert "lima" in lex.number_words and "orang" in lex.count_nouns
    assert "kota" in lex.stopwords and "jakarta" not in lex.stopwords


DUMP_ROWS = [
    ["99900001", "Kampung Ujicoba", "Kampung Ujicoba", "Ujicoba,Kp Ujicoba", "-4.5", "138.1", "P", "PPL", "ID",
     "", "PE", "", "", "", "0", "", "1500", "Asia/Jayapura", "2024-01-01"],
    ["99900002", "Bukit Percobaan", "Bukit Percobaan", "", "-4.6", "138.2", "T", "HLL", "ID", "", "PE", "",
     "", "", "0", "", "2000", "Asia/Jayapura", "2024-01-01"],
    ["99900003", "Kamp Contohan", "Kamp Contohan", "", "36.1", "37.1", "S", "CMPRF", "SY", "", "09", "", "",
     "", "0", "", "400", "Asia/Damascus", "2024-01-01"],
]


def _write_dump(path: Path, rows: list[list[str]], extra: str = "") -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows) + extra, encoding="utf-8")
    return path


@pytest.fixture()
def user_cache(tmp_path: Path, gaz: Gazetteer) -> Path:
    cache = tmp_path / "cache"
    cache.mkdir()
    shutil.copy(gaz.path, cache / gaz.path.name)  # the main index, so the test needs no rebuild
    return cache


def test_import_geonames_dump(tmp_path: Path, user_cache: Path) -> None:
    dump = _write_dump(tmp_path / "XX.txt", DUMP_ROWS)
    assert import_geonames_dump(dump, user_cache) == 3
    assert import_geonames_dump(dump, user_cache) == 0  # the same file again adds nothing
    g = Gazetteer.load(user_cache / next(p.name for p in user_cache.glob("gazetteer-*.sqlite")))
    places = g.lookup("Ujicoba")
    assert [p.key for p in places] == ["gn:99900001"]
    assert places[0].admin1 == "Highland Papua" and places[0].iso3 == "IDN" and places[0].feature == "village"
    assert g.lookup("Kamp Contohan")[0].feature == "camp"
    assert g.stats()["user_places"] == 3
    assert g.lookup("Aleppo")  # the main index is still there


def test_import_reports_bad_rows(tmp_path: Path, user_cache: Path) -> None:
    bad = ["99900009", "Rusak", "Rusak", "", "utara", "138.1", "P", "PPL", "ID", "", "PE", "", "", "", "0",
           "", "", "", ""]
    dump = _write_dump(tmp_path / "bad.txt", [*DUMP_ROWS[:1], bad], extra="too\tfew\tcolumns\n")
    with pytest.raises(ValueError, match=r"line 2: .*line 3: "):
        import_geonames_dump(dump, user_cache)
    assert not (user_cache / "user-gazetteer.sqlite").exists()  # nothing written
    assert import_geonames_dump(dump, user_cache, skip_bad=True) == 1


def test_a_new_index_drops_the_stale_ones(tmp_path: Path) -> None:
    from pantau.geo.gazetteer import USER_DB, _drop_stale

    for name in ("gazetteer-old1.sqlite", "gazetteer-old2.sqlite", "gazetteer-new.sqlite", USER_DB):
        (tmp_path / name).write_bytes(b"")
    _drop_stale(tmp_path / "gazetteer-new.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["gazetteer-new.sqlite", USER_DB])


def test_a_project_row_can_correct_a_geonames_point(gaz: Gazetteer) -> None:
    """aliases_id.tsv's "=" row with lat/lon moves Timika to the town; GeoNames' point lies 25 km west of it."""
    from pantau.geo.earth import great_circle_km

    timika = [p for p in gaz.lookup("Timika") if p.iso3 == "IDN"]
    assert timika and great_circle_km((timika[0].latitude, timika[0].longitude), (-4.55, 136.89)) < 5


# A bare name (or a police sector's) that is a kecamatan of a regency the article names is that kecamatan, not a
# village of the same name in another province (geo/namesakes.py). Each name here has a namesake village elsewhere.
KECAMATAN_NAMESAKES = [
    ("Sebuah bom rakitan meledak di depan sebuah gereja di Ngaglik, Minggu (10/3). Polisi Kabupaten Sleman masih "
     "menyelidiki pelakunya.", "Ngaglik", "Daerah Istimewa Yogyakarta"),
    ("Sekelompok pemuda bersenjata tajam menyerang pos ronda di Pakis, Sabtu (9/3). Polisi Kabupaten Malang "
     "menangkap lima pelaku.", "Pakis", "East Java"),
    # a police sector's name: "Polsek Sumbersari" is the sector of Jember's kecamatan
    ("Orang tak dikenal menembak mati seorang sopir di sebuah jalan desa, Selasa (12/3) malam. Anggota Polsek "
     "Sumbersari tiba di lokasi. Kapolres Jember mengatakan pelaku masih diburu. Jember aman.", "Sumbersari",
     "East Java"),
    ("Bentrokan antarpemuda pecah di Jetis, Sabtu (9/3) malam. Tiga pemuda terluka. Warga Bantul diminta tenang; "
     "polisi berjaga di Kabupaten Bantul.", "Jetis", "Daerah Istimewa Yogyakarta"),
]


@pytest.mark.parametrize(("text", "name", "admin1"), KECAMATAN_NAMESAKES)
def test_a_kecamatan_of_the_regency_named_beats_a_namesake_village(
    text: str, name: str, admin1: str, res: Resources
) -> None:
    from eventcode import code

    there = [e.location for e in code(text, res) if e.location is not None and e.location.name == name]
    assert there, f"no event placed at {name}"
    assert {loc.admin1 for loc in there} == {admin1}, there


# "warga di X" says where people are (the scene when they are attacked), not where someone lives; and a trip's end
# ("pengungsi ke Bangladesh") says nothing of the country the incident happened in.
PEOPLE_AND_TRIPS = [
    ("Militan Al-Shabaab menyerang warga di Mandera, Kenya, Selasa (12/3).", "Mandera"),
    ("Pasukan pemerintah menembaki penduduk di Kota Kidal, Mali, Senin (11/3). Lima orang tewas.", "Kidal"),
    ("Gelombang pengungsi ke Bangladesh bermula setelah milisi menyerang pos polisi, Jumat (8/3). Tentara membalas "
     "dengan membakar desa-desa. PBB mencatat ribuan warga di Negara Bagian Rakhine kehilangan rumah.", "Rakhine"),
    # "keturunan Indonesia" is where a protester's family comes from, not where the protest was
    ("Menteri Agama berceramah tentang toleransi beragama di Indonesia, Kamis (7/3). Ia menyebut unjuk rasa di "
     "Jakarta pekan lalu berjalan tertib. Di luar gedung, sempat digelar aksi protes oleh seorang mahasiswi "
     "keturunan Indonesia di Inggris.", "Jakarta|United Kingdom"),
    ("Ribuan warga mengungsi ke Chad sejak pasukan RSF menyerang kamp pengungsi, Kamis (7/3). Badan PBB "
     "menyebut warga di El Fasher masih terkepung.", "El Fasher"),
]


@pytest.mark.parametrize(("text", "name"), PEOPLE_AND_TRIPS)
def test_people_in_a_place_and_a_trips_end(text: str, name: str, res: Resources) -> None:
    from eventcode import code

    places = [e.location.name for e in code(text, res) if e.location is not None]
    assert places and set(places) == set(name.split("|")), places


# The police or army post an incident struck is its scene, before a bare town named before it; a sector's name is
# its kecamatan's, even when only "Distrik Sinak" is indexed.
STRUCK_POSTS = [
    ("Warga Jayapura dikejutkan kabar bahwa orang tak dikenal menembaki Polsek Sinak, Senin (11/3). Seorang polisi "
     "tewas.", "Sinak"),
    ("Teror beruntun terjadi: Bandung, kemudian kelompok teroris menyerang Polres Poso, Jumat (8/3). Dua polisi "
     "terluka.", "Poso"),
    ("Selain Jakarta, orang bersenjata menembaki Polsek Ilaga, Kamis (7/3), dan melukai seorang anggota.", "Ilaga"),
]


@pytest.mark.parametrize(("text", "name"), STRUCK_POSTS)
def test_the_post_an_incident_struck_is_its_scene(text: str, name: str, res: Resources) -> None:
    from eventcode import code

    places = [e.location.name for e in code(text, res) if e.location is not None]
    assert name in places, places


# A country or town right after the word of an office names the office, not where anything happened.
OFFICES = [
    ("Kepolisian Prancis menangkap mantan perdana menteri Kosovo di Colmar, Rabu (13/3).", "Kosovo", "Colmar"),
    ("Dubes Rusia dipanggil ke kantor kementerian di Warsawa setelah drone jatuh di Lublin.", "Rusia", "Lublin"),
    ("Presiden Ukraina mengunjungi korban serangan rudal di Odesa, Kamis (14/3).", "Ukraina", "Odesa"),
    ("Menlu Iran mengecam serangan udara di Damaskus, Senin (11/3).", "Iran", "Damaskus"),
]


@pytest.mark.parametrize(("text", "office", "scene"), OFFICES)
def test_the_country_of_an_office_is_no_scene(text: str, office: str, scene: str, res: Resources) -> None:
    from datetime import date

    from pantau.model import Article
    from pantau.pipeline import Config, analyse

    an = analyse(Article.from_text("t.txt", text, published=date(2024, 3, 14)), res, Config())
    told = [m.span.text for f in an.facts for m in f.places]
    assert office not in told and scene in told, told
