"""The explore view's "Export and present" panel: this view as PNG/SVG/PDF, the default
deck, and the user's own deck (scenes added from the UI, kept in the browser)."""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.present import export_links
from dashboard.state import ViewState


def _deck_form(action: str, json_id: str, lang_id: str, label: str) -> html.Form:
    return html.Form(
        [
            dcc.Input(type="hidden", name="deck_json", id=json_id, value=""),
            dcc.Input(type="hidden", name="lang", id=lang_id, value="en"),
            html.Button(label, type="submit", className="button"),
        ],
        action=action,
        method="POST",
        target="_blank",
        className="inline-form",
    )


def deck_panel(state: ViewState) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            html.H2(t("export", lang)),
            html.Div(
                [
                    html.Span(t("export.view", lang) + " "),
                    html.Span(
                        export_links(state.with_(deck="default"), where="explore"),
                        id=ID.EXPLORE_EXPORTS,
                    ),
                ],
                className="explore-exports",
            ),
            html.Div(
                html.A(
                    t("present.default", lang),
                    href=f"?view=present&lang={lang}",
                    id=ID.PRESENT_DEFAULT,
                    className="button",
                ),
                className="explore-exports",
            ),
            html.Div(
                [
                    html.Button(
                        t("present.add", lang), id=ID.ADD_SCENE, className="button", n_clicks=0
                    ),
                    html.Span(id=ID.MY_DECK_STATUS, className="muted"),
                ],
                className="explore-exports",
            ),
            html.Div(
                [
                    html.A(
                        t("present.mine", lang),
                        href=f"?view=present&deck=mine&lang={lang}",
                        id=ID.MY_DECK_PRESENT,
                        className="button",
                    ),
                    html.Button(
                        t("present.download", lang),
                        id=ID.MY_DECK_DOWNLOAD_BTN,
                        className="button",
                        n_clicks=0,
                    ),
                    _deck_form(
                        "/export/briefing.html",
                        ID.MY_DECK_JSON_HTML,
                        ID.MY_DECK_LANG_HTML,
                        t("export.deck_html", lang),
                    ),
                    _deck_form(
                        "/export/briefing.pdf",
                        ID.MY_DECK_JSON_PDF,
                        ID.MY_DECK_LANG_PDF,
                        t("export.deck_pdf", lang),
                    ),
                    html.Button(
                        t("present.clear", lang),
                        id=ID.MY_DECK_CLEAR,
                        className="button-link",
                        n_clicks=0,
                    ),
                    dcc.Download(id=ID.MY_DECK_DOWNLOAD),
                ],
                className="explore-exports my-deck",
            ),
        ],
        className="panel",
    )
