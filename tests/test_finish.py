"""How a finished command leaves its process (options.finish): what it built is left to the
system instead of being freed object by object, and the way out is otherwise the usual one."""

from __future__ import annotations

import gc
import shlex
import shutil
import subprocess
import sys
import time
import weakref
from pathlib import Path

import pytest
import typer
from conftest import SAMPLE

from wz_tasks import cachedir
from wz_tasks.commands import options

# The real entry point (cli.main, which turns the cyclic collector off), run as a process.
ENTRY = "import sys\nsys.argv[0] = 'wz-tasks'\nfrom wz_tasks.cli import main\nmain()\n"
AS_OF = ["--as-of", "2026-11-27"]


def _command(*args: str, entry: str = ENTRY) -> list[str]:
    return [sys.executable, "-c", entry, *args]


@pytest.fixture(scope="module")
def with_invalid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("p")
    shutil.copytree(SAMPLE, folder, dirs_exist_ok=True)
    (folder / "bad.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-01\nentries:\n  - task: 99\n", encoding="utf-8"
    )
    time.sleep(cachedir.RECENT_NS / 1e9 + 0.1)  # older than the clock's tick: a record is kept
    return folder


class _Built:
    """Something a command built (a workspace, an evaluation)."""


def test_a_process_without_the_cyclic_collector_leaves_what_it_built_to_the_system() -> None:
    built = _Built()
    alive = weakref.ref(built)
    frozen = gc.get_freeze_count()
    with pytest.raises(typer.Exit):  # in-process, the collector on: freed as usual
        options.finish(1, built)
    del built
    assert alive() is None and gc.get_freeze_count() == frozen
    gc.disable()  # as cli.main does
    try:
        built = _Built()
        alive = weakref.ref(built)
        with pytest.raises(typer.Exit) as exited:
            options.finish(1, built)
        del built
        assert exited.value.exit_code == 1
        assert alive() is not None  # not freed one object at a time: the system takes it back
        assert gc.get_freeze_count() > frozen  # nor walked by the last collection
    finally:
        gc.unfreeze()
        gc.enable()
        gc.collect()


def test_what_runs_on_the_way_out_still_runs(tmp_path: Path) -> None:
    marker = "import atexit; atexit.register(lambda: print('way out', file=sys.stderr))\n"
    entry = ENTRY.replace("from wz_tasks.cli", marker + "from wz_tasks.cli")
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        _command("status", "--progress", str(SAMPLE), *AS_OF, entry=entry),
        capture_output=True,
        env=env,
    )
    assert (done.returncode, done.stderr) == (0, b"way out\n") and done.stdout


@pytest.mark.parametrize("args", [["status"], ["status", "-f", "csv"], ["report", "-u", "盐池县"]])
def test_the_exit_code_says_an_invalid_file_was_found(
    args: list[str], with_invalid: Path, tmp_path: Path
) -> None:
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    for run in range(2):  # checked, then from the warm record
        done = subprocess.run(
            _command(*args, "--progress", str(with_invalid), *AS_OF), capture_output=True, env=env
        )
        assert done.returncode == 1 and "bad.yaml" in (done.stdout + done.stderr).decode()
        assert run == 1 or list(tmp_path.rglob("warm-*.json"))  # the second run recalls it


def test_a_reader_that_leaves_early_still_gets_the_exit_code(with_invalid: Path) -> None:
    proc = subprocess.Popen(
        _command("status", "--progress", str(with_invalid), *AS_OF, "-f", "json"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait() == 1 and err == b""


@pytest.mark.parametrize("folder", ["sample", "invalid"])
def test_a_closed_stdout_still_gets_the_exit_code(folder: str, with_invalid: Path) -> None:
    progress = SAMPLE if folder == "sample" else with_invalid
    command = shlex.join(_command("status", "--progress", str(progress)))
    closed = subprocess.run(f"{command} --as-of 2026-11-27 >&-", shell=True, capture_output=True)
    assert closed.returncode == (0 if folder == "sample" else 1) and closed.stderr == b""
