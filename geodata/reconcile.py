"""The counts the source documents state, against the counts in the data.

The stated counts are data (``data/stated_counts.csv``: value, qualifier, date, document,
section, quote, and the explanation to show when the data differs). This module only knows
how to *compute* each count from the data: ``COMPUTE`` maps a stated count's id to a function
of ``(catalog, as_of)``. A stated count with no computation is "cannot be checked", with its
explanation; a computation with no stated count is an error (a test checks both ways).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from geodata.catalog import Catalog
from geodata.codes import NOT_FOREIGN
from geodata.dates import date_start
from geodata.measures import MEASURES
from geodata.network import NetworkFilter, bri_members, facts_in_force, select, status_at

MATCHES, DIFFERS, CANNOT = "matches", "differs", "cannot be checked"
VERDICTS = (MATCHES, DIFFERS, CANNOT)

Compute = Callable[[Catalog, str], int | None]


def _existing(cat: Catalog, table: str, as_of: str) -> pd.DataFrame:
    df = cat.table(table)
    return df[status_at(cat, table, as_of) == "existing"]


def _offices(*kinds: str) -> Compute:
    def f(cat: Catalog, as_of: str) -> int:
        return int(_existing(cat, "offices", as_of)["kind"].isin(kinds).sum())

    return f


def _proposed(doc: str, *kinds: str, table: str = "offices") -> Compute:
    def f(cat: Catalog, as_of: str) -> int:
        df = cat.table(table)
        df = df[(df["document_id"] == doc) & (df["status"] == "proposed")]
        if kinds:
            df = df[df["kind"].isin(kinds)]
        return len(df)

    return f


def _opened_between(kind: str, start: str) -> Compute:
    def f(cat: Catalog, as_of: str) -> int:
        before = _existing(cat, "offices", start)
        after = _existing(cat, "offices", as_of)
        return int((after["kind"] == kind).sum() - (before["kind"] == kind).sum())

    return f


def _min_liaison_per_office(cat: Catalog, as_of: str) -> int:
    df = _existing(cat, "offices", as_of)
    offices = df[df["kind"] == "mainland_office"]["id"]
    units = df[df["kind"] == "mainland_liaison"]["parent_id"].value_counts()
    # the Beijing Office is counted too: every office has its liaison units
    return int(min(units.get(o, 0) for o in offices))


def _bri_count(cat: Catalog, as_of: str) -> int:
    return len(bri_members(cat, as_of))


def _partners(fact: str, bri_only: bool = False, foreign_only: bool = False) -> Compute:
    """Partners with a fact in force; the Mainland and Macao count as economies unless
    ``foreign_only`` (or ``bri_only``: Belt and Road countries are foreign countries)."""

    def f(cat: Catalog, as_of: str) -> int:
        codes = set(facts_in_force(cat, as_of, (fact,))["iso3"])
        if foreign_only or bri_only:
            codes -= NOT_FOREIGN
        if bri_only:
            codes &= bri_members(cat, as_of)
        return len(codes)

    return f


# the fact sheet's 定期航班 (scheduled flights): passenger and cargo, flown through the season
SCHEDULED = ("regular", "seasonal")


def _scheduled(cat: Catalog, as_of: str):
    return select(cat, NetworkFilter(statuses=("existing",), regularities=SCHEDULED, as_of=as_of))


def _bri_route_countries(cat: Catalog, as_of: str) -> int:
    return len(MEASURES["bri_countries_with_route"].compute(cat, _scheduled(cat, as_of)))


def _bri_route_points(cat: Catalog, as_of: str) -> int:
    r = _scheduled(cat, as_of).routes
    codes = r["country_iso3"].map(lambda c: cat.sovereign.get(c, c))
    return int(codes.isin(bri_members(cat, as_of) - NOT_FOREIGN).sum())


def _every_office(measure: str) -> Compute:
    """A measure of every office kind (the fact sheet counts ETOs with HKTDC's and InvestHK's)."""

    def f(cat: Catalog, as_of: str) -> int:
        return len(
            MEASURES[measure].compute(
                cat, select(cat, NetworkFilter(statuses=("existing",), as_of=as_of))
            )
        )

    return f


def _new_routes(cat: Catalog, as_of: str) -> int:
    return int((cat.routes["new_2024_25"] == "yes").sum())


def _ce_visit(year: str) -> Compute:
    def f(cat: Catalog, as_of: str) -> int | None:
        df = cat.country_facts
        df = df[(df["fact"] == "ce_visit") & df["date"].str.startswith(year)]
        vals = {v for v in df["value"] if v}
        return int(next(iter(vals))) if len(vals) == 1 else None

    return f


def _gba_proposals(cat: Catalog, as_of: str) -> int:
    return int(cat.offices["id"].str.contains("gba").sum())


HKV = "hkvision-2017"
COMPUTE: dict[str, Compute] = {
    "overseas_etos": _offices("eto"),
    "mainland_offices": _offices("mainland_office", "mainland_liaison"),
    "mainland_offices_2017": _offices("mainland_office"),
    "liaison_units_2012": _offices("mainland_liaison"),
    "liaison_units_2017": _offices("mainland_liaison"),
    "liaison_units_opened_2012_17": _opened_between("mainland_liaison", "2012-06-30"),
    "min_lu_per_office": _min_liaison_per_office,
    "investhk_consultant_offices_new": _opened_between("investhk_consultant", "2023-12-31"),
    "br_countries_total": _bri_count,
    "br_scheduled_countries": _bri_route_countries,
    "br_scheduled_points": _bri_route_points,
    "new_direct_routes_2024_25": _new_routes,
    "fta_economies": _partners("fta"),
    "fta_br_countries": _partners("fta", bri_only=True),
    "ippa_economies": _partners("ippa", foreign_only=True),
    "ippa_br_countries": _partners("ippa", bri_only=True),
    "cdta_jurisdictions": _partners("cdta"),
    "cdta_br_jurisdictions": _partners("cdta", bri_only=True),
    "aeo_mra_economies": _partners("aeo_mra"),
    "icac_mou_br_countries": _partners("icac_mou"),
    "expanded_air_arrangements": _partners("air_services"),
    "ce_visit_2023_mous": _ce_visit("2023"),
    "ce_visit_2025_mous": _ce_visit("2025"),
    "ce_visit_2026_mous": _ce_visit("2026"),
    "proposed_sister_cities": _proposed(HKV, table="partner_cities"),
    "proposed_overseas_etos": _proposed(HKV, "eto"),
    "proposed_asean_lus": _proposed(HKV, "eto_liaison"),
    "proposed_mainland_etos": _proposed(HKV, "mainland_office"),
    "gba_mainland_cities": _gba_proposals,
    "global_office_cities": _every_office("cities_with_office"),
    "global_office_countries": _every_office("countries_covered"),
    "global_office_br_countries": _every_office("bri_countries_covered"),
}


def verdict(stated: float, qualifier: str, value: int | None) -> str:
    if value is None:
        return CANNOT
    if qualifier == "more than":
        ok = value > stated
    elif qualifier == "at least":
        ok = value >= stated
    elif qualifier == "about":
        ok = abs(value - stated) <= max(1, 0.1 * stated)
    else:
        ok = value == stated
    return MATCHES if ok else DIFFERS


def reconcile(cat: Catalog) -> pd.DataFrame:
    """One row per stated count: what the data gives, the verdict and why."""
    rows = []
    for c in cat.stated_counts.itertuples():
        fn = COMPUTE.get(c.id)
        value = fn(cat, date_start(c.as_of)) if fn else None
        stated = float(c.stated)
        v = verdict(stated, c.qualifier, value)
        why = "" if v == MATCHES else c.explanation
        why_zh = "" if v == MATCHES else c.explanation_zh
        if not why:
            why, why_zh = (
                ("the data gives a different count; see the records in the table view",
                 "數據得出的數目不同；見表格中的記錄")
                if v == DIFFERS
                else ("no computation from the data is defined for this count",
                      "此數目沒有從數據計算的方法")
            )  # fmt: skip
        rows.append({
            "metric_id": c.id, "label_en": c.label_en, "label_zh": c.label_zh,
            "stated": f"{c.qualifier + ' ' if c.qualifier else ''}{stated:g}", "as_of": c.as_of,
            "qualifier": c.qualifier, "stated_value": f"{stated:g}",
            "in_data": "" if value is None else str(value), "verdict": v, "why": why,
            "why_zh": why_zh or why,
            "document_id": c.document_id, "source": f"{c.document_id} {c.section}",
        })  # fmt: skip
    return pd.DataFrame(rows)
