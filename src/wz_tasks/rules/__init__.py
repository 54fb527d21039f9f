"""The rules `check` applies to progress files once the task list is known (SPEC §6, §9).

Reading and schema problems come from load.py; here are the rules that need the task list, the
as-of date, or the other files. One rule (or a few codes of one idea) per module, as yamllint
does: each has its `IDS`, a docstring with a PASS and a FAIL example, and a `check()` generator
of diagnostics. codes.py holds their messages. Adding a rule is one module plus two lines in
`registry()` below (its import, its place in a tuple).

The rule modules are imported when the registry is first used (`check_reports`, or one of its
names: `FILE_RULES`, `MODULES`, …), not with this package: a warm run, which takes what the last
run checked (warm.py), needs only `Checked` and imports no rule.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, NamedTuple

from wz_tasks.codes import Diagnostic
from wz_tasks.models import Entry, Submission
from wz_tasks.rules.checked import Checked

if TYPE_CHECKING:
    from wz_tasks.load import ParsedReport
    from wz_tasks.rules.context import EntryContext, FileContext
    from wz_tasks.tasklist import TaskList

__all__ = [
    "ANY_ENTRY_RULES",
    "CLAIM_RULES",
    "ENTRY_RULES",
    "FILE_RULES",
    "GATES",
    "MODULES",
    "Checked",
    "check_reports",
    "registry",
]

FileRule = Callable[["FileContext"], Iterator[Diagnostic]]
EntryRule = Callable[["EntryContext"], Iterator[Diagnostic]]


class Registry(NamedTuple):
    """Every rule, in the order `check` applies them."""

    FILE_RULES: tuple[FileRule, ...]
    ANY_ENTRY_RULES: tuple[EntryRule, ...]
    GATES: tuple[EntryRule, ...]
    ENTRY_RULES: tuple[EntryRule, ...]
    CLAIM_RULES: tuple[EntryRule, ...]
    MODULES: tuple[ModuleType, ...]


@functools.cache
def registry() -> Registry:
    """The rules, their modules imported on first use."""
    from wz_tasks.rules import (
        date_before_policy,
        date_in_future,
        done_below_target,
        done_on,
        done_on_ongoing,
        duplicate_report,
        duplicate_task,
        item_named,
        period,
        progress_missing,
        ratio,
        sign_off,
        text_characters,
        unit_not_on_duty,
        unit_not_on_task,
        unknown_duty,
        unknown_indicator,
        unknown_task,
        unknown_unit,
        value_decreased,
        value_range,
        value_without_indicator,
    )

    return Registry(
        # Rules on a file as a whole.
        FILE_RULES=(
            unknown_unit.check,
            date_before_policy.check,
            date_in_future.check,
            text_characters.check,
            sign_off.check,
        ),
        # Rules on every entry, whatever its task.
        ANY_ENTRY_RULES=(progress_missing.check,),
        # An entry these reject (unknown task, second entry for a task) is checked no further.
        GATES=(
            item_named.check,
            unknown_task.check,
            unknown_duty.check,
            duplicate_task.check,
        ),
        # Rules on an entry of a known task or duty.
        ENTRY_RULES=(unit_not_on_task.check, unit_not_on_duty.check, period.check),
        # Rules on an entry's figures, `status: done` and `done_on`: most entries have none of
        # them (text only), and skipping these for them keeps a city's check ~0.1 s faster
        # (20,000 entries).
        CLAIM_RULES=(
            value_without_indicator.check,
            unknown_indicator.check,
            value_range.check,
            ratio.check,
            done_on_ongoing.check,
            done_on.check,
            done_below_target.check,
        ),
        # Every module of a rule, for the docs and the tests.
        MODULES=(
            unknown_unit,
            date_before_policy,
            date_in_future,
            text_characters,
            sign_off,
            progress_missing,
            item_named,
            unknown_task,
            unknown_duty,
            duplicate_task,
            unit_not_on_task,
            unit_not_on_duty,
            period,
            value_without_indicator,
            unknown_indicator,
            value_range,
            ratio,
            done_on_ongoing,
            done_on,
            done_below_target,
            duplicate_report,
            value_decreased,
        ),
    )


def __getattr__(name: str) -> tuple[object, ...]:
    """`rules.FILE_RULES`, `rules.MODULES`, …: the registry's parts, as before it was lazy."""
    if name in Registry._fields:
        return getattr(registry(), name)  # type: ignore[no-any-return]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _claims(entry: Entry) -> bool:
    """Whether an entry gives a figure, says it is done or when: what CLAIM_RULES look at."""
    return (
        entry.value is not None
        or entry.numerator is not None
        or entry.denominator is not None
        or entry.values is not None
        or entry.done_on is not None
        or entry.status == "done"
    )


def _file_rules(
    tl: TaskList, pr: ParsedReport, as_of: dt.date | None
) -> tuple[list[Diagnostic], str | None]:
    """Every rule on the valid parts of one report; its diagnostics and its canonical unit."""
    from wz_tasks.rules.context import EntryContext, FileContext

    rules = registry()
    usable = pr.usable
    assert usable is not None
    resolved = tl.registry.resolve(usable.unit) if usable.unit is not None else None
    unit = resolved.name if resolved is not None and not resolved.is_group else None
    ctx = FileContext(tl, pr, unit, usable.date, as_of)
    out = [d for rule in rules.FILE_RULES for d in rule(ctx)]
    first: dict[tuple[str, object, str | None], int] = {}  # item and period -> its first entry
    for i, entry in usable.entries:
        task = tl.tasks.get(entry.task) if entry.task is not None else None
        duty = tl.duties.get(entry.duty) if entry.duty is not None else None
        item = ("duty", entry.duty) if entry.duty is not None else ("task", entry.task)
        key = (*item, entry.period)
        ectx = EntryContext(ctx, i, entry, task, first.get(key), duty)
        for rule in rules.ANY_ENTRY_RULES:
            out += rule(ectx)
        stopped = [d for gate in rules.GATES for d in gate(ectx)]
        if stopped:
            out += stopped
            continue
        first[key] = i
        for rule in rules.ENTRY_RULES:
            out += rule(ectx)
        if _claims(entry):
            for rule in rules.CLAIM_RULES:
                out += rule(ectx)
    return out, unit


def check_reports(
    tl: TaskList, parsed: list[ParsedReport], as_of: dt.date, future_is_error: bool
) -> Checked:
    """Apply every rule to every file; a file with an error is left out of the submissions.

    `future_is_error`: `check` rejects a report dated after D; status merely does not count it.
    """
    from wz_tasks.rules import date_in_future, duplicate_report, value_decreased
    from wz_tasks.rules.context import FileContext

    by_path: dict[str, list[Diagnostic]] = {pr.path: list(pr.diagnostics) for pr in parsed}
    units: dict[str, str] = {}
    day = as_of if future_is_error else None
    for pr in parsed:
        if pr.usable is None:
            continue
        clean_before = pr.report is not None and not pr.diagnostics and bool(tl.key)
        unit: str | None
        if clean_before and tl.key in pr.passed:  # this content passed under this task list
            unit = pr.passed[tl.key]
            ctx = FileContext(tl, pr, unit, pr.usable.date, day)
            diags = list(date_in_future.check(ctx))
        else:
            diags, unit = _file_rules(tl, pr, day)
            if clean_before and unit is not None and all(d.code == "WZ118" for d in diags):
                pr.passed[tl.key] = unit
                pr.learned = True
        by_path[pr.path] += diags
        if unit is not None:
            units[pr.path] = unit
    usable = [(pr, units[pr.path]) for pr in parsed if pr.path in units and pr.report is not None]
    for d in duplicate_report.check(usable):
        by_path[d.path].append(d)
    valid = [
        (pr, unit)
        for pr, unit in usable
        if not any(d.severity == "error" for d in by_path[pr.path])
    ]
    for d in value_decreased.check(tl, valid):
        by_path[d.path].append(d)
    diagnostics = sorted((d for ds in by_path.values() for d in ds), key=Diagnostic.sort_key)
    invalid = {
        p: sorted(ds, key=Diagnostic.sort_key)
        for p, ds in by_path.items()
        if any(d.severity == "error" for d in ds)
    }
    submissions = [
        Submission(unit, pr.report, pr.path) for pr, unit in valid if pr.report is not None
    ]
    return Checked(diagnostics, submissions, invalid)
