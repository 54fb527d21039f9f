"""Time warm `status` runs whose as-of date changes every run (so no replay could answer them),
against the floor (`python -c "import typer, pydantic, ruamel.yaml, rich"`). Medians of wall time.

    python bench/warm_dates.py [DATA_DIR] [RUNS]    # e.g. bench/data/city 11

Uses the `wz-tasks` beside this interpreter and WZ_TASKS_CACHE_DIR (a fresh temporary folder if
unset); the first run fills the cache and is not counted. Every run has an as-of date of its
own (counting back from 2027-01-15), and the runs of one call of this script share a variable
WZ_BENCH_NONCE of their own in the environment (the replay's record is named by the environment
too), so no record an earlier run kept can answer a later one: each run starts the app.
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LAST = dt.date(2027, 1, 15)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    data = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/data/city")
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    env = dict(os.environ)
    env.setdefault("WZ_TASKS_CACHE_DIR", tempfile.mkdtemp(prefix="wzc-"))
    env["WZ_BENCH_NONCE"] = f"{os.getpid()}-{time.time_ns()}"
    exe = str(Path(sys.executable).with_name("wz-tasks"))
    base = [
        exe,
        "status",
        "--tasks",
        str(data / "tasks.yaml"),
        "--progress",
        str(data / "progress"),
    ]
    floor = [sys.executable, "-c", "import typer, pydantic, ruamel.yaml, rich"]
    timed([*base, "--as-of", str(LAST - dt.timedelta(days=runs + 1))], env)  # fill
    warm, bottom = [], []
    for n in range(runs):
        warm.append(timed([*base, "--as-of", str(LAST - dt.timedelta(days=n))], env))
        bottom.append(timed(floor, env))
    w, f = (statistics.median(x[0] for x in runs) for runs in (warm, bottom))
    wc, fc = (statistics.median(x[1] for x in runs) for runs in (warm, bottom))
    print(
        f"{data}: warm status (a new as-of date each run) {w:.3f} s, floor {f:.3f} s, {w / f:.2f}x;"
        f" CPU {wc:.3f} s vs {fc:.3f} s, {wc / fc:.2f}x"
    )


if __name__ == "__main__":
    main()
