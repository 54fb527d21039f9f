"""Benchmark every row of SPEC §8 and write bench/RESULTS.md.

    python bench/run.py            # all rows (generates bench/data first if needed)
    python bench/run.py --quick    # fewer repetitions

Each figure is the median of several whole-process runs of the installed `wz-tasks`, with peak
memory (the kernel's max RSS for the child, what `/usr/bin/time -v` reports), beside the floor
`python -c "import typer, pydantic, ruamel.yaml, rich"` measured in the same run. "First" runs get
an empty cache directory each time; "again" runs reuse one that a first run filled.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

WZ = shutil.which("wz-tasks", path=str(Path(sys.executable).parent)) or "wz-tasks"
SAMPLE = ROOT / "examples" / "progress"
ONE_FILE = SAMPLE / "2026-11-20-盐池县.yaml"
AS_OF = ["--as-of", "2026-11-27"]


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (KiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {code}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(
    cmd: list[str], runs: int, fresh_cache: bool, cache: str
) -> tuple[float, float, int, list[float]]:
    """Median wall time, median CPU time, largest peak RSS, and every wall time."""
    times, cpus, peaks = [], [], []
    for _ in range(runs):
        env = dict(os.environ)
        env["WZ_TASKS_CACHE_DIR"] = tempfile.mkdtemp(prefix="wz-bench-") if fresh_cache else cache
        t, cpu, peak = run_once(cmd, env)
        times.append(t)
        cpus.append(cpu)
        peaks.append(peak)
        if fresh_cache:
            shutil.rmtree(env["WZ_TASKS_CACHE_DIR"], ignore_errors=True)
    return statistics.median(times), statistics.median(cpus), max(peaks), times


def data(name: str, scale: float = 1.0) -> Path:
    folder = HERE / "data" / (name if scale == 1 else f"{name}-x{scale:g}")
    if not (folder / "tasks.yaml").exists():
        generate(name, scale)
    return folder


def status_cmd(folder: Path) -> list[str]:
    return [
        WZ,
        "status",
        "--tasks",
        str(folder / "tasks.yaml"),
        "--progress",
        str(folder / "progress"),
        *AS_OF,
        "--format",
        "json",
    ]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = ", ".join(
        f"{p} {metadata.version(p)}"
        for p in ("typer", "pydantic", "ruamel.yaml", "ruamel.yaml.clib", "rich")
    )
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){mem}; "
        f"Python {platform.python_version()}; {versions}"
    )


def _load() -> float:
    """The 1-minute load average: other work on the machine stretches wall-clock times."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    small, big = (5, 2) if args.quick else (11, 3)
    load_start = _load()
    cache = tempfile.mkdtemp(prefix="wz-bench-warm-")
    city, province = data("city"), data("province")
    rows: list[tuple[str, str, float, float, int, str]] = []

    def row(
        case: str,
        cmd: list[str],
        runs: int,
        budget: str,
        fresh: bool = False,
        warm_first: bool = False,
    ) -> tuple[float, float]:
        if warm_first:
            run_once(cmd, {**os.environ, "WZ_TASKS_CACHE_DIR": cache})
        med, cpu, peak, times = measure(cmd, runs, fresh, cache)
        rows.append((case, budget, med, cpu, peak, ", ".join(f"{t:.2f}" for t in sorted(times))))
        print(f"{case:55s} {med:7.3f} s  cpu {cpu:7.3f} s  {peak / 1024:6.0f} MiB", flush=True)
        return med, cpu

    floor, floor_cpu = row(
        "floor: import typer, pydantic, ruamel.yaml, rich",
        [sys.executable, "-c", "import typer, pydantic, ruamel.yaml, rich"],
        small,
        "—",
    )
    row("wz-tasks --help", [WZ, "--help"], small, "≤ 2× floor")
    one = [WZ, "check", str(ONE_FILE), "--progress", str(SAMPLE)]
    row(
        "wz-tasks check one file (pre-commit), warm cache",
        one,
        small,
        "≤ 2× floor",
        warm_first=True,
    )
    row("wz-tasks check one file, --no-cache", [*one, "--no-cache"], small, "—")
    embedded = [WZ, "status", "--progress", str(SAMPLE), *AS_OF]
    row(
        "wz-tasks status, embedded task list + sample, warm",
        embedded,
        small,
        "≤ 3× floor",
        warm_first=True,
    )
    row("wz-tasks status, embedded + sample, --no-cache", [*embedded, "--no-cache"], small, "—")
    row(
        "city (1,000 files, 20,000 entries): status, first run",
        status_cmd(city),
        big,
        "≤ 3 s",
        fresh=True,
    )
    row("city: status again, files unchanged", status_cmd(city), small, "≤ 0.5 s", warm_first=True)
    row(
        "province (10,000 files, 200,000 entries): first run",
        status_cmd(province),
        big,
        "≤ 30 s, < 1 GiB",
        fresh=True,
    )
    row(
        "province: again, files unchanged",
        status_cmd(province),
        big,
        "≤ 3 s, < 1 GiB",
        warm_first=True,
    )
    growth = []
    for scale in (1, 2, 4):
        _, cpu = row(
            f"growth: city ×{scale} ({20_000 * scale:,} entries), first run",
            status_cmd(data("city", scale)),
            big,
            "linear",
            fresh=True,
        )
        growth.append(cpu)
    shutil.rmtree(cache, ignore_errors=True)

    load_end = _load()
    lines = [
        f"Measured by `python bench/run.py` on {time.strftime('%Y-%m-%d')}: {machine()}; "
        f"load average {load_start:.1f} at the start, {load_end:.1f} at the end.",
        "",
        "Median of several whole-process runs (wall clock; each run listed, seconds) and the "
        "median CPU time (user + system); peak memory is the largest max-RSS of those runs. "
        "Ratios are medians over the floor measured in the same run, of wall clock and of CPU "
        "time (the CPU ratio holds when other work shares the machine; the wall ratio does not).",
        "",
        "| case | budget (SPEC §8) | median | × floor | CPU | CPU × floor | peak memory | runs |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for case, budget, med, cpu, peak, times in rows:
        lines.append(
            f"| {case} | {budget} | {med:.3f} s | {med / floor:.1f}× | {cpu:.3f} s | "
            f"{cpu / floor_cpu:.1f}× | {peak / 1024:.0f} MiB | {times} |"
        )
    lines += [
        "",
        "Growth (first run, CPU time, city data at 1×, 2×, 4× the entries): "
        + ", ".join(f"{g:.2f} s" for g in growth)
        + f" — {growth[1] / growth[0]:.2f}× and {growth[2] / growth[0]:.2f}×.",
    ]
    text = "\n".join(lines) + "\n"
    start, end = "<!-- measured -->", "<!-- /measured -->"
    if args.out.exists() and start in args.out.read_text(encoding="utf-8"):
        head, _, tail = args.out.read_text(encoding="utf-8").partition(start)
        _, _, tail = tail.partition(end)
        text = f"{head}{start}\n{text}{end}{tail}"
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
