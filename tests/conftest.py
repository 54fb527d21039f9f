from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from wz_tasks.load import load_task_list
from wz_tasks.models import Entry, Report, Submission
from wz_tasks.tasklist import TaskList

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "progress"
TASKS = ROOT / "tasks"
AS_OF = dt.date(2026, 11, 27)  # the day the sample data describes


@pytest.fixture(scope="session")
def tl() -> TaskList:
    return load_task_list()


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def sub(unit: str, date: str, *entries: dict[str, Any], path: str | None = None) -> Submission:
    """A valid submission made by hand: sub('市住建局', '2025-05-01', {'task': 1, ...})."""
    report = Report(unit=unit, date=d(date), entries=[Entry(**e) for e in entries])
    return Submission(unit, report, path or f"{date}-{unit}.yaml")


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never write to the user's cache directory."""
    import os

    os.environ["WZ_TASKS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
