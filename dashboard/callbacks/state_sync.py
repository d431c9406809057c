"""URL <-> view state <-> controls, in one circular callback.

- A control changes: the state follows and the URL is pushed (the back button steps back), in
  the browser (assets/state.js, checked against ``state_from_controls`` and ``to_query``).
- The URL changes (back/forward, pasted link) or the filters are reset: the state and the
  controls follow (here, on the server: a link is read by ``ViewState.from_query``).
- The language toggle re-labels every text and option without touching anything else.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, State, ctx, no_update

from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.controls import (
    CONTROL_IDS,
    DROPDOWN_IDS,
    control_options,
    control_values,
    dropdown_labels,
)
from dashboard.layout.panels import notice
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.catalog import Catalog

OPTION_IDS = tuple(i for i in CONTROL_IDS if i not in (ID.YEAR, ID.GAP_AFTER))


def register(app, catalog: Catalog) -> None:
    opts = state_options(catalog)

    # a control changes: the state follows in the browser (assets/state.js), which pushes the
    # URL; no round trip before the map's request
    app.clientside_callback(
        ClientsideFunction("atlas", "controlsChanged"),
        Output(ID.STATE, "data", allow_duplicate=True),
        Output(ID.NOTICE, "children", allow_duplicate=True),
        *[Output(c, "value", allow_duplicate=True) for c in CONTROL_IDS],
        *[Input(c, "value") for c in CONTROL_IDS],
        State(ID.STATE, "data"),
        State(ID.STATE_SPEC, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ID.URL, "search"),
        Output(ID.STATE, "data"),
        Output(ID.NOTICE, "children"),
        *[Output(c, "value") for c in CONTROL_IDS],
        Input(ID.URL, "search"),
        Input(ID.RESET, "n_clicks"),
        State(ID.STATE, "data"),
        prevent_initial_call=True,
    )
    def sync(search, _reset, data):
        previous = ViewState.from_dict(data, opts)
        trig = ctx.triggered_id
        n = len(CONTROL_IDS)
        if trig == ID.URL:
            state, warnings = ViewState.from_query(search or "", opts)
            if state == previous:
                return (no_update,) * (3 + n)
            vals = control_values(state)
            return (
                no_update,
                state.to_dict(),
                notice(warnings, state.lang),
                *[vals[c] for c in CONTROL_IDS],
            )
        if trig == ID.RESET:
            # the filters, not the user's draft
            state = ViewState(view=previous.view, lang=previous.lang, draft=previous.draft,
                              draft_title=previous.draft_title, draft_note=previous.draft_note)  # fmt: skip
            vals = control_values(state)
            return ("?" + state.to_query(), state.to_dict(), None, *[vals[c] for c in CONTROL_IDS])
        return (no_update,) * (3 + n)

    @app.callback(
        Output({"type": ID.LABEL, "key": ALL}, "children"),
        Output(ID.TITLE, "children"),
        Output(ID.SUBTITLE, "children"),
        Output("app-root", "lang"),
        *[Output(c, "options") for c in OPTION_IDS],
        Output(ID.REGION, "placeholder"),
        Output(ID.PROPOSAL, "placeholder"),
        Output(ID.KIND, "placeholder"),
        Output(ID.AIRLINE, "placeholder"),
        *[Output(d, "labels") for d in DROPDOWN_IDS],
        Input(ID.LANG, "value"),
        State({"type": ID.LABEL, "key": ALL}, "id"),
        prevent_initial_call=True,
    )
    def relabel(lang, label_ids):
        lang = lang if lang in ("en", "zh") else "en"
        o = control_options(catalog, lang)
        return (
            [t(i["key"], lang) for i in label_ids],
            t("app.title", lang),
            t("app.subtitle", lang),
            "zh-Hant-HK" if lang == "zh" else "en",
            *[o[c] for c in OPTION_IDS],
            t("filter.region.all", lang),
            t("filter.proposal.none", lang),
            t("filter.kind.all", lang),
            t("filter.airline.all", lang),
            *[dropdown_labels(lang)] * len(DROPDOWN_IDS),
        )
