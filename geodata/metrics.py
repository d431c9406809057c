"""Per-country and per-province metrics for the choropleths (pure, vectorised, cached:
callers must not modify the frames they get)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from geodata.catalog import Catalog
from geodata.network import (
    AGREEMENT_FACTS,
    NetworkFilter,
    _region_codes,
    bri_members,
    dates_of,
    gain_filter,
    select,
)

# presence levels, strongest link first (a country shows its strongest link)
PRESENCE_LEVELS = ("none", "agreement", "city", "route", "office")


def _count_codes(values, index: pd.Index) -> np.ndarray:
    """How many times each code of ``index`` occurs in ``values``."""
    codes = index.get_indexer(np.asarray(values, dtype=object))
    return np.bincount(codes[codes >= 0], minlength=len(index))


@lru_cache(maxsize=64)
def _facts_count(catalog: Catalog, facts: tuple[str, ...], as_of: str) -> np.ndarray:
    """The iso3 of each fact of the given kinds dated on or before ``as_of``."""
    f = catalog.country_facts
    keep = f["fact"].isin(facts).to_numpy()
    start = dates_of(catalog, "country_facts", "date")[keep]
    ok = np.array([not s or s <= as_of for s in start], dtype=bool)
    return f["iso3"].to_numpy()[keep][ok]


def _in_region(catalog: Catalog, flt: NetworkFilter, codes: pd.Index, level: str) -> np.ndarray:
    if not flt.regions:
        return np.ones(len(codes), dtype=bool)
    iso, ad = _region_codes(catalog, flt.regions)
    if level == "country":
        return codes.isin(iso) | ((codes == "CHN") & bool(ad))
    return codes.isin(ad) | ("CHN" in iso)


def _counts(df: pd.DataFrame, key: str, index: pd.Index, mask: np.ndarray | None = None) -> np.ndarray:
    codes = index.get_indexer(df[key].to_numpy())
    if mask is not None:
        codes = codes[mask]
    return np.bincount(codes[codes >= 0], minlength=len(index))


def _office_counts(offices: pd.DataFrame, key: str, index: pd.Index) -> dict[str, np.ndarray]:
    """Offices placed in each code (region-level proposals are placed nowhere), by status."""
    placed = (offices["precision"] != "region").to_numpy()
    status = offices["status_at"].to_numpy()
    out = {"offices": _counts(offices, key, index, placed)}
    for s in ("existing", "planned", "proposed"):
        out[f"offices_{s}"] = _counts(offices, key, index, placed & (status == s))
    return out


def _selections(catalog: Catalog, flt: NetworkFilter):
    shown = select(catalog, flt)
    base = select(catalog, flt.baseline())
    gained = select(catalog, gain_filter(flt)) if flt.proposals else shown
    return shown, base, gained


@lru_cache(maxsize=128)
def country_metrics(catalog: Catalog, flt: NetworkFilter) -> pd.DataFrame:
    """One row per country code (world features + HKG/MAC/TWN) with every country metric."""
    index = pd.Index(catalog.country_names.index, name="iso3")
    shown, base, gained = _selections(catalog, flt)
    cols = _office_counts(shown.offices, "country_iso3", index)
    cols["routes"] = _counts(shown.routes, "country_iso3", index)
    cols["cities"] = _counts(shown.cities, "country_iso3", index)
    cols["agreements"] = _count_codes(_facts_count(catalog, AGREEMENT_FACTS, flt.as_of), index)
    cols["visits"] = _count_codes(_facts_count(catalog, ("ce_visit",), flt.as_of), index)
    cols["bri"] = index.isin(bri_members(catalog, flt.as_of)).astype(int)
    cols["presence"] = np.select(
        [cols["offices"] > 0, cols["routes"] > 0, cols["cities"] > 0, cols["agreements"] > 0], [4, 3, 2, 1], 0
    )
    gain = set()
    for key in ("countries_with_office", "countries_with_route"):
        gain |= gained.coverage[key] - base.coverage[key]
    gain |= set(gained.cities["country_iso3"]) - set(base.cities["country_iso3"])
    cols["gain"] = index.isin(sorted(gain)).astype(int)
    linked = set(base.offices.loc[base.offices["precision"] != "region", "country_iso3"])
    linked |= set(base.routes["country_iso3"]) | set(base.cities["country_iso3"])
    realised = set(gained.offices.loc[gained.offices["realised"], "country_iso3"])
    # diff map: a proposal realised since (2), a link the proposal adds (3), linked already (1)
    cols["diff"] = np.select(
        [index.isin(sorted(realised)), cols["gain"] == 1, index.isin(sorted(linked))], [2, 3, 1], 0
    )
    cols["in_region"] = _in_region(catalog, flt, index, "country")
    return pd.DataFrame(cols, index=index)


@lru_cache(maxsize=128)
def province_metrics(catalog: Catalog, flt: NetworkFilter) -> pd.DataFrame:
    """One row per provincial unit (adcode) with office / route / city counts and gain."""
    index = pd.Index(catalog.provinces["adcode"], name="adcode")
    shown, base, gained = _selections(catalog, flt)
    cols = _office_counts(shown.offices, "adcode", index)
    cols["routes"] = _counts(shown.routes, "adcode", index)
    cols["cities"] = _counts(shown.cities, "adcode", index)
    g = gained.coverage["provinces_with_office"] - base.coverage["provinces_with_office"]
    cols["gain"] = index.isin(sorted(g)).astype(int)
    cols["presence"] = np.select([cols["offices"] > 0, cols["routes"] > 0, cols["cities"] > 0], [4, 3, 2], 0)
    base_placed = set(base.offices.loc[base.offices["precision"] != "region", "adcode"])
    realised = set(gained.offices.loc[gained.offices["realised"], "adcode"])
    cols["diff"] = np.select(
        [index.isin(sorted(realised)), cols["gain"] == 1, index.isin(sorted(base_placed))], [2, 3, 1], 0
    )
    cols["in_region"] = _in_region(catalog, flt, index, "province")
    return pd.DataFrame(cols, index=index)
