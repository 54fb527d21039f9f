"""Every diagnostic code's own failing example (codes.py) gives that code at its line and column.

Mutation testing of the rules, the evaluator and the schedules: `bash bench/mutation.sh` (README,
"Development").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.codes import CODES, Code
from wz_tasks.rules import ANY_ENTRY_RULES, CLAIM_RULES, ENTRY_RULES, FILE_RULES, GATES, MODULES

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
    # exactly its own code: no other rule fires on it (every entry has its progress text)
    own = {d["code"] for d in out["diagnostics"] if d["path"].endswith(code.example_file)}
    assert own == {code.code}, out["diagnostics"]
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
        *("WZ002", "WZ003", "WZ005", "WZ011", "WZ055", "WZ301", "WZ401", "WZ402", "WZ403", "WZ404"),
        *("WZ080", "WZ081", "WZ082", "WZ083", "WZ084", "WZ085"),
    }


def test_every_rule_module_documents_its_codes() -> None:
    """yamllint's shape: each module has its IDS and a docstring with a PASS and a FAIL example."""
    owners: dict[str, str] = {}
    for module in MODULES:
        doc = module.__doc__ or ""
        assert "PASS" in doc and "FAIL" in doc, module.__name__
        for code in module.IDS:
            assert code in CODES and code in doc.split("\n")[0], (module.__name__, code)
            assert CODES[code].example is not None, code
            assert code not in owners, (code, owners.get(code), module.__name__)
            owners[code] = module.__name__
    # every code about a progress file's content after reading is some rule's
    assert {c for c in CODES if "WZ104" <= c <= "WZ299"} - {"WZ105", "WZ123", "WZ124"} == set(
        owners
    )


def test_every_per_file_rule_is_registered() -> None:
    registered = {*FILE_RULES, *ANY_ENTRY_RULES, *GATES, *ENTRY_RULES, *CLAIM_RULES}
    across = {"duplicate_report", "value_decreased"}  # run over all files by check_reports
    for module in MODULES:
        name = module.__name__.rsplit(".", 1)[1]
        assert (module.check in registered) != (name in across), name
