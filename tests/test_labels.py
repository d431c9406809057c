"""Place labels and the views they are placed in: no two names overlap or cover a marker at the
sizes used for screen, compare, present mode, slides and phones; the places a view is about are
named; the Python projection agrees with plotly.js; fixed zooms and region fits show their area;
the Hong Kong-centred view puts every destination at its true distance."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest

from dashboard.figures import labels as lbl
from dashboard.figures import mapfig
from dashboard.figures.projection import Frame, View
from dashboard.figures.view import BOXES, EARTH_KM, RINGS_KM, base_view, region_box, ring, view_for
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.codes import HKG_AIRPORT
from geodata.network import select

DATA = Path(__file__).resolve().parent / "data"
#: The geo sizes (px) maps are drawn at: explore at 1366×768 and 1920×1080, a compare half,
#: present mode, a 1920×1080 slide, a phone.
SIZES = {"explore": (1010, 640), "explore-fhd": (1500, 900), "narrow": (540, 520),
         "present": (1300, 800), "slide": (1450, 930), "phone": (370, 520)}  # fmt: skip
QUERIES = {
    "default": "",
    "zh": "lang=zh",
    "asean": "region=asean",
    "gba-2024": "layers=provinces,offices&metric=offices&proposal=bpa-2024&kind=mainland_office,"
    "mainland_liaison&status=existing&focus=gba",
    "mainland-2012": "layers=provinces,offices&metric=offices&kind=mainland_office,mainland_liaison"
    "&status=existing&year=2012&focus=china",
    "hk-projection": "proj=hk&layers=coverage,routes,offices",
    "hkvision-zh": "lang=zh&proposal=hkvision-2017&layers=coverage,offices,cities,routes",
    "middle-east": "layers=coverage,offices,routes&region=middle-east,central-asia&focus=middle-east",
}


@pytest.fixture(scope="module")
def state_of(catalog):
    opts = state_options(catalog)

    def make(query: str) -> ViewState:
        st, warnings = ViewState.from_query(query, opts)
        assert warnings == [], warnings
        return st

    return make


def placement(catalog, st: ViewState, size: tuple[int, int], shape: str = "normal"):
    """What the figure builder places for ``st`` at ``size``, with the markers it avoided."""
    upd = mapfig.trace_updates(catalog, st, shape=shape, size=size)
    frame = Frame(view_for(catalog, st, size), *size)
    font = mapfig.LABEL_PX[shape]
    placed = lbl.place(
        lbl.candidates(catalog, st), frame, font, st.labels, mapfig._markers(frame, upd)
    )
    return placed, frame, upd


@pytest.mark.parametrize("size", SIZES.values(), ids=list(SIZES))
@pytest.mark.parametrize("query", QUERIES.values(), ids=list(QUERIES))
def test_no_two_labels_overlap_and_none_covers_a_marker(catalog, state_of, query, size):
    st = state_of(query)
    placed, frame, upd = placement(catalog, st, size)
    boxes = [p.box for p in placed]
    for a, b in itertools.combinations(boxes, 2):
        assert not lbl._overlaps(a, b, 0), (a, b)
    for x, y, r in mapfig._markers(frame, upd):
        marker = (x - r, y - r, x + r, y + r)
        for p in placed:
            assert not lbl._overlaps(p.box, marker, 0), (p.candidate.text, (x, y, r))
    for x0, y0, x1, y1 in boxes:  # inside the frame
        assert x0 >= 0 and y0 >= 0 and x1 <= size[0] and y1 <= size[1]
    for p in placed:  # and on the map (beyond a world map's curved edge a name wraps away)
        assert frame.on_map([p.x], [p.y])[0], p.candidate.text


@pytest.mark.parametrize("query", QUERIES.values(), ids=list(QUERIES))
def test_labels_stay_near_their_place(catalog, state_of, query):
    """A name sits next to its place; only Hong Kong, proposals and offices may move further,
    with a leader line, and not far."""
    st = state_of(query)
    placed, _, _ = placement(catalog, st, SIZES["explore"])
    assert placed, "a map with places names some"
    for p in placed:
        dist = math.hypot(p.x - p.anchor_x, p.y - p.anchor_y)
        reach = p.w / 2 + p.h
        if p.leader:
            assert p.candidate.priority >= lbl.OFFICE
            top = max(max(v) for v in lbl.LEADER_STEPS.values())
            reach += top * p.h
        assert dist <= reach + 1, (p.candidate.text, dist, reach)


def test_the_trace_draws_what_was_placed(catalog, state_of):
    st = state_of("")
    size = SIZES["explore"]
    placed, frame, upd = placement(catalog, st, size)
    tr = upd["labels"]
    assert tr["text"] == [p.candidate.text for p in placed]
    xs, ys = frame.to_px(tr["lon"], tr["lat"])
    for p, x, y in zip(placed, xs, ys):
        assert abs(p.x - x) < 0.5 and abs(p.y - y) < 0.5
    leaders = [p for p in placed if p.leader]
    assert len([v for v in upd["label_lines"]["lon"] if v is None]) == len(leaders)


def test_gba_scene_names_the_greater_bay_area_cities(catalog, state_of):
    """The first version drew nine unlabelled squares."""
    st = state_of(QUERIES["gba-2024"])
    for size in (SIZES["explore"], SIZES["slide"]):
        names = {p.candidate.text for p in placement(catalog, st, size)[0]}
        expected = {"Hong Kong", "Guangzhou", "Shenzhen", "Zhuhai", "Foshan", "Dongguan", "Zhongshan",
                    "Jiangmen", "Huizhou", "Zhaoqing"}  # fmt: skip
        assert len(names & expected) >= 8, names


@pytest.mark.parametrize("size", [SIZES["explore"], SIZES["slide"], SIZES["phone"]])
def test_mainland_2012_names_every_office_it_draws(catalog, state_of, size):
    """The first version drew seven unlabelled squares."""
    st = state_of(QUERIES["mainland-2012"])
    offices = select(catalog, st.network_filter()).offices
    assert len(offices) >= 5
    named = {p.candidate.key for p in placement(catalog, st, size)[0]}
    missing = [r for r in offices["id"] if f"offices:{r}" not in named]
    assert missing == [] or (size == SIZES["phone"] and len(missing) <= 2), missing


def test_labels_follow_the_language(catalog, state_of):
    en = {
        p.candidate.key: p.candidate.text
        for p in placement(catalog, state_of(""), SIZES["explore"])[0]
    }
    zh = {
        p.candidate.key: p.candidate.text
        for p in placement(catalog, state_of("lang=zh"), SIZES["explore"])[0]
    }
    common = set(en) & set(zh)
    assert len(common) >= 5
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in zh[k]) for k in common), zh
    assert "香港" in zh.values() and "Hong Kong" in en.values()


def test_key_places_only_and_off(catalog, state_of):
    auto = placement(catalog, state_of(""), SIZES["explore"])[0]
    key = placement(catalog, state_of("labels=key"), SIZES["explore"])[0]
    off = placement(catalog, state_of("labels=off"), SIZES["explore"])[0]
    assert off == [] and 0 < len(key) < len(auto)
    assert all(p.candidate.priority >= lbl.KEY_PRIORITY for p in key)


def test_proposal_targets_outrank_routes():
    frame = Frame(View(lon_range=(100, 130), lat_range=(10, 40), rotation_lon=115, center_lon=115,
                       center_lat=25), 400, 300)  # fmt: skip
    route = lbl.Candidate("Route city", 114.0, 22.0, lbl.ROUTE, "routes:x")
    target = lbl.Candidate("Target", 114.05, 22.02, lbl.PROPOSAL, "offices:y")
    placed = lbl.place(sorted([route, target], key=lambda c: -c.priority), frame, 12)
    assert placed[0].candidate is target
    alone = lbl.place(
        [target], frame, 12, obstacles=[(x, y, 40) for x, y in zip(*frame.to_px([114.05], [22.02]))]
    )
    assert alone and alone[0].leader  # pushed out by a big marker: a leader line, not dropped


def test_cjk_text_is_measured_wider_than_latin():
    assert lbl.text_width("香港", 12) == pytest.approx(24)
    assert lbl.text_width("Hong Kong", 12) < lbl.text_width("香港特別行政區", 12)


# -- projection and views ---------------------------------------------------------------
def test_python_projection_matches_plotly_js():
    """Pixel positions measured in the browser (plotly.js's own projection) agree to 1 px."""
    cases = json.loads((DATA / "plotly_projection.json").read_text())["cases"]
    for case in cases:
        v = case["view"]
        view = View(**{**v, "lon_range": tuple(v["lon_range"]), "lat_range": tuple(v["lat_range"])})
        frame = Frame(view, *case["size"])
        assert frame.pixel_scale == pytest.approx(case["scale"], rel=1e-3)
        lon, lat = zip(*case["points"])
        xs, ys = frame.to_px(lon, lat)
        for x, y, (bx, by) in zip(xs, ys, case["pixels"]):
            assert math.hypot(x - bx, y - by) < 1.0
        back = frame.to_lonlat(xs, ys)
        assert np.allclose(back[0] % 360, np.array(lon) % 360, atol=1e-6)


@pytest.mark.parametrize("focus", list(BOXES))
@pytest.mark.parametrize("size", [SIZES["explore"], SIZES["phone"], SIZES["slide"]])
def test_fixed_zooms_show_all_of_their_area(catalog, state_of, focus, size):
    """Java in Asia, Hainan in China: every corner of a zoom's box is inside the frame."""
    st = state_of(f"focus={focus}")
    frame = Frame(view_for(catalog, st, size), *size)
    (lon0, lon1), (lat0, lat1) = BOXES[focus]
    xs, ys = frame.to_px([lon0, lon1, lon0, lon1], [lat0, lat0, lat1, lat1])
    assert frame.visible(xs, ys, margin=1).all()


@pytest.mark.parametrize("region", ["asean", "eu", "gba-cities", "middle-east", "central-asia"])
def test_choosing_a_region_fits_the_map_to_it(catalog, state_of, region):
    if region not in catalog.region_members:
        pytest.skip(f"no region {region}")
    st = state_of(f"region={region}")
    box = region_box(catalog, (region,))
    assert box is not None
    size = SIZES["explore"]
    frame = Frame(view_for(catalog, st, size), *size)
    (lon0, lon1), (lat0, lat1) = box
    xs, ys = frame.to_px([lon0, lon1, (lon0 + lon1) / 2], [lat0, lat1, (lat0 + lat1) / 2])
    assert frame.visible(xs, ys, margin=1).all()
    # and the region is not a speck: its box spans at least half the frame one way or the other
    assert max(abs(xs[1] - xs[0]) / size[0], abs(ys[1] - ys[0]) / size[1]) >= 0.5


def test_a_chosen_zoom_wins_over_the_region_fit(catalog, state_of):
    assert base_view(catalog, state_of("region=asean&focus=china")).lon_range == BOXES["china"][0]


@pytest.mark.parametrize("size", list(SIZES.values()), ids=list(SIZES))
def test_views_are_widened_to_the_frame(catalog, state_of, size):
    """The range box has the frame's shape, so plotly leaves no empty band."""
    for query in ("", "focus=asia", "region=asean"):
        frame = Frame(view_for(catalog, state_of(query), size), *size)
        v = frame.view
        grid = np.meshgrid(np.linspace(*v.lon_range, 30), np.linspace(*v.lat_range, 30))
        xs, ys = frame.to_px(*grid)
        w, h = np.ptp(xs[np.isfinite(xs)]), np.ptp(ys[np.isfinite(ys)])
        assert w >= 0.97 * size[0] or h >= 0.97 * size[1]
        if query or size[0] / size[1] > 1.3:  # the whole world is wider than a square frame
            assert w >= 0.75 * size[0] and h >= 0.75 * size[1], (query, w, h, size)
        else:  # so it spans the width, and as much latitude as there is
            assert v.lat_range[1] - v.lat_range[0] >= 170, v.lat_range


def test_hk_view_puts_destinations_at_their_true_distance(catalog, state_of):
    st = state_of(QUERIES["hk-projection"])
    frame = Frame(view_for(catalog, st, SIZES["explore"]), *SIZES["explore"])
    hx, hy = frame.to_px([HKG_AIRPORT[1]], [HKG_AIRPORT[0]])
    lat, lon = ring(5000)
    xs, ys = frame.to_px(lon, lat)
    radii = np.hypot(xs - hx[0], ys - hy[0])
    assert np.ptp(radii) / radii.mean() < 0.01  # a circle around Hong Kong: equal distances
    # and distances in proportion: the 10,000 km ring is twice as far out as the 5,000 km one
    far = np.hypot(*(np.array(frame.to_px(*ring(10000)[::-1])) - np.array([[hx[0]], [hy[0]]])))
    assert far.mean() / radii.mean() == pytest.approx(2.0, rel=0.01)
    assert RINGS_KM[-1] < EARTH_KM * math.pi  # every ring is a circle, short of the antipode
