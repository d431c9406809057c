"""``python -m bench``: the Atlas against the naive approach, in one run; prints JSON.

Measured, both apps in the same run and the same headless Chromium (1366×900):
- first map: navigation start to the map's countries drawn, median (and p90) of ``--loads``
  warm loads (a new page each time, the server already warm);
- click -> redrawn per kind of click: from a click on a control (a checkbox, a radio button)
  to the map's last ``plotly_afterplot`` caused by it, median and p90 over ``--repeats``
  rounds of every kind of click;
- bytes per click: every ``_dash-update-component`` response the click causes, as transferred;
- first load: bytes of code (JS, CSS) and of data (document, layout, geometry, first
  callbacks), as transferred (gzip), with the browser's cache emptied first;
- server time per interaction: the map + numbers of a view not seen before (caches cleared
  but for the previous view) and of one seen before, against the naive figure;
- the machine: CPU count and load average before and after.

Goals (issue 11): click -> redrawn median <= 100 ms and p90 <= 150 ms; first map <= 1.2 s;
bytes per click <= 10 KB; first load <= 1.2 MB gzip all in.
Options: ``--repeats N`` (rounds of clicks, default 7 -> 42 clicks), ``--loads N`` (default 7),
``--out FILE`` (also write the JSON there).
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from contextlib import contextmanager

from werkzeug.serving import make_server

GOALS = {
    "first_map_ms": 1200,
    "first_load_bytes": 1_200_000,
    "bytes_per_click": 10_000,
    "click_to_redrawn_median_ms": 100,
    "click_to_redrawn_p90_ms": 150,
}
#: Clicks on controls (not URL changes), each undone by the next of its kind.
ATLAS_CLICKS = [
    "#status input[value='proposed']",  # a status on
    "#status input[value='proposed']",  # and off
    "#service input[value='cargo']",
    "#service input[value='passenger']",
    "#focus input[value='asia']",
    "#focus input[value='world']",
]
NAIVE_CLICKS = [
    "#year input[value='2017']",
    "#year input[value='2026']",
    "#metric input[value='routes']",
    "#metric input[value='presence']",
]


@contextmanager
def serve(flask_app):
    srv = make_server("127.0.0.1", 0, flask_app, threaded=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_port}"
    finally:
        srv.shutdown()


def browser():
    from selenium import webdriver

    opts = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
    ):
        opts.add_argument(flag)
    opts.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=opts)


def wait(driver, script: str, timeout: float = 30):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script(script):
            return
        time.sleep(0.05)
    raise TimeoutError(script)


HOOK = """
window.__b = {t0: 0, t1: 0};
var gd = document.querySelector('%s .js-plotly-plot');
gd.on('plotly_afterplot', function () { window.__b.t1 = performance.now(); });
"""
CLICK = """
performance.clearResourceTimings();
window.__b.t1 = 0; window.__b.t0 = performance.now();
document.querySelector(arguments[0]).click();
"""
BYTES = """
var t0 = window.__b.t0;
return performance.getEntriesByType('resource').filter(function (e) {
  return e.name.indexOf('_dash-update-component') >= 0 && e.startTime >= t0;
}).reduce(function (s, e) { return s + e.transferSize; }, 0);
"""
FIRST_LOAD = """
var nav = performance.getEntriesByType('navigation')[0];
var res = performance.getEntriesByType('resource');
function sum(xs, k) { return xs.reduce(function (s, e) { return s + e[k]; }, 0); }
var code = res.filter(function (e) { return /\\.(js|css)(\\?|$)/.test(e.name); });
var data = res.filter(function (e) { return !/\\.(js|css)(\\?|$)/.test(e.name); });
return {transfer: nav.transferSize + sum(res, 'transferSize'),
        decoded: nav.decodedBodySize + sum(res, 'decodedBodySize'),
        data_transfer: nav.transferSize + sum(data, 'transferSize'),
        code_transfer: sum(code, 'transferSize'),
        requests: res.length + 1, load_ms: Math.round(performance.now())};
"""


FIRST_MAP = """
window.__firstMap = 0;
new MutationObserver(function (m, obs) {
  var n = document.querySelectorAll('#map .choroplethlayer path').length;
  if (n > 150 && !window.__firstMap) { window.__firstMap = performance.now(); obs.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


def first_maps(driver, url: str, loads: int) -> dict:
    """Navigation start -> the map's countries on screen, over ``loads`` fresh page loads."""
    token = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_MAP})
    times = []
    try:
        for _ in range(loads + 1):
            driver.get(url)
            wait(driver, "return window.__firstMap > 0", timeout=60)
            times.append(driver.execute_script("return window.__firstMap"))
            time.sleep(0.5)
    finally:
        driver.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": token["identifier"]}
        )
    return _stats(times[1:])  # the first load warms the browser's cache


def browser_run(driver, url: str, graph: str, clicks: list[str], repeats: int, loads: int) -> dict:
    first_map = first_maps(driver, url, loads)
    # the first load's bytes as a newcomer gets them: nothing in the browser's cache
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.get(url)
    wait(driver, f"return document.querySelectorAll('{graph} .choroplethlayer path').length > 150")
    time.sleep(1.5)  # let the first callbacks settle
    first = driver.execute_script(FIRST_LOAD)
    driver.execute_script(HOOK % graph)
    times, sizes, per_click = [], [], {}
    for _ in range(repeats):
        for i, css in enumerate(clicks):
            driver.execute_script(CLICK, css)
            wait(driver, "return window.__b.t1 > window.__b.t0")
            time.sleep(0.6)  # any later redraw or callback of the same click
            b = driver.execute_script("return window.__b")
            times.append(b["t1"] - b["t0"])
            per_click.setdefault(f"{i}:{css}", []).append(b["t1"] - b["t0"])
            sizes.append(driver.execute_script(BYTES))
    return {
        "first_map_ms": first_map,
        "first_load": first,
        "click_to_redrawn_ms": _stats(times),
        "bytes_per_click": _stats(sizes),
        "click_to_redrawn_ms_per_click": {k: _stats(v) for k, v in per_click.items()},
    }


def _stats(xs: list[float]) -> dict:
    ordered = sorted(xs)
    return {
        "median": round(statistics.median(xs), 1),
        "p90": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1),
        "min": round(min(xs), 1),
        "max": round(max(xs), 1),
        "n": len(xs),
    }


def server_times(catalog, repeats: int) -> dict:
    from bench.naive import naive_figure
    from dashboard.callbacks.maps import update_maps
    from dashboard.figures import mapfig
    from dashboard.layout import MAP_IDS
    from dashboard.layout.panels import numbers_panel
    from dashboard.state import ViewState
    from geodata import measures, metrics, network

    states = [
        ViewState(year=y, metric=m, statuses=s)
        for y in (2012, 2017, 2026)
        for m in ("presence", "routes")
        for s in (("existing", "planned"), ("existing", "planned", "proposed"))
    ]

    def clear():
        for f in (network.select, network.status_at, network.facts_in_force, metrics.metrics_frame,
                  mapfig._trace_updates, measures.summary):  # fmt: skip
            f.cache_clear()

    cold, warm, naive, naive_bytes, ours_bytes = [], [], [], [], []
    import gzip

    import plotly.io as pio

    for _ in range(max(1, repeats // 3)):
        for i, st in enumerate(states):
            prev = states[i - 1]
            clear()  # nothing cached but what the previous view drew (as in a running app)
            _, _, drawn = update_maps(catalog, prev, {m: None for m in MAP_IDS})
            t = time.perf_counter()
            figs, _, _ = update_maps(catalog, st, drawn)
            numbers_panel(catalog, st)
            cold.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            update_maps(catalog, st, drawn)
            numbers_panel(catalog, st)
            warm.append((time.perf_counter() - t) * 1000)
            ours_bytes.append(len(gzip.compress(json.dumps(figs[0].to_plotly_json()).encode())))
            t = time.perf_counter()
            body = pio.to_json(naive_figure(catalog, st))
            naive.append((time.perf_counter() - t) * 1000)
            naive_bytes.append(len(gzip.compress(body.encode())))
    return {
        "atlas_cold_ms": _stats(cold),
        "atlas_warm_ms": _stats(warm),
        "naive_ms": _stats(naive),
        "atlas_map_patch_gzip_bytes": _stats(ours_bytes),
        "naive_figure_gzip_bytes": _stats(naive_bytes),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--loads", type=int, default=7)
    ap.add_argument("--out", default="")
    args = ap.parse_args(argv)

    import datetime
    import os

    from bench.naive import naive_app
    from dashboard.app import ASSETS, create_app
    from dashboard.settings import Settings
    from geodata.catalog import default_catalog

    load_before = os.getloadavg()
    catalog = default_catalog()
    result = {"date": datetime.date.today().isoformat(), "cpus": os.cpu_count(),
              "server": server_times(catalog, args.repeats)}  # fmt: skip
    atlas = create_app(catalog=catalog, settings=Settings(compress=True))
    naive = naive_app(catalog, str(ASSETS))
    driver = browser()
    try:
        with serve(atlas.server) as url:
            result["atlas"] = browser_run(
                driver, url, "#map", ATLAS_CLICKS, args.repeats, args.loads
            )
        with serve(naive.server) as url:
            result["naive"] = browser_run(
                driver, url, "#map", NAIVE_CLICKS, args.repeats, args.loads
            )
    finally:
        driver.quit()
    result["load_average"] = {"before": [round(x, 2) for x in load_before],
                              "after": [round(x, 2) for x in os.getloadavg()]}  # fmt: skip

    a, n, s = result["atlas"], result["naive"], result["server"]

    def ratio(x, y, nd=2):
        return round(x / max(y, 0.01), nd)

    result["ratios_naive_over_atlas"] = {
        "server_time": ratio(s["naive_ms"]["median"], s["atlas_cold_ms"]["median"], 1),
        "bytes_per_click": ratio(n["bytes_per_click"]["median"], a["bytes_per_click"]["median"], 1),
        "click_to_redrawn": ratio(
            n["click_to_redrawn_ms"]["median"], a["click_to_redrawn_ms"]["median"]
        ),
        "first_map": ratio(n["first_map_ms"]["median"], a["first_map_ms"]["median"]),
    }
    checks = {
        "first_map_ms": a["first_map_ms"]["median"],
        "first_load_bytes": a["first_load"]["transfer"],
        "bytes_per_click": a["bytes_per_click"]["median"],
        "click_to_redrawn_median_ms": a["click_to_redrawn_ms"]["median"],
        "click_to_redrawn_p90_ms": a["click_to_redrawn_ms"]["p90"],
    }
    result["goals"] = {k: [v, GOALS[k], v <= GOALS[k]] for k, v in checks.items()}
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
