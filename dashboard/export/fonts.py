"""Can this machine draw a text? The exports are drawn by the local Chromium with the fonts
installed here; a character no font covers would come out as an empty box ("tofu"). Titles are
checked before rendering: text in any script this machine has a font for renders, anything else
gets a 400 that names the characters (and the font that would draw emoji)."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from functools import lru_cache

#: Characters drawn without a glyph of their own (joiners, variation selectors, combining marks).
_NO_GLYPH = ("Mn", "Me", "Cf", "Zs")


@lru_cache(maxsize=4096)
def drawable(ch: str) -> bool:
    """Whether an installed font covers ``ch`` (fontconfig's answer; True where there is no
    fontconfig to ask, as on Windows and macOS, which ship broad fonts)."""
    if ord(ch) < 0x80 or unicodedata.category(ch) in _NO_GLYPH:
        return True
    exe = shutil.which("fc-list")
    if exe is None:
        return True
    try:
        out = subprocess.run([exe, f":charset={ord(ch):x}", "family"], capture_output=True,
                             text=True, timeout=10, check=False)  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(out.stdout.strip())


def undrawable(text: str) -> list[str]:
    """The characters of ``text`` that no installed font draws, each once, in order."""
    return [c for c in dict.fromkeys(text or "") if not drawable(c)]


def missing_glyphs_message(name: str, chars: list[str]) -> str:
    codes = ", ".join(f"{c} U+{ord(c):04X}" for c in chars[:8])
    return (f"{name} has characters no font on this server can draw ({codes}); remove them, or "
            "install a font that has them (emoji: fonts-noto-color-emoji)")  # fmt: skip
