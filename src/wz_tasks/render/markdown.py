"""Markdown fit to paste into a pull-request comment or a 通报 draft."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from wz_tasks.codes import Diagnostic
from wz_tasks.escape import markdown as _cell
from wz_tasks.labels import LIGHTS, STATUSES, t
from wz_tasks.render.words import (
    detail,
    expired_note,
    indicator_suffix,
    period_marks,
    rhythm,
    short_name,
    short_names,
    unreported,
)

if TYPE_CHECKING:
    from wz_tasks.render import Page
    from wz_tasks.render.results import ReportResult, StatusResult

_EMOJI = {"red": "🔴", "yellow": "🟡", "green": "🟢"}


def _short(measure: str) -> str:
    return measure.rstrip("。,")


def _status(status: str, lang: str) -> str:
    light = LIGHTS[status]
    return f"{_EMOJI[light]} {t('light.' + light, lang)} {t(status, lang)}"


def _summary(summary: dict[str, int], lang: str) -> str:
    counts = " · ".join(f"{t(s, lang)} {summary[s]}" for s in STATUSES)
    return t("summary", lang, total=sum(summary.values()), counts=counts)


def _invalid(invalid: dict[str, list[Diagnostic]], lang: str) -> list[str]:
    if not invalid:
        return []
    lines = [f"> **{t('invalid.title', lang, n=len(invalid))}**", ">"]
    lines += [
        f"> - {_cell(d.path)}:{d.line}:{d.column} {d.code} {_cell(d.message(lang))}"
        for ds in invalid.values()
        for d in ds
    ]
    return [*lines, ""]


def status(result: StatusResult, page: Page) -> str:
    return status_text(result, page.lang)


def report(result: ReportResult, page: Page) -> str:
    return report_text(result, page.lang)


def _expired(expired: bool, evaluated_on: dt.date | None, lang: str) -> list[str]:
    """SPEC §9: after the policy's expiry, a line under the title says so."""
    note = expired_note(expired, evaluated_on, lang)
    return [f"> {note}", ""] if note else []


def status_text(result: StatusResult, lang: str) -> str:
    ev, tl = result.ev, result.tl
    lines = [f"## {t('status.title', lang, as_of=ev.as_of.isoformat())}", ""]
    lines += _expired(ev.expired, ev.evaluated_on, lang)
    lines += _invalid(result.invalid, lang)
    lines += [_summary(ev.summary, lang), ""]
    heads = [
        t(k, lang)
        for k in ("col.id", "col.measure", "col.lead", "col.deadline", "col.status", "col.detail")
    ]
    lines += ["| " + " | ".join(heads) + " |", "|---:|---|---|---|---|---|"]
    for r, units in result.shown():
        if len(r.units) == 1:
            det = _cell(detail(r.units[0], lang))
        else:
            det = "<br>".join(
                f"{_EMOJI[u.light]} {t('light.' + u.light, lang)} "
                f"{_cell(short_name(tl.registry, u.unit))}:{_cell(detail(u, lang))}"
                for u in units
            )
        lead = short_names(tl.registry, r.task.lead)
        lines.append(
            f"| {r.task.id} | {_cell(r.task.measure)} | {_cell(lead)} | "
            f"{_cell(r.task.deadline_text)} | {_status(r.status, lang)} | {det} |"
        )
    return "\n".join(lines) + "\n"


def report_text(result: ReportResult, lang: str) -> str:
    view, tl = result.view, result.tl
    lead, support = view.lead, view.support
    title = t("report.title", lang, unit=_cell(view.unit), as_of=result.as_of.isoformat())
    lines = [f"## {title}", ""]
    lines += _expired(result.expired, result.evaluated_on, lang)
    lines += _invalid(result.invalid, lang)
    lines += [f"### {t('report.lead', lang)}", ""]
    if lead:
        heads = [
            t(k, lang)
            for k in ("col.id", "col.measure", "col.deadline", "col.status", "col.detail")
        ]
        lines += ["| " + " | ".join(heads) + " |", "|---:|---|---|---|---|"]
        for r, u in lead:
            lines.append(
                f"| {r.task.id} | {_cell(r.task.measure)} | "
                f"{_cell(r.task.deadline_text)} | {_status(u.status, lang)} | "
                f"{_cell(detail(u, lang))} |"
            )
    else:
        lines.append(t("report.no_lead", lang))
    lines += ["", f"### {t('report.support', lang)}", ""]
    if support:
        heads = [t(k, lang) for k in ("col.id", "col.measure", "col.lead", "col.status")]
        lines += ["| " + " | ".join(heads) + " |", "|---:|---|---|---|"]
        for r, _h in support:
            lead_names = short_names(tl.registry, r.task.lead)
            lines.append(
                f"| {r.task.id} | {_cell(r.task.measure)} | {_cell(lead_names)} | "
                f"{_status(r.status, lang)} |"
            )
    else:
        lines.append(t("report.no_support", lang))
    lines += ["", f"### {t('report.duties', lang)}", ""]
    if result.duties:
        heads = [t(k, lang) for k in ("col.duty", "col.every", "col.status", "col.detail")]
        lines += ["| " + " | ".join(heads) + " |", "|---|---|---|---|"]
        for d, u in result.duties:
            det = _cell(detail(u, lang))
            if u.periods:
                det += "<br>" + _cell(period_marks(u, lang))
            lines.append(
                f"| {_cell(d.duty.key)} {_cell(d.duty.text)} | {rhythm(d.duty.every, lang)} | "
                f"{_status(u.status, lang)} | {det} |"
            )
    else:
        lines.append(t("report.no_duties", lang))
    if tl.policy.sign_off:
        lines += ["", f"### {t('report.pending', lang)}", ""]
        lines += [
            f"- {_cell(str(p.key))}. {_cell(_short(p.text))}:{_cell(detail(p.result, lang))}"
            for p in result.pending
        ] or [t("report.none_pending", lang)]
    lines += ["", f"### {t('report.next_due', lang)}", ""]
    if view.upcoming:
        lines += [
            f"- {d.due.isoformat()}({t('days', lang, n=d.days)}):{d.task.task.id}. "
            f"{_cell(_short(d.task.task.measure) + indicator_suffix(d.task.task, d.part))}"
            for d in view.upcoming
        ]
    else:
        lines.append(t("report.none_due", lang))
    lines += ["", f"### {t('report.unreported', lang)}", ""]
    if view.unreported:
        lines += [
            f"- {r.task.id}. {_cell(_short(r.task.measure))}:{unreported(u, lang)}"
            for r, u in view.unreported
        ]
    else:
        lines.append(t("report.none_unreported", lang))
    lines += ["", f"### {t('report.latest', lang)}", ""]
    entries = [(r.task, u.latest) for r, u in lead if u.latest]
    entries += [(r.task, h[-1]) for r, h in support if h]
    for task, f in entries:
        assert f is not None
        lines.append(f"- **{task.id}. {_cell(task.measure)}**({f.date.isoformat()})")
        for key, value in (
            ("col.progress", f.entry.progress),
            ("col.problems", f.entry.problems),
            ("col.next_steps", f.entry.next_steps),
        ):
            if value:
                lines.append(f"  - {t(key, lang)}:{_cell(value)}")
    if not entries:
        lines.append(t("report.no_entry", lang))
    return "\n".join(lines) + "\n"
