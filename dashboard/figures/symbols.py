"""Small SVG pictures of the map's marker symbols and route lines, for the HTML legend (the
legend beside the screen map shows exactly the shape, fill, outline and dash drawn on it)."""

from __future__ import annotations

import math
from urllib.parse import quote

_R = 5.0  # radius of a symbol in a 14 px box
#: The plotly symbols drawn here (each also with ``-dot``): the shapes office kinds may use.
SHAPES = ("circle", "square", "diamond", "triangle-up", "hexagon", "pentagon", "star", "cross")


def _polygon(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{7 + x:.2f},{7 + y:.2f}" for x, y in points) + "Z"


def _regular(n: int, r: float, start: float) -> list[tuple[float, float]]:
    return [(r * math.cos(start + 2 * math.pi * i / n), r * math.sin(start + 2 * math.pi * i / n))
            for i in range(n)]  # fmt: skip


def _star(r: float) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rr = r * 1.25 if i % 2 == 0 else r * 0.5
        a = -math.pi / 2 + math.pi * i / 5
        pts.append((rr * math.cos(a), rr * math.sin(a)))
    return pts


def _path(base: str, r: float) -> str:
    if base == "circle":
        return f"M{7 - r:.2f},7a{r:.2f},{r:.2f} 0 1,0 {2 * r:.2f},0a{r:.2f},{r:.2f} 0 1,0 {-2 * r:.2f},0Z"
    shapes = {
        "square": lambda: [(-r, -r), (r, -r), (r, r), (-r, r)],
        "diamond": lambda: [(0, -r * 1.3), (r * 1.3, 0), (0, r * 1.3), (-r * 1.3, 0)],
        "triangle-up": lambda: [(0, -r * 1.2), (r * 1.15, r * 0.8), (-r * 1.15, r * 0.8)],
        "hexagon": lambda: _regular(6, r * 1.15, -math.pi / 2),
        "pentagon": lambda: _regular(5, r * 1.15, -math.pi / 2),
        "star": lambda: _star(r),
        "cross": lambda: [(-r * 0.4, -r), (r * 0.4, -r), (r * 0.4, -r * 0.4), (r, -r * 0.4),
                          (r, r * 0.4), (r * 0.4, r * 0.4), (r * 0.4, r), (-r * 0.4, r),
                          (-r * 0.4, r * 0.4), (-r, r * 0.4), (-r, -r * 0.4), (-r * 0.4, -r * 0.4)],
    }  # fmt: skip
    return _polygon(shapes.get(base, shapes["square"])())


def symbol_svg(symbol: str, fill: str, outline: str, width: float = 1.0, scale: float = 1.0) -> str:
    """An SVG of a plotly marker ``symbol`` (a base shape, optionally with ``-dot``)."""
    base, dot = (symbol[:-4], True) if symbol.endswith("-dot") else (symbol, False)
    r = _R * scale
    body = (f'<path d="{_path(base, r)}" fill="{fill}" stroke="{outline}" '
            f'stroke-width="{min(width, 2.0):.1f}" stroke-linejoin="round"/>')  # fmt: skip
    if dot:
        body += f'<circle cx="7" cy="7" r="{max(1.2, r * 0.3):.2f}" fill="{outline}"/>'
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14">{body}</svg>'


_DASHES = {"solid": "", "dot": "2,3", "dash": "6,3", "dashdot": "6,3,2,3", "longdash": "10,4"}


def line_svg(colour: str, width: float, dash: str) -> str:
    """An SVG of a route line of plotly ``dash`` style."""
    pattern = _DASHES.get(dash, "")
    attr = f' stroke-dasharray="{pattern}"' if pattern else ""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="22" height="14" viewBox="0 0 22 14">'
            f'<path d="M1,7H21" stroke="{colour}" stroke-width="{max(1.5, width * 1.4):.1f}"{attr}/></svg>')  # fmt: skip


def data_uri(svg: str) -> str:
    return "data:image/svg+xml;utf8," + quote(svg)
