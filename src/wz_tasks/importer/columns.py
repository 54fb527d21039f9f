"""Header recognition: which column is the number, the measure, the units and the deadline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from wz_tasks.importer.phrases import fold
from wz_tasks.importer.table import Cell, Grid

Role = Literal["number", "category", "measure", "lead", "support", "mixed", "deadline"]

# Checked in this order: a header naming two things ("任务完成时限", "责任单位(★为牵头单位)")
# is the first of them here.
_WORDS: list[tuple[Role, tuple[str, ...]]] = [
    (
        "deadline",
        ("时限", "完成时间", "时间进度", "期限", "时间节点", "时间安排", "进度安排", "完成日期"),
    ),
    ("mixed", ("责任单位", "负责部门", "责任部门", "负责单位", "责任主体", "承办单位")),
    ("lead", ("牵头单位", "牵头部门", "主办单位", "牵头")),
    (
        "support",
        ("配合单位", "协办单位", "参与单位", "配合部门", "协办部门", "参与部门", "协同单位"),
    ),
    ("category", ("类别", "分类", "领域", "大类", "板块")),
    ("measure", ("任务", "措施", "民生实事", "工作内容", "重点工作", "事项", "项目名称")),
]
_HEADER_SEARCH_ROWS = 12


def role_of(text: str) -> Role | None:
    """The role a header cell names, or None."""
    words = re.sub(r"\s+", "", fold(text))
    if not words or len(words) > 20:
        return None
    if words in ("序号", "序", "编号", "No", "No.") or words.startswith("序号"):
        return "number"
    for role, keys in _WORDS:
        if any(k in words for k in keys):
            return role
    return None


@dataclass
class Layout:
    """Where the header is and which column holds what (1-based column numbers)."""

    header_end: int  # index in grid.rows of the first row after the header
    columns: dict[Role, int] = field(default_factory=dict)
    title: str | None = None


def _roles(row: list[Cell]) -> dict[int, Role]:
    out: dict[int, Role] = {}
    for cell in row:
        if cell.origin[1] != cell.col and cell.origin[0] == cell.row:
            continue  # the same header text merged across columns: its first column names it
        role = role_of(cell.text)
        if role is not None:
            out[cell.col] = role
    return out


def _is_sub_header(row: list[Cell], header_row: int) -> bool:
    filled = [c for c in row if c.text and c.origin == (c.row, c.col)]
    return bool(filled) and all(role_of(c.text) is not None and len(c.text) <= 12 for c in filled)


def find_layout(grid: Grid) -> Layout | None:
    """The header among the first rows: a measure column and a unit or deadline column."""
    for i, row in enumerate(grid.rows[:_HEADER_SEARCH_ROWS]):
        roles = _roles(row)
        kinds = set(roles.values())
        if "measure" not in kinds or not kinds & {"lead", "mixed", "deadline"}:
            continue
        end = i + 1
        if end < len(grid.rows) and _is_sub_header(grid.rows[end], row[0].row):
            # a two-level header: 责任单位 over 牵头单位 | 配合单位
            roles |= _roles(grid.rows[end])
            end += 1
        return Layout(end, _assign(roles), _title(grid.rows[:i]))
    return None


def _assign(roles: dict[int, Role]) -> dict[Role, int]:
    columns: dict[Role, int] = {}
    measures = [c for c, r in sorted(roles.items()) if r == "measure"]
    for col, role in sorted(roles.items()):
        if role != "measure":
            columns.setdefault(role, col)
    # 主要任务 | 推进措施: the left one groups the measures, the right one is the measure
    columns["measure"] = measures[-1]
    if len(measures) > 1 and "category" not in columns:
        columns["category"] = measures[0]
    return columns


def _title(rows: list[list[Cell]]) -> str | None:
    for row in rows:
        texts = list(dict.fromkeys(c.text for c in row if c.text))
        if texts and not re.fullmatch(r"附件\s*\d*[::]?", texts[0]):
            return " ".join(texts)
    return None
