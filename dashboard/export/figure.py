"""Slide-ready figures: the map of a view with title, legend, source line and date stamped in.

Pure functions (no kaleido here): the same figure feeds PNG/SVG/PDF export, the briefing
PDF and the offline briefing HTML.  Geometry is inlined (an exported file or an offline
page cannot fetch ``/geo/...``).
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import re
import unicodedata
from functools import lru_cache

from dashboard.figures import mapfig
from dashboard.i18n import t
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.measures import MEASURES, summary
from geodata.metrics import METRICS
from geodata.network import facts_in_force, select

# exports draw the world's detail whatever level the screen drew
GEO_FILES = {
    mapfig.WORLD_URL: "world.geojson",
    mapfig.WORLD_SCREEN_URL: "world.geojson",
    mapfig.CHINA_URL: "china.geojson",
}
# Latin letters and digits from a Latin face first (the CJK face's digits lose their text in
# PDFs: a search for "36" would not find it), Chinese from Noto Sans CJK HK
FONT = "Liberation Sans, Arial, Helvetica, Noto Sans CJK HK, Noto Sans CJK TC, Microsoft JhengHei, PingFang TC, sans-serif"


@lru_cache(maxsize=8)
def geojson(catalog: Catalog, url: str) -> dict:
    """The boundary GeoJSON the map draws from ``url``, read from the catalog's folder."""
    return json.loads((catalog.boundaries_dir / GEO_FILES[url]).read_text(encoding="utf-8"))


def _features(catalog: Catalog, url: str, key: str, codes: tuple) -> dict:
    """The GeoJSON of ``url`` with only the features whose ``key`` property is in ``codes``."""
    wanted = set(codes)
    feats = [f for f in geojson(catalog, url)["features"] if f["properties"].get(key) in wanted]
    return {"type": "FeatureCollection", "features": feats}


def inline_geometry(catalog: Catalog, fig: dict) -> dict:
    """A copy of ``fig`` whose choropleths carry their GeoJSON instead of a URL — only the
    features each trace draws (a file or an offline page cannot fetch ``/geo/...``, and the
    renderer's time grows with the size of the figure)."""
    fig = {"data": [dict(tr) for tr in fig["data"]], "layout": copy.deepcopy(fig["layout"])}
    for tr in fig["data"]:
        if tr.get("geojson") in GEO_FILES:
            if tr.get("visible", True) is False or not tr.get("locations"):
                tr["geojson"] = {"type": "FeatureCollection", "features": []}
            else:
                key = tr.get("featureidkey", "id").split(".")[-1]
                tr["geojson"] = _features(catalog, tr["geojson"], key, tuple(tr["locations"]))
    return fig


@reads_draft
def source_ids(catalog: Catalog, state: ViewState) -> list[str]:
    """Ids of the documents behind what a view draws (most records first): the records of the
    point layers shown, and what the choropleths' metrics count (their declared layers and
    country facts)."""
    flt = state.network_filter()
    sel = select(catalog, flt)
    layers = set(state.point_layers)
    facts: tuple[str, ...] = ()
    for area, level in (("coverage", "country"), ("provinces", "province")):
        if area in state.layers:
            metric = METRICS[METRICS[state.metric].for_level(level)]
            layers |= set(metric.layers)
            facts += metric.facts if level == "country" else ()
    counts: dict[str, int] = {}
    docs = [d for layer in sorted(layers) for d in sel.layer(layer)["document_id"]]
    if facts:
        docs += list(facts_in_force(catalog, flt.as_of, tuple(sorted(set(facts))))["document_id"])
    for d in docs:
        counts[d] = counts.get(d, 0) + 1
    return sorted(counts, key=lambda d: (-counts[d], d))


def attributions(catalog: Catalog, ids: list[str]) -> list[str]:
    """The attributions the licences of the cited datasets require (ODbL for OpenFlights)."""
    d = catalog.documents.set_index("id")
    out = []
    for i in ids:
        if i in d.index and "ODbL" in d.at[i, "licence"]:
            out.append("© OpenFlights.org contributors (ODbL)")
    return sorted(set(out))


SOURCE_CHARS = 170  # the documents named on a source line (the rest are counted)
LABEL_CHARS = 64


def _width(text: str) -> int:
    """Text width in Latin characters: a Chinese character is about two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` (``_width``), with an ellipsis when cut."""
    if _width(text) <= width:
        return text
    out = ""
    for c in text:
        if _width(out + c) > width - 1:
            break
        out += c
    return out.rstrip() + "…"


def source_parts(catalog: Catalog, state: ViewState, limit: int = SOURCE_CHARS) -> list[str]:
    """The source line's two parts: the documents behind what the view draws (most records
    first), named by their short labels as far as ``limit`` characters go and the rest counted;
    then the attributions their licences require, the draft's mark and, for views with routes,
    the route evidence of the year (which names the route snapshot: it is not listed twice)."""
    from dashboard.describe import document_label, evidence_text
    from geodata.network import route_evidence

    lang = state.lang
    ids = source_ids(catalog, state)
    evidence = ""
    if "routes" in state.layers:
        evidence = route_evidence(catalog, state.network_filter().as_of)["document_id"]
    docs = [x for x in ids if x != evidence]
    names: list[str] = []
    for i in docs:
        label = _clip(document_label(catalog, i, lang), LABEL_CHARS)
        if names and sum(_width(x) + 2 for x in names) + _width(label) > limit:
            break
        names.append(label)
    shown = ("、" if lang == "zh" else "; ").join(names)
    if len(docs) > len(names):
        shown += t("source_line.more", lang, n=len(docs) - len(names))
    extra = attributions(catalog, ids)
    if state.draft:
        extra.insert(0, t("draft.source", lang))
    if evidence:
        extra.insert(0, evidence_text(catalog, state, lang))
    return [t("source_line", lang, sources=shown or "—"), " · ".join(extra)]


def source_line(catalog: Catalog, state: ViewState) -> str:
    """The source line in one line (``source_parts``)."""
    return " ".join(x for x in source_parts(catalog, state) if x)


def draft_heading(state: ViewState) -> str:
    """A draft's name on a slide: its title, marked as a draft."""
    return (
        t("draft.slide_title", state.lang, title=state.draft_title)
        if state.draft_title
        else t("draft.slide_untitled", state.lang)
    )


def stamp(state: ViewState, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if state.lang == "zh":
        return f"{t('as_of', 'zh', year=state.year)} · 製作於 {today.isoformat()} · 香港網絡地圖集"
    return (
        f"{t('as_of', 'en', year=state.year)} · made {today.isoformat()} · Hong Kong Network Atlas"
    )


def plain(text: str) -> str:
    """User text as plain text in a figure: plotly reads a few HTML tags (<b>, <a href>) in text,
    so markup characters are written as entities and show as themselves; a line break (notes)
    becomes plotly's ``<br>``."""
    return html.escape(text or "", quote=False).replace("\n", "<br>")


def _no_route_evidence(catalog: Catalog, state: ViewState) -> tuple[str, ...]:
    """("routes",) for a year before any route snapshot (its flights are not known, not none)."""
    from geodata.network import routes_unknown

    return ("routes",) if routes_unknown(catalog, state.network_filter().as_of) else ()


def numbers_text(catalog: Catalog, state: ViewState, lang: str, limit: int = 7) -> str:
    """The numbers a slide carries: for a view with proposals, each measure that changes
    (existing → with the proposals, +gain), else the network shown; the same ``summary`` the
    page and the API use."""
    s = summary(catalog, state.effective().network_filter())
    unknown = _no_route_evidence(catalog, state)
    lines = []
    for key, m in MEASURES.items():
        if m.group in unknown:
            continue
        of = s["of"].get(key)

        def fmt(n, of=of):
            return f"{n}/{of}" if of else str(n)

        gain = len(s["gain"][key])
        proposing = bool(state.proposals or state.draft)
        if proposing and gain:
            lines.append(
                f"{m.label(lang)}: {fmt(s['baseline'][key])} → {fmt(s['coverage'][key])} (+{gain})"
            )
        elif not proposing and key in ("countries_with_office", "provinces_with_office",
                                             "cities_with_office", "countries_with_route"):  # fmt: skip
            lines.append(f"{m.label(lang)}: {fmt(s['coverage'][key])}")
    if not lines:
        return ""
    proposing = bool(state.proposals or state.draft)
    head = t("numbers", lang) + (f" · {t('numbers.gain', lang)}" if proposing else "")
    return "<b>" + plain(head) + "</b><br>" + "<br>".join(plain(x) for x in lines[:limit])


@reads_draft
def slide_figure(
    catalog: Catalog,
    state: ViewState,
    *,
    width: int = 1920,
    height: int = 1080,
    title: str = "",
    subtitle: str = "",
    note: str = "",
    today: dt.date | None = None,
) -> dict:
    """The whole view as one figure sized ``width``×``height`` with everything stamped in: title,
    subtitle, the map with its labels placed for this slide's size, legend, the numbers, note,
    source line and date. Every text of the user's is plain text. A view with a draft is titled
    by the draft (its title, else "My draft") unless a title is given, its note under it."""
    lang = state.lang
    if state.draft and not title:
        title = draft_heading(state)
        subtitle = subtitle or state.draft_note
    if not title:  # what the view shows, where, when and against which proposal
        from dashboard.describe import view_title

        title = view_title(catalog, state, lang)
    scale = max(0.6, min(width / 1920, height / 1080))
    top = int((110 if subtitle else 80) * scale)
    bottom = int((112 if note else 78) * scale)  # the source line takes two lines
    side = int(20 * scale)
    geo = (int((width - 2 * side) * (mapfig.MAP_DOMAIN_X_WIDE[1] - mapfig.MAP_DOMAIN_X_WIDE[0])),
           int(height - top - bottom))  # fmt: skip
    two = two_maps(state)
    if two:
        fig = inline_geometry(catalog, _side_by_side(catalog, state, geo, scale))
    else:
        fig = inline_geometry(catalog, mapfig.figure(catalog, state, None, shape="wide", size=geo))
    fig["data"] += kind_key(catalog, state, ("left", "right") if two else (None,))
    for tr in fig["data"]:
        if tr.get("uid") in ("labels", "ring_labels"):
            tr["textfont"] = {**tr.get("textfont", {}), "family": FONT}
    lay = fig["layout"]
    lay.update(
        width=width,
        height=height,
        margin={"l": side, "r": side, "t": top, "b": bottom},
        paper_bgcolor="white",
        font={"family": FONT, "size": int(16 * scale), "color": "#1d2733"},
        # a "<br>" subtitle inside title.text pushes the title above the page when yanchor is
        # "top" (plotly.js anchors the last line): title.subtitle is laid out below the title
        title={
            "text": f"<b>{plain(title)}</b>",
            **({"subtitle": {"text": plain(subtitle), "font": {"size": int(20 * scale), "color": "#5f6b7a"}}}
               if subtitle else {}),
            "x": 0.01, "xanchor": "left", "xref": "container", "y": 1 - 14 / height, "yref": "container",
            "yanchor": "top", "pad": {"t": 4}, "font": {"size": int(34 * scale)},
        },
        dragmode=False,
    )  # fmt: skip
    for g in ("geo", "geo2") if two else ("geo",):
        lay[g]["bgcolor"] = "#ffffff"
    lay["legend"] = {**lay["legend"], "font": {"size": int(15 * scale)}}
    small = {"size": int(13 * scale), "color": "#5f6b7a"}
    foot = {"xref": "paper", "yref": "paper", "y": 0, "yshift": -bottom + int(8 * scale), "yanchor": "bottom",
            "showarrow": False}  # fmt: skip
    annotations = [
        {
            **foot,
            "text": "<br>".join(plain(x) for x in source_parts(catalog, state) if x),
            "x": 0,
            "xanchor": "left",
            "align": "left",
            "font": small,
        },
        {**foot, "text": plain(stamp(state, today)), "x": 1, "xanchor": "right", "font": small},
    ]
    # compare, one map or two: counted against the left map's network, as the page counts
    compare = state.view == "compare"
    numbers = (
        compare_numbers_text(catalog, state, lang)
        if compare
        else numbers_text(catalog, state, lang)
    )
    if numbers:
        annotations.append({"text": numbers, "xref": "paper", "yref": "paper", "x": 0 if two else 0.79, "y": 0.0,
                            "xanchor": "left", "yanchor": "bottom", "showarrow": False, "align": "left",
                            "bgcolor": "rgba(255,255,255,0.9)", "font": {"size": int(13 * scale)}})  # fmt: skip
    if note:
        annotations.append({"text": plain(note), "xref": "paper", "yref": "paper", "x": 0, "y": 0,
                            "yshift": -bottom + int(52 * scale), "xanchor": "left", "yanchor": "bottom",
                            "showarrow": False, "align": "left", "font": {"size": int(15 * scale)}})  # fmt: skip
    lay["annotations"] = [*lay.get("annotations", []), *annotations]
    for tr in fig["data"]:
        if tr.get("type") == "choropleth" and "colorbar" in tr:
            tr["colorbar"] = {
                **tr["colorbar"],
                "thickness": int(16 * scale),
                "len": 0.2,
                "y": (0.02 if two else 0.42)
                if tr.get("uid") == "coverage"
                else (0.26 if two else 0.68),
                "yanchor": "bottom",
                "tickfont": {"size": int(13 * scale)},
                "title": {**tr["colorbar"].get("title", {}), "font": {"size": int(13 * scale)}},
            }
    return fig


def figure_title(fig: dict) -> str:
    """A slide's title as plain text (its markup and entities undone)."""
    text = fig["layout"].get("title", {}).get("text", "")
    return html.unescape(re.sub(r"<[^>]+>", "", text.replace("<br>", " ")))


def kind_key(catalog: Catalog, state: ViewState, sides) -> list[dict]:
    """Legend entries of the office kinds the slide's maps draw, by shape (the screen's legend
    has them; a slide's is plotly's, which lists traces): one empty trace a kind."""
    from dashboard.layout.legend import kinds_drawn
    from geodata.kinds import KINDS

    if "offices" not in state.layers:
        return []
    return [
        {"type": "scattergeo", "lat": [None], "lon": [None], "mode": "markers", "name": k.label(state.lang),
         "marker": {"symbol": k.symbol, "size": 10 * k.scale, "color": "#1d2733",
                    "line": {"color": "#ffffff", "width": 1}},
         "legendgroup": "kinds", "showlegend": True, "hoverinfo": "skip", "uid": f"kind-{k.id}"}
        for k in (KINDS[x] for x in kinds_drawn(catalog, state, sides))
    ]  # fmt: skip


def two_maps(state: ViewState) -> bool:
    """Whether the view is compare's two maps side by side (the slide draws both)."""
    return state.view == "compare" and state.compare in ("split", "versus")


def _side_by_side(catalog: Catalog, state: ViewState, size: tuple[int, int], scale: float) -> dict:
    """Compare's two maps in one figure, each in half the map's frame (``geo`` and ``geo2``),
    headed as on the page, the proposals named; one legend and one colour key for both (a
    class drawn on both maps is listed once)."""
    gap = 0.01
    mid = (mapfig.MAP_DOMAIN_X_WIDE[0] + mapfig.MAP_DOMAIN_X_WIDE[1]) / 2
    half = (int(size[0] * (0.5 - gap)), size[1] - int(40 * scale))
    left = mapfig.figure(catalog, state, "left", shape="wide", size=half)
    right = mapfig.figure(catalog, state, "right", shape="wide", size=half)
    listed = {tr.get("name") for tr in right["data"]
              if tr.get("visible") is True and tr.get("showlegend", True)}  # fmt: skip
    # one colour key for both maps: each choropleth spans both maps' range
    right_by_uid = {tr.get("uid"): tr for tr in right["data"]}
    for tr in left["data"]:
        if tr.get("name") in listed:
            tr["showlegend"] = False
        if tr.get("type") == "choropleth":
            tr["showscale"] = False
            other = right_by_uid.get(tr.get("uid"))
            if other is not None and "zmax" in tr and "zmax" in other:
                top = max(tr["zmax"], other["zmax"])
                tr["zmax"] = other["zmax"] = top
                bar = other.get("colorbar") or {}
                if "dtick" in bar:  # (a class key has its own ticks)
                    other["colorbar"] = {**bar, "dtick": max(1, -(-top // 5))}
    for tr in right["data"]:
        tr["geo"] = "geo2"
        if tr.get("uid"):
            tr["uid"] = f"{tr['uid']}-right"
    lay = left["layout"]
    # the two maps at the top; the numbers under them, across (a world in half the width is
    # short: the frame's lower part is free)
    top, bottom = 1 - 40 * scale / size[1], 0.3
    lay["geo"]["domain"] = {"x": [mapfig.MAP_DOMAIN_X_WIDE[0], mid - gap], "y": [bottom, top]}
    lay["geo2"] = {**right["layout"]["geo"],
                   "domain": {"x": [mid + gap, mapfig.MAP_DOMAIN_X_WIDE[1]], "y": [bottom, top]}}  # fmt: skip
    heads = slide_heads(catalog, state)
    lay["annotations"] = [
        {"text": f"<b>{plain(h)}</b>", "xref": "paper", "yref": "paper", "x": x, "y": 1.0,
         "xanchor": "left", "yanchor": "top", "showarrow": False, "font": {"size": int(18 * scale)}}
        for h, x in zip(heads, (mapfig.MAP_DOMAIN_X_WIDE[0], mid + gap))
    ]  # fmt: skip
    return {"data": left["data"] + right["data"], "layout": lay}


def slide_heads(catalog: Catalog, state: ViewState) -> tuple[str, str]:
    """The headings of compare's two maps on a slide: the page's, with the proposals named
    (a slide travels without the page's filter panel)."""
    from dashboard.describe import document_label
    from dashboard.layout.panels import compare_base_title

    lang = state.lang
    base = compare_base_title(state)
    named = t("compare.with_named", lang, base=base, names=" + ".join(
        document_label(catalog, p, lang) for p in state.proposals))  # fmt: skip
    if state.compare == "versus":
        left = named if state.proposals else base
        return left, t("compare.right_draft", lang, base=base) if state.draft else base
    right = named if state.proposals else base
    return base, t("compare.right_draft", lang, base=right) if state.draft else right


def compare_numbers_text(catalog: Catalog, state: ViewState, lang: str, limit: int = 7) -> str:
    """The numbers under compare's two maps: each measure that changes, from the left map's
    network (existing, and planned when shown) to each side's network, with its gain: the
    numbers table of the page (``panels.compare_numbers``), in short."""
    from dashboard.layout.panels import compare_base_title, compare_gains, compare_scenarios

    scenarios = compare_scenarios(state)
    _, base, gains = compare_gains(catalog, state, scenarios)
    unknown = _no_route_evidence(catalog, state)
    lines = []
    for key, m in MEASURES.items():
        if m.group in unknown:
            continue
        n = base["coverage"][key]
        if any(g[key] for g in gains):
            cols = " · ".join(f"{n + len(g[key])} (+{len(g[key])})" for g in gains)
            lines.append(f"{m.label(lang)}: {n} → {cols}")
    if not lines:
        return ""
    cols = " · ".join(t(k, lang) for k, _ in scenarios)
    head = f"{t('numbers', lang)}: {compare_base_title(state)} → {cols}"
    return "<b>" + plain(head) + "</b><br>" + "<br>".join(plain(x) for x in lines[:limit])
