"""Exports with any text a user writes: Chinese, mixed scripts, en dashes, emoji and line breaks
render; control and invisible characters get a clear 400; no response header ever carries the
user's text (the first version copied titles into a header, and the server then sent an empty
reply for every Chinese title); the PDF's text layer keeps the legend's counts, digits included;
slides name the same places as the screen, in the language asked for.

In process (Flask's test client, one warm renderer for the module), plus one run under
gunicorn, the production server, which is what refused the non-Latin-1 header."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dashboard.figures import mapfig
from dashboard.scenes import state_options
from dashboard.state import ViewState

ROOT = Path(__file__).resolve().parent.parent
SMALL = {"width": "900", "height": "506"}
TITLES = {
    "chinese": "香港經濟貿易辦事處網絡",
    "en-dash": "Offices – ASEAN, 2026",
    "mixed": "Hong Kong 香港 ETOs 經貿辦 in ASEAN 東盟",
    "emoji": "🇭🇰 Network ✈️ 網絡 👩‍💼",
    "markup": "<b>Not bold</b> & <a href='x'>not a link</a>",
}
BAD = {
    "nul": "Title\x00",
    "bell": "Ding\x07",
    "rtl-override": "abc\u202edcba",
    "newline": "Two\nlines",
}


@pytest.fixture(scope="module")
def client(app):
    from dashboard.export.render import renderer

    yield app.server.test_client()
    renderer().close()


def url(path: str, **params) -> str:
    return path + "?" + urllib.parse.urlencode({**SMALL, **params})


def assert_headers_carry_no_user_text(resp, *texts: str):
    for name, value in resp.headers.items():
        value.encode("ascii")  # gunicorn accepts Latin-1 at most; we send ASCII only
        for text in texts:
            for piece in (text, urllib.parse.quote(text), text.encode("utf-8").hex()):
                assert piece not in value, (name, value)


@pytest.mark.parametrize("title", TITLES.values(), ids=list(TITLES))
def test_any_script_renders_and_stays_out_of_the_headers(client, title):
    resp = client.get(url("/export/map.svg", lang="zh", title=title, subtitle=title, note=title))
    assert resp.status_code == 200, resp.data[:300]
    assert_headers_carry_no_user_text(resp, title)
    text = " ".join(ET.fromstring(resp.data).itertext())
    if title == TITLES["markup"]:
        assert "<b>Not bold</b>" in text and "not a link" in text  # shown as typed, not as markup
    else:
        assert title.split()[0] in text


def test_a_chinese_png_title_gets_a_png(client):
    """The very request the issue reported: ``/export/map.png?lang=zh&title=香港``."""
    resp = client.get(url("/export/map.png", lang="zh", title="香港"))
    assert resp.status_code == 200 and resp.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert_headers_carry_no_user_text(resp, "香港")


@pytest.mark.parametrize("field", ["title", "subtitle", "note"])
@pytest.mark.parametrize("bad", BAD.values(), ids=list(BAD))
def test_control_characters_get_a_clear_400(client, field, bad):
    resp = client.get(url("/export/map.png", **{field: bad}))
    if field == "note" and bad == BAD["newline"]:
        assert resp.status_code == 200  # a note may have line breaks
        return
    assert resp.status_code == 400 and resp.mimetype == "application/json"
    message = resp.get_json()["error"]
    assert field in message and "U+" in message, message


def test_a_deck_with_chinese_titles_exports_without_user_text_in_headers(client):
    import json

    deck = {"version": 1, "link_version": 2, "scenes": [
        {"title": {"en": "First – view", "zh": "第一個畫面 🇭🇰"}, "note": {"zh": "第一行\n第二行"},
         "query": "layers=coverage,offices&region=asean"},
        {"title": {"zh": "大灣區"}, "query": "layers=provinces,offices&focus=gba"},
    ]}  # fmt: skip
    for path in ("/export/briefing.html", "/export/briefing.pdf"):
        resp = client.post(path, data={"deck_json": json.dumps(deck, ensure_ascii=False), "lang": "zh",
                                       "width": "960", "height": "540"})  # fmt: skip
        assert resp.status_code == 200, resp.data[:300]
        assert_headers_carry_no_user_text(resp, "第一個畫面", "大灣區")
        assert 'filename="hk-atlas-mine-zh.' in resp.headers["Content-Disposition"]


def _pdf_text(blob: bytes) -> str:
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(blob)).pages)
    if shutil.which("pdftotext"):  # poppler's reading, the one people search with
        out = subprocess.run(["pdftotext", "-", "-"], input=blob, capture_output=True, check=True)
        text += "\n" + out.stdout.decode("utf-8")
    return text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_text_layer_has_the_legend_counts_and_the_numbers(client, catalog, lang):
    query = {"lang": lang, "layers": "coverage,offices,routes"}
    resp = client.get(url("/export/map.pdf", **query))
    assert resp.status_code == 200
    text = _pdf_text(resp.data)
    state, _ = ViewState.from_query(query, state_options(catalog))
    upd = mapfig.trace_updates(catalog, state, shape="wide")
    for trace in ("offices_existing", "routes_existing"):
        name = upd[trace]["name"]  # e.g. "Offices: Existing (36)"
        count = name[max(name.rfind("("), name.rfind("（")) + 1 : -1]
        assert count in text, (count, text[:500])
    assert any(ch.isdigit() for ch in text.split("2026")[0][-200:] + text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_slides_name_the_places_the_screen_names(client, catalog, lang):
    query = {"lang": lang, "layers": "provinces,offices", "focus": "gba", "proposal": "bpa-2024",
             "kind": "mainland_office,mainland_liaison", "status": "existing"}  # fmt: skip
    resp = client.get(url("/export/map.svg", **query))
    assert resp.status_code == 200
    svg_text = set(ET.fromstring(resp.data).itertext())
    state, _ = ViewState.from_query(query, state_options(catalog))
    screen = set(mapfig.trace_updates(catalog, state, shape="normal")["labels"]["text"])
    slide = {x for x in screen if x in svg_text}
    assert len(slide) >= 0.8 * len(screen) and len(screen) >= 8, screen - slide
    assert ("香港" if lang == "zh" else "Hong Kong") in svg_text


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("gunicorn") is None and not (Path(sys.executable).parent / "gunicorn").exists(),
                    reason="needs gunicorn")  # fmt: skip
def test_under_gunicorn_a_chinese_title_gets_a_whole_response():
    port = _free_port()
    exe = Path(sys.executable).parent / "gunicorn"
    proc = subprocess.Popen(
        [str(exe), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "120", "dashboard.wsgi:server"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/api/v1/meta", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        with urllib.request.urlopen(base + url("/export/map.svg", lang="zh", title="香港 – 東盟 🇭🇰"),
                                    timeout=120) as resp:  # fmt: skip
            body = resp.read()
            assert resp.status == 200 and b"<svg" in body[:400]
            assert_headers_carry_no_user_text(resp, "香港")
        with pytest.raises(urllib.error.HTTPError) as bad:
            urllib.request.urlopen(base + url("/export/map.svg", title="a\x07b"), timeout=60)
        assert bad.value.code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_character_no_font_draws_gets_a_400_not_an_empty_box(client, monkeypatch):
    """On a machine without an emoji font, emoji would come out as empty boxes: refused, named."""
    from dashboard.export import fonts

    monkeypatch.setattr(fonts, "drawable", lambda ch: ord(ch) < 0x1F000)
    resp = client.get(url("/export/map.png", title="Offices 🇭🇰"))
    assert resp.status_code == 400
    message = resp.get_json()["error"]
    assert "U+1F1ED" in message and "font" in message and "title" in message


def test_fonts_on_this_machine_draw_the_scripts_we_promise():
    """Chinese must draw wherever the exports run (the test set-up installs the fonts)."""
    from dashboard.export.fonts import undrawable

    assert undrawable("香港經濟貿易辦事處 Hong Kong – 2026") == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_pdf_is_titled_and_its_chinese_text_searchable(client, lang):
    """The renderer names some characters by their Kangxi radicals (香 as ⾹) and titles every
    PDF "Kaleido-fier": the text map is mended and the slide's title is the PDF's."""
    import re

    from pypdf import PdfReader

    resp = client.get(url("/export/map.pdf", lang=lang, title="東南亞 Southeast"))
    assert resp.status_code == 200
    assert PdfReader(io.BytesIO(resp.data)).metadata.title == "東南亞 Southeast"
    text = _pdf_text(resp.data)
    assert not re.findall("[\u2e80-\u2eff\u2f00-\u2fdf]", text)
    if lang == "zh":
        assert "香港" in text and "東南亞" in text
    deck = client.get(
        url("/export/briefing.pdf", lang=lang, deck="default", width="960", height="540")
    )
    assert PdfReader(io.BytesIO(deck.data)).metadata.title not in ("", "Kaleido-fier", None)
