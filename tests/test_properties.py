"""Invariants, by hypothesis: the loader never raises, the evaluator never raises, a later `done`
or a higher value never makes a status worse, and file order does not matter."""

from __future__ import annotations

import datetime as dt
import random

from conftest import sub
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wz_tasks.evaluate import evaluate
from wz_tasks.labels import STATUSES
from wz_tasks.load import load_task_list, parse_report
from wz_tasks.models import Submission
from wz_tasks.rules import check_reports

TL = load_task_list()
RANK = {s: i for i, s in enumerate(STATUSES)}
DAYS = st.dates(min_value=dt.date(2024, 11, 1), max_value=dt.date(2028, 1, 31))
PAIRS = [(u, t.id) for t in TL.tasks.values() for u in TL.leads(t)]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _scalar() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            [
                "unit",
                "date",
                "entries",
                "task",
                "value",
                "status",
                "done",
                "2025-13-01",
                "~",
                ".nan",
                "&a",
                "*a",
                "!!x",
                "- ",
                "盐池县",
                "待填写",
                "{",
                "[",
                ":",
                "#",
                "'",
                '"',
                "\t",
            ]
        ),
        st.text(max_size=8),
    )


@SETTINGS
@given(st.binary(max_size=2000))
def test_loader_never_raises_on_bytes(data: bytes) -> None:
    pr = parse_report("x.yaml", data)
    check_reports(TL, [pr], dt.date(2026, 11, 27), future_is_error=True)


@SETTINGS
@given(
    st.lists(
        st.tuples(st.integers(0, 6), _scalar(), st.sampled_from([": ", ":", " ", ""])), max_size=30
    )
)
def test_loader_never_raises_on_yaml_like_text(lines: list[tuple[int, str, str]]) -> None:
    text = "\n".join(" " * indent + word + sep + word for indent, word, sep in lines)
    pr = parse_report("x.yaml", text.encode())
    checked = check_reports(TL, [pr], dt.date(2026, 11, 27), future_is_error=True)
    for d in checked.diagnostics:
        assert d.line >= 1 and d.column >= 1 and d.message()


entry_values = st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100))


@st.composite
def submissions(draw: st.DrawFn) -> list[Submission]:
    """Valid reports: lead units on their own tasks, one entry per task, distinct dates."""
    out = []
    used: set[tuple[str, dt.date]] = set()
    for _ in range(draw(st.integers(0, 12))):
        unit, task_id = draw(st.sampled_from(PAIRS))
        date = draw(DAYS.filter(lambda x: x >= TL.policy.effective))
        if (unit, date) in used:
            continue
        used.add((unit, date))
        task = TL.tasks[task_id]
        fields: dict[str, object] = {"task": task_id}
        if task.indicators:
            value = draw(entry_values)
            if value is not None:
                kind = task.indicators[0].kind
                fields["value"] = int(value) if kind == "count" else value
        elif task.completes:
            status = draw(st.sampled_from(["not_started", "in_progress", "done"]))
            fields["status"] = status
            if status == "done" and draw(st.booleans()):
                fields["done_on"] = date - dt.timedelta(days=draw(st.integers(0, 60)))
        out.append(sub(unit, date.isoformat(), fields))
    return out


def _statuses(subs: list[Submission], as_of: dt.date) -> dict[tuple[int, str], str]:
    ev = evaluate(TL, subs, as_of)
    return {(r.task.id, u.unit): u.status for r in ev.tasks for u in r.units}


@SETTINGS
@given(submissions(), DAYS)
def test_evaluator_never_raises(subs: list[Submission], as_of: dt.date) -> None:
    ev = evaluate(TL, subs, as_of)
    assert sum(ev.summary.values()) == len(TL.tasks)
    assert all(r.status in STATUSES for r in ev.tasks)


@SETTINGS
@given(submissions(), DAYS, st.randoms())
def test_file_order_does_not_matter(
    subs: list[Submission], as_of: dt.date, rnd: random.Random
) -> None:
    shuffled = list(subs)
    rnd.shuffle(shuffled)
    assert _statuses(subs, as_of) == _statuses(shuffled, as_of)


@SETTINGS
@given(
    submissions(),
    DAYS,
    st.sampled_from([p for p in PAIRS if TL.tasks[p[1]].due]),
    st.integers(0, 200),
)
def test_a_later_done_never_makes_a_status_worse(
    subs: list[Submission], as_of: dt.date, pair: tuple[str, int], after: int
) -> None:
    unit, task_id = pair
    mine = [s.report.date for s in subs if s.unit == unit and s.report.date <= as_of]
    date = max([*mine, TL.policy.effective]) + dt.timedelta(days=1 + after % 30)
    if date > as_of or any(s.unit == unit and s.report.date == date for s in subs):
        return
    before = _statuses(subs, as_of)[(task_id, unit)]
    done = sub(unit, date.isoformat(), {"task": task_id, "status": "done"})
    after_status = _statuses([*subs, done], as_of)[(task_id, unit)]
    assert RANK[after_status] >= RANK[before], (before, after_status)


@SETTINGS
@given(submissions(), DAYS, st.floats(0, 50))
def test_raising_a_value_never_makes_a_status_worse(
    subs: list[Submission], as_of: dt.date, more: float
) -> None:
    before = _statuses(subs, as_of)
    raised = []
    for s in subs:
        entries = []
        for e in s.report.entries:
            task = TL.tasks[e.task]
            if e.value is not None and task.indicators:
                top = 100.0 if task.indicators[0].kind == "percent" else 1e6
                bump = more if task.indicators[0].kind == "percent" else round(more)
                e = e.model_copy(update={"value": min(top, e.value + bump)})
            entries.append(e)
        raised.append(Submission(s.unit, s.report.model_copy(update={"entries": entries}), s.path))
    after = _statuses(raised, as_of)
    for key, status in before.items():
        assert RANK[after[key]] >= RANK[status], (key, status, after[key])
