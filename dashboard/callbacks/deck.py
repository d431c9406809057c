"""Export links follow the view; the user's own deck lives in the browser (localStorage) and
is edited here: add the current view as a scene with its texts, edit, reorder, delete, clear.
The deck logic is in ``dashboard/mydeck.py``; these callbacks only wire it."""

from __future__ import annotations

import json

from dash import ALL, Input, Output, State, ctx, html, no_update

from dashboard import mydeck
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.deck_panel import FORM_FIELDS
from dashboard.layout.present import export_links
from dashboard.scenes import MY_DECK, state_options
from dashboard.state import ViewState
from dashboard.usertext import UserTextError
from geodata.catalog import Catalog

HIDDEN, SHOWN = {"display": "none"}, {}
DECK_JSON_IDS = (
    ID.MY_DECK_JSON_HTML,
    ID.MY_DECK_JSON_PDF,
    ID.PRESENT_DECK_JSON_HTML,
    ID.PRESENT_DECK_JSON_PDF,
)


def form_values(texts: dict) -> list[str]:
    out = []
    for _, key in FORM_FIELDS:
        what, _, which = key.partition(".")[2].partition("_")
        out.append((texts.get(what) or {}).get(which, ""))
    return out


def texts_from_form(values) -> dict:
    texts: dict = {f: {} for f in mydeck.FIELDS}
    for (_, key), v in zip(FORM_FIELDS, values):
        what, _, which = key.partition(".")[2].partition("_")
        texts[what][which] = v if isinstance(v, str) else ""
    return texts


def scene_list(deck: dict, lang: str) -> list:
    items = []
    for i, s in enumerate(mydeck.normal(deck)["scenes"]):
        title = (s.get("title") or {}).get(lang) or (s.get("title") or {}).get(
            "en" if lang == "zh" else "zh", ""
        )
        buttons = [html.Button(sym, id={"type": ID.SCENE_OP, "op": op, "i": i}, className="button-link",
                               title=t(f"present.{op}", lang), **{"aria-label": f"{t(f'present.{op}', lang)}: {title}"})
                   for op, sym in (("up", "↑"), ("down", "↓"), ("edit", "✎"), ("delete", "✕"))]  # fmt: skip
        items.append(
            html.Li(
                [
                    html.Span(title, className="scene-title"),
                    html.Span(buttons, className="scene-ops"),
                ]
            )
        )
    return items


def explore_links(st: ViewState) -> tuple:
    """The explore page's export links and its links to present mode (default and own deck)."""
    return (export_links(st.with_(deck="default"), where="explore"), f"?view=present&lang={st.lang}",
            f"?view=present&deck={MY_DECK}&lang={st.lang}")  # fmt: skip


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    @app.callback(
        Output(ID.MY_DECK, "data"),
        *[Output(f, "value") for f, _ in FORM_FIELDS],
        Output(ID.SCENE_EDITING, "data"),
        Output(ID.SCENE_MESSAGE, "children"),
        Output(ID.ADD_SCENE, "style"),
        Output(ID.SCENE_SAVE, "style"),
        Output(ID.SCENE_CANCEL, "style"),
        Input(ID.STATE_EXPLORE, "data"),
        Input(ID.ADD_SCENE, "n_clicks"),
        Input(ID.SCENE_SAVE, "n_clicks"),
        Input(ID.SCENE_CANCEL, "n_clicks"),
        Input(ID.MY_DECK_CLEAR, "n_clicks"),
        Input({"type": ID.SCENE_OP, "op": ALL, "i": ALL}, "n_clicks"),
        *[State(f, "value") for f, _ in FORM_FIELDS],
        State(ID.MY_DECK, "data"),
        State(ID.SCENE_EDITING, "data"),
        prevent_initial_call=True,
    )
    def edit(data, _add, _save, _cancel, _clear, _ops, *rest):
        *values, deck, editing = rest
        st = ViewState.from_dict(data, opts)
        lang, trig = st.lang, ctx.triggered_id
        editing = editing if isinstance(editing, int) else None
        fresh = form_values(mydeck.default_texts(catalog, st))
        keep = [no_update] * len(FORM_FIELDS)
        idle = (HIDDEN, HIDDEN)
        try:
            if (
                trig == ID.STATE_EXPLORE
            ):  # a new view: the form describes it, unless a scene is being edited
                if editing is not None or st.view != "explore":
                    return (no_update, *keep, no_update, no_update, no_update, no_update, no_update)
                return (no_update, *fresh, None, "", SHOWN, *idle)
            if trig == ID.MY_DECK_CLEAR:
                return (None, *fresh, None, "", SHOWN, *idle)
            if trig == ID.ADD_SCENE:
                new = mydeck.add(deck, st, texts_from_form(values))
                n = len(new["scenes"])
                return (new, *fresh, None, t("present.added", lang, n=n), SHOWN, *idle)
            if trig == ID.SCENE_SAVE and editing is not None:
                new = mydeck.update(deck, editing, texts_from_form(values))
                return (new, *fresh, None, t("present.saved", lang, n=editing + 1), SHOWN, *idle)
            if trig == ID.SCENE_CANCEL:
                return (no_update, *fresh, None, "", SHOWN, *idle)
            if isinstance(trig, dict) and trig.get("type") == ID.SCENE_OP and any(_ops):
                i, op = trig.get("i"), trig.get("op")
                if not isinstance(i, int):
                    raise UserTextError("unknown scene")
                if op == "edit" and mydeck.texts_of(deck, i) is not None:
                    return (no_update, *form_values(mydeck.texts_of(deck, i)), i,
                            t("present.editing", lang, n=i + 1), HIDDEN, SHOWN, SHOWN)  # fmt: skip
                if op in ("up", "down"):
                    return (mydeck.move(deck, i, -1 if op == "up" else 1), *keep, no_update, "", no_update,
                            no_update, no_update)  # fmt: skip
                if op == "delete":
                    return (mydeck.delete(deck, i), *fresh, None, "", SHOWN, *idle)
        except UserTextError as e:
            return (no_update, *keep, no_update, str(e), no_update, no_update, no_update)
        return (no_update, *keep, no_update, no_update, no_update, no_update, no_update)

    @app.callback(
        Output(ID.MY_DECK_STATUS, "children"),
        Output(ID.MY_DECK_LIST, "children"),
        Output(ID.MY_DECK_JSON_HTML, "value"),
        Output(ID.MY_DECK_JSON_PDF, "value"),
        Output(ID.PRESENT_DECK_JSON_HTML, "value"),
        Output(ID.PRESENT_DECK_JSON_PDF, "value"),
        *[Output(f"{i}-lang", "value") for i in DECK_JSON_IDS],
        Input(ID.MY_DECK, "data"),
        Input(ID.STATE_LANG, "data"),
    )
    def show(deck, lang):
        lang = lang if lang in ("en", "zh") else "en"
        d = mydeck.normal(deck)
        n = len(d["scenes"])
        text = json.dumps(d, ensure_ascii=False) if n else ""
        # the deck's exports follow the language of the interface
        return (t("present.count", lang, n=n), scene_list(d, lang), text, text, text, text,
                *[lang] * len(DECK_JSON_IDS))  # fmt: skip

    @app.callback(
        Output(ID.MY_DECK_DOWNLOAD, "data"),
        Input(ID.MY_DECK_DOWNLOAD_BTN, "n_clicks"),
        State(ID.MY_DECK, "data"),
        prevent_initial_call=True,
    )
    def download(_n, deck):
        d = mydeck.normal(deck)
        if not d["scenes"]:
            return no_update
        return {"content": json.dumps(d, ensure_ascii=False, indent=2), "filename": "my-deck.json",
                "type": "application/json"}  # fmt: skip
