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
    "col.duty": ("职责", "Duty"),
    "col.holder": ("责任单位", "Holder"),
    "col.every": ("周期", "Rhythm"),
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
    "expired": (
        "政策已于 {date} 到期,按到期日评价",
        "The policy expired on {date}; evaluated as of that date",
    ),
    "duties.title": (
        "附件1 责任分工(共 {n} 项,截至 {as_of})",
        "Attachment 1 duties ({n}) as of {as_of}",
    ),
    "duties.none": ("没有需要报送的职责。", "No duty to report."),
    "duties.periods": ("各期", "periods"),
    "every.week": ("每周", "weekly"),
    "every.month": ("每月", "monthly"),
    "every.quarter": ("每季度", "quarterly"),
    "every.half_year": ("每半年", "half-yearly"),
    "every.year": ("每年", "yearly"),
    "every.none": ("长期", "standing"),
    "duty.task": ("对应附件2第 {id} 项", "= measure {id} of Attachment 2"),
    "report.title": ("{unit} 任务进展报告(截至 {as_of})", "Report for {unit} as of {as_of}"),
    "report.lead": ("牵头任务", "Measures it leads"),
    "report.support": ("配合任务", "Measures it supports"),
    "report.next_due": ("即将到期", "Falling due next"),
    "report.unreported": ("超期未报送", "Not reported within the interval"),
    "report.latest": ("最新报送内容", "Newest reports"),
    "report.duties": ("本单位职责(附件1)", "Its duties (Attachment 1)"),
    "report.no_duties": ("本单位没有附件1职责。", "This unit reports no duty of Attachment 1."),
    "report.pending": ("待销号", "Awaiting sign-off (待销号)"),
    "report.none_pending": ("没有待销号事项。", "Nothing awaits sign-off."),
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
    "d.escalation": ("({level})", " ({level})"),
    "d.pending_sign_off": ("待销号", "awaiting sign-off"),
    "d.signed_off": ("{date} 已销号", "signed off {date}"),
    # lights in words, so that a light is never colour alone (SPEC §9)
    "light.red": ("红", "R"),
    "light.yellow": ("黄", "Y"),
    "light.green": ("绿", "G"),
    "all_units": ("全部", "all: "),
    "sep.detail": (";", "; "),
    "sep.list": (",", ", "),
    "sep.colon": (":", ": "),
    # CSV headers (SPEC §9: Excel speaks the user's language)
    "csv.id": ("序号", "id"),
    "csv.measure": ("推进措施", "measure"),
    "csv.unit": ("单位", "unit"),
    "csv.deadline": ("完成时限", "deadline"),
    "csv.task_status": ("任务状态", "task_status"),
    "csv.status": ("单位状态", "status"),
    "csv.light": ("灯", "light"),
    "csv.detail": ("说明", "detail"),
    "csv.value": ("数值", "value"),
    "csv.target": ("目标", "target"),
    "csv.due": ("到期", "due"),
    "csv.last_report": ("最近报送", "last_report"),
    # check's summary
    "check.nothing": ("没有需要检查的进度文件。", "no progress files to check."),
    "check.summary": (
        "检查了 {files} 个文件:{errors} 个错误,{warnings} 个警告",
        "checked {files} file(s): {errors} error(s), {warnings} warning(s)",
    ),
    # usage errors and messages of the command line
    "err.unknown_unit": ("{name}:未知单位。{hint}", "{name}: unknown unit. {hint}"),
    "err.did_you_mean": ("是不是:{names}", "Did you mean: {names}"),
    "err.see_units": ("用 wz-tasks units 查看全部单位", "see wz-tasks units"),
    "err.ambiguous_unit": (
        "{name}:可能是 {names},请写得更完整一些",
        "{name} could be any of {names}; type more of the name",
    ),
    "err.group": (
        "{name} 是单位组,请指定其中一个单位:{members}",
        "{name} is a group; name one of its units: {members}",
    ),
    "err.no_path": ("没有这个文件或文件夹:{path}", "no such file or folder: {path}"),
    "err.choose": ("{value}:请选择 {choices} 之一", "{value}: choose one of {choices}"),
    "err.unknown_status": (
        "未知状态 {names};可选:{choices}",
        "unknown status {names}; choose from {choices}",
    ),
    "err.no_task": (
        "没有任务 {id};任务编号为 {first}–{last}",
        "no task {id}; tasks are numbered {first}–{last}",
    ),
    "err.date_empty": (
        "日期为空。请写成 YYYY-MM-DD,如 2025-12-31",
        "empty date; write YYYY-MM-DD, e.g. 2025-12-31",
    ),
    "err.date_format": (
        "{value}:日期请写成 YYYY-MM-DD,如 2025-12-31",
        "{value}: write the date as YYYY-MM-DD, e.g. 2025-12-31",
    ),
    "err.date_fullwidth": (
        "{value}:请用半角数字和连字符,如 2025-12-31",
        "{value}: use half-width digits and hyphens, e.g. 2025-12-31",
    ),
    "err.date_unreal": ("{value}:没有这一天", "{value} is not a real date"),
    "err.internal": (
        "wz-tasks:内部错误({error})。请连同所运行的命令一起报告。",
        "wz-tasks: internal error ({error}). Please report it with the command you ran.",
    ),
    "new.exists": (
        "{path}:文件已存在,不会覆盖。请换一个 --out 路径或先处理已有文件。",
        "{path}: already exists; not overwritten. Choose another --out.",
    ),
    "new.not_folder": (
        "{path} 是文件,不是文件夹。请用 --out 指定新文件的位置。",
        "{path} is a file, not a folder. Say where to write with --out.",
    ),
    "new.cannot_write": (
        "{path}:无法写入({reason}),未生成文件。",
        "{path}: cannot write ({reason}); no file was written.",
    ),
    "new.written": (
        "{path}:已生成,有 {n} 处“待填写”。填好后运行 wz-tasks check {path}",
        "{path}: written with {n} blanks (待填写). Fill them in, then run wz-tasks check {path}",
    ),
    # the template's words (new-report writes Chinese files)
    "tpl.last": ("上次报送 {date}:", "last report {date}: "),
    "tpl.none": ("尚无报送", "no report yet"),
    # help text, chosen when the app is built (SPEC §9)
    "help.app": (
        "吴忠市物业服务管理工作任务清单:进度督办与报送检查。",
        "Deadline tracker and compliance checker for 吴忠市's property-service policy (2024).",
    ),
    "help.tasks": (
        "任务清单:一个 YAML 文件或文件夹(默认:内置政策)。",
        "Task list: a folder of YAML files or one file (default: the built-in policy).",
    ),
    "help.progress": (
        "进度报送:文件夹或文件,可重复(默认:./progress)。",
        "Progress reports: a folder or a file; repeatable (default: ./progress).",
    ),
    "help.as_of": (
        "按这一天评价(默认:北京时间今天)。",
        "Evaluate as of this date (default: today in China Standard Time).",
    ),
    "help.no_cache": (
        "不使用缓存,重新读取每个进度文件。",
        "Parse every progress file afresh instead of reusing unchanged ones.",
    ),
    "help.lang": ("输出语言:zh 或 en。", "Language of text output and help: zh or en."),
    "help.format": ("输出格式:{choices}。", "Output format: {choices}."),
    "help.soon": ("临期提醒天数(默认 30)。", "The due-soon window in days (default: 30)."),
    "help.only": (
        "只列出这些状态的任务:{choices}(stale 按报送:列出报送逾期或缺报的单位)。",
        "Show only tasks with these statuses: {choices} (stale: the units whose reports are "
        "late or missing, whatever their progress).",
    ),
    "help.duties_unit": (
        "只列出这个单位报送的职责:全称、简称或别名。",
        "Only the duties this unit reports: its name, any alias or its start.",
    ),
    "help.unit": ("单位:全称、简称或别名,如 盐池。", "The unit: its name, any alias or its start."),
    "help.id": ("任务序号(1–20)。", "The task's number (1–20)."),
    "help.names": (
        "要查找的名称:显示每个名称对应的单位。",
        "Names to look up: prints the unit each one means.",
    ),
    "help.paths": (
        "要检查的进度文件或文件夹(默认:进度路径)。其余进度文件仍会读取,用于跨文件规则。",
        "Progress files or folders to check (default: the progress path). The rest of the "
        "progress path is still read for the rules that compare files.",
    ),
    "help.check_format": (
        "text、github 或 json(默认:GITHUB_ACTIONS=true 时为 github,否则为 text)。",
        "text, github or json (default: github when GITHUB_ACTIONS=true, else text).",
    ),
    "help.fail_on": (
        "任何任务处于该状态或更差时也判为失败,如 overdue。",
        "Also fail while any measure is at this status or worse, e.g. overdue.",
    ),
    "help.strict": ("警告也判为失败。", "Warnings fail too."),
    "help.date": (
        "数据截至日期(默认:北京时间今天)。",
        "The date the figures describe (default: today in China Standard Time).",
    ),
    "help.out": (
        "写到哪里(默认:progress/<日期>-<单位简称>.yaml)。不会覆盖已有文件。",
        "Where to write (default: progress/<date>-<short unit name>.yaml). Never overwrites.",
    ),
    "help.version": ("显示版本号。", "Print the version and exit."),
    "cmd.status": (
        "每项任务的红黄绿灯和状态:逾期、滞后、临期、未按期报送。",
        "Every measure's light and status: overdue, behind, due soon, unreported.",
    ),
    "cmd.report": (
        "一个单位的报告:牵头和配合的任务、即将到期事项、未报送事项。",
        "One unit's own report: what it leads and supports, what falls due, what it owes.",
    ),
    "cmd.check": (
        "检查进度文件:CI 和 pre-commit 的关口(有错误时退出码为 1)。",
        "Validate progress files: the CI gate and pre-commit hook (exit 1 on errors).",
    ),
    "cmd.tasks": (
        "任务清单:20 项措施及其牵头、配合单位和完成时限。",
        "The task list: the 20 measures with lead and supporting units and deadlines.",
    ),
    "cmd.show": (
        "一项任务的全部内容、状态和报送记录。",
        "One measure in full, with its status and reporting history.",
    ),
    "cmd.duties": (
        "附件1 责任分工:每项职责及各报送单位的状态和各期情况。",
        "Attachment 1's duties: each one with every reporting unit's status and periods.",
    ),
    "cmd.units": (
        "责任单位:全称、别名、单位组。给出名称则查找对应单位。",
        "The unit registry: canonical names, aliases, groups. Give names to resolve them.",
    ),
    "cmd.schema": (
        "进度文件的 JSON Schema(draft-07),供编辑器使用。",
        "JSON Schema (draft-07) of a progress file, for editors (yaml-language-server).",
    ),
    "cmd.new_report": (
        "为一个单位生成新的进度报送文件,预填其任务和最新数值。",
        "Write a new progress file for a unit, pre-filled with its measures and newest values.",
    ),
}


LANGS = ("zh", "en")


def both(key: str, **params: Any) -> dict[str, str]:
    """The label in every language, for a diagnostic that is worded when it is shown."""
    return {lang: t(key, lang, **params) for lang in LANGS}


def t(key: str, lang: str, **params: Any) -> str:
    """The label `key` in `lang` ('zh' or 'en'), with `params` filled in."""
    zh, en = _LABELS[key]
    text = en if lang == "en" else zh
    return text.format(**params) if params else text
