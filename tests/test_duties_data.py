"""Attachment 1 (附件1 责任分工) as encoded in tasks/duties.yaml, against the policy text."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from conftest import TASKS

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
ZJ = "市住建局"
XJ = "县级物业管理主管部门"
XZ = "乡镇人民政府、街道办事处"

# Attachment 1 as the seed prints it (000_ffcbc4d9ebbf64d7.txt, lines 67-239): the holder as
# printed, the seed's line number and the line verbatim; then what we read them as: key, holder,
# rhythm (every) and the Attachment 2 measure it is the same commitment as.
SEED_DUTIES = [
    # 市住建局
    ("市住建局", 81, "1.建立市级物业管理联席会议制度。", "市住建局-1", ZJ, None, 1),
    ("市住建局", 83, "2.研究并制定全市物业管理制度并组织实施。", "市住建局-2", ZJ, None, None),
    ("市住建局", 85, "3.完善物业管理招投标制度。", "市住建局-3", ZJ, None, 7),
    (
        "市住建局",
        87,
        "4.制定并出台《吴忠市住宅小区物业服务等级评定服务标准》。",
        "市住建局-4",
        ZJ,
        None,
        9,
    ),
    (
        "市住建局",
        89,
        "5.每年开展一次全市物业服务监督检查,指导各县开展物业服务工作考核评价。",
        "市住建局-5",
        ZJ,
        "year",
        None,
    ),
    ("市住建局", 91, "6.推进完整社区建设。", "市住建局-6", ZJ, None, None),
    ("市住建局", 93, "7.健全物业专项维修资金使用制度机制。", "市住建局-7", ZJ, None, None),
    ("市住建局", 95, "8.规范住宅小区停车位租售管理。", "市住建局-8", ZJ, None, None),
    ("市住建局", 97, "9.规范住宅小区加装充电桩管理。", "市住建局-9", ZJ, None, None),
    ("市住建局", 99, "10.协调解决物业管理工作中的重大问题。", "市住建局-10", ZJ, None, None),
    # 县级主管部门 (printed 县级 / 主管部门)
    ("县级主管部门", 105, "1.建立县级物业管理联席会议制度。", "县级主管部门-1", XJ, None, None),
    (
        "县级主管部门",
        107,
        "2.落实上级关于物业管理的政策法规和制度,结合辖区实际进一步细化物业管理发展规划和措施,研究拟订本辖区内物业管理有关标准、制度等。",
        "县级主管部门-2",
        XJ,
        None,
        None,
    ),
    (
        "县级主管部门",
        109,
        "3.加强对住宅物业项目承接查验工作的指导和监督,及时办理承接查验手续。",
        "县级主管部门-3",
        XJ,
        None,
        None,
    ),
    (
        "县级主管部门",
        111,
        "4.负责全县物业管理活动的监督考核管理,每季度做好考核工作的监督和复核,确保物业服务企业的服务行为符合相关标准和规定。",
        "县级主管部门-4",
        XJ,
        "quarter",
        None,
    ),
    (
        "县级主管部门",
        113,
        "5.指导、监督业主大会和业主委员会的成立、选举、换届和组建工作。",
        "县级主管部门-5",
        XJ,
        None,
        None,
    ),
    (
        "县级主管部门",
        115,
        "6.指导、监督经营性收益、物业专项维修资金的使用。",
        "县级主管部门-6",
        XJ,
        None,
        None,
    ),
    (
        "县级主管部门",
        117,
        "7.每年组织开展一次物业管理人员政策法规培训。",
        "县级主管部门-7",
        XJ,
        "year",
        18,
    ),
    ("县级主管部门", 119, "8.加强物业纠纷调解委员会建设。", "县级主管部门-8", XJ, None, 6),
    ("县级主管部门", 121, "9.协调处理物业管理区域内的矛盾纠纷。", "县级主管部门-9", XJ, None, None),
    # 市委社作部
    (
        "市委社作部",
        125,
        "将物业管理纳入党建引领基层治理具体措施,对社区配套用房配备情况进行监督",
        "市委社会工作部-1",
        "市委社会工作部",
        None,
        None,
    ),
    # 发改委
    (
        "发改委",
        129,
        "按照《宁夏回族自治区定价目录》中的定价内容,制定相关政策。",
        "市发改委-1",
        "市发改委",
        None,
        None,
    ),
    # 市财政
    (
        "市财政",
        133,
        "制定支持物业服务业健康发展和老旧小区、养老托育、完整社区等综合改造的财政支持政策。",
        "市财政局-1",
        "市财政局",
        None,
        None,
    ),
    # 市司法
    (
        "市司法",
        137,
        "加强对各级物业纠纷调解委员会(简称物调委工作指导,指导建立矛盾纠纷调解员人才库。",
        "市司法局-1",
        "市司法局",
        None,
        None,
    ),
    # 市公安
    (
        "市公安",
        141,
        "指导物业服务管理区域安全防范、技术防范设施的建设,指导和督促物业服务企业开展安全防范工作。",
        "市公安局-1",
        "市公安局",
        None,
        None,
    ),
    # 市人社
    (
        "市人社",
        145,
        "1.指导物业服务企业依法用工,依法受理物业服务企业的劳动争议案件,协调处理物业服务企业的劳资纠纷。",
        "市人社局-1",
        "市人社局",
        None,
        None,
    ),
    (
        "市人社",
        147,
        "2.指导开展物业服务专业技术人员持证上岗考评工作。",
        "市人社局-2",
        "市人社局",
        None,
        None,
    ),
    (
        "市人社",
        149,
        "3.指导、协调物业服务企业专业技术人员继续教育工作。",
        "市人社局-3",
        "市人社局",
        None,
        None,
    ),
    (
        "市人社",
        151,
        "4.加大政企联合,通过就业指导、人才招聘会等形式帮助企业引进人才。",
        "市人社局-4",
        "市人社局",
        None,
        None,
    ),
    # 市自然资源
    (
        "市自然资源",
        155,
        "1.审查物业服务管理区域公共配套服务用房的规划情况,并做好竣工规划核实工作。",
        "市自然资源局-1",
        "市自然资源局",
        None,
        None,
    ),
    (
        "市自然资源",
        157,
        "2.为物业服务管理区域内违反规划情况的界定提供技术支持。",
        "市自然资源局-2",
        "市自然资源局",
        None,
        None,
    ),
    (
        "市自然资源",
        159,
        "3.按相关规范规定落实新建住宅小区配建非机动车和机动车集中停放场所的规划建设和管理工作。",
        "市自然资源局-3",
        "市自然资源局",
        None,
        None,
    ),
    # 市生态环境
    (
        "市生态环境",
        163,
        "组织开展全市生态环境保护执法检查工作,认定及检查房屋室内装饰装修活动中噪音超标等环境污染行为,物业服务管理区域内及周边的工业生产经营噪声、污水和废气超标等影响业主正常生活的生态环境违法行为。",
        "市生态环境局-1",
        "市生态环境局",
        None,
        None,
    ),
    # 国动办
    (
        "国动办",
        167,
        "1.负责明确人防工程位置、规模,指导物业服务企业做好物业服务管理区域内人防工程的维护管理。",
        "市国动办-1",
        "市国动办",
        None,
        None,
    ),
    ("国动办", 169, "2.依法查处违规使用人防工程的行为。", "市国动办-2", "市国动办", None, None),
    # 市卫健
    (
        "市卫健",
        173,
        "指导社区卫生服务机构开展健康教育、疫情防控、病媒生物防治活动。",
        "市卫健委-1",
        "市卫健委",
        None,
        None,
    ),
    # 市市场监管
    (
        "市市场监管",
        177,
        "1.对物业费、停车费的价格违法行为进行查处",
        "市市场监管局-1",
        "市市场监管局",
        None,
        None,
    ),
    (
        "市市场监管",
        179,
        "2.对电梯等特种设备进行安全监管,督促做好特种设备的注册登记、维保以及安全事故调查等工作。",
        "市市场监管局-2",
        "市市场监管局",
        None,
        None,
    ),
    (
        "市市场监管",
        181,
        "3.依法查处虚假宣传、不正当竞争等违法行为。",
        "市市场监管局-3",
        "市市场监管局",
        None,
        None,
    ),
    # 城市管理局
    (
        "城市管理局",
        185,
        "指导属地综合执法部门对小区内违法违规行为的日常巡查",
        "市城市管理局-1",
        "市城市管理局",
        None,
        None,
    ),
    # 市消防救援局
    (
        "市消防救援局",
        189,
        "1.对物业服务企业违反《中华人民共和国消防法》中关于损坏、挪用或者擅自拆除、停用消防设施、器材埋压、圈占、遮挡消火栓或者占用防火间距占用、堵塞、封闭疏散通道、安全出口、消防车通道人员密集场所的门窗设置影响逃生和灭火救援的障碍物等违法行为依法进行监督检查和查处。",
        "市消防救援局-1",
        "市消防救援局",
        None,
        None,
    ),
    (
        "市消防救援局",
        191,
        "2.对未制定消防安全制度、未组织防火检查和消防培训及演练的进行依法查处。",
        "市消防救援局-2",
        "市消防救援局",
        None,
        None,
    ),
    (
        "市消防救援局",
        193,
        "3.督促物业服务企业做好消防宣传教育工作。",
        "市消防救援局-3",
        "市消防救援局",
        None,
        None,
    ),
    # 国网吴忠供电公司
    (
        "国网吴忠供电公司",
        197,
        "为充电桩进停车场全域布局建设提供电力保障,做好小区供电公司产权供电设施安全管理,督促指导物业服务企业做好非供电公司产权供电设施安全管理",
        "国网吴忠供电公司-1",
        "国网吴忠供电公司",
        None,
        None,
    ),
    # 水、电、暖、气、通信等相关企业 (printed 水、电、暖、气、 / 通信等相关企业)
    (
        "水、电、暖、气、通信等相关企业",
        203,
        "物业服务管理区域内已移交相关设施的管理和维护工作。",
        "水电暖气通信等相关企业-1",
        "水电暖气通信等相关企业",
        None,
        None,
    ),
    # 物业服务行业协会 (printed 物业服务 / 行业协会)
    (
        "物业服务行业协会",
        209,
        "发挥桥梁纽带作用,协助完善物业服务标准,建立物业服务行业自律公约和自律监督制度,并督促落实,开展行业继续教育,配合化解矛盾纠纷等",
        "物业服务行业协会-1",
        "物业服务行业协会",
        None,
        None,
    ),
    # 乡(镇)人民政府、街道办事处 — (二)乡(镇)人民政府、街道办事处管理职责
    (
        "乡(镇)人民政府、街道办事处",
        215,
        "1.建立乡镇(街道)物业管理联席会议制度。",
        "乡镇街道-1",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        217,
        "2.建立社区物业管理站,落实不少于1名专(兼)职人员负责日常具体事务。",
        "乡镇街道-2",
        XZ,
        None,
        2,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        219,
        "3.依法指导、协助和监督业主成立业主大会、选举业主委员会,并指导、监督管理其依法履行职责。",
        "乡镇街道-3",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        221,
        "4.依法指导、协助和监督业主大会续聘、选聘、解聘物业服务企业,监督物业项目有序交接。",
        "乡镇街道-4",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        223,
        "5.对不具备成立业主委员会的,推进成立环境和物业管理委员会。",
        "乡镇街道-5",
        XZ,
        None,
        4,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        225,
        "6.及时办理业主大会、业委会、环物会等相关备案手续。",
        "乡镇街道-6",
        XZ,
        None,
        4,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        227,
        "7.加强物业小区日常检查、巡查,督促物业服务企业严格按照合同约定履行服务职责。",
        "乡镇街道-7",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        229,
        "8.每月对辖区物业服务企业进行考核评价。",
        "乡镇街道-8",
        XZ,
        "month",
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        231,
        "9.落实物业应急管理机制,对住宅小区出现大面积停电或电力设备故障,大面积停水,大面积天然气中断,污水井、管道、化粪池堵塞、污水外溢,水管爆裂,高空抛物造成人员伤亡、车辆毁损、交通事故、楼体外立面装饰脱落、失火、人员触电、打架斗殴、偷盗抢劫、防汛等突发事件和物业服务项目退管事件,做好应急保障。",
        "乡镇街道-9",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        233,
        "10.对未实施物业管理的老旧小区提供卫生保洁、秩序维护等必要的物业服务。",
        "乡镇街道-10",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        235,
        "11.开展物业管理区域安全检查工作,指导、监督物业服务企业开展安全管理,发现安全隐患的,应当督促物业服务企业及时整改、消除安全隐患。",
        "乡镇街道-11",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        237,
        "12.依法查处住宅小区内私搭乱建、在非承重外墙上和房屋室内违规装饰装修等行为,常态化开展辖区房屋室内装饰装修安全隐患排查整治。",
        "乡镇街道-12",
        XZ,
        None,
        None,
    ),
    (
        "乡(镇)人民政府、街道办事处",
        239,
        "13.建立由党组织牵头,社区村(居)委会、业委会(环物会)和物业服务企业党员代表等共同参与的红色物业议事机制,共同商议解决小区物业管理服务中遇到的疑难问题。",
        "乡镇街道-13",
        XZ,
        None,
        3,
    ),
]

RHYTHM_WORDS = {
    "week": "每周",
    "month": "每月",
    "quarter": "每季度",
    "half_year": "每半年",
    "year": "每年",
}


@pytest.mark.parametrize("row", SEED_DUTIES, ids=lambda r: f"seed-line-{r[1]}")
def test_duty_matches_attachment_1(tl: TaskList, row: tuple) -> None:  # type: ignore[type-arg]
    printed_holder, _line, printed, key, holder, every, task = row
    duty = tl.duties[key]
    number = re.match(r"^(\d+)\.", printed)
    # a numbered line is "<n>.<text>"; a holder's single unnumbered duty is its whole line, n = 1
    assert key.endswith(f"-{number.group(1) if number else 1}")
    assert duty.text == (printed[number.end() :] if number else printed)
    assert duty.holder == holder
    assert tl.registry.resolve(printed_holder).name == holder  # type: ignore[union-attr]
    assert duty.every == every
    assert duty.task == task


def test_fifty_eight_duties_in_the_printed_order(tl: TaskList) -> None:
    assert len(tl.duties) == 58
    assert list(tl.duties) == [row[3] for row in SEED_DUTIES]


def test_duties_per_holder(tl: TaskList) -> None:
    assert Counter(d.holder for d in tl.duties.values()) == {
        ZJ: 10,
        XJ: 9,
        "市委社会工作部": 1,
        "市发改委": 1,
        "市财政局": 1,
        "市司法局": 1,
        "市公安局": 1,
        "市人社局": 4,
        "市自然资源局": 3,
        "市生态环境局": 1,
        "市国动办": 2,
        "市卫健委": 1,
        "市市场监管局": 3,
        "市城市管理局": 1,
        "市消防救援局": 3,
        "国网吴忠供电公司": 1,
        "水电暖气通信等相关企业": 1,
        "物业服务行业协会": 1,
        XZ: 13,
    }


def test_every_holder_is_a_registered_unit_named_by_its_key(tl: TaskList) -> None:
    for key, duty in tl.duties.items():
        unit = tl.registry.resolve(duty.holder)
        assert unit is not None and unit.name == duty.holder and not unit.is_group, key
        prefix = key.rsplit("-", 1)[0]
        assert tl.registry.resolve(prefix).name == duty.holder, key  # type: ignore[union-attr]


def test_each_county_reports_county_and_township_duties(tl: TaskList) -> None:
    reported = {k for k, d in tl.duties.items() if d.reported_by is not None}
    assert reported == {k for k, d in tl.duties.items() if d.holder in (XJ, XZ)}
    assert len(reported) == 22
    for key in reported:
        group = tl.registry.resolve(tl.duties[key].reported_by)  # type: ignore[arg-type]
        assert group is not None and group.is_group and group.name == COUNTY
        assert list(group.members) == COUNTIES


def test_a_rhythm_in_the_text_and_only_there_makes_a_schedule(tl: TaskList) -> None:
    stated = {k: d.every for k, d in tl.duties.items() if d.every is not None}
    assert stated == {
        "市住建局-5": "year",
        "县级主管部门-4": "quarter",
        "县级主管部门-7": "year",
        "乡镇街道-8": "month",
    }
    for key, duty in tl.duties.items():
        words = [e for e, w in RHYTHM_WORDS.items() if w in duty.text]
        assert words == ([duty.every] if duty.every else []), key


def test_a_linked_measure_is_led_by_whoever_reports_the_duty(tl: TaskList) -> None:
    linked = {k: d.task for k, d in tl.duties.items() if d.task is not None}
    assert linked == {
        "市住建局-1": 1,
        "市住建局-3": 7,
        "市住建局-4": 9,
        "县级主管部门-7": 18,
        "县级主管部门-8": 6,
        "乡镇街道-2": 2,
        "乡镇街道-5": 4,
        "乡镇街道-6": 4,
        "乡镇街道-13": 3,
    }
    for key, tid in linked.items():
        duty = tl.duties[key]
        reporters = tl.registry.expand([duty.reported_by or duty.holder])
        assert set(reporters) <= set(tl.leads(tl.tasks[tid])), key


# --- a broken copy of the duties ---------------------------------------------------------------


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    target = tmp_path / "tasks"
    shutil.copytree(TASKS, target)
    path = target / "duties.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("old", "new", "code", "words"),
    [
        (
            "holder: 市国动办\n    text: 依法查处",
            "holder: 市人防办\n    text: 依法查处",
            "WZ401",
            "市人防办",
        ),
        (
            "reported_by: 各县(市、区)人民政府\n    task: 18",
            "reported_by: 各县政府\n    task: 18",
            "WZ401",
            "各县政府",
        ),
        ("task: 18", "task: 21", "WZ402", "21"),
        ("key: 市人社局-4", "key: 市人社局-3", "WZ402", "市人社局-3"),
        ("every: month", "every: monthly", "WZ103", "monthly"),
        ("every: quarter", "rhythm: quarter", "WZ101", "rhythm"),
    ],
    ids=[
        "unknown-holder",
        "unknown-reporter",
        "no-such-task",
        "duplicate-key",
        "bad-rhythm",
        "unknown-field",
    ],
)
def test_broken_duty_points_at_its_line(
    tmp_path: Path, old: str, new: str, code: str, words: str
) -> None:
    folder = _broken(tmp_path, old, new)
    with pytest.raises(TaskListError) as caught:
        load_task_list(folder)
    found = [x for x in caught.value.diagnostics if x.code == code]
    assert found, [(x.code, x.message()) for x in caught.value.diagnostics]
    path = folder / "duties.yaml"
    changed = new.splitlines()[0]
    lines = path.read_text(encoding="utf-8").splitlines()
    # the changed line; for a duplicate key, its second use
    line = max(i for i, text in enumerate(lines, 1) if text.strip().removeprefix("- ") == changed)
    assert (found[0].path, found[0].line) == (str(path), line)
    assert words in found[0].message()
