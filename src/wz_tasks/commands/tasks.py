"""`tasks`: the task list (SPEC §4)."""

from typing import Annotated

import typer

from wz_tasks.commands.options import (
    LangOpt,
    TasksOpt,
    emit,
    format_of,
    format_opt,
    h,
    lang_of,
    task_list,
)


def tasks(
    tasks: TasksOpt = None,
    lang: LangOpt = "zh",
    fmt: Annotated[str, format_opt("tasks")] = "table",
) -> None:
    from wz_tasks.render.results import TasksResult

    lang = lang_of(lang)
    fmt = format_of("tasks", fmt, lang)
    emit("tasks", fmt, TasksResult(task_list(tasks, lang)), lang)


def register(app: typer.Typer) -> None:
    app.command("tasks", help=h("cmd.tasks"))(tasks)
