"""WZ106 unknown-unit, WZ107 group-not-unit: `unit:` must name one reporting unit.

PASS::

    unit: 盐池县          # an alias of 盐池县人民政府

FAIL::

    unit: 盐池            # WZ106, suggests 盐池县人民政府
    unit: 各县(市、区)人民政府   # WZ107, a group: each member reports on its own
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import FileContext

IDS = ("WZ106", "WZ107")


def check(ctx: FileContext) -> Iterator[Diagnostic]:
    usable = ctx.pr.usable
    if usable is None or usable.unit is None:
        return
    resolved = ctx.tl.registry.resolve(usable.unit)
    if resolved is None:
        near = ctx.tl.registry.suggest(usable.unit)
        hint = (
            {"zh": "是不是 " + "、".join(near) + "?", "en": "Did you mean " + ", ".join(near) + "?"}
            if near
            else {
                "zh": "请用 wz-tasks units 查看单位名称。",
                "en": "See wz-tasks units for the names.",
            }
        )
        yield ctx.at("WZ106", {"unit": usable.unit, "hint": hint}, "unit")
    elif resolved.is_group:
        members = "、".join(resolved.members)
        yield ctx.at("WZ107", {"unit": resolved.name, "members": members}, "unit")
