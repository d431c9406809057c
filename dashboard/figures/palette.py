"""Colours of the map's statuses and furniture, one place for the map, legends and exports.
(Each choropleth metric declares its own colours in ``geodata/metrics.py``.)"""

from __future__ import annotations

from geodata.metrics import Metric

BASE_FILL = "#e9ecef"
BORDER = "#ffffff"
OCEAN = "#f7fbff"
HK_RED = "#c8102e"

# Colours of status follow the Okabe–Ito set (told apart under every common colour-vision
# deficiency) and status is also carried by shape (filled, ring with a dot, ring) and, for
# routes, by dash: a map printed in greyscale or read by a colour-blind viewer keeps its key.
# A gain is orange, never red (red reads as a loss). ``tests/test_palette.py`` measures all this.

#: A place without a value (a distance where no office is shown).
NO_VALUE = "#f4f4f4"
#: Marker colour of each legend class of the point layers.
STATUS_COLOURS = {
    "existing": "#0b4f8a",
    "new": "#a8508a",
    "planned": "#009e73",
    "proposed": "#b87a00",
    "inferred": "#d9b36c",
    "draft": "#d6336c",
    "realised": "#7570b3",
    "closed": "#8c8c8c",
}
#: Classes drawn as a ring (white inside, the class colour around: seen on any fill); planned
#: ones add a dot in the middle. The others are the kind's symbol filled.
RINGS = {"planned": "-dot", "proposed": "", "inferred": ""}
OPEN_RING = "rgba(255,255,255,0)"  # a ring drawn around a marker already at its place
#: Fill and outline of a proposal that stands for a region, not a place.
AREA_FILL = "rgba(184,122,0,0.2)"
AREA_LINE = "#8a5c00"
#: Line colour and style of each route class.
ROUTE_LINES = {
    "existing": {"color": "rgba(11,79,138,0.28)", "width": 0.8, "dash": "solid"},
    "new": {"color": "rgba(168,80,138,0.9)", "width": 1.8, "dash": "solid"},
    "planned": {"color": "rgba(0,158,115,0.95)", "width": 1.8, "dash": "dash"},
    "proposed": {"color": "rgba(184,122,0,0.95)", "width": 1.8, "dash": "dot"},
    "inferred": {"color": "rgba(217,179,108,0.85)", "width": 1.4, "dash": "dashdot"},
    "draft": {"color": "rgba(214,51,108,0.95)", "width": 2.4, "dash": "longdashdot"},
    "closed": {"color": "rgba(140,140,140,0.6)", "width": 1.0, "dash": "longdash"},
}


#: Routes with 3 or more departures a day, drawn over their status line (mapfig.BUSY_PER_WEEK).
ROUTE_BUSY = {"color": "rgba(11,79,138,0.75)", "width": 2.4, "dash": "solid"}


#: The routes of a hovered destination or country (atlas.js), over the dimmed others.
ROUTE_FOCUS = {"color": "rgba(200,16,46,0.9)", "width": 2.6, "dash": "solid"}


def marker_style(status: str) -> tuple[str, str, str, float]:
    """(symbol suffix, fill, outline, outline width) of a marker of ``status``."""
    colour = STATUS_COLOURS[status]
    if status in RINGS:
        return RINGS[status], "#ffffff", colour, 2.5
    return "", colour, "#ffffff", 1.0


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
