"""`new-report --unit U`: write a progress file pre-filled for one unit (SPEC §4, §9)."""

from pathlib import Path
from typing import Annotated

import typer

from wz_tasks.commands.options import (
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    TasksOpt,
    UnitOpt,
    date_of,
    done,
    err,
    h,
    lang_of,
    resolve_unit,
    task_list,
    workspace,
)
from wz_tasks.labels import t


def default_target(day: str, short: str, cwd: Path) -> Path:
    """`progress/<date>-<short name>.yaml`, or in the current folder when it is `progress`."""
    name = f"{day}-{short}.yaml"
    return Path(name) if cwd.name == "progress" else Path("progress") / name


def new_report(
    unit: UnitOpt,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", show_default=False, help=h("help.date")),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", show_default=False, help=h("help.out"))
    ] = None,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    from wz_tasks.outfile import write_new
    from wz_tasks.template import file_name, render

    lang = lang_of(lang)
    day = date_of(date, lang, "--date")
    tl = task_list(tasks, lang, no_cache)
    name = resolve_unit(tl, unit, lang)
    target = out or default_target(day.isoformat(), file_name(tl.registry, name), Path.cwd())
    parent = target.parent
    if parent.exists() and not parent.is_dir():
        err(t("new.not_folder", lang, path=str(parent)))
        done(1)
    ws = workspace(tl, progress, day, lang, quiet_note=True, no_cache=no_cache)
    text = render(tl, name, day, ws.evaluate(day))
    try:
        write_new(target, text.encode("utf-8"))
    except FileExistsError:
        err(t("new.exists", lang, path=str(target)))
        done(1)
    except NotADirectoryError:
        err(t("new.not_folder", lang, path=str(parent)))
        done(1)
    except OSError as exc:
        err(t("out.cannot_write", lang, path=str(target), reason=exc.strerror or str(exc)))
        done(1)
    blanks = sum(line.split("#")[0].count("待填写") for line in text.splitlines())
    err(t("new.written", lang, path=str(target), n=blanks))


def register(app: typer.Typer) -> None:
    app.command("new-report", help=h("cmd.new_report"))(new_report)
