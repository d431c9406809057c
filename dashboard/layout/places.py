"""The keyboard path to the map: a searchable list of every place the map shows (each point of
the visible layers, and the coloured countries and provinces). Choosing one opens the same
details panel as a click on the map. Search matches both languages' names."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from dash import dcc, html

from dashboard.describe import map_alt
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.controls import dropdown_labels, label
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.layers import LAYERS
from geodata.metrics import METRICS, country_metrics, province_metrics
from geodata.network import select
from geodata.text import pick


@lru_cache(maxsize=4)
def place_aliases(catalog: Catalog) -> dict[str, str]:
    """Other names of a place (``geodata/data/place_aliases.csv``: Saigon, 西貢, Alma-Ata…) by
    the English name the data uses, as words to search."""
    table = catalog.table("place_aliases")
    return {
        r.name_en: " ".join(str(x).replace(";", " ") for x in (r.aliases_en, r.aliases_zh) if x)
        for r in table.itertuples()
    }


@reads_draft
def place_options(catalog: Catalog, state: ViewState, side: str | None = None) -> list[dict]:
    """Options ``{label, value, search}``: ``value`` is what a click on the place sends
    (``offices:eto-bangkok``, ``country:THA``), so the details panel treats both alike."""
    return list(_place_options(catalog, state, side))


@lru_cache(maxsize=32)
def _place_options(catalog: Catalog, state: ViewState, side: str | None) -> tuple[dict, ...]:
    """(Built once per view: the finder searches it on every key typed.)"""
    lang = state.lang
    aliases = place_aliases(catalog)
    st = state.effective(side)
    flt = st.network_filter()
    sel = select(catalog, flt)
    out: list[dict] = []
    for lid in st.point_layers:
        layer = LAYERS[lid]
        df = sel.layer(lid)
        if df.empty:
            continue
        en_col, zh_col = layer.name
        for r, cls in zip(df.to_dict("records"), layer.classify(df)):
            en, zh = str(r.get(en_col) or ""), str(r.get(zh_col) or "")
            where = (
                r.get("country_iso3")
                if r.get("country_iso3") not in ("", "CHN")
                else r.get("adcode")
            )
            place = catalog.place_name(str(where), lang) if isinstance(where, str) and where else ""
            name = pick(en, zh, lang) + (f" ({r['dest_iata']})" if r.get("dest_iata") else "")
            label = f"{name} — {layer.label(lang)} · {t(f'status.{cls}', lang)}"
            if place and place not in label:
                label += f" · {place}"
            other = aliases.get(str(r.get("city_en") or en), "")
            out.append({"label": label, "value": f"{lid}:{r['id']}",
                        "search": f"{en} {zh} {r.get('dest_iata', '')} {place} {other}"})  # fmt: skip
    if "coverage" in st.layers:
        out += _areas(catalog, country_metrics(catalog, flt, st.point_layers), st, "country", lang)
    if "provinces" in st.layers:
        out += _areas(
            catalog, province_metrics(catalog, flt, st.point_layers), st, "province", lang
        )
    return tuple(out)


def _areas(
    catalog: Catalog, frame: pd.DataFrame, st: ViewState, level: str, lang: str
) -> list[dict]:
    metric = METRICS[st.metric].for_level(level)
    rows = (
        frame[frame["in_region"] & (frame[metric] > 0)]
        if "in_region" in frame
        else frame[frame[metric] > 0]
    )
    what = t(f"places.{level}", lang)
    out = []
    for code in rows.index:
        en, zh = catalog.place_name(code, "en"), catalog.place_name(code, "zh")
        out.append({"label": f"{pick(en, zh, lang)} — {what}", "value": f"{level}:{code}",
                    "search": f"{en} {zh} {code}"})  # fmt: skip
    return sorted(out, key=lambda o: o["label"])


MAX_MATCHES = 40


def match_options(options, search, picked=None, limit: int = MAX_MATCHES) -> list[dict]:
    """The options ``{label, value, search}`` whose label or search words contain every word
    typed, at most ``limit`` (nothing typed: the first ones); the option already picked stays
    listed. The finders and the draft's place box all search this way."""
    words = search.casefold().split() if isinstance(search, str) else []
    out, kept = [], False
    for o in options:
        mine = o["value"] == picked
        if len(out) < limit and all(w in f"{o['label']} {o['search']}".casefold() for w in words):
            out.append(o)
            kept = kept or mine
        elif mine and not kept:
            out.append(o)
            kept = True
    return out


def matching_places(catalog: Catalog, state: ViewState, search, picked=None) -> list[dict]:
    """The places shown matching what is typed (either language, IATA code, other names)."""
    return match_options(place_options(catalog, state), search, picked)


def map_caption(catalog: Catalog, state: ViewState) -> html.P:
    """The map's text alternative, under it: what it shows, with the numbers (the map's
    ``aria-describedby``)."""
    return html.P(map_alt(catalog, state, state.lang), id=ID.MAP_ALT, className="map-caption")


def _finder(pick_id: str, label_key: str, catalog: Catalog, state: ViewState, **box) -> html.Div:
    """A finder: its label and a searchable list of the places ``state`` shows (the first ones;
    the rest are found as the user types: the finders' callbacks in callbacks/maps.py)."""
    lang = state.lang
    return html.Div(
        [
            label(label_key, lang, html.Label, className="field-label", htmlFor=pick_id),
            dcc.Dropdown(id=pick_id, options=place_options(catalog, state)[:MAX_MATCHES], value=None,
                         searchable=True, clearable=True, placeholder=t("places.hint", lang),
                         optionHeight=44, maxHeight=320, labels=dropdown_labels(lang)),
        ],
        **box,
    )  # fmt: skip


def compare_finder(catalog: Catalog, state: ViewState) -> html.Div:
    """Compare's finder: every place of either map; choosing one zooms both maps to it."""
    return _finder(ID.COMPARE_PICK, "compare.find", catalog, state.with_(view="compare"),
                   className="compare-find")  # fmt: skip


def places_panel(catalog: Catalog, state: ViewState) -> html.Div:
    """The finder in the side column of explore (the skip link's target)."""
    return _finder(ID.PLACE_PICK, "places.find", catalog, state, className="panel places",
                   id="places", tabIndex="-1")  # fmt: skip
