"""WZ122 done-on-without-done, WZ117 done-on-after-date, WZ127 done-on-before-policy.

`done_on` goes with `status: done` only, and lies between the policy's effective date and the
report's date (both included): work done before the policy is not done under it.

PASS::

    date: 2025-12-20
    entries:
      - task: 2
        status: done
        done_on: 2025-05-20

FAIL::

    date: 2025-12-20
    entries:
      - task: 2
        done_on: 2025-05-20     # WZ122: no status: done
      - task: 1
        status: done
        done_on: 2025-12-25     # WZ117: after the report's date
      - task: 6
        status: done
        done_on: 0001-01-01     # WZ127: before the policy took effect (2024-12-01)
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ122", "WZ117", "WZ127")


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    done_on, date = ctx.entry.done_on, ctx.file.date
    if done_on is None:
        return
    if ctx.entry.status != "done" and not ctx.reported("status"):
        yield ctx.at("WZ122", {}, "done_on", key=True)
    if date is not None and done_on > date:
        yield ctx.at("WZ117", {"done_on": done_on, "date": date}, "done_on")
    effective = ctx.file.tl.policy.effective
    if done_on < effective:
        yield ctx.at("WZ127", {"done_on": done_on, "effective": effective}, "done_on")
