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

  /* Present mode: the keyboard (and presentation clickers) move between scenes. */
  function navigate(params) {
    var q = params.toString();
    window.history.pushState({}, "", window.location.pathname + (q ? "?" + q : ""));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  }
  function sceneCount() {
    var c = document.getElementById("present-counter");
    var nums = c ? (c.textContent.match(/\d+/g) || []) : [];
    return nums.length >= 2 ? parseInt(nums[1], 10) : 1;
  }
  atlas.goScene = function (k) {
    var p = new URLSearchParams(window.location.search);
    var n = sceneCount();
    k = Math.max(0, Math.min(n - 1, k));
    if (k === 0) p.delete("scene"); else p.set("scene", String(k));
    p.set("view", "present");
    navigate(p);
  };
  atlas.exitPresent = function () {
    var p = new URLSearchParams(window.location.search);
    p.delete("view");
    p.delete("scene");
    navigate(p);
  };
  function currentScene() {
    var p = new URLSearchParams(window.location.search);
    return parseInt(p.get("scene") || "0", 10) || 0;
  }
  function presenting() { return document.querySelector(".app.view-present") !== null; }
  document.addEventListener("keydown", function (e) {
    if (!presenting()) return;
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var k = e.key, i = currentScene();
    if (k === "ArrowRight" || k === "PageDown" || k === " ") { atlas.goScene(i + 1); }
    else if (k === "ArrowLeft" || k === "PageUp") { atlas.goScene(i - 1); }
    else if (k === "Home") { atlas.goScene(0); }
    else if (k === "End") { atlas.goScene(sceneCount() - 1); }
    else if (k === "Escape") { atlas.exitPresent(); }
    else return;
    e.preventDefault();
  });
  document.addEventListener("click", function (e) {
    var el = e.target && e.target.closest ? e.target.closest("button") : null;
    if (!el) return;
    if (el.id === "present-prev") atlas.goScene(currentScene() - 1);
    else if (el.id === "present-next") atlas.goScene(currentScene() + 1);
    else if (el.id === "present-exit") atlas.exitPresent();
  });

  /* Each map's size in px goes to the "map-sizes" store (labels are placed for it on the
     server): measured when a map appears or its box changes, rounded to 10 px, debounced. */
  var MAPS = ["map", "map-left", "map-right", "map-diff", "map-present"];
  var lastSizes = "";
  var sizeTimer = null;
  function reportSizes() {
    var out = {};
    MAPS.forEach(function (id) {
      var el = document.getElementById(id);
      if (el && el.offsetWidth > 0 && el.offsetHeight > 0) {
        out[id] = [Math.round(el.offsetWidth / 10) * 10, Math.round(el.offsetHeight / 10) * 10];
      }
    });
    var key = JSON.stringify(out);
    if (key === lastSizes || !window.dash_clientside || !window.dash_clientside.set_props) return;
    lastSizes = key;
    atlas.reportedSizes = out; // (tests wait for it)
    window.dash_clientside.set_props("map-sizes", {data: out});
  }
  function scheduleSizes() {
    clearTimeout(sizeTimer);
    sizeTimer = setTimeout(reportSizes, 250);
  }
  var observer = window.ResizeObserver ? new ResizeObserver(scheduleSizes) : null;
  var observed = {};
  function observeMaps() {
    MAPS.forEach(function (id) {
      var el = document.getElementById(id);
      if (el && observer && observed[id] !== el) { observer.observe(el); observed[id] = el; }
    });
    scheduleSizes();
  }
  // often while the page starts (the labels are placed for the real size soon), then calmly
  var ticks = 0;
  (function tick() {
    observeMaps();
    setTimeout(tick, ++ticks < 20 ? 150 : 1000);
  })();
  window.addEventListener("resize", scheduleSizes);

  /* F toggles full screen (present mode, or anywhere when no field has the focus). */
  document.addEventListener("keydown", function (e) {
    var tag = (e.target && e.target.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if ((e.key === "f" || e.key === "F") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      atlas.toggleFullscreen();
      e.preventDefault();
    }
  });
  atlas.toggleFullscreen = function () {
    var doc = document;
    if (doc.fullscreenElement) { if (doc.exitFullscreen) doc.exitFullscreen(); }
    else if (doc.documentElement.requestFullscreen) { doc.documentElement.requestFullscreen().catch(function () {}); }
  };
  document.addEventListener("click", function (e) {
    var el = e.target && e.target.closest ? e.target.closest("button") : null;
    if (el && el.id === "present-fullscreen") atlas.toggleFullscreen();
  });

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

  /* A place chosen in the finder: the explore map zooms to it and brings it out (the other
     markers and countries dimmed) until the next redraw. Its details open as for a click. */
  function locate(gd, value) {
    var where = null;
    var sel = gd.data.map(function (t) {
      var cd = t.customdata || [];
      var k = cd.indexOf(value);
      var isText = t.type === "scattergeo" && String(t.mode || "").indexOf("markers") < 0;
      if (k >= 0 && t.lat && t.lat[k] != null && !where) where = [t.lat[k], t.lon[k]];
      if (isText || !cd.length) return null; // labels and lines keep their look
      return k >= 0 ? [k] : [];
    });
    var found = sel.some(function (s) { return s && s.length; });
    return { where: where, sel: found ? sel : null };
  }
  function bringOut(gd, sel, where) {
    // the names are placed for the whole view: hidden while zoomed in on one place
    var labels = gd.data.map(function (t) {
      return t.meta === "labels" ? false : t.visible === undefined ? true : t.visible;
    });
    var style = { visible: labels };
    // a place this map does not show: nothing is dimmed, the map only follows the other
    style.selectedpoints = sel || gd.data.map(function () { return null; });
    window.Plotly.restyle(gd, style);
    if (where) {
      var scale = (gd._fullLayout.geo && gd._fullLayout.geo.projection.scale) || 1;
      window.Plotly.relayout(gd, {
        "geo.center.lat": where[0], "geo.center.lon": where[1],
        "geo.projection.scale": Math.max(scale, 3),
      });
    }
  }
  atlas.focusPlace = function (value, mapId) {
    var nu = window.dash_clientside.no_update;
    var gd = graphDiv(mapId || "map");
    if (!gd || !gd.data || !value || !window.Plotly) return nu;
    var found = locate(gd, value);
    bringOut(gd, found.sel, found.where);
    atlas.focused = { value: value, at: found.where, map: mapId || "map" }; // (tests read it)
    return nu;
  };
  /* Compare's finder: both maps zoom to the place and bring it out; a place on one map only
     (a proposal's office, say) leaves the other map undimmed, centred on the same spot. */
  atlas.focusCompare = function (value) {
    var nu = window.dash_clientside.no_update;
    var maps = ["map-left", "map-right"].map(graphDiv);
    if (!value || !window.Plotly || maps.some(function (gd) { return !gd || !gd.data; })) return nu;
    var found = maps.map(function (gd) { return locate(gd, value); });
    var where = found[0].where || found[1].where;
    maps.forEach(function (gd, i) { bringOut(gd, found[i].sel, where); });
    atlas.focused = { value: value, at: where, map: "compare",
                      found: found.map(function (f) { return !!f.sel; }) };
    return nu;
  };

  /* The grid's numbers as the language writes them (thousands separated, at most 4 decimals);
     dash-ag-grid calls this by name from a column's valueFormatter (its own expression parser:
     no eval, the page's CSP holds). Downloads keep the plain number (useValueFormatterForExport). */
  window.dashAgGridFunctions = Object.assign(window.dashAgGridFunctions || {}, {
    atlasNumber: function (params, lang) {
      var v = params && params.value;
      if (typeof v !== "number" || !isFinite(v)) return v == null ? "" : String(v);
      return v.toLocaleString(lang === "zh" ? "zh-HK" : "en-HK", { maximumFractionDigits: 4 });
    },
  });

  /* The draft editor: a click on the map adds to the draft only while "Add by clicking the map"
     is ticked; otherwise the click goes nowhere but the details panel (no request). */
  atlas.draftClick = function (click, on) {
    if (!click || !on || on.indexOf("on") < 0) return window.dash_clientside.no_update;
    return click;
  };
  atlas.draftView = function (s, seen) {
    var nu = window.dash_clientside.no_update;
    if (!s || s.view !== "explore") return nu;
    var has = function (x) { return !!(x && x.draft && x.draft.length); };
    var same = seen && seen.lang === s.lang && seen.draft_title === s.draft_title &&
      seen.draft_note === s.draft_note;
    return has(s) || has(seen) || !same ? s : nu;
  };
  var dcl = (window.dash_clientside = window.dash_clientside || {});
  dcl.atlas = Object.assign(dcl.atlas || {}, { draftClick: atlas.draftClick, draftView: atlas.draftView });

  /* "Play the years": the year steps through the years the network changed (the button's
     data-years), one every 1.6 s, as if the slider were moved; the same button stops it. */
  var playTimer = null;
  function stopPlaying(btn) {
    clearInterval(playTimer);
    playTimer = null;
    if (btn) { btn.setAttribute("aria-pressed", "false"); btn.classList.remove("playing"); }
  }
  atlas.togglePlay = function (btn) {
    if (playTimer) return stopPlaying(btn);
    var years = JSON.parse(btn.getAttribute("data-years") || "[]");
    var slider = document.querySelector("#year [role=slider]");
    var now = slider ? Number(slider.getAttribute("aria-valuenow")) : NaN;
    var i = years.findIndex(function (y) { return y > now; });
    if (i < 0) i = 0; // at the end: from the start again
    if (!years.length || !window.dash_clientside || !window.dash_clientside.set_props) return;
    btn.setAttribute("aria-pressed", "true");
    btn.classList.add("playing");
    var step = function () {
      window.dash_clientside.set_props("year", { value: years[i] });
      i += 1;
      if (i >= years.length) stopPlaying(btn);
    };
    step();
    if (playTimer === null && i < years.length) playTimer = setInterval(step, 1600);
  };
  document.addEventListener("click", function (e) {
    var btn = e.target && e.target.closest ? e.target.closest("#play-years") : null;
    if (btn) atlas.togglePlay(btn);
  });

  /* Hovering a destination, a country or a region (a proposal for a region, drawn as its
     countries) on the explore map brings out its routes from Hong Kong (drawn in the focus
     trace) and dims the others, until the pointer leaves it. */
  var HKG = [22.308, 113.918]; // HKG airport (geodata.codes.HKG_AIRPORT)
  function traceIndex(gd, meta) {
    for (var i = 0; i < gd.data.length; i++) if (gd.data[i].meta === meta) return i;
    return -1;
  }
  atlas.routesOf = function (gd, point) {
    var trace = gd.data[point.curveNumber] || {};
    var cd = point.customdata;
    var dests = [];
    if (typeof cd === "string" && cd.indexOf("routes:") === 0) {
      dests.push([point.lat, point.lon]);
    } else if (typeof cd === "string") {
      // a country, or a region drawn as its countries (a proposal for a region): its members
      var members = {};
      if (cd.indexOf("country:") === 0) members[cd.slice(8)] = true;
      else if (trace.type === "choropleth" && Array.isArray(trace.locations) && Array.isArray(trace.customdata)) {
        trace.customdata.forEach(function (c, k) { if (c === cd) members[trace.locations[k]] = true; });
      }
      gd.data.forEach(function (t) {
        if (!Array.isArray(t.meta) || !t.customdata || String(t.customdata[0]).indexOf("routes:") !== 0) return;
        t.meta.forEach(function (m, k) { if (members[m]) dests.push([t.lat[k], t.lon[k]]); });
      });
    }
    return trace.visible === false ? [] : dests;
  };
  function showRoutes(gd, dests) {
    var focus = traceIndex(gd, "route-focus");
    if (focus < 0) return;
    var lat = [], lon = [];
    dests.forEach(function (d) { lat.push(HKG[0], d[0], null); lon.push(HKG[1], d[1], null); });
    var lines = [];
    gd.data.forEach(function (t, i) { if (t.meta === "route-lines") lines.push(i); });
    window.Plotly.restyle(gd, { opacity: dests.length ? 0.25 : 1 }, lines);
    window.Plotly.restyle(gd, { lat: [lat], lon: [lon] }, [focus]);
    atlas.routeFocus = dests.length; // (tests read it)
  }
  var hoverKey = "";
  function watchHover() {
    var gd = graphDiv("map");
    if (!gd || !gd.on || gd.__atlasHover) return;
    gd.__atlasHover = true;
    gd.on("plotly_hover", function (ev) {
      var p = ev && ev.points && ev.points[0];
      var key = p ? String(p.customdata) : "";
      if (!p || key === hoverKey) return;
      var dests = atlas.routesOf(gd, p);
      if (!dests.length && !hoverKey) return;
      hoverKey = dests.length ? key : "";
      showRoutes(gd, dests);
    });
    gd.on("plotly_unhover", function () {
      if (!hoverKey) return;
      hoverKey = "";
      showRoutes(gd, []);
    });
  }
  setInterval(watchHover, 1000);

  /* A link to an entry of a page (About's #doc-<id>): scroll to it once the app has drawn it. */
  if (window.location.hash.length > 1) {
    var want = decodeURIComponent(window.location.hash.slice(1));
    var hashTries = 0;
    var hashTimer = setInterval(function () {
      var el = document.getElementById(want);
      if (el) { el.scrollIntoView(); el.classList.add("target"); }
      if (el || ++hashTries > 50) clearInterval(hashTimer);
    }, 100);
  }

  /* <html lang> follows the app's language (screen readers, fonts, hyphenation). */
  var langTries = 0;
  var langTimer = setInterval(function () {
    var root = document.getElementById("app-root");
    if (!root && ++langTries < 100) return;
    clearInterval(langTimer);
    if (!root) return;
    var copy = function () {
      var lang = root.getAttribute("lang");
      if (lang && document.documentElement.lang !== lang) document.documentElement.lang = lang;
    };
    copy();
    new MutationObserver(copy).observe(root, { attributes: true, attributeFilter: ["lang"] });
  }, 100);
})();
