"""The click panel: everything about a place — all its links with Hong Kong, each with its
source. What a record's item says comes from its layer's declaration (``geodata/layers.py``)."""

from __future__ import annotations

import re

from dash import html

from dashboard.figures.hover import place_note
from dashboard.format import field_text
from dashboard.i18n import fmt_date, t
from dashboard.layout.about import doc_anchor
from dashboard.state import ViewState, reads_draft
from geodata.catalog import Catalog
from geodata.codes import DRAFT_ID, is_adcode
from geodata.layers import LAYERS, PointLayer
from geodata.network import facts_in_force, select
from geodata.text import pick

AREA_KINDS = ("country", "province")
KINDS = (*LAYERS, *AREA_KINDS)


def parse_target(customdata) -> tuple[str, str] | None:
    """'offices:eto-bangkok' -> ('offices', 'eto-bangkok'); None for anything else."""
    if not isinstance(customdata, str) or ":" not in customdata:
        return None
    kind, _, key = customdata.partition(":")
    if (
        kind not in KINDS
        or not key
        or (kind in AREA_KINDS and (kind == "province") != is_adcode(key))
    ):
        return None
    return kind, key


def target_from_click(click: dict | None) -> tuple[str, str] | None:
    try:
        return parse_target(click["points"][0].get("customdata"))
    except (TypeError, KeyError, IndexError, AttributeError):
        return None


URL = re.compile(r"https?://[^\s,;()<>\"']+[^\s,;()<>\"'.]")


def linkify(text: str) -> list:
    """``text`` with each web address in it a link (opened in a new tab)."""
    out, last = [], 0
    for m in URL.finditer(text):
        out += [
            text[last : m.start()],
            html.A(m.group(0), href=m.group(0), target="_blank", rel="noopener"),
        ]
        last = m.end()
    out.append(text[last:])
    return [x for x in out if x != ""]


def _source(catalog: Catalog, row, lang: str) -> html.Div:
    docs = catalog.documents.set_index("id")
    doc = row["document_id"]
    title = docs.at[doc, "title_zh" if lang == "zh" else "title_en"] if doc in docs.index else doc
    url = docs.at[doc, "url"] if doc in docs.index else ""
    about = f"?view=about{'&lang=zh' if lang == 'zh' else ''}#{doc_anchor(doc)}"
    # the document's own address (a new tab), else its entry on the About page
    doc_el = (html.A(title, href=url, target="_blank", rel="noopener") if url
              else html.Strong(title) if doc == DRAFT_ID  # the user's own: on no page
              else html.A(title, href=about, target="_blank", rel="noopener"))  # fmt: skip
    bits = [html.Span(t("details.source", lang) + ": ", className="k"), doc_el,
            html.Span([" — ", *linkify(str(row["source"]))])]  # fmt: skip
    if row.get("confidence"):
        bits.append(
            html.Span(f" ({t('details.confidence', lang)}: {row['confidence']})", className="muted")
        )
    return html.Div(bits, className="source")


def _both_names(en: str, zh: str, lang: str) -> str:
    return f"{zh} {en}" if lang == "zh" else f"{en} {zh}"


def _status_words(catalog: Catalog, layer: PointLayer, r: dict, lang: str) -> str:
    """The record's status in words: who proposed it, and what realised it."""
    from dashboard.describe import document_label

    status = r.get("status_at") or r.get("status")
    words = t(f"status.{status}", lang)
    if status == "proposed" and r.get("document_id"):
        words = t("details.proposed_by", lang, doc=document_label(catalog, r["document_id"], lang))
    if r.get("realised_by"):
        table = catalog.table(layer.table)
        hit = table[table["id"] == r["realised_by"]]
        if len(hit):
            en, zh = (str(hit[c].iloc[0] or "") for c in layer.name)
            words += t("details.realised_as", lang, name=pick(en, zh, lang))
    return words


def record_item(catalog: Catalog, layer: PointLayer, r: dict, lang: str) -> html.Li:
    """One record as its layer declares it: names, subtitle, fields, notes, source."""
    en, zh = (r.get(c, "") for c in layer.name)
    head = _both_names(en, zh, lang)
    if r.get("dest_iata"):
        head += f" ({r['dest_iata']})"
    sub = [_status_words(catalog, layer, r, lang) if f == "status" else field_text(f, r.get(f), lang)
           for f in layer.subtitle]  # fmt: skip
    if r.get("new_2024_25") == "yes":
        sub.append(t("status.new", lang))
    lines = [html.Strong(head), html.Div(" · ".join(s for s in sub if s))]
    for f in (*layer.fields, *layer.details_only):
        text = field_text(f.format, r.get(f.column), lang, catalog)
        if text and f.format != "iata" and f.column != "realised_by":  # (said with the status)
            lines.append(html.Div(f"{f.label(lang)}: {text}"))
    if note := place_note(layer, r, lang):
        lines.append(html.Div(note, className="muted"))
    if r.get("basis") in ("inferred", "region"):
        lines.append(html.Div(t("basis." + r["basis"], lang), className="basis"))
    if r.get("notes"):
        lines.append(html.Div(f"{t('details.notes', lang)}: {r['notes']}", className="muted"))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _fact_item(catalog: Catalog, r, lang: str) -> html.Li:
    detail = r.get("detail_zh") if lang == "zh" else r.get("detail_en")
    head = t("fact." + r["fact"], lang)
    when = fmt_date(r["date"], lang) if r.get("date") else ""
    value = r.get("value")
    lines = [html.Strong(head + (f" · {when}" if when else "") + (f" · {value}" if value else ""))]
    if detail:
        lines.append(html.Div(detail))
    lines.append(_source(catalog, r, lang))
    return html.Li(lines)


def _section(title: str, items: list) -> list:
    return (
        [html.H4(f"{title} ({len(items)})"), html.Ul(items, className="detail-list")]
        if items
        else []
    )


def place_details(catalog: Catalog, state: ViewState, kind: str, code: str) -> list:
    """Everything about a country (iso3) or province (adcode) in the network shown."""
    lang = state.lang
    sel = select(catalog, state.network_filter())
    col = "country_iso3" if kind == "country" else "adcode"
    other = "en" if lang == "zh" else "zh"
    out = [html.H3(catalog.place_name(code, lang) + " · " + catalog.place_name(code, other))]
    for layer in LAYERS.values():
        df = sel.layer(layer.id)
        rows = df[df[col] == code].to_dict("records")
        out += _section(layer.label(lang), [record_item(catalog, layer, r, lang) for r in rows])
    if kind == "country":
        facts = facts_in_force(catalog, state.network_filter().as_of)
        facts = facts[facts["iso3"] == code]
        out += _section(
            t("details.facts", lang), [_fact_item(catalog, r, lang) for _, r in facts.iterrows()]
        )
    if len(out) == 1:
        out.append(html.P(t("details.none", lang), className="hint"))
    return out


@reads_draft
def details(catalog: Catalog, state: ViewState, target: tuple[str, str] | None) -> list:
    lang = state.lang
    if target is None:
        return [html.P(t("details.hint", lang), className="hint")]
    kind, key = target
    if kind in AREA_KINDS:
        return place_details(catalog, state, kind, key)
    layer = LAYERS[kind]
    df = catalog.table(layer.table)
    rows = df[df["id"] == key]
    if rows.empty:
        return [html.P(t("details.hint", lang), className="hint")]
    r = rows.iloc[0].to_dict()
    shown = select(catalog, state.network_filter()).layer(layer.id)
    match = shown[shown["id"] == key]
    r["status_at"] = match["status_at"].iloc[0] if len(match) else r["status"]
    item = record_item(catalog, layer, r, lang)
    if r["country_iso3"] != "CHN":
        more = place_details(catalog, state, "country", r["country_iso3"])
    else:
        more = place_details(catalog, state, "province", r["adcode"]) if r.get("adcode") else []
    return [html.Ul([item], className="detail-list main")] + more
