"""Views described in words, in either language: the default title of a scene ("Offices and
flights, ASEAN, 2026" — never ids) and the text alternative of a map."""

from __future__ import annotations

from dashboard.i18n import t
from dashboard.state import ViewState
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
    if state.regions:
        parts.append(_JOIN[lang].join(_region_name(catalog, r, lang) for r in state.regions))
    parts.append(t("describe.year", lang, year=state.year))
    title = _JOIN[lang].join(parts) if lang == "en" else "，".join(parts)
    if state.proposals:
        props = _JOIN[lang].join(document_label(catalog, p, lang) for p in state.proposals)
        title += t("describe.with", lang, what=props)
    return title
