"""Fixtures shared by the test files: the language resources and the gazetteer, loaded once per session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pantau.geo.gazetteer import Gazetteer
from pantau.geo.lexicon import PlaceLexicon
from pantau.pipeline import Resources


@pytest.fixture(scope="session")
def res() -> Resources:
    return Resources.load()


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def lex() -> PlaceLexicon:
    return PlaceLexicon.load("id")


def _pg_admin_url() -> str | None:
    """The PostgreSQL server the store tests use (PANTAU_TEST_PG, set by `make pytest` via .ci/postgres)."""
    return os.environ.get("PANTAU_TEST_PG") or None


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh empty database: a SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'pantau.db'}"
        return
    admin = _pg_admin_url()
    if admin is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no PostgreSQL server: PANTAU_TEST_PG is unset (.ci/postgres failed)")
        pytest.skip("no PostgreSQL server (PANTAU_TEST_PG unset)")
    from sqlalchemy import create_engine, text

    from pantau.store.db import database_url

    name = f"pantau_t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(database_url(admin), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        engine.dispose()
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but the PostgreSQL server at {admin} does not answer: {exc}")
        pytest.skip(f"PostgreSQL server at {admin} does not answer: {exc}")
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


@pytest.fixture
def stored(db_url: str, res: Resources) -> Iterator[Any]:
    """A store holding the six team-written articles of storekit (one shooting told thrice, two Makassar
    incidents, the bombing told twice)."""
    from pantau.store import Store
    from pantau.store.ingest import ingest
    from storekit import MAKASSAR, SUGAPA, article, coder

    with Store.open(db_url) as store:
        stats = ingest(store, [article(*a) for a in (*SUGAPA, *MAKASSAR)], coder(res), res.version)
        assert stats.errors == []
        yield store
