"""Briefing-grade maps in headless Chromium: names on every map in both languages, maps that
fill their frame (and a Python projection that agrees with what plotly.js draws), a phone-sized
present mode, the keyboard path to a place's details, no link to a cloud service, and a
three-scene Chinese briefing written, reordered, presented full screen and exported."""

from __future__ import annotations

import json
import math
import shutil

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from dashboard.figures.projection import Frame, View
from tests.test_e2e import assert_offline, count, visit, wait_for

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromedriver") is None, reason="needs chromium-driver"),
]

GD = "document.querySelector('#{id} .js-plotly-plot')"


@pytest.fixture()
def atlas(dash_duo, app):
    dash_duo.start_server(app)
    return dash_duo


def sized(atlas, w: int, h: int):
    """The window whose *viewport* is w × h (the window adds its own chrome)."""
    d = atlas.driver
    d.set_window_size(w, h)
    vw, vh = d.execute_script("return [window.innerWidth, window.innerHeight]")
    d.set_window_size(w + (w - vw), h + (h - vh))


def labels(atlas, map_id: str) -> list[str]:
    return atlas.driver.execute_script(
        f"var gd = {GD.format(id=map_id)}; if (!gd || !gd.data) return [];"
        "var t = gd.data.find(function (d) { return d.uid === 'labels'; });"
        "return t && t.visible !== false ? t.text : [];"
    )


def drawn_label_texts(atlas, map_id: str) -> set[str]:
    """The names actually drawn as SVG text on the map."""
    return {
        e.text
        for e in atlas.driver.find_elements(By.CSS_SELECTOR, f"#{map_id} g.trace.scattergeo text")
        if e.text
    }


def geo(atlas, map_id: str) -> dict:
    return atlas.driver.execute_script(
        f"var gd = {GD.format(id=map_id)}; var g = gd._fullLayout.geo, sp = g._subplot;"
        "var pts = arguments[0].map(function (q) { return sp.projection(q); });"
        "return {w: gd._fullLayout.width, h: gd._fullLayout.height,"
        " dw: gd._fullLayout._size.w * (g.domain.x[1] - g.domain.x[0]),"
        " dh: gd._fullLayout._size.h * (g.domain.y[1] - g.domain.y[0]),"
        " bw: sp.xaxis._length, bh: sp.yaxis._length, pts: pts,"
        " view: {projection: g.projection.type, rotation_lon: g.projection.rotation.lon,"
        "  rotation_lat: g.projection.rotation.lat, center_lon: g.center.lon, center_lat: g.center.lat,"
        "  lon_range: g.lonaxis.range, lat_range: g.lataxis.range, scale: g.projection.scale}};",
        [[114.17, 22.3], [103.99, 1.35], [151.2, -33.9], [2.35, 48.85], [-74.0, 40.7]],
    )


def drawn_share(atlas, map_id: str) -> float:
    """The share of the graph's area that the land drawn covers the extent of (the bounding box
    of every country drawn, clipped to the graph)."""
    return atlas.driver.execute_script(
        "var host = document.getElementById(arguments[0]);"
        "var g = host.querySelector('.main-svg').getBoundingClientRect();"
        "var l = 1e9, t = 1e9, r = -1e9, b = -1e9;"
        "host.querySelectorAll('.choroplethlayer path').forEach(function (p) {"
        " var q = p.getBoundingClientRect(); if (!q.width) return;"
        " l = Math.min(l, q.left); t = Math.min(t, q.top); r = Math.max(r, q.right); b = Math.max(b, q.bottom); });"
        "l = Math.max(l, g.left); t = Math.max(t, g.top); r = Math.min(r, g.right); b = Math.min(b, g.bottom);"
        "return Math.max(0, r - l) * Math.max(0, b - t) / (g.width * g.height);",
        map_id,
    )


@pytest.mark.parametrize(
    ("query", "map_id", "hk"),
    [
        ("", "map", "Hong Kong"),
        ("lang=zh", "map", "香港"),
        ("view=compare&proposal=hkvision-2017", "map-right", "Hong Kong"),
        ("view=compare&proposal=hkvision-2017&lang=zh", "map-left", "香港"),
        ("view=present&scene=5", "map-present", "Hong Kong"),
        ("view=present&scene=5&lang=zh", "map-present", "香港"),
    ],
)
def test_maps_name_their_places_in_the_language_shown(atlas, query, map_id, hk):
    sized(atlas, 1366, 768)
    visit(atlas, query)
    wait_for(lambda: len(labels(atlas, map_id)) >= 5, what=f"labels on {map_id}")
    names = wait_for(lambda: drawn_label_texts(atlas, map_id) if hk in drawn_label_texts(atlas, map_id) else None,
                     what="Hong Kong named")  # fmt: skip
    cjk = [n for n in names if any("\u4e00" <= c <= "\u9fff" for c in n)]
    if hk == "香港":
        assert len(cjk) >= 0.8 * len(names), names
    else:
        assert not cjk, cjk
    assert_offline(atlas)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("query", ["", "region=asean", "focus=china", "proj=hk"])
def test_the_map_fills_its_frame_and_python_knows_where_plotly_draws(atlas, size, query):
    sized(atlas, *size)
    visit(atlas, query)
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 20, what="map")
    wait_for(lambda: atlas.driver.execute_script(
        "var s = document.getElementById('map-sizes'); return true;"), what="sizes")  # fmt: skip
    g = wait_for(lambda: (lambda r: r if abs(r["dw"] - r["w"]) < 2 else None)(geo(atlas, "map")),
                 what="the map spans its graph")  # fmt: skip
    share = drawn_share(atlas, "map")
    assert share >= 0.75, (query, size, round(share, 3), g["w"], g["h"])
    v = g["view"]
    view = View(**{**v, "lon_range": tuple(v["lon_range"]), "lat_range": tuple(v["lat_range"])})
    frame = Frame(view, g["dw"], g["dh"])
    lon, lat = zip(*[[114.17, 22.3], [103.99, 1.35], [151.2, -33.9], [2.35, 48.85], [-74.0, 40.7]])
    xs, ys = frame.to_px(lon, lat)
    for x, y, p in zip(xs, ys, g["pts"]):
        if p is None or not (math.isfinite(x) and math.isfinite(y)):
            continue
        # natural earth to under a pixel; the azimuthal disc (plotly's clip of the whole
        # sphere) to a pixel and a half
        assert math.hypot(x - p[0], y - p[1]) < (1.5 if "proj=hk" in query else 1.0), (
            query,
            (x, y),
            p,
        )


def test_present_mode_on_a_phone(atlas):
    sized(atlas, 390, 844)
    visit(atlas, "view=present&scene=5&lang=zh")
    wait_for(lambda: count(atlas, "#map-present .choroplethlayer path") > 10, what="scene map")
    d = atlas.driver
    rect = lambda css: d.execute_script(  # noqa: E731
        "var r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {l: r.left, t: r.top, r: r.right, b: r.bottom, w: r.width, h: r.height};",
        css,
    )
    wait_for(lambda: rect("#map-present")["w"] >= 0.9 * 390, what="map at least 90 % of the width")
    wait_for(
        lambda: geo(atlas, "map-present")["bw"] >= 0.9 * 390 - 20, what="the drawn map wide too"
    )
    title, nav = rect("#present-title"), rect(".present-nav")
    assert title["b"] <= nav["t"] or nav["b"] <= title["t"], (title, nav)  # no overlap
    legend = rect("#map-present-legend")
    assert legend["t"] >= rect("#map-present")["b"] - 1  # below the map, not over it
    assert len(labels(atlas, "map-present")) >= 5
    assert (
        d.execute_script("return document.documentElement.scrollWidth") <= 392
    )  # no sideways scroll
    assert_offline(atlas)


@pytest.mark.parametrize(
    ("lang", "typed", "expected"), [("en", "Bangkok", "Bangkok"), ("zh", "曼谷", "曼谷")]
)
def test_keyboard_path_to_a_places_details(atlas, lang, typed, expected):
    sized(atlas, 1366, 900)
    visit(atlas, f"lang={lang}")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 150, what="map")
    keys = lambda *k: ActionChains(atlas.driver).send_keys(*k).perform()  # noqa: E731
    assert atlas.driver.execute_script("return document.documentElement.lang") == (
        "zh-Hant-HK" if lang == "zh" else "en"
    )
    keys(Keys.TAB)  # the first stop is the skip link
    assert "skip-link" in atlas.driver.switch_to.active_element.get_attribute("class")
    keys(Keys.ENTER)
    keys(Keys.TAB)
    assert atlas.driver.switch_to.active_element.get_attribute("id") == "place-pick"
    keys(Keys.ENTER)
    wait_for(lambda: "dash-dropdown-search" in atlas.driver.switch_to.active_element.get_attribute("class"),
             what="search box")  # fmt: skip
    keys(typed)
    wait_for(lambda: expected in atlas.find_element(".dash-dropdown-options").text,
             what="the place listed")  # fmt: skip
    keys(Keys.ARROW_DOWN, Keys.ENTER)
    wait_for(lambda: expected in atlas.find_element("#details").text, what="details opened")
    assert ("資料來源" if lang == "zh" else "Source") in atlas.find_element("#details").text
    # the map zooms to the place and brings it out (the rest dimmed)
    focused = wait_for(
        lambda: atlas.driver.execute_script("return window.atlas.focused"), what="focused"
    )
    geo = "document.querySelector('#map .js-plotly-plot')._fullLayout.geo"
    assert abs(atlas.driver.execute_script(f"return {geo}.center.lon") - 100.7) < 1.5  # Bangkok
    assert atlas.driver.execute_script(f"return {geo}.projection.scale") >= 3
    picked = atlas.driver.execute_script(
        "var gd = document.querySelector('#map .js-plotly-plot'); var v = arguments[0];"
        "return gd.data.filter(function (t) { return (t.customdata || []).indexOf(v) >= 0"
        " && t.selectedpoints && t.selectedpoints.length === 1; }).length;", focused["value"])  # fmt: skip
    assert picked >= 1
    assert_offline(atlas)


def test_nothing_links_to_a_cloud_service(atlas):
    sized(atlas, 1366, 768)
    for query in ("", "view=compare&proposal=bpa-2024", "view=present", "view=table"):
        visit(atlas, query)
        wait_for(lambda: atlas.driver.execute_script("return document.querySelectorAll('a, button').length") > 5,
                 what="page")  # fmt: skip
        found = atlas.driver.execute_script(
            "return Array.from(document.querySelectorAll('a[href], .modebar-btn, [data-title]'))"
            ".map(function (e) { return (e.getAttribute('href') || '') + ' ' + (e.getAttribute('data-title') || ''); })"
        )
        for f in found:
            low = f.lower()
            assert not any(
                w in low for w in ("plot.ly", "plotly.com", "chart studio", "cloud", "share")
            ), f
    modebar = atlas.driver.execute_script(
        "return Array.from(document.querySelectorAll('#map .modebar-btn')).map(function (b) {"
        " return b.getAttribute('data-title'); })"
    )
    assert modebar and len(modebar) <= 4, modebar


def test_a_three_scene_chinese_briefing_written_presented_and_exported(atlas):
    sized(atlas, 1366, 900)
    d = atlas.driver
    visit(atlas, "lang=zh&region=asean&layers=coverage,offices,routes")
    wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 20, what="map")
    d.execute_script("window.localStorage.clear()")
    views = [("lang=zh&region=asean&layers=coverage,offices,routes", "東盟的辦事處與航線"),
             ("lang=zh&focus=gba&layers=provinces,offices&proposal=bpa-2024", "大灣區：每個城市一個辦事處"),
             ("lang=zh&year=2012&focus=china&layers=provinces,offices", "二〇一二年的內地辦事處")]  # fmt: skip

    def prefilled():
        value = atlas.find_element("#scene-title-zh").get_attribute("value")
        return value if "年" in value else None

    for i, (query, title) in enumerate(views, start=1):
        visit(atlas, query)
        wait_for(lambda: count(atlas, "#map .choroplethlayer path") > 20, what="map")
        prefill = wait_for(prefilled, what="the title prefilled in words")
        assert "asean" not in prefill and "gba" not in prefill, prefill  # words, not ids
        field = atlas.find_element("#scene-title-zh")
        field.send_keys(Keys.CONTROL, "a")  # as a user replaces it (clear() bypasses React)
        field.send_keys(Keys.DELETE)
        field.send_keys(title)
        atlas.find_element("#scene-note-zh").send_keys("備註：第一行")
        atlas.find_element("#add-scene").click()
        wait_for(
            lambda n=i: str(n) in atlas.find_element("#my-deck-status").text, what=f"{i} scenes"
        )

    # the third scene goes first: up, and up again
    def up(n: int) -> bool:
        atlas.find_element(
            f'#my-deck-list li:nth-child({n}) button[id*="\\"op\\":\\"up\\""]'
        ).click()
        return True

    for n in (3, 2):
        wait_for(lambda n=n: up(n), what="up button")
        wait_for(lambda n=n: "二〇一二年" in atlas.find_element(f"#my-deck-list li:nth-child({n - 1})").text,
                 what="moved up")  # fmt: skip
    deck = json.loads(d.execute_script("return window.localStorage.getItem('my-deck')"))
    assert [s["title"]["zh"] for s in deck["scenes"]][0] == views[2][1]
    # present it with the keyboard, full screen
    atlas.find_element("#my-deck-present").click()
    wait_for(lambda: "deck=mine" in d.current_url, what="present my deck")
    wait_for(lambda: atlas.find_element("#present-title").text == views[2][1], what="scene 1 title")
    wait_for(lambda: len(labels(atlas, "map-present")) >= 3, what="scene 1 names its places")
    body = d.find_element(By.TAG_NAME, "body")
    body.send_keys("f")
    wait_for(
        lambda: d.execute_script("return document.fullscreenElement !== null"), what="full screen"
    )
    body.send_keys(Keys.ARROW_RIGHT)
    wait_for(lambda: atlas.find_element("#present-title").text == views[0][1], what="scene 2 title")
    body.send_keys("f")
    wait_for(
        lambda: d.execute_script("return document.fullscreenElement === null"),
        what="out of full screen",
    )
    # its exports: PDF and one offline HTML file, in Chinese, carrying the deck
    for form_id in ("present-deck-json-pdf", "present-deck-json-html"):
        form = d.find_element(By.CSS_SELECTOR, f"form:has(#{form_id})")
        assert form.get_attribute("method").lower() == "post"
        assert form.find_element(By.CSS_SELECTOR, "input[name=lang]").get_attribute("value") == "zh"
        posted = json.loads(d.find_element(By.ID, form_id).get_attribute("value"))
        assert [s["title"]["zh"] for s in posted["scenes"]] == [
            views[2][1],
            views[0][1],
            views[1][1],
        ]
    png = atlas.find_element("#present-export-png").get_attribute("href")
    assert "lang=zh" in png
    assert_offline(atlas)


@pytest.mark.parametrize(
    ("query", "blocks"),
    [
        ("lang=zh", ["#map", "#map-alt", "#map-legend"]),
        ("view=compare&proposal=hkvision-2017", ["#map-left", "#map-right", "#map-right-legend", "#compare-numbers"]),
        ("view=compare&compare=diff&proposal=hkvision-2017&lang=zh", ["#map-diff", "#map-diff-legend", "#compare-numbers"]),
    ],
)  # fmt: skip
def test_every_view_is_usable_on_a_phone(atlas, query, blocks):
    """At 390×844 each map spans at least 90 % of the width, and the map, its legend and the
    numbers follow one another without overlapping; nothing scrolls sideways."""
    sized(atlas, 390, 844)
    visit(atlas, query)
    wait_for(lambda: count(atlas, f"{blocks[0]} .choroplethlayer path") > 10, what="map")
    rect = lambda css: atlas.driver.execute_script(  # noqa: E731
        "var r = document.querySelector(arguments[0]).getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];",
        css,
    )
    for css in blocks:
        if css.startswith("#map") and not css.endswith(("legend", "alt")):
            wait_for(lambda css=css: rect(css)[2] - rect(css)[0] >= 0.9 * 390, what=f"{css} wide")
    rects = [rect(css) for css in blocks]
    for (_, _, _, bottom), (_, top, _, _) in zip(rects, rects[1:]):
        assert top >= bottom - 1, (query, rects)
    assert atlas.driver.execute_script("return document.documentElement.scrollWidth") <= 392
    assert_offline(atlas)


def test_the_content_security_policy_is_on_and_nothing_breaks_it(atlas):
    """Every page of the app works under the CSP (no violation in the console: assert_offline
    fails on any console error) and the policy is really applied (an inline script added to the
    page is refused)."""
    sized(atlas, 1366, 768)
    for query in ("", "view=compare&proposal=bpa-2024", "view=compare&compare=diff&proposal=bpa-2024",
                  "view=present", "view=table", "view=about", "proj=hk&lang=zh"):  # fmt: skip
        visit(atlas, query)
        about = "about" in query
        wait_for(
            lambda about=about: (
                about
                or atlas.driver.execute_script(
                    "return document.querySelectorAll('.js-plotly-plot, .ag-root').length"
                )
            ),
            what="page drawn",
        )
        # an inline script added to the page (what an injected title would try) does not run
        ran = atlas.driver.execute_script(
            "window.__atlasProbe = false; var s = document.createElement('script');"
            "s.textContent = 'window.__atlasProbe = true;'; document.body.appendChild(s);"
            "return window.__atlasProbe;"
        )
        assert ran is False, ("the CSP is not applied", ran)
        atlas.driver.get_log("browser")  # that refusal is the one console message we caused
        assert_offline(atlas)
