"""The screen maps' legend, in HTML over the map (the figure keeps its whole frame for the map).

Built from the same trace properties as the figure (``mapfig.trace_updates``), so the legend
says exactly what is drawn: the colour key of the choropleths, each visible class of each
point layer with its count, region-level proposals, office kinds by symbol, and the distance
rings of the Hong Kong-centred view. Wide maps (present mode, slides) draw plotly's own legend.
"""

from __future__ import annotations

from dash import html

from dashboard.figures import mapfig
from dashboard.figures import palette as pal
from dashboard.figures import symbols as sym
from dashboard.i18n import t
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.kinds import KINDS
from geodata.layers import DRAW_ORDER, LAYERS
from geodata.metrics import METRICS
from geodata.network import select


def _swatch(colour: str, border: str = "") -> html.Span:
    style = {"background": colour}
    if border:
        style["border"] = f"1.5px solid {border}"
    return html.Span(className="sw", style=style)


def _icon(svg: str, cls: str = "sym") -> html.Img:
    return html.Img(src=sym.data_uri(svg), className=cls, alt="")


def _line(style: dict) -> html.Img:
    return _icon(
        sym.line_svg(style["color"], style.get("width", 1), style.get("dash", "solid")), "ln"
    )


def _marker(symbol: str, status: str, scale: float = 1.0) -> html.Img:
    suffix, fill, outline, width = pal.marker_style(status)
    return _icon(sym.symbol_svg(symbol + suffix, fill, outline, width, scale))


def _kind(symbol: str, scale: float) -> html.Img:
    return _icon(sym.symbol_svg(symbol, "#1d2733", "#ffffff", 1.0, scale))


def _colour_key(metric: str, lang: str, zmax: float | None, title: str) -> html.Div:
    m = METRICS[metric]
    if m.categorical:
        rows = [html.Li([_swatch(c.colour), c.label(lang)]) for c in m.categories]
        return html.Div([html.Div(title, className="lg-title"), html.Ul(rows, className="lg-cats")])
    grad = f"linear-gradient(to right, {', '.join(m.colours)})"
    return html.Div([html.Div(title, className="lg-title"),
                     html.Div(className="lg-grad", style={"background": grad}),
                     html.Div([html.Span("0"), html.Span(f"{int(zmax or 1)}")], className="lg-ends")])  # fmt: skip


@reads_draft
def legend_panel(
    catalog: Catalog, state: ViewState, side: str | None = None, shape: str = "normal"
) -> list:
    """The legend's children for a screen map of ``state``."""
    lang = state.lang
    upd = mapfig.trace_updates(catalog, state, side, shape)
    metric = mapfig.metric_of(state, side)
    parts = []
    if "coverage" in state.layers:
        cov = upd["coverage"]
        parts.append(_colour_key(metric, lang, cov.get("zmax"), t(f"metric.{metric}", lang)))
    pmetric = METRICS[metric].for_level("province")
    if "provinces" in state.layers and (pmetric != metric or "coverage" not in state.layers):
        title = t("layer.provinces", lang) + " · " + t(f"metric.{pmetric}", lang)
        parts.append(_colour_key(pmetric, lang, upd["provinces"].get("zmax"), title))
    # compare's two maps share one legend (under the right map): what either map draws
    sides = ("right", "left") if state.view == "compare" and side == "right" else (side,)
    items: dict[str, html.Li] = {}
    for sd in sides:
        for key, li in _point_items(
            upd if sd == side else mapfig.trace_updates(catalog, state, sd, shape)
        ):
            items.setdefault(key, li)
    if items:
        parts.append(html.Ul([items[k] for k in sorted(items, key=_order)], className="lg-items"))
    if "offices" in state.layers:
        kinds = kinds_drawn(catalog, state, sides)
        if kinds:
            parts.append(html.Ul([html.Li([_kind(KINDS[k].symbol, KINDS[k].scale), KINDS[k].label(lang)])
                                  for k in kinds], className="lg-kinds"))  # fmt: skip
    if state.projection == "hk":
        parts.append(html.Div([_line({"color": "#5f6b7a", "dash": "dot", "width": 1}), t("legend.rings", lang)],
                              className="lg-items"))  # fmt: skip
    return parts


def kinds_drawn(catalog: Catalog, state: ViewState, sides) -> list[str]:
    """The office kinds the maps of ``sides`` draw, in the registry's order (the screen's
    legend and a slide's list them by shape)."""
    shown = set().union(*(select(catalog, state.effective(sd).network_filter()).offices["kind"]
                          for sd in sides))  # fmt: skip
    return sorted(shown, key=list(KINDS).index)


def _order(trace: str) -> tuple[int, int]:
    """A legend line's place: the layer drawn on top first, then its classes in order."""
    lid = next(k for k in DRAW_ORDER if trace.startswith(k + "_"))
    rest = trace[len(lid) + 1 :]
    tail = [*LAYERS[lid].classes, "busy", "areas"]
    return -DRAW_ORDER.index(lid), tail.index(rest) if rest in tail else len(tail)


def _point_items(upd: dict) -> list[tuple[str, html.Li]]:
    """(trace, legend line) of each visible class of each point layer, the layer on top first."""
    items = []
    for lid in reversed(DRAW_ORDER):
        layer = LAYERS[lid]
        for c in layer.classes:
            tr = upd[f"{lid}_{c}"]
            if tr.get("visible") is not True:
                continue
            icon = _line(pal.ROUTE_LINES[c]) if layer.draw == "arcs" else _marker(layer.symbol, c)
            items.append(
                (f"{lid}_{c}", html.Li([icon, tr["name"]], **{"data-trace": f"{lid}_{c}"}))
            )
        busy = upd.get(f"{lid}_busy", {})
        if busy.get("visible") is True:
            key = f"{lid}_busy"
            items.append(
                (key, html.Li([_line(pal.ROUTE_BUSY), busy["name"]], **{"data-trace": key}))
            )
        if layer.areas:
            for lv in mapfig.AREA_LEVELS:
                tr = upd[f"{lid}_areas_{lv}"]
                if tr.get("visible") is True:
                    li = html.Li([_swatch(pal.AREA_FILL, pal.AREA_LINE), tr["name"]])
                    items.append((f"{lid}_areas", li))
                    break
    return items


def legend_container(map_id: str, lang: str, children: list | None = None) -> html.Details:
    """The collapsible box the legend lives in (open on wide screens, closed on phones)."""
    return html.Details([html.Summary(t("legend", lang)), html.Div(children or [], id=f"{map_id}-legend")],
                        className="panel map-legend", open=True)  # fmt: skip
