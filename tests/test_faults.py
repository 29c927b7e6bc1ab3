"""Faults: a SQLite store whose disk fills mid-ingest, text the databases may refuse (NUL bytes), and a corrupt
gazetteer index. Each fails what it must with a named reason; a rerun completes with nothing lost or
duplicated; a damaged index is detected and built again, never used. (A PostgreSQL server gone away
mid-ingest and SIGKILL mid-batch: tests/test_store_ingest.py.)"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from pantau.geo import gazetteer as gz
from pantau.model import Article
from pantau.pipeline import Resources
from pantau.store import Store
from pantau.store.ingest import ingest
from storekit import MAKASSAR, SUGAPA, article, coder, many_articles


def _articles(n: int) -> list[Article]:
    rows = many_articles(n)
    return [Article.from_text(r["doc"], r["text"]) for r in rows]


def test_sqlite_disk_full_fails_articles_then_a_rerun_stores_each_once(tmp_path: Path, res: Resources) -> None:
    url = f"sqlite:///{tmp_path / 'full.db'}"
    arts = [article(*a) for a in (*SUGAPA, *MAKASSAR)] + _articles(30)
    code = coder(res)
    with Store.open(url):
        pass  # the schema first
    with Store.open(url) as store:
        # the disk is "full" a few pages past the schema: SQLite's max_page_count, on every connection
        def cap(dbapi_conn: Any, _record: Any) -> None:
            pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
            dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 12}")

        event.listen(store.engine, "connect", cap)
        store.engine.dispose()
        errors: list[str] = []
        stats = ingest(store, arts, code, res.version, errors.append)
    assert errors and stats.stored < len(arts)
    assert all("full" in e for e in errors if not e.startswith("run ")), errors
    first = stats.stored
    with Store.open(url) as store:  # room again
        again = ingest(store, arts, code, res.version)
        assert again.errors == [] and (again.stored, again.skipped) == (len(arts) - first, first)
        assert store.articles_count() == len(arts)
        with Store.open(f"sqlite:///{tmp_path / 'clean.db'}") as clean:
            ingest(clean, arts, code, res.version)
            assert (store.events_count(), store.incidents_count()) == (clean.events_count(), clean.incidents_count())


def test_nul_bytes_in_text_are_stored_or_refused_by_name(db_url: str, res: Resources) -> None:
    arts = [Article.from_text("nul.txt", "Polisi menangkap\x00 dua orang di Poso, Senin (3/4)."),
            Article.from_text("ok.txt", "Massa membakar pos polisi di Wamena, Selasa (4/4). Dua orang tewas.")]
    errors: list[str] = []
    with Store.open(db_url) as store:
        stats = ingest(store, arts, coder(res), res.version, errors.append)
        assert stats.stored + len(errors) == 2 and store.article(arts[1].article_id) is not None
        stored = store.article(arts[0].article_id)
        if db_url.startswith("sqlite"):
            assert errors == [] and stored is not None and stored["text"] == arts[0].text  # kept exactly
        else:  # PostgreSQL text cannot hold NUL: refused by name and reason, never altered
            assert stored is None and len(errors) == 1
            assert errors[0].startswith("nul.txt: ") and "NUL" in errors[0], errors


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped"])
def test_a_damaged_gazetteer_index_is_detected(res: Resources, tmp_path: Path, damage: str) -> None:
    index = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(res.gazetteer.path, index)
    assert gz._damage(index, None) is None and gz._digest_path(index).exists()  # sound: sealed
    data = bytearray(index.read_bytes())
    if damage == "garbage":
        data = bytearray(b"not a database at all" * 100)
    elif damage == "truncated":
        data = data[: len(data) // 2]
    else:
        data[len(data) // 2] ^= 0xFF
    index.write_bytes(bytes(data))
    assert gz._damage(index, None) is not None
    gz._digest_path(index).unlink()  # with no digest, SQLite's own checks still refuse a broken file
    if damage != "flipped":  # a flipped bit in a data page passes quick_check: only the digest sees it
        assert gz._damage(index, None) is not None


def test_a_corrupt_gazetteer_index_is_rebuilt_not_used(res: Resources, tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    index = tmp_path / "gazetteer.sqlite"
    index.write_bytes(b"SQLite format 3\x00" + b"\xff" * 50_000)
    with caplog.at_level(logging.WARNING, logger="pantau.gazetteer"):
        rebuilt = gz.Gazetteer.load(index)
    assert any("corrupt" in r.message and str(index) in r.message for r in caplog.records)
    assert gz._damage(index, None) is None
    assert [p.name for p in rebuilt.lookup("Jayapura")][:1] == [p.name for p in res.gazetteer.lookup("Jayapura")][:1]
