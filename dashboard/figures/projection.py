"""Where plotly.js draws a longitude/latitude on a geo map of a given size, computed in Python.

Labels are placed (and their collisions avoided) on the server, for the screen and for the
slides alike, so the server needs the same projection as the browser. plotly.js fits the
``lonaxis``/``lataxis`` range box into the geo domain (d3's ``fitExtent``), multiplies that
scale by ``projection.scale``, rotates the sphere to ``projection.rotation`` and puts
``center`` at the middle of the domain. :class:`Frame` does the same with PROJ's formulas of
the two projections the Atlas uses (``natearth``: Natural Earth I, d3's ``geoNaturalEarth1``;
``aeqd``: azimuthal equidistant); an end-to-end test checks it against plotly.js in Chromium.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from pyproj import Transformer

PROJ = {"natural earth": "natearth", "azimuthal equidistant": "aeqd"}


@dataclass(frozen=True)
class View:
    """The part of the globe a map shows: plotly geo's projection, rotation, centre and ranges."""

    projection: str = "natural earth"
    rotation_lon: float = 150.0
    rotation_lat: float = 0.0
    center_lon: float = 150.0
    center_lat: float = 15.0
    lon_range: tuple[float, float] = (-30.0, 330.0)
    lat_range: tuple[float, float] = (-58.0, 85.0)
    scale: float = 1.0

    def geo(self) -> dict:
        """The plotly ``layout.geo`` properties of this view."""
        return {
            "projection": {"type": self.projection, "scale": self.scale,
                           "rotation": {"lon": self.rotation_lon, "lat": self.rotation_lat}},
            "center": {"lon": float(self.center_lon), "lat": float(self.center_lat)},
            "lonaxis": {"range": [round(float(x), 4) for x in self.lon_range]},
            "lataxis": {"range": [round(float(x), 4) for x in self.lat_range]},
        }  # fmt: skip


CLIP_PAD = 1e-3  # degrees plotly.js takes off each side of the range box
#: The box (unit radians, width × height) plotly.js fits an azimuthal equidistant view of the
#: whole sphere centred on Hong Kong into: measured in the browser (projection.scale() and the
#: geo axes' lengths at three frame sizes agree); d3's clipped bounds of the range polygon are
#: not the disc, and not what sampling the polygon gives.
AEQD_WHOLE_SPHERE = (5.58354, 6.28032)


def _great_circle(a, b, n: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """Points along the great circle from lon/lat ``a`` to ``b`` (d3 draws polygon edges so)."""
    la1, ph1, la2, ph2 = np.radians([a[0], a[1], b[0], b[1]])
    p1 = np.array([np.cos(ph1) * np.cos(la1), np.cos(ph1) * np.sin(la1), np.sin(ph1)])
    p2 = np.array([np.cos(ph2) * np.cos(la2), np.cos(ph2) * np.sin(la2), np.sin(ph2)])
    omega = np.arccos(np.clip(p1 @ p2, -1, 1))
    t = np.linspace(0, 1, n)
    if omega < 1e-12:
        pts = np.outer(1 - t, p1) + np.outer(t, p2)
    else:
        pts = (np.outer(np.sin((1 - t) * omega), p1) + np.outer(np.sin(t * omega), p2)) / np.sin(
            omega
        )
    lon = np.degrees(np.arctan2(pts[:, 1], pts[:, 0]))
    lat = np.degrees(np.arcsin(np.clip(pts[:, 2], -1, 1)))
    return lon, lat


def _box(lon_range, lat_range) -> tuple[np.ndarray, np.ndarray]:
    """plotly.js's range box: a polygon with the corners and three points on the top and bottom
    edges, each edge a great-circle arc."""
    lon0, lon1 = lon_range[0] + CLIP_PAD, lon_range[1] - CLIP_PAD
    lat0, lat1 = lat_range[0] + CLIP_PAD, lat_range[1] - CLIP_PAD
    if lon0 > 0 and lon1 < 0:
        lon1 += 360
    d = (lon1 - lon0) / 4
    ring = [(lon0, lat0), (lon0, lat1), (lon0 + d, lat1), (lon0 + 2 * d, lat1), (lon0 + 3 * d, lat1),
            (lon1, lat1), (lon1, lat0), (lon1 - d, lat0), (lon1 - 2 * d, lat0), (lon1 - 3 * d, lat0),
            (lon0, lat0)]  # fmt: skip
    lons, lats = [], []
    for a, b in zip(ring[:-1], ring[1:]):
        x, y = _great_circle(a, b)
        lons.append(x)
        lats.append(y)
    return np.concatenate(lons), np.concatenate(lats)


@dataclass(frozen=True)
class Frame:
    """A view drawn in a ``width`` × ``height`` pixel domain: lon/lat -> pixels."""

    view: View
    width: float
    height: float

    @cached_property
    def _transformer(self) -> Transformer:
        v = self.view
        name = PROJ[v.projection]
        lat0 = f" +lat_0={v.rotation_lat}" if name == "aeqd" else ""
        return Transformer.from_crs("+proj=longlat +R=1 +no_defs", f"+proj={name} +lon_0={v.rotation_lon}{lat0} +R=1 +no_defs",
                                    always_xy=True)  # fmt: skip

    def _unit(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        x, y = self._transformer.transform(
            np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
        )
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    @cached_property
    def _fit(self) -> tuple[float, float, float]:
        """(scale, x, y of the centre) in unit projected coordinates."""
        v = self.view
        lon, lat = _box(v.lon_range, v.lat_range)
        # the box's meridians at the edge of a world map lie on the antimeridian of the
        # rotation: keep them on their own side
        rel = (lon - v.rotation_lon + 180) % 360 - 180
        edge = np.abs(np.abs(rel) - 180) < 1e-6
        lon = np.where(edge, v.rotation_lon + np.sign(rel) * (180 - 1e-6), lon)
        if v.projection == "azimuthal equidistant" and v.lon_range[1] - v.lon_range[0] >= 359.9:
            bw, bh = AEQD_WHOLE_SPHERE  # plotly.js's bounds of the whole sphere, measured
        else:
            bx, by = self._unit(lon, lat)
            ok = np.isfinite(bx) & np.isfinite(by)
            bw, bh = np.ptp(bx[ok]), np.ptp(by[ok])
        k = min(self.width / bw, self.height / bh) * v.scale
        cx, cy = self._unit([v.center_lon], [v.center_lat])
        return k, float(cx[0]), float(cy[0])

    @property
    def pixel_scale(self) -> float:
        return self._fit[0]

    def to_px(self, lon, lat) -> tuple[np.ndarray, np.ndarray]:
        """Pixel positions (x right, y down, origin at the domain's top left) of lon/lat."""
        k, cx, cy = self._fit
        x, y = self._unit(lon, lat)
        return self.width / 2 + k * (x - cx), self.height / 2 - k * (y - cy)

    def to_lonlat(self, px, py) -> tuple[np.ndarray, np.ndarray]:
        """The inverse of :meth:`to_px`."""
        k, cx, cy = self._fit
        x = (np.asarray(px, dtype=float) - self.width / 2) / k + cx
        y = -(np.asarray(py, dtype=float) - self.height / 2) / k + cy
        lon, lat = self._transformer.transform(x, y, direction="INVERSE")
        return np.asarray(lon), np.asarray(lat)

    def on_map(self, px, py) -> np.ndarray:
        """Whether pixels fall on the map itself: inside the view's lon/lat ranges (a frame's
        corners can lie beyond the curved edge of a world map, where a lon/lat would wrap to
        the far side)."""
        lon, lat = self.to_lonlat(px, py)
        v = self.view
        rel = (np.asarray(lon) - v.rotation_lon + 180) % 360 - 180 + v.rotation_lon
        ok = np.isfinite(rel) & np.isfinite(lat)
        lon0, lon1 = v.lon_range
        return (
            ok & (rel >= lon0) & (rel <= lon1) & (lat >= v.lat_range[0]) & (lat <= v.lat_range[1])
        )

    def visible(self, px, py, margin: float = 0.0) -> np.ndarray:
        px, py = np.asarray(px), np.asarray(py)
        return (
            (px >= -margin)
            & (px <= self.width + margin)
            & (py >= -margin)
            & (py <= self.height + margin)
        )
