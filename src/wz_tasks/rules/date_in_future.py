"""WZ118 date-in-future: `check` rejects a report dated after the day it checks as of.

The one rule that depends on the day; `status` merely does not count such a report yet.

PASS (as of 2026-11-27)::

    date: 2026-11-27

FAIL (as of 2026-11-27)::

    date: 2027-01-05
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import FileContext

IDS = ("WZ118",)


def check(ctx: FileContext) -> Iterator[Diagnostic]:
    if ctx.date is not None and ctx.as_of is not None and ctx.date > ctx.as_of:
        yield ctx.at("WZ118", {"date": ctx.date, "as_of": ctx.as_of}, "date")
