"""The store's schema versions as Alembic migrations (applied by pantau.store.migrate)."""
