"""Results as plain data: the stable JSON shapes of SPEC §5, and the rows CSV is made of."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

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
from wz_tasks.labels import LIGHTS, t
from wz_tasks.models import Task
from wz_tasks.render.words import detail
from wz_tasks.tasklist import TaskList

if TYPE_CHECKING:
    from wz_tasks.render import Page
    from wz_tasks.render.results import (
        ReportResult,
        ShowResult,
        StatusResult,
        TasksResult,
        UnitsResult,
    )


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


_CSV_COLUMNS = (
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
)


def status_rows(ev: Evaluation, lang: str, only: set[str] | None = None) -> list[list[Any]]:
    """One row per task and lead unit, for CSV: headers and status words in `lang`."""
    rows: list[list[Any]] = [[t(f"csv.{c}", lang) for c in _CSV_COLUMNS]]
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
                    t(r.status, lang),
                    t(u.status, lang),
                    t(u.light, lang),
                    detail(u, lang),
                    d.value if d else None,
                    d.target if d else None,
                    iso(d.due) if d else None,
                    iso(u.last_report),
                ]
            )
    return rows


# --- the registered JSON renderers -------------------------------------------------------


def dumps(data: Any, page: Page) -> str:
    """Indented for a person at a terminal; compact for a program (json's C encoder, 5x faster)."""
    indent = 2 if page.terminal else None
    return json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n"


def status_json(result: StatusResult, page: Page) -> str:
    return dumps(status(result.ev, result.invalid, page.lang, result.only), page)


def report_json(result: ReportResult, page: Page) -> str:
    return dumps(report(result.view, result.as_of, result.invalid, page.lang), page)


def tasks_json(result: TasksResult, page: Page) -> str:
    return dumps([task(result.tl, x) for x in result.tl.tasks.values()], page)


def units_json(result: UnitsResult, page: Page) -> str:
    return dumps(units(result.tl), page)


def show_json(result: ShowResult, page: Page) -> str:
    r = result.result
    out = task(result.tl, result.task)
    out.update(task_result(r, page.lang))
    out["history"] = sorted(
        (
            [{"unit": u.unit, **entry(f)} for u in r.units for f in u.history]
            + [{"unit": n, **entry(f)} for n, h in r.supporters for f in h]
        ),
        key=lambda e: (e["date"], e["unit"]),
    )
    out["invalid_files"] = invalid_files(result.invalid, page.lang)
    return dumps(out, page)
