"""The sentence a person reads about a result: details, values, short unit names."""

from __future__ import annotations

import datetime as dt

from wz_tasks.evaluate import Part, UnitResult
from wz_tasks.labels import t
from wz_tasks.models import Task
from wz_tasks.units import UnitRegistry


def number(x: float | None, kind: str | None = None) -> str:
    if x is None:
        return "-"
    text = str(int(x)) if float(x).is_integer() else f"{x:.1f}".rstrip("0").rstrip(".")
    return text + "%" if kind == "percent" else text


def bar(value: float | None, target: float | None, kind: str | None, width: int = 10) -> str:
    """A small progress bar: the share of 100% (percent) or of the target (count)."""
    if value is None:
        return ""
    full = 100.0 if kind == "percent" else (target or 1.0)
    filled = max(0, min(width, round(value / full * width))) if full else width
    # '#' and '.' rather than block elements: those are drawn double by some CJK terminals
    return "#" * filled + "." * (width - filled)


def short_name(registry: UnitRegistry, name: str) -> str:
    """A compact name for tables: the canonical one, or its shortest alias when that is long."""
    item = registry.units.get(name) or registry.groups.get(name)
    if item is None or len(name) <= 6:
        return name
    return min([name, *item.aliases], key=len)


def short_names(registry: UnitRegistry, names: list[str]) -> str:
    """Unit names for a table cell, short and joined with 、."""
    return "、".join(short_name(registry, n) for n in names)


def part_detail(p: Part, lang: str) -> str:
    if p.schedule == "ongoing":
        return t("d.ongoing", lang)
    if p.schedule == "recurring":  # a due date per period: say which period
        label = next((v.label for v in p.periods if v.deadline == p.due), None)
        text = _due_detail(p, lang)
        return f"{label} {text}" if label else text
    if p.schedule == "due":
        return _due_detail(p, lang)
    return _value_detail(p, lang)


def _due_detail(p: Part, lang: str) -> str:
    due = p.due.isoformat() if p.due else ""
    if p.status.done:
        done = p.done_on.isoformat() if p.done_on else ""
        return (
            t("d.done_on", lang, date=done)
            if p.status == "done"
            else t("d.done_late", lang, date=done, days=p.days)
        )
    if p.status == "overdue":
        return t("d.overdue_days", lang, days=p.days, due=due)
    if p.days == 0:
        return t("d.due_today", lang, due=due)
    if p.status == "due_soon":
        return t("d.due_in", lang, days=p.days, due=due)
    return t("d.due_later", lang, due=due)


def _value_detail(p: Part, lang: str) -> str:
    due = p.due.isoformat() if p.due else ""
    value, target = number(p.value, p.kind), number(p.target, p.kind)
    if p.status.done:
        text = t("d.reached", lang, value=value, target=target)
        if p.status == "done_late" and p.done_on:
            text += "," + t("d.done_late", lang, date=p.done_on.isoformat(), days=p.days)
        return text
    if p.value is None and p.status == "overdue":
        text = t("d.no_value_missed", lang, target=target, due=due, days=p.days)
    elif p.value is None:
        text = t("d.no_value", lang, target=target, due=due)
    elif p.status == "overdue":
        text = t("d.value_missed", lang, value=value, target=target, due=due)
    elif p.status == "behind":
        text = t(
            "d.value_behind",
            lang,
            value=value,
            expected=number(p.expected, p.kind),
            target=target,
            due=due,
        )
    else:
        text = t("d.value_target", lang, value=value, target=target, due=due)
    if p.status == "due_soon" and p.days is not None:
        text += "," + (
            t("d.due_today", lang, due=due)
            if p.days == 0
            else t("d.due_in", lang, days=p.days, due=due)
        )
    return text


def last_report(u: UnitResult, lang: str) -> str:
    if u.last_report is None:
        return t("d.never_reported", lang)
    return t("d.last_report", lang, date=u.last_report.isoformat())


def detail(u: UnitResult, lang: str) -> str:
    """What a person can act on: the progress finding (days overdue, value against target), how
    long the unit has not reported when it is late (SPEC §9), 待销号, and when last reported."""
    sep = t("sep.detail", lang)
    said: list[str] = []
    if u.deciding is not None:  # else stale decided it: the reporting words say it all
        said.append(part_detail(u.deciding, lang))
    silent = u.stale or u.deciding is None
    if silent:
        said.append(silence(u, lang))
    if u.pending_sign_off:
        said.append(t("d.pending_sign_off", lang))
    elif u.signed_off is not None:
        said.append(t("d.signed_off", lang, date=u.signed_off.isoformat()))
    if u.last_report is not None or not silent:  # "从未报送" is said once
        said.append(last_report(u, lang))
    return sep.join(said)


def silence(u: UnitResult, lang: str) -> str:
    """ "N 天未报送" (or 从未报送), with the escalation level reached, e.g. "(约谈)"."""
    if u.last_report is None:
        text = t("d.never_reported", lang)
    else:
        text = t("d.stale_days", lang, days=u.unreported_days)
    level = u.reporting.escalation
    return text + (t("d.escalation", lang, level=level) if level and u.stale else "")


def unreported(u: UnitResult, lang: str) -> str:
    """How long a unit has not reported: never, or days since and the date; and the level."""
    if u.last_report is None:
        return silence(u, lang)
    sep = t("sep.list", lang)
    return silence(u, lang) + sep + t("d.last_report", lang, date=u.last_report.isoformat())


def indicator_suffix(task: Task, part: str) -> str:
    """'(indicator name)' when a due date belongs to one of the task's indicators."""
    ind = task.indicator(part)
    return f"({ind.name})" if ind else ""


SHOWN_PERIODS = 12  # a year of months, three of quarters: the JSON has every one


def period_marks(u: UnitResult, lang: str) -> str:
    """A recurring item's newest periods in a line, each label with its light word
    (2025-Q1 绿 2025-Q2 红 …); earlier ones are left to the JSON."""
    shown = u.periods[-SHOWN_PERIODS:]
    marks = " ".join(f"{p.label} {t('light.' + p.status.light, lang)}" for p in shown)
    return ("... " if len(u.periods) > len(shown) else "") + marks


def rhythm(every: str | None, lang: str) -> str:
    """每季度 / 每年 …, or 长期 for a standing duty."""
    return t(f"every.{every or 'none'}", lang)


def expired_note(expired: bool, evaluated_on: dt.date | None, lang: str) -> str | None:
    """SPEC §9: after the policy's expiry, say that it is evaluated as of that date."""
    if not expired or evaluated_on is None:
        return None
    return t("expired", lang, date=evaluated_on.isoformat())


def clip(text: str, width: int, mark: str = "…", strip: str = "。,") -> str:
    """The start of `text` for a narrow column: its closing 。 or , dropped (`strip`), and when
    longer than `width`, its first `width - 1` characters and `mark`."""
    text = text.rstrip(strip)
    return text if len(text) <= width else text[: width - 1] + mark
