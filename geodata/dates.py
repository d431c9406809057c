"""Dates as the tables write them (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), and the one rule
for "in force on a date".

A partial date means its whole period: "2017" starts on 2017-01-01 and ends on 2017-12-31.
A thing *starts* counting on its start date and *stops* counting on its end date: it is in
force on ``as_of`` when ``start <= as_of < end``, where an unknown start means "always" and an
unknown end means "still".
"""

from __future__ import annotations

import calendar
import re

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
MIN_YEAR, MAX_YEAR = 1800, 2100


def parse_date(value: str) -> tuple[int, int, int] | None:
    """``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` -> (y, m, d) with missing parts as 0; None when the
    text is not such a date or names a day that does not exist (2023-02-31)."""
    m = DATE_RE.match(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    if m.group(2) and not 1 <= mo <= 12:
        return None
    if m.group(3) and not 1 <= d <= calendar.monthrange(y, mo)[1]:
        return None
    return (y, mo, d)


def date_start(value: str) -> str:
    """The first day a partial date can mean ("2017" -> "2017-01-01"); "" for no date."""
    p = parse_date(value) if value else None
    if p is None:
        return ""
    y, m, d = p
    return f"{y:04d}-{max(m, 1):02d}-{max(d, 1):02d}"


def date_end(value: str) -> str:
    """The last day a partial date can mean ("2017-02" -> "2017-02-28"); "" for no date."""
    p = parse_date(value) if value else None
    if p is None:
        return ""
    y, m, d = p
    m = m or 12
    d = d or calendar.monthrange(y, m)[1]
    return f"{y:04d}-{m:02d}-{d:02d}"


def year_end(year: int) -> str:
    """The last day of ``year`` (the URL's ``year`` means the network at the end of it)."""
    return f"{int(year):04d}-12-31"


def in_force(start: str, end: str, as_of: str) -> bool:
    """True when something that starts on ``start`` and ends on ``end`` counts on ``as_of``.

    All three are table dates (partial allowed) or "" (unknown start: always; unknown end:
    still). ``as_of`` is read as its first day; ``start`` counts from its first day and
    ``end`` stops counting from its first day, so "2017" starts on 1 Jan 2017 and an end of
    "2023-12" is no longer in force on 1 Dec 2023.
    """
    day = date_start(as_of)
    s, e = date_start(start), date_start(end)
    return (not s or s <= day) and (not e or day < e)
