"""`remind`: 催报 — who owes what by when (SPEC §10.5)."""

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
    resolve_unit,
    show_invalid,
    task_list,
    unit_opt,
    workspace,
)


def remind(
    unit: Annotated[str | None, unit_opt("help.remind_unit")] = None,
    within: Annotated[
        int | None,
        typer.Option("--within", min=0, metavar="DAYS", show_default=False, help=h("help.within")),
    ] = None,
    fmt: Annotated[str, format_opt("remind")] = "table",
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    from wz_tasks.remind import remind as owed
    from wz_tasks.render.remind import RemindResult

    lang = lang_of(lang)
    fmt, day = format_of("remind", fmt, lang), date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    name = resolve_unit(tl, unit, lang) if unit is not None else None
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)
    subs = ws.checked.submissions
    ev = ws.evaluate(day)
    days = tl.policy.due_soon_days if within is None else within
    rows = owed(ev, subs, tl.policy.escalation, days, name)
    show_invalid(ws.checked.invalid, lang)  # stdout is the list: invalid files go to stderr
    emit("remind", fmt, RemindResult(ev.as_of, days, rows, ws.task_list), lang)
    finish(1 if ws.checked.invalid else 0, ws, ev)


def register(app: typer.Typer) -> None:
    app.command("remind", help=h("cmd.remind"))(remind)
