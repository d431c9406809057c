"""The point layers of the map, declared once: ``LAYERS``.

A layer declares its table, its names, how its records fall into legend classes, how it is
drawn, what its hover and details panel say, and the columns of its public table. The network
filter, the map, the legend, hover, details, the table view, the API and the exports all read
these declarations; a test iterates over them. To add a point layer (say, consulates): a table
in ``schema.py`` and its CSV, one ``PointLayer`` here, and its id in ``state.LAYERS`` order.

Field formats (how hover and details render a value): ``text``, ``date``, ``list`` (``;``
separated), ``kind`` / ``service`` / ``theme`` / ``regularity`` (a label of that vocabulary),
``office`` (an office id, shown by name), ``iata``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geodata.text import Text


@dataclass(frozen=True)
class Field:
    column: str
    label: Text
    format: str = "text"


@dataclass(frozen=True)
class PointLayer:
    id: str  # the id in URLs and the API (``layers=offices``)
    table: str  # the catalog table
    label: Text  # the layer's name (controls, legend)
    name: tuple[str, str]  # the (en, zh) columns that name a record
    classes: tuple[str, ...]  # legend classes, in legend order
    classify: Callable[[pd.DataFrame], np.ndarray]  # a selection -> each row's class
    draw: str  # "markers", or "arcs" (a line from HKG and a marker at the far end)
    order: int  # drawing order: higher is drawn above (and picked first)
    marker_size: int = 10
    symbol: str = (
        "circle"  # the marker symbol (of the legend, and of every row without ``symbols``)
    )
    symbols: Callable[[pd.DataFrame], list[str]] | None = None  # per-row base marker symbol
    scales: Callable[[pd.DataFrame], list[float]] | None = None  # per-row size, x marker_size
    subtitle: tuple[str, ...] = ()  # fields joined with " · " under the name (hover, details)
    fields: tuple[Field, ...] = ()  # further lines of hover and details
    details_only: tuple[Field, ...] = ()  # lines shown in the details panel only
    columns: tuple[str, ...] = ()  # public table columns (see dashboard/tables.py)
    areas: bool = False  # region-level rows (``region_id``) are drawn as their region


def _status_classes(df: pd.DataFrame) -> np.ndarray:
    """The status, with closed and suspended as one class, and a proposal whose place the
    document does not name (``basis`` inferred) as its own class: the legend says so."""
    s = df["status_at"].to_numpy(dtype=object)
    s = np.where(np.isin(s, ("closed", "suspended")), "closed", s)
    inferred = (s == "proposed") & (df["basis"].to_numpy(dtype=object) == "inferred")
    s = np.where(inferred, "inferred", s)
    # the user's own proposal (geodata/draft.py) is drawn in a style of its own
    draft = (s == "proposed") & (df["document_id"].to_numpy(dtype=object) == "draft")
    return np.where(draft, "draft", s)


def office_classes(df: pd.DataFrame) -> np.ndarray:
    """existing / planned / proposed / inferred / realised (a proposal realised since) / closed."""
    s = _status_classes(df)
    return np.where(df["realised"].to_numpy(dtype=bool), "realised", s)


def route_classes(df: pd.DataFrame) -> np.ndarray:
    """existing / new (opened 2024–25) / planned / proposed / inferred / closed."""
    s = _status_classes(df)
    new = (s == "existing") & (df["new_2024_25"].to_numpy(dtype=object) == "yes")
    return np.where(new, "new", s)


def _office_symbols(df: pd.DataFrame) -> list[str]:
    from geodata.kinds import KINDS

    return [KINDS[k].symbol if k in KINDS else "circle" for k in df["kind"]]


def _office_scales(df: pd.DataFrame) -> list[float]:
    from geodata.kinds import KINDS

    return [KINDS[k].scale if k in KINDS else 1.0 for k in df["kind"]]


_SOURCE_COLS = ("document_id", "document_title", "source", "confidence")
_PLACE_COLS = ("country_iso3", "country_en", "country_zh", "adcode", "province_en", "province_zh")

OFFICES = PointLayer(
    id="offices",
    table="offices",
    label=Text("Offices", "辦事處"),
    name=("name_en", "name_zh"),
    classes=("existing", "planned", "proposed", "inferred", "draft", "realised", "closed"),
    classify=office_classes,
    draw="markers",
    order=30,
    areas=True,
    symbols=_office_symbols,
    scales=_office_scales,
    subtitle=("kind", "status"),
    fields=(
        Field("opened", Text("Opened", "開設"), "date"),
        Field("closed", Text("Closed", "關閉"), "date"),
    ),
    details_only=(
        Field("parent_id", Text("Reports to", "隸屬"), "office"),
        Field("realised_by", Text("Realised by", "其後落實為"), "office"),
    ),
    columns=(
        "name", "kind", "status", "status_at", "basis", "realised", "opened", "closed", "city_en",
        "city_zh", *_PLACE_COLS, "lat", "lon", "precision", "region_id", "parent_id", "realised_by",
        "name_en", "name_zh", "id", *_SOURCE_COLS, "notes",
    ),
)  # fmt: skip

CITIES = PointLayer(
    id="cities",
    table="partner_cities",
    label=Text("Sister cities", "姊妹城市"),
    name=("city_en", "city_zh"),
    classes=("existing", "planned", "proposed", "inferred", "draft", "closed"),
    classify=_status_classes,
    draw="markers",
    order=20,
    marker_size=13,
    symbol="star",
    subtitle=("status",),
    fields=(Field("theme", Text("Theme", "主題"), "theme"),),
    columns=(
        "name", "status", "status_at", "basis", "theme", *_PLACE_COLS, "lat", "lon", "city_en", "city_zh",
        "id", *_SOURCE_COLS, "notes",
    ),
)  # fmt: skip

ROUTES = PointLayer(
    id="routes",
    table="routes",
    label=Text("Flights from HKG", "香港直航航線"),
    name=("city_en", "city_zh"),
    classes=("existing", "new", "planned", "proposed", "inferred", "draft", "closed"),
    classify=route_classes,
    draw="arcs",
    order=10,
    marker_size=5,
    subtitle=("service", "regularity", "status"),
    fields=(
        Field("dest_iata", Text("Airport", "機場"), "iata"),
        Field("since", Text("Since", "開航"), "date"),
        Field("until", Text("Until", "停航"), "date"),
        Field("pax_per_week", Text("Passenger departures a week", "每周客運航班"), "number"),
        Field("cargo_per_week", Text("Cargo departures a week", "每周貨運航班"), "number"),
    ),
    details_only=(
        Field("airlines", Text("Airlines", "航空公司"), "list"),
        Field("frequency", Text("Frequency", "班次"), "text"),
    ),
    columns=(
        "name", "dest_iata", "service", "regularity", "status", "status_at", "basis", "since",
        "until", "realised_by", "airlines", "frequency", "pax_per_week", "cargo_per_week", "as_of",
        "new_2024_25", *_PLACE_COLS,
        "lat", "lon", "city_en", "city_zh",
        "id", *_SOURCE_COLS, "notes",
    ),
)  # fmt: skip

#: The point layers, by id, in legend order.
LAYERS: dict[str, PointLayer] = {x.id: x for x in (OFFICES, CITIES, ROUTES)}
#: Point layers in drawing order (lowest first).
DRAW_ORDER: tuple[str, ...] = tuple(sorted(LAYERS, key=lambda k: LAYERS[k].order))
BY_TABLE: dict[str, PointLayer] = {x.table: x for x in LAYERS.values()}
