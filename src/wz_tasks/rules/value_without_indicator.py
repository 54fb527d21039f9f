"""WZ111 value-without-indicator: figures only on tasks with indicators.

PASS (task 4 has the indicator committee_rate)::

    - task: 4
      value: 62

FAIL (task 2 has a due date, no indicator)::

    - task: 2
      value: 50
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ111",)
FIGURES = ("value", "numerator", "denominator", "values")


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    task = ctx.task
    # A duty of Attachment 1 has no indicator; nor has a task with only a due date.
    if ctx.duty is None and (task is None or task.indicators):
        return
    for f in FIGURES:
        if getattr(ctx.entry, f) is not None:
            yield ctx.at("WZ111", {"item": ctx.item, "field": f}, f, key=True)
