"""The browser's copy of the state logic (assets/state.js) against the Python reference.

A click on a control becomes the new state in the browser (no round trip before the map's
request). ``state_from_controls``, ``control_values`` and ``ViewState.to_query`` stay the
reference: for a generated set of previous states and control values (valid, unknown, wrong
types), the browser must give the same state, the same controls to adjust and the same link.
"""

from __future__ import annotations

import random

import pytest

from dashboard.layout.controls import (
    CONTROL_IDS,
    control_values,
    state_from_controls,
    state_spec,
)
from dashboard.state import ViewState

CASES = 400


def _some(rng, allowed, junk=("zzz", "")):
    pool = list(allowed) + list(junk)
    return rng.sample(pool, rng.randint(0, min(len(pool), 5)))


def _random_state(rng, spec) -> ViewState:
    a = spec["allowed"]
    return ViewState(
        view=rng.choice(a["views"]), lang=rng.choice(a["langs"]),
        layers=tuple(x for x in a["layers"] if rng.random() < 0.5),
        metric=rng.choice(a["metrics"]),
        regions=tuple(x for x in a["regions"] if rng.random() < 0.1),
        proposals=tuple(x for x in a["proposals"] if rng.random() < 0.2),
        statuses=tuple(x for x in a["statuses"] if rng.random() < 0.5) or ("existing",),
        kinds=tuple(x for x in a["kinds"] if rng.random() < 0.6),
        services=rng.choice([("passenger",), ("cargo",), ("passenger", "cargo")]),
        regularities=tuple(x for x in a["regularities"] if rng.random() < 0.6) or ("regular",),
        year=rng.randint(*spec["year"]), focus=rng.choice(a["focuses"]),
        projection=rng.choice(["natural", "hk"]), labels=rng.choice(["auto", "key", "off"]),
        compare=rng.choice(a["compare"]), table=rng.choice(a["tables"]),
        deck=rng.choice(["default", "mine"]), scene=rng.randint(0, 3),
        airlines=tuple(x for x in a["airlines"] if rng.random() < 0.02),
        # a draft passes through the controls untouched, and its link keeps ":" as it is
        draft=rng.choice([(), ("eto:IND", "route:TAS"), ("tdc_office:VNM:Ho Chi Minh City",)]),
        draft_title=rng.choice(["", "Gulf & Asia: 1+1=2", "草擬 #1"]),
        gap=rng.choice(a["gaps"]), gap_after=rng.randint(*spec["gap_after"]),
    )  # fmt: skip


def _random_controls(rng, spec, prev: ViewState) -> dict:
    a = spec["allowed"]
    vals = dict(control_values(prev))
    # change a few controls, sometimes to something no control would send
    for cid in rng.sample(CONTROL_IDS, rng.randint(1, 4)):
        kind = rng.random()
        if cid in ("layers", "region", "proposal", "status", "kind", "regularity", "airline"):
            key = {"layers": "layers", "region": "regions", "proposal": "proposals",
                   "status": "statuses", "kind": "kinds", "regularity": "regularities",
                   "airline": "airlines"}[cid]  # fmt: skip
            vals[cid] = _some(rng, a[key]) if kind < 0.85 else rng.choice([None, "coverage", 7])
        elif cid == "gap-after":
            vals[cid] = rng.choice([rng.randint(*spec["gap_after"]), 0, 51, None, "7", 7.9, True])
        elif cid == "year":
            vals[cid] = rng.choice(
                [rng.randint(*spec["year"]), 1990, 2031, None, "2020", 2010.0, True]
            )
        else:
            key = {"view-tabs": "views", "lang-toggle": "langs", "metric": "metrics",
                   "focus": "focuses", "compare-mode": "compare", "table-layer": "tables",
                   "gap": "gaps"}.get(cid)  # fmt: skip
            choices = a[key] if key else ["all", "passenger", "cargo"]
            vals[cid] = rng.choice(choices) if kind < 0.85 else rng.choice([None, "zzz", 3, []])
    return vals


RUN = """
var spec = arguments[0], cases = arguments[1];
return cases.map(function (c) {
  var s = window.atlas.stateFromControls(c.given, c.prev, spec);
  return {state: s, query: window.atlas.toQuery(s, spec), controls: window.atlas.controlValues(s),
          same: window.atlas.sameState(s, c.prev, spec)};
});
"""


@pytest.fixture
def page(dash_duo, app):
    dash_duo.start_server(app)
    dash_duo.wait_for_element("#app-root", timeout=20)
    return dash_duo.driver


def test_the_browser_turns_controls_into_the_state_the_server_would(page, catalog):
    spec = state_spec(catalog)
    rng = random.Random(11)
    cases, expected = [], []
    for _ in range(CASES):
        prev = _random_state(rng, spec)
        given = _random_controls(rng, spec, prev)
        state = state_from_controls(given, prev, catalog)
        cases.append({"given": given, "prev": prev.to_dict()})
        expected.append((state, state == prev))
    got = page.execute_script(RUN, spec, cases)
    assert len(got) == CASES
    changed = 0
    for case, (state, same), out in zip(cases, expected, got):
        assert out["state"] == state.to_dict(), case
        assert out["query"] == state.to_query(), case
        assert out["controls"] == {str(k): v for k, v in control_values(state).items()}, case
        assert out["same"] == same, case
        changed += not same
    assert changed > CASES / 2  # the generated clicks mostly change something


def test_the_default_state_writes_an_empty_link(page, catalog):
    spec = state_spec(catalog)
    d = ViewState().to_dict()
    assert (
        page.execute_script("return window.atlas.toQuery(arguments[0], arguments[1])", d, spec)
        == ""
    )
