"""SPEC §10.5 `calendar`: the .ics parses back, and every RRULE expands to exactly the periods'
deadlines that the evaluator judges."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import d, sub
from dateutil.rrule import rrulestr
from icalendar import Calendar

from wz_tasks.evaluate import evaluate
from wz_tasks.ical import events, rrule_of, to_ics
from wz_tasks.models import Rhythm
from wz_tasks.schedule.recurring import Recurring
from wz_tasks.tasklist import TaskList

AS_OF = d("2026-11-27")


@pytest.mark.parametrize(
    "rec",
    [
        Recurring("quarter", month=3, day=20),  # 每季度末月20日前
        Recurring("quarter", month=1, day=20),  # 每季度第1个月20日前
        Recurring("quarter"),  # the quarter's last day
        Recurring("month", day=25),  # 每月25日前
        Recurring("month", day=31),  # clamped: 02-28, 04-30 …
        Recurring("month", day=30),
        Recurring("month"),
        Recurring("half_year", month=6, day=15),
        Recurring("year"),
        Recurring("year", month=6),
        Recurring("year", month=2, day=29),
        Recurring("week", weekday=2),  # 每周二
        Recurring("week"),
    ],
)
def test_rrule_occurrences_are_the_period_deadlines(rec: Recurring) -> None:
    found = rec.periods(d("2024-12-01"), d("2027-12-01"))
    rule = rrule_of(rec, found[0].deadline, found[-1].deadline)
    from icalendar import vRecur

    text = vRecur(rule).to_ical().decode()
    expanded = [x.date() for x in rrulestr(f"RRULE:{text}", dtstart=found[0].deadline)]
    assert expanded == [p.deadline for p in found]


def _parsed(data: bytes) -> list:  # type: ignore[type-arg]
    return [c for c in Calendar.from_ical(data).walk("VEVENT")]


def test_calendar_parses_back_with_deadlines_milestones_and_duties(tl: TaskList) -> None:
    ev = evaluate(tl, [], AS_OF)
    data = to_ics(tl, events(tl, ev), AS_OF)
    vevents = _parsed(data)
    summaries = [str(e["SUMMARY"]) for e in vevents]
    assert any(s.startswith("【到期】第7项") for s in summaries)
    assert any(s.startswith("【节点】第4项") and "60%" in s for s in summaries)
    assert any(s.startswith("【节点】第20项") and "3" in s for s in summaries)
    quarterly = next(e for e in vevents if "县级主管部门-4" in str(e["SUMMARY"]))
    rule = quarterly["RRULE"]
    assert (rule["FREQ"], rule["INTERVAL"]) == (["MONTHLY"], [3])
    monthly = next(e for e in vevents if "乡镇街道-8" in str(e["SUMMARY"]))
    assert monthly["RRULE"]["FREQ"] == ["MONTHLY"]
    uids = [str(e["UID"]) for e in vevents]
    assert len(uids) == len(set(uids))
    assert data == to_ics(tl, events(tl, ev), AS_OF)  # reproducible: stable UIDs and stamps
    assert b"BEGIN:VALARM" in data and b"TRIGGER:-P3D" in data


def test_calendar_for_one_unit_holds_only_its_items(tl: TaskList) -> None:
    ev = evaluate(tl, [], AS_OF)
    mine = [e.summary for e in events(tl, ev, "盐池县人民政府")]
    assert any("县级主管部门-4" in s for s in mine)
    assert not any("市住建局-5" in s for s in mine)  # the city bureau's yearly inspection
    assert not any(s.startswith("【到期】第7项") for s in mine)  # led by 市住建局 alone


def test_interval_reporting_gives_each_unit_its_next_report_date(tl: TaskList) -> None:
    s = sub("市住建局", "2026-11-20", {"task": 1, "progress": "x"})
    ev = evaluate(tl, [s], AS_OF)
    report = [e for e in events(tl, ev, "市住建局") if e.summary.startswith("【报送】")]
    assert len(report) == 1 and report[0].summary == "【报送】市住建局 报送工作进展"
    assert report[0].day == d("2025-03-01")  # the measures it never reported were due then
    assert report[0].description.startswith("应报送:第7项、第9项、第12项")
    # 市住建局-1 is the same commitment as task 1, which it reported: only -2 onwards are owed.
    assert report[0].description.endswith(
        "第20项、市住建局-2、市住建局-3、市住建局-4、市住建局-5、市住建局-6、市住建局-7、市住建局-8、市住建局-9、市住建局-10"
    )


def test_calendar_rhythm_reporting_is_one_recurring_event(tl: TaskList) -> None:
    policy = tl.policy.model_copy(
        update={
            "reporting": Rhythm.model_validate({"every": "quarter", "by": {"month": 3, "day": 25}})
        }
    )
    cal = dataclasses.replace(tl, policy=policy)
    found = [e for e in events(cal, evaluate(cal, [], AS_OF)) if e.summary.startswith("【报送】")]
    assert len(found) == 1 and found[0].day == d("2025-03-25")
    assert found[0].rrule["bymonthday"] == 25 and found[0].rrule["interval"] == 3


def test_user_text_cannot_break_the_calendar_structure(tl: TaskList) -> None:
    task = tl.tasks[7].model_copy(update={"measure": "恶意\r\nEND:VEVENT\r\nBEGIN:VEVENT;x,y"})
    bad = dataclasses.replace(tl, tasks={**tl.tasks, 7: task})
    data = to_ics(bad, events(bad, evaluate(bad, [], AS_OF)), AS_OF)
    lines = data.decode().replace("\r\n ", "").split("\r\n")  # unfolded content lines
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == len(_parsed(data))
    assert any("END:VEVENT" in str(e["DESCRIPTION"]) for e in _parsed(data))
