"""The `wz-tasks` command line: an index of the commands in `wz_tasks.commands`.

Each command is one module with `register(app)`; adding a command is one module and one line
in `COMMANDS`. Help text is Chinese unless `--lang en` or WZ_TASKS_LANG=en (SPEC §9).
"""

from __future__ import annotations

import gc
import os
from types import ModuleType
from typing import Annotated

import typer

from wz_tasks import __version__
from wz_tasks.commands import (
    bulletin,
    calendar,
    check,
    duties,
    import_tasks,
    init,
    new_report,
    remind,
    report,
    schema,
    score,
    show,
    status,
    tasks,
    units,
)
from wz_tasks.commands.options import (
    HELP_LANG,
    LangOpt,
    config_defaults,
    h,
    lang_of,
    read_config,
)

COMMANDS: tuple[ModuleType, ...] = (status, report, check, tasks, show, units, schema, new_report)
COMMANDS += (duties, remind, score, calendar, bulletin, import_tasks, init)

app = typer.Typer(
    name="wz-tasks",
    help=h("help.app"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
for command in COMMANDS:
    command.register(app)


def _version(value: bool) -> None:
    if value:
        print(f"wz-tasks {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=h("help.version")),
    ] = False,
    lang: LangOpt = "zh",
) -> None:
    # `wz-tasks --lang en status` means the same as `wz-tasks status --lang en` (the help's
    # language was already chosen from the command line before the app was built); the config
    # file (SPEC §13) gives the defaults below the command line and the environment
    given = ctx.get_parameter_source("lang")
    root_lang = lang if given is not None and given.name != "DEFAULT" else None
    read_config(ctx.invoked_subcommand, lang_of(lang) if root_lang else HELP_LANG)
    commands = getattr(ctx.command, "commands", {})
    ctx.default_map = {
        name: config_defaults(command.params, root_lang) for name, command in commands.items()
    }


_root.__doc__ = h("help.app")


def main() -> None:
    """Entry point of the app (after the replay, replay.main): every failure ends in a message
    and an exit code, never a traceback (streams.guarded)."""
    from wz_tasks.streams import guarded

    # A short-lived process that builds many small objects and frees them all at exit: the
    # cyclic collector would only walk the growing heap again and again (a third of a large run).
    gc.disable()
    # We use no pydantic plugins; looking for them costs every run a scan of installed packages.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    guarded(app)
