"""WZ201 value-decreased (a warning): a value lower than the same unit's previous report.

Compared per unit, task and indicator over the valid reports in date order.

PASS::

    2025-11-20:  - task: 4, value: 55
    2025-12-20:  - task: 4, value: 62

FAIL::

    2025-11-20:  - task: 4, value: 62
    2025-12-20:  - task: 4, value: 55
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from wz_tasks.codes import Diagnostic
from wz_tasks.load import ParsedReport
from wz_tasks.models import Entry, Indicator, Task, indicator_value
from wz_tasks.rules.context import indicator_name, value_text
from wz_tasks.tasklist import TaskList

IDS = ("WZ201",)

_Point = tuple[dt.date, float, str, ParsedReport, tuple[Any, ...]]


def _where_value(task: Task, ind: Indicator, i: int, entry: Entry) -> tuple[Any, ...]:
    """Where entry `i` gives the indicator's value: `value`, `values.<key>`, or the ratio."""
    if ind is task.indicators[0] and entry.value is not None:
        return ("entries", i, "value")
    if entry.values and ind.key in entry.values:
        return ("entries", i, "values", ind.key)
    return ("entries", i)


def check(tl: TaskList, reports: list[tuple[ParsedReport, str]]) -> Iterator[Diagnostic]:
    """`reports`: the valid reports, with their canonical units."""
    series: dict[tuple[str, int, str], list[_Point]] = defaultdict(list)
    for pr, unit in reports:
        assert pr.report is not None
        for i, entry in enumerate(pr.report.entries):
            if entry.task is None:
                continue  # a duty: no figures
            task = tl.tasks[entry.task]
            for ind in task.indicators:
                v = indicator_value(task, ind, entry)
                if v is not None:
                    text = value_text(task, ind, entry, v)
                    where = _where_value(task, ind, i, entry)
                    series[(unit, task.id, ind.key)].append((pr.report.date, v, text, pr, where))
    for (_unit, task_id, key), points in series.items():
        points.sort(key=lambda p: p[0])
        found = tl.tasks[task_id].indicator(key)
        assert found is not None
        for (d0, v0, t0, pr0, _), (_d1, v1, t1, pr1, where) in itertools.pairwise(points):
            if v1 < v0:
                params = {
                    "indicator": indicator_name(found),
                    "before": t0,
                    "before_date": d0,
                    "before_file": pr0.path,
                    "value": t1,
                }
                yield pr1.at("WZ201", params, *where)
