"""``python -m bench``: the Atlas against the naive approach, in one run; prints JSON.

Measured (median over repeats):
- server time per interaction: the map + numbers callbacks of the Atlas for a state it has
  not seen (caches hold only the previous view) and for a state seen before (warm), against
  building the naive ``go.Figure`` with the whole geometry inline and serialising it;
- bytes per interaction: every ``_dash-update-component`` response a click causes, gzip on
  (as the browser received them), for both apps;
- bytes of the first load, gzip on: data (document, layout, geometry, first callbacks) and
  code (plotly.js, Dash and component bundles, styles) reported apart;
- click -> redrawn in headless Chromium: from the click to the map's last ``plotly_afterplot``.

Goals (issue 3): first load <= 1 MB, interaction <= 20 KB and <= 150 ms, server <= 10 ms.
Options: ``--repeats N`` (default 7), ``--out FILE`` (also write the JSON there).
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
    "first_load_bytes": 1_000_000,
    "interaction_bytes": 20_000,
    "click_to_redrawn_ms": 150,
    "server_ms": 10,
}


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


def browser_run(driver, url: str, graph: str, clicks: list[str], repeats: int) -> dict:
    driver.get(url)
    wait(driver, f"return document.querySelectorAll('{graph} .choroplethlayer path').length > 150")
    time.sleep(1.5)  # let the first callbacks settle
    first = driver.execute_script(FIRST_LOAD)
    driver.execute_script(HOOK % graph)
    times, sizes, per_click = [], [], {css: [] for css in clicks}
    for _ in range(repeats):
        for css in clicks:
            driver.execute_script(CLICK, css)
            wait(driver, "return window.__b.t1 > window.__b.t0")
            time.sleep(0.6)  # any later redraw or callback of the same click
            b = driver.execute_script("return window.__b")
            times.append(b["t1"] - b["t0"])
            per_click[css].append(b["t1"] - b["t0"])
            sizes.append(driver.execute_script(BYTES))
    return {
        "first_load": first,
        "click_to_redrawn_ms": _stats(times),
        "interaction_bytes": _stats(sizes),
        "click_to_redrawn_ms_per_click": {
            k: round(statistics.median(v), 1) for k, v in per_click.items()
        },
    }


def _stats(xs: list[float]) -> dict:
    return {
        "median": round(statistics.median(xs), 1),
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
    from geodata import metrics, network

    states = [
        ViewState(year=y, metric=m, statuses=s)
        for y in (2012, 2017, 2026)
        for m in ("presence", "routes")
        for s in (("existing", "planned"), ("existing", "planned", "proposed"))
    ]

    def clear():
        for f in (network.select, network.status_at, metrics._facts_count, mapfig._trace_updates):
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
    ap.add_argument("--out", default="")
    args = ap.parse_args(argv)

    from bench.naive import naive_app
    from dashboard.app import ASSETS, create_app
    from dashboard.settings import Settings
    from geodata.catalog import default_catalog

    catalog = default_catalog()
    result = {"server": server_times(catalog, args.repeats)}
    atlas = create_app(catalog=catalog, settings=Settings(compress=True))
    naive = naive_app(catalog, str(ASSETS))
    driver = browser()
    try:
        with serve(atlas.server) as url:
            result["atlas"] = browser_run(
                driver,
                url,
                "#map",
                [
                    "#status input[value='proposed']",
                    "#service input[value='cargo']",
                    "#service input[value='all']",
                    "#focus input[value='asia']",
                    "#focus input[value='world']",
                ],
                args.repeats,
            )
        with serve(naive.server) as url:
            result["naive"] = browser_run(
                driver,
                url,
                "#map",
                [
                    "#year input[value='2017']",
                    "#metric input[value='routes']",
                    "#year input[value='2026']",
                    "#metric input[value='presence']",
                ],
                args.repeats,
            )
    finally:
        driver.quit()

    a, n, s = result["atlas"], result["naive"], result["server"]
    result["ratios"] = {
        "server_time_naive_over_atlas": round(
            s["naive_ms"]["median"] / max(s["atlas_cold_ms"]["median"], 0.01), 1
        ),
        "interaction_bytes_naive_over_atlas": round(
            n["interaction_bytes"]["median"] / max(a["interaction_bytes"]["median"], 1), 1
        ),
        "click_to_redrawn_naive_over_atlas": round(
            n["click_to_redrawn_ms"]["median"] / max(a["click_to_redrawn_ms"]["median"], 0.01), 2
        ),
    }
    result["goals"] = {
        "first_load_data_bytes": [
            a["first_load"]["data_transfer"],
            GOALS["first_load_bytes"],
            a["first_load"]["data_transfer"] <= GOALS["first_load_bytes"],
        ],
        "interaction_bytes": [
            a["interaction_bytes"]["median"],
            GOALS["interaction_bytes"],
            a["interaction_bytes"]["median"] <= GOALS["interaction_bytes"],
        ],
        "click_to_redrawn_ms": [
            a["click_to_redrawn_ms"]["median"],
            GOALS["click_to_redrawn_ms"],
            a["click_to_redrawn_ms"]["median"] <= GOALS["click_to_redrawn_ms"],
        ],
        "server_ms": [
            s["atlas_cold_ms"]["median"],
            GOALS["server_ms"],
            s["atlas_cold_ms"]["median"] <= GOALS["server_ms"],
        ],
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
