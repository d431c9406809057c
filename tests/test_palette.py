"""The map's colours, measured: contrast between legend classes and for text, what colour-blind
viewers and greyscale prints see, gains that do not read as losses, and legend symbols that draw
what the map draws."""

from __future__ import annotations

import colorsys
import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dashboard.figures import palette as pal
from dashboard.figures.contrast import CVD, contrast, distance, luminance, rgb, simulate
from dashboard.figures.symbols import SHAPES, line_svg, symbol_svg
from geodata.kinds import KINDS
from geodata.layers import LAYERS
from geodata.metrics import METRICS

CSS = (Path(__file__).resolve().parent.parent / "assets" / "atlas.css").read_text(encoding="utf-8")
DEFICIENCIES = (*CVD, "greyscale")
CATEGORICAL = [m for m in METRICS.values() if m.categorical]


def css_var(name: str) -> str:
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", CSS).group(1)


def test_contrast_known_answers():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#fff", "#ffffff") == pytest.approx(1.0)
    assert rgb("rgba(0,0,0,0.5)") == pytest.approx([0.5, 0.5, 0.5])
    # a deficiency changes hues, greyscale keeps luminance
    assert simulate("#ff0000", "protanopia") != "#ff0000"
    assert luminance(simulate("#3a7bd5", "greyscale")) == pytest.approx(
        luminance("#3a7bd5"), abs=0.01
    )
    with pytest.raises(ValueError):
        rgb("blue")


def ceiling(n: int, lightest: str) -> float:
    """The best contrast n ordered classes can have between neighbours, from ``lightest`` to black."""
    return ((luminance(lightest) + 0.05) / 0.05) ** (1 / (n - 1))


@pytest.mark.parametrize("metric", CATEGORICAL, ids=lambda m: m.id)
def test_adjacent_legend_classes_contrast(metric):
    """3:1 between neighbouring classes where it can be had (two classes); with more classes 3:1
    is impossible (five classes from near-white to black allow at most ~2.1:1), so each step
    must reach 85 % of what is possible, and the classes run light to dark (greyscale order)."""
    colours = [c.colour for c in metric.categories]
    steps = [contrast(a, b) for a, b in itertools.pairwise(colours)]
    need = 3.0 if len(colours) == 2 else 0.85 * ceiling(len(colours), colours[0])
    assert min(steps) >= need, (metric.id, steps, need)
    lum = [luminance(c) for c in colours]
    assert lum == sorted(lum, reverse=True), f"{metric.id}: not light to dark"


@pytest.mark.parametrize("metric", CATEGORICAL, ids=lambda m: m.id)
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_classes_stay_apart_for_colour_blind_viewers_and_in_greyscale(metric, deficiency):
    colours = [simulate(c.colour, deficiency) for c in metric.categories]
    for a, b in itertools.combinations(colours, 2):
        assert distance(a, b) >= 15, (metric.id, deficiency, a, b)


def _pairs_that_need_colour(layer) -> list[tuple[str, str]]:
    """Class pairs of a layer that only colour tells apart (same dash; same marker shape)."""
    out = []
    for a, b in itertools.combinations(layer.classes, 2):
        if layer.draw == "arcs":
            if pal.ROUTE_LINES[a]["dash"] != pal.ROUTE_LINES[b]["dash"]:
                continue
        elif pal.marker_style(a)[:2] != pal.marker_style(b)[:2]:
            continue
        out.append((a, b))
    return out


@pytest.mark.parametrize("layer", LAYERS.values(), ids=list(LAYERS))
@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_status_is_told_apart_by_shape_dash_or_a_safe_colour(layer, deficiency):
    for a, b in _pairs_that_need_colour(layer):
        ca, cb = (simulate(pal.STATUS_COLOURS[x], deficiency) for x in (a, b))
        assert distance(ca, cb) >= 12, (layer.id, deficiency, a, b)


def test_planned_and_proposed_differ_in_dash_and_marker_shape():
    """The pair the first version confused (green and red dots, 1.23:1 under deuteranopia)."""
    assert pal.ROUTE_LINES["planned"]["dash"] != pal.ROUTE_LINES["proposed"]["dash"]
    assert pal.marker_style("planned")[0] != pal.marker_style("proposed")[0]
    assert pal.marker_style("existing")[1] != pal.marker_style("proposed")[1]  # filled vs ring


def _hue(colour: str) -> float:
    return colorsys.rgb_to_hsv(*rgb(colour))[0] * 360


def test_gains_are_orange_not_red():
    gain = METRICS["gain"].categories[1].colour
    added = METRICS["diff"].categories[-1].colour
    for c in (gain, added, css_var("gain"), pal.STATUS_COLOURS["proposed"]):
        assert 20 <= _hue(c) <= 50, (c, _hue(c))


@pytest.mark.parametrize(
    ("fg", "bg"),
    [("ink", "panel"), ("muted", "panel"), ("muted", "bg"), ("accent", "panel"), ("gain", "panel")],
)
def test_text_colours_reach_4_5_to_1(fg, bg):
    assert contrast(css_var(fg), css_var(bg)) >= 4.5


def test_selected_tab_and_dash_controls_use_the_accent():
    """The active tab is white on the accent (the first version: purple on blue, 1.39:1)."""
    assert re.search(r"--Dash-Fill-Interactive-Strong:\s*#08519c", CSS)
    assert "accent-color: var(--accent)" in CSS
    assert contrast("#ffffff", css_var("accent")) >= 4.5


@pytest.mark.parametrize("status", list(pal.STATUS_COLOURS))
@pytest.mark.parametrize("shape", SHAPES)
def test_legend_symbols_are_svg_of_what_the_map_draws(shape, status):
    suffix, fill, outline, width = pal.marker_style(status)
    svg = symbol_svg(shape + suffix, fill, outline, width)
    root = ET.fromstring(svg)
    path = root.find("{http://www.w3.org/2000/svg}path")
    assert path.get("fill") == fill and path.get("stroke") == outline
    has_dot = root.find("{http://www.w3.org/2000/svg}circle") is not None
    assert has_dot == suffix.endswith("-dot")


def test_every_kind_has_a_drawable_shape_and_every_route_a_dash():
    assert {k.symbol for k in KINDS.values()} <= set(SHAPES)
    for style in pal.ROUTE_LINES.values():
        ET.fromstring(line_svg(style["color"], style["width"], style["dash"]))
    dashes = [s["dash"] for s in pal.ROUTE_LINES.values()]
    assert len(set(dashes)) >= len(dashes) - 1  # only existing and new share solid lines


def test_a_ring_on_an_office_already_there_is_drawn_around_it_open(catalog):
    """The GBA proposal's offices in Guangzhou and Shenzhen stand where offices stand today:
    their rings are larger and open, so today's markers show inside them."""
    from dashboard.figures import mapfig
    from dashboard.scenes import state_options
    from dashboard.state import ViewState

    q = ("layers=provinces,offices&metric=offices&proposal=bpa-2024&kind=mainland_office,mainland_liaison"
         "&status=existing&focus=gba")  # fmt: skip
    state, _ = ViewState.from_query(q, state_options(catalog))
    upd = mapfig.trace_updates(catalog, state)
    ring = upd["offices_proposed"]
    fills = ring["marker"]["color"]
    assert isinstance(fills, list) and fills.count(pal.OPEN_RING) >= 2
    sizes = ring["marker"]["size"]
    opened = [s for s, f in zip(sizes, fills) if f == pal.OPEN_RING]
    closed = [s for s, f in zip(sizes, fills) if f != pal.OPEN_RING]
    assert min(opened) > max(closed)
    # with nothing under them, rings keep their white fill (the seven other cities)
    assert fills.count(pal.marker_style("proposed")[1]) >= 5
