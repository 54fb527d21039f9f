"""WZ121 duplicate-report: one report per unit and date, across all files.

Both files are rejected, each naming the other (the unit is compared by its canonical name, so
盐池县 and 盐池县人民政府 are the same unit).

PASS::

    a.yaml:  unit: 盐池县, date: 2025-12-20
    b.yaml:  unit: 盐池县, date: 2025-12-31

FAIL::

    a.yaml:  unit: 盐池县, date: 2025-12-20
    b.yaml:  unit: 盐池县人民政府, date: 2025-12-20
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.load import ParsedReport

IDS = ("WZ121",)


def check(reports: list[tuple[ParsedReport, str]]) -> Iterator[Diagnostic]:
    """`reports`: every report that parsed, with its canonical unit."""
    same_day: dict[tuple[str, dt.date], list[ParsedReport]] = defaultdict(list)
    for pr, unit in reports:
        assert pr.report is not None
        same_day[(unit, pr.report.date)].append(pr)
    for (unit, date), group in same_day.items():
        for pr in group if len(group) > 1 else ():
            others = ", ".join(o.path for o in group if o is not pr)
            yield pr.at("WZ121", {"unit": unit, "date": date, "other": others}, "date")
