"""Alembic's environment for the pantau store: migrations run on the connection pantau.store.migrate hands in.

There is no alembic.ini and no URL here: the store opens the database (SQLite or PostgreSQL) and passes its
connection through ``config.attributes["connection"]``, so one code path serves `pantau db upgrade`, the
upgrade on every start, and the tests.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
