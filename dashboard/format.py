"""How a record's field reads in the interface (hover, details, tables): one function for the
formats the layer registry declares (``geodata/layers.py``)."""

from __future__ import annotations

from dashboard.i18n import fmt_date, t
from geodata.text import pick

VOCABULARIES = ("kind", "service", "theme", "status", "regularity", "basis")


def field_text(fmt: str, value, lang: str, catalog=None) -> str:
    """``value`` of a field of format ``fmt`` as text in ``lang`` ("" for no value)."""
    if value is None or value == "" or (isinstance(value, float) and value != value):  # NaN
        return ""
    if fmt == "number":
        v = float(value)
        return f"{v:,.0f}" if v >= 10 else f"{v:.1f}".rstrip("0").rstrip(".")
    value = str(value)
    if fmt in VOCABULARIES:
        try:
            return t(f"{fmt}.{value}", lang)
        except KeyError:
            return value
    if fmt == "date":
        return fmt_date(value, lang)
    if fmt == "list":
        return ", ".join(v.strip() for v in value.split(";") if v.strip())
    if fmt == "office" and catalog is not None:
        rows = catalog.offices[catalog.offices["id"] == value]
        if len(rows):
            return pick(rows["name_en"].iloc[0], rows["name_zh"].iloc[0], lang)
    return value
