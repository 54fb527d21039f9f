"""When a unit reaches its next target at its recent pace (SPEC §11 item 6): a robust line fit.

The fit is Theil–Sen: the slope is the median of the slopes between every pair of reports, the
intercept the median of what is left of each value after the slope. One mistyped or exceptional
report moves it little, where a least-squares line would tilt toward it. Written here rather than
taken from scipy (`scipy.stats.theilslopes`): it is fifteen lines and scipy is not a dependency.

Choices:
- Only values dated on or before the as-of date count; of those, the newest `RECENT` (6 reports,
  a year and a half of quarterly reports). "Since the previous milestone" would leave one or two
  values at the start of each year, too few to fit.
- At least three values (from at least two dates) are needed for a fit; fewer → no forecast.
- Already at or above the target (the newest value): `reaches` is the date of the earliest report
  at or above it, as SPEC §3 dates a late `done`; nothing is fitted, so this needs one value only.
- A slope ≤ 0 (stalled or falling), or one so flat the date would pass the calendar's end: never
  reaches, `late`.
- The fitted day is rounded up to a whole day, and is never before the day after the as-of date
  (the newest value is below the target, so it has not been reached by then).
- `late` is `reaches > by`: reaching the target on the milestone day itself is in time.
- A single jump in the newest report is not yet a pace: the median ignores one point out of line,
  so it needs a second report at the new level to count.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

RECENT = 6
MIN_VALUES = 3


@dataclass(frozen=True)
class Forecast:
    """Target `target` due `by`; the unit `reaches` it then (None: never at this pace)."""

    target: float
    by: dt.date
    reaches: dt.date | None
    late: bool

    def as_json(self) -> dict[str, object]:
        """The JSON shape of SPEC §11: {"target", "by", "reaches", "late"} with ISO dates."""
        return {
            "target": self.target,
            "by": self.by.isoformat(),
            "reaches": None if self.reaches is None else self.reaches.isoformat(),
            "late": self.late,
        }


def theil_sen(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
    """(slope, intercept) of the Theil–Sen line through (x, y); None without two distinct x."""
    slopes = [
        (y2 - y1) / (x2 - x1)
        for i, (x1, y1) in enumerate(points)
        for x2, y2 in points[i + 1 :]
        if x2 != x1
    ]
    if not slopes:
        return None
    slope = median(slopes)
    return slope, median(y - slope * x for x, y in points)


def forecast(
    series: Sequence[tuple[dt.date, float]],
    target: tuple[dt.date, float],
    as_of: dt.date,
    *,
    recent: int = RECENT,
) -> Forecast | None:
    """When the unit's values (oldest first) reach `target` = (by, value), as of `as_of`.

    None when there are fewer than three values to fit and the target is not yet reached.
    """
    by, goal = target
    known = [(day, v) for day, v in series if day <= as_of and math.isfinite(v)]
    if known and known[-1][1] >= goal:
        first = min(day for day, v in known if v >= goal)
        return Forecast(goal, by, first, first > by)
    window = known[-recent:]
    if len(window) < MIN_VALUES:
        return None
    origin = window[0][0]
    fit = theil_sen([((day - origin).days, v) for day, v in window])
    if fit is None:
        return None
    slope, intercept = fit
    if slope <= 0:
        return Forecast(goal, by, None, True)
    # Less a hair, so a line that meets the target exactly on a day is not pushed to the next.
    days = math.ceil((goal - intercept) / slope - 1e-9)
    if days > (dt.date.max - origin).days:
        return Forecast(goal, by, None, True)
    reaches = origin + dt.timedelta(days=max(days, (as_of - origin).days + 1))
    return Forecast(goal, by, reaches, reaches > by)
