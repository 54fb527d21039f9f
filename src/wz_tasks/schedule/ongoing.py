"""An ongoing duty (长期坚持): never done; its only risk is not being reported (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass

from wz_tasks.schedule import Context, Filed, Part
from wz_tasks.status import Status


@dataclass(frozen=True)
class Ongoing:
    key: str = "ongoing"
    ends: bool = False

    def judge(self, history: tuple[Filed, ...], ctx: Context) -> Part:
        return Part("ongoing", "ongoing", Status.ON_TRACK)
