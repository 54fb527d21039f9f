"""Reporting is its own axis (SPEC §9, §10.3): whether a unit reports on time for an item it
leads, whatever the item's progress. Reports fall due every N days after the last one, or by a
calendar rhythm (每季度末月25日前); consecutive misses climb the policy's escalation levels.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from wz_tasks.models import Level, Policy

State = Literal["on_time", "late", "missing"]


@dataclass(frozen=True)
class ReportingPeriod:
    """One calendar reporting period and how it was met."""

    label: str
    start: dt.date
    end: dt.date
    deadline: dt.date
    state: State | None  # None while its deadline has not passed and nothing came
    date: dt.date | None  # the first report in it


@dataclass(frozen=True)
class Reporting:
    last_report: dt.date | None
    days_since: int  # since the last report, or since the policy took effect
    next_due: dt.date | None  # when the next report is (or was) due; None once nothing is owed
    state: State
    missed_in_a_row: int
    escalation: str | None
    periods: tuple[ReportingPeriod, ...] = ()

    @property
    def behind(self) -> bool:
        """Late or missing: what `--only stale` selects."""
        return self.state != "on_time"


def escalation(levels: Sequence[Level], missed: int) -> str | None:
    """The highest level reached after `missed` misses in a row."""
    reached = [lv for lv in levels if lv.missed <= missed]
    return max(reached, key=lambda lv: lv.missed).level if reached else None


def reporting(
    dates: Sequence[dt.date], policy: Policy, interval: int, as_of: dt.date, owed: bool
) -> Reporting:
    """The reporting state of one unit on one item from its report dates (oldest first).

    `owed`: whether reports are still owed (an item done for good owes none). Nothing is owed
    before the policy takes effect; `as_of` is never after its expiry (the caller caps it).
    """
    last = dates[-1] if dates else None
    since = (as_of - (last or policy.effective)).days
    if not owed or as_of < policy.effective:
        return Reporting(last, since, None, "on_time", 0, None)
    if policy.reporting is not None:
        return _by_calendar(dates, policy, as_of, since)
    due = (last or policy.effective) + dt.timedelta(days=interval)
    if as_of <= due:
        return Reporting(last, since, due, "on_time", 0, None)
    missed = (since - 1) // interval
    state: State = "late" if last is not None else "missing"
    return Reporting(last, since, due, state, missed, escalation(policy.escalation, missed))


def _by_calendar(dates: Sequence[dt.date], policy: Policy, as_of: dt.date, since: int) -> Reporting:
    from wz_tasks.schedule.recurring import Recurring

    found = Recurring.of(policy.reporting).periods(policy.effective, policy.expires)
    judged: list[ReportingPeriod] = []
    for period in found:
        first = next((d for d in dates if period.start <= d <= period.end), None)
        state: State | None
        if first is not None and first <= period.deadline:
            state = "on_time"
        elif first is not None:
            state = "late"
        else:
            state = "missing" if period.deadline < as_of else None
        judged.append(
            ReportingPeriod(period.label, period.start, period.end, period.deadline, state, first)
        )
        if period.start > as_of:
            break  # enough: up to the first period still to come
    passed = [p for p in judged if p.deadline < as_of]
    missed = 0
    for p in reversed(passed):
        if p.state != "missing":
            break
        missed += 1
    state_now: State = passed[-1].state or "on_time" if passed else "on_time"
    pending = [p for p in judged if p.deadline >= as_of and p.date is None]
    next_due = pending[0].deadline if pending else None
    if missed:  # owed since the first missed deadline
        next_due = passed[-missed].deadline
    last = dates[-1] if dates else None
    return Reporting(
        last,
        since,
        next_due,
        state_now,
        missed,
        escalation(policy.escalation, missed),
        tuple(judged),
    )
