"""Colours and colour scales, one place for the map, legends and exports."""

from __future__ import annotations

BASE_FILL = "#e9ecef"
BORDER = "#ffffff"
OCEAN = "#f7fbff"
HK_RED = "#c8102e"

STATUS_COLOURS = {
    "existing": "#08519c",
    "new": "#e6550d",
    "planned": "#31a354",
    "proposed": "#d62728",
    "realised": "#9467bd",
    "closed": "#969696",
    "suspended": "#969696",
}
ROUTE_COLOURS = {
    "existing": "rgba(8,81,156,0.35)",
    "new": "rgba(230,85,13,0.9)",
    "planned": "rgba(49,163,84,0.9)",
    "proposed": "rgba(214,39,40,0.75)",
}
OFFICE_SYMBOLS = {
    "eto": "circle",
    "eto_liaison": "circle-open",
    "mainland_office": "square",
    "mainland_liaison": "square-open",
    "investhk_consultant": "diamond",
    "tdc_office": "diamond-open",
    "etco": "triangle-up",
}
CITY_COLOUR = "#8c6d31"

# categorical metrics: value -> colour, with the label key for the legend
CATEGORIES = {
    "presence": [
        (0, "#f4f4f4", "presence.none"),
        (1, "#dbe9f6", "presence.agreement"),
        (2, "#c6a9d9", "presence.city"),
        (3, "#6baed6", "presence.route"),
        (4, "#08519c", "presence.office"),
    ],
    "bri": [(0, "#f4f4f4", "bri.0"), (1, "#e6a157", "bri.1")],
    "gain": [(0, "#f4f4f4", "gain.0"), (1, "#d62728", "gain.1")],
    "diff": [
        (0, "#f4f4f4", "diff.0"),
        (1, "#9ecae1", "diff.1"),
        (2, "#9467bd", "diff.2"),
        (3, "#d62728", "diff.3"),
    ],
}
SEQUENTIAL = {
    "offices": ["#f4f4f4", "#c6dbef", "#4292c6", "#08306b"],
    "routes": ["#f4f4f4", "#c7e9c0", "#41ab5d", "#00441b"],
    "cities": ["#f4f4f4", "#dadaeb", "#807dba", "#3f007d"],
    "agreements": ["#f4f4f4", "#fdd0a2", "#f16913", "#7f2704"],
}


def discrete_scale(metric: str) -> tuple[list, int, int]:
    """A stepped Plotly colorscale for a categorical metric, with its zmin and zmax."""
    cats = CATEGORIES[metric]
    n = len(cats)
    scale = []
    for i, (_, colour, _) in enumerate(cats):
        scale.append([i / n, colour])
        scale.append([(i + 1) / n, colour])
    return scale, cats[0][0] - 0.5, cats[-1][0] + 0.5


def sequential_scale(metric: str) -> list:
    colours = SEQUENTIAL[metric]
    return [[i / (len(colours) - 1), c] for i, c in enumerate(colours)]
