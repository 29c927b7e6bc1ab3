"""Indonesian time expressions resolved against a reference date (SPEC.md rule 3).

Grouped by phenomenon, in the manner of dateparser's tests: each table row is a sentence written
for these tests, the time phrase inside it, and what pantau must make of that phrase.
"""

from __future__ import annotations

from datetime import date

import pytest

from pantau.model import TimeMention
from pantau.pipeline import Resources
from pantau.text.numbers import NumberLexicon
from pantau.text.timex import TimeLexicon, find_times, infer_year, last_weekday

LEX = TimeLexicon.load()
UNITS = NumberLexicon.load().units

# Friday 9 February 2018: the publication date of the invented reports below.
REF = date(2018, 2, 9)


def times(text: str, ref: date | None = REF) -> list[TimeMention]:
    """Every time mention of a text, resolved against ref."""
    return find_times(text, LEX, ref, units=UNITS)


def mention(text: str, phrase: str, ref: date | None = REF) -> TimeMention:
    """The one mention whose text is exactly phrase; fails the test otherwise."""
    found = [m for m in times(text, ref) if m.span.text == phrase]
    got = [(m.span.text, m.date, m.precision) for m in times(text, ref)]
    assert len(found) == 1, f"{phrase!r} in {text!r}: got {got}"
    m = found[0]
    assert text[m.span.start : m.span.end] == phrase
    return m


# --- absolute dates ---------------------------------------------------------------------------

ABSOLUTE: list[tuple[str, str, date]] = [
    ("Serangan udara menghantam Ghouta Timur pada 9 Februari 2018 sejak subuh.",
     "9 Februari 2018", date(2018, 2, 9)),
    ("Militan ISIS mundur dari Raqqa pada 14 Sep 2017 menurut para saksi.",
     "14 Sep 2017", date(2017, 9, 14)),
    ("Kamis, 14 September 2017, pasukan Kurdi memasuki pinggiran kota.",
     "Kamis, 14 September 2017", date(2017, 9, 14)),
    ("Laporan polisi bertanggal 2017-09-14 mencatat bentrokan di Wamena.",
     "2017-09-14", date(2017, 9, 14)),
    ("Bom meledak di Surabaya pada 13 Mei 2018, menyasar tiga gereja.",
     "13 Mei 2018", date(2018, 5, 13)),
    ("Densus 88 menggerebek rumah kontrakan di Bekasi, 1 Des 2019 malam.",
     "1 Des 2019", date(2019, 12, 1)),
    ("Kerusuhan pecah di Jayapura pada 29 Agt 2019 setelah unjuk rasa.",
     "29 Agt 2019", date(2019, 8, 29)),
    ("Selasa, 6 Februari 2018 pukul 10.00, roket menghantam Afrin.",
     "Selasa, 6 Februari 2018", date(2018, 2, 6)),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), ABSOLUTE)
def test_absolute_dates(text: str, phrase: str, expected: date) -> None:
    m = mention(text, phrase)
    assert m.date == expected
    assert m.precision == 1
    assert m.kind == "absolute"


@pytest.mark.parametrize(("text", "phrase", "expected"), ABSOLUTE)
def test_absolute_dates_need_no_reference(text: str, phrase: str, expected: date) -> None:
    assert mention(text, phrase, ref=None).date == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pertemuan dijadwalkan pada 30 Februari 2018 namun batal.",  # no such day
        "Ledakan terdengar pukul 15:02 WIB di dekat markas Hizbullah.",  # a clock time
        "Skor akhir (13/13) membuat kedua tim berbagi angka.",  # no month 13
    ],
)
def test_impossible_dates_give_no_date(text: str) -> None:
    assert [m.date for m in times(text) if m.date is not None] == []


# --- day/month forms: "(08/02)", "Kamis (29/9)", "29/9" --------------------------------------

DAY_MONTH: list[tuple[str, str, date, date]] = [
    ("Jet tempur Israel menyerang posisi Iran di Suriah, Kamis (08/02).",
     "Kamis (08/02)", REF, date(2018, 2, 8)),
    ("Polisi membubarkan massa yang memblokade jalan di Deiyai (08/02).",
     "(08/02)", REF, date(2018, 2, 8)),
    ("Pasukan pemerintah merebut desa di Hama, Kamis (29/9), kata aktivis.",
     "Kamis (29/9)", date(2016, 10, 3), date(2016, 9, 29)),
    ("Pada 29/9 ribuan mahasiswa berunjuk rasa di depan gedung DPRD Makassar.",
     "29/9", date(2017, 10, 3), date(2017, 9, 29)),
    # a day/month after the reference day is last year's
    ("Gereja di Poso dijaga ketat sejak serangan (25/12) oleh kelompok teror.",
     "(25/12)", REF, date(2017, 12, 25)),
    ("Dua anggota KKB ditangkap di Timika, Minggu (4/2), tanpa perlawanan.",
     "Minggu (4/2)", REF, date(2018, 2, 4)),
    ("Warga Rafah mengungsi ke selatan, Rabu malam (7/2), setelah serangan.",
     "Rabu malam (7/2)", REF, date(2018, 2, 7)),
    ("Demonstran menduduki kantor bupati, Senin (5/2/18), di Nabire.",
     "Senin (5/2/18)", REF, date(2018, 2, 5)),
    ("Tersangka teroris itu ditangkap di Solo (8/2/2018) dini hari.",
     "(8/2/2018)", date(2020, 1, 1), date(2018, 2, 8)),
    ("Pasukan Turki memasuki Afrin, Jum'at (2/2), dari arah utara.",
     "Jum'at (2/2)", REF, date(2018, 2, 2)),
    ("KKB menembaki pesawat di Bandara Beoga pada Ahad (4/2) pagi.",
     "Ahad (4/2)", REF, date(2018, 2, 4)),
]


@pytest.mark.parametrize(("text", "phrase", "ref", "expected"), DAY_MONTH)
def test_day_month(text: str, phrase: str, ref: date, expected: date) -> None:
    m = mention(text, phrase, ref)
    assert m.date == expected
    assert m.precision == 1
    assert m.kind == "daymonth"


def test_day_month_without_reference_has_no_date() -> None:
    m = mention("Jet tempur Israel menyerang posisi Iran di Suriah, Kamis (08/02).", "Kamis (08/02)", None)
    assert m.date is None
    assert m.kind == "daymonth"


# --- a weekday beside day/month fixes the year when the reference year is wrong ---------------

WEEKDAY_FIXES_YEAR: list[tuple[str, str, date, date]] = [
    # a weekday that fits no year near the publication date is trusted over a mistyped day/month
    ("Pasukan SDF merebut ladang minyak di Deir Ezzor, Kamis (14/9).",
     "Kamis (14/9)", date(2019, 1, 10), date(2019, 1, 10)),
    ("Pesawat tak dikenal membom pasar di Idlib, Rabu, 13 September, kata warga.",
     "Rabu, 13 September", date(2019, 1, 10), date(2017, 9, 13)),
    # 3 June 2022 was a Friday; Monday 3 June is 2024, after the reference: the weekday wins
    ("Tawuran antarkampung di Maluku Tengah pecah Senin (3/6) malam.",
     "Senin (3/6)", date(2022, 7, 1), date(2022, 6, 27)),
    # 29 September 2017 was a Friday: a Thursday 29 September is 2016
    ("Bentrokan di Aleppo timur berlanjut Kamis (29/9) menurut relawan.",
     "Kamis (29/9)", date(2017, 10, 3), date(2016, 9, 29)),
    # with the year written: 19 May 2025 was a Monday, 19 June a Thursday: a mistyped month
    ("Sopir truk memblokade jalan lingkar Karanganyar, Kamis (19/5/2025).",
     "Kamis (19/5/2025)", date(2025, 6, 20), date(2025, 6, 19)),
]


def test_a_written_date_stands_when_no_neighbouring_month_fits_its_weekday() -> None:
    text = "Mahasiswa berunjuk rasa di depan DPRD Sumatera Utara, Jumat (13/3/2024)."
    assert mention(text, "Jumat (13/3/2024)", date(2024, 3, 14)).date == date(2024, 3, 13)


@pytest.mark.parametrize(("text", "phrase", "ref", "expected"), WEEKDAY_FIXES_YEAR)
def test_weekday_fixes_the_year(text: str, phrase: str, ref: date, expected: date) -> None:
    m = mention(text, phrase, ref)
    assert m.date == expected
    assert m.date.weekday() == LEX.weekdays[phrase.split()[0].strip(",").lower()]


INFER_YEAR: list[tuple[str, int, int | None]] = [
    # three pairs that agree on 2017
    ("Serangan dimulai Kamis (14/9). Pada Jumat (15/9) pasukan bertahan, dan Minggu, 17 September "
     "mereka mundur dari Mayadin.", 2019, 2017),
    # two pairs that agree on 2018
    ("Roket jatuh di Ghouta Selasa (6/2); Rabu (7/2) serangan udara kembali terjadi.", 2020, 2018),
    # two pairs agree on 2024, around a wrong 2022
    ("Massa membakar pos ronda Senin (3/6) dan kembali bentrok Rabu (5/6) di Leihitu.", 2022, 2024),
    # the majority wins over one pair that disagrees (14/9 on a Monday is 2020)
    ("Kamis (14/9) pasukan maju, Jumat (15/9) kota jatuh; sidang digelar Senin (14/9).", 2018, 2017),
    # a full date carries its own year and casts no vote
    ("Kamis, 14 September 2017, pasukan Kurdi memasuki kota.", 2019, None),
    # no weekday, no vote
    ("Pasukan merebut kota itu (14/9) setelah pengepungan panjang.", 2019, None),
]


@pytest.mark.parametrize(("text", "around", "expected"), INFER_YEAR)
def test_infer_year(text: str, around: int, expected: int | None) -> None:
    assert infer_year(text, LEX, around) == expected


# --- relative expressions against the reference date -------------------------------------------

RELATIVE: list[tuple[str, str, date, int]] = [
    ("Kemarin, dua warga sipil tewas ditembak penembak jitu di Daraa.",
     "Kemarin", date(2018, 2, 8), 1),
    ("Ratusan buruh berdemonstrasi di depan Istana kemarin siang.",
     "kemarin", date(2018, 2, 8), 1),
    ("Pasukan koalisi menggempur kubu Houthi di Hodeidah tadi malam.",
     "tadi malam", date(2018, 2, 8), 1),
    ("Polisi menahan sebelas orang setelah ricuh di Tolikara hari ini.",
     "hari ini", date(2018, 2, 9), 1),
    # the latest Wednesday on or before Friday 9 February
    ("Kelompok bersenjata menyerang pos TNI di Nduga pada Rabu malam.",
     "Rabu malam", date(2018, 2, 7), 1),
    # the reference's own weekday is the reference day
    ("Serangan udara menghantam rumah sakit di Idlib, Jumat malam.",
     "Jumat malam", date(2018, 2, 9), 1),
    ("Massa membakar kantor polisi di Deiyai, Sabtu pagi, kata saksi.",
     "Sabtu pagi", date(2018, 2, 3), 1),
    ("Sebuah bom rakitan meledak di depan gereja di Samarinda pada Minggu pagi.",
     "Minggu pagi", date(2018, 2, 4), 1),
    ("Pasukan Turki menembaki desa Kurdi pada Selasa dini hari.",
     "Selasa dini hari", date(2018, 2, 6), 1),
    ("Pekan lalu, ISIS menyerang konvoi militer di gurun Homs.",
     "Pekan lalu", date(2018, 2, 2), 2),
    ("Minggu lalu, mahasiswa Papua berunjuk rasa di Bandung.",
     "Minggu lalu", date(2018, 2, 2), 2),
    ("Pengungsi tiba di Wamena dua hari lalu setelah desanya dibakar.",
     "dua hari lalu", date(2018, 2, 7), 1),
    ("Militan Taliban menyerbu pos polisi di Kandahar 3 hari yang lalu.",
     "3 hari yang lalu", date(2018, 2, 6), 1),
    ("Bentrokan di perbatasan Gaza terjadi dua minggu lalu menurut saksi.",
     "dua minggu lalu", date(2018, 1, 26), 2),
    ("Rumah terduga teroris di Sibolga digeledah empat hari lalu.",
     "empat hari lalu", date(2018, 2, 5), 2),
    ("Jumlah pengungsi Ghouta melonjak dalam 24 jam terakhir, kata PBB.",
     "dalam 24 jam terakhir", date(2018, 2, 9), 1),
]


@pytest.mark.parametrize(("text", "phrase", "expected", "precision"), RELATIVE)
def test_relative_expressions(text: str, phrase: str, expected: date, precision: int) -> None:
    m = mention(text, phrase)
    assert m.date == expected
    assert m.precision == precision


MONTHS_AND_YEARS: list[tuple[str, str, date, tuple[int, int | None]]] = [
    # March has not come yet in February 2018: last year's March
    ("Pada bulan Maret pasukan Rusia membombardir Palmyra.", "bulan Maret", REF, (2017, 3)),
    ("Bentrokan antarwarga meletus di Mimika bulan Januari.", "bulan Januari", REF, (2018, 1)),
    ("Pada bulan Maret lalu polisi menangkap tiga terduga teroris di Medan.",
     "bulan Maret lalu", date(2018, 5, 10), (2018, 3)),
    ("Tahun lalu, serangan bom bunuh diri menghantam Kampung Melayu.", "Tahun lalu", REF, (2017, None)),
    ("Gelombang protes melanda Tepi Barat sejak Agustus 2017 tanpa henti.", "Agustus 2017", REF, (2017, 8)),
    ("Kelompok itu aktif di Poso sejak tahun 2016 menurut aparat.", "tahun 2016", REF, (2016, None)),
    # "<month> lalu": the latest such month before the reference month, last year's when it is this month
    ("Sebuah ledakan mengguncang Kabul pada November lalu.", "November lalu", REF, (2017, 11)),
    ("Ledakan serupa terjadi Februari lalu di Marawi.", "Februari lalu", REF, (2017, 2)),
    # "<month> tahun lalu / tahun ini": that month of the year the words name, whatever the reference month
    ("Pada Agustus tahun lalu, kelompok bersenjata membakar sekolah di Intan Jaya.", "Agustus tahun lalu", REF,
     (2017, 8)),
    ("Juli tahun lalu, seorang pria menembaki jemaah masjid di Christchurch.", "Juli tahun lalu", REF, (2017, 7)),
    ("Serangan udara menghantam Aleppo pada bulan Desember tahun lalu.", "bulan Desember tahun lalu", REF,
     (2017, 12)),
    ("Unjuk rasa buruh digelar di Bandung pada Januari tahun ini.", "Januari tahun ini", REF, (2018, 1)),
    # a bare year after a preposition or before an ago-word
    ("Pada 2014, ISIS merebut Mosul dan sebagian besar Provinsi Nineveh.", "2014", REF, (2014, None)),
    ("Kerusuhan serupa pecah di Tolikara 2015 silam.", "2015 silam", REF, (2015, None)),
]


def test_a_bare_number_like_a_year_is_no_date() -> None:
    assert times("Sebanyak 2015 warga mengungsi ke Wamena setelah kerusuhan.") == []


@pytest.mark.parametrize(("text", "phrase", "ref", "expected"), MONTHS_AND_YEARS)
def test_months_and_years_have_precision_3(
    text: str, phrase: str, ref: date, expected: tuple[int, int | None]
) -> None:
    m = mention(text, phrase, ref)
    assert m.date is not None
    year, month = expected
    assert m.date.year == year
    if month is not None:
        assert m.date.month == month
    assert m.precision == 3
    assert m.date <= ref


def test_current_month_is_not_after_reference() -> None:
    ref = date(2018, 5, 10)
    m = mention("Aksi mogok buruh di Batam berlangsung sepanjang bulan Mei ini.", "bulan Mei", ref)
    assert m.date is not None
    assert (m.date.year, m.date.month) == (2018, 5)
    assert m.date <= ref


# A word before "pekan/minggu/bulan/tahun lalu" is taken as the number of "<n> <unit> lalu"; the
# match fails to resolve and the phrase is lost.
SWALLOWED_BY_AGO: list[tuple[str, str, date, int]] = [
    ("Serangan pekan lalu di Idlib menewaskan belasan warga sipil.", "pekan lalu", date(2018, 2, 2), 2),
    ("Bentrokan minggu lalu di Ilaga memaksa warga mengungsi.", "minggu lalu", date(2018, 2, 2), 2),
    ("Kota itu dikuasai ISIS sejak tahun lalu menurut warga.", "tahun lalu", date(2017, 1, 1), 3),
    ("Aksi akhir pekan lalu di Monas berlangsung damai.", "akhir pekan lalu", date(2018, 2, 2), 2),
]


@pytest.mark.parametrize(("text", "phrase", "expected", "precision"), SWALLOWED_BY_AGO)
def test_relative_after_a_word(text: str, phrase: str, expected: date, precision: int) -> None:
    m = mention(text, phrase)
    assert m.date == expected
    assert m.precision == precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # REF is a Friday: "Jumat lalu" said on a Friday is a week ago, a bare "Jumat" is today
        ("Bom mobil meledak di Kandahar, Jumat lalu.", date(2018, 2, 2)),
        ("Bom mobil meledak di Kandahar, Jumat.", date(2018, 2, 9)),
        ("Dua warga ditembak di Puncak, Rabu lalu.", date(2018, 2, 7)),
    ],
)
def test_weekday_ago(text: str, expected: date) -> None:
    assert [m.date for m in times(text)] == [expected]


def test_weekday_of_last_week() -> None:
    got = [m.date for m in times("Dua polisi terluka dalam bentrok di Paniai, Kamis pekan lalu.")]
    assert date(2018, 2, 1) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Penembakan di Intan Jaya terjadi sepekan lalu.", date(2018, 2, 2)),
        ("Sepuluh hari lalu pasukan Israel menyerbu Jenin.", date(2018, 1, 30)),
        ("Dua puluh hari lalu kontak tembak pecah di Nduga.", date(2018, 1, 20)),
        ("Tiga belas hari yang lalu massa membakar pos polisi di Deiyai.", date(2018, 1, 27)),
    ],
)
def test_se_prefixed_and_teen_numbers_before_lalu(text: str, expected: date) -> None:
    assert expected in [m.date for m in times(text)]


def test_relative_without_reference_has_no_date() -> None:
    m = mention("Kemarin, dua warga sipil tewas ditembak penembak jitu di Daraa.", "Kemarin", None)
    assert m.date is None


# --- lower-case "minggu" is a week, capitalised "Minggu" is Sunday -----------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Blokade jalan di Puncak Jaya berlangsung selama satu minggu penuh.",
        "Pengungsi Rohingya terus berdatangan setiap minggu ke Aceh.",
        "Pada minggu pertama operasi, pasukan menyisir hutan di Nduga.",
    ],
)
def test_lowercase_minggu_is_not_sunday(text: str) -> None:
    assert [m for m in times(text) if m.kind == "weekday"] == []
    assert date(2018, 2, 4) not in [m.date for m in times(text)]


def test_capitalised_minggu_is_sunday() -> None:
    m = mention("Ledakan terjadi di depan gereja Katedral Makassar, Minggu pagi.", "Minggu pagi")
    assert m.date == date(2018, 2, 4)
    assert m.kind == "weekday"


def test_minggu_ini_is_this_week() -> None:
    m = mention("Aparat gabungan dikerahkan ke Intan Jaya minggu ini.", "minggu ini")
    assert (m.date, m.precision) == (REF, 2)


# --- search window and offsets -----------------------------------------------------------------

def test_window_limits_the_search() -> None:
    text = "Pasukan bergerak kemarin. Rabu malam terjadi serangan di Afrin."
    cut = text.index("Rabu")
    assert [m.span.text for m in find_times(text, LEX, REF, cut, units=UNITS)] == ["Rabu malam"]
    assert [m.span.text for m in find_times(text, LEX, REF, 0, cut, units=UNITS)] == ["kemarin"]


def test_offsets_index_the_text() -> None:
    text = "DAMASKUS -- Kamis (08/02), pesawat Israel menyerang. Kemarin roket jatuh di Golan."
    found = times(text)
    assert [m.span.text for m in found] == ["Kamis (08/02)", "Kemarin"]
    for m in found:
        assert text[m.span.start : m.span.end] == m.span.text


# --- last_weekday ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("ref", "weekday", "expected"),
    [
        (date(2018, 2, 9), 2, date(2018, 2, 7)),  # Friday -> Wednesday before
        (date(2018, 2, 9), 4, date(2018, 2, 9)),  # Friday -> the same Friday
        (date(2018, 2, 9), 5, date(2018, 2, 3)),  # Friday -> previous Saturday
        (date(2018, 1, 1), 6, date(2017, 12, 31)),  # across a year
    ],
)
def test_last_weekday(ref: date, weekday: int, expected: date) -> None:
    assert last_weekday(ref, weekday) == expected


@pytest.mark.parametrize(("said", "quote", "expected"), [
    ("Dalam pernyataan yang dikeluarkan pada Selasa (12/3), militer Rusia mengatakan operasi berlanjut.",
     '"Baru kemarin, angkatan udara kami menggempur posisi musuh," kata juru bicara itu.', date(2024, 3, 11)),
    ("Kapolda Papua mengatakan dalam konferensi pers, Senin (11/3), bahwa situasi terkendali.",
     '"Dua hari lalu kami sudah menambah pasukan di Sugapa," ujarnya.', date(2024, 3, 9)),
])
def test_a_quote_dates_itself_from_its_statement(said: str, quote: str, expected: date, res: Resources) -> None:
    """A relative date inside a quote counts from the day of the statement told just before it."""
    from pantau.model import Article
    from pantau.pipeline import Config, analyse

    an = analyse(Article.from_text("t.txt", f"{said} {quote}", published=date(2024, 3, 15)), res, Config())
    quoted = [t for f in an.facts for t in f.times if t.kind == "relative"]
    assert quoted and quoted[0].date == expected, [(t.span.text, t.date) for t in quoted]


# --- a sentence that points back at the incident or the time told before takes its date --------------------
POINTING_BACK = [
    # an incident noun with a pointer: the arrest belongs to last year's attack told just before
    ("Polisi menangkap dua pemuda pembawa senjata tajam di Makassar, Kamis (14/3). Pada Agustus tahun lalu, "
     "sekelompok orang bersenjata menyerang pos polisi di Puncak, Papua. Dua tersangka ditangkap dalam insiden "
     "tersebut.", "Arrests", date(2023, 8, 1)),
    ("Kota Idlib kembali ditembaki pasukan pemerintah, Rabu (13/3). Serangan serupa terjadi pada Oktober 2023 di "
     "Ariha. Tiga orang ditahan dalam peristiwa itu.", "Arrests", date(2023, 10, 1)),
    # a pointer to the time: "saat itu", "ketika itu"
    ("Militer Israel menggempur Rafah, Selasa (12/3). Serangan serupa terjadi pada Oktober 2023. Saat itu, "
     "pesawat tempur membom pasar di Khan Younis.", "Air/drone strike", date(2023, 10, 1)),
    ("Aparat membubarkan demo mahasiswa di Makassar, Senin (11/3). Kerusuhan serupa pecah pada Desember tahun "
     "lalu. Ketika itu, massa membakar pos polisi di Jalan Sudirman.", "Looting/property destruction",
     date(2023, 12, 1)),
]


@pytest.mark.parametrize(("text", "sub", "expected"), POINTING_BACK)
def test_a_sentence_pointing_back_takes_the_date_before(text: str, sub: str, expected: date, res: Resources) -> None:
    """"dalam insiden tersebut", "saat itu": the incident or time of the sentence before, however vague its date."""
    from pantau.model import Article
    from pantau.pipeline import Config, extract_events

    events = extract_events(Article.from_text("t.txt", text, published=date(2024, 3, 14)), res,
                            Config(max_age_days=None))
    dates = [e.event_date for e in events if e.sub_event_type == sub]
    assert expected in dates, [(e.sub_event_type, e.event_date) for e in events]
