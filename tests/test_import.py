"""import-tasks (SPEC §12): an office's table read into a task list, and its deadline phrases."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, TASKS, d
from hypothesis import given, settings
from hypothesis import strategies as st
from import_tables import COUNTY, SEED_TITLE, seed_xlsx
from ruamel.yaml import YAML

from wz_tasks.importer import run_import
from wz_tasks.importer.phrases import Refusal, Schedule, read_deadline
from wz_tasks.importer.unitcells import Registry, load_registry, split_units
from wz_tasks.load import load_task_list
from wz_tasks.tasklist import TaskList

PHRASES = ROOT / "tests" / "data" / "deadline_phrases.tsv"


def _read_yaml(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _tasks(out: Path) -> list[dict[str, Any]]:
    return list(_read_yaml(out / "tasks.yaml")["tasks"])


# --- the deadline phrases of real documents ---------------------------------------------------


def _shown(read: Schedule | Refusal) -> str:
    """A schedule in the corpus's notation."""
    if isinstance(read, Refusal):
        return "refuse"
    parts = []
    if read.due is not None:
        parts.append(read.due.isoformat())
    if read.ongoing:
        parts.append("ongoing")
    if read.every is not None:
        every = f"every={read.every.every}"
        if read.every.by:
            every += ";by=" + ",".join(f"{k}:{v}" for k, v in read.every.by.items())
        parts.append(every)
    if read.milestones:
        parts.append(
            f"{read.kind}=" + ",".join(f"{m.due.isoformat()}:{m.target}" for m in read.milestones)
        )
    return "+".join(parts)


def _corpus() -> list[tuple[str, int | None, str, str]]:
    rows = []
    for line in PHRASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        phrase, year, expected, source = line.split("\t")
        rows.append(
            (phrase.replace("\\n", "\n"), None if year == "-" else int(year), expected, source)
        )
    return rows


def test_phrase_corpus_is_large_and_has_refusals() -> None:
    rows = _corpus()
    assert len(rows) >= 60
    assert sum(1 for r in rows if r[2] == "refuse") >= 15
    assert all(r[3] for r in rows)


@pytest.mark.parametrize(("phrase", "year", "expected", "source"), _corpus())
def test_real_deadline_phrase(phrase: str, year: int | None, expected: str, source: str) -> None:
    assert _shown(read_deadline(phrase, year)) == expected, source


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="0123456789年月日底前后每季度半周末上中下旬长期坚持达到%,、;—-至 一二三十"),
    st.one_of(st.none(), st.integers(1990, 2100)),
)
def test_reader_never_raises(text: str, year: int | None) -> None:
    assert isinstance(read_deadline(text, year), Schedule | Refusal)


def test_refusal_says_why_in_both_languages() -> None:
    read = read_deadline("省出台文件后 2 个月完成")
    assert isinstance(read, Refusal)
    assert "后" in read.text("zh") and "depends on another event" in read.text("en")


def test_year_less_phrase_needs_year() -> None:
    assert isinstance(read_deadline("12月底前"), Refusal)
    assert _shown(read_deadline("12月底前", 2025)) == "2025-12-31"


def test_year_less_part_takes_the_year_its_cell_named() -> None:
    read = read_deadline("2025年6月底前完成30%;12月底前完成100%")
    assert _shown(read) == "percent=2025-06-30:30,2025-12-31:100"


def test_several_completion_dates_are_refused_not_picked() -> None:
    assert isinstance(read_deadline("2025年6月底前完成方案,2026年底前全面完成"), Refusal)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2024年第三季度", "2024-09-30"),
        ("2024年一季度末", "2024-03-31"),
        ("2025年上半年", "2025-06-30"),
        ("2025年下半年", "2025-12-31"),
        ("2016—2017年底前", "2017-12-31"),
        ("2024年6月至2025年12月", "2025-12-31"),
        ("2025年6月中旬", "2025-06-20"),
        ("2025-06-30", "2025-06-30"),
        ("二〇二五年十二月底前", "2025-12-31"),
        ("每年6月底前", "every=year;by=month:6,day:30"),
        ("每季度首月10日前", "every=quarter;by=month:1,day:10"),
    ],
)
def test_deadline_forms(phrase: str, expected: str) -> None:
    assert _shown(read_deadline(phrase)) == expected


@pytest.mark.parametrize(
    "phrase",
    ["每月30日前", "每年2月底前", "2025年2月30日", "2017—2016年", "2025年底前GDP增长6%", "110%"],
)
def test_dates_that_do_not_exist_or_do_not_fit_are_refused(phrase: str) -> None:
    assert isinstance(read_deadline(phrase), Refusal)


# --- unit cells -------------------------------------------------------------------------------


def _names(text: str, registry: Registry | None = None) -> list[str]:
    return [u.name for u in split_units(text, registry or Registry())]


def test_list_shares_its_prefix() -> None:
    assert _names("市发改、财政") == ["市发改", "市财政"]


def test_prefix_is_not_given_to_a_place_or_a_company() -> None:
    assert _names("市公安局、盐池县公安局、国网吴忠供电公司") == [
        "市公安局",
        "盐池县公安局",
        "国网吴忠供电公司",
    ]


def test_brackets_are_not_split() -> None:
    assert _names("各县(市、区)人民政府,市委社会工作部") == [COUNTY, "市委社会工作部"]


def test_registry_names_first_even_with_separators_inside() -> None:
    registry = load_registry(TASKS)
    assert _names("国网吴忠供电公司,水、暖、气、通信等相关企业", registry) == [
        "国网吴忠供电公司",
        "水电暖气通信等相关企业",
    ]
    assert _names("市发改、财政、市场监管", registry) == ["市发改委", "市财政局", "市市场监管局"]


def test_star_marks_the_lead() -> None:
    named = split_units("财政局、★税务局", Registry())
    assert [(u.name, u.starred) for u in named] == [("财政局", False), ("税务局", True)]


# --- the seed's Attachment 2, round trip ------------------------------------------------------


@pytest.fixture(scope="module")
def seed_import(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[str], Path]:
    folder = tmp_path_factory.mktemp("seed")
    table = seed_xlsx(folder / "附件2.xlsx")
    code, lines, *_ = run_import(table, folder / "out", None, TASKS, None, "zh")
    return code, lines, folder / "out"


def test_seed_attachment_2_imports_without_problems(seed_import: Any) -> None:
    code, lines, out = seed_import
    assert (code, lines) == (0, [])
    assert sorted(p.name for p in out.iterdir()) == ["policy.yaml", "tasks.yaml", "units.yaml"]


def test_seed_attachment_2_round_trips_to_the_built_in_task_list(
    seed_import: Any, tl: TaskList
) -> None:
    out = seed_import[2]
    imported = load_task_list(out)
    assert imported.policy.title == SEED_TITLE
    assert list(imported.tasks) == list(tl.tasks) == list(range(1, 21))
    for n, built_in in tl.tasks.items():
        got = imported.tasks[n]
        assert got.measure == built_in.measure, n
        assert got.category == built_in.category, n
        assert (got.lead, got.support) == (built_in.lead, built_in.support), n
        assert got.ongoing == built_in.ongoing, n
        if "%" in built_in.deadline_text:
            # Attachment 2's targets; keys differ, kinds, milestones and targets must not
            want = built_in.indicators[0]
            assert [(i.kind, i.milestones) for i in got.indicators] == [
                (want.kind, want.milestones)
            ], n
        else:
            # tasks 8 and 20 take their indicators from the main text: the table's date is
            # their final milestone
            assert got.due == built_in.final_due, n
            assert got.indicators == [], n


def test_seed_categories_read_from_the_merged_column(seed_import: Any) -> None:
    policy = _read_yaml(seed_import[2] / "policy.yaml")
    assert policy["categories"][0] == {"number": 1, "title": "完善物业管理体制机制"}
    assert policy["categories"][-1] == {"number": 11, "title": "推动物业行业提质增能"}


def test_with_units_the_registry_is_kept_whole(seed_import: Any, tl: TaskList) -> None:
    units = _read_yaml(seed_import[2] / "units.yaml")
    assert [u["name"] for u in units["units"]] == list(tl.registry.units)
    assert [g["name"] for g in units["groups"]] == list(tl.registry.groups)


def test_without_units_the_printed_names_become_the_registry(tmp_path: Path) -> None:
    table = seed_xlsx(tmp_path / "附件2.xlsx")
    code, lines, *_ = run_import(table, tmp_path / "out", None, None, None, "zh")
    assert (code, lines) == (0, [])
    names = [u["name"] for u in _read_yaml(tmp_path / "out" / "units.yaml")["units"]]
    assert names[:6] == ["市住建", COUNTY, "市委社会工作部", "市发改", "市财政", "市司法"]
    assert "水、暖、气、通信等相关企业" in names
    imported = load_task_list(tmp_path / "out")
    assert imported.tasks[1].lead == ["市住建"]


# --- xlsx: title row, merged cells, ★ lead -----------------------------------------------------


def _xlsx(path: Path, rows: list[list[Any]], merges: list[tuple[int, int, int, int]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    ws: Any = book.active
    for row in rows:
        ws.append(row)
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    book.save(path)
    return path


def test_xlsx_title_row_merged_number_and_starred_lead(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "重点任务.xlsx",
        [
            ["某县2025年重点工作任务分解表", None, None, None],
            ["序号", "重点任务", "责任单位", "完成时限"],
            [1, "建设口袋公园", "县住建局、★县自然资源局", "2025年12月"],
            [2, "改造老旧小区", "★县住建局、财政局", "2025年6月底前"],
            [None, "加装电梯", "县住建局、县市场监管局", "2025年9月底前"],
            [3, "完善停车设施", "县公安局", "长期坚持"],
        ],
        [(1, 1, 1, 4), (4, 1, 5, 1)],
    )
    code, lines, *_ = run_import(table, tmp_path / "out", None, None, None, "zh")
    assert (code, lines) == (0, [])
    tasks = _tasks(tmp_path / "out")
    assert [t["id"] for t in tasks] == [1, 2, 3, 4]
    assert [(t["lead"], t["support"]) for t in tasks[:3]] == [
        (["县自然资源局"], ["县住建局"]),
        (["县住建局"], ["县财政局"]),
        (["县住建局"], ["县市场监管局"]),
    ]
    text = (tmp_path / "out" / "tasks.yaml").read_text(encoding="utf-8")
    assert "- id: 3  # 表中序号 2(与上一项同号)" in text
    assert "- id: 4  # 表中序号 3" in text
    policy = _read_yaml(tmp_path / "out" / "policy.yaml")
    assert policy["policy"]["title"] == "某县2025年重点工作任务分解表"


def test_xlsx_sheet_by_name(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first: Any = book.active
    first.title = "说明"
    first.append(["本表由县政府办公室编制"])
    second: Any = book.create_sheet("任务")
    second.append(["序号", "工作任务", "牵头单位", "完成时限"])
    second.append([1, "建立台账", "县住建局", "2025年6月"])
    book.save(tmp_path / "t.xlsx")
    assert run_import(tmp_path / "t.xlsx", tmp_path / "a", None, None, None, "zh")[:2] == (0, [])
    code, lines, *_ = run_import(tmp_path / "t.xlsx", tmp_path / "b", None, None, "没有", "zh")
    assert code == 2 and "没有名为 没有 的工作表" in lines[0]


# --- csv: UTF-8, BOM, GBK; category rows --------------------------------------------------------

_CSV_ROWS = [
    ["附件", "", "", "", ""],
    ["序号", "主要任务", "牵头单位", "配合单位", "时间进度"],
    ["(一)完善体制机制", "", "", "", ""],
    ["1", "1.建立联席会议制度", "市住建局", "市发改、财政", "2025年6月"],
    ["(二)推进全覆盖", "", "", "", ""],
    [
        "2",
        "引入专业化物业服务",
        "各县(市、区)人民政府",
        "市住建局",
        "2025年底达到70%,2026年底达到90%",
    ],
    ["3", "开展联合执法", "市住建局", "市公安局/市消防救援局", "每季度末月20日前"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_every_encoding_excel_writes(tmp_path: Path, encoding: str) -> None:
    buf = io.StringIO()
    csv.writer(buf).writerows(_CSV_ROWS)
    table = tmp_path / "任务.csv"
    table.write_bytes(buf.getvalue().encode(encoding))
    code, lines, *_ = run_import(table, tmp_path / "out", None, None, None, "zh")
    assert (code, lines) == (0, [])
    tasks = _tasks(tmp_path / "out")
    assert [t["measure"] for t in tasks] == [
        "建立联席会议制度",
        "引入专业化物业服务",
        "开展联合执法",
    ]
    assert [t["category"] for t in tasks] == [1, 2, 2]
    assert tasks[0]["support"] == ["市发改", "市财政"]
    assert tasks[1]["indicators"][0]["milestones"] == [
        {"due": d("2025-12-31"), "target": 70},
        {"due": d("2026-12-31"), "target": 90},
    ]
    assert (tasks[2]["every"], tasks[2]["by"]) == ("quarter", {"month": 3, "day": 20})
    assert tasks[2]["support"] == ["市公安局", "市消防救援局"]
    categories = _read_yaml(tmp_path / "out" / "policy.yaml")["categories"]
    assert categories == [
        {"number": 1, "title": "完善体制机制"},
        {"number": 2, "title": "推进全覆盖"},
    ]


# --- docx: the first table whose header is recognised, a merged category cell ------------------


def test_docx_first_recognised_table_with_a_merged_category(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("附件")
    contacts = document.add_table(rows=2, cols=2)
    contacts.cell(0, 0).text, contacts.cell(0, 1).text = "联系人", "电话"
    contacts.cell(1, 0).text, contacts.cell(1, 1).text = "张三", "0953-1234567"
    table = document.add_table(rows=4, cols=5)
    for c, text in enumerate(["类别", "具体措施", "牵头单位", "协办单位", "完成时间"]):
        table.cell(0, c).text = text
    rows = [
        ["提升服务", "建立信用评价制度", "市住建局", "市发改委", "2025年12月31日前"],
        ["", "开展星级评定", "市住建局", "", "2026年上半年"],
        ["强化监管", "开展联合执法", "市城市管理局", "市公安局", "长期坚持"],
    ]
    for r, values in enumerate(rows, start=1):
        for c, text in enumerate(values):
            if text:
                table.cell(r, c).text = text
    table.cell(1, 0).merge(table.cell(2, 0))
    document.save(tmp_path / "方案.docx")
    code, lines, *_ = run_import(tmp_path / "方案.docx", tmp_path / "out", None, None, None, "zh")
    assert (code, lines) == (0, [])
    tasks = _tasks(tmp_path / "out")
    assert [(t["category"], t["measure"]) for t in tasks] == [
        (1, "建立信用评价制度"),
        (1, "开展星级评定"),
        (2, "开展联合执法"),
    ]
    assert [t.get("due") for t in tasks] == [d("2025-12-31"), d("2026-06-30"), None]
    assert tasks[2]["ongoing"] is True


# --- what it cannot read -----------------------------------------------------------------------


def test_unreadable_deadline_is_listed_and_marked_for_review(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            [1, "出台实施细则", "县住建局", "省出台文件后2个月完成"],
            [2, "建立台账", "县住建局", "12月底前"],
            [3, "开展培训", "县人社局", "2025年6月"],
        ],
        [],
    )
    code, lines, written, cells = run_import(table, tmp_path / "out", None, None, None, "zh")
    assert (code, written, cells) == (1, 3, 2)
    assert [line.split(": ")[0] for line in lines] == [f"{table}:2:4", f"{table}:3:4"]
    assert "省出台文件后2个月完成" in lines[0] and "--year" in lines[1]
    tasks = _tasks(tmp_path / "out")
    assert "review" in tasks[0] and "due" not in tasks[0]
    assert "review" in tasks[1] and "due" not in tasks[1]
    assert "review" not in tasks[2] and tasks[2]["due"] == d("2025-06-30")
    # Until someone resolves them, the task list does not load: at each review line (SPEC §12).
    from wz_tasks.load import TaskListError, load_task_list

    with pytest.raises(TaskListError) as caught:
        load_task_list(tmp_path / "out")
    found = [(Path(x.path).name, x.code, x.params["task"]) for x in caught.value.diagnostics]
    assert found == [("tasks.yaml", "WZ404", 1), ("tasks.yaml", "WZ404", 2)]
    text = (tmp_path / "out" / "tasks.yaml").read_text(encoding="utf-8").splitlines()
    assert all(text[x.line - 1].strip().startswith("review:") for x in caught.value.diagnostics)


def test_year_makes_year_less_phrases_readable(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [["序号", "工作任务", "牵头单位", "完成时限"], [1, "建立台账", "县住建局", "12月底前"]],
        [],
    )
    assert run_import(table, tmp_path / "out", 2025, None, None, "zh")[:2] == (0, [])
    assert _tasks(tmp_path / "out")[0]["due"] == d("2025-12-31")


def test_reasons_in_english(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            [1, "建立台账", "", "12月底前"],
            [2, "开展培训", "县人社局", "2025年6月"],
        ],
        [],
    )
    code, lines, *_ = run_import(table, tmp_path / "out", None, None, None, "en")
    assert code == 1
    assert lines == [
        f"{table}:2:3: no lead unit",
        f"{table}:2:4: '12月底前': no year: give --year or write the year in the table",
    ]


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("t.txt", b"x", "不支持的文件类型"),
        ("t.csv", b"a,b\n1,2\n", "找不到表头"),
        ("t.xlsx", b"not a zip", "不是有效的 .xlsx 文件"),
        ("t.docx", b"not a zip", "不是有效的 .docx 文件"),
    ],
)
def test_unusable_table_is_a_usage_error(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    (tmp_path / name).write_bytes(content)
    code, lines, *_ = run_import(tmp_path / name, tmp_path / "out", None, None, None, "zh")
    assert code == 2 and says in lines[0]
    assert not (tmp_path / "out").exists()


def test_missing_units_path_is_a_usage_error(tmp_path: Path) -> None:
    table = seed_xlsx(tmp_path / "附件2.xlsx")
    code, lines, *_ = run_import(table, tmp_path / "out", None, tmp_path / "nope", None, "zh")
    assert code == 2 and "--units" in lines[0]


def test_measure_merged_over_two_lines_is_one_task(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "推进措施", "牵头单位", "配合单位", "完成时限"],
            [1, "加强调解委员会建设", "县住建局", "县司法局", "2025年12月"],
            [None, None, None, "县公安局", "长期坚持"],
            [2, "开展培训", "县人社局", "", "2026年6月"],
        ],
        [(2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 3, 3)],
    )
    assert run_import(table, tmp_path / "out", None, None, None, "zh")[:2] == (0, [])
    first, second = _tasks(tmp_path / "out")
    assert (first["due"], first["ongoing"]) == (d("2025-12-31"), True)
    assert first["support"] == ["县司法局", "县公安局"]
    assert first["deadline_text"] == "2025年12月\n长期坚持"
    assert (second["id"], second["due"]) == (2, d("2026-06-30"))


def test_two_level_header(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "工作任务", "责任单位", None, "完成时限"],
            [None, None, "牵头单位", "配合单位", None],
            [1, "建立台账", "县住建局", "县财政局", "2025年6月"],
        ],
        [(1, 1, 2, 1), (1, 2, 2, 2), (1, 3, 1, 4), (1, 5, 2, 5)],
    )
    assert run_import(table, tmp_path / "out", None, None, None, "zh")[:2] == (0, [])
    (task,) = _tasks(tmp_path / "out")
    assert (task["lead"], task["support"]) == (["县住建局"], ["县财政局"])


def test_excel_date_cell_is_an_exact_day(tmp_path: Path) -> None:
    import datetime as dt

    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            [1, "建立台账", "县住建局", dt.datetime(2025, 9, 15)],
        ],
        [],
    )
    assert run_import(table, tmp_path / "out", None, None, None, "zh")[:2] == (0, [])
    assert _tasks(tmp_path / "out")[0]["due"] == d("2025-09-15")


def test_names_not_in_units_become_new_units(tmp_path: Path) -> None:
    table = _xlsx(
        tmp_path / "t.xlsx",
        [
            ["序号", "工作任务", "牵头单位", "完成时限"],
            [1, "建立台账", "市住建、市税务局", "2025年6月"],
        ],
        [],
    )
    assert run_import(table, tmp_path / "out", None, TASKS, None, "zh")[:2] == (0, [])
    (task,) = _tasks(tmp_path / "out")
    assert task["lead"] == ["市住建局", "市税务局"]
    text = (tmp_path / "out" / "units.yaml").read_text(encoding="utf-8")
    assert "- name: 市税务局  # 不在 --units 中" in text


def test_tab_separated_text_export(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(
        "序号\t工作任务\t牵头单位\t完成时限\n1\t建立台账\t县住建局\t2025年6月\n", encoding="utf-8"
    )
    assert run_import(table, tmp_path / "out", None, None, None, "zh")[:2] == (0, [])
    assert _tasks(tmp_path / "out")[0]["measure"] == "建立台账"
