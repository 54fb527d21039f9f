"""Hostile input (SPEC §7): every file gets a clear diagnostic and exit code, never a traceback,
never code execution, never a hang. Each case is a file `check` is given on its own."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wz_tasks.cli import app

OK = "unit: 盐池县\ndate: 2025-12-20\nentries:\n  - task: 4\n    value: 62\n"
FILLED = OK + "    progress: 已组建31个小区业委会\n"  # a valid file (SPEC §9: progress text)
PWNED = Path("/tmp/wz-tasks-hostile-pwned")


def laughs() -> bytes:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


CASES: list[tuple[str, bytes | Callable[[], bytes], str, int]] = [
    # name, content, a diagnostic's code and line that must be among those found
    ("syntax-unclosed-flow", b"unit: x\ndate: [2025-12-20\n", "WZ001", 3),
    ("syntax-bad-indent", b"unit: x\n  date: 2025-12-20\n", "WZ001", 2),
    ("tab-indent", "unit: 盐池县\nentries:\n\t- task: 4\n".encode(), "WZ001", 3),
    ("anchor-alias", OK.replace("value: 62", "value: &v 62").encode() + b"x: *v\n", "WZ007", 5),
    ("billion-laughs", laughs, "WZ007", 1),
    (
        "python-object-tag",
        f'unit: !!python/object/apply:os.system ["touch {PWNED}"]\n'.encode(),
        "WZ008",
        1,
    ),
    ("custom-tag", OK.replace("value: 62", "value: !pct 62").encode(), "WZ008", 5),
    ("duplicate-key", OK.replace("value: 62", "value: 62\n    value: 63").encode(), "WZ009", 6),
    ("two-documents", (OK + "---\n" + OK).encode(), "WZ010", 6),
    ("empty-file", b"", "WZ004", 1),
    ("only-comments", "# 只有注释\n# nothing else\n".encode(), "WZ004", 1),
    ("only-whitespace", b"   \n\n  \n", "WZ004", 1),
    ("binary-junk", bytes(range(256)) * 8, "WZ003", 1),
    ("control-character", OK.replace("62", "6\x072").encode(), "WZ003", 5),
    ("gbk", OK.encode("gbk"), "WZ002", 1),
    ("utf16-bom", OK.encode("utf-16"), "WZ002", 1),
    ("utf16-no-bom", OK.encode("utf-16-le"), "WZ002", 1),
    ("ten-megabytes", lambda: b"# " + b"x" * (10 * 1024 * 1024) + b"\n", "WZ005", 1),
    ("deep-flow-nesting", lambda: b"unit: " + b"[" * 50_000 + b"]" * 50_000 + b"\n", "WZ006", 1),
    (
        "deep-block-nesting",
        lambda: "".join(" " * (2 * i) + f"k{i}:\n" for i in range(200)).encode(),
        "WZ006",
        65,
    ),
    ("nan-value", OK.replace("value: 62", "value: .nan").encode(), "WZ103", 5),
    ("inf-value", OK.replace("value: 62", "value: .inf").encode(), "WZ103", 5),
    ("huge-exponent", OK.replace("value: 62", "value: 1e400").encode(), "WZ103", 5),
    (
        "entries-not-a-list",
        "unit: 盐池县\ndate: 2025-12-20\nentries: {task: 4}\n".encode(),
        "WZ103",
        3,
    ),
    ("top-level-list", b"- unit: x\n", "WZ103", 1),
    ("top-level-scalar", b"hello\n", "WZ103", 1),
    ("key-is-a-list", OK.encode() + b"? [a, b]\n: 1\n", "WZ103", 6),
    ("impossible-date", OK.replace("2025-12-20", "2025-02-30").encode(), "WZ105", 2),
    ("unknown-unit", OK.replace("盐池县", "盐池").encode(), "WZ106", 1),
    ("group-as-unit", OK.replace("盐池县", "各县(市、区)人民政府").encode(), "WZ107", 1),
    ("unknown-task", OK.replace("task: 4", "task: 404").encode(), "WZ104", 4),
    (
        "not-my-task",
        OK.replace("task: 4", "task: 9").replace("    value: 62\n", "").encode(),
        "WZ108",
        4,
    ),
    ("negative-value", OK.replace("value: 62", "value: -5").encode(), "WZ109", 5),
    (
        "count-not-whole",
        "unit: 市住建局\ndate: 2025-12-20\nentries:\n  - task: 20\n    value: 2.5\n".encode(),
        "WZ110",
        5,
    ),
    ("date-in-the-future", OK.replace("2025-12-20", "2099-01-01").encode(), "WZ118", 2),
    ("date-before-policy", OK.replace("2025-12-20", "2020-01-01").encode(), "WZ119", 2),
    ("same-task-twice", (OK + "  - task: 4\n    value: 63\n").encode(), "WZ120", 6),
    (
        "numerator-over-denominator",
        OK.replace("value: 62", "numerator: 9\n    denominator: 4").encode(),
        "WZ113",
        5,
    ),
    ("missing-everything", b"contact: x\n", "WZ102", 1),
    ("very-long-line", OK.replace("value: 62", "progress: " + "长" * 200_000).encode(), "", 0),
]


@pytest.mark.parametrize(("name", "content", "code", "line"), CASES, ids=[c[0] for c in CASES])
def test_hostile_file(
    tmp_path: Path, name: str, content: bytes | Callable[[], bytes], code: str, line: int
) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(content() if callable(content) else content)
    result = CliRunner().invoke(
        app,
        [
            "check",
            str(path),
            "--progress",
            str(tmp_path),
            "--as-of",
            "2026-11-27",
            "--format",
            "json",
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    out = json.loads(result.stdout)
    if not code:  # a valid file, however odd
        assert result.exit_code == 0 and out["diagnostics"] == []
        return
    assert result.exit_code == 1
    found = {(d["code"], d["line"]) for d in out["diagnostics"]}
    assert (code, line) in found, out["diagnostics"]
    assert all(
        d["message"] and not re.search(r"\{[a-z_]+\}", d["message"]) for d in out["diagnostics"]
    )
    assert "Traceback" not in result.output
    assert not PWNED.exists()


def test_bom_and_crlf_pass(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_bytes(b"\xef\xbb\xbf" + FILLED.replace("\n", "\r\n").encode())
    result = CliRunner().invoke(
        app, ["check", "--progress", str(tmp_path), "--as-of", "2026-11-27"]
    )
    assert result.exit_code == 0, result.output


def test_encoding_is_named(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_bytes(OK.encode("gbk"))
    result = CliRunner().invoke(app, ["check", "--progress", str(tmp_path)])
    assert "GBK" in result.stdout and "UTF-8" in result.stdout


def test_directory_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.yaml").write_text(FILLED, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    result = CliRunner().invoke(
        app, ["check", "--progress", str(tmp_path), "--as-of", "2026-11-27", "--format", "json"]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["files"] == 1


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    os.symlink(tmp_path / "nowhere.yaml", tmp_path / "dangling.yaml")
    result = CliRunner().invoke(app, ["check", "--progress", str(tmp_path), "--format", "json"])
    out = json.loads(result.stdout)
    assert result.exit_code == 1
    assert [(d["code"], d["line"]) for d in out["diagnostics"]] == [("WZ011", 1)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text(OK, encoding="utf-8")
    path.chmod(0)
    result = CliRunner().invoke(app, ["check", "--progress", str(tmp_path), "--format", "json"])
    assert json.loads(result.stdout)["diagnostics"][0]["code"] == "WZ011"


def test_hidden_folders_are_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "junk.yaml").write_bytes(b"\x00\x01")
    (tmp_path / "r.yaml").write_text(FILLED, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["check", "--progress", str(tmp_path), "--as-of", "2026-11-27", "--format", "json"]
    )
    assert result.exit_code == 0 and json.loads(result.stdout)["files"] == 1
