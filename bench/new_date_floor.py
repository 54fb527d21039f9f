"""What the first `status` of a new as-of date cannot go below, as the app is built (issue 13).

    python bench/new_date_floor.py DATA_DIR [RUNS]

A run of an as-of date no run has asked for has no answer to replay: it must evaluate. This
measures the two costs that evaluating takes before any work of ours, each the median of RUNS
(default 9) runs, and prints them as a markdown table:

1. Imports. The floor of bench/run.py (`import typer, pydantic, ruamel.yaml, rich`) against a
   child that only imports the very modules a real new-date `status` over DATA_DIR loaded (taken
   from that run's `sys.modules`), and does nothing else.
2. Reading what the last run checked. DATA_DIR's warm record (the cache must hold one: run
   `wz-tasks status` over DATA_DIR first, with the same WZ_TASKS_CACHE_DIR) read five ways, with
   the cyclic collector off as in the app: into the models as the app does (warm.py), the same
   without the three progress texts (what `status` as a table never shows), into plain typed
   dicts, and the standard library's `json.loads` with and without the texts.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

FLOOR = "import typer, pydantic, ruamel.yaml, rich"

# The real command (its entry point, replay.main) in a child; prints the modules it loaded.
LOADED = r"""
import sys
from wz_tasks import replay
try:
    replay.main()
finally:
    print("\n".join(n for n in sys.modules if not n.startswith("_")), file=sys.__stderr__)
"""

TEXTS = re.compile(rb',"(?:progress|problems|next_steps)":"(?:[^"\\]|\\.)*"')


def median_run(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def loaded_modules(data: Path) -> list[str]:
    """The modules a warm `status` of an as-of date never asked for over `data` imports (run
    twice: the first run keeps the warm record if the cache has none for these paths)."""
    for _ in range(2):
        day = dt.date(2031, 1, 1) + dt.timedelta(days=random.randrange(100_000))
        argv = ["wz-tasks", "status", "--tasks", f"{data}/tasks.yaml", "--progress"]
        argv += [f"{data}/progress", "--as-of", day.isoformat()]
        child = f"import sys; sys.argv = {argv!r}\n{LOADED}"
        proc = subprocess.run(
            [sys.executable, "-c", child], capture_output=True, check=False, env=os.environ
        )
        if proc.returncode not in (0, 1):
            sys.exit(proc.stderr.decode()[-2000:])
    return [n for n in proc.stderr.decode().split() if all(p.isidentifier() for p in n.split("."))]


def median_call(call: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.disable()
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
        gc.enable()
        gc.collect()
    return statistics.median(times)


def plain_validator() -> Callable[[bytes], object]:
    """The warm record's shape as pydantic-core typed dicts: no model instances."""
    from pydantic_core import SchemaValidator
    from pydantic_core import core_schema as cs

    from wz_tasks import warm

    def opt(schema: cs.CoreSchema) -> cs.TypedDictField:
        return cs.typed_dict_field(cs.nullable_schema(schema), required=False)

    def need(schema: cs.CoreSchema) -> cs.TypedDictField:
        return cs.typed_dict_field(schema)

    text, figure, day, n = cs.str_schema(), cs.float_schema(), cs.date_schema(), cs.int_schema()
    entry = {"task": opt(n), "duty": opt(text), "status": opt(text), "done_on": opt(day)}
    entry |= {k: opt(figure) for k in ("value", "numerator", "denominator")}
    entry |= {"values": opt(cs.dict_schema(text, figure)), "period": opt(text)}
    entry |= {k: opt(text) for k in ("progress", "problems", "next_steps")}
    sign_off = {"task": opt(n), "duty": opt(text), "unit": need(text), "date": need(day)}
    sign_off |= {"note": opt(text)}
    report = cs.typed_dict_schema(
        {
            "unit": need(text),
            "date": need(day),
            "contact": opt(text),
            "entries": opt(cs.list_schema(cs.typed_dict_schema(entry))),
            "sign_off": opt(cs.list_schema(cs.typed_dict_schema(sign_off))),
        }
    )
    validator = SchemaValidator(warm.record_schema(report, report))
    return lambda data: validator.validate_json(data, strict=True)


def main() -> None:
    data = Path(sys.argv[1]).resolve()
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    from wz_tasks import cachedir, warm

    rows: list[tuple[str, float]] = []
    floor = median_run(FLOOR, runs)
    rows.append((f"floor: `{FLOOR}`", floor))
    modules = loaded_modules(data)
    # each in the order the run loaded it; one a package made on the fly is already there
    importing = f"import importlib, sys\nfor n in {modules!r}:\n"
    importing += "    if n not in sys.modules: importlib.import_module(n)"
    imports = median_run(importing, runs)
    rows.append((f"import only the {len(modules)} modules a new-date `status` loads", imports))
    rows.append(("Python itself (`pass`)", median_run("pass", runs)))

    folder = Path(os.environ.get("WZ_TASKS_CACHE_DIR") or cachedir.default_dir())
    records = sorted(folder.glob("*/warm-*-undated.json"), key=lambda p: p.stat().st_mtime)
    if not records:
        sys.exit(f"no warm record under {folder}: run `wz-tasks status` over {data} first")
    whole = records[-1].read_bytes()
    bare = TEXTS.sub(b"", whole)
    models, plain = warm._validator(), plain_validator()
    assert models is not None
    size = f"{len(whole) / 2**20:.1f} MiB, {len(bare) / 2**20:.1f} MiB without texts"
    reads: list[tuple[str, Callable[[], object]]] = [
        (
            f"warm record ({size}) into the models (the app)",
            lambda: models.validate_json(whole, strict=True),
        ),
        (
            "into the models, without the progress texts",
            lambda: models.validate_json(bare, strict=True),
        ),
        ("into plain typed dicts", lambda: plain(whole)),
        ("into plain typed dicts, without the texts", lambda: plain(bare)),
        ("`json.loads`, no validation", lambda: json.loads(whole)),
        ("`json.loads` without the texts, no validation", lambda: json.loads(bare)),
    ]
    rows += [(label, median_call(call, runs)) for label, call in reads]

    print("| what | median | × floor |")
    print("|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {1000 * seconds:.0f} ms | {seconds / floor:.2f}× |")


if __name__ == "__main__":
    main()
