"""WZ115 unknown-indicator: each key under `values` is one of the task's indicator keys.

PASS::

    - task: 3
      values: {party_work_coverage: 100}

FAIL::

    - task: 4
      values: {committee: 62}     # task 4's indicator is committee_rate
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ115",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    task = ctx.task
    if task is None or not task.indicators or not ctx.entry.values:
        return
    keys = "、".join(i.key for i in task.indicators)
    hint = {"zh": f"本任务的指标代码:{keys}", "en": f"Its indicators: {keys}"}
    for key in ctx.entry.values:
        if task.indicator(key) is None:
            params = {"task": task.id, "key": key, "hint": hint}
            yield ctx.at("WZ115", params, "values", key, key=True)
