"""The rows under the header as tasks: category rows, merged cells, printed numbers as printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wz_tasks.importer.columns import Layout, Role
from wz_tasks.importer.phrases import fold
from wz_tasks.importer.table import Cell, Grid

_CN = "一二三四五六七八九十"
_ORDINAL = re.compile(
    rf"^\s*(?:[((]\s*(?P<a>[{_CN}]+|\d+)\s*[))]|(?P<b>[{_CN}]+)\s*[、.．]"
    rf"|第(?P<c>[{_CN}]+)\s*[部分类项章节]?[、:: ]?)\s*"
)
_MEASURE_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.、．](?!\d)\s*")
_NOTE = re.compile(r"^\s*(?:注|备注|说明)\s*[::\d]")


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    values = {c: i for i, c in enumerate(_CN, start=1)}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)
    return values[text] if len(text) == 1 else 0


@dataclass
class Category:
    number: int
    title: str


@dataclass
class Record:
    """One task as the table prints it, with the cells it was read from."""

    row: int
    category: int
    measure: str
    measure_cell: Cell
    printed: str | None  # the number the table prints for it (序号 or a leading 'N.')
    shares_number: bool  # one 序号 merged over this and the task above
    cells: dict[Role, list[Cell]] = field(default_factory=dict)

    def text(self, role: Role) -> str:
        return "\n".join(c.text for c in self.cells.get(role, []) if c.text)


@dataclass
class Read:
    categories: list[Category]
    records: list[Record]


class _Categories:
    def __init__(self) -> None:
        self.items: list[Category] = []
        self.by_title: dict[str, Category] = {}

    def get(self, text: str) -> Category:
        folded = fold(text).strip()
        m = _ORDINAL.match(folded)
        printed = _cn_number(next(g for g in m.groups() if g)) if m else 0
        title = (folded[m.end() :] if m else folded).strip().rstrip("。.:: ")  # noqa: B005 - a set of characters
        title = title or folded
        if title in self.by_title:
            return self.by_title[title]
        used = {c.number for c in self.items}
        number = printed if printed and printed not in used else max(used, default=0) + 1
        category = Category(number, title)
        self.items.append(category)
        self.by_title[title] = category
        return category


def _is_category_row(row: list[Cell], layout: Layout) -> str | None:
    """The text of a '(一)…' row (or a row merged across the table), else None."""
    texts = {c.text for c in row if c.text}
    if len(texts) != 1:
        return None
    text = texts.pop()
    if _NOTE.match(text):
        return None
    merged_across = sum(1 for c in row if c.text) > 1
    return text if merged_across or _ORDINAL.match(fold(text)) else None


def read_records(grid: Grid, layout: Layout) -> Read:
    """Tasks in table order; each row under the header is a task, a category or a note."""
    categories = _Categories()
    records: list[Record] = []
    current: Category | None = None
    cols = layout.columns
    for row in grid.rows[layout.header_end :]:
        if not any(c.text for c in row):
            continue
        heading = _is_category_row(row, layout)
        if heading is not None:
            current = categories.get(heading)
            continue
        first = next(c.text for c in row if c.text)
        if _NOTE.match(first) and len({c.text for c in row if c.text}) == 1:
            continue
        if "category" in cols and row[cols["category"] - 1].text:
            current = categories.get(row[cols["category"] - 1].text)
        measure_cell = row[cols["measure"] - 1]
        by_role = {role: row[col - 1] for role, col in cols.items()}
        last = records[-1] if records else None
        if last is not None and _continues(measure_cell, last.measure_cell):
            # one measure merged over several lines: their other cells belong to it too
            for role, cell in by_role.items():
                if role in ("measure", "number", "category"):
                    continue
                held = last.cells.setdefault(role, [])
                if cell.text and all(cell.origin != h.origin for h in held):
                    held.append(cell)
            continue
        if not measure_cell.text:
            continue  # a row with no measure (a subtotal, a blank line in a merged block)
        if current is None:
            current = categories.get(layout.title or "任务")
        measure, printed = measure_cell.text, None
        m = _MEASURE_NUMBER.match(measure)
        if m:
            measure, printed = measure[m.end() :].strip(), m.group("n")
        shares = False
        if "number" in cols:
            number_cell = by_role["number"]
            number = fold(number_cell.text).strip().rstrip(".、")
            if number:
                printed = number
            shares = (
                last is not None
                and number_cell.origin != (number_cell.row, number_cell.col)
                and number_cell.origin == last.cells["number"][0].origin
            )
        records.append(
            Record(
                row=measure_cell.row,
                category=current.number,
                measure=measure,
                measure_cell=measure_cell,
                printed=printed,
                shares_number=shares,
                cells={role: [cell] for role, cell in by_role.items()},
            )
        )
    return Read(categories.items, records)


def _continues(cell: Cell, above: Cell) -> bool:
    return cell.origin != (cell.row, cell.col) and cell.origin == above.origin
