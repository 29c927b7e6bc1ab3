"""The pantau store: articles, their reports (coded event records) and the incidents reports tell.

SQLite (a file, WAL journal with synchronous=NORMAL, the default `pantau.db`) or PostgreSQL (psycopg 3),
through SQLAlchemy 2.x Core rather than the ORM: the pipeline already has its own frozen dataclasses and the
store's unit of exchange is the SPEC record (a plain dict), so ORM classes would be a third, mutable copy of
the same data.
Core gives explicit, portable statements (no ``INSERT OR REPLACE``/``ON CONFLICT``); the two dialects
differ only in the full-text filter and in PostgreSQL's advisory lock. The schema is applied by Alembic
migrations (store.migrate) every time a store is opened.

One transaction per article: the article row, the removal of its earlier reports, the new reports, and the
incident links they make or break are committed together or not at all. So a batch killed at any instant
leaves every article either fully stored or absent, and a rerun (which skips articles already stored with
the same text hash and lexicon version) ends with each article stored once. Linking takes PostgreSQL's
transaction-level advisory lock, so two ingests into one server cannot both found the same incident.

An event id is unique store-wide, so a record whose event_id is already held by another article moves to
this one (last write wins). Any failure rolls back that article's transaction only and is raised as
StoreError naming the article and the reason.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from types import TracebackType
from typing import Any

from sqlalchemy import (
    Engine,
    Integer,
    and_,
    column,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    or_,
    select,
    text,
    true,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql import ColumnElement, Select

from pantau.extract.claims import CasualtyLexicon
from pantau.model import Article, iso_date
from pantau.store import incidents as inc
from pantau.store.migrate import MigrationError, upgrade
from pantau.store.schema import articles, incidents, reports, runs

DEFAULT_URL = "sqlite:///pantau.db"
# the key of PostgreSQL's advisory lock held while an article's reports are linked to incidents
_LINK_LOCK = 0x70616E74


class StoreError(ValueError):
    """A record could not be stored (bad record or database failure); nothing of that save was kept."""


def database_url(value: str | None) -> str:
    """A SQLAlchemy URL from what a user types: a file path, sqlite:///..., or postgresql://... (psycopg 3)."""
    if not value:
        return DEFAULT_URL
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{value}"


def _json_dumps(obj: Any) -> str:
    """Serialize JSON keeping Indonesian and Arabic text readable in the database."""
    return json.dumps(obj, ensure_ascii=False)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    """Turn on WAL journaling and foreign keys for every new SQLite connection (busy wait: the URL's ?timeout=)."""
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA journal_mode=WAL")
        # WAL's recommended level: a commit is in the WAL when it returns, so a killed pantau loses nothing;
        # only a power cut can drop the last commits (never corrupt the file), and a rerun codes them again
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
    finally:
        cur.close()


def _number(value: Any, name: str, where: str, kind: type) -> Any:
    """An optional int or float field, rejecting non-numbers so PostgreSQL and SQLite agree."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise StoreError(f"{where}: field {name!r} must be {'an integer' if kind is int else 'a number'}, "
                         f"got {value!r}")
    try:
        return kind(value)
    except ValueError as exc:
        raise StoreError(f"{where}: field {name!r} must be {'an integer' if kind is int else 'a number'}, "
                         f"got {value!r}") from exc


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _opt_date(value: Any, where: str) -> date | None:
    """The record's event_date ("YYYY-MM-DD" or null) as a date."""
    try:
        return iso_date(value)
    except ValueError as exc:
        raise StoreError(f"{where}: event_date {value!r} is not YYYY-MM-DD") from exc


def _first_source(sources: Any) -> str | None:
    return str(sources[0]) if isinstance(sources, list) and sources else None


def _reason(exc: SQLAlchemyError) -> str:
    """The database's own words for a failure, without SQLAlchemy's statement dump."""
    orig = getattr(exc, "orig", None) or exc
    return f"{type(orig).__name__}: {str(orig).strip().splitlines()[0] if str(orig).strip() else ''}"


def _mapping(value: Any, where: str, name: str) -> Mapping[str, Any]:
    """An object field of the record, or an empty mapping when null."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise StoreError(f"{where}: field {name!r} must be an object or null, got {value!r}")
    return value


def report_row(article: Article, record: Mapping[str, Any], index: int, version: str | None) -> dict[str, Any]:
    """The flat reports-table row of one SPEC record, validated."""
    where = f"article {article.article_id} ({article.doc}), record {index}"
    if not isinstance(record, Mapping):
        raise StoreError(f"{where}: a record must be a JSON object, got {type(record).__name__}")
    event_id = record.get("event_id")
    if not isinstance(event_id, str) or not event_id:
        raise StoreError(f"{where}: missing or empty event_id")
    where = f"{where} (event {event_id})"
    a1 = _mapping(record.get("actor1"), where, "actor1")
    a2 = _mapping(record.get("actor2"), where, "actor2")
    loc = _mapping(record.get("location"), where, "location")
    claims = record.get("claims") or []
    if not isinstance(claims, list):
        raise StoreError(f"{where}: field 'claims' must be a list, got {claims!r}")
    try:
        stored = json.loads(_json_dumps(dict(record)))
    except (TypeError, ValueError) as exc:
        raise StoreError(f"{where}: record is not JSON-serializable: {exc}") from exc
    i, f = int, float
    return {
        "event_id": event_id,
        "article_id": article.article_id,
        "lexicon_version": version,
        "doc": _opt_str(record.get("doc")) or article.doc,
        # the outlet that published it: the corpus's, else the one the pipeline read in the text (first source)
        "outlet": article.outlet or _first_source(record.get("sources")),
        "event_date": _opt_date(record.get("event_date"), where),
        "time_precision": _number(record.get("time_precision"), "time_precision", where, i),
        "disorder_type": _opt_str(record.get("disorder_type")),
        "event_type": _opt_str(record.get("event_type")),
        "sub_event_type": _opt_str(record.get("sub_event_type")),
        "actor1": _opt_str(a1.get("name")),
        "actor1_inter": _number(a1.get("inter"), "actor1.inter", where, i),
        "actor1_country": _opt_str(a1.get("country")),
        "actor2": _opt_str(a2.get("name")),
        "actor2_inter": _number(a2.get("inter"), "actor2.inter", where, i),
        "actor2_country": _opt_str(a2.get("country")),
        "interaction": _number(record.get("interaction"), "interaction", where, i),
        "country": _opt_str(loc.get("country")),
        "iso": _opt_str(loc.get("iso")),
        "admin1": _opt_str(loc.get("admin1")),
        "admin2": _opt_str(loc.get("admin2")),
        "location": _opt_str(loc.get("name")),
        "latitude": _number(loc.get("latitude"), "location.latitude", where, f),
        "longitude": _number(loc.get("longitude"), "location.longitude", where, f),
        "geo_precision": _number(loc.get("geo_precision"), "location.geo_precision", where, i),
        "fatalities": _number(record.get("fatalities"), "fatalities", where, i),
        "fatalities_low": _number(record.get("fatalities_low"), "fatalities_low", where, i),
        "fatalities_high": _number(record.get("fatalities_high"), "fatalities_high", where, i),
        "modality": _opt_str(record.get("modality")),
        "confidence": _number(record.get("confidence"), "confidence", where, f),
        "notes": _opt_str(record.get("notes")),
        "claims": stored.get("claims") or [],
        "record": stored,
    }


@dataclass(frozen=True)
class Filters:
    """What `pantau events` selects: by place, time, type, actor, toll and the articles' text."""

    country: str | None = None  # name or ISO3
    admin1: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None  # a substring of either actor, case-insensitive
    min_fatalities: int | None = None
    text: str | None = None  # full-text query over the articles (all words)
    doc: str | None = None
    article_id: str | None = None  # the reports of one article (or the incidents they are part of)
    limit: int | None = None
    offset: int | None = None  # skip this many rows (a page of the API)


class Store:
    """A database of articles, their reports and incidents."""

    def __init__(self, engine: Engine, rules: inc.MergeRules | None = None,
                 casualties: CasualtyLexicon | None = None) -> None:
        """Wrap an engine whose schema is current; use Store.open instead."""
        self._engine = engine
        self._rules = rules or inc.MergeRules()
        self._casualties = casualties

    @classmethod
    def open(cls, url: str | None = None, rules: inc.MergeRules | None = None,
             casualties: CasualtyLexicon | None = None) -> Store:
        """Connect to a database (path or URL; default pantau.db) and bring its schema to this version."""
        full = database_url(url)
        try:
            engine = create_engine(full, json_serializer=_json_dumps, pool_pre_ping=True)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot open store {url!r}: {exc}") from exc
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_on_connect)
        try:
            upgrade(engine)
        except (SQLAlchemyError, MigrationError) as exc:
            engine.dispose()
            raise StoreError(f"cannot open store {engine.url.render_as_string(hide_password=True)}: {exc}") from exc
        return cls(engine, rules, casualties)

    @property
    def engine(self) -> Engine:
        """The underlying SQLAlchemy engine."""
        return self._engine

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql"."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        """Use the store as a context manager that closes it on exit."""
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Close the store."""
        self.close()

    def _lexicon(self) -> CasualtyLexicon:
        """The casualty lexicon the incidents' fatalities need (loaded on first use)."""
        if self._casualties is None:
            self._casualties = CasualtyLexicon.load("id")
        return self._casualties

    # ---- writing -------------------------------------------------------------------------------------------

    def save(self, article: Article, records: Sequence[Mapping[str, Any]], lexicon_version: str | None = None) -> int:
        """Store an article and its event records in one transaction, replacing earlier ones; link incidents."""
        rows = [report_row(article, rec, i, lexicon_version) for i, rec in enumerate(records)]
        ids = [r["event_id"] for r in rows]
        if len(set(ids)) != len(ids):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            raise StoreError(f"article {article.article_id} ({article.doc}): duplicate event_id {dupes}")
        now = datetime.now(UTC)
        art = {
            "doc": article.doc, "url": article.url, "title": article.title, "outlet": article.outlet,
            "published": article.published, "crawled": article.crawled, "text": article.text,
            "lexicon_version": lexicon_version, "coded_at": now,
        }
        try:
            with self._engine.begin() as conn:
                self._lock(conn)
                res = conn.execute(update(articles).where(articles.c.article_id == article.article_id).values(**art))
                new = res.rowcount == 0
                if new:
                    conn.execute(insert(articles).values(article_id=article.article_id, added_at=now, **art))
                if not new or ids:  # a new article with no events has nothing to replace (most of a corpus)
                    gone = reports.c.article_id == article.article_id
                    if ids:
                        gone = or_(gone, reports.c.event_id.in_(ids))
                    affected = self._unlink(conn, gone)
                    conn.execute(delete(reports).where(gone))
                    if rows:
                        conn.execute(insert(reports), rows)
                    self._reform(conn, affected)
                    self._link(conn, ids)
        except SQLAlchemyError as exc:
            raise StoreError(f"article {article.article_id} ({article.doc}) not stored: {_reason(exc)}") from exc
        return len(rows)

    def remove_article(self, article_id: str) -> bool:
        """Delete an article and its reports; the incidents they were part of are formed again without them."""
        try:
            with self._engine.begin() as conn:
                self._lock(conn)
                gone = reports.c.article_id == article_id
                affected = self._unlink(conn, gone)
                conn.execute(delete(reports).where(gone))
                res = conn.execute(delete(articles).where(articles.c.article_id == article_id))
                self._reform(conn, affected)
        except SQLAlchemyError as exc:
            raise StoreError(f"article {article_id} not removed: {_reason(exc)}") from exc
        return bool(res.rowcount)

    def _lock(self, conn: Connection) -> None:
        """Serialize incident linking between writers (PostgreSQL; SQLite has one writer anyway)."""
        if self.dialect == "postgresql":
            conn.execute(select(func.pg_advisory_xact_lock(_LINK_LOCK)))

    def _unlink(self, conn: Connection, which: ColumnElement[bool]) -> set[int]:
        """The incidents of the selected reports (which are about to go)."""
        found = conn.scalars(select(reports.c.incident_id).where(which, reports.c.incident_id.is_not(None)))
        return set(found)

    def _reform(self, conn: Connection, incident_ids: set[int]) -> None:
        """Dissolve incidents and link their remaining reports again, in the order they were stored."""
        if not incident_ids:
            return
        members = list(conn.scalars(
            select(reports.c.event_id).where(reports.c.incident_id.in_(incident_ids))
            .join(articles, articles.c.article_id == reports.c.article_id)
            .order_by(articles.c.id, reports.c.event_id)
        ))
        conn.execute(update(reports).where(reports.c.incident_id.in_(incident_ids))
                     .values(incident_id=None, join_reason=None))
        conn.execute(delete(incidents).where(incidents.c.incident_id.in_(incident_ids)))
        self._link(conn, members)

    def _link(self, conn: Connection, event_ids: Sequence[str]) -> None:
        """Give each asserted report an incident: an existing one it matches, or a new one of its own."""
        for event_id in event_ids:
            row = conn.execute(select(reports).where(reports.c.event_id == event_id)).mappings().one()
            if row["event_type"] is None or (row["modality"] or "asserted") != "asserted":
                continue
            key = inc.key_of(dict(row))
            chosen = inc.best_incident(key, self._candidates(conn, key), self._rules)
            if chosen is None:
                incident_id = self._new_incident(conn)
                reason = "founds the incident"
            else:
                incident_id, reason = chosen
            conn.execute(update(reports).where(reports.c.event_id == event_id)
                         .values(incident_id=incident_id, join_reason=reason))
            self._refresh(conn, incident_id)

    def _candidates(self, conn: Connection, key: inc.ReportKey) -> dict[int, list[inc.ReportKey]]:
        """The incidents near the report in type and time, with their members' keys."""
        if key.event_date is None:
            return {}
        reach = timedelta(days=62)  # wider than any two overlapping periods (incidents.period)
        ids = select(incidents.c.incident_id).where(
            incidents.c.event_type == key.event_type,
            incidents.c.event_date.between(key.event_date - reach, key.event_date + reach),
        )
        if key.iso:
            ids = ids.where(or_(incidents.c.iso == key.iso, incidents.c.iso.is_(None)))
        found: dict[int, list[inc.ReportKey]] = {}
        for r in conn.execute(select(reports).where(reports.c.incident_id.in_(ids))).mappings():
            found.setdefault(r["incident_id"], []).append(inc.key_of(dict(r)))
        return found

    def _new_incident(self, conn: Connection) -> int:
        """An empty incident row (filled by _refresh) and its id."""
        res = conn.execute(insert(incidents).values(
            event_type="", fatalities=0, fatalities_low=0, fatalities_high=0, sources=[], outlets=[], notes="",
            n_reports=0, updated_at=datetime.now(UTC)))
        pk = res.inserted_primary_key
        if pk is None or pk[0] is None:
            raise StoreError("incident id was not returned by the database")
        return int(pk[0])

    def _refresh(self, conn: Connection, incident_id: int) -> None:
        """Recompute an incident's record from all its reports."""
        members = [dict(r) for r in conn.execute(
            select(reports).where(reports.c.incident_id == incident_id).order_by(reports.c.event_id)).mappings()]
        values = inc.summarize(members, self._lexicon())
        conn.execute(update(incidents).where(incidents.c.incident_id == incident_id)
                     .values(updated_at=datetime.now(UTC), **values))

    # ---- reading -------------------------------------------------------------------------------------------

    def is_current(self, article_id: str, lexicon_version: str) -> bool:
        """True when the article is stored, coded by this lexicon version."""
        with self._engine.connect() as conn:
            return bool(conn.scalar(select(exists().where(
                articles.c.article_id == article_id, articles.c.lexicon_version == lexicon_version))))

    def stale(self, lexicon_version: str) -> Iterator[Article]:
        """The stored articles coded by another lexicon version, as articles to code again."""
        q = (select(articles).where(or_(articles.c.lexicon_version != lexicon_version,
                                        articles.c.lexicon_version.is_(None)))
             .order_by(articles.c.id))
        with self._engine.connect() as conn:
            rows = [r for r in conn.execute(q).mappings()]
        for r in rows:
            yield Article(doc=r["doc"], text=r["text"], article_id=r["article_id"], url=r["url"], title=r["title"],
                          outlet=r["outlet"], published=r["published"], crawled=r["crawled"])

    def _text_match(self, article_id: Any, query: str) -> ColumnElement[bool]:
        """Articles whose title or text hold every word of the query (FTS5 or PostgreSQL full text)."""
        words = [w for w in query.replace('"', " ").split() if w]
        if not words:  # only quotes or spaces: no word to require (FTS5 would reject an empty query)
            return true()
        if self.dialect == "sqlite":
            fts = " ".join(f'"{w}"' for w in words)
            ids = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q").bindparams(q=fts)
            art = select(articles.c.article_id).where(articles.c.id.in_(ids.columns(column("rowid", Integer))))
        else:
            # the expression of the GIN index of migration 0001, so the planner uses it
            match = text("to_tsvector('simple', coalesce(articles.title, '') || ' ' || articles.text) "
                         "@@ plainto_tsquery('simple', :q)").bindparams(q=" ".join(words))
            art = select(articles.c.article_id).where(match)
        return article_id.in_(art)

    def _filtered(self, q: Select[Any], table: Any, flt: Filters, per_report: bool) -> Select[Any]:
        """Add the filters to a query over reports or incidents."""
        c = table.c
        conds: list[ColumnElement[bool]] = []
        if flt.country:
            conds.append(or_(func.lower(c.country) == flt.country.lower(), c.iso == flt.country.upper()))
        if flt.admin1:
            conds.append(func.lower(c.admin1) == flt.admin1.lower())
        if flt.since:
            conds.append(c.event_date >= flt.since)
        if flt.until:
            conds.append(c.event_date <= flt.until)
        if flt.event_type:
            conds.append(func.lower(c.event_type) == flt.event_type.lower())
        if flt.actor:
            pat = f"%{flt.actor.lower()}%"
            conds.append(or_(func.lower(c.actor1).like(pat), func.lower(c.actor2).like(pat)))
        if flt.min_fatalities is not None:
            conds.append(c.fatalities >= flt.min_fatalities)
        if flt.doc:
            conds.append(c.doc == flt.doc if per_report else c.incident_id.in_(
                select(reports.c.incident_id).where(reports.c.doc == flt.doc)))
        if flt.article_id:
            conds.append(c.article_id == flt.article_id if per_report else c.incident_id.in_(
                select(reports.c.incident_id).where(reports.c.article_id == flt.article_id)))
        if flt.text:
            if per_report:
                conds.append(self._text_match(c.article_id, flt.text))
            else:
                conds.append(c.incident_id.in_(select(reports.c.incident_id).where(
                    self._text_match(reports.c.article_id, flt.text))))
        q = q.where(and_(*conds)) if conds else q
        q = q.order_by(c.event_date.asc().nulls_last(), c.event_id if per_report else c.incident_id)
        q = q.limit(flt.limit) if flt.limit is not None else q
        return q.offset(flt.offset) if flt.offset else q

    def facets(self) -> dict[str, list[str]]:
        """The distinct countries, first-level units and event types of the stored incidents (for filter menus)."""
        out: dict[str, list[str]] = {}
        with self._engine.connect() as conn:
            for name in ("country", "admin1", "event_type"):
                col = incidents.c[name]
                out[name] = [v for v in conn.scalars(select(col).where(col.is_not(None), col != "")
                                                      .distinct().order_by(col))]
        return out

    def count(self, flt: Filters | None = None, per_report: bool = False) -> int:
        """How many incidents (or reports) match the filters, ignoring limit and offset."""
        table = reports if per_report else incidents
        key = table.c.event_id if per_report else table.c.incident_id
        inner = self._filtered(select(key), table, replace(flt or Filters(), limit=None, offset=None), per_report)
        with self._engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(inner.order_by(None).subquery())) or 0)

    def incident_points(self, flt: Filters | None = None) -> list[tuple[Any, ...]]:
        """The placed incidents matching the filters as compact rows for a map.

        Each row is (incident_id, latitude, longitude, event_type, fatalities, event_date), without the
        per-incident member lookups of Store.incidents, so tens of thousands come back in one query.
        """
        c = incidents.c
        q = self._filtered(select(c.incident_id, c.latitude, c.longitude, c.event_type, c.fatalities, c.event_date)
                           .where(c.latitude.is_not(None), c.longitude.is_not(None)),
                           incidents, flt or Filters(), per_report=False)
        with self._engine.connect() as conn:
            return [tuple(r) for r in conn.execute(q)]

    def reports(self, flt: Filters | None = None) -> list[dict[str, Any]]:
        """The stored reports (rows with their record and incident) matching the filters."""
        q = self._filtered(select(reports), reports, flt or Filters(), per_report=True)
        with self._engine.connect() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def incidents(self, flt: Filters | None = None) -> list[dict[str, Any]]:
        """The incidents matching the filters, each with its reports' event and article ids."""
        q = self._filtered(select(incidents), incidents, flt or Filters(), per_report=False)
        with self._engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(q).mappings()]
            ids = [r["incident_id"] for r in rows]
            members: dict[int, list[Any]] = {}
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                cols = (reports.c.incident_id, reports.c.event_id, reports.c.article_id, reports.c.outlet,
                        reports.c.claims)
                for m in conn.execute(select(*cols).where(reports.c.incident_id.in_(part))
                                      .order_by(reports.c.event_id)):
                    members.setdefault(m.incident_id, []).append(m)
        for r in rows:
            got = members.get(r["incident_id"], [])
            r["event_ids"] = [m.event_id for m in got]
            r["article_ids"] = sorted({m.article_id for m in got})
            # every claim of every report, with the report and outlet that carried it
            r["claims"] = [{**c, "report": m.event_id, "outlet": m.outlet} for m in got for c in m.claims or []]
        return rows

    def incident(self, incident_id: int) -> dict[str, Any] | None:
        """One incident with its member reports (outlet, doc, date, place, actors, fatalities, why it joined)."""
        with self._engine.connect() as conn:
            row = conn.execute(select(incidents).where(incidents.c.incident_id == incident_id)).mappings().first()
            if row is None:
                return None
            members = [dict(m) for m in conn.execute(
                select(reports, articles.c.title, articles.c.published)
                .join(articles, articles.c.article_id == reports.c.article_id)
                .where(reports.c.incident_id == incident_id).order_by(articles.c.id, reports.c.event_id)).mappings()]
        return {**dict(row), "reports": members}

    def events(self, doc: str | None = None, event_type: str | None = None, country: str | None = None,
               since: date | None = None, until: date | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """The stored report records matching the filters, by event_date (undated last) then event_id."""
        flt = Filters(doc=doc, event_type=event_type, country=country, since=since, until=until, limit=limit)
        return [r["record"] for r in self.reports(flt)]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article row as a dict, or None."""
        with self._engine.connect() as conn:
            row = conn.execute(select(articles).where(articles.c.article_id == article_id)).first()
        return None if row is None else dict(row._mapping)

    def _count(self, table: Any) -> int:
        with self._engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(table)) or 0)

    def articles_count(self) -> int:
        """How many articles are stored."""
        return self._count(articles)

    def events_count(self) -> int:
        """How many reports (coded events, one article each) are stored."""
        return self._count(reports)

    def incidents_count(self) -> int:
        """How many incidents the reports form."""
        return self._count(incidents)

    # ---- runs ----------------------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], lexicon_version: str | None = None) -> int:
        """Record the start of a run and return its id."""
        with self._engine.begin() as conn:
            res = conn.execute(insert(runs).values(started=datetime.now(UTC), inputs=list(inputs),
                                                   lexicon_version=lexicon_version))
            pk = res.inserted_primary_key
        if pk is None or pk[0] is None:
            raise StoreError("run id was not returned by the database")
        return int(pk[0])

    def finish_run(self, run_id: int, counts: Mapping[str, int]) -> None:
        """Record the end of a run and its counts (documents, events, errors...)."""
        with self._engine.begin() as conn:
            res = conn.execute(update(runs).where(runs.c.run_id == run_id)
                               .values(finished=datetime.now(UTC), counts=dict(counts)))
            if res.rowcount == 0:
                raise StoreError(f"no run {run_id}")

    def runs(self) -> list[dict[str, Any]]:
        """All recorded runs, oldest first."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(runs).order_by(runs.c.run_id)).all()
        return [dict(r._mapping) for r in rows]
