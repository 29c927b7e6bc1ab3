"""End to end: the CLI contract of SPEC.md on the team's own example articles and fixtures."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pantau.cli.main import app, example_dir
from pantau.ingest import read_path
from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events
from pantau.store.records import CSV_COLUMNS, to_record

DATA = Path(__file__).parent / "data"
FIELDS = {
    "event_id", "doc", "article_id", "event_date", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "interaction", "civilian_targeting",
    "location", "fatalities", "fatalities_low", "fatalities_high", "claims", "sources", "notes", "evidence",
    "modality", "confidence",
}



def code(text: str, res: Resources, published: str | None = "2024-03-14") -> list[dict]:
    from datetime import date

    art = Article.from_text("t.txt", text, published=date.fromisoformat(published) if published else None)
    return [to_record(e) for e in extract_events(art, res, Config())]


def test_examples_yield_faithful_complete_records(res: Resources) -> None:
    for path in sorted(example_dir().glob("*.txt")):
        article = next(iter(read_path(path)))
        assert isinstance(article, Article)
        records = [to_record(e) for e in extract_events(article, res)]
        assert records, f"{path.name} yields no event"
        for r in records:
            assert set(r) == FIELDS
            for ev in r["evidence"]:
                assert article.text[ev["start"] : ev["end"]] == ev["text"] != ""


@pytest.mark.parametrize(
    ("text", "event_type", "country"),
    [
        ("Pesawat tempur Rusia melancarkan serangan udara ke kota Idlib, Suriah, pada Rabu (13/3) "
         "dan menewaskan sedikitnya 12 warga sipil.", "Explosions/Remote violence", "SYR"),
        ("Kontak tembak antara prajurit TNI dan KKB pecah di Distrik Sugapa, Kabupaten Intan Jaya, Papua, "
         "Selasa (12/3). Seorang prajurit gugur.", "Battles", "IDN"),
        ("Tim Densus 88 Antiteror menangkap tiga terduga teroris anggota JAD di Bekasi, Jawa Barat, "
         "Kamis (14/3).", "Strategic developments", "IDN"),
        ("Ribuan buruh menggelar unjuk rasa menuntut kenaikan upah di depan kantor Gubernur Jawa Tengah "
         "di Semarang, Rabu (13/3). Aksi berlangsung damai.", "Protests", "IDN"),
    ],
)
def test_one_sentence_incidents(text: str, event_type: str, country: str, res: Resources) -> None:
    records = code(text, res)
    types = {(r["event_type"], (r["location"] or {}).get("iso")) for r in records}
    assert (event_type, country) in types


@pytest.mark.parametrize("path", sorted((DATA / "negatives").glob("*.txt")), ids=lambda p: p.name)
def test_non_events_yield_nothing(path: Path, res: Resources) -> None:
    article = next(iter(read_path(path)))
    assert isinstance(article, Article)
    assert extract_events(article, res) == []


def test_cli_jsonl_csv_and_bad_inputs(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["extract", str(example_dir() / "papua_clash.txt"), "--format", "jsonl"])
    assert ok.exit_code == 0, ok.output
    lines = [json.loads(x) for x in ok.stdout.splitlines() if x.strip()]
    assert lines and all(r["doc"] == "papua_clash.txt" for r in lines)
    as_csv = runner.invoke(app, ["extract", str(example_dir() / "papua_clash.txt"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert rows and list(rows[0]) == CSV_COLUMNS
    bad = runner.invoke(app, ["extract", str(DATA / "bad"), str(example_dir() / "papua_clash.txt")])
    assert bad.exit_code == 1
    assert "empty.txt" in bad.stderr and "binary.txt" in bad.stderr
    assert any(json.loads(x)["doc"] == "papua_clash.txt" for x in bad.stdout.splitlines() if x.strip())


def test_run_stores_without_duplicates(tmp_path: Path) -> None:
    runner = CliRunner()
    url = f"sqlite:///{tmp_path / 'p.db'}"
    first = runner.invoke(app, ["run", "--db", url])
    assert first.exit_code == 0, first.output
    from pantau.store import Store

    with Store.open(url) as store:
        n = store.events_count()
    assert n > 0
    assert runner.invoke(app, ["run", "--db", url]).exit_code == 0
    with Store.open(url) as store:
        assert store.events_count() == n
