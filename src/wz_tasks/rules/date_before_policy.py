"""WZ119 date-before-policy: a report describes a day on or after the policy took effect.

PASS::

    date: 2025-12-20

FAIL::

    date: 2024-10-01      # the policy took effect on 2024-12-01
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import FileContext

IDS = ("WZ119",)


def check(ctx: FileContext) -> Iterator[Diagnostic]:
    effective = ctx.tl.policy.effective
    if ctx.date is not None and ctx.date < effective:
        yield ctx.at("WZ119", {"date": ctx.date, "effective": effective}, "date")
