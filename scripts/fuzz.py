"""Fuzz the whole coder: `python scripts/fuzz.py N [SEED]` codes N generated documents and prints
documents / crashes / hangs / property failures (the first few of each are shown with their seed).

A document is a crash when coding raises, a hang when it overruns the time budget, a failure when an event's
evidence is not the text at its offsets or a field leaves its vocabulary (tests/fuzzkit.py says which).
Exit status 1 when anything was found.
"""

from __future__ import annotations

import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzkit import document, faults
from pantau.analysis import Config
from pantau.batch import Watchdog, code_article, resources
from pantau.model import Article

BUDGET = 20.0


def main(n: int, seed: int = 0) -> int:
    """Code n documents from seed; print the tally; 1 when a document crashed, hung or broke a property."""
    res, dog, cfg = resources(), Watchdog(), Config(time_budget_s=BUDGET)
    tally: Counter[str] = Counter()
    shown: Counter[str] = Counter()
    t0 = time.monotonic()
    for i in range(n):
        text = document(random.Random(seed * 10**9 + i))
        coded = code_article(Article.from_text(f"fuzz-{i}", text, published=date(2024, 3, 14)), res, cfg, dog)
        found = faults(text, coded)
        kind = "ok" if not found else "hang" if "time budget" in found[0] else \
            "crash" if coded.error else "property"
        tally[kind] += 1
        if kind != "ok" and shown[found[0][:60]] < 1:
            shown[found[0][:60]] += 1
            print(f"{kind} in document {i} (seed {seed * 10**9 + i}): {found[0][:300]}", flush=True)
        if (i + 1) % 10000 == 0:
            print(f"... {i + 1:,} documents, {(i + 1) / (time.monotonic() - t0):,.0f}/s", flush=True)
    secs = time.monotonic() - t0
    print(f"documents {n:,}  crashes {tally['crash']}  hangs {tally['hang']}  property failures "
          f"{tally['property']}  ({secs:,.0f} s, {n / max(secs, 1e-9):,.0f} documents/s)")
    return 1 if n - tally["ok"] else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 0))
