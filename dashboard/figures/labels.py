"""Place labels: which places a map names, and where each name goes so that no two names
overlap and no name hides a marker.

Pure functions. :func:`candidates` lists the places a view is about, by priority (Hong Kong,
the chosen proposals' targets, offices and sister cities, the countries of a chosen region, the
busiest route destinations). :func:`place` puts each name, in priority order, at the first of
eight positions around its place that is free; Hong Kong, the proposals' targets and offices,
if they find none, go a little further out with a leader line; the rest are left out. Positions are computed in pixels with
:class:`projection.Frame` (the projection plotly.js draws), for the frame's real size: the
screen, present mode and every slide get their own placement.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.figures.projection import Frame
from dashboard.i18n import t
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.codes import HKG_AIRPORT
from geodata.network import select

MODES = ("auto", "key", "off")
KEY_PRIORITY = 90  # "key places only" keeps these and above
HK, PROPOSAL, OFFICE, CITY, COUNTRY, ROUTE = 120, 100, 90, 85, 70, 60
MAX_ROUTE_LABELS = 40
#: How far (in label heights) a name may move away from its place, with a leader line: Hong
#: Kong and the proposals' targets a little further than offices; the rest not at all.
LEADER_STEPS = {PROPOSAL: (1.8, 2.8), OFFICE: (1.8,)}


@dataclass(frozen=True)
class Candidate:
    text: str
    lon: float
    lat: float
    priority: int
    key: str  # what it names: "offices:eto-bangkok", "country:THA"


@dataclass(frozen=True)
class Placed:
    candidate: Candidate
    x: float  # centre of the text box, px
    y: float
    w: float
    h: float
    leader: bool = False
    anchor_x: float = 0.0
    anchor_y: float = 0.0

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.x - self.w / 2, self.y - self.h / 2, self.x + self.w / 2, self.y + self.h / 2


def text_width(text: str, font_px: float) -> float:
    """An upper estimate of a text's width: CJK characters one em, Latin ones about half."""
    w = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            w += 1.0
        elif ch.isupper():
            w += 0.68
        elif ch in " ,.:;'()":
            w += 0.32
        else:
            w += 0.56
    return w * font_px


def _name(row: dict, base: str, lang: str) -> str:
    en, zh = row.get(f"{base}_en", ""), row.get(f"{base}_zh", "")
    return (zh or en) if lang == "zh" else (en or zh)


def candidates(catalog: Catalog, state: ViewState) -> list[Candidate]:
    """The places a view names, each once (a city named by several records takes the highest
    priority), in priority order."""
    lang = state.lang
    sel = select(catalog, state.network_filter())
    found: dict[str, Candidate] = {}

    def add(text, lon, lat, priority, key):
        if not text or lon is None or pd.isna(lon):
            return
        k = text  # a name once (an office and its airport may stand a few km apart)
        if k not in found or found[k].priority < priority:
            found[k] = Candidate(text, float(lon), float(lat), priority, key)

    add(t("map.hk", lang), HKG_AIRPORT[1], HKG_AIRPORT[0], HK, "province:810000")
    layers = set(state.point_layers)
    if "offices" in layers:
        for r in sel.offices.to_dict("records"):
            if r["precision"] == "region":
                continue
            proposed = r["status_at"] == "proposed"
            base = "city" if r["precision"] in ("city", "airport") and r["city_en"] else None
            text = (
                _name(r, base, lang)
                if base
                else catalog.place_name(
                    r["country_iso3"] if r["country_iso3"] != "CHN" else r["adcode"],
                    lang,
                    short=True,
                )
            )
            add(text, r["lon"], r["lat"], PROPOSAL if proposed else OFFICE, f"offices:{r['id']}")
    if "cities" in layers:
        for r in sel.cities.to_dict("records"):
            add(_name(r, "city", lang), r["lon"], r["lat"], PROPOSAL if r["status_at"] == "proposed" else CITY,
                f"cities:{r['id']}")  # fmt: skip
    if "routes" in layers:
        routes = sel.routes
        proposed = routes[routes["status_at"].isin(("proposed", "planned"))]
        for r in proposed.to_dict("records"):
            add(_name(r, "city", lang), r["lon"], r["lat"], PROPOSAL, f"routes:{r['id']}")
        busiest = routes[routes["status_at"] == "existing"].copy()
        busiest["n"] = [len([a for a in str(x).split(";") if a]) for x in busiest["airlines"]]
        for r in (
            busiest.sort_values("n", ascending=False).head(MAX_ROUTE_LABELS).to_dict("records")
        ):
            add(_name(r, "city", lang), r["lon"], r["lat"], ROUTE, f"routes:{r['id']}")
    if state.regions and "coverage" in state.layers:
        for code, lon, lat in _region_countries(catalog, state.regions):
            add(catalog.place_name(code, lang), lon, lat, COUNTRY, f"country:{code}")
    return sorted(found.values(), key=lambda c: (-c.priority, c.text))


def _region_countries(catalog: Catalog, regions) -> list[tuple[str, float, float]]:
    out = []
    geoms = dict(zip(catalog.world["iso3"], catalog.world.geometry))
    for r in regions:
        level, members = catalog.region_members[r]
        if level != "country":
            continue
        for code in sorted(members):
            g = geoms.get(code)
            if g is not None and not g.is_empty:
                p = max(getattr(g, "geoms", [g]), key=lambda x: x.area).representative_point()
                out.append((code, p.x, p.y))
    return out


def _overlaps(a, b, pad: float = 1.0) -> bool:
    return not (
        a[2] + pad <= b[0] or b[2] + pad <= a[0] or a[3] + pad <= b[1] or b[3] + pad <= a[1]
    )


def place(cands: list[Candidate], frame: Frame, font_px: float = 12.0, mode: str = "auto",
          obstacles: list[tuple[float, float, float]] | None = None) -> list[Placed]:  # fmt: skip
    """Names placed without overlap, in priority order: at one of eight positions around the
    place, or (Hong Kong, proposals, offices: ``LEADER_STEPS``) a little further out with a
    leader line; otherwise left out.
    ``obstacles`` are markers (x, y, radius px) that no name may cover."""
    if mode == "off" or not cands:
        return []
    if mode == "key":
        cands = [c for c in cands if c.priority >= KEY_PRIORITY]
    xs, ys = frame.to_px([c.lon for c in cands], [c.lat for c in cands])
    blocked = [(x - r, y - r, x + r, y + r) for x, y, r in (obstacles or [])]
    placed: list[Placed] = []
    h = font_px * 1.25
    gap = font_px * 0.45
    for c, ax, ay in zip(cands, xs, ys):
        if not (np.isfinite(ax) and np.isfinite(ay)) or not frame.visible(ax, ay):
            continue
        w = text_width(c.text, font_px) + 4
        r = font_px * 0.45  # the place's own marker
        offsets = [(r + gap + w / 2, 0), (-(r + gap + w / 2), 0), (0, -(r + gap + h / 2)), (0, r + gap + h / 2),
                   (r + w / 2, -(r + h / 2)), (-(r + w / 2), -(r + h / 2)), (r + w / 2, r + h / 2),
                   (-(r + w / 2), r + h / 2)]  # fmt: skip
        leader = False
        spot = _first_free(ax, ay, offsets, w, h, frame, placed, blocked)
        steps = next((v for p, v in LEADER_STEPS.items() if c.priority >= p), ())
        if spot is None:
            for k in steps:
                d = k * h + r
                ring = [
                    (d * np.cos(a) + np.sign(np.cos(a)) * w / 2, d * np.sin(a))
                    for a in np.linspace(0, 2 * np.pi, 12, endpoint=False)
                ]
                spot = _first_free(ax, ay, ring, w, h, frame, placed, blocked)
                if spot is not None:
                    leader = True
                    break
        if spot is None:
            continue
        placed.append(Placed(c, spot[0], spot[1], w, h, leader, float(ax), float(ay)))
    return placed


def _first_free(ax, ay, offsets, w, h, frame, placed, blocked):
    for dx, dy in offsets:
        x, y = ax + dx, ay + dy
        box = (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if box[0] < 0 or box[1] < 0 or box[2] > frame.width or box[3] > frame.height:
            continue
        if any(_overlaps(box, p.box) for p in placed) or any(_overlaps(box, b, 0) for b in blocked):
            continue
        if not frame.on_map([x], [y])[0]:  # beyond the map's edge, the name would wrap away
            continue
        return x, y
    return None


def traces(placed: list[Placed], frame: Frame, font_px: float, font_family: str) -> dict[str, dict]:
    """The traces that draw the names: the texts (each at its box's centre), and the leader
    lines with their halo."""
    if placed:
        lon, lat = frame.to_lonlat([p.x for p in placed], [p.y for p in placed])
    else:
        lon, lat = [], []
    lines_lat, lines_lon = [], []
    for p in placed:
        if not p.leader:
            continue
        # from the place to the near edge of the box
        ex = min(max(p.anchor_x, p.x - p.w / 2), p.x + p.w / 2)
        ey = min(max(p.anchor_y, p.y - p.h / 2), p.y + p.h / 2)
        llon, llat = frame.to_lonlat([p.anchor_x, ex], [p.anchor_y, ey])
        lines_lon += [float(llon[0]), float(llon[1]), None]
        lines_lat += [float(llat[0]), float(llat[1]), None]
    return {
        "labels": {
            "lon": [round(float(x), 5) for x in lon],
            "lat": [round(float(y), 5) for y in lat],
            "text": [p.candidate.text for p in placed],
            "customdata": [p.candidate.key for p in placed],
            "textfont": {
                "size": font_px,
                "family": font_family,
                "color": "#1d2733",
                "shadow": "auto",
            },
        },
        "label_lines": {"lon": lines_lon, "lat": lines_lat},
        "label_halo": {"lon": lines_lon, "lat": lines_lat},
    }
