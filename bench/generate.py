"""Synthetic but realistic progress data for the benchmarks (SPEC §8).

    python bench/generate.py city      # 1,000 files, 20,000 entries, 40 measures, 25 units
    python bench/generate.py province  # 10,000 files, 200,000 entries, 300 measures, 200 units
    python bench/generate.py city --scale 2   # twice the entries (growth runs)

Writes bench/data/<name>/{tasks.yaml,progress/}. A task list in the same format as tasks/, every
unit leading some measures and reporting monthly on 20 of them, with Chinese text of the length
real reports have (progress ~60 characters, problems ~35, next steps ~30).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = {"city": (40, 25, 40), "province": (300, 200, 50)}  # measures, units, months
PER_FILE = 20

PROGRESS = [
    "已召开专题推进会{n}次,对辖区{m}个住宅小区逐一摸排,建立问题清单和整改台账,明确责任人和完成时限,",
    "会同乡镇(街道)、社区开展联合检查{n}次,督促物业服务企业落实服务标准,整改问题{m}项,",
    "已完成年度目标任务的{p}%,其中新建项目{n}个、改造提升项目{m}个,群众满意度调查达到{p}分,",
]
TAILS = ["相关工作有序推进。", "阶段性成效明显。", "正在组织验收评估。"]
PROBLEMS = [
    "部分老旧小区产权复杂,业主意见难以统一,推进难度较大。",
    "专项经费落实不到位,基层工作人员不足,业务能力有待提升。",
    "个别物业企业服务意识不强,整改不彻底,存在反弹现象。",
]
NEXT = [
    "下月底前完成剩余小区摸排,组织一次专题培训。",
    "加强督导检查,对整改不力的企业约谈通报。",
    "总结试点经验,在全域推广并建立长效机制。",
]


def _text(rng: random.Random, parts: list[str]) -> str:
    return rng.choice(parts).format(
        n=rng.randint(2, 30), m=rng.randint(5, 300), p=rng.randint(40, 99)
    )


def task_list(measures: int, units: int) -> str:
    lines = [
        "policy:",
        "  title: 基准测试用的合成任务清单",
        "  issuer: 基准测试",
        "  effective: 2020-01-01",
        "  expires: 2035-12-31",
        "  reporting_interval_days: 90",
        "  due_soon_days: 30",
        "categories:",
        "  - {number: 1, title: 合成类别}",
        "units:",
    ]
    lines += [
        f"  - {{name: 单位{u:03d}, kind: city_department, aliases: [第{u}单位]}}"
        for u in range(units)
    ]
    lines.append("tasks:")
    for t in range(1, measures + 1):
        lead = f"单位{(t - 1) % units:03d}"
        support = ", ".join(
            f"单位{(t + k) % units:03d}" for k in range(1, 25) if (t + k) % units != (t - 1) % units
        )
        lines += [
            f"  - id: {t}",
            "    category: 1",
            f"    measure: 第{t}项合成措施,用于测量大规模进度报送的处理速度。",
            f"    lead: [{lead}]",
            f"    support: [{support}]",
        ]
        if t % 3 == 0:
            lines += ["    deadline_text: 长期坚持", "    ongoing: true"]
        elif t % 3 == 1:
            lines += [
                "    deadline_text: 2030年底达到80%",
                "    indicators:",
                f"      - {{key: rate_{t}, name: 第{t}项完成率, kind: percent, milestones: "
                "[{due: 2028-12-31, target: 50}, {due: 2030-12-31, target: 80}]}",
            ]
        else:
            lines += ["    deadline_text: 2029年6月", "    due: 2029-06-30"]
    return "\n".join(lines) + "\n"


def tasks_of(unit: int, measures: int, units: int) -> list[int]:
    """Measures the unit leads or supports, 20 of them."""
    mine = [
        t
        for t in range(1, measures + 1)
        if (t - 1) % units == unit or any((t + k) % units == unit for k in range(1, 25))
    ]
    return mine[:PER_FILE]


def generate(name: str, scale: float = 1.0) -> Path:
    measures, units, months = SIZES[name]
    months = round(months * scale)
    out = HERE / "data" / (name if scale == 1 else f"{name}-x{scale:g}")
    if out.exists():
        shutil.rmtree(out)
    (out / "progress").mkdir(parents=True)
    (out / "tasks.yaml").write_text(task_list(measures, units), encoding="utf-8")
    rng = random.Random(8)
    files = entries = 0
    for u in range(units):
        tasks = tasks_of(u, measures, units)
        folder = out / "progress" / f"单位{u:03d}"
        folder.mkdir()
        for m in range(months):
            date = dt.date(2020 + (m + 1) // 12, (m + 1) % 12 + 1, 1) - dt.timedelta(days=1)
            lines = [
                "# yaml-language-server: $schema=../../progress.schema.json",
                f"unit: 单位{u:03d}",
                f"date: {date.isoformat()}",
                "contact: 王五 0953-1234567",
                "entries:",
            ]
            for t in tasks:
                lines.append(f"  - task: {t}")
                if t % 3 == 1:
                    lines.append(f"    value: {min(100, 5 + m * 2 + u % 4)}")
                elif t % 3 == 2 and m > months - 3:
                    lines += ["    status: done", f"    done_on: {date.isoformat()}"]
                lines += [
                    f"    progress: {_text(rng, PROGRESS)}{rng.choice(TAILS)}",
                    f"    problems: {rng.choice(PROBLEMS)}",
                    f"    next_steps: {rng.choice(NEXT)}",
                ]
                entries += 1
            (folder / f"{date.isoformat()}.yaml").write_text(
                "\n".join(lines) + "\n", encoding="utf-8"
            )
            files += 1
    print(f"{out}: {files} files, {entries} entries")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", choices=sorted(SIZES))
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    generate(args.name, args.scale)
