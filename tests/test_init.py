"""`wz-tasks init [DIR]` (SPEC §12): a data repository whose pre-commit hook and config work."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TASKS
from typer.testing import CliRunner, Result

from wz_tasks import config
from wz_tasks.cli import app

MADE = (
    "progress/.gitkeep",
    "progress.schema.json",
    ".wz-tasks.yaml",
    ".pre-commit-config.yaml",
    ".github/workflows/wz-tasks.yml",
    "README.md",
)
BIN = Path(sys.executable).parent


def init(*args: str) -> Result:
    return CliRunner().invoke(app, ["init", *args], env={"WZ_TASKS_LANG": None})


def test_init_makes_a_data_repository(tmp_path: Path) -> None:
    result = init(str(tmp_path / "data"))
    assert result.exit_code == 0, result.output
    for name in MADE:
        assert (tmp_path / "data" / name).is_file(), name
        assert f"已创建 {tmp_path / 'data' / name}" in result.stderr
    assert (tmp_path / "data" / "progress").is_dir()


def test_init_config_is_valid_and_uses_the_built_in_task_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    init(str(tmp_path))
    monkeypatch.chdir(tmp_path)
    found = config.discover()
    assert found.tasks is None
    assert found.progress == [Path("progress")]
    assert (found.lang, found.strict, found.ignore) == ("zh", False, frozenset())


def test_init_tasks_option_is_written_into_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = init(str(tmp_path / "data"), "--tasks", str(TASKS))
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(tmp_path / "data")
    found = config.discover()
    assert found.tasks is not None
    assert found.tasks.resolve() == TASKS.resolve()


def test_init_tasks_option_relative_path_is_kept_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(TASKS, tmp_path / "policy")
    monkeypatch.chdir(tmp_path)
    assert init("data", "--tasks", "policy").exit_code == 0
    assert 'tasks: "../policy"' in (tmp_path / "data" / ".wz-tasks.yaml").read_text("utf-8")


def test_init_tasks_option_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    result = init(str(tmp_path / "data"), "--tasks", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "nowhere" in result.output
    assert not (tmp_path / "data").exists()


def test_init_tasks_option_that_does_not_load_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = init(str(tmp_path / "data"), "--tasks", str(tmp_path / "empty"))
    assert result.exit_code == 2
    assert "error[WZ403]" in result.stderr
    assert not (tmp_path / "data").exists()


def test_init_defaults_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert init().exit_code == 0
    assert all((tmp_path / name).is_file() for name in MADE)


def test_init_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("我们自己的说明\n", encoding="utf-8")
    result = init(str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "README.md").read_text("utf-8") == "我们自己的说明\n"
    assert f"{tmp_path / 'README.md'} 已存在,保留不动" in result.stderr
    assert (tmp_path / ".wz-tasks.yaml").is_file()


def test_init_twice_is_fine(tmp_path: Path) -> None:
    assert init(str(tmp_path)).exit_code == 0
    (tmp_path / ".wz-tasks.yaml").write_text("lang: en\n", encoding="utf-8")
    again = init(str(tmp_path))
    assert again.exit_code == 0
    assert again.stderr.count("已存在,保留不动") == len(MADE)
    assert "已创建" not in again.stderr
    assert (tmp_path / ".wz-tasks.yaml").read_text("utf-8") == "lang: en\n"


def test_init_works_under_a_broken_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".wz-tasks.yaml").write_text("lang: [en\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert init("data").exit_code == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_init_files_respect_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert init(str(tmp_path / "data")).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "data" / ".wz-tasks.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "data" / "progress").stat().st_mode) == 0o750


def test_init_io_error_is_exit_1(tmp_path: Path) -> None:
    (tmp_path / "progress").write_text("not a folder", encoding="utf-8")
    result = init(str(tmp_path))
    assert result.exit_code == 1
    assert "progress" in result.stderr
    assert (tmp_path / "progress").read_text("utf-8") == "not a folder"


def test_init_in_english(tmp_path: Path) -> None:
    result = init(str(tmp_path), "--lang", "en")
    assert f"created {tmp_path / '.wz-tasks.yaml'}" in result.stderr


# --- the generated hook, end to end, offline ----------------------------------------------------


def _fill(text: str) -> str:
    """Fill in a new-report file as a unit would: numbers, a status, words."""
    out = []
    for line in text.splitlines():
        code = line.split("#")[0]
        if re.match(r"\s*(value|values|numerator|denominator):", code):
            line = line.replace("待填写", "50")
        elif re.match(r"\s*status:", code):
            line = line.replace("待填写", "in_progress")
        elif re.match(r"\s*contact:", code):
            line = line.replace("待填写", "张三 0953-1234567")
        else:
            line = line.replace("待填写", "已按计划推进")
        out.append(line)
    return "\n".join(out) + "\n"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_generated_pre_commit_hook_passes_then_fails_on_a_bad_file(tmp_path: Path) -> None:
    repo = tmp_path / "data"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("WZ_TASKS_", "GIT_"))},
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # `wz-tasks` of this venv
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "WZ_TASKS_AS_OF": "2026-11-27",
        "WZ_TASKS_CACHE_DIR": str(tmp_path / "cache"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    wz = shutil.which("wz-tasks", path=str(BIN)) or "wz-tasks"
    assert _run([wz, "init", str(repo)], tmp_path, env).returncode == 0

    made = _run([wz, "new-report", "--unit", "盐池县", "--date", "2026-11-20"], repo, env)
    assert made.returncode == 0, made.stderr
    report = repo / "progress" / "2026-11-20-盐池县.yaml"
    untouched = _run([wz, "check", str(report.relative_to(repo))], repo, env)
    assert untouched.returncode == 1  # every 待填写 is a finding
    report.write_text(_fill(report.read_text("utf-8")), encoding="utf-8")
    checked = _run([wz, "check", str(report.relative_to(repo))], repo, env)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    assert _run(["git", "init", "-q"], repo, env).returncode == 0
    assert _run(["git", "add", "-A"], repo, env).returncode == 0
    pre_commit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    passed = _run(pre_commit, repo, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "wz-tasks check" in passed.stdout and "Passed" in passed.stdout

    (repo / "progress" / "2026-11-21-bad.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-21\nentries:\n  - task: 21\n", encoding="utf-8"
    )
    assert _run(["git", "add", "-A"], repo, env).returncode == 0
    failed = _run(pre_commit, repo, env)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "progress/2026-11-21-bad.yaml:4:11: error[WZ104]" in failed.stdout


def test_examples_data_repo_is_what_init_makes(tmp_path: Path) -> None:
    from conftest import ROOT

    assert init(str(tmp_path)).exit_code == 0
    for name in MADE:
        made = (tmp_path / name).read_text("utf-8")
        assert (ROOT / "examples" / "data-repo" / name).read_text("utf-8") == made, name
