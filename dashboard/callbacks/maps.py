"""Maps and panels follow the view state.

A map that has never been drawn gets its whole figure once (geometry by URL); after
that it only gets a Patch of the trace properties that changed since it was drawn.
Maps hidden by the current view are left alone until they are shown.
"""

from __future__ import annotations

from dash import Input, Output, State, ctx, no_update

from dashboard.describe import map_alt
from dashboard.figures import mapfig
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout import LEGEND_MAPS, MAP_IDS, map_state_for, maps_for, root_class
from dashboard.layout.details import details, parse_target, target_from_click
from dashboard.layout.legend import legend_panel
from dashboard.layout.panels import compare_numbers, numbers_panel
from dashboard.layout.places import place_options
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


SCREEN_MAPS = LEGEND_MAPS


def geo_size(map_id: str, sizes: dict | None) -> tuple[int, int] | None:
    """The geo domain of a map in px from the size the browser reported (None: not known yet)."""
    size = (sizes or {}).get(map_id) if isinstance(sizes, dict) else None
    if not (
        isinstance(size, (list, tuple))
        and len(size) == 2
        and all(isinstance(v, (int, float)) for v in size)
    ):
        return None
    w, h = (min(max(int(v), 120), 8000) for v in size)
    if MAP_IDS[map_id][1] == "wide":
        w = int(w * (mapfig.MAP_DOMAIN_X_WIDE[1] - mapfig.MAP_DOMAIN_X_WIDE[0]))
    return w, h


def update_maps(
    catalog: Catalog,
    state: ViewState,
    drawn: dict,
    user_deck: dict | None = None,
    sizes: dict | None = None,
) -> tuple[list, list, dict]:
    """The figure output of every map (full, patch or no_update), the legend of every screen
    map, and the new drawn record (the state and size each map last drew)."""
    drawn = dict(drawn) if isinstance(drawn, dict) else {}
    out, legends = [], {m: no_update for m in SCREEN_MAPS}
    visible = maps_for(state)
    for map_id, (side, shape) in MAP_IDS.items():
        if map_id not in visible:
            out.append(no_update)
            continue
        st = map_state_for(state, map_id, catalog, user_deck)
        size = geo_size(map_id, sizes)
        before = drawn.get(map_id) if isinstance(drawn.get(map_id), dict) else {}
        old = (
            ViewState.from_dict(before["state"], state_options(catalog))
            if "state" in before
            else None
        )
        old_size = tuple(before["size"]) if isinstance(before.get("size"), list) else None
        if old is None:
            out.append(mapfig.figure(catalog, st, side, shape=shape, size=size))
        elif old == st and old_size == size:
            out.append(no_update)
        else:
            out.append(mapfig.patch(catalog, st, old, side, shape, size, old_size))
        if map_id in legends and (old is None or old != st):
            legends[map_id] = legend_panel(catalog, st, side, shape)
        drawn[map_id] = {"state": st.to_dict(), "size": list(size) if size else None}
    return out, [legends[m] for m in SCREEN_MAPS], drawn


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    @app.callback(
        *[Output(m, "figure") for m in MAP_IDS],
        *[Output(f"{m}-legend", "children") for m in SCREEN_MAPS],
        Output(ID.DRAWN, "data"),
        Input(ID.STATE, "data"),
        Input(ID.MY_DECK, "data"),  # the user's deck arrives from localStorage after the page
        Input(ID.MAP_SIZES, "data"),  # each map's real size: labels are placed for it
        State(ID.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def maps(data, user_deck, sizes, drawn):
        user_deck = user_deck if isinstance(user_deck, dict) else None
        figs, legends, drawn = update_maps(
            catalog, ViewState.from_dict(data, opts), drawn, user_deck, sizes
        )
        return (*figs, *legends, drawn)

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
        Input(ID.PLACE_PICK, "value"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def click(click_data, picked, data):
        st = ViewState.from_dict(data, opts)
        if ctx.triggered_id == ID.PLACE_PICK:
            return details(catalog, st, parse_target(picked))
        return details(catalog, st, target_from_click(click_data))

    @app.callback(
        Output(ID.PLACE_PICK, "options"),
        Output(ID.PLACE_PICK, "placeholder"),
        Output(ID.MAP_ALT, "children"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def places(data):
        st = ViewState.from_dict(data, opts)
        if st.view != "explore":
            return no_update, no_update, no_update
        return place_options(catalog, st), t("places.hint", st.lang), map_alt(catalog, st, st.lang)

    # split compare: the two maps pan and zoom together (in the browser, no server trip)
    app.clientside_callback(
        "function(a, b) { return window.atlas ? window.atlas.syncMaps(a, b) : window.dash_clientside.no_update; }",
        Output(ID.MAP_LEFT, "id"),
        Input(ID.MAP_LEFT, "relayoutData"),
        Input(ID.MAP_RIGHT, "relayoutData"),
        prevent_initial_call=True,
    )


__all__ = ["register", "update_maps", "VIEWS"]
