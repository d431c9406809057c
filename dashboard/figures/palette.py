"""Colours of the map's statuses and furniture, one place for the map, legends and exports.
(Each choropleth metric declares its own colours in ``geodata/metrics.py``.)"""

from __future__ import annotations

from geodata.metrics import Metric

BASE_FILL = "#e9ecef"
BORDER = "#ffffff"
OCEAN = "#f7fbff"
HK_RED = "#c8102e"

#: Marker colour of each legend class of the point layers.
STATUS_COLOURS = {
    "existing": "#08519c",
    "new": "#e6550d",
    "planned": "#31a354",
    "proposed": "#d62728",
    "inferred": "#f4a3a4",
    "realised": "#9467bd",
    "closed": "#969696",
}
#: Fill and outline of a proposal that stands for a region, not a place.
AREA_FILL = "rgba(214,39,40,0.16)"
AREA_LINE = "#d62728"
#: Line colour and style of each route class.
ROUTE_LINES = {
    "existing": {"color": "rgba(8,81,156,0.35)", "width": 1.0, "dash": "solid"},
    "new": {"color": "rgba(230,85,13,0.9)", "width": 1.8, "dash": "solid"},
    "planned": {"color": "rgba(49,163,84,0.9)", "width": 1.8, "dash": "dot"},
    "proposed": {"color": "rgba(214,39,40,0.75)", "width": 1.8, "dash": "dot"},
    "inferred": {"color": "rgba(214,39,40,0.45)", "width": 1.2, "dash": "dash"},
    "closed": {"color": "rgba(150,150,150,0.6)", "width": 1.0, "dash": "dot"},
}


def discrete_scale(metric: Metric) -> tuple[list, float, float]:
    """A stepped Plotly colorscale for a categorical metric, with its zmin and zmax."""
    cats = metric.categories
    n = len(cats)
    scale = []
    for i, c in enumerate(cats):
        scale.append([i / n, c.colour])
        scale.append([(i + 1) / n, c.colour])
    return scale, cats[0].value - 0.5, cats[-1].value + 0.5


def sequential_scale(metric: Metric) -> list:
    colours = metric.colours
    return [[i / (len(colours) - 1), c] for i, c in enumerate(colours)]
