"""Writing the task list: policy.yaml, units.yaml and tasks.yaml in the format of SPEC §2.1."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from wz_tasks.importer.phrases import Schedule
from wz_tasks.importer.records import Category

_RESERVED = re.compile(r"^(?:y|n|yes|no|true|false|on|off|null|~)$", re.IGNORECASE)
_UNSAFE = re.compile(r"[:#,\[\]{}&*!|>'\"%@`\\]|^[\s\-?0-9.+]|\s$")


def scalar(text: str) -> str:
    """A YAML scalar for `text`: plain when that reads back as the same string, else quoted."""
    if not text or "\n" in text or _UNSAFE.search(text) or _RESERVED.match(text):
        return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one
    return text


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i) for i in items) + "]"


@dataclass
class TaskOut:
    id: int
    category: int
    measure: str
    lead: list[str]
    support: list[str]
    deadline_text: str
    schedule: Schedule | None
    review: str | None = None
    note: str | None = None  # a comment beside the id (the printed number when it differs)


@dataclass
class UnitOut:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    note: str | None = None


def policy_yaml(
    title: str,
    source: str,
    categories: list[Category],
    effective: dt.date | None,
    expires: dt.date | None,
) -> str:
    lines = [
        f"# 由 wz-tasks import-tasks 从 {source} 读出。",
        "# 表中没有发文机关和施行、失效日期:请核对并填写。",
        "policy:",
        f"  title: {scalar(title)}",
        '  issuer: ""                             # 发文机关:表中没有,请填写',
    ]
    if effective is not None and expires is not None:
        lines += [
            f"  effective: {effective.isoformat()}   # 表中没有:取最早时限所在年的 1 月 1 日",
            f"  expires: {expires.isoformat()}     # 表中没有:取最晚时限所在年的年底",
        ]
    lines += [
        "  reporting_interval_days: 90",
        "  due_soon_days: 30",
        "",
        "categories:",
        *[f"  - {{number: {c.number}, title: {scalar(c.title)}}}" for c in categories],
    ]
    return "\n".join(lines) + "\n"


def units_yaml(units: list[UnitOut], groups: list[dict[str, Any]]) -> str:
    lines = ["# 各单位:name 为规范名称,aliases 为表中的其他写法。", "units:"]
    for u in units:
        note = f"  # {u.note}" if u.note else ""
        lines.append(f"  - name: {scalar(u.name)}{note}")
        lines.append(f"    kind: {u.kind}")
        if u.aliases:
            lines.append(f"    aliases: {flow(u.aliases)}")
    if groups:
        lines += ["", "groups:"]
        for g in groups:
            lines.append(f"  - name: {scalar(g['name'])}")
            if g.get("aliases"):
                lines.append(f"    aliases: {flow(list(g['aliases']))}")
            lines.append(f"    members: {flow(list(g.get('members') or []))}")
    return "\n".join(lines) + "\n"


def tasks_yaml(tasks: list[TaskOut], source: str) -> str:
    lines = [
        f"# 由 wz-tasks import-tasks 从 {source} 读出。序号按表中顺序编为 1..N;",
        "# 表中印的序号与此不同时,写在该项 id 后的注释里。",
        "# 带 review 的任务需人工核对,写好时限后删去 review。",
        "tasks:",
    ]
    for t in tasks:
        note = f"  # {t.note}" if t.note else ""
        lines += [
            f"  - id: {t.id}{note}",
            f"    category: {t.category}",
            f"    measure: {scalar(t.measure)}",
            f"    lead: {flow(t.lead)}",
            f"    support: {flow(t.support)}",
            f"    deadline_text: {scalar(t.deadline_text)}",
        ]
        lines += _schedule(t)
        if t.review is not None:
            lines.append(f"    review: {scalar(t.review)}")
        lines.append("")
    return "\n".join(lines)


def _schedule(t: TaskOut) -> list[str]:
    s = t.schedule
    if s is None:
        return []
    out = []
    if s.due is not None:
        out.append(f"    due: {s.due.isoformat()}")
    if s.ongoing:
        out.append("    ongoing: true")
    if s.every is not None:
        out.append(f"    every: {s.every.every}")
        if s.every.by:
            inner = ", ".join(f"{k}: {v}" for k, v in s.every.by.items())
            out.append(f"    by: {{{inner}}}")
    if s.milestones:
        assert s.kind is not None
        out += [
            "    indicators:",
            f"      - key: task_{t.id}_{s.kind}",
            f"        name: {scalar(t.measure)}",
            f"        kind: {s.kind}",
            "        milestones:",
            *[
                f"          - {{due: {m.due.isoformat()}, target: {m.target}}}"
                for m in s.milestones
            ],
        ]
    return out
