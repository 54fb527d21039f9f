"""Scores and ranks (`wz-tasks score`, SPEC §10.5), with the policy's own note on its rules
(示例评分规则…) shown first, so an example is never taken for the city's assessment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wz_tasks.labels import STATUSES, t

if TYPE_CHECKING:
    from rich.console import Console

    from wz_tasks.models import Scoring
    from wz_tasks.render import Page
    from wz_tasks.scoring import UnitScore
    from wz_tasks.tasklist import TaskList


@dataclass(frozen=True)
class ScoreResult:
    as_of: dt.date
    rules: Scoring
    units: list[UnitScore]
    tl: TaskList


def points(x: float) -> str:
    return f"{x:g}"


def deductions_text(s: UnitScore, lang: str) -> str:
    """The deductions summed by reason: 逾期 2 项 -10;未按期报送 3 项 -3;未报送 5 期 -5
    (each item and finding is in the JSON)."""
    if not s.deductions:
        return t("score.none_off", lang)
    items: dict[str, int] = {}
    counts: dict[str, int] = {}
    taken: dict[str, float] = {}
    for d in s.deductions:
        items[d.reason] = items.get(d.reason, 0) + 1
        counts[d.reason] = counts.get(d.reason, 0) + d.count
        taken[d.reason] = taken.get(d.reason, 0) + d.points
    order = [*STATUSES, "missed_report"]
    parts = []
    for key in sorted(taken, key=order.index):
        if key == "missed_report":
            text = t("score.missed_sum", lang, n=counts[key], points=points(taken[key]))
        else:
            text = t(
                "score.status_sum",
                lang,
                reason=t(key, lang),
                n=items[key],
                points=points(taken[key]),
            )
        parts.append(text)
    return t("sep.detail", lang).join(parts)


def rules_text(rules: Scoring, lang: str) -> str:
    parts = [
        t(
            "score.rule",
            lang,
            reason=t("score.missed_report", lang) if k == "missed_report" else t(k, lang),
            points=points(v),
        )
        for k, v in rules.deduct.items()
    ]
    return t("score.rules", lang, rules=t("sep.list", lang).join(parts))


# --- JSON and CSV -----------------------------------------------------------------------------


def as_json(result: ScoreResult) -> dict[str, Any]:
    """{"as_of", "base", "note", "units": [{"unit", "score", "rank", "deductions"}]}."""
    return {
        "as_of": result.as_of.isoformat(),
        "base": result.rules.base,
        "note": result.rules.note,
        "units": [
            {
                "unit": s.unit,
                "score": s.score,
                "rank": s.rank,
                "deductions": [
                    {**d.item.as_json(), "reason": d.reason, "count": d.count, "points": d.points}
                    for d in s.deductions
                ],
            }
            for s in result.units
        ],
    }


def score_json(result: ScoreResult, page: Page) -> str:
    from wz_tasks.render.data import dumps

    return dumps(as_json(result), page)


def score_csv(result: ScoreResult, page: Page) -> bytes:
    from wz_tasks.render.csvout import to_csv

    lang = page.lang
    rows: list[list[Any]] = [[t(f"csv.{k}", lang) for k in ("rank", "unit", "score", "deductions")]]
    rows += [[s.rank, s.unit, points(s.score), deductions_text(s, lang)] for s in result.units]
    return to_csv(rows)


# --- table ------------------------------------------------------------------------------------


def score_table(result: ScoreResult, page: Page) -> str:
    from rich.table import Table
    from rich.text import Text

    from wz_tasks.escape import narrow
    from wz_tasks.render.table import _box, _print
    from wz_tasks.render.words import short_name

    lang = page.lang
    rules = result.rules

    def draw(console: Console) -> None:
        if rules.note:
            console.print(Text(narrow(t("score.note", lang, note=rules.note)), style="bold red"))
        console.print(Text(narrow(rules_text(rules, lang)), style="dim"))
        table = Table(
            title=t("score.title", lang, as_of=result.as_of.isoformat(), base=points(rules.base)),
            box=_box(console),
            show_lines=False,
            title_justify="left",
            title_style="bold",
        )
        table.add_column(t("col.rank", lang), justify="right", no_wrap=True)
        table.add_column(t("col.unit", lang), no_wrap=True)
        table.add_column(t("col.score", lang), justify="right", no_wrap=True)
        table.add_column(t("col.deductions", lang), overflow="fold")
        for s in result.units:
            table.add_row(
                str(s.rank),
                Text(narrow(short_name(result.tl.registry, s.unit))),
                points(s.score),
                Text(narrow(deductions_text(s, lang))),
            )
        console.print(table)

    return _print(page, draw)
