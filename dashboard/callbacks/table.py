"""The table view: filtered records of one layer, with sources, and download links."""

from __future__ import annotations

from dash import Input, Output, no_update

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.scenes import state_options
from dashboard.state import ViewState
from dashboard.tables import layer_frame
from geodata.catalog import Catalog

API = "/api/v1/layers"
WIDE = {"source", "notes", "name_en", "name_zh", "document_title"}


def column_defs(columns) -> list[dict]:
    defs = []
    for c in columns:
        d = {"field": c, "headerName": c}
        if c in WIDE:
            d.update({"minWidth": 260, "wrapText": False, "tooltipField": c})
        if c in ("lat", "lon"):
            d["type"] = "numericColumn"
        defs.append(d)
    return defs


def register(app, catalog: Catalog) -> None:
    @app.callback(
        Output(ID.GRID, "rowData"),
        Output(ID.GRID, "columnDefs"),
        Output(ID.TABLE_COUNT, "children"),
        Output(ID.DOWNLOAD_CSV, "href"),
        Output(ID.DOWNLOAD_GEOJSON, "href"),
        Input(ID.STATE, "data"),
    )
    def table(data):
        st = ViewState.from_dict(data, state_options(catalog))
        if st.view != "table":
            return (no_update,) * 5
        df = layer_frame(catalog, st, st.table, st.lang)
        q = st.with_(view="explore", table="offices").to_query()
        q = ("?" + q) if q else ""
        return (
            df.to_dict("records"),
            column_defs(df.columns),
            t("table.rows", st.lang, n=len(df)),
            f"{API}/{st.table}.csv{q}",
            f"{API}/{st.table}.geojson{q}",
        )

    app.clientside_callback(
        "function(v) { return {quickFilterText: v || ''}; }",
        Output(ID.GRID, "dashGridOptions"),
        Input(ID.GRID + "-search", "value"),
    )
