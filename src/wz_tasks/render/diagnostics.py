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


def text_line(d: Diagnostic, lang: str) -> str:
    return f"{d.path}:{d.line}:{d.column}: {d.severity}[{d.code}] {d.message(lang)}"


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
