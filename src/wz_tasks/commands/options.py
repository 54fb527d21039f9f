"""What every command shares: the common options (SPEC §4), their checks, reading the task
list and progress, and writing a rendered result safely to a terminal, a pipe or a file."""

from __future__ import annotations

import datetime as dt
import gc
import os
import re
import sys
import unicodedata
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from wz_tasks.labels import t
from wz_tasks.status import Status, parse_statuses
from wz_tasks.streams import stdout_to_devnull


def _help_lang(argv: list[str], environ: os._Environ[str] | dict[str, str]) -> str:
    """The language of help text, decided before the app is built: `--lang en` on the command
    line, else WZ_TASKS_LANG, else Chinese."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return "en" if argv[i + 1] == "en" else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.partition("=")[2] == "en" else "zh"
    return "en" if environ.get("WZ_TASKS_LANG") == "en" else "zh"


HELP_LANG = _help_lang(sys.argv[1:], os.environ)


def h(key: str, **params: Any) -> str:
    """A help string in the help language."""
    return t(key, HELP_LANG, **params)


STATUS_CHOICES = tuple(s.value for s in Status)

# --- the common options (SPEC §4) -------------------------------------------------------------

TasksOpt = Annotated[
    Path | None,
    typer.Option("--tasks", envvar="WZ_TASKS_TASKS", show_default=False, help=h("help.tasks")),
]
# No envvar= here: click would turn an empty element of WZ_TASKS_PROGRESS ("a::b") into ".",
# the current folder. `progress_paths` reads the variable and drops empty elements.
ProgressOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--progress", show_default=False, help=h("help.progress") + " [env var: WZ_TASKS_PROGRESS]"
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        envvar="WZ_TASKS_AS_OF",
        metavar="YYYY-MM-DD",
        show_default=False,
        help=h("help.as_of"),
    ),
]
NoCacheOpt = Annotated[
    bool, typer.Option("--no-cache", envvar="WZ_TASKS_NO_CACHE", help=h("help.no_cache"))
]
LangOpt = Annotated[
    str, typer.Option("--lang", envvar="WZ_TASKS_LANG", metavar="zh|en", help=h("help.lang"))
]
SoonOpt = Annotated[int | None, typer.Option("--soon", min=0, metavar="DAYS", help=h("help.soon"))]
UnitOpt = Annotated[str, typer.Option("--unit", "-u", help=h("help.unit"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=h("help.force"))]
OnlyOpt = Annotated[
    str | None,
    typer.Option(
        "--only", metavar="STATUS,...", help=h("help.only", choices=", ".join(STATUS_CHOICES))
    ),
]


def unit_opt(help_key: str) -> Any:
    """The optional `--unit` of a command that narrows its answer to one unit."""
    return typer.Option("--unit", "-u", show_default=False, help=h(help_key))


def format_opt(kind: str) -> Any:
    """The `--format` option of a command whose result is `kind`, listing its formats."""
    from wz_tasks.render import formats

    return typer.Option("--format", "-f", help=h("help.format", choices=", ".join(formats(kind))))


# --- checks ---------------------------------------------------------------------------------


def usage(message: str, hint: str | None = None) -> NoReturn:
    """A usage error: exit 2 with the message (SPEC §4), any echoed input shown escaped."""
    from wz_tasks.escape import one_line

    raise typer.BadParameter(one_line(message), param_hint=hint)


def lang_of(value: str) -> str:
    if value not in ("zh", "en"):
        usage(t("err.choose", "zh", value=repr(value), choices="zh, en"), "--lang")
    return value


def format_of(kind: str, value: str, lang: str) -> str:
    """`value` if a renderer is registered for it, else a usage error listing the formats."""
    from wz_tasks.render import formats

    if value not in formats(kind):
        usage(
            t("err.choose", lang, value=repr(value), choices=", ".join(formats(kind))), "--format"
        )
    return value


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_of(value: str | None, lang: str, hint: str = "--as-of") -> dt.date:
    """A date given as YYYY-MM-DD; None means today in China. Full-width digits and hyphens
    (２０２５－１２－３１, as a Chinese keyboard types them) are read as half-width."""
    from wz_tasks.inputs import today_in_china

    if value is None:
        return today_in_china()
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        usage(t("err.date_empty", lang), hint)
    shown = repr(value)
    if not _DATE.fullmatch(text):
        key = "err.date_fullwidth" if not value.isascii() else "err.date_format"
        usage(t(key, lang, value=shown), hint)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        usage(t("err.date_unreal", lang, value=shown), hint)


def statuses_of(value: str | None, lang: str, hint: str) -> set[str] | None:
    """`--only overdue,stale` as statuses; an unknown name is a usage error."""
    if not value:
        return None
    wanted, unknown = parse_statuses(value)
    if unknown:
        usage(
            t(
                "err.unknown_status",
                lang,
                names=", ".join(sorted(set(unknown))),
                choices=", ".join(STATUS_CHOICES),
            ),
            hint,
        )
    return {s.value for s in wanted}


# --- reading ---------------------------------------------------------------------------------


def err(text: str) -> None:
    """A line for a person on stderr, written whatever stderr can encode."""
    from wz_tasks.escape import guard_lines, visible

    write(sys.stderr, guard_lines(visible(text, keep="\n")) + "\n")


def done(code: int) -> NoReturn:
    raise typer.Exit(code)


def finish(code: int, *built: object) -> NoReturn:
    """The end of a command that reads and shows, once its output is written: exit with `code`.

    A process that has turned the cyclic collector off (cli.main does: a short-lived run) keeps
    what the command `built` (its workspace, evaluation) in a reference cycle and freezes every
    object: nothing is freed one object at a time as the command returns (a province's reports
    and evaluation are ≈ 450 MiB of small objects: ≈ 0.19 s), nor walked again by the
    interpreter's last collection (≈ 25 ms); the system takes the memory back at exit. The way
    out is otherwise the usual one (exit code, flushing, atexit). In-process callers, which keep
    the collector on, are left alone."""
    if not gc.isenabled():
        held: list[object] = [*built]
        held.append(held)  # unreachable once the command returns, and frozen: never freed
        gc.freeze()
    done(code)


def task_list(tasks: Path | None, lang: str, no_cache: bool = False) -> Any:
    from wz_tasks.cache import enabled
    from wz_tasks.load import TaskListError, load_task_list

    try:
        return load_task_list(tasks, enabled(no_cache))
    except TaskListError as exc:
        from wz_tasks.render.diagnostics import text_line

        for d in exc.diagnostics:
            err(text_line(d, lang))
        done(2)


def progress_paths(given: list[Path] | None) -> list[Path] | None:
    """`--progress`, else WZ_TASKS_PROGRESS split on the path separator (empty parts ignored),
    else the config file's `progress` (SPEC §13)."""
    if given:
        return given
    from wz_tasks.workspace import split_progress

    return split_progress(os.environ.get("WZ_TASKS_PROGRESS")) or config().progress


def workspace(
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

    progress = progress_paths(progress)
    cache = cache or enabled(no_cache, progress)
    kwargs.setdefault("ignore", config().ignore)
    try:
        ws, default_missing = open_workspace(tl, progress, as_of, cache=cache, **kwargs)
    except MissingPath as exc:
        usage(t("err.no_path", lang, path=str(exc)), "--progress")
    if default_missing and not quiet_note:
        err(t("no_progress", lang, path=os.path.join(".", "progress")))
    return ws


def resolve_unit(tl: Any, name: str, lang: str) -> str:
    """The one unit a typed name means (SPEC §9), else a usage error with the candidates."""
    from wz_tasks.escape import one_line

    reg = tl.registry
    found = reg.typed_candidates(name)
    shown = one_line(name)
    if len(found) > 1:
        usage(t("err.ambiguous_unit", lang, name=shown, names="、".join(found)), "--unit")
    if not found:
        near = reg.suggest(name, limit=5)
        hint = (
            t("err.did_you_mean", lang, names="、".join(near)) if near else t("err.see_units", lang)
        )
        usage(t("err.unknown_unit", lang, name=shown, hint=hint), "--unit")
    resolved = reg.resolve(found[0])
    if resolved.is_group:
        members = "、".join(resolved.members)
        usage(t("err.group", lang, name=resolved.name, members=members), "--unit")
    return str(resolved.name)


# --- the config file (SPEC §13) --------------------------------------------------------------

# Commands that read no data, so a broken config file does not stand in their way.
WITHOUT_CONFIG = frozenset({"init"})
_message_lang = [HELP_LANG]


def config() -> Any:
    """The config file in effect for this run (an empty one when there is none), read the
    first time a command asks for it: `wz-tasks COMMAND --help` never does."""
    from wz_tasks import config

    if config.ACTIVE is None:
        config.ACTIVE = config.Config()
        try:
            config.ACTIVE = config.discover()
        except config.ConfigError as exc:
            from wz_tasks.render.diagnostics import text_line

            for d in exc.diagnostics:
                err(text_line(d, _message_lang[0]))
            done(2)
    return config.ACTIVE


def read_config(command: str | None, lang: str) -> None:
    """Start a run of `command`: its config file is read when first needed; a file that
    cannot be used is then exit 2, with its messages in `lang`."""
    from wz_tasks import config

    config.ACTIVE = config.Config() if command in WITHOUT_CONFIG else None
    _message_lang[0] = lang


class _FromConfig:
    """A default_map entry: the config file's value of `key`, else the option's own `default`,
    looked up only when click needs it (the option was not given). Help shows `default`
    without reading the file."""

    def __init__(self, key: str, default: Any = None) -> None:
        self.key, self.default = key, default

    def __call__(self) -> Any:
        value = getattr(config(), self.key)
        if value is None:
            return self.default
        return str(value) if isinstance(value, Path) else value

    def __str__(self) -> str:
        return "" if self.default is None else str(self.default)


# option name: config key (SPEC §13)
FROM_CONFIG = {
    "tasks": "tasks",
    "lang": "lang",
    "soon": "due_soon_days",
    "fail_on": "fail_on",
    "strict": "strict",
}


def config_defaults(params: Any, lang: str | None) -> dict[str, Any]:
    """A command's option defaults from the config file, for click's default_map: below the
    command line and the environment, above each option's own default. `params`: the
    command's click parameters; `lang`: given to `wz-tasks --lang`."""
    found: dict[str, Any] = {}
    for p in params:
        key = FROM_CONFIG.get(p.name or "")
        if key is not None:
            found[p.name] = _FromConfig(key, p.default)
    if lang is not None and "lang" in found:
        found["lang"] = lang
    return found


# --- writing ---------------------------------------------------------------------------------

MIN_WIDTH = 60  # below this a table cannot show every column; it wraps at this width instead


def _width() -> int:
    import shutil

    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() else shutil.get_terminal_size((100, 24)).columns
    return max(width, MIN_WIDTH)


def use_color(stream: Any = None) -> bool:
    """Colour only on a terminal that can show it: not under NO_COLOR or TERM=dumb."""
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def page(lang: str) -> Any:
    from wz_tasks.render import Page

    try:
        terminal = sys.stdout.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return Page(lang=lang, width=_width(), terminal=terminal, color=use_color())


def write(stream: Any, text: str) -> None:
    """Write `text`; characters the stream's encoding lacks (GBK, ASCII) are shown escaped."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        data = text.encode(encoding, "backslashreplace")
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            stream.flush()
            buffer.write(data)
            buffer.flush()
            return
        text = data.decode(encoding)
    stream.write(text)


def emit(kind: str, fmt: str, result: Any, lang: str) -> None:
    """Render `result` with the renderer registered for `fmt` and write it to stdout."""
    from wz_tasks.render import renderer

    to_stdout(renderer(kind, fmt)(result, page(lang)), fmt)


def to_stdout(out: str | bytes, fmt: str) -> None:
    """Write a command's answer to stdout: bytes (DOCX, .ics) as they are, text with its lines
    guarded unless `fmt` is data (JSON, CSV, GitHub annotations).

    A reader that leaves early (`wz-tasks status | head -1`) ends the output quietly; the
    command still exits with the code its findings give (0 fine, 1 problems)."""
    from wz_tasks.escape import guard_lines
    from wz_tasks.render import UNGUARDED

    try:
        if isinstance(out, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(out)
            sys.stdout.buffer.flush()
        else:
            write(sys.stdout, out if fmt in UNGUARDED else guard_lines(out))
            sys.stdout.flush()
    except BrokenPipeError:
        stdout_to_devnull()


def show_invalid(invalid: dict[str, list[Any]], lang: str) -> None:
    """List invalid files on stderr (for formats whose stdout is data, such as CSV)."""
    from wz_tasks.render.diagnostics import text_line

    if invalid:
        err(t("invalid.title", lang, n=len(invalid)))
        for diags in invalid.values():
            for d in diags:
                err(text_line(d, lang))
