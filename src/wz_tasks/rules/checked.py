"""What `check` found: the one piece of the rules a warm run needs (warm.py), in a module of its
own so that such a run does not import the rules themselves (rules/__init__.py re-exports it)."""

from __future__ import annotations

from dataclasses import dataclass

from wz_tasks.codes import Diagnostic
from wz_tasks.models import Submission


@dataclass
class Checked:
    """All files' diagnostics, sorted, and the reports that may be counted."""

    diagnostics: list[Diagnostic]
    submissions: list[Submission]
    invalid: dict[str, list[Diagnostic]]  # path -> its diagnostics, files with errors only
