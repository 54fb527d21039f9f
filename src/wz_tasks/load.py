"""Reading files: the task list and progress reports, every problem turned into a Diagnostic."""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from wz_tasks.codes import Diagnostic
from wz_tasks.models import Entry, Report, TaskListFile
from wz_tasks.tasklist import TaskList, check_task_list
from wz_tasks.yamlsafe import MAX_BYTES, Document, Problem, decode, read_yaml

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
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        if any(loc[: len(s)] == s for s in skip):
            continue
        kind = err["type"]
        field = _field_name(loc)
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
        found[0].reparse = _reparser(path)
        return found[0], None, found[1], found[2]
    blank = PLACEHOLDER.encode() in data
    text, problem = decode(data)
    if problem is not None or text is None:
        return None, problem, blank, {}
    doc = read_yaml(text)
    passed = cache.put(data, doc, blank) if cache is not None else {}
    return doc, None, blank, passed


def parse_report(path: str, data: bytes, cache: ParseCache | None = None) -> ParsedReport:
    """Read one progress file as far as it goes without the task list."""
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
        doc.value = copy.deepcopy(doc.value)
        diags += _take_placeholders(doc, path, skip)

    parsed = doc

    def locate(loc: tuple[Any, ...], key: bool = False) -> tuple[str, int, int]:
        if key and loc in parsed.key_locs:
            return (path, *parsed.key_locs[loc])
        return (path, *parsed.loc(loc))

    report = None
    usable: Usable | None
    try:
        report = Report.model_validate(doc.value)
        usable = Usable(report.unit, report.date, list(enumerate(report.entries)))
    except ValidationError as exc:
        diags += validation_diagnostics(exc, Report, locate, skip)
        usable = _salvage(doc.value, {tuple(e["loc"]) for e in exc.errors()} | skip)
    if any(d.severity == "error" for d in diags):
        report = None
    elif not diags:
        # A clean file keeps only its report; its locations are found again if ever needed
        # (a warning from a later rule), which keeps a province-sized run well under 1 GiB.
        doc = Document(None, None, None, [], reparse=_reparser(path))
    return ParsedReport(path, report, doc, diags, usable, {} if passed is None else passed)


def _reparser(path: str) -> Callable[[], Document]:
    return lambda: read_yaml(decode(Path(path).read_bytes())[0] or "")


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


def read_report(path: Path, cache: ParseCache | None = None) -> ParsedReport:
    """Read and parse one progress file; an unchanged file comes from the cache unread."""
    name = str(path)
    try:
        st = os.stat(path) if cache is not None else None
        if cache is not None and st is not None:
            hit = cache.get_unchanged(st)
            if hit is not None:
                hit[0].reparse = _reparser(name)
                return _validated(name, *hit)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)  # a larger file is refused without reading it all
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return ParsedReport(name, None, None, [Diagnostic(name, 1, 1, "WZ011", {"reason": reason})])
    doc, problem, blank, passed = _document(name, data, cache)
    if doc is None:
        assert problem is not None
        return ParsedReport(name, None, None, [_problem(name, problem)])
    if cache is not None and st is not None:
        cache.put_unchanged(st, data)
    return _validated(name, doc, blank, passed)


def discover(paths: Iterable[Path]) -> Iterator[Path]:
    """Every *.yaml / *.yml under the given files and folders, hidden folders skipped.

    Symbolic links are followed, each real folder once, so a link loop ends.
    """
    seen: set[tuple[int, int]] = set()
    for root in paths:
        if not root.is_dir():
            yield root
            continue
        found: list[Path] = []
        for folder, dirs, files in os.walk(root, followlinks=True):
            try:
                st = os.stat(folder)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen:
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [
                Path(folder, f)
                for f in files
                if f.endswith((".yaml", ".yml")) and not f.startswith(".")
            ]
        yield from sorted(found)


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
    if root.is_dir():
        files = sorted(p for p in root.iterdir() if p.suffix in (".yaml", ".yml"))
    elif root.exists():
        files = [root]
    else:
        files = []
    if not files:
        raise TaskListError([Diagnostic(str(root), 1, 1, "WZ403", {"path": str(root)})])
    sources: list[tuple[str, bytes]] = []
    for file in files:
        name = str(file) if path is not None else f"tasks/{file.name}"
        try:
            sources.append((name, file.read_bytes()))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise TaskListError([Diagnostic(name, 1, 1, "WZ011", {"reason": reason})]) from None
    key = b"task-list\0" + b"\0".join(n.encode() + b"\0" + raw for n, raw in sources)
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
