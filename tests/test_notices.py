"""A link's notices read in Chinese on a Chinese page: every reason the state parser and the
draft parser write has its translation (a reason left in English fails here)."""

from __future__ import annotations

import re

import pytest

from dashboard.notices import notice_text
from dashboard.scenes import state_options
from dashboard.state import ViewState

LINKS = [
    "nonsense=1", "v=99", "v=0", "view=nowhere", "region=atlantis", "year=abc", "year=1800",
    "status=", "draft=eto:XXX,route:ZZZ,sister:KOR:Nowhere,wizard:THA", "draft=eto:Xi'an",
    "draft=" + ",".join(f"route:{c}" for c in ("BKK", "SIN", "NRT", "ICN", "TPE", "MNL", "KUL",
                                                 "CGK", "DEL", "BOM", "DXB", "DOH", "LHR", "CDG",
                                                 "FRA", "AMS", "ZRH", "JFK", "SFO", "LAX", "YVR",
                                                 "SYD", "MEL", "AKL", "HND", "KIX", "PVG", "PEK",
                                                 "CAN", "CTU", "XIY", "TAS", "ALA", "IST", "CAI",
                                                 "JNB", "ADD", "RUH", "JED", "BAH", "MCT", "KTM",
                                                 "CMB", "DAC", "RGN", "PNH", "SGN", "HAN", "DPS")),
]  # fmt: skip


@pytest.mark.parametrize("query", LINKS)
def test_every_notice_reads_in_chinese(catalog, query):
    _, warnings = ViewState.from_query(query, state_options(catalog))
    assert warnings, query
    for w in warnings:
        zh = notice_text(w, "zh")
        reason, value = zh.split("：", 1)[-1], zh.split("'")[1] if "'" in zh else ""
        reason = re.sub(r"(應為|之一)：[^；]*", "", reason)  # the allowed values are codes
        assert not re.search(r"[A-Za-z]{4,}", reason), zh  # no English words left
        assert "in the data" not in value and "unknown kind" not in value, zh
        assert notice_text(w, "en") == str(w)
