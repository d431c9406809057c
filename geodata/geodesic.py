"""Routes as the planes fly them, for GIS files: great circles, split at the antimeridian.

A route stored as its two ends is drawn as a straight line by a planar viewer (QGIS,
geojson.io, kepler.gl): Hong Kong–Los Angeles would cross Asia, Europe and the Atlantic. RFC 7946
§3.1.9 asks for a line that crosses the antimeridian to be cut in two there. :func:`great_circle`
gives the geodesic (WGS 84) every ``step_km`` or closer, as a GeoJSON LineString, or a
MultiLineString when it crosses ±180°.
"""

from __future__ import annotations

import math

from pyproj import Geod

GEOD = Geod(ellps="WGS84")
STEP_KM = 100.0
DIGITS = 4  # ~10 m, as the API's other coordinates (RFC 7946 §11.2: no more than needed)


def _parts(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """The line cut where consecutive points jump across the antimeridian, each side ending
    exactly on ±180° (the crossing's latitude interpolated)."""
    parts = [[points[0]]]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        if abs(x1 - x0) > 180:
            x1c = x1 + (360 if x1 < x0 else -360)  # x1 seen from x0's side
            edge = 180.0 if x1c > x0 else -180.0
            yc = y0 + (edge - x0) / (x1c - x0) * (y1 - y0)
            parts[-1].append((edge, yc))
            parts.append([(-edge, yc)])
        parts[-1].append((x1, y1))
    return parts


def great_circle(lon1: float, lat1: float, lon2: float, lat2: float,
                 step_km: float = STEP_KM) -> dict:  # fmt: skip
    """The geodesic from (lon1, lat1) to (lon2, lat2) as a GeoJSON geometry."""
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    n = max(math.ceil(metres / 1000 / step_km) - 1, 0)
    between = GEOD.npts(lon1, lat1, lon2, lat2, n) if n else []
    points = [(lon1, lat1), *[((x + 180) % 360 - 180, y) for x, y in between], (lon2, lat2)]
    parts = [
        [[round(x, DIGITS), round(y, DIGITS)] for x, y in part]
        for part in _parts(points)
        if len(part) >= 2
    ]
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}
