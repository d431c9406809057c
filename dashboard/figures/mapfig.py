"""The map: one Plotly geo figure with a fixed list of traces, built as plain dicts.

Geometry never travels with the figure: the choropleths point at ``/geo/*.geojson`` (fetched
once by the browser and cached). :func:`trace_updates` computes only what depends on the view
state; :func:`figure` is the skeleton plus those updates, and :func:`patch` sends the same
updates as a ``dash.Patch`` when the state changes.

The traces come from the registries: the country and province choropleths draw the metric
chosen (``geodata.metrics``), and every point layer (``geodata.layers``) gets one trace per
legend class, in the layers' drawing order.
"""

from __future__ import annotations

import math
from functools import lru_cache

import dash
import numpy as np
import pandas as pd

from dashboard.figures import labels as lbl
from dashboard.figures import palette as pal
from dashboard.figures.edits import assign
from dashboard.figures.hover import area_hover, point_hover
from dashboard.figures.projection import Frame
from dashboard.figures.skeleton import (  # noqa: F401 - re-exported: mapfig.WORLD_URL, …
    AREA_LEVELS,
    CHINA_URL,
    COLORBAR_WIDE,
    FONT,
    INDEX,
    INT_TICKS,
    LABEL_PX,
    MAP_DOMAIN_X_WIDE,
    MARKER_TRACES,
    SCREEN_MIN_LON_SPAN,
    SIZES,
    TRACES,
    WORLD_SCREEN_URL,
    WORLD_TRACES,
    WORLD_URL,
    _skeleton,
)
from dashboard.figures.view import RINGS_KM, ring, view_for
from dashboard.i18n import t
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.codes import HKG_AIRPORT
from geodata.layers import LAYERS, PointLayer
from geodata.metrics import METRICS, country_metrics, province_metrics
from geodata.network import select


def metric_of(state: ViewState, side: str | None = None) -> str:
    if state.view == "compare" and state.compare == "diff" and side is None:
        return "diff"
    return state.metric


# -- per-state data -------------------------------------------------------------------
def _colour_props(metric: str, lang: str, values: pd.Series) -> dict:
    m = METRICS[metric]
    title = {"text": t(f"metric.{metric}", lang), "side": "top"}
    if m.categorical:
        scale, zmin, zmax = pal.discrete_scale(m)
        bar = {
            "tickvals": [c.value for c in m.categories],
            "ticktext": [c.label(lang) for c in m.categories],
            "title": title,
        }
        return {"colorscale": scale, "zmin": zmin, "zmax": zmax, "colorbar": bar}
    zmax = float(max(values.max(), 1)) if len(values) else 1.0
    bar = {"title": title, "dtick": max(1, math.ceil(zmax / 5)), **INT_TICKS}
    scale = pal.sequential_scale(m)
    if m.descending:  # a distance: -1 where there is none (no office shown), drawn as no value
        cut = 0.5 / (zmax + 1)
        scale = [[0, pal.NO_VALUE], [cut, pal.NO_VALUE]] + [
            [cut + f * (1 - cut), c] for f, c in scale
        ]
        return {"colorscale": scale, "zmin": -1, "zmax": zmax, "colorbar": {**bar, "tick0": 0}}
    return {"colorscale": scale, "zmin": 0, "zmax": zmax, "colorbar": bar}


def _countries(catalog: Catalog, st: ViewState, metric: str, shape: str) -> dict[str, dict]:
    lang, layers = st.lang, set(st.layers)
    cm = country_metrics(catalog, st.network_filter(), st.point_layers)
    shown = cm[cm["in_region"] & cm.index.isin(set(catalog.world["iso3"]))]
    colour = _colour_props(metric, lang, shown[metric])
    colour["colorbar"] = {**COLORBAR_WIDE, **colour["colorbar"], "y": 0.0}
    colour["showscale"] = shape == "wide"
    # the grey base draws only what the coverage layer does not (countries with no value
    # vanish from a choropleth): with no region filter it is empty, halving the paths drawn
    covered = set(shown.index) if "coverage" in layers else set()
    rest = [c for c in catalog.world["iso3"] if c not in covered]
    names = catalog.country_names
    # tiny places stay visible as dots, where they have something to show
    linked = cm.index[cm["in_region"] & (cm[metric] > 0)]
    tiny = catalog.tiny_points[catalog.tiny_points["iso3"].isin(linked)]
    tiny = tiny[tiny["iso3"] != "HKG"]
    return {
        "base": {"locations": rest, "z": [0] * len(rest)},
        "coverage": {
            "locations": list(shown.index),
            "z": shown[metric].astype(float).tolist(),
            "text": area_hover(shown, names, lang, metric),
            "customdata": [f"country:{c}" for c in shown.index],
            "visible": "coverage" in layers,
            **colour,
        },
        "tiny": {
            "lat": tiny["lat"].tolist(),
            "lon": tiny["lon"].tolist(),
            "marker": {"color": cm.loc[tiny["iso3"], metric].astype(float).tolist(),
                       "colorscale": colour["colorscale"], "cmin": colour["zmin"],
                       "cmax": colour["zmax"], "size": 9, "line": {"color": "#555", "width": 1}},
            "text": area_hover(cm.loc[tiny["iso3"]], names, lang, metric),
            "customdata": [f"country:{c}" for c in tiny["iso3"]],
            "visible": "coverage" in layers,
        },
    }  # fmt: skip


def _provinces(catalog: Catalog, st: ViewState, metric: str, shape: str) -> dict[str, dict]:
    lang = st.lang
    pm = province_metrics(catalog, st.network_filter(), st.point_layers)
    pmetric = METRICS[metric].for_level("province")
    shown = pm[pm["in_region"]]
    colour = _colour_props(pmetric, lang, shown[pmetric])
    bar = colour.pop("colorbar")
    bar["title"]["text"] = t("layer.provinces", lang) + " · " + bar["title"]["text"]
    place = {"y": 0.28}
    return {
        "provinces": {
            "locations": list(shown.index),
            "z": shown[pmetric].astype(float).tolist(),
            "text": area_hover(shown, catalog.province_names, lang, metric),
            "customdata": [f"province:{c}" for c in shown.index],
            "visible": "provinces" in st.layers,
            "colorbar": {**COLORBAR_WIDE, **bar, **place},
            "showscale": shape == "wide" and (pmetric != metric or "coverage" not in st.layers),
            **colour,
        }
    }


#: Routes flown this often or more are drawn heavier on top (3 departures a day): at world zoom
#: the busy routes read through the ~150 lines from HKG, the rest stay faint.
BUSY_PER_WEEK = 21.0
BUSY_CLASSES = ("existing", "new")


def busy_share(df: pd.DataFrame, st: ViewState) -> np.ndarray:
    """Departures a week of each route for the services shown (passenger, cargo or both; 0
    where no archive counts them)."""
    out = np.zeros(len(df))
    for service, col in (("passenger", "pax_per_week"), ("cargo", "cargo_per_week")):
        if service in st.services and col in df:
            out += pd.to_numeric(df[col], errors="coerce").fillna(0).to_numpy()
    return out


def _arcs(df: pd.DataFrame) -> tuple[list, list]:
    lat, lon = [], []
    for la, lo in zip(df["lat"], df["lon"]):
        lat += [HKG_AIRPORT[0], float(la), None]
        lon += [HKG_AIRPORT[1], float(lo), None]
    return lat, lon


def _legend_name(layer: PointLayer, cls: str, n: int, lang: str) -> str:
    if lang == "zh":  # full-width punctuation, as the rest of the Chinese text
        return f"{layer.label(lang)}：{t('status.' + cls, lang)}（{n}）"
    return f"{layer.label(lang)}: {t('status.' + cls, lang)} ({n})"


def _areas(
    catalog: Catalog, st: ViewState, layer: PointLayer, rows: pd.DataFrame
) -> dict[str, dict]:
    """Region-level rows drawn as their regions: one choropleth per level (countries on the
    world geometry, provinces on China's)."""
    lang = st.lang
    upd = {}
    for lv, (_, _, level) in AREA_LEVELS.items():
        codes: dict[str, list[tuple[str, str]]] = {}
        for r in rows.itertuples():
            r_level, members = catalog.region_members[r.region_id]
            if r_level != level:
                continue
            name = r.name_zh if lang == "zh" else r.name_en
            for code in sorted(members):
                codes.setdefault(code, []).append((name, r.id))
        n = sum(1 for r in rows.itertuples() if catalog.region_members[r.region_id][0] == level)
        upd[f"{layer.id}_areas_{lv}"] = {
            "locations": list(codes),
            "z": [1] * len(codes),
            "text": [
                f"<b>{catalog.place_name(c, lang)}</b><br>" + "<br>".join(n for n, _ in v)
                for c, v in codes.items()
            ],
            "customdata": [f"{layer.id}:{v[0][1]}" for v in codes.values()],
            "name": _legend_name(layer, "area", n, lang),
            "visible": layer.id in st.layers and (True if codes else "legendonly"),
            "showlegend": bool(codes),
        }
    return upd


def _legend_first(layer: PointLayer, df: pd.DataFrame) -> pd.DataFrame:
    """Rows drawn with the layer's own symbol first: plotly's legend shows the first point's
    symbol (an ETO's circle for "Offices", not whichever office came first)."""
    if layer.symbols is None or df.empty:
        return df
    own = np.array([s == layer.symbol for s in layer.symbols(df)])
    return df.iloc[np.argsort(~own, kind="stable")]


def _marker(layer: PointLayer, df: pd.DataFrame, status: str, filled: set = frozenset()) -> dict:
    """Markers of one class: the kind's shape, filled or a ring by status, sized by rank. A ring
    over a filled marker of the layer (``filled``: rounded lat, lon) is larger and open, so the
    marker under it shows."""
    base = layer.symbols(df) if layer.symbols else [layer.symbol] * len(df)
    size = [layer.marker_size * s for s in layer.scales(df)] if layer.scales else layer.marker_size
    suffix, fill, outline, width = pal.marker_style(status)
    if status in pal.RINGS and filled and len(df):
        over = [(round(a, 3), round(b, 3)) in filled for a, b in zip(df["lat"], df["lon"])]
        if any(over):
            sizes = size if isinstance(size, list) else [size] * len(df)
            size = [x * 1.7 if o else x for x, o in zip(sizes, over)]
            fill = [pal.OPEN_RING if o else fill for o in over]
    return {"symbol": [b + suffix for b in base], "color": fill, "size": size,
            "line": {"color": outline, "width": width}}  # fmt: skip


def _points(catalog: Catalog, st: ViewState, layer: PointLayer) -> dict[str, dict]:
    lang = st.lang
    df = select(catalog, st.network_filter()).layer(layer.id)
    upd: dict[str, dict] = {}
    if layer.areas:
        regional = df["region_id"].astype(bool) if "region_id" in df else df["lat"].isna()
        upd.update(_areas(catalog, st, layer, df[regional]))
        df = df[~regional]
    cls = layer.classify(df)
    shown = layer.id in st.layers
    # where a ring (planned, proposed) stands on a filled marker (an office already there: the
    # GBA proposal's Guangzhou office on the Guangdong ETO), it is drawn around it, open
    filled = {(round(a, 3), round(b, 3)) for a, b, c in zip(df["lat"], df["lon"], cls)
              if c not in pal.RINGS}  # fmt: skip
    for c in layer.classes:
        sub = _legend_first(layer, df[cls == c])
        visible = shown and (True if len(sub) else "legendonly")
        name = _legend_name(layer, c, len(sub), lang)
        if layer.draw == "arcs":
            lat, lon = _arcs(sub)
            upd[f"{layer.id}_{c}"] = {"lat": lat, "lon": lon, "name": name, "visible": visible}
            continue
        upd[f"{layer.id}_{c}"] = {
            "lat": sub["lat"].tolist(),
            "lon": sub["lon"].tolist(),
            "marker": _marker(layer, sub, c, filled),
            "text": point_hover(layer, sub, [c] * len(sub), lang, catalog.version),
            "customdata": [f"{layer.id}:{i}" for i in sub["id"]],
            "name": name,
            "visible": visible,
        }  # fmt: skip
    if layer.draw == "arcs":
        busy = df[(busy_share(df, st) >= BUSY_PER_WEEK) & np.isin(np.asarray(cls), BUSY_CLASSES)]
        lat, lon = _arcs(busy)
        upd[f"{layer.id}_busy"] = {
            "lat": lat, "lon": lon, "name": t("routes.busy", lang, n=len(busy)),
            "visible": shown and (True if len(busy) else "legendonly"),
        }  # fmt: skip
        upd[f"{layer.id}_points"] = {
            "lat": df["lat"].tolist(),
            "lon": df["lon"].tolist(),
            "marker": {"color": [pal.STATUS_COLOURS[c] for c in cls], "size": layer.marker_size},
            "text": point_hover(layer, df, list(cls), lang, catalog.version),
            "customdata": [f"{layer.id}:{i}" for i in df["id"]],
            # each destination's country: hovering a country brings out its routes (atlas.js)
            "meta": [str(x or "") for x in df["country_iso3"]],
            "visible": shown,
        }
    return upd


@reads_draft
def trace_updates(catalog: Catalog, state: ViewState, side: str | None = None, shape: str = "normal",
                  size: tuple[int, int] | None = None) -> dict[str, dict]:  # fmt: skip
    """Per trace name, the properties that depend on the view state (cached; do not mutate).
    ``shape``: "normal" (explore), "narrow" (a compare half) or "wide" (present mode, slides:
    a legend column on the right); ``size``: the geo domain in px, for placing the labels."""
    key = state.effective(side).with_(view="explore", compare="split", table="offices", scene=0,
                                      deck="default")  # fmt: skip
    return _trace_updates(catalog, key, metric_of(state, side), shape, tuple(size or SIZES[shape]))


@lru_cache(maxsize=256)
def _trace_updates(
    catalog: Catalog, st: ViewState, metric: str, shape: str, size: tuple[int, int]
) -> dict:
    upd = {**_countries(catalog, st, metric, shape), **_provinces(catalog, st, metric, shape)}
    for layer in LAYERS.values():
        upd.update(_points(catalog, st, layer))
    upd["hk"] = {"text": [t("map.hk", st.lang)], "name": t("map.hk", st.lang)}
    upd.update(_rings(st))
    view = view_for(catalog, st, size)
    frame = Frame(view, *size)
    world = WORLD_SCREEN_URL if zoomed_out(view) else WORLD_URL
    for name in WORLD_TRACES:
        upd[name] = {**upd.get(name, {}), "geojson": world}
    font = (
        LABEL_PX[shape] * (size[0] / SIZES[shape][0]) ** 0.5 if shape == "wide" else LABEL_PX[shape]
    )
    obstacles = _markers(frame, upd) + (_modebar(size) if shape in ("normal", "narrow") else [])
    placed = lbl.place(lbl.candidates(catalog, st), frame, font, st.labels, obstacles)
    upd.update(lbl.traces(placed, frame, round(font, 1), FONT))
    return upd


def zoomed_out(view) -> bool:
    """Whether a view shows so much of the world that the screen level of its geometry is
    enough (a continent or more, on Natural Earth)."""
    lo, hi = view.lon_range
    return view.projection == "natural earth" and hi - lo >= SCREEN_MIN_LON_SPAN


def _modebar(size: tuple[int, int]) -> list[tuple[float, float, float]]:
    """The screen map's mode bar (four buttons at the top right) as obstacles for labels."""
    return [(size[0] - 14 - 25 * i, 12, 13) for i in range(4)]


def _rings(st: ViewState) -> dict[str, dict]:
    """Distance rings around Hong Kong, on the Hong Kong-centred projection only."""
    if st.projection != "hk":
        return {"rings": {"lat": [], "lon": []}, "ring_labels": {"lat": [], "lon": [], "text": []}}
    lat, lon = [], []
    for r in RINGS_KM:
        la, lo = ring(r)
        lat += [*la, None]
        lon += [*lo, None]
    marks = [ring(r, 9) for r in RINGS_KM]  # the label of each ring, at its top (north)
    return {
        "rings": {"lat": lat, "lon": lon},
        "ring_labels": {"lat": [m[0][0] for m in marks], "lon": [m[1][0] for m in marks],
                        "text": [t("map.ring", st.lang, km=f"{r:,}") for r in RINGS_KM]},
    }  # fmt: skip


def _markers(frame: Frame, upd: dict) -> list[tuple[float, float, float]]:
    """Every marker drawn (x, y, radius px), Hong Kong's star included: no label may cover one."""
    out = []
    for name in MARKER_TRACES:
        props = upd.get(name, {})
        if not props.get("lat") or props.get("visible") is False:
            continue
        size = (props.get("marker") or {}).get("size", 10)
        r = (max(size) if isinstance(size, list) else size) / 2
        xs, ys = frame.to_px(props["lon"], props["lat"])
        out += [
            (float(x), float(y), r + 1) for x, y in zip(xs, ys) if np.isfinite(x) and np.isfinite(y)
        ]
    hx, hy = frame.to_px([HKG_AIRPORT[1]], [HKG_AIRPORT[0]])
    out.append((float(hx[0]), float(hy[0]), 9.0))
    return out


def layout(catalog: Catalog, state: ViewState, *, height: int | None = None, shape: str = "normal",
           size: tuple[int, int] | None = None) -> dict:  # fmt: skip
    """The figure's layout: the view (``figures/view.py``), widened to the geo domain's size,
    fills the whole frame; wide maps keep a legend column on the right."""
    view = view_for(catalog, state, size or SIZES[shape])
    out = {
        "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
        "height": height,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT},
        "geo": {
            "visible": False,
            "showframe": False,
            "bgcolor": pal.OCEAN,
            **view.geo(),
            "domain": {"x": [0, 1], "y": [0, 1]},
        },
        "showlegend": shape == "wide",
        "uirevision": _uirevision(state),
        "hoverlabel": {"bgcolor": "white", "font": {"size": 13}},
        "dragmode": "pan",
    }  # fmt: skip
    if shape == "wide":
        out["geo"]["domain"] = {"x": MAP_DOMAIN_X_WIDE, "y": [0, 1]}
        out["legend"] = {"orientation": "v", "x": 0.79, "y": 1.0, "yanchor": "top", "font": {"size": 14},
                         "bgcolor": "rgba(255,255,255,0.85)", "groupclick": "toggleitem",
                         "itemsizing": "constant"}  # fmt: skip
    return out


def _uirevision(state: ViewState) -> str:
    """What resets the user's pan and zoom: a new zoom, projection or region fit."""
    return f"{state.focus}|{state.projection}|{','.join(state.regions)}"


@reads_draft
def figure(catalog: Catalog, state: ViewState, side: str | None = None, *, height: int | None = None,
           shape: str = "normal", size: tuple[int, int] | None = None) -> dict:  # fmt: skip
    """The whole figure as a plain dict (geometry by URL, not inline)."""
    data = _skeleton()
    for name, props in trace_updates(catalog, state, side, shape, size).items():
        _merge(data[INDEX[name]], props)
    return {"data": data, "layout": layout(catalog, state, height=height, shape=shape, size=size)}


def _merge(target: dict, props: dict) -> None:
    for k, v in props.items():
        if isinstance(v, dict) and isinstance(target.get(k), dict):
            target[k] = {**target[k], **v}
        else:
            target[k] = v


def patch(catalog: Catalog, state: ViewState, old: ViewState | None, side: str | None = None,
          shape: str = "normal", size: tuple[int, int] | None = None,
          old_size: tuple[int, int] | None = None) -> dash.Patch:  # fmt: skip
    """What changed between the figure drawn for ``old`` and the one for ``state``, as a
    Patch: only the trace properties that differ (no geometry, no skeleton)."""
    p = dash.Patch()
    new_u = trace_updates(catalog, state, side, shape, size)
    old_u = trace_updates(catalog, old, side, shape, old_size) if old is not None else {}
    for name, props in new_u.items():
        i = INDEX[name]
        before = old_u.get(name, {})
        for k, v in props.items():
            if k not in before or before[k] != v:
                assign(p["data"][i], k, before.get(k), v)
    new_view = old is None or _uirevision(old) != _uirevision(state)
    resized = (old_size or SIZES[shape]) != (size or SIZES[shape])
    if new_view or resized:
        lay = layout(catalog, state, shape=shape, size=size)
        # a new view resets the user's pan and zoom; a new size widens the ranges to it and
        # centres them (labels are placed for that view: see view.centred)
        for k in (
            ("center", "projection", "lonaxis", "lataxis")
            if new_view
            else ("center", "lonaxis", "lataxis")
        ):
            p["layout"]["geo"][k] = lay["geo"][k]
        if new_view:
            p["layout"]["uirevision"] = lay["uirevision"]
    return p
