"""The evaluator (SPEC §3, §9): a pure function from task list, reports and a date to statuses.

No I/O, no clock. How each kind of schedule is judged lives in `schedule/`; reporting on time is
its own axis in `reporting.py`; this module combines them per unit and task.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from wz_tasks.models import Duty, Submission, Task
from wz_tasks.reporting import Reporting, reporting
from wz_tasks.schedule import Context, Filed, Part, PeriodVerdict, schedules_of
from wz_tasks.status import STATUSES, Status, worst
from wz_tasks.tasklist import TaskList

__all__ = [
    "Due",
    "Evaluation",
    "Filed",
    "Part",
    "TaskResult",
    "UnitResult",
    "UnitView",
    "evaluate",
    "evaluate_unit",
    "unit_view",
    "worst",
]


@dataclass(frozen=True)
class UnitResult:
    unit: str
    status: Status
    parts: tuple[Part, ...]
    deciding: Part | None  # the part that set the status; None when `stale` set it
    reporting: Reporting
    history: tuple[Filed, ...]
    # 销号 (SPEC §10.4), where the policy asks for it: done, but not yet closed by the supervisor.
    pending_sign_off: bool = False
    signed_off: dt.date | None = None

    @property
    def light(self) -> str:
        return self.status.light

    @property
    def latest(self) -> Filed | None:
        return self.history[-1] if self.history else None

    @property
    def last_report(self) -> dt.date | None:
        return self.reporting.last_report

    @property
    def unreported_days(self) -> int:
        """Days since the last report (or since the policy took effect)."""
        return self.reporting.days_since

    @property
    def stale(self) -> bool:
        """Reporting is late or missing, whatever the progress status."""
        return self.reporting.behind

    @property
    def done_on(self) -> dt.date | None:
        """When it was done, once every completing part is."""
        if not self.status.done:
            return None
        return max((p.done_on for p in self.parts if p.done_on is not None), default=None)

    @property
    def days_late(self) -> int | None:
        if not self.status.done:
            return None
        return max((p.days_late or 0 for p in self.parts if p.status.done), default=0)

    @property
    def periods(self) -> tuple[PeriodVerdict, ...]:
        """Every period of its recurring parts so far (SPEC §10.1)."""
        return tuple(v for p in self.parts for v in p.periods)

    @property
    def days_overdue(self) -> int | None:
        found = [p.days_overdue for p in self.parts if p.days_overdue is not None]
        return max(found) if found else None


@dataclass(frozen=True)
class TaskResult:
    task: Task
    status: Status
    units: tuple[UnitResult, ...]
    supporters: tuple[tuple[str, tuple[Filed, ...]], ...]  # supporting unit, its entries

    @property
    def light(self) -> str:
        return self.status.light


@dataclass(frozen=True)
class DutyResult:
    """A standing duty of Attachment 1 and each reporting unit's verdict on it."""

    duty: Duty
    status: Status
    units: tuple[UnitResult, ...]

    @property
    def light(self) -> str:
        return self.status.light


@dataclass(frozen=True)
class Evaluation:
    as_of: dt.date  # the date asked for
    tasks: tuple[TaskResult, ...]
    summary: dict[str, int] = field(default_factory=dict)  # tasks by status
    evaluated_on: dt.date | None = None  # the date used: the policy's expiry when as_of is later
    duties: tuple[DutyResult, ...] = ()

    def duty(self, key: str) -> DutyResult:
        return next(r for r in self.duties if r.duty.key == key)

    @property
    def expired(self) -> bool:
        return self.evaluated_on is not None and self.evaluated_on < self.as_of

    def task(self, task_id: int) -> TaskResult:
        return next(r for r in self.tasks if r.task.id == task_id)

    def lead_results(self) -> Iterator[tuple[ItemRef, UnitResult]]:
        """Every (item, accountable unit) verdict: what reminders and scores are made of."""
        for r in self.tasks:
            for u in r.units:
                yield ItemRef("task", r.task.id), u
        for dr in self.duties:
            for u in dr.units:
                yield ItemRef("duty", dr.duty.key), u


@dataclass(frozen=True, order=True)
class ItemRef:
    """What a unit is accountable for: a task of Attachment 2 or a duty of Attachment 1."""

    kind: str  # "task" | "duty"
    key: int | str

    def as_json(self) -> dict[str, int | str]:
        return {self.kind: self.key}


def evaluation_date(tl: TaskList, as_of: dt.date) -> dt.date:
    """After the policy expires nothing moves on: it is judged as of its expiry date."""
    return min(as_of, tl.policy.expires)


def evaluate_unit(
    tl: TaskList,
    task: Task | Duty,
    unit: str,
    history: tuple[Filed, ...],
    as_of: dt.date,
    window: int,
) -> UnitResult:
    """One lead unit's status on one task (or duty), from its entries (oldest first) dated on or
    before D."""
    policy = tl.policy
    ctx = Context(as_of, window, policy.effective, policy.expires)
    schedules = schedules_of(task)
    parts = tuple(s.judge(history, ctx) for s in schedules)
    done = all(p.status.done for p, s in zip(parts, schedules, strict=True) if s.ends)
    owed = not (done and all(s.ends for s in schedules))
    axis = reporting([f.date for f in history], policy, tl.interval(task), as_of, owed)
    status = worst(p.status for p in parts)
    deciding: Part | None = min(parts, key=lambda p: p.status.rank)
    if axis.behind and Status.STALE.rank < status.rank:
        status, deciding = Status.STALE, None
    return UnitResult(unit, status, parts, deciding, axis, history)


def _index(
    submissions: Iterable[Submission], as_of: dt.date
) -> dict[tuple[str, ItemRef], tuple[Filed, ...]]:
    """Each (unit, item)'s entries dated on or before `as_of`, oldest first (by date, then file;
    a file's entries in their order). The reports are put in that order first, so that every
    item's entries come out in it without sorting a province's 200,000 of them."""
    # unit -> (its entries by task, its entries by duty)
    found: dict[str, tuple[dict[int, list[Filed]], dict[str, list[Filed]]]] = {}
    counted = sorted((s for s in submissions if s.report.date <= as_of), key=_filed_order)
    for sub in counted:
        date, path = sub.report.date, sub.path
        if (own := found.get(sub.unit)) is None:
            own = found[sub.unit] = ({}, {})
        tasks, duties = own
        for entry in sub.report.entries:
            if entry.duty is not None:
                if (group := duties.get(entry.duty)) is None:
                    group = duties[entry.duty] = []
            elif entry.task is not None:
                if (group := tasks.get(entry.task)) is None:
                    group = tasks[entry.task] = []
            else:
                continue
            group.append(Filed(date, entry, path))
    index: dict[tuple[str, ItemRef], tuple[Filed, ...]] = {}
    for unit, (tasks, duties) in found.items():
        for key, group in tasks.items():
            index[(unit, ItemRef("task", key))] = tuple(group)
        for name, group in duties.items():
            index[(unit, ItemRef("duty", name))] = tuple(group)
    return index


def _filed_order(sub: Submission) -> tuple[dt.date, str]:
    return (sub.report.date, sub.path)


def _duty_history(
    index: dict[tuple[str, ItemRef], tuple[Filed, ...]], unit: str, duty: Duty
) -> tuple[Filed, ...]:
    """A unit's entries on a duty. A duty that is the same commitment as a measure (市住建局-1 ↔
    task 1) is also reported by the unit's entries on that measure: nobody reports it twice."""
    own = index.get((unit, ItemRef("duty", duty.key)), ())
    if duty.task is None:
        return own
    linked = index.get((unit, ItemRef("task", duty.task)), ())
    return tuple(sorted(own + linked, key=lambda f: (f.date, f.path)))


def _sign_offs(
    tl: TaskList, submissions: Iterable[Submission], as_of: dt.date
) -> dict[tuple[str, ItemRef], dt.date]:
    """The items the supervising unit closed (销号) by `as_of`: (unit, item) → the date."""
    responsible = tl.registry.resolve(tl.policy.responsible or "")
    closed: dict[tuple[str, ItemRef], dt.date] = {}
    for sub in submissions:
        if responsible is None or sub.unit != responsible.name or sub.report.date > as_of:
            continue
        for item in sub.report.sign_off or ():
            unit = tl.registry.resolve(item.unit)
            if unit is None or item.date > as_of:
                continue
            ref = ItemRef("duty", item.duty) if item.duty else ItemRef("task", item.task or 0)
            key = (unit.name, ref)
            closed[key] = min(item.date, closed.get(key, item.date))
    return closed


def _closed(u: UnitResult, ref: ItemRef, closed: dict[tuple[str, ItemRef], dt.date]) -> UnitResult:
    if not u.status.done:
        return u
    when = closed.get((u.unit, ref))
    return dataclasses.replace(u, pending_sign_off=when is None, signed_off=when)


def evaluate(
    tl: TaskList, submissions: Iterable[Submission], as_of: dt.date, window: int | None = None
) -> Evaluation:
    """Every task's status for each of its lead units as of `as_of` (SPEC §3)."""
    window = tl.policy.due_soon_days if window is None else window
    day = evaluation_date(tl, as_of)
    submissions = list(submissions)
    index = _index(submissions, day)
    closed = _sign_offs(tl, submissions, day) if tl.policy.sign_off else None
    results = []
    for task in tl.tasks.values():
        ref = ItemRef("task", task.id)
        units = tuple(
            evaluate_unit(tl, task, unit, index.get((unit, ref), ()), day, window)
            for unit in tl.leads(task)
        )
        if closed is not None:
            units = tuple(_closed(u, ref, closed) for u in units)
        supporters = tuple(
            (unit, index.get((unit, ref), ()))
            for unit in tl.supports(task)
            if unit not in tl.leads(task)
        )
        results.append(TaskResult(task, worst(u.status for u in units), units, supporters))
    duties = []
    for duty in tl.duties.values():
        ref = ItemRef("duty", duty.key)
        units = tuple(
            evaluate_unit(tl, duty, unit, _duty_history(index, unit, duty), day, window)
            for unit in tl.reporters(duty)
        )
        if closed is not None:
            units = tuple(_closed(u, ref, closed) for u in units)
        duties.append(DutyResult(duty, worst(u.status for u in units), units))
    summary = dict.fromkeys((s.value for s in STATUSES), 0)
    for r in results:
        summary[r.status] += 1
    return Evaluation(as_of, tuple(results), summary, day, tuple(duties))


@dataclass(frozen=True)
class Due:
    """A date a unit has yet to meet: a due date or an indicator's next milestone."""

    due: dt.date
    days: int
    task: TaskResult
    part: str


@dataclass(frozen=True)
class UnitView:
    """One unit's share of an evaluation: what `report --unit` shows."""

    unit: str
    lead: tuple[tuple[TaskResult, UnitResult], ...]  # its own result on each task it leads
    support: tuple[tuple[TaskResult, tuple[Filed, ...]], ...]  # tasks it supports, its entries
    upcoming: tuple[Due, ...]  # soonest first
    summary: dict[str, int]

    @property
    def unreported(self) -> tuple[tuple[TaskResult, UnitResult], ...]:
        return tuple((r, u) for r, u in self.lead if u.stale)


def unit_view(ev: Evaluation, unit: str) -> UnitView:
    day = ev.evaluated_on or ev.as_of
    lead = tuple((r, u) for r in ev.tasks for u in r.units if u.unit == unit)
    support = tuple((r, h) for r in ev.tasks for name, h in r.supporters if name == unit)
    upcoming = sorted(
        (
            Due(p.due, (p.due - day).days, r, p.part)
            for r, u in lead
            for p in u.parts
            if p.due is not None and p.due >= day and not p.status.done
        ),
        key=lambda x: (x.due, x.task.task.id),
    )
    summary = dict.fromkeys((s.value for s in STATUSES), 0)
    for _, u in lead:
        summary[u.status] += 1
    return UnitView(unit, lead, support, tuple(upcoming), summary)
