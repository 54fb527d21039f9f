"""催报 (`wz-tasks remind`, SPEC §10.5) in every format: who owes what by when.

The words come from `labels.py`; user text goes through `escape` (`narrow` for the
table, `markdown` for markdown); CSV has its Excel rule (`csvout.safe_cell`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wz_tasks.labels import t

if TYPE_CHECKING:
    from rich.console import Console

    from wz_tasks.evaluate import ItemRef
    from wz_tasks.remind import Reminder, UnitReminders
    from wz_tasks.render import Page
    from wz_tasks.tasklist import TaskList

KIND_LIGHT = {"overdue": "red", "report_late": "red", "due_soon": "yellow", "report_due": "yellow"}


@dataclass(frozen=True)
class RemindResult:
    as_of: dt.date
    within: int
    units: list[UnitReminders]
    tl: TaskList


def item_id(ref: ItemRef, lang: str) -> str:
    """第4项 for a task, the duty's key (县级主管部门-4) for a duty."""
    return t("item.task", lang, id=ref.key) if ref.kind == "task" else str(ref.key)


def item_text(tl: TaskList, ref: ItemRef) -> str:
    """The measure of a task, the text of a duty."""
    text = tl.tasks[int(ref.key)].measure if ref.kind == "task" else tl.duties[str(ref.key)].text
    return text.rstrip("。,;")


def item_name(tl: TaskList, ref: ItemRef, lang: str, width: int = 20) -> str:
    """`第4项 推进措施…` / `县级主管部门-4 职责…`: the item and the start of its text."""
    from wz_tasks.render.words import clip

    return f"{item_id(ref, lang)} {clip(item_text(tl, ref), width, strip='')}"


def _part(r: Reminder) -> Any:
    """The deadline part of the verdict a due_soon/overdue reminder comes from."""
    return next((p for p in r.result.parts if p.due == r.deadline), None)


def detail(r: Reminder, lang: str) -> str:
    """What is owed and how late, e.g. 应于 2025-08-30 报送,已逾期 93 天,连续 3 期未报(约谈)."""
    from wz_tasks.render.words import part_detail

    due = r.deadline.isoformat() if r.deadline else ""
    days = r.days or 0
    sep = t("sep.list", lang)
    if r.kind == "report_due":
        if days == 0:
            return t("remind.d.report_today", lang, due=due)
        return t("remind.d.report_due", lang, due=due, days=days)
    if r.kind == "report_late":
        text = t("remind.d.report_late", lang, due=due, days=days)
        rep = r.result.reporting
        if rep.missed_in_a_row:
            key = "remind.d.missed_level" if rep.escalation else "remind.d.missed"
            text += sep + t(key, lang, n=rep.missed_in_a_row, level=rep.escalation)
        return text
    part = _part(r)
    if part is not None and part.kind is not None:  # an indicator: value against target
        return part_detail(part, lang)
    if r.kind == "overdue":
        return t("remind.d.overdue", lang, due=due, days=days)
    if days == 0:
        return t("d.due_today", lang, due=due)
    return t("remind.d.due_soon", lang, due=due, days=days)


def kind_word(kind: str, lang: str) -> str:
    return t(f"remind.kind.{kind}", lang)


# --- JSON -------------------------------------------------------------------------------------


def as_json(result: RemindResult, lang: str) -> dict[str, Any]:
    """SPEC §10.5: {"as_of", "units": [{"unit", "contact", "escalation", "items": [...]}]}."""
    return {
        "as_of": result.as_of.isoformat(),
        "units": [
            {
                "unit": u.unit,
                "contact": u.contact,
                "escalation": u.escalation,
                "items": [
                    {
                        **r.item.as_json(),
                        "kind": r.kind,
                        "deadline": r.deadline.isoformat() if r.deadline else None,
                        "detail": detail(r, lang),
                    }
                    for r in u.items
                ],
            }
            for u in result.units
        ],
    }


def remind_json(result: RemindResult, page: Page) -> str:
    from wz_tasks.render.data import dumps

    return dumps(as_json(result, page.lang), page)


# --- CSV --------------------------------------------------------------------------------------


def remind_csv(result: RemindResult, page: Page) -> bytes:
    """One row per item owed, headers in the user's language; opens in Excel."""
    from wz_tasks.render.csvout import to_csv

    lang = page.lang
    keys = ("unit", "contact", "escalation", "item", "measure", "remind_kind", "remind_deadline")
    rows: list[list[Any]] = [[t(f"csv.{k}", lang) for k in keys] + [t("csv.detail", lang)]]
    for u in result.units:
        for r in u.items:
            rows.append(
                [
                    u.unit,
                    u.contact,
                    u.escalation,
                    item_id(r.item, lang),
                    item_text(result.tl, r.item),
                    kind_word(r.kind, lang),
                    r.deadline.isoformat() if r.deadline else None,
                    detail(r, lang),
                ]
            )
    return to_csv(rows)


# --- text -------------------------------------------------------------------------------------


def _counts(result: RemindResult, lang: str) -> str:
    from wz_tasks.remind import KINDS

    found = [r.kind for u in result.units for r in u.items]
    parts = [f"{kind_word(k, lang)} {found.count(k)}" for k in KINDS if k in found]
    return t(
        "remind.summary", lang, units=len(result.units), items=len(found), counts=" / ".join(parts)
    )


def _who(u: UnitReminders, lang: str) -> str:
    contact = (
        t("remind.contact", lang, contact=u.contact) if u.contact else t("remind.no_contact", lang)
    )
    if u.escalation:
        contact += "\n" + t("remind.escalation", lang, level=u.escalation)
    return contact


def remind_table(result: RemindResult, page: Page) -> str:
    """A table per the existing ones: ASCII rules, CJK-aligned, the kind in words."""
    from rich.table import Table
    from rich.text import Text

    from wz_tasks.escape import narrow
    from wz_tasks.render.table import _STYLE, _box, _print
    from wz_tasks.render.words import short_name

    lang = page.lang

    def draw(console: Console) -> None:
        title = t("remind.title", lang, as_of=result.as_of.isoformat(), within=result.within)
        if not result.units:
            console.print(
                Text(
                    narrow(
                        t("remind.none", lang, as_of=result.as_of.isoformat(), within=result.within)
                    )
                )
            )
            return
        table = Table(
            title=narrow(title),
            box=_box(console),
            title_justify="left",
            title_style="bold",
        )
        table.add_column(t("col.unit", lang), overflow="fold", max_width=24)
        table.add_column(t("col.remind_kind", lang), no_wrap=True)
        table.add_column(t("col.item", lang) + " / " + t("col.detail", lang), overflow="fold")
        for u in result.units:
            who = Text(narrow(short_name(result.tl.registry, u.unit)), style="bold")
            who.append("\n" + narrow(_who(u, lang)), style="dim")
            for i, r in enumerate(u.items):
                style = _STYLE[KIND_LIGHT[r.kind]] if console.is_terminal else ""
                table.add_row(
                    who if i == 0 else "",
                    Text(kind_word(r.kind, lang), style=style),
                    Text(narrow(f"{item_name(result.tl, r.item, lang)}: {detail(r, lang)}")),
                    end_section=i == len(u.items) - 1,
                )
        console.print(table)
        console.print(Text(narrow(_counts(result, lang))))

    return _print(page, draw)


def remind_markdown(result: RemindResult, page: Page) -> str:
    """A list per unit, fit for a pull request or a 催报 message; user text escaped."""
    from wz_tasks.escape import markdown as md

    lang = page.lang
    as_of = result.as_of.isoformat()
    lines = [f"## {md(t('remind.title', lang, as_of=as_of, within=result.within))}", ""]
    if not result.units:
        return "\n".join(
            [*lines, md(t("remind.none", lang, as_of=as_of, within=result.within)), ""]
        )
    head = [
        t("col.item", lang),
        t("col.remind_kind", lang),
        t("col.remind_deadline", lang),
        t("col.detail", lang),
    ]
    for u in result.units:
        lines += [f"### {md(u.unit)}", "", md(_who(u, lang)).replace("<br>", "<br>\n"), ""]
        lines += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for r in u.items:
            cells = [
                item_name(result.tl, r.item, lang),
                kind_word(r.kind, lang),
                r.deadline.isoformat() if r.deadline else "",
                detail(r, lang),
            ]
            lines.append("| " + " | ".join(md(c) for c in cells) + " |")
        lines.append("")
    lines += [md(_counts(result, lang)), ""]
    return "\n".join(lines)
