"""Team-written articles for the store tests: one shooting told by three outlets, two Makassar incidents, and
a generator of many distinct small reports for the batch tests. All text is written by the pantau team."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events
from pantau.store.records import to_record

# One incident, three outlets: different spellings of the place, different figures and publication days.
SUGAPA = [
    ("kabar-timur-sugapa.txt", "Kabar Timur", date(2024, 3, 13),
     "JAYAPURA, Kabar Timur -- Kelompok kriminal bersenjata (KKB) menembak mati dua warga sipil di Distrik "
     "Sugapa, Kabupaten Intan Jaya, Papua Tengah, Selasa (12/3/2024). Kedua korban adalah tukang ojek yang "
     "sedang mengantar penumpang. Aparat gabungan TNI-Polri masih memburu para pelaku."),
    ("suara-pegunungan-sugapa.txt", "Suara Pegunungan", date(2024, 3, 12),
     "SUGAPA, Suara Pegunungan -- Tiga warga tewas ditembak orang tak dikenal di Sugapa, Intan Jaya, Selasa "
     "(12/3/2024) siang. Kapolres Intan Jaya mengatakan ketiga korban ditembak saat melintas di jalan menuju "
     "bandara."),
    ("warta-nasional-intanjaya.txt", "Warta Nasional", date(2024, 3, 14),
     "JAKARTA, Warta Nasional -- Polisi menyebut sedikitnya dua orang tewas dalam penembakan oleh kelompok "
     "bersenjata di Kabupaten Intan Jaya, Papua Tengah, pada Selasa (12/3). Kepala Operasi Damai Cartenz "
     "mengatakan korban adalah warga sipil."),
]
# Two different incidents in one city on one day, the bombing told twice.
MAKASSAR = [
    ("celebes-demo.txt", "Celebes Pos", date(2024, 3, 13),
     "MAKASSAR, Celebes Pos -- Ratusan mahasiswa berunjuk rasa di depan kantor DPRD Sulawesi Selatan, "
     "Makassar, Selasa (12/3/2024). Mereka menolak kenaikan harga bahan bakar minyak."),
    ("celebes-bom.txt", "Celebes Pos", date(2024, 3, 13),
     "MAKASSAR, Celebes Pos -- Sebuah bom meledak di depan sebuah gereja di Makassar, Selasa (12/3/2024) pagi. "
     "Dua orang terluka akibat ledakan tersebut. Polisi masih menyelidiki pelaku pengeboman."),
    ("harian-timur-bom.txt", "Harian Timur", date(2024, 3, 12),
     "MAKASSAR, Harian Timur -- Ledakan bom mengguncang halaman gereja di Kota Makassar, Sulawesi Selatan, "
     "Selasa (12/3/2024). Polisi menyebut tiga jemaat luka-luka dan tim Gegana telah mensterilkan lokasi."),
]


def article(doc: str, outlet: str, published: date, text: str) -> Article:
    """A team-written article with its outlet and publication date."""
    return Article.from_text(doc, text, outlet=outlet, published=published)


def coder(res: Resources) -> Callable[[Article], list[dict[str, Any]]]:
    """The real pipeline as the store's coder."""
    cfg = Config()
    return lambda a: [to_record(e) for e in extract_events(a, res, cfg)]


_CITIES = ["Semarang", "Surabaya", "Bandung", "Medan", "Makassar", "Palembang", "Pontianak", "Manado",
           "Kupang", "Ambon", "Jayapura", "Mataram", "Padang", "Kendari", "Palu", "Banjarmasin"]
_TEMPLATES = [
    "{city}, Kabar Daerah -- Sekitar {n} buruh berunjuk rasa di depan kantor Gubernur di {city}, {day} "
    "({d}/{m}/2024). Mereka menuntut kenaikan upah minimum sebesar {n} ribu rupiah.",
    "{city}, Kabar Daerah -- Polisi menangkap {k} orang terduga pengedar narkoba dan teroris di {city}, {day} "
    "({d}/{m}/2024). Penangkapan ke-{n} tahun ini itu dilakukan Densus 88 Antiteror.",
    "{city}, Kabar Daerah -- Warga {city} menggelar festival kuliner ke-{n} di alun-alun kota, {day} "
    "({d}/{m}/2024). Acara itu dihadiri ribuan pengunjung.",
]
_DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def many_articles(count: int) -> list[dict[str, Any]]:
    """count distinct small team-written reports as corpus rows (protests, arrests, and non-events)."""
    rows = []
    for i in range(count):
        city = _CITIES[i % len(_CITIES)]
        d = 1 + i % 28
        text = _TEMPLATES[i % len(_TEMPLATES)].format(city=city.upper() if i % 2 else city, n=100 + i, k=2 + i % 5,
                                                      day=_DAYS[(d + 3) % 7], d=d, m=3)
        rows.append({"doc": f"kabar-{i:05d}", "text": text, "outlet": "Kabar Daerah",
                     "published": f"2024-03-{min(d + 1, 28):02d}"})
    return rows


def write_corpus(path: Path, rows: Sequence[Mapping[str, Any]]) -> Path:
    """A JSONL corpus file of the rows."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path
