"""Fuzzing (Hypothesis) over everything a client can send: page URLs, API queries, export
parameters and callback payloads built from ``_dash-dependencies``. Whatever comes in, the
answer is never a 5xx and no body carries a traceback.

A few hundred cases in CI; ``FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py`` for a longer run.
Exports are fuzzed with the renderer stubbed out: their parameters are what is checked here
(rendering is tested in ``test_export*.py``).
"""

from __future__ import annotations

import os
import string
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.state import PARAMS
from geodata.schema import LOAD_ORDER

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 120))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("FUZZ_RANDOM") is None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])  # fmt: skip

known = st.sampled_from(["asean", "eu", "bpa-2024", "hkvision-2017", "existing", "proposed", "presence",
                         "2026", "1999", "zh", "en", "present", "compare", "hk", "key", "0", "-1", ""])  # fmt: skip
nasty = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
value = st.one_of(known, nasty, st.lists(known, max_size=5).map(",".join), st.integers().map(str))
param = st.one_of(
    st.sampled_from(PARAMS), st.text(string.ascii_letters + "_-[]", min_size=1, max_size=12)
)
query = st.lists(st.tuples(param, value), max_size=8)


def _qs(pairs) -> str:
    return urlencode(pairs, quote_via=quote, safe=",")


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


def assert_sound(resp, what):
    assert resp.status_code < 500, (what, resp.status_code, resp.data[:300])
    assert b"Traceback" not in resp.data and b'File "/' not in resp.data, what


@FUZZ
@given(pairs=query)
def test_page_urls(client, pairs):
    q = _qs(pairs)
    assert_sound(client.get("/?" + q), q)


API_PATHS = st.one_of(
    st.sampled_from(
        ["/api/v1/summary", "/api/v1/proposals", "/api/v1/documents", "/healthz", "/api/v1/"]
    ),
    st.sampled_from([*LOAD_ORDER, "countries", "provinces", "proposals", "nope", "..", ""]).flatmap(
        lambda t: st.sampled_from(["csv", "geojson", "json", "", "csv.csv"]).map(
            lambda f: f"/api/v1/layers/{t}.{f}"
        )
    ),
    st.text(string.ascii_letters + "/._-%", max_size=30).map(lambda s: "/api/" + s),
)


@FUZZ
@given(path=API_PATHS, pairs=query)
def test_api_queries(client, path, pairs):
    q = _qs(pairs)
    assert_sound(client.get(path + "?" + q), path + "?" + q)


@pytest.fixture()
def stub_renderer(monkeypatch):
    from dashboard.export import routes

    class Stub:
        renders = 0

        def render(self, fig, fmt, width, height):
            return b"%PDF-1.4 stub" if fmt == "pdf" else b"stub"

    monkeypatch.setattr(routes, "renderer", lambda: Stub())
    monkeypatch.setattr(routes, "merge_pdfs", lambda pages, title="": b"%PDF-1.4 merged")


export_param = st.one_of(st.sampled_from(["width", "height", "title", "subtitle", "note", "deck", "lang",
                                          "deck_json"]), param)  # fmt: skip
export_value = st.one_of(value, st.integers(-10, 10_000).map(str), st.sampled_from(["default", "mine", "../x"]),
                         st.just('{"scenes": [{"title": {"en": "x"}, "query": "year=2026"}]}'))  # fmt: skip


@FUZZ
@given(
    path=st.sampled_from(["/export/map.png", "/export/map.svg", "/export/map.pdf", "/export/map.gif",
                          "/export/briefing.pdf", "/export/briefing.html"]),
    pairs=st.lists(st.tuples(export_param, export_value), max_size=6),
    post=st.booleans(),
)  # fmt: skip
def test_export_parameters(client, stub_renderer, path, pairs, post):
    if post:
        resp = client.post(path, data=dict(pairs))
    else:
        resp = client.get(path + "?" + _qs(pairs))
    assert_sound(resp, (path, pairs, post))


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), nasty, known),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(known, nasty), inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def deps(client):
    return client.get("/_dash-dependencies").get_json()


def _outputs(out: str):
    if out.startswith(".."):
        return [
            {"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]}
            for o in out.strip(".").split("...")
        ]
    return {"id": out.rsplit(".", 1)[0], "property": out.rsplit(".", 1)[1]}


@FUZZ
@given(data=st.data())
def test_callback_payloads(client, deps, data):
    dep = data.draw(st.sampled_from(deps))
    shape = data.draw(st.sampled_from(["values", "values", "mixed", "structure"]))
    if shape in ("values", "mixed"):  # the right shape, any values: a tampered browser store
        body = {
            "output": dep["output"],
            "outputs": _outputs(dep["output"]),
            "inputs": [{"id": i["id"], "property": i["property"], "value": data.draw(json_value)} for i in dep["inputs"]],
            "state": [{"id": s["id"], "property": s["property"], "value": data.draw(json_value)}
                      for s in dep.get("state", [])],
            "changedPropIds": data.draw(st.lists(st.sampled_from([f"{i['id']}.{i['property']}" for i in dep["inputs"]]),
                                                 max_size=2)),
        }  # fmt: skip
        if shape == "mixed":  # the parts of one callback's request under another's output
            other = data.draw(st.sampled_from(deps))
            body[data.draw(st.sampled_from(["outputs", "inputs", "state"]))] = (
                _outputs(other["output"]) if data.draw(st.booleans()) else body["inputs"][::-1]
            )
    else:  # any shape at all
        body = data.draw(st.dictionaries(st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"]),
                                         json_value, max_size=5))  # fmt: skip
        body.setdefault("output", dep["output"])
    assert_sound(client.post("/_dash-update-component", json=body), (dep["output"][:60], shape))
