"""ViewState <-> URL: round trips, defaults and bad input (no browser, no data)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.state import (
    COMPARE_MODES,
    FOCUSES,
    GAP_IDS,
    LANGS,
    LAYERS,
    MAX_GAP_YEARS,
    MAX_YEAR,
    METRICS,
    MIN_YEAR,
    TABLE_LAYERS,
    VERSION,
    VIEWS,
    Options,
    ViewState,
)
from geodata.codes import STATUSES
from geodata.draft import clean_text
from geodata.schema import OFFICE_KINDS, SERVICES

OPTS = Options(
    regions=("asean", "gba", "middle-east"),
    proposals=("bpa-2024", "hkvision-2017"),
    scenes=6,
    airlines=("CX", "UO", "5X"),
)


def subset(allowed, min_size=0):
    return st.lists(st.sampled_from(allowed), unique=True, min_size=min_size).map(
        lambda xs: tuple(x for x in allowed if x in xs)
    )


states = st.builds(
    ViewState,
    view=st.sampled_from(VIEWS),
    lang=st.sampled_from(LANGS),
    layers=subset(LAYERS),
    metric=st.sampled_from(METRICS),
    regions=subset(OPTS.regions),
    proposals=subset(OPTS.proposals),
    statuses=subset(STATUSES, min_size=1),
    kinds=subset(OFFICE_KINDS),
    services=subset(SERVICES),
    year=st.integers(MIN_YEAR, MAX_YEAR),
    focus=st.sampled_from(FOCUSES),
    compare=st.sampled_from(COMPARE_MODES),
    table=st.sampled_from(TABLE_LAYERS),
    scene=st.integers(0, OPTS.scenes - 1),
    airlines=subset(OPTS.airlines),
    gap=st.sampled_from(GAP_IDS),
    gap_after=st.integers(1, MAX_GAP_YEARS),
    draft_title=st.text(max_size=40).filter(lambda x: clean_text(x) == x),
    draft_note=st.text(max_size=40).filter(lambda x: clean_text(x) == x),
)


@settings(max_examples=300, deadline=None)
@given(states)
def test_round_trip_through_query(state):
    back, warnings = ViewState.from_query(state.to_query(), OPTS)
    assert back == state
    assert warnings == []


@settings(max_examples=100, deadline=None)
@given(states)
def test_round_trip_through_dict(state):
    assert ViewState.from_dict(state.to_dict(), OPTS) == state


def test_default_state_has_empty_query():
    assert ViewState().to_query() == ""
    state, warnings = ViewState.from_query("", OPTS)
    assert state == ViewState() and warnings == []


def test_query_only_holds_changes():
    s = ViewState(lang="zh", proposals=("hkvision-2017",), year=2017)
    assert s.to_query() == "v=2&lang=zh&proposal=hkvision-2017&year=2017"


@pytest.mark.parametrize(
    "query, param",
    [
        ("view=map", "view"),
        ("lang=fr", "lang"),
        ("layers=coverage,volcanoes", "layers"),
        ("metric=gdp", "metric"),
        ("region=atlantis", "region"),
        ("proposal=not-a-doc", "proposal"),
        ("status=maybe", "status"),
        ("status=", "status"),
        ("kind=embassy", "kind"),
        ("service=rail", "service"),
        ("year=abc", "year"),
        ("year=1800", "year"),
        ("year=99999999999999999999", "year"),
        ("focus=mars", "focus"),
        ("compare=overlay", "compare"),
        ("table=secrets", "table"),
        ("scene=-1", "scene"),
        ("scene=6", "scene"),
        ("zoom=3", "zoom"),
        ("v=7", "v"),
    ],
)
def test_bad_parameters_fall_back_and_say_so(query, param):
    state, warnings = ViewState.from_query(query, OPTS)
    assert [w.param for w in warnings] == [param]
    default = ViewState()
    # everything except the (partly) valid part of a list is the default
    if param in ("view", "lang", "metric", "year", "focus", "compare", "table", "scene"):
        assert state == default
    assert str(warnings[0]).startswith(f"{param}=")


def test_partly_valid_list_keeps_the_valid_values():
    state, warnings = ViewState.from_query("layers=routes,volcanoes,offices", OPTS)
    assert state.layers == ("offices", "routes")
    assert len(warnings) == 1 and "volcanoes" in warnings[0].value


def test_values_are_normalised_to_a_canonical_order():
    a, _ = ViewState.from_query("region=middle-east,asean", OPTS)
    b, _ = ViewState.from_query("region=asean,middle-east", OPTS)
    assert a == b and a.regions == ("asean", "middle-east")


def test_empty_layers_means_all_layers_off():
    state, warnings = ViewState.from_query("layers=", OPTS)
    assert state.layers == () and warnings == []


def test_garbage_bytes_never_raise():
    state, warnings = ViewState.from_query("year=%ff%fe&lang=%00&%zz=1", OPTS)
    assert state.year == ViewState().year
    assert {w.param for w in warnings} >= {"year", "lang"}


def test_network_filter_follows_the_state():
    s = ViewState(year=2017, proposals=("hkvision-2017",), regions=("asean",), services=("cargo",))
    f = s.network_filter()
    assert f.as_of == "2017-12-31"
    assert (
        f.proposals == ("hkvision-2017",) and f.regions == ("asean",) and f.services == ("cargo",)
    )


# -- link versions ------------------------------------------------------------------------
def test_links_carry_their_version():
    assert ViewState(year=2017).to_query().startswith(f"v={VERSION}&")
    state, warnings = ViewState.from_query(f"v={VERSION}&year=2017", OPTS)
    assert state.year == 2017 and warnings == []


def test_a_link_without_version_is_read_as_the_current_version():
    state, warnings = ViewState.from_query("year=2017", OPTS)
    assert state == ViewState(year=2017) and warnings == []


def test_a_version_1_link_keeps_showing_every_route_and_office_kind():
    state, warnings = ViewState.from_query("v=1&year=2017", OPTS)
    assert warnings == [] and state.year == 2017
    assert set(state.services) == {"passenger", "cargo"}
    assert state.regularities == ("regular", "seasonal", "charter", "none")
    assert "tdc_office" in state.kinds and "investhk_unit" not in state.kinds
    again, _ = ViewState.from_query(state.to_query(), OPTS)
    assert again == state  # and the link written for it is a current one that reads the same


def test_a_link_from_a_newer_version_is_rejected_with_a_notice():
    state, warnings = ViewState.from_query(f"v={VERSION + 1}&year=2017&lang=zh", OPTS)
    assert state == ViewState()
    assert [w.param for w in warnings] == ["v"] and "newer version" in warnings[0].reason


@pytest.mark.parametrize("v", ["abc", "0", "-3"])
def test_a_bad_version_falls_back_with_a_notice(v):
    state, warnings = ViewState.from_query(f"v={v}&year=2017", OPTS)
    assert state.year == 2017 and [w.param for w in warnings] == ["v"]


def test_old_links_are_upgraded_step_by_step(monkeypatch):
    import dashboard.state as state_module

    # a version 2 that renamed region "gba" to "greater-bay-area" and a version 3 that moved
    # the year one later: a version-1 link goes through both steps, a version-2 link one
    monkeypatch.setattr(state_module, "VERSION", 3)
    monkeypatch.setitem(
        state_module.UPGRADES,
        1,
        lambda q: {**q, "region": q.get("region", "").replace("gba", "asean")},
    )
    monkeypatch.setitem(
        state_module.UPGRADES, 2, lambda q: {**q, "year": str(int(q.get("year", "2025")) + 1)}
    )
    st, warnings = ViewState.from_query("v=1&region=gba&year=2016", OPTS)
    assert st.regions == ("asean",) and st.year == 2017 and warnings == []
    st, _ = ViewState.from_query("v=2&region=gba&year=2016", OPTS)
    assert st.regions == ("gba",) and st.year == 2017
    st, _ = ViewState.from_query("v=3&region=gba&year=2016", OPTS)
    assert st.regions == ("gba",) and st.year == 2016


@pytest.mark.parametrize(
    "bad", [None, [], "explore", 3, {"year": "x", "layers": 5, "regions": [1, "asean"]}]
)
def test_from_dict_never_fails(bad):
    state = ViewState.from_dict(bad, OPTS)
    assert isinstance(state, ViewState)
