"""One self-contained HTML file for a deck: plotly.js, geometry, data and styles inline.

It opens from a USB stick with no network: the geometry is preloaded into plotly.js's
``window.PlotlyGeoAssets`` under the same URLs the app uses (so no fetch happens), the
base-map topology is an empty preloaded Topology, and the keyboard steps through scenes
(←/→, PageUp/PageDown, Home/End, Space).  The maps stay interactive (hover, pan, zoom).
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

from dashboard.export.figure import FONT, geojson, source_line, stamp
from dashboard.figures import mapfig
from dashboard.scenes import Deck, state_options
from geodata.catalog import Catalog

EMPTY_TOPOLOGY = {
    "type": "Topology",
    "objects": {
        k: {"type": "GeometryCollection", "geometries": []}
        for k in ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")
    },
    "arcs": [],
    "transform": {"scale": [1, 1], "translate": [0, 0]},
}

CSS = """
html,body{margin:0;height:100%;background:#fff;color:#1d2733;font-family:FONT_FAMILY}
#slide{display:flex;flex-direction:column;height:100vh;box-sizing:border-box;padding:1.2vh 1.6vw}
#head h1{font-size:3.4vh;margin:0}#head p{font-size:2.1vh;margin:.4vh 0 0;color:#5f6b7a}
#map{flex:1 1 auto;min-height:0}
#note{font-size:1.9vh;margin:.6vh 0}
#foot{display:flex;justify-content:space-between;gap:2vw;font-size:1.5vh;color:#5f6b7a}
#nav{position:fixed;right:1.2vw;top:1.2vh;display:flex;gap:.4vw}
#nav button{font:inherit;font-size:1.8vh;padding:.3vh .8vw;border:1px solid #dde3ea;background:#fff;border-radius:6px;cursor:pointer}
@media print{#nav{display:none}}
""".replace("FONT_FAMILY", FONT)

JS = """
(function(){
  var i = 0, n = SCENES.length;
  function show(k){
    i = Math.max(0, Math.min(n - 1, k));
    var s = SCENES[i];
    document.getElementById('title').textContent = s.title;
    document.getElementById('subtitle').textContent = s.subtitle;
    document.getElementById('note').textContent = s.note;
    document.getElementById('source').textContent = s.source;
    document.getElementById('stamp').textContent = s.stamp;
    document.getElementById('counter').textContent = s.counter;
    document.body.setAttribute('data-scene', String(i));
    Plotly.react('map', s.fig.data, s.fig.layout, {displaylogo:false, displayModeBar:false, responsive:true, scrollZoom:true});
    if (history.replaceState) history.replaceState(null, '', '#' + (i + 1));
  }
  document.addEventListener('keydown', function(e){
    var k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown' || k === ' ' || k === 'Enter') { show(i + 1); e.preventDefault(); }
    else if (k === 'ArrowLeft' || k === 'PageUp' || k === 'Backspace') { show(i - 1); e.preventDefault(); }
    else if (k === 'Home') { show(0); e.preventDefault(); }
    else if (k === 'End') { show(n - 1); e.preventDefault(); }
  });
  document.getElementById('prev').onclick = function(){ show(i - 1); };
  document.getElementById('next').onclick = function(){ show(i + 1); };
  var start = parseInt((location.hash || '#1').slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
})();
"""


@lru_cache(maxsize=1)
def plotly_js() -> str:
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def _json(obj) -> str:
    """JSON that is safe inside <script>: no markup characters (``<!--``, ``</script>``), no
    ampersands and no line separators, whatever the texts hold."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(ch, esc)
    return text


def scene_payload(catalog: Catalog, deck: Deck, lang: str) -> list[dict]:
    opts = state_options(catalog)
    n = len(deck.scenes)
    out = []
    for i, scene in enumerate(deck.scenes):
        st = scene.state(opts, lang, i)
        fig = mapfig.figure(catalog, st, shape="wide")
        for tr in fig["data"]:  # the briefing carries the world's detail, once
            if tr.get("geojson") == mapfig.WORLD_SCREEN_URL:
                tr["geojson"] = mapfig.WORLD_URL
        fig["layout"].update(
            height=None, margin={"l": 0, "r": 0, "t": 0, "b": 0}, font={"family": FONT, "size": 15}
        )
        counter = f"{i + 1} / {n}"
        out.append(
            {
                "title": scene.text("title", lang),
                "subtitle": scene.text("subtitle", lang),
                "note": scene.text("note", lang),
                "source": source_line(catalog, st),
                "stamp": stamp(st),
                "counter": counter,
                "fig": fig,
            }
        )
    return out


def briefing_html(catalog: Catalog, deck: Deck, lang: str) -> str:
    assets = {
        mapfig.WORLD_URL: geojson(catalog, mapfig.WORLD_URL),
        mapfig.CHINA_URL: geojson(catalog, mapfig.CHINA_URL),
        "topojson": {"world_110m": EMPTY_TOPOLOGY, "world_50m": EMPTY_TOPOLOGY},
    }
    scenes = scene_payload(catalog, deck, lang)
    title = html.escape(deck.title(lang))
    return (
        f'<!doctype html><html lang="{"zh-Hant-HK" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{title}</title>'
        f"<style>{CSS}</style>"
        f"<script>window.PlotlyGeoAssets = {_json(assets)};</script>"
        f"<script>{plotly_js()}</script></head><body>"
        '<div id="slide"><div id="head"><h1 id="title"></h1><p id="subtitle"></p></div>'
        '<div id="map"></div><p id="note"></p>'
        '<div id="foot"><span id="source"></span><span id="stamp"></span><span id="counter"></span></div></div>'
        '<div id="nav"><button id="prev" aria-label="previous">&larr;</button>'
        '<button id="next" aria-label="next">&rarr;</button></div>'
        f"<script>var SCENES = {_json(scenes)};</script><script>{JS}</script></body></html>"
    )
