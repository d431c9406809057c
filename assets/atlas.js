/* Hong Kong Network Atlas: small browser-side helpers (no network access). */
(function () {
  "use strict";
  var atlas = (window.atlas = window.atlas || {});
  var syncing = false;

  function graphDiv(id) {
    var host = document.getElementById(id);
    return host ? host.querySelector(".js-plotly-plot") : null;
  }

  function geoKeys(data) {
    var out = {};
    if (!data) return out;
    Object.keys(data).forEach(function (k) {
      if (k.indexOf("geo.") === 0 || k === "geo") out[k] = data[k];
    });
    return out;
  }

  /* Split compare: apply one map's pan/zoom to the other (clientside, no server trip). */
  atlas.syncMaps = function (left, right) {
    var nu = window.dash_clientside.no_update;
    if (syncing) return nu;
    var ctx = window.dash_clientside.callback_context;
    var trig = ctx && ctx.triggered && ctx.triggered.length ? ctx.triggered[0].prop_id : "";
    var fromLeft = trig.indexOf("map-left") === 0;
    var upd = geoKeys(fromLeft ? left : right);
    if (!Object.keys(upd).length) return nu;
    var target = graphDiv(fromLeft ? "map-right" : "map-left");
    if (!target || !window.Plotly) return nu;
    syncing = true;
    Promise.resolve(window.Plotly.relayout(target, upd)).then(function () {
      setTimeout(function () { syncing = false; }, 50);
    });
    return nu;
  };

  /* Phone-width windows start with the filter panel collapsed. */
  function collapseOnPhone() {
    var panel = document.getElementById("controls");
    if (!panel) return false;
    if (window.innerWidth < 760) panel.removeAttribute("open");
    return true;
  }
  var tries = 0;
  var timer = setInterval(function () {
    if (collapseOnPhone() || ++tries > 100) clearInterval(timer);
  }, 100);
})();
