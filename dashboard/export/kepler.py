"""The view as a kepler.gl map (``/export/kepler.json``): an analyst continues in kepler.gl.

A saved map in kepler.gl's format, schema version ``v1`` (what kepler.gl 2.x and 3.x write with
"Export map → JSON" and read with "Load map"): one dataset per layer of the view (the API's
columns, ``source`` and ``document_id`` included) and a config with a layer for each — the
countries' choropleth of the view's metric (a GeoJSON layer, our metric colours), the offices and
sister cities as points and the routes as arcs from HKG (our status colours).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import tables as lyr
from dashboard.figures.palette import STATUS_COLOURS
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.codes import HKG_AIRPORT
from geodata.metrics import METRICS

VERSION = "v1"
GEOJSON_FIELD = "_geojson"


def _rgb(hex_colour: str) -> list[int]:
    h = hex_colour.lstrip("#")
    return [int(h[i : i + 2], 16) for i in (0, 2, 4)]


def _field_type(series: pd.Series) -> str:
    if series.name == GEOJSON_FIELD:
        return "geojson"
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "real"
    return "string"


def dataset(data_id: str, label: str, df: pd.DataFrame) -> dict:
    fields = [{"name": str(c), "type": _field_type(df[c]), "format": "", "analyzerType": _field_type(df[c]).upper()}
              for c in df.columns]  # fmt: skip
    rows = [[lyr.native(v) for v in row] for row in df.itertuples(index=False, name=None)]
    return {"version": VERSION, "data": {"id": data_id, "label": label, "color": [11, 79, 138],
                                         "allData": rows, "fields": fields}}  # fmt: skip


def _status_channel(df: pd.DataFrame) -> dict:
    statuses = [s for s in STATUS_COLOURS if s in set(df.get("status", []))] or ["existing"]
    return {
        "colorField": {"name": "status", "type": "string"},
        "colorScale": "ordinal",
        "colorRange": {"name": "Hong Kong Network Atlas status", "type": "custom", "category": "Custom",
                       "colors": [STATUS_COLOURS[s] for s in statuses]},
        "statuses": statuses,
    }  # fmt: skip


def _layer(layer_id: str, kind: str, data_id: str, label: str, columns: dict, colour: str,
           vis: dict, channels: dict | None = None) -> dict:  # fmt: skip
    channels = dict(channels or {})
    colour_range = channels.pop("colorRange", None)
    channels.pop("statuses", None)
    vis_config = {"opacity": 0.85, **vis}
    if colour_range:
        vis_config["colorRange"] = colour_range
    return {
        "id": layer_id,
        "type": kind,
        "config": {"dataId": data_id, "label": label, "color": _rgb(colour), "columns": columns,
                   "isVisible": True, "visConfig": vis_config, "hidden": False,
                   "textLabel": [{"field": None, "color": [29, 39, 51], "size": 14, "offset": [0, 0],
                                  "anchor": "start", "alignment": "center"}]},
        "visualChannels": {"colorField": None, "colorScale": "quantile", "sizeField": None,
                           "sizeScale": "linear", **channels},
    }  # fmt: skip


@reads_draft
def kepler_map(catalog: Catalog, state: ViewState, sources: list[str]) -> dict:
    """The kepler.gl saved map of ``state`` (``sources``: the documents behind what it shows)."""
    lang = state.lang
    datasets, layers = [], []
    metric = METRICS[state.metric]
    countries = lyr.layer_frame(catalog, state, "countries", lang=lang)
    geoms = lyr.to_geojson(countries, "countries", catalog)["features"]
    countries = countries.assign(**{GEOJSON_FIELD: [f["geometry"] for f in geoms]})
    countries = countries[[f["geometry"] is not None for f in geoms]]
    datasets.append(dataset("countries", "Countries", countries))
    colour_field = f"{state.metric}_label" if f"{state.metric}_label" in countries else state.metric
    colours = [c.colour for c in metric.categories] or list(metric.colours)
    layers.append(_layer(
        "countries", "geojson", "countries", metric.label.en, {"geojson": GEOJSON_FIELD}, "#9abad9",
        {"filled": True, "stroked": True, "thickness": 0.5, "strokeColor": [255, 255, 255]},
        {"colorField": {"name": colour_field, "type": _field_type(countries[colour_field])},
         "colorScale": "ordinal" if metric.categorical else "quantize",
         "colorRange": {"name": metric.label.en, "type": "custom", "category": "Custom", "colors": colours}},
    ))  # fmt: skip
    hk_lat, hk_lon = HKG_AIRPORT
    for name in state.point_layers:
        df = lyr.layer_frame(catalog, state, name, lang=lang)
        df = df[df["lat"].notna() & df["lon"].notna()] if "lat" in df else df
        if df.empty:
            continue
        label = {"offices": "Offices", "routes": "Flights from HKG", "cities": "Sister cities"}.get(
            name, name
        )
        if name == "routes":
            df = df.assign(origin_lat=hk_lat, origin_lon=hk_lon)
            columns = {"lat0": "origin_lat", "lng0": "origin_lon", "lat1": "lat", "lng1": "lon"}
            layers.append(_layer(name, "arc", name, label, columns, STATUS_COLOURS["existing"],
                                 {"thickness": 1.5}, _status_channel(df)))  # fmt: skip
        else:
            layers.append(_layer(name, "point", name, label, {"lat": "lat", "lng": "lon", "altitude": None},
                                 STATUS_COLOURS["existing"], {"radius": 8, "filled": True,
                                                              "outline": True, "thickness": 1},
                                 _status_channel(df)))  # fmt: skip
        datasets.append(dataset(name, label, df))
    tooltip = {d["data"]["id"]: [{"name": f, "format": None} for f in ("name", "status", "source")
                                  if f in {x["name"] for x in d["data"]["fields"]}]
               for d in datasets}  # fmt: skip
    return {
        "datasets": datasets,
        "config": {"version": VERSION, "config": {
            "visState": {"filters": [], "layers": layers, "layerBlending": "normal", "splitMaps": [],
                         "interactionConfig": {"tooltip": {"fieldsToShow": tooltip, "enabled": True},
                                               "brush": {"size": 0.5, "enabled": False},
                                               "geocoder": {"enabled": False}, "coordinate": {"enabled": False}},
                         "animationConfig": {"currentTime": None, "speed": 1}},
            "mapState": {"bearing": 0, "dragRotate": False, "latitude": 22.3, "longitude": 114.2,
                         "pitch": 0, "zoom": 1.5, "isSplit": False},
            "mapStyle": {"styleType": "light", "topLayerGroups": {}, "visibleLayerGroups": {},
                         "threeDBuildingColor": [9.7, 9.7, 9.7], "mapStyles": {}},
        }},
        "info": {"app": "kepler.gl", "created_at": dt.datetime.now(dt.UTC).strftime("%a %b %d %Y %H:%M:%S GMT"),
                 "title": "Hong Kong Network Atlas", "description": "Exported from the Hong Kong Network Atlas "
                 f"(link: ?{state.to_query()}). Each record's source is in its 'source' column.",
                 "source": "; ".join(sources)},
    }  # fmt: skip
