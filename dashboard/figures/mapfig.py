"""The map: one Plotly geo figure with a fixed list of traces, built as plain dicts.

Geometry never travels with the figure: the choropleths point at ``/geo/*.geojson``
(fetched once by the browser and cached).  :func:`trace_updates` computes only what
depends on the view state; :func:`figure` is the skeleton plus those updates, and
:func:`patch` sends the same updates as a ``dash.Patch`` when the state changes.
"""

from __future__ import annotations

import math
from functools import lru_cache

import dash
import numpy as np
import pandas as pd

from dashboard.figures import palette as pal
from dashboard.figures.hover import country_hover, office_hover, province_hover, route_hover, city_hover
from dashboard.i18n import t
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.metrics import country_metrics, province_metrics
from geodata.network import select

WORLD_URL = "/geo/world.geojson"
CHINA_URL = "/geo/china.geojson"
HKG = (22.308, 113.918)  # Hong Kong International Airport

TRACES = (
    "base",
    "coverage",
    "provinces",
    "tiny",
    "routes_existing",
    "routes_new",
    "routes_planned",
    "routes_proposed",
    "route_dests",
    "cities",
    "offices_existing",
    "offices_planned",
    "offices_proposed",
    "offices_realised",
    "offices_closed",
    "hk",
)
INDEX = {name: i for i, name in enumerate(TRACES)}
ROUTE_CLASSES = ("existing", "new", "planned", "proposed")
OFFICE_CLASSES = ("existing", "planned", "proposed", "realised", "closed")

# legends sit under the map (the world is twice as wide as it is tall)
MAP_DOMAIN_Y = [0.3, 1.0]
COLORBAR = {"orientation": "h", "xanchor": "left", "y": 0.0, "yanchor": "bottom", "len": 0.46, "thickness": 10}
# wide (present, slides): map on the left, legends in a column on the right
MAP_DOMAIN_X_WIDE = [0.0, 0.8]
COLORBAR_WIDE = {"orientation": "v", "x": 0.81, "xanchor": "left", "yanchor": "bottom", "len": 0.26,
                 "thickness": 14}
INT_TICKS = {"tickformat": "d"}  # counts: whole numbers only (dtick set from the range)
COLORBARS = {"normal": {**COLORBAR, "x": 0.0, "len": 0.6}, "wide": COLORBAR_WIDE, "narrow": {**COLORBAR, "x": 0.0, "len": 0.98}}
FOCUS = {
    "world": {"center": {"lon": 150, "lat": 15}, "projection": {"scale": 1, "rotation": {"lon": 150}}},
    "asia": {"center": {"lon": 100, "lat": 25}, "projection": {"scale": 2.2, "rotation": {"lon": 100}}},
    "china": {"center": {"lon": 106, "lat": 35}, "projection": {"scale": 3.4, "rotation": {"lon": 106}}},
    "gba": {"center": {"lon": 113.6, "lat": 22.7}, "projection": {"scale": 45, "rotation": {"lon": 113.6}}},
    "europe": {"center": {"lon": 15, "lat": 50}, "projection": {"scale": 3.6, "rotation": {"lon": 15}}},
    "middle-east": {"center": {"lon": 58, "lat": 33}, "projection": {"scale": 3, "rotation": {"lon": 58}}},
}


def effective_state(state: ViewState, side: str | None = None) -> ViewState:
    """The state a map draws: compare's left map is the existing network, the right one
    existing + the chosen proposals; compare's one-map mode colours the difference."""
    if state.view != "compare":
        return state
    if side == "left":
        return state.with_(statuses=("existing",), proposals=())
    return state.with_(statuses=("existing",))


def metric_of(state: ViewState, side: str | None = None) -> str:
    if state.view == "compare" and state.compare == "diff" and side is None:
        return "diff"
    return state.metric


# -- per-state data -------------------------------------------------------------------
def _colour_props(metric: str, lang: str) -> dict:
    if metric in pal.CATEGORIES:
        scale, zmin, zmax = pal.discrete_scale(metric)
        cats = pal.CATEGORIES[metric]
        bar = {"tickvals": [c[0] for c in cats], "ticktext": [t(c[2], lang) for c in cats]}
        return {"colorscale": scale, "zmin": zmin, "zmax": zmax, "colorbar": bar}
    return {"colorscale": pal.sequential_scale(metric), "zmin": 0, "zmax": None, "colorbar": {}}


def _lines(df: pd.DataFrame) -> tuple[list, list]:
    lat, lon = [], []
    for la, lo in zip(df["lat"], df["lon"]):
        lat += [HKG[0], float(la), None]
        lon += [HKG[1], float(lo), None]
    return lat, lon


def _route_class(df: pd.DataFrame) -> np.ndarray:
    new = (df["status_at"] == "existing") & (df["new_2024_25"] == "yes")
    return np.where(new, "new", df["status_at"].to_numpy())


def _office_class(df: pd.DataFrame) -> np.ndarray:
    s = df["status_at"].to_numpy()
    s = np.where(df["realised"].to_numpy(dtype=bool), "realised", s)
    return np.where(np.isin(s, ("closed", "suspended")), "closed", s)


def trace_updates(catalog: Catalog, state: ViewState, side: str | None = None, shape: str = "normal") -> dict[str, dict]:
    """Per trace name, the properties that depend on the view state (cached; do not mutate).
    ``shape``: "normal" (legends under the map), "wide" (legends beside it: present mode,
    slides) or "narrow" (side-by-side compare: one long colour bar, two legend columns)."""
    key = effective_state(state, side).with_(view="explore", compare="split", table="offices", scene=0,
                                             focus="world", deck="default")
    return _trace_updates(catalog, key, metric_of(state, side), shape)


@lru_cache(maxsize=256)
def _trace_updates(catalog: Catalog, st: ViewState, metric: str, shape: str = "normal") -> dict[str, dict]:
    lang, layers = st.lang, set(st.layers)
    flt = st.network_filter()
    sel = select(catalog, flt)
    upd: dict[str, dict] = {}

    # countries
    cm = country_metrics(catalog, flt)
    world_codes = set(catalog.world["iso3"])
    shown = cm[cm["in_region"] & cm.index.isin(world_codes)]
    colour = _colour_props(metric, lang)
    bar = dict(colour.pop("colorbar"), title={"text": t(f"metric.{metric}", lang), "side": "top"})
    names = catalog.country_names
    # the grey base draws only what the coverage layer does not (countries with no value
    # vanish from a choropleth): with no region filter it is empty, halving the paths drawn
    covered = set(shown.index) if "coverage" in layers else set()
    rest = [c for c in catalog.world["iso3"] if c not in covered]
    upd["base"] = {"locations": rest, "z": [0] * len(rest)}
    upd["coverage"] = {
        "locations": list(shown.index),
        "z": shown[metric].astype(float).tolist(),
        "text": country_hover(shown, names, lang),
        "customdata": [f"country:{c}" for c in shown.index],
        "visible": "coverage" in layers,
        "colorbar": {**COLORBARS[shape], **bar, "y": 0.0, **({} if metric in pal.CATEGORIES else INT_TICKS)},
        **colour,
    }
    # tiny places stay visible as dots, where they have something to show
    linked = cm.index[cm["in_region"] & (cm[metric] > 0)]
    tiny = catalog.tiny_points[catalog.tiny_points["iso3"].isin(linked)]
    tiny = tiny[tiny["iso3"] != "HKG"]
    upd["tiny"] = {
        "lat": tiny["lat"].tolist(),
        "lon": tiny["lon"].tolist(),
        "marker": {"color": cm.loc[tiny["iso3"], metric].astype(float).tolist(), "colorscale": colour["colorscale"],
                   "cmin": colour["zmin"], "cmax": colour["zmax"] if colour["zmax"] is not None
                   else float(max(shown[metric].max(), 1)) if len(shown) else 1,
                   "size": 9, "line": {"color": "#555", "width": 1}},
        "text": country_hover(cm.loc[tiny["iso3"]], names, lang),
        "customdata": [f"country:{c}" for c in tiny["iso3"]],
        "visible": "coverage" in layers,
    }
    if colour["zmax"] is None:
        upd["coverage"]["zmax"] = float(max(shown[metric].max(), 1)) if len(shown) else 1.0
        upd["coverage"]["colorbar"]["dtick"] = max(1, math.ceil(upd["coverage"]["zmax"] / 5))

    # provinces
    pm = province_metrics(catalog, flt)
    pmetric = metric if metric in ("offices", "routes", "cities", "gain", "diff", "presence") else "offices"
    pshown = pm[pm["in_region"]]
    pcolour = _colour_props(pmetric, lang)
    pbar = dict(pcolour.pop("colorbar"), title={"text": t("layer.provinces", lang) + " · "
                                                 + t(f"metric.{pmetric}", lang), "side": "top"})
    if pcolour["zmax"] is None:
        pcolour["zmax"] = float(max(pshown[pmetric].max(), 1)) if len(pshown) else 1.0
        pbar["dtick"] = max(1, math.ceil(pcolour["zmax"] / 5))
    upd["provinces"] = {
        "locations": list(pshown.index),
        "z": pshown[pmetric].astype(float).tolist(),
        "text": province_hover(pshown, catalog.provinces, lang),
        "customdata": [f"province:{c}" for c in pshown.index],
        "visible": "provinces" in layers,
        "colorbar": {**COLORBARS[shape], **pbar, **({"y": 0.28} if shape == "wide" else {"x": 0.62, "len": 0.37}),
                     **({} if pmetric in pal.CATEGORIES else INT_TICKS)},
        "showscale": pmetric != metric or "coverage" not in layers,
        **pcolour,
    }

    # routes
    routes = sel.routes
    cls = _route_class(routes)
    for c in ROUTE_CLASSES:
        sub = routes[cls == c]
        lat, lon = _lines(sub)
        upd[f"routes_{c}"] = {
            "lat": lat,
            "lon": lon,
            "name": f"{t('legend.routes', lang)}: {t('status.' + c, lang)} ({len(sub)})",
            "visible": "routes" in layers and (True if len(sub) else "legendonly"),
        }
    upd["route_dests"] = {
        "lat": routes["lat"].tolist(),
        "lon": routes["lon"].tolist(),
        "marker": {"color": [pal.STATUS_COLOURS[c] for c in cls], "size": 5},
        "text": route_hover(routes, cls, lang, catalog.version),
        "customdata": [f"route:{i}" for i in routes["id"]],
        "visible": "routes" in layers,
    }

    # partner cities
    cities = sel.cities
    upd["cities"] = {
        "lat": cities["lat"].tolist(),
        "lon": cities["lon"].tolist(),
        "marker": {"color": [pal.STATUS_COLOURS.get(s, pal.CITY_COLOUR) for s in cities["status_at"]],
                   "size": 13, "symbol": "star", "line": {"color": "#fff", "width": 1}},
        "text": city_hover(cities, lang, catalog.version),
        "customdata": [f"city:{i}" for i in cities["id"]],
        "name": f"{t('legend.cities', lang)} ({len(cities)})",
        "visible": "cities" in layers,
    }

    # offices
    offices = sel.offices
    ocls = _office_class(offices)
    for c in OFFICE_CLASSES:
        sub = offices[ocls == c]
        upd[f"offices_{c}"] = {
            "lat": sub["lat"].tolist(),
            "lon": sub["lon"].tolist(),
            "marker": {"symbol": [pal.OFFICE_SYMBOLS[k] for k in sub["kind"]], "color": pal.STATUS_COLOURS[c],
                       "size": 10, "line": {"color": "#fff", "width": 1}},
            "text": office_hover(sub, c, lang, catalog.version),
            "customdata": [f"office:{i}" for i in sub["id"]],
            "name": f"{t('legend.offices', lang)}: {t('status.' + c, lang)} ({len(sub)})",
            "visible": "offices" in layers and (True if len(sub) else "legendonly"),
        }
    upd["hk"] = {"text": [t("map.hk", lang)], "name": t("map.hk", lang)}
    return upd


# -- skeleton -------------------------------------------------------------------------
def _skeleton() -> list[dict]:
    hover = "%{text}<extra></extra>"
    geo_line = {"type": "scattergeo", "mode": "lines", "hoverinfo": "skip"}
    traces = {
        "base": {"type": "choropleth", "geojson": WORLD_URL, "featureidkey": "properties.iso3",
                 "locations": [], "z": [], "colorscale": [[0, pal.BASE_FILL], [1, pal.BASE_FILL]],
                 "showscale": False, "hoverinfo": "skip", "marker": {"line": {"color": pal.BORDER, "width": 0.4}}},
        "coverage": {"type": "choropleth", "geojson": WORLD_URL, "featureidkey": "properties.iso3",
                     "hovertemplate": hover, "marker": {"line": {"color": pal.BORDER, "width": 0.4}}},
        "provinces": {"type": "choropleth", "geojson": CHINA_URL, "featureidkey": "properties.adcode",
                      "hovertemplate": hover, "marker": {"line": {"color": "#ffffff", "width": 0.5}}},
        "tiny": {"type": "scattergeo", "mode": "markers", "hovertemplate": hover, "showlegend": False},
        "route_dests": {"type": "scattergeo", "mode": "markers", "hovertemplate": hover, "showlegend": False},
        "cities": {"type": "scattergeo", "mode": "markers", "hovertemplate": hover},
        "hk": {"type": "scattergeo", "mode": "markers", "lat": [HKG[0]], "lon": [HKG[1]],
               "marker": {"symbol": "star", "size": 16, "color": pal.HK_RED, "line": {"color": "#fff", "width": 1}},
               "hovertemplate": "%{text}<extra></extra>", "customdata": ["province:810000"], "showlegend": False},
    }
    for c in ROUTE_CLASSES:
        traces[f"routes_{c}"] = {**geo_line, "line": {"color": pal.ROUTE_COLOURS[c],
                                                      "width": 1.0 if c == "existing" else 1.8,
                                                      "dash": "dot" if c in ("planned", "proposed") else "solid"},
                                 }
    for c in OFFICE_CLASSES:
        traces[f"offices_{c}"] = {"type": "scattergeo", "mode": "markers", "hovertemplate": hover}
    out = []
    for name in TRACES:
        tr = dict(traces[name])
        tr["uid"] = name
        out.append(tr)
    return out


def layout(state: ViewState, *, height: int | None = None, shape: str = "normal") -> dict:
    focus = FOCUS[state.focus]
    out = {
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "height": height,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": "system-ui, 'Noto Sans CJK TC', 'Microsoft JhengHei', 'PingFang TC', sans-serif"},
        "geo": {
            "visible": False,
            "showframe": False,
            "bgcolor": pal.OCEAN,
            "projection": {"type": "natural earth", **focus["projection"]},
            "center": focus["center"],
            "lataxis": {"range": [-58, 85]},
            "domain": {"x": [0, 1], "y": MAP_DOMAIN_Y},
        },
        "legend": {"orientation": "h", "x": 0, "y": 0.29, "yanchor": "top", "bgcolor": "rgba(255,255,255,0.85)",
                   "font": {"size": 11}, "groupclick": "toggleitem", "entrywidth": 0.33, "entrywidthmode": "fraction"},
        "uirevision": f"{state.focus}",
        "hoverlabel": {"bgcolor": "white", "font": {"size": 12}},
        "dragmode": "pan",
    }
    if shape == "narrow":
        out["legend"]["entrywidth"] = 0.5
    if shape == "wide":
        out["geo"]["domain"] = {"x": MAP_DOMAIN_X_WIDE, "y": [0, 1]}
        out["legend"] = {"orientation": "v", "x": 0.81, "y": 1.0, "yanchor": "top", "font": {"size": 14},
                         "bgcolor": "rgba(255,255,255,0.85)", "groupclick": "toggleitem"}
    return out


def figure(catalog: Catalog, state: ViewState, side: str | None = None, *, height: int | None = None,
           shape: str = "normal") -> dict:
    """The whole figure as a plain dict (geometry by URL, not inline)."""
    data = _skeleton()
    for name, props in trace_updates(catalog, state, side, shape).items():
        _merge(data[INDEX[name]], props)
    return {"data": data, "layout": layout(state, height=height, shape=shape)}


def _merge(target: dict, props: dict) -> None:
    for k, v in props.items():
        if isinstance(v, dict) and isinstance(target.get(k), dict):
            target[k] = {**target[k], **v}
        else:
            target[k] = v


def patch(catalog: Catalog, state: ViewState, old: ViewState | None, side: str | None = None,
          shape: str = "normal") -> dash.Patch:
    """What changed between the figure drawn for ``old`` and the one for ``state``, as a
    Patch: only the trace properties that differ (no geometry, no skeleton)."""
    p = dash.Patch()
    new_u = trace_updates(catalog, state, side, shape)
    old_u = trace_updates(catalog, old, side, shape) if old is not None else {}
    for name, props in new_u.items():
        i = INDEX[name]
        before = old_u.get(name, {})
        for k, v in props.items():
            if k not in before or before[k] != v:
                p["data"][i][k] = v
    if old is None or old.focus != state.focus:
        lay = layout(state)
        p["layout"]["geo"]["center"] = lay["geo"]["center"]
        p["layout"]["geo"]["projection"] = lay["geo"]["projection"]
        p["layout"]["uirevision"] = lay["uirevision"]
    return p
