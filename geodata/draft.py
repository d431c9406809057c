"""A user's own proposal (a *draft*), handled like a proposal document everywhere.

A draft is a short list of items written in links as ``draft=eto:SAU:Riyadh,office:IND,route:TAS``:

- ``<kind>:<place>`` adds an office of that kind (``office`` is short for ``eto``; any kind of
  ``kinds.KINDS``) at a country (ISO3), a province of the Mainland (adcode) or a city
  (``ISO3:City``, a city the data knows: ``CHN:Shenzhen``, ``VNM:Hanoi``);
- ``route:<IATA>`` adds a regular nonstop passenger route to an airport the data knows;
- ``sister:<ISO3:City>`` adds a sister city (a city the data knows).

``with_draft(catalog, draft)`` is the catalog with the draft's items as ``proposed`` rows of the
offices and routes tables, under a proposal document of id :data:`DRAFT_ID`: selections, numbers,
gains, maps, tables, details and exports then treat the draft as they treat any proposal.
``draft_tables`` gives the same rows in the curated tables' columns, for a maintainer to add to
the data as a new proposal document.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

import pandas as pd

from geodata.catalog import Catalog
from geodata.codes import DRAFT_ID, PART_OF_ADCODE
from geodata.joins import join_points
from geodata.kinds import KINDS
from geodata.schema import TABLES

ROUTE = "route"
SISTER = "sister"
#: ``office`` in a link means the HKSAR Government's full office abroad.
ALIASES = {"office": "eto"}
ITEM_KINDS = (*KINDS, ROUTE, SISTER)
MAX_ITEMS = 40
MAX_TEXT = 200  # characters of a draft's title or note
SOURCE = "Draft proposal made in the Hong Kong Network Atlas by its user (not a published document)"


@dataclass(frozen=True)
class Place:
    """Somewhere a draft item can go."""

    code: str  # ISO3, adcode, ISO3:City or IATA
    scale: str  # country, province, city, airport
    name_en: str
    name_zh: str
    iso3: str
    adcode: str
    lat: float
    lon: float
    located: str = ""  # how the point was found, when not the scale's own: "airport"


@dataclass(frozen=True)
class DraftItem:
    kind: str  # an office kind or "route"
    place: str  # the place's code

    @property
    def token(self) -> str:
        return f"{self.kind}:{self.place}"


class Gazetteer:
    """Every place a draft item can go, from the catalog: countries and provinces (at a point
    inside their boundary), cities named in the offices, partner cities and routes tables, and
    the airports of the routes table."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    @cached_property
    def areas(self) -> dict[str, Place]:
        out = {}
        at = self.catalog.anchors
        world = self.catalog.world
        for iso3, en, zh, kind in zip(
            world["iso3"], world["name_en"], world["name_zh"], world["kind"]
        ):
            # the Mainland: a province or a city; a disputed area (Abyei) hosts no office
            if iso3 and iso3 != "CHN" and kind == "country":
                out[iso3] = Place(iso3, "country", en, zh or en, iso3, "", *at[iso3])
        prov = self.catalog.provinces
        for ad, en, zh in zip(prov["adcode"], prov["short_en"], prov["short_zh"]):
            iso3 = PART_OF_ADCODE.get(ad, "CHN")  # Macao and Taiwan by their own codes
            if iso3 != "HKG":  # Hong Kong's offices are elsewhere
                out[ad] = Place(ad, "province", en, zh, iso3, ad, *at[ad])
        return out

    @cached_property
    def cities(self) -> dict[str, Place]:
        out: dict[str, Place] = {}
        for name in ("offices", "partner_cities", "routes"):
            df = self.catalog.table(name)
            df = df[(df["city_en"] != "") & df["lat"].notna()]
            # a city known only from its routes stands at its airport (Hanoi at Noi Bai)
            located = "airport" if name == "routes" else ""
            for r in df.itertuples():
                key = f"{r.country_iso3}:{r.city_en}"
                if key not in out or (not out[key].name_zh and r.city_zh):
                    out[key] = Place(key, "city", r.city_en, r.city_zh, r.country_iso3,
                                     r.adcode, float(r.lat), float(r.lon),
                                     out[key].located if key in out else located)  # fmt: skip
        return out

    @cached_property
    def airports(self) -> dict[str, Place]:
        out = {}
        r = self.catalog.routes
        for row in r[r["lat"].notna()].itertuples():
            if row.dest_iata not in out:
                out[row.dest_iata] = Place(row.dest_iata, "airport", row.city_en, row.city_zh,
                                           row.country_iso3, row.adcode, float(row.lat),
                                           float(row.lon))  # fmt: skip
        return out

    @cached_property
    def _cities_folded(self) -> dict[str, str]:
        return {k.casefold(): k for k in self.cities}

    def place(self, item: DraftItem) -> Place:
        if item.kind == ROUTE:
            return self.airports[item.place]
        return self.cities.get(item.place) or self.areas[item.place]

    def canonical(self, kind: str, place: str) -> str | None:
        """The place's code as links write it, or None when no such place is known."""
        if kind == ROUTE:
            code = place.upper()
            return code if code in self.airports else None
        if kind == SISTER and ":" not in place:
            return None  # a sister city is a city
        if ":" in place:
            return self._cities_folded.get(place.casefold())
        code = place.upper()
        return code if code in self.areas else None


@lru_cache(maxsize=8)
def gazetteer(catalog: Catalog) -> Gazetteer:
    return Gazetteer(catalog)


def _tokens(text: str) -> list[str]:
    """The items of a list joined with commas; a piece without a colon after a city item
    continues it (a city named with a comma: ``eto:USA:Washington, D.C.``)."""
    out: list[str] = []
    for piece in text.split(","):
        if ":" not in piece and out and out[-1].count(":") >= 2 and piece.strip():
            out[-1] += "," + piece
        else:
            out.append(piece)
    return [x.strip() for x in out]


def parse_draft(text: str, places: Gazetteer) -> tuple[tuple[DraftItem, ...], list[str]]:
    """The items of a ``draft`` parameter (duplicates once, in order) and the tokens that are not
    items, each with why."""
    items: list[DraftItem] = []
    bad: list[str] = []
    for token in _tokens(str(text)):
        if not token:
            continue
        kind, _, place = token.partition(":")
        kind = ALIASES.get(kind.strip().lower(), kind.strip().lower())
        if kind not in ITEM_KINDS:
            bad.append(f"{token} (unknown kind {kind!r}; expected office, route or an office kind)")
            continue
        code = places.canonical(kind, place.strip())
        if code is None:
            what = {ROUTE: "airport (IATA)", SISTER: "city (ISO3:City)"}.get(
                kind, "country, province or city"
            )
            bad.append(f"{token} (no {what} {place.strip()!r} in the data)")
            continue
        item = DraftItem(kind, code)
        if item not in items:
            items.append(item)
    if len(items) > MAX_ITEMS:
        bad.append(f"{len(items) - MAX_ITEMS} items past the first {MAX_ITEMS}")
        items = items[:MAX_ITEMS]
    return tuple(items), bad


def clean_text(text: str) -> str:
    """A draft's title or note as stored: one line without control or format characters (no
    NUL, no bidirectional overrides), at most :data:`MAX_TEXT` characters."""
    text = "".join(ch for ch in str(text or "") if unicodedata.category(ch) not in ("Cc", "Cf")
                   or ch in "\t\n\r")  # fmt: skip
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT]


@dataclass(frozen=True)
class Draft:
    items: tuple[DraftItem, ...] = ()
    title: str = ""
    note: str = ""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def _at(p: Place, city: bool = True) -> dict:
    """The columns every drafted row shares: where it stands, and that it is a named proposal."""
    return {
        "city_en": p.name_en if city else "",
        "city_zh": p.name_zh if city else "",
        "country_iso3": p.iso3,
        "adcode": p.adcode,
        "lat": round(p.lat, 4),
        "lon": round(p.lon, 4),
        "status": "proposed",
        "basis": "named",
    }


def _office_row(n: int, item: DraftItem, p: Place) -> dict:
    k = KINDS[item.kind]
    return {
        "id": f"draft-{n}-{_slug(item.kind)}-{_slug(p.code)}",
        "name_en": f"{k.label.en} in {p.name_en} (draft)",
        "name_zh": f"駐{p.name_zh}{k.label.zh}（草擬）",
        "kind": item.kind,
        "precision": p.located or p.scale,
        **_at(p, city=p.scale == "city"),
    }


def _route_row(n: int, item: DraftItem, p: Place) -> dict:
    return {
        "id": f"draft-{n}-route-{_slug(p.code)}",
        "dest_iata": p.code,
        "service": "passenger",
        "regularity": "regular",
        **_at(p),
    }


def _sister_row(n: int, item: DraftItem, p: Place) -> dict:
    return {"id": f"draft-{n}-sister-{_slug(p.code)}", **_at(p)}


def draft_rows(catalog: Catalog, draft: Draft) -> dict[str, list[dict]]:
    """The draft's items as rows of the offices, routes and partner cities tables (curated
    columns only)."""
    places = gazetteer(catalog)
    out: dict[str, list[dict]] = {"offices": [], "routes": [], "partner_cities": []}
    for n, item in enumerate(draft.items, 1):
        p = places.place(item)
        if item.kind == ROUTE:
            out["routes"].append(_route_row(n, item, p))
        elif item.kind == SISTER:
            out["partner_cities"].append(_sister_row(n, item, p))
        else:
            out["offices"].append(_office_row(n, item, p))
    for rows in out.values():
        for r in rows:
            r.update(document_id=DRAFT_ID, source=SOURCE, confidence="low")
    return out


def document_row(draft: Draft, date: str = "") -> dict:
    title = draft.title or "My draft proposal"
    return {
        "id": DRAFT_ID,
        "kind": "proposal",
        "title_en": title,
        "title_zh": draft.title or "我的草擬建議",
        "publisher": "Atlas user (draft)",
        "date": date,
        "language": "en",
        "summary_en": draft.note,
        "summary_zh": draft.note,
        "label_en": f"Draft: {title}" if draft.title else "My draft",
        "label_zh": f"草擬：{draft.title}" if draft.title else "我的草擬",
    }


def _frame(rows: list[dict], table: str, like: pd.DataFrame) -> pd.DataFrame:
    cols = TABLES[table].column_names
    df = pd.DataFrame([{c: r.get(c, "") for c in cols} for r in rows], columns=list(cols))
    for c in cols:
        if like[c].dtype == object:
            df[c] = df[c].astype(object).where(df[c].notna(), "").astype(str)
    df.insert(0, "_line", 0)
    return df


def with_draft(catalog: Catalog, draft: Draft) -> Catalog:
    """The catalog plus the draft as a proposal document (the same catalog when the draft is
    empty). Cached: one draft, one catalog, so the caches keyed on the catalog keep working.
    Given a catalog that already has a draft, starts from the catalog without it."""
    catalog = base_catalog(catalog)
    if not draft.items:
        return catalog
    return _with_draft(catalog, draft)


def drafted_on() -> str:
    """The date a draft carries: today (like a document's proposal, it is not drawn before)."""
    return dt.date.today().isoformat()


def base_catalog(catalog: Catalog) -> Catalog:
    """The catalog without any draft."""
    return catalog.__dict__.get("without_draft", catalog)


@lru_cache(maxsize=32)
def _with_draft(catalog: Catalog, draft: Draft) -> Catalog:
    tables = dict(catalog.tables)
    for table, rows in draft_rows(catalog, draft).items():
        if not rows:
            continue
        base = catalog.table(table)
        df = _frame(rows, table, base)
        df["lat"] = pd.to_numeric(df["lat"])
        df["lon"] = pd.to_numeric(df["lon"])
        joined = join_points(df, catalog.world, catalog.provinces).reindex(df.index, fill_value="")
        df = pd.concat([df, joined], axis=1)
        tables[table] = pd.concat([base, df[base.columns]], ignore_index=True)
    # dated today: like a document's proposal, the draft is not drawn in the years before it
    doc = _frame([document_row(draft, drafted_on())], "documents", catalog.documents)
    tables["documents"] = pd.concat(
        [catalog.documents, doc[catalog.documents.columns]], ignore_index=True
    )
    out = Catalog(
        tables=tables,
        world=catalog.world,
        provinces=catalog.provinces,
        tiny_points=catalog.tiny_points,
        version=f"{catalog.version}+{DRAFT_ID}",
        data_dir=catalog.data_dir,
        boundaries_dir=catalog.boundaries_dir,
    )
    out.__dict__["without_draft"] = (
        catalog  # (a frozen dataclass: set as its cached properties are)
    )
    return out


def draft_tables(catalog: Catalog, draft: Draft, date: str) -> dict[str, pd.DataFrame]:
    """The draft as the curated tables' rows (documents, offices, routes: the ones it has), in
    their columns and order: what a maintainer appends to ``geodata/data/<table>.csv``."""
    out = {"documents": [document_row(draft, date)], **draft_rows(catalog, draft)}
    frames = {}
    for table, rows in out.items():
        if rows:
            cols = TABLES[table].column_names
            frames[table] = pd.DataFrame([{c: r.get(c, "") for c in cols} for r in rows])
    return frames


def item_for_target(
    catalog: Catalog, kind: str, target: tuple[str, str] | None
) -> DraftItem | None:
    """The item a click on the map adds, for the kind chosen: a country or province gets an
    office; a place (an office's or sister city's city, a route's airport) gets an office in
    that city, or the route to that airport. None when the click gives nothing of that kind."""
    if target is None or kind not in ITEM_KINDS:
        return None
    what, key = target
    places = gazetteer(catalog)
    if what in ("country", "province"):
        code = places.canonical(kind, key) if kind not in (ROUTE, SISTER) else None
        return DraftItem(kind, code) if code else None
    table = {"offices": "offices", "cities": "partner_cities", "routes": "routes"}.get(what)
    if table is None:
        return None
    rows = catalog.table(table)
    row = rows[rows["id"] == key]
    if row.empty:
        return None
    r = row.iloc[0]
    if kind == ROUTE:
        code = places.canonical(ROUTE, str(r.get("dest_iata", "")))
    else:
        city = f"{r['country_iso3']}:{r['city_en']}"
        code = places.canonical(kind, city) if r["city_en"] else None
    return DraftItem(kind, code) if code else None
