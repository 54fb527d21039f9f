"""The encoded task list against the policy text, and the loader's diagnostics."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import TASKS, d

from wz_tasks.load import TaskListError, load_task_list
from wz_tasks.tasklist import TaskList

COUNTY = "各县(市、区)人民政府"
COUNTIES = [
    "利通区人民政府",
    "红寺堡区人民政府",
    "青铜峡市人民政府",
    "盐池县人民政府",
    "同心县人民政府",
]

# Attachment 2 as the seed prints it (000_ffcbc4d9ebbf64d7.txt, lines 257-437): the measure, the
# lead and support cells verbatim, the 完成时限 cell verbatim; then what we read them as.
SEED_ROWS = [
    (
        1,
        "市级物业联席会议制度建立。",
        "市住建",
        "各县(市、区)人民政府,市委社会工作部,市发改、财政、司法、公安、人社、自然资源、生态环境、"
        "国动办、卫健、市场监管城市管理局、消防救援局,国网吴忠供电公司水、暖、气、通信等相关企业"
        "物业服务行业协会",
        "20256",
        ["市住建局"],
        [
            COUNTY,
            "市委社会工作部",
            "市发改委",
            "市财政局",
            "市司法局",
            "市公安局",
            "市人社局",
            "市自然资源局",
            "市生态环境局",
            "市国动办",
            "市卫健委",
            "市市场监管局",
            "市城市管理局",
            "市消防救援局",
            "国网吴忠供电公司",
            "水电暖气通信等相关企业",
            "物业服务行业协会",
        ],
        "2025-06-30",
    ),
    (
        2,
        "建立社区物业管理站,落实专(兼)职人员。",
        COUNTY,
        "市委社会工作部市住建",
        "20256",
        [COUNTY],
        ["市委社会工作部", "市住建局"],
        "2025-06-30",
    ),
    (
        3,
        "完善党组织领导下的社区村(居)委会、业委会和物业服务企业三方协同共治机制,对有3名以上党员的企业,"
        "全部单独建立党支部,推动党组织班子成员和企业管理人员“双向进入、交叉任职”",
        COUNTY,
        "市委社会工作部市住建",
        "2025年底达到70%2026年底达到90%",
        [COUNTY],
        ["市委社会工作部", "市住建局"],
        "2026-12-31",
    ),
    (
        4,
        "加快推进业主委员会组建,及时办理业主委员会备案手续。对不具备成立业主委员会的,探索成立环境和物业管理委员会。",
        COUNTY,
        "市住建",
        "2025年底达到60%2026年底达到80%",
        [COUNTY],
        ["市住建局"],
        "2026-12-31",
    ),
    (
        5,
        "坚持属地管理、分级调解,建立健全网格、社区、乡镇(街道)调解网络,支持派出所民警入驻小区业主微信群,"
        "靠前处置物业管理中出现的具体问题和邻里纠纷。",
        COUNTY,
        "市委社会工作部",
        "长期坚持",
        [COUNTY],
        ["市委社会工作部"],
        None,
    ),
    (
        6,
        "加强物业纠纷调解委员会建设,设置物业纠纷调解办公室,安排专(兼)职调解员,统筹乡镇(街道)、法院、公安、"
        "司法等力量,强化沟通协调,",
        COUNTY,
        "市住建局、司法局、公安局",
        "202512 长期坚持",
        [COUNTY],
        ["市住建局", "市司法局", "市公安局"],
        "2025-12-31",
    ),
    (
        7,
        "完善物业管理招标投标制度,规范不同时期物业招投标主体、招标方式、管理备案、监督管理",
        "市住建",
        "市发改委、司法局、市场监督管理局",
        "202512",
        ["市住建局"],
        ["市发改委", "市司法局", "市市场监管局"],
        "2025-12-31",
    ),
    (
        8,
        "对尚无专业化物业服务的住宅小区引入专业化物业服务。",
        COUNTY,
        "市住建局",
        "202512",
        [COUNTY],
        ["市住建局"],
        "2025-12-31",
    ),
    (
        9,
        "制定住宅小区物业管理服务等级指导标准和物业服务合同示范文本,并向社会公布。",
        "市住建",
        "市发改委、司法局、市场监督管理局",
        "202512",
        ["市住建局"],
        ["市发改委", "市司法局", "市市场监管局"],
        "2025-12-31",
    ),
    (
        10,
        "加强住宅小区房屋室内装饰装修安全管理。",
        COUNTY,
        "市住建局、城市管理局、消防救援局",
        "长期执行",
        [COUNTY],
        ["市住建局", "市城市管理局", "市消防救援局"],
        None,
    ),
    (
        11,
        "推广电动自行车电梯阻止系统安装,推进既有住宅小区增设电动自行车停放充电设施建设。",
        COUNTY,
        "市住建局、城市管理局、消防救援局",
        "202512",
        [COUNTY],
        ["市住建局", "市城市管理局", "市消防救援局"],
        "2025-12-31",
    ),
    (
        12,
        "制定完整社区建设项目清单,开展完整社区建设试点。",
        "市住建",
        "市委社会工作部,各县(市、区)人民政府",
        "202512",
        ["市住建局"],
        ["市委社会工作部", COUNTY],
        "2025-12-31",
    ),
    (
        13,
        "打造一批安全健康、设施完善、管理有序的完整社区样板。",
        "市住建",
        "市委社会工作部,各县(市、区)人民政府",
        "202612",
        ["市住建局"],
        ["市委社会工作部", COUNTY],
        "2026-12-31",
    ),
    (
        14,
        "建立物业服务信用评价制度,制定信用评价标准,完善信用信息管理平台。",
        "市住建",
        "市发改委,各县(市、区)人民政府",
        "长期执行",
        ["市住建局"],
        ["市发改委", COUNTY],
        None,
    ),
    (
        15,
        "完善信用评价机制和守信激励、失信惩戒制度,对存在严重违法失信行为的物业服务企业,依法依规实施联合惩戒。",
        "市住建",
        "市发改委、市场监管局,各县(市、区)人民政府",
        "长期执行",
        ["市住建局"],
        ["市发改委", "市市场监管局", COUNTY],
        None,
    ),
    (
        16,
        "严格落实双随机、一公开加大物业行业领域的综合执法检查。",
        "市住建",
        "各县(市、区)人民政府",
        "长期执行",
        ["市住建局"],
        [COUNTY],
        None,
    ),
    (
        17,
        "开展联合执法,严肃查处违规装修、违法搭建、占堵消防车通道、电动自行车飞线充电和进电梯入户等行为",
        "市住建",
        "生态环境市场监管城市管理局公安、消防救援局",
        "长期执行",
        ["市住建局"],
        ["市生态环境局", "市市场监管局", "市城市管理局", "市公安局", "市消防救援局"],
        None,
    ),
    (
        18,
        "定期组织物业管理人员政策法规培训,督促物业企业通过班前轮训、专业培训等方式,提高从业人员素质。",
        COUNTY,
        "市住建局",
        "长期执行",
        [COUNTY],
        ["市住建局"],
        None,
    ),
    (
        19,
        "建立物业服务行业自律公约和自律监督制度",
        "市住建",
        "各县级物业服务行业协会",
        "20256",
        ["市住建局"],
        ["县级物业服务行业协会"],
        "2025-06-30",
    ),
    (
        20,
        "加大资源整合力度,推动物业服务品牌化、规模化、集约化发展,培育AAA级物业服务企业。",
        "市住建",
        "各县(市、区)人民政府",
        "202512",
        ["市住建局"],
        [COUNTY],
        "2025-12-31",
    ),
]


@pytest.mark.parametrize("row", SEED_ROWS, ids=lambda r: f"measure-{r[0]}")
def test_measure_matches_attachment_2(tl: TaskList, row: tuple) -> None:  # type: ignore[type-arg]
    tid, measure, lead_cell, support_cell, _deadline_cell, lead, support, due = row
    task = tl.tasks[tid]
    assert task.measure == measure
    assert [tl.registry.resolve(n).name for n in task.lead] == lead  # type: ignore[union-attr]
    assert [tl.registry.resolve(n).name for n in task.support] == support  # type: ignore[union-attr]
    # each unit we encoded is named in the seed's cell (by a spelling of ours, or its stem)
    for cell, names in ((lead_cell, lead), (support_cell, support)):
        for name in names:
            assert any(s in cell for s in _spellings(tl, name)), (name, cell)
    assert task.final_due == (d(due) if due else None)


def _spellings(tl: TaskList, name: str) -> list[str]:
    item = tl.registry.units.get(name) or tl.registry.groups.get(name)
    assert item is not None
    stems = [name.removeprefix("市").removesuffix("局").removesuffix("委")]
    return [name, *item.aliases, *stems]


def test_deadline_wording_restores_lost_characters(tl: TaskList) -> None:
    assert tl.tasks[1].deadline_text == "2025年6月"
    assert tl.tasks[3].deadline_text == "2025年底达到70%,2026年底达到90%"
    assert tl.tasks[13].deadline_text == "2026年12月"
    assert tl.tasks[5].deadline_text == "长期坚持"
    assert tl.tasks[10].deadline_text == "长期执行"


def test_targets_from_attachment_2_and_main_text(tl: TaskList) -> None:
    def milestones(tid: int, key: str) -> list[tuple[str, float]]:
        ind = tl.tasks[tid].indicator(key)
        assert ind is not None
        return [(m.due.isoformat(), m.target) for m in ind.milestones]

    assert milestones(3, "party_branch_rate") == [("2025-12-31", 70), ("2026-12-31", 90)]
    assert milestones(3, "party_work_coverage") == [("2025-12-31", 100)]
    assert milestones(4, "committee_rate") == [("2025-12-31", 60), ("2026-12-31", 80)]
    assert milestones(8, "standard_service_coverage") == [("2025-12-31", 100)]
    assert milestones(20, "aaa_companies") == [("2025-12-31", 3)]
    assert tl.tasks[20].indicators[0].kind == "count"
    assert tl.tasks[3].indicators[0].key == "party_branch_rate"  # the primary one


def test_ongoing_parts(tl: TaskList) -> None:
    ongoing = {t.id for t in tl.tasks.values() if t.ongoing}
    assert ongoing == {5, 6, 10, 14, 15, 16, 17, 18}
    assert tl.tasks[6].due == d("2025-12-31")  # task 6 has both parts


def test_policy_dates(tl: TaskList) -> None:
    p = tl.policy
    assert (p.effective, p.expires) == (d("2024-12-01"), d("2027-12-01"))
    assert (p.reporting_interval_days, p.due_soon_days) == (90, 30)
    assert p.index_number == "640300015/2024-00057"
    assert [c.title for c in tl.categories.values()][10] == "推动物业行业提质增能"
    assert tl.tasks[18].category == 11  # the seed's "(十)推动…" lost its 一


@pytest.mark.parametrize(
    "spelling",
    ["市住建", "住建局", "市住房和城乡建设局", "吴忠市住房和城乡建设局", "市住建局", " 市住建局 "],
)
def test_housing_bureau_aliases(tl: TaskList, spelling: str) -> None:
    assert tl.registry.resolve(spelling).name == "市住建局"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("盐池县", "盐池县人民政府"),
        ("市场监督管理局", "市市场监管局"),
        ("城市管理局", "市城市管理局"),
        ("市委社作部", "市委社会工作部"),
        ("司法局", "市司法局"),
        ("青铜峡市", "青铜峡市人民政府"),
    ],
)
def test_other_aliases(tl: TaskList, spelling: str, canonical: str) -> None:
    assert tl.registry.resolve(spelling).name == canonical  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "spelling", ["各县(市、区)人民政府", "各县(市、区)人民政府", "各县(市,区)人民政府"]
)
def test_county_group_ignores_bracket_and_comma_width(tl: TaskList, spelling: str) -> None:
    resolved = tl.registry.resolve(spelling.replace(",", "、"))
    assert resolved is not None and resolved.is_group
    assert list(resolved.members) == COUNTIES


def test_county_led_tasks_expand_to_five_counties(tl: TaskList) -> None:
    assert tl.leads(tl.tasks[4]) == COUNTIES
    assert tl.leads(tl.tasks[7]) == ["市住建局"]


def test_suggestions_for_a_typo(tl: TaskList) -> None:
    assert tl.registry.suggest("盐池")[0] == "盐池县人民政府"
    assert "市住建局" in tl.registry.suggest("市住键局")


# --- a broken copy of the task list ------------------------------------------------------------


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    target = tmp_path / "tasks"
    shutil.copytree(TASKS, target)
    text = (target / file).read_text(encoding="utf-8")
    assert old in text
    (target / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def _line_of(path: Path, needle: str) -> int:
    return next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "needle", "code", "words"),
    [
        (
            "tasks.yaml",
            "    lead: [市住建局]\n    support: [市发改委, 市司法局, 市市场监管局]\n    deadline_text: 2025年12月\n    due: 2025-12-31\n\n  - id: 8",
            "    lead: [市住建委]\n    support: [市发改委, 市司法局, 市市场监管局]\n    deadline_text: 2025年12月\n    due: 2025-12-31\n\n  - id: 8",
            "lead: [市住建委]",
            "WZ401",
            "市住建局",
        ),
        (
            "tasks.yaml",
            "    due: 2025-06-30\n\n  - id: 2",
            "    due: 2025-06-31\n\n  - id: 2",
            "2025-06-31",
            "WZ105",
            "2025-06-31",
        ),
        (
            "tasks.yaml",
            "  - id: 5\n    category: 4",
            "  - id: 5\n    category: four",
            "category: four",
            "WZ103",
            "整数",
        ),
        (
            "tasks.yaml",
            "    ongoing: true\n\n  - id: 6",
            "    ongoin: true\n\n  - id: 6",
            "ongoin: true",
            "WZ101",
            "ongoing",
        ),
        (
            "policy.yaml",
            "  effective: 2024-12-01",
            "  effective: [2024-12-01",
            "effective: [",
            "WZ001",
            "YAML",
        ),
        (
            "units.yaml",
            "    members: [利通区人民政府,",
            "    members: [利通区政府,",
            "members: [利通区政府",
            "WZ401",
            "利通区人民政府",
        ),
    ],
)
def test_broken_task_list_points_at_the_line(
    tmp_path: Path, file: str, old: str, new: str, needle: str, code: str, words: str
) -> None:
    folder = _broken(tmp_path, file, old, new)
    with pytest.raises(TaskListError) as caught:
        load_task_list(folder)
    diags = caught.value.diagnostics
    assert any(x.code == code for x in diags), [(x.code, x.message()) for x in diags]
    found = next(x for x in diags if x.code == code)
    assert found.path == str(folder / file)
    if code != "WZ001":  # a syntax error is reported where the parser gives up
        assert found.line == _line_of(folder / file, needle)
    assert words in found.message()


def test_missing_task_list_is_a_diagnostic(tmp_path: Path) -> None:
    with pytest.raises(TaskListError) as caught:
        load_task_list(tmp_path / "nowhere")
    assert caught.value.diagnostics[0].code == "WZ403"


def test_a_unit_name_resolves_as_registered_in_full_width_or_with_spaces(tl: TaskList) -> None:
    reg = tl.registry
    plain = reg.resolve("盐池县")
    assert plain is not None and plain.name == "盐池县人民政府" and not plain.is_group
    assert reg.resolve(" 盐池 县 ") == plain == reg.resolve("盐池县人民政府")
    group = reg.resolve("各县(市、区)")  # as registered, and with full-width brackets
    assert group is not None and group.is_group and reg.resolve("各县（市、区）") == group
    assert reg.resolve("不存在的单位") is None
