"""The replay (replay.py) under attack: every way a replayed run could answer differently from
`wz-tasks ... --no-cache` run at that moment, crash, hang, or end differently from the app."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE
from test_replay import AS_OF, SETTLED, records, settle, wz

from wz_tasks import cachedir, cli, inputs, replay


@pytest.fixture(autouse=True)
def _short_tick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As in test_replay: inputs older than 20 ms are settled; runs start in an empty folder."""
    monkeypatch.setattr(cachedir, "RECENT_NS", 20_000_000)
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")


def _env(cache: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "WZ_TASKS_CACHE_DIR": str(cache), "WZ_TASKS_NO_CACHE": "", **extra}


def _sample(tmp_path: Path) -> Path:
    """The sample progress folder, older than the real clock's tick (so a run keeps a record)."""
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    time.sleep(SETTLED)
    return folder


def _cli(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "wz_tasks", *args]


# --- ending as the app ends -------------------------------------------------------------------


@pytest.mark.parametrize("stdout", ["full disk", "read-only descriptor"])
def test_a_replay_whose_output_cannot_be_written_ends_as_the_app_does(
    tmp_path: Path, stdout: str
) -> None:
    # the app says so and exits 3 (a full disk) or ends quietly (EBADF); a replay gave a
    # traceback and exit 1
    folder = _sample(tmp_path)
    args = _cli(["status", "--progress", str(folder), *AS_OF])
    env = _env(tmp_path / "c")
    kept = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path)
    assert kept.returncode == 0 and len(records(tmp_path / "c")) == 1
    target = "/dev/full" if stdout == "full disk" else os.devnull
    if stdout == "full disk" and not os.path.exists(target):
        pytest.skip("no /dev/full here")
    answers = []
    for extra in ([], ["--no-cache"]):
        with open(target, "wb" if stdout == "full disk" else "rb") as out:
            done = subprocess.run(
                [*args, *extra], stdout=out, stderr=subprocess.PIPE, env=env, cwd=tmp_path
            )
        answers.append((done.returncode, done.stderr.decode()))
    replayed, cold = answers
    assert "Traceback" not in replayed[1]
    assert replayed == cold


def test_ctrl_c_during_a_replay_exits_130_quietly_as_the_app_does(tmp_path: Path) -> None:
    # the bulletin is larger than a pipe holds: the replay blocks writing it until interrupted
    folder = _sample(tmp_path)
    args = _cli(["bulletin", "--progress", str(folder), *AS_OF])
    env = _env(tmp_path / "c")
    kept = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path)
    assert kept.returncode == 0 and len(kept.stdout) > 1 << 16
    assert len(records(tmp_path / "c")) == 1
    running = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=tmp_path
    )
    assert running.stdout is not None
    select.select([running.stdout], [], [], 20)  # it has started writing (the pipe is full)
    time.sleep(0.5)
    running.send_signal(signal.SIGINT)
    _, err = running.communicate(timeout=20)
    assert b"Traceback" not in err
    assert running.returncode == 130


def _homeless(tmp_path: Path, entry: str, *extra: str) -> tuple[int, bytes, bytes]:
    """A run with no HOME, no cache folder set, and a user the password database does not know
    (a container's random user): no home folder to keep a cache in."""
    probe = (
        "import pwd, sys\n"
        "def unknown(uid): raise KeyError(uid)\n"
        "pwd.getpwuid = unknown\n"
        "sys.argv[0] = 'wz-tasks'\n"
        f"from wz_tasks.{entry} import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
    env.pop("WZ_TASKS_CACHE_DIR", None)
    env["WZ_TASKS_NO_CACHE"] = ""
    args = [sys.executable, "-c", probe, "status", "--progress", str(tmp_path / "p"), *AS_OF]
    done = subprocess.run([*args, *extra], capture_output=True, env=env, cwd=tmp_path)
    return done.returncode, done.stdout, done.stderr


def test_without_a_home_folder_the_replay_ends_as_the_app_does(tmp_path: Path) -> None:
    # it ended in a traceback (Path.home() in cachedir.default_dir)
    shutil.copytree(SAMPLE, tmp_path / "p")
    replayed = _homeless(tmp_path, "replay")
    assert b"Traceback" not in replayed[2]
    assert replayed == _homeless(tmp_path, "cli")  # the app's own entry point


def test_without_a_home_folder_a_run_gives_the_uncached_answer(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE, tmp_path / "p")
    assert _homeless(tmp_path, "replay") == _homeless(tmp_path, "replay", "--no-cache")


def test_an_editors_lock_file_in_the_package_does_not_stop_a_run(tmp_path: Path) -> None:
    # a copy of the package (an editable install being edited): Emacs keeps a lock beside a
    # modified buffer, a symbolic link to user@host.pid that leads nowhere
    shutil.copytree(Path(replay.__file__).parent, tmp_path / "src" / "wz_tasks")
    shutil.copytree(Path(replay.__file__).parents[2] / "tasks", tmp_path / "tasks")
    (tmp_path / "src" / "wz_tasks" / ".#cli.py").symlink_to("someone@host.4242:1700000000")
    folder = _sample(tmp_path)
    env = _env(tmp_path / "c", PYTHONPATH=str(tmp_path / "src"))
    args = _cli(["status", "--progress", str(folder), *AS_OF])
    cached = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path)
    cold = subprocess.run([*args, "--no-cache"], capture_output=True, env=env, cwd=tmp_path)
    assert cold.returncode == 0
    assert (cached.returncode, cached.stdout, cached.stderr) == (0, cold.stdout, cold.stderr)


# --- a record that is not what a run of ours wrote --------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_record_that_is_not_a_regular_file_is_ignored_without_hanging(
    tmp_path: Path, kind: str
) -> None:
    # a FIFO in its place hung the run for ever; a link to /dev/zero read until memory ran out
    import resource

    folder = _sample(tmp_path)
    args = _cli(["status", "--progress", str(folder), *AS_OF])
    env = _env(tmp_path / "c")
    first = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path)
    (record,) = records(tmp_path / "c")
    record.unlink()
    if kind == "fifo":
        os.mkfifo(record)
    else:
        record.symlink_to("/dev/zero")

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    again = subprocess.run(
        args, capture_output=True, env=env, cwd=tmp_path, timeout=30, preexec_fn=limited
    )
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, b"")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to give a file away"
)
def test_a_record_owned_by_another_user_is_not_replayed(tmp_path: Path) -> None:
    # a shared WZ_TASKS_CACHE_DIR (a CI runner's, a server's): another user who can write there
    # and knows the key (a cron job's environment is predictable) must not decide the answer
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    text = "unit: 盐池县\ndate: 2025-12-20\nentries:\n  - task: 99\n    progress: 已推进\n"
    (folder / "broken.yaml").write_text(text, encoding="utf-8")
    settle()
    args = ["check", "--progress", str(folder), *AS_OF]
    cold = wz(args, None)
    assert cold[0] == 1
    wz(args, tmp_path / "c")
    (record,) = records(tmp_path / "c")
    found = json.loads(record.read_bytes())
    found["out"] = [[1, base64.b64encode("检查了 53 个文件:0 个错误,0 个警告\n".encode()).decode()]]
    found["exit"] = 0
    record.write_text(json.dumps(found), encoding="ascii")
    os.chown(record, 65534, 65534)
    assert wz(args, tmp_path / "c") == cold


# --- what the answer depends on ----------------------------------------------------------------


def test_a_run_across_midnight_in_china_keeps_no_record_for_the_day_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the record is named by the day the run started; the app ran on the next day
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    args = ["status", "--progress", str(folder), "--format", "json"]
    days = iter([dt.date(2026, 11, 27)])  # the first look (naming the record), then the 28th
    monkeypatch.setattr(inputs, "today_in_china", lambda: next(days, dt.date(2026, 11, 28)))
    wz(args, tmp_path / "c")  # named on the 27th, run on the 28th
    monkeypatch.setattr(inputs, "today_in_china", lambda: dt.date(2026, 11, 27))
    assert wz(args, tmp_path / "c") == wz([*args, "--no-cache"], tmp_path / "c")


def test_a_terminal_resized_while_the_app_runs_keeps_no_record_for_the_old_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the record is named by the size the run started with; the table was laid out for the new
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    settle()
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setattr(os, "isatty", lambda fd: fd in (0, 1, 2))
    started = []  # the terminal is 100 columns wide until the app starts, then 160
    monkeypatch.setattr(
        os, "get_terminal_size", lambda fd=1: os.terminal_size((160 if started else 100, 24))
    )
    app = cli.main

    def resized_as_it_starts() -> None:
        started.append(True)
        app()

    monkeypatch.setattr(cli, "main", resized_as_it_starts)
    args = ["status", "--progress", str(folder), *AS_OF]
    wz(args, tmp_path / "c")
    monkeypatch.setattr(cli, "main", app)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: os.terminal_size((100, 24)))
    assert wz(args, tmp_path / "c") == wz([*args, "--no-cache"], tmp_path / "c")


def test_a_link_out_of_the_progress_folder_whose_target_becomes_a_folder_is_seen(
    tmp_path: Path,
) -> None:
    folder, outside = tmp_path / "p", tmp_path / "elsewhere"
    shutil.copytree(SAMPLE, folder)
    outside.mkdir()
    (outside / "target").write_text("x", encoding="utf-8")
    (folder / "extra").symlink_to(outside / "target")  # not a .yaml: a link to a file is skipped
    settle()
    args = ["check", "--progress", str(folder), *AS_OF]
    assert wz(args, tmp_path / "c") == wz(args, tmp_path / "c")  # kept, and replayed
    (outside / "target").unlink()
    (outside / "target").mkdir()  # a link to a folder out of it is reported (WZ011)
    settle()
    cold = wz([*args, "--no-cache"], tmp_path / "c")
    assert cold[0] == 1 and "WZ011" in cold[1]
    assert wz(args, tmp_path / "c") == cold


@pytest.mark.parametrize("names", ["GBK file name", "C locale"])
def test_file_names_that_are_not_utf8_give_the_uncached_answer(tmp_path: Path, names: str) -> None:
    # a zip made on Chinese Windows unpacks to GBK names; under LC_ALL=C every Chinese name is
    # undecodable: with the cache on, every run ended in an internal error (exit 3)
    folder = tmp_path / "p"
    shutil.copytree(SAMPLE, folder)
    env = _env(tmp_path / "c")
    if names == "GBK file name":
        old = sorted(folder.glob("*.yaml"))[0]
        os.rename(bytes(old), bytes(folder) + b"/" + old.name.encode("gbk"))
    else:
        env.update(LANG="C", LC_ALL="C", PYTHONUTF8="0")
        env.pop("PYTHONIOENCODING", None)
    time.sleep(SETTLED)
    args = _cli(["check", "--progress", str(folder), *AS_OF])
    cached = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path)
    cold = subprocess.run([*args, "--no-cache"], capture_output=True, env=env, cwd=tmp_path)
    assert cold.returncode in (0, 1)
    assert (cached.returncode, cached.stdout, cached.stderr) == (
        cold.returncode,
        cold.stdout,
        cold.stderr,
    )
