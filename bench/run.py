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
import compileall
import datetime as dt
import itertools
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


ENV: dict[str, str] = {}  # set for every run (--code: the code to measure, on PYTHONPATH)


Command = list[str] | Callable[[int], list[str]]  # the same each run, or the i-th run's


def measure(
    cmd: Command, runs: int, fresh_cache: bool, cache: str
) -> tuple[float, float, int, list[float]]:
    """Median wall time, median CPU time, largest peak RSS, and every wall time."""
    times, cpus, peaks = [], [], []
    for i in range(runs):
        env = {**os.environ, **ENV}
        env["WZ_TASKS_CACHE_DIR"] = tempfile.mkdtemp(prefix="wz-bench-") if fresh_cache else cache
        t, cpu, peak = run_once(cmd(i) if callable(cmd) else cmd, env)
        times.append(t)
        cpus.append(cpu)
        peaks.append(peak)
        if fresh_cache:
            shutil.rmtree(env["WZ_TASKS_CACHE_DIR"], ignore_errors=True)
    return statistics.median(times), statistics.median(cpus), max(peaks), times


def measure_in(
    cmd: list[str], runs: int, env: dict[str, str]
) -> tuple[float, float, int, list[float]]:
    """As `measure`, in a given environment (another tool's)."""
    found = [run_once(cmd, env) for _ in range(runs)]
    times = [t for t, _, _ in found]
    return (
        statistics.median(times),
        statistics.median(c for _, c, _ in found),
        max(p for _, _, p in found),
        times,
    )


def data(name: str, scale: float = 1.0) -> Path:
    folder = HERE / "data" / (name if scale == 1 else f"{name}-x{scale:g}")
    if not (folder / "tasks.yaml").exists():
        generate(name, scale)
    return folder


def status_cmd(folder: Path, progress: Path | None = None, as_of: list[str] = AS_OF) -> list[str]:
    return command("status", folder, progress, as_of)


_DAYS = itertools.count()


def new_day(folder: Path, progress: Path | None = None) -> Callable[[int], list[str]]:
    """`status` as of a day no run has asked for before (2027-01-01, then the next, ...):
    nothing to replay, the warm record is read and evaluated afresh — what the first run of
    each day costs."""

    def nth(_: int) -> list[str]:
        day = dt.date(2027, 1, 1) + dt.timedelta(days=next(_DAYS))
        return status_cmd(folder, progress, ["--as-of", day.isoformat()])

    return nth


def command(
    name: str, folder: Path, progress: Path | None = None, as_of: list[str] = AS_OF
) -> list[str]:
    where = str(progress or folder / "progress")
    return [WZ, name, "--tasks", str(folder / "tasks.yaml"), "--progress", where, *as_of]


def exists(name: str) -> bool:
    """Whether this build of wz-tasks has the command (remind, duties, bulletin: round 2)."""
    env = {**os.environ, **ENV}
    found = subprocess.run([WZ, name, "--help"], capture_output=True, env=env, check=False)
    return found.returncode == 0


# --- Taskwarrior, side by side (issue 13) ------------------------------------------------------

TASK = shutil.which("task") or ""
TW_RC = ["rc.confirmation=off", "rc.verbose=nothing", "rc.hooks=off"]


def taskwarrior(n: int) -> dict[str, str]:
    """A fresh TASKDATA holding `n` pending tasks with due dates (half of them overdue on the
    as-of date), imported by `task import`; the environment that points `task` at it."""
    where = Path(tempfile.mkdtemp(prefix="wz-bench-tw-"))
    (where / "data").mkdir()
    (where / "taskrc").write_text("", encoding="utf-8")
    env = {**os.environ, "TASKRC": str(where / "taskrc"), "TASKDATA": str(where / "data")}
    if n:
        day = time.mktime((2026, 11, 27, 0, 0, 0, 0, 0, -1))
        tasks = [
            {
                "uuid": f"00000000-0000-4000-8000-{i + 1:012d}",
                "description": f"第{i % 40 + 1}项措施 单位{i % 25:03d} 的进展报送 第{i}条",
                "status": "pending",
                "entry": "20250101T000000Z",
                "due": time.strftime("%Y%m%dT000000Z", time.gmtime(day + (i % 200 - 100) * 86400)),
                "project": f"unit{i % 25:03d}",
            }
            for i in range(n)
        ]
        (where / "tasks.json").write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
        subprocess.run(
            [TASK, *TW_RC, "import", str(where / "tasks.json")],
            env=env,
            stdout=subprocess.DEVNULL,
            check=True,
        )
    return env


def tw_version() -> str:
    if not TASK:
        return ""
    found = subprocess.run([TASK, "--version"], capture_output=True, text=True, check=False)
    return found.stdout.strip()


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


def _hundred_rows() -> Path:
    """A 100-row task table in the shape offices print (SPEC §14 `import-tasks` row)."""
    deadlines = [
        "2025年6月",
        "2025年底",
        "长期坚持",
        "每季度末月20日前",
        "2025年底达到70%,2026年底达到90%",
        "2026年12月;长期坚持",
        "2025年9月30日前",
        "2026年上半年",
    ]
    leads = ["市住建局", "各县(市、区)人民政府", "市自然资源局", "市市场监管局、市住建局"]
    lines = ["序号,工作任务,牵头单位,配合单位,完成时限"]
    for i in range(1, 101):
        lines.append(
            f"{i},推进第{i}项物业服务管理工作,{leads[i % 4]},市财政局、市司法局,"
            f'"{deadlines[i % len(deadlines)]}"'
        )
    path = Path(tempfile.mkdtemp(prefix="wz-bench-table-")) / "任务表.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--code", type=Path, help="measure the wz_tasks package in this src folder instead"
    )
    args = parser.parse_args()
    package = (args.code or ROOT / "src") / "wz_tasks"
    if args.code:
        ENV["PYTHONPATH"] = str(args.code)
    # Byte-compiled as `pip install` leaves it (PYTHONDONTWRITEBYTECODE would otherwise make
    # every run compile the package afresh, a cost no installed copy pays).
    compileall.compile_dir(str(package), quiet=1)
    small, big = (5, 2) if args.quick else (11, 3)
    load_start = _load()
    cache = tempfile.mkdtemp(prefix="wz-bench-warm-")
    city, province = data("city"), data("province")
    rows: list[tuple[str, str, float, float, int, str]] = []

    def row(
        case: str,
        cmd: Command,
        runs: int,
        budget: str,
        fresh: bool = False,
        warm_first: bool = False,
        env: dict[str, str] | None = None,
    ) -> tuple[float, float]:
        if warm_first:
            first = status_cmd(city) if callable(cmd) else cmd
            run_once(first, {**os.environ, **ENV, "WZ_TASKS_CACHE_DIR": cache})
        if env is not None:
            assert not callable(cmd)
            med, cpu, peak, times = measure_in(cmd, runs, env)
        else:
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
    for name in ("remind", "duties"):  # SPEC §14: on the sample, like status
        if exists(name):
            row(
                f"wz-tasks {name}, embedded task list + sample, warm",
                [WZ, name, "--progress", str(SAMPLE), *AS_OF],
                small,
                "≤ 3× floor (§14)",
                warm_first=True,
            )
    if exists("import-tasks"):
        table = _hundred_rows()
        out = Path(tempfile.mkdtemp(prefix="wz-bench-import-"))
        row(
            "wz-tasks import-tasks, a 100-row table (.csv)",
            [
                WZ,
                "import-tasks",
                str(table),
                "--out",
                str(out),
                "--units",
                str(ROOT / "tasks"),
                "--force",
            ],
            small,
            "≤ 1 s (§14)",
        )
    row(
        "city (1,000 files, 20,000 entries): status, first run",
        status_cmd(city),
        big,
        "≤ 3 s",
        fresh=True,
    )
    row(
        "city: status again, files unchanged",
        status_cmd(city),
        small,
        "≤ 0.5 s; ≤ 1.5× floor (issue 13)",
        warm_first=True,
    )
    row(
        "city: status again, files unchanged, another as-of date each run",
        new_day(city),
        small,
        "≤ 1.5× floor (issue 13)",
        warm_first=True,
    )
    row(
        "city: report --unit 单位000 again",
        [*command("report", city), "--unit", "单位000"],
        small,
        "as status",
        warm_first=True,
    )
    for name in ("remind", "duties", "bulletin"):
        if exists(name):
            extra = ["--format", "html"] if name == "bulletin" else []
            row(
                f"city: {name} again",
                [*command(name, city), *extra],
                small,
                "≤ 2 s (§14)" if name == "bulletin" else "as status",
                warm_first=True,
            )
        else:
            print(f"(no `{name}` command in this build: not measured)")
    # Side by side (issue 13): the four commands run in turn, round after round, so that the
    # load other work puts on the machine falls on all of them alike.
    empty = Path(tempfile.mkdtemp(prefix="wz-bench-empty-"))
    side: list[tuple[str, float, float, float, float]] = []
    if TASK:
        n = 20_000
        ours = {**os.environ, **ENV, "WZ_TASKS_CACHE_DIR": cache}
        pairs = [
            ("start-up: status, city task list, empty progress folder", "wz", empty),
            ("city: status again (side by side)", "wz", None),
            ("start-up, another as-of date each round", "wz-day", empty),
            ("city: status again, another as-of date each round", "wz-day", None),
            ("Taskwarrior: task overdue, 0 tasks", "tw", 0),
            (f"Taskwarrior: task overdue, {n:,} tasks with due dates", "tw", n),
        ]
        cases: list[tuple[str, Command, dict[str, str]]] = []
        for case, tool, what in pairs:
            cmd: Command
            if tool.startswith("wz"):
                assert what is None or isinstance(what, Path)
                cmd = status_cmd(city, progress=what)
                env = ours
                run_once(cmd, env)  # fills the cache
                if tool == "wz-day":
                    cmd = new_day(city, progress=what)
            else:
                assert isinstance(what, int)
                cmd, env = [TASK, *TW_RC, "overdue"], taskwarrior(what)
            cases.append((case, cmd, env))
        found: dict[str, list[tuple[float, float, int]]] = {case: [] for case, _, _ in cases}
        for i in range(small):
            for case, cmd, env in cases:
                found[case].append(run_once(cmd(i) if callable(cmd) else cmd, env))
        medians = []
        for case, _, _ in cases:
            walls = [t for t, _, _ in found[case]]
            med = statistics.median(walls)
            cpu = statistics.median(c for _, c, _ in found[case])
            peak = max(p for _, _, p in found[case])
            rows.append((case, "—", med, cpu, peak, ", ".join(f"{t:.2f}" for t in sorted(walls))))
            print(f"{case:55s} {med:7.3f} s  cpu {cpu:7.3f} s  {peak / 1024:6.0f} MiB", flush=True)
            medians.append((med, cpu))
        (w0, c0), (wn, cn), (d0, dc0), (dn, dcn), (t0, tc0), (tn, tcn) = medians
        side = [
            ("wz-tasks status again (city), replayed", w0, c0, wn, cn),
            ("wz-tasks status again (city), another as-of date each round", d0, dc0, dn, dcn),
            ("Taskwarrior task overdue", t0, tc0, tn, tcn),
        ]
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
        "≤ 3 s, < 1 GiB (§8); ≤ 0.6 s (issue 13)",
        warm_first=True,
    )
    row(
        "province: again, another as-of date each run",
        new_day(province),
        big,
        "≤ 3 s, < 1 GiB (§8); ≤ 0.6 s (issue 13)",
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
    code = f" (code: `{args.code}`)" if args.code else ""
    lines = [
        f"Measured by `python bench/run.py`{code} on {time.strftime('%Y-%m-%d')}: {machine()}; "
        f"{tw_version() and 'Taskwarrior ' + tw_version() + '; '}"
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
    if side:
        lines += [
            "",
            "Side by side (issue 13): the cost per record above each tool's own start-up, "
            "(N records − none) / N, N = 20,000 (the city's progress entries; as many tasks "
            "with due dates in Taskwarrior), medians of the runs above.",
            "",
            "| tool | start-up (wall / CPU) | N records (wall / CPU) | per record, wall | "
            "per record, CPU |",
            "|---|---:|---:|---:|---:|",
        ]
        per = {}
        for name, t0, c0, tn, cn in side:
            per[name] = ((tn - t0) / 20_000 * 1e6, (cn - c0) / 20_000 * 1e6)
            lines.append(
                f"| {name} | {t0:.3f} s / {c0:.3f} s | {tn:.3f} s / {cn:.3f} s | "
                f"{per[name][0]:.1f} µs | {per[name][1]:.1f} µs |"
            )
        (ours_wall, ours_cpu), (day_wall, day_cpu), (tw_wall, tw_cpu) = per.values()
        lines += [
            "",
            f"wz-tasks per record over Taskwarrior's: {ours_wall / tw_wall:.2f} (wall), "
            f"{ours_cpu / tw_cpu:.2f} (CPU) replayed; {day_wall / tw_wall:.2f} (wall), "
            f"{day_cpu / tw_cpu:.2f} (CPU) as of another day; the target is ≤ 0.33.",
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
