"""Hover texts, built from the registries: a place's name in the language set (with the other
language beside it), then what the declarations say to show."""

from __future__ import annotations

import pandas as pd

from dashboard.format import field_text
from dashboard.i18n import fmt_int, t
from geodata.layers import PointLayer
from geodata.metrics import METRICS


def names_html(en: str, zh: str, lang: str) -> str:
    first, second = (zh, en) if lang == "zh" else (en, zh)
    first = first or second
    if second and second != first:
        return f"<b>{first}</b> <span style='color:#666'>{second}</span>"
    return f"<b>{first}</b>"


_COUNTS = tuple(k for k, m in METRICS.items() if m.hover == "count")
_FLAGS = tuple(k for k, m in METRICS.items() if m.hover == "flag")
_VALUES = tuple(k for k, m in METRICS.items() if m.hover == "value")


def area_hover(m: pd.DataFrame, names: pd.DataFrame, lang: str, metric: str = "") -> list[str]:
    """Hover of each country or province of a metrics frame: its name, the counts it has
    (metrics declared ``hover="count"``), the flags it carries (``hover="flag"``) and, when the
    map is coloured by a measurement (``hover="value"``: population, distance), its value (only
    then: a distance changes for most countries with every office shown, and the map's update
    would carry every hover again)."""
    lookup = dict(zip(names.index, zip(names["name_en"], names["name_zh"])))
    counts = [k for k in _COUNTS if k in m]
    flags = [k for k in _FLAGS if k in m]
    shown = (METRICS[metric].figure or metric) if metric in METRICS else ""
    values_ = [k for k in _VALUES if k in m and k == shown]
    labels = {k: t(f"metric.{k}", lang).split(" (")[0].split("（")[0] for k in counts + values_}
    units = {k: METRICS[k].unit(lang) if METRICS[k].unit else "" for k in values_}
    flag_text = {
        k: next(c.label(lang) for c in METRICS[k].categories if c.value == 1) for k in flags
    }
    out = []
    for code, row in zip(m.index, m[counts + flags + values_].itertuples(index=False)):
        en, zh = lookup.get(code, (code, code))
        values = dict(zip(counts + flags + values_, row))
        lines = [names_html(en, zh, lang)]
        bits = " · ".join(f"{labels[k]}: {int(values[k])}" for k in counts if values[k])
        if bits:
            lines.append(bits)
        lines += [flag_text[k] for k in flags if values[k] == 1]
        measured = " · ".join(f"{labels[k]}: {fmt_int(int(values[k]))} {units[k]}"
                              for k in values_ if values[k] > 0)  # fmt: skip
        if measured:
            lines.append(measured)
        out.append("<br>".join(lines))
    return out


_ROW_CACHE: dict[tuple, str] = {}
ROW_CACHE_LIMIT = 50_000  # about 1,000 records x 2 languages x a few classes and data versions


def point_hover(layer: PointLayer, df: pd.DataFrame, classes: list[str], lang: str,
                version: str = "") -> list[str]:  # fmt: skip
    """Hover text of each record: name, the layer's subtitle fields (with the record's legend
    class as its status), its hover fields. Built once per (data version, layer, row, class,
    language) and reused."""
    ids = df["id"].tolist()
    key = (version, layer.id, lang)
    out = [_ROW_CACHE.get((*key, i, c)) for i, c in zip(ids, classes)]
    if any(x is None for x in out):
        if len(_ROW_CACHE) > ROW_CACHE_LIMIT:  # drafts and data versions come and go: start over
            _ROW_CACHE.clear()
        for k, (r, c) in enumerate(zip(df.to_dict("records"), classes)):
            if out[k] is None:
                out[k] = _ROW_CACHE[(*key, r["id"], c)] = _record(layer, r, c, lang)
    return out


def place_note(layer: PointLayer, r: dict, lang: str) -> str:
    """What a record's point is, when not its place: a country's or province's (the city is not
    stated), or an office drawn at its city's airport (the hover and the details say it)."""
    if r.get("precision") in ("country", "province", "region"):
        return t("details.approx", lang)
    if r.get("precision") == "airport" and layer.id == "offices":
        return t("details.at_airport", lang)
    return ""


def _record(layer: PointLayer, r: dict, cls: str, lang: str) -> str:
    en, zh = (r.get(c, "") for c in layer.name)
    lines = [names_html(en, zh, lang)]
    sub = [t(f"status.{cls}", lang) if f == "status" else field_text(f, r.get(f, ""), lang)
           for f in layer.subtitle]  # fmt: skip
    lines.append(" · ".join(s for s in sub if s))
    for f in layer.fields:
        if r.get(f.column):
            lines.append(f"{f.label(lang)}: {field_text(f.format, r[f.column], lang)}")
    if note := place_note(layer, r, lang):
        lines.append(f"<i>{note}</i>")
    if r.get("basis") in ("inferred", "region"):
        lines.append(f"<i>{t('basis.' + r['basis'], lang)}</i>")
    return "<br>".join(lines)
