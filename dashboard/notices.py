"""A link's notices in the reader's language. ``ParamWarning`` and the draft's parser write
their reasons in English (the API returns them as they are); the page shows them in Chinese
through these patterns, one for each reason the code writes (tests/test_notices.py checks that
every reason the parser can give is covered)."""

from __future__ import annotations

import re

_ZH: tuple[tuple[str, str], ...] = (
    (r"unknown parameter ignored", "未知參數，已略過"),
    (r"this link was made by a newer version of the Atlas \(link version (\d+); this one reads 1 to "
     r"(\d+)\): showing the default view", r"此連結由較新版本的地圖集製作（連結版本\1；本版本可讀1至\2）：顯示預設畫面"),
    (r"expected a link version \(1 to (\d+)\); reading the link as version (\d+)",
     r"連結版本應為1至\1；按第\2版讀取"),
    (r"expected a link version of at least 1; reading the link as version (\d+)",
     r"連結版本最少為1；按第\1版讀取"),
    (r"expected one of (.*); using the default", r"應為以下其中之一：\1；改用預設值"),
    (r"unknown value\(s\) ignored; expected (.*)", r"未知數值已略過；應為：\1"),
    (r"expected a whole number; using the default", "應為整數；改用預設值"),
    (r"expected a number from (-?\d+) to (-?\d+); using the default", r"應為\1至\2之間的數字；改用預設值"),
    (r"no status chosen; using the default", "未選擇狀態；改用預設值"),
    (r"drafts are not available here; ignored", "此處不設草擬；已略過"),
    (r"not a draft item; ignored", "不是草擬項目；已略過"),
)  # fmt: skip

# the draft parser's reasons for an item, inside the value: "eto:XXX (no country … 'XXX' in the data)"
QUOTED = r"""(['"].*['"])"""  # a value as repr() writes it: 'Xi\'an' comes out "Xi'an"
_ZH_ITEM: tuple[tuple[str, str], ...] = (
    (r"\(no country, province or city " + QUOTED + r" in the data\)", r"（數據中沒有國家、省份或城市 \1）"),
    (r"\(no airport \(IATA\) " + QUOTED + r" in the data\)", r"（數據中沒有機場（IATA代碼）\1）"),
    (r"\(no city \(ISO3:City\) " + QUOTED + r" in the data\)", r"（數據中沒有城市（ISO3:城市）\1）"),
    (r"\(unknown kind " + QUOTED + r"; expected office, route or an office kind\)",
     r"（未知類別 \1；應為辦事處、航線或辦事處類別）"),
    (r"^(\d+) items past the first (\d+)$", r"首\2項以外的\1項"),
)  # fmt: skip


def _translate(text: str, table) -> str:
    for pattern, zh in table:
        out, n = re.subn(pattern, zh, text)
        if n:
            return out
    return text


def notice_text(warning, lang: str) -> str:
    """One notice, ``param=value: reason``, in ``lang``."""
    if lang != "zh":
        return str(warning)
    value = _translate(warning.value, _ZH_ITEM)
    return f"{warning.param}={value!r}：{_translate(warning.reason, _ZH)}"
