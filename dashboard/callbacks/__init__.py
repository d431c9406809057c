"""Callback wiring: thin functions that call the pure builders in figures/ and layout/."""

from __future__ import annotations

from geodata.catalog import Catalog


def register_callbacks(app, catalog: Catalog) -> None:
    from dashboard.callbacks import about, deck, draft, maps, routing, state_sync, table

    state_sync.register(app, catalog)
    routing.register(app)
    maps.register(app, catalog)
    table.register(app, catalog)
    about.register(app, catalog)
    deck.register(app, catalog)
    draft.register(app, catalog)
