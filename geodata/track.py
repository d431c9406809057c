"""Each proposal's track record: every item it proposed, with what became of it by a date.

An item is a row of a point table with ``status = proposed`` and the proposal's
``document_id``. Its outcome on ``as_of``:

- ``realised``: its ``realised_by`` row exists on that date (the office or route that did it);
- ``partly realised``: the same, for a proposal that names only a region (one office in "Belt
  and Road countries" realises part of "more ETOs in Belt and Road countries");
- ``not realised``: otherwise.

The years after are counted from the proposal document's date to the realising row's opening.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

import pandas as pd

from geodata.catalog import Catalog
from geodata.dates import date_start
from geodata.layers import LAYERS
from geodata.network import status_at
from geodata.schema import TABLES

REALISED, PARTLY, NOT = "realised", "partly realised", "not realised"
OUTCOMES = (REALISED, PARTLY, NOT)


@dataclass(frozen=True)
class Item:
    proposal: str
    layer: str
    id: str
    name_en: str
    name_zh: str
    kind: str  # an office kind, or the layer for routes and cities
    basis: str
    outcome: str
    realised_by: str = ""
    realised_by_en: str = ""
    realised_by_zh: str = ""
    realised_on: str = ""
    years_after: float | None = None
    source: str = ""
    confidence: str = ""


def _years(start: str, end: str) -> float | None:
    a, b = date_start(start), date_start(end)
    if not a or not b:
        return None
    days = (pd.Timestamp(b) - pd.Timestamp(a)).days
    return round(days / 365.25, 1)


#: What an item of a layer named after its city is ("Berlin" alone does not say it is a sister city)
ITEM_OF = {
    "cities": ("Sister city: {}", "姊妹城市：{}"),
    "routes": ("Nonstop route to {}", "直航航線：{}"),
}


def _named(layer: str, name: str, lang: str) -> str:
    if layer not in ITEM_OF:
        return name
    return ITEM_OF[layer][1 if lang == "zh" else 0].format(name)


@lru_cache(maxsize=64)
def track_record(catalog: Catalog, proposal: str, as_of: str) -> tuple[Item, ...]:
    """The items of one proposal document with their outcome on ``as_of`` (YYYY-MM-DD)."""
    doc_date = catalog.document_dates.get(proposal, "")
    out: list[Item] = []
    for layer in LAYERS.values():
        df = catalog.table(layer.table)
        spec = TABLES[layer.table]
        exists = status_at(catalog, layer.table, as_of) == "existing"
        by_id = {i: k for k, i in enumerate(df["id"])}
        rows = df[(df["document_id"] == proposal) & (df["status"] == "proposed")]
        for r in rows.to_dict("records"):
            ref = r.get("realised_by", "")
            k = by_id.get(ref)
            done = k is not None and bool(exists[k])
            outcome = NOT
            if done:
                outcome = PARTLY if r.get("basis") == "region" else REALISED
            item = dict(
                proposal=proposal, layer=layer.id, id=r["id"],
                name_en=_named(layer.id, r[layer.name[0]], "en"),
                name_zh=_named(layer.id, r[layer.name[1]] or r[layer.name[0]], "zh"),
                kind=r.get("kind", layer.id), basis=r.get("basis", "") or "named", outcome=outcome,
                source=r["source"], confidence=r.get("confidence", ""),
            )  # fmt: skip
            if done:
                real = df.iloc[k]
                opened = next((real[c] for c in spec.start if real.get(c)), "")
                item.update(realised_by=ref, realised_by_en=real[layer.name[0]],
                            realised_by_zh=real[layer.name[1]], realised_on=opened,
                            years_after=_years(doc_date, opened))  # fmt: skip
            out.append(Item(**item))
    return tuple(out)


def record_summary(items: tuple[Item, ...]) -> dict:
    """How many items, and how many realised, partly realised and not realised."""
    counts = {o: sum(1 for i in items if i.outcome == o) for o in OUTCOMES}
    n = len(items)
    return {"items": n, **counts, "share_realised": round(counts[REALISED] / n, 3) if n else None}


def as_dicts(items: tuple[Item, ...]) -> list[dict]:
    return [asdict(i) for i in items]
