"""End-to-end in headless Chromium: a user drafts a proposal by searching and by clicking the
map, sees what it adds, reloads the link and gets the same draft, and exports it."""

from __future__ import annotations

import shutil

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.test_e2e import assert_offline, count, settled, visit, wait_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromedriver") is None, reason="needs chromium-driver"),
]

CLICK = """
var gd = document.querySelector('#map .js-plotly-plot'), v = arguments[0];
var i = gd.data.findIndex(function (t) { return (t.customdata || []).indexOf(v) >= 0; });
var k = gd.data[i].customdata.indexOf(v);
gd.emit('plotly_click', {points: [{curveNumber: i, pointNumber: k, customdata: v,
                                   location: (gd.data[i].locations || [])[k]}]});
"""


@pytest.fixture()
def atlas(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.driver.set_window_size(1366, 1000)
    return dash_duo


def draft_text(atlas) -> str:
    return atlas.find_element("#draft-items").text


def test_e2e_draft_by_search_and_click_survives_the_link_and_exports(atlas):
    visit(atlas, "lang=zh")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    settled(atlas)
    atlas.find_element("#draft-summary").click()
    # search a place in Chinese and add it (kind: Economic and Trade Office, the default)
    keys = lambda *k: ActionChains(atlas.driver).send_keys(*k).perform()  # noqa: E731
    atlas.find_element("#draft-place").click()
    wait_for(lambda: "dash-dropdown-search" in atlas.driver.switch_to.active_element.get_attribute("class"),
             what="search box")  # fmt: skip
    keys("河內")
    wait_for(lambda: "河內" in atlas.find_element(".dash-dropdown-options").text, what="listed")
    keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_for(lambda: "河內" in atlas.find_element("#draft-place").text, what="place chosen")
    atlas.find_element("#draft-add").click()
    wait_for(lambda: "河內" in draft_text(atlas), what="first item")
    assert "draft=eto:VNM:Hanoi" in atlas.driver.current_url
    # then tick "add by clicking the map" and click a country
    atlas.find_element("#draft-click input").click()
    settled(atlas)
    atlas.driver.execute_script(CLICK, "country:KAZ")
    wait_for(lambda: "哈薩克" in draft_text(atlas), what="second item")
    assert "draft=eto:VNM:Hanoi,eto:KAZ" in atlas.driver.current_url
    adds = wait_for(
        lambda: (
            "哈薩克" in atlas.find_element("#draft-adds").text
            and atlas.find_element("#draft-adds").text
        ),
        what="what the draft adds",
    )
    assert "+2" in adds and "越南" in adds  # two countries gain an office
    settled(atlas)
    # the map draws the draft in its own class
    legend = atlas.find_element("#map-legend").text
    assert "你的草擬建議（2）" in legend
    # a colleague opens the link: the same draft and the same numbers
    url = atlas.driver.current_url
    items, numbers = draft_text(atlas), atlas.find_element("#numbers").text
    atlas.driver.get(url)
    atlas.wait_for_element("#app-root", timeout=20)
    wait_for(lambda: draft_text(atlas) == items, what="the same draft after reload")
    wait_for(lambda: atlas.find_element("#numbers").text == numbers, what="the same numbers")
    # exports: the slide and the data tables carry the draft
    png = atlas.find_element("#explore-exports a").get_attribute("href")
    assert "draft=eto:VNM:Hanoi,eto:KAZ" in png
    href = atlas.find_element("#draft-download").get_attribute("href")
    size = atlas.driver.execute_async_script(
        "var done = arguments[1]; fetch(arguments[0]).then(function (r) {"
        " return r.status === 200 ? r.arrayBuffer() : null; })"
        ".then(function (b) { done(b ? b.byteLength : -1); });",
        href,
    )
    assert size > 500
    # remove an item with the keyboard
    remove = atlas.driver.find_elements(By.CSS_SELECTOR, "#draft-items button")[0]
    remove.send_keys(Keys.ENTER)
    wait_for(lambda: "河內" not in draft_text(atlas), what="item removed")
    assert "draft=eto:KAZ" in atlas.driver.current_url
    assert_offline(atlas)
