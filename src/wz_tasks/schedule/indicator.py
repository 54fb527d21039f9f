"""An indicator with dated milestones (e.g. 2025年底达到70%,2026年底达到90%), judged against
its targets and the time-proportional line toward the next one (序时进度, SPEC §3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from wz_tasks.models import Indicator, Task, indicator_value
from wz_tasks.schedule import Context, Filed, Part
from wz_tasks.status import Status


def exact(x: float) -> Fraction:
    """A reported decimal as the person wrote it (0.1 is 1/10, not the nearest double)."""
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


@dataclass(frozen=True)
class IndicatorSchedule:
    task: Task
    indicator: Indicator
    ends: bool = True

    @property
    def key(self) -> str:
        return self.indicator.key

    def values(self, history: tuple[Filed, ...]) -> list[tuple[Filed, float]]:
        """The entries that give this indicator a value, with it, oldest first."""
        task, ind = self.task, self.indicator
        return [(f, v) for f in history if (v := indicator_value(task, ind, f.entry)) is not None]

    def series(self, history: tuple[Filed, ...]) -> tuple[tuple[dt.date, float], ...]:
        """(report date, value) of every entry that gives one: what charts and forecasts use."""
        return tuple((f.date, v) for f, v in self.values(history))

    def judge(self, history: tuple[Filed, ...], ctx: Context) -> Part:
        ind = self.indicator
        values = self.values(history)
        v = values[-1][1] if values else None

        def part(
            status: Status,
            due: dt.date,
            target: float,
            days: int | None = None,
            done_on: dt.date | None = None,
            expected: float | None = None,
        ) -> Part:
            return Part(
                ind.key,
                "indicator",
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
            # Done on the `done_on` of the entry that first reached the target, else its date.
            first = next(f for f, x in values if x >= final.target)
            reached = first.entry.done_on or first.date
            if reached <= final.due:
                return part(Status.DONE, final.due, final.target, 0, reached)
            late = (reached - final.due).days
            return part(Status.DONE_LATE, final.due, final.target, late, reached)
        for ms in ind.milestones:  # a milestone counts as passed only when dated before D
            if ms.due < ctx.as_of and (v is None or v < ms.target):
                return part(Status.OVERDUE, ms.due, ms.target, (ctx.as_of - ms.due).days)
        index = next(i for i, ms in enumerate(ind.milestones) if ms.due >= ctx.as_of)
        nxt = ind.milestones[index]
        left = (nxt.due - ctx.as_of).days
        soon = Status.DUE_SOON if left <= ctx.window else Status.ON_TRACK
        if v is None:
            return part(soon, nxt.due, nxt.target, left)
        if v >= nxt.target:
            return part(Status.ON_TRACK, nxt.due, nxt.target, left)
        line = self.line_at(index, ctx.as_of, ctx.effective)
        if line is not None and exact(v) < line:
            return part(Status.BEHIND, nxt.due, nxt.target, left, expected=round(float(line), 1))
        return part(soon, nxt.due, nxt.target, left)

    def line_at(self, index: int, day: dt.date, effective: dt.date) -> Fraction | None:
        """The time-proportional line (序时进度) toward milestone `index` at `day`: from the
        previous milestone (or the effective date and the baseline) straight to this one."""
        ind = self.indicator
        nxt = ind.milestones[index]
        if index:
            start, base = ind.milestones[index - 1].due, ind.milestones[index - 1].target
        else:
            start, base = effective, ind.baseline
        span = (nxt.due - start).days
        if span <= 0:
            return None
        return exact(base) + (exact(nxt.target) - exact(base)) * Fraction((day - start).days, span)
