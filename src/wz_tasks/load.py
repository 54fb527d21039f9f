"""Reading files: the task list and progress reports, every problem turned into a Diagnostic."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from wz_tasks import inputs
from wz_tasks.codes import Diagnostic
from wz_tasks.models import Entry, Report, SignOffReport, TaskListFile
from wz_tasks.tasklist import TaskList, check_task_list
from wz_tasks.yamlsafe import (
    FULLWIDTH,
    MAX_BYTES,
    WHAT_FULLWIDTH,
    Document,
    Problem,
    decode,
    escaped,
    invisible,
    read_yaml,
)

if TYPE_CHECKING:
    from wz_tasks.cache import ParseCache

PLACEHOLDER = "待填写"  # what new-report writes where the user must fill something in


class TaskListError(Exception):
    """The task list cannot be used; the diagnostics say why (exit code 2)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(
            "; ".join(f"{d.path}:{d.line}:{d.column}: {d.message()}" for d in diagnostics)
        )
        self.diagnostics = diagnostics


@dataclass
class Usable:
    """What of a report validated, for the rules to look at even when other parts did not."""

    unit: str | None
    date: dt.date | None
    entries: list[tuple[int, Entry]]  # (index in the file, entry)


@dataclass
class ParsedReport:
    """A progress file after reading and schema validation (before the task-list rules)."""

    path: str
    report: Report | None  # None unless the whole file passed schema validation
    doc: Document | None
    diagnostics: list[Diagnostic]
    usable: Usable | None = None  # the valid parts, so that one run reports every mistake
    # Task lists (by key) this very content passed every rule under, with the unit it resolved
    # to: remembered in the cache so that unchanged files are not checked again.
    passed: dict[str, str] = field(default_factory=dict)
    learned: bool = False

    def loc(self, *path: str | int) -> tuple[int, int]:
        return self.doc.loc(path) if self.doc is not None else (1, 1)

    def at(self, code: str, params: dict[str, Any], *path: str | int) -> Diagnostic:
        """A diagnostic about the value at `path` in this file."""
        line, column = self.loc(*path)
        return Diagnostic(self.path, line, column, code, params)


# --- messages for pydantic's error types ------------------------------------------------------

_EXPECTED = {
    "int": {"zh": "整数", "en": "a whole number"},
    "float": {"zh": "数字(只写数字,不带 % 或单位)", "en": "a number (no % or unit)"},
    "str": {"zh": "文字", "en": "text"},
    "date": {"zh": "YYYY-MM-DD 格式的日期,如 2025-12-20", "en": "a date YYYY-MM-DD"},
    "bool": {"zh": "true 或 false", "en": "true or false"},
    "list": {"zh": "列表(每一项以“- ”开头)", "en": "a list (each item starts with '- ')"},
    "dict": {"zh": "“字段: 值”形式的映射", "en": "a mapping of 'field: value'"},
    "finite": {"zh": "一个普通数字(不能是 .nan 或 .inf)", "en": "a finite number (not .nan/.inf)"},
    "nonempty": {"zh": "至少一项", "en": "at least one item"},
}
_TYPE_TO_EXPECTED = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "float",
    "float_parsing": "float",
    "finite_number": "finite",
    "string_type": "str",
    "date_type": "date",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_from_datetime_inexact": "date",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "dict_type": "dict",
    "model_type": "dict",
    "model_attributes_type": "dict",
    "too_short": "nonempty",
}
_REQUIRED_HELP = {
    "unit": {"zh": "报送单位,如 unit: 盐池县", "en": "the reporting unit, e.g. unit: 盐池县"},
    "date": {"zh": "数据截至日期,如 date: 2025-12-20", "en": "the date, e.g. date: 2025-12-20"},
    "entries": {"zh": "各项任务的进展列表", "en": "the list of entries"},
    "task": {"zh": "任务序号,如 task: 4", "en": "the task number, e.g. task: 4"},
}


def _shown(value: Any) -> str:
    if value is None:
        return "(空)"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    text = str(value)
    return text if len(text) <= 30 else text[:29] + "…"


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return names[-1] if names else "(文件)"


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The fields allowed at `loc` (the parent of an unknown key) in `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        current = _inner_model(info.annotation)
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation if is_model else None


def validation_diagnostics(
    exc: ValidationError, model: type[BaseModel], locate: Any, skip: set[tuple[Any, ...]]
) -> list[Diagnostic]:
    """Turn pydantic's errors into diagnostics. `locate(loc, key=False)` -> (path, line, col)."""
    out = []
    errors = exc.errors(include_url=False)
    # `date\u200b:` is reported as the invisible character, not also as `date` missing.
    typed = {
        (*e["loc"][:-1], "".join(c for c in str(e["loc"][-1]) if not invisible(c)))
        for e in errors
        if e["type"] == "extra_forbidden" and e["loc"] and invisible(str(e["loc"][-1]))
    }
    for err in errors:
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        if err["type"] == "missing" and tuple(err["loc"]) in typed:
            continue
        # every prefix looked up, not every skipped path compared: 20,000 errors stay linear
        if any(loc[:n] in skip for n in range(len(loc) + 1)):
            continue
        kind = err["type"]
        field = _field_name(loc)
        if kind == "extra_forbidden" and invisible(field):
            path, line, col = locate(loc, key=True)
            clean = "".join(c for c in field if not invisible(c))
            allowed = _allowed_fields(model, loc[:-1])
            hint = (
                {"zh": f"(删掉后就是 {clean})", "en": f" (without it, it is {clean})"}
                if clean in allowed
                else ""
            )
            params = {"shown": escaped(field), "chars": "、".join(invisible(field)), "hint": hint}
            out.append(Diagnostic(path, line, col, "WZ053", params))
            skip.add(loc)
            continue
        if kind == "missing":
            path, line, col = locate(loc[:-1])
            what = _REQUIRED_HELP.get(field, {"zh": "必填", "en": "required"})
            out.append(Diagnostic(path, line, col, "WZ102", {"field": field, "what": what}))
        elif kind == "extra_forbidden":
            path, line, col = locate(loc, key=True)
            allowed = _allowed_fields(model, loc[:-1])
            near = difflib.get_close_matches(field, allowed, n=1, cutoff=0.6)
            hint = (
                {"zh": f"是不是要写 {near[0]}?", "en": f"Did you mean {near[0]}?"}
                if near
                else {
                    "zh": "可用字段:" + "、".join(allowed),
                    "en": "Allowed fields: " + ", ".join(allowed),
                }
            )
            out.append(Diagnostic(path, line, col, "WZ101", {"field": field, "hint": hint}))
        elif key_typed_as_text(kind, err["input"]):
            # `- task：4`: one line of text where a mapping belongs, typed with a full-width colon
            path, line, col = locate(loc)
            m = FULLWIDTH.match(err["input"])
            assert m is not None
            params = {"key": m[1], "what": WHAT_FULLWIDTH[m[2]]}
            out.append(Diagnostic(path, line, col + m.start(2), "WZ050", params))
        elif kind == "literal_error" and field == "status":
            path, line, col = locate(loc)
            out.append(Diagnostic(path, line, col, "WZ124", {"got": _shown(err["input"])}))
        else:
            path, line, col = locate(loc)
            key = _TYPE_TO_EXPECTED.get(kind)
            expected = _EXPECTED[key] if key else {"zh": err["msg"], "en": err["msg"]}
            out.append(
                Diagnostic(
                    path,
                    line,
                    col,
                    "WZ103",
                    {"field": field, "got": _shown(err["input"]), "expected": expected},
                )
            )
        skip.add(loc)
    return out


def key_typed_as_text(kind: str, value: Any) -> bool:
    """Text where a mapping belongs that is a key typed with a full-width colon or space."""
    mapping = kind in ("dict_type", "model_type", "model_attributes_type")
    return mapping and isinstance(value, str) and FULLWIDTH.match(value) is not None


def _problem(path: str, p: Problem) -> Diagnostic:
    return Diagnostic(path, p.line, p.column, p.code, p.params)


# --- progress reports -------------------------------------------------------------------------


def _take_placeholders(doc: Document, path: str, taken: set[Any]) -> list[Diagnostic]:
    """Report and remove every field still holding the template's placeholder."""
    found: list[Diagnostic] = []

    def walk(node: Any, where: tuple[Any, ...]) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in list(items):
            here = (*where, key)
            if isinstance(value, dict | list):
                walk(value, here)
            elif isinstance(value, str) and value.strip() == PLACEHOLDER:
                line, col = doc.loc(here)
                found.append(
                    Diagnostic(
                        path, line, col, "WZ123", {"field": str(key), "placeholder": PLACEHOLDER}
                    )
                )
                taken.add(here)
                if isinstance(node, dict):
                    del node[key]

    if isinstance(doc.value, dict | list):
        walk(doc.value, ())
    return found


def _document(
    path: str, data: bytes, cache: ParseCache | None
) -> tuple[Document | None, Problem | None, bool, dict[str, str]]:
    """The document in these bytes (from the cache when it has them) or why there is none,
    whether it still holds a template blank, and the task lists it passed every rule under."""
    found = cache.get(data) if cache is not None else None
    if found is not None:
        doc = found[0]
        if doc.spots is None or doc.noqa is None:  # kept without its locations: parse the bytes
            text, _ = decode(data)
            doc = read_yaml(text or "")
        return doc, None, found[1], found[2]
    blank = PLACEHOLDER.encode() in data
    text, problem = decode(data)
    if problem is not None or text is None:
        return None, problem, blank, {}
    doc = read_yaml(text)
    passed = cache.put(data, doc, blank) if cache is not None else {}
    return doc, None, blank, passed


def parse_report(path: str, data: bytes, cache: ParseCache | None = None) -> ParsedReport:
    """Read one progress file (bytes from a file, stdin or memory) as far as it goes without
    the task list. Every location comes from these bytes; nothing is read again."""
    doc, problem, blank, passed = _document(path, data, cache)
    if doc is None:
        assert problem is not None
        return ParsedReport(path, None, None, [_problem(path, problem)])
    return _validated(path, doc, blank, passed)


def _validated(
    path: str, doc: Document, blank: bool, passed: dict[str, str] | None = None
) -> ParsedReport:
    """A parsed document checked against the progress-file model."""
    diags = [_problem(path, p) for p in doc.problems]
    if doc.fatal:
        return ParsedReport(path, None, doc, diags)
    if doc.value is None:
        return ParsedReport(path, None, doc, [*diags, Diagnostic(path, 1, 1, "WZ004")])
    # A value already reported (a bad date, an alias, a blank) is not reported again as a type.
    skip = {p.path for p in doc.problems if p.path is not None}
    if blank:  # removes the blanks: on a copy, as the cache may hold this very value
        doc = Document(copy.deepcopy(doc.value), doc.spots, doc.noqa, doc.problems, doc.fatal)
        diags += _take_placeholders(doc, path, skip)

    parsed = doc

    def locate(loc: tuple[Any, ...], key: bool = False) -> tuple[str, int, int]:
        if key and loc in parsed.key_locs:
            return (path, *parsed.key_locs[loc])
        return (path, *parsed.loc(loc))

    report = None
    usable: Usable | None
    # A file of the supervising unit that closes finished items (销号) needs no entries.
    signing = isinstance(doc.value, dict) and "sign_off" in doc.value
    model = SignOffReport if signing and "entries" not in doc.value else Report
    try:
        report = model.model_validate(doc.value)
        usable = Usable(report.unit, report.date, list(enumerate(report.entries)))
    except ValidationError as exc:
        diags += validation_diagnostics(exc, model, locate, skip)
        usable = _salvage(doc.value, {tuple(e["loc"]) for e in exc.errors()} | skip)
    if any(d.severity == "error" for d in diags):
        report = None
    elif not diags:
        # A clean file keeps its report and its compact locations (for a warning from a later
        # rule), not the raw dict: a province-sized run stays well under 1 GiB.
        doc = Document(None, doc.spots, doc.noqa, [])
    return ParsedReport(path, report, doc, diags, usable, {} if passed is None else passed)


def _salvage(value: Any, bad: set[tuple[Any, ...]]) -> Usable | None:
    """The parts of an invalid report that are valid on their own."""
    if not isinstance(value, dict):
        return None
    hit = {loc[:3] for loc in bad}

    def field(name: str, kind: type) -> Any:
        v = value.get(name)
        return v if isinstance(v, kind) and (name,) not in hit else None

    entries = []
    raw = value.get("entries")
    for i, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict) or ("entries", i) in hit:
            continue
        clean = {k: v for k, v in item.items() if ("entries", i, k) not in hit}
        try:
            entries.append((i, Entry.model_validate(clean)))
        except ValidationError:
            continue
    return Usable(field("unit", str), field("date", dt.date), entries)


# --- reading files safely ---------------------------------------------------------------------

_KINDS = (
    (stat.S_ISDIR, {"zh": "文件夹", "en": "a folder"}),
    (stat.S_ISFIFO, {"zh": "命名管道(FIFO)", "en": "a named pipe (FIFO)"}),
    (stat.S_ISSOCK, {"zh": "套接字", "en": "a socket"}),
    (stat.S_ISCHR, {"zh": "字符设备", "en": "a character device"}),
    (stat.S_ISBLK, {"zh": "块设备", "en": "a block device"}),
)


class Refused(Exception):
    """A path that is not read, and why: the parameters of a WZ011 diagnostic."""

    def __init__(self, reason: str | dict[str, str]) -> None:
        super().__init__(reason)
        self.reason = reason


def _not_regular(mode: int) -> Refused | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((k for test, k in _KINDS if test(mode)), {"zh": "特殊文件", "en": "special"})
    return Refused(
        {
            "zh": f"这是{kind['zh']},不是普通文件,没有读取",
            "en": f"it is {kind['en']}, not a regular file; not read",
        }
    )


def _os_reason(exc: OSError) -> str | dict[str, str]:
    if exc.errno == errno.ENAMETOOLONG:
        return {
            "zh": "文件名或其中一级文件夹名太长(超过 255 字节)",
            "en": "a file or folder name is too long (over 255 bytes)",
        }
    if exc.errno == errno.ELOOP:
        return {"zh": "符号链接绕成了环", "en": "the symbolic links form a loop"}
    return exc.strerror or type(exc).__name__


def read_bounded(path: Path, limit: int = MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """A regular file's bytes, at most `limit` + 1 of them (so a larger file is seen to be
    larger without being read whole), and its status. A FIFO, socket or device is never opened
    (and the file is opened non-blocking, should it become one in between). Raises Refused."""
    try:
        before = os.stat(path)
        refused = _not_regular(before.st_mode)
        if refused is not None:
            raise refused
        data, st = inputs.read_regular(path, limit)
        if data is None:  # it became something else in between
            refused = _not_regular(st.st_mode)
            assert refused is not None
            raise refused
        inputs.note(path, st)
        return data, st
    except OSError as exc:
        inputs.note(path)
        raise Refused(_os_reason(exc)) from None
    except Refused:
        inputs.note(path)
        raise


def _refused(name: str, reason: str | dict[str, str]) -> ParsedReport:
    return ParsedReport(name, None, None, [Diagnostic(name, 1, 1, "WZ011", {"reason": reason})])


def read_report(path: Path, cache: ParseCache | None = None) -> ParsedReport:
    """Read and parse one progress file; an unchanged file comes from the cache unread."""
    name = str(path)
    if isinstance(path, RefusedPath):
        return _refused(name, path.reason)
    try:
        if cache is not None:
            st = os.stat(path)
            inputs.note(path, st)
            hit = cache.get_unchanged(st) if stat.S_ISREG(st.st_mode) else None
            if hit is not None and hit[0].spots is not None and hit[0].noqa is not None:
                return _validated(name, *hit)
            if hit is not None:  # kept without its locations: parse afresh
                data, st = read_bounded(path)
                return parse_report(name, data)
        data, st = read_bounded(path)
    except OSError as exc:
        return _refused(name, _os_reason(exc))
    except Refused as exc:
        return _refused(name, exc.reason)
    doc, problem, blank, passed = _document(name, data, cache)
    if doc is None:
        assert problem is not None
        return ParsedReport(name, None, None, [_problem(name, problem)])
    if cache is not None:
        cache.put_unchanged(st, data)
    return _validated(name, doc, blank, passed)


class RefusedPath(type(Path())):  # type: ignore[misc]
    """A path the walker found but will not read (a link out of the progress folder, a FIFO,
    a device, an unreadable folder): `read_report` turns it into a diagnostic naming it."""

    reason: str | dict[str, str]

    @classmethod
    def of(cls, path: str | Path, reason: str | dict[str, str]) -> RefusedPath:
        refused = cls(path)
        refused.reason = reason
        return refused


def _inside(path: str, top: str) -> bool:
    return path == top or path.startswith(top.rstrip(os.sep) + os.sep)


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Every *.yaml / *.yml under the given files and folders, in order, hidden names skipped.

    Nothing outside a given folder is read: a symbolic link that leads out of it (to a file,
    to `/`) is yielded as a RefusedPath naming the link, as is a FIFO, socket or device, so it
    is reported, never opened. Links to folders inside it are not followed (their files are
    found under their real place), so link loops end. A given file is taken as named; only
    what it is (a regular file) is checked, when it is read.
    """
    for name, _, reason in walk_stats(paths):
        # a given path that is no folder is yielded as named: reading it says why it cannot be
        # read (missing, dangling, a name too long) or reads it
        yield Path(name) if reason is None else RefusedPath.of(name, reason)


Walked = tuple[str, os.stat_result | None, str | dict[str, str] | None]


def walk_stats(paths: Iterable[Path]) -> Iterator[Walked]:
    """What `walk` finds, in the same order, as (name, status, reason): each file's name as
    `str()` of what `walk` yields, its status as the walk took it (following a link; None for a
    given path that is not there), and why it is refused (None when it is not). For the warm
    path (warm.py) and the reader (workspace.py), which need no second stat of each file."""
    for root in paths:
        st = inputs.probe(root)
        if st is None or not stat.S_ISDIR(st.st_mode):
            yield str(root), st, None
            continue
        yield from _walk_folder(root)


def _walk_folder(root: Path) -> Iterator[Walked]:
    """The files under one folder, depth first, each folder's names in order: the order of
    their paths sorted as Paths (part by part), found without building or sorting a Path."""
    top = os.path.realpath(root)
    base = str(root)
    # As Path shows a child of `.`: `name`, not `./name`. Any other folder given as a Path is
    # shown as it joins (`a/b` + `c.yaml`), so a name is the listing's path as it is.
    skip = len(os.curdir + os.sep) if base == os.curdir else 0
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(folder: str) -> OSError | None:
        inputs.note(folder)  # a name added, removed or renamed in it changes its status
        try:
            with os.scandir(folder) as listing:
                stack.append(iter(sorted(listing, key=lambda e: e.name)))
        except OSError as exc:
            return exc
        return None

    failed = enter(base)
    if failed is not None:
        yield base, None, _os_reason(failed)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        wanted = entry.name.endswith((".yaml", ".yml"))
        try:
            if entry.is_symlink():
                inputs.note(entry.path)  # where it leads, and what is there, decide below
                target = os.path.realpath(entry.path)
                if not _inside(target, top):
                    if wanted or os.path.isdir(target):
                        yield entry.path[skip:], None, _outside(target)
                    continue
                if os.path.isdir(target):
                    continue  # inside: its files are found where they really are
            elif entry.is_dir(follow_symlinks=False):
                failed = enter(entry.path)  # its files come next, before the names after it
                if failed is not None:
                    yield entry.path[skip:], None, _os_reason(failed)
                continue
            if not wanted:
                continue
            link = entry.is_symlink()
            st = os.stat(entry.path) if link else entry.stat(follow_symlinks=False)
            inputs.note(entry.path, st)
        except OSError as exc:
            if wanted:
                inputs.note(entry.path)
                yield entry.path[skip:], None, _os_reason(exc)
            continue
        if stat.S_ISREG(st.st_mode):
            yield entry.path[skip:], st, None
        else:
            refused = _not_regular(st.st_mode)
            yield entry.path[skip:], st, refused.reason if refused is not None else None


def _outside(target: str) -> dict[str, str]:
    return {
        "zh": f"这是符号链接,指向进度文件夹以外的 {target},没有读取",
        "en": f"it is a symbolic link out of the progress folder (to {target}); not read",
    }


# --- the task list ----------------------------------------------------------------------------


def embedded_tasks() -> Path:
    """The task list shipped in the package (or the repository's tasks/ in a source checkout)."""
    packaged = Path(__file__).resolve().parent / "tasks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "tasks"


def load_task_list(path: Path | None = None, cache: ParseCache | None = None) -> TaskList:
    """Load and check a task list (a folder of YAML files or one file). Raises TaskListError."""
    root = path or embedded_tasks()
    shown = str(root) if path is not None else "<embedded>"
    inputs.note(root)  # its files when a folder (read below), or the file, or that it is missing
    try:
        if root.is_dir():
            files = sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml"))
        else:
            files = [root] if root.exists() or root.is_symlink() else []
    except OSError as exc:
        reason = _os_reason(exc)
        raise TaskListError([Diagnostic(str(root), 1, 1, "WZ011", {"reason": reason})]) from None
    if not files:
        raise TaskListError([Diagnostic(str(root), 1, 1, "WZ403", {"path": str(root)})])
    sources: list[tuple[str, bytes]] = []
    for file in files:
        name = str(file) if path is not None else f"tasks/{file.name}"
        try:
            sources.append((name, read_bounded(file)[0]))  # too large: decode() says so
        except Refused as exc:
            raise TaskListError([Diagnostic(name, 1, 1, "WZ011", {"reason": exc.reason})]) from None
    key = b"task-list\0" + b"\0".join(
        n.encode("utf-8", "surrogateescape") + b"\0" + raw for n, raw in sources
    )
    if cache is not None:
        from wz_tasks.cache import task_list_from_record, task_list_record

        found = task_list_from_record(cache.load(key), shown)
        if found is not None:
            return found
    task_list = _task_list_from(sources, shown)
    task_list.key = hashlib.blake2b(key, digest_size=16).hexdigest()
    if cache is not None and (record := task_list_record(task_list)) is not None:
        cache.store(key, record)
    return task_list


def _task_list_from(sources: list[tuple[str, bytes]], shown: str) -> TaskList:
    merged: dict[str, Any] = {}
    owner: dict[str, tuple[str, Document]] = {}
    diags: list[Diagnostic] = []
    for name, raw in sources:
        text, problem = decode(raw)
        if problem is not None or text is None:
            assert problem is not None
            diags.append(_problem(name, problem))
            continue
        doc = read_yaml(text)
        diags += [_problem(name, p) for p in doc.problems]
        if doc.fatal or doc.value is None:
            continue
        if not isinstance(doc.value, dict):
            diags.append(
                Diagnostic(
                    name,
                    1,
                    1,
                    "WZ402",
                    {"why": {"zh": "文件顶层应当是映射", "en": "top level must be a mapping"}},
                )
            )
            continue
        for key, value in doc.value.items():
            if key in merged:
                line, col = doc.key_locs[(key,)]
                diags.append(
                    Diagnostic(name, line, col, "WZ009", {"key": key, "first": owner[key][0]})
                )
                continue
            merged[key] = value
            owner[key] = (name, doc)
    if diags:
        raise TaskListError(diags)

    def locate(loc: tuple[Any, ...], key: bool = False) -> tuple[str, int, int]:
        if not loc or loc[0] not in owner:
            first = next(iter(owner.values()), (shown, None))
            return (first[0], 1, 1)
        name, doc = owner[loc[0]]
        if key and loc in doc.key_locs:
            return (name, *doc.key_locs[loc])
        return (name, *doc.loc(loc))

    try:
        data = TaskListFile.model_validate(merged)
    except ValidationError as exc:
        raise TaskListError(validation_diagnostics(exc, TaskListFile, locate, set())) from None
    task_list = TaskList.from_file(data, shown)
    diags = check_task_list(task_list, data, locate)
    if diags:
        raise TaskListError(diags)
    for i, task in enumerate(data.tasks):
        task_list.task_locs[task.id] = locate(("tasks", i))
    return task_list
