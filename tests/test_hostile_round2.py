"""Hostile input, round 2 (SPEC §7, §9): Chinese-keyboard syntax slips, invisible characters,
numbers Python will not convert, huge mappings, `# noqa`, and paths that are not regular files.
Every case names its code, line and column, and ends: no traceback, no hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.load import parse_report
from wz_tasks.workspace import progress_paths, split_progress

HEAD = "unit: 盐池县\ndate: 2025-12-20\nentries:\n"
OK = HEAD + "  - task: 4\n    value: 62\n    progress: 已组建31个小区业委会\n"
AS_OF = ["--as-of", "2026-11-27"]


def entry(text: str) -> str:
    return HEAD + "  - task: 4\n" + text


def reported(text: str) -> str:
    """An entry with its progress text, so that only what the test is about is found."""
    return entry(text + "    progress: 已推进\n")


def many_unknown_keys() -> str:
    return entry("    value: 62\n" + "".join(f"    k{i}: 1\n" for i in range(20_000)))


def many_duplicates() -> str:
    return entry("    value: 62\n" + "    value: 1\n" * 20_000)


# name, content, code, line, column
CASES: list[tuple[str, str | Callable[[], str], str, int, int]] = [
    ("fullwidth-colon-in-entry", entry("    progress：已完成\n"), "WZ050", 5, 13),
    ("fullwidth-colon-top-level", "unit: 盐池县\ndate：2025-12-20\nentries: []\n", "WZ050", 2, 5),
    ("fullwidth-colon-last-line", "unit: 盐池县\ndate：2025-12-20", "WZ050", 2, 5),
    ("fullwidth-colon-after-dash", HEAD + "  - task：4\n", "WZ050", 4, 9),
    ("fullwidth-colon-whole-file", "unit：盐池县\n", "WZ050", 1, 5),
    ("fullwidth-colon-space-before", "unit: 盐池县\ndate ：2025-12-20\n", "WZ050", 2, 6),
    (
        "fullwidth-space-after-colon",
        "unit: 盐池县\ndate:\u30002025-12-20\nentries: []\n",
        "WZ050",
        2,
        5,
    ),
    ("colon-in-entry-text", entry("    progress: 完成情况: 良好\n"), "WZ051", 5, 19),
    ("colon-in-top-level-text", "unit: 盐池县: 红寺堡\n", "WZ051", 1, 10),
    ("colon-in-text-after-dash", HEAD + "  - task: 4: 5\n", "WZ051", 4, 12),
    ("unclosed-double-quote", entry('    progress: "已完成\n    problems: 无\n'), "WZ052", 5, 15),
    ("unclosed-single-quote-no-newline", entry("    progress: '已完成"), "WZ052", 5, 15),
    ("unclosed-quote-first-line", '"unit: 盐池县\n', "WZ052", 1, 1),
    ("unclosed-quote-in-flow", 'unit: 盐池县\nentries: ["a, b]\n', "WZ052", 2, 11),
    ("nul-starts-a-key", '"\\0date": 2025-12-20\n' + OK, "WZ053", 1, 1),
    ("nbsp-in-a-key", OK.replace("date:", "date\u00a0:"), "WZ053", 2, 1),
    ("zero-width-space-in-a-key", OK.replace("date:", "date\u200b:"), "WZ053", 2, 1),
    ("zero-width-in-an-entry-key", entry("    valu\u200be: 62\n"), "WZ053", 5, 5),
    ("bom-inside-the-text", OK.replace("date:", "\ufeffdate:"), "WZ053", 2, 1),
    ("4301-digit-value", entry("    value: " + "9" * 4301 + "\n"), "WZ054", 5, 12),
    ("4301-digit-task", HEAD + "  - task: " + "1" * 4301 + "\n", "WZ054", 4, 11),
    ("4301-digit-negative", entry("    value: -" + "9" * 4301 + "\n"), "WZ054", 5, 12),
    ("too-many-values", lambda: "unit: [" + "0," * 1_000_001 + "]\n", "WZ055", 1, 2_000_002),
    ("20000-unknown-keys", many_unknown_keys, "WZ101", 6, 5),
    ("20000-duplicate-keys", many_duplicates, "WZ009", 6, 5),
]


def run_check(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The installed command in its own process, so that a hang is a failed test, not a stuck
    suite."""
    return subprocess.run(
        [sys.executable, "-m", "wz_tasks", "check", *AS_OF, "--format", "json", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "WZ_TASKS_NO_CACHE": "1"},
    )


@pytest.mark.parametrize(
    ("name", "content", "code", "line", "column"), CASES, ids=[c[0] for c in CASES]
)
def test_hostile_round2(
    tmp_path: Path,
    name: str,
    content: str | Callable[[], str],
    code: str,
    line: int,
    column: int,
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_text(content() if callable(content) else content, encoding="utf-8")
    result = run_check(str(path), "--progress", str(tmp_path))
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    found = [(d["code"], d["line"], d["column"]) for d in out["diagnostics"]]
    assert (code, line, column) in found, found
    assert all("{" not in d["message"] for d in out["diagnostics"])
    n_lines = path.read_text(encoding="utf-8").count("\n") + 1
    assert all(d["line"] <= n_lines for d in out["diagnostics"])  # never past the end


def check_json(folder: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(
        app, ["check", "--progress", str(folder), *AS_OF, "--format", "json", *args]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def test_invisible_character_in_a_key_is_shown_escaped_not_suggested_as_itself(
    tmp_path: Path,
) -> None:
    (tmp_path / "r.yaml").write_text(OK.replace("date:", "date\u200b:"), encoding="utf-8")
    _, diags = check_json(tmp_path)
    [d] = diags  # and not also "date is missing"
    assert d["code"] == "WZ053"
    message = str(d["message"])
    assert "date\\u200b" in message and "U+200B" in message and "看不见" in message
    assert "是不是要写 date" not in message and "删掉后就是 date" in message
    result = CliRunner().invoke(
        app, ["check", "--progress", str(tmp_path), *AS_OF, "--format", "json", "--lang", "en"]
    )
    [en] = [d for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "WZ053"]
    assert "invisible" in en["message"] and "without it, it is date" in en["message"]


def test_nul_key_does_not_vanish(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text('"\\0unit": 1\n' + OK, encoding="utf-8")
    code, diags = check_json(tmp_path)
    assert code == 1 and [d["code"] for d in diags] == ["WZ053"]
    assert "\\u0000unit" in str(diags[0]["message"])


def test_too_many_values_message_speaks_one_language(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("unit: [" + "0," * 1_000_001 + "]\n", encoding="utf-8")
    for lang, word in (("zh", "个"), ("en", "values")):
        result = CliRunner().invoke(
            app, ["check", "--progress", str(tmp_path), "--format", "json", "--lang", lang]
        )
        [d] = json.loads(result.stdout)["diagnostics"]
        assert d["code"] == "WZ055" and word in d["message"]
        assert "nodes" not in d["message"] and "字节" not in d["message"]


# ---

BEFORE = (
    "unit: 盐池县\ndate: 2025-11-20\nentries:\n  - task: 4\n    value: 62\n    progress: 已推进\n"
)


def test_noqa_acknowledges_a_lower_value_and_strict_passes(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(reported("    value: 55  # noqa: WZ201\n"), encoding="utf-8")
    code, diags = check_json(tmp_path, "--strict")
    assert code == 0 and diags == []


def test_without_noqa_the_lower_value_still_fails_strict(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        reported("    value: 55  # 说明见 problems\n"), encoding="utf-8"
    )
    code, diags = check_json(tmp_path, "--strict")
    assert code == 1 and [(d["code"], d["line"], d["column"]) for d in diags] == [("WZ201", 5, 12)]


def test_noqa_silences_only_the_codes_it_names(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    line = "  - {task: 4, value: 55, status: done, progress: x}  # noqa: WZ201\n"
    (tmp_path / "b.yaml").write_text(HEAD + line, encoding="utf-8")
    code, diags = check_json(tmp_path, "--strict")
    assert code == 1 and [(d["code"], d["line"], d["column"]) for d in diags] == [("WZ202", 4, 34)]


@pytest.mark.parametrize("comment", ["# noqa: WZ201,WZ202", "# NOQA：WZ202，WZ201", "# noqa"])
def test_noqa_with_several_codes_or_bare(tmp_path: Path, comment: str) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    line = f"  - {{task: 4, value: 55, status: done, progress: x}}  {comment}\n"
    (tmp_path / "b.yaml").write_text(HEAD + line, encoding="utf-8")
    code, diags = check_json(tmp_path, "--strict")
    assert code == 0 and diags == []


def test_noqa_does_not_hide_an_error(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        HEAD + "  - task: 404  # noqa\n    progress: x\n", encoding="utf-8"
    )
    code, diags = check_json(tmp_path)
    assert code == 1 and [(d["code"], d["line"]) for d in diags] == [("WZ104", 4)]


def test_noqa_is_honoured_by_status_too(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(reported("    value: 55  # noqa: WZ201\n"), encoding="utf-8")
    import datetime as dt

    from wz_tasks.load import load_task_list
    from wz_tasks.workspace import open_workspace

    ws, _ = open_workspace(load_task_list(), [tmp_path], dt.date(2026, 11, 27))
    assert ws.checked.diagnostics == []


def test_noqa_survives_the_cache(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BEFORE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(reported("    value: 55  # noqa: WZ201\n"), encoding="utf-8")
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path / "cache")}
    args = ["check", "--progress", str(tmp_path), *AS_OF, "--format", "json", "--strict"]
    for _ in range(2):
        result = CliRunner().invoke(app, args, env=env)
        assert result.exit_code == 0 and json.loads(result.stdout)["diagnostics"] == []


# --- locations from bytes in memory -----------------------------------------------------------


def test_in_memory_report_with_a_finding_has_its_locations() -> None:
    pr = parse_report("<stdin>", entry("    vaule: 62\n").encode())
    assert [(d.code, d.line, d.column) for d in pr.diagnostics] == [("WZ101", 5, 5)]
    clean = parse_report("/nowhere/at/all.yaml", OK.encode())
    assert clean.diagnostics == [] and clean.loc("entries", 0, "value") == (5, 12)


def test_a_changed_file_keeps_the_locations_it_was_parsed_with(tmp_path: Path) -> None:
    from wz_tasks.load import read_report

    path = tmp_path / "r.yaml"
    path.write_text(OK, encoding="utf-8")
    pr = read_report(path)
    path.write_text("# moved\n\n\n" + OK, encoding="utf-8")
    assert pr.loc("entries", 0, "value") == (5, 12)


# --- paths that are not regular files ---------------------------------------------------------


def only(result: subprocess.CompletedProcess[str]) -> list[tuple[str, str, int, int]]:
    assert "Traceback" not in result.stderr, result.stderr
    out = json.loads(result.stdout)
    return [(d["path"], d["code"], d["line"], d["column"]) for d in out["diagnostics"]]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_yaml_is_reported_not_opened(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(OK, encoding="utf-8")
    os.mkfifo(tmp_path / "x.yaml")
    result = run_check("--progress", str(tmp_path), timeout=60)
    assert result.returncode == 1
    assert only(result) == [(str(tmp_path / "x.yaml"), "WZ011", 1, 1)]
    assert "FIFO" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_named_on_the_command_line_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.yaml")
    result = run_check(str(tmp_path / "x.yaml"), "--progress", str(tmp_path), timeout=60)
    assert result.returncode == 1 and only(result)[0][1:] == ("WZ011", 1, 1)


def test_link_to_stdin_is_not_read(tmp_path: Path) -> None:
    os.symlink("/dev/stdin", tmp_path / "in.yaml")
    proc = subprocess.Popen(  # stdin a pipe nobody writes to: reading it would hang
        [
            sys.executable,
            "-m",
            "wz_tasks",
            "check",
            "--progress",
            str(tmp_path),
            "--format",
            "json",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "WZ_TASKS_NO_CACHE": "1"},
    )
    try:
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    result = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    assert proc.returncode == 1 and only(result) == [(str(tmp_path / "in.yaml"), "WZ011", 1, 1)]


def test_link_to_a_file_outside_is_named_and_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yaml"
    outside.write_text("unit: 秘密单位\n", encoding="utf-8")
    (tmp_path / "p").mkdir()
    os.symlink(outside, tmp_path / "p" / "r.yaml")
    result = run_check("--progress", str(tmp_path / "p"))
    assert only(result) == [(str(tmp_path / "p" / "r.yaml"), "WZ011", 1, 1)]
    assert "秘密单位" not in result.stdout and "符号链接" in result.stdout


def test_link_to_root_is_named_and_not_walked(tmp_path: Path) -> None:
    os.symlink("/", tmp_path / "everything")
    result = run_check("--progress", str(tmp_path))
    assert only(result) == [(str(tmp_path / "everything"), "WZ011", 1, 1)]


def test_file_link_loop_ends(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.yaml", tmp_path / "a.yaml")
    os.symlink(tmp_path / "a.yaml", tmp_path / "b.yaml")
    result = run_check("--progress", str(tmp_path))
    assert [d[1:] for d in only(result)] == [("WZ011", 1, 1), ("WZ011", 1, 1)]


def test_link_inside_the_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "r.yaml").write_text(OK, encoding="utf-8")
    os.symlink(tmp_path / "real", tmp_path / "alias")
    result = run_check("--progress", str(tmp_path))
    assert result.returncode == 0 and json.loads(result.stdout)["files"] == 1


def test_name_over_255_bytes_is_a_diagnostic(tmp_path: Path) -> None:
    long = tmp_path / ("进度" * 50)  # 300 bytes of UTF-8
    result = run_check("--progress", str(long))
    assert result.returncode == 1
    assert only(result) == [(str(long), "WZ011", 1, 1)] and "255" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_tasks_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tasks.yaml")
    result = run_check("--tasks", str(tmp_path / "tasks.yaml"), "--progress", str(tmp_path))
    assert result.returncode == 2 and "WZ011" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_tasks_file_too_large_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "tasks.yaml"
    with open(big, "wb") as f:
        f.write(b"# " + b"x" * (6 * 1024 * 1024) + b"\n")
    result = run_check("--tasks", str(big), "--progress", str(tmp_path))
    assert result.returncode == 2 and "WZ005" in result.stdout + result.stderr


# --- WZ_TASKS_PROGRESS ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["progress:", ":progress", "::progress::"])
def test_empty_progress_elements_are_not_the_current_folder(value: str) -> None:
    assert split_progress(value.replace(":", os.pathsep)) == [Path("progress")]


@pytest.mark.parametrize("value", ["", ":", "::"])
def test_only_empty_progress_elements_mean_the_default(value: str) -> None:
    given = split_progress(value.replace(":", os.pathsep))
    assert given is None and progress_paths(given) == ([Path("progress")], True)
    assert progress_paths(["", " "]) == ([Path("progress")], True)


# --- locations as the cache keeps them --------------------------------------------------------


def test_locations_survive_json() -> None:
    from wz_tasks.yamlsafe import Spots, read_yaml

    doc = read_yaml(OK + "  - {task: 5, progress: x}\n")
    again = Spots.from_json(json.loads(json.dumps(doc.spots.to_json())))  # type: ignore[union-attr]
    assert again.tables() == doc.spots.tables()  # type: ignore[union-attr]
    assert again.tables()[0][("entries", 1, "progress")] == (7, 25)


@pytest.mark.parametrize(
    "damaged",
    [
        {"nums": "AAAA", "keys": [None]},  # numbers that do not fit the keys
        {"nums": "!!", "keys": []},  # not base64
        {"keys": []},
        [],
    ],
)
def test_damaged_locations_are_refused(damaged: object) -> None:
    from wz_tasks.yamlsafe import Spots

    with pytest.raises(ValueError):
        Spots.from_json(damaged)


def test_locations_pointing_forward_give_none_not_a_crash() -> None:
    import base64
    from array import array

    from wz_tasks.yamlsafe import Spots

    nums = array("I", [5, 1, 1, 0, 0])  # a parent after itself
    spots = Spots.from_json({"nums": base64.b64encode(nums.tobytes()).decode(), "keys": ["x"]})
    assert spots.tables() == ({}, {})
