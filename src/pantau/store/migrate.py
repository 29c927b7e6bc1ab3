"""Schema versions: Alembic migrations shipped in pantau/store/migrations, applied to an open engine.

Alembic rather than a hand-written version table: it records the version in `alembic_version`, runs each
migration in its own transaction, and handles SQLite's limited ALTER TABLE by batch copies. The
configuration is built here in code (script location inside the installed package, the engine's own
connection), so no alembic.ini has to be found next to the user's database.
"""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect


class MigrationError(RuntimeError):
    """The database's schema cannot be brought to this pantau's version."""


def _config() -> Config:
    """Alembic's configuration pointing at the migrations inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("pantau.store") / "migrations"))
    return cfg


def head() -> str:
    """The newest schema version this pantau knows."""
    rev = ScriptDirectory.from_config(_config()).get_current_head()
    if rev is None:
        raise MigrationError("pantau ships no schema migrations")
    return rev


def current(engine: Engine) -> str | None:
    """The schema version the database is at (None: no pantau schema yet)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the database's schema to the newest version; returns (before, after)."""
    before = current(engine)
    if before is None and "events" in inspect(engine).get_table_names():
        # a store written before schema versions existed (its events table is the old layout)
        raise MigrationError(
            "this database was created by a pantau without schema versions; "
            "ingest into a new database (its articles can be re-coded from their sources)"
        )
    if before == head():
        return before, before
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return before, head()
