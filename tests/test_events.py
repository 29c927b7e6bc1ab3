"""Event coding by phenomenon: which incidents count, their types, who did what, and where.

Every sentence here is the team's own, written for these tests (Papua, Poso, Jakarta riots, Syria, Gaza,
Iraq, Kabul); none is taken from an article.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventcode import code, kinds
from pantau.pipeline import Resources

# --- which incidents count -----------------------------------------------------------------------

NOT_EVENTS = [
    # an example in a list of past attacks
    "Para pakar menyebut propaganda daring mengilhami serangan di berbagai negara, seperti ledakan bom di "
    "Boston dan penembakan di Orlando.",
    # the rest of that list
    "Propaganda itu mengilhami serangan di banyak negara, seperti ledakan bom di Bali, penembakan di "
    "sebuah kafe di Sydney, dan penembakan di sebuah masjid di Christchurch.",
    # a word in quotes is figurative
    "Penulis itu meminta maaf kepada penggemar karena telah 'membunuh' tokoh kesayangan mereka di Jakarta.",
    # news about news
    "Majalah itu memuat berita pemerkosaan di India dan berita kekerasan rumah tangga di sampulnya.",
    # a charge read out in court
    "Jaksa mendakwa pria itu atas serangan bom di sebuah gereja di Surabaya dan kepemilikan bahan peledak.",
    # past habit
    "Kelompok itu pernah melakukan uji coba meledakkan bom di sebuah kebun di pinggiran Bandung.",
    # a plan
    "Ribuan buruh akan menggelar unjuk rasa di depan Istana Merdeka, Jakarta, pekan depan.",
    # "occupied" as an adjective
    "Seorang remaja ditemui di rumahnya di sebuah desa di Tepi Barat yang diduduki.",
    # who holds a place is no takeover
    "Pasukan Irak terus bergerak ke distrik terakhir yang dikuasai ISIS di kota tua Mosul, Irak.",
    # earlier incidents told as background
    "Mahasiswa di Semarang mengaku cemas setelah beberapa aksi sebelumnya berakhir ricuh.",
    "Kerusuhan sebelumnya di Wamena menewaskan puluhan orang, kata seorang warga.",
    # a word of a group's name is no event ("pembebasan")
    "Juru bicara Tentara Pembebasan Balochistan menyampaikan pernyataan kepada wartawan di Quetta, Pakistan.",
    # cruelty to animals
    "Aktivis menyebut hewan laut lain juga mengalami penyiksaan serupa di restoran itu di Los Angeles.",
    # a protest some time ago, told in a painter's story
    "Lukisan itu dibuat saat ia bersama mahasiswa yang demo beberapa waktu lalu di Yogyakarta.",
    # a family crime is no political violence
    "Seorang pria membunuh istrinya dengan pisau dapur di rumah mereka di Kroya, Cilacap, Rabu (13/3).",
    # a film's story
    "Film laga itu mengisahkan pasukan khusus yang menyerbu markas teroris di pegunungan Sukabumi.",
    # a product demonstration at a fair
    "Pengunjung pameran di Pangkalpinang memadati Demo Corner sebuah merek kosmetik, Rabu (13/3).",
    # a denial of who did it is no denial that it happened (the arson is told), but alone it is no report
    "Juru bicara kelompok itu menolak berkomentar soal rencana aksi di Wamena pekan depan.",
    # a death threat is not a killing
    "Aktris itu mengaku menerima ancaman pembunuhan dari akun anonim di media sosial.",
    # a plan told after its noun
    "Polisi menyebut aksi unjuk rasa buruh akan digelar di depan Gedung Sate, Bandung, Kamis (14/3).",
    # a purpose: troops arrived to take part, not an attack
    "Sebanyak 200 tentara Turki tiba di pangkalan udara Incirlik untuk ikut serta menggempur ISIS di Suriah.",
    # on the way to a protest
    "Seorang aktivis yang sedang menuju aksi solidaritas untuk Gaza mengatakan harapannya kepada wartawan.",
    # a purpose: they set off, or armed themselves, to protest or to brawl; nothing happened yet
    "Ratusan nelayan Indramayu berangkat ke Jakarta, Rabu (13/3), untuk menggelar unjuk rasa di depan Istana.",
    "Puluhan buruh pabrik di Karawang menyewa bus untuk berunjuk rasa di kantor gubernur, Selasa (12/3).",
    "Sembilan pelajar berkumpul di sebuah warung di Depok, Senin (11/3) malam, membawa celurit untuk tawuran.",
    "Milisi itu mengumpulkan ratusan pejuang di Idlib untuk menyerang pos tentara Suriah, kata pengamat.",
    # a petition signed online gathers nobody
    "Lebih dari 20.000 orang telah menandatangani petisi daring di laman change.org yang menuntut pembebasan aktivis.",
    "Ribuan warga menandatangani petisi online agar pemerintah menurunkan harga BBM, Senin (11/3).",
    # a characterisation, not a report: "Ini adalah pembantaian", "merupakan serangan terhadap demokrasi"
    "\"Kematian puluhan pasien karena kehabisan oksigen ini adalah pembantaian,\" kata seorang aktivis di Lucknow.",
    "Ketua DPR menilai pembubaran diskusi di kampus itu merupakan serangan terhadap kebebasan akademik.",
    "Pengamat menyebut kebijakan tarif itu ibarat perang dagang yang merugikan petani di Jawa Timur.",
    # a habit counted in times, not an incident
    "Sudah puluhan kali kelompok bersenjata menyerang pos TNI di Intan Jaya sejak 2019, kata pengamat.",
    "Menurut warga, Houthi sudah ratusan kali menembakkan rudal ke arah kapal dagang di Laut Merah.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_not_incidents(text: str, res: Resources) -> None:
    assert code(text, res) == []


OFF_TOPIC = [
    # football: a counter-attack, a team "conquering" another, a striker "shooting"
    "Persib Bandung menaklukkan Persija Jakarta 2-1 dalam laga Liga 1 di Stadion Gelora Bandung Lautan Api, "
    "Minggu (10/3). Pelatih Persib memuji para pemain yang disiplin menjalankan taktik serangan balik. "
    "Gol kemenangan dicetak striker asal Brasil pada menit ke-88 setelah tendangan bebas. Suporter "
    "merayakan kemenangan di tribun. Klub kini naik ke peringkat ketiga klasemen sementara liga.",
    # a box-office report
    "Film horor terbaru itu menjadi bom box office di bioskop Indonesia pekan ini. Sutradara dan produser "
    "film mengaku kaget karena penonton membanjiri bioskop. Sejumlah aktor dan aktris pemeran film itu "
    "menggelar jumpa penggemar di Jakarta. Sekuel film sudah disiapkan untuk rilis tahun depan, dengan "
    "adegan ledakan yang lebih besar, kata produser.",
    # a gadget launch
    "Produsen ponsel asal China meluncurkan smartphone terbaru dengan kamera 200 megapiksel di Jakarta. "
    "Perangkat ini memakai prosesor baru dan baterai 5.000 mAh. Fitur kamera disebut mampu menembak "
    "gambar malam dengan jernih. Harga ponsel itu dibanderol mulai Rp 5 juta untuk varian memori "
    "terendah, dan pengguna bisa memesan lewat aplikasi daring.",
]


@pytest.mark.parametrize("text", OFF_TOPIC, ids=["football", "box-office", "gadget"])
def test_off_topic_articles_yield_nothing(text: str, res: Resources) -> None:
    assert code(text, res) == []


# --- types ---------------------------------------------------------------------------------------

TYPES = [
    # a state's forces acting abroad with nobody armed facing them: a ground raid on people, or a strike
    ("Pasukan darat Israel menyerbu masuk ke sebuah desa di Lebanon selatan, Rabu (13/3), menewaskan dua warga.",
     ("Violence against civilians", "Attack")),
    ("Militer Turki menyerang sebuah desa di dekat Qamishli, Suriah utara, Senin (11/3). Empat warga tewas.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Rusia menggempur kota Kharkiv dengan rudal pada Senin (11/3). Tiga warga tewas.",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Serangan udara Amerika Serikat menghantam sebuah desa di dekat Hodeidah, Yaman, Selasa (12/3), "
     "menewaskan lima orang.", ("Explosions/Remote violence", "Air/drone strike")),
    ("Serangan Iran di Haifa, Israel utara, melukai 20 orang pada Minggu (10/3).",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Kontak tembak antara prajurit TNI dan KKB pecah di Distrik Sugapa, Kabupaten Intan Jaya, Selasa (12/3).",
     ("Battles", "Armed clash")),
    ("Tim Densus 88 menemukan tiga bom rakitan dan bahan peledak di rumah terduga teroris di Bekasi, "
     "Rabu (13/3).", ("Strategic developments", "Disrupted weapons use")),
    # residents and police clashing with no demonstration told: mob violence (CODING.md)
    ("Bentrokan antara warga dan petugas keamanan pecah di Wamena, Papua, Senin (11/3).",
     ("Riots", "Mob violence")),
    # a weak trigger that names who did it to whom: the crowd of the sentence before against the police
    ("Ratusan mahasiswa berunjuk rasa di depan Gedung DPRD Sulawesi Selatan, Makassar, Rabu (13/3). Mereka "
     "menyalakan petasan yang diarahkan ke barisan polisi.", ("Riots", "Violent demonstration")),
    # a clash told of demonstrators and no armed group is a riot
    ("Seorang pengunjuk rasa tewas terkena peluru karet dalam bentrokan di Deiyai, Papua Tengah, Rabu (13/3).",
     ("Riots", "Violent demonstration")),
    # unknown gunmen: "tak dikenal" is no negation
    ("Orang bersenjata tak dikenal menembaki jemaah sebuah masjid di Herat, Afghanistan, Rabu (13/3).",
     ("Violence against civilians", "Attack")),
    # a barrage of rockets is one attack, not a series told as background
    ("Hizbullah meluncurkan rentetan roket ke pangkalan militer Israel di Gunung Meron, Rabu (13/3).",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # a crowd's violence with no demonstration told is mob violence
    ("Puluhan warga yang marah menyerang dan merusak Markas Polsek Candipuro, Lampung Selatan, Sabtu (9/3).",
     ("Riots", "Mob violence")),
    # armed men attacking people are no riot
    ("Seorang guru tewas setelah diserang sekelompok orang tak dikenal di Distrik Dekai, Yahukimo, Rabu (13/3).",
     ("Violence against civilians", "Attack")),
    # a glide bomb is dropped from the air
    ("Jet tempur Rusia menjatuhkan bom luncur di Kharkiv, Ukraina, Rabu (13/3), menewaskan tiga warga.",
     ("Explosions/Remote violence", "Air/drone strike")),
    # warplanes attacking: an air strike
    ("Pada Kamis (13/3), jet tempur Israel membalas dengan menggempur desa Aitaroun di Lebanon selatan.",
     ("Explosions/Remote violence", "Air/drone strike")),
    # youths and mass organisations fighting each other
    ("Bentrokan antarpemuda pecah di Kota Tual, Maluku, Sabtu (9/3), lima orang luka terkena anak panah.",
     ("Riots", "Mob violence")),
    ("Iran melancarkan serangan rudal terhadap pangkalan militer AS di Irak pada Rabu (13/3).",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Seorang pelaku bom bunuh diri meledakkan diri di depan pos polisi di Kampung Melayu, Jakarta Timur, "
     "Rabu (13/3) malam.", ("Explosions/Remote violence", "Suicide bomb")),
    # a petition signed by a group in a public place is a demonstration
    ("Puluhan mahasiswa menggelar penandatanganan petisi menolak revisi UU KPK di depan kampus Universitas "
     "Hasanuddin, Makassar, Senin (11/3).", ("Protests", "Peaceful protest")),
    ("Ratusan warga Wadas menandatangani petisi menolak tambang di balai desa, Purworejo, Selasa (12/3).",
     ("Protests", "Peaceful protest")),
    # an aircraft named before the country that flies it strikes from the air, whoever it hits (armed or not)
    ("Sebuah drone Turki menyerang kendaraan milik Pasukan Demokratik Suriah (SDF) di dekat Kobani, Senin (11/3).",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Jet tempur Rusia menggempur posisi HTS di pinggiran Idlib, Selasa (12/3), menewaskan enam pejuang.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Pesawat nirawak Amerika Serikat menyerang konvoi Al-Shabaab di selatan Mogadishu, Rabu (13/3).",
     ("Explosions/Remote violence", "Air/drone strike")),
]


@pytest.mark.parametrize(("text", "kind"), TYPES)
def test_types(text: str, kind: tuple[str, str], res: Resources) -> None:
    assert kind in kinds(code(text, res))


@pytest.mark.parametrize("text", [
    "Sebuah drone Turki menyerang kendaraan milik SDF di dekat kota Kobani, timur laut Suriah, Rabu (6/3).",
    "Drone Turki menyerang kendaraan SDF di Kobani, Rabu (13/3).",
    "Pesawat nirawak Amerika Serikat menyerang konvoi Al-Shabaab di selatan Mogadishu, Rabu (13/3).",
])
def test_a_drone_striking_an_armed_side_is_a_strike_not_a_clash(text: str, res: Resources) -> None:
    """"drone Turki menyerang kendaraan SDF": one drone strike, no armed clash beside it."""
    found = kinds(code(text, res))
    assert ("Explosions/Remote violence", "Air/drone strike") in found, found
    assert ("Battles", "Armed clash") not in found, found


def test_a_clash_needs_two_sides(res: Resources) -> None:
    one_side = code("Suara tembakan terdengar di sekitar Distrik Sugapa, Intan Jaya, Selasa (12/3) malam.", res)
    assert ("Battles", "Armed clash") not in kinds(one_side)


@pytest.mark.parametrize("text", [
    "Pasukan Israel menangkap sedikitnya 25 warga Palestina dalam penggerebekan di Hebron, Tepi Barat, Rabu (13/3).",
    "Tim Gegana menjinakkan sebuah bom rakitan di dalam tas di Terminal Kampung Melayu, Jakarta Timur, Rabu (13/3).",
], ids=["soldiers-arrest", "bomb-defused"])
def test_security_work_alone_is_an_event(text: str, res: Resources) -> None:
    assert [e.event_type for e in code(text, res)] == ["Strategic developments"]


def test_arrests_at_a_demonstration_are_part_of_it(res: Resources) -> None:
    events = code(
        "Ribuan mahasiswa berunjuk rasa di depan gedung DPRD Sumatera Utara di Medan, Rabu (13/3). Massa "
        "melempari polisi dengan batu dan membakar ban. Polisi menangkap 20 orang pengunjuk rasa.",
        res,
    )
    assert events
    assert all(e.sub_event_type != "Arrests" for e in events)


# --- actors --------------------------------------------------------------------------------------

ACTORS = [
    # a country named as the one who strikes: its forces, typed by the weapon, else by the border crossed
    ("Serangan Israel di Khan Younis, Gaza selatan, menewaskan sedikitnya 12 orang pada Rabu (13/3), kata "
     "Kementerian Kesehatan Gaza.", "Military Forces of Israel", "Civilians (Palestine)"),
    ("Rusia menggempur kota Kharkiv dengan rudal pada Senin (11/3). Tiga warga tewas.",
     "Military Forces of Russia", "Civilians (Ukraine)"),
    # a bomb with no target named hits whoever is there: civilians
    ("Sebuah bom rakitan meledak di halaman rumah seorang pengusaha di Abepura, Jayapura, Kamis (7/3) dini hari. "
     "Polisi menduga pelakunya orang tak dikenal.", "Unidentified Armed Group (Indonesia)", "Civilians (Indonesia)"),
    ("Bom meledak di depan sebuah kafe di Mogadishu, Somalia, Selasa (12/3). Al-Shabaab mengaku bertanggung "
     "jawab.", "Al Shabaab", "Civilians (Somalia)"),
    # "antara X dan Y": both sides follow the trigger
    ("Kontak tembak antara prajurit TNI dan KKB pecah di Distrik Sugapa, Kabupaten Intan Jaya, Selasa (12/3).",
     "Military Forces of Indonesia", "TPNPB: West Papua National Liberation Army"),
    # terror suspects arrested: their named group, not civilians
    ("Tim Densus 88 Antiteror menangkap tiga terduga teroris di Bekasi, Jawa Barat, Rabu (13/3). Polisi "
     "menyebut ketiganya anggota jaringan JAD.", "Police Forces of Indonesia", "JAD: Jamaah Ansharut Daulah"),
    # the victims of a bombing are civilians when its figures say so
    ("Sebuah bom meledak di pasar di Kabul, Afghanistan, Rabu (13/3), menewaskan sedikitnya 12 orang.",
     "Unidentified Armed Group (Afghanistan)", "Civilians (Afghanistan)"),
    # "mereka" stands for the crowd of the sentence before
    ("Ribuan buruh berunjuk rasa di depan kantor Gubernur Jawa Timur di Surabaya, Rabu (13/3). Mereka "
     "melempari polisi dengan batu.", "Rioters (Indonesia)", "Police Forces of Indonesia"),
    # a backer is not the agent
    ("Pasukan pemerintah Suriah yang didukung serangan udara Rusia merebut kembali kota Albu Kamal dari ISIS "
     "pada Senin (11/3).", "Military Forces of Syria", "Islamic State"),
    # "posisi pemerintah" under fire: the government's forces
    ("Para pemberontak menyerang posisi pemerintah di barat Aleppo, Suriah, pada Senin (11/3) pagi.",
     "Opposition Rebels (Syria)", "Military Forces of Syria"),
    # what a protest is against is not its other side: the force that stepped in is
    ("Ratusan mahasiswa berunjuk rasa di Teheran, Iran, Minggu (10/3), memprotes keteledoran militer Iran. "
     "Aparat keamanan menembakkan gas air mata untuk membubarkan massa.",
     "Protesters (Iran)", "Police Forces of Iran"),
    # police killed by attackers nobody names: an unidentified armed group against them
    ("Serangan pada Rabu (13/3) di dekat sebuah gerbang di Kota Tua Yerusalem menewaskan dua polisi Israel.",
     "Unidentified Armed Group (Israel)", "Police Forces of Israel"),
    # the dead are the attacked side, not the attackers
    ("Dua polisi tewas dalam serangan di sebuah pos di Sigi, Sulawesi Tengah, Rabu (13/3).",
     "Unidentified Armed Group (Indonesia)", "Police Forces of Indonesia"),
    # a source after "menurut" is no party
    ("Menurut laporan kantor berita Reuters, tiga militan ISIS tewas dalam serangan udara di dekat Raqqa, "
     "Suriah, Rabu (13/3).", "Unidentified Armed Group (Syria)", "Islamic State"),
    # a claim verb right before the act makes its subject the agent
    ("TPNPB mengklaim telah menembak mati dua prajurit TNI dalam kontak tembak di Distrik Sugapa, Intan Jaya, "
     "Selasa (12/3).", "TPNPB: West Papua National Liberation Army", "Military Forces of Indonesia"),
    # two actors joined before the trigger: the first leads (ACLED's lead state) ...
    ("Amerika Serikat dan Inggris melancarkan serangan udara ke sasaran Houthi di Hodeidah, Yaman, Rabu (13/3).",
     "Military Forces of the United States", "Houthi Movement"),
    # ... and of a symmetric clash they are its two sides
    ("Warga dan polisi bentrok di Wamena, Papua Pegunungan, Rabu (13/3).",
     "Rioters (Indonesia)", "Police Forces of Indonesia"),
    # the attacker named right after the noun the dead died in
    ("Dua anggota Brimob tewas dalam serangan KKB di Distrik Beoga, Kabupaten Puncak, Rabu (13/3).",
     "TPNPB: West Papua National Liberation Army", "Police Forces of Indonesia"),
    # the dead told in the next sentence say who was hit
    ("Pasukan rezim Suriah menembakkan artileri ke kota Ariha di Provinsi Idlib, Rabu (13/3). Dua warga "
     "tewas dan lima lainnya luka-luka.", "Military Forces of Syria", "Civilians (Syria)"),
    # soldiers hit by a roadside bomb, counted in the next sentence, are its target
    ("Sebuah bom pinggir jalan meledak di dekat konvoi tentara Irak di Distrik Tarmiyah, utara Baghdad, Minggu "
     "(10/3). Dua tentara tewas.", "Unidentified Armed Group (Iraq)", "Military Forces of Iraq"),
    # two crowds fighting: both rioters
    ("Dua kelompok pemuda terlibat tawuran di Jalan Basuki Rahmat, Jakarta Timur, Minggu (10/3) dini hari.",
     "Rioters (Indonesia)", "Rioters (Indonesia)"),
    # civilians do not bomb: a bombing told with only its victims named is an unidentified group's
    ("Warga Inggris berduka setelah seorang pengebom bunuh diri meledakkan diri di sebuah konser di "
     "Manchester, Inggris, Senin (11/3), menewaskan 22 orang.", "Unidentified Armed Group (United Kingdom)",
     "Civilians (United Kingdom)"),
    # police investigating a bombing did not set it off; police who open fire did shoot
    # (with no target named, ACLED codes the bomb's victims as civilians)
    ("Polisi berjaga di sekitar lokasi ledakan bom di sebuah pos di Abepura, Jayapura, Rabu (13/3).",
     "Unidentified Armed Group (Indonesia)", "Civilians (Indonesia)"),
    # the state is the target of a suicide bomber, never the bomber
    ("Polisi menjadi sasaran bom bunuh diri di Kampung Melayu, Jakarta Timur, Rabu (13/3), yang diduga "
     "dilakukan oleh kelompok teror ISIS.", "Islamic State", "Police Forces of Indonesia"),
]


@pytest.mark.parametrize(("text", "actor1", "actor2"), ACTORS)
def test_actors(text: str, actor1: str, actor2: str, res: Resources) -> None:
    pairs = {(e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None) for e in code(text, res)}
    assert (actor1, actor2) in pairs


def test_a_source_is_not_a_party(res: Resources) -> None:
    events = code(
        "Kantor berita yang dikelola para relawan mengatakan serangan udara di Maarat al-Numan, Idlib, Suriah, pada "
        "Rabu (13/3) menewaskan 27 warga sipil.",
        res,
    )
    assert events
    assert all(e.event_type != "Riots" and (e.actor1 is None or e.actor1.inter != 6) for e in events)


# --- places --------------------------------------------------------------------------------------

PLACES = [
    # a list of towns is no address: the first named is not "in" the second
    ("Polisi Belanda menangkap lima tersangka teroris pada Selasa (12/3) di kota Leiden, Utrecht, Delft dan "
     "Gouda.", "Leiden"),
    ("Densus 88 menangkap empat terduga teroris di Sukoharjo, Klaten dan Boyolali, Jawa Tengah, Rabu (13/3).",
     "Sukoharjo"),
    # a police unit's name places an incident the text does not place otherwise
    ("Seorang warga tewas ditembak orang tak dikenal, Selasa (12/3). Polres Jayawijaya masih menyelidiki "
     "kasus penembakan itu.", "Jayawijaya"),
    # where a trip starts and ends is not where it happened
    ("Seorang pria bersenjata pisau menikam sejumlah penumpang bus dari Wamena ke Jayapura ketika bus "
     "berhenti di Sentani, Papua, Sabtu (9/3).", "Sentani"),
    # a place a protest is for is not where it is
    ("Ribuan warga menggelar aksi solidaritas untuk Gaza di Amman, Yordania, Jumat (8/3).", "Amman"),
    # a square named after an idea is not the village of that name
    ("Ribuan warga berunjuk rasa di Teheran, Iran, Minggu (10/3). Massa berkumpul di alun-alun Azadi "
     "sambil meneriakkan slogan anti-pemerintah.", "Tehran"),
    # a village's namesake far away is not it: the address goes on to name its kecamatan (in Kota Bandung)
    ("Densus 88 menangkap seorang terduga teroris di Kampung Jajawai, Antapani, Kota Bandung, Rabu (13/3).",
     "Antapani"),
    # a short foreign report whose country is only in its actors ("tentara Suriah") is about that country
    ("Kelompok HTS menyerang posisi tentara Suriah di dekat Saraqib, Senin (11/3).", "Saraqib"),
    # a camp of the article's country beats a hamlet of the same spelling abroad
    ("Tiga pejuang Palestina tewas dalam baku tembak dengan pasukan Israel di kamp pengungsi Jenin, Tepi "
     "Barat, Selasa (12/3).", "Janin"),
    # a gunfight ("baku tembak") is no Baku
    ("Baku tembak antara TNI dan KKB pecah di Distrik Sugapa, Intan Jaya, Rabu (13/3).", "Sugapa"),
    # "north of Baghdad" is no address: the district is the place
    ("Sebuah bom pinggir jalan meledak di Distrik Tarmiyah, utara Baghdad, Minggu (10/3).", "Tarmiyah"),
    # a port city: the cue before the name says where
    ("Serangan rudal Rusia di kota pelabuhan Odesa kemarin menewaskan sedikitnya 20 orang.", "Odesa"),
    # a township of Myanmar
    ("Jet tempur junta mengebom sebuah desa di Kotapraja Kyauktaw, Negara Bagian Rakhine, Senin (11/3).",
     "Kyauktaw"),
    # an office named by an acronym is in its place, and a regency the article names is what "Bogor" means
    ("Ratusan warga Gunung Putri, Kabupaten Bogor, berunjuk rasa di depan kantor BPN Bogor, Selasa (12/3).",
     "Bogor Regency"),
    ("Warga Rempang berunjuk rasa di depan Kantor BP Batam, Senin (11/3).", "Batam"),
    # rockets land where they are fired to, not where they are fired from
    ("Sayap militer Hamas menembakkan delapan roket dari wilayah Rafah, Gaza selatan, ke Tel Aviv, Minggu (10/3).",
     "Tel Aviv"),
    # a foreign capital named in passing is not the scene
    ("Pasukan pemerintah Suriah melancarkan serangan udara di Idlib, Rabu (13/3), yang memperburuk "
     "hubungan antara Moskow dengan Barat.", "Idlib"),
]


@pytest.mark.parametrize(("text", "place"), PLACES)
def test_places(text: str, place: str, res: Resources) -> None:
    names = {e.location.name for e in code(text, res) if e.location}
    assert any(place in n for n in names), names


def test_a_first_name_is_not_a_place(res: Resources) -> None:
    events = code(
        "Amman Basri (27) bergabung dengan milisi lokal di Mosul, Irak. Basri mengaku menembak mati militan "
        "ISIS dalam pertempuran di Mosul, Rabu (13/3).",
        res,
    )
    assert events
    assert all(e.location is not None and e.location.iso == "IRQ" for e in events)


# --- dates ---------------------------------------------------------------------------------------

def test_the_date_of_a_statement_is_not_the_event_date(res: Resources) -> None:
    events = code(
        "Bentrokan antara aparat dan massa pecah di Wamena, Papua, pada Senin (11/3). \"Situasi sudah "
        "kondusif,\" kata juru bicara Polda Papua, Rabu (13/3).",
        res,
    )
    assert events
    assert {e.event_date for e in events} == {date(2024, 3, 11)}


def test_the_lead_dates_an_incident_told_later(res: Resources) -> None:
    events = code(
        "Pasukan pemerintah Suriah merebut kembali kota Albu Kamal dari ISIS pada Senin (11/3).\n\n"
        "Menurut pemantau, pasukan pemerintah dan milisi sekutunya bertempur melawan ISIS di Albu Kamal "
        "selama berminggu-minggu sebelum akhirnya menguasai kota itu.",
        res,
    )
    assert events
    assert {e.event_date for e in events} == {date(2024, 3, 11)}
