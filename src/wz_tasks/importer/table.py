"""Reading an office's table (.xlsx, .csv, .docx) into rows of cells, merged cells resolved.

A merged cell's text is given to every position it covers, and each position remembers the
top-left cell of its merge (`origin`), so a category spanning rows or one 序号 over two task
lines reads as printed. openpyxl and python-docx are imported here only, when a table of their
kind is read (start-up time of the other commands is budgeted).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Cell:
    text: str
    row: int  # 1-based, as the sheet or table numbers it
    col: int  # 1-based
    origin: tuple[int, int]  # the merge's top-left cell (row, col); the cell itself if unmerged


@dataclass
class Grid:
    """One sheet or table: where it is (for messages) and its rows, each as long as the widest."""

    where: str  # '' for a csv, the sheet name, or 'table N' of a docx
    rows: list[list[Cell]]


class TableError(Exception):
    """The table cannot be read at all: a usage error (exit 2)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _grid(
    where: str, values: list[list[str]], merges: dict[tuple[int, int], tuple[int, int]]
) -> Grid:
    width = max((len(r) for r in values), default=0)
    rows = []
    for r, line in enumerate(values, start=1):
        padded = [*line, *[""] * (width - len(line))]
        rows.append(
            [Cell(text, r, c, merges.get((r, c), (r, c))) for c, text in enumerate(padded, start=1)]
        )
    return Grid(where, rows)


def read_grids(path: Path, sheet: str | None = None) -> list[Grid]:
    """Every sheet (or the one named) or table of the file, in order."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(
            f"无法读取 {path}:{exc.strerror}", f"cannot read {path}: {exc.strerror}"
        ) from exc
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(data, sheet)
    if sheet is not None:
        raise TableError("--sheet 只适用于 .xlsx 文件", "--sheet applies to .xlsx files only")
    if suffix == ".csv":
        return [_csv(data)]
    if suffix == ".docx":
        return _docx(data)
    raise TableError(
        f"不支持的文件类型 {suffix or '(无扩展名)'}:请用 .xlsx、.csv 或 .docx",
        f"unsupported file type {suffix or '(none)'}: use .xlsx, .csv or .docx",
    )


def _xlsx(data: bytes, sheet: str | None) -> list[Grid]:
    import openpyxl  # only on import-tasks' path
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise TableError(
            f"不是有效的 .xlsx 文件({exc})", f"not a valid .xlsx file ({exc})"
        ) from exc
    names = book.sheetnames
    if sheet is not None and sheet not in names:
        raise TableError(
            f"没有名为 {sheet} 的工作表(有:{'、'.join(names)})",
            f"no sheet named {sheet} (there are: {', '.join(names)})",
        )
    grids = []
    for name in [sheet] if sheet is not None else names:
        ws = book[name]
        values = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        merges: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            top = _text(ws.cell(rng.min_row, rng.min_col).value)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    merges[(r, c)] = (rng.min_row, rng.min_col)
                    while len(values) < r:
                        values.append([])
                    line = values[r - 1]
                    line.extend([""] * (c - len(line)))
                    line[c - 1] = top
        grids.append(_grid(name, values, merges))
    return grids


def _decode(data: bytes) -> str:
    """UTF-8 with or without BOM, else GBK (read as GB18030, its superset)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise TableError(
            "无法识别 CSV 的编码:请另存为 UTF-8 或 GBK",
            "cannot tell the CSV's encoding: save it as UTF-8 or GBK",
        ) from exc


def _csv(data: bytes) -> Grid:
    text = _decode(data)
    # Excel writes ',' (or ';' in some locales, tab for "Unicode text"): the header line says
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",\t;", key=first.count)
    try:
        rows = csv.reader(io.StringIO(text), delimiter=delimiter)
        values = [[v.strip() for v in row] for row in rows]
    except csv.Error as exc:
        raise TableError(f"CSV 格式错误:{exc}", f"malformed CSV: {exc}") from exc
    return _grid("", values, {})


def _docx(data: bytes) -> list[Grid]:
    import docx  # only on import-tasks' path
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TableError(
            f"不是有效的 .docx 文件({exc})", f"not a valid .docx file ({exc})"
        ) from exc
    grids = []
    for n, table in enumerate(document.tables, start=1):
        origins: dict[Any, tuple[int, int]] = {}  # a merged cell is one <w:tc> at every position
        values: list[list[str]] = []
        merges: dict[tuple[int, int], tuple[int, int]] = {}
        for r, row in enumerate(table.rows, start=1):
            line = []
            for c, cell in enumerate(row.cells, start=1):
                tc = cell._tc
                origin = origins.setdefault(tc, (r, c))
                if origin != (r, c):
                    merges[(r, c)] = origin
                    merges[origin] = origin
                line.append(cell.text.strip())
            values.append(line)
        grids.append(_grid(f"table {n}", values, merges))
    return grids
