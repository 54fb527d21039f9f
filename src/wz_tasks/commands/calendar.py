"""`calendar`: deadlines, milestones, recurring duties and report dates as .ics (SPEC §10.5)."""

from pathlib import Path
from typing import Annotated

import typer

from wz_tasks.commands.options import (
    AsOfOpt,
    ForceOpt,
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    TasksOpt,
    date_of,
    err,
    h,
    lang_of,
    resolve_unit,
    task_list,
    to_stdout,
    unit_opt,
    workspace,
)
from wz_tasks.labels import t


def calendar(
    unit: Annotated[str | None, unit_opt("help.calendar_unit")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE.ics", show_default=False, help=h("help.ics_out")),
    ] = None,
    force: ForceOpt = False,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    from wz_tasks.ical import events, to_ics

    lang = lang_of(lang)
    day = date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    name = resolve_unit(tl, unit, lang) if unit is not None else None
    ws = workspace(tl, progress, day, lang, quiet_note=out is None, no_cache=no_cache)
    ev = ws.evaluate(day)
    found = events(ws.task_list, ev, name)
    data = to_ics(ws.task_list, found, day)
    if out is None:
        to_stdout(data, "ics")
        return
    from wz_tasks.commands.files import write_or_exit

    write_or_exit(out, data, force, lang)
    err(t("calendar.written", lang, path=str(out), n=len(found)))


def register(app: typer.Typer) -> None:
    app.command("calendar", help=h("cmd.calendar"))(calendar)
