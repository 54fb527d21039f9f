"""What a rule looks at: one file, or one entry of it, with the task list and the dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from wz_tasks.codes import Diagnostic
from wz_tasks.load import ParsedReport
from wz_tasks.models import Duty, Entry, Indicator, Task
from wz_tasks.tasklist import TaskList


def shown(x: float) -> str:
    """A number as the user gave it: 62 not 62.0, and never rounded (100.0000001, 1e308)."""
    if float(x).is_integer() and abs(x) < 1e16:
        return str(int(x))
    return repr(float(x)).replace("e+", "e")


@dataclass(slots=True)
class FileContext:
    """One report's valid parts, its unit as resolved, and the day `check` judges it on."""

    tl: TaskList
    pr: ParsedReport
    unit: str | None  # canonical, when `unit:` names a unit
    date: dt.date | None  # the report's date, when valid
    as_of: dt.date | None  # set only when a report dated after it is an error

    def at(self, code: str, params: dict[str, Any], *path: str | int) -> Diagnostic:
        return self.pr.at(code, params, *path)

    def already_reported(self, *path: str | int) -> bool:
        """Whether reading the file already found something wrong with the value at `path`."""
        if not self.pr.diagnostics or self.pr.doc is None:  # a clean file: nothing was
            return False
        loc = self.pr.doc.locs.get(path)
        return loc is not None and any((d.line, d.column) == loc for d in self.pr.diagnostics)


@dataclass(slots=True)
class EntryContext:
    """One entry of a report, with its task or duty (None when unknown or not named)."""

    file: FileContext
    i: int  # its index under entries:
    entry: Entry
    task: Task | None
    first: int | None  # the index of an earlier entry for the same item (and period), if any
    duty: Duty | None = None

    @property
    def item(self) -> dict[str, str]:
        """What the entry is about, as messages name it: 任务 4 / 职责 县级主管部门-4."""
        if self.entry.duty is not None:
            return {"zh": f"职责 {self.entry.duty}", "en": f"duty {self.entry.duty}"}
        return {"zh": f"任务 {self.entry.task}", "en": f"task {self.entry.task}"}

    @property
    def field(self) -> str:
        """The field that names the item: task or duty."""
        return "duty" if self.entry.duty is not None else "task"

    def at(
        self, code: str, params: dict[str, Any], *path: str | int, key: bool = False
    ) -> Diagnostic:
        """A diagnostic about this entry's value at `path` (its key's place with `key`)."""
        pr = self.file.pr
        full = ("entries", self.i, *path)
        if key and pr.doc is not None and full in pr.doc.key_locs:
            line, column = pr.doc.key_locs[full]
            return Diagnostic(pr.path, line, column, code, params)
        return pr.at(code, params, *full)

    def reported(self, name: str) -> bool:
        """Whether reading the file already rejected this entry's field `name` (so it is absent
        here although the user wrote it)."""
        return self.file.already_reported("entries", self.i, name)

    def figures(self) -> list[tuple[tuple[str, ...], float, Indicator]]:
        """(where, value, indicator) for `value` and every known key under `values`."""
        task = self.task
        if task is None or not task.indicators:
            return []
        out: list[tuple[tuple[str, ...], float, Indicator]] = []
        if self.entry.value is not None:
            out.append((("value",), self.entry.value, task.indicators[0]))
        for key, val in (self.entry.values or {}).items():
            ind = task.indicator(key)
            if ind is not None:
                out.append((("values", key), val, ind))
        return out


def computed(x: float) -> str:
    """A value worked out from numerator/denominator, to one decimal as WZ114 gives it."""
    return shown(round(x, 1))


def value_text(task: Task, ind: Indicator, entry: Entry, v: float) -> str:
    """An indicator's value as the entry gives it, or as computed from its ratio."""
    given = entry.value if ind is task.indicators[0] else None
    return shown(v) if given is not None or ind is not task.indicators[0] else computed(v)


def indicator_name(ind: Indicator) -> dict[str, str]:
    return {"zh": ind.name, "en": ind.key}
