"""Tests of pantau.store against real SQLite files (no mocks)."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from pantau.model import Article
from pantau.store import Store, StoreError

PAPUA_TEXT = (
    "JAYAPURA, Kabar Timur -- Seorang warga sipil tewas ditembak kelompok kriminal bersenjata di "
    "Distrik Sugapa, Kabupaten Intan Jaya, Papua Tengah, Selasa (12/03). Dua warga lainnya luka-luka."
)
BEKASI_TEXT = (
    "BEKASI, Warta Kota Kita -- Densus 88 Antiteror Polri menangkap tiga terduga teroris di "
    "Tambun Selatan, Kabupaten Bekasi, Jawa Barat, Kamis (14/03). Tidak ada korban jiwa."
)


def span(doc_text: str, needle: str, field: str) -> dict[str, Any]:
    """An evidence entry pointing at the first occurrence of needle."""
    start = doc_text.index(needle)
    return {"field": field, "start": start, "end": start + len(needle), "text": needle}


def papua_article() -> Article:
    """An invented article about a shooting in Intan Jaya."""
    return Article.from_text(
        "kabar-timur-sugapa.txt",
        PAPUA_TEXT,
        url="https://kabartimur.example/sugapa",
        title="Warga Sipil Tewas Ditembak di Sugapa",
        outlet="Kabar Timur",
        published=date(2024, 3, 13),
    )


def bekasi_article() -> Article:
    """An invented article about a Densus 88 arrest in Bekasi."""
    return Article.from_text(
        "wartakota-tambun.txt",
        BEKASI_TEXT,
        outlet="Warta Kota Kita",
        published=date(2024, 3, 15),
    )


def papua_record(article: Article, event_id: str = "ev-papua-1") -> dict[str, Any]:
    """A full SPEC record, shaped as `pantau extract --format jsonl` prints it."""
    return {
        "event_id": event_id,
        "doc": article.doc,
        "article_id": article.article_id,
        "event_date": "2024-03-12",
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": {"name": "Unidentified Armed Group (Indonesia)", "inter": 3, "country": "IDN"},
        "actor2": {"name": "Civilians (Indonesia)", "inter": 7, "country": "IDN"},
        "assoc_actor_1": [],
        "assoc_actor_2": [],
        "interaction": 37,
        "civilian_targeting": True,
        "location": {
            "name": "Sugapa",
            "latitude": -3.7389,
            "longitude": 137.0308,
            "admin1": "Papua Tengah",
            "admin2": "Intan Jaya",
            "country": "Indonesia",
            "iso": "IDN",
            "geo_precision": 1,
        },
        "fatalities": 1,
        "fatalities_low": 1,
        "fatalities_high": 1,
        "claims": [
            {
                "kind": "killed",
                "low": 1,
                "high": 1,
                "qualifier": None,
                "victims": "warga sipil",
                "claimant": None,
                "evidence": [span(PAPUA_TEXT, "Seorang warga sipil tewas", "claims")],
            },
            {
                "kind": "injured",
                "low": 2,
                "high": 2,
                "qualifier": None,
                "victims": "warga",
                "claimant": None,
                "evidence": [span(PAPUA_TEXT, "Dua warga lainnya luka-luka", "claims")],
            },
        ],
        "sources": ["Kabar Timur"],
        "notes": "On 12 March 2024, an armed group shot and killed a civilian in Sugapa (Intan Jaya, "
        "Papua Tengah). Two others were injured.",
        "evidence": [
            span(PAPUA_TEXT, "ditembak", "event_type"),
            span(PAPUA_TEXT, "Distrik Sugapa", "location"),
            span(PAPUA_TEXT, "Selasa (12/03)", "event_date"),
        ],
        "modality": "asserted",
        "confidence": 0.82,
    }


def bekasi_record(article: Article, event_id: str = "ev-bekasi-1") -> dict[str, Any]:
    """A Densus 88 arrest record."""
    return {
        "event_id": event_id,
        "doc": article.doc,
        "article_id": article.article_id,
        "event_date": "2024-03-14",
        "time_precision": 1,
        "disorder_type": "Strategic developments",
        "event_type": "Strategic developments",
        "sub_event_type": "Arrests",
        "actor1": {"name": "Police Forces of Indonesia", "inter": 1, "country": "IDN"},
        "actor2": None,
        "assoc_actor_1": ["Densus 88"],
        "assoc_actor_2": [],
        "interaction": 10,
        "civilian_targeting": False,
        "location": {
            "name": "Tambun Selatan",
            "latitude": -6.2619,
            "longitude": 107.0573,
            "admin1": "Jawa Barat",
            "admin2": "Bekasi",
            "country": "Indonesia",
            "iso": "IDN",
            "geo_precision": 1,
        },
        "fatalities": 0,
        "fatalities_low": 0,
        "fatalities_high": 0,
        "claims": [],
        "sources": ["Warta Kota Kita"],
        "notes": "On 14 March 2024, Densus 88 arrested three suspected militants in Tambun Selatan (Bekasi).",
        "evidence": [span(BEKASI_TEXT, "menangkap", "event_type")],
        "modality": "asserted",
        "confidence": 0.9,
    }


def undated_record(article: Article) -> dict[str, Any]:
    """A record with no date and no location."""
    rec = bekasi_record(article, event_id="ev-bekasi-0-undated")
    rec.update(event_date=None, time_precision=3, location=None, actor1=None, interaction=0)
    return rec


@pytest.fixture
def store(db_url: str) -> Any:
    """A fresh store: a temporary SQLite file, or a new database on the test PostgreSQL server."""
    with Store.open(db_url) as s:
        yield s


def test_round_trip_full_record(store: Store) -> None:
    art = papua_article()
    rec = papua_record(art)
    original = copy.deepcopy(rec)
    assert store.save(art, [rec]) == 1
    assert rec == original  # the input is not mutated
    assert store.events() == [original]
    assert store.articles_count() == 1 and store.events_count() == 1
    row = store.article(art.article_id)
    assert row is not None
    assert row["text"] == PAPUA_TEXT and row["published"] == date(2024, 3, 13)
    assert row["title"] == "Warga Sipil Tewas Ditembak di Sugapa"
    stored = store.events()[0]
    for ev in stored["evidence"]:
        assert PAPUA_TEXT[ev["start"] : ev["end"]] == ev["text"]


def test_flat_columns_are_filled(store: Store) -> None:
    art = papua_article()
    store.save(art, [papua_record(art)])
    with store.engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM reports")).mappings().one()
    assert row["article_id"] == art.article_id
    assert row["actor1"] == "Unidentified Armed Group (Indonesia)" and row["actor2_inter"] == 7
    assert row["admin2"] == "Intan Jaya" and row["location"] == "Sugapa"
    assert row["interaction"] == 37 and row["fatalities"] == 1 and row["geo_precision"] == 1
    assert row["disorder_type"] == "Political violence" and row["modality"] == "asserted"


def test_resave_replaces_without_duplicates(store: Store) -> None:
    art = papua_article()
    store.save(art, [papua_record(art), papua_record(art, "ev-papua-2")])
    assert store.events_count() == 2
    changed = papua_record(art)
    changed["fatalities"] = 2
    assert store.save(art, [changed]) == 1
    assert store.articles_count() == 1
    assert store.events_count() == 1
    assert store.events()[0]["fatalities"] == 2


def test_two_articles(store: Store) -> None:
    pa, be = papua_article(), bekasi_article()
    store.save(pa, [papua_record(pa)])
    store.save(be, [bekasi_record(be)])
    assert store.articles_count() == 2 and store.events_count() == 2
    assert [r["event_id"] for r in store.events()] == ["ev-papua-1", "ev-bekasi-1"]
    store.save(pa, [])  # re-saving one article with no events leaves the other alone
    assert [r["event_id"] for r in store.events()] == ["ev-bekasi-1"]
    assert store.articles_count() == 2


def test_filters(store: Store) -> None:
    pa, be = papua_article(), bekasi_article()
    store.save(pa, [papua_record(pa)])
    store.save(be, [bekasi_record(be), undated_record(be)])
    syria = papua_record(pa, "ev-suriah-1")
    syria["location"] = {
        "name": "Deir ez-Zor",
        "latitude": 35.336,
        "longitude": 40.14,
        "admin1": "Deir ez-Zor",
        "admin2": None,
        "country": "Syria",
        "iso": "SYR",
        "geo_precision": 1,
    }
    syria["event_date"] = "2024-02-08"
    syria["event_type"] = "Battles"
    syria["doc"] = "other.txt"
    store.save(Article.from_text("other.txt", "teks lain"), [syria])

    def ids(**kw: Any) -> list[str]:
        return [r["event_id"] for r in store.events(**kw)]

    assert ids() == ["ev-suriah-1", "ev-papua-1", "ev-bekasi-1", "ev-bekasi-0-undated"]
    assert ids(doc="wartakota-tambun.txt") == ["ev-bekasi-1", "ev-bekasi-0-undated"]
    assert ids(event_type="Strategic developments") == ["ev-bekasi-1", "ev-bekasi-0-undated"]
    assert ids(country="Syria") == ["ev-suriah-1"]
    assert ids(country="IDN") == ["ev-papua-1", "ev-bekasi-1"]
    assert ids(since=date(2024, 3, 13)) == ["ev-bekasi-1"]
    assert ids(until=date(2024, 3, 12)) == ["ev-suriah-1", "ev-papua-1"]
    assert ids(since=date(2024, 3, 1), until=date(2024, 3, 31), limit=1) == ["ev-papua-1"]
    assert ids(event_type="Riots") == []


def test_null_date_and_location(store: Store) -> None:
    be = bekasi_article()
    rec = undated_record(be)
    assert store.save(be, [rec]) == 1
    (got,) = store.events()
    assert got == rec
    assert got["event_date"] is None and got["location"] is None and got["actor1"] is None
    assert store.events(country="Indonesia") == []


def test_missing_event_id_rolls_back(store: Store) -> None:
    pa, be = papua_article(), bekasi_article()
    store.save(pa, [papua_record(pa)])
    bad = bekasi_record(be)
    del bad["event_id"]
    with pytest.raises(StoreError, match="event_id"):
        store.save(be, [bekasi_record(be, "ev-bekasi-ok"), bad])
    assert store.articles_count() == 1
    assert [r["event_id"] for r in store.events()] == ["ev-papua-1"]


def test_bad_date_is_rejected(store: Store) -> None:
    be = bekasi_article()
    bad = bekasi_record(be)
    bad["event_date"] = "Kamis (14/03)"
    with pytest.raises(StoreError, match="event_date"):
        store.save(be, [bad])
    assert store.events_count() == 0 and store.articles_count() == 0


def test_constraint_violation_mid_transaction_rolls_back(store: Store) -> None:
    pa = papua_article()
    store.save(pa, [papua_record(pa), papua_record(pa, "ev-papua-2")])
    # the database's CHECK constraint on latitude rejects the second insert, after the old reports were deleted
    bad = papua_record(pa, "ev-gagal")
    bad["location"] = {**bad["location"], "latitude": 137.0}
    updated = Article.from_text(pa.doc, PAPUA_TEXT, title="Judul baru", published=date(2024, 3, 14))
    with pytest.raises(StoreError, match=r"not stored: .*(ck_reports_latitude|CHECK constraint)"):
        store.save(updated, [papua_record(pa, "ev-papua-3"), bad])
    assert [r["event_id"] for r in store.events()] == ["ev-papua-1", "ev-papua-2"]
    row = store.article(pa.article_id)
    assert row is not None and row["title"] == "Warga Sipil Tewas Ditembak di Sugapa"
    assert store.incidents_count() == 2  # two reports of one article are never one incident


def test_duplicate_event_ids_in_one_save(store: Store) -> None:
    pa = papua_article()
    with pytest.raises(StoreError, match="duplicate event_id"):
        store.save(pa, [papua_record(pa), papua_record(pa)])
    assert store.events_count() == 0


def test_survives_reopen(db_url: str) -> None:
    url = db_url
    pa, be = papua_article(), bekasi_article()
    with Store.open(url) as s:
        s.save(pa, [papua_record(pa)])
        s.save(be, [bekasi_record(be)])
    with Store.open(url) as s:
        assert s.articles_count() == 2 and s.events_count() == 2
        assert s.events(doc=pa.doc) == [papua_record(pa)]
        s.save(pa, [papua_record(pa)])
        assert s.events_count() == 2


def test_sqlite_uses_wal(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("WAL is SQLite's")
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_runs(store: Store) -> None:
    run_id = store.start_run(["berita/"], lexicon_version="id-2024.03")
    store.finish_run(run_id, {"documents": 2, "events": 3, "errors": 0})
    (run,) = store.runs()
    assert run["run_id"] == run_id and run["inputs"] == ["berita/"]
    assert run["counts"] == {"documents": 2, "events": 3, "errors": 0} and run["finished"] is not None
    with pytest.raises(StoreError):
        store.finish_run(run_id + 1, {})


def test_migrations_build_exactly_the_schema(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from pantau.store.migrate import current, head
    from pantau.store.schema import metadata

    def ours(name: str | None, _kind: str, _parents: Any) -> bool:
        # the full-text index is dialect-specific DDL (FTS5 tables, a GIN expression index), not in metadata
        return not (name or "").startswith(("articles_fts", "ix_articles_fts"))

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": ours})
        assert compare_metadata(ctx, metadata) == []
    assert current(store.engine) == head() == "0002"


def test_db_upgrade_command(db_url: str) -> None:
    from typer.testing import CliRunner

    from pantau.cli.main import app

    first = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])
    assert first.exit_code == 0 and "upgraded from nothing to 0002" in first.output
    again = CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])
    assert again.exit_code == 0 and "schema at 0002" in again.output


def test_a_store_from_before_schema_versions_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "lama.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE events (event_id TEXT PRIMARY KEY, record TEXT)")
    with pytest.raises(StoreError, match="without schema versions"):
        Store.open(f"sqlite:///{path}")
