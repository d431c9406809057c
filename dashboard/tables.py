"""The records behind each map layer as public tables, and their CSV / GeoJSON forms.

Pure functions of ``(Catalog, ViewState)``, shared by the API downloads and the Table view.
A point layer's columns are its declaration's (``geodata/layers.py``); the area tables
(countries, provinces) carry every metric of ``geodata/metrics.py``. Every table has the names
in both languages plus ``name`` in the chosen language, and always ``document_id``,
``document_title``, ``source`` and ``confidence``. Row order is stable: point layers follow the
curated files, countries are sorted by ISO3, provinces by adcode.
"""

from __future__ import annotations

import math
from dataclasses import fields
from functools import lru_cache

import numpy as np
import pandas as pd
from shapely.geometry import mapping

from dashboard.i18n import t
from dashboard.state import TABLE_LAYERS, ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.codes import CHINA_PARTS, CONFIDENCES, HKG_AIRPORT
from geodata.geodesic import great_circle
from geodata.layers import LAYERS as POINT_LAYERS
from geodata.measures import placed_offices
from geodata.metrics import AGREEMENT_FACTS, METRICS, country_metrics, province_metrics
from geodata.network import NetworkFilter, facts_in_force, select
from geodata.text import pick
from geodata.track import Item, as_dicts, track_record

LAYERS = TABLE_LAYERS
AREA_KEYS = {"countries": "iso3", "provinces": "adcode"}
COORD_DIGITS = 4  # ~11 m: finer than the simplified boundaries


def _check_layer(layer: str) -> None:
    if layer not in LAYERS:
        raise ValueError(f"layer was {layer!r} but is expected to be one of {LAYERS}")


def _pick_all(en: pd.Series, zh: pd.Series, lang: str) -> list[str]:
    return [pick(a, b, lang) for a, b in zip(en, zh)]


def _lookup(keys: pd.Series, table: dict) -> list[str]:
    return [table.get(k, "") for k in keys]


@lru_cache(maxsize=8)
def _names(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Name tables: country_en/zh by ISO3, province_en/zh by adcode, doc_en/zh by document id."""
    c = catalog.country_names
    p = catalog.province_names
    d = catalog.documents
    return {
        "country_en": dict(zip(c.index, c["name_en"])),
        "country_zh": dict(zip(c.index, c["name_zh"])),
        "province_en": dict(zip(p.index, p["name_en"])),
        "province_zh": dict(zip(p.index, p["name_zh"])),
        "doc_en": dict(zip(d["id"], d["title_en"])),
        "doc_zh": dict(zip(d["id"], d["title_zh"])),
    }


def _doc_titles(catalog: Catalog, doc_ids: pd.Series, lang: str) -> list[str]:
    """Titles in ``lang`` of ``;``-separated document ids (fallback: the other language)."""
    n = _names(catalog)
    out = []
    for ids in doc_ids:
        parts = [i for i in str(ids).split(";") if i]
        out.append(
            "; ".join(pick(n["doc_en"].get(i, i), n["doc_zh"].get(i, ""), lang) for i in parts)
        )
    return out


def _point_frame(catalog: Catalog, df: pd.DataFrame, layer: str, lang: str) -> pd.DataFrame:
    n = _names(catalog)
    x = POINT_LAYERS[layer]
    out = df.reset_index(drop=True).copy()
    out["name"] = _pick_all(out[x.name[0]], out[x.name[1]], lang)
    out["country_en"] = _lookup(out["country_iso3"], n["country_en"])
    out["country_zh"] = _lookup(out["country_iso3"], n["country_zh"])
    out["province_en"] = _lookup(out["adcode"], n["province_en"])
    out["province_zh"] = _lookup(out["adcode"], n["province_zh"])
    out["document_title"] = _doc_titles(catalog, out["document_id"], lang)
    out = out[[c for c in x.columns if c in out.columns]]
    if "realised" in out.columns:
        out["realised"] = out["realised"].astype(bool)
    for c in ("lat", "lon"):
        out[c] = out[c].astype(float)
    return out


# -- countries and provinces ---------------------------------------------------------------
def _provenance(records: pd.DataFrame, key: str) -> tuple[dict[str, str], dict[str, str]]:
    """Per code: the ``;``-joined document ids of its records, and their weakest confidence."""
    weakest = tuple(reversed(CONFIDENCES))
    rank = {c: i for i, c in enumerate(weakest)}
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
        {k: weakest[v] for k, v in conf.items()},
    )


def _records(frames: list[pd.DataFrame], key: str) -> pd.DataFrame:
    cols = [key, "document_id", "confidence"]
    parts = [f[cols] for f in frames if len(f)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def _with_provenance(catalog: Catalog, out: pd.DataFrame, prov: tuple[dict, dict], as_of: str,
                     lang: str) -> pd.DataFrame:  # fmt: skip
    docs, conf = prov
    codes = out.index
    out["as_of"] = as_of
    out["document_id"] = [docs.get(c, "") for c in codes]
    out["document_title"] = _doc_titles(catalog, out["document_id"], lang)
    out["source"] = [
        t("provenance.computed", lang, as_of=as_of)
        + (
            t("provenance.docs", lang, docs=d.replace(";", ", "))
            if d
            else t("provenance.none", lang)
        )
        for d in out["document_id"]
    ]
    out["confidence"] = [conf.get(c, "") for c in codes]
    return out


def _area_frame(catalog: Catalog, m: pd.DataFrame, prov: tuple[dict, dict], kind: str, key: str,
                flt: NetworkFilter, lang: str) -> pd.DataFrame:  # fmt: skip
    """Metrics ``m`` (indexed by code, with ``in_region``) as a public table; a categorical
    metric gets a ``<metric>_label`` column beside it."""
    m = m[m["in_region"]].drop(columns="in_region").sort_index()
    n = _names(catalog)
    codes = m.index.to_series()
    out = pd.DataFrame(index=m.index)
    out["name_en"] = _lookup(codes, n[f"{kind}_en"])
    out["name_zh"] = _lookup(codes, n[f"{kind}_zh"])
    out.insert(0, "name", _pick_all(out["name_en"], out["name_zh"], lang))
    for col in m.columns:
        out[col] = m[col].astype(int)
        metric = METRICS[col]
        if metric.categorical:
            labels = {c.value: c.label(lang) for c in metric.categories}
            out[f"{col}_label"] = [labels.get(int(v), "") for v in m[col]]
    out = _with_provenance(catalog, out, prov, flt.as_of, lang)
    return out.rename_axis(key).reset_index()


def _country_frame(catalog: Catalog, state: ViewState, lang: str) -> pd.DataFrame:
    flt = state.network_filter()
    shown = select(catalog, flt)
    facts = facts_in_force(catalog, flt.as_of, (*AGREEMENT_FACTS, "bri", "ce_visit"))
    facts = facts.rename(columns={"iso3": "country_iso3"})
    records = _records(
        [placed_offices(shown.offices), shown.routes, shown.cities, facts], "country_iso3"
    )
    prov = _provenance(records, "country_iso3")
    m = country_metrics(catalog, flt, state.point_layers)
    return _area_frame(catalog, m, prov, "country", "iso3", flt, lang)


#: The regions table's numbers: (column, the summary's coverage measure) — the numbers panel's.
REGION_MEASURES = (
    ("with_office", "countries_with_office"),
    ("covered_by_an_office", "countries_covered"),
    ("with_full_office", "countries_with_full_office"),
    ("with_route", "countries_with_route"),
    ("destinations", "destinations"),
)


def regions_frame(catalog: Catalog, state: ViewState, lang: str) -> pd.DataFrame:
    """Each region of countries side by side: its countries, how many have an office, are
    covered by one, have a flight (as the view's filters count them), are Belt and Road members
    and have an agreement in force. Each number is the one the map's numbers panel shows with
    that region chosen (``/api/v1/summary?region=<id>``)."""
    from geodata.measures import summary

    regions = catalog.table("regions")
    rows = []
    for r in regions[regions["level"] == "country"].itertuples():
        st = state.with_(regions=(r.id,))
        nums = summary(catalog, st.effective().network_filter())
        members = _country_frame(catalog, st, lang)
        row = {"name": r.name_zh if lang == "zh" else r.name_en, "id": r.id,
               "countries": len(members)}  # fmt: skip
        row.update({col: int(nums["coverage"][m]) for col, m in REGION_MEASURES})
        row["bri_members"] = int((members["bri"] > 0).sum())
        row["with_agreement"] = int((members["agreements"] > 0).sum())
        # the membership's source; the numbers' records have theirs (the countries table)
        row.update(name_en=r.name_en, name_zh=r.name_zh, document_id="", document_title="", source=r.source,
                   confidence="")  # fmt: skip
        rows.append(row)
    return pd.DataFrame(rows)


def _province_frame(catalog: Catalog, state: ViewState, lang: str) -> pd.DataFrame:
    flt = state.network_filter()
    shown = select(catalog, flt)
    prov = _provenance(
        _records([placed_offices(shown.offices), shown.routes, shown.cities], "adcode"), "adcode"
    )
    m = province_metrics(catalog, flt, state.point_layers)
    return _area_frame(catalog, m, prov, "province", "adcode", flt, lang)


def _proposals_frame(catalog: Catalog, state: ViewState, lang: str) -> pd.DataFrame:
    """Every proposal's items with their outcome by the state's date (its track record): the
    chosen proposals, or all of them."""
    as_of = state.network_filter().as_of
    rows = [
        i
        for p in (state.proposals or catalog.proposal_ids)
        for i in as_dicts(track_record(catalog, p, as_of))
    ]
    df = pd.DataFrame(rows, columns=[f.name for f in fields(Item)])
    df.insert(0, "name", _pick_all(df["name_en"], df["name_zh"], lang))
    df["realised_by_name"] = _pick_all(df["realised_by_en"], df["realised_by_zh"], lang)
    df["document_id"] = df["proposal"]
    df["document_title"] = _doc_titles(catalog, df["proposal"], lang)
    df["as_of"] = as_of
    cols = [
        "name",
        "document_id",
        "document_title",
        "layer",
        "kind",
        "basis",
        "outcome",
        "realised_by",
        "realised_by_name",
        "realised_on",
        "years_after",
        "as_of",
        "name_en",
        "name_zh",
        "id",
        "source",
        "confidence",
    ]
    return df[cols]


@reads_draft
def layer_frame(catalog: Catalog, state: ViewState, layer: str, lang: str = "en") -> pd.DataFrame:
    """The filtered records of ``layer`` for ``state`` with public columns only."""
    _check_layer(layer)
    if layer == "proposals":
        return _proposals_frame(catalog, state, lang)
    if layer in POINT_LAYERS:
        return _point_frame(
            catalog, select(catalog, state.network_filter()).layer(layer), layer, lang
        )
    if layer == "countries":
        return _country_frame(catalog, state, lang)
    if layer == "regions":
        return regions_frame(catalog, state, lang)
    if layer == "gaps":
        from dashboard.gaps import gap_frame

        return gap_frame(catalog, state, lang)
    return _province_frame(catalog, state, lang)


def download_name(state: ViewState, layer: str, ext: str) -> str:
    """A file name that says what the file holds: layer, regions, proposals, airlines, year and language
    (``hk-atlas-offices-asean-2026-zh.csv``). Made of ids only (safe in a header)."""
    airlines = [a.lower() for a in state.airlines]
    parts = [
        "hk-atlas",
        layer,
        *([state.gap] if layer == "gaps" else []),
        *state.regions,
        *state.proposals,
        *airlines,
        str(state.year),
        state.lang,
    ]
    return "-".join(p for p in parts if p) + f".{ext}"


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


def native(value):
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
    prov = {
        a: _geometry_dict(g)
        for a, g in zip(catalog.provinces["adcode"], catalog.provinces.geometry)
    }
    if layer == "provinces":
        return prov
    out = {i: _geometry_dict(g) for i, g in zip(catalog.world["iso3"], catalog.world.geometry)}
    for iso3, adcode in CHINA_PARTS.items():
        out.setdefault(iso3, prov.get(adcode))
    tiny = catalog.tiny_points
    for iso3, lat, lon in zip(tiny["iso3"], tiny["lat"], tiny["lon"]):
        if out.get(iso3) is None:
            out[iso3] = {"type": "Point", "coordinates": _round([float(lon), float(lat)])}
    return out


def _point(lon, lat) -> dict:
    return {"type": "Point", "coordinates": _round([float(lon), float(lat)])}


def to_geojson(df: pd.DataFrame, layer: str, catalog: Catalog) -> dict:
    """A FeatureCollection of ``df`` (a :func:`layer_frame`); properties are the row (the
    proposals table has no geometry: its features carry ``null`` geometries)."""
    _check_layer(layer)
    hkg = [HKG_AIRPORT[1], HKG_AIRPORT[0]]
    key = AREA_KEYS.get(layer, "iso3" if layer == "gaps" and "iso3" in df else "id")
    area_layer = "countries" if layer == "gaps" and key == "iso3" else layer
    areas = _area_geometries(catalog, area_layer) if area_layer in AREA_KEYS else {}
    features = []
    for row in df.to_dict(orient="records"):
        props = {k: native(v) for k, v in row.items()}
        if area_layer in AREA_KEYS:
            geom = areas.get(row[key])
        elif layer in ("proposals", "regions", "gaps") or props.get("lat") is None:
            geom = None  # a region-level proposal stands at no point (see its region_id)
        elif POINT_LAYERS[layer].draw == "arcs":  # as flown: a great circle, cut at ±180°
            geom = great_circle(hkg[0], hkg[1], float(row["lon"]), float(row["lat"]))
        else:
            geom = _point(row["lon"], row["lat"])
        features.append(
            {"type": "Feature", "id": props[key], "geometry": geom, "properties": props}
        )
    return {"type": "FeatureCollection", "features": features}
