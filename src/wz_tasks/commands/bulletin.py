"""`bulletin`: the supervision bulletin (通报, SPEC §11) as HTML, Word, Markdown or JSON."""

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
    finish,
    h,
    lang_of,
    show_invalid,
    task_list,
    to_stdout,
    usage,
    workspace,
)
from wz_tasks.labels import t

FORMATS = ("html", "docx", "markdown", "json")  # as wz_tasks.bulletin.FORMATS, without importing it


def bulletin(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="2026-11|2026-Q4|2026-H2|2026",
            show_default=False,
            help=h("help.period"),
        ),
    ] = None,
    number: Annotated[
        int | None,
        typer.Option("--number", min=1, metavar="N", show_default=False, help=h("help.number")),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", metavar="|".join(FORMATS), help=h("help.bulletin_format")),
    ] = "html",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", show_default=False, help=h("help.bulletin_out")
        ),
    ] = None,
    force: ForceOpt = False,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    lang = lang_of(lang)
    if fmt not in FORMATS:
        usage(t("err.choose", lang, value=repr(fmt), choices=", ".join(FORMATS)), "--format")
    if fmt == "docx" and out is None:
        usage(t("bulletin.docx_needs_out", lang), "--out")
    day = date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)

    from wz_tasks.bulletin import BulletinError, run_bulletin

    try:
        content = run_bulletin(ws.task_list, ws.checked.submissions, period, day, number, fmt, lang)
    except BulletinError as exc:
        usage(exc.message(lang), "--period")
    show_invalid(ws.checked.invalid, lang)
    code = 1 if ws.checked.invalid else 0
    if out is None:
        to_stdout(content, fmt)
        finish(code, ws)
    from wz_tasks.commands.files import write_or_exit

    data = content.encode("utf-8") if isinstance(content, str) else content
    write_or_exit(out, data, force, lang)
    err(t("out.written", lang, path=str(out)))
    finish(code, ws)


def register(app: typer.Typer) -> None:
    app.command("bulletin", help=h("cmd.bulletin"))(bulletin)
