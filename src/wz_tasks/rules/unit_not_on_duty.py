"""WZ131 unit-not-on-duty: a unit reports only the duties it holds, or that it reports for its
area (each county government reports those of 县级主管部门 and 乡镇街道).

PASS (盐池县 reports 县级主管部门-4 for its area)::

    unit: 盐池县
    entries:
      - duty: 县级主管部门-4

FAIL (市住建局-5 is the city housing bureau's own duty)::

    unit: 盐池县
    entries:
      - duty: 市住建局-5
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ131",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    unit, duty = ctx.file.unit, ctx.duty
    if unit is None or duty is None:
        return
    reporters = ctx.file.tl.reporters(duty)
    if unit in reporters:
        return
    shown = duty.reported_by or duty.holder
    yield ctx.at("WZ131", {"unit": unit, "duty": duty.key, "reporters": shown}, "duty")
