"""The reporting calendar as iCalendar (SPEC §10.5 `calendar`): deadlines, milestones, recurring
duties as RRULE and report dates, for Outlook, WPS and phone calendars.

`events()` decides what goes in (pure); `to_ics()` writes it with the icalendar library (imported
only here, on this command's path). UIDs are stable, so importing a newer file updates events
instead of doubling them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from wz_tasks.evaluate import Evaluation, ItemRef
from wz_tasks.models import Duty, Task
from wz_tasks.schedule.recurring import Recurring
from wz_tasks.tasklist import TaskList

_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_MONTHS = {"month": 1, "quarter": 3, "half_year": 6}


@dataclass(frozen=True)
class CalEvent:
    uid: str
    day: dt.date
    summary: str
    description: str
    rrule: dict[str, Any] = field(default_factory=dict)  # empty: a single day
    categories: tuple[str, ...] = ()


def rrule_of(rec: Recurring, first: dt.date, last: dt.date) -> dict[str, Any]:
    """The RRULE whose occurrences, from DTSTART `first`, are exactly the periods' deadlines
    (periods.deadline): quarterly is FREQ=MONTHLY;INTERVAL=3, a day past the 28th is clamped to
    the month's length with BYMONTHDAY=28,…,N;BYSETPOS=-1, the period's last day is -1."""
    rule: dict[str, Any] = {"until": last}
    if rec.every == "week":
        rule |= {"freq": "weekly", "byday": _WEEKDAYS[(rec.weekday or 7) - 1]}
        return rule
    if rec.every == "year":
        rule |= {"freq": "yearly", "bymonth": first.month}
    else:
        rule |= {"freq": "monthly", "interval": _MONTHS[rec.every]}
    if rec.day is None:
        rule["bymonthday"] = -1  # the month's last day
    elif rec.day <= 28:
        rule["bymonthday"] = rec.day
    else:
        rule["bymonthday"] = list(range(28, rec.day + 1))
        rule["bysetpos"] = -1
    return rule


def _uid(tl: TaskList, *parts: object) -> str:
    digest = hashlib.blake2b(tl.policy.title.encode(), digest_size=4).hexdigest()
    return "-".join(["wz-tasks", digest, *(str(p) for p in parts)]) + "@wz-tasks"


def _short(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _task_events(tl: TaskList, task: Task) -> list[CalEvent]:
    out = []
    about = (
        f"{task.measure}\n牵头单位:{'、'.join(task.lead)}"
        + (f"\n配合单位:{'、'.join(task.support)}" if task.support else "")
        + f"\n完成时限:{task.deadline_text}"
    )
    if task.due is not None and not task.indicators:
        out.append(
            CalEvent(
                _uid(tl, "task", task.id, "due"),
                task.due,
                f"【到期】第{task.id}项 {_short(task.measure)}",
                about,
                categories=("到期",),
            )
        )
    for ind in task.indicators:
        unit = "%" if ind.kind == "percent" else ""
        for ms in ind.milestones:
            target = f"{ms.target:g}{unit}"
            out.append(
                CalEvent(
                    _uid(tl, "task", task.id, ind.key, ms.due.isoformat()),
                    ms.due,
                    f"【节点】第{task.id}项 {ind.name.split('(')[0]}达到{target}",
                    about,
                    categories=("节点目标",),
                )
            )
    if task.every is not None:
        out += _recurring(tl, task, f"第{task.id}项 {_short(task.measure)}", about, "task", task.id)
    return out


def _recurring(
    tl: TaskList, item: Task | Duty, title: str, about: str, *uid: object
) -> list[CalEvent]:
    rec = Recurring.of(item)
    found = rec.periods(tl.policy.effective, tl.policy.expires)
    if not found:
        return []
    rule = rrule_of(rec, found[0].deadline, found[-1].deadline)
    return [
        CalEvent(
            _uid(tl, *uid, "every"),
            found[0].deadline,
            f"【定期】{title}",
            about,
            rule,
            ("定期职责",),
        )
    ]


def events(tl: TaskList, ev: Evaluation, unit: str | None = None) -> list[CalEvent]:
    """What a unit's calendar (or the supervision desk's, with no unit) holds."""
    out: list[CalEvent] = []
    for task in tl.tasks.values():
        if unit is None or tl.involves(unit, task):
            out += _task_events(tl, task)
    for duty in tl.duties.values():
        if duty.every is None or (unit is not None and unit not in tl.reporters(duty)):
            continue
        about = f"{duty.text}\n责任主体:{duty.holder}"
        out += _recurring(tl, duty, f"{duty.key} {_short(duty.text)}", about, "duty", duty.key)
    out += _report_events(tl, ev, unit)
    return sorted(out, key=lambda e: (e.day, e.uid))


def _report_events(tl: TaskList, ev: Evaluation, unit: str | None) -> list[CalEvent]:
    """When reports are due: the policy's calendar rhythm, else each unit's next report date."""
    rhythm = tl.policy.reporting
    if rhythm is not None:
        rec = Recurring.of(rhythm)
        found = rec.periods(tl.policy.effective, tl.policy.expires)
        if not found:
            return []
        rule = rrule_of(rec, found[0].deadline, found[-1].deadline)
        who = unit or "各责任单位"
        return [
            CalEvent(
                _uid(tl, "report", unit or "all"),
                found[0].deadline,
                f"【报送】{who} 报送工作进展",
                "向市住建局报送牵头任务和职责的工作进展(wz-tasks new-report 生成报送文件)",
                rule,
                ("进度报送",),
            )
        ]
    due: dict[str, list[tuple[dt.date, ItemRef]]] = {}
    for ref, u in ev.lead_results():
        if (unit is None or u.unit == unit) and u.reporting.next_due is not None:
            due.setdefault(u.unit, []).append((u.reporting.next_due, ref))
    out = []
    for name, items in due.items():
        day = min(d for d, _ in items)
        refs = sorted((ref for d, ref in items if d == day), key=lambda r: tl.order(r.kind, r.key))
        owed = [f"第{r.key}项" if r.kind == "task" else str(r.key) for r in refs]
        out.append(
            CalEvent(
                _uid(tl, "report", name, day.isoformat()),
                day,
                f"【报送】{name} 报送工作进展",
                "应报送:" + "、".join(owed),
                categories=("进度报送",),
            )
        )
    return out


def to_ics(tl: TaskList, found: list[CalEvent], stamp: dt.date) -> bytes:
    """The events as one .ics file. `stamp` (the as-of date) keeps the output reproducible."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//wz-tasks//吴忠市物业服务管理工作任务清单//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", tl.policy.title)
    cal.add("x-wr-timezone", "Asia/Shanghai")
    moment = dt.datetime.combine(stamp, dt.time(), dt.UTC)
    for item in found:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", moment)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        if item.categories:
            event.add("categories", list(item.categories))
        if item.rrule:
            event.add("rrule", item.rrule)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.summary)
        alarm.add("trigger", dt.timedelta(days=-3))
        event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
