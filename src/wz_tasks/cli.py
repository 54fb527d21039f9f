"""The `wz-tasks` command line: parse options, call the core, hand the result to a renderer."""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import re
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from wz_tasks import __version__

app = typer.Typer(
    name="wz-tasks",
    help="吴忠市物业服务管理工作任务清单:进度督办与报送检查。\n\n"
    "Deadline tracker and compliance checker for the 20 measures of 吴忠市's property-service "
    "policy (2024).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# --- the common options (SPEC §4) -------------------------------------------------------------

TasksOpt = Annotated[
    Path | None,
    typer.Option(
        "--tasks",
        envvar="WZ_TASKS_TASKS",
        show_default=False,
        help="Task list: a folder of YAML files or one file (default: the built-in policy).",
    ),
]
ProgressOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--progress",
        envvar="WZ_TASKS_PROGRESS",
        show_default=False,
        help="Progress reports: a folder or a file; repeatable (default: ./progress).",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        envvar="WZ_TASKS_AS_OF",
        metavar="YYYY-MM-DD",
        show_default=False,
        help="Evaluate as of this date (default: today in China Standard Time).",
    ),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        envvar="WZ_TASKS_NO_CACHE",
        help="Parse every progress file afresh instead of reusing unchanged ones.",
    ),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang", envvar="WZ_TASKS_LANG", metavar="zh|en", help="Language of text output."
    ),
]


def _fail_usage(message: str) -> NoReturn:
    raise typer.BadParameter(message)


def _as_of(value: str | None) -> dt.date:
    from wz_tasks.workspace import today_in_china

    if value is None or value == "":
        return today_in_china()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise typer.BadParameter(
            f"{value!r}: write the date as YYYY-MM-DD, e.g. 2025-12-31", param_hint="--as-of"
        )
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a real date", param_hint="--as-of") from None


def _lang(value: str) -> str:
    if value not in ("zh", "en"):
        raise typer.BadParameter(f"{value!r}: choose zh or en", param_hint="--lang")
    return value


def _format(value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise typer.BadParameter(
            f"{value!r}: choose one of {', '.join(allowed)}", param_hint="--format"
        )
    return value


def _console() -> Any:
    from rich.console import Console

    # markup=False: text people wrote (e.g. "[2025]") must show as written
    return Console(highlight=False, soft_wrap=False, markup=False)


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _exit(code: int) -> NoReturn:
    raise typer.Exit(code)


def _task_list_error(exc: Any, lang: str) -> NoReturn:
    from wz_tasks.render.diagnostics import text_line

    for d in exc.diagnostics:
        _err(text_line(d, lang))
    _exit(2)


def _workspace(
    tl: Any,
    progress: list[Path] | None,
    as_of: dt.date,
    lang: str,
    quiet_note: bool = False,
    no_cache: bool = False,
    cache: Any = None,
    **kwargs: Any,
) -> Any:
    from wz_tasks.cache import enabled
    from wz_tasks.workspace import MissingPath, open_workspace

    cache = cache or enabled(no_cache, progress)
    try:
        ws, default_missing = open_workspace(tl, progress, as_of, cache=cache, **kwargs)
    except MissingPath as exc:
        raise typer.BadParameter(
            f"no such file or folder: {exc}", param_hint="--progress"
        ) from None
    if default_missing and not quiet_note:
        from wz_tasks.labels import t

        _err(t("no_progress", lang, path=os.path.join(".", "progress")))
    return ws


def _print_json(data: Any) -> None:
    # Indented for a person at a terminal; compact for a program (json's C encoder, 5x faster).
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent, default=str) + "\n")


def _resolve_unit(tl: Any, name: str, lang: str) -> str:
    resolved = tl.registry.resolve(name)
    if resolved is None:
        near = tl.registry.suggest(name, limit=5)
        hint = (
            ("是不是:" + "、".join(near) if lang == "zh" else "Did you mean: " + ", ".join(near))
            if near
            else ("用 wz-tasks units 查看全部单位" if lang == "zh" else "see wz-tasks units")
        )
        raise typer.BadParameter(
            f"{name}: " + ("未知单位。" if lang == "zh" else "unknown unit. ") + hint,
            param_hint="--unit",
        )
    if resolved.is_group:
        members = "、".join(resolved.members)
        raise typer.BadParameter(
            (
                f"{resolved.name} 是单位组,请指定其中一个单位:{members}"
                if lang == "zh"
                else f"{resolved.name} is a group; name one of its units: {members}"
            ),
            param_hint="--unit",
        )
    return str(resolved.name)


# --- commands ---------------------------------------------------------------------------------


@app.command()
def status(
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, json, markdown or csv.")
    ] = "table",
    soon: Annotated[
        int | None,
        typer.Option(
            "--soon", min=0, metavar="DAYS", help="The due-soon window in days (default: 30)."
        ),
    ] = None,
    only: Annotated[
        str | None,
        typer.Option(
            "--only",
            metavar="STATUS,...",
            help="Show only tasks with these statuses: overdue, behind, due_soon, stale, on_track, "
            "done_late, done.",
        ),
    ] = None,
) -> None:
    """Every measure's light and status: overdue, behind, due soon, unreported (红黄绿灯)."""
    from wz_tasks.evaluate import evaluate
    from wz_tasks.labels import STATUSES

    lang, fmt, day = _lang(lang), _format(fmt, ("table", "json", "markdown", "csv")), _as_of(as_of)
    wanted = None
    if only:
        wanted = {s.strip() for s in only.split(",") if s.strip()}
        unknown = wanted - set(STATUSES)
        if unknown:
            raise typer.BadParameter(
                f"unknown status {', '.join(sorted(unknown))}; choose from " + ", ".join(STATUSES),
                param_hint="--only",
            )
    ws = _workspace(_task_list(tasks, lang, no_cache), progress, day, lang, no_cache=no_cache)
    ev = evaluate(ws.task_list, ws.checked.submissions, day, soon)
    invalid = ws.checked.invalid
    if fmt == "json":
        from wz_tasks.render import data

        _print_json(data.status(ev, invalid, lang, wanted))
    elif fmt == "csv":
        from wz_tasks.render import data
        from wz_tasks.render.csvout import to_csv

        if invalid:
            from wz_tasks.render.table import invalid_files

            invalid_files(_stderr_console(), invalid, lang)
        sys.stdout.flush()
        sys.stdout.buffer.write(to_csv(data.status_rows(ev, lang, wanted)))
        sys.stdout.buffer.flush()
    elif fmt == "markdown":
        from wz_tasks.render import markdown

        sys.stdout.write(markdown.status(ev, ws.task_list, invalid, lang, wanted))
    else:
        from wz_tasks.render import table

        table.status(_console(), ev, ws.task_list, invalid, lang, wanted)
    _exit(1 if invalid else 0)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False, markup=False)


@app.command()
def report(
    unit: Annotated[str, typer.Option("--unit", "-u", help="The unit: its name or any alias.")],
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or markdown.")] = "table",
    soon: Annotated[int | None, typer.Option("--soon", min=0, metavar="DAYS")] = None,
) -> None:
    """One unit's own report: what it leads and supports, what falls due, what it owes."""
    from wz_tasks.evaluate import evaluate, unit_view

    lang, fmt, day = _lang(lang), _format(fmt, ("table", "json", "markdown")), _as_of(as_of)
    tl = _task_list(tasks, lang, no_cache)
    name = _resolve_unit(tl, unit, lang)  # before reading any progress file: fail fast
    ws = _workspace(tl, progress, day, lang, no_cache=no_cache)
    view = unit_view(evaluate(ws.task_list, ws.checked.submissions, day, soon), name)
    invalid = ws.checked.invalid
    if fmt == "json":
        from wz_tasks.render import data

        _print_json(data.report(view, day, invalid, lang))
    elif fmt == "markdown":
        from wz_tasks.render import markdown

        sys.stdout.write(markdown.report(view, day, ws.task_list, invalid, lang))
    else:
        from wz_tasks.render import table

        table.report(_console(), view, day, ws.task_list, invalid, lang)
    _exit(1 if invalid else 0)


@app.command("tasks")
def tasks_cmd(
    tasks: TasksOpt = None,
    lang: LangOpt = "zh",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """The task list: the 20 measures with lead and supporting units and deadlines."""
    lang, fmt = _lang(lang), _format(fmt, ("table", "json"))
    tl = _task_list(tasks, lang)
    if fmt == "json":
        from wz_tasks.render import data

        _print_json([data.task(tl, t) for t in tl.tasks.values()])
    else:
        from wz_tasks.render import table

        table.tasks(_console(), tl, lang)


def _task_list(tasks: Path | None, lang: str, no_cache: bool = False) -> Any:
    from wz_tasks.cache import enabled
    from wz_tasks.load import TaskListError, load_task_list

    try:
        return load_task_list(tasks, enabled(no_cache))
    except TaskListError as exc:
        _task_list_error(exc, lang)


@app.command()
def show(
    task_id: Annotated[int, typer.Argument(metavar="ID", help="The task's number (1–20).")],
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """One measure in full, with its status and reporting history."""
    from wz_tasks.evaluate import evaluate

    lang, fmt, day = _lang(lang), _format(fmt, ("table", "json")), _as_of(as_of)
    tl = _task_list(tasks, lang, no_cache)
    if task_id not in tl.tasks:
        raise typer.BadParameter(
            f"no task {task_id}; tasks are numbered {min(tl.tasks)}–{max(tl.tasks)}",
            param_hint="ID",
        )
    ws = _workspace(tl, progress, day, lang, no_cache=no_cache)
    ev = evaluate(ws.task_list, ws.checked.submissions, day)
    result = ev.task(task_id)
    if fmt == "json":
        from wz_tasks.render import data

        out = data.task(tl, tl.tasks[task_id])
        out.update(data.task_result(result, lang))
        out["history"] = sorted(
            (
                [{"unit": u.unit, **data.entry(f)} for u in result.units for f in u.history]
                + [{"unit": n, **data.entry(f)} for n, h in result.supporters for f in h]
            ),
            key=lambda e: (e["date"], e["unit"]),
        )
        out["invalid_files"] = data.invalid_files(ws.checked.invalid, lang)
        _print_json(out)
    else:
        from wz_tasks.render import table

        console = _console()
        table.invalid_files(console, ws.checked.invalid, lang)
        table.show(console, tl, tl.tasks[task_id], result, lang)
    _exit(1 if ws.checked.invalid else 0)


@app.command()
def units(
    tasks: TasksOpt = None,
    lang: LangOpt = "zh",
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    resolve: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME]...", help="Names to look up: prints the unit each one means."
        ),
    ] = None,
) -> None:
    """The unit registry: canonical names, aliases, groups. Give names to resolve them."""
    lang, fmt = _lang(lang), _format(fmt, ("table", "json"))
    tl = _task_list(tasks, lang)
    if resolve:
        found = {}
        for name in resolve:
            r = tl.registry.resolve(name)
            found[name] = (
                None
                if r is None
                else {"name": r.name, "group": r.is_group, "members": list(r.members)}
            )
        if fmt == "json":
            _print_json(found)
        else:
            for name, r in found.items():
                if r is None:
                    near = tl.registry.suggest(name)
                    print(f"{name} → ?" + (f"  ({'、'.join(near)}?)" if near else ""))
                elif r["group"]:
                    print(f"{name} → {r['name']} = {'、'.join(r['members'])}")
                else:
                    print(f"{name} → {r['name']}")
        _exit(0 if all(found.values()) else 1)
    if fmt == "json":
        from wz_tasks.render import data

        _print_json(data.units(tl))
    else:
        from wz_tasks.render import table

        table.units(_console(), tl, lang)


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            show_default=False,
            help="Progress files or folders to check (default: the progress path). The rest of "
            "the progress path is still read for the rules that compare files.",
        ),
    ] = None,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            show_default=False,
            help="text, github or json (default: github when GITHUB_ACTIONS=true, else text).",
        ),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="STATUS",
            help="Also fail while any measure is at this status or worse, e.g. overdue.",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Validate progress files: the CI gate and pre-commit hook (exit 1 on errors)."""
    from wz_tasks.load import discover as discover_files
    from wz_tasks.load import read_report

    lang, day = _lang(lang), _as_of(as_of)
    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fmt = _format(fmt or default, ("text", "github", "json"))
    if fail_on is not None:
        from wz_tasks.labels import STATUSES

        if fail_on not in STATUSES:
            raise typer.BadParameter(
                f"{fail_on!r}: choose one of {', '.join(STATUSES)}", param_hint="--fail-on"
            )
    named = None
    cache = None
    if paths:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise typer.BadParameter(
                "no such file or folder: " + ", ".join(missing), param_hint="PATH"
            )
        from wz_tasks.cache import enabled

        cache = enabled(no_cache, progress)
        named = [read_report(p, cache) for p in discover_files(paths)]
    ws = _workspace(
        _task_list(tasks, lang, no_cache),
        progress,
        day,
        lang,
        quiet_note=named is not None,
        no_cache=no_cache,
        cache=cache,
        future_is_error=True,
        extra=named or (),
    )
    diagnostics = ws.checked.diagnostics
    files = len(ws.files)
    if named is not None:
        wanted = {p.path for p in named}
        diagnostics = [d for d in diagnostics if d.path in wanted]
        files = len(named)
    if fail_on is not None:
        diagnostics += _status_findings(ws, day, fail_on, lang)
    _print_check(diagnostics, files, fmt, lang)
    failing = any(d.severity == "error" or strict for d in diagnostics)
    _exit(1 if failing else 0)


def _status_findings(ws: Any, day: dt.date, fail_on: str, lang: str) -> list[Any]:
    """One error per task and lead unit at `fail_on` or worse (check --fail-on)."""
    from wz_tasks.codes import Diagnostic
    from wz_tasks.evaluate import evaluate
    from wz_tasks.labels import STATUSES, t
    from wz_tasks.render.words import detail

    tl = ws.task_list
    worst_allowed = STATUSES.index(fail_on)
    out = []
    for r in evaluate(tl, ws.checked.submissions, day).tasks:
        for u in r.units:
            if STATUSES.index(u.status) <= worst_allowed:
                path, line, col = tl.task_locs[r.task.id]
                out.append(
                    Diagnostic(
                        path,
                        line,
                        col,
                        "WZ301",
                        {
                            "task": r.task.id,
                            "unit": u.unit,
                            "status": {"zh": t(u.status, "zh"), "en": t(u.status, "en")},
                            "detail": {"zh": detail(u, "zh"), "en": detail(u, "en")},
                        },
                    )
                )
    return out


def _print_check(diagnostics: list[Any], files: int, fmt: str, lang: str) -> None:
    from wz_tasks.render import diagnostics as out

    if fmt == "json":
        _print_json(out.as_json(files, diagnostics, lang))
        return
    if fmt == "github":
        for d in diagnostics:
            print(out.github_line(d, lang))
        print(out.summary(files, diagnostics, lang))
        return
    # Plain ANSI rather than rich: this is the pre-commit path, where start-up time is felt.
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    sys.stdout.write(out.text(files, diagnostics, lang, color))


@app.command()
def schema(
    tasks: TasksOpt = None,
    lang: LangOpt = "zh",
) -> None:
    """JSON Schema (draft-07) of a progress file, for editors (yaml-language-server)."""
    from wz_tasks.schema import dumps

    sys.stdout.write(dumps(_task_list(tasks, _lang(lang))))


@app.command("new-report")
def new_report(
    unit: Annotated[str, typer.Option("--unit", "-u", help="The reporting unit.")],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            show_default=False,
            help="The date the figures describe (default: today in China Standard Time).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            show_default=False,
            help="Where to write (default: progress/<date>-<unit>.yaml). Never overwrites.",
        ),
    ] = None,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a new progress file for a unit, pre-filled with its measures and newest values."""
    from wz_tasks.evaluate import evaluate
    from wz_tasks.template import render, write_new

    lang = _lang(lang)
    day = _as_of(date)
    tl = _task_list(tasks, lang, no_cache)
    name = _resolve_unit(tl, unit, lang)
    ws = _workspace(tl, progress, day, lang, quiet_note=True, no_cache=no_cache)
    text = render(tl, name, day, evaluate(tl, ws.checked.submissions, day))
    target = out or Path("progress") / f"{day.isoformat()}-{name}.yaml"
    try:
        write_new(target, text)
    except FileExistsError:
        _err(
            f"{target}: "
            + (
                "文件已存在,不会覆盖。请换一个 --out 路径或先处理已有文件。"
                if lang == "zh"
                else "already exists; not overwritten. Choose another --out."
            )
        )
        _exit(1)
    except OSError as exc:
        _err(f"{target}: {exc.strerror or exc}")
        _exit(1)
    blanks = sum(line.split("#")[0].count("待填写") for line in text.splitlines())
    _err(
        f"{target}: "
        + (
            f"已生成,有 {blanks} 处“待填写”。填好后运行 wz-tasks check {target}"
            if lang == "zh"
            else f"written with {blanks} blanks (待填写). Fill them in, then run "
            f"wz-tasks check {target}"
        )
    )


def _version(value: bool) -> None:
    if value:
        print(f"wz-tasks {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """吴忠市物业服务管理工作任务清单:进度督办与报送检查。"""


def main() -> None:
    """Entry point: every failure ends in a message and an exit code, never a traceback."""
    # A short-lived process that builds many small objects and frees them all at exit: the
    # cyclic collector would only walk the growing heap again and again (a third of a large run).
    gc.disable()
    # We use no pydantic plugins; looking for them costs every run a scan of installed packages.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # last resort: exit 3 (SPEC §4)
        sys.stderr.write(
            f"wz-tasks: internal error ({type(exc).__name__}: {exc}). "
            "Please report it with the command you ran.\n"
        )
        sys.exit(3)
