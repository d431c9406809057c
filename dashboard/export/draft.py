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
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for table, frame in draft_tables(catalog, draft, date).items():
            frame = frame.map(_csv_safe)  # a title a spreadsheet would run as a formula
            z.writestr(_entry(f"{table}.csv", date), frame.to_csv(index=False, lineterminator="\n"))
        z.writestr(
            _entry("README.txt", date),
            README.format(
                title=draft.title or "(none)",
                note=draft.note or "(none)",
                items=", ".join(state.draft),
                query=state.to_query(),
            ),
        )
    return buf.getvalue()
