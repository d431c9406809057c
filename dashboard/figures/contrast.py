"""Colour measurements for the palette's tests and the About page: WCAG contrast, and how a
colour looks to viewers with a colour-vision deficiency (Machado, Oliveira & Fernandes 2009,
severity 1.0, applied in linear RGB) or in greyscale."""

from __future__ import annotations

import re

import numpy as np

#: Machado et al. (2009) simulation matrices at full severity, for linear RGB.
CVD = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}  # fmt: skip

_RGBA = re.compile(r"rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)")


def rgb(colour: str, over: str = "#ffffff") -> np.ndarray:
    """A CSS colour (``#rrggbb``, ``rgb()``, ``rgba()``, composited over ``over``) as sRGB 0..1."""
    colour = colour.strip()
    if colour.startswith("#") and len(colour) == 4:
        colour = "#" + "".join(ch * 2 for ch in colour[1:])
    if colour.startswith("#") and len(colour) == 7:
        return np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)], dtype=float) / 255
    m = _RGBA.fullmatch(colour)
    if not m:
        raise ValueError(f"not a colour: {colour!r}")
    c = np.array([float(m.group(i)) for i in (1, 2, 3)]) / 255
    alpha = float(m.group(4)) if m.group(4) is not None else 1.0
    return alpha * c + (1 - alpha) * rgb(over)


def _linear(c: np.ndarray) -> np.ndarray:
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _srgb(c: np.ndarray) -> np.ndarray:
    c = np.clip(c, 0, 1)
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def luminance(colour: str) -> float:
    """WCAG relative luminance."""
    return float(_linear(rgb(colour)) @ np.array([0.2126, 0.7152, 0.0722]))


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def simulate(colour: str, deficiency: str) -> str:
    """``colour`` as seen with ``deficiency`` (a key of ``CVD``, or "greyscale")."""
    lin = _linear(rgb(colour))
    if deficiency == "greyscale":
        y = float(lin @ np.array([0.2126, 0.7152, 0.0722]))
        out = _srgb(np.array([y, y, y]))
    else:
        out = _srgb(CVD[deficiency] @ lin)
    return "#" + "".join(f"{round(float(v) * 255):02x}" for v in out)


def _lab(colour: str) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    x, y, z = (xyz @ _linear(rgb(colour))) / np.array([0.95047, 1.0, 1.08883])

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return np.array([116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)])


def distance(a: str, b: str) -> float:
    """CIE76 colour difference (ΔE*ab): about 2 is just noticeable, over 10 is clearly apart."""
    return float(np.linalg.norm(_lab(a) - _lab(b)))
