"""The counts the source documents state, against the counts in the data.

Each check returns the number the data gives (or None when it cannot be computed) and
a verdict: ``matches``, ``differs`` (with why) or ``cannot be checked`` (with why).
The stated values and their metric ids are those of the network-related rows of the
compiled headline numbers (``shared/reference/headline_numbers.csv``), each with the
document and section that states it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from geodata.catalog import Catalog
from geodata.network import NOT_FOREIGN, NetworkFilter, bri_members, select, status_at

MATCHES, DIFFERS, CANNOT = "matches", "differs", "cannot be checked"


@dataclass(frozen=True)
class Check:
    metric_id: str
    label_en: str
    label_zh: str
    stated: float
    qualifier: str  # "", "more than", "about", "at least"
    as_of: str  # YYYY-MM-DD the count is taken at
    document_id: str
    section: str
    compute: Callable[[Catalog, str], int | None]
    why_differs: str = ""
    why_cannot: str = ""


def _existing(cat: Catalog, table: str, as_of: str) -> pd.DataFrame:
    df = cat.table(table)
    return df[status_at(cat, table, as_of) == "existing"]


def _offices(kinds: tuple[str, ...]):
    def f(cat: Catalog, as_of: str) -> int:
        df = _existing(cat, "offices", as_of)
        return int(df["kind"].isin(kinds).sum())
    return f


def _proposals(doc: str, kinds: tuple[str, ...], table: str = "offices"):
    def f(cat: Catalog, as_of: str) -> int:
        df = cat.table(table)
        df = df[(df["document_id"] == doc) & (df["status"] == "proposed")]
        if kinds:
            df = df[df["kind"].isin(kinds)]
        return len(df)
    return f


def _opened_between(kind: str, start: str, end: str):
    def f(cat: Catalog, as_of: str) -> int:
        before = _existing(cat, "offices", start)
        after = _existing(cat, "offices", end)
        return int((after["kind"] == kind).sum() - (before["kind"] == kind).sum())
    return f


def _min_liaison_per_office(cat: Catalog, as_of: str) -> int:
    df = _existing(cat, "offices", as_of)
    offices = df[df["kind"] == "mainland_office"]["id"]
    lus = df[df["kind"] == "mainland_liaison"]["parent_id"].value_counts()
    # the Beijing Office is counted too: every office has its liaison units
    return int(min(lus.get(o, 0) for o in offices))


def _bri_count(cat: Catalog, as_of: str) -> int:
    return len(bri_members(cat, as_of))


def _facts(fact: str, bri_only: bool = False, foreign_only: bool = False):
    """Partners with a fact; the Mainland and Macao count as economies unless ``foreign_only``."""
    def f(cat: Catalog, as_of: str) -> int:
        df = cat.country_facts[cat.country_facts["fact"] == fact]
        codes = set(df["iso3"]) - (NOT_FOREIGN if foreign_only or bri_only else set())
        if bri_only:
            codes &= bri_members(cat, as_of)
        return len(codes)
    return f


def _bri_route_countries(cat: Catalog, as_of: str) -> int:
    sel = select(cat, NetworkFilter(statuses=("existing",), as_of=as_of))
    return len((set(sel.routes["country_iso3"]) - NOT_FOREIGN) & bri_members(cat, as_of))


def _bri_route_points(cat: Catalog, as_of: str) -> int:
    sel = select(cat, NetworkFilter(statuses=("existing",), as_of=as_of))
    r = sel.routes
    return int(r["country_iso3"].isin(bri_members(cat, as_of) - NOT_FOREIGN).sum())


def _new_routes(cat: Catalog, as_of: str) -> int:
    return int((cat.routes["new_2024_25"] == "yes").sum())


def _ce_visit(year: str):
    def f(cat: Catalog, as_of: str) -> int | None:
        df = cat.country_facts
        df = df[(df["fact"] == "ce_visit") & df["date"].str.startswith(year)]
        vals = {v for v in df["value"] if v}
        return int(next(iter(vals))) if len(vals) == 1 else None
    return f


def _cannot(cat: Catalog, as_of: str) -> None:
    return None


GOV = "gov-bri-2026"
ML = "gov-mainland-2017"
HKV = "hkvision-2017"
CHECKS: tuple[Check, ...] = (
    Check("overseas_etos", "Overseas Economic and Trade Offices", "海外經濟貿易辦事處", 15, "", "2026-04-28",
          GOV, "§(二) 經貿辦", _offices(("eto",))),
    Check("mainland_offices", "Mainland offices and liaison units", "駐內地辦事處及聯絡處", 16, "", "2026-04-28",
          GOV, "§(二)", _offices(("mainland_office", "mainland_liaison"))),
    Check("mainland_offices_2017", "Mainland offices (April 2017)", "駐內地辦事處（2017年4月）", 5, "", "2017-04-30",
          ML, "駐內地辦事處", _offices(("mainland_office",))),
    Check("liaison_units_2012", "Mainland liaison units (July 2012)", "駐內地聯絡處（2012年7月）", 3, "", "2012-06-30",
          ML, "駐內地辦事處", _offices(("mainland_liaison",))),
    Check("liaison_units_2017", "Mainland liaison units (April 2017)", "駐內地聯絡處（2017年4月）", 11, "",
          "2017-04-30", ML, "駐內地辦事處", _offices(("mainland_liaison",))),
    Check("liaison_units_opened_2012_17", "Liaison units opened July 2012 – April 2017", "2012年7月至2017年4月新設聯絡處",
          8, "", "2017-04-30", ML, "p.2 序言", _opened_between("mainland_liaison", "2012-06-30", "2017-04-30")),
    Check("min_lu_per_office", "Liaison units per mainland office (at least)", "每個駐內地辦事處最少聯絡處", 2, "at least",
          "2017-04-30", ML, "駐內地辦事處", _min_liaison_per_office,
          why_differs="the Beijing Office had one liaison unit (Tianjin) or none by the data's opening dates"),
    Check("investhk_consultant_offices_new", "New InvestHK consultant offices", "投資推廣署新顧問辦事處", 2, "",
          "2026-04-28", GOV, "§(二)", _offices(("investhk_consultant",))),
    Check("br_countries_total", "Belt and Road countries", "「一帶一路」國家", 150, "more than", "2026-04-28", GOV,
          "概況", _bri_count,
          why_differs="the data lists countries that signed cooperation documents (GFDC list of Dec 2023 "
                      "and later joiners, minus Italy and Panama)"),
    Check("br_scheduled_countries", "Belt and Road countries with scheduled flights", "有定期航班的「一帶一路」國家",
          33, "", "2026-04-28", GOV, "§(一) 航空", _bri_route_countries,
          why_differs="the data is one winter season of departures (2025-10-16 to 2026-01-17), so summer-only "
                      "and infrequent routes are missing, and it counts cargo-only points; the government's "
                      "list of 33 was not found"),
    Check("br_scheduled_points", "Belt and Road points with scheduled flights", "有定期航班的「一帶一路」航點", 60,
          "about", "2026-04-28", GOV, "§(一) 航空", _bri_route_points,
          why_differs="counts destination airports in Belt and Road countries in one winter season's data"),
    Check("new_direct_routes_2024_25", "New direct passenger routes 2024–25", "2024及2025年新直航客運航線", 7, "",
          "2025-12-31", GOV, "§(一) 航空", _new_routes),
    Check("fta_economies", "Economies covered by FTAs", "自由貿易協定涵蓋經濟體", 21, "", "2026-04-28", GOV, "§(三)",
          _facts("fta"), why_differs="group agreements (ASEAN, EFTA) are listed per member; some members may be missing"),
    Check("fta_br_countries", "Belt and Road countries among FTA partners", "自貿協定夥伴中的「一帶一路」國家", 14, "",
          "2026-04-28", GOV, "§(三)", _facts("fta", True),
          why_differs="Belt and Road membership in the data follows the GFDC list, not the government's own list"),
    Check("ippa_economies", "Economies covered by IPPAs", "投資協定涵蓋經濟體", 33, "", "2026-04-28", GOV, "§(三)",
          _facts("ippa", foreign_only=True), why_differs="group agreements counted per member country"),
    Check("ippa_br_countries", "Belt and Road countries among IPPA partners", "投資協定夥伴中的「一帶一路」國家", 20,
          "about", "2026-04-28", GOV, "§(三)", _facts("ippa", True),
          why_differs="Belt and Road membership in the data follows the GFDC list"),
    Check("cdta_jurisdictions", "Comprehensive double taxation agreements", "全面性避免雙重課稅協定", 55, "",
          "2026-04-28", GOV, "§(三)", _facts("cdta"),
          why_differs="only the partners found on the Inland Revenue Department's pages are in the data "
                      "(the full list of 55 was not found)"),
    Check("cdta_br_jurisdictions", "Belt and Road jurisdictions among CDTA partners", "雙重課稅協定夥伴中的「一帶一路」地區",
          38, "", "2026-04-28", GOV, "§(三)", _facts("cdta", True),
          why_differs="the CDTA list in the data is incomplete"),
    Check("aeo_mra_economies", "AEO mutual recognition arrangements", "認可經濟營運商互認安排", 18, "", "2026-04-28",
          GOV, "§(三)", _facts("aeo_mra"), why_differs="only the partners found are in the data (list of 18 not found)"),
    Check("icac_mou_br_countries", "ICAC anti-corruption MoUs with Belt and Road countries", "廉署與「一帶一路」國家合作備忘錄",
          6, "", "2026-04-28", GOV, "§(五)", _facts("icac_mou")),
    Check("expanded_air_arrangements", "Partners with expanded air services arrangements", "擴大航空安排的夥伴", 7, "",
          "2026-04-28", GOV, "§(一) 航空", _facts("air_services"),
          why_differs="the data also holds an arrangement reported elsewhere than the fact sheet's list of seven"),
    Check("ce_visit_2023_mous", "MoUs on the 2023 Middle East visit (whole trip)", "2023年中東訪問合作備忘錄（全程）", 13, "",
          "2023-02-28", "fyp-2026", "特首出訪", _ce_visit("2023")),
    Check("ce_visit_2025_mous", "MoUs and agreements on the 2025 visit (whole trip)", "2025年訪問合作備忘錄及協議（全程）", 59,
          "", "2025-05-31", "fyp-2026", "特首出訪", _ce_visit("2025")),
    Check("ce_visit_2026_mous", "Agreements on the 2026 Central Asia visit (whole trip)", "2026年中亞訪問協議（全程）", 96, "",
          "2026-06-30", "fyp-2026", "特首出訪", _ce_visit("2026")),
    Check("proposed_sister_cities", "Proposed sister cities", "建議姊妹城市", 6, "", "2017-12-31", HKV,
          "Forming Sister Cities", _proposals(HKV, (), "partner_cities")),
    Check("proposed_overseas_etos", "Proposed new overseas ETOs", "建議新設海外經貿辦", 5, "", "2017-12-31", HKV,
          "把握一帶一路商機 (1)", _proposals(HKV, ("eto",))),
    Check("proposed_asean_lus", "Proposed ETO liaison units in ASEAN", "建議東盟經貿辦聯絡處", 2, "", "2017-12-31", HKV,
          "把握一帶一路商機 (2)", _proposals(HKV, ("eto_liaison",))),
    Check("proposed_mainland_etos", "Proposed new mainland ETOs", "建議新設內地經貿辦", 2, "", "2017-12-31", HKV,
          "把握一帶一路商機 (3)", _proposals(HKV, ("mainland_office",))),
    Check("gba_mainland_cities", "GBA mainland cities proposed an office each", "建議每個大灣區內地城市設辦事處", 9, "",
          "2024-07-31", "bpa-2024", "四.3(2)",
          lambda cat, as_of: int(cat.offices["id"].str.contains("gba").sum())),
    Check("global_office_cities", "Cities with Hong Kong offices (ETOs, HKTDC, InvestHK)", "設有香港辦事處的城市", 68, "",
          "2026-04-28", GOV, "§(二)", _cannot,
          why_cannot="the data has government offices only; HKTDC's ~50 offices are not in it"),
    Check("global_office_countries", "Countries covered by Hong Kong offices", "香港辦事處覆蓋的國家", 129, "", "2026-04-28",
          GOV, "§(二)", _cannot, why_cannot="counts countries in each office's area of responsibility, "
                                           "which the data does not hold for every office"),
    Check("air_bilateral_docs", "Civil aviation bilateral documents", "民航雙邊文件", 80, "", "2025-06-30", GOV,
          "§(一) 航空", _cannot, why_cannot="counts documents, not routes or partners (discrepancy 3)"),
)


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
    rows = []
    for c in CHECKS:
        value = c.compute(cat, c.as_of)
        v = verdict(c.stated, c.qualifier, value)
        why = c.why_cannot if v == CANNOT else (c.why_differs if v == DIFFERS else "")
        if v == DIFFERS and not why:
            why = "the data gives a different count; see the records in the table view"
        stated = f"{c.qualifier + ' ' if c.qualifier else ''}{c.stated:g}"
        rows.append({
            "metric_id": c.metric_id, "label_en": c.label_en, "label_zh": c.label_zh, "stated": stated,
            "as_of": c.as_of, "in_data": "" if value is None else str(value), "verdict": v, "why": why,
            "document_id": c.document_id, "source": f"{c.document_id} {c.section}",
        })
    return pd.DataFrame(rows)
