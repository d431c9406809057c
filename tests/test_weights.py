"""Coverage weighted by people (geodata/weights.py) against hand-computed values, and the two
metrics that weigh places: population and the distance to the nearest office."""

from __future__ import annotations

import pytest
from pyproj import Geod

from dashboard.layout.panels import compare_numbers, numbers_panel
from dashboard.scenes import state_options
from dashboard.state import ViewState, catalog_for
from geodata.metrics import _anchors, country_metrics
from geodata.network import bri_members, select
from geodata.weights import people, population_shares, world_population

ARE, SAU = 10_986_400, 35_300_280  # World Bank SP.POP.TOTL 2024 (geodata/data/population.csv)
WORLD = 8_141_679_757  # the table's sum; the World Bank's world figure is 8,141,808,945


def texts(component) -> str:
    """Every text in a component tree, joined."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(texts(c) for c in component)
    children = getattr(component, "children", None)
    return texts(children) if children is not None else ""


def state_of(catalog, query):
    state, warnings = ViewState.from_query(query, state_options(catalog))
    assert warnings == []
    return state


def test_the_world_is_the_tables_sum_and_matches_the_world_bank(catalog):
    assert world_population(catalog) == WORLD
    assert abs(WORLD - 8_141_808_945) / 8_141_808_945 < 1e-4


def test_gulf_offices_hold_the_share_computed_by_hand(catalog):
    state = state_of(catalog, "region=gcc&status=existing")
    share = population_shares(catalog, state.network_filter())["countries_with_office"]
    assert (share.people, share.base_people, share.total) == (ARE, ARE, WORLD)  # Dubai's ETO
    assert share.share == pytest.approx(ARE / WORLD)
    # a drafted ETO in Riyadh adds Saudi Arabia's people
    mine = state_of(catalog, "region=gcc&status=existing&draft=eto:SAU:Riyadh")
    cat = catalog_for(catalog, mine)
    s = population_shares(cat, mine.network_filter())["countries_with_office"]
    assert (s.people, s.base_people) == (ARE + SAU, ARE)
    assert (s.share - s.base_share) * 100 == pytest.approx(SAU / WORLD * 100)
    bri = population_shares(cat, mine.network_filter())["bri_countries_with_office"]
    total = people(catalog, bri_members(catalog, mine.network_filter().as_of))
    assert bri.total == total and bri.people == ARE + SAU
    assert 3.5e9 < total < 4.5e9  # the Belt and Road countries' people, about 3.9 billion


def test_the_numbers_show_the_shares_and_the_api_gives_them(catalog, app):
    state = state_of(catalog, "region=gcc&status=existing&draft=eto:SAU:Riyadh")
    text = texts(numbers_panel(catalog, state))
    assert "0.6\u00a0%" in text and f"+{SAU / WORLD * 100:.1f}\u00a0pts" in text
    zh = texts(numbers_panel(catalog, state.with_(lang="zh")))
    assert "佔全球人口" in zh and "0.6%" in zh
    body = app.server.test_client().get(f"/api/v1/summary?{state.to_query()}").get_json()
    p = body["population"]["countries_with_office"]
    assert (p["people"], p["base_people"], p["total"], p["of"]) == (ARE + SAU, ARE, WORLD, "world")
    compare = str(compare_numbers(catalog, state.with_(view="compare")))
    assert "share-row" in compare


def test_the_distance_to_the_nearest_office_is_the_great_circle_to_it(catalog):
    state = state_of(catalog, "layers=coverage,offices&metric=nearest_office")
    flt = state.network_filter()
    km = country_metrics(catalog, flt, state.point_layers)["nearest_office"]
    offices = select(catalog, flt).offices
    assert km["USA"] == 0 and km["IND"] == 0  # an office stands there
    lat, lon = _anchors(catalog, "country")
    placed = offices[offices["precision"] != "region"]
    geod = Geod(ellps="WGS84")
    for iso3 in ("BRA", "NGA", "KAZ"):
        n = len(placed)
        _, _, d = geod.inv([lon[iso3]] * n, [lat[iso3]] * n, placed["lon"], placed["lat"])
        assert km[iso3] == pytest.approx(min(d) / 1000, rel=0.005)  # sphere vs ellipsoid
    # a drafted office in Kazakhstan brings it to 0
    mine = state.with_(draft=("eto:KAZ",))
    km2 = country_metrics(catalog_for(catalog, mine), mine.network_filter(), state.point_layers)
    assert km2.at["KAZ", "nearest_office"] == 0 and km2.at["UZB", "nearest_office"] < km["UZB"]


def test_population_is_a_metric_by_classes_and_hovers_in_millions(catalog):
    from dashboard.figures.hover import area_hover

    m = country_metrics(catalog, ViewState(metric="population").network_filter())
    assert m.at["IND", "people"] == 1451 and m.at["CHN", "people"] == 1409
    assert m.at["TWN", "people"] == 23
    classes = m["population"]
    assert (classes["IND"], classes["NGA"], classes["TWN"], classes["GRL"]) == (4, 4, 2, 1)
    assert (classes["THA"], classes["JPN"]) == (3, 3)
    assert classes["ATF"] == 0  # no figure: drawn as such, not as a small country
    hover = area_hover(m.loc[["IND"]], catalog.country_names, "en", "population")[0]
    assert "Population: 1,451 million" in hover
    assert (
        "Population" not in area_hover(m.loc[["IND"]], catalog.country_names, "en", "presence")[0]
    )
    far = area_hover(m.loc[["BRA"]], catalog.country_names, "zh", "nearest_office")[0]
    assert "與最近辦事處的距離" in far and "公里" in far


def test_a_year_before_the_evidence_shows_no_flight_numbers_and_no_belt_and_road_shares(catalog):
    panel = str(numbers_panel(catalog, state_of(catalog, "year=2005")))
    for key in ("countries_with_route", "destinations"):
        assert f"children='—', className='num', data-key='{key}'" in panel.replace('"', "'")
    assert texts(numbers_panel(catalog, state_of(catalog, "year=2005"))).count("%") == 2
    # (the two world shares of offices; no flights known, no Belt and Road before 2013)
    later = texts(numbers_panel(catalog, state_of(catalog, "year=2026")))
    assert later.count("%") == 6
