"""`check` output: text for people, GitHub workflow commands for CI, JSON for scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wz_tasks.codes import Diagnostic
from wz_tasks.escape import one_line, visible
from wz_tasks.labels import t

if TYPE_CHECKING:
    from wz_tasks.render import Page
    from wz_tasks.render.results import CheckResult


def summary(files: int, diagnostics: list[Diagnostic], lang: str) -> str:
    errors = sum(d.severity == "error" for d in diagnostics)
    if files == 0:
        return t("check.nothing", lang)
    return t("check.summary", lang, files=files, errors=errors, warnings=len(diagnostics) - errors)


_RED, _YELLOW, _GREEN, _RESET = "\x1b[1;31m", "\x1b[33m", "\x1b[32m", "\x1b[0m"


def text_line(d: Diagnostic, lang: str, color: bool = False) -> str:
    """`path:line:col: error[WZ104] message` on one line whatever the path and message hold."""
    tag = f"{d.severity}[{d.code}]"
    if color:
        tag = (_RED if d.severity == "error" else _YELLOW) + tag + _RESET
    return f"{one_line(d.path)}:{d.line}:{d.column}: {tag} {one_line(d.message(lang))}"


def text(files: int, diagnostics: list[Diagnostic], lang: str, color: bool = False) -> str:
    """One line per finding, `path:line:col: error[WZ104] message`, then a summary line."""
    lines = [text_line(d, lang, color) for d in diagnostics]
    last = summary(files, diagnostics, lang)
    if color:
        errors = any(d.severity == "error" for d in diagnostics)
        last = (_RED if errors else _YELLOW if diagnostics else _GREEN) + last + _RESET
    return "\n".join([*lines, last]) + "\n"


def _escape_data(text: str) -> str:
    # %, CR and LF as GitHub's own toolkit escapes them; other controls shown escaped
    text = visible(text, keep="\r\n")
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


# --- the registered renderers ------------------------------------------------------------


def text_page(result: CheckResult, page: Page) -> str:
    return text(result.files, result.diagnostics, page.lang, page.color)


def github_page(result: CheckResult, page: Page) -> str:
    lines = [github_line(d, page.lang) for d in result.diagnostics]
    return "\n".join([*lines, summary(result.files, result.diagnostics, page.lang)]) + "\n"


def json_page(result: CheckResult, page: Page) -> str:
    from wz_tasks.render.data import dumps

    return dumps(as_json(result.files, result.diagnostics, page.lang), page)
