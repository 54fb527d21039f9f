"""The imperative shell's one job: read the task list and progress files, check them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from wz_tasks.load import ParsedReport, discover, load_task_list, read_report
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
    note: str | None  # e.g. "no ./progress folder"


def progress_paths(given: Sequence[Path] | None) -> tuple[list[Path], bool]:
    """The progress paths to read and whether they are the default ./progress."""
    if given:
        return list(given), False
    return [DEFAULT_PROGRESS], True


def read_progress(paths: Sequence[Path], defaulted: bool) -> tuple[list[ParsedReport], bool]:
    """Parse every progress file under `paths`; (reports, whether the default was missing)."""
    missing = [p for p in paths if not p.exists() and not p.is_symlink()]
    if missing and not defaulted:
        raise MissingPath(", ".join(str(p) for p in missing))
    if missing:
        return [], True
    seen: set[str] = set()
    parsed = []
    for file in discover(paths):
        key = os.path.realpath(file)
        if key in seen:
            continue
        seen.add(key)
        parsed.append(read_report(file))
    return parsed, False


def open_workspace(
    tasks: Path | None,
    progress: Sequence[Path] | None,
    as_of: dt.date,
    future_is_error: bool = False,
    extra: Sequence[ParsedReport] = (),
) -> tuple[Workspace, bool]:
    """Load everything a command needs. Raises TaskListError or MissingPath.

    `extra`: files named on the command line (`check FILE`), read beside the progress path.
    """
    task_list = load_task_list(tasks)
    paths, defaulted = progress_paths(progress)
    context, default_missing = read_progress(paths, defaulted)
    # Files named on the command line keep the spelling the user gave them.
    known = {os.path.realpath(p.path) for p in extra}
    parsed = [*extra, *(p for p in context if os.path.realpath(p.path) not in known)]
    checked = check_reports(task_list, parsed, as_of, future_is_error)
    return Workspace(task_list, checked, [p.path for p in parsed], None), default_missing
