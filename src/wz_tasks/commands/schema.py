"""`schema`: JSON Schema (draft-07) of a progress file, for editors (SPEC §4)."""

import sys

import typer

from wz_tasks.commands.options import LangOpt, TasksOpt, h, lang_of, task_list, write


def schema(tasks: TasksOpt = None, lang: LangOpt = "zh") -> None:
    from wz_tasks.schema import dumps

    write(sys.stdout, dumps(task_list(tasks, lang_of(lang))))


def register(app: typer.Typer) -> None:
    app.command("schema", help=h("cmd.schema"))(schema)
