"""`score`: each lead unit's score and rank by the policy's scoring rules (SPEC §10.5)."""

from typing import Annotated

import typer

from wz_tasks.commands.options import (
    AsOfOpt,
    LangOpt,
    NoCacheOpt,
    ProgressOpt,
    TasksOpt,
    date_of,
    done,
    emit,
    err,
    finish,
    format_of,
    format_opt,
    h,
    lang_of,
    show_invalid,
    task_list,
    workspace,
)
from wz_tasks.labels import t


def score(
    fmt: Annotated[str, format_opt("score")] = "table",
    tasks: TasksOpt = None,
    progress: ProgressOpt = None,
    as_of: AsOfOpt = None,
    lang: LangOpt = "zh",
    no_cache: NoCacheOpt = False,
) -> None:
    from wz_tasks.render.score import ScoreResult
    from wz_tasks.scoring import score as scores

    lang = lang_of(lang)
    fmt, day = format_of("score", fmt, lang), date_of(as_of, lang)
    tl = task_list(tasks, lang, no_cache)
    rules = tl.policy.scoring
    if rules is None:
        err(t("score.no_rules", lang))
        done(2)
    ws = workspace(tl, progress, day, lang, no_cache=no_cache)
    ev = ws.evaluate(day)
    show_invalid(ws.checked.invalid, lang)
    emit("score", fmt, ScoreResult(ev.as_of, rules, scores(ev, rules), ws.task_list), lang)
    finish(1 if ws.checked.invalid else 0, ws, ev)


def register(app: typer.Typer) -> None:
    app.command("score", help=h("cmd.score"))(score)
