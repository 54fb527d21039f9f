"""The bulletin (通报, SPEC §11): what the supervision desk sends, as data.

`build_bulletin` is a pure function of the task list, the reports and a date: it evaluates the
as-of date and the end of the previous period of the same length, and gathers what a real
通报 says (research/bulletins.md): totals and shares, what changed, who is lagging, who has not
reported, the counties' lights, each indicator's course and forecast, the ranking, the standing
requirements and the per-measure attachment. The words are the renderers'
(`render/bulletin_words.py`); `run_bulletin` is the thin shell the CLI calls.

Periods (`--period`): `2026-11`, `2026-Q4`, `2026-H2`, `2026` (and ISO weeks, `2026-W05`). The
bulletin is as of the period's end, or D when that is earlier (a period still running); the
previous as-of date is the end of the period before it. Without a period it is as of D, compared
with the same day one calendar month earlier (D − 1 month, clamped to the month's end: 03-31 →
02-28), the cadence of most real bulletins (monthly 民生实事, 督查通报).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dateutil.relativedelta import relativedelta

from wz_tasks.evaluate import Evaluation, TaskResult, UnitResult, evaluate
from wz_tasks.forecast import Forecast, forecast
from wz_tasks.models import Indicator, Submission, Task
from wz_tasks.periods import label as period_label
from wz_tasks.periods import parse_label
from wz_tasks.reporting import escalation
from wz_tasks.schedule.indicator import IndicatorSchedule
from wz_tasks.scoring import score
from wz_tasks.status import STATUSES, Status
from wz_tasks.tasklist import TaskList
from wz_tasks.units import UnitRegistry

FORMATS = ("html", "docx", "markdown", "json")
RANKED = 3  # top 3 and bottom 3, as 寿县 publishes (research/bulletins.md B5)


class BulletinError(ValueError):
    """A period that cannot be reported on (a usage error): message in zh and en."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en

    def message(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    """How many measures are at one status, and their share of all (percent, one decimal)."""

    status: Status
    count: int
    share: float


@dataclass(frozen=True)
class Change:
    """A measure whose status differs from the previous bulletin's."""

    task: Task
    before: Status
    now: Status

    @property
    def newly_red(self) -> bool:
        return self.now.light == "red" and self.before.light != "red"

    @property
    def newly_green(self) -> bool:
        return self.now.light == "green" and self.before.light != "green"

    @property
    def newly_done(self) -> bool:
        return self.now.done and not self.before.done


@dataclass(frozen=True)
class Lagging:
    """A lead unit's measure that is overdue or behind the time-proportional line (序时)."""

    task: Task
    result: UnitResult

    @property
    def unit(self) -> str:
        return self.result.unit

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def days_overdue(self) -> int | None:
        return self.result.days_overdue

    @property
    def problems(self) -> str | None:
        """存在问题 from the unit's newest entry on the measure, as it wrote them."""
        latest = self.result.latest
        return latest.entry.problems if latest is not None else None

    @property
    def points_behind(self) -> float | None:
        """How far the value is below the 序时 line (percentage points, or a count)."""
        d = self.result.deciding
        if d is None or d.expected is None or d.value is None:
            return None
        return round(d.expected - d.value, 1)


@dataclass(frozen=True)
class LateReporter:
    """A unit whose reports are late or missing on at least one measure it leads."""

    unit: str
    state: str  # "late" (reported before, not since it fell due) | "missing" (never)
    days_since: int  # the longest silence over its measures
    last_report: dt.date | None  # its newest report on those measures
    missed_in_a_row: int
    escalation: str | None
    tasks: tuple[int, ...]


@dataclass(frozen=True)
class MatrixRow:
    task: Task
    cells: tuple[Status | None, ...]  # one per county, None where it does not lead the measure


@dataclass(frozen=True)
class Matrix:
    """The county governments × the measures they lead (SPEC §11 item 5)."""

    group: str
    units: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class UnitSeries:
    unit: str
    points: tuple[tuple[dt.date, float], ...]  # its values up to the as-of date, oldest first
    status: Status  # its status on this indicator
    forecast: Forecast | None  # None: fewer than three values to fit

    @property
    def reached(self) -> bool:
        """Its newest value already meets the forecast's target."""
        f = self.forecast
        return f is not None and bool(self.points) and self.points[-1][1] >= f.target

    @property
    def will_miss(self) -> bool:
        """预计不能按期完成: not there yet, and at its pace it will be late (or never arrive)."""
        return self.forecast is not None and self.forecast.late and not self.reached


@dataclass(frozen=True)
class IndicatorView:
    """One indicator's course: each lead unit's values, the 序时 line and the milestones."""

    task: Task
    indicator: Indicator
    line: tuple[tuple[dt.date, float], ...]  # the 序时 line's corners: start, then each milestone
    milestones: tuple[tuple[dt.date, float], ...]
    series: tuple[UnitSeries, ...]


@dataclass(frozen=True)
class Ranked:
    unit: str
    score: float
    rank: int


@dataclass(frozen=True)
class Ranking:
    top: tuple[Ranked, ...]
    bottom: tuple[Ranked, ...]
    note: str | None


@dataclass(frozen=True)
class Bulletin:
    period: str | None  # the period label, normalised (2026-Q4), or None: as of D
    period_kind: str | None  # month | quarter | half_year | year | week
    period_start: dt.date | None
    as_of: dt.date
    previous_as_of: dt.date
    evaluated_on: dt.date  # as_of, or the policy's expiry when that is earlier
    number: int | None
    office: str
    to: str | None
    policy_title: str
    total: int
    summary: tuple[Share, ...]  # all seven statuses, worst first
    changes: tuple[Change, ...]
    lagging: tuple[Lagging, ...]
    late_reporters: tuple[LateReporter, ...]
    matrix: Matrix | None
    indicators: tuple[IndicatorView, ...]
    ranking: Ranking | None
    requirements: tuple[str, ...]
    annex: tuple[TaskResult, ...]
    names: Mapping[str, str]  # canonical unit name → the short name prose uses

    @property
    def sections(self) -> tuple[str, ...]:
        """The numbered sections in print order; the optional ones only when they have content
        (the annex follows them, unnumbered)."""
        keys = ["overall", "lagging", "reporting"]
        if self.matrix is not None:
            keys.append("matrix")
        if self.indicators:
            keys.append("indicators")
        if self.ranking is not None:
            keys.append("ranking")
        keys.append("requirements")
        return tuple(keys)

    @property
    def expired(self) -> bool:
        return self.evaluated_on < self.as_of

    def short(self, unit: str) -> str:
        return self.names.get(unit, unit)

    def count(self, status: Status) -> int:
        return next(s.count for s in self.summary if s.status is status)

    def light_count(self, light: str) -> int:
        return sum(s.count for s in self.summary if s.status.light == light)

    @property
    def newly_red(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.newly_red)

    @property
    def newly_green(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.newly_green)

    @property
    def newly_done(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.newly_done)

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        """SPEC §11's JSON: the same content as data (unit names canonical, dates ISO)."""
        from wz_tasks.render import bulletin_words as w

        def iso(day: dt.date | None) -> str | None:
            return None if day is None else day.isoformat()

        return {
            "period": self.period,
            "as_of": iso(self.as_of),
            "evaluated_on": iso(self.evaluated_on),
            "previous_as_of": iso(self.previous_as_of),
            "number": self.number,
            "office": self.office,
            "title": w.title(self, lang),
            "total": self.total,
            "summary": {s.status.value: {"count": s.count, "share": s.share} for s in self.summary},
            "changes": {
                "newly_red": [c.task.id for c in self.newly_red],
                "newly_green": [c.task.id for c in self.newly_green],
                "newly_done": [c.task.id for c in self.newly_done],
                "tasks": [
                    {"task": c.task.id, "before": c.before.value, "now": c.now.value}
                    for c in self.changes
                ],
            },
            "lagging": [
                {
                    "task": item.task.id,
                    "unit": item.unit,
                    "status": item.status.value,
                    "detail": w.lagging_detail(item, lang),
                    "days_overdue": item.days_overdue,
                    "points_behind": item.points_behind,
                    "problems": item.problems,
                }
                for item in self.lagging
            ],
            "late_reporters": [
                {
                    "unit": r.unit,
                    "state": r.state,
                    "days_since": r.days_since,
                    "last_report": iso(r.last_report),
                    "missed_in_a_row": r.missed_in_a_row,
                    "escalation": r.escalation,
                    "tasks": list(r.tasks),
                }
                for r in self.late_reporters
            ],
            "matrix": None
            if self.matrix is None
            else {
                "group": self.matrix.group,
                "units": list(self.matrix.units),
                "rows": [
                    {
                        "task": row.task.id,
                        "cells": [
                            None if s is None else {"status": s.value, "light": s.light}
                            for s in row.cells
                        ],
                    }
                    for row in self.matrix.rows
                ],
            },
            "forecasts": [
                {
                    "task": view.task.id,
                    "indicator": view.indicator.key,
                    "name": view.indicator.name,
                    "kind": view.indicator.kind,
                    "milestones": [{"due": iso(d), "target": v} for d, v in view.milestones],
                    "units": [
                        {
                            "unit": s.unit,
                            "status": s.status.value,
                            "values": [{"date": iso(d), "value": v} for d, v in s.points],
                            "forecast": None if s.forecast is None else s.forecast.as_json(),
                            "will_miss": s.will_miss,
                        }
                        for s in view.series
                    ],
                }
                for view in self.indicators
            ],
            "ranking": None
            if self.ranking is None
            else {
                "top": [_ranked(r) for r in self.ranking.top],
                "bottom": [_ranked(r) for r in self.ranking.bottom],
                "note": self.ranking.note,
            },
            "requirements": list(self.requirements),
            "annex": [
                {
                    "task": r.task.id,
                    "measure": r.task.measure,
                    "lead": list(r.task.lead),
                    "status": r.status.value,
                    "light": r.status.light,
                    "detail": w.annex_detail(self, r, lang),
                }
                for r in self.annex
            ],
        }


def _ranked(r: Ranked) -> dict[str, Any]:
    return {"unit": r.unit, "score": r.score, "rank": r.rank}


# --- building it ------------------------------------------------------------------------------


def period_dates(
    period: str | None, as_of: dt.date
) -> tuple[str | None, str | None, dt.date | None, dt.date, dt.date]:
    """(label, kind, start, as-of date, previous as-of date) for a period label or None.

    Raises BulletinError for a label that is no period or a period that has not begun by D."""
    if period is None:
        return None, None, None, as_of, as_of - relativedelta(months=1)
    parsed = parse_label(period)
    if parsed is None:
        raise BulletinError(
            f"无法识别的期间 {period!r}:请写 2026-11、2026-Q4、2026-H2、2026 或 2026-W05",
            f"not a period: {period!r}; write 2026-11, 2026-Q4, 2026-H2, 2026 or 2026-W05",
        )
    kind, start = parsed
    if start > as_of:
        raise BulletinError(
            f"期间 {period} 自 {start} 开始,晚于评价日期 {as_of}",
            f"period {period} starts on {start}, after the as-of date {as_of}",
        )
    if kind == "week":
        end = start + dt.timedelta(days=6)
    else:
        months = {"month": 1, "quarter": 3, "half_year": 6, "year": 12}[kind]
        end = start + relativedelta(months=months, days=-1)
    return period_label(kind, start), kind, start, min(end, as_of), start - dt.timedelta(days=1)


def shares(counts: list[int]) -> list[float]:
    """Each count's share of the total in percent, one decimal, summing to exactly 100.0.

    Largest remainder (Hamilton): every share is rounded down to a tenth, and the tenths left
    over go to the largest remainders (ties: the earlier one), so 1/3 each gives 33.4 33.3 33.3.
    All zero when the total is 0."""
    total = sum(counts)
    if not total:
        return [0.0 for _ in counts]
    exact = [c * 1000 / total for c in counts]
    tenths = [int(x) for x in exact]
    order = sorted(range(len(counts)), key=lambda i: (-(exact[i] - tenths[i]), i))
    for i in order[: 1000 - sum(tenths)]:
        tenths[i] += 1
    return [x / 10 for x in tenths]


def short_name(registry: UnitRegistry, name: str) -> str:
    """The name prose uses: the canonical name when it is short (市住建局), else its shortest
    alias (盐池县 for 盐池县人民政府), else the name without a trailing 人民政府."""
    if len(name) <= 6:
        return name
    item = registry.units.get(name) or registry.groups.get(name)
    spellings = [name, *(item.aliases if item else [])]
    best = min(spellings, key=len)
    if best == name and name.endswith("人民政府"):
        return name.removesuffix("人民政府")
    return best


def county_group(tl: TaskList) -> tuple[str, tuple[str, ...]] | None:
    """The group of county governments (各县(市、区)人民政府): the largest group whose members
    are all county governments; None when the task list has none."""
    found = [
        g
        for g in tl.registry.groups.values()
        if g.members
        and all(
            (u := tl.registry.units.get(m)) is not None and u.kind == "county_government"
            for m in g.members
        )
    ]
    if not found:
        return None
    group = max(found, key=lambda g: len(g.members))
    return group.name, tuple(group.members)


def next_target(ind: Indicator, day: dt.date) -> tuple[dt.date, float]:
    """The milestone a forecast aims at: the first dated on or after `day`, else the final one."""
    ms = next((m for m in ind.milestones if m.due >= day), ind.milestones[-1])
    return ms.due, ms.target


def _changes(now: Evaluation, before: Evaluation) -> tuple[Change, ...]:
    old = {r.task.id: r.status for r in before.tasks}
    return tuple(
        Change(r.task, old[r.task.id], r.status)
        for r in now.tasks
        if r.task.id in old and old[r.task.id] is not r.status
    )


def _lagging(ev: Evaluation) -> tuple[Lagging, ...]:
    found = [
        Lagging(r.task, u)
        for r in ev.tasks
        for u in r.units
        if u.status in (Status.OVERDUE, Status.BEHIND)
    ]
    # Overdue first, then behind; the longest overdue or furthest behind first within each.
    return tuple(
        sorted(
            found,
            key=lambda x: (
                x.status.rank,
                -(x.days_overdue or 0),
                -(x.points_behind or 0),
                x.task.id,
                x.unit,
            ),
        )
    )


def _late_reporters(tl: TaskList, ev: Evaluation) -> tuple[LateReporter, ...]:
    by_unit: dict[str, list[tuple[int, UnitResult]]] = {}
    for r in ev.tasks:
        for u in r.units:
            if u.reporting.behind:
                by_unit.setdefault(u.unit, []).append((r.task.id, u))
    out = []
    for unit, items in by_unit.items():
        reps = [u.reporting for _, u in items]
        missed = max(rep.missed_in_a_row for rep in reps)
        last = max((rep.last_report for rep in reps if rep.last_report), default=None)
        out.append(
            LateReporter(
                unit,
                "late" if any(rep.state == "late" for rep in reps) else "missing",
                max(rep.days_since for rep in reps),
                last,
                missed,
                escalation(tl.policy.escalation, missed),
                tuple(task for task, _ in items),
            )
        )
    out.sort(key=lambda r: (-r.missed_in_a_row, -r.days_since, r.unit))
    return tuple(out)


def _matrix(tl: TaskList, ev: Evaluation) -> Matrix | None:
    group = county_group(tl)
    if group is None:
        return None
    name, members = group
    rows = []
    for r in ev.tasks:
        own = {u.unit: u.status for u in r.units}
        if any(m in own for m in members):
            rows.append(MatrixRow(r.task, tuple(own.get(m) for m in members)))
    return Matrix(name, members, tuple(rows)) if rows else None


def _indicators(tl: TaskList, ev: Evaluation, day: dt.date) -> tuple[IndicatorView, ...]:
    views = []
    for r in ev.tasks:
        for ind in r.task.indicators:
            schedule = IndicatorSchedule(r.task, ind)
            line = (
                (tl.policy.effective, ind.baseline),
                *((m.due, m.target) for m in ind.milestones),
            )
            target = next_target(ind, day)
            series = []
            for u in r.units:
                points = schedule.series(u.history)
                # The unit's verdict on this indicator, not on the whole measure (task 3 has two).
                status = next((p.status for p in u.parts if p.part == ind.key), u.status)
                series.append(UnitSeries(u.unit, points, status, forecast(points, target, day)))
            milestones = tuple((m.due, m.target) for m in ind.milestones)
            views.append(IndicatorView(r.task, ind, line, milestones, tuple(series)))
    return tuple(views)


def _ranking(tl: TaskList, ev: Evaluation) -> Ranking | None:
    rules = tl.policy.scoring
    if rules is None:
        return None
    scores = [Ranked(s.unit, s.score, s.rank) for s in score(ev, rules)]
    top = tuple(scores[:RANKED])
    bottom = tuple(s for s in scores[-RANKED:] if s not in top)
    return Ranking(top, bottom, rules.note)


def build_bulletin(
    tl: TaskList,
    submissions: Iterable[Submission],
    period: str | None,
    as_of: dt.date,
    number: int | None,
) -> Bulletin:
    """The bulletin for `period` (or as of `as_of` when None), compared with the period before."""
    label, kind, start, day, previous = period_dates(period, as_of)
    subs = list(submissions)
    ev = evaluate(tl, subs, day)
    before = evaluate(tl, subs, previous)
    evaluated_on = ev.evaluated_on or day
    counts = [ev.summary.get(s.value, 0) for s in STATUSES]
    text = tl.policy.bulletin
    names = [*tl.registry.units, *tl.registry.groups]
    return Bulletin(
        period=label,
        period_kind=kind,
        period_start=start,
        as_of=day,
        previous_as_of=previous,
        evaluated_on=evaluated_on,
        number=number,
        office=(text.office if text else None) or tl.policy.responsible or tl.policy.issuer,
        to=text.to if text else None,
        policy_title=tl.policy.title,
        total=len(ev.tasks),
        summary=tuple(
            Share(s, c, p) for s, c, p in zip(STATUSES, counts, shares(counts), strict=True)
        ),
        changes=_changes(ev, before),
        lagging=_lagging(ev),
        late_reporters=_late_reporters(tl, ev),
        matrix=_matrix(tl, ev),
        indicators=_indicators(tl, ev, evaluated_on),
        ranking=_ranking(tl, ev),
        requirements=tuple(text.requirements) if text else (),
        annex=ev.tasks,
        names={u: short_name(tl.registry, u) for u in names},
    )


# --- the shell --------------------------------------------------------------------------------


def render(b: Bulletin, fmt: str, lang: str) -> bytes | str:
    """The bulletin in one format: html, markdown and json as text, docx as bytes."""
    if fmt == "html":
        from wz_tasks.render.bulletin_html import render_html

        return render_html(b, lang)
    if fmt == "docx":
        from wz_tasks.render.bulletin_docx import render_docx

        return render_docx(b, lang)
    if fmt == "markdown":
        from wz_tasks.render.bulletin_md import render_markdown

        return render_markdown(b, lang)
    if fmt == "json":
        import json

        return json.dumps(b.as_json(lang), ensure_ascii=False, indent=2) + "\n"
    raise BulletinError(
        f"未知格式 {fmt!r}:可选 {'、'.join(FORMATS)}",
        f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}",
    )


def run_bulletin(
    tl: TaskList,
    submissions: Iterable[Submission],
    period: str | None,
    as_of: dt.date,
    number: int | None,
    fmt: str,
    lang: str,
) -> bytes | str:
    """`wz-tasks bulletin`: the bulletin rendered in `fmt` (the command writes it).

    Raises BulletinError (a usage error, exit 2) for a bad period or format, the format before
    any work."""
    if fmt not in FORMATS:
        raise BulletinError(
            f"未知格式 {fmt!r}:可选 {'、'.join(FORMATS)}",
            f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}",
        )
    return render(build_bulletin(tl, submissions, period, as_of, number), fmt, lang)
