"""WZ125 progress-missing: every entry says what was done (SPEC §9).

A figure or a `status` alone is not a report: an entry needs non-blank `progress` text. Missing
or blank is reported at the entry's `- task:` line; the template's blank (待填写) is WZ123, and a
`progress` of the wrong type is WZ103, so neither is reported twice. The file is then invalid as
a whole, so such an entry never resets the unit's reporting clock.

PASS::

    - task: 5
      progress: 建立联席会议制度,本季度召开会议2次

FAIL::

    - task: 5
    - task: 4
      value: 62
      progress: "  "
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ125",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    text = ctx.entry.progress
    if text is not None and text.strip():
        return
    if ctx.reported("progress"):
        return
    yield ctx.at("WZ125", {"item": ctx.item})
