"""Airport facts for maintainers adding a route: ``python -m geodata airport TAS``.

Reads the ``airportsdata`` package (MIT; an optional build dependency, never imported by the
running app) and prints, for each IATA code, the start of a ``routes.csv`` row: code, city,
country (ISO3), coordinates, and the source to cite. The Chinese city name is left for the
maintainer to write as Hong Kong writes it.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _airports() -> dict:
    try:
        import airportsdata
    except ImportError:  # pragma: no cover - depends on the environment
        raise SystemExit("this command needs the build extras: pip install -e '.[build]'") from None
    return airportsdata.load("IATA")


def airport(iata: str) -> dict:
    """The airport ``iata`` as a partial routes.csv row; KeyError when unknown."""
    import importlib.metadata as md

    import pycountry

    code = iata.strip().upper()
    a = _airports()[code]
    country = pycountry.countries.get(alpha_2=a["country"])
    version = md.version("airportsdata")
    return {
        "dest_iata": code,
        "city_en": a["city"],
        "city_zh": "",
        "country_iso3": country.alpha_3 if country else a["country"],
        "lat": round(float(a["lat"]), 4),
        "lon": round(float(a["lon"]), 4),
        "airport": a["name"],
        "coords_source": f"coords airportsdata {version}",
    }
