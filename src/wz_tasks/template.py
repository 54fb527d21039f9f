"""`new-report`: a progress file pre-filled for one unit, every blank marked 待填写."""

from __future__ import annotations

import datetime as dt

from wz_tasks.evaluate import Evaluation, UnitResult
from wz_tasks.labels import t
from wz_tasks.load import PLACEHOLDER
from wz_tasks.models import Duty, Task
from wz_tasks.periods import label as period_label
from wz_tasks.periods import parse_label
from wz_tasks.render.words import clip, number, part_detail, rhythm, short_name
from wz_tasks.schedule.recurring import Recurring
from wz_tasks.tasklist import TaskList
from wz_tasks.units import UnitRegistry

_P = PLACEHOLDER


def _state(u: UnitResult | None, lang: str = "zh") -> list[str]:
    """Comment lines: the newest report and what is due, as of the template's date."""
    if u is None:
        return []
    lines = []
    if u.latest is not None:
        e = u.latest.entry
        said = [f"value {number(e.value)}"] if e.value is not None else []
        said += [f"{k} {number(v)}" for k, v in (e.values or {}).items()]
        said.append(t(f"entry.{e.status}", lang))
        lines.append(t("tpl.last", lang, date=u.latest.date.isoformat()) + ",".join(said))
    else:
        lines.append(t("tpl.none", lang))
    lines += [part_detail(p, lang) for p in u.parts if p.part != "ongoing"]
    return lines


def _entry(task: Task, u: UnitResult | None, commented: bool) -> list[str]:
    head = [f"# {task.id}. {clip(task.measure, 40)}(完成时限:{task.deadline_text})"]
    head += [f"#    {line}" for line in _state(u)]
    body = [f"- task: {task.id}"]
    if task.indicators:
        primary = task.indicators[0]
        unit = "百分比 0–100,只写数字" if primary.kind == "percent" else "个数,整数"
        body.append(f"  value: {_P}  # {primary.name}({unit})")
        if primary.kind == "percent":
            body.append("  # 也可以写分子和分母代替 value,如 numerator: 31 和 denominator: 50")
        if len(task.indicators) > 1:
            others = ", ".join(f"{i.key}: {_P}" for i in task.indicators[1:])
            names = ";".join(f"{i.key} = {i.name}" for i in task.indicators[1:])
            body.append(f"  values: {{{others}}}  # {names}")
    elif task.completes:
        done = next(
            (
                p
                for p in (u.parts if u else ())
                if p.schedule == "due" and p.status.done and p.done_on
            ),
            None,
        )
        if done is not None and done.done_on is not None:  # keep it done while reporting on
            body.append(f"  status: done  # 已于 {done.done_on.isoformat()} 完成,请保持")
            body.append(f"  done_on: {done.done_on.isoformat()}")
        else:
            body.append(f"  status: {_P}  # not_started 未开始 / in_progress 推进中 / done 已完成")
            body.append("  # done_on: YYYY-MM-DD  # 已完成时填写完成日期")
    body += [
        f"  progress: {_P}  # 工作进展",
        f"  problems: {_P}  # 存在问题(没有可删去这一行)",
        f"  next_steps: {_P}  # 下一步计划",
    ]
    if commented:
        body = ["# " + line for line in body]
    return ["  " + line for line in head + body]


def _current_period(duty: Duty, date: dt.date, tl: TaskList) -> str | None:
    """The label of the recurring duty's period that holds `date` (2026-Q4), if it has one."""
    found = Recurring.of(duty).periods(tl.policy.effective, tl.policy.expires)
    return next((p.label for p in found if p.holds(date)), None)


def _duty_entry(duty: Duty, u: UnitResult | None, date: dt.date, tl: TaskList) -> list[str]:
    """A duty of Attachment 1 (SPEC §10.2), commented as the measures are."""
    about = [rhythm(duty.every, "zh")]
    if duty.task is not None:
        about.append(t("duty.task", "zh", id=duty.task))
    head = [f"# {duty.key} {clip(duty.text, 40)}({';'.join(about)})"]
    head += [f"#    {line}" for line in _state(u)]
    body = [f"- duty: {duty.key}"]
    if duty.every is not None:
        label = _current_period(duty, date, tl)
        if label is not None:
            shown = f'"{label}"' if label.isdigit() else label  # a year is text, not a number
            body.append(f"  period: {shown}  # 本期;补报上一期时改为那一期,如 {_example(label)}")
        body.append(f"  status: {_P}  # in_progress 推进中 / done 本期已完成")
        body.append("  # done_on: YYYY-MM-DD  # 本期已完成时填写完成日期")
    body += [
        f"  progress: {_P}  # 工作进展",
        f"  problems: {_P}  # 存在问题(没有可删去这一行)",
        f"  next_steps: {_P}  # 下一步计划",
    ]
    return ["  " + line for line in head + body]


def _example(label: str) -> str:
    """Another label of the same kind, to show how one is written."""
    parsed = parse_label(label)
    if parsed is None:
        return label
    kind, start = parsed
    return period_label(kind, start - dt.timedelta(days=1))


def render(tl: TaskList, unit: str, date: dt.date, ev: Evaluation) -> str:
    mine = {r.task.id: u for r in ev.tasks for u in r.units if u.unit == unit}
    duties = {d.duty.key: u for d in ev.duties for u in d.units if u.unit == unit}
    supported = [r.task for r in ev.tasks if any(n == unit for n, _ in r.supporters)]
    lines = [
        "# yaml-language-server: $schema=../progress.schema.json",
        f"# {tl.policy.title}:进度报送",
        f"# 由 wz-tasks new-report 生成。把每个“{_P}”换成实际内容(没有的可删去那一行),",
        "# 保存后运行 wz-tasks check 检查。牵头任务都要填写;配合任务如需报送,去掉行首的 # 即可。",
        f"unit: {unit}",
        f"date: {date.isoformat()}  # 数据截至日期",
        f"contact: {_P}  # 联系人及电话,如 张三 0953-1234567",
        "entries:",
    ]
    done_already = []
    for task_id, u in mine.items():
        task = tl.tasks[task_id]
        if u.status.done and not task.ongoing:
            done_already.append(task)
            continue
        lines += [*_entry(task, u, commented=False), ""]
    for task in done_already:
        lines += [
            "  # 以下任务已完成,无需再报(如有变化可去掉 # 填写):",
            *_entry(task, mine[task.id], commented=True),
            "",
        ]
    if supported and mine:
        lines.append("  # ---- 配合任务(需要时去掉行首的 # 填写) ----")
    for task in supported:  # a unit that leads nothing reports on what it supports
        lines += [*_entry(task, None, commented=bool(mine)), ""]
    if duties:
        lines.append("  # ---- 附件1 责任分工:本单位报送的职责 ----")
    for duty in tl.duties_of(unit):
        lines += [*_duty_entry(duty, duties.get(duty.key), date, tl), ""]
    return "\n".join(lines).rstrip() + "\n"


_UNSAFE_IN_FILE_NAMES = set('/\\:*?"<>| \t')


def file_name(registry: UnitRegistry, unit: str) -> str:
    """The unit's part of a new report's file name: its short name (the canonical name when
    that is at most six characters, else its shortest alias, e.g. 盐池县 for 盐池县人民政府),
    with characters no file system takes in a name (and spaces) left out."""
    short = short_name(registry, unit)
    return "".join(c for c in short if c not in _UNSAFE_IN_FILE_NAMES) or unit
