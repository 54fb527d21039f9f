"""The warm path (warm.py): a run over unchanged files answers from the last run's record, and
that answer is always the one a run without the cache gives."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic_core import ValidationError
from typer.testing import CliRunner

from wz_tasks import cachedir, warm
from wz_tasks import load as load_module
from wz_tasks.cli import app

TICK = 0.03  # longer than RECENT_NS below: files written before it are "old"
SETTLED = cachedir.RECENT_NS / 1e9 + 0.1  # for runs in another process: the real tick
COMMANDS = {
    "status": ["status", "--as-of", "2026-11-27", "--format", "json"],
    "check": ["check", "--as-of", "2026-11-27", "--format", "json"],
    "report": ["report", "--unit", "盐池县", "--as-of", "2026-11-27", "--format", "json"],
}


@pytest.fixture(autouse=True)
def _short_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file older than 20 ms counts as settled, so that the tests need not wait a second."""
    monkeypatch.setattr(cachedir, "RECENT_NS", 20_000_000)


@pytest.fixture
def recalls(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each run took its answer from a record (True) or checked the files (False)."""
    seen: list[bool] = []
    real = warm.Snapshot.recall

    def recall(self: warm.Snapshot) -> object:
        found = real(self)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(warm.Snapshot, "recall", recall)
    return seen


def run(command: str, folder: Path, cache: Path | None) -> tuple[int, str]:
    env = {"WZ_TASKS_CACHE_DIR": str(cache or ""), "WZ_TASKS_NO_CACHE": "" if cache else "1"}
    result = CliRunner().invoke(app, [*COMMANDS[command], "--progress", str(folder)], env=env)
    return result.exit_code, result.stdout


def settle() -> None:
    time.sleep(TICK)


# --- the property: warm equals cold, whatever happened between the runs -----------------------

ENTRY = "  - task: {task}\n    value: {value}\n    progress: 补报第{task}项任务的进展情况。\n"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.yaml"))


def edit(folder: Path, kind: str, pick: int, number: int) -> None:
    """One change to the progress folder, of the kinds people (and git) make."""
    files = _files(folder)
    if not files:
        return
    target = files[pick % len(files)]
    if kind == "change":  # an entry added: valid, or a task that does not exist
        with open(target, "a", encoding="utf-8") as f:
            f.write(ENTRY.format(task=number % 23 + 1, value=number % 120))
    elif kind == "add":
        (folder / "new" / f"2026-0{number % 9 + 1}-01-{pick}.yaml").parent.mkdir(exist_ok=True)
        shutil.copy(target, folder / "new" / f"2026-0{number % 9 + 1}-01-{pick}.yaml")
    elif kind == "delete":
        target.unlink()
    elif kind == "move":
        (folder / "moved").mkdir(exist_ok=True)
        target.rename(folder / "moved" / f"{number}-{target.name}")
    elif kind == "touch":
        os.utime(target)
    elif kind == "swap":  # same size, same mtime, same inode: only ctime tells
        before = target.stat()
        data = bytearray(target.read_bytes())
        # a digit of a figure (`value: 62`) where there is one, so that the answer changes
        marks = [i + 7 for i in range(len(data)) if data[i : i + 7] == b"value: "]
        digits = [i for i in marks if 48 <= data[i] <= 57] or [
            i for i, c in enumerate(data) if 48 <= c <= 57
        ]
        i = digits[number % len(digits)]
        data[i] = ord(str((int(chr(data[i])) + 1) % 10))
        with open(target, "r+b") as f:  # in place: the inode stays
            f.write(data)
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["change", "add", "delete", "move", "touch", "swap"]),
        st.integers(0, 200),
        st.integers(0, 1000),
    ),
    min_size=1,
    max_size=4,
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS, command=st.sampled_from(sorted(COMMANDS)))
@example(edits=[("swap", 3, 7)], command="status")
@example(edits=[("swap", 40, 2)], command="report")
@example(edits=[("touch", 9, 0)], command="check")
def test_a_warm_answer_is_the_cold_answer_after_any_edit(
    recalls: list[bool], edits: list[tuple[str, int, int]], command: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "p", Path(tmp) / "c"
        shutil.copytree(SAMPLE, folder)
        settle()
        run(command, folder, cache)  # fills the cache and keeps a record
        for kind, pick, number in edits:
            edit(folder, kind, pick, number)
        settle()
        recalls.clear()
        after_edits = run(command, folder, cache)
        again = run(command, folder, cache)  # nothing changed since: from the record
        assert recalls == [False, True]
        assert after_edits == again == run(command, folder, None)
        # and a file rewritten in place with its old size and mtime is not taken for unchanged
        edit(folder, "swap", edits[0][1], edits[0][2])
        settle()
        assert run(command, folder, cache) == run(command, folder, None)
        assert recalls == [False, True, False]


# --- what the record is trusted with ----------------------------------------------------------


def test_unchanged_files_are_not_read_at_all(
    tmp_path: Path, recalls: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    first = run("status", folder, tmp_path / "c")

    real = load_module.read_bounded

    def unread(path: Path, *args: object) -> object:
        assert folder not in Path(path).parents, f"{path} was read"
        return real(path, *args)

    monkeypatch.setattr(load_module, "read_bounded", unread)
    assert run("status", folder, tmp_path / "c") == first
    assert recalls == [False, True]


def test_another_as_of_date_is_answered_from_the_same_record(
    tmp_path: Path, recalls: list[bool]
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    run("status", folder, tmp_path / "c")
    args = ["status", "--progress", str(folder), "--format", "json", "--as-of", "2026-03-01"]
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path / "c")}
    warm_answer = CliRunner().invoke(app, args, env=env).stdout
    cold = CliRunner().invoke(app, [*args, "--no-cache"], env=env).stdout
    assert recalls == [False, True]
    assert warm_answer == cold


def test_a_file_changed_a_moment_ago_keeps_no_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a second change within the clock's tick would leave every stat as it was
    monkeypatch.setattr(cachedir, "RECENT_NS", 60_000_000_000)
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    run("status", folder, tmp_path / "c")
    assert not list((tmp_path / "c").rglob("warm-*"))
    monkeypatch.setattr(cachedir, "RECENT_NS", 0)
    run("status", folder, tmp_path / "c")
    assert len(list((tmp_path / "c").rglob("warm-*"))) == 1


def _record(cache: Path) -> Path:
    (found,) = cache.rglob("warm-*-undated.json")
    return found


def _spoiled(record: dict) -> list[bytes]:  # type: ignore[type-arg]
    """Planted and damaged records: not JSON, not ours, or ours with a lie in it."""

    def changed(**fields: object) -> bytes:
        return json.dumps({**record, **fields}, ensure_ascii=False).encode()

    (unit, index, report, _signing) = record["submissions"][0]
    bad_entries = {**report, "entries": [{"task": "4", "value": 62}]}
    return [
        b"",
        b"\x80\x04not json",
        pickle.dumps({"format": warm.FORMAT}),
        b"[]",
        json.dumps(record)[:-40].encode(),  # cut short
        changed(format="wz-tasks-warm-0"),
        changed(key="0" * 40),
        changed(files=record["files"][:-1]),
        changed(extra=1),
        changed(diagnostics=[[999, 1, 1, "WZ101", "[]"]]),
        changed(diagnostics=[[0, 1, 1, "WZ999", '["wz-tasks-cache-1",{}]']]),
        changed(diagnostics=[[0, 1, 1, "WZ101", '{"__reduce__": "os.system"}']]),
        changed(submissions=[[unit, 9999, report, None]]),
        changed(submissions=[[unit, index, None, None]]),
        changed(submissions=[[unit, index, bad_entries, None]]),
        changed(submissions=[[unit, index, {**report, "entries": []}, None]]),
        changed(invalid={"0": [5000]}),
    ]


@pytest.mark.parametrize("command", ["check", "status"])
def test_findings_acknowledged_lines_and_invalid_files_come_back_from_the_record(
    tmp_path: Path, recalls: list[bool], command: str
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    head = "unit: 盐池县\ndate: {date}\nentries:\n  - task: 4\n"
    (folder / "a.yaml").write_text(
        head.format(date="2025-11-20") + "    value: 62\n    progress: 已推进\n", encoding="utf-8"
    )
    lower = "    value: 55  # noqa: WZ201\n    status: done\n    progress: 已推进\n"  # WZ202 stays
    (folder / "b.yaml").write_text(head.format(date="2025-12-20") + lower, encoding="utf-8")
    (folder / "c.yaml").write_text(head.format(date="2025-12-21") + "    value: 百分之六十\n")
    settle()
    cold = run(command, folder, None)
    assert run(command, folder, tmp_path / "c") == cold
    assert run(command, folder, tmp_path / "c") == cold
    assert recalls == [False, True]
    assert "WZ103" in cold[1] and "WZ201" not in cold[1]  # the invalid file; acknowledged
    assert ("WZ202" in cold[1]) == (command == "check")  # status lists invalid files only


def test_check_on_another_day_does_not_take_the_record_of_the_first(
    tmp_path: Path, recalls: list[bool]
) -> None:
    # check dates every report against the as-of date: its record holds for that day only
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path / "c")}
    args = ["check", "--progress", str(folder), "--format", "json", "--as-of"]
    CliRunner().invoke(app, [*args, "2026-11-27"], env=env)
    early = CliRunner().invoke(app, [*args, "2025-07-01"], env=env)
    cold = CliRunner().invoke(app, [*args, "2025-07-01", "--no-cache"], env=env)
    assert recalls == [False, False]
    assert (early.exit_code, early.stdout) == (cold.exit_code, cold.stdout)
    assert "WZ118" in early.stdout  # reports dated after 2025-07-01


def test_a_new_process_takes_the_task_list_from_the_cache(tmp_path: Path) -> None:
    # In a new process pydantic has not built TaskListFile yet: its `duties: list[Duty]` is
    # still a forward reference, which the cached record must get past.
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from wz_tasks import load\n"
        "from wz_tasks.cache import ParseCache\n"
        "if sys.argv[1] == 'again':\n"
        "    def parsed(*a, **k): raise SystemExit('the task list was parsed again')\n"
        "    load._task_list_from = parsed\n"
        "tl = load.load_task_list(None, ParseCache(__import__('pathlib').Path(sys.argv[2])))\n"
        "print(len(tl.tasks))\n"
    )
    for phase in ("first", "again"):
        found = subprocess.run(
            [sys.executable, "-c", script, phase, str(tmp_path / "c")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (found.returncode, found.stdout) == (0, "20\n"), found.stderr


# --- the record's validator: the models' own types, without building pydantic's validators ----


def _as_pydantic_would(data: bytes) -> object:
    """The record as validated by a validator generated from the models (what warm.py wrote
    first, and what its hand-written schema must agree with)."""
    from pydantic import BaseModel

    from wz_tasks.models import Report, SignOffReport

    class Record(BaseModel):
        format: str
        key: str
        files: list[str]
        diagnostics: list[tuple[int, int, int, str, str]]
        invalid: dict[int, list[int]]
        submissions: list[tuple[str, int, Report | None, SignOffReport | None]]
        noqa: dict[int, dict[int, list[str]]]

    return dict(Record.model_validate_json(data, strict=True))


def _sign_off_record(tmp_path: Path) -> Path:
    """A record of the sample plus a sign-off file of the supervising unit and a `# noqa` line."""
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    (folder / "z-signoff.yaml").write_text(
        "unit: 市住建局\ndate: 2026-02-01\nsign_off:\n"
        "  - {task: 4, unit: 盐池县, date: 2026-01-10, note: 经现场核查已完成}\n",
        encoding="utf-8",
    )
    (folder / "z-noqa.yaml").write_text(
        "unit: 盐池县\ndate: 2026-02-02\nentries:\n  - task: 4\n"
        "    value: 1  # noqa: WZ201\n    progress: 已推进\n",
        encoding="utf-8",
    )
    settle()
    run("status", folder, tmp_path / "c")
    return _record(tmp_path / "c")


def test_the_record_reads_back_into_the_models_pydantic_would_build(tmp_path: Path) -> None:
    data = _sign_off_record(tmp_path).read_bytes()
    validator = warm._validator()
    assert validator is not None
    ours = validator.validate_json(data, strict=True)
    theirs = _as_pydantic_would(data)
    assert ours == theirs
    assert any(s[3] is not None for s in ours["submissions"])  # the sign-off report
    assert ours["noqa"]  # and the acknowledged line
    for mine, model in zip(ours["submissions"], theirs["submissions"], strict=True):  # type: ignore[index]
        for a, b in zip(mine[2:], model[2:], strict=True):
            if a is None:
                continue
            assert type(a) is type(b) and a.model_fields_set == b.model_fields_set
            assert list(a.__dict__) == list(b.__dict__)
            for x, y in zip(a.entries, b.entries, strict=True):
                assert (x.__dict__, x.model_fields_set) == (y.__dict__, y.model_fields_set)
                assert list(x.__dict__) == list(y.__dict__)


def _figures_spoiled(record: dict) -> list[bytes]:  # type: ignore[type-arg]
    """Records whose reports are of the wrong shape in ways a lax reader would let through."""
    (unit, index, report, _signing) = record["submissions"][0]
    entry = report["entries"][0]

    def with_entry(**fields: object) -> bytes:
        bad = {**report, "entries": [{**entry, **fields}]}
        return json.dumps({**record, "submissions": [[unit, index, bad, None]]}).encode()

    def with_report(**fields: object) -> bytes:
        bad = {**report, **fields}
        return json.dumps({**record, "submissions": [[unit, index, bad, None]]}).encode()

    as_sign_off = {**report, "sign_off": []}
    return [
        with_entry(value="62"),  # a figure as text
        with_entry(value=True),
        with_entry(value="not a number").replace(b'"not a number"', b"NaN"),
        with_entry(values={"x": "1"}),
        with_entry(task=4.0),
        with_entry(status="finished"),
        with_entry(done_on="2025/12/01"),
        with_entry(colour="red"),  # a field the model does not have
        with_report(date="yesterday"),
        with_report(unit=None),
        with_report(sign_off=[{"task": 1, "unit": "盐池县"}]),  # a sign-off without a date
        json.dumps({**record, "submissions": [[unit, index, None, as_sign_off]]}).encode(),
        json.dumps({**record, "noqa": {"x": {"1": []}}}).encode(),
        json.dumps({**record, "diagnostics": [["0", 1, 1, "WZ101", "[]"]]}).encode(),
    ]


# Each way of spoiling a record (its count: a spoiler that lost a case fails), and whether the
# record's validator itself refuses it (the rest are refused after it: unknown codes, indices).
SPOILERS = {"planted or damaged": (17, False), "a report of the wrong shape": (14, True)}


@pytest.mark.parametrize(
    ("kind", "n"), [(kind, n) for kind, (count, _) in SPOILERS.items() for n in range(count)]
)
def test_a_spoiled_record_is_ignored(
    tmp_path: Path, recalls: list[bool], kind: str, n: int
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    cold = run("status", folder, None)
    run("status", folder, tmp_path / "c")
    record = _record(tmp_path / "c")
    spoil = _spoiled if kind == "planted or damaged" else _figures_spoiled
    spoiled = spoil(json.loads(record.read_bytes()))
    count, refused_by_the_validator = SPOILERS[kind]
    assert len(spoiled) == count
    record.write_bytes(spoiled[n])
    if refused_by_the_validator:
        validator = warm._validator()
        assert validator is not None
        with pytest.raises(ValidationError):
            validator.validate_json(spoiled[n], strict=True)
    recalls.clear()
    assert run("status", folder, tmp_path / "c") == cold
    assert recalls == [False]


def test_a_model_field_the_record_schema_does_not_name_means_no_record() -> None:
    from wz_tasks.models import Entry

    fields = {name: {"type": "any"} for name in Entry.model_fields}
    fields.pop("period")
    with pytest.raises(LookupError):
        warm._model(Entry, fields)  # type: ignore[arg-type]


# --- the walk the warm path shares with the cold one -------------------------------------------


def _mixed_folder(root: Path) -> None:
    """Names whose order as text differs from their order as paths (`b-c.yaml` before `b/` as
    text, after it as a path), in several scripts and cases, nested, and not UTF-8."""
    for name in [
        "b/x.yaml",
        "b-c.yaml",
        "b.yaml",
        "B.yaml",
        "b/c/d/e.yaml",
        "b/c.yaml",
        "b/c-d.yaml",
        "a.b/z.yaml",
        "a-b.yaml",
        "中文/进度.yaml",
        "中文.yaml",
        "é.yaml",
        "z.yml",
        "notes.txt",
        ".hidden.yaml",
        ".git/x.yaml",
    ]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("unit: 盐池县\n", encoding="utf-8")
    os.mkdir(os.fsencode(root) + b"/\xb2\xe2\xca\xd4")  # 测试 in GBK: a zip from Windows
    with open(os.fsencode(root) + b"/\xb2\xe2\xca\xd4/\xbd\xf8.yaml", "w") as f:
        f.write("unit: 盐池县\n")
    os.symlink(root / "b.yaml", root / "b" / "link.yaml")  # inside: read under both names
    os.symlink("/", root / "b" / "out")  # outside: refused, named
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "b" / "fifo.yaml")


@pytest.mark.parametrize("given", ["absolute", "relative", "current folder"])
def test_the_walk_finds_files_in_the_order_of_their_paths_sorted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    _mixed_folder(folder)
    root = {"absolute": folder, "relative": Path("p"), "current folder": Path(".")}[given]
    monkeypatch.chdir(folder if given == "current folder" else tmp_path)
    expected = sorted(
        Path(top, name).relative_to(folder)
        for top, dirs, files in os.walk(folder)
        for name in [*files, *(d for d in dirs if os.path.islink(os.path.join(top, d)))]
        if name.endswith((".yaml", ".yml"))
        and not any(part.startswith(".") for part in Path(top, name).relative_to(folder).parts)
    )
    expected = [root / p for p in expected] + [root / "b" / "out"]
    found = list(load_module.walk([root]))
    assert found == sorted(expected)  # the order Paths sort in, part by part
    assert [str(p) for p in found] == [str(p) for p in sorted(expected)]
    refused = {p.name for p in found if isinstance(p, load_module.RefusedPath)}
    assert refused == ({"out", "fifo.yaml"} if hasattr(os, "mkfifo") else {"out"})
    # the warm path's view: the same names, with the status each file has
    stats = list(load_module.walk_stats([root]))
    assert [name for name, _, _ in stats] == [str(p) for p in found]
    for name, status, reason in stats:
        assert (reason is None) == (name not in {str(p) for p in found if p.name in refused})
        if reason is None:
            assert status is not None and status.st_ino == os.stat(name).st_ino


def test_a_warm_run_takes_each_files_status_from_the_walk(
    tmp_path: Path, recalls: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    first = run("status", folder, tmp_path / "c")
    looked: list[str] = []

    def spy(real: Callable[..., os.stat_result]) -> Callable[..., os.stat_result]:
        def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
            looked.append(os.fspath(path))  # type: ignore[arg-type]
            return real(path, *args, **kwargs)

        return stat

    monkeypatch.setattr(os, "stat", spy(os.stat))
    monkeypatch.setattr(os, "lstat", spy(os.lstat))
    assert run("status", folder, tmp_path / "c") == first
    assert recalls == [False, True]
    assert not [p for p in looked if p.endswith(".yaml") and str(folder) in p]


def test_a_warm_run_imports_neither_the_yaml_parser_nor_the_rules(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    time.sleep(SETTLED)  # another process: the real clock's tick
    probe = (
        "import sys\n"
        "from wz_tasks.cli import main\n"
        "try:\n    main()\n"
        "except SystemExit:\n"
        "    print(sorted(m for m in sys.modules if m.startswith(('ruamel', 'wz_tasks.rules.'))),"
        " file=sys.stderr)\n"
        "    raise\n"
    )
    env = {**os.environ, "WZ_TASKS_CACHE_DIR": str(tmp_path / "c"), "WZ_TASKS_NO_CACHE": ""}
    outs = []
    for day in ("2026-11-27", "2026-11-28"):  # another day: the app runs, from the record
        args = [sys.executable, "-c", probe, "status", "--progress", str(folder), "--as-of", day]
        result = subprocess.run(args, capture_output=True, env=env, text=True, cwd=tmp_path)
        assert result.returncode == 0 and "任务进展情况" in result.stdout, result.stderr
        outs.append(result.stderr.strip().splitlines()[-1])
    assert "ruamel.yaml" in outs[0] and "wz_tasks.rules.unknown_unit" in outs[0]  # first run
    assert outs[1] == "['wz_tasks.rules.checked']"
