"""The server's edge, in process: security headers and a CSP, limits enforced before work,
malformed requests answered with 4xx (never a 5xx, never a traceback), exports within a time
budget, bounded slots with Retry-After, a cache of rendered exports, a reaped export browser,
escaping in the offline file, and the data checks the audit found missing. Each test names the
defect of issue 10 it guards against."""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import time
import types

import pytest

from dashboard.export import jobs
from dashboard.guard import (
    MAX_CONTENT_LENGTH,
    MAX_JSON_DEPTH,
    MAX_QUERY_BYTES,
    callback_problem,
    json_depth,
)
from geodata.schema import TABLES
from geodata.validate import MAX_TABLE_ROWS, DataError, read_rows

SMALL = "width=400&height=300"


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


# -- headers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/", "/?view=present", "/api/v1/summary", "/healthz", "/assets/atlas.css",
                                  "/geo/world.geojson", "/nope"])  # fmt: skip
def test_every_response_carries_the_security_headers(client, path):
    r = client.get(path)
    h = r.headers
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["X-Frame-Options"] == "DENY"
    assert h["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in h["Permissions-Policy"]
    csp = h["Content-Security-Policy"]
    assert (
        "default-src 'self'" in csp
        and "frame-ancestors 'none'" in csp
        and "object-src 'none'" in csp
    )
    assert "unsafe-eval" not in csp and "script-src 'self' 'sha256-" in csp
    assert "Server" not in h or "Python" not in h.get("Server", "")  # the test client's own


def test_the_csp_allows_each_inline_script_of_the_page_and_nothing_else(client, app):
    html = client.get("/").get_data(as_text=True)
    csp = client.get("/").headers["Content-Security-Policy"]
    import base64
    import hashlib

    live = re.sub(r"<!--.*?-->", "", html, flags=re.S)  # Dash's IE notice sits in a comment
    for body in re.findall(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", live, re.S
    ):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp, body[:80]
    assert set(re.findall(r"'sha256-[^']+'", csp)) == set(app.csp_hashes())


# -- limits before work -------------------------------------------------------------------------
def test_a_body_over_the_limit_is_refused_413(client):
    big = "x" * (MAX_CONTENT_LENGTH + 10)
    for path in ("/export/briefing.html", "/export/briefing.pdf", "/_dash-update-component"):
        r = client.post(path, data={"deck_json": big})
        assert r.status_code == 413 and r.is_json, (path, r.status_code)


@pytest.mark.parametrize(
    "path", ["/", "/api/v1/summary", "/export/map.png", "/api/v1/layers/offices.csv"]
)
def test_a_query_over_the_limit_is_414_json(client, path):
    r = client.get(path + "?" + "a" * (MAX_QUERY_BYTES + 1))
    assert r.status_code == 414 and r.is_json


@pytest.mark.parametrize("path", ["/_dash-component-suites/dash/../../etc/passwd", "/assets/..%2f..%2fetc/passwd",
                                  "/_dash-component-suites/dash/..\\..\\etc\\passwd", "/assets/%00"])  # fmt: skip
def test_paths_out_of_the_app_are_not_found(client, path):
    r = client.get(path)
    assert r.status_code == 404 and b"root:" not in r.data


# -- malformed callbacks -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def deps(client):
    return client.get("/_dash-dependencies").get_json()


def _body(dep, value=None):
    ins = [{"id": i["id"], "property": i["property"], "value": value} for i in dep["inputs"]]
    out = dep["output"]
    if out.startswith(".."):
        outs = [
            {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]}
            for o in out.strip(".").split("...")
        ]
    else:
        outs = {"id": out.rsplit(".", 1)[0], "property": out.rsplit(".", 1)[1]}
    st = [{"id": s["id"], "property": s["property"], "value": value} for s in dep.get("state", [])]
    return {"output": out, "outputs": outs, "inputs": ins, "state": st, "changedPropIds": []}


@pytest.mark.parametrize(
    "mutate, why",
    [
        (lambda b: [], "not a JSON object"),
        (lambda b: {**b, "output": "nope.children"}, "unknown output"),
        (lambda b: {**b, "inputs": b["inputs"][:-1]}, "inputs"),
        (lambda b: {**b, "inputs": [5] * len(b["inputs"])}, "inputs"),
        (lambda b: {**b, "state": "x"}, "state"),
        (lambda b: {**b, "outputs": 3}, "outputs"),
        (lambda b: {**b, "changedPropIds": [1]}, "changedPropIds"),
    ],
)
def test_malformed_callback_requests_are_400(client, deps, mutate, why):
    dep = next(d for d in deps if d["output"] == "details.children")
    r = client.post("/_dash-update-component", json=mutate(_body(dep)))
    assert r.status_code == 400 and r.is_json and why in r.get_json()["error"]


def test_a_callback_that_runs_in_the_browser_is_not_run_on_the_server(client, deps):
    dep = next(d for d in deps if d["output"] == "map-left.id")
    r = client.post("/_dash-update-component", json=_body(dep))
    assert r.status_code == 400 and "browser" in r.get_json()["error"]


@pytest.mark.parametrize(
    "value", [None, 7, "x", [], {}, {"view": 5, "layers": {"a": 1}}, [1, [2]], "a" * 10_000]
)
def test_every_callback_answers_junk_without_a_5xx(client, deps, value, caplog):
    caplog.set_level(logging.INFO)
    for dep in deps:
        r = client.post("/_dash-update-component", json=_body(dep, value))
        assert r.status_code < 500, (dep["output"][:60], value, r.data[:200])
        assert b"Traceback" not in r.data
    assert "Traceback" not in caplog.text  # one line per problem, no stack traces


def test_deep_json_is_400_not_a_recursion_error(client, deps):
    deep = "[" * 50_000 + "]" * 50_000
    r = client.post("/_dash-update-component", data=deep, content_type="application/json")
    assert r.status_code == 400
    r = client.post("/export/briefing.html", data={"deck_json": deep[:150_000]})
    assert r.status_code == 400
    assert json_depth([[[[1]]]]) == 4 and json_depth({"a": [{"b": 1}]}) == 3
    assert json_depth(json.loads("[" * 80 + "]" * 80)) > MAX_JSON_DEPTH


def test_callback_problem_accepts_what_the_page_sends(deps, app):
    for dep in deps:
        if "callback" in app.callback_map[dep["output"]]:
            assert callback_problem(_body(dep, 1), app.callback_map) is None, dep["output"]


# -- exports: budget, slots, cache, browser --------------------------------------------------------
def test_an_export_over_its_time_budget_is_refused_before_any_work(client):
    from dashboard.export.render import renderer

    deck = {"scenes": [{"title": {"en": f"s{i}"}, "query": "year=2026"} for i in range(50)]}
    before = renderer().renders, renderer()._started
    r = client.post(
        "/export/briefing.pdf",
        data={"deck_json": json.dumps(deck), "width": "4000", "height": "4000"},
    )
    assert r.status_code == 413 and r.is_json
    msg = r.get_json()["error"]
    assert "would take about" in msg and "at most" in msg
    assert (renderer().renders, renderer()._started) == before


def test_estimates_grow_with_pages_and_pixels():
    small = jobs.estimate_seconds("pdf", 8, 1920, 1080)
    assert small < 15 < jobs.estimate_seconds("pdf", 50, 4000, 4000)
    assert jobs.check_budget("png", 1, 1920, 1080) < 2


def test_slots_bound_running_and_waiting_exports():
    s = jobs.Slots(workers=1, queue=1, wait=5)
    entered, release = threading.Event(), threading.Event()

    def hold():
        with s.slot():
            entered.set()
            release.wait(5)

    threads = [threading.Thread(target=hold)]
    threads[0].start()
    entered.wait(5)
    waiter = threading.Thread(target=lambda: s.slot().__enter__())  # the one allowed to wait
    waiter.start()
    deadline = time.time() + 5
    while s.waiting < 1 and time.time() < deadline:
        time.sleep(0.01)
    with pytest.raises(jobs.Busy) as busy:
        with s.slot():
            pass
    assert busy.value.code == 503 and busy.value.retry_after >= 1
    release.set()
    threads[0].join(5)
    waiter.join(5)


def test_full_slots_answer_503_with_retry_after(client, monkeypatch):
    tiny = jobs.Slots(workers=1, queue=0, wait=1)
    monkeypatch.setattr(jobs, "_SLOTS", tiny)
    entered, release = threading.Event(), threading.Event()

    def hold():
        with tiny.slot():
            entered.set()
            release.wait(5)

    t = threading.Thread(target=hold)
    t.start()
    entered.wait(5)
    try:
        r = client.get(f"/export/map.svg?{SMALL}&title=busy-{time.time()}")
        assert r.status_code == 503 and r.is_json and int(r.headers["Retry-After"]) >= 1
    finally:
        release.set()
        t.join(5)


def test_an_export_is_rendered_once_then_served_from_the_cache(client):
    from dashboard.export.render import renderer

    url = f"/export/map.svg?{SMALL}&title=cache-{time.time()}"
    first = client.get(url)
    assert first.status_code == 200 and first.headers["X-Atlas-Cache"] == "miss"
    n = renderer().renders
    again = client.get(url)
    assert again.headers["X-Atlas-Cache"] == "hit" and again.data == first.data
    assert renderer().renders == n  # no render for a hit
    other = client.get(url + "x")
    assert other.headers["X-Atlas-Cache"] == "miss"


def test_the_cache_backend_is_chosen_by_the_environment():
    from dashboard.export.cache import config

    assert config({})["CACHE_TYPE"] == "FileSystemCache"
    redis = config({"CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": "redis://cache:6379/1"})
    assert redis["CACHE_REDIS_URL"] == "redis://cache:6379/1"
    assert config({"CACHE_TYPE": "NullCache"})["CACHE_TYPE"] == "NullCache"


@pytest.fixture()
def fake_kaleido(monkeypatch):
    calls = {"start": 0, "stop": 0, "render": 0}
    fake = types.SimpleNamespace(
        start_sync_server=lambda **k: calls.__setitem__("start", calls["start"] + 1),
        stop_sync_server=lambda **k: calls.__setitem__("stop", calls["stop"] + 1),
        calc_fig_sync=lambda fig, **k: calls.__setitem__("render", calls["render"] + 1) or b"img",
    )
    monkeypatch.setitem(sys.modules, "kaleido", fake)
    return calls


def test_the_export_browser_is_restarted_after_a_number_of_renders(fake_kaleido):
    from dashboard.export.render import Renderer

    r = Renderer(max_renders=2, idle_s=0)
    for _ in range(5):
        assert r.render({}, "png", 10, 10) == b"img"
    assert fake_kaleido["start"] == 3 and fake_kaleido["stop"] == 2 and r.restarts == 2


def test_an_idle_export_browser_is_closed(fake_kaleido):
    from dashboard.export.render import Renderer

    r = Renderer(idle_s=0.3)
    r.render({}, "png", 10, 10)
    deadline = time.time() + 5
    while r._started and time.time() < deadline:
        time.sleep(0.05)
    assert not r._started and fake_kaleido["stop"] == 1


# -- escaping ------------------------------------------------------------------------------------
def test_no_title_can_break_the_offline_briefing(client):
    nasty = "<!--<script> </script><b>x</b> & \u2028 \u2029 -->"
    deck = {"scenes": [{"title": {"en": nasty}, "note": {"en": "</script><script>alert(1)</script>"},
                        "query": "year=2026"}]}  # fmt: skip
    r = client.post("/export/briefing.html", data={"deck_json": json.dumps(deck), "lang": "en"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    data = re.search(r"<script>var SCENES = (.*?);</script>", html, re.S).group(1)
    for bad in ("<", ">", "\u2028", "\u2029"):
        assert bad not in data
    assert json.loads(data)[0]["title"] == nasty  # and the text survives as text
    plain = {"scenes": [{"title": {"en": "plain"}, "query": "year=2026"}]}
    benign = client.post(
        "/export/briefing.html", data={"deck_json": json.dumps(plain), "lang": "en"}
    )
    assert html.count("<script") == benign.get_data(as_text=True).count("<script")


def test_titles_in_an_svg_are_text_not_markup(client):
    r = client.get(
        f"/export/map.svg?{SMALL}&title="
        + "%3Ca+href%3D%27https%3A%2F%2Fx.example%27%3Eclick%3C%2Fa%3E"
    )
    assert r.status_code == 200
    assert b"<a " not in r.data  # no link element: the title is shown as typed
    assert b"&#60;a href='https://x.example'&#62;click" in r.data or b"&lt;a href" in r.data


# -- data ------------------------------------------------------------------------------------------
OFFICE_HEADER = ",".join(c.name for c in TABLES["offices"].columns)


def _office_row(**cells) -> str:
    base = {c.name: "" for c in TABLES["offices"].columns}
    base.update({"id": "eto-x", "name_en": "X", "name_zh": "X", "kind": "eto", "country_iso3": "THA",
                 "lat": "13.7", "lon": "100.5", "precision": "city", "status": "existing",
                 "document_id": "d", "source": "s"}, **cells)  # fmt: skip
    return ",".join(base[c.name] for c in TABLES["offices"].columns)


@pytest.mark.parametrize(
    "cells, column, words",
    [
        ({"opened": "2023-02-31"}, "opened", "real date"),
        ({"opened": "2020-05", "closed": "2019"}, "closed", "before opened"),
        ({"opened": "2020-05-01", "closed": "2020-04-30"}, "closed", "before opened"),
        ({"name_en": "X\x00Y"}, "name_en", "U+0000"),
        ({"notes": "bell\x07"}, "notes", "U+0007"),
    ],
)
def test_bad_cells_are_named_by_file_line_and_column(cells, column, words):
    with pytest.raises(DataError) as e:
        read_rows(
            OFFICE_HEADER + "\n" + _office_row(**cells) + "\n", TABLES["offices"], "offices.csv"
        )
    p = e.value.problems[0]
    assert (p.file, p.line, p.column) == ("offices.csv", 2, column) and words in p.reason


def test_partial_dates_may_close_in_the_period_they_opened():
    read_rows(OFFICE_HEADER + "\n" + _office_row(opened="2019-05", closed="2019") + "\n",
              TABLES["offices"], "offices.csv")  # fmt: skip


def test_a_table_too_large_for_the_app_is_refused():
    rows = "\n".join(_office_row(id=f"eto-{i}") for i in range(MAX_TABLE_ROWS + 5))
    with pytest.raises(DataError) as e:
        read_rows(OFFICE_HEADER + "\n" + rows + "\n", TABLES["offices"], "offices.csv")
    assert "too large" in e.value.problems[-1].reason


def test_the_hover_row_cache_is_bounded(catalog, monkeypatch):
    from dashboard.figures import hover
    from geodata.layers import OFFICES as layer

    df = catalog.offices.head(5)
    monkeypatch.setattr(hover, "ROW_CACHE_LIMIT", 12)
    monkeypatch.setattr(hover, "_ROW_CACHE", {})
    for version in ("a", "b", "c", "d"):  # each data version (a draft, say) adds 5 rows
        first = hover.point_hover(layer, df, ["existing"] * 5, "en", version)
    assert len(hover._ROW_CACHE) <= 12 + 5
    assert first == hover.point_hover(layer, df, ["existing"] * 5, "en", "d")  # still right


def test_the_page_has_its_own_icon_served_locally(client):
    page = client.get("/").get_data(as_text=True)
    assert '<link rel="icon" type="image/x-icon" href="/assets/favicon.ico' in page
    resp = client.get("/assets/favicon.ico")
    assert resp.status_code == 200 and resp.data[:4] == b"\x00\x00\x01\x00"  # an ICO file
