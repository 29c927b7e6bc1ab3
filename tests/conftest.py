"""Fixtures shared by the test files: the language resources and the gazetteer, loaded once per session."""

from __future__ import annotations

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
