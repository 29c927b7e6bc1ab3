"""How the map page and the API hold up with many incidents: `make bench-map` (N=50000 by default).

Not a test (nothing is asserted, timings depend on the machine): it fills a temporary SQLite store by bulk
insert (SQLAlchemy Core executemany of N articles, N reports and N incidents; generated rows, not coded
text, since coding 50,000 articles would measure the pipeline, not the page), serves it with `pantau
serve`'s application under uvicorn on 127.0.0.1, times the API with an HTTP client, then times the page in
Debian's chromium through Playwright: navigation start until the page says it is ready (every incident's
marker built and clustered), a filter by type, a brush of the timeline, and a zoom.
"""

from __future__ import annotations

import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from pantau.store.db import Store
from pantau.store.schema import articles, incidents, reports
from pantau.web.server import create_app

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments"]
# (country, iso, admin1, lat range, lon range)
AREAS = [("Indonesia", "IDN", "Papua", (-5.0, -2.0), (136.0, 141.0)),
         ("Indonesia", "IDN", "Jakarta Raya", (-6.4, -6.0), (106.6, 107.0)),
         ("Indonesia", "IDN", "Central Java", (-7.8, -6.5), (109.0, 111.5)),
         ("Syria", "SYR", "Idlib", (35.5, 36.3), (36.3, 37.0)),
         ("Palestine", "PSE", "Gaza Strip", (31.25, 31.6), (34.2, 34.55))]


def fill(store: Store, n: int, seed: int = 7) -> None:
    """N generated incidents, each with one report of one article, inserted in bulk."""
    rnd = random.Random(seed)
    now = datetime.now(UTC)
    start = date(2023, 1, 1)
    arts, reps, incs = [], [], []
    for i in range(1, n + 1):
        country, iso, admin1, (la0, la1), (lo0, lo1) = rnd.choice(AREAS)
        typ = rnd.choice(TYPES)
        day = start + timedelta(days=rnd.randrange(730))
        lat, lon = rnd.uniform(la0, la1), rnd.uniform(lo0, lo1)
        dead = int(rnd.expovariate(0.4)) if typ != "Protests" else 0
        aid = f"{i:064x}"
        text = f"Laporan sintetis nomor {i}: {typ} di {admin1}, {country}, pada {day.isoformat()}."
        arts.append({"article_id": aid, "doc": f"bench-{i}", "text": text, "title": f"Laporan {i}",
                     "outlet": "Bench", "published": day, "added_at": now, "coded_at": now})
        place = {"iso": iso, "country": country, "admin1": admin1, "admin2": None, "location": admin1,
                 "latitude": lat, "longitude": lon, "geo_precision": 2}
        incs.append({"incident_id": i, "event_date": day, "time_precision": 1, "disorder_type": typ,
                     "event_type": typ, "sub_event_type": typ, "actor1": "Bench actor", "assoc_actor_1": [],
                     "inter1": 1, "actor2": None, "assoc_actor_2": [], "inter2": None, "interaction": 10,
                     "civilian_targeting": False, **place, "fatalities": dead, "fatalities_low": dead,
                     "fatalities_high": dead, "sources": ["Bench"], "outlets": ["Bench"], "notes": text,
                     "n_reports": 1, "updated_at": now})
        record = {"event_id": f"bench-{i}-e1", "doc": f"bench-{i}", "event_type": typ, "claims": [], "evidence": []}
        reps.append({"event_id": f"bench-{i}-e1", "article_id": aid, "incident_id": i, "join_reason": "founds",
                     "doc": f"bench-{i}", "outlet": "Bench", "event_date": day, "time_precision": 1,
                     "event_type": typ, "sub_event_type": typ, "actor1": "Bench actor", **place,
                     "fatalities": dead, "claims": [], "record": record})
    with store.engine.begin() as conn:
        for table, rows in ((articles, arts), (incidents, incs), (reports, reps)):
            for k in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[k : k + 5000])


def timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main(n: int = 50_000) -> None:
    """Fill, serve, measure, print."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="pantau-bench-map-"))
    store = Store.open(f"sqlite:///{tmp / 'bench.db'}")
    dt, _ = timed(lambda: fill(store, n))
    print(f"bulk insert of {n} incidents (+ {n} reports, {n} articles): {dt:.1f} s")
    app = create_app(store)
    port = 8799
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=120) as http:
        http.get("/events?limit=1")  # warm up (regions table, first connection)
        for what, url in [("GET /events (page of 100, with total)", "/events?limit=100&total=true"),
                          ("GET /events (page of 100, type filter, total)", "/events?limit=100&type=Riots&total=true"),
                          ("GET /events?format=csv (10,000 rows)", "/events?limit=10000&format=csv"),
                          ("GET /map/points (all incidents, compact)", "/map/points")]:
            runs = []
            for _ in range(3):
                d, r = timed(lambda u=url: http.get(u))
                runs.append(d)
            print(f"{what}: median {sorted(runs)[1] * 1000:.0f} ms, {len(r.content) / 1e6:.2f} MB")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        # the main thread's long tasks (over 50 ms): how long the page cannot answer a click while it loads
        page.add_init_script("window.__long = []; new PerformanceObserver(l => { for (const e of l.getEntries()) "
                             "window.__long.push(e.duration); }).observe({type: 'longtask', buffered: true});")
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        for attempt in range(3):
            d, _ = timed(lambda: (page.goto(base + "/"),
                                  page.wait_for_selector("body[data-ready='1']", timeout=120_000)))
            fetch_ms = page.get_attribute("body", "data-loaded-ms")
            shown = page.get_attribute("#status", "data-shown")
            long = page.evaluate("() => window.__long")
            print(f"page load {attempt + 1}: {d:.2f} s from navigation to {shown} incidents on the map "
                  f"(of which /map/points fetch + markers + clustering {fetch_ms} ms); main thread blocked "
                  f"longest {max(long, default=0):.0f} ms, {len(long)} long tasks totalling {sum(long):.0f} ms")
        page.screenshot(path=str(tmp / "bench-50k.png"))
        shots = Path("/work/notes/screens")
        if shots.is_dir():
            shutil.copy(tmp / "bench-50k.png", shots / "bench-50k.png")
        d, _ = timed(lambda: (page.select_option("#f-type", "Riots"),
                              page.wait_for_function("() => document.querySelector('#f-type').value === 'Riots' && "
                                                     "document.body.dataset.ready === '1' && "
                                                     "+document.querySelector('#status').dataset.total < "
                                                     f"{n}", timeout=120_000)))
        print(f"filter by type (refetch + redraw): {d:.2f} s, {page.get_attribute('#status', 'data-shown')} shown")
        page.select_option("#f-type", "")
        page.wait_for_function(f"() => +document.querySelector('#status').dataset.total === {n}", timeout=120_000)
        box = page.locator("#timeline").bounding_box()
        y = box["y"] + box["height"] / 2
        t0 = time.perf_counter()
        page.mouse.move(box["x"] + box["width"] * 0.2, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.4, y, steps=4)
        page.mouse.up()
        page.wait_for_function(f"() => +document.querySelector('#status').dataset.shown < {n}", timeout=120_000)
        print(f"brush a fifth of the timeline: {time.perf_counter() - t0:.2f} s, "
              f"{page.get_attribute('#status', 'data-shown')} shown")
        t0 = time.perf_counter()
        page.mouse.move(700, 400)
        page.mouse.wheel(0, -600)
        page.wait_for_timeout(50)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        print(f"zoom in (wheel to two animation frames): {time.perf_counter() - t0:.2f} s")
        print(f"requests to other hosts: {len(outside)}; screenshot {tmp / 'bench-50k.png'}")
        browser.close()
    server.should_exit = True
    store.close()
    for f in tmp.glob("bench.db*"):  # the 50,000-incident store is only for this run; the screenshot stays
        f.unlink()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
