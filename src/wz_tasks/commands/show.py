"""`show ID`: one measure in full with its reporting history (SPEC §4)."""

from typing import Annotated

import typer

from wz_tasks.commands.options import (
    AsOfOpt,
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    TasksOpt,
    date_of,
    emit,
    finish,
    format_of,
    format_opt,
    h,
    lang_of,
    task_list,
    usage,
    workspace,
)
from wz_tasks.labels import t


def show(
    task_id: Annotated[int, typer.Argument(metavar="ID", help=h("help.id"))],
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, format_opt("show")] = "table",
) -> None:
    from wz_tasks.render.results import ShowResult, forecasts

    lang = lang_of(lang)
    fmt, day = format_of("show", fmt, lang), date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    if task_id not in tl.tasks:
        usage(t("err.no_task", lang, id=task_id, first=min(tl.tasks), last=max(tl.tasks)), "ID")
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)
    ev = ws.evaluate(day)
    result = ev.task(task_id)
    found = forecasts(ev, (result,)) if fmt == "json" else {}
    shown = ShowResult(
        tl, tl.tasks[task_id], result, ws.checked.invalid, found, ev.evaluated_on, ev.expired
    )
    emit("show", fmt, shown, lang)
    finish(1 if ws.checked.invalid else 0, ws, ev)


def register(app: typer.Typer) -> None:
    app.command("show", help=h("cmd.show"))(show)
