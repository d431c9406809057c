"""``python -m bench.export``: how long a static export takes, and how big the files are; prints JSON.

Measured end to end through the Flask routes (figure build + kaleido render + response),
in process with the test client, for a 1920x1080 slide of two views:

- ``default_en``: the default view (``/export/map.<fmt>``), English;
- ``scene2_zh``: scene 2 of the default deck in Chinese (Mainland focus, 2012);
- ``compare_en``: compare with the 2017 Hong Kong Vision proposal (two maps on one slide).

For each view and format (png, svg, pdf): *cold* = the first render after (re)starting the
renderer (it is closed before each cold measurement, so Chromium starts again) and *warm* =
the median of ``--repeats`` renders on the running renderer.  Then the whole briefing: the
PDF of the default deck (one page per scene, 1920x1080) and the offline HTML file.

Goal (issue): warm PNG <= 1.5 s.  Options: ``--repeats N`` (default 5), ``--out FILE``,
``--skip-briefing-pdf`` (it takes about half a minute).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import time

GOALS = {"warm_png_s": 1.5}
FORMATS = ("png", "svg", "pdf")
VIEWS = {
    "default_en": "",
    "scene2_zh": "view=present&deck=default&scene=1&lang=zh",
    "compare_en": "view=compare&proposal=hkvision-2017",  # two maps side by side on one slide
}
SIZE = "width=1920&height=1080"


def _stats(xs: list[float]) -> dict:
    return {
        "median": round(statistics.median(xs), 3),
        "min": round(min(xs), 3),
        "max": round(max(xs), 3),
        "n": len(xs),
    }


def _timed_get(client, url: str):
    t = time.perf_counter()
    resp = client.get(url)
    dt = time.perf_counter() - t
    if resp.status_code != 200:
        raise RuntimeError(f"GET {url} -> {resp.status_code}: {resp.get_data(as_text=True)[:300]}")
    return resp, dt


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version(), "cpus": os.cpu_count()}
    for pkg in ("kaleido", "plotly", "choreographer"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:  # pragma: no cover - not installed
            out[pkg] = None
    try:
        browser = os.environ.get("BROWSER_PATH", "chromium")
        out["chromium"] = subprocess.run(
            [browser, "--version"], capture_output=True, text=True, timeout=20, check=False
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):  # pragma: no cover - no browser on PATH
        out["chromium"] = None
    return out


def figure_build_ms(catalog, repeats: int) -> dict:
    """Python side only: ``slide_figure`` (geometry inlined) and its JSON, before any render."""
    from dashboard.export.figure import slide_figure
    from dashboard.state import ViewState

    build, dump, size = [], [], 0
    for _ in range(repeats):
        t = time.perf_counter()
        fig = slide_figure(catalog, ViewState(), width=1920, height=1080)
        build.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        size = len(json.dumps(fig))
        dump.append((time.perf_counter() - t) * 1000)
    return {
        "slide_figure_ms": _stats(build),
        "json_dumps_ms": _stats(dump),
        "figure_json_bytes": size,
    }


def slides(client, repeats: int) -> dict:
    from dashboard.export.render import renderer

    out: dict = {}
    for view, query in VIEWS.items():
        out[view] = {}
        for fmt in FORMATS:
            url = f"/export/map.{fmt}?{SIZE}" + (f"&{query}" if query else "")
            renderer().close()  # cold: Chromium starts again for this request
            resp, cold = _timed_get(client, url)
            warm = [_timed_get(client, url)[1] for _ in range(repeats)]
            out[view][fmt] = {
                "cold_s": round(cold, 3),
                "warm_s": _stats(warm),
                "bytes": len(resp.data),
            }
    return out


def briefing(client, repeats: int, pdf: bool) -> dict:
    from dashboard.export import briefing as briefing_mod
    from dashboard.export import figure as figure_mod
    from dashboard.scenes import load_deck

    n = len(load_deck("default").scenes)
    out: dict = {"scenes": n}
    figure_mod.geojson.cache_clear()
    briefing_mod.plotly_js.cache_clear()
    url = "/export/briefing.html?deck=default&lang=zh"
    resp, cold = _timed_get(client, url)
    warm = [_timed_get(client, url)[1] for _ in range(repeats)]
    out["html"] = {
        "cold_s": round(cold, 3),
        "warm_s": _stats(warm),
        "bytes": len(resp.data),
        "plotly_js_bytes": len(briefing_mod.plotly_js().encode()),
    }
    if pdf:
        resp, dt = _timed_get(client, f"/export/briefing.pdf?deck=default&lang=en&{SIZE}")
        out["pdf"] = {
            "seconds": round(dt, 3),
            "per_page_s": round(dt / n, 3),
            "pages": n,
            "bytes": len(resp.data),
            "note": "warm renderer, one run",
        }
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m bench.export",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", default="")
    ap.add_argument("--skip-briefing-pdf", action="store_true")
    args = ap.parse_args(argv)

    from dashboard.app import create_app
    from dashboard.export.render import renderer
    from dashboard.settings import Settings
    from geodata.catalog import default_catalog

    catalog = default_catalog()
    client = create_app(catalog=catalog, settings=Settings(compress=False)).server.test_client()
    result: dict = {
        "machine": _versions(),
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
    }
    t0 = time.perf_counter()
    try:
        result["python_side"] = figure_build_ms(catalog, args.repeats)
        result["slides_1920x1080"] = slides(client, args.repeats)
        result["briefing"] = briefing(client, args.repeats, pdf=not args.skip_briefing_pdf)
    finally:
        renderer().close()
    result["load_average_end"] = [round(x, 2) for x in os.getloadavg()]
    result["bench_seconds"] = round(time.perf_counter() - t0, 1)

    warm_png = max(v["png"]["warm_s"]["median"] for v in result["slides_1920x1080"].values())
    result["goals"] = {
        "warm_png_s": [warm_png, GOALS["warm_png_s"], warm_png <= GOALS["warm_png_s"]]
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
