"""The evaluator (SPEC §3): a pure function from task list, reports and a date to statuses.

No I/O, no clock. Every rule of SPEC §3 lives in this file.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction

from wz_tasks.labels import LIGHTS, STATUSES
from wz_tasks.models import Entry, Indicator, Submission, Task, indicator_value
from wz_tasks.tasklist import TaskList

_RANK = {s: i for i, s in enumerate(STATUSES)}  # 0 is worst


def worst(statuses: Iterable[str]) -> str:
    return min(statuses, key=_RANK.__getitem__)


@dataclass(frozen=True)
class Filed:
    """One unit's entry for one task, with the date and file of its report."""

    date: dt.date
    entry: Entry
    path: str


@dataclass(frozen=True)
class Part:
    """The verdict on one part of a task for one unit: its due date, an indicator, or ongoing."""

    part: str  # "due", "ongoing", or the indicator's key
    status: str
    due: dt.date | None = None  # the date this verdict is about
    days: int | None = None  # days overdue, days left, or days late
    value: float | None = None
    target: float | None = None
    expected: float | None = None  # the time-proportional line at D, when behind
    done_on: dt.date | None = None
    kind: str | None = None  # percent | count for indicators


@dataclass(frozen=True)
class UnitResult:
    unit: str
    status: str
    parts: tuple[Part, ...]
    deciding: Part | None  # the part that set the status; None when `stale` set it
    last_report: dt.date | None
    unreported_days: int | None  # days since the last report (or the effective date)
    stale: bool  # not reported within the interval (whatever the status)
    history: tuple[Filed, ...]

    @property
    def light(self) -> str:
        return LIGHTS[self.status]

    @property
    def latest(self) -> Filed | None:
        return self.history[-1] if self.history else None


@dataclass(frozen=True)
class TaskResult:
    task: Task
    status: str
    units: tuple[UnitResult, ...]
    supporters: tuple[tuple[str, tuple[Filed, ...]], ...]  # supporting unit, its entries

    @property
    def light(self) -> str:
        return LIGHTS[self.status]


@dataclass(frozen=True)
class Evaluation:
    as_of: dt.date
    tasks: tuple[TaskResult, ...]
    summary: dict[str, int] = field(default_factory=dict)

    def task(self, task_id: int) -> TaskResult:
        return next(r for r in self.tasks if r.task.id == task_id)


def _frac(x: float) -> Fraction:
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


def _done_on(history: tuple[Filed, ...]) -> dt.date:
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


def _due_part(due: dt.date, history: tuple[Filed, ...], as_of: dt.date, window: int) -> Part:
    latest = history[-1] if history else None
    if latest is not None and latest.entry.status == "done":
        done_on = _done_on(history)
        if done_on <= due:
            return Part("due", "done", due=due, done_on=done_on)
        return Part("due", "done_late", due=due, done_on=done_on, days=(done_on - due).days)
    if as_of > due:
        return Part("due", "overdue", due=due, days=(as_of - due).days)
    left = (due - as_of).days
    return Part("due", "due_soon" if left <= window else "on_track", due=due, days=left)


def _indicator_part(
    task: Task,
    ind: Indicator,
    history: tuple[Filed, ...],
    as_of: dt.date,
    window: int,
    effective: dt.date,
) -> Part:
    values = [
        (f.date, v) for f in history if (v := indicator_value(task, ind, f.entry)) is not None
    ]
    v = values[-1][1] if values else None

    def part(
        status: str,
        due: dt.date,
        target: float,
        days: int | None = None,
        done_on: dt.date | None = None,
        expected: float | None = None,
    ) -> Part:
        return Part(
            ind.key,
            status,
            due=due,
            days=days,
            value=v,
            target=target,
            expected=expected,
            done_on=done_on,
            kind=ind.kind,
        )

    final = ind.milestones[-1]
    if v is not None and v >= final.target:
        reached = next(d for d, x in values if x >= final.target)
        if reached <= final.due:
            return part("done", final.due, final.target, done_on=reached)
        return part("done_late", final.due, final.target, (reached - final.due).days, reached)
    for ms in ind.milestones:  # a milestone counts as passed only when dated before D
        if ms.due < as_of and (v is None or v < ms.target):
            return part("overdue", ms.due, ms.target, (as_of - ms.due).days)
    index = next(i for i, ms in enumerate(ind.milestones) if ms.due >= as_of)
    nxt = ind.milestones[index]
    left = (nxt.due - as_of).days
    soon = "due_soon" if left <= window else "on_track"
    if v is None:
        return part(soon, nxt.due, nxt.target, left)
    if v >= nxt.target:
        return part("on_track", nxt.due, nxt.target, left)
    start, base = (
        (ind.milestones[index - 1].due, ind.milestones[index - 1].target)
        if index
        else (effective, ind.baseline)
    )
    span = (nxt.due - start).days
    if span > 0:
        line = _frac(base) + (_frac(nxt.target) - _frac(base)) * Fraction(
            (as_of - start).days, span
        )
        if _frac(v) < line:
            return part("behind", nxt.due, nxt.target, left, expected=round(float(line), 1))
    return part(soon, nxt.due, nxt.target, left)


def evaluate_unit(
    tl: TaskList, task: Task, unit: str, history: tuple[Filed, ...], as_of: dt.date, window: int
) -> UnitResult:
    """One lead unit's status on one task, from its entries (oldest first) dated on or before D."""
    policy = tl.policy
    parts: list[Part] = []
    if task.indicators:
        parts += [
            _indicator_part(task, ind, history, as_of, window, policy.effective)
            for ind in task.indicators
        ]
    elif task.due is not None:
        parts.append(_due_part(task.due, history, as_of, window))
    if task.ongoing:
        parts.append(Part("ongoing", "on_track"))
    last = history[-1].date if history else None
    since = (as_of - (last or policy.effective)).days
    in_force = policy.effective <= as_of <= policy.expires
    done = all(p.status in ("done", "done_late") for p in parts)
    stale = not done and in_force and since > tl.interval(task)
    status = worst(p.status for p in parts)
    deciding: Part | None = min(parts, key=lambda p: _RANK[p.status])
    if stale and _RANK["stale"] < _RANK[status]:
        status, deciding = "stale", None
    return UnitResult(unit, status, tuple(parts), deciding, last, since, stale, history)


def _index(
    submissions: Iterable[Submission], as_of: dt.date
) -> dict[tuple[str, int], tuple[Filed, ...]]:
    found: dict[tuple[str, int], list[Filed]] = defaultdict(list)
    for sub in submissions:
        if sub.report.date > as_of:
            continue  # not yet counted
        for entry in sub.report.entries:
            found[(sub.unit, entry.task)].append(Filed(sub.report.date, entry, sub.path))
    return {k: tuple(sorted(v, key=lambda f: (f.date, f.path))) for k, v in found.items()}


def evaluate(
    tl: TaskList, submissions: Iterable[Submission], as_of: dt.date, window: int | None = None
) -> Evaluation:
    """Every task's status for each of its lead units as of `as_of` (SPEC §3)."""
    window = tl.policy.due_soon_days if window is None else window
    index = _index(submissions, as_of)
    results = []
    for task in tl.tasks.values():
        units = tuple(
            evaluate_unit(tl, task, unit, index.get((unit, task.id), ()), as_of, window)
            for unit in tl.leads(task)
        )
        supporters = tuple(
            (unit, index.get((unit, task.id), ()))
            for unit in tl.supports(task)
            if unit not in tl.leads(task)
        )
        results.append(TaskResult(task, worst(u.status for u in units), units, supporters))
    summary = dict.fromkeys(STATUSES, 0)
    for r in results:
        summary[r.status] += 1
    return Evaluation(as_of, tuple(results), summary)


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
    lead = tuple((r, u) for r in ev.tasks for u in r.units if u.unit == unit)
    support = tuple((r, h) for r in ev.tasks for name, h in r.supporters if name == unit)
    upcoming = sorted(
        (
            Due(p.due, (p.due - ev.as_of).days, r, p.part)
            for r, u in lead
            for p in u.parts
            if p.due is not None and p.due >= ev.as_of and p.status not in ("done", "done_late")
        ),
        key=lambda x: (x.due, x.task.task.id),
    )
    summary = dict.fromkeys(STATUSES, 0)
    for _, u in lead:
        summary[u.status] += 1
    return UnitView(unit, lead, support, tuple(upcoming), summary)
