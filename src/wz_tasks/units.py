"""The unit registry: canonical names, aliases, groups, and 'did you mean' suggestions."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from wz_tasks.models import Group, Unit

# How people shorten names on the command line (SPEC §9): the city's name in front and the
# government's suffix at the end are often added or left out.
_TYPED_PREFIX = "吴忠市"
_TYPED_SUFFIXES = ("人民政府", "政府")


def _core(spelling: str) -> str:
    """A normalised spelling without a leading 吴忠市 and a trailing 人民政府/政府."""
    if spelling.startswith(_TYPED_PREFIX) and len(spelling) > len(_TYPED_PREFIX):
        spelling = spelling[len(_TYPED_PREFIX) :]
    for suffix in _TYPED_SUFFIXES:
        if spelling.endswith(suffix) and len(spelling) > len(suffix):
            return spelling[: -len(suffix)]
    return spelling


def normalize(name: str) -> str:
    """Fold full-/half-width forms (brackets, commas, digits) and drop white space."""
    return "".join(unicodedata.normalize("NFKC", name).split())


@dataclass(frozen=True)
class Resolved:
    """What a name means: a unit, or a group of units."""

    name: str  # canonical
    members: tuple[str, ...]  # the unit itself, or the group's members
    is_group: bool


class UnitRegistry:
    """Looks up units and groups by any of their spellings."""

    def __init__(self, units: Iterable[Unit], groups: Iterable[Group]) -> None:
        self.units: dict[str, Unit] = {u.name: u for u in units}
        self.groups: dict[str, Group] = {g.name: g for g in groups}
        self._by_spelling: dict[str, str] = {}
        self._resolved: dict[str, Resolved | None] = {}  # what each name looked up means
        for name, aliases in self._spellings():
            for spelling in (name, *aliases):
                self._by_spelling.setdefault(normalize(spelling), name)

    def _spellings(self) -> list[tuple[str, list[str]]]:
        return [(u.name, u.aliases) for u in self.units.values()] + [
            (g.name, g.aliases) for g in self.groups.values()
        ]

    def spellings_clash(self) -> list[tuple[str, str, str]]:
        """(spelling, first owner, second owner) for every spelling two entries both claim."""
        seen: dict[str, str] = {}
        clashes = []
        for name, aliases in self._spellings():
            for spelling in dict.fromkeys(normalize(s) for s in (name, *aliases)):
                if spelling in seen and seen[spelling] != name:
                    clashes.append((spelling, seen[spelling], name))
                seen.setdefault(spelling, name)
        return clashes

    def resolve(self, name: str) -> Resolved | None:
        if name in self._resolved:  # a task list names the same units again and again
            return self._resolved[name]
        # A name spelt as registered is its own normal form (normalize is idempotent): most are.
        canonical = self._by_spelling.get(name)
        if canonical is None:
            canonical = self._by_spelling.get(normalize(name))
        found = None
        if canonical in self.groups:
            found = Resolved(canonical, tuple(self.groups[canonical].members), True)
        elif canonical is not None:
            found = Resolved(canonical, (canonical,), False)
        self._resolved[name] = found
        return found

    def typed_candidates(self, name: str) -> list[str]:
        """Canonical names a name typed on the command line may mean (SPEC §9), best rule first.

        Exact spellings win; then names equal after dropping a leading 吴忠市 and a trailing
        人民政府/政府 (盐池县政府, 吴忠市住建局); then names or aliases starting with it (盐池)."""
        key = normalize(name)
        if not key:
            return []
        exact = self._by_spelling.get(key)
        if exact is not None:
            return [exact]
        core = _core(key)
        same = {c for s, c in self._by_spelling.items() if _core(s) == core}
        if same:
            return sorted(same)
        return sorted({c for s, c in self._by_spelling.items() if s.startswith(key)})

    def expand(self, names: Iterable[str]) -> list[str]:
        """Canonical unit names for a list of unit and group names, groups expanded, in order."""
        out: dict[str, None] = {}
        for name in names:
            resolved = self.resolve(name)
            if resolved is not None:
                out.update(dict.fromkeys(resolved.members))
        return list(out)

    def groups_of(self, unit: str) -> list[str]:
        return [g.name for g in self.groups.values() if unit in g.members]

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Canonical names nearest to a misspelt `name`, best first."""
        key = normalize(name)
        scored: dict[str, float] = {}
        for spelling, canonical in self._by_spelling.items():
            if key and (key in spelling or spelling in key):
                score = 1.0 + len(min(key, spelling, key=len)) / max(len(spelling), len(key))
            else:
                score = difflib.SequenceMatcher(None, key, spelling).ratio()
            if score >= 0.5:
                scored[canonical] = max(scored.get(canonical, 0.0), score)
        return sorted(scored, key=lambda c: -scored[c])[:limit]
