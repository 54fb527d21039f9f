"""Results as plain data: the stable JSON shapes of SPEC §5, and the rows CSV is made of."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wz_tasks.codes import Diagnostic
from wz_tasks.evaluate import (
    Evaluation,
    Filed,
    Part,
    TaskResult,
    UnitResult,
    UnitView,
    worst,
)
from wz_tasks.labels import LIGHTS
from wz_tasks.models import Task
from wz_tasks.render.words import detail
from wz_tasks.tasklist import TaskList


def iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def diagnostic(d: Diagnostic, lang: str) -> dict[str, Any]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "severity": d.severity,
        "code": d.code,
        "name": d.name,
        "message": d.message(lang),
    }


def invalid_files(invalid: dict[str, list[Diagnostic]], lang: str) -> list[dict[str, Any]]:
    return [
        {"path": p, "diagnostics": [diagnostic(d, lang) for d in ds]} for p, ds in invalid.items()
    ]


def part(p: Part) -> dict[str, Any]:
    return {
        "part": p.part,
        "status": p.status,
        "due": iso(p.due),
        "days": p.days,
        "value": p.value,
        "target": p.target,
        "expected": p.expected,
        "done_on": iso(p.done_on),
    }


def entry(f: Filed) -> dict[str, Any]:
    e = f.entry
    return {
        "date": iso(f.date),
        "path": f.path,
        "status": e.status,
        "done_on": iso(e.done_on),
        "value": e.value,
        "values": e.values,
        "numerator": e.numerator,
        "denominator": e.denominator,
        "progress": e.progress,
        "problems": e.problems,
        "next_steps": e.next_steps,
    }


def unit_result(u: UnitResult, lang: str) -> dict[str, Any]:
    d = u.deciding
    return {
        "unit": u.unit,
        "status": u.status,
        "light": u.light,
        "detail": detail(u, lang),
        "value": d.value if d else None,
        "target": d.target if d else None,
        "due": iso(d.due) if d else None,
        "last_report": iso(u.last_report),
        "stale": u.stale,
        "parts": [part(p) for p in u.parts],
        "latest": entry(u.latest) if u.latest else None,
    }


def task_result(
    r: TaskResult,
    lang: str,
    units: tuple[UnitResult, ...] | None = None,
) -> dict[str, Any]:
    shown = r.units if units is None else units
    status = worst(u.status for u in shown) if units is not None else r.status
    return {
        "id": r.task.id,
        "status": status,
        "light": LIGHTS[status],
        "measure": r.task.measure,
        "lead": r.task.lead,
        "deadline_text": r.task.deadline_text,
        "units": [unit_result(u, lang) for u in shown],
        "support": [
            {"unit": name, "latest": entry(h[-1]) if h else None} for name, h in r.supporters
        ],
    }


def status(
    ev: Evaluation, invalid: dict[str, list[Diagnostic]], lang: str, only: set[str] | None = None
) -> dict[str, Any]:
    return {
        "as_of": iso(ev.as_of),
        "summary": ev.summary,
        "tasks": [task_result(r, lang) for r in ev.tasks if not only or r.status in only],
        "invalid_files": invalid_files(invalid, lang),
    }


def report(
    view: UnitView, as_of: dt.date, invalid: dict[str, list[Diagnostic]], lang: str
) -> dict[str, Any]:
    """SPEC §5 `report`: the lead tasks carry this unit's own status, the supported ones the
    task's overall status."""
    return {
        "unit": view.unit,
        "as_of": iso(as_of),
        "lead": [task_result(r, lang, (u,)) for r, u in view.lead],
        "support": [task_result(r, lang) for r, _ in view.support],
        "next_due": [
            {"due": iso(d.due), "days": d.days, "task": d.task.task.id, "part": d.part}
            for d in view.upcoming
        ],
        "unreported": [r.task.id for r, _ in view.unreported],
        "invalid_files": invalid_files(invalid, lang),
    }


def task(tl: TaskList, task: Task) -> dict[str, Any]:
    category = tl.categories[task.category]
    return {
        "id": task.id,
        "category": {"number": category.number, "title": category.title},
        "measure": task.measure,
        "lead": [tl.registry.resolve(n).name for n in task.lead],  # type: ignore[union-attr]
        "support": [tl.registry.resolve(n).name for n in task.support],  # type: ignore[union-attr]
        "deadline_text": task.deadline_text,
        "due": iso(task.final_due),
        "ongoing": task.ongoing,
        "reporting_interval_days": tl.interval(task),
        "indicators": [
            {
                "key": i.key,
                "name": i.name,
                "kind": i.kind,
                "baseline": i.baseline,
                "milestones": [{"due": iso(m.due), "target": m.target} for m in i.milestones],
            }
            for i in task.indicators
        ],
    }


def units(tl: TaskList) -> dict[str, Any]:
    reg = tl.registry
    return {
        "units": [
            {"name": u.name, "kind": u.kind, "aliases": u.aliases, "groups": reg.groups_of(u.name)}
            for u in reg.units.values()
        ],
        "groups": [
            {"name": g.name, "aliases": g.aliases, "members": g.members}
            for g in reg.groups.values()
        ],
    }


def status_rows(ev: Evaluation, lang: str, only: set[str] | None = None) -> list[list[Any]]:
    """One row per task and lead unit, for CSV."""
    rows: list[list[Any]] = [
        [
            "id",
            "measure",
            "unit",
            "deadline",
            "task_status",
            "status",
            "light",
            "detail",
            "value",
            "target",
            "due",
            "last_report",
        ]
    ]
    for r in ev.tasks:
        if only and r.status not in only:
            continue
        for u in r.units:
            d = u.deciding
            rows.append(
                [
                    r.task.id,
                    r.task.measure,
                    u.unit,
                    r.task.deadline_text,
                    r.status,
                    u.status,
                    u.light,
                    detail(u, lang),
                    d.value if d else None,
                    d.target if d else None,
                    iso(d.due) if d else None,
                    iso(u.last_report),
                ]
            )
    return rows
