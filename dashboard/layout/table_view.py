"""The table view: the chosen layer's records in a grid (loaded only once the view is opened),
their count, downloads (CSV, GeoJSON, what the grid shows) and the gap finder's bar."""

from __future__ import annotations

import dash_ag_grid as dag
import pandas as pd
from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.controls import label
from dashboard.layout.gaps_panel import gap_bar
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog


@reads_draft
def table_links(catalog: Catalog, state: ViewState) -> tuple[str, str, str]:
    """The table view's row count and its CSV and GeoJSON download links."""
    from dashboard.tables import layer_frame

    n = len(layer_frame(catalog, state, state.table, state.lang))
    q = state.with_(view="explore", table="offices").to_query()
    q = ("?" + q) if q else ""
    api = "/api/v1/layers"
    return (t("table.rows", state.lang, n=n), f"{api}/{state.table}.csv{q}",
            f"{api}/{state.table}.geojson{q}")  # fmt: skip


def numeric_columns(df) -> set[str]:
    return {c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and df[c].dtype != bool}


@reads_draft
def grid_children(catalog: Catalog, state: ViewState) -> list:
    """The table view's search box and grid, filled with the records of ``state``."""
    from dashboard.callbacks.table import column_defs
    from dashboard.tables import download_name, layer_frame

    df = layer_frame(catalog, state, state.table, state.lang)
    return [
        dcc.Input(
            id=ID.GRID + "-search",
            type="search",
            placeholder=t("table.search", state.lang),
            className="search",
            debounce=False,
        ),  # fmt: skip
        dag.AgGrid(
            id=ID.GRID,
            rowData=df.to_dict("records"),
            columnDefs=column_defs(df.columns, state.lang, numeric_columns(df)),
            defaultColDef={"sortable": True, "filter": True, "resizable": True, "minWidth": 90},
            dashGridOptions={
                "pagination": True,
                "paginationPageSize": 50,
                "tooltipShowDelay": 300,
                "enableCellTextSelection": True,
            },  # fmt: skip
            className="ag-theme-alpine grid",
            style={"height": "68vh"},
            # "download what you see": the rows as filtered and sorted, every column (both
            # languages' names), named for what they hold
            csvExportParams={
                "fileName": download_name(state, state.table, "csv").replace(".csv", "-view.csv"),
                "allColumns": True,
            },  # fmt: skip
        ),
    ]


def table_page(catalog: Catalog, state: ViewState, opts: dict, vals: dict, style: dict) -> html.Div:
    lang = state.lang
    links = table_links(catalog, state) if state.view == "table" else ("", "#", "#")
    return html.Div(
        [
            html.Div(
                [
                    label("table.layer", lang, html.Label, className="field-label"),
                    dcc.RadioItems(
                        id=ID.TABLE_LAYER,
                        options=opts[ID.TABLE_LAYER],
                        value=vals[ID.TABLE_LAYER],
                        className="checklist inline",
                    ),
                    html.Span(links[0], id=ID.TABLE_COUNT, className="table-count"),
                    html.A(
                        label("table.download_csv", lang),
                        id=ID.DOWNLOAD_CSV,
                        className="button",
                        href=links[1],
                    ),
                    html.A(
                        label("table.download_geojson", lang),
                        id=ID.DOWNLOAD_GEOJSON,
                        className="button",
                        href=links[2],
                    ),
                    html.Button(
                        label("table.download_view", lang),
                        id=ID.DOWNLOAD_VIEW,
                        className="button",
                        type="button",
                    ),
                ],
                className="table-bar",
            ),
            gap_bar(state),
            # the grid (and ag-grid's code) only once the table is opened
            html.Div(
                grid_children(catalog, state) if state.view == "table" else [], id=ID.GRID_BOX
            ),
        ],
        id=ID.TABLE,
        className="page page-table",
        style=style,
    )
