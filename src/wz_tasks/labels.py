"""Every word the output shows, in Chinese and English: one small catalogue."""

from __future__ import annotations

from typing import Any

STATUSES = ("overdue", "behind", "due_soon", "stale", "on_track", "done_late", "done")
LIGHTS = {
    "overdue": "red",
    "behind": "yellow",
    "due_soon": "yellow",
    "stale": "yellow",
    "on_track": "green",
    "done_late": "green",
    "done": "green",
}

_LABELS: dict[str, tuple[str, str]] = {
    # statuses and lights
    "overdue": ("逾期", "overdue"),
    "behind": ("滞后", "behind"),
    "due_soon": ("临期", "due soon"),
    "stale": ("未按期报送", "stale"),
    "on_track": ("正常推进", "on track"),
    "done_late": ("逾期完成", "done late"),
    "done": ("已完成", "done"),
    "red": ("红灯", "red"),
    "yellow": ("黄灯", "yellow"),
    "green": ("绿灯", "green"),
    # column headers and headings
    "col.id": ("序号", "#"),
    "col.measure": ("推进措施", "Measure"),
    "col.lead": ("牵头单位", "Lead"),
    "col.support": ("配合单位", "Support"),
    "col.deadline": ("完成时限", "Deadline"),
    "col.status": ("状态", "Status"),
    "col.detail": ("说明", "Detail"),
    "col.unit": ("单位", "Unit"),
    "col.category": ("主要任务", "Category"),
    "col.kind": ("类型", "Kind"),
    "col.aliases": ("别名", "Aliases"),
    "col.groups": ("所属", "Groups"),
    "col.members": ("成员", "Members"),
    "col.date": ("日期", "Date"),
    "col.value": ("数值", "Value"),
    "col.progress": ("工作进展", "Progress"),
    "col.problems": ("存在问题", "Problems"),
    "col.next_steps": ("下一步计划", "Next steps"),
    "col.indicator": ("指标", "Indicator"),
    "col.milestones": ("节点目标", "Milestones"),
    "col.due": ("到期", "Due"),
    "col.days_left": ("剩余天数", "Days left"),
    "col.file": ("文件", "File"),
    "kind.city_department": ("市直部门", "city department"),
    "kind.county_government": ("县(市、区)政府", "county government"),
    "kind.county_department": ("县级部门", "county department"),
    "kind.township": ("乡镇(街道)", "township"),
    "kind.enterprise": ("企业", "enterprise"),
    "kind.association": ("行业协会", "association"),
    "kind.group": ("单位组", "group"),
    "ongoing": ("长期", "ongoing"),
    "entry.not_started": ("未开始", "not started"),
    "entry.in_progress": ("推进中", "in progress"),
    "entry.done": ("已完成", "done"),
    "percent": ("百分比", "percent"),
    "count": ("数量", "count"),
    "status.title": ("任务进展情况(截至 {as_of})", "Task status as of {as_of}"),
    "report.title": ("{unit} 任务进展报告(截至 {as_of})", "Report for {unit} as of {as_of}"),
    "report.lead": ("牵头任务", "Measures it leads"),
    "report.support": ("配合任务", "Measures it supports"),
    "report.next_due": ("即将到期", "Falling due next"),
    "report.unreported": ("超期未报送", "Not reported within the interval"),
    "report.latest": ("最新报送内容", "Newest reports"),
    "report.none_due": ("近期没有到期事项。", "Nothing falls due."),
    "report.none_unreported": ("全部按期报送。", "Everything reported on time."),
    "report.no_lead": ("本单位不牵头任何任务。", "This unit leads no measure."),
    "report.no_support": ("本单位不配合任何任务。", "This unit supports no measure."),
    "report.no_entry": ("尚无报送。", "No report yet."),
    "summary": ("合计 {total} 项:{counts}", "{total} measures: {counts}"),
    "invalid.title": (
        "以下 {n} 个进度文件有错误,未计入统计:",
        "{n} progress file(s) have errors and were not counted:",
    ),
    "no_progress": (
        "未找到进度报送文件({path}),以下按无报送计算。",
        "No progress files found ({path}); evaluated as if nothing was reported.",
    ),
    "tasks.title": ("任务清单(共 {n} 项)", "Task list ({n} measures)"),
    "units.title": ("责任单位(共 {n} 个)", "Units ({n})"),
    "show.history": ("报送记录", "Reporting history"),
    "show.schedule": ("进度安排", "Schedule"),
    "days": ("{n} 天", "{n} days"),
    # detail phrases
    "d.overdue_days": ("逾期 {days} 天(应于 {due} 完成)", "{days} days overdue (due {due})"),
    "d.due_in": ("还剩 {days} 天({due} 到期)", "{days} days left (due {due})"),
    "d.due_today": ("今天到期({due})", "due today ({due})"),
    "d.due_later": ("{due} 到期", "due {due}"),
    "d.done_on": ("{date} 完成", "done {date}"),
    "d.done_late": ("{date} 完成,晚 {days} 天", "done {date}, {days} days late"),
    "d.value_target": ("{value} / 目标 {target}({due})", "{value} / target {target} ({due})"),
    "d.value_missed": (
        "{value} / 目标 {target}({due} 未达到)",
        "{value} / target {target} (missed {due})",
    ),
    "d.value_behind": (
        "{value} / 序时 {expected} → 目标 {target}({due})",
        "{value} / pro-rata {expected} → target {target} ({due})",
    ),
    "d.no_value": ("未报数值 / 目标 {target}({due})", "no value / target {target} ({due})"),
    "d.no_value_missed": (
        "未报数值 / 目标 {target}({due} 已过,逾期 {days} 天)",
        "no value / target {target} (due {due}, {days} days overdue)",
    ),
    "d.reached": ("{value} 已达最终目标 {target}", "{value}, final target {target} reached"),
    "d.ongoing": ("长期任务", "ongoing"),
    "d.last_report": ("最近报送 {date}", "last report {date}"),
    "d.never_reported": ("从未报送", "never reported"),
    "d.stale_days": ("{days} 天未报送", "{days} days since last report"),
}


def t(key: str, lang: str, **params: Any) -> str:
    """The label `key` in `lang` ('zh' or 'en'), with `params` filled in."""
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text
