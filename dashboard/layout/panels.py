"""Side panels: notices, the numbers on screen, the compare numbers and each proposal's track
record. Every number comes from ``geodata.measures.summary`` (the API and exports use it too)."""

from __future__ import annotations

from dash import html

from dashboard.describe import document_label, evidence_text, kinds_text
from dashboard.i18n import fmt_date, fmt_int, t
from dashboard.ids import ID
from dashboard.notices import notice_text
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.layers import LAYERS
from geodata.measures import MEASURES, added_by, summary
from geodata.network import routes_unknown
from geodata.track import record_summary, track_record
from geodata.weights import WEIGHTED, population_shares, shares_against

GROUPS = ("offices", "routes")


def notice(warnings: list, lang: str):
    if not warnings:
        return None
    return html.Div(
        [
            html.Strong(t("notice.fallback", lang)),
            html.Ul([html.Li(notice_text(w, lang)) for w in warnings]),
        ],
        className="notice-box",
        role="status",
    )


def _value(n: int, of: int | None) -> str:
    return f"{fmt_int(n)} / {of}" if of else fmt_int(n)


def place_list(catalog: Catalog, codes, scale: str, lang: str, limit: int = 12) -> str:
    names = [catalog.place_name(c, lang, scale=scale) for c in codes]
    more = len(names) - limit
    sep = "、" if lang == "zh" else ", "
    return sep.join(names[:limit]) + (f" … (+{more})" if more > 0 else "")


def _caption(catalog: Catalog, state: ViewState, group: str) -> str:
    if group == "offices":
        return kinds_text(state, state.lang)
    return t("numbers.routes_counted", state.lang, what=evidence_text(catalog, state, state.lang))


def fmt_pct(x: float, lang: str) -> str:
    return f"{x * 100:.1f}%" if lang == "zh" else f"{x * 100:.1f}\u00a0%"


def share_row(share, of: str, lang: str, gain: bool = True) -> html.Tr:
    """The people in a measure's places as a share of the world's (or the Belt and Road
    countries') population, and the points a proposal adds (geodata/weights.py)."""
    pts = (share.share - share.base_share) * 100
    return html.Tr(
        [
            html.Th(t(f"numbers.share.{of}", lang), className="share",
                    title=t("numbers.share.definition", lang)),
            html.Td(fmt_pct(share.share, lang), className="num share"),
            html.Td(t("numbers.share.points", lang, n=f"{pts:.1f}") if gain and pts >= 0.05 else "",
                    className="num gain share"),
        ],
        className="share-row",
    )  # fmt: skip


@reads_draft
def numbers_panel(catalog: Catalog, state: ViewState) -> html.Div:
    flt = state.effective().network_filter()
    s = summary(catalog, flt)
    shares = population_shares(catalog, flt)
    lang = state.lang
    body = []
    for group in GROUPS:
        body.append(html.Tr(html.Th([t(f"numbers.group.{group}", lang),
                                     html.Div(_caption(catalog, state, group), className="caption")],
                                    colSpan=3), className="group"))  # fmt: skip
        # no snapshot of the routes that early: the flights are not known, not none
        unknown = group == "routes" and routes_unknown(catalog, flt.as_of)
        for key, m in MEASURES.items():
            if m.group != group:
                continue
            gain = s["gain"][key]
            value = "—" if unknown else _value(s["coverage"][key], s["of"].get(key))
            body.append(html.Tr([
                html.Th(m.label(lang), title=m.definition(lang)),
                html.Td(value, className="num", **{"data-key": key}),
                html.Td(f"+{len(gain)}" if gain else "", className="num gain",
                        title=place_list(catalog, gain, m.scale, lang) if gain else None),
            ]))  # fmt: skip
            if key in WEIGHTED and shares[key].total and not unknown:  # (no BRI before 2013)
                body.append(share_row(shares[key], WEIGHTED[key], lang))
    counts = []
    for layer, x in LAYERS.items():
        c = s["counts"][layer]
        parts = [f"{t('status.' + k, lang)} {v}" for k, v in c.items() if v]
        counts.append(html.Li([html.Strong(x.label(lang) + ": "), ", ".join(parts) or "0"]))
    return html.Div(
        [
            html.H2(t("numbers", lang)),
            html.P(t("as_of", lang, year=state.year), className="as-of"),
            html.Table(html.Tbody(body), className="numbers-table"),
            html.P(t("numbers.gain_note", lang), className="muted small"),
            html.Ul(counts, className="counts"),
        ],
        id=ID.NUMBERS,
        className="panel numbers",
    )


def compare_scenarios(state: ViewState) -> list[tuple[str, ViewState]]:
    """The networks compare sets beside the existing one: the proposals chosen, the user's
    draft, and both together when there are both (each with its i18n key)."""
    st = state.with_(view="compare", compare="split")
    out = []
    if state.proposals:
        out.append(("compare.with_proposals", st.with_(draft=()).effective()))
    if state.draft:
        out.append(("compare.with_draft", st.with_(proposals=()).effective()))
    if state.proposals and state.draft:
        out.append(("compare.together", st.effective()))
    return out


def compare_titles(state: ViewState) -> tuple[str, str]:
    """The headings of compare's two maps (see ``ViewState.effective``)."""
    lang = state.lang
    base = t(_base_key(state), lang)
    if state.compare == "versus":
        left = t("compare.left_versus", lang, base=base) if state.proposals else base
        return left, t("compare.right_draft", lang, base=base) if state.draft else base
    if state.draft:
        if state.proposals:
            return base, t("compare.right_both", lang)
        return base, t("compare.right_draft", lang, base=base)
    return base, t("compare.right", lang)


def _base_key(state: ViewState) -> str:
    return "compare.left_planned" if "planned" in state.compare_base else "compare.left"


def compare_base_title(state: ViewState) -> str:
    """What compare sets the proposals against, in words ("Existing and planned")."""
    return t(_base_key(state), state.lang)


def compare_gains(catalog: Catalog, state: ViewState, scenarios) -> tuple:
    """(the left map's filter, its summary, each scenario's gain against it): every gain compare
    shows (its table, its slide, the API) is counted against the left map's network, planned
    items and all."""
    left = state.compare_baseline()
    return left, summary(catalog, left), [added_by(catalog, st.network_filter(), left)
                                          for _, st in scenarios]  # fmt: skip


@reads_draft
def compare_numbers(catalog: Catalog, state: ViewState) -> html.Div:
    """Each measure on the existing network and with each scenario (``compare_scenarios``):
    the value, what it gains and the places gained."""
    lang = state.lang
    scenarios = compare_scenarios(state)
    if not scenarios:
        return html.P(t("compare.pick", lang), className="hint")
    left, base_sum, gains = compare_gains(catalog, state, scenarios)
    head = [html.Th(""), html.Th(t(_base_key(state), lang))]
    for key, _ in scenarios:
        head += [html.Th(t(key, lang)), html.Th(t("numbers.gain", lang))]
    rows = [html.Tr(head)]
    span = 2 + 2 * len(scenarios)
    for group in GROUPS:
        rows.append(html.Tr(html.Th([t(f"numbers.group.{group}", lang),
                                     html.Div(_caption(catalog, state, group), className="caption")],
                                    colSpan=span), className="group"))  # fmt: skip
        unknown = group == "routes" and routes_unknown(catalog, left.as_of)
        for key, m in MEASURES.items():
            if m.group != group:
                continue
            if unknown:  # no snapshot of the routes that early: not known, not none
                rows.append(html.Tr([html.Th(m.label(lang), title=m.definition(lang)),
                                     *[html.Td("—", className="num") for _ in range(span - 1)]]))  # fmt: skip
                continue
            base, of = base_sum["coverage"][key], base_sum["of"].get(key)
            cells = [
                html.Th(m.label(lang), title=m.definition(lang)),
                html.Td(_value(base, of), className="num"),
            ]
            for (skey, _), added in zip(scenarios, gains):
                gain = added[key]
                cells += [
                    html.Td(_value(base + len(gain), of), className="num"),
                    html.Td([html.Strong(f"+{len(gain)}" if gain else "0"),
                             html.Div(place_list(catalog, gain, m.scale, lang, 40), className="places")],
                            className="num gain", **{"data-key": key, "data-scenario": skey.split(".")[1]}),
                ]  # fmt: skip
            rows.append(html.Tr(cells))
            if key in WEIGHTED:
                shares = [shares_against(catalog, st.network_filter(), left)[key]
                          for _, st in scenarios]  # fmt: skip
                if not shares[0].total:
                    continue
                row = share_row(shares[0], WEIGHTED[key], lang, gain=False).children[:1]
                row.append(html.Td(fmt_pct(shares[0].base_share, lang), className="num share"))
                for sh in shares:
                    pts = (sh.share - sh.base_share) * 100
                    row += [html.Td(fmt_pct(sh.share, lang), className="num share"),
                            # as the counts beside it: "0" when nothing changes, not a blank
                            html.Td(t("numbers.share.points", lang, n=f"{pts:.1f}") if pts >= 0.05 else "0",
                                    className="num gain share")]  # fmt: skip
                rows.append(html.Tr(row, className="share-row"))
    tracks = state.proposals
    return html.Div(
        [html.Table(html.Tbody(rows), className="numbers-table compare"),
         *[track_panel(catalog, state, p) for p in tracks]],
        className="panel",
    )  # fmt: skip


def _outcome_text(item, lang: str) -> str:
    text = t(f"track.{item.outcome.replace(' ', '_')}", lang)
    if item.realised_by:
        name = item.realised_by_zh if lang == "zh" else item.realised_by_en
        text += t("track.by", lang, name=name, date=fmt_date(item.realised_on, lang))
        if item.years_after is not None:
            text += t("track.years", lang, n=item.years_after)
    return text


def track_panel(catalog: Catalog, state: ViewState, proposal: str) -> html.Div:
    """A proposal's items and what became of each by the year shown."""
    lang = state.lang
    items = track_record(catalog, proposal, state.network_filter().as_of)
    summ = record_summary(items)
    lis = []
    for it in sorted(items, key=lambda i: (i.outcome == "not realised", i.layer, i.id)):
        name = it.name_zh if lang == "zh" else it.name_en
        bits = [
            html.Strong(name),
            " — ",
            html.Span(_outcome_text(it, lang), className=f"outcome {it.outcome.replace(' ', '-')}"),
        ]
        if it.basis != "named":
            bits.append(html.Span(f" ({t('basis.' + it.basis, lang)})", className="muted"))
        lis.append(html.Li(bits, **{"data-outcome": it.outcome}))
    title = t("track.title", lang, doc=document_label(catalog, proposal, lang))
    line = t("track.summary", lang, n=summ["items"], done=summ["realised"], part=summ["partly realised"],
             year=state.year)  # fmt: skip
    return html.Div([html.H3(title), html.P(line, className="muted"), html.Ul(lis, className="track")],
                    className="track-record", **{"data-proposal": proposal})  # fmt: skip


def details_placeholder(lang: str) -> html.Div:
    return html.Div(
        html.P(t("details.hint", lang), className="hint"), id=ID.DETAILS, className="panel details"
    )
