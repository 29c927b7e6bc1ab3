"""Boilerplate marking, sentence splitting and article metadata of Indonesian web news.

All texts are written for these tests: invented reports on Syria, Gaza, Papua, terrorism cases and
riots, laid out the way Indonesian news sites lay them out.
"""

from __future__ import annotations

from datetime import date

import pytest

from pantau.model import Block
from pantau.text.clean import CleanLexicon, line_blocks, mark_boilerplate
from pantau.text.metadata import MetaLexicon, cited_sources, dateline, published_date
from pantau.text.sentences import SentenceLexicon, split_sentences
from pantau.text.timex import TimeLexicon

CLEAN = CleanLexicon.load()
SENT = SentenceLexicon.load()
META = MetaLexicon.load()
TIME = TimeLexicon.load()


def reason(line: str) -> str | None:
    """The boilerplate reason of a one-line text."""
    blocks = mark_boilerplate(line, CLEAN)
    assert len(blocks) == 1
    return blocks[0].boilerplate


def sentences(text: str) -> list[str]:
    """The sentences of a text, as strings."""
    return [text[s.start : s.end] for s in split_sentences(text, mark_boilerplate(text, CLEAN), SENT)]


# --- boilerplate lines and their reasons -------------------------------------------------------------

BOILERPLATE: list[tuple[str, str]] = [
    ("0 Komentar", "comments"),
    ("12 komentar", "comments"),
    ("Posting Komentar", "comments"),
    ("Tulis komentar", "comments"),
    ("Share To:", "share"),
    ("Bagikan:", "share"),
    ("Advertisement", "share"),
    ("ADVERTISEMENT", "share"),
    ("Scroll to continue with content", "share"),
    ("Baca juga: Bentrok di Wamena, Tiga Rumah Dibakar", "read_also"),
    ("Baca Juga Densus Tangkap Terduga Teroris di Lampung", "read_also"),
    ("Berita Lainnya", "read_also"),
    ("Berita Terkait", "read_also"),
    ("Tags: Papua, KKB, Intan Jaya", "read_also"),
    ("Foto: Asap membubung dari permukiman di Idlib. (Reuters)", "caption"),
    ("Courtesy of AFP", "caption"),
    ("(ANTARA FOTO/Fulan Wibowo)", "caption"),
    ("Rep: Fulan Sutarjo", "byline"),
    ("Red: Siti Rahmawati", "byline"),
    ("Editor: Maria Lumenta", "byline"),
    ("Pewarta: Andi Nugroho", "byline"),
    ("(ant/rsl)", "byline"),
    ("Sumber: Reuters", "source_line"),
]


@pytest.mark.parametrize(("line", "expected"), BOILERPLATE)
def test_boilerplate_lines(line: str, expected: str) -> None:
    assert reason(line) == expected


BODY: list[str] = [
    "Pasukan pemerintah Suriah merebut kembali kota Abu Kamal dari ISIS.",
    "Polisi menangkap dua terduga teroris di Bekasi, Jawa Barat.",
    "Foto udara menunjukkan kerusakan parah di Khan Younis.",
    "Editor senior sebuah media lokal di Jayapura ditangkap polisi.",
    "Video itu beredar luas di media sosial sejak Selasa malam.",
    "Sementara itu, Facebook menghapus ratusan akun yang menyebar hoaks tentang Papua.",
    "Redaksi menerima komentar pembaca melalui surel.",
    "Massa membakar sejumlah kios di Pasar Youtefa, Jayapura.",
]


@pytest.mark.parametrize("line", BODY)
def test_body_lines_are_not_marked(line: str) -> None:
    assert reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Iklan kampanye calon bupati dibakar massa di Puncak Jaya.",
        "Berita terbaru menyebutkan tiga polisi terluka dalam bentrokan di Deiyai.",
    ],
)
def test_body_lines_starting_with_heading_words(line: str) -> None:
    assert reason(line) is None


ARTICLE = (
    "DAMASKUS, Kabar Dunia -- Tentara Suriah merebut dua desa di pedesaan Hama, Rabu (7/2).\r\n"
    "\r\n"
    "Baca juga: Turki Kirim Tank ke Afrin\r\n"
    "Pertempuran berlangsung sejak subuh, kata seorang komandan.\n"
    "Foto: Kendaraan lapis baja melintas di Hama. (AFP)\n"
    "Editor: Rina Kusuma\n"
    "\n"
    "0 Komentar\n"
    "Semoga perang cepat selesai.\n"
    "Kasihan warga sipilnya.\n"
)


def test_blocks_index_the_original_text() -> None:
    blocks = mark_boilerplate(ARTICLE, CLEAN)
    got = [(ARTICLE[b.start : b.end], b.boilerplate) for b in blocks]
    assert got == [
        ("DAMASKUS, Kabar Dunia -- Tentara Suriah merebut dua desa di pedesaan Hama, Rabu (7/2).", None),
        ("Baca juga: Turki Kirim Tank ke Afrin", "read_also"),
        ("Pertempuran berlangsung sejak subuh, kata seorang komandan.", None),
        ("Foto: Kendaraan lapis baja melintas di Hama. (AFP)", "caption"),
        ("Editor: Rina Kusuma", "byline"),
        ("0 Komentar", "comments"),
        # everything after a comment-section header is readers' comments
        ("Semoga perang cepat selesai.", "comments"),
        ("Kasihan warga sipilnya.", "comments"),
    ]
    for b in blocks:
        assert "\r" not in ARTICLE[b.start : b.end]
        assert "\n" not in ARTICLE[b.start : b.end]


def test_line_blocks_keep_offsets_across_crlf() -> None:
    text = "Baris satu\r\nBaris dua\n\nBaris tiga"
    assert [text[s:e] for s, e in line_blocks(text)] == ["Baris satu", "Baris dua", "", "Baris tiga"]
    assert line_blocks(text)[1] == (12, 21)


def test_boilerplate_blocks_yield_no_sentences() -> None:
    found = sentences(ARTICLE)
    assert found == [
        "DAMASKUS, Kabar Dunia -- Tentara Suriah merebut dua desa di pedesaan Hama, Rabu (7/2).",
        "Pertempuran berlangsung sejak subuh, kata seorang komandan.",
    ]


# --- sentence splitting ------------------------------------------------------------------------------

SPLITS: list[tuple[str, list[str]]] = [
    ("Menlu AS Rex Tillerson tiba di Ankara untuk membahas Afrin. Ia bertemu Presiden Erdogan.",
     ["Menlu AS Rex Tillerson tiba di Ankara untuk membahas Afrin.", "Ia bertemu Presiden Erdogan."]),
    ("Massa membawa golok, tombak, dll. ke lokasi bentrokan. Polisi kemudian datang.",
     ["Massa membawa golok, tombak, dll. ke lokasi bentrokan.", "Polisi kemudian datang."]),
    ("Penembakan terjadi di Kab. Puncak, Papua Tengah. Dua warga tewas.",
     ["Penembakan terjadi di Kab. Puncak, Papua Tengah.", "Dua warga tewas."]),
    ("KKB menyerang pos TNI di Kec. Sugapa kemarin. Seorang prajurit gugur.",
     ["KKB menyerang pos TNI di Kec. Sugapa kemarin.", "Seorang prajurit gugur."]),
    ("Terduga teroris berinisial M. Yusuf ditangkap di Bekasi. Ia diduga anggota JAD.",
     ["Terduga teroris berinisial M. Yusuf ditangkap di Bekasi.", "Ia diduga anggota JAD."]),
    ("Sebanyak 1.200 warga mengungsi ke Sentani. Mereka tinggal di tenda darurat.",
     ["Sebanyak 1.200 warga mengungsi ke Sentani.", "Mereka tinggal di tenda darurat."]),
    ('Ia berkata, "Serangan itu biadab." Polisi masih memburu pelakunya.',
     ['Ia berkata, "Serangan itu biadab."', "Polisi masih memburu pelakunya."]),
    ('"Kami tidak akan mundur dari Ghouta," kata komandan itu. Pasukan lalu bergerak.',
     ['"Kami tidak akan mundur dari Ghouta," kata komandan itu.', "Pasukan lalu bergerak."]),
    ("Pertemuan itu dihadiri Prof. Dr. Hasan Basri. Ia berbicara soal radikalisme.",
     ["Pertemuan itu dihadiri Prof. Dr. Hasan Basri.", "Ia berbicara soal radikalisme."]),
    ("Kapolda Papua Irjen Pol. Budi Santoso membenarkan penembakan itu. Pelaku diduga KKB.",
     ["Kapolda Papua Irjen Pol. Budi Santoso membenarkan penembakan itu.", "Pelaku diduga KKB."]),
    ("Ledakan terjadi pukul 10.30 WIB. Dua orang tewas.",
     ["Ledakan terjadi pukul 10.30 WIB.", "Dua orang tewas."]),
    ("Bom meledak di dekat Damaskus. 12 orang tewas di tempat.",
     ["Bom meledak di dekat Damaskus.", "12 orang tewas di tempat."]),
    ("Apakah ini perang? Tidak ada yang tahu. Warga panik!",
     ["Apakah ini perang?", "Tidak ada yang tahu.", "Warga panik!"]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_nomor_abbreviation() -> None:
    text = "Rumah di Jl. Merdeka No. 5 dibakar massa. Pemiliknya selamat."
    assert sentences(text) == ["Rumah di Jl. Merdeka No. 5 dibakar massa.", "Pemiliknya selamat."]


# A list-closing abbreviation ('dsb.', 'dll.', 'dkk.') ends its sentence before a word that starts one;
# a title or address abbreviation ('Jl.', 'Kec.') never does, and neither does 'dsb.' before a lower-case word.
ABBREVIATION_ENDS: list[tuple[str, list[str]]] = [
    ("Polisi menyita senjata tajam, bom molotov, dsb. Pelaku masih diburu.",
     ["Polisi menyita senjata tajam, bom molotov, dsb.", "Pelaku masih diburu."]),
    ("Warga Poso mengungsi membawa pakaian, beras, dll. Sebagian menumpang di rumah kerabat.",
     ["Warga Poso mengungsi membawa pakaian, beras, dll.", "Sebagian menumpang di rumah kerabat."]),
    ("Satgas menangkap Fulan dkk. Mereka diduga memasok senjata ke kelompok MIT.",
     ["Satgas menangkap Fulan dkk.", "Mereka diduga memasok senjata ke kelompok MIT."]),
    ("Massa merusak pos polisi, mobil dinas, dsb. di Dogiyai. Aparat menambah pasukan.",
     ["Massa merusak pos polisi, mobil dinas, dsb. di Dogiyai.", "Aparat menambah pasukan."]),
    ("Buruh berunjuk rasa di depan Gedung DPR, Jl. Gatot Subroto. Mereka menolak revisi UU TNI.",
     ["Buruh berunjuk rasa di depan Gedung DPR, Jl. Gatot Subroto.", "Mereka menolak revisi UU TNI."]),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATION_ENDS)
def test_abbreviation_at_the_end_of_a_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_offsets_and_paragraphs() -> None:
    text = "JAKARTA -- Polisi berjaga. Massa bubar.\nBaca juga: Lain\n\nWarga pulang. Situasi aman."
    blocks = mark_boilerplate(text, CLEAN)
    found = split_sentences(text, blocks, SENT)
    assert [(text[s.start : s.end], s.paragraph, s.index) for s in found] == [
        ("JAKARTA -- Polisi berjaga.", 0, 0),
        ("Massa bubar.", 0, 1),
        ("Warga pulang.", 2, 2),
        ("Situasi aman.", 2, 3),
    ]


def test_only_body_blocks_are_split() -> None:
    text = "Massa membakar ban. Polisi datang."
    body = (Block(0, len(text), None),)
    marked = (Block(0, len(text), "caption"),)
    assert len(split_sentences(text, body, SENT)) == 2
    assert split_sentences(text, marked, SENT) == ()


# --- datelines -------------------------------------------------------------------------------------

DATELINES: list[tuple[str, str, str | None]] = [
    ("JAKARTA, CNN Indonesia -- Polisi menangkap tiga terduga teroris di Cibinong.",
     "JAKARTA, CNN Indonesia -- ", "CNN Indonesia"),
    ("DAMASKUS--Pasukan Suriah merebut kota di tepi Sungai Efrat.", "DAMASKUS--", None),
    ("JAYAPURA (ANTARA) - KKB menembak seorang guru di Beoga.", "JAYAPURA (ANTARA) - ", "ANTARA"),
    ("BEIRUT, Kabar Dunia — Ledakan mengguncang pinggiran selatan kota.",
     "BEIRUT, Kabar Dunia — ", "Kabar Dunia"),
    ("DEIR EZZOR - Pasukan SDF maju ke ladang minyak.", "DEIR EZZOR - ", None),
    ("SANA'A -- Houthi menembakkan rudal ke arah Laut Merah.", "SANA'A -- ", None),
]


@pytest.mark.parametrize(("text", "span", "outlet"), DATELINES)
def test_dateline(text: str, span: str, outlet: str | None) -> None:
    found = dateline(text)
    assert found is not None
    got, got_outlet = found
    assert got.text == span
    assert text[got.start : got.end] == span
    assert got_outlet == outlet


@pytest.mark.parametrize(
    "text",
    [
        "TNI menembak mati dua anggota KKB di Intan Jaya.",
        "Pasukan Israel menyerbu Jenin. JAKARTA -- tidak ada kaitannya.",
        "Massa membakar ban di Makassar sejak pagi.",
        # title case: an ordinary sentence, a compound, a date line with a dash, a headline with a site name
        "Jakarta menjadi pusat unjuk rasa menolak revisi UU TNI pada Kamis.",
        "Jakarta-Bandung lumpuh akibat blokade massa buruh.",
        "Senin, 3 Juni 2024 - 10:00 WIB\nPolisi membubarkan massa di depan Gedung DPR.",
        "Polisi Buru Pelaku - Kabar Timur\nPenembakan terjadi di Intan Jaya.",
        # past the top of the article
        "Polisi berjaga di Wamena. " * 20 + "\nJAKARTA -- Polisi berjaga di depan kedutaan.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline(text) is None


@pytest.mark.parametrize(
    ("text", "span", "outlet"),
    [
        ("Jakarta (ANTARA) - Densus 88 menangkap dua terduga teroris di Sukoharjo.", "Jakarta (ANTARA) - ", "ANTARA"),
        ("Makassar - Bom rakitan meledak di depan sebuah gereja.", "Makassar - ", None),
        ("Banda Aceh - Polisi membubarkan unjuk rasa mahasiswa di depan gedung DPRA.", "Banda Aceh - ", None),
        ("Poso — Satgas Madago Raya memburu sisa anggota MIT di pegunungan.", "Poso — ", None),
        ("Jakarta, CNN Indonesia -- Ribuan buruh berunjuk rasa menolak revisi UU TNI.",
         "Jakarta, CNN Indonesia -- ", "CNN Indonesia"),
        # an outlet's web name first, as geo's dateline_span reads it: the outlet is not "Jakarta"
        ("TEMPO.CO, Jakarta - Ledakan terjadi di dekat Markas Brimob.", "TEMPO.CO, Jakarta - ", "TEMPO.CO"),
        # the province between the city and the outlet
        ("Palu, Sulawesi Tengah (ANTARA) - Satgas menembak mati dua anggota MIT di Poso.",
         "Palu, Sulawesi Tengah (ANTARA) - ", "ANTARA"),
    ],
)
def test_title_case_dateline(text: str, span: str, outlet: str | None) -> None:
    found = dateline(text)
    assert found is not None
    assert found[0].start == 0
    assert found[0].text == span == text[found[0].start : found[0].end]
    assert found[1] == outlet


@pytest.mark.parametrize(
    ("text", "span", "outlet"),
    [
        ("Kamis 14 Sep 2017 15:02 WIB\n\nDAMASKUS, Kabar Dunia -- Pasukan Suriah bergerak ke timur.",
         "DAMASKUS, Kabar Dunia -- ", "Kabar Dunia"),
        ("Rabu, 11 September 2024 07:55 WIT\r\n\r\nJayapura (ANTARA) - KKB menembak seorang tukang ojek.\r\n",
         "Jayapura (ANTARA) - ", "ANTARA"),
        # a headline and a photo caption, then the dateline
        ("Ribuan Buruh Kepung Gedung DPR\n\nMassa buruh berorasi di depan Gedung DPR, Senayan, Kamis (6/3).\n\n"
         "JAKARTA, Kabar Nasional -- Ribuan buruh berunjuk rasa menolak revisi UU TNI.",
         "JAKARTA, Kabar Nasional -- ", "Kabar Nasional"),
    ],
)
def test_dateline_after_a_date_header(text: str, span: str, outlet: str | None) -> None:
    found = dateline(text)
    assert found is not None
    assert found[0].text == span == text[found[0].start : found[0].end]
    assert found[1] == outlet


# --- publication date ------------------------------------------------------------------------------

PUBLISHED: list[tuple[str, date, str]] = [
    ("Kamis 14 Sep 2017 15:02 WIB\n\nDAMASKUS -- Pasukan Suriah bergerak ke timur Rabu malam.",
     date(2017, 9, 14), "Kamis 14 Sep 2017"),
    ("Kabar Dunia, 9 Februari 2018\n\nSerangan udara kembali menghantam Ghouta Timur kemarin.",
     date(2018, 2, 9), "9 Februari 2018"),
    ("Laporan Amnesty soal penyiksaan di Papua dirilis pada Rabu 15 November 2017 di Jakarta.",
     date(2017, 11, 15), "Rabu 15 November 2017"),
    ("2024-06-04 08:15\nTawuran antarwarga pecah di Leihitu.", date(2024, 6, 4), "2024-06-04"),
    # the first full date of the header, not a later one in the body
    ("Serangan terjadi 12 Agustus 2017. Laporan diterbitkan 20 Agustus 2017.",
     date(2017, 8, 12), "12 Agustus 2017"),
]


@pytest.mark.parametrize(("text", "expected", "span"), PUBLISHED)
def test_published_date(text: str, expected: date, span: str) -> None:
    found = published_date(text, TIME, META)
    assert found is not None
    got, got_span = found
    assert got == expected
    assert got_span.text == span
    assert text[got_span.start : got_span.end] == span


def test_published_cue_beyond_the_header() -> None:
    text = "Polisi membubarkan demonstran di Wamena. " * 10 + "Artikel ini diperbarui 3 Maret 2019."
    found = published_date(text, TIME, META)
    assert found is not None
    assert found[0] == date(2019, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Pasukan Israel menyerbu Jenin, Rabu (8/2), kata saksi.",  # day/month only: no year
        "Massa bentrok di Mimika. " * 15 + "Peristiwa serupa terjadi 9 Februari 2018.",  # past the header
    ],
)
def test_no_published_date(text: str) -> None:
    assert published_date(text, TIME, META) is None


# --- cited sources ---------------------------------------------------------------------------------

SOURCES: list[tuple[str, tuple[str, ...]]] = [
    ("Pasukan Turki memasuki Afrin.\nSumber: Reuters", ("Reuters",)),
    ("Seperti dilansir Reuters, pasukan Turki memasuki Afrin.", ("Reuters",)),
    ("Dilansir dari Aljazirah, serangan udara menghantam Idlib.", ("Aljazirah",)),
    ("Pasukan Suriah merebut Abu Kamal. (Reuters/rslh)", ("Reuters",)),
    ("Menurut AFP, 12 warga sipil tewas di Ghouta.", ("AFP",)),
    ("Seperti dikutip dari Al Jazeera, rumah sakit itu lumpuh.", ("Al Jazeera",)),
    ("Dilansir Anadolu Agency, ledakan terjadi di dekat Raqqa.", ("Anadolu Agency",)),
    ("Sumber: Reuters\nDilansir dari Aljazirah, Gaza gelap gulita. (AFP/abc)",
     ("Aljazirah", "Reuters", "AFP")),
    ("Polisi menangkap tiga perusuh di Jakarta Utara.", ()),
]


@pytest.mark.parametrize(("text", "expected"), SOURCES)
def test_cited_sources(text: str, expected: tuple[str, ...]) -> None:
    names, spans = cited_sources(text, META)
    assert names == expected
    assert len(spans) >= len(names)
    for s in spans:
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel menutup perlintasan Rafah.\nSumber: Reuters, AFP", ("Reuters", "AFP")),
        ("Kantor berita Reuters melaporkan ledakan di Kabul.", ("Reuters",)),
        ("Pasukan Israel menyerbu Jenin.\nSumber: Reuters dan Al Jazeera", ("Reuters", "Al Jazeera")),
        # a slash parts two known wires, not one name ("AFP/Getty")
        ("Serangan udara menghantam Rafah.\nSumber: Reuters/AFP", ("Reuters", "AFP")),
        ("Asap membubung di atas Khan Younis.\nSumber: AFP/Getty", ("AFP/Getty",)),
        ("Sementara itu, SANA memberitakan tentara merebut Douma.", ("SANA",)),
        # two letters are a neighbourhood unit or initials unless a noun says they are a news source
        ("Ketua RT melaporkan kebakaran itu kepada polisi di Poso.", ()),
    ],
)
def test_cited_sources_lists_and_subjects(text: str, expected: tuple[str, ...]) -> None:
    names, spans = cited_sources(text, META)
    assert names == expected
    for s in spans:
        assert text[s.start : s.end] == s.text
