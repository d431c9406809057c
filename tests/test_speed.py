"""What keeps the first map and a click fast (issue 11), checked without timing anything
(the timings are in ``python -m bench``): the page's plotly bundle, compression done once,
libraries loaded when first drawn, the place list sent as it is searched, the state routed to
what is shown, and no start-up callback that answers nothing."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from dashboard.app import StaticGzip, create_app, defer_libraries
from dashboard.callbacks.routing import PAGES, VIEW_STATES
from dashboard.ids import ID
from dashboard.layout import serve_layout
from dashboard.layout.places import MAX_MATCHES, matching_places, place_options
from dashboard.settings import Settings
from dashboard.state import ViewState

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "assets" / "vendor"


def _version_of(js: str) -> str:
    """The version in a plotly.js bundle's licence header (``* plotly.js (geo - minified) v4.1.1``)."""
    m = re.search(r"\* plotly\.js[^\n]* v(\d+\.\d+\.\d+)", js[:400])
    assert m, "no version in the bundle's header"
    return m.group(1)


def test_the_page_bundle_is_the_plotly_js_that_plotly_py_ships():
    import plotly

    full = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text()
    bundles = sorted(VENDOR.glob("plotly-geo-*.min.js"))
    assert len(bundles) == 1, bundles
    geo = bundles[0].read_text()
    assert _version_of(geo) == _version_of(full)
    assert bundles[0].name == f"plotly-geo-{_version_of(full)}.min.js"
    # a geo-only bundle: choropleth and scattergeo, not the cartesian traces' code
    assert len(geo) < len(full) * 0.5
    assert (VENDOR / "plotly.js-LICENSE.txt").exists()


@pytest.fixture(scope="module")
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def compressed(catalog):
    return create_app(catalog=catalog, settings=Settings(compress=True)).server.test_client()


def test_static_files_are_gzipped_once_and_served_from_memory(compressed):
    url = next(
        m for m in re.findall(r'src="([^"]+)"', compressed.get("/").get_data(as_text=True))
        if "plotly-geo" in m
    )  # fmt: skip
    first = compressed.get(url, headers={"Accept-Encoding": "gzip"})
    second = compressed.get(url, headers={"Accept-Encoding": "gzip"})
    assert first.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first.headers["Vary"]
    assert first.data == second.data
    assert gzip.decompress(first.data) == (VENDOR / url.split("/")[-1].split("?")[0]).read_bytes()
    assert int(first.headers["Content-Length"]) == len(first.data) < 500_000
    plain = compressed.get(url)  # a client that does not take gzip gets the file itself
    assert "Content-Encoding" not in plain.headers and plain.data.startswith(b"/**")


def test_static_gzip_keeps_one_copy_per_url_and_leaves_others_alone():
    import flask

    gz, app = StaticGzip(limit=2), flask.Flask(__name__)
    for path in ("/assets/a.js", "/assets/b.js", "/assets/c.js", "/api/v1/x"):
        with app.test_request_context(path, headers={"Accept-Encoding": "gzip, br"}):
            resp = gz(flask.Response(b"x" * 5000, mimetype="application/javascript"))
            assert ("Content-Encoding" in resp.headers) == path.startswith("/assets/")
    assert len(gz.cache) == 2  # the limit holds: c.js is compressed but not kept
    with app.test_request_context("/assets/small.js", headers={"Accept-Encoding": "gzip"}):
        small = gz(flask.Response(b"x" * 100, mimetype="application/javascript"))
    assert "Content-Encoding" not in small.headers


def test_the_grid_library_is_left_out_of_the_page_and_named_for_later(client):
    html = client.get("/").get_data(as_text=True)
    assert "dash_ag_grid.v" not in html.split('id="atlas-lazy"')[0]
    srcs = re.findall(r'<script src="([^"]+)"', html)
    assert not [s for s in srcs if "dash_ag_grid" in s]
    assert any("lazy.js" in s for s in srcs)
    block = re.search(r'<script id="atlas-lazy" type="application/json">(.*?)</script>', html)
    lazy = json.loads(block.group(1))
    assert set(lazy) == {"dash_ag_grid"}
    assert client.get(lazy["dash_ag_grid"]).status_code == 200  # still served when asked for


def test_defer_libraries_leaves_unknown_pages_alone():
    page = '<script src="/x/react.js"></script>\n'
    assert defer_libraries(page) == page
    tag = '<script src="/_dash-component-suites/dash_ag_grid/dash_ag_grid.v1m2.min.js"></script>\n'
    out = defer_libraries(page + tag)
    assert (
        "dash_ag_grid.v1m2.min.js" in out
        and '<script src="/_dash-component-suites/dash_ag' not in out
    )


def test_places_are_found_as_typed_in_either_language(catalog):
    st = ViewState()
    every = place_options(catalog, st)
    assert len(every) > MAX_MATCHES  # the whole list is never sent
    assert matching_places(catalog, st, None) == every[:MAX_MATCHES]
    tokyo = matching_places(catalog, st, "tokyo")
    assert tokyo and all("tokyo" in (o["label"] + o["search"]).casefold() for o in tokyo)
    zh = matching_places(catalog, st.with_(lang="zh"), "東京")
    assert zh and all("東京" in o["label"] + o["search"] for o in zh)
    assert any(
        "(NRT)" in o["label"] or "(HND)" in o["label"] for o in matching_places(catalog, st, "nrt")
    )
    assert matching_places(catalog, st, "no such place at all") == []


def test_the_picked_place_stays_listed_whatever_is_typed(catalog):
    st = ViewState()
    every = place_options(catalog, st)
    last = every[-1]["value"]  # not among the first MAX_MATCHES
    assert last in [o["value"] for o in matching_places(catalog, st, None, last)]
    assert last in [o["value"] for o in matching_places(catalog, st, "zzzz", last)]
    assert len(matching_places(catalog, st, "a", last)) <= MAX_MATCHES + 1


@pytest.mark.parametrize("view", list(VIEW_STATES))
def test_each_page_listens_to_its_view_copy_of_the_state(catalog, view):
    layout = serve_layout(catalog, f"view={view}")
    stores = {c.id: c.data for c in layout.children if getattr(c, "id", None) in {*VIEW_STATES.values(), ID.STATE, ID.STATE_LANG}}  # fmt: skip
    assert stores[VIEW_STATES[view]] == stores[ID.STATE]
    assert all(stores[i] == {} for v, i in VIEW_STATES.items() if v != view)
    assert stores[ID.STATE_LANG] == "en"
    assert set(PAGES) == set(VIEW_STATES)


def test_server_callbacks_listen_to_the_full_state_only_for_the_maps(client):
    """The maps are the only server callback fired by every change of the state; each page's
    others fire only while it is shown (their view's copy) — so a click on the explore map's
    controls does not wake the hidden pages'."""
    client.get("/")
    deps = client.get("/_dash-dependencies").get_json()
    on_state = [
        d["output"]
        for d in deps
        if not d.get("clientside_function") and any(i["id"] == ID.STATE for i in d["inputs"])
    ]
    assert len(on_state) == 1 and f"{ID.MAP}.figure" in on_state[0]
    fired_at_start = [
        d for d in deps if not d.get("prevent_initial_call") and not d.get("clientside_function")
    ]
    # the one callback fired at start reads the user's deck from the browser's storage,
    # which the server cannot know when it writes the page
    assert [d["output"].split(".")[2] for d in fired_at_start] == ["my-deck-status"]


def test_the_start_up_callback_answers_with_the_deck_count(client):
    deps = client.get("/_dash-dependencies").get_json()
    show = next(
        d for d in deps if not d.get("prevent_initial_call") and not d.get("clientside_function")
    )
    outputs = [
        dict(zip(("id", "property"), o.rsplit(".", 1)))
        for o in show["output"].strip(".").split("...")
    ]
    body = {
        "output": show["output"],
        "outputs": outputs,
        "inputs": [{"id": ID.MY_DECK, "property": "data", "value": None},
                   {"id": ID.STATE_LANG, "property": "data", "value": "zh"}],
        "changedPropIds": [],
        "state": [],
    }  # fmt: skip
    resp = client.post("/_dash-update-component", json=body)
    assert resp.status_code == 200, resp.data[:300]
    answer = resp.get_json()["response"]
    assert answer["my-deck-status"]["children"]


def _apply(before: list, edits: list) -> list:
    """The edits as the browser applies a Patch's operations (in order; Ramda's semantics)."""
    out = list(before)
    for e in edits:
        if e[0] == "set":
            out[e[1]] = e[2]
        elif e[0] == "del":
            del out[e[1]]
        else:
            out.insert(e[1], e[2])
    return out


def test_list_edits_turn_the_old_array_into_the_new_one():
    import random

    from dashboard.figures.edits import list_edits

    rng = random.Random(5)
    spliced = 0
    for _ in range(500):
        before = [
            rng.choice("abcdefghij") + str(rng.randint(0, 30)) for _ in range(rng.randint(9, 60))
        ]
        after = list(before)
        for _ in range(rng.randint(0, 6)):
            r = rng.random()
            if r < 0.4 and after:
                del after[rng.randrange(len(after))]
            elif r < 0.8:
                after.insert(rng.randint(0, len(after)), ["new", rng.randint(0, 9)])
            elif after:
                after[rng.randrange(len(after))] = rng.random()
        edits = list_edits(before, after)
        if edits is not None:
            spliced += 1
            assert _apply(before, edits) == after
            assert len(edits) <= len(before) + len(after)
    assert spliced > 250  # a few changes are sent as edits, not as whole arrays
    assert list_edits(list("abcdefghijk"), list("zyxwvutsrqp")) is None  # everything changed


def test_places_are_found_by_their_other_names(catalog):
    """Search by a former name or another spelling (geodata/data/place_aliases.csv)."""
    st = ViewState()
    for typed, found in (("saigon", "Ho Chi Minh City"), ("西貢", "Ho Chi Minh City"),
                         ("Alma-Ata", "Almaty"), ("bombay", "Mumbai"), ("peking", "Beijing")):  # fmt: skip
        labels = [o["label"] for o in matching_places(catalog, st, typed)]
        assert any(found in x for x in labels), (typed, labels)
    zh = [o["label"] for o in matching_places(catalog, st.with_(lang="zh"), "saigon")]
    assert any("胡志明市" in x for x in zh)  # the Chinese list finds it by its English alias too


def test_the_page_bundle_fetches_nothing_from_the_internet():
    """Offline first: of the addresses in the vendored plotly.js, the two it would use at run
    time are switched off by the graphs' config (the base-map topojson comes from /assets, no
    send-to-cloud link); the others are XML namespaces and comments. A new bundle version with a
    new address fails here until it is looked at."""
    from dashboard.layout import GRAPH_CONFIG

    bundle = next(VENDOR.glob("plotly-geo-*.min.js")).read_text()
    found = set(re.findall(r"https?://[A-Za-z0-9./_-]+", bundle))
    namespaces_and_docs = {
        "http://www.w3.org/2000/svg", "http://www.w3.org/2000/xmlns/", "http://www.w3.org/1999/xlink",
        "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/1999/xhtml",
        "https://plotly.com/", "https://plotly.com/javascript/animations/",
        "https://github.com/voidqk/polybooljs", "https://github.com/d3/d3-time-format/tree/v2.2.3",
        "https://github.com/d3/d3-format/tree/v1.4.5", "http://syntheti.cc", "http://getify.mit-license.org",
    }  # fmt: skip
    runtime = {"https://cdn.plot.ly/un/", "https://cloud.plotly.com/newchart"}
    assert found <= namespaces_and_docs | runtime, found - namespaces_and_docs - runtime
    assert GRAPH_CONFIG["topojsonURL"].startswith("/assets/")  # not cdn.plot.ly
    assert (
        GRAPH_CONFIG["showSendToCloud"] is False and GRAPH_CONFIG["showEditInChartStudio"] is False
    )
    assert (ROOT / "assets" / "topojson" / "world_110m.json").exists()
