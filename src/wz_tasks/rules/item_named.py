"""WZ128 item-missing, WZ129 item-both: an entry names one task (Attachment 2) or one duty
(Attachment 1). Such an entry is checked no further.

PASS::

    - task: 4
    - duty: 县级主管部门-4

FAIL::

    - progress: 已推进            # neither
    - task: 1
      duty: 市住建局-1            # both
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ128", "WZ129")


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    entry = ctx.entry
    if entry.task is None and entry.duty is None:
        if not (ctx.reported("task") or ctx.reported("duty")):
            yield ctx.at("WZ128", {})
    elif entry.task is not None and entry.duty is not None:
        yield ctx.at("WZ129", {"task": entry.task, "duty": entry.duty}, "duty", key=True)
