"""Storage of articles and their coded event records (SQLite by default, PostgreSQL-ready)."""

from pantau.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
