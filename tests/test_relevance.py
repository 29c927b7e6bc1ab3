"""Which incidents count, judged per incident with the article around it (merge/relevance.py, CODING.md).

Every article here is the team's own, written for these tests: everyday news that holds no event (accidents,
drills, ordinary crime, history, announced protests, talk of a kind of incident) beside variants that are
events (an attack by gunmen, a terror suspect's arrest, a riot, a held protest). Each phenomenon has its
variants: other places, actors and word orders, so a rule that fits one sentence only fails here.
"""

from __future__ import annotations

from datetime import date

import pytest

import pantau.merge.relevance as relevance
from eventcode import code, kinds
from pantau.pipeline import Resources

NOT_EVENTS = {
    # accidents and disasters
    "gas blast": "Sebuah tabung gas meledak di sebuah rumah makan di Bekasi, Jawa Barat, Selasa (12/3). Dua "
                 "pegawai tewas dan lima lainnya luka-luka akibat kebocoran gas.",
    "panic after a bang": "Ratusan penonton terluka setelah sebuah ledakan keras memicu kepanikan di alun-alun "
                          "kota Malang, Rabu (13/3) malam. Penonton berdesakan menuju pintu keluar.",
    "ship sunk": "Sebuah kapal penumpang tenggelam di perairan Selayar, Sulawesi Selatan, Senin (11/3). "
                 "Tujuh penumpang tewas dan belasan lainnya hilang.",
    # drills and weapons tests
    "cannon in a rehearsal": "Sebuah meriam meledak saat gladi bersih latihan gabungan TNI di Natuna, Kepulauan "
                             "Riau, Rabu (13/3). Dua prajurit TNI tewas.",
    "missile drill": "Angkatan Laut menggelar latihan menembakkan rudal di perairan Laut Jawa, Selasa (12/3), "
                     "dengan dua kapal perang.",
    "counter-terror drill": "Polda Bali menggelar simulasi penanggulangan teror di Bandara Ngurah Rai, Selasa "
                            "(12/3). Dalam skenario, sekelompok teroris menyandera penumpang dan meledakkan bom.",
    "ammunition depot blast": "Gudang amunisi milik Kodam di Kabupaten Bogor meledak, Sabtu (9/3) malam. Ledakan "
                              "diduga dipicu amunisi kedaluwarsa yang disimpan di gudang itu.",
    "crush at a handout": "Ratusan warga berdesakan dan saling dorong saat pembagian sembako di Kota Pasuruan, Jawa "
                          "Timur, Sabtu (9/3). Belasan orang pingsan.",
    # the state destroying what it seized
    "boats of fish thieves": "Pemerintah meledakkan dan menenggelamkan 20 kapal pencuri ikan di perairan Ambon, "
                             "Maluku, Selasa (12/3), sebagai barang bukti kejahatan perikanan.",
    # ordinary crime and the arrests of its suspects
    "child pornography arrest": "Polda Jawa Timur menangkap seorang pria di Sidoarjo, Selasa (12/3), karena "
                                "menyebarkan konten pornografi anak lewat aplikasi pesan.",
    "street bandits' hostage": "Dua bandit jalanan menyandera seorang ibu dan anaknya di dalam angkot di Cakung, "
                               "Jakarta Timur, Minggu (10/3), sebelum warga menolong mereka.",
    "drug arrest": "Polisi menangkap seorang penyanyi di sebuah apartemen di Jakarta Selatan, Rabu (13/3), "
                   "karena memiliki sabu seberat dua gram.",
    "robbery gang": "Seorang mahasiswi disekap kawanan perampok di rumahnya di Tebet, Jakarta Selatan, Senin "
                    "(11/3). Para perampok membawa kabur perhiasan dan uang tunai.",
    "forgery arrest": "Polres Jember menangkap tiga anggota sindikat pemalsu dokumen kependudukan di Kecamatan "
                      "Kaliwates, Jember, Selasa (12/3).",
    "smuggling arrest": "Petugas menangkap dua pelaku penyelundupan satwa dilindungi di Pelabuhan Tanjung Perak, "
                        "Surabaya, Senin (11/3).",
    # a suicide is no attack
    "suicide": "Seorang perwira polisi ditemukan tewas bunuh diri di asramanya di Palu, Sulawesi Tengah, "
               "Rabu (13/3) sore.",
    "old bombs destroyed": "Tim Jibom Brimob meledakkan 30 mortir peninggalan perang dunia yang ditemukan "
                           "nelayan di pantai Cilacap, Jawa Tengah, Rabu (13/3).",
    # history
    "a war of long ago": "Pembantaian oleh pasukan pendudukan itu menewaskan ribuan warga desa. Peristiwa "
                         "pada 1942 hingga 1945 itu kini dikenang di sebuah museum di Jakarta.",
    "a year long gone": "Kapolri menyebut aplikasi pesan itu juga dipakai dalam peristiwa bom di kawasan Sarinah, "
                        "Jakarta, pada awal 2023.",
    "once upon a time": "Suatu ketika ada demonstran yang membawa kambing ke depan gedung DPR sebagai simbol "
                        "kritik kepada pemerintah, kata pengamat itu.",
    "anniversary": "21 Tahun Invasi Irak\nBAGHDAD -- Warga Irak mengenang invasi yang menewaskan ratusan ribu "
                   "orang itu pada Rabu (13/3).",
    # a tally over a period
    "tally of arrests": "Dalam dua tahun terakhir, Densus 88 telah menangkap puluhan anggota JI di berbagai daerah, "
                        "kata juru bicara Polri.",
    # plans: announced, not held; dated after publication
    "announced protest": "Koordinator aliansi petani mengatakan aksi demonstrasi ini akan melibatkan 10 ribu "
                         "petani dari berbagai daerah. Demonstrasi ini adalah bentuk kekecewaan petani, katanya.",
    "plan in the headline": "Nelayan Pati Akan Demo ke Jakarta\nPATI, KOMPAS.com -- Ribuan nelayan dari Pati, Jawa "
                            "Tengah, menyiapkan aksi unjuk rasa menolak larangan alat tangkap. Aksi unjuk rasa itu "
                            "merupakan bentuk kekecewaan nelayan, kata koordinator mereka, Rabu (13/3).",
    "dated after publication": "Ribuan buruh berunjuk rasa di depan Balai Kota Bandung pada 18 Maret 2024 untuk "
                               "menuntut kenaikan upah.",
    # talk of a kind of incident
    "kind of protest": "Menteri itu menegaskan unjuk rasa boleh dilakukan asal tertib. Menurut dia, demo "
                       "merupakan hak setiap warga.",
    "kind of crime": "Aturan baru itu mengizinkan aborsi bagi korban perkosaan, kata menteri kesehatan.",
    "fight against terrorism": "Undang-undang itu mengatur peran TNI dalam pemberantasan aksi terorisme, kata "
                               "anggota DPR tersebut.",
    "ability of a jet": "Pesawat tempur yang dibeli TNI AU itu memiliki kemampuan untuk menembak dan mengebom "
                        "sasaran darat, kata menteri pertahanan.",
    # averted: "beruntung, sebelum dihakimi massa, polisi datang"
    "averted mob": "Seorang pencuri motor tertangkap warga di Medan, Selasa (12/3). Beruntung, sebelum dihakimi "
                   "massa, polisi tiba di lokasi.",
    "averted burning": "Pria itu nyaris saja dibakar massa di Pasar Minggu, Jakarta Selatan, Senin (11/3), "
                       "karena dituduh mencopet.",
    # a purpose, not a deed
    "sent to arrest": "Perwira itu dikirim ke Poso untuk menangkap sisa-sisa kelompok bersenjata di pegunungan "
                      "Sulawesi Tengah.",
    "a missile programme": "Amerika Serikat menjatuhkan sanksi kepada dua perusahaan di Dalian, Cina, yang "
                           "membantu program rudal Korea Utara, Kamis (14/3).",
    "who holds a place": "Kelompok HTS yang menguasai sebagian besar Idlib disebut teroris oleh Damaskus.",
    "who still holds": "Pemerintah Damaskus kini masih menguasai hampir semua kota utama Suriah, kata pengamat.",
    "an aim": "Komandan itu mengatakan tujuan utama pasukannya adalah membebaskan wilayah Irak dari ISIS.",
    "threat of missiles": "Jepang dan Amerika Serikat memulai latihan bersama di tengah ancaman rudal Korea Utara.",
}

EVENTS = {
    # the same words with an attacker or a political side are events
    "gunmen attack villagers": "Kelompok bersenjata menembaki warga di Kampung Wandai, Intan Jaya, Papua, Selasa "
                               "(12/3). Dua warga tewas.",
    "terror suspect arrest": "Densus 88 menangkap dua terduga teroris di Sukoharjo, Jawa Tengah, Rabu (13/3).",
    "activist arrest": "Polisi menangkap seorang aktivis di Makassar, Selasa (12/3), karena unggahan yang dinilai "
                       "menghina presiden.",
    "bomb at a church": "Sebuah bom meledak di depan gereja di Samarinda, Kalimantan Timur, Minggu (10/3). Empat "
                        "jemaat terluka. Polisi menyebut pelaku bom itu anggota JAD.",
    "mob burns a thief": "Seorang pria yang diduga mencuri pengeras suara musala dihakimi massa dan dibakar di "
                         "Pasar Muara, Bekasi, Selasa (12/3). Pria itu tewas.",
    "mob beats a robber": "Seorang pencuri sepeda motor tewas diamuk massa di Deli Serdang, Sumatera Utara, Senin "
                          "(11/3) dini hari.",
    "residents stone a raid": "Warga melempari polisi dengan batu saat penggerebekan bandar narkoba di Desa "
                              "Panaguan, Pamekasan, Senin (11/3) malam.",
    "protest held despite a plan in the lead": "Buruh Akan Terus Berjuang\nBANDUNG, KOMPAS.com -- Pengesahan "
                                                "aturan upah itu diwarnai demonstrasi di depan Gedung Sate, Bandung, "
                                                "Rabu (13/3).",
    "strike on a training camp": "Serangan udara AS menghantam kamp latihan ISIS di dekat Raqqa, Suriah, Senin "
                                 "(11/3), menewaskan 12 militan.",
    "rebels take a town": "Kelompok pemberontak Arakan Army mengklaim telah merebut Kota Ramree di Negara Bagian "
                          "Rakhine, Myanmar, setelah pertempuran sengit, Minggu (10/3).",
    "KKB shoots a driver": "KKB kembali berulah di Kabupaten Puncak. Seorang tukang ojek tewas ditembak di Kampung "
                           "Kago, Distrik Ilaga, Kamis (7/3) pagi.",
    "protest held": "Ratusan mahasiswa berunjuk rasa di depan gedung DPRD Sumatera Utara, Medan, Rabu (13/3), "
                    "menolak kenaikan harga bahan bakar.",
    "ramming attack": "Delapan orang tewas dalam serangan penabrakan di sebuah jalur sepeda di New York, Amerika "
                      "Serikat, pada Selasa (12/3). Polisi menyebut serangan itu aksi teror.",
    "investigated attack": "Pemerintah Uzbekistan menyelidiki laporan bahwa pelaku serangan truk yang "
                           "menewaskan lima orang di Stockholm pada Senin (11/3) adalah warganya.",
}


@pytest.mark.parametrize("name", sorted(NOT_EVENTS))
def test_not_an_event(name: str, res: Resources) -> None:
    text = NOT_EVENTS[name]
    assert code(text, res) == [], name


@pytest.mark.parametrize("name", sorted(EVENTS))
def test_an_event(name: str, res: Resources) -> None:
    events = code(EVENTS[name], res)
    assert events, name


def test_dated_after_publication_counts_once_published(res: Resources) -> None:
    """The same protest is an event in an article published after it."""
    events = code(NOT_EVENTS["dated after publication"], res, published=date(2024, 3, 19))
    assert kinds(events) == {("Protests", "Peaceful protest")}


def test_a_rank_before_initials_is_a_person(res: Resources) -> None:
    """"Pratu AS" is a soldier, not the United States."""
    events = code("Seorang prajurit TNI, Pratu AS, tewas ditembak KKB saat berpatroli di Kampung Bilogai, Intan "
                  "Jaya, Papua, Selasa (12/3).", res)
    assert events and all("United States" not in (a.name if a else "") for e in events for a in (e.actor1, e.actor2))


# A riot told with nothing that names a crowd, a group or a victim: chaos reported, not a crowd's violence
# (relevance step "riot without a crowd"). Each text is the team's own.
RIOTS_WITHOUT_A_CROWD = {
    "kiosks burnt": "Kerusuhan pecah di Kota Wamena, Kabupaten Jayawijaya, Papua, Senin (11/3). Sejumlah kios dan "
                    "kantor pemerintah dibakar.",
    "parliament burnt": "Kerusuhan terjadi di Kota Manokwari, Papua Barat, Selasa (12/3). Gedung DPRD dibakar dan "
                        "jalan-jalan diblokade.",
    "shops looted": "Kerusuhan melanda Kota Nabire, Papua Tengah, Kamis (7/3). Sejumlah toko dijarah dan dibakar.",
    "after a hoax": "Kerusuhan meletus di Kota Jayapura, Papua, Rabu (13/3) malam, menyusul beredarnya kabar bohong "
                    "di media sosial. Beberapa bangunan terbakar.",
    "motorbikes burnt": "Kerusuhan terjadi di Kota Sampit, Kalimantan Tengah, Selasa (12/3). Dua sepeda motor "
                        "dibakar di depan pasar.",
    "riot again": "Kerusuhan kembali terjadi di Kabupaten Puncak Jaya, Papua Tengah, pada Senin (11/3) sore.",
    "guarded till morning": "Terjadi kerusuhan di Kota Tual, Maluku, Minggu (10/3) malam. Aparat gabungan berjaga "
                            "hingga pagi.",
}
# The same kind of riot with a crowd, a group or a victim named: a riot.
RIOTS_WITH_A_CROWD = {
    "a mob": "Massa membakar kantor polisi saat kerusuhan di Kota Wamena, Papua, Senin (11/3).",
    "a group of youths": "Sekelompok pemuda membakar pos ronda saat kerusuhan di Kota Tual, Maluku, Minggu (10/3) "
                         "malam.",
    "two crowds by the prefix": "Tawuran antarpelajar terjadi di Jalan Raya Bogor, Jakarta Timur, Selasa (12/3) "
                                "sore.",
    "a victim": "Kerusuhan di Kota Nabire, Papua Tengah, Kamis (7/3), menewaskan seorang warga.",
}
_RIOT = {("Riots", "Mob violence")}


@pytest.mark.parametrize("name", sorted(RIOTS_WITHOUT_A_CROWD))
def test_a_riot_without_a_crowd_is_none(name: str, res: Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    text = RIOTS_WITHOUT_A_CROWD[name]
    assert code(text, res) == []
    # it is this step that drops it: without the step the riot is coded
    steps = tuple(s for s in relevance._STEPS if s[0] != "riot without a crowd")
    assert len(steps) == len(relevance._STEPS) - 1
    monkeypatch.setattr(relevance, "_STEPS", steps)
    assert kinds(code(text, res)) == _RIOT


@pytest.mark.parametrize("name", sorted(RIOTS_WITH_A_CROWD))
def test_a_riot_with_a_crowd_is_a_riot(name: str, res: Resources) -> None:
    assert kinds(code(RIOTS_WITH_A_CROWD[name], res)) == _RIOT
