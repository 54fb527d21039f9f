"""`init [DIR]`: make a data repository for progress reports (SPEC §12).

It writes the folder `progress/`, the config file (§13), a pre-commit hook that runs `check`
with the wz-tasks already installed (no download, so it works offline), a CI workflow and a
short Chinese README for the reporting units. An existing file is never overwritten.
"""

import os
from pathlib import Path
from typing import Annotated

import typer

from wz_tasks.commands.options import LangOpt, done, err, h, lang_of, task_list, usage
from wz_tasks.labels import t

CONFIG = """\
# wz-tasks 的配置文件。在这个文件夹及其下级文件夹里运行 wz-tasks 时生效。
# 优先级:命令行选项 > 环境变量(WZ_TASKS_*)> 本文件 > 内置默认值。
# 文件里的路径都相对于本文件所在的文件夹。写错时 wz-tasks 会指出行号并退出(退出码 2)。

# 任务清单(文件夹或文件)。{tasks_note}
{tasks_line}

# 进度报送文件所在的文件夹;可以写成列表:[progress, 其他文件夹]
progress: progress

# 输出语言:zh(中文)或 en(英文)
lang: zh

# “临期”提醒天数:距完成时限不超过这么多天的任务标为临期(不写则按任务清单的设置)
# due_soon_days: 30

# check 在有任务处于这一状态或更差时失败,如 overdue(逾期)、behind(滞后)
# fail_on: overdue

# true:check 遇到警告也失败
strict: false

# 不再提示的警告代码(只能忽略警告,错误必须改正),如 [WZ201];
# 只想忽略某一行的警告,就在那一行末尾写 # noqa: WZ201
ignore: []
"""

EMBEDDED_NOTE = "不写则使用内置的《关于进一步加强吴忠市物业服务管理工作的意见》任务清单"
GIVEN_NOTE = "由 wz-tasks init --tasks 指定"

PRE_COMMIT = """\
# pre-commit(https://pre-commit.com)在每次提交前检查改动过的进度报送文件。
# 安装一次:pip install pre-commit && pre-commit install
# 用的是本机已安装的 wz-tasks(language: system),不需要联网。
repos:
  - repo: local
    hooks:
      - id: wz-tasks-check
        name: wz-tasks check (进度报送文件检查)
        entry: wz-tasks check
        language: system
        files: ^progress/.*\\.ya?ml$
        require_serial: true
"""

WORKFLOW = """\
# 每次 push 和 pull request:检查进度报送文件(问题标注在对应的行上),
# 再把全部任务的进展表写进运行摘要。
name: wz-tasks
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      # 把下面的地址换成你们所用的 wz-tasks 的 git 仓库地址
      - run: pip install "wz-tasks @ git+https://example.invalid/wz-tasks.git"
      # GITHUB_ACTIONS=true 时 check 输出 GitHub 的标注:每个问题标在出错的那一行
      - run: wz-tasks check
      - run: wz-tasks status --format markdown >> "$GITHUB_STEP_SUMMARY"
        if: always()
"""

README = """\
# 进度报送

各责任单位在这里报送任务进展。每份报送是 `progress/` 文件夹里的一个 YAML 文件,
提交前用 wz-tasks 检查,检查通过才能提交。

## 怎样报送

1. 生成报送文件(预先填好本单位的任务、上次报送的数值和下一个时限):

   ```sh
   wz-tasks new-report --unit 盐池县
   ```

   单位名称可以写全称、简称或别名;文件写在 `progress/<日期>-<单位>.yaml`,不会覆盖已有文件。

2. 打开这个文件,把每个“待填写”换成实际内容:
   - `status`:not_started(未开始)、in_progress(推进中)或 done(已完成,并写 `done_on` 完成日期);
   - `value`:指标数值,只写数字(百分比写 85,不写 85%);
   - `progress` 工作进展、`problems` 存在问题、`next_steps` 下一步计划。
   配合任务如需报送,去掉行首的 `#`。

3. 检查:

   ```sh
   wz-tasks check progress/2026-11-20-盐池县.yaml
   ```

   每个问题都会指出文件、行号和列号,如
   `progress/2026-11-20-盐池县.yaml:7:11: error[WZ104] 没有序号为 21 的任务`。
   改好后再检查,直到显示“0 个错误”。

4. 提交:

   ```sh
   git add progress/2026-11-20-盐池县.yaml
   git commit -m "盐池县 2026-11-20 进度报送"
   ```

   装了 pre-commit(`pip install pre-commit && pre-commit install`)后,每次提交前会自动检查;
   推送后 CI 也会检查。

## 查看进展

- 全部任务:`wz-tasks status`
- 本单位:`wz-tasks report --unit 盐池县`

本仓库的设置(任务清单、语言、临期天数等)在 `.wz-tasks.yaml` 里,各项都有说明。
"""


def files(tasks_line: str, tasks_note: str, schema: str) -> dict[str, str]:
    """What `init` writes: {path inside the repository: text}, in the order it writes them."""
    config = CONFIG.format(tasks_line=tasks_line, tasks_note=tasks_note)
    return {
        "progress/.gitkeep": "",
        # new-report's files name it on their first line, for editors (yaml-language-server)
        "progress.schema.json": schema,
        ".wz-tasks.yaml": config,
        ".pre-commit-config.yaml": PRE_COMMIT,
        ".github/workflows/wz-tasks.yml": WORKFLOW,
        "README.md": README,
    }


def _tasks_entry(tasks: Path | None, target: Path, lang: str) -> tuple[str, str]:
    """The config's `tasks:` line and its note: the embedded list unless --tasks names one."""
    if tasks is None:
        return "# tasks: tasks/", EMBEDDED_NOTE
    if not tasks.exists():
        usage(t("err.no_path", lang, path=str(tasks)), "--tasks")
    if tasks.is_absolute():
        shown = tasks.as_posix()
    else:
        shown = Path(os.path.relpath(tasks.resolve(), target.resolve())).as_posix()
    return f"tasks: {_quoted(shown)}", GIVEN_NOTE


def _quoted(text: str) -> str:
    """A path as a YAML string that reads back as the same text."""
    import json

    return json.dumps(text, ensure_ascii=False)


def init(
    folder: Annotated[
        Path,
        typer.Argument(metavar="[DIR]", show_default=False, help=h("help.init_dir")),
    ] = Path("."),
    tasks: Annotated[
        Path | None,
        typer.Option("--tasks", show_default=False, help=h("help.init_tasks")),
    ] = None,
    lang: LangOpt = "zh",
) -> None:
    from wz_tasks.outfile import write_new

    lang = lang_of(lang)
    from wz_tasks.schema import dumps

    tasks_line, tasks_note = _tasks_entry(tasks, folder, lang)
    # a task list that does not load is exit 2 here, not in every command
    schema = dumps(task_list(tasks, lang))
    created, kept = [], []
    for name, text in files(tasks_line, tasks_note, schema).items():
        path = folder / name
        try:
            write_new(path, text.encode("utf-8"))
        except FileExistsError:
            kept.append(path)
        except OSError as exc:
            err(t("init.cannot_write", lang, path=str(path), reason=exc.strerror or str(exc)))
            done(1)
        else:
            created.append(path)
    for path in created:
        err(t("init.created", lang, path=str(path)))
    for path in kept:
        err(t("init.kept", lang, path=str(path)))
    if created:
        err(t("init.next", lang))


def register(app: typer.Typer) -> None:
    app.command("init", help=h("cmd.init"))(init)
