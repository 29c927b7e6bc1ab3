"""The pantau store: articles and their SPEC.md event records in SQLite (default) or PostgreSQL.

Built on SQLAlchemy 2.x Core rather than the ORM: the pipeline already has its own frozen dataclasses
and the store's unit of exchange is the SPEC record (a plain dict), so ORM classes would be a third,
mutable copy of the same data with identity-map and session-state machinery we never use. Core gives
explicit, portable statements (no dialect-specific SQL, no ``INSERT OR REPLACE``/``ON CONFLICT``) and
one obvious transaction per saved article via ``engine.begin()``.

Saving is idempotent by delete-then-insert inside one transaction: the article row is updated or
inserted, the article's previous events are deleted, and the new ones inserted. An event id is unique
store-wide, so a record whose event_id is already held by another article moves to this one (last
write wins). Any failure rolls back that article's transaction only and is raised as StoreError.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from pantau.model import Article
from pantau.store.schema import articles, events, metadata, runs


class StoreError(ValueError):
    """A record could not be stored (bad record or database failure); nothing of that save was kept."""


def _json_dumps(obj: Any) -> str:
    """Serialize JSON keeping Indonesian and Arabic text readable in the database."""
    return json.dumps(obj, ensure_ascii=False)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    """Turn on WAL journaling and foreign keys for every new SQLite connection."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
    finally:
        cur.close()


def _opt_int(value: Any, name: str, where: str) -> int | None:
    """An optional integer field, rejecting non-numbers so PostgreSQL and SQLite agree."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise StoreError(f"{where}: field {name!r} must be an integer, got {value!r}")
    try:
        return int(value)
    except ValueError as exc:
        raise StoreError(f"{where}: field {name!r} must be an integer, got {value!r}") from exc


def _opt_float(value: Any, name: str, where: str) -> float | None:
    """An optional float field."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise StoreError(f"{where}: field {name!r} must be a number, got {value!r}")
    try:
        return float(value)
    except ValueError as exc:
        raise StoreError(f"{where}: field {name!r} must be a number, got {value!r}") from exc


def _opt_str(value: Any) -> str | None:
    """An optional string field."""
    return None if value is None else str(value)


def _opt_date(value: Any, where: str) -> date | None:
    """The record's event_date ("YYYY-MM-DD" or null) as a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise StoreError(f"{where}: event_date {value!r} is not YYYY-MM-DD") from exc


def _actor(value: Any, where: str, name: str) -> Mapping[str, Any]:
    """An actor object of the record, or an empty mapping when null."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise StoreError(f"{where}: field {name!r} must be an object or null, got {value!r}")
    return value


def _event_row(article: Article, record: Mapping[str, Any], index: int) -> dict[str, Any]:
    """The flat events-table row of one SPEC record, validated."""
    where = f"article {article.article_id} ({article.doc}), record {index}"
    if not isinstance(record, Mapping):
        raise StoreError(f"{where}: a record must be a JSON object, got {type(record).__name__}")
    event_id = record.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        raise StoreError(f"{where}: missing or empty event_id")
    where = f"{where} (event {event_id})"
    a1 = _actor(record.get("actor1"), where, "actor1")
    a2 = _actor(record.get("actor2"), where, "actor2")
    loc = record.get("location") or {}
    if not isinstance(loc, Mapping):
        raise StoreError(f"{where}: field 'location' must be an object or null, got {loc!r}")
    try:
        stored = json.loads(_json_dumps(dict(record)))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{where}: record is not JSON-serializable: {exc}") from exc
    return {
        "event_id": event_id,
        "article_id": article.article_id,
        "doc": _opt_str(record.get("doc")) or article.doc,
        "event_date": _opt_date(record.get("event_date"), where),
        "time_precision": _opt_int(record.get("time_precision"), "time_precision", where),
        "disorder_type": _opt_str(record.get("disorder_type")),
        "event_type": _opt_str(record.get("event_type")),
        "sub_event_type": _opt_str(record.get("sub_event_type")),
        "actor1": _opt_str(a1.get("name")),
        "actor1_inter": _opt_int(a1.get("inter"), "actor1.inter", where),
        "actor1_country": _opt_str(a1.get("country")),
        "actor2": _opt_str(a2.get("name")),
        "actor2_inter": _opt_int(a2.get("inter"), "actor2.inter", where),
        "actor2_country": _opt_str(a2.get("country")),
        "interaction": _opt_int(record.get("interaction"), "interaction", where),
        "country": _opt_str(loc.get("country")),
        "iso": _opt_str(loc.get("iso")),
        "admin1": _opt_str(loc.get("admin1")),
        "admin2": _opt_str(loc.get("admin2")),
        "location": _opt_str(loc.get("name")),
        "latitude": _opt_float(loc.get("latitude"), "location.latitude", where),
        "longitude": _opt_float(loc.get("longitude"), "location.longitude", where),
        "geo_precision": _opt_int(loc.get("geo_precision"), "location.geo_precision", where),
        "fatalities": _opt_int(record.get("fatalities"), "fatalities", where),
        "fatalities_low": _opt_int(record.get("fatalities_low"), "fatalities_low", where),
        "fatalities_high": _opt_int(record.get("fatalities_high"), "fatalities_high", where),
        "modality": _opt_str(record.get("modality")),
        "confidence": _opt_float(record.get("confidence"), "confidence", where),
        "notes": _opt_str(record.get("notes")),
        "record": stored,
    }


class Store:
    """A database of articles and their coded events."""

    def __init__(self, engine: Engine) -> None:
        """Wrap an engine whose tables already exist; use Store.open instead."""
        self._engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to a database URL (e.g. "sqlite:///pantau.db"), creating tables if missing."""
        engine = create_engine(url, json_serializer=_json_dumps)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_on_connect)
        try:
            metadata.create_all(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"cannot open store {engine.url!r}: {exc}") from exc
        return cls(engine)

    @property
    def engine(self) -> Engine:
        """The underlying SQLAlchemy engine."""
        return self._engine

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        """Use the store as a context manager that closes it on exit."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    def save(self, article: Article, records: Sequence[Mapping[str, Any]]) -> int:
        """Store an article and its event records in one transaction, replacing earlier ones."""
        rows = [_event_row(article, rec, i) for i, rec in enumerate(records)]
        ids = [r["event_id"] for r in rows]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise StoreError(f"article {article.article_id} ({article.doc}): duplicate event_id {dupes}")
        art = {
            "doc": article.doc,
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published,
            "text": article.text,
        }
        try:
            with self._engine.begin() as conn:
                self._upsert_article(conn, article.article_id, art)
                conn.execute(delete(events).where(events.c.article_id == article.article_id))
                if ids:
                    conn.execute(delete(events).where(events.c.event_id.in_(ids)))
                    conn.execute(insert(events), rows)
        except SQLAlchemyError as exc:
            raise StoreError(f"article {article.article_id} ({article.doc}) not stored: {exc}") from exc
        return len(rows)

    @staticmethod
    def _upsert_article(conn: Connection, article_id: str, values: dict[str, Any]) -> None:
        """Update the article row, or insert it with added_at when it is new."""
        res = conn.execute(update(articles).where(articles.c.article_id == article_id).values(**values))
        if res.rowcount == 0:
            conn.execute(insert(articles).values(article_id=article_id, added_at=datetime.now(UTC), **values))

    def events(
        self,
        doc: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """The stored records matching the filters, by event_date (undated last) then event_id."""
        q = select(events.c.record)
        if doc is not None:
            q = q.where(events.c.doc == doc)
        if event_type is not None:
            q = q.where(events.c.event_type == event_type)
        if country is not None:
            q = q.where(or_(events.c.country == country, events.c.iso == country))
        if since is not None:
            q = q.where(events.c.event_date >= since)
        if until is not None:
            q = q.where(events.c.event_date <= until)
        q = q.order_by(events.c.event_date.asc().nulls_last(), events.c.event_id.asc())
        if limit is not None:
            q = q.limit(limit)
        with self._engine.connect() as conn:
            return [dict(r) for r in conn.scalars(q)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article row as a dict, or None."""
        with self._engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.article_id == article_id)).first()
        return None if row is None else dict(row._mapping)

    def articles_count(self) -> int:
        """How many articles are stored."""
        with self._engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(articles)) or 0)

    def events_count(self) -> int:
        """How many events are stored."""
        with self._engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(events)) or 0)

    def start_run(self, inputs: Sequence[str], lexicon_version: str | None = None) -> int:
        """Record the start of an extraction run and return its id."""
        with self._engine.begin() as conn:
            res = conn.execute(
                insert(runs).values(
                    started=datetime.now(UTC), inputs=list(inputs), lexicon_version=lexicon_version
                )
            )
            pk = res.inserted_primary_key
        if pk is None or pk[0] is None:
            raise StoreError("run id was not returned by the database")
        return int(pk[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Record the end of a run and its counts (documents, events, errors...)."""
        with self._engine.begin() as conn:
            res = conn.execute(
                update(runs)
                .where(runs.c.run_id == run_id)
                .values(finished=datetime.now(UTC), counts=dict(counts))
            )
            if res.rowcount == 0:
                raise StoreError(f"no run {run_id}")

    def runs(self) -> list[dict[str, Any]]:
        """All recorded runs, oldest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(runs).order_by(runs.c.run_id)).all()
        return [dict(r._mapping) for r in rows]
