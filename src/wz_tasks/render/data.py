"""Results as plain data: the stable JSON shapes of SPEC §5, and the rows CSV is made of."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from wz_tasks.codes import Diagnostic
from wz_tasks.evaluate import (
    DutyResult,
    Filed,
    Part,
    TaskResult,
    UnitResult,
    worst,
)
from wz_tasks.labels import LIGHTS, t
from wz_tasks.models import Task
from wz_tasks.render.words import detail
from wz_tasks.schedule import PeriodVerdict
from wz_tasks.tasklist import TaskList

if TYPE_CHECKING:
    from wz_tasks.forecast import Forecast
    from wz_tasks.render import Page
    from wz_tasks.render.results import (
        DutiesResult,
        Forecasts,
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


def reporting(u: UnitResult) -> dict[str, Any]:
    """SPEC §9: the reporting axis, whatever the progress status."""
    rep = u.reporting
    return {
        "last_report": iso(rep.last_report),
        "days_since": rep.days_since,
        "next_due": iso(rep.next_due),
        "state": rep.state,
        "missed_in_a_row": rep.missed_in_a_row,
        "escalation": rep.escalation,
    }


def period(p: PeriodVerdict) -> dict[str, Any]:
    return {
        "label": p.label,
        "start": iso(p.start),
        "end": iso(p.end),
        "deadline": iso(p.deadline),
        "status": p.status,
        "date": iso(p.date),
    }


def unit_result(
    u: UnitResult, lang: str, forecast: Forecast | None = None, indicators: bool = False
) -> dict[str, Any]:
    """A unit object (SPEC §5, §9, §10): `forecast` only on a measure with `indicators`."""
    d = u.deciding
    out = {
        "unit": u.unit,
        "status": u.status,
        "light": u.light,
        "detail": detail(u, lang),
        "value": d.value if d else None,
        "target": d.target if d else None,
        "due": iso(d.due) if d else None,
        "last_report": iso(u.last_report),
        "stale": u.stale,
        "done_on": iso(u.done_on),
        "days_late": u.days_late,
        "days_overdue": u.days_overdue if u.status == "overdue" else None,
        "reporting": reporting(u),
        "periods": [period(p) for p in u.periods],
        "pending_sign_off": u.pending_sign_off,
        "signed_off": iso(u.signed_off),
        "parts": [part(p) for p in u.parts],
        "latest": entry(u.latest) if u.latest else None,
    }
    if indicators:
        out["forecast"] = None if forecast is None else forecast.as_json()
    return out


def task_result(
    r: TaskResult,
    lang: str,
    units: tuple[UnitResult, ...] | None = None,
    forecasts: Forecasts | None = None,
    own: bool = False,
) -> dict[str, Any]:
    """A task object; `units` the ones shown (all by default), `own`: the task's status is
    theirs (report's lead tasks) rather than the task's overall one."""
    shown = r.units if units is None else units
    status = worst(u.status for u in shown) if own else r.status
    found = forecasts or {}
    return {
        "id": r.task.id,
        "status": status,
        "light": LIGHTS[status],
        "measure": r.task.measure,
        "lead": r.task.lead,
        "deadline_text": r.task.deadline_text,
        "units": [
            unit_result(u, lang, found.get((r.task.id, u.unit)), bool(r.task.indicators))
            for u in shown
        ],
        "support": [
            {"unit": name, "latest": entry(h[-1]) if h else None} for name, h in r.supporters
        ],
    }


def duty_result(d: DutyResult, units: tuple[UnitResult, ...], lang: str) -> dict[str, Any]:
    """SPEC §10.2: a duty of Attachment 1 with its reporting units' objects."""
    return {
        "key": d.duty.key,
        "holder": d.duty.holder,
        "text": d.duty.text,
        "every": d.duty.every,
        "task": d.duty.task,
        "status": worst(u.status for u in units) if units else d.status,
        "units": [unit_result(u, lang) for u in units],
    }


def status(result: StatusResult, lang: str) -> dict[str, Any]:
    ev = result.ev
    return {
        "as_of": iso(ev.as_of),
        "evaluated_on": iso(ev.evaluated_on or ev.as_of),
        "summary": ev.summary,
        "tasks": [task_result(r, lang, units, result.forecasts) for r, units in result.shown()],
        "invalid_files": invalid_files(result.invalid, lang),
    }


def duties(result: DutiesResult, lang: str) -> dict[str, Any]:
    """SPEC §10.2: {"as_of", "duties": [...]}, nothing else."""
    return {
        "as_of": iso(result.ev.as_of),
        "duties": [duty_result(d, units, lang) for d, units in result.shown()],
    }


def report(result: ReportResult, lang: str) -> dict[str, Any]:
    """SPEC §5 `report`: the lead tasks carry this unit's own status, the supported ones the
    task's overall status; its duties (§10.2) its own result on each."""
    view, found = result.view, result.forecasts
    return {
        "unit": view.unit,
        "as_of": iso(result.as_of),
        "evaluated_on": iso(result.evaluated_on or result.as_of),
        "lead": [task_result(r, lang, (u,), found, own=True) for r, u in view.lead],
        "support": [task_result(r, lang, forecasts=found) for r, _ in view.support],
        "duties": [duty_result(d, (u,), lang) for d, u in result.duties],
        "next_due": [
            {"due": iso(d.due), "days": d.days, "task": d.task.task.id, "part": d.part}
            for d in view.upcoming
        ],
        "unreported": [r.task.id for r, _ in view.unreported],
        "pending_sign_off": [
            {p.kind: p.key, "done_on": iso(p.result.done_on)} for p in result.pending
        ],
        "invalid_files": invalid_files(result.invalid, lang),
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


def status_rows(result: StatusResult, lang: str) -> list[list[Any]]:
    """One row per task and lead unit `--only` keeps, for CSV: headers and words in `lang`."""
    rows: list[list[Any]] = [[t(f"csv.{c}", lang) for c in _CSV_COLUMNS]]
    for r, units in result.shown():
        for u in units:
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
    return dumps(status(result, page.lang), page)


def report_json(result: ReportResult, page: Page) -> str:
    return dumps(report(result, page.lang), page)


def duties_json(result: DutiesResult, page: Page) -> str:
    return dumps(duties(result, page.lang), page)


def tasks_json(result: TasksResult, page: Page) -> str:
    return dumps([task(result.tl, x) for x in result.tl.tasks.values()], page)


def units_json(result: UnitsResult, page: Page) -> str:
    return dumps(units(result.tl), page)


def show_json(result: ShowResult, page: Page) -> str:
    r = result.result
    out = task(result.tl, result.task)
    out.update(task_result(r, page.lang, forecasts=result.forecasts))
    out["history"] = sorted(
        (
            [{"unit": u.unit, **entry(f)} for u in r.units for f in u.history]
            + [{"unit": n, **entry(f)} for n, h in r.supporters for f in h]
        ),
        key=lambda e: (e["date"], e["unit"]),
    )
    out["invalid_files"] = invalid_files(result.invalid, page.lang)
    return dumps(out, page)
