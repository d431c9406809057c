"""Present mode: one scene of a deck full screen — title, map with legend, note, source,
as-of line and a scene counter; the keyboard moves between scenes (assets/atlas.js)."""

from __future__ import annotations

from dash import html

from dashboard.export.figure import source_line, stamp
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layers import options as state_options
from dashboard.scenes import DeckError, load_deck
from dashboard.state import ViewState
from geodata.catalog import Catalog


def scene_of(catalog: Catalog, state: ViewState):
    """(deck, index, scene, scene state) for a present-view state; the index is clamped."""
    try:
        deck = load_deck(state.deck, state_options(catalog))
    except DeckError:
        deck = load_deck("default", state_options(catalog))
    i = max(0, min(state.scene, len(deck.scenes) - 1))
    scene = deck.scenes[i]
    return deck, i, scene, scene.state(state_options(catalog), state.lang, i)


def present_texts(catalog: Catalog, state: ViewState) -> dict[str, str]:
    deck, i, scene, st = scene_of(catalog, state)
    lang = state.lang
    return {
        ID.PRESENT_TITLE: scene.text("title", lang),
        ID.PRESENT_SUBTITLE: scene.text("subtitle", lang),
        ID.PRESENT_NOTE: scene.text("note", lang),
        ID.PRESENT_SOURCE: source_line(catalog, st),
        ID.PRESENT_STAMP: stamp(st),
        ID.PRESENT_COUNTER: t("present.scene", lang, i=i + 1, n=len(deck.scenes)),
    }


def export_links(state: ViewState) -> list:
    q = f"deck={state.deck}&lang={state.lang}"
    view_q = f"view=present&deck={state.deck}&scene={state.scene}&lang={state.lang}"
    return [
        html.A("PNG", href=f"/export/map.png?{view_q}", className="button", id=ID.EXPORT_PNG),
        html.A("SVG", href=f"/export/map.svg?{view_q}", className="button", id=ID.EXPORT_SVG),
        html.A("PDF", href=f"/export/map.pdf?{view_q}", className="button", id=ID.EXPORT_PDF),
        html.A("Deck PDF", href=f"/export/briefing.pdf?{q}", className="button", id=ID.EXPORT_DECK_PDF),
        html.A("Deck HTML (offline)", href=f"/export/briefing.html?{q}", className="button",
               id=ID.EXPORT_DECK_HTML),
    ]


def present_page(catalog: Catalog, state: ViewState, graph) -> html.Div:
    texts = present_texts(catalog, state) if state.view == "present" else {}
    lang = state.lang
    return html.Div(
        [
            html.Div([html.H1(texts.get(ID.PRESENT_TITLE, ""), id=ID.PRESENT_TITLE),
                      html.P(texts.get(ID.PRESENT_SUBTITLE, ""), id=ID.PRESENT_SUBTITLE)], className="present-head"),
            graph,
            html.P(texts.get(ID.PRESENT_NOTE, ""), id=ID.PRESENT_NOTE, className="present-note"),
            html.Div(
                [html.Span(texts.get(ID.PRESENT_SOURCE, ""), id=ID.PRESENT_SOURCE),
                 html.Span(texts.get(ID.PRESENT_STAMP, ""), id=ID.PRESENT_STAMP),
                 html.Span(texts.get(ID.PRESENT_COUNTER, ""), id=ID.PRESENT_COUNTER, className="counter")],
                className="present-foot",
            ),
            html.Div(
                [html.Button("←", id=ID.PRESENT_PREV, className="button", title="PageUp / ←"),
                 html.Button("→", id=ID.PRESENT_NEXT, className="button", title="PageDown / →"),
                 html.Button("Esc", id=ID.PRESENT_EXIT, className="button", title=t("present.exit", lang)),
                 html.Span(export_links(state), id=ID.PRESENT_EXPORTS)],
                className="present-nav",
            ),
        ],
        id=ID.PRESENT,
        className="page page-present",
        style={} if state.view == "present" else {"display": "none"},
    )
