"""The page: header, notices, controls and the views (explore, compare, table, about).

``serve_layout`` builds the page for the state in the page's URL (Dash asks for the
layout with the page as referrer), so the first paint already shows the linked view.
"""

from __future__ import annotations

from urllib.parse import urlparse

import flask
from dash import dcc, html

from dashboard import mydeck
from dashboard.callbacks.routing import VIEW_STATES
from dashboard.figures import mapfig
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.about import about_page
from dashboard.layout.controls import (
    control_options,
    control_values,
    controls_panel,
    label,
    state_spec,
)
from dashboard.layout.deck_panel import deck_panel
from dashboard.layout.draft_panel import draft_panel
from dashboard.layout.gaps_panel import gap_presets
from dashboard.layout.legend import legend_container, legend_panel
from dashboard.layout.panels import (
    compare_numbers,
    compare_titles,
    details_placeholder,
    notice,
    numbers_panel,
)
from dashboard.layout.places import compare_finder, map_caption, places_panel
from dashboard.layout.present import present_page
from dashboard.layout.table_view import table_page
from dashboard.scenes import resolve, state_options
from dashboard.state import ViewState
from geodata.catalog import Catalog

GRAPH_CONFIG = {
    "topojsonURL": "/assets/topojson/",
    "scrollZoom": True,
    "displaylogo": False,
    "responsive": True,
    # only what a briefing needs: nothing that sends the chart anywhere
    "modeBarButtons": [["toImage", "zoomInGeo", "zoomOutGeo", "resetGeo"]],
    "showSendToCloud": False,
    "showEditInChartStudio": False,
    "showLink": False,
    "toImageButtonOptions": {
        "format": "png",
        "width": 1920,
        "height": 1080,
        "filename": "hk-network-atlas",
    },
}
# map id -> (compare side, shape of the legends)
MAP_IDS = {
    ID.MAP: (None, "normal"),
    ID.MAP_LEFT: ("left", "narrow"),
    ID.MAP_RIGHT: ("right", "narrow"),
    ID.MAP_DIFF: (None, "normal"),
    ID.MAP_PRESENT: (None, "present"),
}


def page_query() -> str:
    """The query string of the page that asked for the layout ('' if none)."""
    query = ""
    try:
        ref = flask.request.referrer or ""
        query = urlparse(ref).query
    except RuntimeError:  # outside a request (tests)
        pass
    return query


def maps_for(state: ViewState) -> tuple[str, ...]:
    """Which map graphs the view shows."""
    if state.view == "compare":
        return (ID.MAP_LEFT, ID.MAP_RIGHT) if state.compare != "diff" else (ID.MAP_DIFF,)
    if state.view == "explore":
        return (ID.MAP,)
    if state.view == "present":
        return (ID.MAP_PRESENT,)
    return ()


def map_state_for(
    state: ViewState, map_id: str, catalog: Catalog, user_deck: dict | None = None
) -> ViewState:
    """The state a map draws: the diff map is the compare view in diff mode, the present
    map draws the current scene of the deck."""
    if map_id == ID.MAP_PRESENT:
        return resolve(catalog, state, user_deck).state
    if map_id == ID.MAP_DIFF:
        return state.with_(view="compare", compare="diff")
    if map_id in (ID.MAP_LEFT, ID.MAP_RIGHT):  # side by side (or proposals vs the draft)
        return state.with_(
            view="compare", compare="versus" if state.compare == "versus" else "split"
        )
    return state.with_(view="explore")


#: The maps whose legend is drawn in HTML beside them (compare's left map shares the right's).
LEGEND_MAPS = (ID.MAP, ID.MAP_RIGHT, ID.MAP_DIFF, ID.MAP_PRESENT)


def _graph(map_id: str, catalog: Catalog, state: ViewState, drawn: dict, cls: str) -> html.Div:
    """A map graph filling its box."""
    fig = {"data": [], "layout": {}}
    side, shape = MAP_IDS[map_id]
    if map_id in maps_for(state):
        st = map_state_for(state, map_id, catalog)
        fig = mapfig.figure(catalog, st, side, shape=shape)
        drawn[map_id] = {"state": st.to_dict(), "size": None}
    config = GRAPH_CONFIG if map_id != ID.MAP_PRESENT else {**GRAPH_CONFIG, "displayModeBar": False}
    graph = dcc.Graph(
        id=map_id, figure=fig, config=config, className="graph", clear_on_unhover=True
    )
    aria = {"role": "figure", "aria-describedby": ID.MAP_ALT} if map_id == ID.MAP else {}
    return html.Div(graph, className=cls, **aria)


def _legend(map_id: str, catalog: Catalog, state: ViewState) -> html.Details:
    children = []
    if map_id in maps_for(state):
        side, shape = MAP_IDS[map_id]
        children = legend_panel(catalog, map_state_for(state, map_id, catalog), side, shape)
    return legend_container(map_id, state.lang, children)


def root_class(state: ViewState) -> str:
    return f"app lang-{state.lang} view-{state.view} proj-{state.projection}"


def _show(view: str, state: ViewState) -> dict:
    return {} if state.view == view else {"display": "none"}


def serve_layout(catalog: Catalog, query: str | None = None) -> html.Div:
    if query is None:
        query = page_query()
    query, embed = embed_query(query)
    state, warnings = ViewState.from_query(query, state_options(catalog))
    lang = state.lang
    opts = control_options(catalog, lang)
    vals = control_values(state)
    drawn: dict = {m: None for m in MAP_IDS}
    explore = html.Div(
        [
            html.Div(
                [_graph(ID.MAP, catalog, state, drawn, "map"), map_caption(catalog, state)],
                className="map-col",
            ),  # fmt: skip
            html.Aside(
                [
                    _legend(ID.MAP, catalog, state),
                    numbers_panel(catalog, state),
                    gap_presets(state),
                    places_panel(catalog, state),
                    details_placeholder(lang),
                    draft_panel(catalog, state),
                    deck_panel(state, mydeck.default_texts(catalog, state)),
                ],
                className="side",
            ),
        ],
        id=ID.EXPLORE,
        className="page page-explore",
        style=_show("explore", state),
    )
    compare = html.Div(
        [
            html.Div(
                [
                    label("compare.mode", lang, html.Label, className="field-label"),
                    dcc.RadioItems(
                        id=ID.COMPARE_MODE,
                        options=opts[ID.COMPARE_MODE],
                        value=vals[ID.COMPARE_MODE],
                        className="checklist inline",
                    ),
                    compare_finder(catalog, state),
                ],
                className="compare-bar",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            html.Div(
                                [
                                    html.H3(compare_titles(state)[0], id=ID.COMPARE_LEFT_TITLE),
                                    _graph(ID.MAP_LEFT, catalog, state, drawn, "map half"),
                                ],
                                className="half-wrap",
                            ),
                            html.Div(
                                [
                                    html.H3(compare_titles(state)[1], id=ID.COMPARE_RIGHT_TITLE),
                                    _graph(ID.MAP_RIGHT, catalog, state, drawn, "map half"),
                                ],
                                className="half-wrap",
                            ),
                        ],
                        className="split",
                    ),
                    _legend(ID.MAP_RIGHT, catalog, state),
                ],
                id=ID.COMPARE_SPLIT,
                style={} if state.compare != "diff" else {"display": "none"},
            ),
            html.Div(
                [
                    _graph(ID.MAP_DIFF, catalog, state, drawn, "map diff"),
                    _legend(ID.MAP_DIFF, catalog, state),
                ],
                id=ID.COMPARE_DIFF,
                className="diff-wrap",
                style={} if state.compare == "diff" else {"display": "none"},
            ),
            html.Div(
                compare_numbers(catalog, state) if state.view == "compare" else None,
                id=ID.COMPARE_NUMBERS,
                className="compare-numbers",
            ),  # fmt: skip
        ],
        id=ID.COMPARE,
        className="page page-compare",
        style=_show("compare", state),
    )
    table = table_page(catalog, state, opts, vals, _show("table", state))
    about = html.Div(about_page(catalog, lang) if state.view == "about" else None, id=ID.ABOUT,
                     className="page page-about", style=_show("about", state))  # fmt: skip
    present = present_page(
        catalog,
        state,
        _graph(ID.MAP_PRESENT, catalog, state, drawn, "map present"),
        _legend(ID.MAP_PRESENT, catalog, state),
    )
    header = html.Header(
        [
            label("skip.places", lang, html.A, href="#places", className="skip-link"),
            html.Div(
                [
                    html.H1(t("app.title", lang), id=ID.TITLE),
                    html.P(t("app.subtitle", lang), id=ID.SUBTITLE, className="subtitle"),
                ],
                className="brand",
            ),
            dcc.RadioItems(
                id=ID.VIEW, options=opts[ID.VIEW], value=vals[ID.VIEW], className="tabs"
            ),
            dcc.RadioItems(
                id=ID.LANG, options=opts[ID.LANG], value=vals[ID.LANG], className="lang"
            ),
        ],
        className="topbar",
    )
    page = html.Div(
        [
            # the search the page was asked with: dcc.Location then has nothing to set when it
            # mounts, and the state's callbacks do not fire at start only to answer nothing
            dcc.Location(id=ID.URL, refresh=False, search=f"?{query}" if query else ""),
            dcc.Store(id=ID.STATE, data=state.to_dict()),
            *[
                dcc.Store(id=i, data=state.to_dict() if state.view == v else {})
                for v, i in VIEW_STATES.items()
            ],
            dcc.Store(id=ID.STATE_LANG, data=state.lang),
            dcc.Store(id=ID.MY_DECK_SHOWN, data={}),
            dcc.Store(id=ID.STATE_SPEC, data=state_spec(catalog)),
            dcc.Store(id=ID.DRAWN, data=drawn),
            dcc.Store(id=ID.MAP_SIZES, data={}),  # None would fire the maps at start for nothing
            dcc.Store(id=ID.DRAFT_CLICKED, data={}),
            dcc.Store(id=ID.DRAFT_VIEW, data=state.to_dict()),  # drawn for this state
            dcc.Store(id=ID.MY_DECK, storage_type="local"),
            header,
            html.Div(notice(warnings, lang), id=ID.NOTICE),
            html.Div(
                [
                    controls_panel(catalog, state),
                    html.Main([explore, compare, table, about, present], className="content"),
                ],
                className="body",
            ),
        ],
        className=root_class(state),
        lang="zh-Hant-HK" if lang == "zh" else "en",
        id="app-root",
    )
    return embed_frame(catalog, state, page) if embed else page


def embed_query(query: str) -> tuple[str, bool]:
    """The page's query without ``embed``, and whether the page is an embedded map."""
    parts = [p for p in (query or "").split("&") if p]
    kept = [p for p in parts if p.split("=", 1)[0] != "embed"]
    return "&".join(kept), any(p in ("embed=1", "embed=true") for p in parts)


def embed_frame(catalog: Catalog, state: ViewState, page: html.Div) -> html.Div:
    """``?embed=1``: one map with its title, legend and source line, for an ``<iframe>``; the
    rest of the page is there but hidden (its callbacks keep their components), and a link opens
    the same view in the Atlas."""
    from dashboard.describe import view_title
    from dashboard.export.figure import source_line, stamp

    lang = state.lang
    link = "/?" + state.to_query() if state.to_query() else "/"
    return html.Div(
        [
            html.Div(
                [
                    html.H1(view_title(catalog, state, lang), className="embed-title"),
                    html.A(
                        t("embed.open", lang),
                        href=link,
                        target="_blank",
                        rel="noopener",
                        className="embed-open",
                    ),
                ],  # fmt: skip
                className="embed-head",
            ),
            page,
            html.P(f"{source_line(catalog, state)} · {stamp(state)}", className="embed-source"),
        ],
        className="embed-frame",
    )
