"""Round-2 behaviour of the commands (SPEC §9, issue 9): lights in words, CSV in the user's
language, --fail-on locations, new-report's file, typed unit names, help language and completion,
and output that survives odd terminals, encodings and closed pipes."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import pty
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.load import load_task_list

AS_OF = ["--as-of", "2026-11-27"]
SAMPLE_OPTS = ["--progress", str(SAMPLE), *AS_OF]
WZ = str(Path(sys.executable).parent / "wz-tasks")


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(
        app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1", **(env or {})}
    )


def in_terminal(*args: str, env: dict[str, str]) -> str:
    """Run the installed command with stdout on a pseudo-terminal; what it printed."""
    main, child = pty.openpty()
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    proc = subprocess.Popen(
        [WZ, *args], stdout=child, stderr=subprocess.DEVNULL, env={**base, "COLUMNS": "120", **env}
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


# --- lights and colour -----------------------------------------------------------------------


def test_lights_show_their_word_in_colour_mode_too() -> None:
    out = in_terminal("status", *SAMPLE_OPTS, env={"TERM": "xterm-256color"})
    assert "\x1b[" in out  # coloured: this is a terminal
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "红 逾期" in plain and "黄 滞后" in plain and "●" not in plain
    assert "同心县(红)" in plain


def test_check_prints_no_colour_under_term_dumb(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("unit: 盐池县\n", encoding="utf-8")
    args = ("check", str(bad), "--progress", str(tmp_path), *AS_OF)
    assert "\x1b[" in in_terminal(*args, env={"TERM": "xterm"})
    assert "\x1b[" not in in_terminal(*args, env={"TERM": "dumb"})
    assert "\x1b[" not in in_terminal(*args, env={"TERM": "xterm", "NO_COLOR": "1"})


# --- CSV -------------------------------------------------------------------------------------


def _csv(*args: str) -> list[list[str]]:
    raw = CliRunner().invoke(app, ["status", *SAMPLE_OPTS, "-f", "csv", *args]).stdout_bytes
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_speaks_chinese_by_default() -> None:
    rows = _csv()
    assert rows[0][:6] == ["序号", "推进措施", "单位", "完成时限", "任务状态", "单位状态"]
    row7 = next(r for r in rows if r[0] == "7")
    assert row7[4:7] == ["逾期", "逾期", "红灯"]


def test_csv_speaks_english_with_lang_en() -> None:
    rows = _csv("--lang", "en")
    assert rows[0][:6] == ["id", "measure", "unit", "deadline", "task_status", "status"]
    assert next(r for r in rows if r[0] == "7")[4:7] == ["overdue", "overdue", "red"]


def test_csv_only_filters_the_rows_it_exports() -> None:
    rows = _csv("--only", "overdue")
    assert sorted({r[0] for r in rows[1:]}) == ["4", "7"]
    assert len(rows) == 1 + 5 + 1  # task 4's five counties, task 7's one lead


# --- check --fail-on points into the user's repository ---------------------------------------


def test_fail_on_points_at_the_progress_folder_when_a_unit_never_reported(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    folder.mkdir()
    result = run("check", "--progress", str(folder), *AS_OF, "--fail-on", "overdue", "-f", "json")
    found = json.loads(result.stdout)["diagnostics"]
    assert result.exit_code == 1 and found
    assert {(d["path"], d["line"], d["column"]) for d in found} == {(str(folder), 1, 1)}


def test_fail_on_never_points_into_the_installed_package() -> None:
    result = run("check", *SAMPLE_OPTS, "--fail-on", "stale", "-f", "json")
    paths = {d["path"] for d in json.loads(result.stdout)["diagnostics"]}
    assert paths and all(p.startswith(str(SAMPLE)) for p in paths)


# --- new-report ------------------------------------------------------------------------------


def _new(cwd: Path, *args: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(
        app, ["new-report", "--unit", "盐池县人民政府", "--date", "2026-12-01", *args]
    )


def test_new_report_respects_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o022)
    try:
        assert _new(tmp_path, monkeypatch=monkeypatch).exit_code == 0
    finally:
        os.umask(old)
    made = tmp_path / "progress" / "2026-12-01-盐池县.yaml"
    assert stat.S_IMODE(made.stat().st_mode) == 0o644


def test_new_report_names_the_file_with_the_short_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _new(tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 0
    assert [p.name for p in (tmp_path / "progress").iterdir()] == ["2026-12-01-盐池县.yaml"]


def test_new_report_inside_progress_writes_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside = tmp_path / "progress"
    inside.mkdir()
    assert _new(inside, monkeypatch=monkeypatch).exit_code == 0
    assert (inside / "2026-12-01-盐池县.yaml").exists()
    assert not (inside / "progress").exists()


def test_new_report_says_when_progress_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "progress").write_text("not a folder", encoding="utf-8")
    result = _new(tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "progress 是文件,不是文件夹" in result.output


@pytest.mark.parametrize(
    ("where", "code"), [("tempfile.mkstemp", errno.EACCES), ("os.fsync", errno.ENOSPC)]
)
def test_new_report_unwritable_or_full_disk_is_a_message_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    module, name = where.split(".")
    monkeypatch.setattr(f"wz_tasks.outfile.{module}.{name}", fail)
    result = _new(tmp_path, monkeypatch=monkeypatch)
    assert result.exit_code == 1 and "无法写入" in result.output
    assert os.strerror(code) in result.output and "Traceback" not in result.output
    assert list((tmp_path / "progress").iterdir()) == []


# --- unit names the way people type them -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("盐池", "盐池县人民政府"),
        ("盐池县政府", "盐池县人民政府"),
        ("吴忠市住建局", "市住建局"),
        ("市住建", "市住建局"),
        ("盐池县人民政府", "盐池县人民政府"),
    ],
)
def test_typed_unit_names_resolve(typed: str, unit: str) -> None:
    data = json.loads(run("report", "--unit", typed, *SAMPLE_OPTS, "-f", "json").stdout)
    assert data["unit"] == unit


def test_an_ambiguous_typed_name_lists_the_candidates() -> None:
    result = run("report", "--unit", "县级", *AS_OF)
    assert result.exit_code == 2
    assert "县级物业服务行业协会" in result.output and "县级物业管理主管部门" in result.output


def test_in_files_unit_stays_exact(tmp_path: Path) -> None:
    assert load_task_list().registry.resolve("盐池") is None
    (tmp_path / "r.yaml").write_text(
        "unit: 盐池\ndate: 2026-11-20\nentries:\n  - task: 4\n    value: 70\n    progress: x\n",
        encoding="utf-8",
    )
    result = run("check", "--progress", str(tmp_path), *AS_OF, "-f", "json")
    assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["WZ106"]


# --- help and completion ---------------------------------------------------------------------


def _help(*args: str, env: dict[str, str] | None = None) -> str:
    base = {k: v for k, v in os.environ.items() if k != "WZ_TASKS_LANG"}
    out = subprocess.run(
        [WZ, *args], capture_output=True, text=True, env={**base, **(env or {})}, check=True
    )
    return out.stdout


def test_help_is_chinese_by_default() -> None:
    assert "检查进度文件" in _help("--help")
    assert "临期提醒天数" in _help("status", "--help")


def test_help_is_english_with_lang_en_or_the_environment() -> None:
    assert "Validate progress files" in _help("--help", env={"WZ_TASKS_LANG": "en"})
    assert "The due-soon window" in _help("status", "--lang", "en", "--help")


def test_shell_completion_prints_a_script() -> None:
    out = _help("--show-completion", "bash")
    assert "_wz_tasks_completion" in out and "complete " in out


# --- output robustness -----------------------------------------------------------------------


def test_empty_as_of_is_a_usage_error() -> None:
    result = run("status", "--as-of", "")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_full_width_as_of_is_read_as_half_width() -> None:
    data = json.loads(run("status", "--as-of", "２０２６－１１－２７", "-f", "json").stdout)
    assert data["as_of"] == "2026-11-27"


def test_full_width_date_that_is_not_one_asks_for_half_width_digits() -> None:
    result = run("status", "--as-of", "２０２６年１１月２７日")
    assert result.exit_code == 2 and "半角" in result.output and "没有这一天" not in result.output


@pytest.mark.parametrize("columns", ["0", "20"])
def test_narrow_terminals_still_show_every_column(columns: str) -> None:
    result = run("tasks", env={"COLUMNS": columns})
    assert result.exit_code == 0
    for head in ("序号", "推进措施", "牵头单位", "配合单位", "完成时限"):
        assert head in result.stdout


@pytest.mark.parametrize("encoding", ["ascii", "gbk"])
def test_an_unencodable_stdout_prints_escapes_not_an_error(encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    out = subprocess.run(
        [WZ, "status", *SAMPLE_OPTS, "-f", "markdown"], capture_output=True, env=env
    )
    assert out.returncode == 0 and b"Traceback" not in out.stderr
    text = out.stdout.decode(encoding)
    assert "\\U0001f534" in text  # the red emoji, which neither encoding has


def test_a_reader_that_leaves_early_ends_the_output_quietly() -> None:
    proc = subprocess.Popen(
        [WZ, "status", *SAMPLE_OPTS, "-f", "json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 0 and err == b""


def test_a_closed_stdout_is_no_error() -> None:
    out = subprocess.run(
        [WZ, "check", str(SAMPLE), *AS_OF], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    closed = subprocess.run(
        f'"{WZ}" check "{SAMPLE}" --as-of 2026-11-27 >&-', shell=True, stderr=subprocess.PIPE
    )
    assert out.returncode == closed.returncode == 0 and closed.stderr == b""


def test_progress_may_name_a_file() -> None:
    one = SAMPLE / "2026-11-20-市住建局.yaml"
    result = run("report", "-u", "市住建局", "--progress", str(one), *AS_OF, "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["unit"] == "市住建局"


def test_empty_elements_of_the_progress_variable_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "junk.yaml").write_text("not: a report\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # an empty element must not mean "." (this folder)
    copy = tmp_path / "p"
    shutil.copytree(SAMPLE, copy)
    env = {"WZ_TASKS_PROGRESS": f"{os.pathsep}{copy}{os.pathsep}{os.pathsep}"}
    result = run("status", *AS_OF, "-f", "json", env=env)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["invalid_files"] == []


def test_an_unknown_format_lists_the_registered_ones() -> None:
    result = run("show", "4", "-f", "xml")
    assert result.exit_code == 2 and "table, json" in result.output


def test_lang_before_the_command_applies_to_it() -> None:
    result = run("--lang", "en", "status", *SAMPLE_OPTS)
    assert result.exit_code == 0 and "20 measures: overdue 2" in result.stdout
