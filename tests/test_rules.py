"""Each rule of `check` (src/wz_tasks/rules/), every trigger of every code, as the user sees it:
file, line, column, code and message. Files are checked as of 2026-11-27."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import TASKS
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.load import TaskListError, load_task_list, parse_report
from wz_tasks.rules import Checked, check_reports
from wz_tasks.tasklist import TaskList

AS_OF = dt.date(2026, 11, 27)
HEAD = "unit: 盐池县\ndate: 2025-12-20\nentries:\n"
DONE = "    progress: 已推进\n"  # the text every valid entry needs (SPEC §9)

Finding = tuple[int, int, str, str]  # line, column, code, message (zh)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a clean file's locations are read again from its path


def checked(tl: TaskList, *files: tuple[str, str], future_is_error: bool = True) -> Checked:
    for name, text in files:
        Path(name).write_text(text, encoding="utf-8")
    parsed = [parse_report(name, text.encode()) for name, text in files]
    return check_reports(tl, parsed, AS_OF, future_is_error)


def findings(tl: TaskList, text: str, *others: tuple[str, str]) -> list[Finding]:
    """What `check` says about report.yaml (checked beside `others`)."""
    result = checked(tl, *others, ("report.yaml", text))
    return [
        (d.line, d.column, d.code, d.message())
        for d in result.diagnostics
        if d.path == "report.yaml"
    ]


def codes(tl: TaskList, text: str, *others: tuple[str, str]) -> list[tuple[int, int, str]]:
    return [f[:3] for f in findings(tl, text, *others)]


def entry(*lines: str, task: int = 4, progress: bool = True) -> str:
    body = f"  - task: {task}\n" + "".join(f"    {line}\n" for line in lines)
    return body + (DONE if progress else "")


# --- WZ125 progress-missing ---------------------------------------------------------------------


def test_entry_with_only_a_task_fails_at_its_line(tl: TaskList) -> None:
    assert findings(tl, HEAD + "  - task: 5\n") == [
        (
            4,
            5,
            "WZ125",
            "任务 5 这一项没有写工作进展。请在 progress 中写明做了什么:只有数字或 status 不算一次报送",
        )
    ]


@pytest.mark.parametrize("given", ['progress: ""', 'progress: "  \\t "', "progress:", "value: 62"])
def test_entry_with_blank_or_no_progress_fails(tl: TaskList, given: str) -> None:
    text = HEAD + entry("value: 62") + entry(given, task=3, progress=False)
    assert codes(tl, text) == [(7, 5, "WZ125")]


def test_progress_left_as_template_blank_is_reported_once(tl: TaskList) -> None:
    assert codes(tl, HEAD + entry("progress: 待填写", progress=False)) == [(5, 15, "WZ123")]


def test_progress_of_the_wrong_type_is_reported_once(tl: TaskList) -> None:
    assert codes(tl, HEAD + entry("progress: [a, b]", progress=False)) == [(5, 15, "WZ103")]


def test_entry_without_progress_never_counts_as_a_report(tl: TaskList) -> None:
    earlier = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry("value: 50"))
    later = ("b.yaml", "unit: 盐池县\ndate: 2025-12-20\nentries:\n  - task: 5\n")
    result = checked(tl, earlier, later)
    assert [s.path for s in result.submissions] == ["a.yaml"]
    assert [d.code for d in result.invalid["b.yaml"]] == ["WZ125"]


def test_unknown_task_without_progress_gives_both(tl: TaskList) -> None:
    assert codes(tl, HEAD + "  - task: 21\n") == [(4, 5, "WZ125"), (4, 11, "WZ104")]


# --- WZ126 hidden-character -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "shown", "kind"),
    [
        ("\\x00", "U+0000", "控制字符"),
        ("\\a", "U+0007", "控制字符"),
        ("\\x08", "U+0008", "控制字符"),
        ("\\v", "U+000B", "控制字符"),
        ("\\r", "U+000D", "控制字符"),
        ("\\x1f", "U+001F", "控制字符"),
        ("\\x7f", "U+007F", "控制字符"),
        ("\\x80", "U+0080", "控制字符"),
        ("\\N", "U+0085", "控制字符"),
        ("\\x9f", "U+009F", "控制字符"),
        ("\\u202a", "U+202A", "双向文字控制符"),
        ("\\u202e", "U+202E", "双向文字控制符"),
        ("\\u2066", "U+2066", "双向文字控制符"),
        ("\\u2069", "U+2069", "双向文字控制符"),
    ],
)
def test_hidden_character_in_progress_is_named(
    tl: TaskList, escape: str, shown: str, kind: str
) -> None:
    text = HEAD + entry(f'progress: "已组建{escape}31个"', progress=False)
    assert findings(tl, text) == [
        (
            5,
            15,
            "WZ126",
            f"progress 中有看不见的{kind} {shown}。请删去:它会让文字显示得与实际内容不同",
        )
    ]


@pytest.mark.parametrize(
    "escape", ["\\t", "\\n", " ", "~", "\\xa0", "\\u2029", "\\u202f", "\\u2065", "\\u206a"]
)
def test_ordinary_characters_pass(tl: TaskList, escape: str) -> None:
    assert codes(tl, HEAD + entry(f'progress: "已组建{escape}31个"', progress=False)) == []


def test_block_text_with_tabs_and_lines_passes(tl: TaskList) -> None:
    text = HEAD + entry("progress: |", "  第一行\t完成", "  第二行", progress=False)
    assert codes(tl, text) == []


@pytest.mark.parametrize(
    ("where", "text", "at"),
    [
        ("problems", HEAD + entry('problems: "参与度低\\u202e"'), (5, 15)),
        ("next_steps", HEAD + entry('next_steps: "\\u2067下月完成"'), (5, 17)),
        (
            "contact",
            'unit: 盐池县\ndate: 2025-12-20\ncontact: "张三\\x1b"\nentries:\n' + entry(),
            (3, 10),
        ),
        ("unit", 'unit: "盐池县\\u202d"\ndate: 2025-12-20\nentries:\n' + entry(), (1, 7)),
    ],
)
def test_hidden_character_in_every_text_field(
    tl: TaskList, where: str, text: str, at: tuple[int, int]
) -> None:
    found = [f for f in findings(tl, text) if f[2] == "WZ126"]
    assert [(f[0], f[1]) for f in found] == [at]
    assert found[0][3].startswith(f"{where} 中有看不见的")


def test_several_hidden_characters_are_all_named_once(tl: TaskList) -> None:
    text = HEAD + entry('progress: "a\\u202eb\\u202ec\\ad"', progress=False)
    assert "U+202E、U+0007" in findings(tl, text)[0][3]


def test_hidden_character_in_contact_of_an_invalid_file(tl: TaskList) -> None:
    text = 'unit: 盐池县\ndate: 2025-12-20\ncontact: "\\u202e"\nentries:\n' + entry("value: 62%")
    assert codes(tl, text) == [(3, 10, "WZ126"), (6, 12, "WZ103")]


# --- WZ109 value-out-of-range, WZ110 count-not-whole ---------------------------------------------

PERCENT = "业主委员会+环境和物业管理委员会成立率是百分比,应在 0 到 100 之间"
COUNT_TASK = "unit: 市住建局\ndate: 2025-12-20\nentries:\n"
AAA = "培育AAA级物业服务企业数量(正文(十一):2025年至少3家)"


@pytest.mark.parametrize("value", ["0", "100", "62.5", "99.9999999"])
def test_percent_in_range_passes(tl: TaskList, value: str) -> None:
    assert codes(tl, HEAD + entry(f"value: {value}")) == []


@pytest.mark.parametrize(
    ("value", "shown"),
    [("100.0000001", "100.0000001"), ("-0.5", "-0.5"), ("101", "101"), ("1e308", "1e308")],
)
def test_percent_out_of_range_is_shown_as_typed(tl: TaskList, value: str, shown: str) -> None:
    assert findings(tl, HEAD + entry(f"value: {value}")) == [
        (5, 12, "WZ109", f"value 的值 {shown} 超出范围:{PERCENT}")
    ]


def test_percent_out_of_range_under_values(tl: TaskList) -> None:
    text = HEAD + entry("values: {party_work_coverage: 120}", task=3)
    assert findings(tl, text) == [
        (
            5,
            35,
            "WZ109",
            "party_work_coverage 的值 120 超出范围:"
            "物业服务企业党的工作覆盖率(正文(二))是百分比,应在 0 到 100 之间",
        )
    ]


@pytest.mark.parametrize("value", ["0", "3", "1000000000"])
def test_count_in_range_passes(tl: TaskList, value: str) -> None:
    assert codes(tl, COUNT_TASK + entry(f"value: {value}", task=20)) == []


@pytest.mark.parametrize(
    ("value", "shown"), [("-1", "-1"), ("1000000001", "1000000001"), ("1e308", "1e308")]
)
def test_count_out_of_range(tl: TaskList, value: str, shown: str) -> None:
    (found,) = findings(tl, COUNT_TASK + entry(f"value: {value}", task=20))
    assert found[:3] == (5, 12, "WZ109")
    assert found[3].startswith(f"value 的值 {shown} 超出范围:")
    assert found[3].endswith("是个数,应在 0 到 10 亿(1000000000)之间")


def test_huge_count_never_reaches_status(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(COUNT_TASK + entry("value: 1e308", task=20), "utf-8")
    args = ["--progress", str(tmp_path), "--as-of", "2026-11-27", "--format", "json"]
    result = CliRunner().invoke(app, ["status", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code != 3 and "Traceback" not in result.output
    assert CliRunner().invoke(app, ["check", *args]).exit_code == 1


def test_count_not_whole(tl: TaskList) -> None:
    assert findings(tl, COUNT_TASK + entry("value: 2.5", task=20)) == [
        (5, 12, "WZ110", f"value 的值 2.5 不是整数:{AAA}是个数,请填整数")
    ]


# --- a YAML true/false is no figure (WZ103) ------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "task", "at"),
    [
        (("value: true",), 4, (5, 12)),
        (("numerator: true", "denominator: 50"), 4, (5, 16)),
        (("numerator: 31", "denominator: false"), 4, (6, 18)),
        (("values: {party_work_coverage: true}",), 3, (5, 35)),
    ],
)
def test_true_or_false_is_not_a_number(
    tl: TaskList, lines: tuple[str, ...], task: int, at: tuple[int, int]
) -> None:
    found = findings(tl, HEAD + entry(*lines, task=task))
    assert [f[:3] for f in found] == [(*at, "WZ103")]
    assert found[0][3].endswith("不对:应当是数字(只写数字,不带 % 或单位)")


# --- WZ111 value-without-indicator, WZ115 unknown-indicator ------------------------------------


@pytest.mark.parametrize("field", ["value", "numerator", "denominator", "values"])
def test_figure_on_a_task_without_indicators(tl: TaskList, field: str) -> None:
    given = "values: {x: 1}" if field == "values" else f"{field}: 1"
    assert findings(tl, HEAD + entry(given, task=2)) == [
        (
            5,
            5,
            "WZ111",
            f"任务 2 没有量化指标,不能填 {field}。请用 status 和 progress 说明进展",
        )
    ]


def test_unknown_indicator_lists_the_task_keys_in_order(tl: TaskList) -> None:
    text = HEAD + entry("values: {coverage: 100, party_work_coverage: 100}", task=3)
    assert findings(tl, text) == [
        (
            5,
            14,
            "WZ115",
            "任务 3 没有指标 coverage。本任务的指标代码:party_branch_rate、party_work_coverage",
        )
    ]


# --- WZ112 ratio-on-count, WZ113 ratio-invalid, WZ114 ratio-mismatch ---------------------------


@pytest.mark.parametrize(
    ("lines", "at"),
    [
        (("numerator: 2", "denominator: 3"), (5, 5)),
        (("denominator: 3",), (5, 5)),
        (("value: 3", "numerator: 2"), (6, 5)),
    ],
)
def test_ratio_on_a_count(tl: TaskList, lines: tuple[str, ...], at: tuple[int, int]) -> None:
    assert findings(tl, COUNT_TASK + entry(*lines, task=20)) == [
        (*at, "WZ112", f"{AAA}是个数,不能填 numerator/denominator。请直接填 value")
    ]


@pytest.mark.parametrize(
    ("lines", "at", "why"),
    [
        (("numerator: 31",), (5, 5), "numerator 和 denominator 要同时填写"),
        (("denominator: 50",), (5, 5), "numerator 和 denominator 要同时填写"),
        (("numerator: 0", "denominator: 0"), (6, 18), "分母 0 应大于 0"),
        (("numerator: 1", "denominator: -2"), (6, 18), "分母 -2 应大于 0"),
        (("numerator: -1", "denominator: 50"), (5, 16), "分子 -1 不能为负"),
        (("numerator: 60", "denominator: 50"), (5, 16), "分子 60 大于分母 50"),
        (("numerator: 50.5", "denominator: 50"), (5, 16), "分子 50.5 大于分母 50"),
    ],
)
def test_ratio_invalid(tl: TaskList, lines: tuple[str, ...], at: tuple[int, int], why: str) -> None:
    assert findings(tl, HEAD + entry(*lines)) == [(*at, "WZ113", f"分子/分母不成立:{why}")]


@pytest.mark.parametrize(
    "lines",
    [
        ("numerator: 0", "denominator: 50"),
        ("numerator: 50", "denominator: 50"),
        ("value: 62.5", "numerator: 31", "denominator: 50"),
        ("value: 61.5", "numerator: 31", "denominator: 50"),
    ],
)
def test_ratio_at_its_limits_passes(tl: TaskList, lines: tuple[str, ...]) -> None:
    assert codes(tl, HEAD + entry(*lines)) == []


@pytest.mark.parametrize(("value", "computed"), [("62.6", "62"), ("61.4", "62"), ("40", "33.3")])
def test_ratio_mismatch(tl: TaskList, value: str, computed: str) -> None:
    ratio = (
        ("numerator: 1", "denominator: 3")
        if computed == "33.3"
        else ("numerator: 31", "denominator: 50")
    )
    assert findings(tl, HEAD + entry(f"value: {value}", *ratio)) == [
        (
            5,
            12,
            "WZ114",
            f"value {value} 与 numerator/denominator 算出的 {computed} 不一致(允许相差 0.5)。"
            f"请改为 {computed} 或核对分子分母",
        )
    ]


# --- WZ116, WZ117, WZ122, WZ127: done and done_on -----------------------------------------------


def test_done_on_an_ongoing_only_task(tl: TaskList) -> None:
    assert codes(tl, HEAD + entry("status: done", task=5)) == [(5, 13, "WZ116")]
    assert codes(tl, HEAD + entry("status: done", task=6)) == []  # a due date and an ongoing part


@pytest.mark.parametrize(
    ("done_on", "expected"),
    [
        ("2024-12-01", []),
        ("2025-12-20", []),
        ("2024-11-30", [(6, 14, "WZ127")]),
        ("0001-01-01", [(6, 14, "WZ127")]),
        ("2025-12-21", [(6, 14, "WZ117")]),
    ],
)
def test_done_on_lies_between_the_policy_and_the_report(
    tl: TaskList, done_on: str, expected: list[tuple[int, int, str]]
) -> None:
    assert codes(tl, HEAD + entry("status: done", f"done_on: {done_on}", task=2)) == expected


def test_done_on_before_the_policy_says_so(tl: TaskList) -> None:
    text = HEAD + entry("status: done", "done_on: 0001-01-01", task=2)
    assert findings(tl, text)[0][3] == (
        "完成日期 0001-01-01 早于政策施行日期 2024-12-01。请写本政策下实际完成的日期"
    )


def test_done_on_without_done(tl: TaskList) -> None:
    assert codes(tl, HEAD + entry("done_on: 2025-12-01", task=2)) == [(5, 5, "WZ122")]


def test_done_on_with_a_wrong_status_is_reported_once(tl: TaskList) -> None:
    text = HEAD + entry("status: 完成", "done_on: 2025-12-01", task=2)
    assert codes(tl, text) == [(5, 13, "WZ124")]


# --- WZ202 done-below-target --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "shown"),
    [
        (("value: 62",), "62"),
        (("value: 79.9999999",), "79.9999999"),
        (("numerator: 1", "denominator: 3"), "33.3"),
    ],
)
def test_done_below_the_final_target_warns(
    tl: TaskList, lines: tuple[str, ...], shown: str
) -> None:
    assert findings(tl, HEAD + entry(*lines, "status: done")) == [
        (
            4 + len(lines) + 1,
            13,
            "WZ202",
            f"写了 status: done,但 业主委员会+环境和物业管理委员会成立率 为 {shown},"
            "低于最终目标 80。是否已完成以指标为准",
        )
    ]


def test_done_at_the_final_target_is_quiet(tl: TaskList) -> None:
    assert codes(tl, HEAD + entry("value: 80", "status: done")) == []


def test_done_below_target_checks_every_indicator(tl: TaskList) -> None:
    text = HEAD + entry("value: 95", "values: {party_work_coverage: 99}", "status: done", task=3)
    assert [f[3].split(" 为 ")[1] for f in findings(tl, text)] == [
        "99,低于最终目标 100。是否已完成以指标为准"
    ]


# --- WZ104 unknown-task, WZ120 duplicate-task, WZ108 unit-not-on-task --------------------------


def test_entries_after_an_unknown_task_are_still_checked(tl: TaskList) -> None:
    text = HEAD + entry(task=21) + entry("value: 120")
    assert findings(tl, text)[0] == (
        4,
        11,
        "WZ104",
        "没有序号为 21 的任务。任务序号是附件2中的 1–20",
    )
    assert codes(tl, text) == [(4, 11, "WZ104"), (7, 12, "WZ109")]


def test_a_second_entry_for_a_task_is_checked_no_further(tl: TaskList) -> None:
    text = HEAD + entry("value: 62") + entry("value: 120") + entry("value: 120", task=3)
    found = findings(tl, text)
    assert [f[:3] for f in found] == [(7, 11, "WZ120"), (11, 12, "WZ109")]
    assert found[0][3] == "任务 4 在本文件中出现了两次(第 4 行已写过)。请合并为一项"


def test_third_entry_for_a_task_points_at_the_first(tl: TaskList) -> None:
    text = HEAD + entry("value: 62") + entry("value: 63") + entry("value: 64")
    found = findings(tl, text)
    assert [f[:3] for f in found] == [(7, 11, "WZ120"), (10, 11, "WZ120")]
    assert all(f[3].startswith("任务 4 在本文件中出现了两次(第 4 行已写过)") for f in found)


def test_unit_not_on_task_names_lead_and_support(tl: TaskList) -> None:
    assert findings(tl, HEAD + entry(task=7)) == [
        (
            4,
            11,
            "WZ108",
            "盐池县人民政府 既不牵头也不配合任务 7。该任务牵头单位:市住建局;"
            "配合单位:市发改委、市司法局、市市场监管局",
        )
    ]


def test_unit_not_on_a_task_without_support(tmp_path: Path) -> None:
    folder = tmp_path / "tasks"
    shutil.copytree(TASKS, folder)
    tasks = folder / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    old = "    lead: [市住建局]\n    support: [市发改委, 市司法局, 市市场监管局]\n    deadline_text: 2025年12月\n    due: 2025-12-31\n\n  - id: 8"
    assert old in text
    tasks.write_text(
        text.replace(old, old.replace("[市发改委, 市司法局, 市市场监管局]", "[]")), "utf-8"
    )
    found = findings(load_task_list(folder), HEAD + entry(task=7))
    assert found[0][3].endswith("该任务牵头单位:市住建局;配合单位:—")


# --- WZ106 unknown-unit, WZ107 group-not-unit ---------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "hint"),
    [
        ("盐池", "是不是 盐池县人民政府?"),
        ("市住键局", "是不是 市住建局、市财政局、市司法局?"),
        ("xyz", "请用 wz-tasks units 查看单位名称。"),
    ],
)
def test_unknown_unit_suggests_names_best_first(tl: TaskList, unit: str, hint: str) -> None:
    text = f"unit: {unit}\ndate: 2025-12-20\nentries:\n" + entry()
    assert findings(tl, text) == [(1, 7, "WZ106", f"未知单位 {unit}。{hint}")]


def test_unknown_unit_in_english(tl: TaskList) -> None:
    text = "unit: 市住键局\ndate: 2025-12-20\nentries:\n" + entry()
    (d,) = checked(tl, ("report.yaml", text)).diagnostics
    assert d.message("en") == "unknown unit 市住键局. Did you mean 市住建局, 市财政局, 市司法局?"


def test_group_lists_its_members_in_order(tl: TaskList) -> None:
    text = "unit: 各县(市、区)人民政府\ndate: 2025-12-20\nentries:\n" + entry()
    assert findings(tl, text) == [
        (
            1,
            7,
            "WZ107",
            "各县(市、区)人民政府 是单位组,不是一个单位。请由各成员单位分别报送:"
            "利通区人民政府、红寺堡区人民政府、青铜峡市人民政府、盐池县人民政府、同心县人民政府",
        )
    ]


# --- WZ118 date-in-future, WZ119 date-before-policy ---------------------------------------------


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2024-11-30", [(2, 7, "WZ119")]),
        ("2024-12-01", []),
        ("2026-11-27", []),
        ("2026-11-28", [(2, 7, "WZ118")]),
    ],
)
def test_report_date_lies_between_the_policy_and_today(
    tl: TaskList, date: str, expected: list[tuple[int, int, str]]
) -> None:
    text = f"unit: 盐池县\ndate: {date}\nentries:\n" + entry(task=5)
    assert codes(tl, text) == expected


def test_future_report_is_not_an_error_for_status(tl: TaskList) -> None:
    text = "unit: 盐池县\ndate: 2026-11-28\nentries:\n" + entry(task=5)
    result = checked(tl, ("report.yaml", text), future_is_error=False)
    assert result.diagnostics == [] and [s.path for s in result.submissions] == ["report.yaml"]


# --- across files: WZ121 duplicate-report, WZ201 value-decreased, one bad file ------------------


def test_same_unit_same_date_under_two_spellings(tl: TaskList) -> None:
    a = ("a.yaml", HEAD + entry())
    b = ("b.yaml", "unit: 盐池县人民政府\ndate: 2025-12-20\nentries:\n" + entry(task=3))
    result = checked(tl, a, b)
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [
        ("a.yaml", 2, "WZ121"),
        ("b.yaml", 2, "WZ121"),
    ]
    assert (
        result.diagnostics[0]
        .message()
        .endswith("已有另一份报送:b.yaml。同一单位同一日期只能有一份,请合并")
    )
    assert result.submissions == []


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("value: 62", "value: 55", "62(2025-11-20,a.yaml)降到 55"),
        ("value: 62", "value: 62", None),
        ("value: 62", "value: 62.0000001", None),
        ("value: 62.0000001", "value: 62", "62.0000001(2025-11-20,a.yaml)降到 62"),
        (
            "numerator: 1\n    denominator: 2",
            "numerator: 1\n    denominator: 3",
            "50(2025-11-20,a.yaml)降到 33.3",
        ),
    ],
)
def test_lower_value_than_the_previous_report(
    tl: TaskList, before: str, after: str, expected: str | None
) -> None:
    a = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry(before))
    found = findings(tl, HEAD + entry(after), a)
    if expected is None:
        assert found == []
    else:
        assert [f[2] for f in found] == ["WZ201"]
        assert found[0][3] == (
            f"业主委员会+环境和物业管理委员会成立率 从 {expected}。如属实请在 problems 中说明原因"
        )


def test_a_lower_value_in_an_invalid_file_is_not_compared(tl: TaskList) -> None:
    a = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry("value: 62"))
    assert codes(tl, HEAD + entry("value: 55") + "  - task: 5\n", a) == [(7, 5, "WZ125")]


def test_one_bad_file_does_not_stop_the_checks_of_the_next(tl: TaskList) -> None:
    broken = ("a.yaml", "unit: [\n")
    not_yaml = ("b.yaml", "- just a list\n")
    result = checked(tl, broken, not_yaml, ("c.yaml", HEAD + entry("value: 120")))
    assert [(d.path, d.code) for d in result.diagnostics] == [
        ("a.yaml", "WZ001"),
        ("b.yaml", "WZ103"),
        ("c.yaml", "WZ109"),
    ]


def test_every_error_leaves_its_file_out(tl: TaskList) -> None:
    good = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry("value: 50"))
    bad = ("b.yaml", HEAD + entry("value: 62") + entry("value: 1", task=2))
    result = checked(tl, good, bad)
    assert [s.path for s in result.submissions] == ["a.yaml"]
    assert list(result.invalid) == ["b.yaml"]


def test_a_warning_keeps_its_file(tl: TaskList) -> None:
    result = checked(tl, ("a.yaml", HEAD + entry("value: 62", "status: done")))
    assert [s.path for s in result.submissions] == ["a.yaml"] and result.invalid == {}


# --- the task list: WZ402 for a name two units claim ---------------------------------------------


def test_a_name_two_units_claim_is_named_with_both(tmp_path: Path) -> None:
    folder = tmp_path / "tasks"
    shutil.copytree(TASKS, folder)
    units = folder / "units.yaml"
    text = units.read_text(encoding="utf-8")
    old = "aliases: [市财政, 财政局, 吴忠市财政局]"
    assert old in text
    units.write_text(text.replace(old, "aliases: [市财政, 财政局, 吴忠市财政局, 住建局]"), "utf-8")
    with pytest.raises(TaskListError) as caught:
        load_task_list(folder)
    clash = [d for d in caught.value.diagnostics if d.code == "WZ402"]
    assert [d.message() for d in clash] == [
        "任务清单有误:名称 住建局 同时属于 市住建局 和 市财政局"
    ]
    assert clash[0].message("en") == (
        "the task list is wrong: the name 住建局 belongs to both 市住建局 and 市财政局"
    )
    # at the list of units, where the two names are
    assert (clash[0].path, clash[0].line) == (str(units), _line_of(units, "  - name: 市住建局"))


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(needle))


# --- the command line ---------------------------------------------------------------------------


def test_check_shows_the_new_rules_with_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        HEAD + "  - task: 5\n" + entry('progress: "好\\u202e"', progress=False), "utf-8"
    )
    result = CliRunner().invoke(
        app, ["check", "--progress", str(tmp_path), "--as-of", "2026-11-27", "--format", "json"]
    )
    out = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(d["line"], d["column"], d["code"], d["name"]) for d in out["diagnostics"]] == [
        (4, 5, "WZ125", "progress-missing"),
        (6, 15, "WZ126", "hidden-character"),
    ]


# --- what mutation testing found unpinned (see tests/test_codes.py for the command) ----------


def test_third_report_for_the_same_day_names_both_others(tl: TaskList) -> None:
    files = [(f"{n}.yaml", HEAD + entry()) for n in "abc"]
    result = checked(tl, *files)
    assert (
        result.diagnostics[0]
        .message()
        .endswith("已有另一份报送:b.yaml, c.yaml。同一单位同一日期只能有一份,请合并")
    )


def test_lower_value_is_found_whatever_order_the_files_come_in(tl: TaskList) -> None:
    newer = ("b.yaml", HEAD + entry("value: 55"))
    older = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry("value: 62"))
    result = checked(tl, newer, older)
    assert [(d.path, d.line, d.column, d.code) for d in result.diagnostics] == [
        ("b.yaml", 5, 12, "WZ201")
    ]


@pytest.mark.parametrize(
    ("after", "at"),
    [
        ("values: {party_work_coverage: 90}", (5, 35)),  # where the value stands
        ("numerator: 1\n    denominator: 2", (4, 5)),  # a ratio: the entry
    ],
)
def test_lower_value_points_where_it_is_given(
    tl: TaskList, after: str, at: tuple[int, int]
) -> None:
    before = "values: {party_work_coverage: 100}" if "values" in after else "value: 75"
    a = ("a.yaml", "unit: 盐池县\ndate: 2025-11-20\nentries:\n" + entry(before, task=3))
    found = findings(tl, HEAD + entry(after, task=3), a)
    assert [f[:3] for f in found] == [(*at, "WZ201")]


def test_blank_progress_beside_another_mistake_is_still_reported(tl: TaskList) -> None:
    text = HEAD + entry("value: 62%", 'progress: ""', progress=False)
    assert codes(tl, text) == [(4, 5, "WZ125"), (5, 12, "WZ103")]


@pytest.mark.parametrize(
    ("lines", "task", "english"),
    [
        (
            ("numerator: 31",),
            4,
            "numerator/denominator do not work: give both numerator and denominator",
        ),
        (
            ("numerator: 0", "denominator: 0"),
            4,
            "numerator/denominator do not work: denominator 0 must be > 0",
        ),
        (
            ("numerator: -1", "denominator: 5"),
            4,
            "numerator/denominator do not work: numerator -1 must be ≥ 0",
        ),
        (
            ("numerator: 6", "denominator: 5"),
            4,
            "numerator/denominator do not work: numerator 6 exceeds denominator 5",
        ),
        (
            ("values: {x: 1}",),
            3,
            "task 3 has no indicator x. Its indicators: party_branch_rate、party_work_coverage",
        ),
        (
            ("value: 101",),
            4,
            "value = 101 is out of range: committee_rate is a percentage, 0 to 100",
        ),
        (
            ('progress: "a\\u2066"',),
            5,
            "progress holds a bidirectional-text control U+2066, which is invisible. Remove it: it makes text display otherwise than it is",
        ),
        (
            ('progress: "a\\a"',),
            5,
            "progress holds a control character U+0007, which is invisible. Remove it: it makes text display otherwise than it is",
        ),
    ],
)
def test_english_message_of_every_branch(
    tl: TaskList, lines: tuple[str, ...], task: int, english: str
) -> None:
    has_text = any(line.startswith("progress") for line in lines)
    (d,) = checked(
        tl, ("r.yaml", HEAD + entry(*lines, task=task, progress=not has_text))
    ).diagnostics
    assert d.message("en") == english


def test_unknown_unit_without_suggestions_in_english(tl: TaskList) -> None:
    (d,) = checked(tl, ("r.yaml", "unit: xyz\ndate: 2025-12-20\nentries:\n" + entry())).diagnostics
    assert d.message("en") == "unknown unit xyz. See wz-tasks units for the names."


def test_duplicate_points_at_the_first_entry_for_that_task(tl: TaskList) -> None:
    text = HEAD + entry(task=3) + entry("value: 62") + entry("value: 63")
    assert "(第 6 行已写过)" in findings(tl, text)[0][3]


@pytest.mark.parametrize(
    ("value", "shown"), [("1e16", "1e16"), ("9999999999999998", "9999999999999998")]
)
def test_long_numbers_are_shown_as_typed(tl: TaskList, value: str, shown: str) -> None:
    assert findings(tl, HEAD + entry(f"value: {value}"))[0][3].startswith(
        f"value 的值 {shown} 超出"
    )


@pytest.mark.parametrize(
    "ratio", [("numerator: 1", "denominator: 1"), ("numerator: 0.25", "denominator: 0.5")]
)
def test_small_denominators_are_fine(tl: TaskList, ratio: tuple[str, str]) -> None:
    assert codes(tl, HEAD + entry(*ratio)) == []


def test_the_readme_example_progress_file_passes(tl: TaskList) -> None:
    readme = (TASKS.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Progress files\n\n```yaml\n", 1)[1].split("```", 1)[0]
    assert codes(tl, block) == []


# --- Attachment 1 duties, periods and sign-offs (SPEC §10.1, §10.2, §10.4) ------------------------


def test_a_county_reports_a_duty_for_its_area(tl: TaskList) -> None:
    text = HEAD + "  - duty: 县级主管部门-4\n    period: 2025-Q4\n    status: done\n" + DONE
    assert findings(tl, text) == []


def test_a_standing_duty_is_never_done(tl: TaskList) -> None:
    text = HEAD + "  - duty: 县级主管部门-1\n    status: done\n" + DONE
    assert [(c, m) for _, _, c, m in findings(tl, text)] == [
        (
            "WZ116",
            "职责 县级主管部门-1 是长期任务(长期职责),没有“完成”状态。请写 status: in_progress 并说明进展",
        )
    ]


def test_a_duty_has_no_figures(tl: TaskList) -> None:
    text = HEAD + "  - duty: 县级主管部门-4\n    value: 3\n" + DONE
    assert [c for _, _, c, _ in findings(tl, text)] == ["WZ111"]


def test_unknown_duty_suggests_the_units_own_keys(tl: TaskList) -> None:
    text = HEAD + "  - duty: 县级主管部门-40\n" + DONE
    [(line, col, code, message)] = findings(tl, text)
    assert (line, col, code) == (4, 11, "WZ130")
    assert message.startswith("没有编号为 县级主管部门-40 的职责。是不是 县级主管部门-4")


def test_the_same_duty_twice_is_fine_for_two_periods_not_for_one(tl: TaskList) -> None:
    two = "  - duty: 县级主管部门-4\n    period: 2025-Q3\n" + DONE
    two += "  - duty: 县级主管部门-4\n    period: 2025-Q4\n" + DONE
    assert findings(tl, HEAD + two) == []
    same = two.replace("2025-Q3", "2025-Q4")
    assert [(line, code) for line, _, code, _ in findings(tl, HEAD + same)] == [(7, "WZ120")]


def test_period_on_a_measure_that_does_not_repeat(tl: TaskList) -> None:
    text = HEAD + "  - task: 5\n    period: 2025-Q4\n" + DONE
    [(_, _, code, message)] = findings(tl, text)
    assert code == "WZ133" and "不是周期性的" in message


def test_period_of_another_rhythm_names_the_right_label(tl: TaskList) -> None:
    text = HEAD + "  - duty: 县级主管部门-4\n    period: 2025-12\n" + DONE
    [(_, _, code, message)] = findings(tl, text)
    assert code == "WZ133" and "每季度" in message and "如 2025-Q4" in message


SIGN = "unit: 市住建局\ndate: 2026-01-10\nsign_off:\n"


def test_a_sign_off_file_of_the_supervising_unit_passes(tl: TaskList) -> None:
    text = SIGN + "  - {task: 7, unit: 市住建局, date: 2026-01-10, note: 经核查已完成}\n"
    text += "  - {duty: 县级主管部门-4, unit: 盐池县, date: 2026-01-09}\n"
    assert findings(tl, text) == []


@pytest.mark.parametrize(
    ("item", "why"),
    [
        (
            "{task: 7, duty: 市住建局-1, unit: 市住建局, date: 2026-01-10}",
            "请写 task 或 duty 中的一个",
        ),
        ("{task: 7, unit: 盐迟县, date: 2026-01-10}", "未知单位 盐迟县"),
        ("{task: 70, unit: 市住建局, date: 2026-01-10}", "没有任务 70"),
        ("{duty: 市住建局-99, unit: 市住建局, date: 2026-01-10}", "没有职责 市住建局-99"),
        (
            "{duty: 市住建局-5, unit: 盐池县, date: 2026-01-10}",
            "盐池县人民政府 不负责职责 市住建局-5",
        ),
    ],
)
def test_a_sign_off_names_one_item_its_unit_is_accountable_for(
    tl: TaskList, item: str, why: str
) -> None:
    [(line, col, code, message)] = findings(tl, SIGN + f"  - {item}\n")
    assert (line, col, code) == (4, 5, "WZ136") and message == f"销号的这一项有误:{why}"
