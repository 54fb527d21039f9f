"""Renderers: each lays out a finished result and nothing else, registered by format name.

A command asks `renderer(kind, fmt)` for "the renderer of this format for this result". Adding a
format is one module plus one line in `_REGISTRY`; targets are dotted paths imported only when
asked for, so that `--help` and `check` never pay for rich.

Every renderer is `(result, page) -> str | bytes`: text is written as it is (after
`escape.guard_lines` for the formats people read), bytes (CSV) untouched.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# kind of result -> format -> "module:function"
_REGISTRY: dict[str, dict[str, str]] = {
    "status": {
        "table": "wz_tasks.render.table:status",
        "json": "wz_tasks.render.data:status_json",
        "markdown": "wz_tasks.render.markdown:status",
        "csv": "wz_tasks.render.csvout:status",
    },
    "report": {
        "table": "wz_tasks.render.table:report",
        "json": "wz_tasks.render.data:report_json",
        "markdown": "wz_tasks.render.markdown:report",
    },
    "duties": {
        "table": "wz_tasks.render.table:duties",
        "json": "wz_tasks.render.data:duties_json",
    },
    "tasks": {
        "table": "wz_tasks.render.table:tasks",
        "json": "wz_tasks.render.data:tasks_json",
    },
    "show": {
        "table": "wz_tasks.render.table:show",
        "json": "wz_tasks.render.data:show_json",
    },
    "units": {
        "table": "wz_tasks.render.table:units",
        "json": "wz_tasks.render.data:units_json",
    },
    "check": {
        "text": "wz_tasks.render.diagnostics:text_page",
        "github": "wz_tasks.render.diagnostics:github_page",
        "json": "wz_tasks.render.diagnostics:json_page",
    },
    "remind": {
        "table": "wz_tasks.render.remind:remind_table",
        "markdown": "wz_tasks.render.remind:remind_markdown",
        "csv": "wz_tasks.render.remind:remind_csv",
        "json": "wz_tasks.render.remind:remind_json",
    },
    "score": {
        "table": "wz_tasks.render.score:score_table",
        "csv": "wz_tasks.render.score:score_csv",
        "json": "wz_tasks.render.score:score_json",
    },
}

# Formats written as they are: data (JSON escapes itself, CSV has its Excel rule) and GitHub's
# own workflow commands (whose user text is %-escaped onto one line).
UNGUARDED = frozenset({"json", "csv", "github"})


class UnknownFormat(ValueError):
    """A format no renderer is registered for; carries the ones that are."""

    def __init__(self, fmt: str, known: tuple[str, ...]) -> None:
        super().__init__(fmt)
        self.fmt, self.known = fmt, known


@dataclass(frozen=True)
class Page:
    """What a renderer may know about where its output goes."""

    lang: str
    width: int = 100
    terminal: bool = False
    color: bool = False

    def console(self) -> Any:
        """A rich console that records into a string (the caller writes it)."""
        import io

        from rich.console import Console

        return Console(
            file=io.StringIO(),
            width=self.width,
            force_terminal=self.terminal,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            markup=False,  # text people wrote (e.g. "[2025]") must show as written
            emoji=False,
            soft_wrap=False,
        )


Renderer = Callable[[Any, Page], "str | bytes"]


def register(kind: str, fmt: str, target: str) -> None:
    """Add a renderer: `target` is "module:function"."""
    _REGISTRY.setdefault(kind, {})[fmt] = target


def formats(kind: str) -> tuple[str, ...]:
    return tuple(_REGISTRY.get(kind, {}))


def renderer(kind: str, fmt: str) -> Renderer:
    """The renderer of format `fmt` for a `kind` result; UnknownFormat lists the known ones."""
    target = _REGISTRY.get(kind, {}).get(fmt)
    if target is None:
        raise UnknownFormat(fmt, formats(kind))
    module, name = target.split(":")
    fn: Renderer = getattr(importlib.import_module(module), name)
    return fn
