"""The table view: filtered records of one layer, with sources, and download links."""

from __future__ import annotations

from dash import Input, Output, no_update

from dashboard.columns import header, value_labels
from dashboard.gaps import GAPS
from dashboard.ids import ID
from dashboard.layout.table_view import grid_children, table_links
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.catalog import Catalog

WIDE = {"source", "notes", "name_en", "name_zh", "document_title"}


def column_defs(columns, lang: str = "en", numeric=()) -> list[dict]:
    """The grid's columns: headers in ``lang``, one name column on screen, coded values in
    words (``columns.value_labels``), and the ``numeric``
    columns right-aligned and written as ``lang`` writes numbers (years as they are); a download
    keeps the plain numbers."""
    defs = []
    one_name = "name" in columns  # the name in the chosen language on screen; both in downloads
    for c in columns:
        d = {"field": c, "headerName": header(c, lang), "headerTooltip": c}
        if one_name and c in ("name_en", "name_zh"):
            d["hide"] = True
        # a class number beside its words, and the gap's question (said above the grid), are
        # for the download: the screen shows the words
        if f"{c}_label" in columns or c == "gap":
            d["hide"] = True
        if c in WIDE:
            d.update({"minWidth": 260, "wrapText": False, "tooltipField": c})
        words = value_labels(c, lang)
        if words:  # a code shows as words; the grid's download takes the words too
            d["refData"] = words
        if c in numeric:
            d["type"] = "numericColumn"
            if "year" not in c:
                d["valueFormatter"] = {"function": f"atlasNumber(params, '{lang}')"}
                d["useValueFormatterForExport"] = False
        defs.append(d)
    return defs


def register(app, catalog: Catalog) -> None:
    @app.callback(
        Output(ID.GRID_BOX, "children"),
        Output(ID.TABLE_COUNT, "children"),
        Output(ID.DOWNLOAD_CSV, "href"),
        Output(ID.DOWNLOAD_GEOJSON, "href"),
        Output(ID.GAP_BAR, "style"),
        Output(ID.GAP_NOTE, "children"),
        Input(ID.STATE_TABLE, "data"),
        prevent_initial_call=True,
    )
    def table(data):
        st = ViewState.from_dict(data, state_options(catalog))
        if st.view != "table":
            return (no_update,) * 6
        note = GAPS[st.gap].note(st.lang).format(n=st.gap_after)
        shown = {} if st.table == "gaps" else {"display": "none"}
        return (grid_children(catalog, st), *table_links(catalog, st), shown, note)

    # the grid exports the rows it shows (filters, quick search and sort applied)
    app.clientside_callback(
        "function(n) { return n ? true : window.dash_clientside.no_update; }",
        Output(ID.GRID, "exportDataAsCsv"),
        Input(ID.DOWNLOAD_VIEW, "n_clicks"),
        prevent_initial_call=True,
    )

    app.clientside_callback(
        "function(v) { return {quickFilterText: v || ''}; }",
        Output(ID.GRID, "dashGridOptions"),
        Input(ID.GRID + "-search", "value"),
    )
