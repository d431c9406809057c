"""Export links follow the view; the user's own deck lives in the browser (localStorage)."""

from __future__ import annotations

import json

from dash import Input, Output, State, ctx, no_update

from dashboard.describe import view_title
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.present import export_links
from dashboard.scenes import DECK_VERSION, MAX_SCENES, MY_DECK, state_options
from dashboard.state import VERSION as LINK_VERSION
from dashboard.state import ViewState
from geodata.catalog import Catalog


def scene_from_state(catalog: Catalog, state: ViewState) -> dict:
    """A scene (deck JSON) for the current view, titled in words in both languages."""
    st = state.with_(
        view=state.view if state.view in ("explore", "compare") else "explore",
        scene=0,
        deck="default",
        lang="en",
    )
    title = {lang: view_title(catalog, st, lang) for lang in ("en", "zh")}
    return {
        "title": title,
        "subtitle": {"en": "", "zh": ""},
        "note": {"en": "", "zh": ""},
        "query": st.to_query(),
    }


def add_scene(catalog: Catalog, deck: dict | None, state: ViewState) -> dict:
    """The user's deck with the current view appended as a scene (at most MAX_SCENES)."""
    if not isinstance(deck, dict) or not isinstance(deck.get("scenes"), list):
        deck = {"id": MY_DECK, "title": {"en": "My scenes", "zh": "我的畫面"}, "scenes": []}
    scenes = list(deck["scenes"])[-(MAX_SCENES - 1) :]
    scenes.append(scene_from_state(catalog, state))
    return {**deck, "version": DECK_VERSION, "link_version": LINK_VERSION, "scenes": scenes}


def register(app, catalog: Catalog) -> None:
    @app.callback(
        Output(ID.EXPLORE_EXPORTS, "children"),
        Output(ID.PRESENT_DEFAULT, "href"),
        Output(ID.MY_DECK_PRESENT, "href"),
        Output(ID.MY_DECK_LANG_HTML, "value"),
        Output(ID.MY_DECK_LANG_PDF, "value"),
        Input(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def links(data):
        st = ViewState.from_dict(data, state_options(catalog))
        if st.view != "explore":
            return (no_update,) * 5
        return (
            export_links(st.with_(deck="default"), where="explore"),
            f"?view=present&lang={st.lang}",
            f"?view=present&deck={MY_DECK}&lang={st.lang}",
            st.lang,
            st.lang,
        )

    @app.callback(
        Output(ID.MY_DECK, "data"),
        Input(ID.ADD_SCENE, "n_clicks"),
        Input(ID.MY_DECK_CLEAR, "n_clicks"),
        State(ID.STATE, "data"),
        State(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def edit(_add, _clear, data, deck):
        if ctx.triggered_id == ID.MY_DECK_CLEAR:
            return None
        return add_scene(catalog, deck, ViewState.from_dict(data, state_options(catalog)))

    @app.callback(
        Output(ID.MY_DECK_STATUS, "children"),
        Output(ID.MY_DECK_JSON_HTML, "value"),
        Output(ID.MY_DECK_JSON_PDF, "value"),
        Input(ID.MY_DECK, "data"),
        State(ID.STATE, "data"),
    )
    def show(deck, data):
        lang = ViewState.from_dict(data, state_options(catalog)).lang if data else "en"
        n = len((deck or {}).get("scenes", []))
        text = json.dumps(deck, ensure_ascii=False) if n else ""
        return t("present.count", lang, n=n), text, text

    @app.callback(
        Output(ID.MY_DECK_DOWNLOAD, "data"),
        Input(ID.MY_DECK_DOWNLOAD_BTN, "n_clicks"),
        State(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def download(_n, deck):
        if not deck:
            return no_update
        return {
            "content": json.dumps(deck, ensure_ascii=False, indent=2),
            "filename": "my-deck.json",
            "type": "application/json",
        }
