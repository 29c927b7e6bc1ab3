"""The pantau command line: a thin layer over the library."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from pantau.cli import service_commands
from pantau.cli.store_commands import date_option as _parse_date
from pantau.cli.store_commands import open_store, register
from pantau.ingest import ReadError, count_documents, read_paths
from pantau.model import Article
from pantau.pipeline import Config, Resources, extract_events
from pantau.store.records import csv_writer, to_csv_row, to_jsonl, to_record

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Indonesian news to ACLED-style event data.")
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build or extend the offline gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")
from pantau.cli.claims import register as register_claims  # noqa: E402  (its own module, so this file stays small)

register_claims(app)  # `pantau claims`: each stored event's casualty claims and their sources


def _config(reference_date: str | None, all_modalities: bool) -> Config:
    return Config(reference_date=_parse_date(reference_date), include_all=all_modalities)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, JSONL/CSV/Parquet corpora or WARC crawls.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv")] = "jsonl",
    reference_date: Annotated[str | None, typer.Option(help="YYYY-MM-DD for articles without a date")] = None,
    all_modalities: Annotated[bool, typer.Option("--all", help="Also output planned, negated, "
                                                 "hypothetical and alleged events with their modality")] = False,
    db: Annotated[str | None, typer.Option(help="Also store articles and events in this database URL")] = None,
    workers: Annotated[int, typer.Option(help="Code on this many local processes")] = 1,
    dask: Annotated[str | None, typer.Option(help="Code on the Dask cluster at this scheduler address")] = None,
    time_budget: Annotated[float, typer.Option(help="Seconds one document may take (0: no limit)")] = 60.0,
) -> None:
    """Print the events of every document under PATHS, one record per line."""
    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter(f"--format must be jsonl or csv, not {fmt!r}")
    from pantau.batch import EngineError, code_stream
    from pantau.pipeline import lexicon_version
    from pantau.progress import Progress
    from pantau.store.db import StoreError

    cfg = replace(_config(reference_date, all_modalities), time_budget_s=time_budget or None)
    store = open_store(db) if db else None
    version = lexicon_version("id") if store is not None else None
    writer = csv_writer(sys.stdout) if fmt == "csv" else None
    try:
        with Progress.for_stderr(lambda: count_documents(list(paths))) as progress:
            for item, coded in code_stream(read_paths(list(paths)), cfg, workers=workers, dask=dask):
                if coded is None or coded.error is not None:
                    progress.failed(f"pantau: {item if coded is None else f'{coded.doc}: {coded.error}'}")
                    continue
                progress.coded(len(coded.events), len(item.text) if isinstance(item, Article) else 0)
                if writer is not None:
                    for e in coded.events:
                        writer.writerow(to_csv_row(e))
                else:
                    sys.stdout.write(to_jsonl(coded.events))
                if store is not None and isinstance(item, Article):
                    try:
                        store.save(item, [to_record(e) for e in coded.events], version)
                    except StoreError as exc:  # this article is rolled back; the batch goes on
                        progress.failed(f"pantau: {exc}")
    except EngineError as exc:  # no engine to code on: nothing was coded
        print(f"pantau: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    sys.stdout.flush()
    if store is not None:
        store.close()
    if progress.failures:
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

    from pantau.store.db import StoreError

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
    scaling: Annotated[bool, typer.Option(help="Also time a Dask LocalCluster of 1 and 2 workers")] = False,
) -> None:
    """Measure articles/s per core, MB/s, start-up, memory per worker, time per stage and the regex floor."""
    from pantau import bench as benchmark

    res = Resources.load()
    articles = [a for a in read_paths(list(paths)) if isinstance(a, Article)][: limit or None]
    for line in benchmark.run(articles, _config(reference_date, False), res, scaling=scaling).lines():
        print(line)


register(app)
service_commands.register(app)


def main() -> None:
    """Entry point of the `pantau` command."""
    app()


if __name__ == "__main__":
    main()
