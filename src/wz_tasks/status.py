"""A status is a type: its rank (worst first), its light and whether it means done (SPEC §3)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    """The verdict on a task, a unit's share of it, or one part of it. Declared worst first."""

    OVERDUE = "overdue"
    BEHIND = "behind"
    DUE_SOON = "due_soon"
    STALE = "stale"
    ON_TRACK = "on_track"
    DONE_LATE = "done_late"
    DONE = "done"

    @property
    def rank(self) -> int:
        """0 is the worst."""
        return _RANK[self]

    @property
    def light(self) -> str:
        """red, yellow or green (红黄绿灯)."""
        return _LIGHT[self]

    @property
    def done(self) -> bool:
        return self in (Status.DONE, Status.DONE_LATE)

    def at_least_as_bad_as(self, other: Status) -> bool:
        return self.rank <= other.rank


_RANK = {s: i for i, s in enumerate(Status)}
_LIGHT = {
    Status.OVERDUE: "red",
    Status.BEHIND: "yellow",
    Status.DUE_SOON: "yellow",
    Status.STALE: "yellow",
    Status.ON_TRACK: "green",
    Status.DONE_LATE: "green",
    Status.DONE: "green",
}
STATUSES: tuple[Status, ...] = tuple(Status)


def worst(statuses: Iterable[Status]) -> Status:
    """The worst of these statuses."""
    return min(statuses, key=lambda s: s.rank)


def parse_statuses(text: str) -> tuple[set[Status], list[str]]:
    """`overdue,behind` → the statuses named, and the names that are no status."""
    names = [s.strip() for s in text.split(",") if s.strip()]
    known = {s.value for s in Status}
    return {Status(n) for n in names if n in known}, [n for n in names if n not in known]
