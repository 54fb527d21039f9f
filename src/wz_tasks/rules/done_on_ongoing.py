"""WZ116 done-on-ongoing: a task that is only ongoing (长期坚持) is never `done`.

PASS::

    - task: 5
      status: in_progress

FAIL::

    - task: 5
      status: done
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ116",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    task = ctx.task
    if task is not None and ctx.entry.status == "done" and not task.completes:
        yield ctx.at("WZ116", {"task": task.id, "deadline": task.deadline_text}, "status")
