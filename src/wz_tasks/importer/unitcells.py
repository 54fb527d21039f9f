"""Unit cells: the names a 牵头单位 / 配合单位 / 责任单位 cell lists, registry names first.

`市发改、财政、司法` lists 市发改, 市财政, 市司法: a list shares the prefix its first name carries.
Names the registry knows are recognised before the cell is split, so an alias holding 、
(`水、暖、气、通信等相关企业`) stays one name, and `各县(市、区)人民政府` is never split inside
its brackets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wz_tasks.units import normalize

_SEPARATORS = set("、,;/|。\n\r\t ")
_OPEN, _CLOSE = set("([【〔<《"), set(")]】〕>》")
_STARS = "★☆*"
_PREFIXES = ("市", "县", "区", "省")
# Words holding 市 that do not name a place: 城市管理局 is not 市X.
_NOT_PLACES = ("城市", "市场", "市政", "超市", "都市")
_PLACES = re.compile(r"[市县区省镇乡旗州村]|街道|社区")
_NOT_CITY_BODIES = (
    "政府",
    "公司",
    "企业",
    "协会",
    "商会",
    "银行",
    "集团",
    "法院",
    "检察院",
    "各",
    "全",
)


@dataclass
class Registry:
    """The units and groups a task list already has, by every spelling (width-folded)."""

    units: list[dict[str, Any]] = field(default_factory=list)
    groups: list[dict[str, Any]] = field(default_factory=list)
    by_spelling: dict[str, str] = field(default_factory=dict)
    _joined: list[str] | None = field(default=None, repr=False)

    def add(self, entry: dict[str, Any], group: bool = False) -> None:
        self._joined = None
        (self.groups if group else self.units).append(entry)
        for spelling in (entry["name"], *entry.get("aliases", [])):
            self.by_spelling.setdefault(normalize(spelling), entry["name"])

    def resolve(self, name: str) -> str | None:
        return self.by_spelling.get(normalize(name))

    def joined_spellings(self) -> list[str]:
        """Spellings holding a separator (they must be found before the cell is split)."""
        if self._joined is None:
            found = [s for s in self.by_spelling if any(ch in _SEPARATORS for ch in s)]
            self._joined = sorted(found, key=len, reverse=True)
        return self._joined


class RegistryError(Exception):
    """--units cannot be read: a usage error (exit 2)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def load_registry(path: Path) -> Registry:
    """The `units:` and `groups:` of a units.yaml, or of every YAML file in a task-list folder."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if path.is_dir():
        # a task-list folder keeps its units in units.yaml; any YAML file there may hold them
        files = (
            [path / "units.yaml"]
            if (path / "units.yaml").is_file()
            else sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        )
    elif path.is_file():
        files = [path]
    else:
        raise RegistryError(f"--units:找不到 {path}", f"--units: {path} not found")
    registry = Registry()
    yaml = YAML(typ="safe")
    for file in files:
        try:
            data = yaml.load(file.read_bytes())
        except (OSError, YAMLError) as exc:
            raise RegistryError(
                f"--units:无法读取 {file}:{exc}", f"--units: cannot read {file}: {exc}"
            ) from exc
        if not isinstance(data, dict):
            continue
        for key, group in (("units", False), ("groups", True)):
            for i, entry in enumerate(data.get(key) or []):
                if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)):
                    raise RegistryError(
                        f"--units:{file} 的 {key} 第 {i + 1} 项没有 name",
                        f"--units: {file}: {key} item {i + 1} has no name",
                    )
                registry.add(entry, group)
    if not registry.by_spelling:
        raise RegistryError(f"--units:{path} 中没有 units", f"--units: {path} holds no units")
    return registry


@dataclass(frozen=True)
class Named:
    """One unit a cell names: the registry's canonical name, or the name as printed."""

    name: str
    known: bool
    starred: bool  # marked ★ (or 牵头) in a mixed 责任单位 cell


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` width-folded character by character, with each folded character's source index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for f in unicodedata.normalize("NFKC", ch):
            out.append(f)
            index.append(i)
    return "".join(out), index


def _tokens(text: str, registry: Registry) -> list[str]:
    folded, index = _folded(text)
    protected = [False] * len(folded)
    for spelling in registry.joined_spellings():
        for m in re.finditer(re.escape(spelling), folded):
            if not any(protected[m.start() : m.end()]):
                protected[m.start() : m.end()] = [True] * (m.end() - m.start())
    tokens: list[str] = []
    start, depth = 0, 0
    for i, ch in enumerate(folded):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in _SEPARATORS and depth == 0 and not protected[i]:
            if i > start:
                tokens.append(text[index[start] : index[i - 1] + 1])
            start = i + 1
    if start < len(folded):
        tokens.append(text[index[start] :])
    # no unit has a one-character name: 水、暖、气、通信等相关企业 is one name
    out: list[str] = []
    pending: list[str] = []
    for token in (t.strip() for t in tokens if t.strip()):
        pending.append(token)
        if len(token) > 1:
            out.append("、".join(pending))
            pending = []
    if pending:
        out.append("、".join(pending))
    return out


def _has_prefix(name: str) -> bool:
    """Whether a name starts with 市/县/区/省 as a place (市场监管 does not)."""
    return name.startswith(_PREFIXES) and not name.startswith(_NOT_PLACES)


def _carries(token: str) -> bool:
    """Whether a name may take the prefix of the list it is in (财政 → 市财政)."""
    bare = token
    for word in _NOT_PLACES:
        bare = bare.replace(word, "")
    return not _PLACES.search(bare) and not any(w in token for w in _NOT_CITY_BODIES)


def split_units(text: str, registry: Registry) -> list[Named]:
    """The units a cell names, in order, each once."""
    out: dict[str, Named] = {}
    prefix: str | None = None
    for token in _tokens(text, registry):
        starred = token[0] in _STARS or token[-1] in _STARS  # ★税务局 and 税务局★ alike
        name = token.strip(_STARS).strip()
        led = re.search(r"[((]牵头[))]$", name)
        if led:
            starred, name = True, name[: led.start()].strip()
        if not name:
            continue
        known = registry.resolve(name)
        carried = prefix + name if prefix and not _has_prefix(name) and _carries(name) else None
        if known is None and carried is not None:
            known = registry.resolve(carried)
            name = carried if known is None else name
        if _has_prefix(name):
            prefix = name[0]
        elif known is None and carried is None:
            prefix = None
        final = known or name
        if final not in out:
            out[final] = Named(final, known is not None, starred)
        elif starred:
            out[final] = Named(final, known is not None, True)
    return list(out.values())
