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


def test_after_expiry_it_is_judged_as_of_the_expiry_date(tl: TaskList) -> None:
    """SPEC §9: nothing turns silently green after the expiry, and no count keeps growing."""
    subs = [recent(HOUSING, 14, "2026-01-01")]
    assert unit_status(tl, subs, "2027-12-01", 14) == "stale"  # on the expiry date itself
    assert unit_status(tl, subs, "2028-06-01", 14) == "stale"
    late = evaluate(tl, [], d("2028-06-01"))
    assert late.evaluated_on == d("2027-12-01") and late.as_of == d("2028-06-01") and late.expired
    at_expiry = evaluate(tl, [], d("2027-12-01"))
    assert not at_expiry.expired and at_expiry.evaluated_on == at_expiry.as_of
    assert late.task(7).units[0].days_overdue == at_expiry.task(7).units[0].days_overdue == 700
    assert late.summary == at_expiry.summary


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


# --- SPEC §9: done_on counts everywhere -----------------------------------------------------------


def test_indicator_done_on_counts_from_the_entry_that_reached_the_target(tl: TaskList) -> None:
    """Task 20 (3 AAA companies by 2025-12-31) reached on 2026-01-15, reported at the quarter."""
    s = recent(HOUSING, 20, "2026-03-31", value=3, status="done", done_on=d("2026-01-15"))
    r = unit_result(tl, [s], "2026-04-10", 20)
    assert r.status == "done_late"
    assert (r.done_on, r.days_late, r.days_overdue) == (d("2026-01-15"), 15, None)


def test_indicator_without_done_on_counts_from_the_report_date(tl: TaskList) -> None:
    s = recent(HOUSING, 20, "2026-03-31", value=3)
    r = unit_result(tl, [s], "2026-04-10", 20)
    assert (r.status, r.done_on, r.days_late) == ("done_late", d("2026-03-31"), 90)


def test_done_on_time_has_zero_days_late(tl: TaskList) -> None:
    s = recent(HOUSING, 20, "2026-01-05", value=4, done_on=d("2025-12-20"))
    r = unit_result(tl, [s], "2026-02-01", 20)
    assert (r.status, r.done_on, r.days_late) == ("done", d("2025-12-20"), 0)


def test_not_done_has_no_done_on_nor_days_late(tl: TaskList) -> None:
    r = unit_result(tl, [recent(HOUSING, 7)], "2026-01-10", 7)
    assert (r.done_on, r.days_late, r.days_overdue) == (None, None, 10)


# --- SPEC §9: reporting is its own axis ------------------------------------------------------------


def test_overdue_and_unreported_shows_both(tl: TaskList) -> None:
    """Task 7 overdue since 2025-12-31 and last reported 2025-06-01: both findings are kept."""
    r = unit_result(tl, [recent(HOUSING, 7, "2025-06-01")], "2026-03-01", 7)
    assert r.status == "overdue" and r.stale
    rep = r.reporting
    assert (rep.state, rep.last_report, rep.days_since) == ("late", d("2025-06-01"), 273)
    assert rep.next_due == d("2025-08-30")  # 90 days after the last report
    assert (rep.missed_in_a_row, rep.escalation) == (3, "约谈")


@pytest.mark.parametrize(
    ("as_of", "state", "missed", "level"),
    [
        ("2025-08-30", "on_time", 0, None),  # exactly 90 days: not yet late
        ("2025-08-31", "late", 1, "提醒"),
        ("2025-11-28", "late", 1, "提醒"),  # 180 days: still one interval missed
        ("2025-11-29", "late", 2, "通报"),
        ("2026-02-27", "late", 3, "约谈"),
    ],
)
def test_missed_intervals_climb_the_escalation_levels(
    tl: TaskList, as_of: str, state: str, missed: int, level: str | None
) -> None:
    rep = unit_result(tl, [recent(HOUSING, 14, "2025-06-01")], as_of, 14).reporting
    assert (rep.state, rep.missed_in_a_row, rep.escalation) == (state, missed, level)


def test_never_reported_is_missing(tl: TaskList) -> None:
    rep = unit_result(tl, [], "2025-03-02", 14).reporting
    assert (rep.state, rep.last_report, rep.next_due) == ("missing", None, d("2025-03-01"))


def test_done_for_good_owes_no_report(tl: TaskList) -> None:
    s = recent(HOUSING, 7, "2025-06-01", status="done")
    r = unit_result(tl, [s], "2026-06-01", 7)
    assert r.status == "done" and not r.stale
    assert (r.reporting.state, r.reporting.next_due) == ("on_time", None)


def _calendar(tl: TaskList, **rhythm: object) -> TaskList:
    import dataclasses

    from wz_tasks.models import Rhythm

    policy = tl.policy.model_copy(update={"reporting": Rhythm.model_validate(rhythm)})
    return dataclasses.replace(tl, policy=policy)


def test_calendar_rhythm_judges_each_period(tl: TaskList) -> None:
    """每季度末月25日前: Q1 on time, Q2 late (after 06-25), Q3 and Q4 missing."""
    cal = _calendar(tl, every="quarter", by={"month": 3, "day": 25})
    subs = [recent(HOUSING, 14, "2025-03-20"), recent(HOUSING, 14, "2025-06-28")]
    r = unit_result(cal, subs, "2026-01-10", 14)
    states = {p.label: p.state for p in r.reporting.periods}
    assert states == {
        "2025-Q1": "on_time",
        "2025-Q2": "late",
        "2025-Q3": "missing",
        "2025-Q4": "missing",
        "2026-Q1": None,
        "2026-Q2": None,
    }
    assert r.reporting.missed_in_a_row == 2 and r.reporting.escalation == "通报"
    assert r.reporting.next_due == d("2025-09-25")  # owed since the first missed deadline
    assert r.status == "stale"


def test_calendar_deadline_day_itself_is_not_missed(tl: TaskList) -> None:
    cal = _calendar(tl, every="quarter", by={"month": 3, "day": 25})
    subs = [recent(HOUSING, 14, "2025-03-20")]
    assert unit_result(cal, subs, "2025-06-25", 14).reporting.state == "on_time"
    assert unit_result(cal, subs, "2025-06-26", 14).reporting.state == "missing"


def test_calendar_next_due_is_the_next_unreported_deadline(tl: TaskList) -> None:
    cal = _calendar(tl, every="month", by={"day": 25})
    months = ["2024-12-20", "2025-01-20", "2025-02-20", "2025-03-20", "2025-04-20"]
    subs = [recent(HOUSING, 14, m) for m in months]
    rep = unit_result(cal, subs, "2025-05-10", 14).reporting
    assert (rep.state, rep.next_due, rep.missed_in_a_row) == ("on_time", d("2025-05-25"), 0)
    subs.append(recent(HOUSING, 14, "2025-05-03"))  # May done early: June is next
    rep = unit_result(cal, subs, "2025-05-10", 14).reporting
    assert (rep.state, rep.next_due) == ("on_time", d("2025-06-25"))
    rep = unit_result(cal, subs[:4], "2025-05-10", 14).reporting  # April never came
    assert (rep.state, rep.missed_in_a_row, rep.escalation) == ("missing", 1, "提醒")


# --- SPEC §10.1: recurring schedules --------------------------------------------------------------


def _recurring(tl: TaskList, task: int = 14, **fields: object) -> TaskList:
    """The task list with task `task` made recurring (and nothing else about it)."""
    import dataclasses

    from wz_tasks.models import Task

    old = tl.tasks[task]
    data = {**old.model_dump(exclude={"from_"}), "due": None, "ongoing": False, **fields}
    new = Task.model_validate(data)
    return dataclasses.replace(tl, tasks={**tl.tasks, task: new})


def test_recurring_period_done_on_time_late_or_missed(tl: TaskList) -> None:
    """每季度末月20日前: Q1 done on time, Q2 done late, Q3 never, Q4 running."""
    rt = _recurring(tl, every="quarter", by={"month": 3, "day": 20})
    subs = [
        recent(HOUSING, 14, "2025-03-15", status="done"),
        recent(HOUSING, 14, "2025-06-25", status="done"),
        recent(HOUSING, 14, "2025-08-01"),  # in progress, not done
    ]
    r = unit_result(rt, subs, "2025-10-10", 14)
    got = [(v.label, v.status, v.date) for v in r.periods]
    assert got == [
        ("2025-Q1", "done", d("2025-03-15")),
        ("2025-Q2", "done_late", d("2025-06-25")),
        ("2025-Q3", "overdue", None),
        ("2025-Q4", "on_track", None),
    ]
    assert r.status == "overdue"  # the worse of the last ended (Q3) and the current (Q4)
    assert r.deciding.due == d("2025-09-20") and r.deciding.days == 20


def test_recurring_entry_counts_for_the_period_it_names(tl: TaskList) -> None:
    rt = _recurring(tl, every="quarter", by={"month": 3, "day": 20})
    late_filed = recent(
        HOUSING, 14, "2025-10-05", status="done", period="2025-Q3", done_on=d("2025-09-18")
    )
    r = unit_result(rt, [late_filed], "2025-10-10", 14)
    q3 = next(v for v in r.periods if v.label == "2025-Q3")
    assert (q3.status, q3.date) == ("done", d("2025-09-18"))
    assert next(v for v in r.periods if v.label == "2025-Q4").status == "on_track"


def test_recurring_due_soon_window_is_a_third_of_the_period(tl: TaskList) -> None:
    """A monthly duty (deadline the 25th): due soon within 10 days (30/3), not the policy's 30."""
    rt = _recurring(tl, every="month", by={"day": 25}, **{"from": d("2025-05-01")})
    subs = [recent(HOUSING, 14, "2025-05-20", status="done")]
    assert unit_status(rt, subs, "2025-06-14", 14) == "on_track"  # 11 days left
    assert unit_status(rt, subs, "2025-06-15", 14) == "due_soon"  # 10 days left


def test_recurring_is_judged_from_its_own_start(tl: TaskList) -> None:
    rt = _recurring(tl, every="year", **{"from": d("2026-01-01")})
    r = unit_result(rt, [recent(HOUSING, 14, "2025-12-01")], "2025-12-10", 14)
    assert r.periods == () and r.status == "on_track" and r.deciding.due == d("2026-12-31")


def test_recurring_item_never_stops_owing_reports(tl: TaskList) -> None:
    rt = _recurring(tl, every="year")
    subs = [recent(HOUSING, 14, "2025-03-01", status="done")]
    r = unit_result(rt, subs, "2025-12-01", 14)
    assert r.periods[0].status == "done" and r.stale  # 275 days since the last report


# --- SPEC §10.4: closing out (销号) ---------------------------------------------------------------


def _signing(tl: TaskList) -> TaskList:
    import dataclasses

    return dataclasses.replace(tl, policy=tl.policy.model_copy(update={"sign_off": True}))


def _sign_off(date: str, *items: dict[str, object], unit: str = HOUSING) -> Submission:
    from wz_tasks.models import SignOff, SignOffReport

    report = SignOffReport(unit=unit, date=d(date), sign_off=[SignOff(**i) for i in items])  # type: ignore[arg-type]
    return Submission(unit, report, f"{date}-sign-off.yaml")


def test_done_waits_for_sign_off_when_the_policy_asks_for_it(tl: TaskList) -> None:
    st = _signing(tl)
    done = recent(HOUSING, 7, "2025-12-20", status="done")
    r = unit_result(st, [done], "2026-01-05", 7)
    assert r.status == "done" and r.pending_sign_off and r.signed_off is None
    closed = _sign_off("2026-01-04", {"task": 7, "unit": "住建局", "date": d("2026-01-03")})
    r = unit_result(st, [done, closed], "2026-01-05", 7)
    assert r.status == "done" and not r.pending_sign_off and r.signed_off == d("2026-01-03")


def test_sign_off_counts_only_from_the_supervising_unit_and_by_the_as_of_date(tl: TaskList) -> None:
    st = _signing(tl)
    done = recent(YANCHI, 4, "2026-12-20", value=85)
    item = {"task": 4, "unit": "盐池县", "date": d("2026-12-28")}
    by_county = _sign_off("2026-12-28", item, unit=YANCHI)
    later = _sign_off("2026-12-28", item)
    assert unit_result(st, [done, by_county], "2026-12-30", 4, YANCHI).pending_sign_off
    assert unit_result(st, [done, later], "2026-12-27", 4, YANCHI).pending_sign_off
    assert not unit_result(st, [done, later], "2026-12-28", 4, YANCHI).pending_sign_off


def test_without_sign_off_in_the_policy_nothing_is_pending(tl: TaskList) -> None:
    r = unit_result(tl, [recent(HOUSING, 7, "2025-12-20", status="done")], "2026-01-05", 7)
    assert r.status == "done" and not r.pending_sign_off


def test_an_unfinished_item_is_never_pending_sign_off(tl: TaskList) -> None:
    r = unit_result(_signing(tl), [recent(HOUSING, 7, "2025-12-20")], "2026-01-05", 7)
    assert r.status == "overdue" and not r.pending_sign_off


def test_a_units_entries_on_an_item_come_oldest_first_then_by_file_then_as_written(
    tl: TaskList,
) -> None:
    # reports in no order: the history is by date, then file name; one file's own in its order
    subs = [
        sub(HOUSING, "2025-12-01", {"task": 7, "progress": "c"}, path="b.yaml"),
        sub(HOUSING, "2026-02-01", {"task": 7, "progress": "late"}, path="a.yaml"),
        sub(HOUSING, "2025-11-01", {"task": 7, "progress": "a"}, path="z.yaml"),
        sub(
            HOUSING,
            "2025-12-01",
            {"task": 7, "progress": "b1"},
            {"task": 1, "progress": "other"},
            {"task": 7, "progress": "b2"},
            path="a.yaml",
        ),
        sub(HOUSING, "2025-12-01", {"duty": "市住建局-1", "progress": "duty"}, path="0.yaml"),
    ]
    history = unit_result(tl, subs, "2026-01-15", 7).history
    assert [f.entry.progress for f in history] == ["a", "b1", "b2", "c"]
    assert [f.path for f in history] == ["z.yaml", "a.yaml", "a.yaml", "b.yaml"]
