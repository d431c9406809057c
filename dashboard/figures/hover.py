"""Hover texts: the place's name in the language set (with the other language beside it),
its kind, status and dates."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.i18n import fmt_date, t


def _names(en: str, zh: str, lang: str) -> str:
    first, second = (zh, en) if lang == "zh" else (en, zh)
    first = first or second
    if second and second != first:
        return f"<b>{first}</b> <span style='color:#666'>{second}</span>"
    return f"<b>{first}</b>"


_BITS = ("offices", "routes", "cities", "agreements")


def _bits_line(values, lang: str) -> str:
    labels = [t("metric." + k, lang).split(" (")[0] for k in _BITS]
    return " · ".join(f"{label}: {int(v)}" for label, v in zip(labels, values) if v)


def _rows(m: pd.DataFrame, cols) -> list[tuple]:
    return list(zip(*(m[c].to_numpy() if c in m else np.zeros(len(m), int) for c in cols)))


def _hover(codes, names: dict, rows: list[tuple], lang: str) -> list[str]:
    bri, gain = t("bri.1", lang), f"<span style='color:#d62728'>{t('gain.1', lang)}</span>"
    out = []
    for code, row in zip(codes, rows):
        en, zh = names.get(code, (code, code))
        lines = [_names(en, zh, lang)]
        bits = _bits_line(row[:4], lang)
        if bits:
            lines.append(bits)
        if row[4]:
            lines.append(bri)
        if row[5]:
            lines.append(gain)
        out.append("<br>".join(lines))
    return out


def country_hover(m: pd.DataFrame, names: pd.DataFrame, lang: str) -> list[str]:
    lookup = dict(zip(names.index, zip(names["name_en"], names["name_zh"])))
    return _hover(list(m.index), lookup, _rows(m, (*_BITS, "bri", "gain")), lang)


def province_hover(m: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> list[str]:
    lookup = dict(zip(provinces["adcode"], zip(provinces["name_en"], provinces["name_zh"])))
    return _hover(list(m.index), lookup, _rows(m, ("offices", "routes", "cities", "agreements", "bri", "gain")), lang)


_ROW_CACHE: dict[tuple, str] = {}


def _per_row(kind: str, df: pd.DataFrame, classes, lang: str, build) -> list[str]:
    """Hover text of each row, built once per (data version, row, class, language) and reused.
    ``kind`` carries the data version (see the callers), so two catalogs never share texts."""
    ids = df["id"].tolist()
    out = [_ROW_CACHE.get((kind, i, c, lang)) for i, c in zip(ids, classes)]
    if any(x is None for x in out):
        for k, (r, c) in enumerate(zip(df.itertuples(index=False), classes)):
            if out[k] is None:
                out[k] = _ROW_CACHE[(kind, r.id, c, lang)] = build(r, c, lang)
    return out


def _office(r, cls: str, lang: str) -> str:
    lines = [_names(r.name_en, r.name_zh, lang), f"{t('kind.' + r.kind, lang)} · {t('status.' + cls, lang)}"]
    if r.opened:
        lines.append(f"{t('details.opened', lang)}: {fmt_date(r.opened, lang)}")
    if r.closed:
        lines.append(f"{t('details.closed', lang)}: {fmt_date(r.closed, lang)}")
    if r.precision in ("country", "province", "region"):
        lines.append(f"<i>{t('details.approx', lang)}</i>")
    return "<br>".join(lines)


def _route(r, cls: str, lang: str) -> str:
    lines = [
        f"{_names(r.city_en, r.city_zh, lang)} ({r.dest_iata})",
        f"{t('service.' + r.service, lang)} · {t('status.' + cls, lang)}",
    ]
    if r.since:
        lines.append(f"{t('details.since', lang)}: {fmt_date(r.since, lang)}")
    return "<br>".join(lines)


def _city(r, cls: str, lang: str) -> str:
    lines = [_names(r.city_en, r.city_zh, lang), t("status." + cls, lang)]
    if r.theme:
        lines.append(t("theme." + r.theme, lang))
    return "<br>".join(lines)


def office_hover(df: pd.DataFrame, cls: str, lang: str, version: str = "") -> list[str]:
    return _per_row(f"office@{version}", df, [cls] * len(df), lang, _office)


def route_hover(df: pd.DataFrame, cls: np.ndarray, lang: str, version: str = "") -> list[str]:
    return _per_row(f"route@{version}", df, list(cls), lang, _route)


def city_hover(df: pd.DataFrame, lang: str, version: str = "") -> list[str]:
    return _per_row(f"city@{version}", df, df["status_at"].tolist(), lang, _city)
