"""Behaviours that mutation testing (bench/mutation.sh, issue 8) found unpinned: each test names
the rule it holds, on hand-made reports with an explicit as-of date."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, d, sub
from typer.testing import CliRunner

from wz_tasks.cli import app
from wz_tasks.evaluate import UnitResult, evaluate, unit_view
from wz_tasks.load import parse_report
from wz_tasks.models import Rhythm, SignOff, SignOffReport, Submission, Task
from wz_tasks.reporting import Reporting
from wz_tasks.rules import check_reports
from wz_tasks.tasklist import TaskList

HOUSING = "市住建局"  # leads task 14 (ongoing); the policy runs 2024-12-01 … 2027-12-01


def _reporting(tl: TaskList, rhythm: dict[str, object], dates: list[str], as_of: str) -> Reporting:
    """市住建局's reporting on task 14 under a calendar rhythm, from reports on these dates."""
    policy = tl.policy.model_copy(update={"reporting": Rhythm.model_validate(rhythm)})
    cal = dataclasses.replace(tl, policy=policy)
    subs: list[Submission] = [sub(HOUSING, day, {"task": 14}) for day in dates]
    task = evaluate(cal, subs, d(as_of)).task(14)
    return next(u for u in task.units if u.unit == HOUSING).reporting


# --- SPEC §10.3: the reporting calendar ------------------------------------------------------------


def test_rhythm_without_by_falls_due_on_the_last_day_of_each_period(tl: TaskList) -> None:
    """每月报送 with no day named: a report on the month's last day is on time."""
    rep = _reporting(tl, {"every": "month"}, ["2024-12-20", "2025-01-31"], "2025-02-01")
    assert (rep.state, rep.missed_in_a_row, rep.next_due) == ("on_time", 0, d("2025-02-28"))
    assert (rep.last_report, rep.days_since) == (d("2025-01-31"), 1)


def test_report_on_the_first_day_of_a_period_counts_for_it(tl: TaskList) -> None:
    rep = _reporting(tl, {"every": "month"}, ["2024-12-20", "2025-01-01"], "2025-02-01")
    assert (rep.state, rep.missed_in_a_row) == ("on_time", 0)


def test_report_on_the_last_day_after_the_deadline_is_late(tl: TaskList) -> None:
    """每月25日前: a report on the 31st is in the month, but late."""
    rhythm = {"every": "month", "by": {"day": 25}}
    rep = _reporting(tl, rhythm, ["2024-12-20", "2025-01-31"], "2025-02-01")
    assert (rep.state, rep.missed_in_a_row, rep.escalation) == ("late", 0, None)


def test_quarter_rhythm_in_its_first_month(tl: TaskList) -> None:
    """每季度首月15日前: a report on 02-10 is late for 2025-Q1."""
    rhythm = {"every": "quarter", "by": {"month": 1, "day": 15}}
    rep = _reporting(tl, rhythm, ["2025-02-10"], "2025-03-01")
    assert (rep.state, rep.next_due) == ("late", d("2025-04-15"))


def test_weekly_rhythm_falls_due_on_its_weekday(tl: TaskList) -> None:
    """每周五前: a report on Saturday 2025-01-11 is late for the week of 01-06."""
    rhythm = {"every": "week", "by": {"weekday": 5}}
    rep = _reporting(tl, rhythm, ["2025-01-03", "2025-01-11"], "2025-01-13")
    assert (rep.state, rep.missed_in_a_row, rep.next_due) == ("late", 0, d("2025-01-17"))


def test_before_the_first_deadline_reporting_is_on_time(tl: TaskList) -> None:
    rep = _reporting(tl, {"every": "month", "by": {"day": 25}}, [], "2024-12-10")
    assert (rep.state, rep.missed_in_a_row, rep.next_due) == ("on_time", 0, d("2024-12-25"))
    assert (rep.last_report, rep.days_since) == (None, 9)


def test_period_due_today_is_not_yet_missing(tl: TaskList) -> None:
    """On 02-25, February's deadline day, January is the one missed; February is still owed."""
    rhythm = {"every": "month", "by": {"day": 25}}
    rep = _reporting(tl, rhythm, ["2024-12-20"], "2025-02-25")
    assert (rep.state, rep.missed_in_a_row, rep.escalation) == ("missing", 1, "提醒")
    assert rep.next_due == d("2025-01-25")
    assert {p.label: p.state for p in rep.periods}["2025-02"] is None
    rep = _reporting(tl, rhythm, ["2024-12-20", "2025-01-20"], "2025-02-25")
    assert (rep.state, rep.missed_in_a_row, rep.next_due) == ("on_time", 0, d("2025-02-25"))


def test_reported_on_the_first_day_of_a_period_the_next_deadline_is_due(tl: TaskList) -> None:
    rhythm = {"every": "month", "by": {"day": 25}}
    rep = _reporting(tl, rhythm, ["2025-02-20", "2025-03-01"], "2025-03-01")
    assert (rep.state, rep.next_due) == ("on_time", d("2025-04-25"))


def test_last_period_reported_at_expiry_owes_nothing_more(tl: TaskList) -> None:
    rhythm = {"every": "month", "by": {"day": 25}}
    rep = _reporting(tl, rhythm, ["2027-11-20", "2027-12-01"], "2027-12-01")
    assert (rep.state, rep.missed_in_a_row, rep.next_due) == ("on_time", 0, None)


# --- check: the round-2 rules' messages in both languages, at their place ------------------------

HEAD = "unit: 盐池县\ndate: 2025-12-20\nentries:\n"
DONE = "    progress: 已推进\n"
SIGN = "unit: 市住建局\ndate: 2026-01-10\nsign_off:\n"

Said = tuple[int, int, str, str, str]  # line, column, code, message in Chinese, in English


def said(tl: TaskList, tmp_path: Path, text: str) -> list[Said]:
    """What `check` says about one report file, as of 2026-11-27, in both languages."""
    path = tmp_path / "report.yaml"
    path.write_text(text, encoding="utf-8")
    checked = check_reports(tl, [parse_report(str(path), text.encode())], AS_OF, True)
    return [(g.line, g.column, g.code, g.message(), g.message("en")) for g in checked.diagnostics]


def test_duty_reported_by_a_unit_not_on_it_names_its_holder(tl: TaskList, tmp_path: Path) -> None:
    assert said(tl, tmp_path, HEAD + "  - duty: 市住建局-5\n" + DONE) == [
        (
            4,
            11,
            "WZ131",
            "盐池县人民政府 不负责报送职责 市住建局-5。该职责由 市住建局 报送",
            "盐池县人民政府 does not report duty 市住建局-5. It is reported by 市住建局",
        )
    ]


def test_duty_reported_by_the_counties_names_them(tl: TaskList, tmp_path: Path) -> None:
    text = "unit: 市住建局\ndate: 2025-12-20\nentries:\n  - duty: 县级主管部门-4\n    period: 2025-Q4\n"
    [(line, column, code, zh, en)] = said(tl, tmp_path, text + DONE)
    assert (line, column, code) == (4, 11, "WZ131")
    assert zh == "市住建局 不负责报送职责 县级主管部门-4。该职责由 各县(市、区)人民政府 报送"
    assert en.endswith("It is reported by 各县(市、区)人民政府")


def test_period_on_a_measure_that_does_not_repeat_says_remove_it(
    tl: TaskList, tmp_path: Path
) -> None:
    assert said(tl, tmp_path, HEAD + "  - task: 5\n    period: 2025-Q4\n" + DONE) == [
        (
            5,
            13,
            "WZ133",
            "任务 5 不定期报送,period 2025-Q4 不是这样的周期。它不是周期性的,请删去 period。",
            "task 5 is reported not periodically; period 2025-Q4 is not such a period. "
            "It does not repeat: remove period.",
        )
    ]


def test_period_of_another_rhythm_suggests_the_period_of_the_file_date(
    tl: TaskList, tmp_path: Path
) -> None:
    """A March label in a file dated 2025-12-20: the example is 2025-Q4, not 2025-Q1."""
    [(line, column, code, zh, en)] = said(
        tl, tmp_path, HEAD + "  - duty: 县级主管部门-4\n    period: 2025-03\n" + DONE
    )
    assert (line, column, code) == (5, 13, "WZ133")
    assert zh == "职责 县级主管部门-4 每季度报送,period 2025-03 不是这样的周期。如 2025-Q4。"
    assert en == (
        "duty 县级主管部门-4 is reported quarterly; period 2025-03 is not such a period. "
        "E.g. 2025-Q4."
    )


def test_a_period_may_be_reported_on_its_first_day(tl: TaskList, tmp_path: Path) -> None:
    text = (
        "unit: 盐池县\ndate: 2025-10-01\nentries:\n  - duty: 县级主管部门-4\n    period: 2025-Q4\n"
    )
    assert said(tl, tmp_path, text + DONE) == []


def test_a_standing_duty_done_is_flagged_at_its_status(tl: TaskList, tmp_path: Path) -> None:
    [(line, column, code, _, en)] = said(
        tl, tmp_path, HEAD + "  - duty: 县级主管部门-1\n    status: done\n" + DONE
    )
    assert (line, column, code) == (5, 13, "WZ116")
    assert en == (
        "duty 县级主管部门-1 is ongoing (a standing duty) and cannot be done. "
        "Write status: in_progress"
    )


@pytest.mark.parametrize(
    ("item", "zh", "en"),
    [
        (
            "{task: 7, duty: 市住建局-1, unit: 市住建局, date: 2026-01-10}",
            "请写 task 或 duty 中的一个",
            "name either a task or a duty",
        ),
        ("{task: 7, unit: 盐迟县, date: 2026-01-10}", "未知单位 盐迟县", "unknown unit 盐迟县"),
        ("{task: 70, unit: 市住建局, date: 2026-01-10}", "没有任务 70", "there is no task 70"),
        (
            "{task: 4, unit: 市住建局, date: 2026-01-10}",
            "市住建局 不牵头任务 4",
            "市住建局 does not lead task 4",
        ),
        (
            "{duty: 市住建局-99, unit: 市住建局, date: 2026-01-10}",
            "没有职责 市住建局-99",
            "there is no duty 市住建局-99",
        ),
        (
            "{duty: 市住建局-5, unit: 盐池县, date: 2026-01-10}",
            "盐池县人民政府 不负责职责 市住建局-5",
            "盐池县人民政府 does not report duty 市住建局-5",
        ),
    ],
)
def test_a_wrong_sign_off_says_why_in_both_languages(
    tl: TaskList, tmp_path: Path, item: str, zh: str, en: str
) -> None:
    assert said(tl, tmp_path, SIGN + f"  - {item}\n") == [
        (4, 5, "WZ136", f"销号的这一项有误:{zh}", f"this sign-off is wrong: {en}")
    ]


# --- SPEC §10.1: which period a recurring entry counts for ----------------------------------------


def _quarterly(tl: TaskList) -> TaskList:
    """Task 14 made a quarterly duty of 市住建局 (due at each quarter's end)."""
    old = tl.tasks[14]
    data = {**old.model_dump(exclude={"from_"}), "due": None, "ongoing": False, "every": "quarter"}
    return dataclasses.replace(tl, tasks={**tl.tasks, 14: Task.model_validate(data)})


def _periods(tl: TaskList, subs: list[Submission], as_of: str) -> dict[str, str]:
    task = evaluate(tl, subs, d(as_of)).task(14)
    unit = next(u for u in task.units if u.unit == HOUSING)
    return {v.label: v.status for v in unit.periods}


def test_done_on_the_first_and_last_day_of_a_quarter_counts_for_it(tl: TaskList) -> None:
    subs = [
        sub(HOUSING, "2025-01-01", {"task": 14, "status": "done"}),
        sub(HOUSING, "2025-06-30", {"task": 14, "status": "done"}),
    ]
    got = _periods(_quarterly(tl), subs, "2025-07-10")
    assert (got["2025-Q1"], got["2025-Q2"]) == ("done", "done")


def test_an_entry_naming_a_month_counts_for_no_quarter(tl: TaskList) -> None:
    """`period: 2025-10` on a quarterly item (WZ133) does not close 2025-Q4, which starts 10-01."""
    entry = {"task": 14, "status": "done", "period": "2025-10"}
    got = _periods(_quarterly(tl), [sub(HOUSING, "2025-11-05", entry)], "2025-11-10")
    assert got["2025-Q4"] == "on_track"


# --- SPEC §10.4: sign-offs as the evaluator counts them -----------------------------------------


def _signing(tl: TaskList) -> TaskList:
    return dataclasses.replace(tl, policy=tl.policy.model_copy(update={"sign_off": True}))


def _sign_off(date: str, *items: dict[str, object], unit: str = HOUSING) -> Submission:
    signed = [SignOff.model_validate(i) for i in items]
    return Submission(unit, SignOffReport(unit=unit, date=d(date), sign_off=signed), "s.yaml")


def _housing(tl: TaskList, subs: list[Submission], as_of: str, task: int = 7) -> UnitResult:
    return next(u for u in evaluate(tl, subs, d(as_of)).task(task).units if u.unit == HOUSING)


DONE_7 = sub(HOUSING, "2025-12-20", {"task": 7, "status": "done"})


def test_a_sign_off_of_an_unknown_unit_is_skipped_not_the_rest(tl: TaskList) -> None:
    closed = _sign_off(
        "2026-01-04",
        {"task": 7, "unit": "盐迟县", "date": d("2026-01-03")},
        {"task": 7, "unit": "市住建局", "date": d("2026-01-03")},
    )
    r = _housing(_signing(tl), [DONE_7, closed], "2026-01-05")
    assert (r.pending_sign_off, r.signed_off) == (False, d("2026-01-03"))


def test_a_sign_off_dated_after_the_as_of_date_does_not_count_yet(tl: TaskList) -> None:
    closed = _sign_off("2026-01-04", {"task": 7, "unit": "市住建局", "date": d("2026-01-08")})
    assert _housing(_signing(tl), [DONE_7, closed], "2026-01-05").pending_sign_off


def test_the_earliest_of_two_sign_offs_is_the_date(tl: TaskList) -> None:
    closed = _sign_off(
        "2026-01-06",
        {"task": 7, "unit": "市住建局", "date": d("2026-01-02")},
        {"task": 7, "unit": "市住建局", "date": d("2026-01-05")},
    )
    assert _housing(_signing(tl), [DONE_7, closed], "2026-01-06").signed_off == d("2026-01-02")


def test_a_sign_off_naming_no_item_closes_nothing(tl: TaskList) -> None:
    """Task 1 (市住建局, due 2025-06-30) done: an item without task or duty (WZ136) is not task 1."""
    done = sub(HOUSING, "2025-06-20", {"task": 1, "status": "done"})
    closed = _sign_off("2026-01-04", {"unit": "市住建局", "date": d("2026-01-03")})
    assert _housing(_signing(tl), [done, closed], "2026-01-05", task=1).pending_sign_off


def test_a_duty_done_for_its_quarter_waits_for_its_own_sign_off(tl: TaskList) -> None:
    """盐池县 closes 县级主管部门-4 for 2025-Q3 and Q4; task 4 signed off does not close the duty."""
    st = _signing(tl)
    yanchi = "盐池县人民政府"
    done = [
        sub(yanchi, day, {"duty": "县级主管部门-4", "status": "done"})
        for day in ("2025-09-20", "2025-12-20")
    ]
    item = {"unit": "盐池县", "date": d("2025-12-27")}
    task_4 = _sign_off("2025-12-27", {"task": 4, **item})
    duty_4 = _sign_off("2025-12-27", {"duty": "县级主管部门-4", **item})

    def county(subs: list[Submission]) -> UnitResult:
        ev = evaluate(st, subs, d("2025-12-28"))
        duty = next(r for r in ev.duties if r.duty.key == "县级主管部门-4")
        return next(u for u in duty.units if u.unit == yanchi)

    r = county([*done, task_4])
    assert r.status == "done" and r.pending_sign_off
    r = county([*done, duty_4])
    assert r.status == "done" and not r.pending_sign_off and r.signed_off == d("2025-12-27")


# --- SPEC §5 `report --unit`: its own share, what it supports, what falls due ---------------------

SAMPLE_AT = ["--progress", str(SAMPLE), "--as-of", "2026-11-27"]


def _report(*args: str) -> str:
    result = CliRunner().invoke(app, ["report", *args], env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_report_counts_the_units_own_statuses(tl: TaskList) -> None:
    out = _report("--unit", "市住建", *SAMPLE_AT)
    summary = (
        "合计 11 项:逾期 1 / 滞后 0 / 临期 0 / 未按期报送 1 / 正常推进 4 / 逾期完成 2 / 已完成 3"
    )
    assert summary in out


def test_report_lists_only_the_tasks_the_unit_supports(tl: TaskList) -> None:
    data = json.loads(_report("--unit", "市住建", *SAMPLE_AT, "--format", "json"))
    assert [t["id"] for t in data["support"]] == [2, 3, 4, 6, 8, 10, 11, 18]
    assert data["unreported"] == [15]


def test_report_next_due_names_the_indicator(tl: TaskList) -> None:
    data = json.loads(_report("--unit", "盐池", *SAMPLE_AT, "--format", "json"))
    assert data["next_due"] == [
        {"due": "2026-12-31", "days": 34, "task": 3, "part": "party_branch_rate"},
        {"due": "2026-12-31", "days": 34, "task": 4, "part": "committee_rate"},
    ]


def test_report_a_date_due_today_is_still_next(tl: TaskList) -> None:
    at = ["--progress", str(SAMPLE), "--as-of", "2026-12-31", "--format", "json"]
    data = json.loads(_report("--unit", "市住建", *at))
    assert data["next_due"] == [{"due": "2026-12-31", "days": 0, "task": 13, "part": "due"}]


def test_after_expiry_next_due_counts_from_the_expiry_date(tl: TaskList) -> None:
    """A measure due 2027-12-20 (past the policy's end): on 2028-03-01 it is 19 days off 12-01."""
    late = {**tl.tasks[7].model_dump(exclude={"from_"}), "due": d("2027-12-20")}
    moved = dataclasses.replace(tl, tasks={**tl.tasks, 7: Task.model_validate(late)})
    view = unit_view(evaluate(moved, [], d("2028-03-01")), HOUSING)
    assert [(u.due, u.days, u.task.task.id) for u in view.upcoming] == [(d("2027-12-20"), 19, 7)]


# --- WZ130 unknown-duty: what it suggests ---------------------------------------------------------


def test_unknown_duty_suggests_three_of_the_units_own_keys(tl: TaskList, tmp_path: Path) -> None:
    assert said(tl, tmp_path, HEAD + "  - duty: 县级主管部门-40\n" + DONE) == [
        (
            4,
            11,
            "WZ130",
            "没有编号为 县级主管部门-40 的职责。是不是 县级主管部门-4、县级主管部门-9、县级主管部门-8?",
            "there is no duty 县级主管部门-40. Did you mean 县级主管部门-4, 县级主管部门-9, 县级主管部门-8?",
        )
    ]


def test_unknown_duty_suggests_a_loose_match(tl: TaskList, tmp_path: Path) -> None:
    """县级主 is half of 县级主管部门-N (a ratio of 0.55): still worth suggesting."""
    [(_, _, _, zh, _)] = said(tl, tmp_path, HEAD + "  - duty: 县级主\n" + DONE)
    assert zh == "没有编号为 县级主 的职责。是不是 县级主管部门-9、县级主管部门-8、县级主管部门-7?"


def test_unknown_duty_of_a_unit_suggests_none_of_the_other_units_keys(
    tl: TaskList, tmp_path: Path
) -> None:
    text = "unit: 市住建局\ndate: 2025-12-20\nentries:\n  - duty: 县级主管部门-40\n" + DONE
    assert said(tl, tmp_path, text) == [
        (
            4,
            11,
            "WZ130",
            "没有编号为 县级主管部门-40 的职责。用 wz-tasks duties 查看职责编号。",
            "there is no duty 县级主管部门-40. See wz-tasks duties for the keys.",
        )
    ]


def test_unknown_duty_in_a_file_of_an_unknown_unit_suggests_any_key(
    tl: TaskList, tmp_path: Path
) -> None:
    text = "unit: 盐迟县\ndate: 2025-12-20\nentries:\n  - duty: 县级主管部门-40\n" + DONE
    found = [(code, zh) for _, _, code, zh, _ in said(tl, tmp_path, text)]
    assert found[1] == (
        "WZ130",
        "没有编号为 县级主管部门-40 的职责。是不是 县级主管部门-4、县级主管部门-9、县级主管部门-8?",
    )


# --- SPEC §5 status JSON: every kind of part as the sample shows it on 2026-11-27 ------------------

PARTS = {
    # (task, unit): [(part, status, due, days, value, target, expected, done_on)]
    (2, "盐池县人民政府"): [("due", "done", "2025-06-30", 0, None, None, None, "2025-06-20")],
    (2, "同心县人民政府"): [("due", "done_late", "2025-06-30", 15, None, None, None, "2025-07-15")],
    (7, "市住建局"): [("due", "overdue", "2025-12-31", 331, None, None, None, None)],
    (13, "市住建局"): [("due", "on_track", "2026-12-31", 34, None, None, None, None)],
    (5, "盐池县人民政府"): [("ongoing", "on_track", None, None, None, None, None, None)],
    (3, "盐池县人民政府"): [
        ("party_branch_rate", "behind", "2026-12-31", 34, 85.0, 90.0, 88.1, None),
        ("party_work_coverage", "done", "2025-12-31", 0, 100.0, 100.0, None, "2025-12-31"),
    ],
    (4, "红寺堡区人民政府"): [
        ("committee_rate", "on_track", "2026-12-31", 34, 79.0, 80.0, None, None)
    ],
    (4, "青铜峡市人民政府"): [
        ("committee_rate", "done", "2026-12-31", 0, 82.0, 80.0, None, "2026-09-30")
    ],
    (4, "同心县人民政府"): [
        ("committee_rate", "overdue", "2025-12-31", 331, 58.0, 60.0, None, None)
    ],
    (20, "市住建局"): [
        ("aaa_companies", "done_late", "2025-12-31", 90, 4.0, 3.0, None, "2026-03-31")
    ],
}


def test_status_json_gives_each_part_its_date_days_and_figures() -> None:
    result = CliRunner().invoke(app, ["status", *SAMPLE_AT, "--format", "json"])
    assert result.exit_code == 0, result.output
    fields = ("part", "status", "due", "days", "value", "target", "expected", "done_on")
    got = {
        (t["id"], u["unit"]): [tuple(p[f] for f in fields) for p in u["parts"]]
        for t in json.loads(result.stdout)["tasks"]
        for u in t["units"]
    }
    assert {k: got[k] for k in PARTS} == PARTS


def test_a_recurring_item_not_yet_begun_counts_down_to_its_first_deadline(tl: TaskList) -> None:
    old = tl.tasks[14]
    data = {**old.model_dump(exclude={"from_"}), "due": None, "ongoing": False}
    yearly = Task.model_validate({**data, "every": "year", "from": d("2026-01-01")})
    rt = dataclasses.replace(tl, tasks={**tl.tasks, 14: yearly})
    [part] = _housing(rt, [], "2025-12-10", task=14).parts
    assert (part.part, part.status, part.due, part.days) == (
        "recurring",
        "on_track",
        d("2026-12-31"),
        386,
    )


# --- SPEC §3 indicators: task 4's committee_rate (60 % by 2025-12-31, 80 % by 2026-12-31) ----------

YANCHI = "盐池县人民政府"


def _rate(tl: TaskList, as_of: str, **fields: object) -> tuple[object, ...]:
    subs = [sub(YANCHI, "2025-05-20", {"task": 4, **fields})]
    task = evaluate(tl, subs, d(as_of)).task(4)
    [p] = next(u for u in task.units if u.unit == YANCHI).parts
    return (p.part, p.status, p.due, p.days, p.value, p.target)


def test_no_figure_yet_counts_down_to_the_next_milestone(tl: TaskList) -> None:
    got = _rate(tl, "2025-06-01")
    assert got == ("committee_rate", "on_track", d("2025-12-31"), 213, None, 60.0)


def test_a_milestone_thirty_days_off_is_due_soon(tl: TaskList) -> None:
    assert _rate(tl, "2025-12-01")[1:4] == ("due_soon", d("2025-12-31"), 30)


def test_a_figure_at_the_next_milestone_is_on_track_even_when_it_is_near(tl: TaskList) -> None:
    got = _rate(tl, "2025-12-15", value=60)
    assert got == ("committee_rate", "on_track", d("2025-12-31"), 16, 60.0, 60.0)


def test_a_figure_past_the_next_milestone_is_on_track(tl: TaskList) -> None:
    got = _rate(tl, "2025-06-01", value=65)
    assert got == ("committee_rate", "on_track", d("2025-12-31"), 213, 65.0, 60.0)


def test_a_passed_milestone_met_exactly_is_not_overdue(tl: TaskList) -> None:
    assert _rate(tl, "2026-01-10", value=60)[1:3] == ("behind", d("2026-12-31"))


# --- SPEC §10.1: a recurring part's status, date and days --------------------------------------


def _monthly(tl: TaskList, **by: int) -> TaskList:
    """Task 14 made a monthly duty of 市住建局 (by the `by` day, else each month's last day)."""
    old = tl.tasks[14]
    data = {**old.model_dump(exclude={"from_"}), "due": None, "ongoing": False, "every": "month"}
    task = Task.model_validate({**data, "by": by or None})
    return dataclasses.replace(tl, tasks={**tl.tasks, 14: task})


def _part(tl: TaskList, subs: list[Submission], as_of: str) -> tuple[object, ...]:
    [p] = _housing(tl, subs, as_of, task=14).parts
    return (p.part, p.status, p.due, p.days, p.done_on)


def _done(day: str, **fields: object) -> Submission:
    return sub(HOUSING, day, {"task": 14, "status": "done", **fields})


def test_on_a_periods_first_day_it_is_the_current_one(tl: TaskList) -> None:
    """November done; on 12-01 December (due 12-25, 24 days off) is what counts, not done."""
    got = _part(_monthly(tl, day=25), [_done("2025-11-20")], "2025-12-01")
    assert got == ("recurring", "on_track", d("2025-12-25"), 24, None)


def test_on_a_periods_last_day_the_one_before_still_counts(tl: TaskList) -> None:
    """Nothing reported: on 11-30 October is overdue (by 30 days); November is due today."""
    got = _part(_monthly(tl), [], "2025-11-30")
    assert got == ("recurring", "overdue", d("2025-10-31"), 30, None)


def test_a_period_due_today_is_due_soon_not_overdue(tl: TaskList) -> None:
    subs = [_done("2025-10-20")]
    got = _part(_monthly(tl, day=25), subs, "2025-11-25")
    assert got == ("recurring", "due_soon", d("2025-11-25"), 0, None)


def test_done_on_the_deadline_is_done_with_no_days_late(tl: TaskList) -> None:
    subs = [_done("2025-10-20"), _done("2025-11-25")]
    got = _part(_monthly(tl, day=25), subs, "2025-11-26")
    assert got == ("recurring", "done", d("2025-10-25"), 0, d("2025-10-20"))  # October decides


def test_done_after_the_deadline_counts_the_days_late(tl: TaskList) -> None:
    subs = [_done("2025-10-20"), _done("2025-11-28", done_on=d("2025-11-27"))]
    got = _part(_monthly(tl, day=25), subs, "2025-11-29")
    assert got == ("recurring", "done_late", d("2025-11-25"), 2, d("2025-11-27"))


def test_a_report_dated_after_the_as_of_date_does_not_hide_the_others(tl: TaskList) -> None:
    """Files come in any order: one dated later than D is skipped, the rest still count."""
    later = sub(HOUSING, "2026-01-20", {"task": 7, "status": "done"})
    done = sub(HOUSING, "2025-12-20", {"task": 7, "status": "done"})
    r = _housing(tl, [later, done], "2026-01-05")
    assert (r.status, r.done_on) == ("done", d("2025-12-20"))


# --- SPEC §9: the reporting clock by interval ------------------------------------------------------


def test_done_for_good_still_shows_its_last_report_and_silence(tl: TaskList) -> None:
    """Task 7 done on 2025-12-20: nothing more is owed, but the bulletin still shows the date."""
    rep = _housing(tl, [DONE_7], "2026-03-01").reporting
    assert (rep.state, rep.last_report, rep.days_since) == ("on_time", d("2025-12-20"), 71)
    assert (rep.next_due, rep.missed_in_a_row, rep.escalation) == (None, 0, None)


def test_on_the_effective_date_the_first_report_is_owed(tl: TaskList) -> None:
    """Nothing reported on 2024-12-01, the day the policy took effect: due in 90 days."""
    rep = _housing(tl, [], "2024-12-01").reporting
    assert (rep.state, rep.days_since, rep.next_due) == ("on_time", 0, d("2025-03-01"))


def test_within_the_interval_days_since_counts_from_the_last_report(tl: TaskList) -> None:
    rep = _housing(tl, [sub(HOUSING, "2025-12-01", {"task": 7})], "2025-12-11").reporting
    assert (rep.state, rep.days_since, rep.next_due) == ("on_time", 10, d("2026-03-01"))


# --- SPEC §3 done_on: the closing run of "done" reports -------------------------------------------


def test_done_reported_again_keeps_the_done_on_given_first(tl: TaskList) -> None:
    """In progress, then done (done_on 12-18, filed 12-20), then done again: done on 12-18."""
    subs = [
        sub(HOUSING, "2025-11-01", {"task": 7}),
        sub(HOUSING, "2025-12-20", {"task": 7, "status": "done", "done_on": d("2025-12-18")}),
        sub(HOUSING, "2026-01-03", {"task": 7, "status": "done"}),
    ]
    r = _housing(tl, subs, "2026-01-05")
    assert (r.status, r.done_on) == ("done", d("2025-12-18"))


def test_done_after_a_report_in_progress_counts_from_the_first_done(tl: TaskList) -> None:
    subs = [
        sub(HOUSING, "2025-11-01", {"task": 7}),
        sub(HOUSING, "2026-01-02", {"task": 7, "status": "done"}),
        sub(HOUSING, "2026-01-04", {"task": 7, "status": "done"}),
    ]
    r = _housing(tl, subs, "2026-01-05")
    assert (r.status, r.done_on, r.days_late) == ("done_late", d("2026-01-02"), 2)


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("task: 九", "task 的值 九 不对:应当是整数"),
        ("duty: [1, 2]", "duty 的值 […] 不对:应当是文字"),
    ],
)
def test_an_entry_whose_item_was_rejected_is_not_also_said_to_name_none(
    tl: TaskList, tmp_path: Path, item: str, message: str
) -> None:
    """WZ103 says what is wrong with the value; WZ128 (names no task or duty) would mislead."""
    found = said(tl, tmp_path, HEAD + f"  - {item}\n" + DONE)
    assert [(line, column, code, zh) for line, column, code, zh, _ in found] == [
        (4, 11, "WZ103", message)
    ]


def test_a_sign_off_under_a_policy_without_a_known_supervisor_names_none(
    tl: TaskList, tmp_path: Path
) -> None:
    policy = tl.policy.model_copy(update={"responsible": "吴忠市督查室"})
    odd = dataclasses.replace(tl, policy=policy)
    text = SIGN + "  - {task: 7, unit: 市住建局, date: 2026-01-10}\n"
    [(line, column, code, zh, _)] = said(odd, tmp_path, text)
    assert (line, column, code) == (4, 3, "WZ135")
    assert zh == "只有督办单位 — 可以销号,市住建局 不能。请删去 sign_off"


def test_a_sign_off_from_a_county_names_the_supervising_unit(tl: TaskList, tmp_path: Path) -> None:
    text = "unit: 盐池县\ndate: 2025-12-20\nsign_off:\n  - {task: 7, unit: 市住建局, date: 2025-12-20}\n"
    [(_, _, code, zh, en)] = said(tl, tmp_path, text)
    assert (code, zh) == (
        "WZ135",
        "只有督办单位 市住建局 可以销号,盐池县人民政府 不能。请删去 sign_off",
    )
    assert en.startswith("only the supervising unit 市住建局 signs items off")
