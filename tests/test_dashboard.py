"""Figure builders, layout and callback wiring, in process (no browser)."""

from __future__ import annotations

import json

import dash
import pytest

from dashboard.callbacks.maps import update_maps
from dashboard.figures import mapfig
from dashboard.i18n import LABELS
from dashboard.ids import ID
from dashboard.layout import MAP_IDS, serve_layout
from dashboard.layout.controls import CONTROL_IDS, control_values, state_from_controls
from dashboard.layout.details import details, parse_target
from dashboard.scenes import state_options as options
from dashboard.state import ViewState


def find(component, id_):
    """The component with ``id`` in a Dash layout tree."""
    if getattr(component, "id", None) == id_:
        return component
    children = getattr(component, "children", None)
    if children is None:
        return None
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            hit = find(child, id_)
            if hit is not None:
                return hit
    return None


def test_every_label_has_both_languages():
    for key, (en, zh) in LABELS.items():
        assert en.strip() and zh.strip(), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh) or zh.isupper() or "{" in zh, key


def test_figure_sends_geometry_by_url_not_inline(catalog):
    fig = mapfig.figure(catalog, ViewState())
    assert len(fig["data"]) == len(mapfig.TRACES)
    geo = [tr["geojson"] for tr in fig["data"] if "geojson" in tr]
    assert geo and all(isinstance(g, str) and g.startswith("/geo/") for g in geo)
    size = len(json.dumps(fig))
    assert size < 150_000, size  # the world's geometry alone is several hundred KB


def test_figure_is_valid_plotly(catalog):
    import plotly.graph_objects as go

    fig = mapfig.figure(
        catalog,
        ViewState(
            lang="zh",
            proposals=("hkvision-2017",),
            layers=("coverage", "provinces", "offices", "cities", "routes"),
        ),
    )
    go.Figure(fig)  # raises on an invalid property


@pytest.mark.parametrize(
    "metric", ["presence", "offices", "routes", "cities", "agreements", "bri", "gain"]
)
def test_every_metric_draws(catalog, metric):
    fig = mapfig.figure(catalog, ViewState(metric=metric))
    cov = fig["data"][mapfig.INDEX["coverage"]]
    assert len(cov["locations"]) == len(cov["z"]) == len(cov["text"]) > 150
    assert cov["colorbar"]["title"]["text"]


def test_layers_toggle_visibility(catalog):
    fig = mapfig.figure(catalog, ViewState(layers=("offices",)))
    vis = {name: fig["data"][i].get("visible", True) for name, i in mapfig.INDEX.items()}
    assert vis["coverage"] is False and vis["provinces"] is False and vis["routes_points"] is False
    assert vis["offices_existing"] is True


def test_region_filter_limits_the_choropleth(catalog):
    fig = mapfig.figure(catalog, ViewState(regions=("asean",)))
    cov = fig["data"][mapfig.INDEX["coverage"]]
    assert set(cov["locations"]) <= catalog.region_members["asean"][1]


def test_patch_sends_only_what_changed(catalog):
    old = ViewState()
    new = old.with_(metric="routes")
    p = mapfig.patch(catalog, new, old)
    ops = p.to_plotly_json()["operations"]
    touched = {(op["location"][1], op["location"][2]) for op in ops}
    traces = {mapfig.TRACES[i] for i, _ in touched}
    # labels may move: the small places drawn as dots depend on the metric
    assert traces <= {"coverage", "tiny", "provinces", "labels", "label_lines", "label_halo"}, (
        traces
    )
    assert len(json.dumps(p.to_plotly_json())) < 20_000


def test_patch_on_year_change_is_small(catalog):
    p = mapfig.patch(catalog, ViewState(year=2017), ViewState())
    size = len(json.dumps(p.to_plotly_json()))
    full = len(json.dumps(mapfig.figure(catalog, ViewState(year=2017))))
    assert size < full


def test_update_maps_draws_once_then_patches(catalog):
    st = ViewState()
    figs, _, drawn = update_maps(catalog, st, {m: None for m in MAP_IDS})
    assert isinstance(figs[0], dict) and figs[0]["data"]
    assert all(f is dash.no_update for f in figs[1:])  # hidden maps are left alone
    figs, _, drawn = update_maps(catalog, st.with_(year=2017), drawn)
    assert isinstance(figs[0], dash.Patch)
    figs, _, drawn = update_maps(catalog, st.with_(year=2017), drawn)
    assert figs[0] is dash.no_update  # nothing changed
    figs, _, drawn = update_maps(catalog, st.with_(view="compare", proposals=("bpa-2024",)), drawn)
    assert isinstance(figs[1], dict) and isinstance(
        figs[2], dict
    )  # first draw of both compare maps


def test_controls_round_trip(catalog):
    st = ViewState(
        lang="zh",
        regions=("asean",),
        proposals=("bpa-2024",),
        services=("cargo",),
        year=2017,
        kinds=("eto",),
        focus="europe",
        compare="diff",
        table="routes",
        view="table",
    )
    vals = control_values(st)
    assert set(vals) == set(CONTROL_IDS)
    assert state_from_controls(vals, ViewState(), catalog) == st


def test_controls_ignore_garbage(catalog):
    vals = control_values(ViewState())
    vals.update({ID.YEAR: "x", ID.REGION: ["atlantis"], ID.METRIC: None, ID.STATUS: []})
    st = state_from_controls(vals, ViewState(), catalog)
    assert st.year == ViewState().year and st.regions == () and st.metric == "presence"
    assert st.statuses == ViewState().statuses


def test_layout_for_a_link(catalog):
    page = serve_layout(catalog, "lang=zh&view=compare&proposal=hkvision-2017")
    store = find(page, ID.STATE)
    assert store.data["lang"] == "zh" and store.data["view"] == "compare"
    assert find(page, ID.MAP_LEFT).figure["data"] and find(page, ID.MAP_RIGHT).figure["data"]
    assert not find(page, ID.MAP).figure["data"]  # the explore map is drawn when it is shown
    assert page.lang == "zh-Hant-HK"


def test_layout_says_which_parameters_fell_back(catalog):
    page = serve_layout(catalog, "year=abc&region=atlantis")
    notice = find(page, ID.NOTICE)
    text = json.dumps(notice.to_plotly_json(), default=str)
    assert "year" in text and "atlantis" in text


@pytest.mark.parametrize(
    "target",
    ["offices:eto-bangkok", "routes:rt-bkk", "country:THA", "province:440000", "cities:sc-busan"],
)
def test_details_panel_shows_sources(catalog, target):
    st = ViewState(statuses=("existing", "planned", "proposed"))
    out = details(catalog, st, parse_target(target))
    text = json.dumps([c.to_plotly_json() for c in out], default=str)
    assert "Source" in text, target
    st_zh = st.with_(lang="zh")
    text_zh = json.dumps(
        [c.to_plotly_json() for c in details(catalog, st_zh, parse_target(target))],
        default=str,
        ensure_ascii=False,
    )
    assert "資料來源" in text_zh


def test_busan_discrepancy_is_visible(catalog):
    out = details(catalog, ViewState(statuses=("proposed",)), ("cities", "sc-busan"))
    text = json.dumps([c.to_plotly_json() for c in out], default=str, ensure_ascii=False)
    assert "金山" in text and "釜山" in text


@pytest.mark.parametrize(
    "bad", [None, {}, {"points": []}, {"points": [{"customdata": 3}]}, "offices:", "province:THA"]
)
def test_bad_click_data_shows_the_hint(catalog, bad):
    from dashboard.layout.details import target_from_click

    target = parse_target(bad) if isinstance(bad, str) else target_from_click(bad)
    assert target is None
    assert "Click" in json.dumps(
        [c.to_plotly_json() for c in details(catalog, ViewState(), target)]
    )


def test_options_know_regions_and_proposals(catalog):
    o = options(catalog)
    assert {"asean", "gba", "bri", "mainland"} <= set(o.regions)
    assert set(o.proposals) >= {"hkvision-2017", "bpa-2024"}


def test_page_and_geometry_are_served(app):
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    r = client.get("/geo/world.geojson")
    assert r.status_code == 200 and r.content_type.startswith("application/geo+json")
    assert client.get("/geo/nowhere.geojson").status_code == 404
    assert client.get("/assets/topojson/world_110m.json").status_code == 200


def test_zooming_to_china_shows_its_provinces(catalog):
    vals = control_values(ViewState())
    vals[ID.FOCUS] = "china"
    st = state_from_controls(vals, ViewState(), catalog)
    assert st.focus == "china" and "provinces" in st.layers
    # a user who then hides the provinces keeps them hidden
    vals = control_values(st)
    vals[ID.LAYERS] = [x for x in vals[ID.LAYERS] if x != "provinces"]
    assert "provinces" not in state_from_controls(vals, st, catalog).layers


def test_a_resize_patches_the_view_and_the_labels_only(catalog):
    """A new frame size re-centres and widens the view and re-places the names; it resets
    nothing else (the labels are placed for the view drawn: see view.centred)."""
    st = ViewState()
    p = mapfig.patch(catalog, st, st, size=(357, 237), old_size=(1010, 640)).to_plotly_json()
    geo = {op["location"][2] for op in p["operations"] if op["location"][:2] == ["layout", "geo"]}
    assert geo == {"center", "lonaxis", "lataxis"}
    traces = {
        mapfig.TRACES[op["location"][1]] for op in p["operations"] if op["location"][0] == "data"
    }
    assert traces == {"labels", "label_lines", "label_halo"}
