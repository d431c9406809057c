"""The choropleth metrics, declared once: ``METRICS``.

A metric declares its labels and definition in both languages, how it is computed for each
country (and, if it has one, each province), its colours and legend, and the sources it draws
on. The figure builder, the legend, hover, the table, the API, the exports and the tests read
the declarations. To add a metric: one ``Metric`` here (and, if it needs a new kind of count,
a small compute function beside it).

Compute functions take an :class:`Inputs` (the catalog, the filter, the visible point layers,
the codes of one level) and return one value per code; ``Inputs.value(id)`` gives another
metric's values, so metrics build on each other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd

from geodata.catalog import Catalog
from geodata.kinds import rank
from geodata.layers import LAYERS
from geodata.measures import placed_offices
from geodata.network import (
    NetworkFilter,
    Selection,
    bri_members,
    facts_in_force,
    region_cities,
    region_codes,
    select,
)
from geodata.text import Text

AGREEMENT_FACTS = ("cdta", "fta", "ippa", "aeo_mra")
LEVELS = ("country", "province")


@dataclass(frozen=True)
class Category:
    value: int
    colour: str
    label: Text


@dataclass(frozen=True)
class Metric:
    id: str
    label: Text
    definition: Text
    country: Callable[[Inputs], np.ndarray]
    province: Callable[[Inputs], np.ndarray] | None = None  # None: provinces show ``fallback``
    categories: tuple[Category, ...] = ()  # a categorical metric's classes (value, colour, label)
    colours: tuple[str, ...] = ()  # a count's sequential colours, light to dark
    layers: tuple[str, ...] = ()  # point layers whose records it counts (its sources)
    facts: tuple[str, ...] = ()  # country facts it counts (their documents are its sources)
    hover: str = ""  # "count": "label: n" in the country hover when n > 0; "flag": label when 1;
    #                  "value": "label: n unit" always (a measurement, not a count)
    unit: Text | None = None  # of a measurement (hover and legend)
    descending: bool = False  # a small value is the strong one (drawn darkest: a distance)
    figure: str = ""  # a class metric's exact figure (another metric, shown in the hover)
    selectable: bool = True  # False: only drawn by a view (the compare difference map)
    fallback: str = "offices"  # the province metric shown when this one has none

    @property
    def categorical(self) -> bool:
        return bool(self.categories)

    def for_level(self, level: str) -> str:
        """The metric drawn at ``level``: this one, or its fallback for provinces."""
        return self.id if level == "country" or self.province is not None else self.fallback


class Inputs:
    """What a compute function sees: one level's codes and the selections of one filter."""

    def __init__(self, catalog: Catalog, flt: NetworkFilter, layers: tuple[str, ...], level: str):
        self.catalog, self.filter, self.layers, self.level = catalog, flt, layers, level
        self.key = "country_iso3" if level == "country" else "adcode"
        if level == "country":
            self.index = pd.Index(catalog.country_names.index, name="iso3")
        else:
            self.index = pd.Index(catalog.provinces["adcode"], name="adcode")
        self._values: dict[str, np.ndarray] = {}

    @cached_property
    def shown(self) -> Selection:
        return select(self.catalog, self.filter)

    @cached_property
    def base(self) -> Selection:
        return self.shown.existing()

    def value(self, metric_id: str) -> np.ndarray:
        if metric_id not in self._values:
            m = METRICS[metric_id]
            fn = m.country if self.level == "country" else m.province
            self._values[metric_id] = np.asarray(fn(self), dtype=float)
        return self._values[metric_id]

    def count(self, df: pd.DataFrame) -> np.ndarray:
        """How many records of ``df`` stand in each code."""
        codes = self.index.get_indexer(df[self.key].to_numpy())
        return np.bincount(codes[codes >= 0], minlength=len(self.index))

    def has(self, codes) -> np.ndarray:
        return self.index.isin(sorted(set(codes))).astype(int)

    def codes(self, sel: Selection, layers: tuple[str, ...] | None = None) -> set[str]:
        """Codes that records of ``sel`` stand in, for the visible layers (or ``layers``)."""
        out: set[str] = set()
        for name in layers if layers is not None else self.layers:
            df = sel.layer(name)
            if name == "offices":
                df = placed_offices(df)
            out |= set(df[self.key])
        out.discard("")
        return out


def _offices(x: Inputs) -> np.ndarray:
    return x.count(placed_offices(x.shown.offices))


def _routes(x: Inputs) -> np.ndarray:
    return x.count(x.shown.routes)


def _cities(x: Inputs) -> np.ndarray:
    return x.count(x.shown.cities)


def _facts(facts: tuple[str, ...]) -> Callable[[Inputs], np.ndarray]:
    def f(x: Inputs) -> np.ndarray:
        return x.count(
            facts_in_force(x.catalog, x.filter.as_of, facts).rename(columns={"iso3": x.key})
        )

    return f


def _bri(x: Inputs) -> np.ndarray:
    return x.has(bri_members(x.catalog, x.filter.as_of))


def _people(x: Inputs) -> np.ndarray:
    """People in the country, in millions (rounded; the table's figure is exact)."""
    pop = dict(zip(x.catalog.population["iso3"], x.catalog.population["population"]))
    return np.array([round(int(pop.get(c, 0)) / 1e6) for c in x.index], dtype=float)


#: Upper bounds (people) of the population classes 1.. (0: no figure).
POPULATION_CLASSES = (10e6, 50e6, 200e6, float("inf"))


def _population(x: Inputs) -> np.ndarray:
    """The country's population class (see ``POPULATION_CLASSES``; 0 without a figure)."""
    pop = dict(zip(x.catalog.population["iso3"], x.catalog.population["population"]))
    n = np.array([int(pop.get(c, 0)) for c in x.index], dtype=float)
    return np.where(n > 0, np.searchsorted(POPULATION_CLASSES, n, side="right") + 1, 0)


EARTH_KM = 6371.0088


def _nearest_office(x: Inputs) -> np.ndarray:
    """Great-circle km from a point inside each country (or province) to the nearest office
    shown (0 where one stands; -1 when no office is shown anywhere)."""
    o = placed_offices(x.shown.offices)
    o = o[o["lat"].notna()]
    if o.empty:
        return np.full(len(x.index), -1.0)
    lat, lon = _anchors(x.catalog, x.level)
    la, lo = (
        np.radians(lat.reindex(x.index).to_numpy()),
        np.radians(lon.reindex(x.index).to_numpy()),
    )
    ola, olo = np.radians(o["lat"].to_numpy(float)), np.radians(o["lon"].to_numpy(float))
    h = (np.sin((ola[None, :] - la[:, None]) / 2) ** 2
         + np.cos(la[:, None]) * np.cos(ola[None, :]) * np.sin((olo[None, :] - lo[:, None]) / 2) ** 2)  # fmt: skip
    km = 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))).min(axis=1)
    here = set(o[x.key]) - {""}
    km = np.where(x.index.isin(sorted(here)), 0.0, km)
    return np.nan_to_num(np.round(km), nan=-1.0)


def _anchors(catalog: Catalog, level: str) -> tuple[pd.Series, pd.Series]:
    """Lat and lon of a point inside each country or province (``Catalog.anchors``)."""
    a = catalog.anchors
    codes = [c for c in a if c.isdigit() == (level == "province")]
    return (pd.Series([a[c][0] for c in codes], index=codes),
            pd.Series([a[c][1] for c in codes], index=codes))  # fmt: skip


def _presence(x: Inputs) -> np.ndarray:
    conds = [x.value("offices") > 0, x.value("routes") > 0, x.value("cities") > 0]
    levels = [4, 3, 2]
    if x.level == "country":
        conds.append(x.value("agreements") > 0)
        levels.append(1)
    return np.select(conds, levels, 0)


def _top_rank(x: Inputs, sel: Selection) -> dict[str, int]:
    """The highest rank of the offices standing in each code."""
    o = placed_offices(sel.offices)
    out: dict[str, int] = {}
    for code, kind in zip(o[x.key], o["kind"]):
        if code:
            out[code] = max(out.get(code, 0), rank(kind))
    return out


def _gain(x: Inputs) -> np.ndarray:
    """1 where the network shown adds to a place what its existing part did not have, for the
    visible layers: a route, a sister city, an office where there was none, or an office of a
    higher rank than the place had (an ETO where there was a liaison unit)."""
    return x.has(_gained(x, x.base))


def _gained(x: Inputs, before: Selection) -> set[str]:
    gained: set[str] = set()
    for layer in x.layers:
        if layer == "offices":
            ranks = _top_rank(x, before)
            gained |= {c for c, r in _top_rank(x, x.shown).items() if r > ranks.get(c, 0)}
        else:
            gained |= x.codes(x.shown, (layer,)) - x.codes(before, (layer,))
    return gained


_STRENGTH = {"cities": 1, "routes": 2, "offices": 3}  # a sister city < a flight < an office


def _strength(x: Inputs, sel: Selection) -> dict[str, int]:
    """How closely ``sel`` links each code, by the visible layers, as the counts weigh it: the
    strongest layer it stands in (an office over a flight over a sister city), then whether one
    of its offices is a full office (an ETO; a liaison unit where a consultant stood is no step)."""
    out: dict[str, int] = {}
    for layer in x.layers:
        for code in x.codes(sel, (layer,)):
            out[code] = max(out.get(code, 0), _STRENGTH[layer] * 100)
    for code, r in _top_rank(x, sel).items():
        if "offices" in x.layers and r >= 3:  # a full office: what the counts count (rank 3)
            out[code] = out.get(code, 0) + 1
    return out


def _diff(x: Inputs) -> np.ndarray:
    """4 linked newly or more closely by what is shown beyond the existing network (a first
    office, or a flight where there was only a sister city: what the counts count), 3 a proposal
    realised since, 2 linked as closely already and given more (Germany, with an ETO, gets a
    sister city), 1 linked by the existing network (and the planned items shown), 0 not linked
    (visible layers only)."""
    offices = x.shown.offices
    realised = set(offices.loc[offices["realised"], x.key]) if "offices" in x.layers else set()
    standing = x.shown.standing()  # the planned items shown are not the proposal's
    before, after = _strength(x, standing), _strength(x, x.shown)
    closer = {c for c, v in after.items() if v > before.get(c, 0)}
    return np.select(
        [x.has(closer) == 1, x.has(realised) == 1, x.has(_gained(x, standing)) == 1,
         x.has(before) == 1],
        [4, 3, 2, 1],
        0,
    )  # fmt: skip


_NONE = "#f4f4f4"
METRICS: dict[str, Metric] = {
    m.id: m
    for m in (
        Metric(
            "presence", Text("Network presence", "網絡覆蓋"),
            Text("Each place's strongest link with Hong Kong: an office, a nonstop flight, a sister "
                 "city, or (countries only) an agreement in force.",
                 "每個地方與香港最緊密的聯繫：辦事處、直航航班、姊妹城市，或（只限國家）生效中的協定。"),
            _presence, _presence,
            categories=(
                Category(0, _NONE, Text("No link", "沒有聯繫")),
                Category(1, "#9abad9", Text("Agreement only", "只有協定")),
                Category(2, "#9873bc", Text("Sister city", "姊妹城市")),
                Category(3, "#295c8c", Text("Nonstop flight", "直航航班")),
                Category(4, "#0c3068", Text("Office", "辦事處")),
            ),
            layers=("offices", "routes", "cities"), facts=AGREEMENT_FACTS),
        Metric(
            "offices", Text("Offices", "辦事處數目"),
            Text("Offices shown that stand in the place.", "位於該地的所示辦事處數目。"),
            _offices, _offices, colours=(_NONE, "#c6dbef", "#4292c6", "#08306b"),
            layers=("offices",), hover="count"),
        Metric(
            "routes", Text("Nonstop routes", "直航航點數目"),
            Text("Destinations of the nonstop routes from HKG shown.", "所示香港直航航線的目的地數目。"),
            _routes, _routes, colours=(_NONE, "#c7e9c0", "#41ab5d", "#00441b"),
            layers=("routes",), hover="count"),
        Metric(
            "cities", Text("Sister cities", "姊妹城市數目"),
            Text("Sister cities shown (existing or proposed) in the place.", "位於該地的所示姊妹城市（現有或建議）數目。"),
            _cities, _cities, colours=(_NONE, "#dadaeb", "#807dba", "#3f007d"),
            layers=("cities",), hover="count"),
        Metric(
            "agreements", Text("Agreements (CDTA, FTA, IPPA, AEO)", "協定（全面性避免雙重課稅、自貿、投資、認可經濟營運商）"),
            Text("Comprehensive double taxation, free trade, investment and AEO mutual recognition "
                 "agreements with Hong Kong in force on the date shown.",
                 "於所示日期生效、與香港簽訂的全面性避免雙重課稅、自由貿易、投資及認可經濟營運商互認協定數目。"),
            _facts(AGREEMENT_FACTS), colours=(_NONE, "#fdd0a2", "#f16913", "#7f2704"),
            facts=AGREEMENT_FACTS, hover="count"),
        Metric(
            "visits", Text("Chief Executive visits", "行政長官訪問"),
            Text("Visits of the Chief Executive to the country up to the date shown.",
                 "截至所示日期行政長官訪問該國的次數。"),
            _facts(("ce_visit",)), colours=(_NONE, "#d9f0d3", "#7fbf7b", "#1b7837"),
            facts=("ce_visit",), hover="count"),
        Metric(
            "bri", Text("Belt and Road membership", "「一帶一路」合作國家"),
            Text("Countries with a Belt and Road cooperation document in force on the date shown.",
                 "於所示日期已簽署共建「一帶一路」合作文件的國家。"),
            _bri,
            categories=(Category(0, _NONE, Text("Not a member", "非合作國家")),
                        Category(1, "#2c7f7a", Text("Belt and Road country", "「一帶一路」國家"))),
            facts=("bri",), hover="flag"),
        Metric(
            "nearest_office", Text("Distance to the nearest office (km)", "與最近辦事處的距離（公里）"),
            Text("Great-circle distance from a point inside the place to the nearest office shown "
                 "(0 where one stands).",
                 "由該地境內一點至最近的所示辦事處的大圓距離（設有辦事處者為0）。"),
            _nearest_office, _nearest_office,
            colours=("#08306b", "#2171b5", "#6baed6", "#c6dbef", "#f7fbff"),
            layers=("offices",), hover="value", unit=Text("km", "公里"), descending=True),
        Metric(
            "population", Text("Population", "人口"),
            Text("People living in the country (World Bank, 2024; Taiwan: GeoNames): where the people "
                 "are, beside where the offices and flights are.",
                 "居於該國的人口（世界銀行，2024年；台灣：GeoNames）：對照辦事處及航班所在。"),
            _population,
            categories=(
                Category(0, _NONE, Text("No figure", "沒有數字")),
                Category(1, "#f79d77", Text("Under 10 million", "少於1,000萬")),
                Category(2, "#e34c0b", Text("10–50 million", "1,000萬至5,000萬")),
                Category(3, "#963207", Text("50–200 million", "5,000萬至2億")),
                Category(4, "#4d1a04", Text("Over 200 million", "多於2億")),
            ), figure="people"),
        Metric(
            "people", Text("Population (millions)", "人口（百萬）"),
            Text("People living in the country, in millions (World Bank, 2024).",
                 "居於該國的人口，以百萬計（世界銀行，2024年）。"),
            _people, hover="value", unit=Text("million", "百萬"), selectable=False,
            colours=(_NONE, "#fcbba1", "#fb6a4a", "#a50f15")),
        Metric(
            "gain", Text("Proposal gain", "建議新增覆蓋"),
            Text("Places that the network shown links with Hong Kong and its existing part does not "
                 "(planned and proposed offices, routes and sister cities of the layers shown).",
                 "所示網絡有聯繫而現有網絡沒有的地方（所示圖層中計劃中及建議的辦事處、航線及姊妹城市）。"),
            _gain, _gain,
            categories=(Category(0, _NONE, Text("No change", "沒有變化")),
                        Category(1, "#c05f00", Text("Gained by proposal", "建議新增"))),
            layers=("offices", "routes", "cities"), hover="flag"),
        Metric(
            "diff", Text("Existing vs proposal", "現有與建議比較"),
            Text("The existing network against what the chosen proposals add, for the layers shown.",
                 "現有網絡與所選建議新增部分的比較（只計所示圖層）。"),
            _diff, _diff,
            categories=(
                Category(0, _NONE, Text("Not covered", "未覆蓋")),
                Category(1, "#94b6da", Text("Existing", "現有")),
                Category(2, "#c0621c", Text("Existing, proposal adds more", "現有，建議再增")),
                Category(3, "#5b3a82", Text("Proposed, realised since", "建議其後已落實")),
                Category(4, "#301500", Text("New or closer link (proposal)", "建議新增或提升聯繫")),
            ),
            layers=("offices", "routes", "cities"), selectable=False),
    )
}  # fmt: skip

SELECTABLE = tuple(k for k, m in METRICS.items() if m.selectable)


def _in_region(x: Inputs) -> np.ndarray:
    if not x.filter.regions:
        return np.ones(len(x.index), dtype=bool)
    iso, ad = region_codes(x.catalog, x.filter.regions)
    cities = region_cities(x.catalog, x.filter.regions)
    iso = iso | {c.split(":")[0] for c in cities}
    if cities:  # the provinces the records of a city-level region stand in
        ad = ad | x.codes(x.shown, tuple(LAYERS)) if x.level == "province" else ad
    if x.level == "country":
        return x.index.isin(iso) | ((x.index == "CHN") & bool(ad))
    return x.index.isin(ad) | ("CHN" in iso and not cities)


@lru_cache(maxsize=256)
def metrics_frame(
    catalog: Catalog,
    flt: NetworkFilter,
    level: str = "country",
    layers: tuple[str, ...] = tuple(LAYERS),
) -> pd.DataFrame:
    """One row per code of ``level`` with every metric that has that level, and ``in_region``.
    ``layers`` are the visible point layers (the gain and difference count only those).
    Cached: callers must not modify the frame."""
    if level not in LEVELS:
        raise ValueError(f"level was {level!r} but is expected to be one of {LEVELS}")
    x = Inputs(catalog, flt, visible(layers), level)
    cols = {
        k: x.value(k).astype(int) for k, m in METRICS.items() if level == "country" or m.province
    }
    cols["in_region"] = _in_region(x)
    return pd.DataFrame(cols, index=x.index)


def visible(layers) -> tuple[str, ...]:
    """The point layers among ``layers``, in a canonical order (one cache entry per set)."""
    return tuple(k for k in LAYERS if k in set(layers))


def country_metrics(catalog: Catalog, flt: NetworkFilter, layers=tuple(LAYERS)) -> pd.DataFrame:
    return metrics_frame(catalog, flt, "country", visible(layers))


def province_metrics(catalog: Catalog, flt: NetworkFilter, layers=tuple(LAYERS)) -> pd.DataFrame:
    return metrics_frame(catalog, flt, "province", visible(layers))
