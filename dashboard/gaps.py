"""The gap finder: the questions people ask of the network, each a table (``table=gaps&gap=<id>``)
and a preset on the explore page, following the view's filters (region, year, kinds, services,
airlines, proposals, draft).

Declared once in ``GAPS``: a gap's labels and how its rows are found. Country gaps list rows of
the countries table (names, counts, metrics, sources); the proposals gap lists rows of the
proposals table (the track record).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.state import GAP_IDS, ViewState
from geodata.catalog import Catalog
from geodata.measures import summary
from geodata.text import Text
from geodata.weights import population


@dataclass(frozen=True)
class Gap:
    id: str
    label: Text  # the question, as the preset's link and the table's title say it
    note: Text  # how the rows are found
    rows: Callable[[Catalog, ViewState], list[str]] | None = (
        None  # country gaps: ISO3 codes, in order
    )


def _places(catalog: Catalog, state: ViewState, key: str) -> set[str]:
    return set(summary(catalog, state.effective().network_filter())["places"][key])


def _bri_flights_no_office(catalog: Catalog, state: ViewState) -> list[str]:
    flown = _places(catalog, state, "bri_countries_with_route")
    return sorted(flown - _places(catalog, state, "countries_with_office"))


def _office_no_flight(catalog: Catalog, state: ViewState) -> list[str]:
    hosts = _places(catalog, state, "countries_with_office")
    return sorted(hosts - _places(catalog, state, "countries_with_route"))


#: How many of the most populous countries without an office the gap lists.
POPULOUS = 25


def _populous_no_office(catalog: Catalog, state: ViewState) -> list[str]:
    from geodata.codes import NOT_FOREIGN
    from geodata.metrics import country_metrics

    pop = population(catalog)
    shown = country_metrics(catalog, state.effective().network_filter(), state.point_layers)
    inside = set(shown.index[shown["in_region"]])
    hosts = _places(catalog, state, "countries_with_office")
    # a territory counts under its state, as the measures count it (Guam: the United States)
    cands = [c for c in pop if c in inside and catalog.sovereign.get(c, c) not in hosts
             and c not in NOT_FOREIGN and c not in catalog.sovereign]  # fmt: skip
    return sorted(cands, key=lambda c: -pop[c])[:POPULOUS]


GAPS: dict[str, Gap] = {
    g.id: g
    for g in (
        Gap("bri-flights-no-office",
            Text("Belt and Road countries with a nonstop flight but no office",
                 "有直航航班但沒有辦事處的「一帶一路」國家"),
            Text("Countries counted under “Belt and Road countries with a nonstop flight” and not under "
                 "“Countries with an office”, as the view's filters count them.",
                 "計入「有直航航班的『一帶一路』國家」而不計入「設有辦事處的國家」的國家（按畫面的篩選計算）。"),
            _bri_flights_no_office),
        Gap("office-no-flight",
            Text("Countries with an office but no nonstop flight", "設有辦事處但沒有直航航班的國家"),
            Text("Countries counted under “Countries with an office” and not under “Countries with a "
                 "nonstop flight”, as the view's filters count them (by default, passenger flights, "
                 "regular or seasonal).",
                 "計入「設有辦事處的國家」而不計入「有直航航班的國家」的國家（按畫面的篩選計算；預設只計定期或季節性客運航班）。"),
            _office_no_flight),
        Gap("populous-no-office",
            Text("The most populous countries without an office", "沒有辦事處的人口最多國家"),
            Text(f"The {POPULOUS} countries with the most people (World Bank, 2024) in the view's region "
                 "that no office shown stands in. (Hong Kong's largest trading partners without an office "
                 "need a table of trade by partner, not yet in the data.)",
                 f"畫面地區內沒有所示辦事處、人口最多的{POPULOUS}個國家（世界銀行，2024年）。"
                 "（「沒有辦事處的最大貿易夥伴」需要按貿易夥伴劃分的貿易數據，暫未收錄。）"),
            _populous_no_office),
        Gap("unrealised",
            Text("Proposal items not realised after {n} years", "提出{n}年後仍未落實的建議項目"),
            Text("Items of the chosen proposals (all, when none is chosen) that nothing realised by the end "
                 "of the year shown, proposed at least {n} years before it (after=N sets the years).",
                 "所選建議（未選則全部）中，至所示年底仍未落實、且提出至少{n}年的項目（以 after=N 設定年數）。")),
    )
}  # fmt: skip


assert tuple(GAPS) == GAP_IDS, "dashboard/state.py's GAP_IDS lists the gaps, in order"


def gap_label(gap_id: str, lang: str, years: int) -> str:
    return GAPS[gap_id].label(lang).format(n=years)


def gap_frame(catalog: Catalog, state: ViewState, lang: str) -> pd.DataFrame:
    """The rows of the state's gap, as the countries or the proposals table has them, with a
    ``gap`` column naming the question (the download says what it answers)."""
    from dashboard.tables import layer_frame

    gap = GAPS[state.gap]
    if gap.rows is None:  # proposal items: the track record's, not realised after N years
        df = layer_frame(catalog, state, "proposals", lang)
        year = int(state.network_filter().as_of[:4])
        proposed = df["document_id"].map(lambda d: catalog.document_dates.get(d, "")[:4])
        old = proposed.map(lambda y: bool(y) and year - int(y) >= state.gap_after)
        df = df[(df["outcome"] == "not realised") & old].copy()
        df.insert(1, "years_since", [year - int(y) for y in proposed[df.index]])
    else:
        codes = gap.rows(catalog, state)
        countries = layer_frame(catalog, state, "countries", lang).set_index("iso3")
        df = countries.reindex([c for c in codes if c in countries.index]).reset_index()
    df.insert(1, "gap", gap_label(state.gap, lang, state.gap_after))
    return df.reset_index(drop=True)
