"""WZ132 period-invalid, WZ133 period-mismatch, WZ134 period-after-date: `period:` names a
period of the item's own rhythm (SPEC §10.1) that has begun by the report's date.

PASS (县级主管部门-4 is quarterly)::

    date: 2025-12-20
    entries:
      - duty: 县级主管部门-4
        period: 2025-Q4

FAIL::

    - duty: 县级主管部门-4
      period: 2025年4季度      # not a period label
    - duty: 县级主管部门-4
      period: 2025-11          # a month, but the duty is quarterly
    - duty: 县级主管部门-4
      period: 2026-Q1          # not begun by 2025-12-20
"""

from __future__ import annotations

from collections.abc import Iterator

from wz_tasks.codes import Diagnostic
from wz_tasks.periods import label, parse_label, start_of
from wz_tasks.rules.context import EntryContext

IDS = ("WZ132", "WZ133", "WZ134")

_RHYTHM = {
    "week": {"zh": "每周", "en": "weekly"},
    "month": {"zh": "每月", "en": "monthly"},
    "quarter": {"zh": "每季度", "en": "quarterly"},
    "half_year": {"zh": "每半年", "en": "every half year"},
    "year": {"zh": "每年", "en": "yearly"},
}


def check(ctx: EntryContext) -> Iterator[Diagnostic]:
    text = ctx.entry.period
    item = ctx.duty or ctx.task
    if text is None or item is None:
        return
    named = parse_label(text)
    if named is None:
        yield ctx.at("WZ132", {"text": text}, "period")
        return
    every = item.every
    if every is None:
        hint = {"zh": "它不是周期性的,请删去 period。", "en": "It does not repeat: remove period."}
        rhythm = {"zh": "不定期", "en": "not periodically"}
        yield ctx.at(
            "WZ133", {"item": ctx.item, "rhythm": rhythm, "text": text, "hint": hint}, "period"
        )
        return
    kind, start = named
    if kind != every:
        date = ctx.file.date
        example = label(every, start_of(every, date or start))
        hint = {"zh": f"如 {example}。", "en": f"E.g. {example}."}
        params = {"item": ctx.item, "rhythm": _RHYTHM[every], "text": text, "hint": hint}
        yield ctx.at("WZ133", params, "period")
        return
    date = ctx.file.date
    if date is not None and start > date:
        params = {"text": text, "start": start.isoformat(), "date": date.isoformat()}
        yield ctx.at("WZ134", params, "period")
