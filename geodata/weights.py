"""Coverage weighted by people: beside "15 countries have an office", the share of the world's
population (and of the Belt and Road countries' population) that lives in them.

Population: ``data/population.csv`` (World Bank SP.POP.TOTL, 2024; Taiwan from GeoNames), one
figure a country. The world's total is the sum of the table (every country and Hong Kong,
Macao and Taiwan: 8.14 billion, the World Bank's world figure to within 0.01 %). A measure's
places are counted as the measures count them (territories under their state, whose World Bank
figure leaves them out: Guam adds nothing to the United States' population).

Weighted like this: the country-scale measures of offices and flights (``WEIGHTED``). Trade is
not weighted yet: no table of Hong Kong's trade by partner is in the data (see docs/data.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from geodata.catalog import Catalog
from geodata.measures import summary
from geodata.network import NetworkFilter, bri_members

#: measure id -> the population it is a share of: "world" or "bri" (the Belt and Road
#: countries on the filter's date)
WEIGHTED = {
    "countries_with_office": "world",
    "countries_covered": "world",
    "countries_with_route": "world",
    "bri_countries_with_office": "bri",
    "bri_countries_covered": "bri",
    "bri_countries_with_route": "bri",
}


@dataclass(frozen=True)
class Share:
    people: int  # living in the measure's places, with what the filter shows
    base_people: int  # in its existing part
    total: int  # the population it is a share of

    @property
    def share(self) -> float:
        return self.people / self.total if self.total else 0.0

    @property
    def base_share(self) -> float:
        return self.base_people / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"people": self.people, "base_people": self.base_people, "total": self.total,
                "share": round(self.share, 6), "base_share": round(self.base_share, 6)}  # fmt: skip


@lru_cache(maxsize=4)
def population(catalog: Catalog) -> dict[str, int]:
    """ISO3 -> people (the latest year of the table)."""
    p = catalog.table("population")
    return {iso3: int(n) for iso3, n in zip(p["iso3"], p["population"])}


def people(catalog: Catalog, codes) -> int:
    pop = population(catalog)
    return sum(pop.get(c, 0) for c in set(codes))


def world_population(catalog: Catalog) -> int:
    return sum(population(catalog).values())


@lru_cache(maxsize=128)
def population_shares(catalog: Catalog, flt: NetworkFilter) -> dict[str, Share]:
    """For each measure of ``WEIGHTED``: the people in its places with the network shown and
    with its existing part, and the total they are a share of."""
    s = summary(catalog, flt)
    world = world_population(catalog)
    bri = people(catalog, bri_members(catalog, flt.as_of))
    out = {}
    for key, of in WEIGHTED.items():
        places = set(s["places"][key])
        base = places - set(s["gain"][key])
        out[key] = Share(
            people(catalog, places), people(catalog, base), world if of == "world" else bri
        )
    return out


def shares_against(catalog: Catalog, flt: NetworkFilter, base: NetworkFilter) -> dict[str, Share]:
    """``population_shares`` with the base part taken from another network's shares (compare's
    left map: the existing network and the planned items shown) instead of the existing part."""
    before = population_shares(catalog, base)
    return {
        k: Share(s.people, before[k].people, s.total)
        for k, s in population_shares(catalog, flt).items()
    }
