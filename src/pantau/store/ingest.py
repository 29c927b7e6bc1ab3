"""Crash-safe, idempotent ingest: code articles into the store, each in its own transaction.

An article already stored with the same text hash (its article_id) and the same lexicon version is not
coded again; anything else is coded and saved in one transaction (Store.save), so a batch killed at any
instant and run again ends with every article stored exactly once. One article's failure (unreadable,
coding crashed, a record the database rejects, a connection lost) is reported with its name and reason,
its transaction is rolled back, and the batch goes on; the store's connection pool pings before reuse, so
the next article gets a fresh connection after the server went away.

The coder is passed in (pipeline.extract_events plus store.records.to_record in the CLI), so this module
does not import the pipeline and the store stays below it in the import order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pantau.ingest import ReadError
from pantau.model import Article
from pantau.store.db import Store, StoreError

Coder = Callable[[Article], Sequence[Mapping[str, Any]]]


@dataclass
class IngestStats:
    """What one ingest or recode run did."""

    read: int = 0
    stored: int = 0  # articles coded and stored by this run
    reports: int = 0  # reports those articles hold
    skipped: int = 0  # already stored with this lexicon version
    errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The counts for the runs table."""
        return {"read": self.read, "stored": self.stored, "reports": self.reports, "skipped": self.skipped,
                "errors": len(self.errors)}

    def summary(self) -> str:
        """One line for the user."""
        return (f"{self.read} articles read: {self.stored} coded and stored ({self.reports} reports), "
                f"{self.skipped} skipped (already stored with this lexicon version), {len(self.errors)} failed")


def _store_one(store: Store, article: Article, code: Coder, version: str, stats: IngestStats,
               on_error: Callable[[str], None]) -> None:
    """Code and save one article, recording a failure instead of raising."""
    try:
        records = code(article)
    except Exception as exc:  # one article's crash must not stop the batch
        msg = f"{article.doc}: coding failed: {type(exc).__name__}: {exc}"
        stats.errors.append(msg)
        on_error(msg)
        return
    try:
        stats.reports += store.save(article, records, version)
        stats.stored += 1
    except StoreError as exc:
        msg = f"{article.doc}: {exc}"
        stats.errors.append(msg)
        on_error(msg)


def ingest(store: Store, items: Iterable[Article | ReadError], code: Coder, version: str,
           on_error: Callable[[str], None] = lambda _m: None, inputs: Sequence[str] = ()) -> IngestStats:
    """Code and store every article not already stored with this lexicon version; returns the counts."""
    stats = IngestStats()
    run_id = store.start_run(list(inputs), version)
    for item in items:
        if isinstance(item, ReadError):
            stats.errors.append(str(item))
            on_error(str(item))
            continue
        stats.read += 1
        try:
            current = store.is_current(item.article_id, version)
        except Exception as exc:  # the database is unreachable right now: this article fails, the next tries again
            msg = f"{item.doc}: store unavailable: {type(exc).__name__}: {exc}"
            stats.errors.append(msg)
            on_error(msg)
            continue
        if current:
            stats.skipped += 1
            continue
        _store_one(store, item, code, version, stats, on_error)
    _finish(store, run_id, stats, on_error)
    return stats


def recode(store: Store, code: Coder, version: str, on_error: Callable[[str], None] = lambda _m: None) -> IngestStats:
    """Code again every stored article coded by another lexicon version."""
    stats = IngestStats()
    run_id = store.start_run(["recode"], version)
    for article in store.stale(version):
        stats.read += 1
        _store_one(store, article, code, version, stats, on_error)
    _finish(store, run_id, stats, on_error)
    return stats


def _finish(store: Store, run_id: int, stats: IngestStats, on_error: Callable[[str], None]) -> None:
    """Record the run's counts; a store gone away by then costs the record, not the articles."""
    try:
        store.finish_run(run_id, stats.counts())
    except Exception as exc:
        on_error(f"run {run_id} not recorded: {exc}")
