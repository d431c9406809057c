"""Build the curated tables in ``geodata/data/`` from the reference facts and the seeds.

Run once by a maintainer (``python -m geodata curate --reference ../shared/reference``);
the CSVs it writes are committed and are what the app loads.  Every editorial decision
(a date chosen between two sources, a name written the Hong Kong way, a discrepancy kept)
is made in code here, with a comment, so that a rebuild reproduces the committed tables.

Each module in this package exposes ``build(reference_dir: Path) -> list[dict]`` for the
table it owns and may expose ``DOCUMENTS: list[dict]`` with the documents its rows cite.
"""

from __future__ import annotations

import csv
from collections import Counter
import importlib
from pathlib import Path

from geodata import DATA_DIR
from geodata.schema import TABLES

# table name -> module (in this package) that builds it
BUILDERS = {
    "offices": "offices",
    "partner_cities": "cities",
    "routes": "routes",
    "country_facts": "facts",
    "regions": "regions",
}
DOCUMENT_MODULES = ("documents", "offices", "cities", "routes", "facts", "regions")


def write_table(name: str, rows: list[dict], out_dir: Path = DATA_DIR) -> Path:
    """Write ``rows`` as ``<name>.csv`` with exactly the schema's columns, in order."""
    cols = TABLES[name].column_names
    key = TABLES[name].key
    dup = sorted(k for k, n in Counter(r.get(key) for r in rows).items() if n > 1)
    if dup:
        raise ValueError(f"{name}: duplicate {key}s {dup}")
    unknown = sorted({k for r in rows for k in r} - set(cols))
    if unknown:
        raise ValueError(f"{name}: columns {unknown} are not in the schema {cols}")
    path = out_dir / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: "" if r.get(c) is None else r.get(c) for c in cols})
    return path


def run(reference_dir: Path, out_dir: Path = DATA_DIR) -> dict[str, int]:
    counts: dict[str, int] = {}
    documents: dict[str, dict] = {}
    for mod_name in DOCUMENT_MODULES:
        mod = importlib.import_module(f"geodata.curate.{mod_name}")
        for d in getattr(mod, "DOCUMENTS", []):
            if d["id"] in documents and documents[d["id"]] != d:
                raise ValueError(f"document {d['id']!r} defined twice, differently ({mod_name})")
            documents[d["id"]] = d
    write_table("documents", sorted(documents.values(), key=lambda d: d["id"]), out_dir)
    counts["documents"] = len(documents)
    for table, mod_name in BUILDERS.items():
        mod = importlib.import_module(f"geodata.curate.{mod_name}")
        rows = mod.build(Path(reference_dir))
        write_table(table, rows, out_dir)
        counts[table] = len(rows)
    return counts
