"""The tables of the pantau store: articles, events (flat ACLED columns plus the full record), runs.

Only portable SQLAlchemy types are used (String, Text, Integer, Float, Date, DateTime, JSON), so the
same metadata creates the same schema on SQLite and PostgreSQL. The full record is kept in a plain
``sqlalchemy.JSON`` column (``json`` on PostgreSQL, not ``jsonb``) so it round-trips with its key order.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
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

articles = Table(
    "articles",
    metadata,
    Column("article_id", String(64), primary_key=True),
    Column("doc", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String(255)),
    Column("published", Date),
    Column("text", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(128), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("doc", Text, nullable=False),
    Column("event_date", Date),
    Column("time_precision", Integer),
    Column("disorder_type", String(64)),
    Column("event_type", String(64)),
    Column("sub_event_type", String(64)),
    Column("actor1", Text),
    Column("actor1_inter", Integer),
    Column("actor1_country", String(3)),
    Column("actor2", Text),
    Column("actor2_inter", Integer),
    Column("actor2_country", String(3)),
    Column("interaction", Integer),
    Column("country", String(128)),
    Column("iso", String(3)),
    Column("admin1", String(255)),
    Column("admin2", String(255)),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("modality", String(32)),
    Column("confidence", Float),
    Column("notes", Text),
    Column("record", JSON, nullable=False),
    Index("ix_events_article_id", "article_id"),
    Index("ix_events_event_date", "event_date"),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_country", "country"),
    Index("ix_events_doc", "doc"),
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
