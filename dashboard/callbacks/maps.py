"""Maps and panels follow the view state.

A map that has never been drawn gets its whole figure once (geometry by URL); after
that it only gets a Patch of the trace properties that changed since it was drawn.
Maps hidden by the current view are left alone until they are shown.
"""

from __future__ import annotations

from dash import Input, Output, State, no_update

from dashboard.figures import mapfig
from dashboard.ids import ID
from dashboard.layout import MAP_IDS, map_state_for, maps_for, root_class
from dashboard.layout.details import details, target_from_click
from dashboard.layout.panels import compare_numbers, numbers_panel
from dashboard.layout.present import export_links, present_texts
from dashboard.scenes import resolve, state_options
from dashboard.state import VIEWS, ViewState
from geodata.catalog import Catalog

PAGES = {
    "explore": ID.EXPLORE,
    "compare": ID.COMPARE,
    "table": ID.TABLE,
    "about": ID.ABOUT,
    "present": ID.PRESENT,
}
HIDDEN = {"display": "none"}
PRESENT_TEXTS = (
    ID.PRESENT_TITLE,
    ID.PRESENT_SUBTITLE,
    ID.PRESENT_NOTE,
    ID.PRESENT_SOURCE,
    ID.PRESENT_STAMP,
    ID.PRESENT_COUNTER,
)


def update_maps(
    catalog: Catalog, state: ViewState, drawn: dict, user_deck: dict | None = None
) -> tuple[list, dict]:
    """The figure output of every map (full, patch or no_update) and the new drawn record."""
    drawn = dict(drawn or {})
    out = []
    visible = maps_for(state)
    for map_id, (side, shape) in MAP_IDS.items():
        if map_id not in visible:
            out.append(no_update)
            continue
        st = map_state_for(state, map_id, catalog, user_deck)
        before = drawn.get(map_id)
        if before is None:
            out.append(mapfig.figure(catalog, st, side, shape=shape))
        else:
            old = ViewState.from_dict(before, state_options(catalog))
            out.append(no_update if old == st else mapfig.patch(catalog, st, old, side, shape))
        drawn[map_id] = st.to_dict()
    return out, drawn


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    @app.callback(
        *[Output(m, "figure") for m in MAP_IDS],
        Output(ID.DRAWN, "data"),
        Input(ID.STATE, "data"),
        Input(ID.MY_DECK, "data"),  # the user's deck arrives from localStorage after the page
        State(ID.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def maps(data, user_deck, drawn):
        figs, drawn = update_maps(catalog, ViewState.from_dict(data, opts), drawn, user_deck)
        return (*figs, drawn)

    @app.callback(
        *[Output(PAGES[v], "style") for v in PAGES],
        Output(ID.COMPARE_SPLIT, "style"),
        Output(ID.COMPARE_DIFF, "style"),
        Output("app-root", "className"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def pages(data):
        st = ViewState.from_dict(data, opts)
        styles = [{} if st.view == v else HIDDEN for v in PAGES]
        return (
            *styles,
            {} if st.compare == "split" else HIDDEN,
            {} if st.compare == "diff" else HIDDEN,
            root_class(st),
        )

    @app.callback(
        *[Output(i, "children") for i in PRESENT_TEXTS],
        Output(ID.PRESENT_EXPORTS, "children"),
        Input(ID.STATE, "data"),
        Input(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def present(data, user_deck):
        st = ViewState.from_dict(data, opts)
        if st.view != "present":
            return (no_update,) * (len(PRESENT_TEXTS) + 1)
        texts = present_texts(catalog, st, user_deck)
        ref = resolve(catalog, st, user_deck)
        links = export_links(
            ref.state.with_(deck=st.deck, lang=st.lang),
            ref.scene.text("title", st.lang),
            ref.scene.text("subtitle", st.lang),
        )
        return (*[texts[i] for i in PRESENT_TEXTS], links)

    @app.callback(
        Output(ID.NUMBERS, "children"), Input(ID.STATE, "data"), prevent_initial_call=True
    )
    def numbers(data):
        st = ViewState.from_dict(data, opts)
        if st.view != "explore":
            return no_update
        return numbers_panel(catalog, st).children

    @app.callback(Output(ID.COMPARE_NUMBERS, "children"), Input(ID.STATE, "data"))
    def compare(data):
        st = ViewState.from_dict(data, opts)
        if st.view != "compare":
            return no_update
        return compare_numbers(catalog, st)

    @app.callback(
        Output(ID.DETAILS, "children"),
        Input(ID.MAP, "clickData"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def click(click_data, data):
        st = ViewState.from_dict(data, opts)
        return details(catalog, st, target_from_click(click_data))

    # split compare: the two maps pan and zoom together (in the browser, no server trip)
    app.clientside_callback(
        "function(a, b) { return window.atlas ? window.atlas.syncMaps(a, b) : window.dash_clientside.no_update; }",
        Output(ID.MAP_LEFT, "id"),
        Input(ID.MAP_LEFT, "relayoutData"),
        Input(ID.MAP_RIGHT, "relayoutData"),
        prevent_initial_call=True,
    )


__all__ = ["register", "update_maps", "VIEWS"]
