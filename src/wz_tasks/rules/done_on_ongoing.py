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
    task, duty = ctx.task, ctx.duty
    if ctx.entry.status != "done":
        return
    if task is not None and not task.completes:
        yield ctx.at("WZ116", {"item": ctx.item, "deadline": task.deadline_text}, "status")
    elif duty is not None and duty.every is None:
        deadline = {"zh": "长期职责", "en": "a standing duty"}
        yield ctx.at("WZ116", {"item": ctx.item, "deadline": deadline}, "status")
