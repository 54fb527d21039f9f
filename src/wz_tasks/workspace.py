"""The imperative shell's one job: read the task list and progress files, check them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wz_tasks.cache import ParseCache
from wz_tasks.load import ParsedReport, discover, read_report
from wz_tasks.rules import Checked, check_reports
from wz_tasks.tasklist import TaskList

CST = dt.timezone(dt.timedelta(hours=8), "CST")
DEFAULT_PROGRESS = Path("progress")


def today_in_china(now: dt.datetime | None = None) -> dt.date:
    """Today in China Standard Time (UTC+8), whatever the machine's time zone."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(CST).date()


class MissingPath(Exception):
    """A progress path the user named does not exist (a usage error)."""


@dataclass
class Workspace:
    task_list: TaskList
    checked: Checked
    files: list[str]  # every progress file read


def progress_paths(given: Sequence[Path] | None) -> tuple[list[Path], bool]:
    """The progress paths to read and whether they are the default ./progress."""
    if given:
        return list(given), False
    return [DEFAULT_PROGRESS], True


def identity(path: str | Path) -> tuple[int, int] | str:
    """The same file however it is named (overlapping paths, links): its device and inode."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.abspath(path)
    return (st.st_dev, st.st_ino)


def read_progress(
    paths: Sequence[Path],
    defaulted: bool,
    cache: ParseCache | None = None,
    seen: set[tuple[int, int] | str] | None = None,
) -> tuple[list[ParsedReport], bool]:
    """Parse every progress file under `paths` once (skipping `seen`); also whether the
    default ./progress was missing."""
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing and not defaulted:
        raise MissingPath(", ".join(str(p) for p in missing))
    if missing:
        return [], True
    seen = set() if seen is None else seen
    parsed = []
    for file in discover(paths):
        key = identity(file)
        if key not in seen:
            seen.add(key)
            parsed.append(read_report(file, cache))
    return parsed, False


def open_workspace(
    task_list: TaskList,
    progress: Sequence[Path] | None,
    as_of: dt.date,
    future_is_error: bool = False,
    extra: Sequence[ParsedReport] = (),
    cache: ParseCache | None = None,
) -> tuple[Workspace, bool]:
    """Read and check the progress files against the task list. Raises MissingPath.

    `extra`: files named on the command line (`check FILE`), read beside the progress path.
    """
    paths, defaulted = progress_paths(progress)
    # Files named on the command line keep the spelling the user gave them.
    named = {identity(p.path) for p in extra}
    context, default_missing = read_progress(paths, defaulted, cache, named)
    parsed = [*extra, *context]
    checked = check_reports(task_list, parsed, as_of, future_is_error)
    if cache is not None:
        if any(p.learned for p in parsed):
            cache.learned()
        cache.save()
    return Workspace(task_list, checked, [p.path for p in parsed]), default_missing
