"""From a filter to what the map shows: records, per-place metrics, coverage and gain.

Pure functions of ``(Catalog, NetworkFilter)``, used by the dashboard, the API and the
tests alike.  Conventions (HKSAR Government usage): the Mainland, Hong Kong, Macao and
Taiwan are counted apart from foreign countries, so coverage sets of *countries* never
contain CHN/HKG/MAC/TWN, and "provinces" are the 31 provincial units of the Mainland.

Status as of a date: an ``existing`` row counts from ``opened``/``since`` (unknown =
always) until ``closed``/``until``; a ``planned`` or ``proposed`` row counts once the
document announcing it is dated; a closed or suspended row is ``existing`` before its
closing date.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from geodata.catalog import Catalog
from geodata.schema import STATUSES
from geodata.validate import date_start

LAYERS = {"offices": "offices", "cities": "partner_cities", "routes": "routes"}
DEFAULT_STATUSES = ("existing", "planned")
NOT_FOREIGN = frozenset({"CHN", "HKG", "MAC", "TWN"})
NOT_MAINLAND = frozenset({"710000", "810000", "820000"})
AGREEMENT_FACTS = ("cdta", "fta", "ippa", "aeo_mra")
COVERAGE_KEYS = (
    "countries_with_office",
    "bri_countries_with_office",
    "provinces_with_office",
    "countries_with_route",
)
_START = {"offices": "opened", "partner_cities": "", "routes": "since"}
_END = {"offices": "closed", "partner_cities": "", "routes": "until"}


@dataclass(frozen=True)
class NetworkFilter:
    """What part of the network to show.  Empty tuples mean "no restriction"."""

    statuses: tuple[str, ...] = DEFAULT_STATUSES
    proposals: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    office_kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    as_of: str = "2026-12-31"

    def __post_init__(self):
        bad = [s for s in self.statuses if s not in STATUSES]
        if bad:
            raise ValueError(f"statuses were {bad} but are expected to be in {STATUSES}")
        if len(self.as_of) != 10:
            object.__setattr__(self, "as_of", date_start(self.as_of))

    @classmethod
    def for_year(cls, year: int, **kw) -> "NetworkFilter":
        return cls(as_of=f"{int(year):04d}-12-31", **kw)

    def baseline(self) -> "NetworkFilter":
        """The existing network at the same date, with the same region/kind/service filters."""
        return replace(self, statuses=("existing",), proposals=())


@dataclass(frozen=True)
class Selection:
    """The records shown for a filter; each frame has a ``status_at`` column."""

    filter: NetworkFilter
    offices: pd.DataFrame
    cities: pd.DataFrame
    routes: pd.DataFrame
    coverage: dict[str, frozenset[str]] = field(default_factory=dict)

    def layer(self, name: str) -> pd.DataFrame:
        """The records of a layer by its name (a key of ``LAYERS``)."""
        if name not in LAYERS:
            raise KeyError(f"layer was {name!r} but is expected to be one of {sorted(LAYERS)}")
        return getattr(self, name)


def _str_dates(series: pd.Series) -> np.ndarray:
    return np.array([date_start(v) if v else "" for v in series], dtype=object)


@lru_cache(maxsize=64)
def dates_of(catalog: Catalog, table: str, column: str) -> np.ndarray:
    """A date column as ``YYYY-MM-DD`` strings ('' when empty), parsed once per catalog."""
    if not column:
        return np.full(len(catalog.table(table)), "", dtype=object)
    return _str_dates(catalog.table(table)[column])


@lru_cache(maxsize=256)
def status_at(catalog: Catalog, table: str, as_of: str) -> np.ndarray:
    """Each row's status on ``as_of`` (YYYY-MM-DD), or '' when the row did not exist yet."""
    df = catalog.table(table)
    status = df["status"].to_numpy(dtype=object)
    start = dates_of(catalog, table, _START[table])
    end = dates_of(catalog, table, _END[table])
    doc_dates = dict(zip(catalog.documents["id"], (date_start(d) for d in catalog.documents["date"])))
    doc = np.array([doc_dates.get(d, "") for d in df["document_id"]], dtype=object)
    out = np.full(len(df), "", dtype=object)
    for i, s in enumerate(status):
        if s in ("planned", "proposed"):
            out[i] = s if doc[i] <= as_of else ""
        elif start[i] and start[i] > as_of:
            out[i] = ""
        elif end[i] and end[i] <= as_of:
            out[i] = s if s in ("closed", "suspended") else "closed"
        elif s in ("closed", "suspended") and not end[i]:
            out[i] = s
        else:
            out[i] = "existing"
    return out


def _region_codes(catalog: Catalog, regions: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    iso, ad = set(), set()
    for r in regions:
        level, members = catalog.region_members[r]
        (iso if level == "country" else ad).update(members)
    return frozenset(iso), frozenset(ad)


def _mask(catalog: Catalog, table: str, flt: NetworkFilter) -> tuple[np.ndarray, np.ndarray]:
    df = catalog.table(table)
    eff = status_at(catalog, table, flt.as_of)
    shown_statuses = [s for s in flt.statuses if s != "proposed"]
    keep = np.isin(eff, shown_statuses)
    is_prop = eff == "proposed"
    if flt.proposals:
        keep |= is_prop & df["document_id"].isin(flt.proposals).to_numpy()
    elif "proposed" in flt.statuses:
        keep |= is_prop
    if flt.regions:
        iso, ad = _region_codes(catalog, flt.regions)
        keep &= (df["country_iso3"].isin(iso) | df["adcode"].isin(ad)).to_numpy()
    if table == "offices" and flt.office_kinds:
        keep &= df["kind"].isin(flt.office_kinds).to_numpy()
    if table == "routes" and flt.services:
        # a "both" route serves passengers and cargo
        svc = set(flt.services) | ({"both"} if flt.services else set())
        keep &= df["service"].isin(svc).to_numpy()
    return keep, eff


def _with_status(catalog: Catalog, table: str, flt: NetworkFilter) -> pd.DataFrame:
    keep, eff = _mask(catalog, table, flt)
    out = catalog.table(table).loc[keep].copy()
    out["status_at"] = eff[keep]
    if table == "offices":
        existing_now = set(
            catalog.offices["id"][status_at(catalog, "offices", flt.as_of) == "existing"]
        )
        out["realised"] = out["realised_by"].isin(existing_now) & (out["status_at"] == "proposed")
    return out


@lru_cache(maxsize=64)
def bri_members(catalog: Catalog, as_of: str) -> frozenset[str]:
    """Countries with a Belt and Road cooperation document in force on ``as_of``."""
    f = catalog.country_facts
    is_bri = (f["fact"] == "bri").to_numpy()
    start = dates_of(catalog, "country_facts", "date")[is_bri]
    end = dates_of(catalog, "country_facts", "end_date")[is_bri]
    ok = [(not s or s <= as_of) and (not e or e > as_of) for s, e in zip(start, end)]
    return frozenset(f["iso3"].to_numpy()[is_bri][ok])


def coverage_of(catalog: Catalog, offices: pd.DataFrame, routes: pd.DataFrame, as_of: str) -> dict:
    placed = offices[offices["precision"] != "region"]
    countries = frozenset(placed["country_iso3"]) - NOT_FOREIGN
    mainland = frozenset(catalog.provinces["adcode"]) - NOT_MAINLAND
    return {
        "countries_with_office": countries,
        "bri_countries_with_office": countries & bri_members(catalog, as_of),
        "provinces_with_office": frozenset(placed["adcode"]) & mainland,
        "countries_with_route": frozenset(routes["country_iso3"]) - NOT_FOREIGN,
    }


@lru_cache(maxsize=128)
def select(catalog: Catalog, flt: NetworkFilter) -> Selection:
    """The records of every layer that the filter shows, with their coverage sets."""
    offices = _with_status(catalog, "offices", flt)
    cities = _with_status(catalog, "partner_cities", flt)
    routes = _with_status(catalog, "routes", flt)
    return Selection(flt, offices, cities, routes, coverage_of(catalog, offices, routes, flt.as_of))


def gain_filter(flt: NetworkFilter) -> NetworkFilter:
    """The network whose gain over the baseline is reported: existing + the chosen proposals
    when proposals are chosen, else the network as shown."""
    if flt.proposals:
        return replace(flt, statuses=("existing",))
    return flt


def counts_by_status(df: pd.DataFrame) -> dict[str, int]:
    vc = df["status_at"].value_counts()
    return {s: int(vc.get(s, 0)) for s in STATUSES}


def summary(catalog: Catalog, flt: NetworkFilter) -> dict:
    """The numbers on screen: counts, coverage of the shown network, baseline, and gain."""
    shown = select(catalog, flt)
    base = select(catalog, flt.baseline())
    gained = select(catalog, gain_filter(flt)) if flt.proposals else shown
    return {
        "counts": {
            "offices": counts_by_status(shown.offices),
            "cities": counts_by_status(shown.cities),
            "routes": counts_by_status(shown.routes),
        },
        "coverage": {k: len(v) for k, v in shown.coverage.items()},
        "baseline": {k: len(v) for k, v in base.coverage.items()},
        "gain": {k: sorted(gained.coverage[k] - base.coverage[k]) for k in COVERAGE_KEYS},
    }
