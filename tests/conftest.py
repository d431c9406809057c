"""Shared fixtures: the committed catalog (loaded once) and the app built on it."""

from __future__ import annotations

import pytest

from geodata.catalog import default_catalog


@pytest.fixture(scope="session")
def catalog():
    return default_catalog()


@pytest.fixture(scope="session")
def app(catalog):
    from dashboard.app import create_app
    from dashboard.settings import Settings

    return create_app(catalog=catalog, settings=Settings(compress=False))
