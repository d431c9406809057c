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
    def province_names(self) -> pd.DataFrame:
        """adcode -> name_en, name_zh, short_en, short_zh."""
        return self.provinces.set_index("adcode")[["name_en", "name_zh", "short_en", "short_zh"]]

    def place_name(self, code: str, lang: str = "en", short: bool = False) -> str:
        """The name of a country (ISO3) or province (adcode) in ``lang``; the code if unknown."""
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
    out = []
    for line, level, members in zip(regions["_line"], regions["level"], regions["members"]):
        known = iso3 if level == "country" else adcodes
        for m in members.split(";"):
            if m.strip() not in known:
                out.append(Problem("regions.csv", int(line), "members", m, f"unknown {level} code"))
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
    for name in POINT_TABLES:
        problems += point_problems(frames[name], f"{name}.csv", world, provinces)
    if problems:
        raise DataError(problems)

    for name in POINT_TABLES:
        df = frames[name]
        df["lat"] = df["lat"].astype(float)
        df["lon"] = df["lon"].astype(float)
        frames[name] = pd.concat([df, join_points(df, world, provinces)], axis=1)

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
