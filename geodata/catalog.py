"""The read-only catalog: every validated table plus the boundary artifacts, loaded once.

``load_catalog()`` is what the app, the API and ``python -m geodata check`` call. It raises
:class:`geodata.validate.DataError` (file, line, column, value, reason) on the first load that
finds problems; it never returns half-checked data. The catalog knows the folders it was read
from and the choices that depend on the data (region and proposal ids): nothing else reads
those folders or recomputes those choices.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata import BOUNDARIES_DIR, DATA_DIR
from geodata import boundaries as bnd
from geodata.codes import CHINA_PARTS, PART_OF_ADCODE
from geodata.dates import date_start
from geodata.joins import join_points, point_problems
from geodata.schema import LOAD_ORDER, TABLES
from geodata.validate import DataError, Problem, check_refs, load_table

POINT_TABLES = tuple(name for name, t in TABLES.items() if t.point)


@dataclass(frozen=True, eq=False)
class Catalog:
    tables: dict[str, pd.DataFrame]
    world: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    tiny_points: pd.DataFrame
    version: str
    data_dir: Path
    boundaries_dir: Path

    def table(self, name: str) -> pd.DataFrame:
        if name not in self.tables:
            raise KeyError(f"table was {name!r} but is expected to be one of {sorted(self.tables)}")
        return self.tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    @cached_property
    def region_members(self) -> dict[str, tuple[str, frozenset[str]]]:
        """region id -> (level, member codes)."""
        return {
            r.id: (r.level, frozenset(m.strip() for m in r.members.split(";")))
            for r in self.regions.itertuples()
        }

    @cached_property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(self.regions["id"])

    @cached_property
    def proposal_ids(self) -> tuple[str, ...]:
        d = self.documents
        return tuple(d.loc[d["kind"] == "proposal", "id"])

    @cached_property
    def sovereign(self) -> dict[str, str]:
        """territory ISO3 -> the ISO3 of the state it belongs to (``territories.csv``)."""
        t = self.territories
        return dict(zip(t["iso3"], t["sovereign_iso3"]))

    @cached_property
    def document_dates(self) -> dict[str, str]:
        """document id -> the first day of its date (YYYY-MM-DD)."""
        return {i: date_start(d) for i, d in zip(self.documents["id"], self.documents["date"])}

    @cached_property
    def country_names(self) -> pd.DataFrame:
        """iso3 -> name_en, name_zh for world features plus HKG/MAC/TWN."""
        w = self.world[["iso3", "name_en", "name_zh"]]
        extra = self.provinces[self.provinces["adcode"].isin(CHINA_PARTS.values())]
        extra = pd.DataFrame(
            {
                "iso3": extra["adcode"].map(PART_OF_ADCODE),
                "name_en": extra["short_en"],
                "name_zh": extra["short_zh"],
            }
        )
        return pd.concat([w, extra], ignore_index=True).set_index("iso3")

    @cached_property
    def anchors(self) -> dict[str, tuple[float, float]]:
        """A point (lat, lon) inside each country (ISO3, with Hong Kong, Macao and Taiwan from the
        China boundaries) and each province (adcode): where a distance from the place starts and
        where a draft's office at that place stands. Computed once per boundaries."""
        out: dict[str, tuple[float, float]] = {}
        for gdf, key in ((self.world, "iso3"), (self.provinces, "adcode")):
            for code, p in zip(gdf[key], gdf.geometry.representative_point()):
                out.setdefault(code, (p.y, p.x))
        for adcode, iso3 in PART_OF_ADCODE.items():
            if adcode in out:
                out.setdefault(iso3, out[adcode])
        return out

    @cached_property
    def province_names(self) -> pd.DataFrame:
        """adcode -> name_en, name_zh, short_en, short_zh."""
        return self.provinces.set_index("adcode")[["name_en", "name_zh", "short_en", "short_zh"]]

    @cached_property
    def city_names(self) -> dict[str, tuple[str, str]]:
        """City key (``ISO3:City``) -> (name_en, name_zh), from every table that names cities."""
        out: dict[str, tuple[str, str]] = {}
        for name in ("offices", "partner_cities", "routes"):
            df = self.tables[name]
            for iso3, en, zh in zip(df["country_iso3"], df["city_en"], df["city_zh"]):
                if iso3 and en and (f"{iso3}:{en}" not in out or not out[f"{iso3}:{en}"][1]):
                    out[f"{iso3}:{en}"] = (en, zh)
        return out

    @cached_property
    def airline_ids(self) -> tuple[str, ...]:
        """Airline codes, the airlines with the most routes in the data first."""
        counts: dict[str, int] = {}
        for a in self.tables["routes"]["airlines"]:
            for code in (x.strip() for x in a.split(";") if x.strip()):
                counts[code] = counts.get(code, 0) + 1
        return tuple(sorted(self.tables["airlines"]["iata"], key=lambda c: (-counts.get(c, 0), c)))

    @cached_property
    def _airline_names(self) -> dict[str, tuple[str, str]]:
        a = self.tables["airlines"]
        return dict(zip(a["iata"], zip(a["name_en"], a["name_zh"])))

    def airline_name(self, code: str, lang: str = "en") -> str:
        """An airline's name in ``lang`` (English when no Chinese name is sourced; the code when
        the airline is not identified)."""
        en, zh = self._airline_names.get(code, ("", ""))
        return ((zh or en) if lang == "zh" else en) or code

    @cached_property
    def airport_names(self) -> dict[str, tuple[str, str]]:
        """IATA code -> the (en, zh) name of the city the airport serves."""
        r = self.tables["routes"]
        return {c: (en, zh) for c, en, zh in zip(r["dest_iata"], r["city_en"], r["city_zh"])}

    def place_name(self, code: str, lang: str = "en", short: bool = False, scale: str = "") -> str:
        """The name in ``lang`` of a country (ISO3), province (adcode), city (``ISO3:City``) or,
        with ``scale="airport"``, an airport (IATA: an airport and a country may share a code);
        the code itself when unknown."""
        if ":" in code and code in self.city_names:
            en, zh = self.city_names[code]
            return (zh or en) if lang == "zh" else en
        if scale == "airport":
            en, zh = self.airport_names.get(code, (code, code))
            return f"{(zh or en) if lang == 'zh' else en} ({code})"
        col = "name_zh" if lang == "zh" else "name_en"
        if code in self.province_names.index:
            if short:
                col = col.replace("name", "short")
            return self.province_names.at[code, col] or code
        if code in self.country_names.index:
            return (
                self.country_names.at[code, col] or self.country_names.at[code, "name_en"] or code
            )
        return code


def _version(data_dir: Path, boundaries_dir: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(data_dir.glob("*.csv")) + [boundaries_dir / "manifest.json"]:
        if p.exists():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _member_problems(regions: pd.DataFrame, iso3: frozenset, adcodes: frozenset) -> list[Problem]:
    """Region members must be known codes: ISO3 (country level), adcodes (province level) or
    ``ISO3:City`` (city level)."""
    out = []
    for line, level, members in zip(regions["_line"], regions["level"], regions["members"]):
        for m in (x.strip() for x in members.split(";")):
            if level == "city":
                country, _, city = m.partition(":")
                ok = country in iso3 and bool(city)
            else:
                ok = m in (iso3 if level == "country" else adcodes)
            if not ok:
                expected = "ISO3:City" if level == "city" else f"{level} code"
                out.append(Problem("regions.csv", int(line), "members", m, f"unknown {expected}"))
    return out


def _coverage_problems(cov: pd.DataFrame, iso3: frozenset, adcodes: frozenset) -> list[Problem]:
    out = []
    for line, covers in zip(cov["_line"], cov["covers"]):
        for m in (x.strip() for x in covers.split(";")):
            if m not in iso3 and m not in adcodes:
                out.append(
                    Problem(
                        "office_coverage.csv",
                        int(line),
                        "covers",
                        m,
                        "not a country (ISO3) or province (adcode) code",
                    )
                )
    return out


def _row_rules(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Rules across the columns of one row."""
    out = []
    o = frames["offices"]
    for r in o.itertuples():
        if (r.precision == "region") != bool(r.region_id):
            out.append(
                Problem(
                    "offices.csv",
                    int(r._1),
                    "region_id",
                    r.region_id,
                    "a region-level row (precision 'region') names its region_id, and only it does",
                )
            )
        if r.precision != "region":
            for col in ("country_iso3", "lat", "lon"):
                if not getattr(r, col):
                    out.append(
                        Problem(
                            "offices.csv",
                            int(r._1),
                            col,
                            "",
                            "a value is required (the row is not region-level)",
                        )
                    )
    airlines = set(frames["airlines"]["iata"])
    for r in frames["routes"].itertuples():
        for code in (x.strip() for x in r.airlines.split(";") if x.strip()):
            if code not in airlines:
                out.append(
                    Problem("routes.csv", int(r._1), "airlines", code,
                            "an airline code not in airlines.csv (add the airline there)")
                )  # fmt: skip
        if r.status == "existing" and not r.regularity:
            out.append(
                Problem(
                    "routes.csv",
                    int(r._1),
                    "regularity",
                    "",
                    "an existing route needs its regularity (regular, seasonal, charter, none)",
                )
            )
        if r.status == "existing" and not (r.since or r.as_of):
            out.append(
                Problem("routes.csv", int(r._1), "since", "",
                        "an existing route needs since (or the as_of of the snapshot it was seen "
                        "in): without either it would count in every year back to 1995")
            )  # fmt: skip
    return out


def load_catalog(data_dir: Path = DATA_DIR, boundaries_dir: Path = BOUNDARIES_DIR) -> Catalog:
    """Validate and load every table; raise DataError listing the problems found."""
    data_dir, boundaries_dir = Path(data_dir).resolve(), Path(boundaries_dir).resolve()
    world = bnd.load_world(boundaries_dir)
    provinces = bnd.load_provinces(boundaries_dir)
    iso3 = frozenset(world["iso3"]) | frozenset(CHINA_PARTS)
    adcodes = frozenset(provinces["adcode"])
    ctx = {"iso3": iso3, "adcode": adcodes}

    frames: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in LOAD_ORDER:
        try:
            frames[name] = load_table(data_dir / f"{name}.csv", TABLES[name], ctx)
        except DataError as e:
            problems.extend(e.problems)
    if problems:
        raise DataError(problems)

    targets = {f"{n}.{TABLES[n].key}": set(frames[n][TABLES[n].key]) for n in frames}
    for name in LOAD_ORDER:
        problems += check_refs(frames[name], TABLES[name], f"{name}.csv", targets)
    problems += _member_problems(frames["regions"], iso3, adcodes)
    problems += _coverage_problems(frames["office_coverage"], iso3, adcodes)
    problems += _row_rules(frames)
    if problems:
        raise DataError(problems)
    for name in POINT_TABLES:
        df = frames[name]
        problems += point_problems(df[df["lat"] != ""], f"{name}.csv", world, provinces)
    if problems:
        raise DataError(problems)

    for name in POINT_TABLES:
        df = frames[name]
        df["lat"] = pd.to_numeric(df["lat"], errors="coerce")
        df["lon"] = pd.to_numeric(df["lon"], errors="coerce")
        placed = df[df["lat"].notna()]
        joined = join_points(placed, world, provinces).reindex(df.index, fill_value="")
        frames[name] = pd.concat([df, joined], axis=1)

    return Catalog(
        tables=frames,
        world=world,
        provinces=provinces,
        tiny_points=bnd.load_tiny_points(boundaries_dir),
        version=_version(data_dir, boundaries_dir),
        data_dir=data_dir,
        boundaries_dir=boundaries_dir,
    )


_DEFAULT: Catalog | None = None


def default_catalog() -> Catalog:
    """The catalog of the committed data, loaded on first use and then shared (read-only)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_catalog()
    return _DEFAULT
