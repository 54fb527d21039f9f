"""The config file `.wz-tasks.yaml` (SPEC §13): a data repository's own defaults.

Found like `.yamllint` or `ruff.toml`: the first `.wz-tasks.yaml` in the working directory or
any folder above it, up to the file-system root (a git root does not stop the search, so a
sub-folder of a data repository still finds the repository's file). Paths in it are relative
to the folder it is in. Command-line options beat environment variables beat the file beat the
built-in defaults; the file only ever supplies defaults.

This module is imported on every run: it stays light (the YAML reader is imported only when a
file is found) and reads nothing but the one small file.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wz_tasks import inputs

NAME = ".wz-tasks.yaml"

KEYS = ("tasks", "progress", "lang", "due_soon_days", "fail_on", "strict", "ignore")
_CODE = re.compile(r"WZ\d{3}")


@dataclass(frozen=True)
class Config:
    """What a config file sets; None (or empty) where it says nothing."""

    path: str | None = None
    tasks: Path | None = None
    progress: list[Path] | None = None
    lang: str | None = None
    due_soon_days: int | None = None
    fail_on: str | None = None
    strict: bool | None = None
    ignore: frozenset[str] = field(default_factory=frozenset)


# The config of the running command; None until it is first needed (commands/options.py)
ACTIVE: Config | None = None


class ConfigError(Exception):
    """A config file that cannot be used (a usage error, exit 2); its diagnostics say where."""

    def __init__(self, diagnostics: list[Any]) -> None:
        super().__init__("; ".join(f"{d.path}:{d.line}:{d.column}: {d.code}" for d in diagnostics))
        self.diagnostics = diagnostics


def find(start: str | Path | None = None) -> Path | None:
    """The nearest `.wz-tasks.yaml` in `start` (the working directory) or a folder above it."""
    here = Path(os.path.abspath(start if start is not None else os.curdir))
    for folder in (here, *here.parents):
        candidate = folder / NAME
        st = inputs.probe(candidate)  # a config made later, anywhere above, changes the run
        if st is not None and stat.S_ISREG(st.st_mode):
            return candidate
    return None


def _shown(path: Path) -> str:
    """The file as the user would type it from here: relative when that is shorter."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive (Windows)
        return str(path)
    return rel if len(rel) <= len(str(path)) else str(path)


def discover(start: str | Path | None = None) -> Config:
    """The config in effect for a command run in `start`; an empty one if there is no file.
    Raises ConfigError for a file that cannot be used."""
    path = find(start)
    return load(path) if path is not None else Config()


def load(path: Path) -> Config:
    """Read and check one config file. Raises ConfigError naming file:line:column."""
    from wz_tasks.codes import Diagnostic
    from wz_tasks.yamlsafe import decode, read_yaml

    shown = _shown(path)
    try:
        data = path.read_bytes()
        inputs.note(path)
    except OSError as exc:
        raise ConfigError(
            [Diagnostic(shown, 1, 1, "WZ080", {"path": shown, "reason": exc.strerror or str(exc)})]
        ) from None
    text, problem = decode(data)
    if problem is None and text is not None:
        doc = read_yaml(text)
        if doc.problems:
            problem = doc.problems[0]
    if problem is not None:
        raise ConfigError(
            [Diagnostic(shown, problem.line, problem.column, problem.code, problem.params)]
        )
    return _validate(doc.value, doc, shown, path.parent)


def _validate(value: Any, doc: Any, shown: str, folder: Path) -> Config:
    from wz_tasks.codes import CODES, Diagnostic
    from wz_tasks.labels import STATUSES

    problems: list[Diagnostic] = []

    def bad(
        key_path: tuple[str | int, ...], which: str, at_key: bool = False, **params: Any
    ) -> None:
        locs = doc.key_locs if at_key else doc.locs
        line, column = locs.get(key_path) or doc.loc(key_path)
        problems.append(Diagnostic(shown, line, column, which, params))

    if value is None:
        return Config(path=shown)
    if not isinstance(value, dict):
        whole = {"zh": "(整个文件)", "en": "(the whole file)"}
        bad(
            (),
            "WZ081",
            key=whole,
            want={"zh": "键值对(key: value)", "en": "a mapping (key: value)"},
        )
        raise ConfigError(problems)

    def place(text: str) -> Path:
        p = Path(text).expanduser()
        return p if p.is_absolute() else Path(_shown(folder / p))

    def a_path(key_path: tuple[str | int, ...], raw: Any) -> Path | None:
        if not isinstance(raw, str) or not raw.strip():
            bad(key_path, "WZ081", key=key_path[0], want=_WANT["path"])
            return None
        p = place(raw)
        if inputs.probe(p) is None:
            bad(key_path, "WZ082", key=key_path[0], path=str(p))
            return None
        return p

    out: dict[str, Any] = {}
    for key, raw in value.items():
        if key not in KEYS:
            near = _near(str(key))
            hint = (
                {"zh": f"是不是要写 {near}?", "en": f"Did you mean {near}?"}
                if near
                else {
                    "zh": "可用的键:" + "、".join(KEYS),
                    "en": "keys: " + ", ".join(KEYS),
                }
            )
            bad((key,), "WZ083", at_key=True, key=str(key), hint=hint)
            continue
        if raw is None:  # `key:` with nothing after it says nothing
            continue
        if key == "tasks":
            out[key] = a_path((key,), raw)
        elif key == "progress":
            items = raw if isinstance(raw, list) else [raw]
            paths = [
                a_path((key, i) if isinstance(raw, list) else (key,), r)
                for i, r in enumerate(items)
            ]
            out[key] = [p for p in paths if p is not None] or None
        elif key == "lang":
            if raw not in ("zh", "en"):
                bad((key,), "WZ081", key=key, want={"zh": "zh 或 en", "en": "zh or en"})
            else:
                out[key] = raw
        elif key == "due_soon_days":
            if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
                bad((key,), "WZ081", key=key, want=_WANT["days"])
            else:
                out[key] = raw
        elif key == "fail_on":
            if raw not in STATUSES:
                choices = ", ".join(STATUSES)
                bad(
                    (key,),
                    "WZ081",
                    key=key,
                    want={"zh": f"{choices} 之一", "en": f"one of {choices}"},
                )
            else:
                out[key] = raw
        elif key == "strict":
            if not isinstance(raw, bool):
                bad((key,), "WZ081", key=key, want={"zh": "true 或 false", "en": "true or false"})
            else:
                out[key] = raw
        elif key == "ignore":
            items = raw if isinstance(raw, list) else [raw]
            codes = set()
            for i, code in enumerate(items):
                at = (key, i) if isinstance(raw, list) else (key,)
                text = str(code).strip().upper() if isinstance(code, str) else None
                if text is None or not _CODE.fullmatch(text) or text not in CODES:
                    bad(at, "WZ084", code=str(code))
                elif CODES[text].severity == "error":
                    bad(at, "WZ085", code=text)
                else:
                    codes.add(text)
            out[key] = frozenset(codes)
    if problems:
        raise ConfigError(problems)
    return Config(path=shown, **out)


_WANT = {
    "path": {"zh": "文件或文件夹的路径", "en": "a file or folder path"},
    "days": {"zh": "不小于 0 的整数(天数)", "en": "a whole number of days, 0 or more"},
}


def _near(key: str) -> str | None:
    import difflib

    found = difflib.get_close_matches(key.lower().replace("-", "_"), KEYS, n=1, cutoff=0.6)
    return found[0] if found else None
