"""Where the time of one warm `wz-tasks status` run goes, phase by phase (wall time, ms).

    python bench/warm_phases.py DATA_DIR [AS_OF] [RUNS] [-- EXTRA ARGS]

Runs the real command in a child process (the cache must be filled: run it once first, or let
this script's first, unreported run do it) with timers around the real functions: start-up and
imports, typer building the commands, the task list, the walk and stat of every progress file
(warm.Snapshot), the record read (Snapshot.recall), evaluation, rendering, and the way out of
the process (measured by this parent: from the command's last mark to the child's end).
Each phase is the median of RUNS runs (1 unless given), as are the total and its CPU time
(user + system). Uses WZ_TASKS_CACHE_DIR.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time

CHILD = r"""
import functools, json, sys, time
T = time.perf_counter
marks = [("start", float(sys.argv.pop(1)))]
import typer.main
from wz_tasks.commands import options
from wz_tasks import cli
marks.append(("start-up, imports: typer, the CLI, its commands", T()))
import wz_tasks.commands.status as status
import wz_tasks.evaluate as evaluate
from wz_tasks import warm
marks.append(("imports: models (pydantic), evaluator, warm path", T()))

def timed(owner, name, label):
    real = getattr(owner, name)
    @functools.wraps(real)
    def wrapper(*args, **kwargs):
        marks.append(("until " + label, T()))
        try:
            return real(*args, **kwargs)
        finally:
            marks.append((label, T()))
    setattr(owner, name, wrapper)

def report(code):
    marks.append(("finish", T()))
    out, prev = [], marks[0][1]
    for label, at in marks[1:]:
        if label != "finish":
            out.append((label, at - prev))
        prev = at
    print(json.dumps([out, marks[-1][1]]), file=sys.stderr, flush=True)

timed(typer.main, "get_command", "typer builds the commands")
timed(status, "task_list", "task list (from the cache)")
timed(warm.Snapshot, "__init__", "walk + stat every progress file")
timed(warm.Snapshot, "recall", "warm record read")
timed(evaluate, "evaluate", "evaluate")
timed(status, "emit", "render and write")
real_finish = options.finish
def finish(code, *built):
    report(code)
    real_finish(code, *built)
status.finish = finish
sys.argv[0] = "wz-tasks"
cli.main()
"""


def main() -> None:
    args = sys.argv[1:]
    extra = args[args.index("--") + 1 :] if "--" in args else []
    args = args[: args.index("--")] if "--" in args else args
    data = args[0]
    day = args[1] if len(args) > 1 else "2027-01-15"
    runs = int(args[2]) if len(args) > 2 else 1
    command = [
        "status",
        "--tasks",
        f"{data}/tasks.yaml",
        "--progress",
        f"{data}/progress",
        "--as-of",
        day,
        *extra,
    ]

    def run() -> tuple[list[tuple[str, float]], float, float, float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, repr(start), *command],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=os.environ,
            check=False,
        )
        end = time.perf_counter()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        lines = proc.stderr.decode().strip().splitlines()
        if not lines or not lines[-1].startswith("[["):
            sys.exit(f"the run failed ({proc.returncode}):\n" + "\n".join(lines[-20:]))
        phases, finished = json.loads(lines[-1])
        return phases, finished, start, end, cpu

    run()  # fills the cache if need be
    results = [run() for _ in range(runs)]
    labels = [label for label, _ in results[0][0]]
    for n, label in enumerate(labels):
        seconds = statistics.median(r[0][n][1] for r in results)
        if label.startswith("until "):  # imports and small work before the next phase
            label = f"  other work before {label[6:]}"
        print(f"{label:48s} {1000 * seconds:7.1f}")
    wall = statistics.median(r[3] - r[2] for r in results)
    cpu = statistics.median(r[4] for r in results)
    out = statistics.median(r[3] - r[1] for r in results)
    print(f"{'the way out (freeing, interpreter exit)':48s} {1000 * out:7.1f}")
    print(f"{'total (wall)':48s} {1000 * wall:7.1f}")
    print(f"{'total (CPU, user + system)':48s} {1000 * cpu:7.1f}")


if __name__ == "__main__":
    main()
