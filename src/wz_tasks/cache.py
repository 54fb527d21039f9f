"""A cache of parsed progress files, keyed by content, in the user's cache directory.

Parsing YAML is most of the cost of a run; an unchanged file need not be parsed twice. The parsed
documents of one set of progress paths live in one file, keyed by a hash of each file's bytes (so
a changed, moved or deleted file is simply another key), with an index from (device, inode, size,
mtime, ctime) to that hash so that a file unchanged since the last run is not even read. The file
is rewritten whole, to a temporary name and renamed into place (two runs racing each leave a whole
file; the later one wins), holding only what the run used, so deleted files drop out.

The files hold data only: JSON, read by the standard library's parser, with dates and the few
classes of ours that a document holds written as tagged objects (`{"\\u0000date": "2025-12-20"}`)
and rebuilt from an allow-list. A cache folder restored from somewhere untrusted can hold anything;
reading it never runs code, and anything unreadable, foreign or of the wrong shape is ignored and
parsed afresh. Old cache folders are removed only when they carry this tool's own marker.
`--no-cache` or WZ_TASKS_NO_CACHE=1 turns it off; WZ_TASKS_CACHE_DIR moves it. Beside the parsed
documents, warm.py keeps what the last run checked, for a run over the very same files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import math
import operator
import os
import re
import types
import typing
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wz_tasks import cachedir
from wz_tasks.cachedir import code_folder, remove_older_code, write_atomic
from wz_tasks.yamlsafe import Document, InvalidDate, Problem, Spots

if TYPE_CHECKING:
    from wz_tasks.tasklist import TaskList

# The document (without locations); whether it holds a template blank; the task lists (by key)
# it passed every rule under, with the unit it resolved to.
Found = tuple[Document, bool, dict[str, str]]

FORMAT = "wz-tasks-cache-1"  # the first field of every file; anything else is not ours
# --- data-only encoding -----------------------------------------------------------------------

# Tags start with NUL: read_yaml never keeps a mapping key that starts with one, so a tag cannot be
# confused with a one-key mapping from a progress file.
_DATE, _TUPLE, _MAP, _INVALID_DATE, _PROBLEM = "\0date", "\0tuple", "\0map", "\0invalid-date", "\0p"
_PROBLEM_FIELDS = tuple(f.name for f in dataclasses.fields(Problem))
# What of a Document is data (its locations are left out: they are most of the size, and rarely
# needed; `reparse` finds them again). A plain-data field added to Document is carried as it is.
_DOC_FIELDS = frozenset(
    f.name for f in dataclasses.fields(Document) if f.compare and not f.name.startswith("_")
)


def _tagged(x: Any) -> Any:
    """A value with everything JSON cannot say (dates, tuples, int keys, our classes) tagged."""
    kind = type(x)
    if kind is str or kind is int or kind is float or kind is bool or x is None:
        return x
    if kind is dict:
        if all(type(k) is str for k in x):
            return {k: _tagged(v) for k, v in x.items()}
        return {_MAP: [[_tagged(k), _tagged(v)] for k, v in x.items()]}
    if kind is list:
        return [_tagged(v) for v in x]
    if kind is tuple:
        return {_TUPLE: [_tagged(v) for v in x]}
    if kind is dt.date:
        return {_DATE: x.isoformat()}
    if kind is InvalidDate:
        return {_INVALID_DATE: str(x)}
    if kind is Problem:
        return {_PROBLEM: [_tagged(getattr(x, f)) for f in _PROBLEM_FIELDS]}
    raise TypeError(f"not cacheable: {kind.__name__}")


def _dates(x: Any) -> Any:
    """json.dumps' hook for what its C encoder cannot write: only dates, in a clean document."""
    if type(x) is dt.date:
        return {_DATE: x.isoformat()}
    raise TypeError(f"not cacheable: {type(x).__name__}")


def _problem(fields: Any) -> Problem:
    if not (isinstance(fields, list) and len(fields) == len(_PROBLEM_FIELDS)):
        raise ValueError("not a problem")
    p = Problem(**dict(zip(_PROBLEM_FIELDS, fields, strict=True)))
    ok = (
        type(p.code) is str
        and type(p.line) is int
        and type(p.column) is int
        and type(p.params) is dict
        and (p.path is None or type(p.path) is tuple)
    )
    if not ok:
        raise ValueError("not a problem")
    return p


_TAGS: dict[str, Any] = {
    _DATE: dt.date.fromisoformat,
    _TUPLE: lambda v: tuple(v) if type(v) is list else _bad(),
    _MAP: lambda v: {k: w for k, w in v} if type(v) is list else _bad(),
    _INVALID_DATE: lambda v: InvalidDate(v) if type(v) is str else _bad(),
    _PROBLEM: _problem,
}


def _bad() -> Any:
    raise ValueError("not a cache file")


def _untagged(obj: dict[str, Any]) -> Any:
    """json.loads' hook: a tagged object back to its value; a malformed one makes the file void."""
    if len(obj) == 1:
        for key in obj:
            rebuild = _TAGS.get(key)
            if rebuild is not None:
                return rebuild(obj[key])
    return obj


def _entry_out(entry: dict[str, Any]) -> dict[str, Any]:
    """An entry as written: what JSON cannot say tagged."""
    doc = entry["doc"]
    fields = {
        # A document with problems may hold a str subclass (an invalid date) that the C encoder
        # would write as plain text: tag it all by hand. A clean one goes to the encoder as it is.
        name: value if name == "value" and not doc["problems"] else _tagged(value)
        for name, value in doc.items()
        if name != "spots"
    }
    # Locations are compact numbers with their own plain-JSON form (base64 and a key list).
    spots = doc.get("spots")
    fields["spots"] = spots.to_json() if isinstance(spots, Spots) else spots  # or as read
    return {"doc": fields, "blank": entry["blank"], "passed": entry["passed"]}


def _entry_in(entry: Any) -> Found | None:
    """A stored entry as a document, or None if it is not of the shape this code writes."""
    if type(entry) is not dict or entry.keys() != {"doc", "blank", "passed"}:
        return None
    fields, blank, passed = entry["doc"], entry["blank"], entry["passed"]
    if type(fields) is not dict or fields.keys() != _DOC_FIELDS or type(blank) is not bool:
        return None
    if type(passed) is not dict or not all(type(v) is str for v in passed.values()):
        return None
    problems = fields["problems"]
    if type(problems) is not list or not all(type(p) is Problem for p in problems):
        return None
    hints = _doc_hints()
    for name, value in fields.items():  # any other field: its declared type, checked strictly
        if name not in ("value", "problems", "spots"):
            try:
                _built(hints[name], value)
            except (_Unfit, LookupError, TypeError, ValueError):
                return None
    built = dict(fields)
    if fields["spots"] is not None and not isinstance(fields["spots"], Spots):  # as read
        try:
            built["spots"] = Spots.from_json(fields["spots"])
        except ValueError:  # damaged: no locations, so parse afresh
            return None
    return Document(**built), blank, passed


@functools.cache
def _doc_hints() -> dict[str, Any]:
    return typing.get_type_hints(Document)


def _dumps(value: Any, fast: bool = False) -> bytes:
    if fast:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_dates)
    else:
        text = json.dumps(_tagged(value), ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def _loads(data: bytes) -> Any:
    """The value in a file this code wrote, or None for anything else."""
    try:
        value = json.loads(data, object_hook=_untagged)
    except (ValueError, TypeError, RecursionError):  # not JSON, or a malformed tag
        return None
    if type(value) is list and len(value) == 2 and value[0] == FORMAT:
        return value[1]
    return None


class ParseCache:
    """Parsed documents by the hash of the bytes they were parsed from."""

    def __init__(self, root: Path | None = None, scope: str = "") -> None:
        self.root = code_folder(root)
        self.hits = self.misses = 0
        remove_older_code(self.root)
        scoped = scope.encode("utf-8", "surrogateescape")  # a folder's name need not be UTF-8
        name = hashlib.blake2b(scoped, digest_size=10).hexdigest()
        self.scope_name = name
        self.pack = self.root / f"progress-{name}.json"
        self._raw: dict[str, Any] | None = None  # entries as read, checked when first used
        self._stats: dict[str, str] = {}
        self._used_docs: dict[str, Any] = {}
        self._used_stats: dict[str, str] = {}
        self._changed = False

    # --- parsed progress files ---------------------------------------------------------------

    def _loaded(self) -> dict[str, Any]:
        if self._raw is None:
            docs: Any = None
            stats: Any = None
            try:
                with open(self.pack, "rb") as f:
                    found = _loads(f.read())
                if type(found) is dict:
                    docs, stats = found.get("docs"), found.get("stats")
            except OSError:  # absent or unreadable: start empty
                pass
            ok = type(docs) is dict and type(stats) is dict
            if not (ok and all(type(v) is str for v in stats.values())):
                docs, stats = {}, {}
            self._raw, self._stats = docs, stats
        return self._raw

    @staticmethod
    def _digest(data: bytes) -> str:
        return hashlib.blake2b(data, digest_size=20).hexdigest()

    def _use(self, digest: str | None) -> Found | None:
        stored = self._loaded().get(digest) if digest is not None else None
        found = _entry_in(stored) if stored is not None else None
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used_docs[digest] = stored  # type: ignore[index]
        return found  # its record of task lists passed is the stored one: what is learned is kept

    def get(self, data: bytes) -> Found | None:
        """The document parsed from these bytes before (without its locations), whether it holds
        a template blank, and the task lists it passed every rule under (a dict to add to)."""
        return self._use(self._digest(data))

    def put(self, data: bytes, doc: Document, blank: bool) -> dict[str, str]:
        passed: dict[str, str] = {}
        # Locations are left out: they are most of the size, and rarely needed.
        entry = {"doc": {n: getattr(doc, n) for n in _DOC_FIELDS}, "blank": blank, "passed": passed}
        digest = self._digest(data)
        self._loaded()[digest] = self._used_docs[digest] = entry
        self._changed = True
        return passed

    def learned(self) -> None:
        """Something was added to an entry's record of task lists it passed."""
        self._changed = True

    def get_unchanged(self, st: os.stat_result) -> Found | None:
        """The document of a file not changed since it was parsed: same device, inode, size,
        mtime and ctime (which no user can set back, so a file swapped in with its old size and
        mtime restored is read again)."""
        self._loaded()
        key = self._stat_key(st)
        found = self._use(self._stats.get(key))
        if found is not None:
            self._used_stats[key] = self._stats[key]
        return found

    def put_unchanged(self, st: os.stat_result, data: bytes) -> None:
        """Remember a file by its stat, unless it changed so recently that another change in
        the same tick of the file system's clock would leave the stat as it is (it is still
        found by its content)."""
        if cachedir.recent(st.st_mtime_ns, st.st_ctime_ns):
            return
        self._loaded()
        key, digest = self._stat_key(st), self._digest(data)
        self._stats[key] = self._used_stats[key] = digest
        self._changed = True

    @staticmethod
    def _stat_key(st: os.stat_result) -> str:
        return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"

    def save(self) -> None:
        """Keep what this run used (and only that), if it differs from what was there."""
        if self._raw is None:
            return
        if not self._changed and len(self._used_docs) == len(self._raw):
            return
        docs = {digest: _entry_out(entry) for digest, entry in self._used_docs.items()}
        self._write(self.pack, {"docs": docs, "stats": self._used_stats}, fast=True)

    # --- other things worth keeping (the task list) --------------------------------------------

    def _path(self, key: bytes) -> Path:
        return self.root / f"object-{hashlib.blake2b(key, digest_size=20).hexdigest()}.json"

    def load(self, key: bytes) -> Any:
        """The plain data stored under `key` (dates and tuples come back as such), or None."""
        try:
            with open(self._path(key), "rb") as f:
                return _loads(f.read())
        except OSError:  # absent or unreadable: compute afresh
            return None

    def store(self, key: bytes, value: Any) -> None:
        """Keep plain data (dicts, lists, text, numbers, dates) under `key`."""
        self._write(self._path(key), value)

    def _write(self, target: Path, value: Any, fast: bool = False) -> None:
        try:
            data = _dumps([FORMAT, value], fast)
        except Exception:  # not data: nothing is kept
            return
        self.write_bytes(target, data)

    def write_bytes(self, target: Path, data: bytes | Iterable[bytes]) -> None:
        """Put `data` (or its pieces, in order) in `target` (a file in this cache's folder) whole,
        or leave it as it was."""
        write_atomic(self.root, target, data)


# --- the task list, as data ----------------------------------------------------------------


def task_list_record(tl: TaskList) -> dict[str, Any] | None:
    """A checked task list as plain data to store, or None if it cannot be said as data."""
    from wz_tasks.models import TaskListFile
    from wz_tasks.tasklist import TaskList

    # What the task list was validated from: each field of the file's model, as the task list
    # holds it. A field the task list does not hold by the same name is not cached (correct, if
    # slower): whoever adds one to TaskListFile adds it here or to TaskList.
    held = {
        "policy": tl.policy,
        "categories": list(tl.categories.values()),
        "units": list(tl.registry.units.values()),
        "groups": list(tl.registry.groups.values()),
        "tasks": list(tl.tasks.values()),
        "duties": list(tl.duties.values()),
    }
    data: dict[str, Any] = {}
    for name in TaskListFile.model_fields:
        value = held[name] if name in held else getattr(tl, name, None)
        if value is None and name not in held:
            return None
        data[name] = value
    try:
        with warnings.catch_warnings():  # a field held in another shape is simply not cached
            warnings.simplefilter("ignore")
            dumped = TaskListFile.model_construct(**data).model_dump(mode="json")
    except Exception:
        return None
    locs = [[i, *loc] for i, loc in tl.task_locs.items()]
    record = {"data": dumped, "task_locs": locs, "key": tl.key}
    # Stored only if it gives back this very task list, so the cache can never change one.
    again = task_list_from_record(record, tl.source)
    if again is None or again.registry.units != tl.registry.units:
        return None
    if again.registry.groups != tl.registry.groups:
        return None
    fields = [f.name for f in dataclasses.fields(TaskList) if f.init and f.name != "registry"]
    return record if all(getattr(again, n) == getattr(tl, n) for n in fields) else None


def task_list_from_record(record: Any, source: str) -> TaskList | None:
    """The task list stored by `task_list_record`, or None if the record is not one.

    Rebuilt without pydantic's validators (building them would cost a pre-commit hook more than
    the rest of its work), but checked as strictly: every value against its field's type, then
    the same cross-checks as when it was first read, so that a record planted in the cache folder
    is ignored rather than trusted.
    """
    from wz_tasks.models import TaskListFile
    from wz_tasks.tasklist import TaskList, check_task_list

    try:
        data = _built(TaskListFile, record["data"])
        tl = TaskList.from_file(data, source)
        if check_task_list(tl, data, lambda loc: (source, 1, 1)):
            return None
        tl.task_locs = {
            _built(int, i): (_built(str, p), _built(int, line), _built(int, col))
            for i, p, line, col in record["task_locs"]
        }
        tl.key = _built(str, record["key"])
    except (LookupError, TypeError, ValueError):  # _Unfit is a ValueError
        return None
    return tl


@functools.cache
def _hints(model: type) -> dict[str, Any]:
    """A model's field types with names declared later in its module resolved (pydantic keeps
    them as forward references until it builds the model's validator, which a cached task list
    never needs)."""
    return typing.get_type_hints(model)


class _Unfit(ValueError):
    """A stored value does not fit its type."""


_BOUNDS: dict[str, Any] = {
    "gt": operator.gt,
    "ge": operator.ge,
    "lt": operator.lt,
    "le": operator.le,
    "min_length": lambda v, n: len(v) >= n,
    "max_length": lambda v, n: len(v) <= n,
    "pattern": lambda v, p: re.match(p, v) is not None,
    "strict": lambda v, s: True,  # every type below is checked strictly
}


def _within(v: Any, metadata: typing.Iterable[Any]) -> Any:
    """`v` if it meets every constraint (Field(ge=1), patterns); _Unfit for one that it fails or
    that is not known here (then the task list is simply read afresh)."""
    for m in metadata:
        bounds = [(k, getattr(m, k)) for k in _BOUNDS if getattr(m, k, None) is not None]
        if not bounds or not all(_BOUNDS[k](v, bound) for k, bound in bounds):
            raise _Unfit(m)
    return v


def _built(tp: Any, v: Any) -> Any:
    """`v` (as model_dump(mode="json") wrote it) as a value of type `tp`, models made with
    model_construct; _Unfit if it does not fit the type or its constraints."""
    if tp is str or tp is int or tp is bool:  # most values: no need to take the type apart
        if type(v) is tp:
            return v
        raise _Unfit(tp)
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(tp)
        metadata = [m for e in extra for m in getattr(e, "metadata", [e])]
        return _within(_built(inner, v), metadata)
    if origin is typing.Union or origin is types.UnionType:
        for arm in typing.get_args(tp):
            try:
                return _built(arm, v)
            except _Unfit:
                continue
        raise _Unfit(tp)
    if origin is typing.Literal:
        if any(type(v) is type(a) and v == a for a in typing.get_args(tp)):
            return v
        raise _Unfit(tp)
    if origin is list and type(v) is list:
        (item,) = typing.get_args(tp)
        return [_built(item, x) for x in v]
    if origin is dict and type(v) is dict:
        k, w = typing.get_args(tp)
        return {_built(k, a): _built(w, b) for a, b in v.items()}
    if tp is type(None) and v is None:
        return v
    if tp is float and type(v) in (int, float) and math.isfinite(v):
        return float(v)
    if tp is dt.date and type(v) is str:
        return dt.date.fromisoformat(v)
    if tp is dt.date and type(v) is dt.date:  # as the cache's own decoder gives it
        return v
    if isinstance(tp, type) and hasattr(tp, "model_construct") and type(v) is dict:
        fields = typing.cast(Any, tp).model_fields
        if not v.keys() <= fields.keys():
            raise _Unfit(tp)
        values = {}
        for name, info in fields.items():
            if name in v:
                annotation = info.annotation
                if isinstance(annotation, typing.ForwardRef):  # a model declared further down
                    annotation = _hints(tp)[name]
                values[name] = _within(_built(annotation, v[name]), info.metadata)
            elif info.is_required():
                raise _Unfit(tp)
        return tp.model_construct(**values)
    raise _Unfit(tp)


def enabled(no_cache: bool, paths: list[Path] | None = None) -> ParseCache | None:
    """The cache for a run over these progress paths, unless turned off."""
    if no_cache or os.environ.get("WZ_TASKS_NO_CACHE", "") not in ("", "0"):
        return None
    scope = "\0".join(sorted(os.path.abspath(p) for p in paths or [Path("progress")]))
    try:
        return ParseCache(scope=scope)
    except RuntimeError:  # no home folder to keep a cache in (no HOME, an unknown user)
        return None
