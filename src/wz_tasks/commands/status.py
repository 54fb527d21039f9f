"""`status`: every measure's light and status (SPEC §4)."""

from typing import Annotated

import typer

from wz_tasks.commands.options import (
    AsOfOpt,
    LangOpt,
    NoCacheOpt,
    OnlyOpt,
    ProgressOpt,
    SoonOpt,
    TasksOpt,
    date_of,
    emit,
    finish,
    format_of,
    format_opt,
    h,
    lang_of,
    show_invalid,
    statuses_of,
    task_list,
    workspace,
)


def status(
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, format_opt("status")] = "table",
    soon: SoonOpt = None,
    only: OnlyOpt = None,
) -> None:
    from wz_tasks.render.results import StatusResult, forecasts

    lang = lang_of(lang)
    fmt, day = format_of("status", fmt, lang), date_of(as_of, lang)
    wanted = statuses_of(only, lang, "--only")
    ws = workspace(task_list(tasks, lang, no_cache), progress, day, lang, no_cache=no_cache)
    ev = ws.evaluate(day, soon)
    invalid = ws.checked.invalid
    if fmt == "csv":  # stdout is the spreadsheet: the invalid files go to stderr
        show_invalid(invalid, lang)
    result = StatusResult(ev, ws.task_list, invalid, wanted)
    if fmt == "json":  # only JSON carries forecasts (SPEC §11 item 6), of the tasks it shows
        shown = tuple(r for r, _ in result.shown())
        result = StatusResult(ev, ws.task_list, invalid, wanted, forecasts(ev, shown))
    emit("status", fmt, result, lang)
    finish(1 if invalid else 0, ws, ev, result)


def register(app: typer.Typer) -> None:
    app.command("status", help=h("cmd.status"))(status)
