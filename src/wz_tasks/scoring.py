"""Year-end scoring (SPEC §10.5): points deducted per finding, by rules in the policy's data.

The rules are the policy's (`scoring:` in policy.yaml); the embedded policy ships an example set,
marked as such. A unit's score is the base less its deductions; equal scores share a rank.
"""

from __future__ import annotations

from dataclasses import dataclass

from wz_tasks.evaluate import Evaluation, ItemRef
from wz_tasks.models import Scoring


@dataclass(frozen=True)
class Deduction:
    item: ItemRef
    reason: str  # a status, or "missed_report"
    count: int  # 1 for a status; the periods missed in a row for missed_report
    points: float  # the points taken off (positive)


@dataclass(frozen=True)
class UnitScore:
    unit: str
    score: float
    rank: int
    deductions: tuple[Deduction, ...]


def score(ev: Evaluation, rules: Scoring) -> list[UnitScore]:
    """Every lead unit's score, best first."""
    found: dict[str, list[Deduction]] = {}
    for ref, u in ev.lead_results():
        taken = found.setdefault(u.unit, [])
        per = rules.points(u.status.value)
        if per:
            taken.append(Deduction(ref, u.status.value, 1, per))
        missed = u.reporting.missed_in_a_row
        per_miss = rules.points("missed_report")
        if missed and per_miss:
            taken.append(Deduction(ref, "missed_report", missed, per_miss * missed))
    totals = {unit: round(rules.base - sum(d.points for d in ds), 2) for unit, ds in found.items()}
    ordered = sorted(totals, key=lambda unit: (-totals[unit], unit))
    out = []
    for unit in ordered:
        rank = 1 + sum(1 for other in totals.values() if other > totals[unit])
        out.append(UnitScore(unit, totals[unit], rank, tuple(found[unit])))
    return out
