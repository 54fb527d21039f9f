"""The replay (replay.py): a command run again over unchanged inputs prints its last answer
without starting the app — and that answer is always the one a run without the cache gives."""

from __future__ import annotations

import base64
import datetime as dt
import gc
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ROOT, SAMPLE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_warm import EDITS, edit

from wz_tasks import cachedir, inputs, replay

TICK = 0.03  # longer than RECENT_NS below: inputs written before it are "old"
SETTLED = cachedir.RECENT_NS / 1e9 + 0.1  # for runs in another process: the real tick
AS_OF = ["--as-of", "2026-11-27"]
COMMANDS = {
    "status": ["status", *AS_OF],
    "status-json": ["status", *AS_OF, "--format", "json"],
    "report": ["report", "--unit", "盐池县", *AS_OF],
    "check": ["check", *AS_OF],
    "remind": ["remind", *AS_OF],
    "duties": ["duties", *AS_OF, "--only", "overdue"],
    "fail-on": ["check", *AS_OF, "--fail-on", "overdue"],
}


@pytest.fixture(autouse=True)
def _short_tick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An input older than 20 ms counts as settled, so that the tests need not wait a second;
    runs start in an empty folder (no config file above the progress files by accident)."""
    monkeypatch.setattr(cachedir, "RECENT_NS", 20_000_000)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")


@pytest.fixture
def replays(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each run was answered from a record (True) or ran the app (False)."""
    seen: list[bool] = []
    real = replay.recall

    def recall(target: Path, key: str) -> object:
        found = real(target, key)
        seen.append(found is not None)
        return found

    monkeypatch.setattr(replay, "recall", recall)
    return seen


Answer = tuple[int, str, str]  # exit code, stdout, stderr


def wz(args: list[str], cache: Path | None, env: dict[str, str] | None = None) -> Answer:
    """`wz-tasks ARGS` through the entry point, in this process, stdout and stderr captured."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = (sys.argv, sys.stdout, sys.stderr)
    saved = dict(os.environ)  # each run starts from the same environment, as a new process
    os.environ.update({"WZ_TASKS_CACHE_DIR": str(cache or ""), **(env or {})})
    os.environ["WZ_TASKS_NO_CACHE"] = "" if cache else "1"
    sys.argv = ["wz-tasks", *args]
    so = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    se = io.TextIOWrapper(err, encoding="utf-8", write_through=True)
    sys.stdout, sys.stderr = so, se
    code: object = 0
    try:
        replay.main()
    except SystemExit as exc:
        code = exc.code
    finally:
        so.flush()
        se.flush()
        shown = out.getvalue().decode(), err.getvalue().decode()
        sys.argv, sys.stdout, sys.stderr = streams
        os.environ.clear()
        os.environ.update(saved)
        gc.unfreeze()  # the app turns the collector off and freezes what it built: not here
        gc.enable()
    return int(code or 0), *shown


def run(command: str, folder: Path, cache: Path | None) -> Answer:
    return wz([*COMMANDS[command], "--progress", str(folder)], cache)


def settle() -> None:
    time.sleep(TICK)


def records(cache: Path) -> list[Path]:
    return sorted(cache.rglob("replay/*.json"))


# --- the property: a replayed answer is the cold answer, whatever happened between the runs -----


def _sample_in_two_folders(folder: Path) -> None:
    """The sample, its 2025 reports in a folder of their own (an edit may happen in either)."""
    shutil.copytree(SAMPLE, folder)
    (folder / "2025").mkdir()
    for old in folder.glob("2025-*.yaml"):
        old.rename(folder / "2025" / old.name)


def change(folder: Path, kind: str, pick: int, number: int) -> None:
    """test_warm's edits, and a report added to a folder that was there before."""
    if kind != "add-inside":
        edit(folder, kind, pick, number)
        return
    files = sorted(folder.rglob("*.yaml"))
    if files:
        shutil.copy(files[pick % len(files)], folder / "2025" / f"added-{number}.yaml")


CHANGES = EDITS | st.lists(
    st.tuples(st.just("add-inside"), st.integers(0, 200), st.integers(0, 1000)),
    min_size=1,
    max_size=2,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=CHANGES, command=st.sampled_from(sorted(COMMANDS)))
@example(edits=[("swap", 3, 7)], command="status")
@example(edits=[("swap", 40, 2)], command="fail-on")
@example(edits=[("move", 9, 0)], command="check")
@example(edits=[("delete", 5, 0)], command="duties")
@example(edits=[("add", 2, 3)], command="remind")
@example(edits=[("add-inside", 7, 1)], command="status")
def test_a_replayed_answer_is_the_cold_answer_after_any_edit(
    replays: list[bool], edits: list[tuple[str, int, int]], command: str, tmp_path: Path
) -> None:
    folder, cache = tmp_path / f"p{time.monotonic_ns()}", tmp_path / f"c{time.monotonic_ns()}"
    _sample_in_two_folders(folder)
    settle()
    run(command, folder, cache)  # keeps a record
    for kind, pick, number in edits:
        change(folder, kind, pick, number)
    settle()
    replays.clear()
    after_edits = run(command, folder, cache)
    again = run(command, folder, cache)  # nothing changed since: replayed
    assert replays == [False, True]
    assert after_edits == again == run(command, folder, None)
    # a file rewritten in place with its old size and mtime is not taken for unchanged
    edit(folder, "swap", edits[0][1], edits[0][2])
    settle()
    assert run(command, folder, cache) == run(command, folder, None)
    assert replays == [False, True, False]


def test_unchanged_inputs_are_answered_without_starting_the_app(
    tmp_path: Path, replays: list[bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    first = run("fail-on", folder, tmp_path / "c")
    assert first[0] == 1 and "逾期" in first[1]  # the sample has overdue items: exit 1

    def no_app() -> None:
        raise AssertionError("the app was started")

    monkeypatch.setattr(replay, "_app", no_app)
    assert run("fail-on", folder, tmp_path / "c") == first
    assert replays == [False, True]


# The entry point, saying on stderr as it ends which of the app's libraries it imported: none
# when it replayed.
PROBE = (
    "import sys\n"
    "from wz_tasks.replay import main\n"
    "try:\n    main()\n"
    "except SystemExit as e:\n"
    "    heavy = [m for m in ('typer', 'pydantic', 'rich', 'ruamel.yaml') if m in sys.modules]\n"
    "    print('HEAVY', heavy, file=sys.stderr)\n"
    "    raise\n"
)


def test_a_subprocess_replays_without_importing_the_app(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    time.sleep(SETTLED)  # older than the real clock's tick
    env = {**os.environ, "WZ_TASKS_CACHE_DIR": str(tmp_path / "c"), "WZ_TASKS_NO_CACHE": ""}
    args = [sys.executable, "-c", PROBE, "status", "--progress", str(folder), *AS_OF]
    first = subprocess.run(args, capture_output=True, env=env, text=True, cwd=tmp_path)
    second = subprocess.run(args, capture_output=True, env=env, text=True, cwd=tmp_path)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and "任务进展情况" in first.stdout
    assert "HEAVY ['typer', 'pydantic', 'rich', 'ruamel.yaml']" in first.stderr
    assert "HEAVY []" in second.stderr


@pytest.mark.parametrize(
    "change",
    [
        "as-of",
        "today",
        "columns",
        "language",
        "task list",
        "task list file added",
        "config file",
        "working directory",
    ],
)
def test_whatever_else_the_answer_depends_on_makes_a_new_record(
    tmp_path: Path, replays: list[bool], monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    folder, cache, tasks = tmp_path / "p", tmp_path / "c", tmp_path / "tasks"
    shutil.copytree(SAMPLE, folder)
    shutil.copytree(ROOT / "tasks", tasks)
    monkeypatch.setattr(inputs, "today_in_china", lambda: dt.date(2026, 11, 27))
    settle()
    args = ["status", "--progress", str(folder), "--tasks", str(tasks), "--format", "json"]
    env: dict[str, str] = {}
    first = wz(args, cache)
    assert wz(args, cache) == first and replays == [False, True]  # kept, and replayed
    if change == "as-of":
        args += ["--as-of", "2026-03-01"]
    elif change == "today":  # the default as-of date is today in China
        monkeypatch.setattr(inputs, "today_in_china", lambda: dt.date(2026, 11, 28))
    elif change == "columns":
        args[-1] = "table"
        first = wz(args, cache)
        env = {"COLUMNS": "160"}
    elif change == "language":
        env = {"WZ_TASKS_LANG": "en"}
    elif change == "task list":
        policy = tasks / "policy.yaml"
        policy.write_text(policy.read_text(encoding="utf-8").replace("90", "30", 1), "utf-8")
    elif change == "task list file added":  # every YAML file of the folder is read
        (tasks / "zz.yaml").write_text("foo: 1\n", encoding="utf-8")
    elif change == "config file":  # made after the first run, in the folder above
        (tmp_path / ".wz-tasks.yaml").write_text("due_soon_days: 400\n", encoding="utf-8")
    elif change == "working directory":
        monkeypatch.chdir(tmp_path)
    settle()
    replays.clear()
    after = wz(args, cache, env)
    cold = wz([*args, "--no-cache"], cache, env)
    assert replays == [False]
    assert after == cold
    if change != "working directory":
        assert after != first  # the change shows in the answer


def test_a_run_with_an_input_changed_a_moment_ago_keeps_no_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a second change within the clock's tick would leave every status as it was
    monkeypatch.setattr(cachedir, "RECENT_NS", 60_000_000_000)
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    run("status", folder, tmp_path / "c")
    assert records(tmp_path / "c") == []
    monkeypatch.setattr(cachedir, "RECENT_NS", 0)
    run("status", folder, tmp_path / "c")
    assert len(records(tmp_path / "c")) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--no-cache"],
        ["bulletin", "--out", "x.html"],
        ["calendar", "-o", "x.ics"],
        ["bulletin", "--out=x.html"],
        ["new-report", "--unit", "盐池县"],
        ["init", "x"],
        ["import-tasks", "t.csv"],
        ["status", "--help"],
        ["--version"],
        [],
    ],
)
def test_commands_that_write_files_or_turn_the_cache_off_are_never_replayed(
    args: list[str],
) -> None:
    assert not replay.replayable(args, {})


def test_commands_that_only_read_and_print_are_replayed() -> None:
    assert replay.replayable(["--lang", "en", "status", "--only", "overdue"], {})
    assert replay.replayable(["--lang", "en", "bulletin", "--format", "markdown"], {})
    assert not replay.replayable(["status"], {"WZ_TASKS_NO_CACHE": "1"})


def test_github_workflow_commands_are_never_kept(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    text = "unit: 盐池县\ndate: 2025-12-20\nentries:\n  - task: 99\n    progress: 已推进\n"
    (folder / "a.yaml").write_text(text, encoding="utf-8")
    settle()
    args = ["check", "--progress", str(folder), "--format", "github", *AS_OF]
    code, out, _ = wz(args, tmp_path / "c")
    assert code == 1 and out.startswith("::error file=")
    assert records(tmp_path / "c") == []  # a record may never put a workflow command in a log
    wz(["check", "--progress", str(folder), *AS_OF], tmp_path / "c")
    assert len(records(tmp_path / "c")) == 1


def _planted(record: dict) -> list[bytes]:  # type: ignore[type-arg]
    """Planted and damaged records: not JSON, not ours, or ours with something in it that a
    real run never writes."""

    def changed(**fields: object) -> bytes:
        return json.dumps({**record, **fields}).encode()

    def shown(text: str) -> bytes:
        return changed(out=[[1, base64.b64encode(text.encode()).decode()]])

    return [
        b"",
        b"\x80\x04not json",
        b"[]",
        json.dumps(record)[:-40].encode(),  # cut short
        changed(format="wz-tasks-replay-0"),
        changed(key="0" * 64),
        changed(extra=1),
        changed(exit=3),
        changed(exit=True),
        changed(inputs=[["/", [1, 2, 3]]]),
        changed(inputs={"a": None}),
        changed(out=[[3, ""]]),
        changed(out=[[1, "not base64!"]]),
        shown("\x1b]0;pwned\x07"),  # a terminal title
        shown("\x1b[2J"),  # clear the screen
        shown("ok\n::add-mask::secret\n"),  # a GitHub workflow command
        shown("abc\u202eevil"),  # a bidi override
        shown("\x9b31m"),  # a C1 control sequence introducer
    ]


@pytest.mark.parametrize("n", range(18))
def test_a_planted_or_damaged_record_is_ignored(
    tmp_path: Path, replays: list[bool], n: int
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    cold = run("status", folder, None)
    run("status", folder, tmp_path / "c")
    (record,) = records(tmp_path / "c")
    planted = _planted(json.loads(record.read_bytes()))
    assert len(planted) == 18
    record.write_bytes(planted[n])
    replays.clear()
    assert run("status", folder, tmp_path / "c") == cold
    assert replays == [False]


def test_colour_codes_of_a_real_run_are_replayed(tmp_path: Path) -> None:
    assert replay.shows_safely("\x1b[1;31m红 逾期\x1b[0m\n".encode(), "utf-8")
    assert replay.shows_safely("\ufeff序号,状态\r\n1,逾期\r\n".encode(), "utf-8")  # CSV
    assert not replay.shows_safely(b"\x1b[1;31m\x1b]8;;http://x\x1b\\", "utf-8")
    assert not replay.shows_safely(b"\xff\xfe", "utf-8")


def test_only_the_newest_records_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replay, "KEEP", 3)
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    for day in range(1, 7):
        wz(["status", "--progress", str(folder), "--as-of", f"2026-11-0{day}"], tmp_path / "c")
    assert len(records(tmp_path / "c")) == 3


def _bulletin(tmp_path: Path) -> tuple[str, dict[str, str]]:
    """The sample's bulletin (75 kB of HTML: more than a pipe holds) as a shell command through
    PROBE, with a cache of its own; the sample's files older than the clock's tick."""
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    time.sleep(SETTLED)
    env = {**os.environ, "WZ_TASKS_CACHE_DIR": str(tmp_path / "c"), "WZ_TASKS_NO_CACHE": ""}
    args = [sys.executable, "-c", PROBE, "bulletin", "--progress", str(folder), *AS_OF]
    return shlex.join(args), env


def test_a_reader_that_leaves_early_gets_a_quiet_end_on_a_replay_too(tmp_path: Path) -> None:
    command, env = _bulletin(tmp_path)
    # kept whole; then into a reader that reads nothing and leaves: the replay's write meets
    # the closed pipe
    said = []
    for cmd in (command, f"{command} | true"):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", cmd], capture_output=True, env=env, text=True
        )
        assert done.returncode == 0, done.stderr
        said.append(done.stderr)
        assert done.stdout.startswith("<!DOCTYPE html>") or cmd.endswith("| true")
    assert said[0].startswith("HEAVY ['typer'") and said[1] == "HEAVY []\n"  # then replayed
    assert len(records(tmp_path / "c")) == 1


def test_an_answer_that_did_not_all_reach_its_reader_is_not_kept(tmp_path: Path) -> None:
    """A reader that left took part of the answer at most: kept, it would be replayed cut short
    into the next reader (a file, a terminal)."""
    command, env = _bulletin(tmp_path)
    cut = subprocess.run(["bash", "-c", f"{command} | true"], capture_output=True, env=env)
    assert cut.returncode == 0 and records(tmp_path / "c") == []
    whole = subprocess.run(["bash", "-c", command], capture_output=True, env=env, text=True)
    assert whole.stderr.startswith("HEAVY ['typer'")  # run, not replayed
    assert whole.stdout.startswith("<!DOCTYPE html>") and whole.stdout.endswith("</html>\n")


def test_a_progress_folder_made_after_checking_one_file_is_read(
    tmp_path: Path, replays: list[bool]
) -> None:
    """`check FILE` reads the files of ./progress beside it (here: one for the same unit and
    day); made after a run without it, it changes the answer."""
    shutil.copy(SAMPLE / "2026-11-20-盐池县.yaml", "r.yaml")
    settle()
    args = ["check", "r.yaml", *AS_OF]
    alone = wz(args, tmp_path / "c")
    assert wz(args, tmp_path / "c") == alone and alone[0] == 0 and replays == [False, True]
    shutil.copytree(SAMPLE, Path("progress"))
    settle()
    beside = wz(args, tmp_path / "c")
    assert beside[0] == 1 and "WZ121" in beside[1] and replays[2:] == [False]


def test_a_progress_folder_made_after_a_run_without_one_is_read(
    tmp_path: Path, replays: list[bool]
) -> None:
    args = ["status", *AS_OF, "--format", "json"]  # the default ./progress
    before = wz(args, tmp_path / "c")
    assert wz(args, tmp_path / "c") == before and replays == [False, True]
    shutil.copytree(SAMPLE, Path("progress"))
    settle()
    after = wz(args, tmp_path / "c")
    assert after == wz([*args, "--no-cache"], tmp_path / "c") and after != before
    assert replays == [False, True, False]


def test_what_only_the_shell_keeps_does_not_name_a_record(
    tmp_path: Path, replays: list[bool]
) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    args = ["status", "--progress", str(folder), *AS_OF]
    first = wz(args, tmp_path / "c", {"OLDPWD": "/a", "_": "/usr/bin/timeout", "SHLVL": "1"})
    again = wz(args, tmp_path / "c", {"OLDPWD": "/b", "_": "/usr/bin/wz-tasks", "SHLVL": "2"})
    assert again == first and replays == [False, True]
    wz(args, tmp_path / "c", {"WZ_TASKS_LANG": "en"})  # any other variable does
    assert replays == [False, True, False]


def test_what_a_killed_run_left_half_written_is_removed_in_time(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    wz(["status", "--progress", str(folder), "--as-of", "2026-11-01"], tmp_path / "c")
    (kept,) = records(tmp_path / "c")
    old, new = kept.parent / ".tmp-old", kept.parent / ".tmp-new"
    old.write_bytes(b"{")
    new.write_bytes(b"{")  # a run writing it right now
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    wz(["status", "--progress", str(folder), "--as-of", "2026-11-02"], tmp_path / "c")
    assert not old.exists() and new.exists() and len(records(tmp_path / "c")) == 2


def test_a_usage_error_is_never_kept(tmp_path: Path, replays: list[bool]) -> None:
    args = ["status", "--as-of", "2026-13-45"]
    first = wz(args, tmp_path / "c")
    assert first[0] == 2 and "2026-13-45" in first[2]
    assert wz(args, tmp_path / "c") == first and replays == [False, False]
    assert records(tmp_path / "c") == []


def test_the_code_names_the_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed module of ours (an upgrade, an edit in a checkout) is another fingerprint, so
    no answer of the old code is replayed; compiled files and an editor's lock link are not."""
    package = tmp_path / "wz_tasks"
    shutil.copytree(Path(replay.__file__).parent, package)
    monkeypatch.setattr(cachedir, "PACKAGE", package)

    def fingerprint() -> str:
        cachedir.code_fingerprint.cache_clear()
        return cachedir.code_fingerprint()

    try:
        before = fingerprint()
        (package / "render" / "__pycache__").mkdir(exist_ok=True)
        (package / "render" / "__pycache__" / "x.py").write_text("", encoding="utf-8")
        (package / ".#cli.py").symlink_to("someone@host.1:2")
        assert fingerprint() == before
        module = package / "render" / "table.py"
        module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        changed = fingerprint()
        assert changed != before
        os.utime(module, ns=(0, 0))  # the same size, another time
        assert fingerprint() not in (before, changed)
    finally:
        cachedir.code_fingerprint.cache_clear()  # the real package's, for the tests after


def test_the_libraries_that_laid_the_answer_out_are_inputs(tmp_path: Path) -> None:
    """A new version of rich lays a table out differently: its files are among a record's
    inputs, so an upgrade means the app runs again."""
    import rich

    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    wz(["status", "--progress", str(folder), *AS_OF], tmp_path / "c")
    (kept,) = records(tmp_path / "c")
    paths = [path for path, _ in json.loads(kept.read_bytes())["inputs"]]
    assert rich.__file__ in paths and str(folder) in paths


def test_a_file_is_another_input_when_any_part_of_its_status_differs() -> None:
    """What tells a file apart from what the last run read: its kind, device, inode, size,
    modification and change time — any one of them (a file renamed over it has another inode,
    one rewritten in place with its old mtime another ctime or size)."""
    fields = ("st_mode", "st_dev", "st_ino", "st_size", "st_mtime_ns", "st_ctime_ns")
    then = dict(zip(fields, (0o100644, 1, 7, 120, 5_000, 6_000), strict=True))
    seen = inputs.signature(SimpleNamespace(**then))
    for name in fields:
        now = inputs.signature(SimpleNamespace(**{**then, name: then[name] + 1}))
        assert now != seen, name


def test_the_status_noted_last_is_the_one_kept(tmp_path: Path) -> None:
    """The walk looks at a file, then the reader reads it: the record keeps the status of what
    was read (a file changed in between is then seen as changed on the next run)."""
    path = tmp_path / "a.yaml"
    path.write_text("x", encoding="utf-8")
    looked = os.stat(path)
    path.write_text("xy", encoding="utf-8")
    read = os.stat(path)
    inputs.start()
    inputs.note(path, looked)
    inputs.note(path, read)
    assert inputs.stop() == {str(path): inputs.signature(read)}


def test_a_reader_gone_before_a_replay_still_gets_the_exit_code(tmp_path: Path) -> None:
    """As the app (test_finish): a replay whose reader has left ends quietly with the code the
    answer gives — 1 for an invalid file — not 0."""
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    (folder / "bad.yaml").write_text("unit: 盐池县\ndate: 2026-11-01\nentries:\n  - task: 99\n")
    time.sleep(SETTLED)
    env = {**os.environ, "WZ_TASKS_CACHE_DIR": str(tmp_path / "c"), "WZ_TASKS_NO_CACHE": ""}
    cmd = [sys.executable, "-m", "wz_tasks", "status", "--progress", str(folder), *AS_OF]
    kept = subprocess.run(cmd, capture_output=True, env=env)
    assert kept.returncode == 1 and len(records(tmp_path / "c")) == 1
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before a byte is written
    err = proc.stderr.read()
    assert proc.wait() == 1 and b"Traceback" not in err
