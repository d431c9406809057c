/* Hong Kong Network Atlas: the view state from the filter controls, in the browser.
 *
 * A click on a control becomes the new state here, with no round trip to the server; the maps
 * callback is then the click's only request on the map's path. These functions mirror
 * dashboard/layout/controls.py's state_from_controls and control_values and
 * dashboard/state.py's ViewState.to_query, which stay the reference: tests/test_state_js.py
 * runs both on a generated set of states and controls and asks for the same answers. What they
 * may accept (ids, defaults, parameter order) comes from the server (the state-spec store).
 */
(function () {
  "use strict";
  var atlas = (window.atlas = window.atlas || {});

  function list(v) {
    return Array.isArray(v) ? v : [];
  }
  function pick(v, allowed) {
    v = list(v);
    return allowed.filter(function (x) { return v.indexOf(x) >= 0; });
  }
  function oneOf(v, allowed, fallback) {
    return allowed.indexOf(v) >= 0 ? v : fallback;
  }
  /* a number a control sent, truncated, if it lies in [lo, hi]; else the fallback */
  function whole(v, range, fallback) {
    return typeof v === "number" && isFinite(v) && v >= range[0] && v <= range[1] ? Math.trunc(v) : fallback;
  }
  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  atlas.stateFromControls = function (c, prev, spec) {
    var a = spec.allowed;
    var s = Object.assign({}, prev);
    var layers = pick(c.layers, a.layers);
    var focus = oneOf(c.focus, a.focuses, prev.focus);
    if (focus !== prev.focus && (focus === "china" || focus === "gba") && layers.indexOf("provinces") < 0) {
      layers = pick(layers.concat(["provinces"]), a.layers); // zooming to China shows its provinces
    }
    var statuses = pick(c.status, a.statuses);
    var regularities = pick(c.regularity, a.regularities);
    var service = c.service;
    var year = c.year;
    s.view = oneOf(c["view-tabs"], a.views, prev.view);
    s.lang = oneOf(c["lang-toggle"], a.langs, prev.lang);
    s.layers = layers;
    s.metric = oneOf(c.metric, a.metrics, prev.metric);
    s.regions = pick(c.region, a.regions);
    s.proposals = pick(c.proposal, a.proposals);
    s.statuses = statuses.length ? statuses : prev.statuses;
    s.kinds = pick(c.kind, a.kinds);
    s.services = service === "passenger" || service === "cargo" ? [service] : spec.all_services.slice();
    s.regularities = regularities.length ? regularities : prev.regularities;
    s.airlines = pick(c.airline, a.airlines);
    s.year = whole(year, spec.year, prev.year);
    s.focus = focus;
    s.compare = oneOf(c["compare-mode"], a.compare, prev.compare);
    s.table = oneOf(c["table-layer"], a.tables, prev.table);
    s.gap = oneOf(c.gap, a.gaps, prev.gap);
    var after = c["gap-after"];
    s.gap_after = whole(after, spec.gap_after, prev.gap_after);
    return s;
  };

  atlas.controlValues = function (s) {
    var services = s.services || [];
    return {
      "view-tabs": s.view, "lang-toggle": s.lang, layers: s.layers, metric: s.metric,
      region: s.regions, proposal: s.proposals, status: s.statuses, kind: s.kinds,
      service: services.length === 1 && (services[0] === "passenger" || services[0] === "cargo") ? services[0] : "all",
      regularity: s.regularities, airline: s.airlines, year: s.year, focus: s.focus, "compare-mode": s.compare,
      "table-layer": s.table, gap: s.gap, "gap-after": s.gap_after,
    };
  };

  /* Equal as ViewStates are: every field but the link version. */
  atlas.sameState = function (a, b, spec) {
    return spec.params.every(function (pa) { return same(a[pa[1]], b[pa[1]]); });
  };

  function encode(x) {
    // as Python's urlencode(..., safe=",:") writes it
    return encodeURIComponent(x)
      .replace(/[!'()*]/g, function (ch) { return "%" + ch.charCodeAt(0).toString(16).toUpperCase(); })
      .replace(/%20/g, "+")
      .replace(/%2C/g, ",")
      .replace(/%3A/g, ":");
  }

  atlas.toQuery = function (s, spec) {
    var out = [];
    spec.params.forEach(function (pa) {
      var v = s[pa[1]];
      if (!same(v, spec.defaults[pa[1]])) out.push(pa[0] + "=" + encode(Array.isArray(v) ? v.join(",") : String(v)));
    });
    return out.length ? "v=" + spec.version + "&" + out.join("&") : "";
  };

  /* The clientside callback: the controls' values, then the current state and the spec. */
  atlas.controlsChanged = function () {
    var nu = window.dash_clientside.no_update;
    var args = Array.prototype.slice.call(arguments);
    var spec = args.pop();
    var prev = args.pop();
    var none = [nu, nu].concat(args.map(function () { return nu; }));
    if (!spec || !spec.controls || !prev || typeof prev !== "object") return none;
    var given = {};
    spec.controls.forEach(function (id, i) { given[id] = args[i]; });
    var s = atlas.stateFromControls(given, prev, spec);
    if (atlas.sameState(s, prev, spec)) return none;
    // controls the state adjusted (zooming to China ticks its provinces) follow it
    var vals = atlas.controlValues(s);
    var follow = spec.controls.map(function (id) { return same(vals[id], given[id]) ? nu : vals[id]; });
    var q = atlas.toQuery(s, spec);
    var url = window.location.pathname + (q ? "?" + q : "");
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState({}, "", url); // the back button steps back
      // dcc.Location learns the new address after the map's request has gone
      setTimeout(function () { window.dispatchEvent(new CustomEvent("_dashprivate_pushstate")); }, 60);
    }
    return [s, null].concat(follow);
  };

  var dc = (window.dash_clientside = window.dash_clientside || {});
  dc.atlas = Object.assign(dc.atlas || {}, { controlsChanged: atlas.controlsChanged });
})();
