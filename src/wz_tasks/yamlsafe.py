"""Read YAML text safely into plain values that remember where each one came from.

Only the safe subset a progress file needs: mappings, sequences and scalars. No object
construction, no anchors or aliases, no tags, bounded size and depth. The C parser of
ruamel.yaml.clib is used when installed (about 20x faster); the pure parser otherwise.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
    StreamStartEvent,
)

try:  # the C parser; ruamel.yaml 0.19 no longer installs it by itself
    from _ruamel_yaml import CParser as _CParser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - exercised only without ruamel.yaml.clib
    _CParser = None

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 1_000_000

Path = tuple[str | int, ...]
Loc = tuple[int, int]  # 1-based line, column


@dataclass
class Problem:
    """Something wrong in the text: a diagnostic code, where, and the message's parameters."""

    code: str
    line: int
    column: int
    params: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None  # the value it is about, when that value exists


@dataclass
class Document:
    """A parsed file: its value, where each value and key stands, and what was wrong.

    A document from the cache comes without locations; `reparse` finds them when a message
    needs one (most files never need any).
    """

    value: Any
    _locs: dict[Path, Loc] | None
    _key_locs: dict[Path, Loc] | None
    problems: list[Problem]
    fatal: bool = False
    reparse: Callable[[], Document] | None = field(default=None, repr=False, compare=False)

    def _located(self) -> None:
        if self._locs is None:
            again = self.reparse() if self.reparse is not None else None
            self._locs = again._locs if again is not None else {}
            self._key_locs = again._key_locs if again is not None else {}

    @property
    def locs(self) -> dict[Path, Loc]:
        self._located()
        assert self._locs is not None
        return self._locs

    @property
    def key_locs(self) -> dict[Path, Loc]:
        self._located()
        assert self._key_locs is not None
        return self._key_locs

    def loc(self, path: Path) -> Loc:
        """Where the value at `path` stands, or the nearest enclosing value that exists."""
        while path not in self.locs and path:
            path = path[:-1]
        return self.locs.get(path, (1, 1))


class InvalidDate(str):
    """A plain scalar shaped like a date that is no date (2025-13-01); reported, kept as text."""


_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\Z")
_SPECIAL = {
    "": None,
    "~": None,
    "null": None,
    "Null": None,
    "NULL": None,
    "true": True,
    "True": True,
    "TRUE": True,
    "false": False,
    "False": False,
    "FALSE": False,
    ".inf": math.inf,
    "+.inf": math.inf,
    "-.inf": -math.inf,
    ".Inf": math.inf,
    "-.Inf": -math.inf,
    ".INF": math.inf,
    "-.INF": -math.inf,
    ".nan": math.nan,
    ".NaN": math.nan,
    ".NAN": math.nan,
}


def _resolve_plain(text: str) -> Any:
    """YAML 1.2 core schema for plain scalars, plus ISO dates; anything else stays text."""
    if text in _SPECIAL:
        return _SPECIAL[text]
    first = text[0]
    if first.isdigit() or first in "+-.":
        if _INT.match(text):
            return int(text)
        if _FLOAT.match(text):
            return float(text)
        m = _DATE.match(text)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return InvalidDate(text)
    return text


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """Bytes to text: UTF-8 (a BOM is fine); other encodings are named, binary is refused."""
    if len(data) > MAX_BYTES:
        return None, Problem("WZ005", 1, 1, {"size": len(data), "limit": MAX_BYTES})
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem("WZ002", 1, 1, {"encoding": "UTF-16"})
    if b"\x00" in data[:4096]:
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        if len(data) >= 4 and (even == 0 or odd == 0) and max(even, odd) * 4 >= len(data[:4096]):
            return None, Problem("WZ002", 1, 1, {"encoding": "UTF-16"})
        return None, Problem("WZ003", 1, 1, {})
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and re.search(r"[\u4e00-\u9fff]", text):
        return None, Problem("WZ002", 1, 1, {"encoding": "GBK/GB18030"})
    line = data[:bad_at].count(b"\n") + 1
    return None, Problem("WZ003", line, 1, {})


def _events(text: str) -> Any:
    if _CParser is not None:
        parser = _CParser(text)
        while True:
            event = parser.get_event()
            if event is None:
                return
            yield event
    else:  # pragma: no cover
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)


def _syntax_problem(text: str, exc: YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:  # a reader error gives a character position instead
        position = getattr(exc, "position", 0) or 0
        if _CParser is not None:  # libyaml counts bytes of UTF-8
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    indent = here[: len(here) - len(here.lstrip())]
    if "\t" in indent or "tab character" in problem:
        tab_at = here.find("\t")
        return Problem(
            "WZ001",
            line,
            tab_at + 1 if tab_at >= 0 else column,
            {
                "problem": {
                    "zh": "这一行用了 Tab 键缩进,YAML 只能用空格缩进",
                    "en": "this line is indented with a tab; YAML allows spaces only",
                }
            },
        )
    if "control characters" in problem or "unacceptable character" in problem:
        return Problem("WZ003", line, column, {})
    return Problem("WZ001", line, column, {"problem": problem.splitlines()[0]})


def read_yaml(text: str) -> Document:
    """Parse one YAML document; problems are collected, the first syntax error is fatal."""
    doc = Document(None, {}, {}, [])
    problems = doc.problems
    # Each frame: [container, path, pending key (mappings only), key loc]
    stack: list[list[Any]] = []
    documents = 0
    nodes = 0

    def place(value: Any, line: int, column: int) -> Path | None:
        if not stack:
            doc.value = value
            doc.locs[()] = (line, column)
            return ()
        frame = stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = (*path, len(container))
            container.append(value)
            doc.locs[child] = (line, column)
            return child
        if frame[2] is None:  # this node is a key
            if isinstance(value, dict | list):
                expected = {"zh": "简单的字段名,如 value", "en": "a plain field name, e.g. value"}
                params = {"field": "(字段名)", "got": "[…]", "expected": expected}
                problems.append(Problem("WZ103", line, column, params))
                frame[2] = f"\0key{line}:{column}"  # its value is left out; the key is reported
                return None
            key = str(value) if value is not None else ""
            if key in container:
                first = doc.key_locs.get((*path, key), (line, column))
                problems.append(
                    Problem("WZ009", line, column, {"key": key, "first": first[0]}, (*path, key))
                )
                key = f"\0dup{line}:{column}"  # keep parsing; the duplicate is reported
            frame[2], frame[3] = key, (line, column)
            return None
        key = frame[2]
        frame[2] = None
        child = (*path, key)
        if not key.startswith("\0"):
            container[key] = value
            doc.key_locs[child] = frame[3]
            doc.locs[child] = (line, column)
        return child

    skipped = (StreamStartEvent, StreamEndEvent, DocumentEndEvent)
    try:
        for event in _events(text):
            kind = type(event)
            if kind in skipped:
                continue
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                continue
            mark = event.start_mark
            line, column = mark.line + 1, mark.column + 1
            if kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    problems.append(Problem("WZ010", line, column, {}))
                    doc.fatal = True
                    break
                continue
            nodes += 1
            if nodes > MAX_NODES:
                problems.append(Problem("WZ005", line, column, {"limit": f"{MAX_NODES} nodes"}))
                doc.fatal = True
                break
            if kind is AliasEvent:
                path = place(None, line, column)
                problems.append(Problem("WZ007", line, column, {"anchor": event.anchor}, path))
                continue
            if kind is ScalarEvent:
                plain = event.implicit[0] and not event.style
                value: Any = _resolve_plain(event.value) if plain else event.value
                path = place(value, line, column)
                if isinstance(value, InvalidDate):
                    problems.append(Problem("WZ105", line, column, {"text": str(value)}, path))
            else:
                container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
                path = place(container, line, column)
            if event.anchor is not None:
                problems.append(Problem("WZ007", line, column, {"anchor": event.anchor}, path))
            if event.tag is not None:
                problems.append(Problem("WZ008", line, column, {"tag": event.tag}, path))
            if kind is ScalarEvent:
                continue
            if len(stack) >= MAX_DEPTH:
                problems.append(Problem("WZ006", line, column, {"limit": MAX_DEPTH}))
                doc.fatal = True
                break
            stack.append([container, path if path is not None else ("?",), None, None])
    except MarkedYAMLError as exc:
        problems.append(_syntax_problem(text, exc))
        doc.fatal = True
    except YAMLError as exc:  # reader errors carry no mark
        problems.append(_syntax_problem(text, exc))
        doc.fatal = True
    return doc
