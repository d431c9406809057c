"""The curated tables described as a Frictionless Data Package (``datapackage.json``).

Generated from the column contracts of :mod:`geodata.schema` (the same ones ``python -m geodata
check`` enforces): each table's fields with their types, enums, patterns and whether they may be
empty, its primary key and foreign keys, and the licences of the sources its rows cite (from
``documents.csv``'s ``licence`` column). ``tests/test_open_data.py`` validates the committed
CSVs against it with the ``frictionless`` package. Served at ``/api/v1/datapackage.json`` with
the CSVs' URLs; ``datapackage(base=None)`` gives local paths (``geodata/data/<table>.csv``).
"""

from __future__ import annotations

from geodata.schema import LOAD_ORDER, TABLES, Column, Table

NAME = "hk-network-atlas"
#: date columns hold a year, a month or a day (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``)
DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
PATTERNS = {
    "id": r"[a-z0-9][a-z0-9_\-]*",
    "iso3": r"[A-Z]{3}(-[A-Z]{3})*",
    "adcode": r"\d{6}",
    "date": DATE_PATTERN,
}
TYPES = {"float": "number", "int": "integer"}
CODE_LICENCE = {
    "name": "MIT",
    "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License",
}


def _field(col: Column) -> dict:
    field: dict = {"name": col.name, "type": TYPES.get(col.type, "string")}
    constraints: dict = {"required": True} if col.required else {}
    if col.type == "enum" and col.choices:
        constraints["enum"] = list(col.choices)
    if col.type in PATTERNS:
        constraints["pattern"] = PATTERNS[col.type]
    if col.type == "list":
        field["description"] = "values separated by ';'"
    if col.type == "ref":
        field["description"] = f"an id of {col.ref}"
    if constraints:
        field["constraints"] = constraints
    return field


def _foreign_keys(table: Table) -> list[dict]:
    out = []
    for col in table.columns:
        if col.type == "ref" and col.ref:
            ref_table, ref_field = col.ref.split(".")
            out.append({
                "fields": col.name,
                # a table that points at itself names no resource (the spec's convention)
                "reference": {"resource": "" if ref_table == table.name else ref_table, "fields": ref_field},
            })  # fmt: skip
    return out


def _sources(documents) -> list[dict]:
    """One entry per distinct licence of the documents the rows cite (with their publishers)."""
    out: dict[str, set] = {}
    for doc in documents.itertuples():
        licence = str(getattr(doc, "licence", "") or "").strip()
        if licence:
            out.setdefault(licence, set()).add(str(doc.publisher))
    return [{"title": f"{', '.join(sorted(pubs))} — {lic}"} for lic, pubs in sorted(out.items())]


def datapackage(documents=None, base: str | None = None, version: str = "") -> dict:
    """The package descriptor; ``base`` is the URL the CSVs are served under (else local
    paths relative to the repository); ``documents`` (the documents table) adds the sources'
    licences."""
    resources = []
    for name in LOAD_ORDER:
        table = TABLES[name]
        res = {
            "name": name.replace("_", "-"),
            "path": f"{base.rstrip('/')}/{name}.csv" if base else f"geodata/data/{name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "description": table.description,
            "schema": {
                "fields": [_field(c) for c in table.columns],
                "primaryKey": [table.key] if table.key else [],
                "foreignKeys": _foreign_keys(table),
                "missingValues": [""],
            },
        }
        for fk in res["schema"]["foreignKeys"]:
            ref = fk["reference"]["resource"]
            fk["reference"]["resource"] = ref.replace("_", "-")
        resources.append(res)
    package = {
        "name": NAME,
        "title": "Hong Kong Network Atlas: curated tables",
        "description": "Hong Kong's offices, sister cities, flight routes from HKG and country links, "
        "beside the proposals to expand them; every row names its source document (documents).",
        "licenses": [CODE_LICENCE],
        "resources": resources,
    }
    if version:
        package["version"] = version
    if documents is not None:
        package["sources"] = _sources(documents)
    return package
