"""The share of casualty claims whose claimant is a normalised source, not a raw span of the article.

    .venv/bin/python scripts/claimant_share.py ../shared/eval/dev/articles.jsonl [--list]

Codes the inputs with pantau (as `pantau extract` does), takes every claim of the events once (a claim shared
by two readings of one incident counts once), and counts:
- normalised: the outlet's own figure (nobody cited), or a cited source the source table names
  (`lang/id/sources.yaml`), directly or through the source a pointer ("pejabat itu", "dia") refers to;
- raw: a cited span no entry of the table fits (`Claimant.normalised` False), named by the article's words.
The share is printed over all claims and over the claims that cite someone. `--list` prints the raw ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pantau.ingest import ReadError, read_paths
from pantau.pipeline import Config, Resources, extract_events


def main(argv: list[str] | None = None) -> int:
    """Print the shares; exit 1 when an input cannot be read."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--list", action="store_true", help="print the claimants left as raw spans")
    args = ap.parse_args(argv)
    res = Resources.load()
    seen: set[tuple[str, int, str]] = set()
    cited = normalised = outlet = 0
    raw: list[str] = []
    failed = 0
    for item in read_paths(args.paths):
        if isinstance(item, ReadError):
            print(f"claimant_share: {item}", file=sys.stderr)
            failed += 1
            continue
        for event in extract_events(item, res, Config()):
            for claim in event.claims:
                key = (item.doc, claim.evidence[0].start if claim.evidence else -1, claim.kind)
                if key in seen:
                    continue
                seen.add(key)
                who = claim.claimant
                if who is None:
                    outlet += 1
                    continue
                cited += 1
                if who.normalised:
                    normalised += 1
                else:
                    raw.append(f"{item.doc}: {who.text}")
    total = outlet + cited
    print(f"claims {total}: the outlet's own {outlet}, citing a source {cited}")
    if total:
        print(f"normalised claimants: {(outlet + normalised) / total:.3f} of all claims "
              f"({outlet + normalised}/{total})")
    if cited:
        print(f"normalised among cited sources: {normalised / cited:.3f} ({normalised}/{cited})")
    if args.list:
        print("\n".join(raw))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
