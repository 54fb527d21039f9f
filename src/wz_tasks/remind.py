"""催报 (SPEC §10.5): who owes what by when — reports due or late, deadlines near or passed.

A pure function of an evaluation: no clock, no I/O. The words are the renderers'.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wz_tasks.evaluate import Evaluation, ItemRef, UnitResult
from wz_tasks.models import Level, Submission
from wz_tasks.reporting import escalation
from wz_tasks.status import Status

KINDS = ("overdue", "report_late", "due_soon", "report_due")  # most urgent first


@dataclass(frozen=True)
class Reminder:
    item: ItemRef
    kind: str  # one of KINDS
    deadline: dt.date | None
    days: int | None  # days past the deadline (overdue, report_late) or left
    result: UnitResult  # the verdict it comes from, for the details


@dataclass(frozen=True)
class UnitReminders:
    unit: str
    contact: str | None  # from the unit's newest progress file
    escalation: str | None  # the highest level any of its items reached
    missed_in_a_row: int
    items: tuple[Reminder, ...]


def _contacts(submissions: Iterable[Submission], as_of: dt.date) -> dict[str, str]:
    newest: dict[str, tuple[dt.date, str, str]] = {}
    for s in submissions:
        if s.report.date <= as_of and s.report.contact:
            seen = newest.get(s.unit)
            if seen is None or (s.report.date, s.path) > seen[:2]:
                newest[s.unit] = (s.report.date, s.path, s.report.contact)
    return {unit: v[2] for unit, v in newest.items()}


def _reminders(ref: ItemRef, u: UnitResult, day: dt.date, within: int) -> list[Reminder]:
    out = []
    rep = u.reporting
    if rep.behind and rep.next_due is not None:
        out.append(Reminder(ref, "report_late", rep.next_due, (day - rep.next_due).days, u))
    elif rep.next_due is not None and (rep.next_due - day).days <= within:
        out.append(Reminder(ref, "report_due", rep.next_due, (rep.next_due - day).days, u))
    for p in u.parts:
        if p.due is None:
            continue
        if p.status is Status.OVERDUE:
            out.append(Reminder(ref, "overdue", p.due, p.days, u))
        elif not p.status.done and 0 <= (p.due - day).days <= within:
            out.append(Reminder(ref, "due_soon", p.due, (p.due - day).days, u))
    return out


def _order(ref: ItemRef) -> tuple[int, str, int]:
    """Tasks by number, then duties by holder and number (市住建局-2 before 市住建局-10)."""
    if ref.kind == "task":
        return (0, "", int(ref.key))
    holder, _, n = str(ref.key).rpartition("-")
    return (1, holder, int(n) if n.isdigit() else 0)


def remind(
    ev: Evaluation,
    submissions: Iterable[Submission],
    levels: list[Level],
    within: int,
    unit: str | None = None,
) -> list[UnitReminders]:
    """Each unit that owes something within `within` days, the most pressed first."""
    day = ev.evaluated_on or ev.as_of
    contacts = _contacts(submissions, day)
    found: dict[str, list[Reminder]] = {}
    worst_missed: dict[str, int] = {}
    for ref, u in ev.lead_results():
        if unit is not None and u.unit != unit:
            continue
        items = _reminders(ref, u, day, within)
        if items:
            found.setdefault(u.unit, []).extend(items)
            worst_missed[u.unit] = max(worst_missed.get(u.unit, 0), u.reporting.missed_in_a_row)
    out = []
    for name, items in found.items():
        items.sort(key=lambda r: (KINDS.index(r.kind), r.deadline or day, _order(r.item)))
        missed = worst_missed[name]
        level = escalation(levels, missed)
        out.append(UnitReminders(name, contacts.get(name), level, missed, tuple(items)))
    out.sort(key=lambda r: (-r.missed_in_a_row, KINDS.index(r.items[0].kind), r.unit))
    return out
