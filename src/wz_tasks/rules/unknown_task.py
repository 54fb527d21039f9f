"""WZ104 unknown-task: `task:` is a task id of the task list (Attachment 2: 1–20).

An entry with an unknown task is checked no further.

PASS::

    - task: 4

FAIL::

    - task: 21
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ104",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    if ctx.entry.task is not None and ctx.task is None:
        ids = ctx.file.tl.tasks
        params = {"task": ctx.entry.task, "first": min(ids), "last": max(ids)}
        yield ctx.at("WZ104", params, "task")
