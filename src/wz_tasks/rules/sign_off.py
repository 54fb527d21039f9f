"""WZ135 sign-off-not-responsible, WZ136 sign-off-item, WZ137 sign-off-after-date: a sign-off
(销号, SPEC §10.4) comes from the policy's supervising unit, names one task or duty the named
unit is accountable for, and is dated on or before the file.

PASS::

    unit: 市住建局
    date: 2026-01-10
    sign_off:
      - {task: 7, unit: 市住建局, date: 2026-01-10, note: 经核查已完成}

FAIL::

    unit: 盐池县                                    # not the supervising unit
    sign_off:
      - {task: 4, unit: 市住建局, date: 2025-12-20}   # 市住建局 does not lead task 4
      - {task: 7, unit: 市住建局, date: 2025-12-28}   # after the file's date
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.models import SignOff
from wz_tasks.rules.context import FileContext

IDS = ("WZ135", "WZ136", "WZ137")


def _why(zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"why": {"zh": zh, "en": en}}


def check(ctx: FileContext) -> Iterator[Diagnostic]:
    report = ctx.pr.report
    items = report.sign_off if report is not None else None
    if not items:
        return
    tl = ctx.tl
    responsible = tl.registry.resolve(tl.policy.responsible or "")
    if ctx.unit is not None and (responsible is None or ctx.unit != responsible.name):
        name = responsible.name if responsible is not None else "—"
        yield ctx.at("WZ135", {"responsible": name, "unit": ctx.unit}, "sign_off")
        return
    for i, item in enumerate(items):
        yield from _item(ctx, i, item)


def _item(ctx: FileContext, i: int, item: SignOff) -> Iterator[Diagnostic]:
    tl, where = ctx.tl, ("sign_off", i)
    resolved = tl.registry.resolve(item.unit)
    if (item.task is None) == (item.duty is None):
        why = _why("请写 task 或 duty 中的一个", "name either a task or a duty")
    elif resolved is None or resolved.is_group:
        why = _why(f"未知单位 {item.unit}", f"unknown unit {item.unit}")
    elif item.task is not None:
        task = tl.tasks.get(item.task)
        if task is None:
            why = _why(f"没有任务 {item.task}", f"there is no task {item.task}")
        elif resolved.name not in tl.leads(task):
            why = _why(
                f"{resolved.name} 不牵头任务 {item.task}",
                f"{resolved.name} does not lead task {item.task}",
            )
        else:
            why = None
    else:
        duty = tl.duties.get(item.duty or "")
        if duty is None:
            why = _why(f"没有职责 {item.duty}", f"there is no duty {item.duty}")
        elif resolved.name not in tl.reporters(duty):
            why = _why(
                f"{resolved.name} 不负责职责 {item.duty}",
                f"{resolved.name} does not report duty {item.duty}",
            )
        else:
            why = None
    if why is not None:
        yield ctx.at("WZ136", why, *where)
    elif ctx.date is not None and item.date > ctx.date:
        params = {"signed": item.date.isoformat(), "date": ctx.date.isoformat()}
        yield ctx.at("WZ137", params, *where, "date")
