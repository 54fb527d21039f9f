"""CSV that opens correctly in Excel: UTF-8 with BOM, formula-like cells neutralised."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wz_tasks.render import Page
    from wz_tasks.render.results import StatusResult

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell as text; one Excel would read as a formula gets a leading apostrophe."""
    from wz_tasks.escape import visible

    text = "" if value is None else visible(str(value), keep="\n\t")
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(rows: Iterable[Iterable[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def status(result: StatusResult, page: Page) -> bytes:
    """`status --format csv`: one row per task and lead unit, in the user's language."""
    from wz_tasks.render.data import status_rows

    return to_csv(status_rows(result, page.lang))
