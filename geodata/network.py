"""From a filter to the records the map shows, each with its status on the filter's date.

Pure functions of ``(Catalog, NetworkFilter)``, used by the dashboard, the API and the tests
alike; what the records add up to is in ``measures.py`` (the numbers) and ``metrics.py`` (the
choropleths).

Status as of a date (``status_at``): an ``existing`` row counts from its start date (unknown:
always) until its end date (see ``dates.in_force``); a ``closed`` or ``suspended`` row is
``existing`` before its end date; a ``planned`` or ``proposed`` row counts once the document
announcing it is dated.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import pandas as pd

from geodata.catalog import Catalog
from geodata.codes import DRAFT_ID, STATUSES
from geodata.dates import date_start, in_force, year_end
from geodata.layers import LAYERS
from geodata.schema import EVENT_FACTS, OFFICE_KINDS, REGULARITIES, SERVICES, TABLES

DEFAULT_STATUSES = ("existing", "planned")
#: Routes counted by default: passenger service flown through the season (scheduled).
DEFAULT_SERVICES = ("passenger",)
DEFAULT_REGULARITIES = ("regular", "seasonal")


@dataclass(frozen=True)
class NetworkFilter:
    """What part of the network to show.

    ``statuses`` are the statuses shown (at least one). ``proposals`` are the proposal
    documents whose rows are shown; with none chosen, every proposal's rows are shown when
    ``proposed`` is a status shown. The other tuples narrow the records and are no
    restriction when empty: ``regions`` (region ids), ``office_kinds``, ``services`` (a route
    of service ``both`` serves passengers and cargo), ``regularities`` (of routes) and
    ``airlines`` (routes listing any of these airline codes).
    ``as_of`` is a date (``YYYY-MM-DD``; partial dates are read as their first day).
    """

    statuses: tuple[str, ...] = DEFAULT_STATUSES
    proposals: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    office_kinds: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    regularities: tuple[str, ...] = ()
    airlines: tuple[str, ...] = ()  # routes flown by any of these airlines (codes); () all
    draft: bool = False  # show the user's draft (document DRAFT_ID), beside the proposals shown
    as_of: str = "2026-12-31"

    def __post_init__(self):
        for name, allowed in (("statuses", STATUSES), ("office_kinds", OFFICE_KINDS),
                              ("services", SERVICES), ("regularities", REGULARITIES)):  # fmt: skip
            bad = [s for s in getattr(self, name) if s not in allowed]
            if bad:
                raise ValueError(f"{name} were {bad} but are expected to be in {allowed}")
        if not self.statuses:
            raise ValueError("statuses was empty but at least one status is expected")
        day = date_start(self.as_of)
        if not day:
            raise ValueError(f"as_of was {self.as_of!r} but is expected to be a date YYYY-MM-DD")
        object.__setattr__(self, "as_of", day)

    @classmethod
    def for_year(cls, year: int, **kw) -> NetworkFilter:
        return cls(as_of=year_end(year), **kw)

    def baseline(self) -> NetworkFilter:
        """The existing network at the same date, with the same region / kind / service filters."""
        return replace(self, statuses=("existing",), proposals=(), draft=False)


@dataclass(frozen=True)
class Selection:
    """The records shown for a filter, per point layer; each frame has ``status_at``."""

    filter: NetworkFilter
    frames: dict[str, pd.DataFrame]

    def layer(self, name: str) -> pd.DataFrame:
        """The records of a point layer by its id (a key of ``layers.LAYERS``)."""
        if name not in self.frames:
            raise KeyError(f"layer was {name!r} but is expected to be one of {sorted(LAYERS)}")
        return self.frames[name]

    @property
    def offices(self) -> pd.DataFrame:
        return self.frames["offices"]

    @property
    def cities(self) -> pd.DataFrame:
        return self.frames["cities"]

    @property
    def routes(self) -> pd.DataFrame:
        return self.frames["routes"]

    def standing(self) -> Selection:
        """The rows existing or planned on the filter's date: the network without the
        proposals and the draft (what compare sets them against when planned items are shown)."""
        return self._only(tuple(s for s in self.filter.statuses if s in ("existing", "planned")))

    def existing(self) -> Selection:
        """The same selection keeping only the rows existing on the filter's date."""
        return self._only(("existing",))

    def _only(self, statuses: tuple[str, ...]) -> Selection:
        statuses = statuses or ("existing",)
        frames = {k: v[v["status_at"].isin(statuses)] for k, v in self.frames.items()}
        return Selection(replace(self.filter, statuses=statuses, proposals=(), draft=False), frames)


def _str_dates(values) -> np.ndarray:
    """Dates (or periods "first/last": their first date) as ``YYYY-MM-DD`` of their first day."""
    return np.array([date_start(str(v).split("/")[0]) if v else "" for v in values], dtype=object)


@lru_cache(maxsize=64)
def dates_of(catalog: Catalog, table: str, column: str | tuple[str, ...]) -> np.ndarray:
    """A date column as ``YYYY-MM-DD`` strings of its first day ('' when empty), parsed once;
    for several columns, the first one filled in each row."""
    n = len(catalog.table(table))
    columns = (column,) if isinstance(column, str) else column
    out = np.full(n, "", dtype=object)
    for col in reversed([c for c in columns if c]):
        d = _str_dates(catalog.table(table)[col])
        out = np.where(d != "", d, out)
    return out


@lru_cache(maxsize=256)
def status_at(catalog: Catalog, table: str, as_of: str) -> np.ndarray:
    """Each row's status on ``as_of`` (YYYY-MM-DD), or '' when the row does not count yet."""
    df = catalog.table(table)
    spec = TABLES[table]
    status = df["status"].to_numpy(dtype=object)
    start = dates_of(catalog, table, spec.start)
    end = dates_of(catalog, table, spec.end)
    doc = np.array([catalog.document_dates.get(d, "") for d in df["document_id"]], dtype=object)
    out = np.full(len(df), "", dtype=object)
    for i, s in enumerate(status):
        if s in ("planned", "proposed"):
            out[i] = s if doc[i] <= as_of else ""
        elif not in_force(start[i], "", as_of):
            out[i] = ""
        elif not in_force("", end[i], as_of):
            out[i] = s if s in ("closed", "suspended") else "closed"
        elif s in ("closed", "suspended") and not end[i]:
            out[i] = s
        else:
            out[i] = "existing"
    return out


def region_codes(catalog: Catalog, regions: tuple[str, ...]) -> tuple[frozenset, frozenset]:
    """The countries (ISO3) and provinces (adcodes) that make up ``regions`` (a city-level
    region adds the countries of its cities: see :func:`region_cities`)."""
    iso, ad = set(), set()
    for r in regions:
        level, members = catalog.region_members[r]
        if level == "city":
            continue
        (iso if level == "country" else ad).update(members)
    return frozenset(iso), frozenset(ad)


def region_cities(catalog: Catalog, regions: tuple[str, ...]) -> frozenset[str]:
    """The cities (``ISO3:City``) of the city-level regions among ``regions``."""
    out: set[str] = set()
    for r in regions:
        level, members = catalog.region_members[r]
        if level == "city":
            out |= members
    return frozenset(out)


def _mask(catalog: Catalog, table: str, flt: NetworkFilter) -> tuple[np.ndarray, np.ndarray]:
    df = catalog.table(table)
    eff = status_at(catalog, table, flt.as_of)
    keep = np.isin(eff, [s for s in flt.statuses if s != "proposed"])
    is_draft = (df["document_id"] == DRAFT_ID).to_numpy()
    is_prop = (eff == "proposed") & ~is_draft
    if flt.proposals:
        keep |= is_prop & df["document_id"].isin(flt.proposals).to_numpy()
    elif "proposed" in flt.statuses:
        keep |= is_prop
    if flt.draft:
        keep |= (eff == "proposed") & is_draft
    if flt.regions:
        iso, ad = region_codes(catalog, flt.regions)
        inside = (df["country_iso3"].isin(iso) | df["adcode"].isin(ad)).to_numpy()
        cities = region_cities(catalog, flt.regions)
        if cities and "city_en" in df:
            keys = df["country_iso3"].astype(str) + ":" + df["city_en"].astype(str)
            inside = inside | keys.isin(cities).to_numpy()
        if "region_id" in df:  # a region-level row is in when its region overlaps the filter's
            inside = inside | np.array(
                [_overlaps(catalog, r, iso, ad) for r in df["region_id"]], dtype=bool
            )
        keep = keep & inside
    if table == "offices" and flt.office_kinds:
        keep &= df["kind"].isin(flt.office_kinds).to_numpy()
    if table == "routes" and flt.services:
        # a "both" route serves passengers and cargo
        keep &= df["service"].isin((*flt.services, "both")).to_numpy()
    if table == "routes" and flt.regularities:
        keep &= df["regularity"].isin(flt.regularities).to_numpy()
    if table == "routes" and flt.airlines:  # a drafted route: whichever airline would fly it
        keep &= flown_by(catalog, flt.airlines) | is_draft
    return keep, eff


@lru_cache(maxsize=64)
def flown_by(catalog: Catalog, airlines: tuple[str, ...]) -> np.ndarray:
    """Which routes list any of ``airlines`` among their airlines."""
    want = set(airlines)
    return np.array(
        [bool(want & {x.strip() for x in a.split(";")}) for a in catalog.routes["airlines"]],
        dtype=bool,
    )


def _overlaps(catalog: Catalog, region_id: str, iso: frozenset, ad: frozenset) -> bool:
    if not region_id:
        return False
    level, members = catalog.region_members[region_id]
    return bool(members & (iso if level == "country" else ad))


def _with_status(catalog: Catalog, table: str, flt: NetworkFilter) -> pd.DataFrame:
    keep, eff = _mask(catalog, table, flt)
    out = catalog.table(table).loc[keep].copy()
    out["status_at"] = eff[keep]
    if "realised_by" in out:
        existing = set(
            catalog.table(table)["id"][status_at(catalog, table, flt.as_of) == "existing"]
        )
        out["realised"] = out["realised_by"].isin(existing) & (out["status_at"] == "proposed")
    return out


@lru_cache(maxsize=128)
def select(catalog: Catalog, flt: NetworkFilter) -> Selection:
    """The records of every point layer that the filter shows."""
    return Selection(flt, {k: _with_status(catalog, x.table, flt) for k, x in LAYERS.items()})


#: The Silk Road Economic Belt was proposed in Xi Jinping's speech in Astana on 7 September 2013:
#: no country was a Belt and Road member before it.
BRI_LAUNCH = "2013-09-07"


@lru_cache(maxsize=64)
def facts_in_force(catalog: Catalog, as_of: str, facts: tuple[str, ...] = ()) -> pd.DataFrame:
    """Country facts (of the kinds ``facts``; all when empty) in force on ``as_of``: dated on or
    before it and not ended (``end_date``) by it; an event (``schema.EVENT_FACTS``) counts once it
    has begun. The one rule every consumer uses."""
    f = catalog.country_facts
    start = dates_of(catalog, "country_facts", "date")
    # an undated Belt and Road membership counts from the Initiative's launch, not for ever
    start = [s or (BRI_LAUNCH if k == "bri" else "") for s, k in zip(start, f["fact"])]
    end = dates_of(catalog, "country_facts", "end_date")
    event = f["fact"].isin(EVENT_FACTS).to_numpy()
    ok = np.array(
        [in_force(s, "" if ev else e, as_of) for s, e, ev in zip(start, end, event)], dtype=bool
    )
    if facts:
        ok &= f["fact"].isin(facts).to_numpy()
    return f.loc[ok]


@lru_cache(maxsize=64)
def bri_members(catalog: Catalog, as_of: str) -> frozenset[str]:
    """Countries with a Belt and Road cooperation document in force on ``as_of``."""
    return frozenset(facts_in_force(catalog, as_of, ("bri",))["iso3"])


def counts_by_status(df: pd.DataFrame) -> dict[str, int]:
    vc = df["status_at"].value_counts()
    return {s: int(vc.get(s, 0)) for s in STATUSES}


def routes_unknown(catalog: Catalog, as_of: str) -> bool:
    """True before the first route snapshot: that year's flights are not known (not none)."""
    return route_evidence(catalog, as_of)["kind"] == "none"


EVIDENCE_GAP_DAYS = 450  # beyond this (about 15 months), a snapshot is "the latest known"


@lru_cache(maxsize=64)
def route_evidence(catalog: Catalog, as_of: str) -> dict:
    """What the routes shown on ``as_of`` rest on: the latest snapshot document (a dataset
    observing the network: OpenFlights, HKIA departures) dated on or before it.

    ``kind`` is ``current`` (a snapshot within about a year), ``latest`` (an older snapshot: the
    latest known; later years have no snapshot) or ``none`` (no snapshot that early)."""
    d = catalog.documents
    snaps = sorted(
        (date_start(dt), i) for i, k, dt in zip(d["id"], d["kind"], d["date"]) if k == "snapshot"
    )
    before = [(dt, i) for dt, i in snaps if dt <= as_of]
    if not before:
        first = snaps[0] if snaps else ("", "")
        return {"kind": "none", "document_id": first[1], "date": first[0]}
    dt, doc = before[-1]
    gap = (np.datetime64(as_of) - np.datetime64(dt)).astype(int)
    return {
        "kind": "current" if gap <= EVIDENCE_GAP_DAYS else "latest",
        "document_id": doc,
        "date": dt,
    }
