"""A draft as data: the rows a maintainer appends to the curated tables to make it a proposal
document of the Atlas (``geodata/draft.py``'s ``draft_tables``), zipped with a short README."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from dashboard.state import ViewState
from dashboard.tables import _csv_safe
from geodata.catalog import Catalog
from geodata.draft import draft_tables

README = """\
Draft proposal exported from the Hong Kong Network Atlas
Title: {title}
Note: {note}
Items: {items}
Link parameters: {query}

Each CSV has the columns of the table of the same name in geodata/data/. To add this draft to
the Atlas as a proposal document:
1. give the document a real id (replace "draft" in documents.csv and in the document_id column
   of the other files), a publisher, and a file or url where the proposal is published;
2. append each file's rows (without the header) to geodata/data/<table>.csv;
3. check each place and replace the source column with the document's own wording;
4. run `python -m geodata check`.
(Tables: documents, and offices, routes or partner_cities for the items of each kind.)
The rows are drafts: their source says so and their confidence is "low".
"""

README_ZH = (
    """\
從香港網絡地圖集匯出的草擬建議
標題：{title}
備註：{note}
項目：{items}
連結參數：{query}

每個CSV檔的欄位與geodata/data/內同名數據表相同。要把這份草擬加入地圖集，成為一份建議文件：
1. 給文件一個正式編號（取代documents.csv及其他檔案document_id欄中的「draft」），並填上發布機構，以及建議發表所在的檔案或網址；
2. 把每個檔案的記錄（不含標題列）附加到geodata/data/<數據表>.csv；
3. 核對每個地點，並把source欄改為文件本身的字句；
4. 執行 `python -m geodata check`。
（數據表：documents，以及各類項目的offices、routes或partner_cities。）
這些記錄屬草擬：其source欄註明如此，可信程度為「low」。

"""
    + README
)


def _entry(name: str, date: str) -> zipfile.ZipInfo:
    """A file of the zip, readable by all once extracted (writestr's default is 0600), dated."""
    y, m, d = (int(x) for x in date.split("-"))
    info = zipfile.ZipInfo(name, date_time=(y, m, d, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def draft_zip(catalog: Catalog, state: ViewState, today: str | None = None) -> bytes:
    draft = state.draft_spec()
    date = today or dt.date.today().isoformat()
    none = "（無）" if state.lang == "zh" else "(none)"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for table, frame in draft_tables(catalog, draft, date).items():
            frame = frame.map(_csv_safe)  # a title a spreadsheet would run as a formula
            z.writestr(_entry(f"{table}.csv", date), frame.to_csv(index=False, lineterminator="\n"))
        z.writestr(
            _entry("README.txt", date),
            (README_ZH if state.lang == "zh" else README).format(
                title=draft.title or none,
                note=draft.note or none,
                items=", ".join(state.draft),
                query=state.to_query(),
            ),
        )
    return buf.getvalue()
