"""Tables for the import-tasks tests, typed the way real offices print them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

# Attachment 2 of the seed (000_ffcbc4d9ebbf64d7.txt, lines 241-437) as the published document
# prints it: 主要任务 (the category, one cell over its measures) | 推进措施 (numbered "N.") |
# 牵头单位 | 配合单位 | 完成时限. Characters and separators the web extraction lost are restored as
# README "How the task list was read" says (20256 → 2025年6月, 市住建 as printed, 、 between
# 市场监管 and 城市管理局…); unit lists keep the printed short forms (市发改、财政、司法…).
COUNTY = "各县(市、区)人民政府"
SEED_CATEGORIES = [
    ("(一)完善物业管理体制机制", 2),
    ("(二)推进党建引领基层治理", 1),
    ("(三)提升居民依法自治水平", 1),
    ("(四)建立健全矛盾纠纷化解机制", 2),
    ("(五)推进物业服务全覆盖", 2),
    ("(六)完善物业服务标准体系", 1),
    ("(七)保障住宅小区环境安全", 2),
    ("(八)不断推进完整社区建设", 2),
    ("(九)强化信用体系应用管理", 2),
    ("(十)严厉打击违法违规行为", 2),
    ("(十一)推动物业行业提质增能", 3),
]
SEED_ROWS = [
    (
        "1.市级物业联席会议制度建立。",
        "市住建",
        f"{COUNTY},市委社会工作部,市发改、财政、司法、公安、人社、自然资源、生态环境、国动办、卫健、"
        "市场监管、城市管理局、消防救援局,国网吴忠供电公司,水、暖、气、通信等相关企业,物业服务行业协会",
        "2025年6月",
    ),
    ("2.建立社区物业管理站,落实专(兼)职人员。", COUNTY, "市委社会工作部、市住建", "2025年6月"),
    (
        "3.完善党组织领导下的社区村(居)委会、业委会和物业服务企业三方协同共治机制,对有3名以上党员的企业,"
        "全部单独建立党支部,推动党组织班子成员和企业管理人员“双向进入、交叉任职”",
        COUNTY,
        "市委社会工作部、市住建",
        "2025年底达到70%,2026年底达到90%",
    ),
    (
        "4.加快推进业主委员会组建,及时办理业主委员会备案手续。对不具备成立业主委员会的,探索成立环境和物业管理委员会。",
        COUNTY,
        "市住建",
        "2025年底达到60%,2026年底达到80%",
    ),
    (
        "5.坚持属地管理、分级调解,建立健全网格、社区、乡镇(街道)调解网络,支持派出所民警入驻小区业主微信群,"
        "靠前处置物业管理中出现的具体问题和邻里纠纷。",
        COUNTY,
        "市委社会工作部",
        "长期坚持",
    ),
    (
        "6.加强物业纠纷调解委员会建设,设置物业纠纷调解办公室,安排专(兼)职调解员,统筹乡镇(街道)、法院、"
        "公安、司法等力量,强化沟通协调,",
        COUNTY,
        "市住建局、司法局、公安局",
        "2025年12月\n长期坚持",
    ),
    (
        "7.完善物业管理招标投标制度,规范不同时期物业招投标主体、招标方式、管理备案、监督管理",
        "市住建",
        "市发改委、司法局、市场监督管理局",
        "2025年12月",
    ),
    ("8.对尚无专业化物业服务的住宅小区引入专业化物业服务。", COUNTY, "市住建局", "2025年12月"),
    (
        "9.制定住宅小区物业管理服务等级指导标准和物业服务合同示范文本,并向社会公布。",
        "市住建",
        "市发改委、司法局、市场监督管理局",
        "2025年12月",
    ),
    (
        "10.加强住宅小区房屋室内装饰装修安全管理。",
        COUNTY,
        "市住建局、城市管理局、消防救援局",
        "长期执行",
    ),
    (
        "11.推广电动自行车电梯阻止系统安装,推进既有住宅小区增设电动自行车停放充电设施建设。",
        COUNTY,
        "市住建局、城市管理局、消防救援局",
        "2025年12月",
    ),
    (
        "12.制定完整社区建设项目清单,开展完整社区建设试点。",
        "市住建",
        f"市委社会工作部,{COUNTY}",
        "2025年12月",
    ),
    (
        "13.打造一批安全健康、设施完善、管理有序的完整社区样板。",
        "市住建",
        f"市委社会工作部,{COUNTY}",
        "2026年12月",
    ),
    (
        "14.建立物业服务信用评价制度,制定信用评价标准,完善信用信息管理平台。",
        "市住建",
        f"市发改委,{COUNTY}",
        "长期执行",
    ),
    (
        "15.完善信用评价机制和守信激励、失信惩戒制度,对存在严重违法失信行为的物业服务企业,依法依规实施联合惩戒。",
        "市住建",
        f"市发改委、市场监管局,{COUNTY}",
        "长期执行",
    ),
    ("16.严格落实双随机、一公开加大物业行业领域的综合执法检查。", "市住建", COUNTY, "长期执行"),
    (
        "17.开展联合执法,严肃查处违规装修、违法搭建、占堵消防车通道、电动自行车飞线充电和进电梯入户等行为",
        "市住建",
        "市生态环境局、市场监管局、城市管理局、公安局、消防救援局",
        "长期执行",
    ),
    (
        "18.定期组织物业管理人员政策法规培训,督促物业企业通过班前轮训、专业培训等方式,提高从业人员素质。",
        COUNTY,
        "市住建局",
        "长期执行",
    ),
    ("19.建立物业服务行业自律公约和自律监督制度", "市住建", "各县级物业服务行业协会", "2025年6月"),
    (
        "20.加大资源整合力度,推动物业服务品牌化、规模化、集约化发展,培育AAA级物业服务企业。",
        "市住建",
        COUNTY,
        "2025年12月",
    ),
]
SEED_TITLE = "吴忠物业服务管理工作的任务清单"
SEED_HEADER = ["主要任务", "推进措施", "牵头单位", "配合单位", "完成时限"]


def seed_xlsx(path: Path) -> Path:
    """Attachment 2 as an Excel sheet: 附件2, a merged title row, the header, merged categories."""
    import openpyxl

    book = openpyxl.Workbook()
    ws: Any = book.active
    ws.title = "附件2"
    ws.append(["附件2"])
    ws.append([SEED_TITLE])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    ws.append(SEED_HEADER)
    rows = iter(SEED_ROWS)
    for category, count in SEED_CATEGORIES:
        first = ws.max_row + 1
        for i in range(count):
            ws.append([category if i == 0 else None, *next(rows)])
        if count > 1:
            ws.merge_cells(start_row=first, start_column=1, end_row=first + count - 1, end_column=1)
    book.save(path)
    return path
