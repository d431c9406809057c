"""Which part of the globe a map shows: fixed zooms, a fit to the chosen region, and the Hong
Kong-centred azimuthal equidistant view, each widened to the shape of its frame.

A view is a :class:`projection.View` (plotly geo's projection, rotation, centre and lon/lat
ranges). plotly.js fits the range box into the frame and leaves the rest empty, so a view is
widened to the frame's aspect ratio before it is drawn: the map fills its frame.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import numpy as np
import shapely

from dashboard.figures.projection import Frame, View
from dashboard.state import ViewState
from geodata.catalog import Catalog
from geodata.codes import HKG_AIRPORT

HK_LON, HK_LAT = 114.17, 22.3

#: Fixed zooms: the lon/lat box each must show whole (Java in Asia, Hainan in China).
BOXES = {
    "asia": ((58.0, 150.0), (-12.0, 55.0)),
    "china": ((72.0, 136.0), (16.0, 54.0)),
    "gba": ((111.9, 115.4), (21.3, 24.4)),
    "europe": ((-12.0, 45.0), (34.0, 71.0)),
    "middle-east": ((24.0, 90.0), (10.0, 56.0)),
}
#: The world as the network spans it: from West Africa and Europe eastwards across Asia and
#: the Pacific to the Atlantic coast of the Americas (the Atlantic is where nothing flies from
#: Hong Kong), so that the map fills a screen-shaped frame.
WORLD = View(rotation_lon=138.5, center_lon=138.5, center_lat=12, lon_range=(-15.0, 292.0),
             lat_range=(-56.0, 80.0))  # fmt: skip
#: Zoom of the Hong Kong-centred disc. plotly.js clips the disc to a box about 0.9 times as
#: wide as it is tall; zoomed 1.5 times that box shows about 11,900 km east and west of Hong Kong
#: and 13,300 km north and south: every destination (New York, 12,980 km across the pole).
HK_SCALE = 1.5
#: Distance rings of the Hong Kong-centred view, km.
RINGS_KM = (2000, 5000, 10000, 15000)
EARTH_KM = 6371.0088


def _box_view(lon_range, lat_range) -> View:
    lon0, lon1 = lon_range
    mid = (lon0 + lon1) / 2
    return View(rotation_lon=mid, center_lon=mid, center_lat=(lat_range[0] + lat_range[1]) / 2,
                lon_range=(lon0, lon1), lat_range=tuple(lat_range))  # fmt: skip


def hk_view() -> View:
    """Azimuthal equidistant, centred on Hong Kong: every route is a straight line from the
    centre at its true length."""
    return View(projection="azimuthal equidistant", rotation_lon=HK_LON, rotation_lat=HK_LAT,
                center_lon=HK_LON, center_lat=HK_LAT, lon_range=(HK_LON - 180, HK_LON + 180),
                lat_range=(-90.0, 90.0), scale=HK_SCALE)  # fmt: skip


def _unwrap(lons: np.ndarray, ref: float) -> np.ndarray:
    return (lons - ref + 180) % 360 - 180 + ref


@lru_cache(maxsize=256)
def region_box(catalog: Catalog, regions: tuple[str, ...]) -> tuple[tuple, tuple] | None:
    """The lon/lat box of the members of ``regions`` (their main land; far islands left out),
    taken across the antimeridian when that is shorter; None when nothing is known."""
    parts = []
    world = dict(zip(catalog.world["iso3"], catalog.world.geometry))
    provinces = dict(zip(catalog.provinces["adcode"], catalog.provinces.geometry))
    points = []
    for r in regions:
        level, members = catalog.region_members[r]
        for m in members:
            geom = (provinces if level == "province" else world).get(m) if level != "city" else None
            if geom is None:
                if level == "city":
                    points += _city_points(catalog, m)
                continue
            polys = list(getattr(geom, "geoms", [geom]))
            areas = np.array([p.area for p in polys])
            parts += [p for p, a in zip(polys, areas) if a >= 0.05 * areas.max()]
    if not parts and not points:
        return None
    cx = np.array([p.centroid.x for p in parts] + [x for x, _ in points])
    ref = float(
        np.degrees(np.arctan2(np.sin(np.radians(cx)).mean(), np.cos(np.radians(cx)).mean()))
    )
    lons, lats = [], []
    for p in parts:
        xy = shapely.get_coordinates(p)
        lons.append(_unwrap(xy[:, 0], ref))
        lats.append(xy[:, 1])
    for x, y in points:
        lons.append(_unwrap(np.array([x]), ref))
        lats.append(np.array([y]))
    lon, lat = np.concatenate(lons), np.concatenate(lats)
    (lon0, lon1), (lat0, lat1) = (lon.min(), lon.max()), (lat.min(), lat.max())
    pad_x, pad_y = max(2.0, 0.08 * (lon1 - lon0)), max(1.5, 0.08 * (lat1 - lat0))
    lon0, lon1 = lon0 - pad_x, min(lon1 + pad_x, lon0 - pad_x + 359)
    return (float(lon0), float(lon1)), (
        max(float(lat0 - pad_y), -85.0),
        min(float(lat1 + pad_y), 85.0),
    )


def _city_points(catalog: Catalog, key: str) -> list[tuple[float, float]]:
    iso3, _, city = key.partition(":")
    out = []
    for name in ("offices", "routes", "partner_cities"):
        df = catalog.table(name)
        rows = df[(df["country_iso3"] == iso3) & (df["city_en"] == city) & df["lat"].notna()]
        out += list(zip(rows["lon"], rows["lat"]))
    return out[:1]


def base_view(catalog: Catalog, state: ViewState) -> View:
    """The view a state asks for: the Hong Kong-centred projection, a fixed zoom, a fit to the
    chosen regions, or the world (in that order of precedence)."""
    if state.projection == "hk":
        return hk_view()
    if state.focus in BOXES:
        return _box_view(*BOXES[state.focus])
    if state.regions:
        box = region_box(catalog, state.regions)
        if box is not None:
            return _box_view(*box)
    return WORLD


def widen(view: View, aspect: float) -> View:
    """The view with its lon or lat range widened so that its box has the frame's shape
    (``aspect`` = width / height), keeping its centre: plotly then fills the frame."""
    if view.projection != "natural earth":
        return view
    frame = Frame(view, 1000 * aspect, 1000)
    lon0, lon1 = frame.view.lon_range
    lat0, lat1 = frame.view.lat_range
    bx, by = frame._unit(*np.meshgrid(np.linspace(lon0, lon1, 40), np.linspace(lat0, lat1, 40)))
    box_aspect = np.ptp(bx[np.isfinite(bx)]) / np.ptp(by[np.isfinite(by)])
    if box_aspect < aspect:  # too tall: widen the longitudes (at most to the whole world)
        span = min((lon1 - lon0) * aspect / box_aspect, 359.9)
        mid = (lon0 + lon1) / 2
        return replace(view, lon_range=(mid - span / 2, mid + span / 2))
    span = (lat1 - lat0) * box_aspect / aspect  # too wide: add latitude, within the poles
    mid = (lat0 + lat1) / 2
    new0, new1 = max(mid - span / 2, -89.0), min(mid + span / 2, 89.0)
    return replace(view, lat_range=(new0, new1))


def centred(view: View) -> View:
    """The view with its centre at the middle of its projected range box. plotly.js scales the
    map to the box but puts ``center`` in the middle of the frame; parallels are not evenly
    spaced, so the box's middle latitude is not its projected middle, and a box centred on it
    would overflow the frame at one edge (Europe lost 13 px at its southern edge)."""
    if view.projection != "natural earth":
        return view
    frame = Frame(view, 1000, 1000)
    lon0, lon1 = view.lon_range
    lat0, lat1 = view.lat_range
    bx, by = frame._unit(*np.meshgrid(np.linspace(lon0, lon1, 40), np.linspace(lat0, lat1, 40)))
    ok = np.isfinite(bx) & np.isfinite(by)
    mx, my = (bx[ok].min() + bx[ok].max()) / 2, (by[ok].min() + by[ok].max()) / 2
    lon, lat = frame._transformer.transform(mx, my, direction="INVERSE")
    return replace(view, center_lon=float(lon), center_lat=float(lat))


def view_for(catalog: Catalog, state: ViewState, size: tuple[float, float]) -> View:
    """The view of ``state`` widened to a geo domain of ``size`` px (width, height), centred on
    its box. (The Hong Kong-centred disc keeps its shape: its frame is made square instead.)"""
    view = base_view(catalog, state)
    if view.projection != "natural earth":
        return view
    return centred(widen(view, size[0] / max(size[1], 1)))


def ring(radius_km: float, n: int = 181) -> tuple[list[float], list[float]]:
    """A circle of ``radius_km`` around Hong Kong (a geodesic circle: straight-edged nowhere)."""
    d = radius_km / EARTH_KM
    lat1, lon1 = np.radians(HKG_AIRPORT[0]), np.radians(HKG_AIRPORT[1])
    b = np.linspace(0, 2 * np.pi, n)
    lat2 = np.arcsin(np.sin(lat1) * np.cos(d) + np.cos(lat1) * np.sin(d) * np.cos(b))
    lon2 = lon1 + np.arctan2(
        np.sin(b) * np.sin(d) * np.cos(lat1), np.cos(d) - np.sin(lat1) * np.sin(lat2)
    )
    return list(np.round(np.degrees(lat2), 3)), list(
        np.round((np.degrees(lon2) + 180) % 360 - 180, 3)
    )
