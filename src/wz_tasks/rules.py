"""The rules `check` applies to progress files once the task list is known (SPEC §6).

Reading and schema problems come from load.py; here are the rules that need the task list, the
as-of date, or the other files. The codes and messages are in codes.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from wz_tasks.codes import Diagnostic
from wz_tasks.load import ParsedReport
from wz_tasks.models import Entry, Indicator, Submission, Task, indicator_value
from wz_tasks.tasklist import TaskList


@dataclass
class Checked:
    """All files' diagnostics, sorted, and the reports that may be counted."""

    diagnostics: list[Diagnostic]
    submissions: list[Submission]
    invalid: dict[str, list[Diagnostic]]  # path -> its diagnostics, files with errors only


def _hint_units(tl: TaskList, name: str) -> dict[str, str]:
    near = tl.registry.suggest(name)
    if near:
        return {
            "zh": "是不是 " + "、".join(near) + "?",
            "en": "Did you mean " + ", ".join(near) + "?",
        }
    return {"zh": "请用 wz-tasks units 查看单位名称。", "en": "See wz-tasks units for the names."}


def _number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _entry_rules(
    tl: TaskList, pr: ParsedReport, i: int, entry: Entry, task: Task, date: dt.date | None
) -> list[Diagnostic]:
    """The rules on one entry's figures, `done` and `done_on`; an entry with none of them (most
    entries: text only) has nothing to check."""
    if (
        entry.value is None
        and entry.numerator is None
        and entry.denominator is None
        and entry.values is None
        and entry.done_on is None
        and entry.status != "done"
    ):
        return []
    return list(_entry_findings(tl, pr, i, entry, task, date))


def _entry_findings(
    tl: TaskList, pr: ParsedReport, i: int, entry: Entry, task: Task, date: dt.date | None
) -> Iterator[Diagnostic]:
    path = pr.path
    doc = pr.doc
    assert doc is not None
    base = ("entries", i)

    def at(*p: Any, key: bool = False) -> tuple[str, int, int]:
        full = (*base, *p)
        if key and full in doc.key_locs:
            return (path, *doc.key_locs[full])
        return (path, *doc.loc(full))

    given = [
        f for f in ("value", "numerator", "denominator", "values") if getattr(entry, f) is not None
    ]
    if not task.indicators:
        for f in given:
            yield Diagnostic(*at(f, key=True), "WZ111", {"task": task.id, "field": f})
    else:
        primary = task.indicators[0]
        checks: list[tuple[tuple[Any, ...], float, Any]] = []
        if entry.value is not None:
            checks.append((("value",), entry.value, primary))
        for key, val in (entry.values or {}).items():
            ind = task.indicator(key)
            if ind is None:
                keys = "、".join(i.key for i in task.indicators)
                yield Diagnostic(
                    *at("values", key, key=True),
                    "WZ115",
                    {
                        "task": task.id,
                        "key": key,
                        "hint": {"zh": f"本任务的指标代码:{keys}", "en": f"Its indicators: {keys}"},
                    },
                )
            else:
                checks.append((("values", key), val, ind))
        for where, val, ind in checks:
            name = {"zh": ind.name, "en": ind.key}
            if ind.kind == "percent" and not 0 <= val <= 100:
                yield Diagnostic(
                    *at(*where),
                    "WZ109",
                    {
                        "field": where[-1],
                        "value": _number(val),
                        "indicator": name,
                        "range": {
                            "zh": "百分比,应在 0 到 100 之间",
                            "en": "a percentage, 0 to 100",
                        },
                    },
                )
            elif ind.kind == "count" and val < 0:
                yield Diagnostic(
                    *at(*where),
                    "WZ109",
                    {
                        "field": where[-1],
                        "value": _number(val),
                        "indicator": name,
                        "range": {"zh": "个数,不能小于 0", "en": "a count, 0 or more"},
                    },
                )
            elif ind.kind == "count" and not float(val).is_integer():
                yield Diagnostic(
                    *at(*where),
                    "WZ110",
                    {"field": where[-1], "value": _number(val), "indicator": name},
                )
        num, den = entry.numerator, entry.denominator
        if num is not None or den is not None:
            name = {"zh": primary.name, "en": primary.key}
            first = "numerator" if num is not None else "denominator"
            if primary.kind == "count":
                yield Diagnostic(*at(first, key=True), "WZ112", {"indicator": name})
            elif num is None or den is None:
                yield Diagnostic(
                    *at(first, key=True),
                    "WZ113",
                    {
                        "why": {
                            "zh": "numerator 和 denominator 要同时填写",
                            "en": "give both numerator and denominator",
                        }
                    },
                )
            elif den <= 0 or num < 0:
                yield Diagnostic(
                    *at("denominator" if den <= 0 else "numerator"),
                    "WZ113",
                    {
                        "why": {
                            "zh": "分母应大于 0,分子不能为负",
                            "en": "denominator must be > 0, numerator ≥ 0",
                        }
                    },
                )
            elif num > den:
                yield Diagnostic(
                    *at("numerator"),
                    "WZ113",
                    {
                        "why": {
                            "zh": f"分子 {_number(num)} 大于分母 {_number(den)}",
                            "en": f"numerator {_number(num)} exceeds denominator {_number(den)}",
                        }
                    },
                )
            elif entry.value is not None and abs(entry.value - num / den * 100) > 0.5:
                computed = round(num / den * 100, 1)
                yield Diagnostic(
                    *at("value"),
                    "WZ114",
                    {"value": _number(entry.value), "computed": _number(computed)},
                )
    if entry.status == "done" and not task.completes:
        yield Diagnostic(*at("status"), "WZ116", {"task": task.id, "deadline": task.deadline_text})
    if entry.done_on is not None and entry.status != "done":
        yield Diagnostic(*at("done_on", key=True), "WZ122", {})
    if entry.done_on is not None and date is not None and entry.done_on > date:
        yield Diagnostic(*at("done_on"), "WZ117", {"done_on": entry.done_on, "date": date})
    if entry.status == "done" and task.indicators:
        for ind in task.indicators:
            v = indicator_value(task, ind, entry)
            final = ind.milestones[-1].target
            if v is not None and math.isfinite(v) and v < final:
                yield Diagnostic(
                    *at("status"),
                    "WZ202",
                    {
                        "indicator": {"zh": ind.name, "en": ind.key},
                        "value": _number(v),
                        "target": _number(final),
                    },
                )


def _file_rules(
    tl: TaskList, pr: ParsedReport, as_of: dt.date | None
) -> tuple[list[Diagnostic], str | None]:
    """Rules on the valid parts of one report; its diagnostics and its canonical unit."""
    usable = pr.usable
    assert usable is not None
    out: list[Diagnostic] = []
    unit = None
    if usable.unit is not None:
        resolved = tl.registry.resolve(usable.unit)
        if resolved is None:
            hint = _hint_units(tl, usable.unit)
            out.append(pr.at("WZ106", {"unit": usable.unit, "hint": hint}, "unit"))
        elif resolved.is_group:
            members = "、".join(resolved.members)
            out.append(pr.at("WZ107", {"unit": resolved.name, "members": members}, "unit"))
        else:
            unit = resolved.name
    date = usable.date
    if date is not None and date < tl.policy.effective:
        out.append(pr.at("WZ119", {"date": date, "effective": tl.policy.effective}, "date"))
    out += _future(pr, date, as_of)
    first: dict[int, int] = {}  # task -> index of its first entry
    ids = sorted(tl.tasks)
    for i, entry in usable.entries:
        task = tl.tasks.get(entry.task)
        where = ("entries", i, "task")
        if task is None:
            known = {"task": entry.task, "first": ids[0], "last": ids[-1]}
            out.append(pr.at("WZ104", known, *where))
            continue
        if entry.task in first:
            first_line = pr.loc("entries", first[entry.task], "task")[0]
            out.append(pr.at("WZ120", {"task": entry.task, "first": first_line}, *where))
            continue
        first[entry.task] = i
        if unit is not None and not tl.involves(unit, task):
            params = {
                "unit": unit,
                "task": task.id,
                "lead": "、".join(task.lead),
                "support": "、".join(task.support) or "—",
            }
            out.append(pr.at("WZ108", params, *where))
        out += _entry_rules(tl, pr, i, entry, task, date)
    return out, unit


def _future(pr: ParsedReport, date: dt.date | None, as_of: dt.date | None) -> list[Diagnostic]:
    """`check` rejects a report dated after D (the one rule that depends on the day)."""
    if date is None or as_of is None or date <= as_of:
        return []
    return [pr.at("WZ118", {"date": date, "as_of": as_of}, "date")]


def check_reports(
    tl: TaskList, parsed: list[ParsedReport], as_of: dt.date, future_is_error: bool
) -> Checked:
    """Apply every rule to every file; a file with an error is left out of the submissions.

    `future_is_error`: `check` rejects a report dated after D; status merely does not count it.
    """
    by_path: dict[str, list[Diagnostic]] = {pr.path: list(pr.diagnostics) for pr in parsed}
    units: dict[str, str] = {}
    day = as_of if future_is_error else None
    for pr in parsed:
        if pr.usable is None:
            continue
        clean_before = pr.report is not None and not pr.diagnostics and bool(tl.key)
        unit: str | None
        if clean_before and tl.key in pr.passed:  # this content passed under this task list
            diags, unit = _future(pr, pr.usable.date, day), pr.passed[tl.key]
        else:
            diags, unit = _file_rules(tl, pr, day)
            if clean_before and unit is not None and all(d.code == "WZ118" for d in diags):
                pr.passed[tl.key] = unit
                pr.learned = True
        by_path[pr.path] += diags
        if unit is not None:
            units[pr.path] = unit
    usable = [pr for pr in parsed if pr.path in units and pr.report is not None]
    # Two files from the same unit for the same date: both are rejected, each naming the other.
    same_day: dict[tuple[str, dt.date], list[ParsedReport]] = defaultdict(list)
    for pr in usable:
        assert pr.report is not None
        same_day[(units[pr.path], pr.report.date)].append(pr)
    for (unit, date), group in same_day.items():
        for pr in group if len(group) > 1 else ():
            others = ", ".join(o.path for o in group if o is not pr)
            by_path[pr.path].append(
                Diagnostic(
                    pr.path, *pr.loc("date"), "WZ121", {"unit": unit, "date": date, "other": others}
                )
            )
    valid = [pr for pr in usable if not any(d.severity == "error" for d in by_path[pr.path])]
    by_path_warnings = _decreases(tl, valid, units)
    for path, diags in by_path_warnings.items():
        by_path[path] += diags
    diagnostics = sorted((d for ds in by_path.values() for d in ds), key=Diagnostic.sort_key)
    invalid = {
        p: sorted(ds, key=Diagnostic.sort_key)
        for p, ds in by_path.items()
        if any(d.severity == "error" for d in ds)
    }
    submissions = [
        Submission(units[pr.path], pr.report, pr.path) for pr in valid if pr.report is not None
    ]
    return Checked(diagnostics, submissions, invalid)


def _where_value(task: Task, ind: Indicator, i: int, entry: Entry) -> tuple[Any, ...]:
    """Where entry `i` gives the indicator's value: `value`, `values.<key>`, or the ratio."""
    if ind is task.indicators[0] and entry.value is not None:
        return ("entries", i, "value")
    if entry.values and ind.key in entry.values:
        return ("entries", i, "values", ind.key)
    return ("entries", i)


def _decreases(
    tl: TaskList, valid: list[ParsedReport], units: dict[str, str]
) -> dict[str, list[Diagnostic]]:
    """A value lower than the same unit's previous report for the same indicator (a warning)."""
    series: dict[tuple[str, int, str], list[tuple[dt.date, float, ParsedReport, tuple[Any, ...]]]]
    series = defaultdict(list)
    for pr in valid:
        assert pr.report is not None
        for i, entry in enumerate(pr.report.entries):
            task = tl.tasks[entry.task]
            for ind in task.indicators:
                v = indicator_value(task, ind, entry)
                if v is not None:
                    where = _where_value(task, ind, i, entry)
                    series[(units[pr.path], task.id, ind.key)].append(
                        (pr.report.date, v, pr, where)
                    )
    out: dict[str, list[Diagnostic]] = defaultdict(list)
    for (_unit, task_id, key), points in series.items():
        points.sort(key=lambda p: p[0])
        found = tl.tasks[task_id].indicator(key)
        assert found is not None
        for (d0, v0, pr0, _), (_d1, v1, pr1, where) in itertools.pairwise(points):
            if v1 < v0:
                out[pr1.path].append(
                    Diagnostic(
                        pr1.path,
                        *pr1.loc(*where),
                        "WZ201",
                        {
                            "indicator": {"zh": found.name, "en": found.key},
                            "before": _number(v0),
                            "before_date": d0,
                            "before_file": pr0.path,
                            "value": _number(v1),
                        },
                    )
                )
    return out
