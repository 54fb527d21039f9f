"""The domain as pydantic models: the policy and its task list, and a unit's progress report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

UnitKind = Literal[
    "city_department",
    "county_government",
    "county_department",
    "township",
    "enterprise",
    "association",
]
EntryStatus = Literal["not_started", "in_progress", "done"]


class _Strict(BaseModel):
    # defer_build: a validator is built when first used, so a run that takes the task list from
    # the cache never builds the task list's validators.
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, defer_build=True)


# --- the task list (tasks/*.yaml) -------------------------------------------------------------


class Policy(_Strict):
    title: str
    notice: str | None = None
    index_number: str | None = None
    issuer: str
    responsible: str | None = None
    issued: dt.date | None = None
    effective: dt.date
    expires: dt.date
    reporting_interval_days: Annotated[int, Field(gt=0)] = 90
    due_soon_days: Annotated[int, Field(ge=0)] = 30


class Category(_Strict):
    number: Annotated[int, Field(ge=1)]
    title: str


class Unit(_Strict):
    name: str
    kind: UnitKind
    aliases: list[str] = []


class Group(_Strict):
    name: str
    aliases: list[str] = []
    members: list[str]


class Milestone(_Strict):
    due: dt.date
    target: Annotated[float, Field(ge=0)]


class Indicator(_Strict):
    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
    name: str
    kind: Literal["percent", "count"]
    baseline: Annotated[float, Field(ge=0)] = 0
    milestones: Annotated[list[Milestone], Field(min_length=1)]


class Task(_Strict):
    id: Annotated[int, Field(ge=1)]
    category: int
    measure: str
    lead: Annotated[list[str], Field(min_length=1)]
    support: list[str] = []
    deadline_text: str
    due: dt.date | None = None
    ongoing: bool = False
    indicators: list[Indicator] = []
    reporting_interval_days: Annotated[int, Field(gt=0)] | None = None

    @property
    def final_due(self) -> dt.date | None:
        """The date the task must be complete by: its due date or its final milestone."""
        if self.indicators:
            return max(m.due for i in self.indicators for m in i.milestones)
        return self.due

    @property
    def completes(self) -> bool:
        """Whether the task has a part that can be done (a due date or an indicator)."""
        return bool(self.indicators) or self.due is not None

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


class TaskListFile(_Strict):
    """What the task list's YAML files hold, merged."""

    policy: Policy
    categories: list[Category]
    units: list[Unit]
    groups: list[Group] = []
    tasks: list[Task]


def indicator_value(task: Task, ind: Indicator, entry: Entry) -> float | None:
    """The value an entry gives for an indicator: `value` (or the ratio) for the primary one."""
    if ind is task.indicators[0]:
        if entry.value is not None:
            return entry.value
        if entry.numerator is not None and entry.denominator:
            return entry.numerator / entry.denominator * 100
        return None
    return (entry.values or {}).get(ind.key)


# --- progress reports (progress/**/*.yaml) ----------------------------------------------------


def _not_bool(v: object) -> object:
    # YAML's true/false are no figures; pydantic's lax float would take them as 1 and 0.
    if isinstance(v, bool):
        raise PydanticCustomError("float_type", "Input should be a valid number")
    return v


_Number = Annotated[float, Field(strict=False), BeforeValidator(_not_bool)]


class Entry(_Strict):
    """One measure in a progress report (进度报送中的一项任务)."""

    task: Annotated[int, Field(strict=True, description="任务序号(附件2 中的 1–20)")]
    status: Annotated[
        EntryStatus, Field(description="not_started 未开始 / in_progress 推进中 / done 已完成")
    ] = "in_progress"
    done_on: Annotated[
        dt.date | None, Field(description="完成日期(仅 status: done 时填写,不能晚于报送日期)")
    ] = None
    value: Annotated[
        _Number | None, Field(description="主要指标的数值:百分比填 0–100 的数字(不带 %),数量填整数")
    ] = None
    numerator: Annotated[
        _Number | None,
        Field(description="百分比指标的分子(如已组建业委会的小区数),与 denominator 同时填写"),
    ] = None
    denominator: Annotated[_Number | None, Field(description="百分比指标的分母(如小区总数)")] = None
    values: Annotated[
        dict[str, _Number] | None,
        Field(description="本任务其他指标的数值,按指标代码填写,如 {party_work_coverage: 100}"),
    ] = None
    progress: Annotated[str | None, Field(description="工作进展")] = None
    problems: Annotated[str | None, Field(description="存在问题")] = None
    next_steps: Annotated[str | None, Field(description="下一步计划")] = None


class Report(_Strict):
    """One progress file: one unit's submission describing the state on one date."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        allow_inf_nan=False,
        defer_build=True,
        title="wz-tasks 进度报送文件",
        json_schema_extra={"description": "一个文件是一个单位在某一日期的一次进度报送。"},
    )

    unit: Annotated[str, Field(description="报送单位:规范名称或别名,如 市住建局、盐池县")]
    date: Annotated[dt.date, Field(description="数据截至日期,格式 YYYY-MM-DD")]
    contact: Annotated[str | None, Field(description="联系人及电话")] = None
    entries: Annotated[list[Entry], Field(min_length=1, description="各项任务的进展,至少一项")]


@dataclass(frozen=True)
class Submission:
    """A report that passed every check, with its unit resolved to the canonical name."""

    unit: str
    report: Report
    path: str
