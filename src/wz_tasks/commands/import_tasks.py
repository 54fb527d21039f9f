"""`import-tasks TABLE`: an office's task table to a task list folder (SPEC §12)."""

from pathlib import Path
from typing import Annotated

import typer

from wz_tasks.commands.options import ForceOpt, LangOpt, done, err, h, lang_of, usage
from wz_tasks.labels import t

FILES = ("policy.yaml", "units.yaml", "tasks.yaml")


def import_tasks(
    table: Annotated[
        Path, typer.Argument(metavar="TABLE", show_default=False, help=h("help.table"))
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help=h("help.import_out"))
    ] = Path("tasks"),
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=1900, max=2999, metavar="YYYY", show_default=False, help=h("help.year")
        ),
    ] = None,
    units: Annotated[
        Path | None,
        typer.Option("--units", metavar="PATH", show_default=False, help=h("help.units_file")),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option("--sheet", metavar="NAME", show_default=False, help=h("help.sheet")),
    ] = None,
    force: ForceOpt = False,
    lang: LangOpt = "zh",
) -> None:
    from wz_tasks.escape import one_line
    from wz_tasks.importer import run_import

    lang = lang_of(lang)
    if not table.is_file():
        usage(t("err.no_path", lang, path=str(table)), "TABLE")
    if units is not None and not units.exists():
        usage(t("err.no_path", lang, path=str(units)), "--units")
    there = [out / name for name in FILES if (out / name).exists()]
    if there and not force:
        err(t("import.exists", lang, path=str(there[0])))
        done(1)
    code, lines, n, cells = run_import(table, out, year, units, sheet, lang)
    for line in lines:
        err(one_line(line))
    if code == 2:
        err(t("import.failed", lang))
        done(2)
    if code == 0:
        err(t("import.written", lang, out=str(out), n=n))
    else:
        err(t("import.review", lang, out=str(out), n=n, k=cells))
    done(code)


def register(app: typer.Typer) -> None:
    app.command("import-tasks", help=h("cmd.import_tasks"))(import_tasks)
