"""The gap finder on screen: its questions as presets on the explore page (links to the gap's
table, with the view's filters) and, in the table view, the question and its years."""

from __future__ import annotations

from dash import dcc, html

from dashboard.gaps import GAPS, gap_label
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.layout.controls import gap_options, label
from dashboard.state import MAX_GAP_YEARS, ViewState


def gap_links(state: ViewState) -> list:
    """A link per question to its table, keeping the view's filters."""
    lang = state.lang
    items = []
    for g in GAPS:
        st = state.with_(view="table", table="gaps", gap=g)
        items.append(html.Li(html.A(gap_label(g, lang, state.gap_after), href=f"?{st.to_query()}",
                                    title=GAPS[g].note(lang).format(n=state.gap_after))))  # fmt: skip
    return [html.H3(t("gaps.heading", lang)), html.Ul(items, className="gap-links")]


def gap_presets(state: ViewState) -> html.Div:
    return html.Div(gap_links(state), id=ID.GAP_PRESETS, className="panel gaps")


def gap_bar(state: ViewState) -> html.Div:
    """The table view's gap controls (shown when the table is the gap finder's)."""
    lang = state.lang
    return html.Div(
        [
            label("gaps.question", lang, html.Label, className="field-label", htmlFor=ID.GAP),
            dcc.Dropdown(id=ID.GAP, options=gap_options(lang), value=state.gap,
                         clearable=False, searchable=False, className="gap-pick"),
            label("gaps.after", lang, html.Label, className="field-label", htmlFor=ID.GAP_AFTER),
            dcc.Input(id=ID.GAP_AFTER, type="number", min=1, max=MAX_GAP_YEARS, step=1,
                      value=state.gap_after, debounce=True, className="gap-after"),
            html.P(GAPS[state.gap].note(lang).format(n=state.gap_after), id=ID.GAP_NOTE,
                   className="muted small"),
        ],
        id=ID.GAP_BAR,
        className="gap-bar",
        style={} if state.table == "gaps" else {"display": "none"},
    )  # fmt: skip
