"""`check` as CI and pre-commit use it (SPEC §4, §6), and the authoring loop (new-report)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SAMPLE
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.codes import Diagnostic
from wz_tasks.load import embedded_tasks, load_task_list
from wz_tasks.render.diagnostics import github_line
from wz_tasks.schema import dumps, progress_schema
from wz_tasks.yamlsafe import read_yaml

AS_OF = ["--as-of", "2026-11-27"]


def check(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["check", *AS_OF, *args], env={"NO_COLOR": "1", **(env or {})})


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    folder = tmp_path / "progress"
    shutil.copytree(SAMPLE, folder)
    return folder


SEVERAL = """\
unit: 盐池县
date: 2026-11-25
entries:
  - task: 4
    value: 120
    progress: 已组建业委会
  - task: 21
    progress: 已推进
  - task: 3
    value: 88
    values: {coverage: 100}
    statu: done
    progress: 已推进
  - task: 2
    done_on: 2026-11-30
    progress: 已完成
"""


def test_sample_data_passes() -> None:
    result = check(str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert "检查了 52 个文件:0 个错误,0 个警告" in result.stdout


def test_several_mistakes_are_all_reported_in_order(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(SEVERAL, encoding="utf-8")
    result = check("--progress", str(tmp_path), "--format", "json")
    assert result.exit_code == 1
    got = [(d["line"], d["column"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert got == [
        (5, 12, "WZ109"),
        (7, 11, "WZ104"),
        (11, 14, "WZ115"),
        (12, 5, "WZ101"),
        (15, 5, "WZ122"),
        (15, 14, "WZ117"),
    ]


def test_text_format_names_file_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(SEVERAL, encoding="utf-8")
    result = check("--progress", str(tmp_path))
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"{tmp_path}/r.yaml:5:12: error[WZ109] value 的值 120 超出范围:"
        "业主委员会+环境和物业管理委员会成立率是百分比,应在 0 到 100 之间"
    )
    assert "是不是要写 status?" in lines[3]
    assert lines[-1] == "检查了 1 个文件:6 个错误,0 个警告"


def test_english_messages(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(SEVERAL, encoding="utf-8")
    result = check("--progress", str(tmp_path), "--lang", "en")
    assert "there is no task 21. Task numbers run 1–20" in result.stdout
    assert result.stdout.splitlines()[-1] == "checked 1 file(s): 6 error(s), 0 warning(s)"


def test_github_format_is_what_github_parses(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(SEVERAL, encoding="utf-8")
    result = check("--progress", str(tmp_path), env={"GITHUB_ACTIONS": "true"})
    lines = result.stdout.splitlines()
    pattern = re.compile(
        r"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+),title=([^,:]+)"
        r"::(.+)$"
    )
    parsed = [pattern.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert parsed[0].groups()[:5] == (
        "error",
        f"{tmp_path}/r.yaml".replace(":", "%3A"),
        "5",
        "12",
        "WZ109 value-out-of-range",
    )
    assert lines[-1] == "检查了 1 个文件:6 个错误,0 个警告"


def test_github_escaping_rules() -> None:
    d = Diagnostic("a:b,c%.yaml", 3, 4, "WZ001", {"problem": "50%\r\nx"})
    line = github_line(d, "en")
    assert line.startswith("::error file=a%3Ab%2Cc%25.yaml,line=3,col=4,title=WZ001 yaml-syntax::")
    assert "50%25%0D%0Ax" in line and "\n" not in line


def test_single_file_is_checked_against_the_rest(progress: Path) -> None:
    new = progress / "2026-11-20-盐池县-again.yaml"
    new.write_text(
        "unit: 盐池县\ndate: 2026-11-20\nentries:\n  - task: 4\n    value: 70\n    progress: 已推进\n",
        encoding="utf-8",
    )
    result = check(str(new), "--progress", str(progress), "--format", "json")
    out = json.loads(result.stdout)
    assert out["files"] == 1
    codes = {(d["code"], d["path"]) for d in out["diagnostics"]}
    assert codes == {("WZ121", str(new))}  # the other file's half of the pair is not shown
    assert result.exit_code == 1


def test_lower_value_than_before_is_a_warning(progress: Path) -> None:
    new = progress / "2026-11-26-盐池县.yaml"
    new.write_text(
        "unit: 盐池县\ndate: 2026-11-26\nentries:\n  - task: 4\n    value: 70\n    progress: 已推进\n",
        encoding="utf-8",
    )
    result = check(str(new), "--progress", str(progress))
    assert result.exit_code == 0
    assert ":5:12: warning[WZ201]" in result.stdout and "78.9" in result.stdout
    assert check(str(new), "--progress", str(progress), "--strict").exit_code == 1


def test_fail_on_overdue_fails_while_anything_is_overdue() -> None:
    result = check(str(SAMPLE), "--fail-on", "overdue", "--format", "json")
    assert result.exit_code == 1
    found = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "WZ301"]
    assert [d["message"].split(":")[0] for d in found] == [
        "任务 4(同心县人民政府)",
        "任务 7(市住建局)",
    ]
    # SPEC §9: into the user's repository, at the unit's newest entry on the task
    assert (found[1]["path"], found[1]["line"], found[1]["column"]) == (
        str(SAMPLE / "2026-11-20-市住建局.yaml"),
        7,
        5,
    )
    early = sorted(SAMPLE.glob("2025-03-31-*.yaml"))
    assert (
        check(
            *map(str, early),
            "--progress",
            str(early[0]),
            "--fail-on",
            "overdue",
            "--as-of",
            "2025-03-31",
        ).exit_code
        == 0
    )


def test_future_report_is_an_error_for_check(progress: Path) -> None:
    result = check("--progress", str(progress), "--as-of", "2026-11-19", "--format", "json")
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert codes == {"WZ118"} and result.exit_code == 1


def test_empty_progress_folder_is_fine(tmp_path: Path) -> None:
    result = check("--progress", str(tmp_path))
    assert result.exit_code == 0 and "没有需要检查的进度文件" in result.stdout


def test_missing_file_named_is_a_usage_error(tmp_path: Path) -> None:
    assert check(str(tmp_path / "nope.yaml")).exit_code == 2


# --- schema -------------------------------------------------------------------------------------


def _as_json_types(node: object) -> object:
    if isinstance(node, dict):
        return {k: _as_json_types(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_as_json_types(v) for v in node]
    return node.isoformat() if hasattr(node, "isoformat") else node


def test_schema_is_draft_07_and_in_sync_with_the_sample() -> None:
    result = CliRunner().invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert "definitions" in schema and "$defs" not in json.dumps(schema)
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["properties"]["unit"]["description"].startswith("报送单位")
    assert (ROOT / "examples" / "progress.schema.json").read_text(encoding="utf-8") == dumps(
        load_task_list()
    ), "run: wz-tasks schema > examples/progress.schema.json"


def test_every_sample_file_validates_against_the_schema() -> None:
    validator = jsonschema.Draft7Validator(progress_schema(load_task_list()))
    files = sorted(SAMPLE.glob("*.yaml"))
    assert len(files) == 52
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("# yaml-language-server: $schema=../progress.schema.json")
        errors = list(validator.iter_errors(_as_json_types(read_yaml(text).value)))
        assert not errors, (f, errors[0].message)


def test_schema_rejects_what_check_rejects() -> None:
    validator = jsonschema.Draft7Validator(progress_schema(load_task_list()))
    bad = {"unit": "盐池县", "date": "2026-11-20", "entries": [{"task": 4, "vaule": 3}]}
    assert any("vaule" in e.message for e in validator.iter_errors(bad))


# --- new-report -----------------------------------------------------------------------------------


def _new_report(tmp_path: Path, unit: str, *args: str) -> Path:
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(
        app,
        [
            "new-report",
            "--unit",
            unit,
            "--date",
            "2026-12-01",
            "--out",
            str(out),
            "--progress",
            str(SAMPLE),
            *args,
        ],
    )
    assert result.exit_code == 0, result.output
    return out


def _fill(text: str) -> str:
    text = re.sub(r"(value|party_work_coverage): 待填写", r"\1: 90", text)
    text = text.replace("status: 待填写", "status: in_progress")
    return text.replace("contact: 待填写", "contact: 张三 0953-6012233").replace("待填写", "已落实")


@pytest.mark.parametrize("unit", ["盐池县", "市住建局", "市司法局"])
def test_untouched_template_fails_with_one_finding_per_blank(tmp_path: Path, unit: str) -> None:
    out = _new_report(tmp_path, unit)
    text = out.read_text(encoding="utf-8")
    blanks = sum(line.split("#")[0].count("待填写") for line in text.splitlines())
    result = check(str(out), "--progress", str(SAMPLE), "--as-of", "2026-12-01", "--format", "json")
    diags = json.loads(result.stdout)["diagnostics"]
    assert result.exit_code == 1
    assert [d["code"] for d in diags] == ["WZ123"] * blanks


@pytest.mark.parametrize("unit", ["盐池县", "市住建局"])
def test_filled_template_passes(tmp_path: Path, unit: str) -> None:
    out = _new_report(tmp_path, unit)
    out.write_text(_fill(out.read_text(encoding="utf-8")), encoding="utf-8")
    result = check(str(out), "--progress", str(SAMPLE), "--as-of", "2026-12-01")
    assert result.exit_code == 0, result.stdout


def test_template_lists_led_tasks_and_newest_values(tmp_path: Path) -> None:
    text = _new_report(tmp_path, "盐池县").read_text(encoding="utf-8")
    assert "unit: 盐池县人民政府" in text and "date: 2026-12-01" in text
    assert "上次报送 2026-11-20:value 78.9" in text
    assert "目标 80%(2026-12-31)" in text
    assert "#   status:" in text  # task 2 is done: offered commented out
    assert "  - task: 6\n    status: done  # 已于 2025-12-10 完成" in text
    # a long measure: its first 39 characters and …, then its deadline as the text says it
    measure = "完善党组织领导下的社区村(居)委会、业委会和物业服务企业三方协同共治机制,对有…"
    assert f"  # 3. {measure}(完成时限:2025年底达到70%,2026年底达到90%)\n" in text


def test_new_report_never_overwrites(tmp_path: Path) -> None:
    out = _new_report(tmp_path, "盐池县")
    before = out.read_bytes()
    result = CliRunner().invoke(app, ["new-report", "--unit", "盐池县", "--out", str(out)])
    assert result.exit_code == 1 and "不会覆盖" in result.output
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["new.yaml"]  # no temporary file left


def test_new_report_default_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["new-report", "--unit", "市住建", "--date", "2026-12-01"])
    assert result.exit_code == 0
    assert (tmp_path / "progress" / "2026-12-01-市住建局.yaml").exists()


def test_new_report_for_a_group_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["new-report", "--unit", "各县(市、区)人民政府"])
    assert result.exit_code == 2


def test_embedded_task_list_is_found() -> None:
    assert (embedded_tasks() / "tasks.yaml").exists()
