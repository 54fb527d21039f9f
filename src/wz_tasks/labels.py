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
    # --- supervision commands: remind, score, calendar, bulletin, import-tasks (round 2) ---
    "cmd.remind": (
        "催报:哪个单位欠报什么、何时到期(报送到期或逾期、时限临近或已过)。",
        "Reminders: who owes what by when (reports due or late, deadlines near or passed).",
    ),
    "cmd.score": (
        "按政策中的评分规则给各牵头单位打分并排名。",
        "Score and rank the lead units by the policy's scoring rules.",
    ),
    "cmd.calendar": (
        "导出 iCalendar 日历(.ics):到期日、节点目标、定期职责和报送日期。",
        "Export an iCalendar file (.ics): deadlines, milestones, recurring duties, report dates.",
    ),
    "cmd.bulletin": (
        "生成督查通报(HTML、Word、Markdown 或 JSON)。",
        "Write the supervision bulletin (通报) as HTML, Word, Markdown or JSON.",
    ),
    "cmd.import_tasks": (
        "把任务表(.xlsx、.csv、.docx)转换为任务清单(policy.yaml、units.yaml、tasks.yaml)。",
        "Turn an office's task table (.xlsx, .csv, .docx) into a task list folder.",
    ),
    "help.within": (
        "提前多少天提醒(默认:政策的临期天数)。",
        "Remind this many days ahead (default: the policy's due-soon days).",
    ),
    "help.remind_unit": (
        "只看这一个单位:全称、简称或别名。",
        "Only this unit: its name, any alias or its start.",
    ),
    "help.calendar_unit": (
        "只导出这一个单位的事项(默认:全部)。",
        "Only this unit's deadlines (default: everything).",
    ),
    "help.ics_out": (
        "写入这个 .ics 文件(默认:输出到标准输出)。",
        "Write this .ics file (default: standard output).",
    ),
    "help.force": ("覆盖已有文件。", "Overwrite an existing file."),
    "help.bulletin_out": (
        "写入这个文件;docx 必须指定。已有文件不会被覆盖,除非加 --force。",
        "Write this file (required for docx). An existing file is kept unless --force.",
    ),
    "help.bulletin_format": (
        "输出格式:html、docx、markdown 或 json。",
        "Output format: html, docx, markdown or json.",
    ),
    "help.period": (
        "通报期间:2026-11、2026-Q4、2026-H2 或 2026(默认:截至 --as-of,与上月同日比较)。",
        "The period: 2026-11, 2026-Q4, 2026-H2 or 2026 (default: as of --as-of, "
        "compared with a month earlier).",
    ),
    "help.number": ("期号(第N期)。", "The running number (No. N)."),
    "help.table": (
        "任务表:.xlsx、.csv(UTF-8 或 GBK)或 .docx。",
        "The task table: .xlsx, .csv (UTF-8 or GBK) or .docx.",
    ),
    "help.import_out": (
        "写到这个文件夹(默认:./tasks)。已有的任务清单文件不会被覆盖,除非加 --force。",
        "The folder to write (default: ./tasks). Existing task-list files are kept unless --force.",
    ),
    "help.year": (
        "没有写年份的时限(如“12月底”)按这一年读。",
        "The year for deadlines written without one (e.g. 12月底).",
    ),
    "help.units_file": (
        "已有的单位名册:units.yaml 或任务清单文件夹,先按其中的名称和别名识别单位。",
        "A units.yaml or task-list folder whose names and aliases are recognised first.",
    ),
    "help.sheet": ("读取 .xlsx 的这个工作表(默认:第一个有表头的)。", "The .xlsx sheet to read."),
    "remind.title": (
        "催报清单(截至 {as_of},提前 {within} 天)",
        "Reminders as of {as_of} ({within} days ahead)",
    ),
    "remind.none": (
        "截至 {as_of},{within} 天内没有需要催报的事项。",
        "Nothing owed within {within} days as of {as_of}.",
    ),
    "remind.kind.report_due": ("待报送", "report due"),
    "remind.kind.report_late": ("逾期未报", "report late"),
    "remind.kind.due_soon": ("临期", "due soon"),
    "remind.kind.overdue": ("逾期", "overdue"),
    "remind.contact": ("联系人:{contact}", "contact: {contact}"),
    "remind.no_contact": ("联系人:未填写", "contact: not given"),
    "remind.escalation": ("处理:{level}", "escalation: {level}"),
    "remind.summary": (
        "共 {units} 个单位、{items} 项:{counts}",
        "{units} unit(s), {items} item(s): {counts}",
    ),
    "remind.d.report_due": (
        "应于 {due} 报送进展,还剩 {days} 天",
        "report due {due}, {days} days left",
    ),
    "remind.d.report_today": ("今天({due})应报送进展", "report due today ({due})"),
    "remind.d.report_late": (
        "应于 {due} 报送,已逾期 {days} 天",
        "report was due {due}, {days} days late",
    ),
    "remind.d.missed": ("连续 {n} 期未报", "{n} period(s) missed in a row"),
    "remind.d.missed_level": (
        "连续 {n} 期未报({level})",
        "{n} period(s) missed in a row ({level})",
    ),
    "remind.d.overdue": ("应于 {due} 完成,已逾期 {days} 天", "was due {due}, {days} days overdue"),
    "remind.d.due_soon": ("{due} 到期,还剩 {days} 天", "due {due}, {days} days left"),
    "col.item": ("事项", "Item"),
    "col.remind_kind": ("催报类型", "Kind"),
    "col.remind_deadline": ("期限", "Deadline"),
    "col.contact": ("联系人", "Contact"),
    "col.escalation": ("处理等级", "Escalation"),
    "col.rank": ("名次", "Rank"),
    "col.score": ("得分", "Score"),
    "col.deductions": ("扣分情况", "Deductions"),
    "csv.contact": ("联系人", "contact"),
    "csv.escalation": ("处理等级", "escalation"),
    "csv.item": ("事项", "item"),
    "csv.remind_kind": ("催报类型", "kind"),
    "csv.remind_deadline": ("期限", "deadline"),
    "csv.rank": ("名次", "rank"),
    "csv.score": ("得分", "score"),
    "csv.deductions": ("扣分情况", "deductions"),
    "item.task": ("第{id}项", "#{id}"),
    "score.title": ("评分排名(截至 {as_of},基础分 {base})", "Scores as of {as_of} (base {base})"),
    "score.note": ("注意:{note}", "Note: {note}"),
    "score.rules": ("扣分规则:{rules}", "Points off: {rules}"),
    "score.rule": ("{reason} {points} 分", "{reason} {points}"),
    "score.missed_report": ("每期未报送", "each report missed"),
    "score.status_sum": ("{reason} {n} 项 -{points}", "{reason}: {n} item(s) -{points}"),
    "score.missed_sum": ("未报送 {n} 期 -{points}", "reports missed: {n} -{points}"),
    "score.none_off": ("未扣分", "nothing off"),
    "score.no_rules": (
        "本政策未设评分规则:在 policy.yaml 中加入 scoring: 后再评分。",
        "This policy has no scoring rules: add scoring: to policy.yaml first.",
    ),
    "calendar.written": (
        "{path}:已写入 {n} 个日历事件。",
        "{path}: wrote {n} calendar event(s).",
    ),
    "out.exists": (
        "{path}:文件已存在,未覆盖。加 --force 覆盖,或用 -o 换一个文件名。",
        "{path}: already exists; not overwritten. Add --force, or choose another -o.",
    ),
    "out.cannot_write": (
        "{path}:无法写入({reason}),未生成文件。",
        "{path}: cannot write ({reason}); no file was written.",
    ),
    "out.written": ("{path}:已生成。", "{path}: written."),
    "bulletin.docx_needs_out": (
        "docx 是二进制文件,请用 -o 指定要写入的文件,如 -o 通报.docx",
        "docx is a binary file: name the file to write with -o, e.g. -o bulletin.docx",
    ),
    "import.exists": (
        "{path}:已有任务清单文件,未覆盖。加 --force 覆盖,或用 --out 换一个文件夹。",
        "{path}: a task list is already there; not overwritten. Add --force or another --out.",
    ),
    "import.written": (
        "{out}:已生成任务清单({n} 项任务)。用 wz-tasks tasks --tasks {out} 查看。",
        "{out}: task list written ({n} measures). See it with wz-tasks tasks --tasks {out}.",
    ),
    "import.review": (
        "{out}:已生成任务清单({n} 项任务),其中 {k} 处需人工复核(见上,tasks.yaml 中标有 "
        "review:);复核并删去 review: 后才能加载。",
        "{out}: task list written ({n} measures); {k} cell(s) need review (above; marked review: "
        "in tasks.yaml). It loads once each review: is resolved and removed.",
    ),
    "import.failed": ("未生成任务清单。", "No task list was written."),
    # the bulletin's own words (render/bulletin_words.py builds its sentences from them)
    "bw.masthead": ("督查通报", "Supervision bulletin"),
    "bw.issue": ("第{n}期", "No. {n}"),
    "bw.title": ("关于{period}《{policy}》落实情况的通报", "Bulletin on {policy}: {period}"),
    "bw.title.plain": ("关于《{policy}》落实情况的通报", "Bulletin on {policy}"),
    "bw.as_of_line": ("截至{date}", "As of {date}"),
    "bw.expired": (
        "政策已于 {date} 到期,按到期日评价。",
        "The policy expired on {date}; evaluated as of that date.",
    ),
    "bw.opening": (
        "现将截至{date}《{policy}》各项推进措施落实情况通报如下。",
        "This bulletin reports on the measures of {policy} as of {date}.",
    ),
    "bw.s.overall": ("总体情况", "Overall"),
    "bw.s.lagging": ("进展滞后事项", "Lagging measures"),
    "bw.s.reporting": ("进度报送情况", "Reporting"),
    "bw.s.matrix": ("{group}推进情况", "{group} at a glance"),
    "bw.s.indicators": ("量化指标进展", "Indicators"),
    "bw.s.ranking": ("考核排名", "Ranking"),
    "bw.s.requirements": ("下一步工作要求", "Next steps required"),
    "bw.s.annex": ("附件:各项推进措施落实情况", "Annex: every measure"),
    "bw.overall": (
        "《{policy}》共明确推进措施{total}项。截至{date},{counts}。其中绿灯{green}项、"
        "黄灯{yellow}项、红灯{red}项。",
        "{policy} sets {total} measures. As of {date}: {counts}. Green {green}, yellow "
        "{yellow}, red {red}.",
    ),
    "bw.count_share": ("{status}{count}项、占比{share}%", "{status} {count} ({share}%)"),
    "bw.changes.none": (
        "与上期(截至{date})相比,各项措施状态无变化。",
        "No measure changed status since the previous bulletin (as of {date}).",
    ),
    "bw.changes.intro": ("与上期(截至{date})相比:", "Since the previous bulletin (as of {date}):"),
    "bw.changes.red": ("新增红灯{n}项({items})", "newly red: {n} ({items})"),
    "bw.changes.green": ("新转绿灯{n}项({items})", "newly green: {n} ({items})"),
    "bw.changes.done": ("新完成{n}项({items})", "newly done: {n} ({items})"),
    "bw.changes.moved": ("状态变化{n}项({items})", "{n} changed status ({items})"),
    "bw.items": ("第{ids}项", "#{ids}"),
    "bw.led_by": ("{unit}负责的{items}", "{items} led by {unit}"),
    "bw.lagging.overdue": ("{who}逾期未完成", "{who}: overdue"),
    "bw.lagging.behind": ("{who}未达到序时进度", "{who}: behind the pro-rata line"),
    "bw.lagging.none": (
        "截至{date},没有逾期或滞后序时进度的事项。",
        "Nothing is overdue or behind.",
    ),
    "bw.detail.overdue_due": ("逾期{days}天(应于{due}完成)", "{days} days overdue (due {due})"),
    "bw.detail.overdue_value": (
        "当前{value},未达到{due}节点目标{target},逾期{days}天",
        "at {value}, missed the {due} target of {target} ({days} days ago)",
    ),
    "bw.detail.overdue_none": (
        "未报数值,未达到{due}节点目标{target},逾期{days}天",
        "no value reported, missed the {due} target of {target} ({days} days ago)",
    ),
    "bw.detail.behind": (
        "当前{value},低于序时进度({expected}){behind}({due}目标{target})",
        "at {value}, {behind} below the pro-rata {expected} (target {target} by {due})",
    ),
    "bw.points": ("{n}个百分点", "{n} points"),
    "bw.count_points": ("{n}", "{n}"),
    "bw.reporting.intro": (
        "{units}等{n}个单位未按要求报送进度。",
        "{n} unit(s) have not reported as required: {units}.",
    ),
    "bw.reporting.none": ("各牵头单位均按期报送进度。", "Every lead unit reported on time."),
    "bw.state.late": ("超期未报送", "late"),
    "bw.state.missing": ("从未报送", "never reported"),
    "bw.escalation.none": ("—", "—"),
    "bw.matrix.intro": (
        "{group}牵头的{n}项措施推进情况如下(红灯 逾期,黄灯 滞后、临期或未按期报送,绿灯 "
        "正常推进或已完成)。",
        "The {n} measures {group} lead (red: overdue; yellow: behind, due soon or not "
        "reported; green: on track or done).",
    ),
    "bw.matrix.none": ("不牵头", "—"),
    "bw.indicators.intro": (
        "下图为各单位报送数值与序时进度、节点目标的对比;预测按各单位最近报送数值的稳健拟合"
        "(至少3次报送)推算达到下一节点目标的日期。",
        "Each unit's reported values against the pro-rata line and milestones; the forecast is "
        "when it reaches the next target at its recent pace (a robust fit, at least 3 reports).",
    ),
    "bw.indicators.intro_table": (
        "下表为各单位报送数值与节点目标的对比;预测按各单位最近报送数值的稳健拟合(至少3次报送)"
        "推算达到下一节点目标的日期。",
        "Each unit's reported values against the milestones; the forecast is when it reaches the "
        "next target at its recent pace (a robust fit, at least 3 reports).",
    ),
    "bw.forecast.reached": ("已于{date}达到{target}", "reached {target} on {date}"),
    "bw.forecast.reached_late": ("晚于节点", "after the milestone"),
    "bw.forecast.reaches": ("预计{date}达到{target}", "expected to reach {target} on {date}"),
    "bw.forecast.never": ("按近期进度无法达到{target}", "will not reach {target} at this pace"),
    "bw.forecast.none": ("报送数值不足3次,暂不预测", "fewer than 3 values, no forecast"),
    "bw.forecast.late": ("预计不能按期完成", "will miss the deadline"),
    "bw.forecast.by": ("节点 {date}", "due {date}"),
    "bw.ranking.text": (
        "按评分规则,{top}位居前{n}名;{bottom}位居后{m}名。",
        "By the scoring rules, {top} rank top {n}; {bottom} rank bottom {m}.",
    ),
    "bw.ranking.top": ("前{n}名", "Top {n}"),
    "bw.ranking.bottom": ("后{n}名", "Bottom {n}"),
    "bw.ranking.note": ("注:{note}", "Note: {note}"),
    "bw.requirement": ("{n}是{text}", "{n}. {text}"),
    "bw.requirements.none": ("(暂无)", "(none)"),
    "bw.all_status": ("全部{status}", "all {status}"),
    "bw.col.task": ("措施", "Measure"),
    "bw.col.problems": ("存在问题", "Problems reported"),
    "bw.col.state": ("报送情况", "State"),
    "bw.col.days_since": ("未报送天数", "Days since"),
    "bw.col.last_report": ("最近报送", "Last report"),
    "bw.col.missed": ("连续未报期数", "Missed in a row"),
    "bw.col.tasks": ("涉及措施", "Measures"),
    "bw.col.count": ("项数", "Count"),
    "bw.col.share": ("占比", "Share"),
    "bw.col.light": ("灯色", "Light"),
    "bw.col.latest": ("最新数值", "Latest"),
    "bw.col.forecast": ("预测", "Forecast"),
    "bw.col.values": ("报送数值", "Values"),
    "bw.total": ("合计", "Total"),
    "bw.chart.title": ("第{id}项 {name}", "#{id} {name}"),
    "bw.never": ("从未报送", "never"),
    "bw.days": ("{n}天", "{n} days"),
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


# `wz-tasks init` (SPEC §12)
_LABELS.update(
    {
        "cmd.init": (
            "新建进度报送数据仓库:progress/、配置文件、pre-commit 检查、CI 和说明;不覆盖已有文件。",
            "Make a data repository: progress/, config file, pre-commit hook, CI and a README; "
            "never overwrites.",
        ),
        "help.init_dir": (
            "在哪个文件夹里建立(默认当前文件夹)。",
            "The folder to set up (default: the current folder).",
        ),
        "help.init_tasks": (
            "使用这个任务清单(写入配置文件);不写则用内置任务清单。",
            "Use this task list (written into the config file); default: the built-in one.",
        ),
        "init.created": ("已创建 {path}", "created {path}"),
        "init.kept": ("{path} 已存在,保留不动", "{path} exists; kept as it is"),
        "init.cannot_write": (
            "{path}:无法写入({reason})。",
            "{path}: cannot write ({reason}).",
        ),
        "init.next": (
            "下一步:wz-tasks new-report --unit 单位名称,填好后 wz-tasks check,再提交。",
            "Next: wz-tasks new-report --unit UNIT, fill it in, wz-tasks check, then commit.",
        ),
    }
)
