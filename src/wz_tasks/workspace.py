"""The imperative shell's one job: read the task list and progress files, check them."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wz_tasks import inputs
from wz_tasks.cache import ParseCache
from wz_tasks.codes import Diagnostic
from wz_tasks.load import ParsedReport, RefusedPath, read_report, walk_stats
from wz_tasks.rules import Checked, check_reports
from wz_tasks.tasklist import TaskList

if TYPE_CHECKING:
    from wz_tasks.evaluate import Evaluation

DEFAULT_PROGRESS = Path("progress")


class MissingPath(Exception):
    """A progress path the user named does not exist (a usage error)."""


@dataclass
class Workspace:
    task_list: TaskList
    checked: Checked
    files: list[str]  # every progress file read

    def evaluate(self, as_of: dt.date, window: int | None = None) -> Evaluation:
        """Every verdict as of `as_of` on the reports that passed every check."""
        from wz_tasks.evaluate import evaluate

        return evaluate(self.task_list, self.checked.submissions, as_of, window)


def progress_paths(given: Sequence[Path | str] | None) -> tuple[list[Path], bool]:
    """The progress paths to read and whether they are the default ./progress.

    Empty elements (`progress:` or `:progress` in WZ_TASKS_PROGRESS) are ignored, never taken
    as the current folder; when none remain, the default is used.
    """
    paths = [Path(p) for p in given or () if str(p).strip()]
    if paths:
        return paths, False
    return [DEFAULT_PROGRESS], True


def split_progress(value: str | None) -> list[Path] | None:
    """WZ_TASKS_PROGRESS's paths (joined by os.pathsep), empty elements dropped; None if none."""
    paths = [Path(p) for p in (value or "").split(os.pathsep) if p.strip()]
    return paths or None


def _exists(path: Path) -> bool:
    inputs.note(path)  # a progress path made (or removed) later changes the run
    try:
        os.lstat(path)
    except OSError as exc:  # a name too long is there to be reported, not a missing path
        return exc.errno not in (errno.ENOENT, errno.ENOTDIR)
    return True


def identity(path: str | Path) -> tuple[int, int] | str:
    """The same file however it is named (overlapping paths, links): its device and inode."""
    st = inputs.probe(path)
    if st is None:
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
    missing = [p for p in paths if not _exists(p)]
    if missing and not defaulted:
        raise MissingPath(", ".join(str(p) for p in missing))
    if missing:
        return [], True
    seen = set() if seen is None else seen
    parsed = []
    for name, st, reason in walk_stats(paths):  # each file's status as the walk took it
        key = (st.st_dev, st.st_ino) if st is not None else identity(name)
        if key not in seen:
            seen.add(key)
            file = Path(name) if reason is None else RefusedPath.of(name, reason)
            parsed.append(read_report(file, cache))
    return parsed, False


def open_workspace(
    task_list: TaskList,
    progress: Sequence[Path] | None,
    as_of: dt.date,
    future_is_error: bool = False,
    extra: Sequence[ParsedReport] = (),
    cache: ParseCache | None = None,
    ignore: frozenset[str] = frozenset(),
) -> tuple[Workspace, bool]:
    """Read and check the progress files against the task list. Raises MissingPath.

    `extra`: files named on the command line (`check FILE`), read beside the progress path.
    `ignore`: warning codes the config file silences everywhere (SPEC §13), as `# noqa` does.
    """
    paths, defaulted = progress_paths(progress)
    snapshot = None
    if cache is not None and not extra:  # unchanged files: what the last run checked (warm.py)
        from wz_tasks.warm import Snapshot

        day = as_of if future_is_error else None
        snapshot = Snapshot(cache, task_list.key, paths, day)
        if (kept := snapshot.recall()) is not None:
            return (
                Workspace(task_list, acknowledged(kept, snapshot.noted, ignore), snapshot.files),
                False,
            )
    # Files named on the command line keep the spelling the user gave them.
    named = {identity(p.path) for p in extra}
    context, default_missing = read_progress(paths, defaulted, cache, named)
    parsed = [*extra, *context]
    checked = check_reports(task_list, parsed, as_of, future_is_error)
    if snapshot is not None:
        snapshot.keep(checked, parsed)
    checked = acknowledged(checked, parsed, ignore)
    if cache is not None:
        if any(p.learned for p in parsed):
            cache.learned()
        cache.save()
    return Workspace(task_list, checked, [p.path for p in parsed]), default_missing


def acknowledged(
    checked: Checked, parsed: Sequence[ParsedReport], ignore: frozenset[str] = frozenset()
) -> Checked:
    """Drop the warnings a `# noqa` comment on their line acknowledges (`# noqa: WZ201,WZ202`
    those codes, a bare `# noqa` every code), and those whose code is in `ignore` (the config
    file's): the one place check, status and report share.

    Errors stay: a file with an error is not counted, and that must never go unsaid."""
    noqa = {pr.path: pr.doc.noqa for pr in parsed if pr.doc is not None and pr.doc.noqa}
    if not noqa and not ignore:
        return checked

    def kept(d: Diagnostic) -> bool:
        if d.severity == "error":
            return True
        if d.code in ignore:
            return False
        codes = noqa.get(d.path, {}).get(d.line)
        return codes is None or (bool(codes) and d.code not in codes)

    checked.diagnostics = [d for d in checked.diagnostics if kept(d)]
    checked.invalid = {
        path: [d for d in diags if kept(d)] for path, diags in checked.invalid.items()
    }
    return checked
