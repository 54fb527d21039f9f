"""SPEC §10.1 calendar periods and the status type."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import d

from wz_tasks.periods import deadline, parse_label, periods
from wz_tasks.status import Status, parse_statuses, worst


def test_first_period_is_the_first_whole_one_on_or_after_from() -> None:
    found = periods("quarter", d("2024-12-01"), d("2025-12-31"))
    assert [p.label for p in found] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert periods("quarter", d("2025-01-01"), d("2025-03-31"))[0].label == "2025-Q1"


def test_every_kind_has_its_label_and_bounds() -> None:
    week = periods("week", d("2025-01-01"), d("2025-01-12"))  # 2025-01-01 is a Wednesday
    assert [(p.label, p.start, p.end) for p in week] == [
        ("2025-W02", d("2025-01-06"), d("2025-01-12"))
    ]
    month = periods("month", d("2025-02-01"), d("2025-02-01"))[0]
    assert (month.label, month.end, month.deadline) == ("2025-02", d("2025-02-28"), d("2025-02-28"))
    half = periods("half_year", d("2025-07-01"), d("2025-07-01"))[0]
    assert (half.label, half.end) == ("2025-H2", d("2025-12-31"))
    year = periods("year", d("2025-01-01"), d("2026-01-01"))
    assert [p.label for p in year] == ["2025", "2026"]


@pytest.mark.parametrize(
    ("every", "start", "by", "expected"),
    [
        ("quarter", "2025-10-01", {"month": 3, "day": 20}, "2025-12-20"),  # 每季度末月20日前
        ("quarter", "2025-10-01", {"month": 1, "day": 20}, "2025-10-20"),  # 每季度第1个月20日前
        ("month", "2025-02-01", {"day": 31}, "2025-02-28"),  # clamped to the month's length
        ("month", "2025-02-01", {"day": 25}, "2025-02-25"),
        ("year", "2025-01-01", {"month": 6}, "2025-06-30"),
        ("week", "2025-01-06", {"weekday": 2}, "2025-01-07"),  # 每周二
        ("half_year", "2025-01-01", {}, "2025-06-30"),  # default: the last day
    ],
)
def test_deadline_inside_each_period(
    every: str, start: str, by: dict[str, int], expected: str
) -> None:
    assert deadline(every, d(start), **by) == d(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-Q4", ("quarter", "2025-10-01")),
        ("2026-01", ("month", "2026-01-01")),
        ("2025-H2", ("half_year", "2025-07-01")),
        ("2025", ("year", "2025-01-01")),
        ("2026-W05", ("week", "2026-01-26")),
    ],
)
def test_period_labels_people_write(text: str, expected: tuple[str, str]) -> None:
    assert parse_label(text) == (expected[0], d(expected[1]))


@pytest.mark.parametrize("text", ["2025-13", "2025-Q5", "2025-W54", "25-Q1", "2025Q1", ""])
def test_what_is_no_period_label(text: str) -> None:
    assert parse_label(text) is None


def test_status_knows_its_rank_light_and_doneness() -> None:
    assert [s.light for s in Status] == [
        "red",
        "yellow",
        "yellow",
        "yellow",
        "green",
        "green",
        "green",
    ]
    assert [s for s in Status if s.done] == [Status.DONE_LATE, Status.DONE]
    assert worst([Status.DONE, Status.STALE, Status.BEHIND]) is Status.BEHIND
    assert Status.OVERDUE.at_least_as_bad_as(Status.BEHIND)
    assert not Status.DUE_SOON.at_least_as_bad_as(Status.BEHIND)
    assert Status.DUE_SOON.at_least_as_bad_as(Status.DUE_SOON)
    assert parse_statuses("overdue, stale,,nope") == ({Status.OVERDUE, Status.STALE}, ["nope"])


def test_periods_until_is_inclusive_of_a_start_on_that_day() -> None:
    assert periods("month", d("2025-01-01"), dt.date(2025, 3, 1))[-1].label == "2025-03"
