"""The About page follows the language (its content depends on nothing else)."""

from __future__ import annotations

from dash import Input, Output, no_update

from dashboard.ids import ID
from dashboard.layout.about import about_page
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.catalog import Catalog


def register(app, catalog: Catalog) -> None:
    @app.callback(
        Output(ID.ABOUT, "children"), Input(ID.STATE_ABOUT, "data"), prevent_initial_call=True
    )
    def about(data):
        st = ViewState.from_dict(data, state_options(catalog))
        if st.view != "about":
            return no_update
        return about_page(catalog, st.lang)
