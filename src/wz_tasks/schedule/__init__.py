"""Schedules: what a task (or duty) must achieve by when, one module per kind.

Each kind answers one question — "what is this part's status as of D, given a unit's entries" —
and returns a `Part`. A task has one or more parts (task 6: a due date and an ongoing part; task 3:
two indicators); `schedules_of` is the one place that says which. A new kind is one module here
plus one line in `schedules_of`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from wz_tasks.status import Status

if TYPE_CHECKING:
    from wz_tasks.models import Duty, Entry, Task


@dataclass(frozen=True)
class Filed:
    """One unit's entry for one task, with the date and file of its report."""

    date: dt.date
    entry: Entry
    path: str


@dataclass(frozen=True)
class PeriodVerdict:
    """One period of a recurring part (SPEC §10.1) and how it was met."""

    label: str
    start: dt.date
    end: dt.date
    deadline: dt.date
    status: Status
    date: dt.date | None  # when it was done (done_on, else the report's date)


@dataclass(frozen=True)
class Part:
    """The verdict on one part of a task for one unit."""

    part: str  # the part's key: "due", "ongoing", an indicator's key, or a recurrence's
    schedule: str  # its kind: "due", "indicator", "ongoing", "recurring"
    status: Status
    due: dt.date | None = None  # the date this verdict is about
    days: int | None = None  # days overdue, days left, or days late
    value: float | None = None
    target: float | None = None
    expected: float | None = None  # the time-proportional line at D, when behind
    done_on: dt.date | None = None
    kind: str | None = None  # percent | count for indicators
    periods: tuple[PeriodVerdict, ...] = ()  # a recurring part's every period so far

    @property
    def days_overdue(self) -> int | None:
        return self.days if self.status is Status.OVERDUE else None

    @property
    def days_late(self) -> int | None:
        if self.status is Status.DONE_LATE:
            return self.days
        return 0 if self.status is Status.DONE else None


@dataclass(frozen=True)
class Context:
    """What every schedule needs to know besides the entries."""

    as_of: dt.date
    window: int  # the due-soon window in days
    effective: dt.date  # the policy's effective date: where time-proportional lines start
    expires: dt.date  # the policy's expiry: where recurring periods stop


class Schedule(Protocol):
    @property
    def key(self) -> str: ...

    @property
    def ends(self) -> bool:
        """Whether this part can be finished for good (ongoing and recurring parts cannot)."""
        ...

    def judge(self, history: tuple[Filed, ...], ctx: Context) -> Part:
        """This part's status as of ctx.as_of from one unit's entries, oldest first."""
        ...


def schedules_of(task: Task | Duty) -> list[Schedule]:
    """The parts a task (or duty) is judged by (SPEC §2.1, §10): its indicators alone when it has
    any, else its due date; its recurring periods; and an ongoing part when it is (also)
    ongoing."""
    from wz_tasks.models import Task
    from wz_tasks.schedule.due import DueDate
    from wz_tasks.schedule.indicator import IndicatorSchedule
    from wz_tasks.schedule.ongoing import Ongoing
    from wz_tasks.schedule.recurring import Recurring

    parts: list[Schedule] = []
    if task.indicators:
        assert isinstance(task, Task)
        parts += [IndicatorSchedule(task, ind) for ind in task.indicators]
    elif task.due is not None:
        parts.append(DueDate(task.due))
    if task.every is not None:
        parts.append(Recurring.of(task))
    if task.ongoing:
        parts.append(Ongoing())
    return parts
