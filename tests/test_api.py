"""The HTTP API of pantau serve, through FastAPI's TestClient, on SQLite and PostgreSQL (tests/conftest.py `stored`:
the six team-written storekit articles, one shooting told thrice and the Makassar bombing told twice)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from pantau.api.app import ApiLimits
from pantau.pipeline import Resources
from pantau.store.db import Store
from pantau.store.export import ACLED_COLUMNS
from pantau.store.tokens import create_token, revoke_token
from pantau.web.server import create_app
from storekit import coder

ARTICLE = {
    "doc": "kabar-poso-bentrok.txt", "outlet": "Kabar Poso", "published": "2024-05-03",
    "text": "POSO, Kabar Poso -- Dua orang tewas dalam bentrokan antara aparat TNI dan kelompok bersenjata di "
            "Kecamatan Poso Pesisir, Kabupaten Poso, Sulawesi Tengah, Kamis (2/5/2024). Polisi menyebut "
            "seorang anggota TNI terluka.",
}


def make_client(store: Store, res: Resources, limits: ApiLimits | None = None) -> TestClient:
    app = create_app(store, lambda: (coder(res), res.version), limits)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(stored: Store, res: Resources) -> Iterator[TestClient]:
    with make_client(stored, res) as c:
        yield c


@pytest.fixture
def token(stored: Store) -> str:
    return create_token(stored, "test-client")


def items(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/events", params=params)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


# ---- GET /events: filters, pagination, formats ---------------------------------------------------------------

def test_events_default_is_a_json_page_of_incidents(client: TestClient, stored: Store) -> None:
    r = client.get("/events", params={"total": "true"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["total"] == stored.incidents_count() == len(body["items"]) == body["count"]
    assert r.headers["x-total-count"] == str(body["total"])
    assert list(body["items"][0])[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert "total" not in client.get("/events").json() or client.get("/events").json()["total"] is None


@pytest.mark.parametrize(("params", "check"), [
    ({"type": "Protests"}, lambda r: r["event_type"] == "Protests"),
    ({"type": "explosions/remote violence"}, lambda r: r["event_type"] == "Explosions/Remote violence"),
    ({"country": "IDN"}, lambda r: r["iso"] == "IDN"),
    ({"country": "indonesia"}, lambda r: r["country"] == "Indonesia"),
    ({"admin1": "south sulawesi"}, lambda r: r["admin1"] == "South Sulawesi"),
    ({"since": "2024-03-12", "until": "2024-03-12"}, lambda r: r["event_date"] == "2024-03-12"),
    ({"text": "gereja"}, lambda r: r["event_type"] == "Explosions/Remote violence"),
    ({"min_fatalities": 1}, lambda r: r["fatalities"] >= 1),
])
def test_filters_select_matching_incidents(client: TestClient, params: dict[str, Any], check: Any) -> None:
    got = items(client, **params)
    assert got, f"no incident for {params}"
    assert all(check(r) for r in got)
    assert len(got) <= len(items(client))


@pytest.mark.parametrize("query", ['"', '""', "(", "AND", "*", "NEAR(a b)", "a:b", "-x"])
def test_text_search_with_query_syntax_is_not_an_error(client: TestClient, query: str) -> None:
    r = client.get("/events", params={"text": query})
    assert r.status_code == 200, r.text


def test_filter_that_matches_nothing(client: TestClient) -> None:
    assert items(client, type="Battles", text="gereja") == []
    assert items(client, since="2030-01-01") == []


def test_actor_filter_matches_part_of_a_name(client: TestClient) -> None:
    everything = items(client)
    named = next(r["actor1"] for r in everything if r["actor1"])
    got = items(client, actor=named[2:8].lower())
    assert got and all(named[2:8].lower() in (r["actor1"] + r["actor2"]).lower() for r in got)


def test_pagination_walks_every_incident_once(client: TestClient, stored: Store) -> None:
    seen = []
    for offset in range(0, stored.incidents_count() + 2):
        page = client.get("/events", params={"limit": 1, "offset": offset, "total": "true"}).json()
        assert page["total"] == stored.incidents_count() and page["limit"] == 1
        seen.extend(r["incident_id"] for r in page["items"])
    assert sorted(seen) == sorted(r["incident_id"] for r in stored.incidents())


def test_reports_rows_instead_of_incidents(client: TestClient, stored: Store) -> None:
    body = client.get("/events", params={"reports": "true", "total": "true"}).json()
    assert body["total"] == stored.events_count() > stored.incidents_count()


@pytest.mark.parametrize(("params", "status", "says"), [
    ({"limit": 10_001}, 422, "maximum page size"),
    ({"limit": 0}, 422, "query.limit"),
    ({"offset": -1}, 422, "query.offset"),
    ({"since": "12/03/2024"}, 422, "query.since"),
    ({"format": "xml"}, 422, "format 'xml'"),
    ({"inter": "roman"}, 422, "query.inter"),
])
def test_bad_query_gets_a_clear_json_error(client: TestClient, params: dict[str, Any], status: int, says: str) -> None:
    r = client.get("/events", params=params)
    assert r.status_code == status
    assert says in r.json()["error"]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("how", ["query", "accept"])
@pytest.mark.parametrize(("fmt", "accept", "media"), [
    ("csv", "text/csv", "text/csv"),
    ("geojson", "application/geo+json", "application/geo+json"),
    ("jsonl", "application/x-ndjson", "application/x-ndjson"),
    ("parquet", "application/vnd.apache.parquet", "application/vnd.apache.parquet"),
    ("json", "application/json", "application/json"),
])
def test_every_export_format(client: TestClient, stored: Store, how: str, fmt: str, accept: str, media: str) -> None:
    kw: dict[str, Any] = {"params": {"format": fmt}} if how == "query" else {"headers": {"Accept": accept}}
    r = client.get("/events", **kw)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    n = stored.incidents_count()
    if fmt == "csv":
        rows = _csv(r.text)
        assert len(rows) == n and list(rows[0])[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    elif fmt == "geojson":
        doc = r.json()
        assert doc["type"] == "FeatureCollection" and len(doc["features"]) == n
        placed = [f for f in doc["features"] if f["geometry"]]
        assert placed and all(-180 <= f["geometry"]["coordinates"][0] <= 180 for f in placed)
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in r.text.splitlines()]) == n
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(io.BytesIO(r.content))
        assert table.num_rows == n and str(table.schema.field("event_date").type) == "date32[day]"
    else:
        assert len(r.json()["items"]) == n


def test_csv_with_filters_is_what_the_cli_exports(client: TestClient, stored: Store) -> None:
    from typer.testing import CliRunner

    from pantau.cli.main import app

    url = str(stored.engine.url.render_as_string(hide_password=False)).replace("postgresql+psycopg", "postgresql")
    cli = CliRunner().invoke(app, ["events", "--db", url, "--format", "csv", "--type", "Protests", "--extra"])
    api = client.get("/events", params={"format": "csv", "type": "Protests", "extra": "true"})
    assert cli.exit_code == 0, cli.output
    drop = "timestamp"
    assert ([{k: v for k, v in r.items() if k != drop} for r in _csv(api.text)]
            == [{k: v for k, v in r.items() if k != drop} for r in _csv(cli.stdout)])


# ---- GET /events/{id}, GET /articles/{id} --------------------------------------------------------------------

def _sugapa(client: TestClient) -> dict[str, Any]:
    row = max(items(client, type="Violence against civilians"), key=lambda r: r["n_reports"])
    r = client.get(f"/events/{row['incident_id']}")
    assert r.status_code == 200
    return dict(r.json())


def test_incident_has_reports_claims_claimants_sources_and_evidence(client: TestClient) -> None:
    got = _sugapa(client)
    assert got["n_reports"] == len(got["reports"]) == 3
    assert {m["outlet"] for m in got["reports"]} == {"Kabar Timur", "Suara Pegunungan", "Warta Nasional"}
    assert all(m["join_reason"] for m in got["reports"])
    killed = [c for c in got["claims"] if c["kind"] == "killed"]
    # the outlets disagree: two and three dead, each figure with who claimed it and the words it came from
    assert {c["low"] for c in killed} >= {2, 3}
    assert all(c["claimed_by"] and c["outlet"] and c["evidence"] for c in killed)
    by_outlet = {c["claimed_by"] for c in killed if c["claimant"] is None or c["claimant"]["type"] == "outlet"}
    assert by_outlet >= {"Kabar Timur", "Suara Pegunungan"}
    assert got["sources"] and all(m["evidence"] for m in got["reports"])


def test_article_text_with_evidence_spans(client: TestClient) -> None:
    got = _sugapa(client)
    aid = got["reports"][0]["article_id"]
    art = client.get(f"/articles/{aid}").json()
    assert art["article_id"] == aid and art["events"] and art["spans"]
    for s in art["spans"]:
        assert art["text"][s["start"]:s["end"]] == s["text"], s
    assert {"event_type", "location"} <= {s["field"] for s in art["spans"]}
    assert any(s["field"] == "claim:killed" for s in art["spans"])


@pytest.mark.parametrize("path", ["/events/999999", "/articles/nope"])
def test_missing_things_are_404_with_json(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and "no " in r.json()["error"]


# ---- POST /articles: auth, limits, bad input, storing ---------------------------------------------------------

def test_post_without_token_is_401(client: TestClient) -> None:
    r = client.post("/articles", json=ARTICLE)
    assert r.status_code == 401 and "token" in r.json()["error"]


def test_post_with_unknown_token_is_401(client: TestClient) -> None:
    r = client.post("/articles", json=ARTICLE, headers={"Authorization": "Bearer pantau_not-a-token"})
    assert r.status_code == 401 and "unknown" in r.json()["error"]


def test_post_with_revoked_token_is_403(client: TestClient, stored: Store, token: str) -> None:
    assert revoke_token(stored, "test-client") == 1
    r = client.post("/articles", json=ARTICLE, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403 and "revoked" in r.json()["error"]


def test_token_is_stored_only_as_a_digest(stored: Store, token: str) -> None:
    from sqlalchemy import select

    from pantau.store.schema import api_tokens

    with stored.engine.connect() as conn:
        row = conn.execute(select(api_tokens)).mappings().one()
    assert token not in json.dumps({k: str(v) for k, v in row.items()})
    assert len(row["token_hash"]) == 64


def test_post_codes_stores_and_returns_events(client: TestClient, stored: Store, token: str) -> None:
    before = stored.articles_count()
    auth = {"Authorization": f"Bearer {token}"}
    r = client.post("/articles", json=ARTICLE, headers=auth)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == 1 and body["errors"] == []
    events = body["articles"][0]["events"]
    assert events and events[0]["doc"] == ARTICLE["doc"] and events[0]["incident_id"]
    assert stored.articles_count() == before + 1
    # posting again stores nothing twice
    again = client.post("/articles", json={"articles": [ARTICLE]}, headers={"X-API-Token": token})
    assert again.status_code == 200 and stored.articles_count() == before + 1
    assert again.json()["articles"][0]["already_stored"] is True
    assert again.json()["articles"][0]["events"] == events
    got = client.get(f"/events/{events[0]['incident_id']}").json()
    assert ARTICLE["doc"] in {m["doc"] for m in got["reports"]}


def test_post_batch_as_a_list(client: TestClient, stored: Store, token: str) -> None:
    other = {**ARTICLE, "doc": "kabar-biasa.txt",
             "text": "BANDUNG, Kabar Priangan -- Pemerintah kota meresmikan taman baru di pusat kota, "
                     "Senin (6/5/2024)."}
    r = client.post("/articles", json=[ARTICLE, other], headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.json()["stored"] == 2
    assert r.json()["articles"][1]["events"] == []


@pytest.mark.parametrize(("body", "says"), [
    (b'{"doc": "x", "text": ', "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b'{"doc": "x"}', "text"),
    (b'{"doc": "x", "text": "ada", "published": "kemarin"}', "published"),
    (b'{"doc": "x", "text": "ada", "colour": "red"}', "colour"),
    (b"[]", "no articles"),
    (b'"just a string"', "not an article"),
])
def test_bad_body_is_422_with_a_clear_message(client: TestClient, token: str, body: bytes, says: str) -> None:
    r = client.post("/articles", content=body,
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert r.status_code == 422
    assert says in r.json()["error"]


def test_size_and_batch_limits_are_413(stored: Store, res: Resources, token: str) -> None:
    with make_client(stored, res, ApiLimits(max_body_bytes=2_000, max_batch=2)) as c:
        auth = {"Authorization": f"Bearer {token}"}
        big = {**ARTICLE, "text": "kata " * 1000}
        r = c.post("/articles", json=big, headers=auth)
        assert r.status_code == 413 and "limit of 2000 bytes" in r.json()["error"]
        small = {"doc": "a", "text": "b"}
        r = c.post("/articles", json=[small, small, small], headers=auth)
        assert r.status_code == 413 and "limit of 2" in r.json()["error"]
        before = stored.articles_count()
    assert stored.articles_count() == before


def test_no_stack_trace_reaches_the_client(client: TestClient, stored: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: Any, **_k: Any) -> Any:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(stored, "incidents", broken)
    r = client.get("/events")
    assert r.status_code == 500
    assert r.json()["error_id"] and "secret" not in r.text and "Traceback" not in r.text


# ---- the page's plumbing: docs, headers, facets, map points ---------------------------------------------------

def test_docs_and_openapi_are_served_offline(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui-bundle.js" in docs.text
    assert "http" not in docs.text.replace("http-equiv", "")
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{incident_id}", "/articles/{article_id}", "/articles"} <= set(spec["paths"])
    assert "ArticleIn" in spec["components"]["schemas"]
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


def test_page_has_a_strict_content_security_policy(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "<script" in r.text
    csp = r.headers["content-security-policy"]
    script = next(p for p in csp.split(";") if p.strip().startswith("script-src"))
    assert script.split() == ["script-src", "'self'"]
    assert "unsafe-inline" not in csp and r.headers["x-content-type-options"] == "nosniff"
    # every script is a file: no inline script, no event-handler attributes
    assert "<script>" not in r.text and " onclick=" not in r.text.lower() and " onload=" not in r.text.lower()


def test_facets_and_map_points(client: TestClient, stored: Store) -> None:
    facets = client.get("/facets").json()
    assert "Indonesia" in facets["country"] and "Protests" in facets["event_type"]
    pts = client.get("/map/points").json()
    placed = [r for r in stored.incidents() if r["latitude"] is not None]
    assert len(pts["points"]) == len(placed) and not pts["truncated"]
    protests = client.get("/map/points", params={"type": "Protests"}).json()
    assert 0 < len(protests["points"]) < len(pts["points"]) and protests["types"] == ["Protests"]
