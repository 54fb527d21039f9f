"""The warm path: a run over files that have not changed since the last one gives the answer
the last one checked, without reading, parsing or checking a single file again.

After a run has checked its progress files, it keeps one compact record per set of progress
paths (in the cache folder, beside the parsed documents): what the evaluator needs (each counted
report, validated, with its unit and file) and what the run found (every diagnostic, the `# noqa`
lines), under a key made of the task list's key, the date the rules were run for (None for the
commands that do not date-check), and every file's path with its stat (device, inode, size,
mtime, ctime, as the parse cache's index). The next run walks the same paths and stats every
file; when the key is the same it takes the record, and only evaluation is left to do.

Safety as in cache.py: the record is data (JSON) read by pydantic-core's JSON validator, every
field strictly checked against its type, into the very models a progress file is validated into,
so a planted or damaged record either is a valid set of reports and diagnostics or is ignored,
and never runs code. Just-changed files (within the
file system clock's tick) keep no record, so a second change in the same tick cannot hide.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import stat
import time
import typing
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypedDict

from pydantic import BaseModel
from pydantic_core import SchemaValidator, ValidationError
from pydantic_core import core_schema as cs

from wz_tasks import cache as cache_module
from wz_tasks import cachedir
from wz_tasks.cache import ParseCache
from wz_tasks.codes import CODES, Diagnostic
from wz_tasks.load import ParsedReport, walk_stats
from wz_tasks.models import Entry, EntryStatus, Report, SignOff, SignOffReport, Submission
from wz_tasks.rules.checked import Checked
from wz_tasks.yamlsafe import Document

FORMAT = "wz-tasks-warm-1"


class _Record(TypedDict):
    """What the warm record file holds (validated as a whole, in pydantic's JSON parser)."""

    format: str
    key: str
    files: list[str]
    # (file index, line, column, code, params as tagged JSON)
    diagnostics: list[tuple[int, int, int, str, str]]
    invalid: dict[int, list[int]]  # file index -> indices into diagnostics
    # (unit, file index, report): a report of the supervising unit without entries in the second
    submissions: list[tuple[str, int, Report | None, SignOffReport | None]]
    noqa: dict[int, dict[int, list[str]]]  # file index -> line -> codes ([] = every code)


def _optional(schema: cs.CoreSchema) -> cs.WithDefaultSchema:
    return cs.with_default_schema(cs.nullable_schema(schema), default=None)


def _model(cls: type[BaseModel], fields: Mapping[str, cs.CoreSchema]) -> cs.CoreSchema:
    """The strict schema of one of our models, field by field: `fields` must name every field
    the model has, else None is built (and no record read): an instance missing a field would
    fail long after it was read."""
    if fields.keys() != cls.model_fields.keys():
        raise LookupError(cls.__name__)
    inner = {name: cs.model_field(schema) for name, schema in fields.items()}
    return cs.model_schema(
        cls,
        cs.model_fields_schema(inner, extra_behavior="forbid"),
        frozen=True,
        extra_behavior="forbid",
    )


@functools.cache
def _validator() -> SchemaValidator | None:
    """The record's validator, written as pydantic-core schemas: the same models, each field its
    declared type, checked strictly (a figure is a finite JSON number, a date a YYYY-MM-DD
    string, a list of entries or sign-offs at least one long where the model says so), built in
    well under a millisecond. Generating it from the models instead (pydantic's schema builder)
    costs a warm run more than a third of its reading time. tests/test_warm.py holds it to what
    pydantic's own validators accept."""
    text, figure, date = cs.str_schema(), cs.float_schema(allow_inf_nan=False), cs.date_schema()
    entry = {
        "task": _optional(cs.int_schema()),
        "duty": _optional(text),
        "status": cs.with_default_schema(
            cs.literal_schema(list(typing.get_args(EntryStatus))), default="in_progress"
        ),
        "done_on": _optional(date),
        "value": _optional(figure),
        "numerator": _optional(figure),
        "denominator": _optional(figure),
        "values": _optional(cs.dict_schema(text, figure)),
        "progress": _optional(text),
        "problems": _optional(text),
        "next_steps": _optional(text),
        "period": _optional(text),
    }
    sign_off = {
        "task": _optional(cs.int_schema()),
        "duty": _optional(text),
        "unit": text,
        "date": date,
        "note": _optional(text),
    }
    try:
        entry_model = _model(Entry, entry)
        entries = cs.list_schema(entry_model)
        sign_offs = cs.list_schema(_model(SignOff, sign_off), min_length=1)
        head = {"unit": text, "date": date, "contact": _optional(text)}
        report = _model(
            Report,
            {
                **head,
                "entries": cs.list_schema(entry_model, min_length=1),
                "sign_off": cs.with_default_schema(cs.nullable_schema(sign_offs), default=None),
            },
        )
        signing = _model(
            SignOffReport,
            {
                **head,
                "entries": cs.with_default_schema(entries, default_factory=list),
                "sign_off": sign_offs,
            },
        )
    except LookupError:  # a model grew a field this code does not know
        return None
    return SchemaValidator(record_schema(report, signing), config=cs.CoreConfig(strict=True))


def record_schema(report: cs.CoreSchema, signing: cs.CoreSchema) -> cs.CoreSchema:
    """The record's shape (_Record) around the schemas of its two report slots (a plain
    report, a sign-off report); bench/new_date_floor.py reads it into other shapes with it."""
    text, index = cs.str_schema(), cs.int_schema()
    record = {
        "format": text,
        "key": text,
        "files": cs.list_schema(text),
        "diagnostics": cs.list_schema(cs.tuple_schema([index, index, index, text, text])),
        "invalid": cs.dict_schema(index, cs.list_schema(index)),
        "submissions": cs.list_schema(
            cs.tuple_schema([text, index, cs.nullable_schema(report), cs.nullable_schema(signing)])
        ),
        "noqa": cs.dict_schema(index, cs.dict_schema(index, cs.list_schema(text))),
    }
    fields = {name: cs.typed_dict_field(schema) for name, schema in record.items()}
    return cs.typed_dict_schema(fields, extra_behavior="forbid", strict=True)


class Snapshot:
    """The files under some progress paths as they stand now, and the record kept for them."""

    def __init__(
        self,
        cache: ParseCache,
        task_key: str,
        paths: Sequence[Path],
        day: dt.date | None,
    ) -> None:
        self.cache = cache
        # one record for the commands that date-check (check) and one for those that do not
        kind = "dated" if day is not None else "undated"
        self.target = cache.root / f"warm-{cache.scope_name}-{kind}.json"
        self.files: list[str] = []
        self.key: str | None = None  # None: these files cannot be kept (or task list unknown)
        self.fresh = True  # every file older than the clock's tick: a record may be kept
        self.noted: list[ParsedReport] = []  # stand-ins with each file's acknowledged lines
        if not task_key:
            return
        stats: list[str] = []
        seen: set[tuple[int, int]] = set()
        now = time.time_ns()
        try:
            # each file with the status the walk took of it (and noted for the replay): no
            # second stat
            for name, st, refused in walk_stats(paths):
                if st is None or refused is not None:
                    return  # missing, or refused: the normal path's to report, never kept
                if not stat.S_ISREG(st.st_mode):
                    return
                if (st.st_dev, st.st_ino) in seen:
                    continue
                seen.add((st.st_dev, st.st_ino))
                if cachedir.recent(st.st_mtime_ns, st.st_ctime_ns, now):
                    self.fresh = False
                self.files.append(name)
                stats.append(ParseCache._stat_key(st))
        except OSError:
            return
        material = json.dumps([FORMAT, task_key, str(day), self.files, stats], ensure_ascii=False)
        self.key = hashlib.blake2b(
            material.encode("utf-8", "surrogateescape"), digest_size=20
        ).hexdigest()

    def recall(self) -> Checked | None:
        """What the last run over these very files checked, or None."""
        if self.key is None:
            return None
        try:
            validator = _validator()
            if validator is None:
                return None
            with open(self.target, "rb") as f:
                record: _Record = validator.validate_json(f.read(), strict=True)
        except (OSError, ValidationError, ValueError):
            return None
        if record["format"] != FORMAT or record["key"] != self.key:
            return None
        if record["files"] != self.files:
            return None
        try:
            return self._checked(record)
        except (LookupError, TypeError, ValueError):  # a record this code did not write
            return None

    def _checked(self, record: _Record) -> Checked:
        files = record["files"]
        diagnostics = []
        for i, line, column, code, params in record["diagnostics"]:
            if code not in CODES:
                raise ValueError(code)
            found = cache_module._loads(params.encode())
            if type(found) is not dict:
                raise ValueError(params)
            diagnostics.append(Diagnostic(files[i], line, column, code, found))
        if diagnostics != sorted(diagnostics, key=Diagnostic.sort_key):
            raise ValueError("not sorted")
        invalid = {files[i]: [diagnostics[d] for d in ds] for i, ds in record["invalid"].items()}
        submissions = []
        for unit, i, report, signing in record["submissions"]:
            found = report if signing is None else signing
            if found is None or (report is None) == (signing is None):
                raise ValueError("no report")
            submissions.append(Submission(unit, found, files[i]))
        self.noted = [
            ParsedReport(files[i], None, Document(None, None, lines, []), [])
            for i, lines in record["noqa"].items()
        ]
        return Checked(diagnostics, submissions, invalid)

    def keep(self, checked: Checked, parsed: Sequence[ParsedReport]) -> None:
        """Keep what this run checked (before `# noqa` lines were applied) for the next one."""
        if self.key is None or not self.fresh or [p.path for p in parsed] != self.files:
            return
        index = {path: i for i, path in enumerate(self.files)}
        try:
            diags = [
                [index[d.path], d.line, d.column, d.code, _params(d.params)]
                for d in checked.diagnostics
            ]
            position = {id(d): n for n, d in enumerate(checked.diagnostics)}
            invalid = {
                index[path]: [position[id(d)] for d in ds] for path, ds in checked.invalid.items()
            }
            noqa = {index[p.path]: p.doc.noqa for p in parsed if p.doc is not None and p.doc.noqa}
            head = {
                "format": FORMAT,
                "key": self.key,
                "files": self.files,
                "diagnostics": diags,
                "invalid": invalid,
                "noqa": noqa,
            }
            text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
        except (KeyError, TypeError, ValueError):  # something not said as data: keep nothing
            return
        # Written report by report, as each is turned into JSON: a province's record is never
        # held in memory whole. A report that cannot be written leaves no record (write_bytes).
        self.cache.write_bytes(self.target, _pieces(text, checked.submissions, index))


def _slots(report: Report) -> str:
    """A report as the record's two slots (a plain report, a sign-off report), in JSON: only the
    fields the file set, so that it is validated back into the very same model."""
    text = report.model_dump_json(exclude_unset=True)
    if type(report) is SignOffReport:
        return f"null,{text}"
    if type(report) is Report:
        return f"{text},null"
    raise TypeError(type(report).__name__)


def _params(params: dict[str, object]) -> str:
    """A diagnostic's parameters as the cache writes data (dates and tuples tagged)."""
    return cache_module._dumps([cache_module.FORMAT, params]).decode()


def _pieces(head: str, submissions: list[Submission], index: dict[str, int]) -> Iterator[bytes]:
    yield f'{head[:-1]},"submissions":['.encode()
    for n, s in enumerate(submissions):
        unit = json.dumps(s.unit, ensure_ascii=False)
        yield f"{',' if n else ''}[{unit},{index[s.path]},{_slots(s.report)}]".encode()
    yield b"]}"
