"""Calendar periods (SPEC §10.1): ISO weeks, months, quarters, halves and years, each with a
deadline inside it, and the labels people write for them (2026-W05, 2026-01, 2025-Q4, 2025-H2,
2025). The calendar arithmetic is python-dateutil's (rrule for the starts, relativedelta for the
ends); this module only names things.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule

_MONTHS = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}
# How long each kind is, in days, for the due-soon window (a third of the period).
LENGTH_DAYS = {"week": 7, "month": 30, "quarter": 91, "half_year": 182, "year": 365}


@dataclass(frozen=True)
class Period:
    label: str
    start: dt.date
    end: dt.date  # the last day
    deadline: dt.date

    def holds(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def start_of(every: str, day: dt.date) -> dt.date:
    """The start of the period of this kind that holds `day`."""
    if every == "week":
        return day - dt.timedelta(days=day.isoweekday() - 1)
    months = _MONTHS[every]
    return dt.date(day.year, (day.month - 1) // months * months + 1, 1)


def _end_of(every: str, start: dt.date) -> dt.date:
    if every == "week":
        return start + dt.timedelta(days=6)
    end: dt.date = start + relativedelta(months=_MONTHS[every], days=-1)
    return end


def label(every: str, start: dt.date) -> str:
    if every == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if every == "month":
        return f"{start.year}-{start.month:02d}"
    if every == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    if every == "half_year":
        return f"{start.year}-H{(start.month - 1) // 6 + 1}"
    return str(start.year)


def deadline(
    every: str,
    start: dt.date,
    month: int | None = None,
    day: int | None = None,
    weekday: int | None = None,
) -> dt.date:
    """The deadline inside the period that starts at `start`: its `month`-th month and that `day`
    (clamped to the month's length), the `weekday` (1 = Monday) of a week, else its last day."""
    end = _end_of(every, start)
    if every == "week":
        return start + dt.timedelta(days=weekday - 1) if weekday else end
    if month is None and day is None:
        return end
    first: dt.date = start + relativedelta(months=(month or _MONTHS[every]) - 1)
    last = calendar.monthrange(first.year, first.month)[1]
    return min(first.replace(day=min(day or last, last)), end)


def periods(
    every: str,
    start: dt.date,
    until: dt.date,
    month: int | None = None,
    day: int | None = None,
    weekday: int | None = None,
) -> list[Period]:
    """Every period of this kind from the first whole one starting on or after `start` to the
    last one starting on or before `until`."""
    first = start_of(every, start)
    if first < start:
        first = start_of(every, _end_of(every, first) + dt.timedelta(days=1))
    if first > until:
        return []
    rule = (
        rrule(WEEKLY, dtstart=first, until=until)
        if every == "week"
        else rrule(MONTHLY, interval=_MONTHS[every], dtstart=first, until=until)
    )
    out = []
    for moment in rule:
        s = moment.date()
        out.append(
            Period(label(every, s), s, _end_of(every, s), deadline(every, s, month, day, weekday))
        )
    return out


_LABEL = re.compile(
    r"^(?P<year>\d{4})(?:-(?:W(?P<week>\d{2})|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<month>\d{2})))?$"
)


def parse_label(text: str) -> tuple[str, dt.date] | None:
    """`2025-Q4` → ("quarter", 2025-10-01); None when it is no period label."""
    m = _LABEL.match(text.strip())
    if m is None:
        return None
    year = int(m["year"])
    try:
        if m["week"]:
            return "week", dt.date.fromisocalendar(year, int(m["week"]), 1)
        if m["quarter"]:
            return "quarter", dt.date(year, (int(m["quarter"]) - 1) * 3 + 1, 1)
        if m["half"]:
            return "half_year", dt.date(year, (int(m["half"]) - 1) * 6 + 1, 1)
        if m["month"]:
            return "month", dt.date(year, int(m["month"]), 1)
        return "year", dt.date(year, 1, 1)
    except ValueError:
        return None
