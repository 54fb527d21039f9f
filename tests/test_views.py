"""Round-2 views through the real command line (SPEC §5, §9, §10.2, §10.4, §11 "forecast"):
unit objects, the expired policy, `--only stale`, 待销号, `duties`, and new-report's duties."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE, TASKS
from typer.testing import CliRunner

from wz_tasks.cli import app

AS_OF = ["--as-of", "2026-11-27"]
SAMPLE_OPTS = ["--progress", str(SAMPLE), *AS_OF]
REPORTING_KEYS = {"last_report", "days_since", "next_due", "state", "missed_in_a_row", "escalation"}


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "160", "NO_COLOR": "1"})


def as_json(*args: str, code: int = 0) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def unit_of(data: Any, task: int, unit: str) -> dict[str, Any]:
    found = next(t for t in data["tasks"] if t["id"] == task)
    return next(u for u in found["units"] if u["unit"] == unit)


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def late_city(tmp_path: Path) -> Path:
    """市住建局 last reported on task 7 (due 2025-12-31) on the day it fell due, still working."""
    folder = tmp_path / "progress"
    write(
        folder,
        "2025-12-31-市住建局.yaml",
        "unit: 市住建局\ndate: 2025-12-31\nentries:\n"
        "  - task: 7\n    progress: 招投标管理办法已起草,正在征求意见\n",
    )
    return folder


@pytest.fixture
def sign_off_tasks(tmp_path: Path) -> Path:
    """The embedded task list with 销号 switched on (SPEC §10.4)."""
    folder = tmp_path / "tasks"
    shutil.copytree(TASKS, folder)
    policy = folder / "policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(
        text.replace("  due_soon_days: 30", "  due_soon_days: 30\n  sign_off: true", 1),
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def done_city(tmp_path: Path) -> Path:
    """市住建局 finished tasks 1 and 7; the supervising unit (itself) signed off only task 7."""
    folder = tmp_path / "progress"
    write(
        folder,
        "2025-12-20-市住建局.yaml",
        "unit: 市住建局\ndate: 2025-12-20\nentries:\n"
        "  - task: 1\n    status: done\n    done_on: 2025-05-20\n    progress: 联席会议制度已印发\n"
        "  - task: 7\n    status: done\n    done_on: 2025-12-10\n    progress: 招投标办法已印发\n",
    )
    write(
        folder,
        "2026-01-10-市住建局-销号.yaml",
        "unit: 市住建局\ndate: 2026-01-10\nsign_off:\n"
        "  - {task: 7, unit: 市住建局, date: 2026-01-10, note: 经核查已完成}\n",
    )
    return folder


# --- 1. unit objects (SPEC §5, §9, §10.1, §11) ----------------------------------------------


def test_unit_object_of_an_overdue_unit_has_days_overdue_and_no_done_date() -> None:
    u = unit_of(as_json("status", *SAMPLE_OPTS), 7, "市住建局")
    assert u["status"] == "overdue"
    assert (u["days_overdue"], u["done_on"], u["days_late"]) == (331, None, None)


def test_unit_object_of_a_late_finisher_has_done_on_and_days_late() -> None:
    u = unit_of(as_json("status", *SAMPLE_OPTS), 2, "同心县人民政府")
    assert u["status"] == "done_late"
    assert (u["done_on"], u["days_late"], u["days_overdue"]) == ("2025-07-15", 15, None)


def test_unit_object_carries_reporting_whatever_its_status() -> None:
    data = as_json("status", *SAMPLE_OPTS)
    for task in data["tasks"]:
        for u in task["units"]:
            assert set(u["reporting"]) == REPORTING_KEYS
            assert u["periods"] == [] and u["pending_sign_off"] is False
    silent = unit_of(data, 5, "同心县人民政府")["reporting"]
    assert silent == {
        "last_report": "2026-06-30",
        "days_since": 150,
        "next_due": "2026-09-28",
        "state": "late",
        "missed_in_a_row": 1,
        "escalation": "提醒",
    }


def test_overdue_and_unreported_shows_both(late_city: Path) -> None:
    u = unit_of(as_json("status", "--progress", str(late_city), *AS_OF), 7, "市住建局")
    assert u["status"] == "overdue" and u["days_overdue"] == 331
    assert u["reporting"]["state"] == "late" and u["reporting"]["escalation"] == "约谈"


def test_indicator_units_carry_a_forecast_the_same_as_the_bulletins() -> None:
    from conftest import AS_OF as DAY

    from wz_tasks.bulletin import build_bulletin
    from wz_tasks.load import load_task_list
    from wz_tasks.workspace import open_workspace

    data = as_json("status", *SAMPLE_OPTS)
    tl = load_task_list()
    ws, _ = open_workspace(tl, [SAMPLE], DAY)
    bulletin = build_bulletin(tl, ws.checked.submissions, None, DAY, None).as_json()
    view = next(f for f in bulletin["forecasts"] if f["indicator"] == "committee_rate")
    for series in view["units"]:
        u = unit_of(data, 4, series["unit"])
        assert u["forecast"] == series["forecast"]
        assert set(u["forecast"]) == {"target", "by", "reaches", "late"}
    assert "forecast" not in unit_of(data, 7, "市住建局")  # no indicator, no forecast


def test_forecast_is_null_with_fewer_than_three_values(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    for day, value in (("2025-06-30", 20), ("2025-09-30", 30)):
        write(
            folder,
            f"{day}-盐池县.yaml",
            f"unit: 盐池县\ndate: {day}\nentries:\n  - task: 4\n    value: {value}\n"
            "    progress: 推进业委会组建\n",
        )
    data = as_json("status", "--progress", str(folder), "--as-of", "2025-10-01")
    assert unit_of(data, 4, "盐池县人民政府")["forecast"] is None


def test_report_and_show_unit_objects_have_the_same_fields() -> None:
    report = as_json("report", "--unit", "同心", *SAMPLE_OPTS)
    lead = next(t for t in report["lead"] if t["id"] == 4)["units"][0]
    show = as_json("show", "4", *SAMPLE_OPTS)
    shown = unit_of({"tasks": [show]}, 4, "同心县人民政府")
    for u in (lead, shown):
        assert {"done_on", "days_late", "days_overdue", "periods", "pending_sign_off"} <= set(u)
        assert set(u["reporting"]) == REPORTING_KEYS and "forecast" in u
    assert lead["forecast"] == shown["forecast"]
    city = as_json("report", "--unit", "市住建局", *SAMPLE_OPTS)
    supported = next(t for t in city["support"] if t["id"] == 4)["units"][0]
    assert supported["forecast"] == unit_of({"tasks": [show]}, 4, supported["unit"])["forecast"]


def test_recurring_measure_units_carry_every_period(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks"
    shutil.copytree(TASKS, tasks)
    path = tasks / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    yearly = "    deadline_text: 长期执行\n    ongoing: true\n    every: year\n\n  - id: 19"
    text = text.replace("    deadline_text: 长期执行\n    ongoing: true\n\n  - id: 19", yearly, 1)
    path.write_text(text, encoding="utf-8")
    folder = tmp_path / "progress"
    write(
        folder,
        "2025-11-30-盐池县.yaml",
        "unit: 盐池县\ndate: 2025-11-30\nentries:\n"
        "  - task: 18\n    status: done\n    progress: 全年培训已完成\n",
    )
    data = as_json("status", "--tasks", str(tasks), "--progress", str(folder), *AS_OF)
    u = unit_of(data, 18, "盐池县人民政府")
    assert u["periods"] == [
        {
            "label": "2025",
            "start": "2025-01-01",
            "end": "2025-12-31",
            "deadline": "2025-12-31",
            "status": "done",
            "date": "2025-11-30",
        },
        {
            "label": "2026",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "deadline": "2026-12-31",
            "status": "on_track",
            "date": None,
        },
    ]
    assert unit_of(data, 18, "同心县人民政府")["periods"][0]["status"] == "overdue"


def test_status_and_report_json_have_evaluated_on_equal_to_as_of() -> None:
    assert as_json("status", *SAMPLE_OPTS)["evaluated_on"] == "2026-11-27"
    assert as_json("report", "--unit", "市住建局", *SAMPLE_OPTS)["evaluated_on"] == "2026-11-27"


# --- 2. after the policy's expiry (SPEC §9) ---------------------------------------------------

EXPIRED = ["--progress", str(SAMPLE), "--as-of", "2028-03-01"]


def test_after_expiry_json_says_the_date_actually_used() -> None:
    data = as_json("status", *EXPIRED)
    assert (data["as_of"], data["evaluated_on"]) == ("2028-03-01", "2027-12-01")
    report = as_json("report", "--unit", "盐池", *EXPIRED)
    assert report["evaluated_on"] == "2027-12-01"


def test_after_expiry_table_says_so_under_the_title() -> None:
    lines = run("status", *EXPIRED).stdout.splitlines()
    title = next(i for i, x in enumerate(lines) if "任务进展情况(截至 2028-03-01)" in x)
    assert "政策已于 2027-12-01 到期,按到期日评价" in lines[title + 1]


def test_after_expiry_markdown_and_english_say_so() -> None:
    md = run("status", *EXPIRED, "--format", "markdown").stdout
    assert "> 政策已于 2027-12-01 到期,按到期日评价" in md.splitlines()[2]
    en = run("report", "--unit", "盐池", *EXPIRED, "--lang", "en").stdout
    assert "The policy expired on 2027-12-01; evaluated as of that date" in en
    assert "到期" not in run("status", *SAMPLE_OPTS).stdout.splitlines()[1]
    assert run("show", "7", *EXPIRED).stdout.startswith("政策已于 2027-12-01 到期")
    assert "政策已于" not in run("duties", "--unit", "盐池", *SAMPLE_OPTS).stdout
    assert "政策已于 2027-12-01 到期" in run("duties", "--unit", "盐池", *EXPIRED).stdout


# --- 3. --only stale (SPEC §9) ----------------------------------------------------------------


def test_only_stale_keeps_an_overdue_task_whose_unit_has_not_reported(late_city: Path) -> None:
    data = as_json("status", "--progress", str(late_city), *AS_OF, "--only", "stale")
    seven = next(t for t in data["tasks"] if t["id"] == 7)
    assert seven["status"] == "overdue"  # the task keeps its own status
    assert sum(data["summary"].values()) == 20  # --only filters tasks, not the summary


def test_only_stale_shows_only_the_units_that_are_late() -> None:
    data = as_json("status", *SAMPLE_OPTS, "--only", "stale")
    assert [t["id"] for t in data["tasks"]] == [5, 15]
    five = data["tasks"][0]
    assert [u["unit"] for u in five["units"]] == ["同心县人民政府"]
    table = run("status", *SAMPLE_OPTS, "--only", "stale").stdout
    assert "利通区" not in table and "同心县:150 天未报送(提醒)" in table


def test_only_stale_in_csv_exports_the_late_units() -> None:
    out = run("status", *SAMPLE_OPTS, "--only", "stale", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert [(r[0], r[2], r[5]) for r in rows] == [
        ("5", "同心县人民政府", "未按期报送"),
        ("15", "市住建局", "未按期报送"),
    ]


def test_detail_says_days_unreported_beside_the_progress_finding(late_city: Path) -> None:
    u = unit_of(as_json("status", "--progress", str(late_city), *AS_OF), 7, "市住建局")
    assert u["detail"].startswith("逾期 331 天(应于 2025-12-31 完成);331 天未报送(约谈)")
    table = run("status", "--progress", str(late_city), *AS_OF, "--only", "stale").stdout
    assert "逾期 331 天(应于 2025-12-31 完成);331 天未报送(约谈)" in table
    md = run("status", "--progress", str(late_city), *AS_OF, "--format", "markdown").stdout
    assert "331 天未报送(约谈)" in md


# --- 4. 待销号 (SPEC §10.4) -------------------------------------------------------------------


def test_done_but_not_signed_off_is_pending(sign_off_tasks: Path, done_city: Path) -> None:
    opts = ["--tasks", str(sign_off_tasks), "--progress", str(done_city), *AS_OF]
    data = as_json("status", *opts)
    one, seven = unit_of(data, 1, "市住建局"), unit_of(data, 7, "市住建局")
    assert (one["status"], one["pending_sign_off"]) == ("done", True)
    assert (seven["status"], seven["pending_sign_off"]) == ("done", False)
    table = run("status", *opts).stdout
    line = next(x for x in table.splitlines() if "2025-05-20 完成" in x)
    assert "待销号" in line
    md = run("status", *opts, "--format", "markdown").stdout
    row = next(x for x in md.splitlines() if x.startswith("| 1 |"))
    assert "待销号" in row and "待销号" not in next(x for x in md.splitlines() if "| 7 |" in x)


def test_report_lists_what_awaits_sign_off(sign_off_tasks: Path, done_city: Path) -> None:
    opts = ["--unit", "市住建局", "--tasks", str(sign_off_tasks), "--progress", str(done_city)]
    text = run("report", *opts, *AS_OF).stdout
    section = text[text.index("待销号\n") : text.index("即将到期")]
    assert "1. 市级物业联席会议制度建立" in section and "7. 完善物业管理招标" not in section
    data = as_json("report", *opts, *AS_OF)
    assert data["pending_sign_off"] == [{"task": 1, "done_on": "2025-05-20"}]
    md = run("report", *opts, *AS_OF, "--format", "markdown").stdout
    assert "### 待销号" in md


def test_without_sign_off_in_the_policy_there_is_no_pending_section(done_city: Path) -> None:
    text = run("report", "--unit", "市住建局", "--progress", str(done_city), *AS_OF).stdout
    assert "待销号" not in text


# --- 5. duties (SPEC §10.2) -------------------------------------------------------------------


def test_duties_json_is_exactly_as_of_and_duties() -> None:
    data = as_json("duties", *SAMPLE_OPTS)
    assert set(data) == {"as_of", "duties"} and data["as_of"] == "2026-11-27"
    keys = [d["key"] for d in data["duties"]]
    assert "市住建局-5" in keys and "县级主管部门-4" in keys and len(keys) == len(set(keys))
    four = next(d for d in data["duties"] if d["key"] == "县级主管部门-4")
    assert {"key", "holder", "text", "every", "task", "units"} <= set(four)
    assert four["every"] == "quarter" and len(four["units"]) == 5
    county = four["units"][0]
    assert set(county["reporting"]) == REPORTING_KEYS
    assert county["periods"][0] == {
        "label": "2025-Q1",
        "start": "2025-01-01",
        "end": "2025-03-31",
        "deadline": "2025-03-31",
        "status": "done",
        "date": "2025-03-31",
    }
    tongxin = next(u for u in four["units"] if u["unit"] == "同心县人民政府")
    assert [(p["label"], p["status"]) for p in tongxin["periods"]][-2:] == [
        ("2026-Q3", "overdue"),  # the sample's 同心县 never reviewed the third quarter
        ("2026-Q4", "on_track"),
    ]
    linked = next(d for d in data["duties"] if d["key"] == "市住建局-1")
    assert linked["task"] == 1 and linked["every"] is None


def test_duties_unit_filters_to_the_duties_it_reports() -> None:
    data = as_json("duties", "--unit", "盐池", *SAMPLE_OPTS)
    keys = [d["key"] for d in data["duties"]]
    assert keys and all(k.startswith(("县级主管部门-", "乡镇街道-")) for k in keys)
    assert all([u["unit"] for u in d["units"]] == ["盐池县人民政府"] for d in data["duties"])
    city = as_json("duties", "--unit", "吴忠市住建局", *SAMPLE_OPTS)
    assert [d["key"] for d in city["duties"]][:2] == ["市住建局-1", "市住建局-2"]


def test_duties_table_shows_each_units_light_and_periods() -> None:
    result = run("duties", "--unit", "同心", *SAMPLE_OPTS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "县级主管部门-4" in out and "每季度" in out
    assert "同心县(红) 逾期:2026-Q3 逾期 58 天(应于 2026-09-30 完成)" in out
    assert "2026-Q4 绿" in out and "对应附件2第 18 项" in out


def test_duties_unknown_unit_is_a_usage_error() -> None:
    result = run("duties", "--unit", "火星局", *SAMPLE_OPTS)
    assert result.exit_code == 2 and "未知单位" in result.output


def test_report_shows_the_units_duties() -> None:
    text = run("report", "--unit", "同心", *SAMPLE_OPTS).stdout
    section = text[text.index("本单位职责(附件1)") :]
    assert "县级主管部门-4" in section and "乡镇街道-13" in section
    data = as_json("report", "--unit", "同心", *SAMPLE_OPTS)
    four = next(d for d in data["duties"] if d["key"] == "县级主管部门-4")
    assert [u["unit"] for u in four["units"]] == ["同心县人民政府"]
    assert four["units"][0]["status"] == "overdue" and four["units"][0]["periods"]
    md = run("report", "--unit", "同心", *SAMPLE_OPTS, "--format", "markdown").stdout
    assert "### 本单位职责(附件1)" in md and "| 县级主管部门-4 " in md


# --- 6. new-report pre-fills the duties (SPEC §10.2) ----------------------------------------


def _new_report(tmp_path: Path, unit: str, day: str = "2026-11-27") -> str:
    out = tmp_path / "new.yaml"
    result = run(
        "new-report", "--unit", unit, "--date", day, "--out", str(out), "--progress", str(SAMPLE)
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_new_report_has_an_entry_per_duty_with_the_current_period(tmp_path: Path) -> None:
    text = _new_report(tmp_path, "同心")
    assert "  - duty: 县级主管部门-4\n    period: 2026-Q4" in text
    assert '  - duty: 县级主管部门-7\n    period: "2026"' in text  # a year label stays text
    assert "  - duty: 乡镇街道-8\n    period: 2026-11" in text
    assert "  # 县级主管部门-4 负责全县物业管理活动的监督考核管理" in text
    assert "  #    2026-Q3 逾期 58 天(应于 2026-09-30 完成)" in text
    standing = text[text.index("  - duty: 县级主管部门-1\n") :].split("\n\n")[0]
    assert "status:" not in standing and "period:" not in standing


def _fill(text: str) -> str:
    text = text.replace("status: 待填写", "status: in_progress")
    text = re.sub(r"(value|party_work_coverage|committee_rate): 待填写", r"\1: 90", text)
    return text.replace("待填写", "已按计划推进")


def test_new_report_filled_in_passes_check(tmp_path: Path) -> None:
    text = _fill(_new_report(tmp_path, "同心"))
    assert "- duty:" in text
    filled = tmp_path / "filled.yaml"
    filled.write_text(text, encoding="utf-8")
    result = run("check", str(filled), "--progress", str(SAMPLE), *AS_OF)
    assert result.exit_code == 0, result.output


def test_an_indicator_keyed_due_is_shown_as_an_indicator(tmp_path: Path) -> None:
    """A policy may name an indicator `due`: its detail is a value against a target, not a date."""
    tasks = tmp_path / "tasks"
    shutil.copytree(TASKS, tasks)
    path = tasks / "tasks.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("key: aaa_companies", "key: due"), "utf-8"
    )
    progress = tmp_path / "p"
    progress.mkdir()
    (progress / "a.yaml").write_text(
        "unit: 市住建局\ndate: 2025-11-01\nentries:\n  - task: 20\n    value: 2\n    progress: 已培育2家\n",
        encoding="utf-8",
    )
    data = as_json(
        "status", "--tasks", str(tasks), "--progress", str(progress), "--as-of", "2025-11-10"
    )
    unit = next(t for t in data["tasks"] if t["id"] == 20)["units"][0]
    assert unit["detail"].startswith("2 / 序时 2.6 → 目标 3(2025-12-31)")


def test_duties_only_overdue_answers_which_duties_were_missed() -> None:
    data = as_json("duties", "--only", "overdue", *SAMPLE_OPTS)
    assert [d["key"] for d in data["duties"]] == ["县级主管部门-4", "乡镇街道-8"]
    stale = as_json("duties", "--only", "stale", "--unit", "同心", *SAMPLE_OPTS)
    assert [d["key"] for d in stale["duties"]] == ["县级主管部门-4"]  # not reported since June
