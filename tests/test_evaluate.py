"""SPEC §3, one rule or boundary per test, on hand-made reports."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import d, sub

from wz_tasks.evaluate import evaluate
from wz_tasks.models import Submission
from wz_tasks.tasklist import TaskList

HOUSING = "市住建局"
YANCHI = "盐池县人民政府"


def unit_status(
    tl: TaskList,
    subs: list[Submission],
    as_of: str,
    task: int,
    unit: str = HOUSING,
    window: int | None = None,
) -> str:
    ev = evaluate(tl, subs, d(as_of), window)
    return next(u for u in ev.task(task).units if u.unit == unit).status


def unit_result(tl: TaskList, subs: list[Submission], as_of: str, task: int, unit: str = HOUSING):  # type: ignore[no-untyped-def]
    return next(u for u in evaluate(tl, subs, d(as_of)).task(task).units if u.unit == unit)


def recent(unit: str, task: int, date: str = "2025-12-01", **fields: object) -> Submission:
    return sub(unit, date, {"task": task, **fields})


# --- a due date (task 7: 市住建局, 2025-12-31) --------------------------------------------------


def test_done_on_or_before_due_is_done(tl: TaskList) -> None:
    s = recent(HOUSING, 7, "2026-01-05", status="done", done_on=d("2025-12-31"))
    assert unit_status(tl, [s], "2026-02-01", 7) == "done"


def test_done_after_due_is_done_late(tl: TaskList) -> None:
    s = recent(HOUSING, 7, "2026-01-05", status="done", done_on=d("2026-01-02"))
    assert unit_status(tl, [s], "2026-02-01", 7) == "done_late"


def test_done_without_done_on_counts_from_the_report_date(tl: TaskList) -> None:
    s = recent(HOUSING, 7, "2026-01-05", status="done")
    r = unit_result(tl, [s], "2026-02-01", 7)
    assert r.status == "done_late" and r.deciding.days == 5


def test_due_date_passed_without_done_is_overdue(tl: TaskList) -> None:
    r = unit_result(tl, [recent(HOUSING, 7)], "2026-01-10", 7)
    assert r.status == "overdue" and r.deciding.days == 10


def test_due_on_as_of_itself_is_due_soon_not_overdue(tl: TaskList) -> None:
    assert unit_status(tl, [recent(HOUSING, 7)], "2025-12-31", 7) == "due_soon"


def test_due_soon_window_edge(tl: TaskList) -> None:
    subs = [recent(HOUSING, 7, "2025-11-15")]
    assert unit_status(tl, subs, "2025-12-01", 7) == "due_soon"  # 30 days left
    assert unit_status(tl, subs, "2025-11-30", 7) == "on_track"  # 31 days left


def test_soon_option_widens_the_window(tl: TaskList) -> None:
    subs = [recent(HOUSING, 7, "2025-11-01")]
    assert unit_status(tl, subs, "2025-11-01", 7, window=60) == "due_soon"
    assert unit_status(tl, subs, "2025-11-01", 7) == "on_track"


def test_latest_entry_decides_done(tl: TaskList) -> None:
    done = recent(HOUSING, 7, "2025-10-01", status="done", done_on=d("2025-09-30"))
    undone = recent(HOUSING, 7, "2025-11-01", status="in_progress")
    assert unit_status(tl, [done, undone], "2026-01-05", 7) == "overdue"


def test_report_dated_after_as_of_is_not_counted(tl: TaskList) -> None:
    later = recent(HOUSING, 7, "2026-01-05", status="done", done_on=d("2025-12-20"))
    assert unit_status(tl, [recent(HOUSING, 7), later], "2026-01-04", 7) == "overdue"
    assert unit_status(tl, [recent(HOUSING, 7), later], "2026-01-05", 7) == "done"


# --- indicators (task 4: 60% by 2025-12-31, 80% by 2026-12-31) ---------------------------------


def v4(value: float, date: str = "2025-12-01") -> Submission:
    return recent(YANCHI, 4, date, value=value)


def test_value_at_final_target_is_done(tl: TaskList) -> None:
    assert unit_status(tl, [v4(80, "2026-10-01")], "2026-10-02", 4, YANCHI) == "done"


def test_final_target_first_reached_after_final_milestone_is_done_late(tl: TaskList) -> None:
    subs = [v4(70, "2026-12-01"), v4(81, "2027-01-10"), v4(82, "2027-02-10")]
    r = unit_result(tl, subs, "2027-03-01", 4, YANCHI)
    assert r.status == "done_late" and r.deciding.done_on == d("2027-01-10")


def test_passed_milestone_not_met_is_overdue(tl: TaskList) -> None:
    assert unit_status(tl, [v4(55, "2025-12-20")], "2026-01-01", 4, YANCHI) == "overdue"


def test_passed_milestone_met_later_is_no_longer_overdue(tl: TaskList) -> None:
    subs = [v4(55, "2025-12-20"), v4(75, "2026-06-01")]
    assert unit_status(tl, subs, "2026-06-02", 4, YANCHI) == "on_track"


def test_passed_milestone_with_no_value_is_overdue(tl: TaskList) -> None:
    s = recent(YANCHI, 4, "2025-12-20", progress="正在统计")
    assert unit_status(tl, [s], "2026-01-01", 4, YANCHI) == "overdue"


def test_milestone_on_as_of_is_not_yet_passed(tl: TaskList) -> None:
    # below the 60% target on 2025-12-31 itself: behind the line (which is at 60), not overdue
    assert unit_status(tl, [v4(59.9, "2025-12-30")], "2025-12-31", 4, YANCHI) == "behind"
    assert unit_status(tl, [v4(59.9, "2025-12-30")], "2026-01-01", 4, YANCHI) == "overdue"


def test_below_time_proportional_line_is_behind(tl: TaskList) -> None:
    # line from (2024-12-01, 0) to (2025-12-31, 60): 395 days; on 2025-06-01 (182 days): 27.6
    assert unit_status(tl, [v4(27, "2025-06-01")], "2025-06-01", 4, YANCHI) == "behind"
    assert unit_status(tl, [v4(28, "2025-06-01")], "2025-06-01", 4, YANCHI) == "on_track"


def test_exactly_on_the_line_is_not_behind(tl: TaskList) -> None:
    # second leg: (2025-12-31, 60) → (2026-12-31, 80), 365 days; 2026-07-02 is day 183
    # line = 60 + 20*183/365 = 70.027…; 2026-03-02 is day 61: 60 + 20*61/365 = 63.342…
    # day 73 (2026-03-14): 60 + 20*73/365 = 64 exactly
    assert unit_status(tl, [v4(64, "2026-03-14")], "2026-03-14", 4, YANCHI) == "on_track"
    assert unit_status(tl, [v4(63.9, "2026-03-14")], "2026-03-14", 4, YANCHI) == "behind"


def test_next_milestone_met_is_on_track_even_within_the_window(tl: TaskList) -> None:
    assert unit_status(tl, [v4(65, "2025-12-10")], "2025-12-15", 4, YANCHI) == "on_track"


def test_above_line_within_window_is_due_soon(tl: TaskList) -> None:
    assert unit_status(tl, [v4(58, "2025-12-10")], "2025-12-15", 4, YANCHI) == "due_soon"


def test_no_value_is_not_behind(tl: TaskList) -> None:
    s = recent(YANCHI, 4, "2025-06-01", progress="摸底中")
    assert unit_status(tl, [s], "2025-06-02", 4, YANCHI) == "on_track"


def test_value_from_numerator_and_denominator(tl: TaskList) -> None:
    s = recent(YANCHI, 4, "2026-06-01", numerator=120, denominator=150)  # 80%
    assert unit_status(tl, [s], "2026-06-02", 4, YANCHI) == "done"


def test_count_indicator(tl: TaskList) -> None:
    subs = [recent(HOUSING, 20, "2025-12-20", value=2)]
    assert unit_status(tl, subs, "2026-01-01", 20) == "overdue"
    subs.append(recent(HOUSING, 20, "2025-12-30", value=3))
    assert unit_status(tl, subs, "2026-01-01", 20) == "done"


def test_indicator_task_ignores_status_done(tl: TaskList) -> None:
    s = recent(YANCHI, 4, "2025-12-20", value=40, status="done")
    assert unit_status(tl, [s], "2026-01-01", 4, YANCHI) == "overdue"


# --- ongoing, stale --------------------------------------------------------------------------


def test_ongoing_reported_recently_is_on_track(tl: TaskList) -> None:
    assert unit_status(tl, [recent(HOUSING, 14, "2026-01-01")], "2026-03-01", 14) == "on_track"


def test_stale_strictly_after_the_interval(tl: TaskList) -> None:
    subs = [recent(HOUSING, 14, "2026-01-01")]
    assert unit_status(tl, subs, "2026-04-01", 14) == "on_track"  # 90 days
    assert unit_status(tl, subs, "2026-04-02", 14) == "stale"  # 91 days


def test_never_reported_counts_from_the_effective_date(tl: TaskList) -> None:
    assert unit_status(tl, [], "2025-03-01", 14) == "on_track"  # 90 days after 2024-12-01
    assert unit_status(tl, [], "2025-03-02", 14) == "stale"


def test_nothing_is_stale_before_the_policy_is_in_force(tl: TaskList) -> None:
    assert unit_status(tl, [], "2024-11-01", 14) == "on_track"


def test_nothing_is_stale_after_expiry(tl: TaskList) -> None:
    subs = [recent(HOUSING, 14, "2026-01-01")]
    assert unit_status(tl, subs, "2027-12-01", 14) == "stale"  # on the expiry date itself
    assert unit_status(tl, subs, "2027-12-02", 14) == "on_track"


def test_overdue_outranks_stale(tl: TaskList) -> None:
    r = unit_result(tl, [], "2026-01-10", 7)
    assert r.status == "overdue" and r.stale


def test_done_is_never_stale(tl: TaskList) -> None:
    s = recent(HOUSING, 7, "2025-06-01", status="done")
    assert unit_status(tl, [s], "2026-06-01", 7) == "done"


# --- several parts, several units --------------------------------------------------------------


def test_task6_done_due_part_keeps_ongoing_part(tl: TaskList) -> None:
    s = recent(YANCHI, 6, "2025-12-20", status="done", done_on=d("2025-12-10"))
    assert unit_status(tl, [s], "2026-01-10", 6, YANCHI) == "on_track"
    assert unit_status(tl, [s], "2026-04-01", 6, YANCHI) == "stale"  # 102 days since


def test_task6_due_part_overdue(tl: TaskList) -> None:
    s = recent(YANCHI, 6, "2025-12-20")
    assert unit_status(tl, [s], "2026-01-10", 6, YANCHI) == "overdue"


def test_task3_takes_its_worst_indicator(tl: TaskList) -> None:
    s = recent(YANCHI, 3, "2025-12-20", value=75, values={"party_work_coverage": 90})
    r = unit_result(tl, [s], "2026-01-05", 3, YANCHI)
    assert r.status == "overdue" and r.deciding.part == "party_work_coverage"


def test_task3_done_only_when_every_indicator_is_done(tl: TaskList) -> None:
    s = recent(YANCHI, 3, "2025-12-20", value=95, values={"party_work_coverage": 100})
    assert unit_status(tl, [s], "2026-01-05", 3, YANCHI) == "done"
    s = recent(YANCHI, 3, "2025-12-20", value=95, values={"party_work_coverage": 99})
    assert unit_status(tl, [s], "2026-01-05", 3, YANCHI) == "overdue"


def test_group_task_is_scored_per_county_and_takes_the_worst(tl: TaskList) -> None:
    subs = [recent(u, 2, "2025-06-20", status="done") for u in tl.leads(tl.tasks[2])[:4]]
    ev = evaluate(tl, subs, d("2025-07-10"))
    statuses = [u.status for u in ev.task(2).units]
    assert statuses == ["done", "done", "done", "done", "overdue"]
    assert ev.task(2).status == "overdue"


def test_supporting_units_entries_are_shown_not_scored(tl: TaskList) -> None:
    s = recent("市司法局", 7, "2025-12-20", status="done")
    ev = evaluate(tl, [s], d("2026-01-05"))
    assert ev.task(7).status == "overdue"
    assert dict(ev.task(7).supporters)["市司法局"][0].entry.status == "done"


def test_summary_counts_every_status(tl: TaskList) -> None:
    ev = evaluate(tl, [], d("2026-01-05"))
    assert list(ev.summary) == [
        "overdue",
        "behind",
        "due_soon",
        "stale",
        "on_track",
        "done_late",
        "done",
    ]
    assert sum(ev.summary.values()) == 20


@pytest.mark.parametrize("as_of", ["2024-06-01", "2025-06-30", "2026-12-31", "2028-01-01"])
def test_every_task_has_a_status_on_any_day(tl: TaskList, as_of: str) -> None:
    ev = evaluate(tl, [], dt.date.fromisoformat(as_of))
    assert len(ev.tasks) == 20


def test_reporting_done_again_keeps_the_first_date(tl: TaskList) -> None:
    first = recent(HOUSING, 7, "2025-12-20", status="done")
    again = recent(HOUSING, 7, "2026-03-31", status="done", progress="已完成,持续运行")
    r = unit_result(tl, [first, again], "2026-04-01", 7)
    assert r.status == "done" and r.deciding.done_on == d("2025-12-20")
