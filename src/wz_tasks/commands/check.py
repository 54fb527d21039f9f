"""`check [PATH]...`: validate progress files; the CI gate and pre-commit hook (SPEC §4, §6)."""

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, Any

import typer

from wz_tasks.commands.options import (
    STATUS_CHOICES,
    AsOfOpt,
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    TasksOpt,
    config,
    date_of,
    emit,
    finish,
    format_of,
    h,
    lang_of,
    progress_paths,
    task_list,
    usage,
    workspace,
)
from wz_tasks.labels import LANGS, both, t


def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[PATH]...", show_default=False, help=h("help.paths")),
    ] = None,
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", show_default=False, help=h("help.check_format")),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", envvar="WZ_TASKS_FAIL_ON", metavar="STATUS", help=h("help.fail_on")
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict/--no-strict", envvar="WZ_TASKS_STRICT", help=h("help.strict"))
    ] = False,
) -> None:
    from wz_tasks.load import read_report, walk
    from wz_tasks.render.results import CheckResult

    lang = lang_of(lang)
    day = date_of(as_of, lang)
    default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fmt = format_of("check", fmt or default, lang)
    if fail_on is not None and fail_on not in STATUS_CHOICES:
        usage(
            t("err.choose", lang, value=repr(fail_on), choices=", ".join(STATUS_CHOICES)),
            "--fail-on",
        )
    named = None
    cache = None
    if paths:
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            usage(t("err.no_path", lang, path=", ".join(missing)), "PATH")
        from wz_tasks.cache import enabled

        cache = enabled(no_cache, progress_paths(progress))
        named = [read_report(p, cache) for p in walk(paths)]
    ws = workspace(
        task_list(tasks, lang, no_cache),
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
        folder = (progress_paths(progress) or [Path("progress")])[0]
        diagnostics += status_findings(ws, day, fail_on, str(folder))
    emit("check", fmt, CheckResult(files, diagnostics), lang)
    finish(1 if any(d.severity == "error" or strict for d in diagnostics) else 0, ws, diagnostics)


def _entry_loc(ws: Any, filed: Any) -> tuple[int, int]:
    """Line and column of a counted entry's `- task:` item in its file (1:1 if unknown)."""
    from wz_tasks.load import parse_report

    sub = next((s for s in ws.checked.submissions if s.path == filed.path), None)
    if sub is None:
        return (1, 1)
    index = next((i for i, e in enumerate(sub.report.entries) if e is filed.entry), None)
    if index is None:
        return (1, 1)
    try:  # only the few files a --fail-on finding points into, and only then
        data = Path(filed.path).read_bytes()
    except OSError:
        return (1, 1)
    return parse_report(filed.path, data).loc("entries", index)


def status_findings(ws: Any, day: dt.date, fail_on: str, folder: str) -> list[Any]:
    """One error per task and lead unit at `fail_on` or worse (check --fail-on), pointing at the
    unit's newest report on the task, or at the progress folder when it never reported."""
    from wz_tasks.codes import Diagnostic
    from wz_tasks.render.words import detail
    from wz_tasks.status import Status

    threshold = Status(fail_on)
    out = []
    window = config().due_soon_days  # the config file's due-soon window (SPEC §13)
    for r in ws.evaluate(day, window).tasks:
        for u in r.units:
            if not u.status.at_least_as_bad_as(threshold):
                continue
            if u.latest is not None:
                path = u.latest.path
                line, col = _entry_loc(ws, u.latest)
            else:
                path, line, col = folder, 1, 1
            out.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    "WZ301",
                    {
                        "task": r.task.id,
                        "unit": u.unit,
                        "status": both(u.status),
                        "detail": {lang: detail(u, lang) for lang in LANGS},
                    },
                )
            )
    return out


def register(app: typer.Typer) -> None:
    app.command("check", help=h("cmd.check"))(check)
