"""A bounded load test of `pantau serve` on loopback: `python scripts/loadtest.py --db URL [--seconds 60]`.

It makes an API token, starts `pantau serve` on a free port as a second process, and runs an asyncio/httpx
client for a fixed time: readers (event pages, a text search, map points, facets, an incident) and writers
(authenticated POSTs of distinct articles written from a small grammar) at once. Then it checks every
acknowledged write is in the store exactly once (GET /articles/ID, and the article count), stops the server,
and prints requests/s, p50/p99 latency per kind, errors and lost writes. Exit status 1 on any error or loss.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from statistics import quantiles
from typing import Any

import httpx

PANTAU = str(Path(sys.executable).with_name("pantau"))
PLACES = ["Jayapura", "Wamena", "Poso", "Makassar", "Semarang", "Medan", "Intan Jaya", "Nduga", "Surabaya"]
ACTS = ["Polisi menangkap dua terduga pelaku pembakaran", "Ratusan buruh berunjuk rasa menuntut kenaikan upah",
        "Kelompok bersenjata menembak seorang warga", "Massa membakar pos keamanan",
        "Warga bentrok dengan aparat saat penggusuran"]


def article(i: int, run: str) -> dict[str, Any]:
    """A distinct article of the grammar (its run and number make the text, hence the id, unique)."""
    r = random.Random(i)
    place, day = r.choice(PLACES), r.randrange(1, 28)
    return {"doc": f"load-{run}-{i}.txt", "outlet": "Kabar Uji", "published": f"2024-05-{day:02d}",
            "text": f"{place.upper()}, Kabar Uji -- {r.choice(ACTS)} di {place}, Senin ({day}/5/2024). "
                    f"Sebanyak {r.randrange(2, 40)} orang diperiksa polisi. Nomor laporan {run}-{i}."}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _wait_up(client: httpx.AsyncClient, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"pantau serve ended with status {proc.returncode}")
        try:
            if (await client.get("/facets")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit("pantau serve did not answer within 60 s")


READS = [("events", "/events", {"limit": 50}), ("search", "/events", {"text": "buruh", "limit": 20}),
         ("map", "/map/points", {}), ("facets", "/facets", {}), ("incident", "/events/1", {})]


async def run(base: str, token: str, seconds: float, readers: int, writers: int) -> dict[str, Any]:
    """Drive the server for `seconds`; the latencies, errors and acknowledged writes."""
    lat: dict[str, list[float]] = {}
    errors: list[str] = []
    acked: list[str] = []
    run_id = f"{int(time.time())}{os.getpid()}"
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def reader(n: int) -> None:
            r = random.Random(n)
            while time.monotonic() < stop:
                kind, path, params = r.choice(READS)
                t0 = time.perf_counter()
                resp = await client.get(path, params=params)
                lat.setdefault(kind, []).append(time.perf_counter() - t0)
                if resp.status_code != 200 and not (kind == "incident" and resp.status_code == 404):
                    errors.append(f"GET {path}: {resp.status_code} {resp.text[:200]}")

        async def writer() -> None:
            while time.monotonic() < stop:
                art = article(next(counter), run_id)
                t0 = time.perf_counter()
                resp = await client.post("/articles", json=art, headers={"Authorization": f"Bearer {token}"})
                lat.setdefault("write", []).append(time.perf_counter() - t0)
                if resp.status_code == 200:
                    acked.extend(a["article_id"] for a in resp.json()["articles"])
                else:
                    errors.append(f"POST /articles: {resp.status_code} {resp.text[:200]}")

        await asyncio.gather(*(reader(i) for i in range(readers)), *(writer() for _ in range(writers)))
        lost = [a for a in acked if (await client.get(f"/articles/{a}")).status_code != 200]
    return {"lat": lat, "errors": errors, "acked": acked, "lost": lost}


def main() -> int:
    """Start the server, run the load, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="store URL or SQLite path (created when missing)")
    ap.add_argument("--seconds", type=float, default=60.0, help="how long the load runs (at most 300)")
    ap.add_argument("--readers", type=int, default=8)
    ap.add_argument("--writers", type=int, default=2)
    a = ap.parse_args()
    seconds = min(a.seconds, 300.0)
    made = subprocess.run([PANTAU, "token", "create", f"load-{os.getpid()}-{time.time_ns()}", "--db", a.db],
                          capture_output=True, text=True, check=True)
    token = made.stdout.strip().splitlines()[-1]
    port = _free_port()
    # a write rate no test client reaches: this measures the server, not the limiter
    proc = subprocess.Popen([PANTAU, "serve", "--db", a.db, "--port", str(port), "--writes-per-minute", "1e9",
                             "--write-burst", "1000000"], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        async def go() -> dict[str, Any]:
            async with httpx.AsyncClient(base_url=base, timeout=5) as c:
                await _wait_up(c, proc)
            return await run(base, token, seconds, a.readers, a.writers)

        t0 = time.monotonic()
        out = asyncio.run(go())
        wall = time.monotonic() - t0
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    total = sum(len(v) for v in out["lat"].values())
    print(f"store {a.db}: {seconds:g} s, {a.readers} readers + {a.writers} writers")
    print(f"requests {total:,}  ({total / min(wall, seconds):,.1f}/s)   errors {len(out['errors'])}   "
          f"writes acknowledged {len(out['acked']):,}   lost writes {len(out['lost'])}")
    for kind, xs in sorted(out["lat"].items()):
        q = quantiles(xs, n=100) if len(xs) > 1 else xs * 99
        print(f"  {kind:9} n={len(xs):6,}  p50 {q[49] * 1000:8.1f} ms  p99 {q[98] * 1000:8.1f} ms")
    for e in out["errors"][:5]:
        print("  error:", e)
    return 1 if out["errors"] or out["lost"] else 0


if __name__ == "__main__":
    sys.exit(main())
