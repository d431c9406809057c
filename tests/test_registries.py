"""Every declaration of the registries is read by every consumer: a new metric, layer, measure
or office kind is tested here without a new test."""

from __future__ import annotations

import json
import re

import pytest

from dashboard import tables
from dashboard.export.figure import source_ids
from dashboard.figures import mapfig
from dashboard.figures.palette import ROUTE_LINES, STATUS_COLOURS
from dashboard.figures.symbols import SHAPES
from dashboard.i18n import t
from dashboard.layout.controls import control_options
from dashboard.layout.details import details
from dashboard.layout.panels import compare_numbers, numbers_panel
from dashboard.state import METRICS as STATE_METRICS
from dashboard.state import ViewState
from geodata.kinds import KINDS
from geodata.layers import LAYERS
from geodata.measures import MEASURES, summary
from geodata.metrics import METRICS, SELECTABLE, country_metrics, province_metrics
from geodata.network import NetworkFilter, facts_in_force
from geodata.text import Text

HEX = re.compile(r"^#[0-9a-f]{6}$")
ALL = NetworkFilter(statuses=("existing", "planned", "proposed", "closed", "suspended"))


def both_languages(text: Text) -> bool:
    return bool(text.en.strip()) and bool(text.zh.strip()) and text.en != text.zh


# -- metrics -------------------------------------------------------------------------------
@pytest.mark.parametrize("metric", METRICS.values(), ids=list(METRICS))
def test_metric_declaration(metric):
    assert both_languages(metric.label) and both_languages(metric.definition)
    assert metric.categorical != bool(metric.colours), "either categories or sequential colours"
    for c in metric.categories:
        assert HEX.match(c.colour) and both_languages(c.label)
    assert [c.value for c in metric.categories] == list(range(len(metric.categories)))
    assert len(metric.colours) in (0, 3, 4, 5) and all(HEX.match(c) for c in metric.colours)
    assert set(metric.layers) <= set(LAYERS)
    assert metric.fallback in METRICS and METRICS[metric.fallback].province is not None


@pytest.mark.parametrize("metric", METRICS.values(), ids=list(METRICS))
def test_metric_computes_at_each_level(catalog, metric):
    cm = country_metrics(catalog, ALL)
    assert len(cm) == len(catalog.country_names) and (cm[metric.id] >= 0).all()
    if metric.categorical:
        assert set(cm[metric.id]) <= {c.value for c in metric.categories}
    pm = province_metrics(catalog, ALL)
    assert (metric.id in pm) == (metric.province is not None)
    assert metric.for_level("province") in pm


@pytest.mark.parametrize("metric", SELECTABLE)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_metric_reaches_map_legend_table_and_sources(catalog, metric, lang):
    state = ViewState(metric=metric, lang=lang, layers=("coverage", "provinces"))
    fig = mapfig.figure(catalog, state)
    cov = fig["data"][mapfig.INDEX["coverage"]]
    m = country_metrics(catalog, state.network_filter(), ())
    assert cov["z"] == m.loc[cov["locations"], metric].astype(float).tolist()
    assert cov["colorbar"]["title"]["text"] == METRICS[metric].label(lang)
    if METRICS[metric].categorical:
        assert cov["colorbar"]["ticktext"] == [c.label(lang) for c in METRICS[metric].categories]
    prov = fig["data"][mapfig.INDEX["provinces"]]
    assert (
        METRICS[METRICS[metric].for_level("province")].label(lang)
        in prov["colorbar"]["title"]["text"]
    )
    df = tables.layer_frame(catalog, state, "countries", lang)
    assert metric in df
    docs = set(source_ids(catalog, state))
    facts = METRICS[metric].facts
    if facts:
        assert (
            set(facts_in_force(catalog, state.network_filter().as_of, facts)["document_id"]) <= docs
        )
    assert metric in STATE_METRICS
    options = [o["value"] for o in control_options(catalog, lang)["metric"]]
    assert metric in options


# -- point layers ----------------------------------------------------------------------------
@pytest.mark.parametrize("layer", LAYERS.values(), ids=list(LAYERS))
def test_layer_declaration(catalog, layer):
    assert both_languages(layer.label)
    assert layer.table in catalog.tables and layer.draw in ("markers", "arcs")
    for c in layer.classes:
        assert c in STATUS_COLOURS and t(f"status.{c}", "zh")
        if layer.draw == "arcs":
            assert c in ROUTE_LINES
    for f in (*layer.fields, *layer.details_only):
        assert f.column in catalog.table(layer.table) and both_languages(f.label)
    df = tables.layer_frame(catalog, ViewState(statuses=ALL.statuses), layer.id)
    assert list(df.columns) == list(layer.columns), "the table has exactly the declared columns"
    assert df.columns[0] == "name"


@pytest.mark.parametrize("layer", LAYERS.values(), ids=list(LAYERS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_layer_reaches_map_hover_legend_and_details(catalog, layer, lang):
    state = ViewState(statuses=ALL.statuses, layers=("coverage", layer.id), lang=lang)
    fig = mapfig.figure(catalog, state)
    names = {tr["uid"]: tr for tr in fig["data"]}
    shown = 0
    legend = [names[f"{layer.id}_{c}"] for c in layer.classes]
    legend += [tr for uid, tr in names.items() if uid.startswith(f"{layer.id}_areas_")]
    for tr in legend:
        assert tr["name"].startswith(layer.label(lang))
        shown += int(re.split(r"[(（]", tr["name"])[-1].rstrip(")）"))
    assert shown == len(tables.layer_frame(catalog, state, layer.id))
    traces = (
        [names[f"{layer.id}_points"]]
        if layer.draw == "arcs"
        else [names[f"{layer.id}_{c}"] for c in layer.classes]
    )
    hover_trace = next(tr for tr in traces if tr.get("customdata"))
    assert hover_trace["text"] and hover_trace["customdata"][0].startswith(f"{layer.id}:")
    key = hover_trace["customdata"][0]
    out = details(catalog, state, tuple(key.split(":", 1)))
    text = json.dumps([c.to_plotly_json() for c in out], default=str, ensure_ascii=False)
    assert t("details.source", lang) in text


def test_layers_are_drawn_in_order_offices_on_top():
    points = [n for n in mapfig.TRACES if n.split("_")[0] in LAYERS and "_areas_" not in n]
    order = [n.split("_")[0] for n in points]
    assert min(i for i, x in enumerate(order) if x == "offices") > max(
        i for i, x in enumerate(order) if x == "routes"
    )


# -- measures -----------------------------------------------------------------------------
@pytest.mark.parametrize("measure", MEASURES.values(), ids=list(MEASURES))
def test_measure_declaration_and_consumers(catalog, measure):
    assert both_languages(measure.label) and both_languages(measure.definition)
    s = summary(catalog, NetworkFilter(proposals=("hkvision-2017",)))
    assert measure.id in s["coverage"] and measure.id in s["gain"]
    for lang in ("en", "zh"):
        state = ViewState(lang=lang, view="compare", proposals=("hkvision-2017",))
        for panel in (numbers_panel(catalog, state), compare_numbers(catalog, state)):
            text = json.dumps(panel.to_plotly_json(), default=str, ensure_ascii=False)
            assert measure.label(lang) in text


# -- office kinds ----------------------------------------------------------------------------
@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_office_kind_declaration(catalog, kind):
    # a filled shape the legend can draw (status makes it a ring), told apart from every other kind
    assert both_languages(kind.label) and kind.symbol in SHAPES and 1 <= kind.rank <= 3
    others = [(k.symbol, k.scale) for k in KINDS.values() if k.id != kind.id]
    assert (kind.symbol, kind.scale) not in others
    for lang in ("en", "zh"):
        options = control_options(catalog, lang)["kind"]
        assert {"label": kind.label(lang), "value": kind.id} in options
