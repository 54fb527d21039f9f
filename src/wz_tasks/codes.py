"""Every diagnostic `check` can give: its code, name, severity, message, and a failing example.

Each code is defined here once. Messages say what is wrong and what to write instead; `{...}`
fields are filled from the finding. The examples are run by tests/test_codes.py: each must give
exactly its code at the line and column stated (files checked as of 2026-11-27).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    severity: Severity
    zh: str
    en: str
    example: str | dict[str, str] | None = None  # one file's text, or {file name: text}
    at: tuple[int, int] | None = None  # (line, column) of the finding in the example
    example_file: str = "report.yaml"  # which file of the example the finding is in


def _ok(entries: str = "  - task: 4\n    value: 62\n    progress: 已组建31个小区业委会\n") -> str:
    return f"unit: 盐池县\ndate: 2025-12-20\nentries:\n{entries}"


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        # --- the file and its YAML --------------------------------------------------------------
        Code(
            "WZ001",
            "yaml-syntax",
            "error",
            "YAML 语法错误:{problem}。请检查这一行的缩进、冒号和引号",
            "YAML syntax error: {problem}. Check indentation, colons and quotes on this line",
            "unit: 盐池县\ndate: [2025-12-20\n",
            (3, 1),
        ),
        Code(
            "WZ002",
            "encoding",
            "error",
            "文件编码是 {encoding},不是 UTF-8。请用 UTF-8 编码另存(记事本:另存为 → 编码选 UTF-8)",
            "the file is encoded as {encoding}, not UTF-8. Save it again as UTF-8",
        ),
        Code(
            "WZ003",
            "not-text",
            "error",
            "这不是文本文件(含有二进制或控制字符)。进度文件必须是 UTF-8 编码的 YAML 文本",
            "this is not a text file (binary or control characters). A progress file is UTF-8 YAML",
        ),
        Code(
            "WZ004",
            "empty-file",
            "error",
            "文件是空的。一份报送至少要写 unit(单位)、date(日期)和 entries(任务进展)",
            "the file is empty. A report needs unit, date and entries",
            "# 只有注释\n",
            (1, 1),
        ),
        Code(
            "WZ005",
            "too-large",
            "error",
            "文件太大(超过上限 {limit} 字节)。一份报送不应这么大,请检查是否误传了其他文件",
            "the file is too large (over the {limit}-byte limit). Is this really a progress file?",
        ),
        Code(
            "WZ006",
            "too-deep",
            "error",
            "嵌套层级超过 {limit} 层。进度文件只需要三层:文件 → entries → 每一项",
            "nesting deeper than {limit} levels. A progress file needs three: file → entries → entry",
            "unit: 盐池县\ndate: 2025-12-20\nentries: " + "[" * 70 + "]" * 70 + "\n",
            (3, 73),
        ),
        Code(
            "WZ007",
            "anchor-alias",
            "error",
            "进度文件中不允许使用锚点/别名(&{anchor} / *{anchor})。请把内容直接写出来",
            "anchors and aliases (&{anchor} / *{anchor}) are not allowed. Write the value out",
            _ok("  - task: 4\n    value: &v 62\n    progress: 已推进\n"),
            (5, 12),
        ),
        Code(
            "WZ008",
            "custom-tag",
            "error",
            "进度文件中不允许使用标签 {tag}。请去掉 ! 开头的标签,直接写值",
            "tags ({tag}) are not allowed. Remove the tag and write the plain value",
            _ok(
                "  - task: 4\n    value: !!python/object/apply:os.system [ls]\n    progress: 已推进\n"
            ),
            (5, 12),
        ),
        Code(
            "WZ009",
            "duplicate-key",
            "error",
            "字段 {key} 重复出现(第 {first} 行已写过)。请删除其中一个",
            "field {key} appears twice (first on line {first}). Remove one",
            _ok("  - task: 4\n    value: 62\n    value: 63\n    progress: 已推进\n"),
            (6, 5),
        ),
        Code(
            "WZ010",
            "multiple-documents",
            "error",
            "一个文件只能有一份报送(发现了 --- 分隔的第二份)。请拆成两个文件",
            "one file holds one report (found a second document after ---). Split it into two files",
            _ok() + "---\nunit: 盐池县\n",
            (7, 1),
        ),
        Code(
            "WZ011",
            "unreadable",
            "error",
            "无法读取文件:{reason}",
            "cannot read the file: {reason}",
        ),
        # --- fields and types -------------------------------------------------------------------
        Code(
            "WZ101",
            "unknown-field",
            "error",
            "未知字段 {field}。{hint}",
            "unknown field {field}. {hint}",
            _ok("  - task: 4\n    vaule: 62\n    progress: 已推进\n"),
            (5, 5),
        ),
        Code(
            "WZ102",
            "missing-field",
            "error",
            "缺少必填字段 {field}({what})",
            "required field {field} is missing ({what})",
            "unit: 盐池县\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (1, 1),
        ),
        Code(
            "WZ103",
            "wrong-type",
            "error",
            "{field} 的值 {got} 不对:应当是{expected}",
            "{field} has the wrong value {got}: expected {expected}",
            _ok("  - task: 4\n    value: 62%\n    progress: 已推进\n"),
            (5, 12),
        ),
        Code(
            "WZ104",
            "unknown-task",
            "error",
            "没有序号为 {task} 的任务。任务序号是附件2中的 {first}–{last}",
            "there is no task {task}. Task numbers run {first}–{last} as in Attachment 2",
            _ok("  - task: 21\n    progress: 已推进\n"),
            (4, 11),
        ),
        Code(
            "WZ105",
            "impossible-date",
            "error",
            "日期 {text} 不存在。请按 YYYY-MM-DD 写一个真实的日期,如 2025-12-20",
            "{text} is not a real date. Write YYYY-MM-DD, e.g. 2025-12-20",
            "unit: 盐池县\ndate: 2025-13-01\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (2, 7),
        ),
        Code(
            "WZ106",
            "unknown-unit",
            "error",
            "未知单位 {unit}。{hint}",
            "unknown unit {unit}. {hint}",
            "unit: 盐池\ndate: 2025-12-20\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (1, 7),
        ),
        Code(
            "WZ107",
            "group-not-unit",
            "error",
            "{unit} 是单位组,不是一个单位。请由各成员单位分别报送:{members}",
            "{unit} is a group, not a unit. Each member reports on its own: {members}",
            "unit: 各县(市、区)人民政府\ndate: 2025-12-20\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (1, 7),
        ),
        Code(
            "WZ108",
            "unit-not-on-task",
            "error",
            "{unit} 既不牵头也不配合任务 {task}。该任务牵头单位:{lead};配合单位:{support}",
            "{unit} neither leads nor supports task {task}. Lead: {lead}; support: {support}",
            _ok("  - task: 7\n    progress: 已推进\n"),
            (4, 11),
        ),
        Code(
            "WZ109",
            "value-out-of-range",
            "error",
            "{field} 的值 {value} 超出范围:{indicator}是{range}",
            "{field} = {value} is out of range: {indicator} is {range}",
            _ok("  - task: 4\n    value: 120\n    progress: 已推进\n"),
            (5, 12),
        ),
        Code(
            "WZ110",
            "count-not-whole",
            "error",
            "{field} 的值 {value} 不是整数:{indicator}是个数,请填整数",
            "{field} = {value} is not a whole number: {indicator} is a count",
            "unit: 市住建局\ndate: 2025-12-20\nentries:\n  - task: 20\n    value: 2.5\n    progress: 已推进\n",
            (5, 12),
        ),
        Code(
            "WZ111",
            "value-without-indicator",
            "error",
            "{item} 没有量化指标,不能填 {field}。请用 status 和 progress 说明进展",
            "{item} has no indicator, so {field} does not apply. Use status and progress",
            _ok("  - task: 2\n    value: 50\n    progress: 已推进\n"),
            (5, 5),
        ),
        Code(
            "WZ112",
            "ratio-on-count",
            "error",
            "{indicator}是个数,不能填 numerator/denominator。请直接填 value",
            "{indicator} is a count: numerator/denominator do not apply. Write value",
            "unit: 市住建局\ndate: 2025-12-20\nentries:\n  - task: 20\n    numerator: 2\n"
            "    denominator: 3\n    progress: 已推进\n",
            (5, 5),
        ),
        Code(
            "WZ113",
            "ratio-invalid",
            "error",
            "分子/分母不成立:{why}",
            "numerator/denominator do not work: {why}",
            _ok("  - task: 4\n    numerator: 60\n    denominator: 50\n    progress: 已推进\n"),
            (5, 16),
        ),
        Code(
            "WZ114",
            "ratio-mismatch",
            "error",
            "value {value} 与 numerator/denominator 算出的 {computed} 不一致(允许相差 0.5)。"
            "请改为 {computed} 或核对分子分母",
            "value {value} disagrees with numerator/denominator = {computed} (0.5 allowed). "
            "Write {computed} or check the counts",
            _ok(
                "  - task: 4\n    value: 70\n    numerator: 31\n    denominator: 50\n    progress: 已推进\n"
            ),
            (5, 12),
        ),
        Code(
            "WZ115",
            "unknown-indicator",
            "error",
            "任务 {task} 没有指标 {key}。{hint}",
            "task {task} has no indicator {key}. {hint}",
            _ok("  - task: 4\n    values: {committee: 62}\n    progress: 已推进\n"),
            (5, 14),
        ),
        Code(
            "WZ116",
            "done-on-ongoing",
            "error",
            "{item} 是长期任务({deadline}),没有“完成”状态。请写 status: in_progress 并说明进展",
            "{item} is ongoing ({deadline}) and cannot be done. Write status: in_progress",
            _ok("  - task: 5\n    status: done\n    progress: 已推进\n"),
            (5, 13),
        ),
        Code(
            "WZ117",
            "done-on-after-date",
            "error",
            "完成日期 {done_on} 晚于报送日期 {date}。完成日期不能在报送日期之后",
            "done_on {done_on} is after the report date {date}; it cannot be",
            _ok("  - task: 2\n    status: done\n    done_on: 2025-12-25\n    progress: 已推进\n"),
            (6, 14),
        ),
        Code(
            "WZ118",
            "date-in-future",
            "error",
            "报送日期 {date} 在 {as_of} 之后。请写数据实际截至的日期",
            "the report date {date} is after {as_of}. Write the date the figures describe",
            "unit: 盐池县\ndate: 2027-01-05\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (2, 7),
        ),
        Code(
            "WZ119",
            "date-before-policy",
            "error",
            "报送日期 {date} 早于政策施行日期 {effective}",
            "the report date {date} is before the policy took effect ({effective})",
            "unit: 盐池县\ndate: 2024-10-01\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
            (2, 7),
        ),
        Code(
            "WZ120",
            "duplicate-task",
            "error",
            "{item} 在本文件中出现了两次(第 {first} 行已写过)。请合并为一项",
            "{item} appears twice in this file (first on line {first}). Merge them",
            _ok(
                "  - task: 4\n    value: 62\n    progress: 已推进\n"
                "  - task: 4\n    value: 63\n    progress: 已推进\n"
            ),
            (7, 11),
        ),
        Code(
            "WZ121",
            "duplicate-report",
            "error",
            "{unit} 在 {date} 已有另一份报送:{other}。同一单位同一日期只能有一份,请合并",
            "{unit} already reported for {date} in {other}. One report per unit and date",
            {
                "a.yaml": _ok(),
                "report.yaml": _ok("  - task: 3\n    value: 75\n    progress: 已推进\n"),
            },
            (2, 7),
        ),
        Code(
            "WZ122",
            "done-on-without-done",
            "error",
            "只有 status: done 时才能填 done_on。已完成请写 status: done,否则删去 done_on",
            "done_on goes with status: done only. Write status: done or remove done_on",
            _ok("  - task: 2\n    done_on: 2025-12-01\n    progress: 已推进\n"),
            (5, 5),
        ),
        Code(
            "WZ123",
            "not-filled",
            "error",
            "{field} 还没有填写(模板中的“{placeholder}”)。请填写,或删去这一行",
            "{field} is not filled in (the template's “{placeholder}”). Fill it in or delete the line",
            _ok("  - task: 4\n    value: 待填写\n    progress: 已推进\n"),
            (5, 12),
        ),
        Code(
            "WZ124",
            "status-invalid",
            "error",
            "status 的值 {got} 不对:只能是 not_started(未开始)、in_progress(推进中)或 done(已完成)",
            "status {got} is not one of not_started, in_progress, done",
            _ok("  - task: 2\n    status: 完成\n    progress: 已推进\n"),
            (5, 13),
        ),
        Code(
            "WZ125",
            "progress-missing",
            "error",
            "{item} 这一项没有写工作进展。请在 progress 中写明做了什么:只有数字或 status 不算一次报送",
            "the entry for {item} says nothing under progress. Write what was done: "
            "a figure or a status alone is not a report",
            _ok("  - task: 5\n"),
            (4, 5),
        ),
        Code(
            "WZ126",
            "hidden-character",
            "error",
            "{field} 中有看不见的{kind} {chars}。请删去:它会让文字显示得与实际内容不同",
            "{field} holds {kind} {chars}, which is invisible. Remove it: "
            "it makes text display otherwise than it is",
            _ok('  - task: 4\n    value: 62\n    progress: "已组建\\u202e31个"\n'),
            (6, 15),
        ),
        Code(
            "WZ127",
            "done-on-before-policy",
            "error",
            "完成日期 {done_on} 早于政策施行日期 {effective}。请写本政策下实际完成的日期",
            "done_on {done_on} is before the policy took effect ({effective}). "
            "Write the date it was done under this policy",
            _ok("  - task: 2\n    status: done\n    done_on: 0001-01-01\n    progress: 已完成\n"),
            (6, 14),
        ),
        Code(
            "WZ128",
            "item-missing",
            "error",
            "这一项没有写任务或职责。请写 task: 任务序号(附件2),或 duty: 职责编号(附件1,如 县级主管部门-4)",
            "this entry names no task or duty. Write task: N (Attachment 2) or duty: KEY "
            "(Attachment 1, e.g. 县级主管部门-4)",
            _ok("  - progress: 已推进\n"),
            (4, 5),
        ),
        Code(
            "WZ129",
            "item-both",
            "error",
            "一项只能写 task 或 duty 中的一个。请把任务 {task} 和职责 {duty} 分成两项",
            "an entry names either a task or a duty. Split task {task} and duty {duty} into two",
            _ok("  - task: 1\n    duty: 市住建局-1\n    progress: 已推进\n").replace(
                "盐池县", "市住建局"
            ),
            (5, 5),
        ),
        Code(
            "WZ130",
            "unknown-duty",
            "error",
            "没有编号为 {duty} 的职责。{hint}",
            "there is no duty {duty}. {hint}",
            _ok("  - duty: 县级主管部门-99\n    progress: 已推进\n"),
            (4, 11),
        ),
        Code(
            "WZ131",
            "unit-not-on-duty",
            "error",
            "{unit} 不负责报送职责 {duty}。该职责由 {reporters} 报送",
            "{unit} does not report duty {duty}. It is reported by {reporters}",
            _ok("  - duty: 市住建局-5\n    progress: 已推进\n"),
            (4, 11),
        ),
        Code(
            "WZ132",
            "period-invalid",
            "error",
            "period {text} 不是周期的写法。请写 2025-Q4(季度)、2026-01(月)、2025-H2(半年)、2025(年)或 2026-W05(周)",
            "period {text} is not a period. Write 2025-Q4, 2026-01, 2025-H2, 2025 or 2026-W05",
            _ok("  - duty: 县级主管部门-4\n    period: 2025年4季度\n    progress: 已推进\n"),
            (5, 13),
        ),
        Code(
            "WZ133",
            "period-mismatch",
            "error",
            "{item} {rhythm}报送,period {text} 不是这样的周期。{hint}",
            "{item} is reported {rhythm}; period {text} is not such a period. {hint}",
            _ok("  - duty: 县级主管部门-4\n    period: 2025-11\n    progress: 已推进\n"),
            (5, 13),
        ),
        Code(
            "WZ134",
            "period-after-date",
            "error",
            "period {text} 从 {start} 开始,晚于报送日期 {date}。还没到的周期不能报送",
            "period {text} starts {start}, after the report's date {date}: it has not begun",
            _ok("  - duty: 县级主管部门-4\n    period: 2026-Q1\n    progress: 已推进\n"),
            (5, 13),
        ),
        Code(
            "WZ135",
            "sign-off-not-responsible",
            "error",
            "只有督办单位 {responsible} 可以销号,{unit} 不能。请删去 sign_off",
            "only the supervising unit {responsible} signs items off, not {unit}. Remove sign_off",
            "unit: 盐池县\ndate: 2025-12-20\nsign_off:\n  - {task: 7, unit: 市住建局, date: 2025-12-20}\n",
            (4, 3),
        ),
        Code(
            "WZ136",
            "sign-off-item",
            "error",
            "销号的这一项有误:{why}",
            "this sign-off is wrong: {why}",
            "unit: 市住建局\ndate: 2025-12-20\nsign_off:\n  - {task: 4, unit: 市住建局, date: 2025-12-20}\n",
            (4, 5),
        ),
        Code(
            "WZ137",
            "sign-off-after-date",
            "error",
            "销号日期 {signed} 晚于文件日期 {date}。请写实际销号的日期",
            "sign-off date {signed} is after the file's date {date}",
            "unit: 市住建局\ndate: 2025-12-20\nsign_off:\n  - {task: 7, unit: 市住建局, date: 2025-12-28}\n",
            (4, 33),
        ),
        # --- warnings ---------------------------------------------------------------------------
        Code(
            "WZ201",
            "value-decreased",
            "warning",
            "{indicator} 从 {before}({before_date},{before_file})降到 {value}。"
            "如属实请在 problems 中说明原因",
            "{indicator} fell from {before} ({before_date}, {before_file}) to {value}. "
            "If that is right, say why under problems",
            {
                "a.yaml": "unit: 盐池县\ndate: 2025-11-20\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n",
                "report.yaml": _ok("  - task: 4\n    value: 55\n    progress: 已推进\n"),
            },
            (5, 12),
        ),
        Code(
            "WZ202",
            "done-below-target",
            "warning",
            "写了 status: done,但 {indicator} 为 {value},低于最终目标 {target}。是否已完成以指标为准",
            "status: done, but {indicator} is {value}, below the final target {target}. "
            "Indicators decide",
            _ok("  - task: 4\n    value: 62\n    status: done\n    progress: 已推进\n"),
            (6, 13),
        ),
        # --- evaluation (check --fail-on) -------------------------------------------------------
        Code(
            "WZ301",
            "status-fails",
            "error",
            "任务 {task}({unit}):{status},{detail}",
            "task {task} ({unit}): {status}, {detail}",
        ),
        # --- typing mistakes and hostile values (WZ050–WZ079) ----------------------------------
        Code(
            "WZ050",
            "fullwidth-after-key",
            "error",
            "字段名 {key} 后面是{what}。YAML 只认英文冒号加一个空格:请切换到英文输入法,改成“{key}: ”",
            "{key} is followed by {what}. YAML needs an ASCII colon and a space: write '{key}: '",
            _ok("  - task: 4\n    progress：已完成\n"),
            (5, 13),
        ),
        Code(
            "WZ051",
            "colon-in-text",
            "error",
            "{key} 的文字里有“: ”(冒号加空格),YAML 会把它当成又一个字段。"
            '请给整段文字加上引号,如 {key}: "…",或把冒号改成全角“：”',
            "the text of {key} holds ': ' (a colon and a space), which YAML reads as another "
            "field. Put the text in quotes, e.g. {key}: \"…\", or use a full-width '：'",
            _ok("  - task: 4\n    progress: 完成情况: 良好\n"),
            (5, 19),
        ),
        Code(
            "WZ052",
            "unclosed-quote",
            "error",
            "这里的引号 {quote} 一直到文件末尾都没有配对的另一半。请在文字结尾补上 {quote}",
            "the quote {quote} opened here is never closed. Add the closing {quote} after the text",
            _ok('  - task: 4\n    progress: "已完成\n    problems: 无\n'),
            (5, 15),
        ),
        Code(
            "WZ053",
            "invisible-character",
            "error",
            "“{shown}”里有看不见的字符 {chars}:看上去一样,YAML 却当成另一个字。"
            "请删掉后重新输入{hint}",
            "'{shown}' holds an invisible character {chars}: it looks the same but is another "
            "word to YAML. Delete it and type the text again{hint}",
            _ok().replace("entries:\n", "date\u200b: 2025-12-20\nentries:\n"),
            (3, 1),
        ),
        Code(
            "WZ054",
            "number-too-long",
            "error",
            "数字 {shown} 有 {digits} 位,太长了。请填写实际的数值",
            "the number {shown} has {digits} digits, too many. Write the actual figure",
            _ok("  - task: 4\n    value: " + "9" * 4301 + "\n    progress: 已推进\n"),
            (5, 12),
        ),
        Code(
            "WZ055",
            "too-many-values",
            "error",
            "文件里的值太多(超过上限 {limit} 个)。一份报送不应这么大,请检查是否误传了其他文件",
            "too many values in the file (over the limit of {limit}). Is this a progress file?",
        ),
    ]
}

# --- problems in the task list itself (exit 2) --------------------------------------------------
CODES.update(
    {
        c.code: c
        for c in [
            Code(
                "WZ401",
                "tasklist-unknown-unit",
                "error",
                "任务清单中的单位 {unit} 不在单位名录中。{hint}",
                "unit {unit} in the task list is not in the unit registry. {hint}",
            ),
            Code(
                "WZ402",
                "tasklist-invalid",
                "error",
                "任务清单有误:{why}",
                "the task list is wrong: {why}",
            ),
            Code(
                "WZ403",
                "tasklist-missing",
                "error",
                "找不到任务清单:{path}",
                "no task list at {path}",
            ),
            Code(
                "WZ404",
                "tasklist-review",
                "error",
                "任务 {task} 待人工核对:{reason}。请写好它的完成时限(due、indicators、every 或 "
                "ongoing),再删去 review",
                "task {task} awaits review: {reason}. Write its schedule (due, indicators, every "
                "or ongoing), then remove review",
            ),
        ]
    }
)


@dataclass(frozen=True)
class Diagnostic:
    """One finding at one place, in the words of its code."""

    path: str
    line: int
    column: int
    code: str
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def message(self, lang: str = "zh") -> str:
        spec = CODES[self.code]
        template = spec.en if lang == "en" else spec.zh
        params = {
            k: (v[lang] if isinstance(v, dict) and lang in v else v) for k, v in self.params.items()
        }
        try:
            return template.format(**params).replace("。。", "。").strip()
        except (KeyError, IndexError):
            return template

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


# --- the config file .wz-tasks.yaml (SPEC §13; a usage error, exit 2) ---------------------------
CODES.update(
    {
        c.code: c
        for c in [
            Code(
                "WZ080",
                "config-unreadable",
                "error",
                "无法读取配置文件 {path}({reason})",
                "cannot read the config file {path} ({reason})",
            ),
            Code(
                "WZ081",
                "config-wrong-type",
                "error",
                "配置项 {key} 的值不对:应当是{want}",
                "config key {key}: the value should be {want}",
            ),
            Code(
                "WZ082",
                "config-no-path",
                "error",
                "配置项 {key}:没有这个文件或文件夹 {path}(相对于配置文件所在的文件夹)",
                "config key {key}: no such file or folder {path} (relative to the config file's folder)",
            ),
            Code(
                "WZ083",
                "config-unknown-key",
                "error",
                "未知配置项 {key}。{hint}",
                "unknown config key {key}. {hint}",
            ),
            Code(
                "WZ084",
                "config-unknown-code",
                "error",
                "ignore 中的 {code} 不是 wz-tasks 的警告代码(如 WZ201)",
                "{code} in ignore is not a wz-tasks warning code (such as WZ201)",
            ),
            Code(
                "WZ085",
                "config-ignore-error",
                "error",
                "{code} 是错误,不能忽略(ignore 只能忽略警告;有错误的文件不计入统计,必须改正)",
                "{code} is an error and cannot be ignored (ignore silences warnings only; a file with an error is not counted)",
            ),
        ]
    }
)
