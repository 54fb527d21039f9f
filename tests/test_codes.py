"""Every diagnostic code's own failing example (codes.py) gives that code at its line and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.codes import CODES, Code

EXAMPLES = [c for c in CODES.values() if c.example is not None]


def check_json(folder: Path, *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    result = CliRunner().invoke(
        app,
        ["check", "--progress", str(folder), "--as-of", "2026-11-27", "--format", "json", *args],
    )
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("code", EXAMPLES, ids=lambda c: f"{c.code}-{c.name}")
def test_example_gives_its_code_at_its_place(tmp_path: Path, code: Code) -> None:
    files = code.example if isinstance(code.example, dict) else {code.example_file: code.example}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    exit_code, out = check_json(tmp_path)
    found = [d for d in out["diagnostics"] if d["code"] == code.code]
    assert found, out["diagnostics"]
    mine = [d for d in found if d["path"].endswith(code.example_file)]
    assert mine, found
    assert (mine[0]["line"], mine[0]["column"]) == code.at
    assert mine[0]["severity"] == code.severity
    assert exit_code == (1 if code.severity == "error" else 0)
    assert "{" not in mine[0]["message"].replace("{committee", "")  # every field filled in


def test_every_code_has_a_distinct_name_and_both_languages() -> None:
    names = [c.name for c in CODES.values()]
    assert len(names) == len(set(names))
    for c in CODES.values():
        assert c.zh and c.en and c.code.startswith("WZ")


def test_examples_cover_every_check_rule() -> None:
    # codes with no example are about bytes a text example cannot hold, or the task list;
    # tests/test_hostile.py covers those (the config file's WZ080-WZ085: tests/test_config.py)
    without = {c.code for c in CODES.values() if c.example is None}
    assert without == {
        *("WZ002", "WZ003", "WZ005", "WZ011", "WZ055", "WZ301", "WZ401", "WZ402", "WZ403"),
        *("WZ080", "WZ081", "WZ082", "WZ083", "WZ084", "WZ085"),
    }
