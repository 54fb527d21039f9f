"""A recurring duty (SPEC §10.1): 每月 / 每季度 / 每年…, each calendar period judged on its own.

An entry counts for the period that holds its date, or for the one its `period:` names. A period
is done when an entry for it says `status: done` dated (or `done_on`) on or before the period's
deadline, done late when later, overdue when the deadline passed without one. The part's status
is the worse of the last ended period and the current one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wz_tasks.periods import LENGTH_DAYS, Period, parse_label, periods
from wz_tasks.schedule import Context, Filed, Part, PeriodVerdict
from wz_tasks.status import Status, worst


@dataclass(frozen=True)
class Recurring:
    every: str
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    start: dt.date | None = None  # `from`; default the policy's effective date
    until: dt.date | None = None  # default the policy's expiry
    key: str = "recurring"
    ends: bool = False

    @classmethod
    def of(cls, item: Any) -> Recurring:
        """The recurrence a task or duty declares with every/by/from/until, or a reporting
        rhythm with every/by (SPEC §10.1, §10.3)."""
        by = item.by
        return cls(
            item.every,
            by.month if by else None,
            by.day if by else None,
            by.weekday if by else None,
            getattr(item, "from_", None),
            getattr(item, "until", None),
        )

    def periods(self, effective: dt.date, expires: dt.date) -> list[Period]:
        return periods(
            self.every,
            self.start or effective,
            self.until or expires,
            self.month,
            self.day,
            self.weekday,
        )

    def period_of(self, filed: Filed) -> dt.date | None:
        """The start of the period an entry counts for; None when its `period:` names another
        kind of period (the rules reject that)."""
        if filed.entry.period:
            named = parse_label(filed.entry.period)
            return named[1] if named and named[0] == self.every else None
        return None

    def judge(self, history: tuple[Filed, ...], ctx: Context) -> Part:
        window = min(ctx.window, LENGTH_DAYS[self.every] // 3)
        found = self.periods(ctx.effective, ctx.expires)
        started = [p for p in found if p.start <= ctx.as_of]
        verdicts = tuple(self._verdict(p, history, ctx.as_of, window) for p in started)
        if not verdicts:
            first = found[0] if found else None
            return Part(
                self.key,
                "recurring",
                Status.ON_TRACK,
                due=first.deadline if first else None,
                days=(first.deadline - ctx.as_of).days if first else None,
            )
        current = verdicts[-1] if started[-1].end >= ctx.as_of else None
        ended = [v for v in verdicts if v.end < ctx.as_of]
        judged = [v for v in (ended[-1] if ended else None, current) if v is not None]
        status = worst(v.status for v in judged)
        deciding = next(v for v in judged if v.status is status)
        if status is Status.OVERDUE:
            days: int | None = (ctx.as_of - deciding.deadline).days
        elif status.done:
            days = max(0, ((deciding.date or deciding.deadline) - deciding.deadline).days)
        else:
            days = (deciding.deadline - ctx.as_of).days
        return Part(
            self.key,
            "recurring",
            status,
            due=deciding.deadline,
            days=days,
            done_on=deciding.date if status.done else None,
            periods=verdicts,
        )

    def _verdict(
        self, period: Period, history: tuple[Filed, ...], as_of: dt.date, window: int
    ) -> PeriodVerdict:
        done = [
            f.entry.done_on or f.date
            for f in history
            if f.entry.status == "done"
            and (self.period_of(f) == period.start or (not f.entry.period and period.holds(f.date)))
        ]
        if done:
            when = min(done)
            status = Status.DONE if when <= period.deadline else Status.DONE_LATE
            return PeriodVerdict(
                period.label, period.start, period.end, period.deadline, status, when
            )
        if period.deadline < as_of:
            status = Status.OVERDUE
        elif (period.deadline - as_of).days <= window:
            status = Status.DUE_SOON
        else:
            status = Status.ON_TRACK
        return PeriodVerdict(period.label, period.start, period.end, period.deadline, status, None)
