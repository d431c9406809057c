"""The filter controls and their options in each language."""

from __future__ import annotations

import json
from functools import lru_cache

from dash import dcc, html

from dashboard.describe import document_label
from dashboard.gaps import gap_label
from dashboard.i18n import t
from dashboard.ids import ID
from dashboard.state import (
    COMPARE_MODES,
    FOCUSES,
    GAP_IDS,
    LAYERS,
    MAX_GAP_YEARS,
    METRICS,
    TABLE_LAYERS,
    VIEWS,
    ViewState,
)
from geodata.catalog import Catalog
from geodata.codes import STATUSES
from geodata.schema import OFFICE_KINDS, REGULARITIES

YEAR_MIN, YEAR_MAX = 1995, 2030
SERVICE_CHOICES = ("all", "passenger", "cargo")


def label(key: str, lang: str, tag=html.Span, **kw):
    """A piece of UI text that the language toggle re-labels (pattern-matching id)."""
    return tag(t(key, lang), id={"type": ID.LABEL, "key": key}, **kw)


#: Dropdowns whose built-in texts ("3 selected", "Select all"…) follow the language.
DROPDOWN_IDS = (
    ID.METRIC,
    ID.REGION,
    ID.PROPOSAL,
    ID.KIND,
    ID.AIRLINE,
    ID.PLACE_PICK,
    ID.COMPARE_PICK,
)


def dropdown_labels(lang: str) -> dict:
    """The texts Dash's dropdown draws itself, in ``lang``."""
    return {k: t(f"dropdown.{k}", lang) for k in ("select_all", "deselect_all", "selected_count", "search",
                                                   "clear_search", "clear_selection", "no_options_found")}  # fmt: skip


def control_options(catalog: Catalog, lang: str) -> dict[str, list[dict]]:
    """Options of every control, labelled in ``lang``."""
    regions = catalog.regions
    return {
        ID.VIEW: [{"label": t(f"view.{v}", lang), "value": v} for v in VIEWS],
        ID.LAYERS: [{"label": t(f"layer.{v}", lang), "value": v} for v in LAYERS],
        ID.METRIC: [{"label": t(f"metric.{m}", lang), "value": m} for m in METRICS],
        ID.REGION: [
            {"label": r.name_zh if lang == "zh" else r.name_en, "value": r.id}
            for r in regions.itertuples()
        ],
        ID.PROPOSAL: [
            {"label": document_label(catalog, p, lang), "value": p} for p in catalog.proposal_ids
        ],
        ID.STATUS: [{"label": t(f"status.{s}", lang), "value": s} for s in STATUSES],
        ID.KIND: [{"label": t(f"kind.{k}", lang), "value": k} for k in OFFICE_KINDS],
        ID.SERVICE: [
            {"label": t("filter.service.all" if s == "all" else f"service.{s}", lang), "value": s}
            for s in SERVICE_CHOICES
        ],
        ID.REGULARITY: [{"label": t(f"regularity.{r}", lang), "value": r} for r in REGULARITIES],
        ID.AIRLINE: airline_options(catalog, lang),
        ID.FOCUS: [{"label": t(f"focus.{f}", lang), "value": f} for f in FOCUSES],
        ID.COMPARE_MODE: [{"label": t(f"compare.{m}", lang), "value": m} for m in COMPARE_MODES],
        ID.TABLE_LAYER: [{"label": t(f"layer.{v}", lang), "value": v} for v in TABLE_LAYERS],
        ID.GAP: gap_options(lang),
        ID.LANG: [{"label": "EN", "value": "en"}, {"label": "繁", "value": "zh"}],
    }


def gap_options(lang: str) -> list[dict]:
    """The gap finder's questions (N for the years of the last)."""
    return [{"label": gap_label(g, lang, "N"), "value": g} for g in GAP_IDS]


def airline_options(catalog: Catalog, lang: str) -> list[dict]:
    """Every airline of the routes (the most routes first), named in ``lang`` with its code;
    searched by either language's name and the code."""
    return list(_airline_options(catalog, lang))


@lru_cache(maxsize=8)
def _airline_options(catalog: Catalog, lang: str) -> tuple[dict, ...]:
    return tuple([
        {"label": f"{catalog.airline_name(c, lang)} ({c})", "value": c,
         "search": f"{catalog.airline_name(c, 'en')} {catalog.airline_name(c, 'zh')} {c}"}
        for c in catalog.airline_ids
    ])  # fmt: skip


def service_value(state: ViewState) -> str:
    return state.services[0] if state.services in (("passenger",), ("cargo",)) else "all"


def control_values(state: ViewState) -> dict[str, object]:
    """The value of every control for ``state`` (the inverse of ``state_from_controls``)."""
    return {
        ID.VIEW: state.view,
        ID.LANG: state.lang,
        ID.LAYERS: list(state.layers),
        ID.METRIC: state.metric,
        ID.REGION: list(state.regions),
        ID.PROPOSAL: list(state.proposals),
        ID.STATUS: list(state.statuses),
        ID.KIND: list(state.kinds),
        ID.SERVICE: service_value(state),
        ID.REGULARITY: list(state.regularities),
        ID.AIRLINE: list(state.airlines),
        ID.YEAR: state.year,
        ID.FOCUS: state.focus,
        ID.COMPARE_MODE: state.compare,
        ID.TABLE_LAYER: state.table,
        ID.GAP: state.gap,
        ID.GAP_AFTER: state.gap_after,
    }


CONTROL_IDS = tuple(control_values(ViewState()).keys())


def _whole(v, lo: int, hi: int, default: int) -> int:
    """A number a control sent, truncated to a whole number, if it is one from ``lo`` to ``hi``
    (a bool, a string or NaN is not): else ``default`` (assets/state.js does the same)."""
    ok = isinstance(v, (int, float)) and not isinstance(v, bool) and lo <= v <= hi
    return int(v) if ok else default


def state_from_controls(values: dict, previous: ViewState, catalog: Catalog) -> ViewState:
    """A new state from the controls' values; unknown values are dropped (never raise)."""

    def pick(v, allowed):
        v = v if isinstance(v, (list, tuple)) else []  # a string's substrings are not values
        return tuple(x for x in allowed if x in v)

    statuses = pick(values[ID.STATUS], STATUSES) or previous.statuses
    service = values[ID.SERVICE]
    layers = pick(values[ID.LAYERS], LAYERS)
    focus = values[ID.FOCUS] if values[ID.FOCUS] in FOCUSES else previous.focus
    if focus != previous.focus and focus in ("china", "gba") and "provinces" not in layers:
        layers = pick((*layers, "provinces"), LAYERS)  # zooming to China shows its provinces
    return previous.with_(
        view=values[ID.VIEW] if values[ID.VIEW] in VIEWS else previous.view,
        lang=values[ID.LANG] if values[ID.LANG] in ("en", "zh") else previous.lang,
        layers=layers,
        metric=values[ID.METRIC] if values[ID.METRIC] in METRICS else previous.metric,
        regions=pick(values[ID.REGION], catalog.region_ids),
        proposals=pick(values[ID.PROPOSAL], catalog.proposal_ids),
        statuses=statuses,
        kinds=pick(values[ID.KIND], OFFICE_KINDS),
        services=(service,) if service in ("passenger", "cargo") else ("passenger", "cargo"),
        regularities=pick(values[ID.REGULARITY], REGULARITIES) or previous.regularities,
        airlines=pick(values[ID.AIRLINE], catalog.airline_ids),
        year=_whole(values[ID.YEAR], YEAR_MIN, YEAR_MAX, previous.year),
        focus=focus,
        compare=values[ID.COMPARE_MODE]
        if values[ID.COMPARE_MODE] in COMPARE_MODES
        else previous.compare,
        gap=values[ID.GAP] if values[ID.GAP] in GAP_IDS else previous.gap,
        gap_after=_whole(values[ID.GAP_AFTER], 1, MAX_GAP_YEARS, previous.gap_after),
        table=values[ID.TABLE_LAYER] if values[ID.TABLE_LAYER] in TABLE_LAYERS else previous.table,
    )


def play_years(catalog: Catalog) -> list[int]:
    """The years the network changed (an office opened or closed, a route started or stopped,
    a dated snapshot of the routes), up to the default year: what "play" steps through."""
    from dashboard.state import DEFAULT_YEAR

    def years(values) -> set[int]:
        return {int(str(v)[:4]) for v in values if str(v)[:4].isdigit()}

    o, r, d = catalog.table("offices"), catalog.table("routes"), catalog.documents
    found = (years(o["opened"]) | years(o["closed"]) | years(r["since"]) | years(r["until"])
             | years(d.loc[d["kind"] == "snapshot", "date"]) | {DEFAULT_YEAR})  # fmt: skip
    return sorted(y for y in found if YEAR_MIN <= y <= DEFAULT_YEAR)


def play_button(catalog: Catalog, lang: str) -> html.Button:
    """Plays the network through time: steps the year through :func:`play_years` (assets/atlas.js);
    a button, so Enter and Space start and stop it."""
    return html.Button(
        html.Span(label("play.years", lang), className="play-label"),
        id=ID.PLAY,
        type="button",
        className="button play",
        # while playing, the button says what it does then: stop (assets/atlas.css)
        **{
            "aria-pressed": "false",
            "data-years": json.dumps(play_years(catalog)),
            "data-stop": t("play.stop", lang),
        },  # fmt: skip
    )


def state_spec(catalog: Catalog) -> dict:
    """What assets/state.js needs to apply ``state_from_controls`` and ``ViewState.to_query``
    in the browser: the allowed values (in their order), the defaults, the parameters in the
    order links write them. The Python functions stay the reference: tests/test_state_js.py
    checks the browser's results against them for a generated set of states."""
    from dashboard.state import PARAM_ATTR, VERSION

    return {
        "controls": list(CONTROL_IDS),
        "allowed": {
            "views": list(VIEWS), "langs": ["en", "zh"], "layers": list(LAYERS),
            "metrics": list(METRICS), "regions": list(catalog.region_ids),
            "proposals": list(catalog.proposal_ids), "statuses": list(STATUSES),
            "kinds": list(OFFICE_KINDS), "regularities": list(REGULARITIES),
            "airlines": list(catalog.airline_ids), "gaps": list(GAP_IDS),
            "focuses": list(FOCUSES), "compare": list(COMPARE_MODES), "tables": list(TABLE_LAYERS),
        },
        "all_services": ["passenger", "cargo"],
        "year": [YEAR_MIN, YEAR_MAX],
        "gap_after": [1, MAX_GAP_YEARS],
        "defaults": ViewState().to_dict(),
        "params": [[p, a] for p, a in PARAM_ATTR.items()],
        "version": VERSION,
    }  # fmt: skip


def _field(key: str, lang: str, control) -> html.Div:
    return html.Div(
        [label(key, lang, html.Label, className="field-label"), control], className="field"
    )


def _multi(key: str, control: str, placeholder: str, opts: dict, vals: dict, lang: str) -> html.Div:
    """A labelled multi-choice dropdown of the filters."""
    return _field(key, lang, dcc.Dropdown(id=control, labels=dropdown_labels(lang), options=opts[control],
                                          value=vals[control], multi=True, placeholder=t(placeholder, lang)))  # fmt: skip


def controls_panel(catalog: Catalog, state: ViewState) -> html.Details:
    lang = state.lang
    opts = control_options(catalog, lang)
    vals = control_values(state)
    marks = {y: str(y) for y in (2000, 2010, 2020, 2026)}
    return html.Details(
        [
            html.Summary(label("filters", lang), id=ID.CONTROLS_TOGGLE),
            _field(
                "layers",
                lang,
                dcc.Checklist(
                    id=ID.LAYERS,
                    options=opts[ID.LAYERS],
                    value=vals[ID.LAYERS],
                    className="checklist",
                ),
            ),
            _field(
                "metric",
                lang,
                dcc.Dropdown(
                    id=ID.METRIC,
                    labels=dropdown_labels(lang),
                    options=opts[ID.METRIC],
                    value=vals[ID.METRIC],
                    clearable=False,
                    searchable=False,
                ),
            ),
            _multi("filter.region", ID.REGION, "filter.region.all", opts, vals, lang),
            _multi("filter.proposal", ID.PROPOSAL, "filter.proposal.none", opts, vals, lang),
            _field(
                "filter.status",
                lang,
                dcc.Checklist(
                    id=ID.STATUS,
                    options=opts[ID.STATUS],
                    value=vals[ID.STATUS],
                    className="checklist inline",
                ),
            ),
            _multi("filter.kind", ID.KIND, "filter.kind.all", opts, vals, lang),
            _field(
                "filter.service",
                lang,
                dcc.RadioItems(
                    id=ID.SERVICE,
                    options=opts[ID.SERVICE],
                    value=vals[ID.SERVICE],
                    className="checklist inline",
                ),
            ),
            _field(
                "filter.regularity",
                lang,
                dcc.Checklist(
                    id=ID.REGULARITY,
                    options=opts[ID.REGULARITY],
                    value=vals[ID.REGULARITY],
                    className="checklist inline",
                ),
            ),
            _multi("filter.airline", ID.AIRLINE, "filter.airline.all", opts, vals, lang),
            _field(
                "filter.year",
                lang,
                html.Div(
                    [
                        dcc.Slider(
                            id=ID.YEAR,
                            min=YEAR_MIN,
                            max=YEAR_MAX,
                            step=1,
                            value=vals[ID.YEAR],
                            marks=marks,
                            included=False,
                            tooltip={"placement": "bottom", "always_visible": False},
                            updatemode="mouseup",
                        ),
                        play_button(catalog, lang),
                    ],
                    className="year-row",
                ),
            ),
            _field(
                "filter.focus",
                lang,
                dcc.RadioItems(
                    id=ID.FOCUS,
                    options=opts[ID.FOCUS],
                    value=vals[ID.FOCUS],
                    className="checklist inline",
                ),
            ),
            html.Button(
                label("filter.reset", lang), id=ID.RESET, className="button-link", n_clicks=0
            ),
        ],
        id=ID.CONTROLS,
        className="controls",
        open=True,
    )
