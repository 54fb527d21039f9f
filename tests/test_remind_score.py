"""SPEC §10.5: 催报 (who owes what by when) and scoring, on hand-made reports."""

from __future__ import annotations

import pytest
from conftest import d, sub

from wz_tasks.evaluate import ItemRef, evaluate
from wz_tasks.models import Scoring
from wz_tasks.remind import remind
from wz_tasks.scoring import score
from wz_tasks.tasklist import TaskList

HOUSING = "市住建局"
TONGXIN = "同心县人民政府"


def _kinds(rows, unit):  # type: ignore[no-untyped-def]
    found = next(r for r in rows if r.unit == unit)
    return [(r.item.key, r.kind, r.deadline, r.days) for r in found.items if r.item.kind == "task"]


def test_remind_names_late_reports_with_contact_and_escalation(tl: TaskList) -> None:
    s = sub(HOUSING, "2025-06-01", {"task": 14, "progress": "x"})
    s = type(s)(s.unit, s.report.model_copy(update={"contact": "张三 0953-1234567"}), s.path)
    ev = evaluate(tl, [s], d("2025-12-01"))
    rows = remind(ev, [s], tl.policy.escalation, within=14, unit=HOUSING)
    assert [r.unit for r in rows] == [HOUSING]
    row = rows[0]
    # Its worst item: measures never reported, 365 days since 2024-12-01 = 4 intervals missed.
    assert (row.contact, row.escalation, row.missed_in_a_row) == ("张三 0953-1234567", "约谈", 4)
    items = _kinds(rows, HOUSING)
    assert (14, "report_late", d("2025-08-30"), 93) in items
    # Tasks never reported at all are late since 2025-03-01 (90 days after the effective date).
    assert (1, "report_late", d("2025-03-01"), 275) in items


def test_remind_due_soon_and_overdue_deadlines(tl: TaskList) -> None:
    subs = [sub(HOUSING, "2025-12-01", {"task": t, "progress": "x"}) for t in tl.tasks]
    ev = evaluate(tl, subs, d("2025-12-20"))
    items = _kinds(remind(ev, subs, tl.policy.escalation, within=14, unit=HOUSING), HOUSING)
    assert (7, "due_soon", d("2025-12-31"), 11) in items
    assert not any(kind == "report_late" for _, kind, _, _ in items)
    ev = evaluate(tl, subs, d("2026-01-05"))
    items = _kinds(remind(ev, subs, tl.policy.escalation, within=14, unit=HOUSING), HOUSING)
    assert (7, "overdue", d("2025-12-31"), 5) in items


def test_remind_report_due_within_the_window_only(tl: TaskList) -> None:
    subs = [sub(HOUSING, "2025-12-01", {"task": 14, "progress": "x"})]
    ev = evaluate(tl, subs, d("2026-02-20"))  # next report due 2026-03-01: 9 days
    within_14 = _kinds(remind(ev, subs, tl.policy.escalation, within=14, unit=HOUSING), HOUSING)
    assert (14, "report_due", d("2026-03-01"), 9) in within_14
    within_7 = remind(ev, subs, tl.policy.escalation, within=7, unit=HOUSING)
    assert all(r.item != ItemRef("task", 14) for row in within_7 for r in row.items)


def test_remind_orders_units_most_missed_first(tl: TaskList) -> None:
    led = [{"task": t.id, "progress": "x"} for t in tl.tasks.values() if TONGXIN in tl.leads(t)]
    led += [{"duty": k.key, "progress": "x"} for k in tl.duties_of(TONGXIN)]
    subs = [sub(TONGXIN, "2025-11-01", *led)]
    ev = evaluate(tl, subs, d("2025-12-01"))
    rows = remind(ev, subs, tl.policy.escalation, within=14)
    missed = [r.missed_in_a_row for r in rows]
    assert missed == sorted(missed, reverse=True) and missed[0] == 4
    tongxin = next(r for r in rows if r.unit == TONGXIN)  # reported everything it leads
    assert rows[-1] is tongxin and tongxin.escalation is None
    assert {r.kind for r in tongxin.items} == {"overdue"}  # what fell due in June 2025


RULES = Scoring(base=100, deduct={"overdue": 5, "behind": 2, "missed_report": 1})


def test_score_deducts_per_status_and_per_missed_period(tl: TaskList) -> None:
    subs = [sub(HOUSING, "2025-12-01", {"task": t, "progress": "x"}) for t in tl.tasks]
    subs += [
        sub(HOUSING, "2025-12-01", {"duty": k.key, "progress": "x"}) for k in tl.duties_of(HOUSING)
    ]
    ev = evaluate(tl, subs, d("2026-01-05"))
    housing = next(s for s in score(ev, RULES) if s.unit == HOUSING)
    overdue = [x for x in housing.deductions if x.reason == "overdue"]
    assert overdue and all(x.points == 5 for x in overdue)
    assert housing.score == 100 - sum(x.points for x in housing.deductions)
    assert not any(x.reason == "missed_report" for x in housing.deductions)


def test_score_missed_reports_count_each_period(tl: TaskList) -> None:
    # Nothing reported since 2024-12-01: 274 days, reports missed on 03-01, 05-30 and 08-28.
    ev = evaluate(tl, [], d("2025-09-01"))
    housing = next(s for s in score(ev, RULES) if s.unit == HOUSING)
    missed = [x for x in housing.deductions if x.reason == "missed_report"]
    assert missed and all((x.count, x.points) == (3, 3) for x in missed)
    ev = evaluate(tl, [], d("2025-08-28"))
    housing = next(s for s in score(ev, RULES) if s.unit == HOUSING)
    assert {x.count for x in housing.deductions if x.reason == "missed_report"} == {2}


def test_score_equal_scores_share_a_rank(tl: TaskList) -> None:
    ev = evaluate(tl, [], d("2025-09-01"))
    ranked = score(ev, RULES)
    assert ranked == sorted(ranked, key=lambda s: (-s.score, s.unit))
    assert ranked[0].rank == 1
    counties = [s for s in ranked if s.unit.endswith("人民政府") and "吴忠" not in s.unit]
    assert len({s.score for s in counties}) == 1 and len({s.rank for s in counties}) == 1
    for s in ranked:
        assert s.rank == 1 + sum(1 for o in ranked if o.score > s.score)


@pytest.mark.parametrize("bad", [{"overdue": -1}, {"late": 1}])
def test_scoring_rules_are_validated(bad: dict[str, float]) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Scoring.model_validate({"deduct": bad})


def test_embedded_policy_ships_example_rules_marked_as_such(tl: TaskList) -> None:
    assert tl.policy.scoring is not None and "示例" in (tl.policy.scoring.note or "")
    assert [lv.level for lv in tl.policy.escalation] == ["提醒", "通报", "约谈"]


def test_duties_owe_reports_too(tl: TaskList) -> None:
    """Each county reports the duties of 县级主管部门 and 乡镇街道 for its own area (SPEC §10.2)."""
    ev = evaluate(tl, [], d("2025-09-01"))
    rows = remind(ev, [], tl.policy.escalation, within=14, unit=TONGXIN)
    duties = {r.item.key for r in rows[0].items if r.item.kind == "duty"}
    assert "县级主管部门-4" in duties and "乡镇街道-8" in duties and "市住建局-1" not in duties


def test_recurring_duty_missed_this_quarter_is_overdue(tl: TaskList) -> None:
    """县级主管部门-4 is quarterly: Q2 2025 done, Q3 never — overdue once Q3 has ended."""
    done_q2 = sub(
        TONGXIN, "2025-06-20", {"duty": "县级主管部门-4", "status": "done", "progress": "复核完成"}
    )
    r = evaluate(tl, [done_q2], d("2025-10-15")).duty("县级主管部门-4")
    tongxin = next(u for u in r.units if u.unit == TONGXIN)
    assert [(p.label, p.status) for p in tongxin.periods][1:4] == [
        ("2025-Q2", "done"),
        ("2025-Q3", "overdue"),
        ("2025-Q4", "on_track"),
    ]
    assert tongxin.status == "overdue" and r.status == "overdue"
    assert {u.unit for u in r.units} == set(tl.registry.expand(["各县(市、区)人民政府"]))


def test_a_duty_linked_to_a_measure_is_reported_by_the_measures_entries(tl: TaskList) -> None:
    """市住建局-1 (联席会议制度) is the same commitment as task 1: reporting task 1 reports it."""
    s = sub(HOUSING, "2025-11-01", {"task": 1, "progress": "联席会议已召开"})
    ev = evaluate(tl, [s], d("2025-12-01"))
    linked = ev.duty("市住建局-1").units[0]
    assert linked.reporting.last_report == d("2025-11-01") and not linked.stale
    unlinked = ev.duty("市住建局-2").units[0]
    assert unlinked.reporting.last_report is None and unlinked.stale
