"""The evaluation gate: dev-set scores and the off-topic rate against the floors pinned in eval_gate.json.

    python .ci/gate.py SCORE.json [--news NEWS_SCORE.json] [--offtopic CORPUS.jsonl.gz]

SCORE.json is ../shared/eval/score.py --json output on the dev set; NEWS_SCORE.json the same on the news set
(everyday headline news, mostly without events: its floors pin precision on ordinary news). Every floor in eval_gate.json must be met; a floor is
raised when quality rises and never lowered without saying why in the file's note.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# IndoSum categories that are not conflict news (issue 3: fewer than 1 event per 100 articles)
OFF_TOPIC = ("olahraga", "teknologi", "showbiz", "hiburan", "inspirasi")


def check_dev(score: dict, gate: dict, prefix: str = "dev") -> list[str]:
    """Failures of one set's floors (keys PREFIX_event_f1 and PREFIX_fields of the gate)."""
    fails = []
    f1 = score["events"]["f1"]
    if f1 < gate[f"{prefix}_event_f1"]:
        fails.append(f"{prefix} event F1 {f1} < floor {gate[f'{prefix}_event_f1']}")
    for name, floor in gate[f"{prefix}_fields"].items():
        got = score["fields"].get(name, 0.0)
        if got < floor:
            fails.append(f"{prefix} {name} {got} < floor {floor}")
    ev = score.get("evidence") or {}
    if ev.get("spans") != ev.get("faithful"):
        fails.append(f"evidence spans faithful {ev.get('faithful')}/{ev.get('spans')}")
    return fails


def offtopic_rate(corpus: Path) -> tuple[int, int, float]:
    """(articles, events, seconds) of pantau over the corpus's non-conflict articles."""
    from datetime import date

    from pantau.model import Article
    from pantau.pipeline import Config, Resources, extract_events

    res = Resources.load()
    n = events = 0
    start = time.perf_counter()
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("category") not in OFF_TOPIC:
                continue
            pub = row.get("published")
            published = date.fromisoformat(pub[:10]) if pub and pub != "None" else None
            crawled = date.fromisoformat(row["crawled"][:10]) if row.get("crawled") else None
            art = Article.from_text(row["doc"], row["text"], published=published, crawled=crawled)
            events += len(extract_events(art, res, Config()))
            n += 1
    return n, events, time.perf_counter() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("score", type=Path)
    ap.add_argument("--news", type=Path, help="score.py --json output on the news set")
    ap.add_argument("--offtopic", type=Path, help="IndoSum corpus (.jsonl.gz) for the off-topic rate")
    args = ap.parse_args()
    gate = json.loads((ROOT / "eval_gate.json").read_text(encoding="utf-8"))
    score = json.loads(args.score.read_text(encoding="utf-8"))
    fails = check_dev(score, gate)
    e = score["events"]
    print(f"dev: P {e['precision']} R {e['recall']} F1 {e['f1']}; "
          + ", ".join(f"{k} {v}" for k, v in score["fields"].items()))
    if args.news is not None:
        news = json.loads(args.news.read_text(encoding="utf-8"))
        fails += check_dev(news, gate, "news")
        n = news["events"]
        print(f"news: P {n['precision']} R {n['recall']} F1 {n['f1']}; "
              + ", ".join(f"{k} {v}" for k, v in news["fields"].items()))
    if args.offtopic is not None and args.offtopic.exists():
        n, events, secs = offtopic_rate(args.offtopic)
        rate = 100.0 * events / max(n, 1)
        print(f"off-topic: {events} events on {n} sports/tech/entertainment articles = {rate:.2f} per 100 "
              f"({n / secs:.0f} articles/s)")
        if rate > gate["offtopic_events_per_100_max"]:
            fails.append(f"off-topic rate {rate:.2f} per 100 > ceiling {gate['offtopic_events_per_100_max']}")
    for f in fails:
        print(f"GATE FAILED: {f}", file=sys.stderr)
    return 1 if fails else 0


if __name__ == "__main__":
    raise SystemExit(main())
