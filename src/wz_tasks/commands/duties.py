"""`duties [--unit U]`: Attachment 1's standing duties and each reporting unit's status (SPEC
§10.2)."""

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
    resolve_unit,
    show_invalid,
    statuses_of,
    task_list,
    unit_opt,
    workspace,
)


def duties(
    unit: Annotated[str | None, unit_opt("help.duties_unit")] = None,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, format_opt("duties")] = "table",
    soon: SoonOpt = None,
    only: OnlyOpt = None,
) -> None:
    from wz_tasks.render.results import DutiesResult

    lang = lang_of(lang)
    fmt, day = format_of("duties", fmt, lang), date_of(as_of, lang)
    wanted = statuses_of(only, lang, "--only")
    tl = task_list(tasks, lang, no_cache)
    name = resolve_unit(tl, unit, lang) if unit is not None else None
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)
    ev = ws.evaluate(day, soon)
    invalid = ws.checked.invalid
    if fmt == "json":  # the JSON is exactly {"as_of", "duties"}: invalid files go to stderr
        show_invalid(invalid, lang)
    emit("duties", fmt, DutiesResult(ev, ws.task_list, invalid, name, wanted), lang)
    finish(1 if invalid else 0, ws, ev)


def register(app: typer.Typer) -> None:
    app.command("duties", help=h("cmd.duties"))(duties)
