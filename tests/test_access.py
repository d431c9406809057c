"""Access without a mouse or without sight of the map, in process: ``<html lang>``, the skip link
and the searchable list of places (the keyboard path to every place on the map), each map's text
alternative with its numbers, and a mode bar with nothing that sends the chart away."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.describe import map_alt
from dashboard.ids import ID
from dashboard.layout import GRAPH_CONFIG, serve_layout
from dashboard.layout.details import details, parse_target
from dashboard.layout.places import place_options
from dashboard.scenes import state_options
from dashboard.state import ViewState
from geodata.layers import LAYERS
from geodata.measures import MEASURES, summary
from geodata.network import select
from tests.test_dashboard import find


@pytest.fixture(scope="module")
def state_of(catalog):
    opts = state_options(catalog)
    return lambda q: ViewState.from_query(q, opts)[0]


@pytest.mark.parametrize(("query", "lang"), [("", "en"), ("lang=en", "en"), ("lang=zh", "zh-Hant-HK"),
                                             ("lang=klingon", "en")])  # fmt: skip
def test_the_page_says_its_language(app, query, lang):
    html = app.server.test_client().get("/?" + query).get_data(as_text=True)
    assert re.search(r"<html[^>]*>", html).group(0) == f'<html lang="{lang}">'


def test_the_language_switch_updates_html_lang_in_the_browser():
    """Switching language re-renders the app root's ``lang``; atlas.js copies it to <html>."""
    from pathlib import Path

    js = (Path(__file__).resolve().parent.parent / "assets" / "atlas.js").read_text(
        encoding="utf-8"
    )
    assert "document.documentElement.lang = lang" in js and 'attributeFilter: ["lang"]' in js


def test_every_place_shown_can_be_found_and_opened(catalog, state_of):
    st = state_of(
        "layers=coverage,offices,cities,routes&proposal=hkvision-2017&status=existing,planned,proposed"
    )
    options = place_options(catalog, st)
    values = [o["value"] for o in options]
    assert len(values) == len(set(values))  # each place once
    sel = select(catalog, st.network_filter())
    for lid in st.point_layers:
        expected = {f"{lid}:{i}" for i in sel.layer(lid)["id"]}
        assert expected <= set(values), (lid, expected - set(values))
    assert any(v.startswith("country:") for v in values)
    for o in options:
        assert parse_target(o["value"]) is not None, o
        assert o["label"] and o["search"]
    # a sample of them opens the details panel with the place's name and a source
    for o in options[:: max(1, len(options) // 25)]:
        text = json.dumps([c.to_plotly_json() for c in details(catalog, st, parse_target(o["value"]))],
                          default=str, ensure_ascii=False)  # fmt: skip
        assert "Source" in text or "sources" in text.lower(), o
        assert o["label"].split(" — ")[0].split(" (")[0][:12] in text, o


def test_places_are_searchable_in_both_languages(catalog, state_of):
    options = place_options(catalog, state_of("lang=zh"))
    bangkok = [o for o in options if o["value"] == "offices:eto-bangkok"]
    assert bangkok and "Bangkok" in bangkok[0]["search"] and "曼谷" in bangkok[0]["search"]
    assert "曼谷" in bangkok[0]["label"]  # labelled in the UI language
    routes = [o for o in options if o["value"].startswith("routes:") and "曼谷" in o["label"]]
    assert len({o["label"] for o in routes}) == len(routes) >= 2  # BKK and DMK told apart


def test_only_the_layers_shown_are_listed(catalog, state_of):
    values = {o["value"].split(":")[0] for o in place_options(catalog, state_of("layers=offices"))}
    assert values == {"offices"}


def test_the_finder_opens_the_same_details_as_a_click(app):
    """The details panel's callback listens to the finder as well as to the map."""
    deps = [v for k, v in app.callback_map.items() if k.startswith(f"{ID.DETAILS}.children")]
    assert deps, list(app.callback_map)[:10]
    inputs = {f"{i['id']}.{i['property']}" for i in deps[0]["inputs"]}
    assert {f"{ID.MAP}.clickData", f"{ID.PLACE_PICK}.value"} <= inputs


def test_layout_has_a_skip_link_to_the_places_and_describes_the_map(catalog):
    from plotly.io.json import to_json_plotly

    layout = serve_layout(catalog, "")
    text = to_json_plotly(layout)
    assert '"href":"#places"' in text and "skip-link" in text
    places = find(layout, "places")
    assert places is not None and find(places, ID.PLACE_PICK) is not None
    assert f'"aria-describedby":"{ID.MAP_ALT}"' in text and '"role":"figure"' in text
    alt = find(layout, ID.MAP_ALT)
    assert alt is not None and "Offices" in alt.children


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_text_alternative_says_what_the_map_shows_with_its_numbers(catalog, state_of, lang):
    st = state_of(f"lang={lang}&proposal=hkvision-2017&layers=coverage,offices,routes")
    text = map_alt(catalog, st, lang)
    sel = select(catalog, st.network_filter())
    for lid in st.point_layers:
        assert LAYERS[lid].label(lang) in text
        assert str(len(sel.layer(lid))) in text
    s = summary(catalog, st.network_filter())
    changed = [k for k, g in s["gain"].items() if g]
    assert changed
    for k in changed:
        assert (
            f"{MEASURES[k].label(lang)} {s['baseline'][k]} → {s['coverage'][k]} (+{len(s['gain'][k])})"
            in text
        )
    if lang == "zh":
        assert "地圖" in text and "Map" not in text


def test_the_text_alternative_follows_the_filter(catalog, state_of):
    a = map_alt(catalog, state_of("region=asean"), "en")
    b = map_alt(catalog, state_of(""), "en")
    assert "ASEAN" in a and a != b


def test_the_mode_bar_offers_nothing_that_sends_the_chart_away():
    buttons = {b for group in GRAPH_CONFIG["modeBarButtons"] for b in group}
    assert buttons == {"toImage", "zoomInGeo", "zoomOutGeo", "resetGeo"}
    assert (
        GRAPH_CONFIG["showSendToCloud"] is False and GRAPH_CONFIG["showEditInChartStudio"] is False
    )
    assert GRAPH_CONFIG["showLink"] is False and "plotlyServerURL" not in GRAPH_CONFIG


def test_offices_are_drawn_and_picked_above_airports():
    """plotly picks the topmost trace: an office in the same city as an airport (Jakarta,
    Guangzhou, Shenzhen) must be above the route's end marker."""
    from dashboard.figures.mapfig import INDEX

    offices = [
        i for name, i in INDEX.items() if name.startswith("offices_") and "areas" not in name
    ]
    airports = [INDEX["routes_points"], *[i for n, i in INDEX.items() if n.startswith("routes_")]]
    assert min(offices) > max(airports)


def test_a_year_without_its_own_route_evidence_says_so_under_the_map(catalog):
    from dashboard.describe import map_alt
    from dashboard.state import ViewState

    assert "No route evidence this early" in map_alt(catalog, ViewState(year=1999), "en")
    assert "2014" in map_alt(catalog, ViewState(year=2020), "en")  # the latest snapshot, named
    assert "本年沒有更新資料" in map_alt(catalog, ViewState(year=2020, lang="zh"), "zh")
    now = map_alt(catalog, ViewState(), "en")
    assert "evidence" not in now.lower() and "latest known" not in now
    assert (
        "evidence"
        not in map_alt(catalog, ViewState(year=1999, layers=("coverage", "offices")), "en").lower()
    )
