"""WZ130 unknown-duty: `duty:` is a key of Attachment 1 (附件1), as `wz-tasks duties` lists them.
An entry with an unknown duty is checked no further.

PASS::

    - duty: 县级主管部门-4

FAIL::

    - duty: 县级主管部门-99
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext

IDS = ("WZ130",)


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    key = ctx.entry.duty
    if key is None or ctx.duty is not None:
        return
    tl = ctx.file.tl
    unit = ctx.file.unit
    mine = [d.key for d in tl.duties_of(unit)] if unit is not None else []
    near = difflib.get_close_matches(key, mine or list(tl.duties), n=3, cutoff=0.5)
    if near:
        hint = {
            "zh": "是不是 " + "、".join(near) + "?",
            "en": "Did you mean " + ", ".join(near) + "?",
        }
    else:
        hint = {
            "zh": "用 wz-tasks duties 查看职责编号。",
            "en": "See wz-tasks duties for the keys.",
        }
    yield ctx.at("WZ130", {"duty": key, "hint": hint}, "duty")
