"""`pantau claims`: every casualty claim of the stored events, with who claims it.

Kept apart from cli/main.py, which only registers the command, so the commands there and the store's change
independently. Works on SPEC records (plain dicts, as the store returns them): it shows what was stored, not a
recoding.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer


def claim_rows(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One flat row per claim: the event it belongs to, its coded fatalities, and the claim."""
    for r in records:
        for c in r.get("claims") or []:
            who = c.get("claimant") or {}
            if isinstance(who, str):  # a record stored before claimants were sources
                who = {"name": who, "type": "other", "text": who}
            yield {
                "event_id": r.get("event_id"), "doc": r.get("doc"), "event_date": r.get("event_date"),
                "sub_event_type": r.get("sub_event_type"), "fatalities": r.get("fatalities"),
                "kind": c.get("kind"), "low": c.get("low"), "high": c.get("high"), "qualifier": c.get("qualifier"),
                "victims": c.get("victims"), "claimant": who.get("name") or "the outlet",
                "claimant_type": who.get("type") or "outlet", "claimant_text": who.get("text"),
            }


def claims_jsonl(records: list[dict[str, Any]]) -> str:
    """The claim rows as JSON lines."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in claim_rows(records))


def claims_table(records: list[dict[str, Any]], title: str) -> Any:
    """A rich table of the claims, grouped by event: figure, kind, victims, source and its kind, its words."""
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("event", "coded", "kind", "figure", "victims", "source", "type", "words"):
        table.add_column(col, overflow="fold")
    last = None
    for row in claim_rows(records):
        first = row["event_id"] != last
        last = row["event_id"]
        figure = str(row["low"]) if row["low"] == row["high"] else f"{row['low']}-{row['high']}"
        if row["qualifier"]:
            figure += f" ({row['qualifier']})"
        table.add_row(
            f"{row['event_date'] or '?'} {row['sub_event_type']} [{row['doc']}]" if first else "",
            str(row["fatalities"]) if first else "",
            row["kind"], figure, row["victims"] or "", row["claimant"], row["claimant_type"],
            row["claimant_text"] or "",
        )
    return table


def claims(
    db: Annotated[str, typer.Option(help="Database URL")] = "sqlite:///pantau.db",
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
    country: Annotated[str | None, typer.Option(help="Country name or ISO3")] = None,
    event_type: Annotated[str | None, typer.Option(help="ACLED event type")] = None,
) -> None:
    """List each stored event's casualty claims: figure, kind, victims, who claims it and in which words."""
    from rich.console import Console

    from pantau.store import Store

    if fmt not in ("table", "jsonl"):
        raise typer.BadParameter(f"--format must be table or jsonl, not {fmt!r}")
    with Store.open(db) as store:
        records = store.events(country=country, event_type=event_type)
    if fmt == "jsonl":
        sys.stdout.write(claims_jsonl(records))
    else:
        Console().print(claims_table(records, title=f"claims of {len(records)} events"))


def register(app: typer.Typer) -> None:
    """Add `pantau claims` to the command line."""
    app.command("claims")(claims)
