"""Side panels: notices, the numbers on screen, the compare numbers."""

from __future__ import annotations

from dash import html

from dashboard.i18n import fmt_int, t
from dashboard.ids import ID
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.layers import LAYERS
from geodata.measures import MEASURES, summary


def notice(warnings: list, lang: str):
    if not warnings:
        return None
    return html.Div(
        [
            html.Strong(t("notice.fallback", lang)),
            html.Ul([html.Li(str(w)) for w in warnings]),
        ],
        className="notice-box",
        role="status",
    )


def numbers_panel(catalog: Catalog, state: ViewState) -> html.Div:
    s = summary(catalog, state.effective().network_filter())
    lang = state.lang
    rows = []
    for key, m in MEASURES.items():
        gain = s["gain"][key]
        rows.append(
            html.Tr(
                [
                    html.Th(m.label(lang), title=m.definition(lang)),
                    html.Td(fmt_int(s["coverage"][key]), className="num", **{"data-key": key}),
                    html.Td(f"+{len(gain)}" if gain else "", className="num gain"),
                ]
            )
        )
    counts = []
    for layer, x in LAYERS.items():
        c = s["counts"][layer]
        parts = [f"{t('status.' + k, lang)} {v}" for k, v in c.items() if v]
        counts.append(html.Li([html.Strong(x.label(lang) + ": "), ", ".join(parts) or "0"]))
    return html.Div(
        [
            html.H2(t("numbers", lang)),
            html.P(t("as_of", lang, year=state.year), className="as-of"),
            html.Table(html.Tbody(rows), className="numbers-table"),
            html.Ul(counts, className="counts"),
        ],
        id=ID.NUMBERS,
        className="panel numbers",
    )


def compare_numbers(catalog: Catalog, state: ViewState) -> html.Div:
    lang = state.lang
    if not state.proposals:
        return html.P(t("compare.pick", lang), className="hint")
    s = summary(catalog, state.with_(view="compare").effective().network_filter())
    header = html.Tr(
        [
            html.Th(""),
            html.Th(t("compare.left", lang)),
            html.Th(t("compare.right", lang)),
            html.Th(t("numbers.gain", lang)),
        ]
    )
    rows = [header]
    for key, m in MEASURES.items():
        base, gain = s["baseline"][key], s["gain"][key]
        places = ", ".join(catalog.place_name(c, lang) for c in gain)
        rows.append(
            html.Tr(
                [
                    html.Th(m.label(lang), title=m.definition(lang)),
                    html.Td(fmt_int(base), className="num"),
                    html.Td(fmt_int(base + len(gain)), className="num"),
                    html.Td(
                        [
                            html.Strong(f"+{len(gain)}" if gain else "0"),
                            html.Div(places, className="places"),
                        ],
                        className="num gain",
                        **{"data-key": key},
                    ),
                ]
            )
        )
    routes = s["counts"]["routes"]
    offices = s["counts"]["offices"]
    extra = html.Ul(
        [
            html.Li(
                f"{LAYERS['offices'].label(lang)}: {t('status.proposed', lang)} +{offices['proposed']}"
            ),
            html.Li(
                f"{LAYERS['routes'].label(lang)}: {t('status.proposed', lang)} +{routes['proposed']}"
            ),
        ],
        className="counts",
    )
    return html.Div(
        [html.Table(html.Tbody(rows), className="numbers-table compare"), extra], className="panel"
    )


def details_placeholder(lang: str) -> html.Div:
    return html.Div(
        html.P(t("details.hint", lang), className="hint"), id=ID.DETAILS, className="panel details"
    )
