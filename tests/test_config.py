"""The config file `.wz-tasks.yaml` (SPEC §13): found walking up; options beat environment
variables beat the file beat the defaults; a bad file is exit 2 naming file:line:column."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE, TASKS
from typer.testing import CliRunner, Result

from wz_tasks.cli import app

AS_OF = ["--as-of", "2026-11-27"]
SAMPLES = sorted(SAMPLE.glob("*.yaml"))
CLEAN_ENV = {
    "WZ_TASKS_TASKS": None,
    "WZ_TASKS_PROGRESS": None,
    "WZ_TASKS_LANG": None,
    "WZ_TASKS_FAIL_ON": None,
    "WZ_TASKS_STRICT": None,
    "WZ_TASKS_AS_OF": None,
}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository: progress folders a (1 file), b (2), c (3) and ./progress (4); the
    working directory is the repository."""
    for name, n in (("a", 1), ("b", 2), ("c", 3), ("progress", 4)):
        (tmp_path / name).mkdir()
        for f in SAMPLES[:n]:
            shutil.copy(f, tmp_path / name / f.name)
    (tmp_path / "broken-tasks").mkdir()  # no task list in it: loading it is exit 2
    monkeypatch.chdir(tmp_path)
    return tmp_path


def config(folder: Path, text: str) -> Path:
    path = folder / ".wz-tasks.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, **env: str) -> Result:
    return CliRunner().invoke(app, list(args), env={**CLEAN_ENV, **env})


def files_checked(result: Result) -> int:
    assert result.exit_code in (0, 1), result.output
    return int(json.loads(result.stdout)["files"])


# --- finding the file -------------------------------------------------------------------------


def test_config_is_found_in_a_folder_above(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config(repo, "lang: en\nprogress: a\n")
    deep = repo / "x" / "y"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    result = run("check", *AS_OF)
    assert result.exit_code == 0, result.output
    assert "checked 1 file(s)" in result.stdout  # ../../a, in English


def test_paths_in_the_config_are_relative_to_its_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config(repo, "progress: [b]\ntasks: " + str(TASKS) + "\n")
    monkeypatch.chdir(repo / "c")  # c has a different number of files than b
    assert files_checked(run("check", *AS_OF, "--format", "json")) == 2


def test_no_config_file_means_the_defaults(repo: Path) -> None:
    assert files_checked(run("check", *AS_OF, "--format", "json")) == 4  # ./progress


# --- precedence: options > environment > file > defaults ---------------------------------------


def test_tasks_precedence(repo: Path) -> None:
    config(repo, "tasks: broken-tasks\n")
    from_file = run("tasks")
    assert from_file.exit_code == 2
    assert "broken-tasks" in from_file.output
    assert run("tasks", WZ_TASKS_TASKS=str(TASKS)).exit_code == 0  # env beats the file
    beaten_env = run("tasks", "--tasks", str(TASKS), WZ_TASKS_TASKS=str(repo / "broken-tasks"))
    assert beaten_env.exit_code == 0  # the option beats the environment
    config(repo, "lang: zh\n")
    assert run("tasks").exit_code == 0  # default: the built-in task list


def test_progress_precedence(repo: Path) -> None:
    json_check = ("check", *AS_OF, "--format", "json")
    config(repo, "progress: a\n")
    assert files_checked(run(*json_check)) == 1
    assert files_checked(run(*json_check, WZ_TASKS_PROGRESS="b")) == 2
    assert files_checked(run(*json_check, "--progress", "c", WZ_TASKS_PROGRESS="b")) == 3
    config(repo, "lang: zh\n")
    assert files_checked(run(*json_check)) == 4  # default ./progress


def test_progress_may_be_a_list(repo: Path) -> None:
    config(repo, "progress:\n  - a\n  - b\n")
    assert files_checked(run("check", *AS_OF, "--format", "json")) == 3


def test_lang_precedence(repo: Path) -> None:
    config(repo, "lang: en\n")
    assert "checked 4 file(s)" in run("check", *AS_OF).stdout
    assert "检查了 4 个文件" in run("check", *AS_OF, WZ_TASKS_LANG="zh").stdout
    assert "checked 4 file(s)" in run("check", *AS_OF, "--lang", "en", WZ_TASKS_LANG="zh").stdout
    assert "检查了 4 个文件" in run("--lang", "zh", "check", *AS_OF).stdout
    config(repo, "strict: false\n")
    assert "检查了 4 个文件" in run("check", *AS_OF).stdout  # default Chinese


def test_fail_on_precedence(repo: Path) -> None:
    def failures(*args: str, **env: str) -> int:
        result = run("check", *AS_OF, "--format", "json", *args, **env)
        return sum(d["code"] == "WZ301" for d in json.loads(result.stdout)["diagnostics"])

    config(repo, "fail_on: done\n")  # anything at all fails
    everything = failures()
    overdue = failures(WZ_TASKS_FAIL_ON="overdue")
    assert 0 < overdue < everything  # env beats the file
    assert failures("--fail-on", "overdue", WZ_TASKS_FAIL_ON="done") == overdue
    config(repo, "lang: zh\n")
    assert failures() == 0  # default: no --fail-on


def test_fail_on_from_the_config_fails_the_check(repo: Path) -> None:
    config(repo, "fail_on: overdue\n")
    result = run("check", *AS_OF)
    assert result.exit_code == 1
    assert "error[WZ301]" in result.stdout


def test_strict_from_the_config_and_no_strict_beats_it(repo: Path) -> None:
    (repo / "a" / "z.yaml").write_text(  # done, below the final target: a warning (WZ202)
        "unit: 盐池县\ndate: 2026-11-21\nentries:\n  - task: 4\n    value: 79\n    status: done\n"
        "    progress: 已推进\n",
        encoding="utf-8",
    )
    config(repo, "progress: a\nstrict: true\n")
    assert run("check", *AS_OF).exit_code == 1
    assert run("check", *AS_OF, "--no-strict").exit_code == 0
    config(repo, "progress: a\n")
    assert run("check", *AS_OF).exit_code == 0


def test_due_soon_days_is_the_soon_window(repo: Path) -> None:
    def due_soon(*args: str) -> int:
        result = run("status", *AS_OF, "--progress", str(SAMPLE), "--format", "json", *args)
        return int(json.loads(result.stdout)["summary"]["due_soon"])

    assert due_soon() == 0  # the task list's 30 days
    config(repo, "due_soon_days: 60\n")
    assert due_soon() == 1
    assert due_soon("--soon", "30") == 0  # the option beats the file


def test_ignore_silences_warnings_everywhere(repo: Path) -> None:
    (repo / "a" / "z.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-21\nentries:\n  - task: 4\n    value: 79\n    status: done\n"
        "    progress: 已推进\n",
        encoding="utf-8",
    )
    config(repo, "progress: a\n")
    assert "warning[WZ202]" in run("check", *AS_OF).stdout
    config(repo, "progress: a\nignore: [WZ202]\nstrict: true\n")
    result = run("check", *AS_OF)
    assert "WZ202" not in result.stdout
    assert result.exit_code == 0


def test_ignore_keeps_errors(repo: Path) -> None:
    (repo / "a" / "z.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-21\nentries:\n  - task: 21\n", encoding="utf-8"
    )
    config(repo, "progress: a\nignore: [WZ201]\n")
    result = run("check", *AS_OF)
    assert result.exit_code == 1
    assert "error[WZ104]" in result.stdout


# --- a bad config file is a usage error at its line and column --------------------------------


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("lang: [en\n", ":2:1: error[WZ001]", "YAML"),
        ("lang: en\nprogres: a\n", ":2:1: error[WZ083]", "progress"),  # did you mean
        ("lang: fr\n", ":1:7: error[WZ081]", "zh"),
        ("due_soon_days: soon\n", ":1:16: error[WZ081]", "due_soon_days"),
        ("strict: yes\n", ":1:9: error[WZ081]", "true"),
        ("fail_on: late\n", ":1:10: error[WZ081]", "overdue"),
        ("progress:\n  - a\n  - nowhere\n", ":3:5: error[WZ082]", "nowhere"),
        ("tasks: nowhere\n", ":1:8: error[WZ082]", "nowhere"),
        ("ignore: [WZ201, WZ999]\n", ":1:17: error[WZ084]", "WZ999"),
        ("ignore: [WZ104]\n", ":1:10: error[WZ085]", "WZ104"),
        ("- lang\n", ":1:1: error[WZ081]", "key: value"),
    ],
)
def test_bad_config_is_exit_2_at_its_line(repo: Path, text: str, where: str, words: str) -> None:
    config(repo, text)
    result = run("status", *AS_OF)
    assert result.exit_code == 2, result.output
    assert ".wz-tasks.yaml" + where in result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_bad_config_is_named_from_a_sub_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config(repo, "lnag: en\n")
    monkeypatch.chdir(repo / "a")
    result = run("check")
    assert result.exit_code == 2
    assert f"{Path('..') / '.wz-tasks.yaml'}:1:1: error[WZ083]" in result.stderr
    assert "lang" in result.stderr


def test_bad_config_message_in_english(repo: Path) -> None:
    config(repo, "progres: a\n")
    result = run("check", "--lang", "en", WZ_TASKS_LANG="en")
    assert "unknown config key progres. Did you mean progress?" in result.stderr


def test_help_does_not_read_the_config(repo: Path) -> None:
    config(repo, "lang: [en\n")
    assert run("--help").exit_code == 0
    shown = run("check", "--help")
    assert shown.exit_code == 0
    assert "WZ001" not in shown.output


def test_empty_config_is_fine(repo: Path) -> None:
    config(repo, "# nothing yet\n")
    assert files_checked(run("check", *AS_OF, "--format", "json")) == 4
