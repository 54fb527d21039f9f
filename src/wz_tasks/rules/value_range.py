"""WZ109 value-out-of-range, WZ110 count-not-whole: an indicator's value fits its kind.

A percent is 0 to 100. A count is a whole number from 0 to COUNT_LIMIT (10 亿): no count in a
city's property service comes near it, and a larger figure (1e308) is a typing slip that would
otherwise overflow the arithmetic of `status`. Applies to `value` and to every `values` key.

PASS::

    - task: 4
      value: 62
    - task: 20            # a count
      value: 3

FAIL::

    - task: 4
      value: 100.0000001  # WZ109, shown as typed, never rounded to 100
    - task: 20
      value: 1e308        # WZ109, more than 10 亿
    - task: 20
      value: 2.5          # WZ110
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext, indicator_name, shown

IDS = ("WZ109", "WZ110")
COUNT_LIMIT = 1_000_000_000
PERCENT = {"zh": "百分比,应在 0 到 100 之间", "en": "a percentage, 0 to 100"}
COUNT = {
    "zh": "个数,应在 0 到 10 亿(1000000000)之间",
    "en": "a count, 0 to 1,000,000,000",
}


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    for where, val, ind in ctx.figures():
        if ind.kind == "percent":
            code, extra = ("WZ109", {"range": PERCENT}) if not 0 <= val <= 100 else ("", {})
        elif not 0 <= val <= COUNT_LIMIT:
            code, extra = "WZ109", {"range": COUNT}
        else:
            code, extra = ("WZ110", {}) if not float(val).is_integer() else ("", {})
        if code:
            params = {"field": where[-1], "value": shown(val), "indicator": indicator_name(ind)}
            yield ctx.at(code, {**params, **extra}, *where)
