"""Storage of articles and their coded event records: SQLite by default, PostgreSQL for teams (store/db.py).

The names below load on first use: importing a light module of this package (records, export) must not pull
in SQLAlchemy and Alembic, which cost a third of a second of every command's start-up.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Store", "StoreError"]


def __getattr__(name: str) -> Any:
    """Store and StoreError from store.db, imported when first asked for."""
    if name in __all__:
        from pantau.store import db

        return getattr(db, name)
    raise AttributeError(f"module 'pantau.store' has no attribute {name!r}")
