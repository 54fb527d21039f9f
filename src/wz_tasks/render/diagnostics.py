"""`check` output: text for people, GitHub workflow commands for CI, JSON for scripts."""

from __future__ import annotations

from typing import Any

from wz_tasks.codes import Diagnostic


def summary(files: int, diagnostics: list[Diagnostic], lang: str) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    if files == 0:
        return "没有需要检查的进度文件。" if lang == "zh" else "no progress files to check."
    if lang == "en":
        return f"checked {files} file(s): {errors} error(s), {warnings} warning(s)"
    return f"检查了 {files} 个文件:{errors} 个错误,{warnings} 个警告"


_RED, _YELLOW, _GREEN, _RESET = "\x1b[1;31m", "\x1b[33m", "\x1b[32m", "\x1b[0m"


def text_line(d: Diagnostic, lang: str, color: bool = False) -> str:
    tag = f"{d.severity}[{d.code}]"
    if color:
        tag = (_RED if d.severity == "error" else _YELLOW) + tag + _RESET
    return f"{d.path}:{d.line}:{d.column}: {tag} {d.message(lang)}"


def text(files: int, diagnostics: list[Diagnostic], lang: str, color: bool = False) -> str:
    """One line per finding, `path:line:col: error[WZ104] message`, then a summary line."""
    lines = [text_line(d, lang, color) for d in diagnostics]
    last = summary(files, diagnostics, lang)
    if color:
        errors = any(d.severity == "error" for d in diagnostics)
        last = (_RED if errors else _YELLOW if diagnostics else _GREEN) + last + _RESET
    return "\n".join([*lines, last]) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(d: Diagnostic, lang: str) -> str:
    """A workflow command GitHub turns into an annotation on the file's line."""
    props = ",".join(
        f"{k}={_escape_property(str(v))}"
        for k, v in (
            ("file", d.path),
            ("line", d.line),
            ("col", d.column),
            ("title", f"{d.code} {d.name}"),
        )
    )
    return f"::{d.severity} {props}::{_escape_data(d.message(lang))}"


def as_json(files: int, diagnostics: list[Diagnostic], lang: str) -> dict[str, Any]:
    from wz_tasks.render.data import diagnostic

    return {"files": files, "diagnostics": [diagnostic(d, lang) for d in diagnostics]}
