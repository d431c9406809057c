"""The draft editor (``dashboard/layout/draft_panel.py``): add, remove and clear items, title
and note; each edit becomes the view state's ``draft`` and is pushed to the URL, so a link
reproduces the draft and the back button steps back through it."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, html, no_update

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.details import target_from_click
from dashboard.layout.draft_panel import (
    draft_adds,
    draft_links,
    item_list,
    kind_options,
    place_options,
)
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.draft import MAX_ITEMS, DraftItem, clean_text, gazetteer, item_for_target


def edit_draft(
    catalog: Catalog, state: ViewState, trigger, kind, place, click, title, note
) -> tuple[ViewState, str | None]:
    """The state after one edit of the draft, and a message when the edit did nothing."""
    items = list(state.draft)
    if trigger == ID.DRAFT_CLEAR:
        return state.with_(draft=(), draft_title="", draft_note=""), None
    if trigger == ID.DRAFT_TITLE:
        return state.with_(draft_title=clean_text(title)), None
    if trigger == ID.DRAFT_NOTE:
        return state.with_(draft_note=clean_text(note)), None
    if isinstance(trigger, dict) and trigger.get("type") == ID.DRAFT_REMOVE:
        return state.with_(draft=tuple(x for x in items if x != trigger.get("item"))), None
    item = None
    if trigger == ID.DRAFT_ADD:
        code = gazetteer(catalog).canonical(kind, place) if isinstance(place, str) else None
        item = DraftItem(kind, code) if code else None
        if item is None:
            return state, t("draft.pick_place", state.lang)
    elif trigger == ID.DRAFT_CLICKED:
        item = item_for_target(catalog, kind, target_from_click(click))
        if item is None:
            return state, t("draft.click_nothing", state.lang)
    if item is None:
        return state, None
    if item.token in items:
        return state, t("draft.already", state.lang)
    if len(items) >= MAX_ITEMS:
        return state, t("draft.full", state.lang, n=MAX_ITEMS)
    return state.with_(draft=(*items, item.token)), None


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    @app.callback(
        Output(ID.URL, "search", allow_duplicate=True),
        Output(ID.STATE, "data", allow_duplicate=True),
        Output(ID.NOTICE, "children", allow_duplicate=True),
        Output(ID.DRAFT_PLACE, "value"),
        Input(ID.DRAFT_ADD, "n_clicks"),
        Input({"type": ID.DRAFT_REMOVE, "item": ALL}, "n_clicks"),
        Input(ID.DRAFT_CLEAR, "n_clicks"),
        Input(ID.DRAFT_TITLE, "value"),
        Input(ID.DRAFT_NOTE, "value"),
        # a click on the map, passed on (in the browser) only while "add by clicking" is ticked
        Input(ID.DRAFT_CLICKED, "data"),
        State(ID.DRAFT_KIND, "value"),
        State(ID.DRAFT_PLACE, "value"),
        State(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def edit(_add, removes, _clear, title, note, click, kind, place, data):
        trig = ctx.triggered_id
        if isinstance(trig, dict) and not (ctx.triggered and ctx.triggered[0].get("value")):
            return (no_update,) * 4  # a remove button drawn, not clicked
        state = ViewState.from_dict(data, opts)
        new, message = edit_draft(catalog, state, trig, kind, place, click, title, note)
        clear_place = None if trig == ID.DRAFT_ADD and message is None else no_update
        if new == state:
            return no_update, no_update, notice_text(message), clear_place
        return "?" + new.to_query(), new.to_dict(), notice_text(message), clear_place

    app.clientside_callback(
        ClientsideFunction("atlas", "draftClick"),
        Output(ID.DRAFT_CLICKED, "data"),
        Input(ID.MAP, "clickData"),
        State(ID.DRAFT_CLICK, "value"),
        prevent_initial_call=True,
    )

    # the panel follows the view only when it has something to say: with a draft (what it adds
    # changes with every filter), or when the draft, its texts or the language change
    app.clientside_callback(
        ClientsideFunction("atlas", "draftView"),
        Output(ID.DRAFT_VIEW, "data"),
        Input(ID.STATE_EXPLORE, "data"),
        State(ID.DRAFT_VIEW, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ID.DRAFT_ITEMS, "children"),
        Output(ID.DRAFT_ADDS, "children"),
        Output(ID.DRAFT_TITLE, "value"),
        Output(ID.DRAFT_NOTE, "value"),
        Output(ID.DRAFT_DOWNLOAD, "href"),
        Output(ID.DRAFT_COMPARE, "href"),
        Output(ID.DRAFT_KIND, "options"),
        Input(ID.DRAFT_VIEW, "data"),
        prevent_initial_call=True,
    )
    def render(data):
        st = ViewState.from_dict(data, opts)
        if st.view != "explore":
            return (no_update,) * 7
        return (item_list(catalog, st), draft_adds(catalog, st), st.draft_title, st.draft_note, *draft_links(st),
                kind_options(st.lang))  # fmt: skip

    @app.callback(
        Output(ID.DRAFT_PLACE, "options"),
        Input(ID.DRAFT_PLACE, "search_value"),
        Input(ID.DRAFT_KIND, "value"),
        State(ID.DRAFT_PLACE, "value"),
        State(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def find(search, kind, picked, data):
        lang = data.get("lang") if isinstance(data, dict) else "en"
        return place_options(catalog, kind, lang, search, picked)


def notice_text(message: str | None):
    if not message:
        return no_update
    return html.Div(html.Strong(message), className="notice-box", role="status")
