"""Spatial joins of points (offices, cities, airports) to countries and provinces.

Every point table is joined to the world level (country) and, inside China, to the
province level; the result is checked against the codes each row declares.  Points
on a coast or a small island may fall just outside a simplified polygon: they pass
when they lie within ``tolerance_km`` of the country (or province) they claim.
"""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops

from geodata.codes import CHINA_PARTS, PART_OF_ADCODE
from geodata.validate import Problem

COAST_TOLERANCE_KM = 30.0
EARTH_RADIUS_KM = 6371.0088


def haversine_km(lon1, lat1, lon2, lat2):
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def distance_km(point: shapely.Point, geom) -> float:
    """Great-circle distance from ``point`` to the nearest point of ``geom`` (0 if inside)."""
    if geom is None or geom.is_empty:
        return math.inf
    if geom.covers(point):
        return 0.0
    _, nearest = shapely.ops.nearest_points(point, geom)
    return float(haversine_km(point.x, point.y, nearest.x, nearest.y))


def points_of(df: pd.DataFrame) -> gpd.GeoSeries:
    return gpd.GeoSeries.from_xy(
        df["lon"].astype(float), df["lat"].astype(float), crs="EPSG:4326", index=df.index
    )


def _within(points: gpd.GeoSeries, polys: gpd.GeoDataFrame, code: str) -> pd.Series:
    """The ``code`` of the polygon each point lies in ('' if none); first match wins."""
    tree = shapely.STRtree(polys.geometry.values)
    pi, gi = tree.query(points.values, predicate="within")
    out = pd.Series("", index=points.index, dtype=object)
    codes = polys[code].to_numpy()
    for p, g in zip(pi[::-1], gi[::-1]):  # reversed so the first match is written last
        out.iloc[p] = codes[g]
    return out


def join_points(
    df: pd.DataFrame, world: gpd.GeoDataFrame, provinces: gpd.GeoDataFrame
) -> pd.DataFrame:
    """Columns ``joined_iso3`` and ``joined_adcode`` for each row with lat/lon.

    ``joined_iso3`` uses statistics' convention: a point in Hong Kong, Macao or Taiwan
    gets HKG / MAC / TWN even though the world level draws them inside China.
    """
    pts = points_of(df)
    iso3 = _within(pts, world, "iso3")
    adcode = _within(pts, provinces, "adcode")
    # a province counts only where the world level says China (or says nothing: a coast)
    adcode = adcode.where((iso3 == "CHN") | (iso3 == ""), "")
    part = adcode.map(PART_OF_ADCODE)
    iso3 = pd.Series(
        np.where(part.notna(), part, np.where((iso3 == "") & (adcode != ""), "CHN", iso3)),
        index=df.index,
        dtype=object,
    )
    return pd.DataFrame({"joined_iso3": iso3, "joined_adcode": adcode}, index=df.index)


def point_problems(
    df: pd.DataFrame,
    file: str,
    world: gpd.GeoDataFrame,
    provinces: gpd.GeoDataFrame,
    tolerance_km: float = COAST_TOLERANCE_KM,
) -> list[Problem]:
    """Rows whose point is not inside (or within ``tolerance_km`` of) the place they claim."""
    if df.empty:
        return []
    joined = join_points(df, world, provinces)
    world_geom = dict(zip(world["iso3"], world.geometry))
    prov_geom = dict(zip(provinces["adcode"], provinces.geometry))
    problems: list[Problem] = []
    pts = points_of(df)
    for idx, row in df.iterrows():
        pt = pts.loc[idx]
        claimed = row["country_iso3"]
        geom = (
            prov_geom.get(CHINA_PARTS[claimed])
            if claimed in CHINA_PARTS
            else world_geom.get(claimed)
        )
        if geom is None:
            continue  # an unknown code is reported by the cell check
        d = distance_km(pt, geom)
        if d > tolerance_km:
            found = joined.at[idx, "joined_iso3"] or "the sea / no country"
            problems.append(
                Problem(
                    file,
                    int(row["_line"]),
                    "lat/lon",
                    f"{row['lat']},{row['lon']}",
                    f"point lies {d:.0f} km outside {claimed} (tolerance {tolerance_km:.0f} km); "
                    f"it falls in {found}",
                )
            )
            continue
        adcode = row.get("adcode", "")
        if adcode and adcode in prov_geom:
            d = distance_km(pt, prov_geom[adcode])
            if d > tolerance_km:
                found = joined.at[idx, "joined_adcode"] or "no province"
                problems.append(
                    Problem(
                        file,
                        int(row["_line"]),
                        "lat/lon",
                        f"{row['lat']},{row['lon']}",
                        f"point lies {d:.0f} km outside province {adcode}; it falls in {found}",
                    )
                )
    return problems
