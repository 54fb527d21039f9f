"""Text people wrote can show, never act (issue 9): control and bidi characters are shown escaped,
nothing forges a diagnostic line or a GitHub workflow command, markdown keeps its structure, and
tables stay aligned where ambiguous-width characters are drawn double (SPEC §9)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

import pytest
from conftest import SAMPLE, TASKS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.escape import guard_lines, markdown, narrow, visible

AS_OF = ["--as-of", "2026-11-27"]
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})


def _report(folder: Path, progress: str, unit: str = "盐池县", name: str | None = None) -> Path:
    """A valid report whose progress text is `progress` (JSON escapes are YAML escapes)."""
    path = folder / (name or f"2026-11-21-{len(list(folder.iterdir()))}.yaml")
    path.write_text(
        f"unit: {json.dumps(unit)}\ndate: 2026-11-21\nentries:\n"
        f"  - task: 4\n    value: 79\n    progress: {json.dumps(progress)}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "progress"
    out.mkdir()
    return out


def _outputs(folder: Path) -> dict[str, str]:
    """Every text output that can show a progress text, a unit name or a file name."""
    opts = ["--progress", str(folder), *AS_OF]
    out = {
        "status table": run("status", *opts).stdout,
        "status markdown": run("status", *opts, "-f", "markdown").stdout,
        "report table": run("report", "-u", "盐池", *opts).stdout,
        "report markdown": run("report", "-u", "盐池", *opts, "-f", "markdown").stdout,
        "show table": run("show", "4", *opts).stdout,
        "check text": run("check", *opts).stdout,
        "check github": run("check", *opts, "-f", "github").stdout,
    }
    csv_bytes = CliRunner().invoke(app, ["status", *opts, "-f", "csv"]).stdout_bytes
    out["status csv"] = csv_bytes.decode("utf-8-sig").replace("\r\n", "\n")
    return out


def _command_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"\s*(::|##\[)", line)]


# --- the escaping functions ------------------------------------------------------------------


def test_escape_shows_escape_sequences_as_text() -> None:
    assert visible("a\x1b[31mb") == "a\\x1b[31mb"


def test_escape_shows_c1_csi_nul_bel_del_and_cr() -> None:
    assert visible("\x9b2J\x00\x07\x7f\r") == "\\x9b2J\\x00\\x07\\x7f\\r"


def test_escape_shows_bidi_overrides_and_isolates() -> None:
    assert visible("a\u202eb\u2066c\u2069") == "a\\u202eb\\u2066c\\u2069"


def test_escape_keeps_the_format_s_own_newlines_only_when_asked() -> None:
    assert visible("a\nb") == "a\\nb" and visible("a\nb", keep="\n") == "a\nb"


def test_line_guard_neutralises_every_workflow_command_spelling() -> None:
    text = "::error::x\n  ::add-mask::secret\n##[warning]w\nok ::error"
    assert guard_lines(text) == "\\::error::x\n  \\::add-mask::secret\n\\##[warning]w\nok ::error"


def test_markdown_escape_keeps_structure() -> None:
    cell = markdown("<!-- x --> <img src=x> | `c` [l](u) *e*\n## h")
    assert "<" not in cell.replace("<br>", "") and "|" not in cell.replace("\\|", "")
    assert "\\`c\\`" in cell and "\\[l\\](u)" in cell and "<br>\\## h" in cell


# --- in the commands' output -----------------------------------------------------------------


def _measure(tmp_path: Path, measure: str) -> str:
    """A task list whose task 4 reads `measure`: text `check` cannot reject (progress text with
    control characters is an error, WZ126), shown by every view of task 4."""
    tasks = tmp_path / "tasks"
    shutil.copytree(TASKS, tasks)
    path = tasks / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    old = "加快推进业主委员会组建,及时办理业主委员会备案手续。对不具备成立业主委员会的,探索成立环境和物业管理委员会。"
    path.write_text(text.replace(old, json.dumps(measure), 1), "utf-8")
    return str(tasks)


def test_escape_sequence_in_progress_is_an_error_shown_not_run(folder: Path) -> None:
    _report(folder, "done\x1b[2J\x1b]0;title\x07")
    for name, text in _outputs(folder).items():
        assert "\x1b" not in text and "\x07" not in text, name
    out = run("check", "--progress", str(folder), *AS_OF).stdout
    assert "WZ126" in out and "U+001B" in out


def test_escape_sequence_in_a_measure_is_shown_not_run(folder: Path, tmp_path: Path) -> None:
    tasks = _measure(tmp_path, "done\x1b[2J\x1b]0;title\x07")
    out = run("show", "4", "--tasks", tasks, "--progress", str(folder), *AS_OF).stdout
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[2J" in out


def test_c1_csi_in_a_measure_is_shown_escaped(folder: Path, tmp_path: Path) -> None:
    _report(folder, "已推进")
    tasks = _measure(tmp_path, "a\x9b31mb")
    out = run(
        "report",
        "-u",
        "盐池",
        "--tasks",
        tasks,
        "--progress",
        str(folder),
        *AS_OF,
        "-f",
        "markdown",
    ).stdout
    assert "\x9b" not in out and "\\x9b31mb" in out


def test_bidi_override_in_a_measure_is_shown_as_code_point(folder: Path, tmp_path: Path) -> None:
    tasks = _measure(tmp_path, "付款\u202e000,1\u202c元")
    out = run("show", "4", "--tasks", tasks, "--progress", str(folder), *AS_OF).stdout
    assert "\u202e" not in out and "\\u202e" in out


def test_newline_in_a_unit_name_cannot_forge_a_diagnostic_line(folder: Path) -> None:
    _report(folder, "x", unit="盐池\nfake.yaml:1:1: error[WZ000] forged")
    out = run("check", "--progress", str(folder), *AS_OF).stdout
    assert not any(line.startswith("fake.yaml") for line in out.splitlines())
    assert len(out.splitlines()) == 2  # one diagnostic, one summary


def test_newline_in_a_value_keeps_one_github_annotation_per_finding(folder: Path) -> None:
    _report(folder, "x", unit="盐池\n::error file=x.yaml::forged")
    lines = run("check", "--progress", str(folder), *AS_OF, "-f", "github").stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("::error file=") and "forged" in lines[0]


def test_workflow_command_in_progress_never_starts_a_line(folder: Path) -> None:
    _report(folder, "::error file=a.yaml::pwned\n::add-mask::secret\n##[warning]w")
    for name, text in _outputs(folder).items():
        lines = _command_lines(text)
        if name == "check github":
            lines = [x for x in lines if not re.match(r"::(error|warning) file=", x)]
        assert lines == [], name


def test_html_comment_in_progress_cannot_hide_the_rest_of_the_markdown(folder: Path) -> None:
    _report(folder, "进展 <!-- 以下隐藏")
    out = run("report", "-u", "盐池", "--progress", str(folder), *AS_OF, "-f", "markdown").stdout
    assert "<!--" not in out and "&lt;!--" in out


def test_img_tag_in_progress_is_shown_as_text(folder: Path) -> None:
    _report(folder, '<img src=x onerror="alert(1)">')
    out = run("report", "-u", "盐池", "--progress", str(folder), *AS_OF, "-f", "markdown").stdout
    assert "<img" not in out and "&lt;img" in out


def test_heading_in_progress_cannot_start_a_markdown_heading(folder: Path) -> None:
    _report(folder, "进展\n## 伪造的标题\n- 伪造的条目")
    out = run("report", "-u", "盐池", "--progress", str(folder), *AS_OF, "-f", "markdown").stdout
    assert not any("伪造" in line and line.startswith(("#", "-")) for line in out.splitlines())
    assert "\\## 伪造的标题" in out


def test_link_and_backticks_in_progress_are_escaped(folder: Path) -> None:
    _report(folder, "见 [通知](https://evil.example) 和 `rm -rf`")
    out = run("report", "-u", "盐池", "--progress", str(folder), *AS_OF, "-f", "markdown").stdout
    assert "\\[通知\\](https://evil.example)" in out and "\\`rm -rf\\`" in out


def test_pipe_in_a_measure_cannot_add_a_markdown_cell(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks"
    shutil.copytree(TASKS, tasks)
    path = tasks / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("市级物业联席会议制度建立。", "建立 | 伪造 | 单元格", 1), "utf-8")
    out = run(
        "status", "--tasks", str(tasks), "--progress", str(SAMPLE), *AS_OF, "-f", "markdown"
    ).stdout
    row = next(line for line in out.splitlines() if line.startswith("| 1 |"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 7  # six cells


def test_file_name_with_escape_sequence_is_shown_escaped(folder: Path) -> None:
    (folder / "bad\x1b[31m.yaml").write_text("unit: 盐池县\n", encoding="utf-8")
    out = run("check", "--progress", str(folder), *AS_OF)
    assert "\x1b" not in out.stdout and "bad\\x1b[31m.yaml:" in out.stdout
    status = run("status", "--progress", str(folder), *AS_OF).stdout
    assert "\x1b" not in status and "bad\\x1b[31m.yaml" in status


def test_unknown_unit_echo_is_escaped(folder: Path) -> None:
    _report(folder, "x", unit="\u202e盐池\x1b[2J")
    out = run("check", "--progress", str(folder), *AS_OF).stdout
    assert "\u202e" not in out and "\x1b" not in out and "\\u202e盐池\\x1b[2J" in out


def test_unit_typed_on_the_command_line_is_echoed_escaped() -> None:
    result = run("report", "-u", "\x1b[31m未知", *AS_OF)
    assert result.exit_code == 2 and "\x1b" not in result.output
    result = run("units", "\x1b]0;x\x07")
    assert "\x1b" not in result.stdout and "\\x1b]0;x\\x07" in result.stdout


def test_json_keeps_what_people_wrote_exactly(folder: Path, tmp_path: Path) -> None:
    text = "a\x1b[31m\u202eb\n::error::x"
    tasks = _measure(tmp_path, text)
    args = ["show", "4", "--tasks", tasks, "--progress", str(folder), *AS_OF, "-f", "json"]
    assert json.loads(run(*args).stdout)["measure"] == text


def test_csv_shows_controls_escaped_and_formulas_neutralised(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks"
    shutil.copytree(TASKS, tasks)
    path = tasks / "tasks.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("市级物业联席会议制度建立。", '"=1+1\\e[2J"', 1), "utf-8")
    raw = (
        CliRunner()
        .invoke(
            app, ["status", "--tasks", str(tasks), "--progress", str(SAMPLE), *AS_OF, "-f", "csv"]
        )
        .stdout_bytes
    )
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1][1] == "'=1+1\\x1b[2J"


# --- the property ----------------------------------------------------------------------------

HOSTILE = [
    "\x1b[31m",
    "\x1b]8;;http://x\x07",
    "\x9b2J",
    "\x00",
    "\x07",
    "\x7f",
    "\r",
    "\n",
    "\t",
    "\u202e",
    "\u2066",
    "\u2069",
    "::error::",
    "::add-mask::",
    "##[warning]",
    "<!--",
    "<img src=x>",
    "## ",
    "|",
    "`",
    "[a](b)",
    "*",
    "_",
    "&",
    "盐池",
    "“引号”",
    "…",
    "·",
]
pieces = st.lists(st.sampled_from(HOSTILE) | st.characters(max_codepoint=0x2070), max_size=12)
texts = pieces.map("".join)
file_names = pieces.map(lambda p: "".join(p).replace("/", "").replace("\x00", "")[:40])


def _ambiguous(text: str) -> list[str]:
    return [c for c in text if unicodedata.east_asian_width(c) == "A"]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(progress=texts, unit=texts, file_name=file_names)
def test_no_output_carries_a_raw_control_or_an_unescaped_construct(
    progress: str, unit: str, file_name: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _report(folder, progress or "x")  # a counted report: its text shows everywhere
        _report(folder, "x", unit=unit or "?", name=f"{file_name}.yaml")  # echoed in diagnostics
        for name, text in _outputs(folder).items():
            assert not RAW_CONTROL.search(text), (name, text)
            if name != "check github":
                assert _command_lines(text) == [], name
            else:
                assert all(
                    re.match(r"::(error|warning) file=", line) for line in _command_lines(text)
                )
            if "markdown" in name:
                assert "<!--" not in text and "<img" not in text, name
            if "table" in name:
                assert _ambiguous(text) == [], name


# --- tables in terminals that draw ambiguous-width characters double ---------------------------


def _width(line: str, ambiguous: int) -> int:
    def cell(c: str) -> int:
        eaw = unicodedata.east_asian_width(c)
        return 2 if eaw in ("W", "F") else ambiguous if eaw == "A" else 1

    return sum(cell(c) for c in line)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--progress", str(SAMPLE), *AS_OF],
        ["report", "-u", "市住建", "--progress", str(SAMPLE), *AS_OF],
        ["report", "-u", "盐池", "--progress", str(SAMPLE), *AS_OF],
        ["show", "4", "--progress", str(SAMPLE), *AS_OF],
        ["tasks"],
        ["units"],
    ],
)
def test_tables_are_as_wide_when_ambiguous_characters_are_double(args: list[str]) -> None:
    out = run(*args).stdout
    assert out.strip()
    for line in out.splitlines():
        assert _width(line, 1) == _width(line, 2), line


def test_narrow_replaces_ambiguous_punctuation_in_user_text() -> None:
    assert narrow("“双向进入”…·→≥") == '"双向进入"....->>='
    assert _ambiguous(narrow("Жα°×")) == []


def test_paths_echoed_in_usage_errors_and_messages_are_escaped(tmp_path: Path) -> None:
    missing = run("check", str(tmp_path / "no\x1b[2Jpe.yaml"), *AS_OF)
    assert missing.exit_code == 2 and "\x1b" not in missing.output and "\\x1b[2J" in missing.output
    out = tmp_path / "new\x07.yaml"
    made = run("new-report", "-u", "盐池", "--date", "2026-12-01", "--out", str(out))
    assert made.exit_code == 0 and "\x07" not in made.output and "new\\x07.yaml" in made.output
