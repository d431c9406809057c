"""The numbers on screen, declared once: ``MEASURES``.

A measure is a set of places (countries, provinces, cities…) that a selection of records
covers; its number is the size of the set. One function, :func:`summary`, computes every
measure for the network shown, for its existing part (the baseline) and the difference (the
gain), so that the numbers panel, the compare view, the API, the exports and the tests give
the same numbers, and ``coverage = baseline ∪ gain`` holds for every state. The About page and
the API documentation print each measure's definition from here.

To add a number: one ``Measure`` in ``MEASURES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from geodata.catalog import Catalog
from geodata.codes import NOT_FOREIGN, NOT_MAINLAND
from geodata.network import NetworkFilter, Selection, bri_members, counts_by_status, select
from geodata.text import Text


@dataclass(frozen=True)
class Measure:
    id: str
    label: Text
    definition: Text
    scale: str  # what is counted: country / province / city / airport
    compute: Callable[[Catalog, Selection], frozenset[str]]


def placed_offices(offices: pd.DataFrame) -> pd.DataFrame:
    """Offices that stand at a place (region-level proposals stand nowhere)."""
    return offices[offices["precision"] != "region"]


def _countries_with_office(cat: Catalog, sel: Selection) -> frozenset[str]:
    return frozenset(placed_offices(sel.offices)["country_iso3"]) - NOT_FOREIGN


def _bri_countries_with_office(cat: Catalog, sel: Selection) -> frozenset[str]:
    return _countries_with_office(cat, sel) & bri_members(cat, sel.filter.as_of)


def _provinces_with_office(cat: Catalog, sel: Selection) -> frozenset[str]:
    mainland = frozenset(cat.provinces["adcode"]) - NOT_MAINLAND
    return frozenset(placed_offices(sel.offices)["adcode"]) & mainland


def _countries_with_route(cat: Catalog, sel: Selection) -> frozenset[str]:
    return frozenset(sel.routes["country_iso3"]) - NOT_FOREIGN


MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        Measure(
            "countries_with_office",
            Text("Countries with an office", "設有辦事處的國家"),
            Text("Foreign countries in which at least one office shown stands (the Mainland, "
                 "Hong Kong, Macao and Taiwan are not counted).",
                 "最少設有一個所示辦事處的外國（內地、香港、澳門及台灣不計算在內）。"),
            "country", _countries_with_office),
        Measure(
            "bri_countries_with_office",
            Text("Belt and Road countries with an office", "設有辦事處的「一帶一路」國家"),
            Text("Countries with an office that had a Belt and Road cooperation document in force "
                 "on the date shown.",
                 "設有辦事處，並於所示日期已簽署共建「一帶一路」合作文件的國家。"),
            "country", _bri_countries_with_office),
        Measure(
            "provinces_with_office",
            Text("Mainland provinces with an office", "設有辦事處的內地省份"),
            Text("Provincial units of the Mainland (31) in which at least one office shown stands.",
                 "最少設有一個所示辦事處的內地省級行政區（共31個）。"),
            "province", _provinces_with_office),
        Measure(
            "countries_with_route",
            Text("Countries with a nonstop flight", "有直航航班的國家"),
            Text("Foreign countries with at least one nonstop route from HKG shown.",
                 "最少有一條所示香港直航航線的外國。"),
            "country", _countries_with_route),
    )
}  # fmt: skip


def coverage(catalog: Catalog, sel: Selection) -> dict[str, frozenset[str]]:
    """Every measure's set of places for a selection."""
    return {k: m.compute(catalog, sel) for k, m in MEASURES.items()}


def summary(catalog: Catalog, flt: NetworkFilter) -> dict:
    """The numbers of a filter: counts per layer and status, and for every measure the places
    covered by the network shown, by its existing part (baseline) and the difference (gain)."""
    shown = select(catalog, flt)
    cov = coverage(catalog, shown)
    base = coverage(catalog, shown.existing())
    return {
        "counts": {k: counts_by_status(df) for k, df in shown.frames.items()},
        "coverage": {k: len(v) for k, v in cov.items()},
        "baseline": {k: len(v) for k, v in base.items()},
        "gain": {k: sorted(cov[k] - base[k]) for k in MEASURES},
        "places": {k: sorted(v) for k, v in cov.items()},
    }
