"""Maps and panels follow the view state.

A map that has never been drawn gets its whole figure once (geometry by URL); after
that it only gets a Patch of the trace properties that changed since it was drawn.
Maps hidden by the current view are left alone until they are shown.
"""

from __future__ import annotations

import hashlib
import json

from dash import Input, Output, State, ctx, no_update

from dashboard.callbacks.deck import explore_links
from dashboard.describe import map_alt
from dashboard.figures import mapfig
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout import LEGEND_MAPS, MAP_IDS, map_state_for, maps_for
from dashboard.layout.details import details, parse_target, target_from_click
from dashboard.layout.gaps_panel import gap_links
from dashboard.layout.legend import legend_panel
from dashboard.layout.panels import compare_numbers, compare_titles, numbers_panel
from dashboard.layout.places import matching_places
from dashboard.layout.present import export_links, present_texts
from dashboard.scenes import MY_DECK, resolve, state_options
from dashboard.state import VIEWS, ViewState
from geodata.catalog import Catalog

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


def _digest(component) -> str:
    """A short fingerprint of a legend, to tell whether it changed."""
    text = json.dumps(component, default=lambda o: o.to_plotly_json(), sort_keys=True)
    return hashlib.sha1(text.encode()).hexdigest()[:16]


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
        record = {"state": st.to_dict(), "size": list(size) if size else None}
        if map_id in legends:
            # the legend goes only when it says something new (a zoom or a region leaves it):
            # the drawn record keeps a digest of the one on screen
            record["legend"] = before.get("legend")
            if old is None or old != st:
                legend = legend_panel(catalog, st, side, shape)
                record["legend"] = _digest(legend)
                if old is None or record["legend"] != before.get("legend"):
                    legends[map_id] = legend
        drawn[map_id] = record
    return out, [legends[m] for m in SCREEN_MAPS], drawn


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    @app.callback(
        *[Output(m, "figure") for m in MAP_IDS],
        *[Output(f"{m}-legend", "children") for m in SCREEN_MAPS],
        Output(ID.DRAWN, "data"),
        Input(ID.STATE, "data"),
        Input(ID.MAP_SIZES, "data"),  # each map's real size: labels are placed for it
        State(ID.DRAWN, "data"),
        # a State, not an Input: the deck's own callback answers on every change of view, and
        # an Input would make the maps wait for it (a third round trip on every click)
        State(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def maps(data, sizes, drawn, user_deck):
        user_deck = user_deck if isinstance(user_deck, dict) else None
        figs, legends, drawn = update_maps(
            catalog, ViewState.from_dict(data, opts), drawn, user_deck, sizes
        )
        return (*figs, *legends, drawn)

    @app.callback(
        Output(ID.MAP_PRESENT, "figure", allow_duplicate=True),
        Output(f"{ID.MAP_PRESENT}-legend", "children", allow_duplicate=True),
        Output(ID.DRAWN, "data", allow_duplicate=True),
        # the user's deck arrives from localStorage after the page (routing.py passes it on
        # only while present mode shows it)
        Input(ID.MY_DECK_SHOWN, "data"),
        State(ID.STATE, "data"),
        State(ID.MAP_SIZES, "data"),
        State(ID.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def my_deck_arrived(user_deck, data, sizes, drawn):
        st = ViewState.from_dict(data, opts)
        if st.view != "present" or st.deck != MY_DECK or not isinstance(user_deck, dict):
            return no_update, no_update, no_update
        figs, legends, drawn = update_maps(catalog, st, drawn, user_deck, sizes)
        i = list(MAP_IDS).index(ID.MAP_PRESENT)
        return figs[i], legends[list(SCREEN_MAPS).index(ID.MAP_PRESENT)], drawn

    @app.callback(
        *[Output(i, "children") for i in PRESENT_TEXTS],
        Output(ID.PRESENT_EXPORTS, "children"),
        Input(ID.STATE_PRESENT, "data"),
        Input(ID.MY_DECK_SHOWN, "data"),
        State(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def present(data, _shown, user_deck):
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
        Output(ID.NUMBERS, "children"),
        Output(ID.PLACE_PICK, "placeholder"),
        Output(ID.MAP_ALT, "children"),
        Output(ID.EXPLORE_EXPORTS, "children"),
        Output(ID.PRESENT_DEFAULT, "href"),
        Output(ID.MY_DECK_PRESENT, "href"),
        Output(ID.GAP_PRESETS, "children"),
        Input(ID.STATE_EXPLORE, "data"),
        prevent_initial_call=True,
    )
    def explore_panels(data):
        """The explore page's numbers, map caption and links, in one answer (after the map)."""
        st = ViewState.from_dict(data, opts)
        if st.view != "explore":
            return (no_update,) * 7
        return (numbers_panel(catalog, st).children, t("places.hint", st.lang),
                map_alt(catalog, st, st.lang), *explore_links(st), gap_links(st))  # fmt: skip

    @app.callback(
        Output(ID.COMPARE_NUMBERS, "children"),
        Output(ID.COMPARE_LEFT_TITLE, "children"),
        Output(ID.COMPARE_RIGHT_TITLE, "children"),
        Output(ID.COMPARE_PICK, "placeholder"),
        Input(ID.STATE_COMPARE, "data"),
        prevent_initial_call=True,
    )
    def compare(data):
        st = ViewState.from_dict(data, opts)
        if st.view != "compare":
            return (no_update,) * 4
        return compare_numbers(catalog, st), *compare_titles(st), t("places.hint", st.lang)

    @app.callback(
        Output(ID.DETAILS, "children"),
        Input(ID.MAP, "clickData"),
        Input(ID.PLACE_PICK, "value"),
        Input(ID.STATE_EXPLORE, "data"),
        prevent_initial_call=True,
    )
    def click(click_data, picked, data):
        st = ViewState.from_dict(data, opts)
        if ctx.triggered_id == ID.PLACE_PICK:
            return details(catalog, st, parse_target(picked))
        return details(catalog, st, target_from_click(click_data))

    # the finders: the places matching what is typed, sent as the list is searched (not with
    # every change of view: ~11 KB per click saved); compare's lists the places of either map
    for pick_id, view in ((ID.PLACE_PICK, None), (ID.COMPARE_PICK, "compare")):

        @app.callback(
            Output(pick_id, "options"),
            Input(pick_id, "search_value"),
            State(ID.STATE, "data"),
            State(pick_id, "value"),
            prevent_initial_call=True,
        )
        def find_places(search, data, picked, view=view):
            st = ViewState.from_dict(data, opts)
            return matching_places(catalog, st.with_(view=view) if view else st, search, picked)

    app.clientside_callback(
        "function(v) { return window.atlas ? window.atlas.focusCompare(v) : window.dash_clientside.no_update; }",
        Output(ID.COMPARE_PICK, "id"),
        Input(ID.COMPARE_PICK, "value"),
        prevent_initial_call=True,
    )

    # a place chosen in the finder: the map zooms to it and brings it out (in the browser)
    app.clientside_callback(
        "function(v) { return window.atlas ? window.atlas.focusPlace(v) : window.dash_clientside.no_update; }",
        Output(ID.PLACE_PICK, "id"),
        Input(ID.PLACE_PICK, "value"),
        prevent_initial_call=True,
    )

    # split compare: the two maps pan and zoom together (in the browser, no server trip)
    app.clientside_callback(
        "function(a, b) { return window.atlas ? window.atlas.syncMaps(a, b) : window.dash_clientside.no_update; }",
        Output(ID.MAP_LEFT, "id"),
        Input(ID.MAP_LEFT, "relayoutData"),
        Input(ID.MAP_RIGHT, "relayoutData"),
        prevent_initial_call=True,
    )


__all__ = ["register", "update_maps", "VIEWS"]
