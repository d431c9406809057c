"""Read the curated CSVs and check every cell against ``schema.py``.

A problem is reported as a :class:`Problem` naming the file, line, column, value and
reason; :class:`DataError` carries all problems found in one load (the first ones are
enough to fix the file).  Nothing here raises a bare ``KeyError`` or ``ValueError`` on
bad input.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geodata.dates import date_end, date_start, parse_date
from geodata.schema import Column, Table

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")
ADCODE_RE = re.compile(r"^\d{6}$")
MAX_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        value = f" value {self.value!r}:" if self.value != "" else ""
        return f"{where}:{value} {self.reason}"


class DataError(Exception):
    """One or more problems in the curated data; ``str()`` lists them, one per line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        shown = self.problems[:MAX_PROBLEMS]
        more = len(self.problems) - len(shown)
        text = "\n".join(str(p) for p in shown)
        if more > 0:
            text += f"\n… and {more} more problem(s)"
        super().__init__(text)


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: A table larger than this is refused: the curated tables are a few hundred rows; one of
#: 170,000 rows took 13 s to start the app.
MAX_TABLE_BYTES = 5_000_000
MAX_TABLE_ROWS = 20_000


def _check_cell(col: Column, value: str, ctx: dict) -> str | None:
    """Return the reason ``value`` is not valid for ``col``, or None."""
    bad = CONTROL_RE.search(value)
    if bad:
        return f"contains a control character (U+{ord(bad.group()):04X}); remove it"
    t = col.type
    if t == "id":
        return None if ID_RE.match(value) else "ids are lower-case letters, digits, '-' or '_'"
    if t == "enum":
        return None if value in col.choices else f"expected one of {', '.join(col.choices)}"
    if t == "date":
        return None if parse_date(value) else "expected a real date YYYY, YYYY-MM or YYYY-MM-DD"
    if t == "int":
        return None if re.fullmatch(r"-?\d+", value) else "expected a whole number"
    if t == "float":
        try:
            x = float(value)
        except ValueError:
            return "expected a number"
        if x != x or x in (float("inf"), float("-inf")):
            return "expected a finite number"
        if col.name == "lat" and not -90 <= x <= 90:
            return "latitude must be between -90 and 90"
        if col.name == "lon" and not -180 <= x <= 180:
            return "longitude must be between -180 and 180"
        return None
    if t == "iso3":
        known = ctx.get("iso3")
        if known is not None and value not in known:
            return "unknown country code (not an ISO3 code of the world boundaries)"
        return None
    if t == "adcode":
        if not ADCODE_RE.match(value):
            return "expected a 6-digit province adcode"
        known = ctx.get("adcode")
        if known is not None and value not in known:
            return "unknown province adcode (not one of the 34 provincial units)"
        return None
    if t == "list":
        return None if all(v.strip() for v in value.split(";")) else "empty item in ';' list"
    return None


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text of ``raw`` (a BOM is dropped); a clear Problem on bad bytes or emptiness."""
    if not raw.strip():
        raise DataError([Problem(file, 1, "", "", "the file is empty (expected a header row)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        bad = raw[e.start : e.start + 4]
        raise DataError(
            [Problem(file, line, "", repr(bad)[2:-1], "the file is not UTF-8 (save it as UTF-8)")]
        ) from None


def read_rows(text: str, table: Table, file: str, ctx: dict | None = None) -> pd.DataFrame:
    """Parse CSV ``text`` for ``table``; raise DataError listing every cell-level problem.

    The result has one string column per schema column (empty string for empty cells)
    and a ``_line`` column with each record's line number in the file.
    """
    ctx = ctx or {}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(
            [Problem(file, 1, "", "", "the file is empty (expected a header row)")]
        ) from None
    header = [h.strip() for h in header]
    problems: list[Problem] = []
    missing = [c for c in table.column_names if c not in header]
    for c in missing:
        problems.append(
            Problem(
                file,
                1,
                c,
                "",
                "column is missing from the header (every column of the table is expected, even when its cells may be empty)",
            )
        )
    for h in header:
        if h not in table.column_names:
            problems.append(
                Problem(file, 1, h, "", f"unknown column (expected {table.column_names})")
            )
    dupes = {h for h in header if header.count(h) > 1}
    for h in sorted(dupes):
        problems.append(Problem(file, 1, h, "", "column appears more than once in the header"))
    if problems:
        raise DataError(problems)

    cols = {c.name: c for c in table.columns}
    records: list[dict] = []
    seen_keys: dict[str, int] = {}
    line = 1
    try:
        for row in reader:
            start = line + 1
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue  # blank line
            if len(row) != len(header):
                problems.append(
                    Problem(file, start, "", "", f"expected {len(header)} fields, found {len(row)}")
                )
                continue
            rec = {"_line": start}
            for name, cell in zip(header, row):
                value = cell.strip()
                col = cols[name]
                rec[name] = value
                if value == "":
                    if col.required:
                        problems.append(Problem(file, start, name, "", "a value is required"))
                    continue
                reason = _check_cell(col, value, ctx)
                if reason:
                    problems.append(Problem(file, start, name, value, reason))
            problems += _date_order(table, rec, file, start)
            if len(records) >= MAX_TABLE_ROWS:
                problems.append(Problem(file, start, "", "", f"more than {MAX_TABLE_ROWS:,} rows: the "
                                        "table is too large for the app (split it or trim it)"))  # fmt: skip
                break
            key = rec.get(table.key, "")
            if key:
                if key in seen_keys:
                    problems.append(
                        Problem(
                            file,
                            start,
                            table.key,
                            key,
                            f"duplicate id (first on line {seen_keys[key]})",
                        )
                    )
                else:
                    seen_keys[key] = start
            records.append(rec)
    except csv.Error as e:
        problems.append(Problem(file, reader.line_num, "", "", f"malformed CSV: {e}"))
    if problems:
        raise DataError(problems)
    df = pd.DataFrame.from_records(records, columns=["_line", *table.column_names])
    return (
        df.fillna("")
        .astype({c: "string" for c in table.column_names})
        .astype({c: object for c in table.column_names})
    )


def _date_order(table: Table, rec: dict, file: str, line: int) -> list[Problem]:
    """A row may not end before it starts (``closed`` before ``opened``, ``until`` before
    ``since``). Partial dates count as the periods they name: a row is refused only when the
    last day its end can mean is before the first day its start can ("2019" may close an
    office opened "2019-05")."""
    if not table.end or not table.start:
        return []
    end = rec.get(table.end, "")
    begin_col = table.start[0]
    begin = rec.get(begin_col, "")
    if not (end and begin and parse_date(end) and parse_date(begin)):
        return []
    if date_end(end) < date_start(begin):
        return [Problem(file, line, table.end, end, f"{table.end} is before {begin_col} ({begin})")]
    return []


def load_table(path: Path, table: Table, ctx: dict | None = None) -> pd.DataFrame:
    file = path.name
    if not path.exists():
        raise DataError([Problem(file, 0, "", "", f"file not found: {path}")])
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise DataError([Problem(file, 0, "", "", f"the file is {size:,} bytes; at most {MAX_TABLE_BYTES:,} "
                                 "are read (the curated tables are far smaller: is it the right file?)")])  # fmt: skip
    return read_rows(decode(path.read_bytes(), file), table, file, ctx)


def check_refs(
    df: pd.DataFrame,
    table: Table,
    file: str,
    targets: dict[str, set[str]],
) -> list[Problem]:
    """Problems for ``ref`` columns whose value is not an id of the referenced table."""
    problems = []
    for col in table.columns:
        if col.type != "ref":
            continue
        known = targets.get(col.ref, set())
        for line, value in zip(df["_line"], df[col.name]):
            if value and value not in known:
                what = col.ref.split(".")[0]
                problems.append(Problem(file, int(line), col.name, value, f"unknown {what} id"))
    return problems
