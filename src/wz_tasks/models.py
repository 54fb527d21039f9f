"""The domain as pydantic models: the policy and its task list, and a unit's progress report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, ClassVar, Literal

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


class By(_Strict):
    """Where a deadline falls inside each period: its N-th month and that day, or a weekday."""

    month: Annotated[int, Field(ge=1, le=12)] | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    weekday: Annotated[int, Field(ge=1, le=7)] | None = None


Every = Literal["week", "month", "quarter", "half_year", "year"]


class Rhythm(_Strict):
    """A calendar rhythm (SPEC §10.3): `{every: quarter, by: {month: 3, day: 25}}`."""

    every: Every
    by: By | None = None


class Level(_Strict):
    """An escalation level reached after this many reporting periods missed in a row."""

    missed: Annotated[int, Field(ge=1)]
    level: str


DEFAULT_ESCALATION = [
    Level.model_construct(missed=1, level="提醒"),
    Level.model_construct(missed=2, level="通报"),
    Level.model_construct(missed=3, level="约谈"),
]


class Scoring(_Strict):
    """Scoring rules (SPEC §10.5): points off the base per finding on each item a unit leads.

    `deduct` keys are statuses (overdue, behind, due_soon, stale, done_late) and `missed_report`
    (per reporting period missed in a row)."""

    base: Annotated[float, Field(ge=0)] = 100
    deduct: dict[
        Literal["overdue", "behind", "due_soon", "stale", "done_late", "missed_report"],
        Annotated[float, Field(ge=0)],
    ]
    note: str | None = None  # e.g. that the rules are an example, not the city's own

    def points(self, reason: str) -> float:
        """Points off for one finding of this kind (a status or missed_report)."""
        return next((v for k, v in self.deduct.items() if k == reason), 0)


class BulletinText(_Strict):
    """What the bulletin (通报, SPEC §11) says that the office edits, not the code."""

    office: str | None = None  # the issuing office; default the policy's responsible unit
    to: str | None = None  # 主送: the addressees' line
    requirements: list[str] = []  # 下一步工作要求, one item each (numbered 一是…二是… when shown)


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
    # Reports fall due every `reporting_interval_days`, or by a calendar rhythm when given.
    reporting: Rhythm | None = None
    escalation: list[Level] = DEFAULT_ESCALATION
    # 销号 (SPEC §10.4): a unit's `done` is closed only when the responsible unit signs it off.
    sign_off: bool = False
    scoring: Scoring | None = None
    bulletin: BulletinText | None = None


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
    # A task that repeats (SPEC §10.1): each calendar period judged on its own.
    every: Every | None = None
    by: By | None = None
    from_: Annotated[dt.date | None, Field(alias="from")] = None
    until: dt.date | None = None
    # What import-tasks could not read: the task list does not load until someone resolves it.
    review: str | None = None

    @property
    def final_due(self) -> dt.date | None:
        """The date the task must be complete by: its due date or its final milestone."""
        if self.indicators:
            return max(m.due for i in self.indicators for m in i.milestones)
        return self.due

    @property
    def completes(self) -> bool:
        """Whether `status: done` means something for it: a due date, an indicator, or a
        recurring period."""
        return bool(self.indicators) or self.due is not None or self.every is not None

    def indicator(self, key: str) -> Indicator | None:
        return next((i for i in self.indicators if i.key == key), None)


class TaskListFile(_Strict):
    """What the task list's YAML files hold, merged."""

    policy: Policy
    categories: list[Category]
    units: list[Unit]
    groups: list[Group] = []
    tasks: list[Task]
    duties: list[Duty] = []


class Duty(_Strict):
    """One standing duty of Attachment 1 (附件1 责任分工), e.g. 县级主管部门-4."""

    key: Annotated[str, Field(pattern=r"^\S+-[1-9][0-9]*$")]  # <holder>-<n>
    holder: str
    text: str
    every: Every | None = None
    by: By | None = None
    from_: Annotated[dt.date | None, Field(alias="from")] = None
    until: dt.date | None = None
    reported_by: str | None = None  # who reports it when not the holder (a unit or group)
    task: Annotated[int, Field(ge=1)] | None = None  # the Attachment 2 measure it is part of
    reporting_interval_days: Annotated[int, Field(gt=0)] | None = None

    # A duty is judged by the same schedules as a task (schedule.schedules_of): a rhythm the text
    # states, or a standing duty that never ends.
    indicators: ClassVar[list[Indicator]] = []
    due: ClassVar[dt.date | None] = None

    @property
    def ongoing(self) -> bool:
        return self.every is None


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

    task: Annotated[
        int | None, Field(strict=True, description="任务序号(附件2 中的 1–20);与 duty 二选一")
    ] = None
    duty: Annotated[
        str | None,
        Field(description="附件1 责任分工的职责编号,如 县级主管部门-4;与 task 二选一"),
    ] = None
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
    period: Annotated[
        str | None,
        Field(
            description="周期性任务的报送周期(默认按报送日期所在周期),如 2025-Q4、2026-01、"
            "2025-H2、2025、2026-W05"
        ),
    ] = None


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
    sign_off: Annotated[
        list[SignOff] | None,
        Field(
            description="销号(仅督办单位填写):经核查确认完成的任务,如 "
            "{task: 7, unit: 盐池县, date: 2026-01-10, note: 经现场核查已完成}"
        ),
    ] = None


class SignOff(_Strict):
    """The supervising unit's confirmation that a unit's finished item is closed (销号, §10.4)."""

    task: Annotated[int | None, Field(strict=True, description="任务序号;与 duty 二选一")] = None
    duty: Annotated[str | None, Field(description="职责编号;与 task 二选一")] = None
    unit: Annotated[str, Field(description="完成任务的单位")]
    date: Annotated[dt.date, Field(description="销号日期")]
    note: Annotated[str | None, Field(description="核查意见")] = None


class SignOffReport(Report):
    """A file of the supervising unit that closes finished items; it needs no progress entries."""

    entries: Annotated[list[Entry], Field(description="各项任务的进展")] = []
    sign_off: Annotated[list[SignOff], Field(min_length=1, description="销号,至少一项")]


@dataclass(frozen=True)
class Submission:
    """A report that passed every check, with its unit resolved to the canonical name."""

    unit: str
    report: Report
    path: str
