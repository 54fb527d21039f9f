"""The finished results a command hands to a renderer: what to show, already decided."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wz_tasks.codes import Diagnostic
    from wz_tasks.evaluate import DutyResult, Evaluation, TaskResult, UnitResult, UnitView
    from wz_tasks.forecast import Forecast
    from wz_tasks.models import Task
    from wz_tasks.tasklist import TaskList

# (task id, unit) → the unit's forecast on the task's primary indicator (None: too few values)
Forecasts = dict[tuple[int, str], "Forecast | None"]

STALE = "stale"


def unit_forecast(task: Task, u: UnitResult, day: dt.date) -> Forecast | None:
    """When `u` reaches the next target of the task's primary indicator at its recent pace,
    fitted exactly as the bulletin fits it (SPEC §11 item 6): the same series, target and day."""
    from wz_tasks.bulletin import next_target
    from wz_tasks.forecast import forecast
    from wz_tasks.schedule.indicator import IndicatorSchedule

    ind = task.indicators[0]
    points = IndicatorSchedule(task, ind).series(u.history)
    return forecast(points, next_target(ind, day), day)


def forecasts(ev: Evaluation, tasks: tuple[TaskResult, ...] | None = None) -> Forecasts:
    """The forecast of every lead unit on every measure with indicators."""
    day = ev.evaluated_on or ev.as_of
    return {
        (r.task.id, u.unit): unit_forecast(r.task, u, day)
        for r in (ev.tasks if tasks is None else tasks)
        if r.task.indicators
        for u in r.units
    }


def select(r: TaskResult | DutyResult, only: set[str] | None) -> tuple[UnitResult, ...]:
    """The units `--only` keeps of a task or duty (none: it is not shown).

    A status selects the task by its task-level status, with all its units; `stale` selects the
    units whose reporting is late or missing, whatever their progress (SPEC §9)."""
    if not only or r.status in only - {STALE}:
        return r.units
    if STALE in only:
        return tuple(u for u in r.units if u.stale)
    return ()


def _wanted(u: UnitResult, only: set[str] | None) -> bool:
    return not only or u.status in only - {STALE} or (STALE in only and u.stale)


@dataclass(frozen=True)
class StatusResult:
    ev: Evaluation
    tl: TaskList
    invalid: dict[str, list[Diagnostic]]
    only: set[str] | None = None
    forecasts: Forecasts = field(default_factory=dict)

    def shown(self) -> list[tuple[TaskResult, tuple[UnitResult, ...]]]:
        """The tasks `--only` keeps, each with the units it keeps."""
        return [(r, units) for r in self.ev.tasks if (units := select(r, self.only))]


@dataclass(frozen=True)
class ReportResult:
    view: UnitView
    as_of: dt.date
    tl: TaskList
    invalid: dict[str, list[Diagnostic]]
    evaluated_on: dt.date | None = None  # the policy's expiry when as_of is later
    duties: tuple[tuple[DutyResult, UnitResult], ...] = ()  # its own result on each duty
    forecasts: Forecasts = field(default_factory=dict)

    @property
    def expired(self) -> bool:
        return self.evaluated_on is not None and self.evaluated_on < self.as_of

    @property
    def pending(self) -> list[Pending]:
        """Items done but not yet closed (待销号, SPEC §10.4), where the policy asks for it."""
        if not self.tl.policy.sign_off:
            return []
        out = [Pending("task", r.task.id, r.task.measure, u) for r, u in self.view.lead]
        out += [Pending("duty", d.duty.key, d.duty.text, u) for d, u in self.duties]
        return [p for p in out if p.result.pending_sign_off]


@dataclass(frozen=True)
class Pending:
    kind: str  # "task" | "duty"
    key: int | str
    text: str  # the measure or the duty's text
    result: UnitResult


@dataclass(frozen=True)
class DutiesResult:
    ev: Evaluation
    tl: TaskList
    invalid: dict[str, list[Diagnostic]]
    unit: str | None = None  # only the duties this unit reports, with its own result
    only: set[str] | None = None  # `--only`, as for status

    def shown(self) -> list[tuple[DutyResult, tuple[UnitResult, ...]]]:
        out = []
        for d in self.ev.duties:
            if self.unit is None:
                units = select(d, self.only)
            else:  # the unit's own status decides, as in `report`
                units = tuple(u for u in d.units if u.unit == self.unit and _wanted(u, self.only))
            if units:
                out.append((d, units))
        return out


@dataclass(frozen=True)
class TasksResult:
    tl: TaskList


@dataclass(frozen=True)
class ShowResult:
    tl: TaskList
    task: Task
    result: TaskResult
    invalid: dict[str, list[Diagnostic]]
    forecasts: Forecasts = field(default_factory=dict)
    evaluated_on: dt.date | None = None
    expired: bool = False  # as_of is after the policy's expiry: evaluated as of `evaluated_on`


@dataclass(frozen=True)
class UnitsResult:
    tl: TaskList


@dataclass(frozen=True)
class CheckResult:
    files: int
    diagnostics: list[Diagnostic]
