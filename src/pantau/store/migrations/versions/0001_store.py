"""The first schema: articles (with full-text search), incidents, reports, runs.

Written out in full rather than from pantau.store.schema so that this version stays what it was when later
versions change the tables. Full-text search is dialect-specific: an FTS5 table with external content and
three triggers on SQLite (Datasette finds it and offers search on `articles`), a GIN expression index on
PostgreSQL that store.db's `--text` filter matches with the same expression.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)

# PostgreSQL's document of an article: the same expression in the index and in store.db's queries.
PG_TSVECTOR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"

_SQLITE_FTS = [
    # content="articles" in double quotes: the spelling Datasette looks for to offer search on articles
    'CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content="articles", content_rowid="id")',
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
]


def _place_columns() -> list[sa.Column]:
    """The location columns shared by reports and incidents."""
    return [
        sa.Column("iso", sa.String(3)),
        sa.Column("country", sa.String(128)),
        sa.Column("admin1", sa.String(255)),
        sa.Column("admin2", sa.String(255)),
        sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
    ]


def upgrade() -> None:
    """Create the tables, their indexes and the full-text index."""
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.String(64), nullable=False, unique=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String(255)),
        sa.Column("published", sa.Date),
        sa.Column("crawled", sa.Date),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("lexicon_version", sa.String(64)),
        sa.Column("added_at", _TZ, nullable=False),
        sa.Column("coded_at", _TZ, nullable=False),
    )
    op.create_index("ix_articles_lexicon_version", "articles", ["lexicon_version"])
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("disorder_type", sa.String(64)),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("actor1", sa.Text),
        sa.Column("assoc_actor_1", sa.JSON),
        sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.Text),
        sa.Column("assoc_actor_2", sa.JSON),
        sa.Column("inter2", sa.Integer),
        sa.Column("interaction", sa.Integer),
        sa.Column("civilian_targeting", sa.Boolean),
        *_place_columns(),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("fatalities_low", sa.Integer, nullable=False),
        sa.Column("fatalities_high", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("outlets", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("updated_at", _TZ, nullable=False),
    )
    for col in ("event_date", "event_type", "country", "iso", "admin1"):
        op.create_index(f"ix_incidents_{col}", "incidents", [col])
    op.create_table(
        "reports",
        sa.Column("event_id", sa.String(128), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("incident_id", sa.Integer, sa.ForeignKey("incidents.incident_id", ondelete="SET NULL")),
        sa.Column("join_reason", sa.Text),
        sa.Column("lexicon_version", sa.String(64)),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("outlet", sa.String(255)),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer),
        sa.Column("disorder_type", sa.String(64)),
        sa.Column("event_type", sa.String(64)),
        sa.Column("sub_event_type", sa.String(64)),
        sa.Column("actor1", sa.Text),
        sa.Column("actor1_inter", sa.Integer),
        sa.Column("actor1_country", sa.String(3)),
        sa.Column("actor2", sa.Text),
        sa.Column("actor2_inter", sa.Integer),
        sa.Column("actor2_country", sa.String(3)),
        sa.Column("interaction", sa.Integer),
        *_place_columns(),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("modality", sa.String(32)),
        sa.Column("confidence", sa.Float),
        sa.Column("notes", sa.Text),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.CheckConstraint("fatalities IS NULL OR fatalities >= 0", name="ck_reports_fatalities"),
        sa.CheckConstraint("latitude IS NULL OR (latitude >= -90 AND latitude <= 90)", name="ck_reports_latitude"),
        sa.CheckConstraint("longitude IS NULL OR (longitude >= -180 AND longitude <= 180)",
                           name="ck_reports_longitude"),
    )
    for col in ("article_id", "incident_id", "event_date", "event_type", "country", "doc"):
        op.create_index(f"ix_reports_{col}", "reports", [col])
    op.create_table(
        "runs",
        sa.Column("run_id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started", _TZ, nullable=False),
        sa.Column("finished", _TZ),
        sa.Column("inputs", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON),
        sa.Column("lexicon_version", sa.String(64)),
    )
    if op.get_bind().dialect.name == "sqlite":
        for stmt in _SQLITE_FTS:
            op.execute(stmt)
    else:
        op.execute(f"CREATE INDEX ix_articles_fts ON articles USING gin ({PG_TSVECTOR})")


def downgrade() -> None:
    """Drop everything this version created."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("runs", "reports", "incidents", "articles"):
        op.drop_table(table)
