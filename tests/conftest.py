"""Shared fixtures: the committed catalog (loaded once) and the app built on it."""

from __future__ import annotations

import os
import tempfile

import pytest

# every test session starts with an empty export cache of its own (a render is a render)
os.environ.setdefault("CACHE_DIR", tempfile.mkdtemp(prefix="hk-atlas-test-cache-"))

from geodata.catalog import default_catalog


@pytest.fixture(scope="session")
def catalog():
    return default_catalog()


@pytest.fixture(scope="session")
def app(catalog):
    from dashboard.app import create_app
    from dashboard.settings import Settings

    return create_app(catalog=catalog, settings=Settings(compress=False))
