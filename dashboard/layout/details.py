"""The click panel: everything about a place — all its links with Hong Kong, each with its source."""

from __future__ import annotations

from dash import html

from dashboard.i18n import fmt_date, t
from dashboard.layout.panels import place_name
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.network import LAYERS, select

KINDS = ("office", "route", "city", "country", "province")


def parse_target(customdata) -> tuple[str, str] | None:
    """'office:eto-bangkok' -> ('office', 'eto-bangkok'); None for anything else."""
    if not isinstance(customdata, str) or ":" not in customdata:
        return None
    kind, _, key = customdata.partition(":")
    return (kind, key) if kind in KINDS and key else None


def target_from_click(click: dict | None) -> tuple[str, str] | None:
    try:
        return parse_target(click["points"][0].get("customdata"))
    except (TypeError, KeyError, IndexError):
        return None


def _source(catalog: Catalog, row, lang: str) -> html.Div:
    docs = catalog.documents.set_index("id")
    doc = row["document_id"]
    title = docs.at[doc, "title_zh" if lang == "zh" else "title_en"] if doc in docs.index else doc
    url = docs.at[doc, "url"] if doc in docs.index else ""
    doc_el = html.A(title, href=url, target="_blank", rel="noopener") if url else html.Span(title)
    bits = [html.Span(t("details.source", lang) + ": ", className="k"), doc_el, html.Span(f" — {row['source']}")]
    if row.get("confidence"):
        bits.append(html.Span(f" ({t('details.confidence', lang)}: {row['confidence']})", className="muted"))
    return html.Div(bits, className="source")


def _name(row, lang: str, base: str = "name") -> str:
    en, zh = row.get(f"{base}_en", ""), row.get(f"{base}_zh", "")
    return f"{zh} {en}" if lang == "zh" else f"{en} {zh}"


def _office_item(catalog: Catalog, r, lang: str) -> html.Li:
    lines = [html.Strong(_name(r, lang)),
             html.Div(f"{t('kind.' + r['kind'], lang)} · {t('status.' + r['status_at'], lang)}")]
    for col, key in (("opened", "details.opened"), ("closed", "details.closed")):
        if r.get(col):
            lines.append(html.Div(f"{t(key, lang)}: {fmt_date(r[col], lang)}"))
    if r.get("parent_id"):
        parent = catalog.offices.set_index("id")
        if r["parent_id"] in parent.index:
            lines.append(html.Div(f"{t('details.parent', lang)}: {_name(parent.loc[r['parent_id']], lang)}"))
    if r.get("realised_by"):
        o = catalog.offices.set_index("id")
        if r["realised_by"] in o.index:
            lines.append(html.Div(f"{t('details.realised_by', lang)}: {_name(o.loc[r['realised_by']], lang)}"))
    if r.get("precision") in ("country", "province", "region"):
        lines.append(html.Div(t("details.approx", lang), className="muted"))
    if r.get("notes"):
        lines.append(html.Div(f"{t('details.notes', lang)}: {r['notes']}", className="muted"))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _route_item(catalog: Catalog, r, lang: str) -> html.Li:
    lines = [html.Strong(f"{_name(r, lang, 'city')} ({r['dest_iata']})"),
             html.Div(f"{t('service.' + r['service'], lang)} · {t('status.' + r['status_at'], lang)}"
                      + (f" · {t('status.new', lang)}" if r.get("new_2024_25") == "yes" else ""))]
    if r.get("since"):
        lines.append(html.Div(f"{t('details.since', lang)}: {fmt_date(r['since'], lang)}"))
    if r.get("airlines"):
        lines.append(html.Div(f"{t('details.airlines', lang)}: {r['airlines'].replace(';', ', ')}"))
    if r.get("frequency"):
        lines.append(html.Div(f"{t('details.frequency', lang)}: {r['frequency']}"))
    if r.get("notes"):
        lines.append(html.Div(f"{t('details.notes', lang)}: {r['notes']}", className="muted"))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _city_item(catalog: Catalog, r, lang: str) -> html.Li:
    lines = [html.Strong(_name(r, lang, "city")), html.Div(t("status." + r["status_at"], lang))]
    if r.get("theme"):
        lines.append(html.Div(t("theme." + r["theme"], lang)))
    if r.get("notes"):
        lines.append(html.Div(f"{t('details.notes', lang)}: {r['notes']}", className="muted"))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _fact_item(catalog: Catalog, r, lang: str) -> html.Li:
    detail = r.get("detail_zh") if lang == "zh" else r.get("detail_en")
    head = t("fact." + r["fact"], lang)
    when = fmt_date(r["date"], lang) if r.get("date") else ""
    lines = [html.Strong(head + (f" · {when}" if when else "") + (f" · {r['value']}" if r.get("value") else ""))]
    if detail:
        lines.append(html.Div(detail))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _section(title: str, items: list) -> list:
    return [html.H4(f"{title} ({len(items)})"), html.Ul(items, className="detail-list")] if items else []


def place_details(catalog: Catalog, state: ViewState, kind: str, code: str) -> list:
    """Everything about a country (iso3) or province (adcode) in the network shown."""
    lang = state.lang
    sel = select(catalog, state.network_filter())
    col = "country_iso3" if kind == "country" else "adcode"
    offices = sel.offices[sel.offices[col] == code]
    routes = sel.routes[sel.routes[col] == code]
    cities = sel.cities[sel.cities[col] == code]
    out = [html.H3(place_name(catalog, code, lang if lang == "zh" else "en")
                   + " · " + place_name(catalog, code, "en" if lang == "zh" else "zh"))]
    out += _section(t("layer.offices", lang), [_office_item(catalog, r, lang) for _, r in offices.iterrows()])
    out += _section(t("layer.routes", lang), [_route_item(catalog, r, lang) for _, r in routes.iterrows()])
    out += _section(t("layer.cities", lang), [_city_item(catalog, r, lang) for _, r in cities.iterrows()])
    if kind == "country":
        facts = catalog.country_facts[catalog.country_facts["iso3"] == code]
        facts = facts[[not d or d[:4] <= str(state.year) for d in facts["date"]]]
        out += _section(t("details.facts", lang), [_fact_item(catalog, r, lang) for _, r in facts.iterrows()])
    if len(out) == 1:
        out.append(html.P(t("details.none", lang), className="hint"))
    return out


def details(catalog: Catalog, state: ViewState, target: tuple[str, str] | None) -> list:
    lang = state.lang
    if target is None:
        return [html.P(t("details.hint", lang), className="hint")]
    kind, key = target
    if kind in ("country", "province"):
        return place_details(catalog, state, kind, key)
    table = {"office": "offices", "route": "routes", "city": "partner_cities"}[kind]
    df = catalog.table(table)
    rows = df[df["id"] == key]
    if rows.empty:
        return [html.P(t("details.hint", lang), className="hint")]
    r = rows.iloc[0].to_dict()
    layer = {t: name for name, t in LAYERS.items()}[table]
    sel = select(catalog, state.network_filter()).layer(layer)
    match = sel[sel["id"] == key]
    r["status_at"] = match["status_at"].iloc[0] if len(match) else r["status"]
    item = {"office": _office_item, "route": _route_item, "city": _city_item}[kind](catalog, r, lang)
    country = r["country_iso3"]
    more = place_details(catalog, state, "country", country) if country not in ("CHN",) else (
        place_details(catalog, state, "province", r["adcode"]) if r.get("adcode") else [])
    return [html.Ul([item], className="detail-list main")] + more
