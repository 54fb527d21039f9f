"""A due date (完成时限): done on time, done late, overdue, due soon or on track."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wz_tasks.schedule import Context, Filed, Part
from wz_tasks.status import Status


def done_on(history: tuple[Filed, ...]) -> dt.date:
    """When a unit whose newest entry says done got it done: the `done_on` it gives, else the
    first report of its closing run of "done" reports (re-reporting done later changes nothing)."""
    streak = history[-1]
    for filed in reversed(history):
        if filed.entry.status != "done":
            break
        streak = filed
        if filed.entry.done_on is not None:
            break
    return history[-1].entry.done_on or streak.entry.done_on or streak.date


@dataclass(frozen=True)
class DueDate:
    due: dt.date
    key: str = "due"
    ends: bool = True

    def judge(self, history: tuple[Filed, ...], ctx: Context) -> Part:
        due = self.due
        if history and history[-1].entry.status == "done":
            when = done_on(history)
            if when <= due:
                return Part("due", "due", Status.DONE, due=due, done_on=when, days=0)
            return Part(
                "due", "due", Status.DONE_LATE, due=due, done_on=when, days=(when - due).days
            )
        if ctx.as_of > due:
            return Part("due", "due", Status.OVERDUE, due=due, days=(ctx.as_of - due).days)
        left = (due - ctx.as_of).days
        status = Status.DUE_SOON if left <= ctx.window else Status.ON_TRACK
        return Part("due", "due", status, due=due, days=left)
