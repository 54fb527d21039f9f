"""The README's examples are real: each ```console block is run and its output compared.

To refresh them on purpose: WZ_UPDATE_README=1 pytest tests/test_readme.py
"""

from __future__ import annotations

import os
import re
import shlex

from conftest import ROOT
from typer.testing import CliRunner

from wz_tasks.cli import app

README = ROOT / "README.md"
BLOCK = re.compile(r"```console\n\$ (wz-tasks [^\n]*)\n(.*?)```", re.S)


def _run(command: str) -> str:
    args = shlex.split(command)[1:]
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(app, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    finally:
        os.chdir(cwd)
    text = result.stdout + (result.stderr if result.stderr_bytes else "")
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def test_readme_examples_show_real_output() -> None:
    text = README.read_text(encoding="utf-8")
    blocks = BLOCK.findall(text)
    assert len(blocks) >= 6
    if os.environ.get("WZ_UPDATE_README"):
        text = BLOCK.sub(lambda m: f"```console\n$ {m[1]}\n{_run(m[1])}```", text)
        README.write_text(text, encoding="utf-8")
        return
    for command, shown in blocks:
        assert _run(command) == shown, f"README example out of date: {command}"
