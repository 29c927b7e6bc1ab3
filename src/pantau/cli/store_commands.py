"""The store's commands: ingest, recode, events, incidents show, db upgrade / remove.

Kept apart from cli/main.py so the readers' and coders' commands there and the store's here change
independently; the logic lives in pantau.store (ingest, incidents, export), these are options and output.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pantau.store.export import FORMATS, ExportOptions

if TYPE_CHECKING:
    from pantau.store.db import Store

DB_HELP = "Database: a SQLite file path or sqlite:///..., or postgresql://user@host/db (default pantau.db)"
DbOption = Annotated[str | None, typer.Option("--db", help=DB_HELP)]

db_app = typer.Typer(no_args_is_help=True, help="The store's schema and contents.")
incidents_app = typer.Typer(no_args_is_help=True, help="Incidents formed from reports of several articles.")


def open_store(db: str | None) -> Store:
    """Open the store (its schema brought up to date) or exit with the reason."""
    from pantau.store.db import Store, StoreError  # SQLAlchemy loads only for the commands that use it

    try:
        return Store.open(db)
    except StoreError as exc:
        print(f"pantau: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc


def date_option(value: str | None) -> date | None:
    """A YYYY-MM-DD option as a date, or a clear usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def _coder(reference_date: str | None) -> tuple[Any, str]:
    """The pipeline as the store's coder (article -> SPEC records) and the lexicon version it codes with."""
    from pantau.pipeline import Config, Resources, extract_events
    from pantau.store.records import to_record

    res = Resources.load()
    cfg = Config(reference_date=date_option(reference_date))
    return (lambda article: [to_record(e) for e in extract_events(article, res, cfg)]), res.version


def _warn(msg: str) -> None:
    print(f"pantau: {msg}", file=sys.stderr)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or JSONL/CSV/Parquet corpora.")],
    db: DbOption = None,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for articles without a date")] = None,
) -> None:
    """Code and store articles; those already stored with this lexicon version are skipped."""
    from pantau.ingest import read_paths
    from pantau.store.ingest import ingest as run_ingest

    code, version = _coder(reference_date)
    with open_store(db) as store:
        stats = run_ingest(store, read_paths(list(paths)), code, version, _warn, [str(p) for p in paths])
        print(f"{stats.summary()}; the store holds {store.articles_count()} articles, "
              f"{store.events_count()} reports, {store.incidents_count()} incidents")
    if stats.errors:
        raise typer.Exit(1)


def recode(db: DbOption = None,
           reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None) -> None:
    """Code again the stored articles coded by an older lexicon version."""
    from pantau.store.ingest import recode as run_recode

    code, version = _coder(reference_date)
    with open_store(db) as store:
        stats = run_recode(store, code, version, _warn)
        print(f"recoded with {version}: {stats.summary()}")
    if stats.errors:
        raise typer.Exit(1)


def events(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", help=" | ".join(FORMATS))] = "table",
    country: Annotated[str | None, typer.Option(help="Country name or ISO3")] = None,
    admin1: Annotated[str | None, typer.Option(help="Province / first-level unit")] = None,
    since: Annotated[str | None, typer.Option(help="From this event date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this event date (YYYY-MM-DD)")] = None,
    event_type: Annotated[str | None, typer.Option("--type", "--event-type", help="ACLED event type")] = None,
    actor: Annotated[str | None, typer.Option(help="Part of either actor's name")] = None,
    min_fatalities: Annotated[int | None, typer.Option(help="At least this many fatalities")] = None,
    text: Annotated[str | None, typer.Option(help="Full-text search of the articles (all words)")] = None,
    per_report: Annotated[bool, typer.Option("--reports", help="One row per report, not per incident")] = False,
    inter: Annotated[str, typer.Option(help="Inter codes as 'number' or ACLED's 'text' labels")] = "number",
    extra: Annotated[bool, typer.Option(help="Add pantau's columns after ACLED's")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here (parquet needs it)")] = None,
) -> None:
    """List the stored incidents (or reports) in ACLED's columns."""
    from pantau.store import export as ex

    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if inter not in ("number", "text"):
        raise typer.BadParameter(f"--inter must be number or text, not {inter!r}")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("--format parquet needs --output FILE")
    from pantau.store.db import Filters

    flt = Filters(country=country, admin1=admin1, since=date_option(since), until=date_option(until),
                  event_type=event_type, actor=actor, min_fatalities=min_fatalities, text=text)
    opts = ExportOptions(inter=inter, extra=extra)
    with open_store(db) as store:
        found = store.reports(flt) if per_report else store.incidents(flt)
    regions = ex.acled_regions()
    to_row = ex.report_row if per_report else ex.incident_row
    rows = [to_row(r, regions, opts) for r in found]
    if fmt == "parquet":
        ex.write_parquet(rows, output, opts)
        return
    out = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            ex.write_csv(rows, out, opts)
        elif fmt == "jsonl":
            ex.write_jsonl(rows, out)
        elif fmt == "geojson":
            json.dump(ex.geojson(rows, opts), out, ensure_ascii=False)
            out.write("\n")
        else:
            _print_table(rows, "reports" if per_report else "incidents", out)
    finally:
        if output:
            out.close()


def _print_table(rows: list[dict[str, Any]], what: str, out: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} {what}")
    for col in ("id", "date", "type", "sub-type", "place", "actor 1", "actor 2", "deaths", "source"):
        table.add_column(col, overflow="fold")
    for r in rows:
        place = ", ".join(x for x in (r["location"], r["admin1"], r["country"]) if x)
        table.add_row(r["event_id_cnty"], str(r["event_date"] or "?"), r["event_type"], r["sub_event_type"], place,
                      r["actor1"], r["actor2"], str(r["fatalities"]), r["source"])
    Console(file=out).print(table)


@incidents_app.command("show")
def incidents_show(incident_id: Annotated[int, typer.Argument(help="The incident's number")],
                   db: DbOption = None) -> None:
    """An incident, its member reports, and why each joined it."""
    with open_store(db) as store:
        got = store.incident(incident_id)
    if got is None:
        print(f"pantau: no incident {incident_id}", file=sys.stderr)
        raise typer.Exit(1)
    print(f"incident {incident_id}: {got['event_type']} / {got['sub_event_type']} on {got['event_date']} "
          f"at {got['location']} ({got['admin1']}, {got['country']})")
    print(f"  actors: {got['actor1']} vs {got['actor2']}; fatalities {got['fatalities']} "
          f"(range {got['fatalities_low']}-{got['fatalities_high']}); sources: {'; '.join(got['sources'])}")
    print(f"  notes: {got['notes']}")
    for m in got["reports"]:
        print(f"  - {m['event_id']} [{m['outlet'] or '?'}] {m['doc']} (article {m['article_id']}, "
              f"published {m['published']}): {m['event_date']} at {m['location']}, "
              f"{m['actor1']} vs {m['actor2']}, {m['fatalities']} killed")
        print(f"      why: {m['join_reason']}")


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Bring the database's schema to this pantau's version (it is also done on every start)."""
    from sqlalchemy import create_engine

    from pantau.store.db import database_url
    from pantau.store.migrate import MigrationError, upgrade

    engine = create_engine(database_url(db))
    try:
        before, after = upgrade(engine)
    except MigrationError as exc:
        print(f"pantau: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    finally:
        engine.dispose()
    print(f"schema upgraded from {before or 'nothing'} to {after}" if before != after else f"schema at {after}")


@db_app.command("remove")
def db_remove(article_ids: Annotated[list[str], typer.Argument(help="Article ids (text hashes)")],
              db: DbOption = None) -> None:
    """Remove articles and their reports; their incidents are formed again without them."""
    with open_store(db) as store:
        for aid in article_ids:
            print(f"{aid}: {'removed' if store.remove_article(aid) else 'not stored'}")


def register(app: typer.Typer) -> None:
    """Add the store's commands to the pantau command."""
    app.command()(ingest)
    app.command()(recode)
    app.command()(events)
    app.add_typer(incidents_app, name="incidents")
    app.add_typer(db_app, name="db")
