"""The pantau command line: a thin layer over the library."""

from __future__ import annotations

import sys
import time
import tracemalloc
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from pantau.cli import service_commands
from pantau.cli.store_commands import open_store, register
from pantau.ingest import ReadError, read_paths
from pantau.pipeline import Config, Resources, extract_events
from pantau.store.db import StoreError
from pantau.store.records import csv_writer, to_csv_row, to_jsonl, to_record

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Indonesian news to ACLED-style event data.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build or extend the offline gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


def _config(reference_date: str | None, all_modalities: bool) -> Config:
    return Config(reference_date=_parse_date(reference_date), include_all=all_modalities)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders or JSONL/CSV/Parquet corpora.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for articles without a date")] = None,
    all_modalities: Annotated[bool, typer.Option("--all", help="Also output planned, negated, "
                                                 "hypothetical and alleged events with their modality")] = False,
    db: Annotated[str | None, typer.Option(help="Also store articles and events in this database URL")] = None,
) -> None:
    """Print the events of every document under PATHS, one record per line."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"--format must be jsonl or csv, not {fmt!r}")
    cfg = _config(reference_date, all_modalities)
    res = Resources.load()
    store = open_store(db) if db else None
    failed = 0
    writer = csv_writer(sys.stdout) if fmt == "csv" else None
    for item in read_paths(list(paths)):
        if isinstance(item, ReadError):
            print(f"pantau: {item}", file=sys.stderr)
            failed += 1
            continue
        try:
            events = extract_events(item, res, cfg)
        except Exception as exc:  # one bad article must not stop the batch
            print(f"pantau: {item.doc}: coding failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        if writer is not None:
            for e in events:
                writer.writerow(to_csv_row(e))
        else:
            sys.stdout.write(to_jsonl(events))
        if store is not None:
            try:
                store.save(item, [to_record(e) for e in events], res.version)
            except StoreError as exc:
                print(f"pantau: {exc}", file=sys.stderr)
                failed += 1
    sys.stdout.flush()
    if store is not None:
        store.close()
    if failed:
        raise typer.Exit(1)


def example_dir() -> Path:
    """The example articles shipped with pantau."""
    return Path(str(resources.files("pantau") / "examples"))


@app.command()
def run(
    paths: Annotated[list[Path] | None, typer.Argument(help="Inputs (default: the shipped examples)")] = None,
    db: Annotated[str, typer.Option(help="Database URL")] = "sqlite:///pantau.db",
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for articles without a date")] = None,
) -> None:
    """Code articles into the database and print a table of their events."""
    from rich.console import Console

    cfg = _config(reference_date, False)
    res = Resources.load()
    console = Console()
    inputs = list(paths) if paths else [example_dir()]
    failed = 0
    with open_store(db) as store:
        for item in read_paths(inputs):
            if isinstance(item, ReadError):
                console.print(f"[red]pantau: {item}[/red]")
                failed += 1
                continue
            try:
                store.save(item, [to_record(e) for e in extract_events(item, res, cfg)], res.version)
            except StoreError as exc:
                console.print(f"[red]pantau: {exc}[/red]")
                failed += 1
        records = store.events()
        console.print(event_table(records, title=f"{len(records)} events in {db}"))
    if failed:
        raise typer.Exit(1)


def event_table(records: list[dict], title: str) -> Any:
    """A rich table of event records: date, type, place, actors, fatalities."""
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for col in ("date", "type", "sub-type", "place", "actor 1", "actor 2", "deaths", "doc"):
        table.add_column(col, overflow="fold")
    for r in records:
        loc = r.get("location") or {}
        table.add_row(
            r.get("event_date") or "?",
            r["event_type"],
            r["sub_event_type"],
            ", ".join(x for x in (loc.get("name"), loc.get("country")) if x),
            (r.get("actor1") or {}).get("name", ""),
            (r.get("actor2") or {}).get("name", "") if r.get("actor2") else "",
            str(r.get("fatalities", 0)),
            r["doc"],
        )
    return table


@gazetteer_app.command("import")
def gazetteer_import(file: Annotated[Path, typer.Argument(help="A GeoNames country dump (e.g. ID.txt)")]) -> None:
    """Add the places of a GeoNames dump to the gazetteer."""
    from pantau.geo.userdata import import_geonames_dump

    try:
        added = import_geonames_dump(file)
    except (OSError, ValueError) as exc:
        print(f"pantau: {file}: {exc}", file=sys.stderr)
        raise typer.Exit(1) from exc
    print(f"{file.name}: {added} places added to the gazetteer")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the compact gazetteer index now (it is otherwise built on first use)."""
    from pantau.geo.gazetteer import Gazetteer

    t0 = time.perf_counter()
    Gazetteer.load()
    print(f"gazetteer ready in {time.perf_counter() - t0:.2f} s")


@app.command()
def bench(
    paths: Annotated[list[Path], typer.Argument(help="Corpora or folders to code")],
    limit: Annotated[int, typer.Option(help="At most this many articles")] = 0,
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
) -> None:
    """Measure throughput (articles/s, MB/s) and peak memory of coding a corpus on one core."""
    t0 = time.perf_counter()
    res = Resources.load()
    load_s = time.perf_counter() - t0
    cfg = _config(reference_date, False)
    articles = []
    for item in read_paths(list(paths)):
        if not isinstance(item, ReadError):
            articles.append(item)
        if limit and len(articles) >= limit:
            break
    # speed without tracing (tracemalloc slows Python code several times), then memory on a sample
    n_events = 0
    chars = 0
    t1, c1 = time.perf_counter(), time.process_time()
    for a in articles:
        n_events += len(extract_events(a, res, cfg))  # results dropped: memory stays bounded
        chars += len(a.text)
    dt, cpu = time.perf_counter() - t1, time.process_time() - c1
    sample = articles[:_MEMORY_SAMPLE]
    tracemalloc.start()
    for a in sample:
        extract_events(a, res, cfg)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    import resource

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = max(len(articles), 1)
    print(f"resources loaded in {load_s:.2f} s")
    print(f"{len(articles)} articles, {chars / 1e6:.1f} M chars, {n_events} events in {dt:.2f} s")
    print(f"{n / dt:.1f} articles/s wall, {n / max(cpu, 1e-9):.1f} articles/s CPU, {chars / dt / 1e6:.2f} M chars/s "
          f"(one core); {1000 * dt / n:.1f} ms per article")
    print(f"peak traced memory while coding {len(sample)} articles {peak / 1e6:.1f} MB; max RSS {rss:.0f} MB "
          "(includes the corpus held for timing)")


# Articles coded under tracemalloc to measure peak memory.
_MEMORY_SAMPLE = 300


register(app)
service_commands.register(app)


def main() -> None:
    """Entry point of the `pantau` command."""
    app()


if __name__ == "__main__":
    main()
