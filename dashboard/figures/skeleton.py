"""The map's fixed frame: the geometry's addresses, the list of traces (one per layer class, in
the layers' drawing order) and each trace's constant style — what never depends on the view.
:mod:`dashboard.figures.mapfig` fills it per view state."""

from __future__ import annotations

from dashboard.figures import palette as pal
from geodata.codes import HKG_AIRPORT
from geodata.layers import DRAW_ORDER, LAYERS

WORLD_URL = "/geo/world.geojson"
# the world zoomed out on screen: a lighter level (geodata/build_boundaries.py SCREEN_TOLERANCE,
# < 1 px at that zoom); exports and the offline briefing draw WORLD_URL's detail instead
WORLD_SCREEN_URL = "/geo/world-screen.geojson"
SCREEN_MIN_LON_SPAN = 120.0  # a view this wide or wider is zoomed out
CHINA_URL = "/geo/china.geojson"


AREA_LEVELS = {"world": (WORLD_URL, "properties.iso3", "country"),
               "china": (CHINA_URL, "properties.adcode", "province")}  # fmt: skip


def _trace_names() -> tuple[str, ...]:
    names = ["base", "coverage", "provinces"]
    names += [f"{lid}_areas_{lv}" for lid in DRAW_ORDER if LAYERS[lid].areas for lv in AREA_LEVELS]
    names += ["rings", "ring_labels", "tiny"]
    for lid in DRAW_ORDER:
        x = LAYERS[lid]
        names += [f"{lid}_{c}" for c in x.classes]
        if x.draw == "arcs":
            names += [f"{lid}_busy", f"{lid}_focus", f"{lid}_points"]
    return (*names, "hk", "label_halo", "label_lines", "labels")


TRACES = _trace_names()
INDEX = {name: i for i, name in enumerate(TRACES)}

#: Screen maps (normal, narrow) draw no legend or colour bar: an HTML legend sits over the map
#: (``layout/legend.py``). Wide maps (present mode, slides) keep a compact legend in a column on
#: the right, which exports need.
MAP_DOMAIN_X_WIDE = [0.0, 0.78]
COLORBAR_WIDE = {"orientation": "v", "x": 0.79, "xanchor": "left", "yanchor": "bottom", "len": 0.26,
                 "thickness": 14}  # fmt: skip
INT_TICKS = {"tickformat": "d"}  # counts: whole numbers only (dtick set from the range)
#: The geo domain's size in px each shape is laid out for when the caller does not say
#: (labels are placed for it): the explore map at 1366×768, a compare half, a 1920×1080 slide.
SIZES = {"normal": (1010, 640), "narrow": (540, 520), "present": (1300, 800), "wide": (1450, 930)}
FONT = (
    "system-ui, 'Noto Sans CJK TC', 'Noto Sans TC', 'Microsoft JhengHei', 'PingFang TC', sans-serif"
)
LABEL_PX = {"normal": 12, "narrow": 11, "present": 15, "wide": 15}


#: The traces drawn from the world's geometry (their level follows the zoom).
WORLD_TRACES = (
    "base",
    "coverage",
    *(f"{lid}_areas_world" for lid in DRAW_ORDER if LAYERS[lid].areas),
)


def _marker_traces() -> tuple[str, ...]:
    names = ["tiny"]
    for lid, x in LAYERS.items():
        names += [f"{lid}_points"] if x.draw == "arcs" else [f"{lid}_{c}" for c in x.classes]
    return tuple(names)


MARKER_TRACES = _marker_traces()


# -- skeleton -------------------------------------------------------------------------
def _skeleton() -> list[dict]:
    hover = "%{text}<extra></extra>"
    border = {"line": {"color": pal.BORDER, "width": 0.4}}
    traces = {
        "base": {"type": "choropleth", "geojson": WORLD_URL, "featureidkey": "properties.iso3",
                 "locations": [], "z": [], "colorscale": [[0, pal.BASE_FILL], [1, pal.BASE_FILL]],
                 "showscale": False, "hoverinfo": "skip", "marker": border},
        "coverage": {"type": "choropleth", "geojson": WORLD_URL, "featureidkey": "properties.iso3",
                     "hovertemplate": hover, "marker": border},
        "provinces": {"type": "choropleth", "geojson": CHINA_URL, "featureidkey": "properties.adcode",
                      "hovertemplate": hover, "marker": {"line": {"color": "#ffffff", "width": 0.5}}},
        "tiny": {"type": "scattergeo", "mode": "markers", "hovertemplate": hover, "showlegend": False},
        "rings": {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                  "line": {"color": "rgba(29,39,51,0.35)", "width": 1, "dash": "dot"}},
        "ring_labels": {"type": "scattergeo", "mode": "text", "hoverinfo": "skip", "showlegend": False,
                        "textfont": {"size": 11, "color": "#5f6b7a", "shadow": "auto"}, "textposition": "top center"},
        # a leader line: dark, on a light halo, so that it shows on the darkest fill and on none
        "label_halo": {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip", "showlegend": False, "meta": "labels",
                       "line": {"color": "rgba(255,255,255,0.9)", "width": 3.2}},
        "label_lines": {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip", "showlegend": False, "meta": "labels",
                        "line": {"color": "#1d2733", "width": 1.1}},
        "labels": {"type": "scattergeo", "mode": "text", "hoverinfo": "skip", "showlegend": False, "meta": "labels",
                   "textposition": "middle center"},
        "hk": {"type": "scattergeo", "mode": "markers", "lat": [HKG_AIRPORT[0]], "lon": [HKG_AIRPORT[1]],
               "marker": {"symbol": "star", "size": 16, "color": pal.HK_RED,
                          "line": {"color": "#fff", "width": 1}},
               "hovertemplate": hover, "customdata": ["province:810000"], "showlegend": False},
    }  # fmt: skip
    for lid, x in LAYERS.items():
        if x.areas:
            for lv, (url, key, _) in AREA_LEVELS.items():
                traces[f"{lid}_areas_{lv}"] = {
                    "type": "choropleth", "geojson": url, "featureidkey": key, "hovertemplate": hover,
                    "colorscale": [[0, pal.AREA_FILL], [1, pal.AREA_FILL]], "showscale": False,
                    "marker": {"line": {"color": pal.AREA_LINE, "width": 1.2}},
                }  # fmt: skip
        for c in x.classes:
            if x.draw == "arcs":
                traces[f"{lid}_{c}"] = {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip",
                                        "line": pal.ROUTE_LINES[c], "meta": "route-lines"}  # fmt: skip
            else:
                traces[f"{lid}_{c}"] = {
                    "type": "scattergeo",
                    "mode": "markers",
                    "hovertemplate": hover,
                }
        if x.draw == "arcs":
            traces[f"{lid}_busy"] = {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip",
                                     "line": pal.ROUTE_BUSY, "meta": "route-lines"}  # fmt: skip
            # the routes of the place hovered, drawn over the others (atlas.js fills it)
            traces[f"{lid}_focus"] = {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip",
                                      "showlegend": False, "meta": "route-focus",
                                      "line": pal.ROUTE_FOCUS}  # fmt: skip
            traces[f"{lid}_points"] = {"type": "scattergeo", "mode": "markers", "hovertemplate": hover,
                                       "showlegend": False}  # fmt: skip
    return [{**traces[name], "uid": name} for name in TRACES]
