"""A finished command ends its process at once when the entry point asks for it (options.finish,
QUICK_EXIT): the same output, the same exit code, with a reader that leaves early or no stdout."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE

from wz_tasks.commands import options

# The real entry point, with the quick exit on or off (as cli.main would set it).
ENTRY = (
    "import sys\n"
    "from wz_tasks.commands import options\n"
    "options.QUICK_EXIT = sys.argv.pop(1) == 'quick'\n"
    "from wz_tasks.cli import main\n"
    "sys.argv[0] = 'wz-tasks'\n"
    "main()\n"
)
AS_OF = ["--as-of", "2026-11-27"]


def _command(mode: str, *args: str) -> list[str]:
    return [sys.executable, "-c", ENTRY, mode, *args]


@pytest.fixture(scope="module")
def with_invalid(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("p")
    shutil.copytree(SAMPLE, folder, dirs_exist_ok=True)
    (folder / "bad.yaml").write_text(
        "unit: 盐池县\ndate: 2026-11-01\nentries:\n  - task: 99\n", encoding="utf-8"
    )
    return folder


ARGS = [
    ["status"],
    ["status", "-f", "json"],
    ["status", "-f", "csv"],
    ["report", "-u", "盐池县"],
    ["remind"],
    ["duties", "-f", "json"],
    ["show", "4"],
    ["check"],
]


@pytest.mark.parametrize("args", ARGS, ids=" ".join)
@pytest.mark.parametrize("folder", ["sample", "invalid"])
def test_a_quick_exit_says_and_exits_as_the_usual_one(
    args: list[str], folder: str, with_invalid: Path, tmp_path: Path
) -> None:
    progress = SAMPLE if folder == "sample" else with_invalid
    full = [*args, "--progress", str(progress), *AS_OF]
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path), "COLUMNS": "100", "PATH": "/usr/bin:/bin"}
    usual = subprocess.run(_command("usual", *full), capture_output=True, env=env)
    quick = subprocess.run(_command("quick", *full), capture_output=True, env=env)
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        usual.returncode,
        usual.stdout,
        usual.stderr,
    )
    assert usual.returncode == (0 if folder == "sample" else 1)
    assert usual.stdout


def test_a_reader_that_leaves_early_still_gets_the_exit_code(with_invalid: Path) -> None:
    proc = subprocess.Popen(
        _command("quick", "status", "--progress", str(with_invalid), *AS_OF, "-f", "json"),
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
    command = shlex.join(_command("quick", "status", "--progress", str(progress)))
    closed = subprocess.run(f"{command} --as-of 2026-11-27 >&-", shell=True, capture_output=True)
    assert closed.returncode == (0 if folder == "sample" else 1) and closed.stderr == b""


def test_in_process_the_quick_exit_is_off() -> None:
    # tests and CliRunner run commands in their own process, which must go on afterwards
    assert options.QUICK_EXIT is False


def test_with_the_quick_exit_the_process_ends_at_the_finished_command(tmp_path: Path) -> None:
    # what would run on the way out (here an atexit handler) does not: the process ended there
    marker = "import atexit; atexit.register(lambda: print('way out', file=sys.stderr))\n"
    entry = ENTRY.replace(
        "from wz_tasks.cli import main\n", marker + "from wz_tasks.cli import main\n"
    )
    args = ["status", "--progress", str(SAMPLE), *AS_OF]
    env = {"WZ_TASKS_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    ways = [
        subprocess.run([sys.executable, "-c", entry, mode, *args], capture_output=True, env=env)
        for mode in ("usual", "quick")
    ]
    assert [w.stderr for w in ways] == [b"way out\n", b""]
    assert ways[0].stdout == ways[1].stdout and ways[0].returncode == ways[1].returncode == 0


class _Built:
    """Something a command built (a workspace, an evaluation)."""


def test_a_process_without_the_cyclic_collector_leaves_what_it_built_to_the_system() -> None:
    import gc
    import weakref

    import typer

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
