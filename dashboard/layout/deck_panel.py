"""The explore view's "Export and present" panel: this view as PNG/SVG/PDF, the default deck,
and the user's own deck: a form to write a scene's title, subtitle and note in both languages
(prefilled with the view in words), the list of scenes to edit, reorder and delete, and the
deck's exports, which follow the language of the interface."""

from __future__ import annotations

from dash import dcc, html

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.present import deck_forms, export_links
from dashboard.state import ViewState

FORM_FIELDS = (
    (ID.SCENE_TITLE_EN, "scene.title_en"), (ID.SCENE_TITLE_ZH, "scene.title_zh"),
    (ID.SCENE_SUBTITLE_EN, "scene.subtitle_en"), (ID.SCENE_SUBTITLE_ZH, "scene.subtitle_zh"),
    (ID.SCENE_NOTE_EN, "scene.note_en"), (ID.SCENE_NOTE_ZH, "scene.note_zh"),
)  # fmt: skip


def scene_form(lang: str, texts: dict | None = None) -> html.Div:
    texts = texts or {}
    rows = []
    for field_id, key in FORM_FIELDS:
        what, _, which = key.partition(".")[2].partition("_")
        value = ((texts.get(what) or {}).get(which)) or ""
        control = (dcc.Textarea if what == "note" else dcc.Input)(
            id=field_id, value=value, className="scene-input", **({"type": "text"} if what != "note" else {}),
            **({"maxLength": 400} if what == "note" else {"maxLength": 300}),
        )  # fmt: skip
        rows.append(html.Label([html.Span(t(key, lang), id={"type": ID.LABEL, "key": key}), control],
                               className="scene-field"))  # fmt: skip
    return html.Div(rows, className="scene-form")


def deck_panel(state: ViewState, texts: dict | None = None) -> html.Div:
    lang = state.lang
    return html.Div(
        [
            html.H2(t("export", lang)),
            html.Div([html.Span(t("export.view", lang) + " "),
                      html.Span(export_links(state.with_(deck="default"), where="explore"), id=ID.EXPLORE_EXPORTS)],
                     className="explore-exports"),
            html.Div(html.A(t("present.default", lang), href=f"?view=present&lang={lang}", id=ID.PRESENT_DEFAULT,
                            className="button"), className="explore-exports"),
            html.Details(
                [
                    html.Summary([t("present.mine_title", lang), " ", html.Span(id=ID.MY_DECK_STATUS, className="muted")]),
                    scene_form(lang, texts),
                    html.Div([
                        html.Button(t("present.add", lang), id=ID.ADD_SCENE, className="button", n_clicks=0),
                        html.Button(t("present.save", lang), id=ID.SCENE_SAVE, className="button", n_clicks=0,
                                    style={"display": "none"}),
                        html.Button(t("present.cancel", lang), id=ID.SCENE_CANCEL, className="button-link",
                                    n_clicks=0, style={"display": "none"}),
                        html.Span(id=ID.SCENE_MESSAGE, className="muted", role="status"),
                    ], className="explore-exports"),
                    html.Ol(id=ID.MY_DECK_LIST, className="scene-list"),
                    dcc.Store(id=ID.SCENE_EDITING, data=None),
                    html.Div([
                        html.A(t("present.mine", lang), href=f"?view=present&deck=mine&lang={lang}",
                               id=ID.MY_DECK_PRESENT, className="button"),
                        html.Button(t("present.download", lang), id=ID.MY_DECK_DOWNLOAD_BTN, className="button",
                                    n_clicks=0),
                        *deck_forms(ID.MY_DECK_JSON_HTML, ID.MY_DECK_JSON_PDF, lang),
                        html.Button(t("present.clear", lang), id=ID.MY_DECK_CLEAR, className="button-link",
                                    n_clicks=0),
                        dcc.Download(id=ID.MY_DECK_DOWNLOAD),
                    ], className="explore-exports my-deck"),
                ],
                className="my-deck-box",
                open=True,
            ),
        ],
        className="panel",
    )  # fmt: skip
