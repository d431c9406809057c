"""The explore view's "Draft a proposal" panel: the user's own proposal (``geodata/draft.py``).

Choose what (an office kind or a nonstop route) and where (a country, province, city or
airport, searched in either language), then Add; or tick "Add by clicking the map" and click a
country, a province or a place. Items can be removed; the draft has a title and a note. The
draft lives in the link (``draft``, ``dtitle``, ``dnote``); its gain shows in the numbers, on
the map in a style of its own, in compare, the table, the details, present mode and exports.
"""

from __future__ import annotations

from functools import lru_cache

from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.controls import dropdown_labels, label
from dashboard.layout.panels import place_list
from dashboard.layout.places import match_options, place_aliases
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.draft import ROUTE, SISTER, DraftItem, base_catalog, gazetteer
from geodata.kinds import KINDS
from geodata.measures import MEASURES, added_by
from geodata.network import select
from geodata.text import pick


def kind_options(lang: str) -> list[dict]:
    return [
        *({"label": k.label(lang), "value": k.id} for k in KINDS.values()),
        {"label": t("draft.route", lang), "value": ROUTE},
        {"label": t("draft.sister", lang), "value": SISTER},
    ]


@lru_cache(maxsize=8)
def _place_index(catalog: Catalog, lang: str) -> dict[str, tuple[dict, ...]]:
    """Options ``{label, value, search}`` for offices (countries, provinces, cities) and for
    routes (airports), in ``lang``; built once."""
    g = gazetteer(catalog)
    aliases = place_aliases(catalog)
    scale = {s: t(f"draft.scale.{s}", lang) for s in ("country", "province", "city", "airport")}

    def option(p, code_shown: str) -> dict:
        where = ""
        if p.scale in ("city", "airport"):
            where = catalog.place_name(p.adcode or p.iso3, lang)
        name = pick(p.name_en, p.name_zh, lang)
        text = f"{name}{f' ({code_shown})' if code_shown else ''} — {scale[p.scale]}"
        search = f"{p.name_en} {p.name_zh} {p.code} {where} {aliases.get(p.name_en, '')}"
        return {"label": text + (f" · {where}" if where else ""), "value": p.code, "search": search}

    cities = [option(p, "") for p in g.cities.values()]
    offices = [option(p, "") for p in g.areas.values()] + cities
    routes = [option(p, p.code) for p in g.airports.values()]
    return {
        "office": tuple(sorted(offices, key=lambda o: o["label"])),
        "route": tuple(sorted(routes, key=lambda o: o["label"])),
        "sister": tuple(sorted(cities, key=lambda o: o["label"])),
    }


def place_options(catalog: Catalog, kind: str | None, lang: str, search=None, keep=None) -> list:
    """The places for an item of ``kind`` matching every word typed (either language, code,
    alias); the place already chosen stays listed."""
    index = _place_index(catalog, lang if lang in ("en", "zh") else "en")
    return match_options(
        index[{ROUTE: "route", SISTER: "sister"}.get(kind, "office")], search, keep
    )


def item_label(catalog: Catalog, token: str, lang: str) -> str:
    kind, _, code = token.partition(":")
    p = gazetteer(catalog).place(DraftItem(kind, code))
    what = {ROUTE: t("draft.route", lang), SISTER: t("draft.sister", lang)}.get(kind) or KINDS[
        kind
    ].label(lang)
    name = pick(p.name_en, p.name_zh, lang) + (f" ({p.code})" if kind == ROUTE else "")
    return f"{what} — {name}"


def item_list(catalog: Catalog, state: ViewState) -> list:
    """The draft's items, each with its remove button (first, floated right: it stands on the
    item's first line) and a word when the network shown has it already."""
    lang = state.lang
    if not state.draft:
        return [html.P(t("draft.empty", lang), className="hint")]
    have = already(catalog, state)
    lis = []
    for token in state.draft:
        name = item_label(catalog, token, lang)
        remove = html.Button("×", id={"type": ID.DRAFT_REMOVE, "item": token},
                             className="button-link remove", n_clicks=0, title=t("draft.remove", lang),
                             **{"aria-label": f"{t('draft.remove', lang)}: {name}"})  # fmt: skip
        note = have.get(token)
        lis.append(html.Li([remove, html.Span(name),
                            html.Div(t("draft.in_network", lang, status=t(f"status.{note}", lang)),
                                     className="draft-already") if note else None]))  # fmt: skip
    return [html.Ol(lis, className="draft-items")]


def already(catalog: Catalog, state: ViewState) -> dict[str, str]:
    """Draft items the network shown without the draft has already, with the status it has
    there (an ETO in Riyadh: planned): what such an item adds is nothing new."""
    base = base_catalog(catalog)
    st = state.with_(draft=()).effective()
    sel = select(base, st.network_filter())
    places = gazetteer(base)
    out = {}
    for token in state.draft:
        kind, _, code = token.partition(":")
        if kind == ROUTE:
            df = sel.routes[sel.routes["dest_iata"] == code]
        elif code not in places.cities:
            continue  # a country or province: its offices elsewhere in it are not this one
        else:  # the same office kind in the city, or a sister city there already
            p = places.cities[code]
            o = sel.cities if kind == SISTER else sel.offices
            df = o[(o["country_iso3"] == p.iso3) & (o["city_en"] == p.name_en)]
            if kind != SISTER:
                df = df[df["kind"] == kind]
        if len(df):
            out[token] = str(df["status_at"].iloc[0])
    return out


@reads_draft
def draft_added(catalog: Catalog, state: ViewState) -> dict[str, list[str]]:
    """Per measure, what the draft adds to the network the view shows without it (the page's
    list and the API's ``summary.draft.adds``)."""
    st = state.effective()
    return added_by(catalog, st.network_filter(), st.with_(draft=()).network_filter())


@reads_draft
def draft_adds(catalog: Catalog, state: ViewState) -> list:
    """What the draft adds, measure by measure, with the places."""
    lang = state.lang
    if not state.draft:
        return []
    added = draft_added(catalog, state)
    lis = [
        html.Li([html.Strong(f"+{len(v)} "), m.label(lang), html.Span(
            " — " + place_list(catalog, v, m.scale, lang), className="muted")],
            **{"data-key": k})
        for k, m in MEASURES.items() if (v := added[k])
    ]  # fmt: skip
    body = html.Ul(lis, className="draft-adds") if lis else html.P(t("draft.adds_nothing", lang))
    return [html.H3(t("draft.adds", lang)), body]


def draft_links(state: ViewState) -> tuple[str | None, str | None]:
    """(the draft's tables for maintainers, the draft compared with the chosen proposals);
    no links while the draft is empty (the buttons show as unavailable)."""
    if not state.draft:
        return None, None
    q = state.to_query()
    versus = state.with_(view="compare", compare="versus")  # proposals (if any) | the draft
    return f"/export/draft.zip?{q}", f"?{versus.to_query()}"


def draft_panel(catalog: Catalog, state: ViewState) -> html.Details:
    lang = state.lang
    download, compare = draft_links(state)
    return html.Details(
        [
            html.Summary(label("draft.heading", lang), id=ID.DRAFT_SUMMARY),
            html.Div(
                [
                    label("draft.kind", lang, html.Label, className="field-label",
                          htmlFor=ID.DRAFT_KIND),
                    dcc.Dropdown(id=ID.DRAFT_KIND, options=kind_options(lang), value="eto",
                                 clearable=False, searchable=False),
                    label("draft.place", lang, html.Label, className="field-label",
                          htmlFor=ID.DRAFT_PLACE),
                    dcc.Dropdown(id=ID.DRAFT_PLACE, options=place_options(catalog, "eto", lang),
                                 searchable=True, clearable=True, placeholder=t("draft.place_hint", lang),
                                 labels=dropdown_labels(lang), optionHeight=40),
                    html.Div([
                        html.Button(t("draft.add", lang), id=ID.DRAFT_ADD, className="button", n_clicks=0),
                        dcc.Checklist(id=ID.DRAFT_CLICK, className="checklist inline",
                                      options=[{"label": t("draft.click", lang), "value": "on"}], value=[]),
                    ], className="draft-actions"),
                    html.Div(item_list(catalog, state), id=ID.DRAFT_ITEMS, role="status"),
                    html.Div(draft_adds(catalog, state), id=ID.DRAFT_ADDS, **{"aria-live": "polite"}),
                    label("draft.name", lang, html.Label, className="field-label",
                          htmlFor=ID.DRAFT_TITLE),
                    dcc.Input(id=ID.DRAFT_TITLE, type="text", value=state.draft_title, debounce=True,
                              maxLength=200, className="scene-input"),
                    label("draft.note", lang, html.Label, className="field-label",
                          htmlFor=ID.DRAFT_NOTE),
                    dcc.Input(id=ID.DRAFT_NOTE, type="text", value=state.draft_note, debounce=True,
                              maxLength=200, className="scene-input"),
                    html.Div([
                        html.A(t("draft.compare", lang), href=compare, id=ID.DRAFT_COMPARE, className="button"),
                        html.A(t("draft.download", lang), href=download, id=ID.DRAFT_DOWNLOAD,
                               className="button", download="hk-atlas-draft.zip"),
                        html.Button(t("draft.clear", lang), id=ID.DRAFT_CLEAR, className="button-link",
                                    n_clicks=0),
                    ], className="draft-actions"),
                ],
                className="draft-body",
            ),
        ],
        className="panel draft",
        id="draft",
        open=bool(state.draft),
    )  # fmt: skip
