"""`report --unit U`: one unit's own report (SPEC §4)."""

from typing import Annotated

import typer

from wz_tasks.commands.options import (
    AsOfOpt,
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    SoonOpt,
    TasksOpt,
    UnitOpt,
    date_of,
    emit,
    finish,
    format_of,
    format_opt,
    h,
    lang_of,
    resolve_unit,
    task_list,
    workspace,
)


def report(
    unit: UnitOpt,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, format_opt("report")] = "table",
    soon: SoonOpt = None,
) -> None:
    from wz_tasks.evaluate import unit_view
    from wz_tasks.render.results import ReportResult, forecasts

    lang = lang_of(lang)
    fmt, day = format_of("report", fmt, lang), date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    name = resolve_unit(tl, unit, lang)  # before reading any progress file: fail fast
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)
    ev = ws.evaluate(day, soon)
    view = unit_view(ev, name)
    duties = tuple((d, u) for d in ev.duties for u in d.units if u.unit == name)
    shown = tuple(r for r, _ in view.lead) + tuple(r for r, _ in view.support)
    found = forecasts(ev, shown) if fmt == "json" else {}
    result = ReportResult(
        view, day, ws.task_list, ws.checked.invalid, ev.evaluated_on, duties, found
    )
    emit("report", fmt, result, lang)
    finish(1 if ws.checked.invalid else 0, ws, ev)


def register(app: typer.Typer) -> None:
    app.command("report", help=h("cmd.report"))(report)
