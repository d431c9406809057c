"""End-to-end in headless Chromium: compare's finder zooms both maps to a place; the airline
filter, chosen by name in Chinese, redraws the map, the numbers and the link."""

from __future__ import annotations

import shutil

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.test_e2e import assert_offline, count, settled, visit, wait_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromedriver") is None, reason="needs chromium-driver"),
]

CENTRE = """
var gd = document.querySelector('#' + arguments[0] + ' .js-plotly-plot');
var c = gd._fullLayout.geo.center; return [c.lat, c.lon, gd._fullLayout.geo.projection.scale];
"""


@pytest.fixture()
def atlas(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1366, 900)
    return dash_duo


def choose(atlas, dropdown: str, typed: str, expected: str):
    keys = lambda *k: ActionChains(atlas.driver).send_keys(*k).perform()  # noqa: E731
    atlas.find_element(dropdown).click()
    wait_for(lambda: "dash-dropdown-search" in atlas.driver.switch_to.active_element.get_attribute("class"),
             what="search box")  # fmt: skip
    keys(typed)
    wait_for(lambda: expected in atlas.find_element(".dash-dropdown-options").text, what="listed")
    keys(Keys.ARROW_DOWN, Keys.ENTER)


def test_compare_finder_zooms_both_maps_to_the_place(atlas):
    visit(atlas, "view=compare&proposal=hkvision-2017&lang=zh")
    wait_for(lambda: count(atlas, "#map-right .choroplethlayer path") > 150, what="right map")
    settled(atlas)
    choose(atlas, "#compare-pick", "曼谷", "曼谷")
    for side in ("map-left", "map-right"):
        lat, lon, scale = wait_for(
            lambda side=side: (c := atlas.driver.execute_script(CENTRE, side))[2] >= 3 and c,
            what=f"{side} zoomed",
        )
        assert abs(lat - 13.7) < 1.5 and abs(lon - 100.7) < 1.5  # Bangkok
    assert_offline(atlas)


def test_a_place_on_one_map_only_leaves_the_other_undimmed_and_centred_on_it(atlas):
    visit(atlas, "view=compare&proposal=hkvision-2017&lang=zh")
    wait_for(lambda: count(atlas, "#map-right .choroplethlayer path") > 150, what="right map")
    settled(atlas)
    choose(atlas, "#compare-pick", "建議在波蘭", "波蘭")  # a proposed office: the right map only
    focused = wait_for(lambda: atlas.driver.execute_script("return window.atlas.focused"),
                       what="focused")  # fmt: skip
    assert focused["found"] == [False, True]
    for side in ("map-left", "map-right"):
        lat, lon, scale = wait_for(
            lambda side=side: (c := atlas.driver.execute_script(CENTRE, side))[2] >= 3 and c,
            what=f"{side} zoomed",
        )
        assert abs(lat - 52) < 3 and abs(lon - 20) < 4  # Warsaw
    dimmed = """return document.querySelector('#' + arguments[0] + ' .js-plotly-plot').data
        .filter(function (t) { return Array.isArray(t.selectedpoints); }).length;"""
    assert atlas.driver.execute_script(dimmed, "map-left") == 0  # nothing there to bring out
    assert atlas.driver.execute_script(dimmed, "map-right") > 0


def test_the_airline_filter_by_name_redraws_map_numbers_and_link(atlas):
    visit(atlas, "lang=zh&layers=coverage,routes")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    settled(atlas)
    before = atlas.find_element("#numbers td.num[data-key='destinations']").text
    choose(atlas, "#airline", "國泰", "國泰航空 (CX)")
    wait_for(lambda: "airline=CX" in atlas.driver.current_url, what="the link")
    after = wait_for(
        lambda: (
            (x := atlas.find_element("#numbers td.num[data-key='destinations']").text) != before
            and x
        ),
        what="numbers follow",
    )
    assert int(after) < int(before)
    wait_for(lambda: "國泰航空" in atlas.find_element("#map-alt").text, what="caption names it")
    assert_offline(atlas)


def test_the_grid_writes_numbers_as_the_language_does_and_downloads_them_plain(atlas):
    from tests.test_e2e import grid_headers

    visit(atlas, "view=table&table=countries&lang=zh")
    grid_headers(atlas)
    search = atlas.find_element("#grid-search")
    search.send_keys("印度")
    wait_for(lambda: 0 < count(atlas, "#grid .ag-center-cols-container .ag-row") < 4, what="India")
    cell = wait_for(
        lambda: atlas.driver.execute_script(
            "var api = dash_ag_grid.getApi('grid'), n = null;"
            "api.forEachNodeAfterFilter(function (x) { n = n || x; });"
            "return n && api.getCellValue({rowNode: n, colKey: 'people', useFormatter: true});"
        ),
        what="people cell",
    )
    assert cell == "1,451"  # millions, thousands separated
    csv = atlas.driver.execute_script(
        "return dash_ag_grid.getApi('grid').getDataAsCsv({allColumns: true});"
    )
    assert '"1451"' in csv and '"1,451"' not in csv
    assert_offline(atlas)


def test_hovering_a_region_brings_out_the_routes_to_its_countries(atlas):
    from tests.test_e2e import FOCUS, HOVER

    # the BPA paper's "more ETOs in Belt and Road countries" is drawn as those countries
    visit(
        atlas, "layers=coverage,offices,routes&proposal=bpa-2024&status=existing,planned,proposed"
    )
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    settled(atlas)
    atlas.driver.execute_script(HOVER, "offices:prop-bpa-2024-bri-etos")
    n, opacities = wait_for(
        lambda: (f := atlas.driver.execute_script(FOCUS))[0] > 10 and f, what="region's routes"
    )
    assert all(o < 1 for o in opacities)  # the rest dimmed
    atlas.driver.execute_script(HOVER, "country:THA")  # Thailand alone: fewer
    wait_for(lambda: 0 < atlas.driver.execute_script(FOCUS)[0] < n, what="one country's routes")
