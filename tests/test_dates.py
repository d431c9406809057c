"""The one rule for dates: partial dates, real days, and "in force on a date"."""

from __future__ import annotations

import pytest

from geodata.dates import date_end, date_start, in_force, parse_date, year_end


@pytest.mark.parametrize(
    "value, parsed",
    [
        ("2017", (2017, 0, 0)),
        ("2017-04", (2017, 4, 0)),
        ("2017-04-30", (2017, 4, 30)),
        ("2024-02-29", (2024, 2, 29)),  # a leap day
        ("2023-02-29", None),  # not a leap year
        ("2023-02-31", None),
        ("2023-04-31", None),
        ("2019-13", None),
        ("2019-00", None),
        ("2019-01-00", None),
        ("1799", None),
        ("2101", None),
        ("17", None),
        ("2017/04", None),
        ("", None),
        ("2017-4", None),
    ],
)
def test_parse_date(value, parsed):
    assert parse_date(value) == parsed


@pytest.mark.parametrize(
    "value, start, end",
    [
        ("2017", "2017-01-01", "2017-12-31"),
        ("2017-02", "2017-02-01", "2017-02-28"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2017-02-14", "2017-02-14", "2017-02-14"),
        ("", "", ""),
        ("not a date", "", ""),
    ],
)
def test_partial_dates_span_their_period(value, start, end):
    assert date_start(value) == start
    assert date_end(value) == end


def test_year_end():
    assert year_end(2012) == "2012-12-31"


@pytest.mark.parametrize(
    "start, end, as_of, expected",
    [
        # open ends
        ("", "", "2000-01-01", True),
        ("", "", "2026-12-31", True),
        # known start, open end: counts from its first day
        ("2017-04-30", "", "2017-04-29", False),
        ("2017-04-30", "", "2017-04-30", True),
        ("2017-04-30", "", "2026-12-31", True),
        # partial start: from the first day of the period
        ("2017", "", "2016-12-31", False),
        ("2017", "", "2017-01-01", True),
        ("2017-06", "", "2017-05-31", False),
        ("2017-06", "", "2017-06-01", True),
        # open start, known end: stops counting on its first day
        ("", "2023-12", "2023-11-30", True),
        ("", "2023-12", "2023-12-01", False),
        ("", "2021", "2020-12-31", True),
        ("", "2021", "2021-01-01", False),
        # both ends
        ("2016-05", "2023-12-06", "2016-04-30", False),
        ("2016-05", "2023-12-06", "2020-06-15", True),
        ("2016-05", "2023-12-06", "2023-12-05", True),
        ("2016-05", "2023-12-06", "2023-12-06", False),
        # as_of may itself be partial: read as its first day
        ("2017-04", "", "2017", False),
        ("2017-01", "", "2017", True),
    ],
)
def test_in_force(start, end, as_of, expected):
    assert in_force(start, end, as_of) is expected
