"""WZ108 unit-not-on-task: a unit reports only on tasks it leads or supports.

PASS (盐池县 is among the county governments that lead task 4)::

    unit: 盐池县
    entries:
      - task: 4

FAIL (task 7 is led by 市住建局 alone)::

    unit: 盐池县
    entries:
      - task: 7
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ108",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    unit, task = ctx.file.unit, ctx.task
    if unit is None or task is None or ctx.file.tl.involves(unit, task):
        return
    params = {
        "unit": unit,
        "task": task.id,
        "lead": "、".join(task.lead),
        "support": "、".join(task.support) or "—",
    }
    yield ctx.at("WZ108", params, "task")
