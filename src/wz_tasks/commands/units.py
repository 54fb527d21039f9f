"""`units [NAME]...`: the unit registry, or what each typed name means (SPEC §4, §9)."""

from typing import Annotated, Any

import typer

from wz_tasks.commands.options import (
    LangOpt,
    TasksOpt,
    done,
    emit,
    format_of,
    format_opt,
    h,
    lang_of,
    task_list,
    write,
)


def _lookup(tl: Any, name: str) -> dict[str, Any]:
    found = tl.registry.typed_candidates(name)
    if len(found) != 1:
        near = found or tl.registry.suggest(name)
        return {"name": None, "group": False, "members": [], "candidates": near}
    r = tl.registry.resolve(found[0])
    return {"name": r.name, "group": r.is_group, "members": list(r.members), "candidates": found}


def units(
    tasks: TasksOpt = None,
    lang: LangOpt = "zh",
    fmt: Annotated[str, format_opt("units")] = "table",
    names: Annotated[
        list[str] | None, typer.Argument(metavar="[NAME]...", help=h("help.names"))
    ] = None,
) -> None:
    import sys

    from wz_tasks.render.results import UnitsResult

    lang = lang_of(lang)
    fmt = format_of("units", fmt, lang)
    tl = task_list(tasks, lang)
    if not names:
        emit("units", fmt, UnitsResult(tl), lang)
        return
    found = {name: _lookup(tl, name) for name in names}
    if fmt == "json":
        from wz_tasks.commands.options import page
        from wz_tasks.render.data import dumps

        write(
            sys.stdout, dumps({n: (r if r["name"] else None) for n, r in found.items()}, page(lang))
        )
    else:
        from wz_tasks.escape import guard_lines, one_line

        lines = []
        for name, r in found.items():
            shown = one_line(name)
            if r["name"] is None:
                near = r["candidates"]
                lines.append(f"{shown} → ?" + (f"  ({'、'.join(near)}?)" if near else ""))
            elif r["group"]:
                lines.append(f"{shown} → {r['name']} = {'、'.join(r['members'])}")
            else:
                lines.append(f"{shown} → {r['name']}")
        write(sys.stdout, guard_lines("\n".join(lines) + "\n"))
    done(0 if all(r["name"] for r in found.values()) else 1)


def register(app: typer.Typer) -> None:
    app.command("units", help=h("cmd.units"))(units)
