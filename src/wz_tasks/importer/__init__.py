"""`wz-tasks import-tasks` (SPEC §12): an office's task table (.xlsx, .csv, .docx) to a task list.

    run_import(table, out, year, units, sheet, lang)
        -> Imported(exit code, ["TABLE:ROW:COL: reason", ...], tasks written, cells to review)

Modules, one job each: `table` reads the file into rows of cells with merged cells resolved;
`columns` finds the header and what each column holds; `records` reads the rows under it into
tasks (category rows, merged cells, printed numbers); `unitcells` splits unit cells, registry
names first; `phrases` reads 完成时限 into a schedule or refuses it; `write` writes the YAML.

Ids are 1..N in table order. Where the table prints another number (its own numbering, or one
序号 over two task lines) the printed number is kept as a comment beside the id
(`- id: 4  # 表中序号 3`), so the task list still loads with the §2.1 models.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import NamedTuple

from wz_tasks.importer.columns import find_layout
from wz_tasks.importer.phrases import Refusal, Schedule, read_deadline
from wz_tasks.importer.records import Record, read_records
from wz_tasks.importer.table import Cell, TableError, read_grids
from wz_tasks.importer.unitcells import Named, Registry, RegistryError, load_registry, split_units
from wz_tasks.importer.write import TaskOut, UnitOut, policy_yaml, tasks_yaml, units_yaml

__all__ = ["Imported", "run_import"]


class Imported(NamedTuple):
    """What an import did: its exit code, one line per problem, how many tasks it wrote and how
    many of the problems are cells to review (the rest concern the whole table)."""

    code: int
    problems: list[str]
    tasks: int = 0
    cells: int = 0


def _say(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def guess_kind(name: str) -> str:
    """A unit's kind from how its name ends (a printed name carries no kind)."""
    if name.endswith("人民政府") and not name.startswith("市"):
        return "county_government"
    if re.search(r"乡|镇|街道|办事处", name):
        return "township"
    if re.search(r"公司|企业|集团|银行", name):
        return "enterprise"
    if re.search(r"协会|商会|学会", name):
        return "association"
    return "city_department"


def run_import(
    table: Path,
    out: Path,
    year: int | None,
    units: Path | None,
    sheet: str | None,
    lang: str,
) -> Imported:
    """Read TABLE and write OUT/policy.yaml, units.yaml, tasks.yaml.

    Returns the exit code (0 read in full; 1 some cells need review, everything else written;
    2 the table or --units cannot be used, nothing written) and one line per problem,
    `TABLE:ROW:COL: reason` for a cell.
    """
    where = str(table)
    try:
        registry = load_registry(units) if units is not None else Registry()
        grids = read_grids(table, sheet)
    except (RegistryError, TableError) as exc:
        return Imported(2, [f"{where}: {exc.text(lang)}"])
    for grid in grids:
        layout = find_layout(grid)
        if layout is not None:
            break
    else:
        no_header = _say(
            lang,
            "找不到表头:需要“任务/措施”列,以及“牵头单位”“责任单位”或“完成时限”列",
            "no header found: a 任务/措施 column and a 牵头单位, 责任单位 or 完成时限 column",
        )
        return Imported(2, [f"{where}: {no_header}"])
    read = read_records(grid, layout)
    if not read.records:
        empty = _say(lang, "表头下没有任务", "no tasks under the header")
        return Imported(2, [f"{where}: {empty}"])
    label = where if not grid.where or len(grids) == 1 else f"{where}[{grid.where}]"

    problems: list[str] = []
    tasks: list[TaskOut] = []
    seen_units: dict[str, Named] = {}
    for n, record in enumerate(read.records, start=1):
        lead, support, unit_problem = _units(record, registry, lang)
        for named in lead + support:
            seen_units.setdefault(named.name, named)
        reasons: list[str] = []
        if unit_problem is not None:
            cell, reason = unit_problem
            problems.append(f"{label}:{cell.row}:{cell.col}: {reason}")
            reasons.append(reason)
        schedule, deadline_problem = _deadline(record, year, lang)
        if deadline_problem is not None:
            cell, reason = deadline_problem
            problems.append(f"{label}:{cell.row}:{cell.col}: {reason}")
            reasons.append(reason)
        tasks.append(
            TaskOut(
                id=n,
                category=record.category,
                measure=record.measure,
                lead=[u.name for u in lead],
                support=[u.name for u in support],
                deadline_text=record.text("deadline"),
                schedule=schedule if deadline_problem is None else None,
                review=";".join(reasons) if reasons else None,
                note=_number_note(n, record),
            )
        )

    cells = len(problems)  # each a cell's, so far
    effective, expires = _span(tasks, year)
    if effective is None:
        problems.append(
            f"{where}: "
            + _say(
                lang,
                "表中没有任何日期,无法确定政策的施行和失效日期:请用 --year 或在 policy.yaml 中填写",
                "no date in the table to take the policy's effective and expiry dates from: "
                "give --year or fill them in policy.yaml",
            )
        )
    title = layout.title or table.stem
    try:
        out.mkdir(parents=True, exist_ok=True)
        (out / "policy.yaml").write_text(
            policy_yaml(title, table.name, read.categories, effective, expires), encoding="utf-8"
        )
        (out / "units.yaml").write_text(
            units_yaml(_units_out(registry, seen_units), registry.groups), encoding="utf-8"
        )
        (out / "tasks.yaml").write_text(tasks_yaml(tasks, table.name), encoding="utf-8")
    except OSError as exc:
        failed = _say(lang, f"无法写入:{exc.strerror}", f"cannot write: {exc.strerror}")
        return Imported(2, [f"{out}: {failed}"])
    return Imported(1 if problems else 0, problems, len(tasks), cells)


def _units(
    record: Record, registry: Registry, lang: str
) -> tuple[list[Named], list[Named], tuple[Cell, str] | None]:
    """Lead and supporting units; a mixed 责任单位 cell: ★ marks the lead, else the first leads."""
    lead = split_units(record.text("lead"), registry)
    support = split_units(record.text("support"), registry)
    mixed = split_units(record.text("mixed"), registry)
    if mixed:
        if "lead" in record.cells:
            support = [*support, *mixed]
        else:
            starred = [u for u in mixed if u.starred]
            lead = starred or mixed[:1]
            support = [*[u for u in mixed if u not in lead], *support]
    leads = {u.name for u in lead}
    support = list({u.name: u for u in support if u.name not in leads}.values())
    if lead:
        return lead, support, None
    cells = record.cells.get("lead") or record.cells.get("mixed") or [record.measure_cell]
    return lead, support, (cells[0], _say(lang, "没有牵头单位", "no lead unit"))


def _deadline(
    record: Record, year: int | None, lang: str
) -> tuple[Schedule | None, tuple[Cell, str] | None]:
    cells = record.cells.get("deadline")
    if not cells:
        reason = _say(lang, "表中没有完成时限列", "the table has no deadline column")
        return None, (record.measure_cell, reason)
    read = read_deadline(record.text("deadline"), year)
    if isinstance(read, Refusal):
        return None, (cells[0], read.text(lang))
    return read, None


def _number_note(n: int, record: Record) -> str | None:
    if record.shares_number:
        return f"表中序号 {record.printed}(与上一项同号)"
    if record.printed is not None and record.printed != str(n):
        return f"表中序号 {record.printed}"
    return None


def _span(tasks: list[TaskOut], year: int | None) -> tuple[dt.date | None, dt.date | None]:
    dates = [dt.date(year, 1, 1)] if year is not None else []
    for t in tasks:
        s = t.schedule
        if s is not None:
            dates += [d for d in [s.due, *(m.due for m in s.milestones)] if d is not None]
    if not dates:
        return None, None
    return dt.date(min(dates).year, 1, 1), dt.date(max(dates).year, 12, 31)


def _units_out(registry: Registry, seen: dict[str, Named]) -> list[UnitOut]:
    out = [
        UnitOut(
            u["name"],
            str(u.get("kind") or guess_kind(u["name"])),
            [str(a) for a in u.get("aliases") or []],
        )
        for u in registry.units
    ]
    new_note = "不在 --units 中:新单位,类别按名称推断" if registry.units else "类别按名称推断"
    for named in seen.values():
        if not named.known:
            out.append(UnitOut(named.name, guess_kind(named.name), note=new_note))
    return out
