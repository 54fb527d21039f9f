"""The finished results a command hands to a renderer: what to show, already decided."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wz_tasks.codes import Diagnostic
    from wz_tasks.evaluate import Evaluation, TaskResult, UnitView
    from wz_tasks.models import Task
    from wz_tasks.tasklist import TaskList


@dataclass(frozen=True)
class StatusResult:
    ev: Evaluation
    tl: TaskList
    invalid: dict[str, list[Diagnostic]]
    only: set[str] | None = None

    def shown(self, status: str) -> bool:
        """Whether `--only` keeps a task at `status`."""
        return not self.only or status in self.only


@dataclass(frozen=True)
class ReportResult:
    view: UnitView
    as_of: dt.date
    tl: TaskList
    invalid: dict[str, list[Diagnostic]]


@dataclass(frozen=True)
class TasksResult:
    tl: TaskList


@dataclass(frozen=True)
class ShowResult:
    tl: TaskList
    task: Task
    result: TaskResult
    invalid: dict[str, list[Diagnostic]]


@dataclass(frozen=True)
class UnitsResult:
    tl: TaskList


@dataclass(frozen=True)
class CheckResult:
    files: int
    diagnostics: list[Diagnostic]
