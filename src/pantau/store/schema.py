"""The tables of the pantau store: articles, reports (one per event an article tells), incidents, runs.

A *report* is one event record coded from one article; an *incident* is what several reports of different
articles tell (store.incidents decides which). Reports keep their flat ACLED columns for filtering and the
full SPEC record as JSON; claims are JSON too, so a richer claimant (SPEC's {name, type, text}) needs no
migration. Only portable SQLAlchemy types are used, so one metadata describes SQLite and PostgreSQL alike.

These Table objects are what the store's statements are built from; the DDL itself lives in the Alembic
migrations of store/migrations (schema versions are migrations, never ``metadata.create_all``), and
tests/test_store.py checks that the migrated schema has exactly these columns.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _place_columns() -> list[Column]:
    """The ACLED place of an incident or a report below its country, in the order of the migrations: a new set
    for each table (a Column belongs to one table)."""
    return [
        Column("admin1", String(255)),
        Column("admin2", String(255)),
        Column("location", Text),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("geo_precision", Integer),
    ]


def _side_columns(n: int) -> list[Column]:
    """A report's actor n (1 or 2): name, ACLED inter code and country."""
    return [Column(f"actor{n}", Text), Column(f"actor{n}_inter", Integer), Column(f"actor{n}_country", String(3))]


def _fatality_columns(nullable: bool) -> list[Column]:
    """The conservative toll and its range (an incident always has one; a report of no harm may not)."""
    return [Column(name, Integer, nullable=nullable) for name in ("fatalities", "fatalities_low", "fatalities_high")]


articles = Table(
    "articles",
    metadata,
    # an integer rowid of its own so SQLite's FTS5 index (articles_fts, external content) can point at it
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), nullable=False, unique=True),  # hash of the text (model.text_hash)
    Column("doc", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(255)),
    Column("published", Date),
    Column("crawled", Date),
    Column("text", Text, nullable=False),
    Column("lexicon_version", String(64)),  # the version that coded it; recode finds older ones
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("coded_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_lexicon_version", "lexicon_version"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", Integer, primary_key=True, autoincrement=True),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("disorder_type", String(64)),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64)),
    Column("actor1", Text),
    Column("assoc_actor_1", JSON),
    Column("inter1", Integer),
    Column("actor2", Text),
    Column("assoc_actor_2", JSON),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", Boolean),
    Column("iso", String(3)),
    Column("country", String(128)),
    *_place_columns(),
    *_fatality_columns(nullable=False),
    Column("sources", JSON, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("notes", Text, nullable=False),
    Column("n_reports", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    *(Index(f"ix_incidents_{c}", c) for c in ("event_date", "event_type", "country", "iso", "admin1")),
)

reports = Table(
    "reports",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("incident_id", Integer, ForeignKey("incidents.incident_id", ondelete="SET NULL")),
    Column("join_reason", Text),  # why it joined its incident (store.incidents.explain)
    Column("lexicon_version", String(64)),
    Column("doc", Text, nullable=False),
    Column("outlet", String(255)),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("disorder_type", String(64)),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    *_side_columns(1),
    *_side_columns(2),
    Column("interaction", Integer),
    Column("country", String(128)),
    Column("iso", String(3)),
    *_place_columns(),
    *_fatality_columns(nullable=True),
    Column("modality", String(32)),
    Column("confidence", Float),
    Column("notes", Text),
    Column("claims", JSON, nullable=False),
    Column("record", JSON, nullable=False),
    CheckConstraint("fatalities IS NULL OR fatalities >= 0", name="ck_reports_fatalities"),
    CheckConstraint("latitude IS NULL OR (latitude >= -90 AND latitude <= 90)", name="ck_reports_latitude"),
    CheckConstraint("longitude IS NULL OR (longitude >= -180 AND longitude <= 180)", name="ck_reports_longitude"),
    *(Index(f"ix_reports_{c}", c) for c in ("article_id", "incident_id", "event_date", "event_type", "country", "doc")),
)

runs = Table(
    "runs",
    metadata,
    Column("run_id", Integer, primary_key=True, autoincrement=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("inputs", JSON, nullable=False),
    Column("counts", JSON),
    Column("lexicon_version", String(64)),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("token_id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(128), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # SHA-256 hex of the token, never the token
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Index("ix_api_tokens_name", "name"),
)
