"""The records behind each map layer as public tables, and their CSV / GeoJSON forms.

Pure functions of ``(Catalog, ViewState)``, shared by the API downloads and the Table
view.  Every table carries the public columns only (no ``_line`` or join helpers), the
names in both languages plus a ``name`` in the chosen language, and always
``document_id``, ``document_title``, ``source`` and ``confidence``.  Row order is stable:
point layers follow the curated files, countries are sorted by ISO3, provinces by adcode.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import pandas as pd
from shapely.geometry import mapping

from dashboard.state import Options, ViewState
from geodata.catalog import Catalog
from geodata.metrics import PRESENCE_LEVELS, country_metrics, province_metrics
from geodata.network import AGREEMENT_FACTS, NetworkFilter, _str_dates, select

LAYERS = ("offices", "cities", "routes", "countries", "provinces")
POINT_LAYERS = ("offices", "cities", "routes")
HKG_AIRPORT = (22.308, 113.918)  # lat, lon of Hong Kong International Airport
COORD_DIGITS = 4  # ~11 m: finer than the simplified boundaries
CONFIDENCE_ORDER = ("low", "medium", "high")  # weakest first

_SOURCE_COLS = ("document_id", "document_title", "source", "confidence")
# public columns per point layer, in output order; ``name``/``country_*``/``province_*``
# and the document columns are added by :func:`_point_frame`
_COLUMNS = {
    "offices": (
        "id", "name", "name_en", "name_zh", "kind", "parent_id", "city_en", "city_zh",
        "country_iso3", "country_en", "country_zh", "adcode", "province_en", "province_zh",
        "lat", "lon", "precision", "status", "status_at", "realised", "opened", "closed",
        "realised_by", *_SOURCE_COLS, "notes",
    ),
    "cities": (
        "id", "name", "city_en", "city_zh", "country_iso3", "country_en", "country_zh",
        "adcode", "province_en", "province_zh", "lat", "lon", "theme", "status", "status_at",
        *_SOURCE_COLS, "notes",
    ),
    "routes": (
        "id", "dest_iata", "name", "city_en", "city_zh", "country_iso3", "country_en",
        "country_zh", "adcode", "province_en", "province_zh", "lat", "lon", "service", "status",
        "status_at", "since", "until", "airlines", "frequency", "as_of", "new_2024_25",
        *_SOURCE_COLS, "notes",
    ),
}  # fmt: skip
_NAME_BASE = {"offices": "name", "cities": "city", "routes": "city"}


def options(catalog: Catalog) -> Options:
    """The data-dependent choices of the view state: region, proposal and deck ids
    (``mine`` is the user's own deck, kept in the browser)."""
    from dashboard.scenes import MY_DECK, deck_names

    return Options(regions=tuple(catalog.regions["id"]), proposals=tuple(catalog.proposal_ids),
                   decks=tuple(dict.fromkeys(["default", *deck_names(), MY_DECK])))


def _check_layer(layer: str) -> None:
    if layer not in LAYERS:
        raise ValueError(f"layer was {layer!r} but is expected to be one of {LAYERS}")


def _pick(en: pd.Series, zh: pd.Series, lang: str) -> list[str]:
    """Per row, the text in ``lang`` with a fallback to the other language."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return [a or b for a, b in zip(first, second)]


def _lookup(keys: pd.Series, table: dict) -> list[str]:
    return [table.get(k, "") for k in keys]


@lru_cache(maxsize=8)
def _names(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Name tables: country_en/zh by ISO3, province_en/zh by adcode, doc_en/zh by document id."""
    c = catalog.country_names
    p = catalog.provinces
    d = catalog.documents
    return {
        "country_en": dict(zip(c.index, c["name_en"])),
        "country_zh": dict(zip(c.index, c["name_zh"])),
        "province_en": dict(zip(p["adcode"], p["name_en"])),
        "province_zh": dict(zip(p["adcode"], p["name_zh"])),
        "doc_en": dict(zip(d["id"], d["title_en"])),
        "doc_zh": dict(zip(d["id"], d["title_zh"])),
    }


def _doc_titles(catalog: Catalog, doc_ids: pd.Series, lang: str) -> list[str]:
    """Titles in ``lang`` of ``;``-separated document ids (fallback: the other language)."""
    n = _names(catalog)
    first, second = (n["doc_zh"], n["doc_en"]) if lang == "zh" else (n["doc_en"], n["doc_zh"])
    out = []
    for ids in doc_ids:
        parts = [i for i in str(ids).split(";") if i]
        out.append("; ".join(first.get(i) or second.get(i, i) for i in parts))
    return out


def _point_frame(catalog: Catalog, df: pd.DataFrame, layer: str, lang: str) -> pd.DataFrame:
    n = _names(catalog)
    out = df.reset_index(drop=True).copy()
    base = _NAME_BASE[layer]
    out["name"] = _pick(out[f"{base}_en"], out[f"{base}_zh"], lang)
    out["country_en"] = _lookup(out["country_iso3"], n["country_en"])
    out["country_zh"] = _lookup(out["country_iso3"], n["country_zh"])
    out["province_en"] = _lookup(out["adcode"], n["province_en"])
    out["province_zh"] = _lookup(out["adcode"], n["province_zh"])
    out["document_title"] = _doc_titles(catalog, out["document_id"], lang)
    cols = [c for c in _COLUMNS[layer] if c in out.columns]
    out = out[cols]
    if "realised" in out.columns:
        out["realised"] = out["realised"].astype(bool)
    for c in ("lat", "lon"):
        out[c] = out[c].astype(float)
    return out


# -- countries and provinces ---------------------------------------------------------------
def _facts_in_force(catalog: Catalog, as_of: str) -> pd.DataFrame:
    """Country facts counted by the metrics (agreements, Belt and Road, visits) on ``as_of``."""
    f = catalog.country_facts
    f = f[f["fact"].isin((*AGREEMENT_FACTS, "bri", "ce_visit"))]
    start, end = _str_dates(f["date"]), _str_dates(f["end_date"])
    # as in geodata.metrics: a Belt and Road exit ends membership; agreements just start
    ok = [
        (not s or s <= as_of) and (fact != "bri" or not e or e > as_of)
        for s, e, fact in zip(start, end, f["fact"])
    ]
    return f.loc[np.array(ok, dtype=bool)] if len(f) else f


def _provenance(records: pd.DataFrame, key: str) -> tuple[dict[str, str], dict[str, str]]:
    """Per code: the ``;``-joined document ids of its records, and their weakest confidence."""
    rank = {c: i for i, c in enumerate(CONFIDENCE_ORDER)}
    docs: dict[str, set[str]] = {}
    conf: dict[str, int] = {}
    for code, doc, c in zip(records[key], records["document_id"], records["confidence"]):
        if not code:
            continue
        docs.setdefault(code, set()).add(doc)
        if c in rank:
            conf[code] = min(conf.get(code, len(rank)), rank[c])
    return (
        {k: ";".join(sorted(v)) for k, v in docs.items()},
        {k: CONFIDENCE_ORDER[v] for k, v in conf.items()},
    )


def _records(frames: list[pd.DataFrame], key: str) -> pd.DataFrame:
    cols = [key, "document_id", "confidence"]
    parts = [f[cols] for f in frames if len(f)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def _with_provenance(
    catalog: Catalog, out: pd.DataFrame, prov: tuple[dict, dict], as_of: str, lang: str
) -> pd.DataFrame:
    docs, conf = prov
    codes = out.index
    out["as_of"] = as_of
    out["document_id"] = [docs.get(c, "") for c in codes]
    out["document_title"] = _doc_titles(catalog, out["document_id"], lang)
    out["source"] = [
        f"Computed by the Hong Kong Network Atlas from the records shown as of {as_of}"
        + (f" (documents: {d.replace(';', ', ')})" if d else " (no records)")
        for d in out["document_id"]
    ]
    out["confidence"] = [conf.get(c, "") for c in codes]
    return out


def _area_frame(
    catalog: Catalog, m: pd.DataFrame, prov: tuple[dict, dict], kind: str, key: str,
    flt: NetworkFilter, lang: str,
) -> pd.DataFrame:
    """Metrics ``m`` (indexed by code, with ``in_region``) as a public table."""
    m = m[m["in_region"]].drop(columns="in_region").sort_index()
    n = _names(catalog)
    codes = m.index.to_series()
    out = pd.DataFrame(index=m.index)
    out["name_en"] = _lookup(codes, n[f"{kind}_en"])
    out["name_zh"] = _lookup(codes, n[f"{kind}_zh"])
    out.insert(0, "name", _pick(out["name_en"], out["name_zh"], lang))
    out = pd.concat([out, m.astype(int)], axis=1)
    labels = [PRESENCE_LEVELS[int(v)] for v in m["presence"]]
    out.insert(out.columns.get_loc("presence") + 1, "presence_label", labels)
    out = _with_provenance(catalog, out, prov, flt.as_of, lang)
    return out.rename_axis(key).reset_index()


def _country_frame(catalog: Catalog, flt: NetworkFilter, lang: str) -> pd.DataFrame:
    shown = select(catalog, flt)
    facts = _facts_in_force(catalog, flt.as_of).rename(columns={"iso3": "country_iso3"})
    offices = shown.offices[shown.offices["precision"] != "region"]
    records = _records([offices, shown.routes, shown.cities, facts], "country_iso3")
    prov = _provenance(records, "country_iso3")
    return _area_frame(catalog, country_metrics(catalog, flt), prov, "country", "iso3", flt, lang)


def _province_frame(catalog: Catalog, flt: NetworkFilter, lang: str) -> pd.DataFrame:
    shown = select(catalog, flt)
    offices = shown.offices[shown.offices["precision"] != "region"]
    prov = _provenance(_records([offices, shown.routes, shown.cities], "adcode"), "adcode")
    return _area_frame(catalog, province_metrics(catalog, flt), prov, "province", "adcode", flt, lang)


def layer_frame(catalog: Catalog, state: ViewState, layer: str, lang: str = "en") -> pd.DataFrame:
    """The filtered records of ``layer`` for ``state`` with public columns only."""
    _check_layer(layer)
    flt = state.network_filter()
    if layer in POINT_LAYERS:
        return _point_frame(catalog, select(catalog, flt).layer(layer), layer, lang)
    if layer == "countries":
        return _country_frame(catalog, flt, lang)
    return _province_frame(catalog, flt, lang)


# -- serialisation ----------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "@", "\t", "\r")


def _csv_safe(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(df: pd.DataFrame) -> str:
    """CSV text with a UTF-8 BOM (so Excel reads Chinese correctly) and CRLF line ends."""
    out = df.copy()
    for c in out.columns:
        if out[c].dtype == object or pd.api.types.is_string_dtype(out[c]):
            out[c] = [_csv_safe(v) for v in out[c]]
    return "\ufeff" + out.to_csv(index=False, lineterminator="\r\n")


def _native(value):
    """A JSON-safe Python value (numpy scalars unboxed, NaN/inf -> None)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def _round(coords):
    if isinstance(coords[0], (int, float)):
        return [round(float(x), COORD_DIGITS) for x in coords]
    return [_round(c) for c in coords]


def _geometry_dict(geom) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    g = mapping(geom)
    if g["type"] == "GeometryCollection":
        return {"type": g["type"], "geometries": [_geometry_dict(x) for x in geom.geoms]}
    return {"type": g["type"], "coordinates": _round(g["coordinates"])}


@lru_cache(maxsize=8)
def _area_geometries(catalog: Catalog, layer: str) -> dict[str, dict | None]:
    """GeoJSON geometry per ISO3 (countries) or adcode (provinces), built once per catalog.

    Hong Kong, Macao and Taiwan take their provincial outline; a country whose outline was
    simplified away falls back to its point in ``tiny_points`` when there is one.
    """
    prov = {a: _geometry_dict(g) for a, g in zip(catalog.provinces["adcode"], catalog.provinces.geometry)}
    if layer == "provinces":
        return prov
    out = {i: _geometry_dict(g) for i, g in zip(catalog.world["iso3"], catalog.world.geometry)}
    for iso3, adcode in (("HKG", "810000"), ("MAC", "820000"), ("TWN", "710000")):
        out.setdefault(iso3, prov.get(adcode))
    tiny = catalog.tiny_points
    if {"iso3", "lat", "lon"} <= set(tiny.columns):
        for iso3, lat, lon in zip(tiny["iso3"], tiny["lat"], tiny["lon"]):
            if out.get(iso3) is None:
                out[iso3] = {"type": "Point", "coordinates": _round([float(lon), float(lat)])}
    return out


def _point(lon, lat) -> dict:
    return {"type": "Point", "coordinates": _round([float(lon), float(lat)])}


def to_geojson(df: pd.DataFrame, layer: str, catalog: Catalog) -> dict:
    """A FeatureCollection of ``df`` (a :func:`layer_frame`); properties are the row."""
    _check_layer(layer)
    hkg = [HKG_AIRPORT[1], HKG_AIRPORT[0]]
    key = {"countries": "iso3", "provinces": "adcode"}.get(layer, "id")
    areas = _area_geometries(catalog, layer) if layer not in POINT_LAYERS else {}
    features = []
    for row in df.to_dict(orient="records"):
        props = {k: _native(v) for k, v in row.items()}
        if layer == "routes":
            geom = {"type": "LineString", "coordinates": [hkg, _point(row["lon"], row["lat"])["coordinates"]]}
        elif layer in POINT_LAYERS:
            geom = _point(row["lon"], row["lat"])
        else:
            geom = areas.get(row[key])
        features.append({"type": "Feature", "id": props[key], "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "features": features}
