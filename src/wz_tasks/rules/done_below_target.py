"""WZ202 done-below-target (a warning): `status: done` while a value is below the final target.

Indicators decide whether such a task is done; the warning says the two disagree.

PASS::

    - task: 4
      value: 80           # the final target of committee_rate
      status: done

FAIL::

    - task: 4
      value: 62
      status: done
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.models import indicator_value
from wz_tasks.rules.context import EntryContext, indicator_name, shown, value_text

IDS = ("WZ202",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    task, entry = ctx.task, ctx.entry
    if task is None or entry.status != "done":
        return
    for ind in task.indicators:
        v = indicator_value(task, ind, entry)
        final = ind.milestones[-1].target
        if v is not None and math.isfinite(v) and v < final:
            params = {
                "indicator": indicator_name(ind),
                "value": value_text(task, ind, entry, v),
                "target": shown(final),
            }
            yield ctx.at("WZ202", params, "status")
