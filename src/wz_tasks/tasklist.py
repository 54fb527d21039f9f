"""The task list as the rest of the program sees it: policy, categories, tasks and units."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wz_tasks.codes import Diagnostic
from wz_tasks.models import Category, Duty, Policy, Task, TaskListFile
from wz_tasks.units import UnitRegistry


@dataclass
class TaskList:
    policy: Policy
    categories: dict[int, Category]
    tasks: dict[int, Task]
    registry: UnitRegistry
    source: str = "<embedded>"
    # Where each task stands in the task list, for messages about it.
    task_locs: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    key: str = ""  # a hash of the files it was read from
    duties: dict[str, Duty] = field(default_factory=dict)  # Attachment 1, by key
    # Each task's units with groups expanded: (leads, supports, both as a set). Derived once.
    _units: dict[int, tuple[list[str], list[str], frozenset[str]]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._units = {}
        for task in self.tasks.values():
            leads, supports = self.registry.expand(task.lead), self.registry.expand(task.support)
            self._units[task.id] = (leads, supports, frozenset(leads + supports))

    @classmethod
    def from_file(cls, data: TaskListFile, source: str = "<embedded>") -> TaskList:
        return cls(
            policy=data.policy,
            categories={c.number: c for c in data.categories},
            tasks={t.id: t for t in sorted(data.tasks, key=lambda t: t.id)},
            registry=UnitRegistry(data.units, data.groups),
            source=source,
            duties={duty.key: duty for duty in data.duties},
        )

    def leads(self, task: Task) -> list[str]:
        """The task's lead units, groups expanded to their members."""
        return self._units[task.id][0]

    def supports(self, task: Task) -> list[str]:
        """The task's supporting units, groups expanded."""
        return self._units[task.id][1]

    def involves(self, unit: str, task: Task) -> bool:
        """Whether `unit` leads or supports `task`."""
        return unit in self._units[task.id][2]

    def interval(self, item: Task | Duty) -> int:
        return item.reporting_interval_days or self.policy.reporting_interval_days

    def reporters(self, duty: Duty) -> list[str]:
        """Who reports on a duty: its `reported_by` (each county for its own area) or holder."""
        return self.registry.expand([duty.reported_by or duty.holder])

    def order(self, kind: str, key: int | str) -> tuple[int, int]:
        """Where an item stands in the policy: measures by number, then duties as printed."""
        if kind == "task":
            return (0, int(key))
        return (1, list(self.duties).index(str(key)) if key in self.duties else len(self.duties))

    def duties_of(self, unit: str) -> list[Duty]:
        """The duties a unit reports on."""
        return [d for d in self.duties.values() if unit in self.reporters(d)]


def _why(zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"why": {"zh": zh, "en": en}}


def check_task_list(tl: TaskList, data: TaskListFile, locate: Any) -> list[Diagnostic]:
    """What makes a task list usable beyond its types: names resolve, dates are in order."""
    out: list[Diagnostic] = []

    def add(loc: tuple[Any, ...], code: str, params: dict[str, Any]) -> None:
        path, line, col = locate(loc)
        out.append(Diagnostic(path, line, col, code, params))

    def unknown(loc: tuple[Any, ...], name: str) -> None:
        near = tl.registry.suggest(name)
        hint = (
            {"zh": "是不是 " + "、".join(near) + "?", "en": "Did you mean " + ", ".join(near) + "?"}
            if near
            else {"zh": "请先在 units 中登记。", "en": "Add it under units."}
        )
        add(loc, "WZ401", {"unit": name, "hint": hint})

    for spelling, first, second in tl.registry.spellings_clash():
        add(
            ("units",),
            "WZ402",
            _why(
                f"名称 {spelling} 同时属于 {first} 和 {second}",
                f"the name {spelling} belongs to both {first} and {second}",
            ),
        )
    for gi, group in enumerate(data.groups):
        for mi, member in enumerate(group.members):
            if member not in tl.registry.units:
                unknown(("groups", gi, "members", mi), member)
    if data.policy.expires <= data.policy.effective:
        add(
            ("policy", "expires"),
            "WZ402",
            _why("失效日期应晚于施行日期", "expiry must come after the effective date"),
        )
    seen: dict[int, int] = {}
    for ti, task in enumerate(data.tasks):
        where = ("tasks", ti)
        if task.id in seen:
            add(
                (*where, "id"),
                "WZ402",
                _why(f"任务序号 {task.id} 重复", f"task id {task.id} is used twice"),
            )
        seen[task.id] = ti
        if task.review is not None:
            add((*where, "review"), "WZ404", {"task": task.id, "reason": task.review})
            continue  # its schedule is what awaits review
        if task.category not in tl.categories:
            add(
                (*where, "category"),
                "WZ402",
                _why(f"没有编号为 {task.category} 的类别", f"no category {task.category}"),
            )
        for role in ("lead", "support"):
            for ni, name in enumerate(getattr(task, role)):
                if tl.registry.resolve(name) is None:
                    unknown((*where, role, ni), name)
        if task.indicators and task.due is not None:
            add(
                (*where, "due"),
                "WZ402",
                _why(
                    "有量化指标的任务以最后一个节点为完成时限,请删去 due",
                    "a task with indicators is due at its final milestone: remove due",
                ),
            )
        if not (task.indicators or task.due or task.ongoing or task.every):
            add(
                where,
                "WZ402",
                _why(
                    "任务需要 due、indicators、every 或 ongoing: true 之一",
                    "a task needs due, indicators, every or ongoing: true",
                ),
            )
        keys: set[str] = set()
        for ii, ind in enumerate(task.indicators):
            if ind.key in keys:
                add(
                    (*where, "indicators", ii, "key"),
                    "WZ402",
                    _why(f"指标代码 {ind.key} 重复", f"indicator key {ind.key} is used twice"),
                )
            keys.add(ind.key)
            dues = [m.due for m in ind.milestones]
            if dues != sorted(set(dues)):
                add(
                    (*where, "indicators", ii, "milestones"),
                    "WZ402",
                    _why("节点日期应从早到晚排列且不重复", "milestones must be in date order"),
                )
            for mi, ms in enumerate(ind.milestones):
                if ind.kind == "percent" and ms.target > 100:
                    add(
                        (*where, "indicators", ii, "milestones", mi, "target"),
                        "WZ402",
                        _why("百分比目标不能超过 100", "a percent target cannot exceed 100"),
                    )
                if ind.kind == "count" and ms.target != int(ms.target):
                    add(
                        (*where, "indicators", ii, "milestones", mi, "target"),
                        "WZ402",
                        _why("数量目标应为整数", "a count target must be whole"),
                    )
    duty_keys: set[str] = set()
    for di, duty in enumerate(data.duties):
        where = ("duties", di)
        if duty.key in duty_keys:
            add(
                (*where, "key"),
                "WZ402",
                _why(f"职责编号 {duty.key} 重复", f"duty key {duty.key} is used twice"),
            )
        duty_keys.add(duty.key)
        for role in ("holder", "reported_by"):
            name = getattr(duty, role)
            if name is not None and tl.registry.resolve(name) is None:
                unknown((*where, role), name)
        if duty.task is not None and duty.task not in tl.tasks:
            add(
                (*where, "task"),
                "WZ402",
                _why(f"没有序号为 {duty.task} 的任务", f"no task {duty.task}"),
            )
    return out
