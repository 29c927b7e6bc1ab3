"""Crash-safe, idempotent ingest into SQLite and PostgreSQL: reruns, recodes, SIGKILL, bad records, lost databases."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text

from pantau.ingest import read_paths
from pantau.model import Article
from pantau.pipeline import Resources
from pantau.store import Store
from pantau.store.db import database_url
from pantau.store.ingest import ingest, recode
from pantau.store.schema import articles, reports
from storekit import MAKASSAR, SUGAPA, article, coder, many_articles, write_corpus


def team_articles() -> list[Article]:
    """The six team-written articles of storekit."""
    return [article(*a) for a in (*SUGAPA, *MAKASSAR)]


def test_rerun_skips_what_is_stored(db_url: str, res: Resources) -> None:
    code = coder(res)
    with Store.open(db_url) as store:
        first = ingest(store, team_articles(), code, res.version)
        assert (first.read, first.stored, first.skipped, first.errors) == (6, 6, 0, [])
        assert first.reports == store.events_count() > 0
        counts = (store.articles_count(), store.events_count(), store.incidents_count())
        again = ingest(store, team_articles(), code, res.version)
        assert (again.stored, again.skipped, again.reports) == (0, 6, 0)
        assert "6 skipped" in again.summary()
        assert (store.articles_count(), store.events_count(), store.incidents_count()) == counts
        assert {r["lexicon_version"] for r in store.reports()} == {res.version}
        assert [r["counts"]["skipped"] for r in store.runs()] == [0, 6]


def test_recode_codes_older_versions_again(db_url: str, res: Resources) -> None:
    code = coder(res)
    with Store.open(db_url) as store:
        ingest(store, team_articles()[:3], code, "0.0.1+old")
        ingest(store, team_articles()[3:], code, res.version)
        assert len(list(store.stale(res.version))) == 3
        stats = recode(store, code, res.version)
        assert (stats.read, stats.stored, stats.errors) == (3, 3, [])
        assert list(store.stale(res.version)) == []
        assert {r["lexicon_version"] for r in store.reports()} == {res.version}
        assert store.articles_count() == 6
        # a newer version of the lexicons makes every article stale
        assert len(list(store.stale(res.version + "-next"))) == 6


def test_a_record_the_database_rejects_fails_that_article_only(db_url: str, res: Resources) -> None:
    code = coder(res)

    def breaks_one(a: Article) -> list[dict[str, Any]]:
        recs = code(a)
        if a.doc == "suara-pegunungan-sugapa.txt":
            recs[0]["location"]["latitude"] = 300.0  # breaks the database's CHECK constraint
        return recs

    errors: list[str] = []
    with Store.open(db_url) as store:
        stats = ingest(store, team_articles(), breaks_one, res.version, errors.append)
        assert stats.stored == 5 and len(stats.errors) == 1
        assert "suara-pegunungan-sugapa.txt" in errors[0] and "not stored" in errors[0]
        assert "latitude" in errors[0]
        assert store.articles_count() == 5
        assert "suara-pegunungan-sugapa.txt" not in {r["doc"] for r in store.reports()}
        # the next run stores it once the coder is right
        assert ingest(store, team_articles(), code, res.version).stored == 1
        assert store.articles_count() == 6


def _cut_connection(db_url: str, tmp: Path) -> tuple[str, Callable[[], None], Callable[[], None]]:
    """(store URL, cut, restore): a real database failure while one article is being saved.

    PostgreSQL: a trigger on articles kills the backend that inserts 'putus.txt' (the connection goes away
    mid-transaction). SQLite: another connection holds the file's write lock while 'putus.txt' is saved."""
    if db_url.startswith("sqlite"):
        path = db_url.removeprefix("sqlite:///")
        holder: list[sqlite3.Connection] = []

        def cut() -> None:
            conn = sqlite3.connect(path, isolation_level=None)
            conn.execute("BEGIN EXCLUSIVE")
            holder.append(conn)

        def restore() -> None:
            while holder:
                c = holder.pop()
                c.execute("COMMIT")
                c.close()

        return db_url + "?timeout=0.3", cut, restore

    engine = create_engine(database_url(db_url))

    def cut_pg() -> None:
        with engine.begin() as conn:
            conn.execute(text(
                "CREATE OR REPLACE FUNCTION putus() RETURNS trigger AS $$ BEGIN "
                "PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NEW; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER putus BEFORE INSERT ON articles FOR EACH ROW "
                              "WHEN (NEW.doc = 'putus.txt') EXECUTE FUNCTION putus()"))

    def restore_pg() -> None:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER putus ON articles"))
        engine.dispose()

    return db_url, cut_pg, restore_pg


def test_a_database_gone_away_fails_that_article_and_the_batch_goes_on(
        db_url: str, res: Resources, tmp_path: Path) -> None:
    code = coder(res)
    with Store.open(db_url):
        pass  # the schema exists before the failure is set up
    url, cut, restore = _cut_connection(db_url, tmp_path)
    victim = Article.from_text("putus.txt", "BANDUNG, Kabar -- Ribuan buruh berdemonstrasi di depan Gedung "
                               "Sate, Bandung, Rabu (13/3/2024), menuntut kenaikan upah.", outlet="Kabar")
    arts = [*team_articles()[:2], victim, *team_articles()[2:]]

    def disrupting(a: Article) -> list[dict[str, Any]]:
        if a.doc == "putus.txt":
            cut()
        elif a is arts[3]:
            restore()
        return code(a)

    errors: list[str] = []
    with Store.open(url) as store:
        stats = ingest(store, arts, disrupting, res.version, errors.append)
        assert stats.stored == 6 and len(errors) == 1
        assert errors[0].startswith("putus.txt: article") and "not stored" in errors[0], errors
        assert store.articles_count() == 6 and store.article(victim.article_id) is None
        # a rerun stores the one that failed, and only it
        again = ingest(store, arts, code, res.version)
        assert (again.stored, again.skipped) == (1, 6)
        assert store.articles_count() == 7


def _counts(url: str) -> tuple[int, int, int]:
    """(articles, reports, distinct report ids) read straight from the database."""
    engine = create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            n_art = conn.scalar(select(func.count()).select_from(articles)) or 0
            n_rep = conn.scalar(select(func.count()).select_from(reports)) or 0
            n_ids = conn.scalar(select(func.count(func.distinct(reports.c.event_id)))) or 0
    except Exception:  # the schema may not exist yet while the subprocess starts
        return 0, 0, 0
    finally:
        engine.dispose()
    return int(n_art), int(n_rep), int(n_ids)


BATCH = 500


def test_sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing(
        db_url: str, res: Resources, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "berita.jsonl", many_articles(BATCH))
    cmd = [sys.executable, "-m", "pantau.cli.main", "ingest", str(corpus), "--db", db_url]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while _counts(db_url)[0] < 20 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = _counts(db_url)[0]
    assert 0 < at_kill < BATCH, "the batch must be killed in its middle"

    rerun = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{at_kill} skipped" in rerun.stdout
    n_art, n_rep, n_ids = _counts(db_url)
    assert n_art == BATCH and n_rep == n_ids > BATCH // 3

    # the same corpus ingested in one uninterrupted run gives the same reports and incidents
    clean = tmp_path / "bersih.db"
    with Store.open(f"sqlite:///{clean}") as ref:
        ingest(ref, read_paths([corpus]), coder(res), res.version)
        expected = ({r["event_id"] for r in ref.reports()}, ref.incidents_count())
    with Store.open(db_url) as store:
        assert ({r["event_id"] for r in store.reports()}, store.incidents_count()) == expected
        assert all(r["incident_id"] is not None for r in store.reports() if r["modality"] == "asserted")


def test_ingest_and_recode_commands(db_url: str, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pantau.cli.main import app

    corpus = write_corpus(tmp_path / "berita.jsonl", many_articles(6))
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "6 articles read: 6 coded and stored" in first.output and "0 skipped" in first.output
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert "6 skipped" in second.output
    engine = create_engine(database_url(db_url))
    with engine.begin() as conn:  # as if two articles had been coded by an older pantau
        conn.execute(text("UPDATE articles SET lexicon_version = 'tua' WHERE doc IN ('kabar-00000', 'kabar-00001')"))
    engine.dispose()
    out = runner.invoke(app, ["recode", "--db", db_url])
    assert out.exit_code == 0, out.output
    assert "2 articles read: 2 coded and stored" in out.output
    assert "0 articles read" in runner.invoke(app, ["recode", "--db", db_url]).output
