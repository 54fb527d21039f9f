"""The commands as a user runs them: output, JSON shapes (SPEC §5), exit codes (SPEC §4)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE, TASKS
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.inputs import today_in_china

AS_OF = ["--as-of", "2026-11-27"]
SAMPLE_OPTS = ["--progress", str(SAMPLE), *AS_OF]


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    base = {"COLUMNS": "100", "NO_COLOR": "1"}
    return CliRunner().invoke(app, list(args), env={**base, **(env or {})})


def as_json(*args: str) -> object:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- tasks, show, units ----------------------------------------------------------------------


def test_tasks_json_lists_twenty_measures_as_spec() -> None:
    tasks = as_json("tasks")
    assert isinstance(tasks, list) and [t["id"] for t in tasks] == list(range(1, 21))
    t4 = tasks[3]
    assert set(t4) >= {
        "id",
        "category",
        "measure",
        "lead",
        "support",
        "deadline_text",
        "due",
        "ongoing",
        "indicators",
    }
    assert t4["category"] == {"number": 3, "title": "提升居民依法自治水平"}
    assert t4["lead"] == ["各县(市、区)人民政府"] and t4["support"] == ["市住建局"]
    assert t4["indicators"][0]["key"] == "committee_rate"
    assert t4["indicators"][0]["milestones"] == [
        {"due": "2025-12-31", "target": 60.0},
        {"due": "2026-12-31", "target": 80.0},
    ]
    assert tasks[4]["due"] is None and tasks[4]["ongoing"] is True  # 长期坚持
    assert tasks[0]["due"] == "2025-06-30"


def test_tasks_table_aligns_chinese() -> None:
    result = run("tasks", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if "市级物业联席会议制度建立" in x)
    assert "市住建局" in line and "2025年6月" in line
    assert "\x1b[" not in result.stdout  # plain when not a terminal


def test_show_one_task_with_history() -> None:
    result = run("show", "4", *SAMPLE_OPTS, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "committee_rate" in result.stdout and "2026-11-20" in result.stdout
    data = as_json("show", "4", *SAMPLE_OPTS)
    assert isinstance(data, dict) and data["id"] == 4 and len(data["history"]) >= 40


def test_show_unknown_task_is_a_usage_error() -> None:
    result = run("show", "21")
    assert result.exit_code == 2 and "1–20" in result.output


def test_units_table_and_json() -> None:
    result = run("units", env={"COLUMNS": "160"})
    assert result.exit_code == 0 and "吴忠市住房和城乡建设局" in result.stdout
    data = as_json("units")
    assert isinstance(data, dict)
    names = [u["name"] for u in data["units"]]
    assert "市住建局" in names and "盐池县人民政府" in names
    assert data["groups"][0]["members"][3] == "盐池县人民政府"


def test_units_resolves_names() -> None:
    result = run("units", "市住建", "住建局", "吴忠市住房和城乡建设局", "盐池县")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "市住建 → 市住建局",
        "住建局 → 市住建局",
        "吴忠市住房和城乡建设局 → 市住建局",
        "盐池县 → 盐池县人民政府",
    ]


def test_broken_task_list_gives_file_line_col_and_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "tasks"
    shutil.copytree(TASKS, folder)
    path = folder / "tasks.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("lead: [市住建局]", "lead: [市住建委]", 1),
        encoding="utf-8",
    )
    result = run("tasks", "--tasks", str(folder))
    assert result.exit_code == 2
    assert f"{path}:10:12: error[WZ401]" in result.stderr
    assert "市住建局" in result.stderr


# --- status ----------------------------------------------------------------------------------


def test_status_json_on_the_sample() -> None:
    data = as_json("status", *SAMPLE_OPTS)
    assert isinstance(data, dict)
    assert data["as_of"] == "2026-11-27" and data["invalid_files"] == []
    assert data["summary"] == {
        "overdue": 2,
        "behind": 1,
        "due_soon": 0,
        "stale": 2,
        "on_track": 7,
        "done_late": 4,
        "done": 4,
    }
    by_id = {t["id"]: t for t in data["tasks"]}
    assert by_id[7]["status"] == "overdue" and by_id[7]["light"] == "red"
    assert by_id[3]["status"] == "behind"
    unit = by_id[4]["units"][4]
    assert set(unit) >= {"unit", "status", "light", "detail", "value", "target", "last_report"}
    assert unit == {
        **unit,
        "unit": "同心县人民政府",
        "status": "overdue",
        "light": "red",
        "value": 58.0,
        "target": 60.0,
        "last_report": "2026-11-20",
    }
    assert "58%" in unit["detail"]


def test_status_soon_shows_due_soon() -> None:
    data = as_json("status", *SAMPLE_OPTS, "--soon", "40")
    assert isinstance(data, dict) and data["summary"]["due_soon"] == 1


def test_status_only_filters_tasks_not_summary() -> None:
    data = as_json("status", *SAMPLE_OPTS, "--only", "overdue,stale")
    assert isinstance(data, dict)
    assert [t["id"] for t in data["tasks"]] == [4, 5, 7, 15]
    assert sum(data["summary"].values()) == 20


def test_status_only_rejects_unknown_status() -> None:
    result = run("status", *SAMPLE_OPTS, "--only", "late")
    assert result.exit_code == 2 and "late" in result.output


def test_status_table_reads_well_when_piped() -> None:
    result = run("status", *SAMPLE_OPTS)
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b[" not in out
    assert "逾期 331 天(应于 2025-12-31 完成)" in out
    assert "盐池县:#######. 85% / 序时 88.1% -> 目标" in out
    assert "利通区(绿)  红寺堡区(绿)  青铜峡市(绿)  盐池县(黄)" in out
    assert "合计 20 项" in out
    assert max(len(line) for line in out.splitlines()) <= 100


def test_status_in_english() -> None:
    result = run("status", *SAMPLE_OPTS, "--lang", "en")
    assert result.exit_code == 0
    assert "331 days overdue (due 2025-12-31)" in result.stdout


def test_status_csv_opens_in_excel() -> None:
    result = CliRunner().invoke(app, ["status", *SAMPLE_OPTS, "--format", "csv"])
    assert result.exit_code == 0
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
    assert rows[0][:3] == ["序号", "推进措施", "单位"]
    assert len(rows) == 1 + 5 * 9 + 11  # nine county-led measures, eleven single-lead ones


def test_csv_neutralises_formula_cells(tmp_path: Path) -> None:
    folder = tmp_path / "tasks"
    shutil.copytree(TASKS, folder)
    path = folder / "tasks.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "measure: 市级物业联席会议制度建立。", 'measure: "=HYPERLINK(\\"x\\")"', 1
    )
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["status", "--tasks", str(folder), *AS_OF, "--format", "csv", "--progress", str(SAMPLE)],
    )
    rows = list(csv.reader(io.StringIO(result.stdout_bytes[3:].decode("utf-8"))))
    assert rows[1][1] == '\'=HYPERLINK("x")'


def test_status_markdown() -> None:
    result = run("status", *SAMPLE_OPTS, "--format", "markdown")
    assert result.exit_code == 0
    assert "| 序号 | 推进措施 | 牵头单位 | 完成时限 | 状态 | 说明 |" in result.stdout
    assert "🔴 红 逾期" in result.stdout


def test_environment_variables_set_the_common_options() -> None:
    result = run(
        "status",
        "--format",
        "json",
        env={
            "WZ_TASKS_PROGRESS": str(SAMPLE),
            "WZ_TASKS_AS_OF": "2026-11-27",
            "WZ_TASKS_LANG": "en",
        },
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-27" and data["summary"]["overdue"] == 2
    assert "days overdue" in data["tasks"][6]["units"][0]["detail"]


def test_progress_env_holds_several_paths(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    files = sorted(SAMPLE.glob("*.yaml"))
    for f in files[:20]:
        shutil.copy(f, a)
    for f in files[20:]:
        shutil.copy(f, b)
    result = run(
        "status", "--format", "json", *AS_OF, env={"WZ_TASKS_PROGRESS": f"{a}{os.pathsep}{b}"}
    )
    assert json.loads(result.stdout)["summary"]["overdue"] == 2


def test_bad_as_of_is_a_usage_error() -> None:
    result = run("status", "--as-of", "2025-13-01")
    assert result.exit_code == 2 and "2025-13-01" in result.output


def test_missing_default_progress_folder_is_said(tmp_path: Path) -> None:
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = run("status", *AS_OF)
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0
    assert "未找到进度报送文件" in result.stderr


def test_missing_named_progress_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("status", "--progress", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "nope" in result.output


def test_invalid_files_are_listed_first_and_valid_ones_still_count(tmp_path: Path) -> None:
    for f in SAMPLE.glob("*.yaml"):
        shutil.copy(f, tmp_path)
    (tmp_path / "bad.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-01\nentries:\n  - task: 99\n", encoding="utf-8"
    )
    result = run("status", "--progress", str(tmp_path), *AS_OF)
    assert result.exit_code == 1
    out = result.stdout
    assert out.index("bad.yaml:4:11: error[WZ104]") < out.index("任务进展情况")
    assert "逾期 331 天" in out
    data = json.loads(run("status", "--progress", str(tmp_path), *AS_OF, "--format", "json").stdout)
    assert data["invalid_files"][0]["path"].endswith("bad.yaml")
    assert data["invalid_files"][0]["diagnostics"][0]["line"] == 4
    assert data["summary"]["overdue"] == 2


def test_today_is_china_standard_time() -> None:
    late_utc = dt.datetime(2026, 11, 26, 17, 30, tzinfo=dt.UTC)  # 01:30 on the 27th in 吴忠
    assert today_in_china(late_utc) == dt.date(2026, 11, 27)


# --- report ----------------------------------------------------------------------------------


def test_report_for_the_housing_bureau() -> None:
    result = run("report", "--unit", "市住建", *SAMPLE_OPTS)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "市住建局 任务进展报告(截至 2026-11-27)" in out
    assert "逾期 331 天" in out and "150 天未报送" in out
    assert "2026-12-31  34 天" in out  # what falls due next


def test_report_json_has_own_status_on_led_tasks() -> None:
    data = as_json("report", "--unit", "盐池县", *SAMPLE_OPTS)
    assert isinstance(data, dict) and data["unit"] == "盐池县人民政府"
    lead = {t["id"]: t for t in data["lead"]}
    assert sorted(lead) == [2, 3, 4, 5, 6, 8, 10, 11, 18]
    assert lead[4]["status"] == "on_track"  # 盐池县's own; the task overall is overdue
    assert [u["unit"] for u in lead[4]["units"]] == ["盐池县人民政府"]
    support = {t["id"]: t for t in data["support"]}
    assert support[12]["status"] == "done_late"


def test_report_markdown_for_a_pull_request() -> None:
    result = run("report", "--unit", "同心县", *SAMPLE_OPTS, "--format", "markdown")
    assert result.exit_code == 0
    assert "### 超期未报送" in result.stdout and "150 天未报送" in result.stdout


def test_report_unknown_unit_suggests_names() -> None:
    result = run("report", "--unit", "盐迟县", *AS_OF)
    assert result.exit_code == 2
    assert "盐池县人民政府" in result.output


def test_report_group_lists_its_members() -> None:
    result = run("report", "--unit", "各县(市、区)人民政府", *AS_OF)
    assert result.exit_code == 2
    assert "利通区人民政府" in result.output and "同心县人民政府" in result.output


# --- the installed entry point ---------------------------------------------------------------


def _entry_point() -> str:
    found = shutil.which("wz-tasks", path=str(Path(sys.executable).parent))
    assert found, "wz-tasks is not installed next to this Python"
    return found


def test_installed_command_runs_from_anywhere(tmp_path: Path) -> None:
    out = subprocess.run(
        [_entry_point(), "tasks", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(json.loads(out.stdout)) == 20


def test_python_dash_m(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "wz_tasks", "units", "盐池县"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "盐池县 → 盐池县人民政府"


def test_no_traceback_on_an_internal_error(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_bytes(b"\xff\xfe\x00\x00junk")
    out = subprocess.run(
        [_entry_point(), "tasks", "--tasks", str(tmp_path)], capture_output=True, text=True
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "UTF-16" in out.stderr


def test_overdue_indicator_without_any_value_says_how_late(tmp_path: Path) -> None:
    data = json.loads(
        run(
            "status", "--progress", str(tmp_path), *AS_OF, "--format", "json", "--only", "overdue"
        ).stdout
    )
    t20 = next(t for t in data["tasks"] if t["id"] == 20)
    assert t20["units"][0]["detail"].startswith("未报数值 / 目标 3(2025-12-31 已过,逾期 331 天)")
