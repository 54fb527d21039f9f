"""WZ112 ratio-on-count, WZ113 ratio-invalid, WZ114 ratio-mismatch: numerator/denominator.

Only a percent indicator (the task's primary one) takes `numerator` and `denominator`, both
together, with 0 ≤ numerator ≤ denominator and denominator > 0; a `value` given beside them
may differ from numerator/denominator×100 by at most 0.5.

PASS::

    - task: 4
      value: 62
      numerator: 31
      denominator: 50

FAIL::

    - task: 20              # WZ112: a count
      numerator: 2
      denominator: 3
    - task: 4               # WZ113: numerator alone; or 0 denominator; or 60 of 50
      numerator: 31
    - task: 4               # WZ114: 31/50 is 62
      value: 70
      numerator: 31
      denominator: 50
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.rules.context import EntryContext, computed, indicator_name, shown

IDS = ("WZ112", "WZ113", "WZ114")
TOLERANCE = 0.5


def _why(zh: str, en: str) -> dict[str, dict[str, str]]:
    return {"why": {"zh": zh, "en": en}}


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    task, entry = ctx.task, ctx.entry
    num, den = entry.numerator, entry.denominator
    if task is None or not task.indicators or (num is None and den is None):
        return
    primary = task.indicators[0]
    first = "numerator" if num is not None else "denominator"
    if primary.kind == "count":
        yield ctx.at("WZ112", {"indicator": indicator_name(primary)}, first, key=True)
    elif num is None or den is None:
        if ctx.reported("numerator" if num is None else "denominator"):
            return  # the other one was written, but wrongly: reported as such already
        why = _why("numerator 和 denominator 要同时填写", "give both numerator and denominator")
        yield ctx.at("WZ113", why, first, key=True)
    elif den <= 0:
        why = _why(f"分母 {shown(den)} 应大于 0", f"denominator {shown(den)} must be > 0")
        yield ctx.at("WZ113", why, "denominator")
    elif num < 0:
        why = _why(f"分子 {shown(num)} 不能为负", f"numerator {shown(num)} must be ≥ 0")
        yield ctx.at("WZ113", why, "numerator")
    elif num > den:
        why = _why(
            f"分子 {shown(num)} 大于分母 {shown(den)}",
            f"numerator {shown(num)} exceeds denominator {shown(den)}",
        )
        yield ctx.at("WZ113", why, "numerator")
    elif entry.value is not None and abs(entry.value - num / den * 100) > TOLERANCE:
        params = {"value": shown(entry.value), "computed": computed(num / den * 100)}
        yield ctx.at("WZ114", params, "value")
