"""The numbers on screen, declared once: ``MEASURES``.

A measure is a set of places (countries, provinces, cities, airports) that a selection of
records covers; its number is the size of the set. One function, :func:`summary`, computes
every measure for the network shown, for its existing part (the baseline) and the difference
(the gain), so that the numbers panel, the compare view, the API, the exports and the tests give
the same numbers, and ``coverage = baseline ∪ gain`` holds for every state. The About page and
the API documentation print each measure's definition from here.

Conventions (HKSAR Government usage): countries are foreign countries (never the Mainland, Hong
Kong, Macao or Taiwan) and territories count under the state they belong to
(``territories.csv``); provinces are the 31 provincial units of the Mainland; a city is a city
an office stands in (an office drawn at a capital because its document names only a country
counts no city); a region-level proposal ("more ETOs in Belt and Road countries") counts no
place at all.

To add a number: one ``Measure`` in ``MEASURES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from geodata.catalog import Catalog
from geodata.codes import NOT_FOREIGN, NOT_MAINLAND
from geodata.dates import in_force
from geodata.kinds import rank
from geodata.network import (
    NetworkFilter,
    Selection,
    bri_members,
    counts_by_status,
    dates_of,
    select,
)
from geodata.text import Text

FULL_OFFICE_RANK = 3


@dataclass(frozen=True)
class Measure:
    id: str
    label: Text
    definition: Text
    scale: str  # what is counted: country / province / city / airport
    group: str  # "offices" or "routes": where the number is shown
    compute: Callable[[Catalog, Selection], frozenset[str]]
    of: str = ""  # a region id: the number is shown as "n / size of the region"


def placed_offices(offices: pd.DataFrame) -> pd.DataFrame:
    """Offices that stand at a place (region-level proposals stand nowhere)."""
    return offices[offices["precision"] != "region"]


def countries(cat: Catalog, codes) -> frozenset[str]:
    """Foreign countries among ``codes``, territories counted under their sovereign state."""
    out = {cat.sovereign.get(c, c) for c in codes if c and not c.isdigit()}  # not adcodes
    return frozenset(out - NOT_FOREIGN)


def mainland(cat: Catalog, codes) -> frozenset[str]:
    return frozenset(codes) & (frozenset(cat.provinces["adcode"]) - NOT_MAINLAND)


def city_key(iso3: str, city_en: str) -> str:
    """A city's key in measures and city-level regions: ``ISO3:City`` (``CHN:Shenzhen``)."""
    return f"{iso3}:{city_en}"


@lru_cache(maxsize=64)
def _coverage_rows(cat: Catalog, as_of: str) -> pd.DataFrame:
    cov = cat.office_coverage
    start = dates_of(cat, "office_coverage", ("valid_from",))
    end = dates_of(cat, "office_coverage", "valid_to")
    ok = np.array([in_force(s, e, as_of) for s, e in zip(start, end)], dtype=bool)
    return cov.loc[ok]


def covered_codes(cat: Catalog, sel: Selection) -> set[str]:
    """Countries and provinces in the areas of responsibility of the offices shown, on the
    selection's date, and every office's own country and province."""
    offices = placed_offices(sel.offices)
    rows = _coverage_rows(cat, sel.filter.as_of)
    rows = rows[rows["office_id"].isin(set(offices["id"]))]
    codes = {m.strip() for covers in rows["covers"] for m in covers.split(";")}
    return codes | set(offices["country_iso3"]) | set(offices["adcode"])


def _hosts(cat: Catalog, sel: Selection) -> frozenset[str]:
    return countries(cat, placed_offices(sel.offices)["country_iso3"])


def _full(offices: pd.DataFrame) -> pd.DataFrame:
    placed = placed_offices(offices)
    return placed[np.array([rank(k) >= FULL_OFFICE_RANK for k in placed["kind"]], dtype=bool)]


def _cities(cat: Catalog, sel: Selection) -> frozenset[str]:
    o = sel.offices
    o = o[o["precision"].isin(("city", "airport")) & (o["country_iso3"] != "HKG")]
    return frozenset(city_key(i, c) for i, c in zip(o["country_iso3"], o["city_en"]))


def _region(cat: Catalog, region_id: str) -> frozenset[str]:
    return cat.region_members[region_id][1] if region_id in cat.region_members else frozenset()


def _route_countries(cat: Catalog, sel: Selection) -> frozenset[str]:
    return countries(cat, sel.routes["country_iso3"])


M = Measure
MEASURES: dict[str, Measure] = {
    m.id: m
    for m in (
        M("countries_with_office", Text("Countries with an office", "設有辦事處的國家"),
          Text("Foreign countries in which at least one office shown stands.",
               "最少設有一個所示辦事處的外國。"),
          "country", "offices", _hosts),
        M("countries_covered", Text("Countries covered by an office", "辦事處覆蓋的國家"),
          Text("Foreign countries in the published area of responsibility of an office shown, on the "
               "date shown (an office without a published area covers its own country).",
               "於所示日期在所示辦事處公布的服務範圍內的外國（未有公布服務範圍的辦事處只計其所在國家）。"),
          "country", "offices", lambda cat, sel: countries(cat, covered_codes(cat, sel))),
        M("bri_countries_with_office", Text("Belt and Road countries with an office", "設有辦事處的「一帶一路」國家"),
          Text("Countries with an office that had a Belt and Road cooperation document in force on the date shown.",
               "設有辦事處，並於所示日期已簽署共建「一帶一路」合作文件的國家。"),
          "country", "offices", lambda cat, sel: _hosts(cat, sel) & bri_members(cat, sel.filter.as_of)),
        M("bri_countries_covered", Text("Belt and Road countries covered by an office", "辦事處覆蓋的「一帶一路」國家"),
          Text("Belt and Road countries (on the date shown) in the area of responsibility of an office shown.",
               "於所示日期在所示辦事處服務範圍內的「一帶一路」國家。"),
          "country", "offices",
          lambda cat, sel: countries(cat, covered_codes(cat, sel)) & bri_members(cat, sel.filter.as_of)),
        M("countries_with_full_office", Text("Countries with a full office (ETO)", "設有完整辦事處（經貿辦）的國家"),
          Text("Foreign countries in which an office of the highest rank stands: an Economic and Trade "
               "Office, not only a liaison unit, a consultant or a trade council office.",
               "設有最高級別辦事處（經濟貿易辦事處，而非只有聯絡處、顧問或貿發局辦事處）的外國。"),
          "country", "offices", lambda cat, sel: countries(cat, _full(sel.offices)["country_iso3"])),
        M("provinces_with_office", Text("Mainland provinces with an office", "設有辦事處的內地省份"),
          Text("Provincial units of the Mainland (31) in which at least one office shown stands.",
               "最少設有一個所示辦事處的內地省級行政區（共31個）。"),
          "province", "offices", lambda cat, sel: mainland(cat, placed_offices(sel.offices)["adcode"])),
        M("provinces_covered", Text("Mainland provinces covered by an office", "辦事處覆蓋的內地省份"),
          Text("Provincial units of the Mainland in the area of responsibility of an office shown.",
               "在所示辦事處服務範圍內的內地省級行政區。"),
          "province", "offices", lambda cat, sel: mainland(cat, covered_codes(cat, sel))),
        M("provinces_with_full_office", Text("Mainland provinces with a full office", "設有完整辦事處的內地省份"),
          Text("Provincial units of the Mainland in which an office of the highest rank stands (a mainland "
               "office or ETO, not only a liaison unit): an ETO where there was a liaison unit is a gain.",
               "設有最高級別辦事處（駐內地辦事處或經貿辦，而非只有聯絡處）的內地省級行政區：把聯絡處升格為經貿辦亦計為增加。"),
          "province", "offices", lambda cat, sel: mainland(cat, _full(sel.offices)["adcode"])),
        M("cities_with_office", Text("Cities with an office", "設有辦事處的城市"),
          Text("Cities, overseas and on the Mainland, in which at least one office shown stands (an office "
               "whose document names only a country or a province counts no city).",
               "最少設有一個所示辦事處的城市（海外及內地；文件只指明國家或省份的辦事處不計城市）。"),
          "city", "offices", _cities),
        M("gba_cities_with_office", Text("Greater Bay Area cities with an office", "設有辦事處的大灣區城市"),
          Text("The nine mainland cities of the Greater Bay Area in which an office shown stands.",
               "設有所示辦事處的大灣區內地九市。"),
          "city", "offices", lambda cat, sel: _cities(cat, sel) & _region(cat, "gba-cities"), of="gba-cities"),
        M("countries_with_route", Text("Countries with a nonstop flight", "有直航航班的國家"),
          Text("Foreign countries with at least one nonstop route from HKG shown (by default: passenger "
               "service, regular or seasonal; territories such as Guam count under their state).",
               "最少有一條所示香港直航航線的外國（預設只計定期或季節性客運航班；關島等屬地按其所屬國家計算）。"),
          "country", "routes", _route_countries),
        M("bri_countries_with_route", Text("Belt and Road countries with a nonstop flight", "有直航航班的「一帶一路」國家"),
          Text("Countries with a nonstop route shown that had a Belt and Road cooperation document in force on the date shown.",
               "有所示直航航線，並於所示日期已簽署共建「一帶一路」合作文件的國家。"),
          "country", "routes", lambda cat, sel: _route_countries(cat, sel) & bri_members(cat, sel.filter.as_of)),
        M("destinations", Text("Destinations (airports)", "航點（機場）"),
          Text("Airports with a nonstop route from HKG shown.", "有所示香港直航航線的機場。"),
          "airport", "routes", lambda cat, sel: frozenset(sel.routes["dest_iata"])),
    )
}  # fmt: skip


def coverage(catalog: Catalog, sel: Selection) -> dict[str, frozenset[str]]:
    """Every measure's set of places for a selection."""
    return {k: m.compute(catalog, sel) for k, m in MEASURES.items()}


def denominator(catalog: Catalog, measure: Measure) -> int | None:
    return len(_region(catalog, measure.of)) if measure.of else None


@lru_cache(maxsize=128)
def summary(catalog: Catalog, flt: NetworkFilter) -> dict:
    """The numbers of a filter: counts per layer and status, and for every measure the places
    covered by the network shown, by its existing part (baseline) and the difference (gain).
    Cached: callers must not modify the result."""
    shown = select(catalog, flt)
    cov = coverage(catalog, shown)
    base = coverage(catalog, shown.existing())
    return {
        "counts": {k: counts_by_status(df) for k, df in shown.frames.items()},
        "coverage": {k: len(v) for k, v in cov.items()},
        "baseline": {k: len(v) for k, v in base.items()},
        "gain": {k: sorted(cov[k] - base[k]) for k in MEASURES},
        "places": {k: sorted(v) for k, v in cov.items()},
        "of": {k: denominator(catalog, m) for k, m in MEASURES.items() if m.of},
    }


def added_by(catalog: Catalog, flt: NetworkFilter, without: NetworkFilter) -> dict[str, list[str]]:
    """Per measure, the places the network of ``flt`` covers and that of ``without`` does not
    (what a draft adds to the view: the view with it against the view without it)."""
    a, b = summary(catalog, flt)["places"], summary(catalog, without)["places"]
    return {k: sorted(set(a[k]) - set(b[k])) for k in MEASURES}
