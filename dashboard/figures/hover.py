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


def _metric_bits(row, lang: str) -> list[str]:
    bits = []
    for key in ("offices", "routes", "cities", "agreements"):
        n = int(row[key])
        if n:
            bits.append(f"{t('metric.' + key, lang).split(' (')[0]}: {n}")
    return bits


def country_hover(m: pd.DataFrame, names: pd.DataFrame, lang: str) -> list[str]:
    out = []
    for iso3, row in m.iterrows():
        en = names.at[iso3, "name_en"] if iso3 in names.index else iso3
        zh = names.at[iso3, "name_zh"] if iso3 in names.index else iso3
        lines = [_names(en, zh, lang)]
        bits = _metric_bits(row, lang)
        if bits:
            lines.append(" · ".join(bits))
        if row["bri"]:
            lines.append(t("bri.1", lang))
        if row.get("gain", 0):
            lines.append(f"<span style='color:#d62728'>{t('gain.1', lang)}</span>")
        out.append("<br>".join(lines))
    return out


def province_hover(m: pd.DataFrame, provinces: pd.DataFrame, lang: str) -> list[str]:
    names = provinces.set_index("adcode")
    out = []
    for adcode, row in m.iterrows():
        lines = [_names(names.at[adcode, "name_en"], names.at[adcode, "name_zh"], lang)]
        bits = _metric_bits({**row, "agreements": 0}, lang)
        if bits:
            lines.append(" · ".join(bits))
        if row["gain"]:
            lines.append(f"<span style='color:#d62728'>{t('gain.1', lang)}</span>")
        out.append("<br>".join(lines))
    return out


def office_hover(df: pd.DataFrame, cls: str, lang: str) -> list[str]:
    out = []
    for r in df.itertuples(index=False):
        lines = [_names(r.name_en, r.name_zh, lang), f"{t('kind.' + r.kind, lang)} · {t('status.' + cls, lang)}"]
        if r.opened:
            lines.append(f"{t('details.opened', lang)}: {fmt_date(r.opened, lang)}")
        if r.closed:
            lines.append(f"{t('details.closed', lang)}: {fmt_date(r.closed, lang)}")
        if r.precision in ("country", "province", "region"):
            lines.append(f"<i>{t('details.approx', lang)}</i>")
        out.append("<br>".join(lines))
    return out


def route_hover(df: pd.DataFrame, cls: np.ndarray, lang: str) -> list[str]:
    out = []
    for r, c in zip(df.itertuples(index=False), cls):
        lines = [
            f"{_names(r.city_en, r.city_zh, lang)} ({r.dest_iata})",
            f"{t('service.' + r.service, lang)} · {t('status.' + c, lang)}",
        ]
        if r.since:
            lines.append(f"{t('details.since', lang)}: {fmt_date(r.since, lang)}")
        out.append("<br>".join(lines))
    return out


def city_hover(df: pd.DataFrame, lang: str) -> list[str]:
    out = []
    for r in df.itertuples(index=False):
        lines = [_names(r.city_en, r.city_zh, lang), t("status." + r.status_at, lang)]
        if r.theme:
            lines.append(t("theme." + r.theme, lang))
        out.append("<br>".join(lines))
    return out
