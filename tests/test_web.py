"""The map page in a real browser: Playwright driving Debian's chromium (/usr/bin/chromium, installed by the
Makefile's `browser` target; never a browser download) against `pantau serve` on 127.0.0.1, its store filled
from the shipped example articles, the storekit articles (one shooting told by three outlets with different
tolls) and a team-written article carrying <script> and <img onerror> in its text.

Without chromium these tests skip on a developer's machine and fail under CI=true."""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from pantau.pipeline import Resources
from pantau.store.db import Filters, Store

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = Path(os.environ.get("PANTAU_SCREENS", "/work/notes/screens"))

XSS_TEXT = (
    "JAKARTA, Kabar Kota -- Ratusan pengemudi ojek daring berunjuk rasa di depan Balai Kota Jakarta, Rabu "
    "(6/3/2024). <script>window.__pwned = 1; alert(\"skrip\")</script> Mereka menuntut kenaikan tarif. "
    "<img src=x onerror=\"window.__pwned = 2; alert('gambar')\"> Polisi mengawal aksi itu hingga sore."
)

pytestmark = pytest.mark.browser


def _need_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {CHROMIUM} is missing (make browser installs Debian's chromium)")
    pytest.skip(f"{CHROMIUM} is missing (make browser installs it)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fill_store(url: str, res: Resources) -> Store:
    """A store with the examples, the storekit articles and the article with markup in its text."""
    from pantau.cli.main import example_dir
    from pantau.ingest import read_paths
    from pantau.store.ingest import ingest
    from storekit import MAKASSAR, SUGAPA, article, coder

    store = Store.open(url)
    items: list[Any] = list(read_paths([example_dir()]))
    items += [article(*a) for a in (*SUGAPA, *MAKASSAR)]
    items.append(article("kabar-kota-ojek.txt", "Kabar Kota", date(2024, 3, 7), XSS_TEXT))
    stats = ingest(store, items, coder(res), res.version)
    assert stats.errors == []
    return store


class Server:
    """pantau serve's application under uvicorn in a thread of the test process."""

    def __init__(self, store: Store, res: Resources) -> None:
        import uvicorn

        from pantau.web.server import create_app
        from storekit import coder

        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        app = create_app(store, lambda: (coder(res), res.version))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("pantau serve did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, res: Resources) -> Iterator[tuple[Server, Store]]:
    _need_chromium()
    store = fill_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'pantau.db'}", res)
    with Server(store, res) as server:
        yield server, store
    store.close()


@pytest.fixture(scope="module")
def browser(site: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


class Visit:
    """A page with every request recorded (and any not to the server aborted) and every dialog recorded."""

    def __init__(self, browser: Any, server: Server) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.server = server
        self.urls: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        self.urls.append(url)
        if url.startswith(self.server.base + "/"):
            route.continue_()
        else:
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, query: str = "") -> Any:
        self.page.goto(self.server.base + "/" + query)
        self.page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        return self.page

    def shown(self) -> int:
        return int(self.page.get_attribute("#status", "data-shown") or -1)

    def represented(self) -> int:
        """Incidents the map draws: single markers plus the counts written on cluster markers."""
        return int(self.page.evaluate(
            "() => document.querySelectorAll('.leaflet-marker-pane .pt').length + "
            "[...document.querySelectorAll('.leaflet-marker-pane .cl')].reduce((n, c) => n + (+c.dataset.count), 0)"))


@pytest.fixture
def visit(browser: Any, site: tuple[Server, Store]) -> Iterator[Visit]:
    v = Visit(browser, site[0])
    yield v
    v.context.close()


def wait_shown(page: Any, n: int) -> None:
    """Wait until the page says it shows n incidents (a function, not a string: the page's CSP forbids eval)."""
    page.wait_for_function("(n) => document.querySelector('#status').dataset.shown === String(n)", arg=n)


def placed(store: Store, **kw: Any) -> list[dict[str, Any]]:
    return [r for r in store.incidents(Filters(**kw)) if r["latitude"] is not None]


def save_screen(page: Any, name: str, out: Path) -> Path:
    path = out / name
    page.screenshot(path=str(path))
    try:
        SCREENS.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, SCREENS / name)
    except OSError:
        pass  # the shared notes folder exists on the team's machines only
    return path


def test_markers_for_every_incident_and_nothing_leaves_127_0_0_1(visit: Visit, site: Any, tmp_path: Path) -> None:
    _server, store = site
    page = visit.open()
    want = len(placed(store))
    assert want >= 10
    wait_shown(page, want)
    page.wait_for_timeout(500)  # the outlines and the clusters draw
    assert visit.represented() == want
    assert page.locator(".leaflet-overlay-pane canvas").count() >= 1  # the country outlines
    assert visit.urls and all(u.startswith(visit.server.base + "/") for u in visit.urls), visit.urls
    assert any(u.endswith("/static/vendor/countries-50m.json") for u in visit.urls)
    assert visit.errors == [] and visit.dialogs == []
    save_screen(page, "overview.png", tmp_path)
    # a shared view of one country: the map fits its incidents
    visit.open("?country=Indonesia")
    wait_shown(page, len(placed(store, country="Indonesia")))
    page.wait_for_timeout(500)
    save_screen(page, "overview-indonesia.png", tmp_path)


def test_filtering_by_type_changes_the_markers(visit: Visit, site: Any) -> None:
    _server, store = site
    page = visit.open()
    page.select_option("#f-type", "Protests")
    want = len(placed(store, event_type="Protests"))
    assert 0 < want < len(placed(store))
    wait_shown(page, want)
    page.wait_for_timeout(300)
    assert "type=Protests" in page.url
    assert visit.represented() == want
    assert page.locator(".leaflet-marker-pane .pt:not(.t-protests)").count() == 0
    # the download links give the same selection, in ACLED's CSV and as GeoJSON
    rows = list(csv.DictReader(io.StringIO(httpx.get(visit.server.base + (page.get_attribute("#dl-csv", "href")
                                                                         or "")).text)))
    assert len(rows) == len(store.incidents(Filters(event_type="Protests")))
    assert rows and {r["event_type"] for r in rows} == {"Protests"}
    feats = httpx.get(visit.server.base + (page.get_attribute("#dl-geojson", "href") or "")).json()["features"]
    assert len(feats) == len(rows)


def test_the_url_restores_a_shared_view(visit: Visit, site: Any) -> None:
    _server, store = site
    page = visit.open("?type=Battles&country=Indonesia")
    want = len(placed(store, event_type="Battles", country="Indonesia"))
    wait_shown(page, want)
    # the menus are filled from /facets alongside the markers: wait for them to show the shared choice
    page.wait_for_function("() => document.querySelector('#f-type').value === 'Battles' && "
                           "document.querySelector('#f-country').value === 'Indonesia'", timeout=10_000)
    assert visit.represented() == want


def test_brushing_the_timeline_narrows_the_markers(visit: Visit, site: Any) -> None:
    _server, store = site
    page = visit.open()
    total = len(placed(store))
    wait_shown(page, total)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    # the left half of the timeline: the earlier incidents only
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_function("(n) => +document.querySelector('#status').dataset.shown < n", arg=total)
    shown = visit.shown()
    params = dict(p.split("=") for p in page.url.split("?")[1].split("&"))
    since, until = date.fromisoformat(params["from"]), date.fromisoformat(params["to"])
    want = [r for r in placed(store) if r["event_date"] and since <= r["event_date"] <= until]
    assert 0 < shown == len(want) < total
    page.wait_for_timeout(300)
    assert visit.represented() == shown
    assert f"since={since.isoformat()}" in (page.get_attribute("#dl-geojson", "href") or "")
    page.click("#brush-clear")
    wait_shown(page, total)


def _incident_of(store: Store, doc: str) -> int:
    return int(next(r["incident_id"] for r in store.reports(Filters(doc=doc)) if r["incident_id"]))


def test_clicking_a_marker_opens_its_incident(visit: Visit, site: Any) -> None:
    page = visit.open()
    page.wait_for_timeout(500)
    page.locator(".leaflet-marker-pane .pt").first.click()
    page.wait_for_selector("#panel:not([hidden]) .article", timeout=15_000)
    assert page.get_attribute("#panel", "data-incident")


def test_open_incident_shows_highlighted_evidence_and_disputed_figures(visit: Visit, site: Any,
                                                                      tmp_path: Path) -> None:
    _server, store = site
    page = visit.open()
    incident = _incident_of(store, "kabar-timur-sugapa.txt")
    page.evaluate("(id) => window.pantauOpenIncident(id)", incident)
    page.wait_for_function("() => document.querySelectorAll('#panel .article').length === 3", timeout=15_000)
    marks = page.locator("#panel mark.ev")
    assert marks.count() >= 6
    fields = set(" ".join(marks.evaluate_all("ms => ms.map(m => m.dataset.fields)")).split())
    assert {"event_type", "location", "claim:killed"} <= fields
    marked = marks.evaluate_all("ms => ms.map(m => m.textContent)")
    assert "tewas" in " ".join(marked).lower()
    # the outlets' figures side by side with who claimed each
    assert page.locator("#panel p.disputed").count() == 1
    claims = page.locator("#panel table.claims tr").all_inner_texts()
    assert any("Kabar Timur" in c and "2" in c for c in claims) and any("Suara Pegunungan" in c and "3" in c
                                                                        for c in claims)
    assert page.locator("#panel ol.reports li").count() == 3
    page.locator("#panel .keys").scroll_into_view_if_needed()
    save_screen(page, "incident.png", tmp_path)


def test_markup_in_an_article_is_shown_as_text_and_runs_nothing(visit: Visit, site: Any, tmp_path: Path) -> None:
    _server, store = site
    page = visit.open()
    page.evaluate("(id) => window.pantauOpenIncident(id)", _incident_of(store, "kabar-kota-ojek.txt"))
    page.wait_for_selector("#panel .article", timeout=15_000)
    page.wait_for_timeout(500)  # time for an injected onerror to fire, if one were parsed
    text = page.locator("#panel .article").first.text_content() or ""
    assert '<script>window.__pwned = 1; alert("skrip")</script>' in text
    assert "<img src=x onerror=" in text
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("#panel script, #panel img").count() == 0
    assert visit.dialogs == [] and visit.errors == []
    save_screen(page, "markup-as-text.png", tmp_path)


def test_api_docs_render_offline(visit: Visit) -> None:
    page = visit.page
    page.goto(visit.server.base + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 5
    assert all(u.startswith(visit.server.base + "/") for u in visit.urls), visit.urls
    assert visit.errors == []
