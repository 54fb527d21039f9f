"""WZ120 duplicate-task: one entry per task (or duty, and period) in a file.

The second entry for a task is checked no further.

PASS::

    - task: 4
    - task: 3

FAIL::

    - task: 4
    - task: 4           # points back at the first one's line
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ120",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    if (ctx.task is not None or ctx.duty is not None) and ctx.first is not None:
        first_line = ctx.file.pr.loc("entries", ctx.first)[0]
        yield ctx.at("WZ120", {"item": ctx.item, "first": first_line}, ctx.field)
