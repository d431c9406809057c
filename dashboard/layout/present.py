"""Present mode: one scene of a deck full screen — title, map with legend, note, source,
as-of line and a scene counter; the keyboard moves between scenes (assets/atlas.js)."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import dcc, html

from dashboard.export.figure import source_line, stamp
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.scenes import MY_DECK, YEARS_DECK, resolve
from dashboard.state import ViewState
from geodata.catalog import Catalog


def present_texts(
    catalog: Catalog, state: ViewState, user_deck: dict | None = None
) -> dict[str, str]:
    ref = resolve(catalog, state, user_deck)
    deck, i, scene, st = ref.deck, ref.index, ref.scene, ref.state
    lang = state.lang
    return {
        ID.PRESENT_TITLE: scene.text("title", lang),
        ID.PRESENT_SUBTITLE: scene.text("subtitle", lang),
        ID.PRESENT_NOTE: scene.text("note", lang),
        ID.PRESENT_SOURCE: source_line(catalog, st),
        ID.PRESENT_STAMP: stamp(st),
        ID.PRESENT_COUNTER: t("present.scene", lang, i=i + 1, n=len(deck.scenes)),
    }


def export_links(
    state: ViewState, title: str = "", subtitle: str = "", where: str = "present"
) -> list:
    """PNG / SVG / PDF of a view (by its own query, so any deck works) and, for a named
    deck, the whole deck as PDF and as one offline HTML file."""
    view_q = state.with_(
        view="explore" if state.view != "compare" else "compare", scene=0, deck="default"
    ).to_query()
    extra = urlencode({k: v for k, v in (("title", title), ("subtitle", subtitle)) if v})
    q = "&".join(x for x in (view_q, extra) if x)
    links = [
        html.A(
            "PNG", href=f"/export/map.png?{q}", className="button", id=f"{where}-{ID.EXPORT_PNG}"
        ),
        html.A(
            "SVG", href=f"/export/map.svg?{q}", className="button", id=f"{where}-{ID.EXPORT_SVG}"
        ),
        html.A(
            "PDF", href=f"/export/map.pdf?{q}", className="button", id=f"{where}-{ID.EXPORT_PDF}"
        ),
    ]
    if where == "explore":  # this view through the years: presented, and as one offline file
        yq = "&".join(x for x in (view_q, f"deck={YEARS_DECK}") if x)  # (the view's own lang)
        present = state.with_(view="present", deck=YEARS_DECK, scene=0).to_query()
        links.append(html.A(t("present.years", state.lang), href=f"?{present}", className="button",
                            id=f"{where}-{ID.PRESENT_YEARS}"))  # fmt: skip
        links.append(html.A(t("export.years_html", state.lang), href=f"/export/briefing.html?{yq}",
                            className="button", id=f"{where}-{ID.EXPORT_YEARS_HTML}"))  # fmt: skip
    if state.deck != MY_DECK:
        dq = f"deck={state.deck}&lang={state.lang}"
        if state.deck == YEARS_DECK:  # a generated deck: its view goes with it
            base = state.with_(view="explore", deck="default", scene=0, year=ViewState().year)
            dq = "&".join(x for x in (base.to_query(), dq) if x)
        links += [
            html.A(
                t("export.deck_pdf", state.lang),
                href=f"/export/briefing.pdf?{dq}",
                className="button",
                id=f"{where}-{ID.EXPORT_DECK_PDF}",
            ),
            html.A(
                t("export.deck_html", state.lang),
                href=f"/export/briefing.html?{dq}",
                className="button",
                id=f"{where}-{ID.EXPORT_DECK_HTML}",
            ),
        ]
    return links


def present_page(catalog: Catalog, state: ViewState, graph, legend) -> html.Div:
    """The scene full screen: title, the map with its legend beside it (below it on a phone),
    note, source line, date and counter; a bar of buttons (previous, next, full screen, exit,
    exports of the scene and of the whole deck — the user's own deck included)."""
    texts = present_texts(catalog, state) if state.view == "present" else {}
    ref = resolve(catalog, state)
    scene, scene_state = ref.scene, ref.state
    lang = state.lang
    return html.Div(
        [
            html.Div(
                [
                    html.H1(texts.get(ID.PRESENT_TITLE, ""), id=ID.PRESENT_TITLE),
                    html.P(texts.get(ID.PRESENT_SUBTITLE, ""), id=ID.PRESENT_SUBTITLE),
                ],
                className="present-head",
            ),
            html.Div([graph, legend], className="present-body"),
            html.P(texts.get(ID.PRESENT_NOTE, ""), id=ID.PRESENT_NOTE, className="present-note"),
            html.Div(
                [
                    html.Span(texts.get(ID.PRESENT_SOURCE, ""), id=ID.PRESENT_SOURCE),
                    html.Span(texts.get(ID.PRESENT_STAMP, ""), id=ID.PRESENT_STAMP),
                    html.Span(texts.get(ID.PRESENT_COUNTER, ""), id=ID.PRESENT_COUNTER, className="counter"),
                ],
                className="present-foot",
            ),
            html.Nav(
                [
                    html.Button("←", id=ID.PRESENT_PREV, className="button", title="PageUp / ←",
                                **{"aria-label": t("present.prev", lang)}),
                    html.Button("→", id=ID.PRESENT_NEXT, className="button", title="PageDown / →",
                                **{"aria-label": t("present.next", lang)}),
                    html.Button(t("present.fullscreen_short", lang), id=ID.PRESENT_FULLSCREEN, className="button", title=t("present.fullscreen", lang),
                                **{"aria-label": t("present.fullscreen", lang)}),
                    html.Button("Esc", id=ID.PRESENT_EXIT, className="button", title=t("present.exit", lang)),
                    html.Span(
                        export_links(scene_state.with_(deck=state.deck, lang=state.lang),
                                     scene.text("title", state.lang), scene.text("subtitle", state.lang)),
                        id=ID.PRESENT_EXPORTS,
                    ),
                    *deck_forms(ID.PRESENT_DECK_JSON_HTML, ID.PRESENT_DECK_JSON_PDF, lang,
                                visible=state.deck == MY_DECK),
                ],
                className="present-nav",
                **{"aria-label": t("present.controls", lang)},
            ),
        ],
        id=ID.PRESENT,
        className="page page-present",
        style={} if state.view == "present" else {"display": "none"},
    )  # fmt: skip


def deck_form(action: str, json_id: str, lang: str, label: str, visible: bool = True) -> html.Form:
    """A form that sends the user's own deck (kept in the browser) to an export by POST."""
    return html.Form(
        [dcc.Input(type="hidden", name="deck_json", id=json_id, value=""),
         dcc.Input(type="hidden", name="lang", value=lang, id=f"{json_id}-lang"),
         html.Button(label, type="submit", className="button")],
        action=action, method="POST", target="_blank", className="inline-form",
        style={} if visible else {"display": "none"},
    )  # fmt: skip


def deck_forms(html_id: str, pdf_id: str, lang: str, visible: bool = True) -> list:
    return [deck_form("/export/briefing.pdf", pdf_id, lang, t("export.deck_pdf", lang), visible),
            deck_form("/export/briefing.html", html_id, lang, t("export.deck_html", lang), visible)]  # fmt: skip
