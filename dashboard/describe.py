"""Views described in words, in either language: the default title of a scene ("Offices and
flights, ASEAN, 2026" — never ids) and the text alternative of a map."""

from __future__ import annotations

from dashboard.i18n import fmt_date, t
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.text import pick

_JOIN = {"en": ", ", "zh": "、"}


def _and(items: list[str], lang: str) -> str:
    if not items:
        return ""
    if lang == "zh":
        return "及".join(["、".join(items[:-1]), items[-1]] if len(items) > 1 else items)
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def document_label(catalog: Catalog, doc_id: str, lang: str) -> str:
    """A document's short label (``label_en``/``label_zh``), else its title and year."""
    d = catalog.documents[catalog.documents["id"] == doc_id]
    if d.empty:
        return doc_id
    r = d.iloc[0]
    return (
        pick(r["label_en"], r["label_zh"], lang)
        or f"{pick(r['title_en'], r['title_zh'], lang)} ({r['date'][:4]})"
    )


def _region_name(catalog: Catalog, region_id: str, lang: str) -> str:
    r = catalog.regions[catalog.regions["id"] == region_id]
    return pick(r["name_en"].iloc[0], r["name_zh"].iloc[0], lang) if len(r) else region_id


def view_title(catalog: Catalog, state: ViewState, lang: str) -> str:
    """A short readable title for a view: what it shows, where, when, against which proposal."""
    things = [t(f"layer.{x}", lang) for x in state.point_layers]
    if not things:
        things = [t(f"metric.{state.metric}", lang)]
    parts = [_and(things, lang)]
    if state.airlines:
        parts[0] += t(
            "describe.airlines",
            lang,
            names=_and([catalog.airline_name(a, lang) for a in state.airlines], lang),
        )
    if state.regions:
        parts.append(_JOIN[lang].join(_region_name(catalog, r, lang) for r in state.regions))
    parts.append(t("describe.year", lang, year=state.year))
    title = _JOIN[lang].join(parts) if lang == "en" else "，".join(parts)
    if state.proposals:
        props = _JOIN[lang].join(document_label(catalog, p, lang) for p in state.proposals)
        title += t("describe.with", lang, what=props)
    return title


def kinds_text(state: ViewState, lang: str) -> str:
    """Which office kinds the numbers count, in words."""
    from geodata.kinds import DEFAULT_KINDS, KINDS

    kinds = state.kinds or tuple(KINDS)
    if set(kinds) == set(KINDS):
        return t("numbers.kinds.all", lang)
    if set(kinds) == set(DEFAULT_KINDS):
        return t("numbers.kinds.default", lang)
    return t(
        "numbers.kinds.some", lang, kinds=_JOIN[lang].join(t(f"kind.{k}", lang) for k in kinds)
    )


def evidence_source(catalog: Catalog, ev: dict, lang: str) -> str:
    """What a year's routes rest on (``network.route_evidence``): its own snapshot, the latest
    known one, or none yet."""
    d = catalog.documents[catalog.documents["id"] == ev["document_id"]]
    label = pick(d["label_en"].iloc[0], d["label_zh"].iloc[0], lang) if len(d) else ""
    date = fmt_date(ev["date"], lang)
    if ev["kind"] == "current" and date and date in label:  # its label gives the dates already
        return t("evidence.current.dated", lang, source=label)
    return t(f"evidence.{ev['kind']}", lang, source=label, date=date)


def evidence_text(catalog: Catalog, state: ViewState, lang: str) -> str:
    """What the routes shown count and rest on: services, regularity, and the route evidence
    of the year (a snapshot of the year, the latest known one, or none)."""
    from geodata.network import route_evidence
    from geodata.schema import REGULARITIES

    source = evidence_source(catalog, route_evidence(catalog, state.network_filter().as_of), lang)
    services = state.services or ("passenger", "cargo")
    what = _and([t(f"service.{s}", lang) for s in services if s != "both"], lang)
    regs = state.regularities or REGULARITIES
    how = _and([t(f"regularity.{r}", lang).lower() for r in regs], lang)
    text = t("evidence.what", lang, what=what, how=how, source=source)
    if state.airlines:
        names = _and([catalog.airline_name(a, lang) for a in state.airlines], lang)
        text = t("evidence.airlines", lang, names=names) + text
    return text


@reads_draft
def map_alt(catalog: Catalog, state: ViewState, lang: str, side: str | None = None) -> str:
    """The text alternative of a map: what it shows, in sentences with the numbers (the same
    selection and classes the map draws, and the numbers panel's measures)."""
    from geodata.layers import LAYERS
    from geodata.measures import MEASURES, summary
    from geodata.metrics import METRICS, country_metrics
    from geodata.network import select

    st = state.effective(side)
    flt = st.network_filter()
    sel = select(catalog, flt)
    end = "。" if lang == "zh" else ". "
    out = [t("alt.map", lang, title=view_title(catalog, st, lang))]
    for lid in st.point_layers:
        layer = LAYERS[lid]
        df = sel.layer(lid)
        cls = layer.classify(df) if len(df) else []
        counts = [(c, int((cls == c).sum())) for c in layer.classes] if len(df) else []
        bits = [
            t("alt.count", lang, n=n, what=t(f"status.{c}", lang).lower()) for c, n in counts if n
        ]
        out.append(t("alt.layer", lang, layer=layer.label(lang), n=len(df),
                     detail=_JOIN[lang].join(bits) or "—"))  # fmt: skip
        if lid == "routes":  # a year without its own route evidence says so on the frame
            from geodata.network import route_evidence

            ev = route_evidence(catalog, flt.as_of)
            if ev["kind"] != "current":
                said = evidence_source(catalog, ev, lang)
                out.append(said[:1].upper() + said[1:])
    if "coverage" in st.layers:
        m = METRICS[st.metric]
        cm = country_metrics(catalog, flt, st.point_layers)
        vals = cm.loc[cm["in_region"], st.metric]
        if m.categorical:
            bits = [t("alt.count", lang, n=int((vals == c.value).sum()), what=c.label(lang).lower())
                    for c in reversed(m.categories[1:]) if (vals == c.value).any()]  # fmt: skip
        else:
            bits = [t("alt.atleast", lang, n=int((vals > 0).sum()), top=int(vals.max() or 0))]
        detail = _JOIN[lang].join(bits) or "—"
        if bool(cm.loc["CHN", "in_region"]) and vals.get("CHN", 0) > 0:  # not a partner country
            detail += t("alt.china", lang)
        out.append(t("alt.colour", lang, metric=m.label(lang), detail=detail))
    if st.proposals:
        s = summary(catalog, flt)
        bits = [
            f"{MEASURES[k].label(lang)} {s['baseline'][k]} → {s['coverage'][k]} (+{len(g)})"
            for k, g in s["gain"].items()
            if g
        ]
        out.append(
            t("alt.gain", lang, detail=_JOIN[lang].join(bits) if bits else t("alt.nogain", lang))
        )
    return end.join(x.rstrip(".。") for x in out) + end.strip()
