"""`pantau events`: filters, full-text search, and exports analysts load unchanged (CSV, GeoJSON, Parquet, JSONL),
and the SQLite store served as it is by Datasette."""

from __future__ import annotations

import io
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pantau.cli.main import app
from pantau.store import Store
from pantau.store.db import Filters
from pantau.store.export import ACLED_COLUMNS, EXTRA_COLUMNS

# ACLED's columns, names and order, as its export has them (written out here, not imported, on purpose)
ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def events(db_url: str, *args: str) -> str:
    """The output of `pantau events --db URL ARGS`."""
    out = CliRunner().invoke(app, ["events", "--db", db_url, *args])
    assert out.exit_code == 0, out.output
    return out.output


def test_columns_are_acleds() -> None:
    assert list(ACLED_COLUMNS) == ACLED


@pytest.mark.parametrize(("flt", "docs"), [
    (Filters(), {"kabar-timur-sugapa.txt", "celebes-demo.txt", "celebes-bom.txt"}),
    (Filters(country="IDN"), {"kabar-timur-sugapa.txt", "celebes-demo.txt", "celebes-bom.txt"}),
    (Filters(country="indonesia", admin1="Central Papua"), {"kabar-timur-sugapa.txt"}),
    (Filters(event_type="Protests"), {"celebes-demo.txt"}),
    (Filters(actor="tpnpb"), {"kabar-timur-sugapa.txt"}),
    (Filters(min_fatalities=1), {"kabar-timur-sugapa.txt"}),
    (Filters(since=date(2024, 3, 13)), set()),
    (Filters(until=date(2024, 3, 12), event_type="Explosions/Remote violence"), {"celebes-bom.txt"}),
    # full text: every word, in any member article; "gereja" is in both bombing reports, "jemaat" in one
    (Filters(text="gereja"), {"celebes-bom.txt"}),
    (Filters(text="jemaat Gegana"), {"celebes-bom.txt"}),
    (Filters(text="ojek"), {"kabar-timur-sugapa.txt"}),
    (Filters(text="ojek gereja"), set()),
    (Filters(text='bahan "bakar'), {"celebes-demo.txt"}),
])
def test_incident_filters(stored: Store, flt: Filters, docs: set[str]) -> None:
    found = stored.incidents(flt)
    by_doc = {r["doc"]: r["incident_id"] for r in stored.reports()}
    assert {r["incident_id"] for r in found} == {by_doc[d] for d in docs}


def test_report_filters(stored: Store) -> None:
    assert [r["doc"] for r in stored.reports(Filters(text="jemaat"))] == ["harian-timur-bom.txt"]
    assert len(stored.reports(Filters(text="Intan Jaya"))) == 3


def test_csv_reads_back_with_acleds_columns(stored: Store, db_url: str) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(events(db_url, "--format", "csv")))
    assert list(df.columns) == ACLED
    assert len(df) == 3
    shooting = df[df["event_type"] == "Violence against civilians"].iloc[0]
    assert shooting["fatalities"] == 2 and shooting["iso"] == "IDN" and shooting["region"] == "Southeast Asia"
    assert shooting["event_id_cnty"].startswith("IDN") and shooting["year"] == 2024
    assert shooting["inter1"] == 2 and shooting["inter2"] == 7 and shooting["interaction"] == 27
    assert shooting["civilian_targeting"] == "Civilian targeting"
    assert {"Kabar Timur", "Suara Pegunungan", "Warta Nasional"} <= set(shooting["source"].split("; "))
    text = pd.read_csv(io.StringIO(events(db_url, "--format", "csv", "--inter", "text")))
    row = text[text["event_type"] == "Violence against civilians"].iloc[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("Rebel group", "Civilians", "Rebel group-Civilians")
    extra = pd.read_csv(io.StringIO(events(db_url, "--format", "csv", "--extra")))
    assert list(extra.columns) == ACLED + list(EXTRA_COLUMNS)
    row = extra[extra["event_type"] == "Violence against civilians"].iloc[0]
    assert row["n_reports"] == 3 and row["fatalities_high"] == 3
    assert len(json.loads(row["claims"])) == 3
    per_report = pd.read_csv(io.StringIO(events(db_url, "--format", "csv", "--reports")))
    assert list(per_report.columns) == ACLED and len(per_report) == 6


def test_geojson_validates_and_loads_in_geopandas(stored: Store, db_url: str, tmp_path: Path) -> None:
    gpd = pytest.importorskip("geopandas")
    shapely = pytest.importorskip("shapely.geometry")
    path = tmp_path / "insiden.geojson"
    events(db_url, "--format", "geojson", "-o", str(path))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 3
    for f in doc["features"]:
        assert f["type"] == "Feature" and list(f["properties"]) == ACLED
        geom = shapely.shape(f["geometry"])
        assert geom.is_valid and geom.geom_type == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (f["properties"]["longitude"], f["properties"]["latitude"])
    gdf = gpd.read_file(path)
    assert len(gdf) == 3 and set(ACLED) <= set(gdf.columns)
    papua = gdf[gdf["admin1"] == "Central Papua"].iloc[0]
    assert 136 < papua.geometry.x < 138 and -4 < papua.geometry.y < -3


def test_parquet_has_typed_columns(stored: Store, db_url: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    path = tmp_path / "insiden.parquet"
    events(db_url, "--format", "parquet", "-o", str(path), "--extra")
    table = pq.read_table(path)
    assert table.column_names == ACLED + list(EXTRA_COLUMNS)
    types = {f.name: f.type for f in table.schema}
    assert types["event_date"] == pa.date32() and types["latitude"] == pa.float64()
    assert types["fatalities"] == pa.int64() and types["inter1"] == pa.int64() and types["actor1"] == pa.string()
    rows = table.to_pylist()
    assert {r["event_date"] for r in rows} == {date(2024, 3, 12)}
    assert sorted(r["fatalities"] for r in rows) == [0, 0, 2]


def test_jsonl_and_table(stored: Store, db_url: str) -> None:
    rows = [json.loads(line) for line in events(db_url, "--format", "jsonl").splitlines()]
    assert len(rows) == 3 and list(rows[0]) == ACLED
    assert "3 incidents" in events(db_url)
    assert "6 reports" in events(db_url, "--reports")
    bad = CliRunner().invoke(app, ["events", "--db", db_url, "--format", "xls"])
    assert bad.exit_code != 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_datasette_serves_the_sqlite_store(stored: Store, db_url: str) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("Datasette serves SQLite files")
    pytest.importorskip("datasette")
    exe = shutil.which("datasette", path=str(Path(sys.executable).parent))
    assert exe is not None
    path = db_url.removeprefix("sqlite:///")
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", path, "--port", str(port), "--host", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/pantau/incidents.json?_shape=array&event_type__exact=Protests"
        rows: Any = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    rows = json.loads(resp.read())
                break
            except OSError:
                time.sleep(0.1)
        assert rows is not None, "Datasette did not answer"
        (row,) = rows
        assert row["location"] == "Makassar" and row["event_date"] == "2024-03-12"
        assert json.loads(row["sources"]) == ["Celebes Pos"]
        # full-text search of the articles through Datasette's own FTS support
        search = f"http://127.0.0.1:{port}/pantau/articles.json?_shape=array&_search=ojek&_col=doc"
        with urllib.request.urlopen(search, timeout=5) as resp:
            assert [r["doc"] for r in json.loads(resp.read())] == ["kabar-timur-sugapa.txt"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
