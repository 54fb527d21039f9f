"""Read YAML text safely into plain values that remember where each one came from.

Only the safe subset a progress file needs: mappings, sequences and scalars. No object
construction, no anchors or aliases, no tags, bounded size and depth. The C parser of
ruamel.yaml.clib is used when installed (about 20x faster); the pure parser otherwise. Both are
imported on the first parse, not with this module: a warm run reads no YAML.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import math
import re
import sys
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml.error import YAMLError

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


class Spots:
    """Where each value and key of a document stands, kept compact for a province-sized run.

    Five unsigned ints per node in document order (parent node + 1, line, column, key line, key
    column; 0 for "none") and the node's key or index. The lookup tables are built only when a
    message first needs a location: most files never do. About 30 bytes a node instead of the
    two dictionaries of tuples (over 300).
    """

    __slots__ = ("_keys", "_nums", "_tables")

    def __init__(self) -> None:
        self._nums = array("I")
        self._keys: list[Any] = []
        self._tables: tuple[dict[Path, Loc], dict[Path, Loc]] | None = None

    def add(self, parent: int, key: Any, line: int, column: int, key_at: Loc | None) -> int:
        """Record one node (the child of node `parent`, -1 for the root); returns its number."""
        kline, kcol = key_at or (0, 0)
        self._nums.extend((parent + 1, line, column, kline, kcol))
        self._keys.append(key)
        self._tables = None
        return len(self._keys) - 1

    def tables(self) -> tuple[dict[Path, Loc], dict[Path, Loc]]:
        """{path: (line, column)} of every value and of every mapping key."""
        if self._tables is None:
            locs: dict[Path, Loc] = {}
            key_locs: dict[Path, Loc] = {}
            paths: list[Path] = []
            nums = self._nums
            try:
                for i, key in enumerate(self._keys):
                    parent, line, column, kline, kcol = nums[5 * i : 5 * i + 5]
                    if not 0 <= parent <= i:
                        raise IndexError("a node before its parent")
                    path: Path = () if parent == 0 else (*paths[parent - 1], key)
                    paths.append(path)
                    locs[path] = (line, column)
                    if kline:
                        key_locs[path] = (kline, kcol)
            except (IndexError, TypeError, ValueError):  # damaged (a cache file): no locations
                locs, key_locs = {}, {}
            self._tables = (locs, key_locs)
        return self._tables

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data for a cache: {"nums": base64 of the numbers, "keys": [str|int|None]}."""
        return {"nums": base64.b64encode(self._nums.tobytes()).decode(), "keys": self._keys}

    @classmethod
    def from_json(cls, data: Any) -> Spots:
        """What `to_json` gave, back. Raises ValueError if it is not of that shape (a damaged
        cache); numbers that do not fit each other give no locations rather than wrong ones."""
        if not (isinstance(data, dict) and data.keys() == {"nums", "keys"}):
            raise ValueError("not locations")
        nums, keys = data["nums"], data["keys"]
        if not (isinstance(nums, str) and isinstance(keys, list)):
            raise ValueError("not locations")
        spots = cls()
        try:
            spots._nums.frombytes(base64.b64decode(nums, validate=True))
        except (ValueError, TypeError) as exc:
            raise ValueError("not locations") from exc
        if len(spots._nums) != 5 * len(keys):
            raise ValueError("not locations")
        spots._keys = keys
        return spots

    def __getstate__(self) -> tuple[bytes, list[Any]]:
        return self._nums.tobytes(), self._keys

    def __setstate__(self, state: tuple[bytes, list[Any]]) -> None:
        self._nums = array("I")
        self._nums.frombytes(state[0])
        self._keys = state[1]
        self._tables = None


@dataclass
class Document:
    """A parsed file: its value, where each value and key stands, what was wrong, and which
    lines acknowledge which codes (`# noqa: WZ201` -> {line: ["WZ201"]}; bare `# noqa` -> []).

    `spots` and `noqa` are None only for a document that was kept without them (an older cache).
    """

    value: Any
    spots: Spots | None
    noqa: dict[int, list[str]] | None
    problems: list[Problem]
    fatal: bool = False

    @property
    def locs(self) -> dict[Path, Loc]:
        return self.spots.tables()[0] if self.spots is not None else {}

    @property
    def key_locs(self) -> dict[Path, Loc]:
        return self.spots.tables()[1] if self.spots is not None else {}

    def loc(self, path: Path) -> Loc:
        """Where the value at `path` stands, or the nearest enclosing value that exists."""
        locs = self.locs
        while path not in locs and path:
            path = path[:-1]
        return locs.get(path, (1, 1))


_NOQA = re.compile(
    r"(?:^|[ \t])#[ \t]*noqa\b(?:[ \t]*[:：][ \t]*((?:WZ\d+)(?:[ \t]*[,，][ \t]*WZ\d+)*))?",
    re.IGNORECASE | re.MULTILINE,
)


def noqa_lines(text: str) -> dict[int, list[str]]:
    """The codes each line acknowledges with a `# noqa` comment ([] = every code)."""
    found: dict[int, list[str]] = {}
    line, upto = 1, 0
    for m in _NOQA.finditer(text):
        line += text.count("\n", upto, m.start())
        upto = m.start()
        codes = re.split(r"[ \t]*[,，][ \t]*", m[1].upper()) if m[1] else []
        found.setdefault(line, []).extend(codes)
        if not codes:
            found[line] = []
    return found


# Characters a reader cannot see but YAML keeps: a key holding one is another key.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\ufff0-\ufffb]"
)


def invisible(text: str) -> list[str]:
    """The invisible characters in `text`, as U+XXXX."""
    return sorted({f"U+{ord(c):04X}" for c in _INVISIBLE.findall(text)})


def escaped(text: str) -> str:
    """`text` with its invisible characters written as \\uXXXX, so that a reader sees them."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


class InvalidDate(str):
    """A plain scalar shaped like a date that is no date (2025-13-01); reported, kept as text."""


class LongNumber(str):
    """A whole number with more digits than Python converts (4,300); reported, kept as text."""


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
            try:
                return int(text)
            except ValueError:  # over sys.int_info.str_digits_check_threshold digits
                return LongNumber(text)
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


@functools.cache
def _c_parser() -> Any:
    """The C parser's class, or None without ruamel.yaml.clib."""
    try:  # the C parser; ruamel.yaml 0.19 no longer installs it by itself
        from _ruamel_yaml import CParser  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - exercised only without ruamel.yaml.clib
        return None
    return CParser


def _events(text: str) -> Any:
    c_parser = _c_parser()
    if c_parser is not None:
        parser = c_parser(text)
        while True:
            event = parser.get_event()
            if event is None:
                return
            yield event
    else:  # pragma: no cover
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)


# A field name typed with the Chinese keyboard still on: a full-width colon, or a full-width
# space where the space after the colon belongs.
FULLWIDTH = re.compile(r"[ \t]*(?:-[ \t]+)*([A-Za-z_][A-Za-z0-9_-]*)[ \t]*(：|:\u3000)")
# `key: text: more`: a colon and a space inside unquoted text after a key on the same line.
_KEY_FIRST = re.compile(r"[ \t]*(?:-[ \t]+)*[^\s#'\"\[\]{}][^#]*?:[ \t]")
WHAT_FULLWIDTH = {
    "：": {"zh": "全角冒号“：”", "en": "a full-width colon '：'"},
    ":\u3000": {"zh": "半角冒号加全角空格", "en": "a colon and a full-width space"},
}


def _syntax_problem(text: str, exc: YAMLError) -> Problem:
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    context = str(getattr(exc, "context", None) or "")
    mark = problem_mark or context_mark
    if mark is not None:
        line, column = mark.line + 1, mark.column + 1
    else:  # a reader error gives a character position instead
        position = getattr(exc, "position", 0) or 0
        if _c_parser() is not None:  # libyaml counts bytes of UTF-8
            position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    lines = text.splitlines()

    def text_of(n: int) -> str:
        return lines[n - 1] if 0 < n <= len(lines) else ""

    here = text_of(line)
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
    if context_mark is not None and "quoted scalar" in context:
        # An unclosed quote: where it opened, not the end of the file the parser ran into.
        q_line, q_col = context_mark.line + 1, context_mark.column + 1
        quote = text_of(q_line)[q_col - 1 : q_col] or '"'
        return Problem("WZ052", q_line, q_col, {"quote": quote})
    candidates = [line] if context_mark is None else [context_mark.line + 1, line]
    for n in candidates:
        m = FULLWIDTH.match(text_of(n))
        if m:
            what = WHAT_FULLWIDTH[m[2]]
            return Problem("WZ050", n, m.start(2) + 1, {"key": m[1], "what": what})
    if "mapping values are not allowed" in problem and _KEY_FIRST.match(here[: column - 1]):
        return Problem("WZ051", line, column, {"key": here.split(":", 1)[0].strip(" -")})
    for n in candidates:
        m = _INVISIBLE.search(text_of(n))
        if m:
            shown = escaped(text_of(n).strip(" "))
            return Problem(
                "WZ053",
                n,
                m.start() + 1,
                {"shown": shown, "chars": "、".join(invisible(m[0])), "hint": ""},
            )
    return Problem("WZ001", line, column, {"problem": problem.splitlines()[0]})


def read_yaml(text: str) -> Document:
    """Parse one YAML document; problems are collected, the first syntax error is fatal."""
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

    spots = Spots()
    doc = Document(None, spots, noqa_lines(text), [])
    problems = doc.problems
    intern = sys.intern  # the same few field names in every entry: one string each
    # Each frame: [container, path, pending key (mappings only), key loc, node number (-2: not
    # recorded, under a key that is left out), {key: line} (mappings only)]
    stack: list[list[Any]] = []
    documents = 0
    nodes = 0

    def place(value: Any, line: int, column: int) -> tuple[Path | None, int]:
        """Put a value in its container; its path (None for a key) and its node number."""
        if not stack:
            doc.value = value
            return (), spots.add(-1, None, line, column, None)
        frame = stack[-1]
        container, path, parent = frame[0], frame[1], frame[4]
        if isinstance(container, list):
            index = len(container)
            container.append(value)
            if parent == -2:
                return (*path, index), -2
            return (*path, index), spots.add(parent, index, line, column, None)
        if frame[2] is None:  # this node is a key
            if isinstance(value, dict | list):
                expected = {"zh": "简单的字段名,如 value", "en": "a plain field name, e.g. value"}
                params = {"field": "(字段名)", "got": "[…]", "expected": expected}
                problems.append(Problem("WZ103", line, column, params))
                # Its value is left out (the key is reported): a tuple is never a real key.
                frame[2], frame[3] = ("complex key", line, column), None
                return None, -2
            key = intern(str(value)) if value is not None else ""
            first = frame[5].get(key)
            if first is not None:
                problems.append(
                    Problem("WZ009", line, column, {"key": key, "first": first}, (*path, key))
                )
                frame[2], frame[3] = ("duplicate", line, column), None  # reported; parse on
                return None, -2
            frame[5][key] = line
            frame[2], frame[3] = key, (line, column)
            return None, -2
        key = frame[2]
        frame[2] = None
        if isinstance(key, str):
            container[key] = value
        if parent == -2 or not isinstance(key, str):
            return (*path, key), -2
        return (*path, key), spots.add(parent, key, line, column, frame[3])

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
                problems.append(Problem("WZ055", line, column, {"limit": MAX_NODES}))
                doc.fatal = True
                break
            if kind is AliasEvent:
                path, _ = place(None, line, column)
                problems.append(Problem("WZ007", line, column, {"anchor": event.anchor}, path))
                continue
            if kind is ScalarEvent:
                plain = event.implicit[0] and not event.style
                value: Any = _resolve_plain(event.value) if plain else event.value
                long = isinstance(value, LongNumber)
                path, node = place(str(value) if long else value, line, column)
                if long:  # reported here; the value stays plain text
                    params = {"digits": len(value.lstrip("+-")), "shown": value[:12] + "…"}
                    problems.append(Problem("WZ054", line, column, params, path))
                elif isinstance(value, InvalidDate):
                    problems.append(Problem("WZ105", line, column, {"text": str(value)}, path))
            else:
                container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
                path, node = place(container, line, column)
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
            where = path if path is not None else ("?",)
            stack.append([container, where, None, None, node, {}])
    except MarkedYAMLError as exc:
        problems.append(_syntax_problem(text, exc))
        doc.fatal = True
    except YAMLError as exc:  # reader errors carry no mark
        problems.append(_syntax_problem(text, exc))
        doc.fatal = True
    return doc
