"""Text a user gives (a slide's title, subtitle, note): any script and emoji are welcome;
control and invisible formatting characters are refused (they crash the renderer, or reverse
text to spoof it). Wherever such text is shown it is plain text (see ``export/figure.plain``)."""

from __future__ import annotations

import unicodedata

MAX_TEXT = 300
#: Format characters that may stay: the joiner inside emoji sequences.
ALLOWED_FORMAT_CHARS = frozenset({"\u200d"})


class UserTextError(ValueError):
    pass


def check_text(name: str, value: str, limit: int = MAX_TEXT, multiline: bool = False) -> str:
    """``value`` (with ``multiline``, line breaks kept as ``\n``), or UserTextError saying what
    is wrong with it."""
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if len(value) > limit:
        raise UserTextError(f"{name} is {len(value)} characters long; at most {limit} are allowed")
    bad = [
        c
        for c in value
        if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co")
        and c not in ALLOWED_FORMAT_CHARS
        and not (multiline and c == "\n")
    ]
    if bad:
        codes = ", ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(bad))
        raise UserTextError(
            f"{name} contains control or invisible characters ({codes}); remove them"
        )
    return value
