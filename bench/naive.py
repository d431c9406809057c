"""The naive approach the Atlas is measured against: every interaction rebuilds the whole
figure as a ``go.Figure`` with the geometry inline and sends it all to the browser."""

from __future__ import annotations

import copy

import dash
import plotly.graph_objects as go
from dash import Input, Output, dcc, html

from dashboard.export.figure import geojson
from dashboard.figures import mapfig
from dashboard.state import ViewState
from geodata.catalog import Catalog

GRAPH_CONFIG = {"topojsonURL": "/assets/topojson/"}


def naive_figure(catalog: Catalog, state: ViewState) -> go.Figure:
    """The same picture as the Atlas draws, built the naive way (validated, geometry inline)."""
    mapfig._trace_updates.cache_clear()
    fig = copy.deepcopy(mapfig.figure(catalog, state))
    for tr in fig["data"]:
        if isinstance(tr.get("geojson"), str):
            tr["geojson"] = geojson(catalog, tr["geojson"])  # the whole file, in every choropleth
    return go.Figure(fig)


def naive_app(catalog: Catalog, assets_folder: str) -> dash.Dash:
    app = dash.Dash(__name__, assets_folder=assets_folder, compress=True, serve_locally=True)
    app.layout = html.Div(
        [
            dcc.RadioItems(id="year", options=[2012, 2017, 2026], value=2026, inline=True),
            dcc.RadioItems(
                id="metric", options=["presence", "routes", "bri"], value="presence", inline=True
            ),
            dcc.Graph(id="map", config=GRAPH_CONFIG, style={"height": "80vh"}),
        ]
    )

    @app.callback(Output("map", "figure"), Input("year", "value"), Input("metric", "value"))
    def draw(year, metric):
        return naive_figure(catalog, ViewState(year=int(year), metric=metric))

    return app
