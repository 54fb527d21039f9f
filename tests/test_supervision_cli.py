"""The supervision commands through the real CLI (SPEC §10.5, §11, §12): remind, score, calendar,
bulletin and import-tasks — their formats, files, usage errors and lazy imports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, TASKS
from typer.testing import CliRunner

from wz_tasks.cli import app

AS_OF = ["--as-of", "2026-11-27"]
SAMPLE_OPTS = ["--progress", str(SAMPLE), *AS_OF]


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    )


# --- remind -------------------------------------------------------------------------------------


def test_remind_json_has_exactly_the_spec_shape() -> None:
    result = run("remind", *SAMPLE_OPTS, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"as_of", "units"} and data["as_of"] == "2026-11-27"
    assert data["units"]
    for unit in data["units"]:
        assert set(unit) == {"unit", "contact", "escalation", "items"}
        for item in unit["items"]:
            assert set(item) in (
                {"task", "kind", "deadline", "detail"},
                {"duty", "kind", "deadline", "detail"},
            )
            assert item["kind"] in ("report_due", "report_late", "due_soon", "overdue")


def test_remind_names_contact_escalation_and_days_late_for_one_unit() -> None:
    result = run("remind", *SAMPLE_OPTS, "--unit", "同心", "--format", "json")
    units = json.loads(result.stdout)["units"]
    assert [u["unit"] for u in units] == ["同心县人民政府"]
    tongxin = units[0]
    assert tongxin["contact"] == "李明 0953-8023456" and tongxin["escalation"] == "提醒"
    task4 = next(i for i in tongxin["items"] if i.get("task") == 4)
    assert (task4["kind"], task4["deadline"]) == ("overdue", "2025-12-31")
    assert task4["detail"] == "58% / 目标 60%(2025-12-31 未达到)"
    late = [i for i in tongxin["items"] if i["kind"] == "report_late"]
    assert late and all("已逾期" in i["detail"] and "连续" in i["detail"] for i in late)


def test_remind_within_defaults_to_the_policys_due_soon_days() -> None:
    # On 2026-12-01 task 13 (due 2026-12-31) and duty 市住建局-5 are 30 days off: inside the
    # built-in policy's due_soon_days (30), outside a window of 29.
    def due_soon(*within: str) -> list[tuple[object, object]]:
        opts = ["--progress", str(SAMPLE), "--as-of", "2026-12-01", "-f", "json", "-u", "市住建局"]
        found = json.loads(run("remind", *opts, *within).stdout)
        return [
            (i.get("task"), i.get("duty"))
            for u in found["units"]
            for i in u["items"]
            if i["kind"] == "due_soon"
        ]

    default = due_soon()
    assert default == [(13, None), (None, "市住建局-5")]
    assert due_soon("--within", "30") == default
    assert due_soon("--within", "29") == [] and due_soon("--within", "0") == []


def test_remind_table_is_aligned_with_ascii_rules_and_a_summary() -> None:
    result = run("remind", *SAMPLE_OPTS, "--unit", "市住建局")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("催报清单(截至 2026-11-27,提前 30 天)")
    assert "联系人:" in out and "逾期未报" in out and "─" not in out
    assert "共 1 个单位" in out.splitlines()[-1]
    # an item is named by its first 19 characters (… shown as ... in a terminal table)
    tongxin = run("remind", *SAMPLE_OPTS, "--unit", "同心县").stdout
    assert "第4项 加快推进业主委员会组建,及时办理业主委...: 58% / 目标" in tongxin


def test_remind_markdown_escapes_what_people_wrote(tmp_path: Path) -> None:
    report = tmp_path / "2026-11-01-市住建局.yaml"
    report.write_text(
        "unit: 市住建局\ndate: 2026-11-01\ncontact: '<img src=x> *张* | 1'\n"
        "entries:\n  - task: 14\n    progress: 推进中\n",
        encoding="utf-8",
    )
    result = run("remind", "--progress", str(tmp_path), *AS_OF, "-u", "市住建局", "-f", "markdown")
    assert result.exit_code == 0, result.output
    assert "&lt;img src=x&gt; \\*张\\* \\| 1" in result.stdout
    assert "<img" not in result.stdout


def test_remind_csv_opens_in_excel_in_the_users_language() -> None:
    zh = run("remind", *SAMPLE_OPTS, "-f", "csv").stdout_bytes
    assert zh.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(zh[3:].decode("utf-8"))))
    assert rows[0][:4] == ["单位", "联系人", "处理等级", "事项"]
    en = run("remind", *SAMPLE_OPTS, "-f", "csv", "--lang", "en").stdout_bytes
    header = next(csv.reader(io.StringIO(en[3:].decode("utf-8"))))
    assert header == [
        "unit",
        "contact",
        "escalation",
        "item",
        "measure",
        "kind",
        "deadline",
        "detail",
    ]


def test_remind_unknown_unit_and_format_are_usage_errors() -> None:
    assert run("remind", *SAMPLE_OPTS, "--unit", "不存在的单位").exit_code == 2
    assert run("remind", *SAMPLE_OPTS, "--format", "xml").exit_code == 2
    assert run("remind", *SAMPLE_OPTS, "--within", "-1").exit_code == 2


# --- score --------------------------------------------------------------------------------------


def test_score_json_ranks_units_with_their_deductions() -> None:
    result = run("score", *SAMPLE_OPTS, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-27" and data["note"].startswith("示例评分规则")
    units = data["units"]
    assert {"unit", "score", "rank", "deductions"} <= set(units[0])
    scores = [u["score"] for u in units]
    assert scores == sorted(scores, reverse=True) and units[0]["rank"] == 1
    for u in units:
        assert u["score"] == pytest.approx(100 - sum(d["points"] for d in u["deductions"]))
        for d in u["deductions"]:
            assert ("task" in d) != ("duty" in d) and {"reason", "count", "points"} <= set(d)


def test_score_table_shows_the_policys_note_first() -> None:
    result = run("score", *SAMPLE_OPTS)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "注意:示例评分规则,并非吴忠市正式考核办法"
    assert "名次" in result.stdout and "扣分情况" in result.stdout


def test_score_csv_has_a_row_per_unit() -> None:
    data = run("score", *SAMPLE_OPTS, "-f", "csv").stdout_bytes
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0] == ["名次", "单位", "得分", "扣分情况"]
    ranked = json.loads(run("score", *SAMPLE_OPTS, "-f", "json").stdout)["units"]
    assert [r[1] for r in rows[1:]] == [u["unit"] for u in ranked]


def test_score_without_scoring_rules_is_a_usage_error(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks"
    tasks.mkdir()
    for f in TASKS.glob("*.yaml"):
        text = f.read_text(encoding="utf-8")
        if f.name == "policy.yaml":
            head, _, rest = text.partition("  scoring:\n")
            text = head + rest.split("\n", 3)[3]  # drop note, base and deduct
        (tasks / f.name).write_text(text, encoding="utf-8")
    result = run("score", "--tasks", str(tasks), *SAMPLE_OPTS)
    assert result.exit_code == 2, result.output
    assert "本政策未设评分规则" in result.stderr


# --- calendar -----------------------------------------------------------------------------------


def test_calendar_file_parses_back_with_icalendar(tmp_path: Path) -> None:
    from icalendar import Calendar

    out = tmp_path / "cal.ics"
    result = run("calendar", *SAMPLE_OPTS, "-o", str(out))
    assert result.exit_code == 0, result.output
    cal = Calendar.from_ical(out.read_bytes())
    found = list(cal.walk("VEVENT"))
    assert f"{out}:已写入 {len(found)} 个日历事件。" in result.stderr
    quarterly = [
        e for e in found if e.get("rrule") and "INTERVAL=3" in e["rrule"].to_ical().decode()
    ]
    assert quarterly, "recurring duties are RRULEs (quarterly = MONTHLY;INTERVAL=3)"
    assert len({str(e["uid"]) for e in found}) == len(found)


def test_calendar_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "cal.ics"
    out.write_text("mine", encoding="utf-8")
    result = run("calendar", *SAMPLE_OPTS, "-o", str(out))
    assert result.exit_code == 1 and "已存在" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("calendar", *SAMPLE_OPTS, "-o", str(out), "--force").exit_code == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_calendar_where_it_cannot_write_says_why_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("calendar", *SAMPLE_OPTS, "-o", str(tmp_path / "file" / "cal.ics"))
    assert result.exit_code == 1 and "无法写入" in result.stderr
    result = run("calendar", *SAMPLE_OPTS, "-o", str(tmp_path))
    assert result.exit_code == 1 and "无法写入" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_calendar_of_one_unit_to_stdout_has_only_its_events() -> None:
    from icalendar import Calendar

    every = run("calendar", *SAMPLE_OPTS).stdout_bytes
    one = run("calendar", *SAMPLE_OPTS, "--unit", "盐池").stdout_bytes
    n_all = len(list(Calendar.from_ical(every).walk("VEVENT")))
    n_one = len(list(Calendar.from_ical(one).walk("VEVENT")))
    assert 0 < n_one < n_all


# --- bulletin -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown", "json", "docx"])
def test_bulletin_writes_each_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"通报.{fmt}"
    result = run(
        "bulletin", *SAMPLE_OPTS, "--period", "2026-11", "--number", "3", "-f", fmt, "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    assert f"{out}:已生成。" in result.stderr
    data = out.read_bytes()
    if fmt == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "第三期" in text
    elif fmt == "json":
        parsed = json.loads(data)
        assert (parsed["period"], parsed["number"]) == ("2026-11", 3)
    else:
        assert "关于2026年11月" in data.decode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_bulletin_markdown_to_stdout_without_out() -> None:
    result = run("bulletin", *SAMPLE_OPTS, "-f", "markdown")
    assert result.exit_code == 0
    assert "落实情况的通报" in result.stdout


def test_bulletin_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    out = tmp_path / "b.html"
    out.write_text("old", encoding="utf-8")
    result = run("bulletin", *SAMPLE_OPTS, "-o", str(out))
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == "old"
    assert run("bulletin", *SAMPLE_OPTS, "-o", str(out), "--force").exit_code == 0
    assert "<html" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args",
    [
        ["--period", "2026-13"],
        ["--format", "pdf"],
        ["--format", "docx"],  # binary: needs -o
        ["--number", "0"],
    ],
    ids=["bad-period", "unknown-format", "docx-without-out", "number-zero"],
)
def test_bulletin_usage_errors_exit_2(args: list[str]) -> None:
    result = run("bulletin", *SAMPLE_OPTS, *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


# --- import-tasks -------------------------------------------------------------------------------

_ROWS = [
    ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "建立联席会议制度", "市住建局", "市发改、财政", "2026年6月"],
    ["2", "开展联合执法", "市住建局", "市公安局", "每季度末月20日前"],
]


def _table(tmp_path: Path, rows: list[list[str]]) -> Path:
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    table = tmp_path / "任务表.csv"
    table.write_text(buf.getvalue(), encoding="utf-8-sig")
    return table


def test_import_tasks_writes_a_task_list_that_status_reads(tmp_path: Path) -> None:
    table, out = _table(tmp_path, _ROWS), tmp_path / "tasks"
    result = run("import-tasks", str(table), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"{out}:已生成任务清单(2 项任务)" in result.stderr
    reports = tmp_path / "progress"
    reports.mkdir()
    status = run("status", "--tasks", str(out), "--progress", str(reports), *AS_OF, "-f", "json")
    assert status.exit_code == 0, status.output
    assert [t["id"] for t in json.loads(status.stdout)["tasks"]] == [1, 2]


def test_import_tasks_lists_cells_to_review_and_exits_1(tmp_path: Path) -> None:
    rows = [*_ROWS, ["3", "出台细则", "市住建局", "", "省出台文件后2个月\x1b[31m完成"]]
    table, out = _table(tmp_path, rows), tmp_path / "tasks"
    result = run("import-tasks", str(table), "--out", str(out))
    assert result.exit_code == 1, result.output
    assert f"{table}:4:5: " in result.stderr
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr
    assert "1 处需人工复核" in result.stderr
    assert (out / "tasks.yaml").exists()


def test_import_tasks_never_overwrites_a_task_list_unless_forced(tmp_path: Path) -> None:
    table, out = _table(tmp_path, _ROWS), tmp_path / "tasks"
    out.mkdir()
    (out / "tasks.yaml").write_text("mine", encoding="utf-8")
    result = run("import-tasks", str(table), "--out", str(out))
    assert result.exit_code == 1 and "未覆盖" in result.stderr
    assert (out / "tasks.yaml").read_text(encoding="utf-8") == "mine"
    assert run("import-tasks", str(table), "--out", str(out), "--force").exit_code == 0


def test_import_tasks_unusable_table_is_a_usage_error(tmp_path: Path) -> None:
    assert run("import-tasks", str(tmp_path / "missing.csv")).exit_code == 2
    table = _table(tmp_path, [["甲", "乙"], ["1", "2"]])
    result = run("import-tasks", str(table), "--out", str(tmp_path / "t"))
    assert result.exit_code == 2 and "找不到表头" in result.stderr
    assert "未生成任务清单" in result.stderr


# --- help and start-up --------------------------------------------------------------------------


def test_supervision_help_in_both_languages() -> None:
    zh = run("--help").stdout
    for name in ("remind", "score", "calendar", "bulletin", "import-tasks"):
        assert name in zh
    assert "催报" in zh
    en = subprocess.run(
        [sys.executable, "-m", "wz_tasks", "bulletin", "--help", "--lang", "en"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "An existing file is kept unless --force" in " ".join(en.split())


HEAVY = ("icalendar", "docx", "openpyxl")
_PROBE = f"""
import sys
from wz_tasks.cli import main
sys.argv = ["wz-tasks", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
found = {{m.split(".")[0] for m in sys.modules}} & {set(HEAVY)!r}
sys.stderr.write("loaded: " + " ".join(sorted(found)))
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", *AS_OF, str(sorted(SAMPLE.glob("*.yaml"))[0])], ["remind", "--help"]],
    ids=["help", "check-one-file", "remind-help"],
)
def test_heavy_libraries_are_not_imported_off_their_commands_path(args: list[str]) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert proc.stderr.splitlines()[-1] == "loaded: ", proc.stderr


def test_import_tasks_star_after_a_name_marks_the_lead(tmp_path: Path) -> None:
    rows = [
        ["序号", "工作任务", "责任单位", "完成时限"],
        ["1", "建立联席会议制度", "县委社会工作部、县住建局★", "2026年6月"],
    ]
    table, out = _table(tmp_path, rows), tmp_path / "tasks"
    assert run("import-tasks", str(table), "--out", str(out)).exit_code == 0
    text = (out / "tasks.yaml").read_text(encoding="utf-8")
    assert "lead: [县住建局]" in text and "support: [县委社会工作部]" in text


@pytest.mark.parametrize("command", ["remind", "score"])
def test_invalid_progress_files_go_to_stderr_and_exit_1(tmp_path: Path, command: str) -> None:
    (tmp_path / "bad.yaml").write_text("unit: 市住建局\ndate: 2026-13-01\n", encoding="utf-8")
    result = run(command, "--progress", str(tmp_path), *AS_OF, "-f", "json")
    assert result.exit_code == 1
    assert "bad.yaml:2:" in result.stderr
    assert json.loads(result.stdout)["as_of"] == "2026-11-27"


def test_remind_lists_duties_in_number_order() -> None:
    # Before 2026-11-20 the sample's 市住建局 had reported none of its own duties.
    opts = ["--progress", str(SAMPLE), "--as-of", "2026-10-01"]
    result = run("remind", *opts, "-u", "市住建局", "-f", "json")
    items = json.loads(result.stdout)["units"][0]["items"]
    late = [(i["deadline"], i["duty"]) for i in items if i["kind"] == "report_late" and "duty" in i]
    # most pressing first, then in the order printed (-2 before -10, not as text)
    assert late == sorted(late, key=lambda x: (x[0], int(x[1].rpartition("-")[2])))
    keys = [k for _, k in late]
    assert keys.index("市住建局-2") < keys.index("市住建局-10")
