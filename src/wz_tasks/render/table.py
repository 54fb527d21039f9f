"""Rich tables for a terminal: CJK-aligned, coloured only on a terminal, plain when piped.

Alignment holds in terminals that draw East Asian ambiguous-width characters double: borders are
ASCII, lights are words (红/黄/绿), and every text goes in through `escape.narrow`, which also
shows control and bidi characters escaped."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from wz_tasks.codes import Diagnostic
from wz_tasks.escape import narrow, one_line
from wz_tasks.evaluate import Filed, TaskResult, UnitResult, worst
from wz_tasks.labels import LIGHTS, STATUSES, t
from wz_tasks.models import Task
from wz_tasks.render.words import (
    bar,
    clip,
    detail,
    expired_note,
    indicator_suffix,
    number,
    part_detail,
    period_marks,
    rhythm,
    short_name,
    short_names,
    unreported,
)
from wz_tasks.tasklist import TaskList

if TYPE_CHECKING:
    from wz_tasks.render import Page
    from wz_tasks.render.results import (
        DutiesResult,
        ReportResult,
        ShowResult,
        StatusResult,
        TasksResult,
        UnitsResult,
    )

_STYLE = {"red": "bold red", "yellow": "yellow", "green": "green"}

# rich's SIMPLE box with ASCII rules: its "─" is drawn double by some CJK terminals.
_SIMPLE_ASCII = box.Box("    \n    \n -- \n    \n    \n -- \n    \n    \n", ascii=True)


def _box(console: Console) -> box.Box:
    return box.ASCII2 if console.is_terminal else _SIMPLE_ASCII


def _text(value: str, style: str = "") -> Text:
    """Text for a cell, safe to show and of unambiguous width."""
    return Text(narrow(value), style=style)


def _print(page: Page, draw: Callable[[Console], None]) -> str:
    console = page.console()
    draw(console)
    out: str = console.file.getvalue()
    # rich marks a cut cell with "…", ambiguous in width; "." takes the same single column
    return out.replace("\u2026", ".")


def lamp(light: str, console: Console, lang: str) -> Text:
    """The light in words (红/黄/绿), coloured on a terminal: never colour alone."""
    return Text(t(f"light.{light}", lang), style=_STYLE[light] if console.is_terminal else "")


def status_text(status: str, console: Console, lang: str) -> Text:
    light = LIGHTS[status]
    text = lamp(light, console, lang)
    text.append(" " + t(status, lang), style=_STYLE[light])
    return text


def diagnostic_line(d: Diagnostic, lang: str) -> Text:
    """`path:line:col: error[WZ104] message`, of unambiguous width, on one line."""
    style = "bold red" if d.severity == "error" else "yellow"
    line = _text(one_line(d.path)) + Text(f":{d.line}:{d.column}: ")
    return (
        line + Text(f"{d.severity}[{d.code}]", style=style) + _text(" " + one_line(d.message(lang)))
    )


def invalid_files(console: Console, invalid: dict[str, list[Diagnostic]], lang: str) -> None:
    if not invalid:
        return
    console.print(Text(t("invalid.title", lang, n=len(invalid)), style="bold red"))
    for diags in invalid.values():
        for d in diags:
            console.print(diagnostic_line(d, lang))
    console.print()


def summary_line(summary: dict[str, int], console: Console, lang: str) -> Text:
    text = Text(t("summary", lang, total=sum(summary.values()), counts=""))
    for i, status in enumerate(STATUSES):
        if i:
            text.append(" / ")
        text.append(
            f"{t(status, lang)} {summary[status]}",
            style=_STYLE[LIGHTS[status]] if summary[status] else "dim",
        )
    return text


def _clip(text: str, width: int = 16) -> str:
    return clip(narrow(text), width, mark="...")  # cut as shown: narrow can lengthen it


def _measure(task: Task, width: int = 16) -> str:
    return _clip(task.measure, width)


def _value_detail(u: UnitResult, lang: str) -> Text:
    text = _text(detail(u, lang))
    d = u.deciding
    if d is not None and d.kind is not None and d.value is not None:
        text = Text(bar(d.value, d.target, d.kind, 8) + " ", style=_STYLE[u.light]) + text
    return text


def lamp_named(name: str, light: str, console: Console, lang: str) -> Text:
    return _text(name) + Text("(") + lamp(light, console, lang) + Text(")")


def units_detail(
    r: TaskResult,
    tl: TaskList,
    console: Console,
    lang: str,
    units: tuple[UnitResult, ...] | None = None,
) -> Text:
    """What to act on: the counties' lights side by side, then one line per finding that is
    not green or whose reporting is late (identical findings share a line); when all are fine,
    the worst green one. `units`: the ones `--only` keeps (all by default)."""
    units = r.units if units is None else units
    if len(r.units) == 1:
        return _value_detail(r.units[0], lang)
    lines = [
        Text("  ").join(
            lamp_named(short_name(tl.registry, u.unit), u.light, console, lang) for u in units
        )
    ]
    ordered = sorted(units, key=lambda u: STATUSES.index(u.status))
    shown = [u for u in ordered if u.light != "green" or u.stale or u.pending_sign_off] or [
        u for u in ordered if u.status == r.status
    ]
    if (
        len(shown) == len(r.units)
        and len({u.status for u in shown}) == 1
        and (r.light == "green" and len({detail(u, lang) for u in shown}) > 1)
    ):
        everyone = t("all_units", lang)
        return Text("\n").join(
            [lines[0], Text(everyone + t(r.status, lang), style=_STYLE[r.light])]
        )
    groups: dict[str, list[UnitResult]] = {}
    for u in shown:
        groups.setdefault(detail(u, lang), []).append(u)
    for members in groups.values():
        names = "、".join(short_name(tl.registry, u.unit) for u in members)
        lines.append(
            _text(names + ":", style=_STYLE[members[0].light]) + _value_detail(members[0], lang)
        )
    return Text("\n").join(lines)


def status(result: StatusResult, page: Page) -> str:
    return _print(page, lambda c: status_table(c, result, page.lang))


def report(result: ReportResult, page: Page) -> str:
    return _print(page, lambda c: report_tables(c, result, page.lang))


def duties(result: DutiesResult, page: Page) -> str:
    return _print(page, lambda c: duties_table(c, result, page.lang))


def tasks(result: TasksResult, page: Page) -> str:
    return _print(page, lambda c: tasks_table(c, result.tl, page.lang))


def show(result: ShowResult, page: Page) -> str:
    def draw(console: Console) -> None:
        invalid_files(console, result.invalid, page.lang)
        if note := expired_note(result.expired, result.evaluated_on, page.lang):
            console.print(_text(note, style="yellow"))
        show_task(console, result.tl, result.task, result.result, page.lang)

    return _print(page, draw)


def units(result: UnitsResult, page: Page) -> str:
    return _print(page, lambda c: units_table(c, result.tl, page.lang))


def _title(text: str, note: str | None) -> Text:
    title = _text(text, style="bold")
    if note:
        title.append("\n" + narrow(note), style="yellow")
    return title


def status_table(console: Console, result: StatusResult, lang: str) -> None:
    ev, tl = result.ev, result.tl
    invalid_files(console, result.invalid, lang)
    table = Table(
        title=_title(
            t("status.title", lang, as_of=ev.as_of.isoformat()),
            expired_note(ev.expired, ev.evaluated_on, lang),
        ),
        box=_box(console),
        show_lines=True,
        title_justify="left",
        title_style="bold",
    )
    table.add_column(t("col.id", lang), justify="right", no_wrap=True)
    table.add_column(t("col.status", lang), no_wrap=True)
    table.add_column(
        t("col.measure", lang)
        + " / "
        + t("col.lead", lang)
        + " / "
        + t("col.deadline", lang)
        + " / "
        + t("col.detail", lang),
        overflow="fold",
    )
    for r, units in result.shown():
        lead = short_names(tl.registry, r.task.lead)
        head = Text(_measure(r.task, 24 if console.width < 120 else 80), style="bold")
        head.append(narrow(f"  {lead} / {r.task.deadline_text}"), style="dim")
        table.add_row(
            str(r.task.id),
            status_text(r.status, console, lang),
            Text("\n").join([head, units_detail(r, tl, console, lang, units)]),
        )
    console.print(table)
    console.print(summary_line(ev.summary, console, lang))


def _heading(console: Console, key: str, lang: str) -> None:
    console.print()
    console.print(Text(t(key, lang), style="bold underline"))


def _task_table(console: Console, lang: str, first: str = "col.id") -> Table:
    table = Table(box=_box(console), show_lines=True)
    table.add_column(t(first, lang), justify="right", no_wrap=True)
    table.add_column(t("col.status", lang), no_wrap=True)
    table.add_column(t("col.measure", lang) + " / " + t("col.detail", lang), overflow="fold")
    return table


def report_tables(console: Console, result: ReportResult, lang: str) -> None:
    view, tl = result.view, result.tl
    invalid_files(console, result.invalid, lang)
    title = t("report.title", lang, unit=view.unit, as_of=result.as_of.isoformat())
    console.print(_title(title, expired_note(result.expired, result.evaluated_on, lang)))
    width = 24 if console.width < 120 else 80
    _heading(console, "report.lead", lang)
    if view.lead:
        table = _task_table(console, lang)
        for r, u in view.lead:
            head = Text(_measure(r.task, width), style="bold")
            head.append(narrow(f"  {r.task.deadline_text}"), style="dim")
            table.add_row(
                str(r.task.id),
                status_text(u.status, console, lang),
                Text("\n").join([head, _value_detail(u, lang)]),
            )
        console.print(table)
        console.print(summary_line(view.summary, console, lang))
    else:
        console.print(t("report.no_lead", lang))
    _heading(console, "report.support", lang)
    if view.support:
        table = _task_table(console, lang)
        for r, h in view.support:
            lead_names = short_names(tl.registry, r.task.lead)
            head = Text(_measure(r.task, width), style="bold")
            head.append(narrow(f"  {lead_names} / {r.task.deadline_text}"), style="dim")
            mine = last_line(h[-1], lang) if h else t("report.no_entry", lang)
            table.add_row(
                str(r.task.id),
                status_text(r.status, console, lang),
                Text("\n").join([head, Text(mine)]),
            )
        console.print(table)
    else:
        console.print(t("report.no_support", lang))
    _heading(console, "report.duties", lang)
    if result.duties:
        table = _task_table(console, lang, "col.duty")
        for d, u in result.duties:
            head = Text(narrow(_clip(d.duty.text, width)), style="bold")
            head.append(narrow(f"  {rhythm(d.duty.every, lang)}"), style="dim")
            rows = [head, _value_detail(u, lang)]
            if u.periods:
                rows.append(_text(period_marks(u, lang), style="dim"))
            table.add_row(
                _text(d.duty.key), status_text(u.status, console, lang), Text("\n").join(rows)
            )
        console.print(table)
    else:
        console.print(t("report.no_duties", lang))
    if tl.policy.sign_off:
        _heading(console, "report.pending", lang)
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_column(overflow="fold")
        for p in result.pending:
            grid.add_row(
                lamp("green", console, lang),
                _text(f"{p.key}. {_clip(p.text, width)}"),
                _text(detail(p.result, lang)),
            )
        console.print(grid if grid.row_count else "  " + t("report.none_pending", lang))
    _heading(console, "report.next_due", lang)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(overflow="fold")
    for due in view.upcoming:
        what = _measure(due.task.task, width) + indicator_suffix(due.task.task, due.part)
        grid.add_row(
            due.due.isoformat(), t("days", lang, n=due.days), _text(f"{due.task.task.id}. {what}")
        )
    console.print(grid if grid.row_count else "  " + t("report.none_due", lang))
    _heading(console, "report.unreported", lang)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_column(overflow="fold")
    for r, u in view.unreported:
        grid.add_row(
            lamp("yellow", console, lang),
            _text(f"{r.task.id}. {_measure(r.task, width)}"),
            _text(unreported(u, lang)),
        )
    console.print(grid if grid.row_count else "  " + t("report.none_unreported", lang))
    _heading(console, "report.latest", lang)
    latest = [(r.task, u.latest) for r, u in view.lead if u.latest is not None]
    latest += [(r.task, h[-1]) for r, h in view.support if h]
    for task, f in latest:
        assert f is not None
        console.print(_entry_block(task, f, lang, width))
    if not latest:
        console.print("  " + t("report.no_entry", lang))


def last_line(f: Filed, lang: str) -> str:
    return t("d.last_report", lang, date=f.date.isoformat())


def _entry_block(task: Task, f: Filed, lang: str, width: int) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    grid.add_row(
        Text(f"{task.id}.", style="bold"),
        _text(f"{_measure(task, width)}({f.date.isoformat()})", style="bold"),
    )
    e = f.entry
    for key, value in (
        ("col.progress", e.progress),
        ("col.problems", e.problems),
        ("col.next_steps", e.next_steps),
    ):
        if value:
            grid.add_row("", Text(t(key, lang) + ":", style="dim") + _text(value))
    return grid


def tasks_table(console: Console, tl: TaskList, lang: str) -> None:
    table = Table(
        title=t("tasks.title", lang, n=len(tl.tasks)),
        box=_box(console),
        show_lines=console.is_terminal,
        title_justify="left",
    )
    table.add_column(t("col.id", lang), justify="right", no_wrap=True)
    table.add_column(t("col.measure", lang), ratio=3, overflow="fold")
    table.add_column(t("col.lead", lang), ratio=1, overflow="fold")
    table.add_column(t("col.support", lang), ratio=2, overflow="fold")
    table.add_column(t("col.deadline", lang), ratio=1, overflow="fold")
    for task in tl.tasks.values():
        table.add_row(
            str(task.id),
            _text(task.measure),
            _text(short_names(tl.registry, task.lead)),
            _text(short_names(tl.registry, task.support)),
            _text(task.deadline_text),
        )
    console.print(table)


def show_task(
    console: Console, tl: TaskList, task: Task, result: TaskResult | None, lang: str
) -> None:
    cat = tl.categories[task.category]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row(t("col.id", lang), str(task.id))
    grid.add_row(t("col.category", lang), _text(f"({cat.number}){cat.title}"))
    grid.add_row(t("col.measure", lang), _text(task.measure))
    grid.add_row(t("col.lead", lang), _text("、".join(task.lead)))
    grid.add_row(t("col.support", lang), _text("、".join(task.support) or "-"))
    grid.add_row(t("col.deadline", lang), _text(task.deadline_text))
    sched = []
    if task.due:
        sched.append(t("d.due_later", lang, due=task.due.isoformat()))
    for ind in task.indicators:
        ms = ",".join(
            f"{m.due.isoformat()} >= {number(m.target, ind.kind)}" for m in ind.milestones
        )
        sched.append(f"{ind.name} [{ind.key}]:{ms}")
    if task.ongoing:
        sched.append(t("d.ongoing", lang))
    grid.add_row(t("show.schedule", lang), _text("\n".join(sched)))
    if result is not None:
        grid.add_row(t("col.status", lang), status_text(result.status, console, lang))
        for u in result.units:
            line = _text(short_name(tl.registry, u.unit) + " ") + status_text(
                u.status, console, lang
            )
            parts = ";".join(part_detail(p, lang) for p in u.parts)
            grid.add_row("", line + _text(" " + parts))
    console.print(grid)
    if result is None:
        return
    history = sorted(
        [(u.unit, f) for u in result.units for f in u.history]
        + [(name, f) for name, h in result.supporters for f in h],
        key=lambda x: (x[1].date, x[0]),
    )
    console.print()
    table = Table(
        title=t("show.history", lang),
        box=_box(console),
        title_justify="left",
        show_lines=console.is_terminal,
    )
    for key in (
        "col.date",
        "col.unit",
        "col.status",
        "col.value",
        "col.progress",
        "col.problems",
        "col.next_steps",
    ):
        table.add_column(t(key, lang), overflow="fold")
    for unit, f in history:
        e = f.entry
        values = [number(e.value)] if e.value is not None else []
        values += [f"{k}={number(v)}" for k, v in (e.values or {}).items()]
        table.add_row(
            f.date.isoformat(),
            _text(short_name(tl.registry, unit)),
            t(f"entry.{e.status}", lang),
            _text(" ".join(values) or "-"),
            _text(e.progress or ""),
            _text(e.problems or ""),
            _text(e.next_steps or ""),
        )
    if not history:
        table.add_row("-", "", "", "", t("report.no_entry", lang), "", "")
    console.print(table)


def units_table(console: Console, tl: TaskList, lang: str) -> None:
    reg = tl.registry
    table = Table(
        title=t("units.title", lang, n=len(reg.units)), box=_box(console), title_justify="left"
    )
    for key in ("col.unit", "col.kind", "col.aliases", "col.groups"):
        table.add_column(t(key, lang), overflow="fold")
    for u in reg.units.values():
        table.add_row(
            _text(u.name),
            t(f"kind.{u.kind}", lang),
            _text("、".join(u.aliases)),
            _text("、".join(reg.groups_of(u.name))),
        )
    console.print(table)
    groups = Table(box=_box(console))
    for key in ("kind.group", "col.aliases", "col.members"):
        groups.add_column(t(key, lang), overflow="fold")
    for g in reg.groups.values():
        groups.add_row(_text(g.name), _text("、".join(g.aliases)), _text("、".join(g.members)))
    console.print(groups)


def duties_table(console: Console, result: DutiesResult, lang: str) -> None:
    """Attachment 1's duties: key, status, text / holder / rhythm / linked measure, then each
    reporting unit's light and detail, with its periods for a recurring duty."""
    ev, tl = result.ev, result.tl
    invalid_files(console, result.invalid, lang)
    shown = result.shown()
    table = Table(
        title=_title(
            t("duties.title", lang, n=len(shown), as_of=ev.as_of.isoformat()),
            expired_note(ev.expired, ev.evaluated_on, lang),
        ),
        box=_box(console),
        show_lines=True,
        title_justify="left",
    )
    table.add_column(t("col.duty", lang), no_wrap=True)
    table.add_column(t("col.status", lang), no_wrap=True)
    table.add_column(
        t("col.duty", lang) + " / " + t("col.holder", lang) + " / " + t("col.every", lang),
        overflow="fold",
    )
    for d, units in shown:
        duty = d.duty
        about = [short_name(tl.registry, duty.holder), rhythm(duty.every, lang)]
        if duty.task is not None:
            about.append(t("duty.task", lang, id=duty.task))
        rows = [_text(duty.text, style="bold"), _text(" / ".join(about), style="dim")]
        for u in units:
            line = lamp_named(short_name(tl.registry, u.unit), u.light, console, lang)
            said = _text(" " + t(u.status, lang) + t("sep.colon", lang))
            rows.append(line + said + _value_detail(u, lang))
            if u.periods:
                rows.append(_text("  " + period_marks(u, lang), style="dim"))
        status = worst(u.status for u in units) if units else d.status
        table.add_row(_text(duty.key), status_text(status, console, lang), Text("\n").join(rows))
    if not shown:
        console.print(t("duties.none", lang))
        return
    console.print(table)
