"""The bulletin (通报, SPEC §11) on the sample progress: its content, and each format's layout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from conftest import AS_OF, SAMPLE, sub
from typer.testing import CliRunner

from wz_tasks.bulletin import (
    Bulletin,
    BulletinError,
    build_bulletin,
    run_bulletin,
    shares,
    short_name,
)
from wz_tasks.cli import app
from wz_tasks.models import Submission, Unit
from wz_tasks.render.bulletin_html import render_html
from wz_tasks.render.bulletin_md import md, render_markdown
from wz_tasks.render.bulletin_words import chinese_number, typeset
from wz_tasks.status import Status
from wz_tasks.tasklist import TaskList
from wz_tasks.units import UnitRegistry
from wz_tasks.workspace import open_workspace

MONTH, QUARTER = "2026-11", "2026-Q3"
COUNTIES = (
    "利通区人民政府",
    "红寺堡区人民政府",
    "青铜峡市人民政府",
    "盐池县人民政府",
    "同心县人民政府",
)


@pytest.fixture(scope="module")
def subs(tl: TaskList) -> list[Submission]:
    ws, _ = open_workspace(tl, [SAMPLE], AS_OF)
    return list(ws.checked.submissions)


@pytest.fixture(scope="module")
def month(tl: TaskList, subs: list[Submission]) -> Bulletin:
    return build_bulletin(tl, subs, MONTH, AS_OF, 11)


@pytest.fixture(scope="module")
def quarter(tl: TaskList, subs: list[Submission]) -> Bulletin:
    return build_bulletin(tl, subs, QUARTER, AS_OF, 9)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "as_of", "previous"),
    [
        ("2026-11", "2026-11-27", "2026-10-31"),  # still running: as of D
        ("2026-10", "2026-10-31", "2026-09-30"),
        ("2026-Q3", "2026-09-30", "2026-06-30"),
        ("2026-H1", "2026-06-30", "2025-12-31"),
        ("2025", "2025-12-31", "2024-12-31"),
        ("2026-W05", "2026-02-01", "2026-01-25"),
    ],
)
def test_period_sets_as_of_its_end_and_previous_the_end_of_the_one_before(
    tl: TaskList, subs: list[Submission], period: str, as_of: str, previous: str
) -> None:
    b = build_bulletin(tl, subs, period, AS_OF, None)
    assert (b.as_of, b.previous_as_of) == (d(as_of), d(previous))


def test_no_period_is_as_of_d_against_one_month_earlier(
    tl: TaskList, subs: list[Submission]
) -> None:
    b = build_bulletin(tl, subs, None, AS_OF, None)
    assert (b.period, b.as_of, b.previous_as_of) == (None, AS_OF, d("2026-10-27"))
    assert render_markdown(b).startswith(
        "# 关于《关于进一步加强吴忠市物业服务管理工作的意见》落实情况的通报\n"
    )


@pytest.mark.parametrize("period", ["2026-13", "2026-Q5", "Q3", "本月", "2027-01"])
def test_period_that_is_no_period_or_has_not_begun_is_a_usage_error(
    tl: TaskList, subs: list[Submission], period: str
) -> None:
    with pytest.raises(BulletinError) as caught:
        build_bulletin(tl, subs, period, AS_OF, None)
    assert period in caught.value.message("zh") and period in caught.value.message("en")


# --- content ----------------------------------------------------------------------------------


def status_summary(as_of: str) -> dict[str, int]:
    result = CliRunner().invoke(
        app, ["status", "--as-of", as_of, "--progress", str(SAMPLE), "--format", "json"]
    )
    summary: dict[str, int] = json.loads(result.stdout)["summary"]
    return summary


@pytest.mark.parametrize("which", ["month", "quarter"])
def test_summary_counts_match_status_and_shares_are_hand_checked(
    which: str, request: pytest.FixtureRequest
) -> None:
    b: Bulletin = request.getfixturevalue(which)
    counts = {s.status.value: s.count for s in b.summary}
    assert counts == status_summary(b.as_of.isoformat())
    # By hand from `wz-tasks status`: 2 overdue (4, 7), 1 behind (3), 2 stale (5, 15), 7 on
    # track, 4 done late (2, 8, 12, 20), 4 done (1, 9, 11, 19) of 20 — on both dates.
    assert counts == {
        "overdue": 2,
        "behind": 1,
        "due_soon": 0,
        "stale": 2,
        "on_track": 7,
        "done_late": 4,
        "done": 4,
    }
    assert [s.share for s in b.summary] == [10.0, 5.0, 0.0, 10.0, 35.0, 20.0, 20.0]
    assert b.total == 20
    assert (b.light_count("red"), b.light_count("yellow"), b.light_count("green")) == (2, 3, 15)


def test_shares_have_one_decimal_and_always_sum_to_100() -> None:
    assert shares([1, 1, 1]) == [33.4, 33.3, 33.3]
    assert shares([2, 1, 0]) == [66.7, 33.3, 0.0]
    assert shares([1, 5, 1]) == [14.3, 71.4, 14.3]
    for counts in ([1, 2, 3, 4, 5, 6, 7], [3, 3, 3, 3, 3, 3, 1], [1] * 7, [13, 0, 6]):
        assert round(sum(shares(counts)), 1) == 100.0
    assert shares([0, 0]) == [0.0, 0.0]


def test_changes_name_newly_red_green_and_done_by_task(
    tl: TaskList, subs: list[Submission]
) -> None:
    b = build_bulletin(tl, subs, "2026-Q1", AS_OF, None)  # against 2025-12-31
    assert [c.task.id for c in b.newly_red] == [4, 7]
    assert [c.task.id for c in b.newly_green] == [8, 12, 20]
    assert [c.task.id for c in b.newly_done] == [8, 12, 20]
    data = b.as_json()["changes"]
    assert (data["newly_red"], data["newly_done"]) == ([4, 7], [8, 12, 20])
    assert {"task": 4, "before": "behind", "now": "overdue"} in data["tasks"]


def test_changes_in_the_quarter_are_yellow_only(quarter: Bulletin) -> None:
    moved = {c.task.id: (c.before, c.now) for c in quarter.changes}
    assert moved == {
        3: (Status.ON_TRACK, Status.BEHIND),
        5: (Status.ON_TRACK, Status.STALE),
        15: (Status.ON_TRACK, Status.STALE),
    }
    assert not (quarter.newly_red or quarter.newly_green or quarter.newly_done)


def test_no_change_in_the_month_is_said(month: Bulletin) -> None:
    assert month.changes == ()
    assert "各项措施状态无变化" in render_markdown(month)


def test_lagging_items_are_named_with_number_unit_and_how_far(month: Bulletin) -> None:
    found = [
        (x.task.id, x.unit, x.status.value, x.days_overdue, x.points_behind) for x in month.lagging
    ]
    assert found == [
        (4, "同心县人民政府", "overdue", 331, None),  # 58% against 60% due 2025-12-31
        (7, "市住建局", "overdue", 331, None),
        (3, "盐池县人民政府", "behind", None, 3.1),  # 85% against the line's 88.1%
        (4, "利通区人民政府", "behind", None, 3.1),  # 75% against 78.1%
    ]
    text = render_markdown(month)
    assert "同心县负责的第4项、市住建局负责的第7项逾期未完成" in text
    assert "盐池县负责的第3项、利通区负责的第4项未达到序时进度" in text
    rows = month.as_json()["lagging"]
    assert rows[1]["detail"] == "逾期331天(应于2025-12-31完成)"
    assert rows[2]["detail"] == "当前85%,低于序时进度(88.1%)3.1个百分点(2026-12-31目标90%)"


def test_lagging_in_the_quarter_is_measured_at_its_end(quarter: Bulletin) -> None:
    assert [(x.task.id, x.days_overdue, x.points_behind) for x in quarter.lagging] == [
        (4, 273, None),
        (7, 273, None),
        (3, None, 2.0),
        (4, None, 2.0),
    ]


def test_late_reporters_are_named_with_their_escalation(month: Bulletin) -> None:
    data = month.as_json()["late_reporters"]
    assert [(r["unit"], r["days_since"], r["escalation"], r["tasks"]) for r in data] == [
        ("同心县人民政府", 150, "提醒", [5]),
        ("市住建局", 150, "提醒", [15]),
    ]
    assert "同心县、市住建局等2个单位未按要求报送进度" in render_markdown(month)


def test_matrix_is_the_counties_by_the_measures_they_lead(month: Bulletin) -> None:
    m = month.matrix
    assert m is not None
    assert m.units == COUNTIES
    assert [row.task.id for row in m.rows] == [2, 3, 4, 5, 6, 8, 10, 11, 18]
    cell = {
        (row.task.id, unit): s for row in m.rows for unit, s in zip(m.units, row.cells, strict=True)
    }
    assert cell[(4, "同心县人民政府")] is Status.OVERDUE
    assert cell[(4, "利通区人民政府")] is Status.BEHIND
    assert cell[(3, "盐池县人民政府")] is Status.BEHIND
    assert cell[(5, "同心县人民政府")] is Status.STALE
    assert cell[(11, "青铜峡市人民政府")] is Status.DONE
    assert month.as_json()["matrix"]["rows"][2]["cells"][4] == {"status": "overdue", "light": "red"}


def test_forecasts_on_the_sample_series(month: Bulletin) -> None:
    by = {(v.task.id, v.indicator.key, s.unit): s for v in month.indicators for s in v.series}
    slow = by[(3, "party_branch_rate", "盐池县人民政府")]
    assert slow.points[-1] == (d("2026-11-20"), 85.0)
    assert slow.forecast is not None
    assert (slow.forecast.target, slow.forecast.by) == (90.0, d("2026-12-31"))
    assert slow.forecast.reaches == d("2027-03-09") and slow.will_miss
    assert by[(4, "committee_rate", "同心县人民政府")].will_miss
    quick = by[(3, "party_branch_rate", "利通区人民政府")]
    assert quick.forecast is not None and not quick.will_miss
    # Reached late is said as such, not as a forecast that it will miss.
    late = by[(8, "standard_service_coverage", "同心县人民政府")]
    assert late.reached and late.forecast is not None and late.forecast.late
    assert not late.will_miss
    assert [v.task.id for v in month.indicators] == [3, 3, 4, 8, 20]
    text = render_markdown(month)
    assert typeset("预计2027-03-09达到90%(节点 2026-12-31);预计不能按期完成", "zh") in text


def test_forecast_series_stop_at_the_as_of_date(quarter: Bulletin) -> None:
    for view in quarter.indicators:
        for s in view.series:
            assert all(day <= quarter.as_of for day, _ in s.points)


def test_ranking_shows_top_three_and_bottom_three(month: Bulletin) -> None:
    r = month.as_json()["ranking"]
    # Units are scored on the measures and the duties they are accountable for.
    assert [x["unit"] for x in r["top"]] == [
        "市委社会工作部",
        "青铜峡市人民政府",
        "红寺堡区人民政府",
    ]
    # the departments that never reported their duties of Attachment 1
    assert [x["unit"] for x in r["bottom"]] == ["市消防救援局", "市自然资源局", "市人社局"]
    assert r["note"] == "示例评分规则,并非吴忠市正式考核办法"


def test_no_scoring_rules_means_no_ranking(tl: TaskList, subs: list[Submission]) -> None:
    plain = dataclasses.replace(tl, policy=tl.policy.model_copy(update={"scoring": None}))
    b = build_bulletin(plain, subs, MONTH, AS_OF, None)
    assert b.ranking is None and "ranking" not in b.sections
    assert b.as_json()["ranking"] is None


def test_header_and_requirements_come_from_the_policy(month: Bulletin, tl: TaskList) -> None:
    assert tl.policy.bulletin is not None
    assert month.office == "吴忠市住房和城乡建设局"
    assert month.requirements == tuple(tl.policy.bulletin.requirements)
    assert len(month.requirements) == 4
    text = render_markdown(month)
    assert text.startswith(
        "# 关于2026年11月《关于进一步加强吴忠市物业服务管理工作的意见》落实情况的通报\n"
    )
    assert "第十一期" in text
    assert "一是锚定时限狠抓落实" in text and "四是强化跟踪督办问效" in text


def test_annex_has_one_row_per_measure(month: Bulletin) -> None:
    rows = month.as_json()["annex"]
    assert [r["task"] for r in rows] == list(range(1, 21))
    assert rows[6]["status"] == "overdue" and rows[6]["lead"] == ["市住建局"]
    assert rows[10]["detail"] == "全部已完成"


def test_json_has_the_spec_fields(month: Bulletin) -> None:
    data = json.loads(run_bulletin_text(month))
    for key in (
        "period",
        "as_of",
        "previous_as_of",
        "number",
        "summary",
        "changes",
        "lagging",
        "late_reporters",
        "matrix",
        "forecasts",
        "ranking",
    ):
        assert key in data
    assert (data["period"], data["as_of"], data["previous_as_of"], data["number"]) == (
        "2026-11",
        "2026-11-27",
        "2026-10-31",
        11,
    )
    assert data["summary"]["on_track"] == {"count": 7, "share": 35.0}
    assert set(data["lagging"][0]) >= {"task", "unit", "status", "detail"}
    assert set(data["late_reporters"][0]) >= {"unit", "days_since", "escalation"}
    unit = data["forecasts"][0]["units"][3]
    assert unit["unit"] == "盐池县人民政府"
    assert unit["forecast"] == {
        "target": 90.0,
        "by": "2026-12-31",
        "reaches": "2027-03-09",
        "late": True,
    }


def run_bulletin_text(b: Bulletin) -> str:
    from wz_tasks.bulletin import render

    out = render(b, "json", "zh")
    assert isinstance(out, str)
    return out


def test_after_expiry_the_bulletin_is_evaluated_on_the_expiry_date(
    tl: TaskList, subs: list[Submission]
) -> None:
    b = build_bulletin(tl, subs, "2028-01", d("2028-02-15"), None)
    assert b.expired and b.evaluated_on == tl.policy.expires
    assert "政策已于 2027-12-01 到期" in render_markdown(b)


def test_short_names_in_prose(tl: TaskList) -> None:
    assert short_name(tl.registry, "盐池县人民政府") == "盐池县"
    assert short_name(tl.registry, "市住建局") == "市住建局"
    assert short_name(tl.registry, "各县(市、区)人民政府") == "各县(市、区)"
    lone = UnitRegistry([Unit(name="某某县人民政府", kind="county_government")], [])
    assert short_name(lone, "某某县人民政府") == "某某县"


def test_chinese_numbers_for_issue_and_items() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 17, 20, 35, 100, 105, 110)] == [
        "一",
        "十",
        "十一",
        "十七",
        "二十",
        "三十五",
        "一百",
        "一百零五",
        "一百一十",
    ]


def test_chinese_print_punctuation_leaves_numbers_and_dates() -> None:
    assert typeset("截至9月30日,已完成6件;各县(市、区)", "zh") == (
        "截至9月30日\uff0c已完成6件\uff1b各县\uff08市、区\uff09"
    )
    assert typeset("共1,000件,2026-12-31", "zh") == "共1,000件\uff0c2026-12-31"
    assert typeset("截至9月30日,已完成", "en") == "截至9月30日,已完成"


# --- hostile text -----------------------------------------------------------------------------

HOSTILE = "<script>alert(1)</script>&<img src=x onerror=alert(2)>|**x**|[a](http://evil)"


@pytest.fixture(scope="module")
def hostile(tl: TaskList, subs: list[Submission]) -> Bulletin:
    """A unit whose short name, a measure and a report's 存在问题 are all markup."""
    units = [
        u.model_copy(update={"aliases": ["<b>"]}) if u.name == "同心县人民政府" else u
        for u in tl.registry.units.values()
    ]
    tasks = dict(tl.tasks)
    tasks[4] = tasks[4].model_copy(update={"measure": HOSTILE})
    evil = TaskList(
        tl.policy, tl.categories, tasks, UnitRegistry(units, tl.registry.groups.values())
    )
    report = sub(
        "同心县人民政府",
        "2026-11-25",
        {"task": 4, "value": 58, "progress": "推进中", "problems": HOSTILE},
    )
    return build_bulletin(evil, [*subs, report], MONTH, AS_OF, 1)


class Page(HTMLParser):
    """What a browser would build from the page: tags, and the text between them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


def test_html_escapes_hostile_unit_measure_and_problems(hostile: Bulletin) -> None:
    page = render_html(hostile)
    parsed = parse(page)
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "b", "a", "iframe", "link"}
    text = "".join(parsed.text)
    assert "<script>alert(1)</script>" in text  # shown as text
    assert "<b>负责的第4项" in text
    assert not any("onerror" in attrs for _, attrs in parsed.tags)


def test_markdown_escapes_hostile_text(hostile: Bulletin) -> None:
    text = render_markdown(hostile)
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;" in text
    assert "\\[a\\]" in text and "\\*\\*x\\*\\*" in text and "\\|" in text
    assert md("# 标题\n1. 列表", "zh") == "\\# 标题<br>1\\. 列表"


def test_docx_keeps_hostile_text_as_text(hostile: Bulletin) -> None:
    import docx

    from wz_tasks.render.bulletin_docx import render_docx

    doc = docx.Document(BytesIO(render_docx(hostile)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("<script>alert(1)</script>" in c for c in cells)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "<b>负责的第4项" in body


# --- HTML -------------------------------------------------------------------------------------

SECTIONS = (
    "overall",
    "lagging",
    "reporting",
    "matrix",
    "indicators",
    "ranking",
    "requirements",
    "annex",
)


@pytest.mark.parametrize("which", ["month", "quarter"])
def test_html_is_self_contained_with_every_section(
    which: str, request: pytest.FixtureRequest
) -> None:
    b: Bulletin = request.getfixturevalue(which)
    page = render_html(b)
    parsed = parse(page)
    assert "<script" not in page.lower()
    assert "http" not in page  # no fetch, no link, not even a namespace address
    assert "url(" not in page and "@import" not in page
    ids = [attrs.get("id") for tag, attrs in parsed.tags if tag == "section"]
    assert tuple(ids) == SECTIONS
    pages = [attrs.get("class") for tag, attrs in parsed.tags if tag == "section"]
    assert pages == [None] + ["page"] * 7  # every section after the first on a new page
    assert "@page { size: A4" in page and "break-before: page" in page
    assert sum(1 for tag, _ in parsed.tags if tag == "svg") == 5  # one chart per indicator
    text = "".join(parsed.text)
    assert "红灯 逾期" in text and "黄灯 滞后" in text  # lights are words too
    headings = [h for h in re.findall(r"<h2>(.*?)</h2>", page)]
    assert headings[0] == "一、总体情况" and headings[-1] == "附件:各项推进措施落实情况".replace(
        ":", "\uff1a"
    )
    assert "同心县负责的第4项" in text


def test_html_charts_have_chinese_text_as_text(month: Bulletin) -> None:
    page = render_html(month)
    assert re.search(r"<text[^>]*>序时进度</text>", page)
    assert re.search(r"<text[^>]*>盐池县</text>", page)


# --- DOCX -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["month", "quarter"])
def test_docx_has_word_headings_tables_and_east_asian_fonts(
    which: str, request: pytest.FixtureRequest
) -> None:
    import docx
    from docx.oxml.ns import qn

    from wz_tasks.render.bulletin_docx import render_docx

    b: Bulletin = request.getfixturevalue(which)
    doc = docx.Document(BytesIO(render_docx(b)))
    by_style: dict[str, list[str]] = {}
    for p in doc.paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)
    assert by_style["Title"] == [
        typeset(
            f"关于{'2026年11月' if which == 'month' else '2026年第三季度'}《关于进一步加强吴忠市物业服务管理工作的意见》落实情况的通报",
            "zh",
        )
    ]
    assert [h.split("、", 1)[0] for h in by_style["Heading 1"][:-1]] == list("一二三四五六七")
    assert by_style["Heading 1"][-1].startswith("附件")
    assert "第3项 有3名以上党员的物业服务企业单独建立党支部比例" in by_style["Heading 2"]
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "同心县负责的第4项" in body and "一是锚定时限狠抓落实" in body
    # summary, lagging, late reporters, matrix, 5 indicators, top and bottom, annex
    assert len(doc.tables) == 1 + (1 if b.changes else 0) + 1 + 1 + 1 + 5 + 2 + 1
    annex = doc.tables[-1]
    assert len(annex.rows) == 21 and annex.rows[7].cells[0].text == "7"
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"
    heading = doc.styles["Heading 1"].element.rPr.rFonts
    assert heading.get(qn("w:eastAsia")) == "黑体" and heading.get(qn("w:asciiTheme")) is None
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


# --- Markdown ---------------------------------------------------------------------------------


def test_markdown_has_headings_and_a_row_per_measure(quarter: Bulletin) -> None:
    text = render_markdown(quarter)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert [h.split("、", 1)[0] for h in headings[:-1]] == [f"## {n}" for n in "一二三四五六七"]
    assert headings[-1].startswith("## 附件")
    annex = text.split("## 附件", 1)[1]
    rows = [line for line in annex.splitlines() if re.match(r"\| \d+ \|", line)]
    assert [int(r.split("|")[1]) for r in rows] == list(range(1, 21))
    assert "| 4 | 同心县 | 加快推进业主委员会组建 | 🔴 红灯 逾期 |" in text


# --- the shell --------------------------------------------------------------------------------


def test_run_bulletin_renders_text_or_word_bytes(tl: TaskList, subs: list[Submission]) -> None:
    page = run_bulletin(tl, subs, MONTH, AS_OF, 3, "html", "zh")
    assert isinstance(page, str) and "第三期" in page
    data = run_bulletin(tl, subs, MONTH, AS_OF, 3, "docx", "zh")
    assert isinstance(data, bytes) and data[:2] == b"PK"


def test_run_bulletin_refuses_an_unknown_format(tl: TaskList, subs: list[Submission]) -> None:
    with pytest.raises(BulletinError, match="pdf"):
        run_bulletin(tl, subs, MONTH, AS_OF, None, "pdf", "zh")


def test_english_bulletin_uses_english_words(tl: TaskList, subs: list[Submission]) -> None:
    b = build_bulletin(tl, subs, MONTH, AS_OF, 2)
    text = render_markdown(b, "en")
    assert "## 1. Overall" in text and "No. 2" in text
    assert "red overdue" in text
    page = render_html(b, "en")
    assert '<html lang="en">' in page


# --- in a browser -----------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


# CI (.ci/run) installs chromium, so there the browser test always runs.
@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed"
)
@pytest.mark.parametrize("which", ["month", "quarter"])
def test_html_prints_to_a4_pdf_in_chromium(
    which: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    assert CHROMIUM is not None
    b: Bulletin = request.getfixturevalue(which)
    page = tmp_path / "bulletin.html"
    page.write_text(render_html(b), encoding="utf-8")
    pdf, shot = tmp_path / "bulletin.pdf", tmp_path / "bulletin.png"
    common = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    for extra in (
        ["--no-pdf-header-footer", f"--print-to-pdf={pdf}"],
        ["--window-size=1240,1754", f"--screenshot={shot}"],
    ):
        subprocess.run(
            [*common, *extra, page.as_uri()], capture_output=True, timeout=120, check=False
        )
    assert pdf.exists() and shot.exists() and shot.stat().st_size > 10_000
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # A page per section at least: header and 总体情况, then six more sections and the annex.
    assert pdf_pages(data) >= 8
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == (595, 842)  # A4 in points


def test_a_bulletin_with_no_reports_renders_in_every_format(tl: TaskList) -> None:
    b = build_bulletin(tl, [], "2025-Q2", AS_OF, 1)
    assert b.count(Status.STALE) > 0 and all(
        s.forecast is None for v in b.indicators for s in v.series
    )
    for fmt in ("html", "docx", "markdown", "json"):
        assert run_bulletin(tl, [], "2025-Q2", AS_OF, 1, fmt, "zh")
    assert "报送数值不足3次,暂不预测".replace(",", "\uff0c") in render_markdown(b)


def test_without_county_governments_there_is_no_matrix(
    tl: TaskList, subs: list[Submission]
) -> None:
    units = [u.model_copy(update={"kind": "enterprise"}) for u in tl.registry.units.values()]
    plain = TaskList(
        tl.policy, tl.categories, dict(tl.tasks), UnitRegistry(units, tl.registry.groups.values())
    )
    b = build_bulletin(plain, subs, MONTH, AS_OF, None)
    assert b.matrix is None and "matrix" not in b.sections
    assert 'id="matrix"' not in render_html(b)


SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_docx_opens_and_prints_in_libreoffice(month: Bulletin, tmp_path: Path) -> None:
    from wz_tasks.render.bulletin_docx import render_docx

    assert SOFFICE is not None
    word = tmp_path / "bulletin.docx"
    word.write_bytes(render_docx(month))
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(word),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    data = (tmp_path / "bulletin.pdf").read_bytes()
    assert pdf_pages(data) >= 8  # each numbered section and the annex from a new page
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == (595, 842)
