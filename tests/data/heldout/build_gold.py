"""Hand annotations of the held-out articles (written for this set, not from any corpus).

Run from anywhere: rewrites heldout.jsonl and heldout-records.jsonl beside this file.
Every annotation names its text by a fragment (optionally inside a context string and at an
occurrence index), so offsets are computed, and each is checked: text[start:end] == fragment.
"""
import hashlib
import json
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
T2S = opencc.OpenCC("t2s")


def at(text, frag, ctx=None, occ=0):
    """Offsets of `frag` (inside the occ-th `ctx`, or the occ-th `frag` itself)."""
    hay = ctx or frag
    pos = -1
    for _ in range(occ + 1):
        pos = text.find(hay, pos + 1)
        if pos < 0:
            raise ValueError(f"{hay!r} occurrence {occ} not found")
    start = pos + (hay.find(frag) if ctx else 0)
    if ctx and hay.find(frag) < 0:
        raise ValueError(f"{frag!r} not in context {ctx!r}")
    assert text[start:start + len(frag)] == frag
    return start, start + len(frag)


def M(frag, amount, currency="CNY", approx=None, lower=None, upper=None, **loc):
    return frag, loc, "MONEY", {"amount": amount, "currency": currency, "approx": approx,
                                "lower": lower, "upper": upper}


def Q(frag, amount, unit, item, approx=None, lower=None, upper=None, **loc):
    return frag, loc, "QUANTITY", {"amount": amount, "unit": unit, "item": item, "approx": approx,
                                   "lower": lower, "upper": upper}


def P(frag, amount, approx=None, lower=None, upper=None, **loc):
    return frag, loc, "PERCENT", {"amount": amount, "approx": approx, "lower": lower, "upper": upper}


def D(frag, start, end=None, relation=None, time=None, calendar=None, **loc):
    return frag, loc, "DATE", {"start": start, "end": end or start, "relation": relation,
                               "time": time, "calendar": calendar}


def O(frag, kind, **loc):
    return frag, loc, "ORG", {"name": T2S.convert(frag), "kind": kind}


def ref(text, r):
    """A record part: None, "frag", or ("frag", {"ctx":..., "occ":...})."""
    if r is None:
        return None
    frag, loc = (r, {}) if isinstance(r, str) else r
    s, e = at(text, frag, **loc)
    return {"start": s, "end": e, "text": frag}


def R(action, verb, actor, money=(), goods=(), as_of=None, recipient=None):
    return {"action": action, "verb": verb, "actor": actor, "recipient": recipient,
            "money": list(money), "goods": list(goods), "as_of": as_of}


DOCS = {}

DOCS["h01-flood-bulletin"] = dict(reference_date="2023-08-10", published="2023-08-10", spans=[
    O("河北省民政厅", "government", occ=0),
    O("雄安新区公共服务局", "government"),
    D("7月29日至8月1日", "2023-07-29", "2023-08-01"),
    D("8月8日18时", "2023-08-08", relation="as_of", time="18:00"),
    Q("1260余家", "1260", "家", "社会组织", "over", "1260", "1270"),
    M("4.36亿元", "436000000"),
    M("3.18亿元", "318000000"),
    M("1.18亿元", "118000000"),
    O("省慈善总会", "association"),
    M("1.52亿元", "152000000"),
    M("9800万元", "98000000"),
    O("省红十字会", "red_cross"),
    M("8650万元", "86500000"),
    Q("12.6万件", "126000", "件", "救灾物资"),
    O("河北省浙江商会", "association"),
    Q("40艘", "40", "艘", "冲锋舟"),
    Q("2000件", "2000", "件", "救生衣"),
    Q("6000箱", "6000", "箱", "矿泉水"),
    O("石家庄市餐饮行业协会", "association"),
    Q("8万余份", "80000", "份", "盒饭", "over", "80000", "90000"),
    Q("32家", "32", "家", "会员单位"),
    O("保定市物流与采购协会", "association"),
    Q("500顶", "500", "顶", "帐篷"),
    Q("1500张", "1500", "张", "折叠床"),
    M("约96万元", "960000", approx="about"),
    O("河北省社会组织促进会应急救援专业委员会", "association"),
    O("唐山市曙光应急救援队", "service"),
    O("邯郸市蓝天救援队", "service"),
    Q("87支", "87", "支", "救援队伍"),
    Q("2.3万人", "23000", "人", "受灾群众"),
    O("廊坊市益民社会工作服务中心", "service"),
    Q("120名", "120", "名", "社工"),
    Q("3600余人次", "3600", "人次", "心理疏导服务", "over", "3600", "3700"),
    D("8月中旬", "2023-08-11", "2023-08-20", relation="until"),
    O("河北省民政厅", "government", occ=1),
    D("2023年8月10日", "2023-08-10"),
], records=[
    R("donate", "捐赠", "1260余家社会组织",
      [("4.36亿元", "total"), ("3.18亿元", "part"), ("1.18亿元", "part")], as_of="8月8日18时"),
    R("receive", "接收", "省慈善总会", [("1.52亿元", None)], as_of="8月8日18时"),
    R("disburse", "拨付", "省慈善总会", [("9800万元", None)], as_of="8月8日18时",
      recipient="涿州市、涞水县等受灾地区"),
    R("raise", "募集", "省红十字会", [("8650万元", None)], as_of="8月8日18时"),
    R("disburse", "发放", "省红十字会", goods=["12.6万件"], as_of="8月8日18时"),
    R("donate", "捐赠", "河北省浙江商会", goods=["40艘", "2000件", "6000箱"],
      recipient=("涿州市", {"ctx": "向涿州市捐赠"})),
    R("donate", "提供", "石家庄市餐饮行业协会", goods=["8万余份"], recipient="抢险一线"),
    R("donate", "捐赠", "保定市物流与采购协会", [("约96万元", "value_of_goods")],
      goods=["500顶", "1500张"], recipient="受灾群众"),
])

DOCS["h02-quake-webpage"] = dict(reference_date="2023-12-21", published="2023-12-21", spans=[
    D("2023-12-21 16:45:12", "2023-12-21", time="16:45"),
    O("临夏日报", "media", ctx="来源：临夏日报　"),
    D("12月18日23时59分", "2023-12-18", time="23:59"),
    O("甘肃省慈善联合会", "association"),
    D("12月19日上午", "2023-12-19"),
    O("甘肃省民营企业家公益基金会", "foundation"),
    O("积石山县慈善会", "association"),
    M("500万元", "5000000"),
    D("当天下午", "2023-12-19"),
    O("兰州市福建商会", "association"),
    Q("3000床", "3000", "床", "棉被"),
    Q("1500件", "1500", "件", "羽绒服"),
    Q("2000箱", "2000", "箱", "方便面"),
    M("约68万元", "680000", approx="about"),
    O("临夏州河南商会", "association"),
    D("12月21日12时", "2023-12-21", relation="as_of", time="12:00"),
    M("137.5万元", "1375000"),
    M("92万元", "920000"),
    D("12月20日", "2023-12-20"),
    O("甘肃省青少年发展基金会", "foundation"),
    D("当日", "2023-12-20"),
    M("超过2600万元", "26000000", approx="over", lower="26000000"),
    Q("41万人次", "410000", "人次", "爱心网友"),
    O("甘肃省红十字会", "red_cross"),
    Q("800顶", "800", "顶", "帐篷"),
    Q("1200个", "1200", "个", "家庭包"),
    O("临夏州民政局", "government"),
    O("临夏日报社", "media", occ=0),
    O("临夏日报社", "media", occ=1),
], records=[
    R("donate", "捐赠", "甘肃省民营企业家公益基金会", [("500万元", None)], as_of="12月19日上午",
      recipient="积石山县慈善会"),
    R("donate", "捐赠", "兰州市福建商会", [("约68万元", "value_of_goods")],
      goods=["3000床", "1500件", "2000箱"], as_of="当天下午", recipient="大河家镇"),
    R("donate", "认捐", "该商会会员企业", [("137.5万元", "total"), ("92万元", "part")],
      as_of="12月21日12时"),
    R("raise", "筹集", "甘肃省青少年发展基金会", [("超过2600万元", None)], as_of="当日"),
    R("disburse", "调拨", "甘肃省红十字会", goods=["800顶", "1200个"],
      recipient=("灾区", {"ctx": "向灾区调拨"})),
])

DOCS["h03-hk-traditional"] = dict(reference_date="2020-02-19", published=None, spans=[
    O("明德慈善基金會", "foundation", occ=0),
    O("香港明德慈善基金會", "foundation"),
    D("２０２０年２月１８日", "2020-02-18"),
    M("２億港元", "200000000", "HKD", ctx="捐款２億港元"),
    M("１．２億港元", "120000000", "HKD"),
    M("８０００萬港元", "80000000", "HKD"),
    O("香港社會服務聯會", "association"),
    D("１月下旬", "2020-01-21", "2020-01-31", relation="since"),
    Q("逾３００間", "300", "间", "社福机构", "over", "300"),
    O("香港中華廠商聯合會", "association"),
    Q("約１５０萬個", "1500000", "个", "口罩", "about"),
    Q("４萬餘支", "40000", "支", "搓手液", "over", "40000", "50000"),
    P("百分之六十五", "0.65"),
    P("約２８％", "0.28", "about"),
    Q("不足七天", "7", "天", None, "under", upper="7"),
    O("香港福建社團聯會", "association"),
    O("武漢市慈善總會", "association"),
    M("１０００萬港元", "10000000", "HKD"),
    Q("２０萬套", "200000", "套", "医用防护服"),
    O("九龍西潮州同鄉會", "association"),
    M("逾３５０萬港元", "3500000", "HKD", "over", "3500000"),
    O("博愛醫院", "hospital"),
    D("２月１７日", "2020-02-17", relation="as_of"),
    Q("逾５０萬個", "500000", "个", "外科口罩", "over", "500000"),
    D("當日", "2020-02-17", relation="since"),
    O("澳門紅十字會", "red_cross"),
    D("２月上旬", "2020-02-01", "2020-02-10"),
    M("約１．５億港元", "150000000", "HKD", "about"),
    O("香港仁愛社會服務中心", "service"),
    D("２月３日", "2020-02-03", relation="since"),
    D("２月１６日", "2020-02-16", relation="as_of"),
    Q("１２，０００份", "12000", "份", "防疫包"),
    Q("超過一萬名", "10000", "名", "义工", "over", "10000"),
    Q("約３．２萬小時", "32000", "小时", "服务时数", "about"),
    O("香港潮州商會", "association"),
    D("清明節", "2020-04-04", relation="until"),
    Q("１０萬個", "100000", "个", "口罩"),
], records=[
    R("donate", "捐款", "香港明德慈善基金會",
      [(("２億港元", {"ctx": "捐款２億港元"}), "total"), ("１．２億港元", "part"),
       ("８０００萬港元", "part")], as_of="２０２０年２月１８日", recipient="基層市民及社福機構"),
    R("disburse", "派發", "該會與香港中華廠商聯合會", goods=["約１５０萬個", "４萬餘支"],
      recipient="獨居長者"),
    R("donate", "捐款", "香港福建社團聯會", [("１０００萬港元", None)], recipient="武漢市慈善總會"),
    R("donate", "捐贈", "香港福建社團聯會", goods=["２０萬套"]),
    R("donate", "認捐", "九龍西潮州同鄉會的會員", [("逾３５０萬港元", None)]),
    R("receive", "收到", "該院", goods=["逾５０萬個"], as_of="２月１７日"),
    R("receive", "收到", "澳門紅十字會", [("約１．５億港元", None)], as_of="２月上旬"),
    R("disburse", "派出", "香港仁愛社會服務中心", goods=["１２，０００份"], as_of="２月１６日",
      recipient="有需要人士"),
])

CS = "市慈善总会"
DOCS["h04-charity-annual"] = dict(reference_date="2023-10-12", published="2023-10-12", spans=[
    O("温州市慈善总会", "association", occ=0),
    D("2023年1至9月", "2023-01-01", "2023-09-30"),
    D("今年", "2023-01-01", "2023-12-31", relation="since"),
    O("温州市慈善总会", "association", occ=1),
    O("市民政局", "government"),
    D("9月30日", "2023-09-30", relation="as_of"),
    M("三亿二千多万元", "320000000", approx="over", lower="320000000", upper="330000000"),
    P("百分之十二点五", "0.125"),
    M("2.87亿元", "287000000"),
    Q("近8万人次", "80000", "人次", "困难群众", "under", upper="80000"),
    D("春节", "2023-01-21", "2023-01-27", relation="during", calendar="lunar"),
    O(CS, "association", ctx="春节期间，市慈善总会"),
    O("温州广播电视台", "media"),
    D("正月初八", "2023-01-29", relation="as_of", calendar="lunar"),
    M("1400万余元", "14000000", approx="over", lower="14000000", upper="14010000"),
    # Spec's year rule (start closest to the reference, days ahead x3) gives 2024 here:
    # 2024-01-01 is 81 days ahead (243) against 284 days back, though the text means 2023.
    D("1至6月", "2024-01-01", "2024-06-30"),
    O(CS, "association", ctx="1至6月，市慈善总会"),
    M("约1.1亿元", "110000000", approx="about"),
    P("34％", "0.34"),
    O("温州市瑞安商会", "association"),
    M("上百万元", "1000000", approx="over", lower="1000000"),
    O("温州市青年企业家协会", "association"),
    M("数十万元", "100000", approx="vague", lower="100000", upper="1000000"),
    O("市慈善总会鹿城区分会", "association"),
    M("超过2600万元", "26000000", approx="over", lower="26000000"),
    O(CS, "association", ctx="市慈善总会在中秋"),
    D("中秋", "2023-09-29", relation="during", calendar="lunar"),
    M("450余万元", "4500000", approx="over", lower="4500000", upper="4600000"),
    Q("2万多盒", "20000", "盒", "月饼", "over", "20000", "30000"),
    Q("三千多袋", "3000", "袋", "大米", "over", "3000", "4000"),
    # Spec is silent on 国庆's extent; like 春节 (除夕 to 初六) it is read as the holiday week.
    D("国庆", "2023-10-01", "2023-10-07", relation="during"),
    O(CS, "association", ctx="国庆期间，市慈善总会"),
    Q("300多场", "300", "场", "助老活动", "over", "300", "400"),
    O(CS, "association", ctx="助学方面，市慈善总会"),
    Q("1200名", "1200", "名", "大学新生"),
    M("600万元", "6000000", ctx="助学金600万元"),
    O(CS, "association", ctx="医疗救助方面，市慈善总会"),
    M("九千多万元", "90000000", approx="over", lower="90000000", upper="100000000"),
    Q("两三千人", "2000", "人", "患者", "vague", "2000", "4000"),
    Q("数十家", "10", "家", "慈善组织", "vague", "10", "100"),
    Q("十余家", "10", "家", None, "over", "10", "20"),
    O(CS, "association", ctx="市慈善总会第三届"),
    D("9月上旬", "2023-09-01", "2023-09-10"),
    P("3.5%", "0.035", "about"),
    M("4亿元", "400000000"),
    P("80%以上", "0.8", "over", "0.8"),
    O("温州市慈善总会", "association", occ=3),
    D("2023年10月12日", "2023-10-12"),
], records=[
    R("raise", "募集", ("温州市慈善总会", {"occ": 1}), [("三亿二千多万元", None)], as_of="9月30日"),
    R("disburse", "支出", ("温州市慈善总会", {"occ": 1}), [("2.87亿元", None)], as_of="9月30日"),
    R("receive", "到账", (CS, {"ctx": "春节期间，市慈善总会"}), [("1400万余元", None)],
      as_of="正月初八"),
    R("receive", "接收", (CS, {"ctx": "1至6月，市慈善总会"}), [("约1.1亿元", None)],
      as_of="1至6月"),
    R("donate", "认捐", "温州市瑞安商会", [("上百万元", None)]),
    R("donate", "认捐", "温州市青年企业家协会会员", [("数十万元", None)]),
    R("raise", "募集", "市慈善总会鹿城区分会", [("超过2600万元", None)]),
    R("disburse", "发放", (CS, {"ctx": "市慈善总会在中秋"}), [("450余万元", None)],
      goods=["2万多盒", "三千多袋"], as_of="中秋", recipient="困难家庭"),
    R("disburse", "发放", (CS, {"ctx": "助学方面，市慈善总会"}), [(("600万元", {"ctx": "助学金600万元"}), None)],
      recipient="大学新生"),
    R("disburse", "拨付", (CS, {"ctx": "医疗救助方面，市慈善总会"}), [("九千多万元", None)]),
])

DOCS["h05-rescue-services"] = dict(reference_date="2024-07-16", published=None, spans=[
    O("江西省赣鄱救援队", "service", occ=0),
    D("7月上旬", "2024-07-01", "2024-07-10", relation="since"),
    O("江西省赣鄱救援队", "service", occ=1),
    Q("460余人次", "460", "人次", "队员", "over", "460", "470"),
    Q("38艘次", "38", "艘次", "冲锋舟"),
    Q("1700多人", "1700", "人", "群众", "over", "1700", "1800"),
    Q("14个小时", "14", "小时", None),
    D("昨日傍晚", "2024-07-15"),
    D("当天", "2024-07-15"),
    O("南昌市青山湖区启明社会工作服务中心", "service"),
    Q("20名", "20", "名", "社工"),
    D("今年", "2024-01-01", "2024-12-31", relation="since"),
    Q("2100余小时", "2100", "小时", "心理疏导和儿童陪伴服务", "over", "2100", "2200"),
    Q("约6500人次", "6500", "人次", "受灾群众", "about"),
    P("超过40%", "0.4", "over", "0.4"),
    O("南昌大学", "school"),
    D("上旬", "2024-07-01", "2024-07-10", ctx="，上旬共开课"),
    Q("16场", "16", "场", None),
    Q("480余人次", "480", "人次", "儿童", "over", "480", "490"),
    O("鄱阳县社会工作协会", "association"),
    Q("12家", "12", "家", "社工机构"),
    Q("7个", "7", "个", "集中安置点", ctx="7个集中"),
    Q("3名", "3", "名", "社工"),
    D("7月下旬", "2024-07-21", "2024-07-31", relation="until"),
    Q("200名", "200", "名", "本地志愿者"),
    O("江西省红十字会应急救援队", "service"),
    O("赣鄱救援队", "service", ctx="与赣鄱救援队"),
    Q("三天", "3", "天", None),
    Q("47个", "47", "个", "自然村"),
    D("7月14日凌晨3点", "2024-07-14", time="03:00"),
    D("目前", "2024-07-16", relation="as_of"),
    Q("超过30家", "30", "家", "社会组织", "over", "30"),
    Q("5万小时以上", "50000", "小时", "志愿者总服务时长", "over", "50000"),
    Q("3个", "3", "个", "乡镇", ctx="3个乡镇"),
], records=[])

DOCS["h06-redcross-notice"] = dict(reference_date="2021-08-05", published="2021-08-05", spans=[
    O("郑州市红十字会", "red_cross", occ=0),
    D("2021年7月21日至8月3日", "2021-07-21", "2021-08-03"),
    M("2.36亿元", "236000000"),
    M("35万美元", "350000", "USD"),
    M("120万港元", "1200000", "HKD"),
    M("约5800万元", "58000000", approx="about"),
    Q("11万箱", "110000", "箱", "矿泉水"),
    Q("4.5万箱", "45000", "箱", "方便食品"),
    Q("230台", "230", "台", "发电机"),
    Q("26吨", "26", "吨", "消毒液"),
    Q("3万只", "30000", "只", "N95口罩"),
    O("河南省工商联民营企业分会", "association"),
    M("800万元", "8000000", ctx="捐款800万元"),
    O("美国河南同乡会", "association"),
    M("10万美元", "100000", "USD"),
    D("8月3日", "2021-08-03", relation="as_of", ctx="截至8月3日"),
    M("1.52亿元", "152000000"),
    P("64.4%", "0.644"),
    M("约4900万元", "49000000", approx="about"),
    Q("2100顶", "2100", "顶", "帐篷"),
    Q("3.6万床", "36000", "床", "棉被"),
    Q("1300余人次", "1300", "人次", "工作人员和志愿者", "over", "1300", "1400"),
    O("郑州市红十字会", "red_cross", occ=1),
    Q("15天", "15", "天", "公示期"),
    O("郑州市红十字会", "red_cross", occ=2),
    D("2021年8月5日", "2021-08-05"),
], records=[
    R("receive", "接收", ("我会", {"ctx": "，我会共接收"}),
      [("2.36亿元", "total"), ("35万美元", "part"), ("120万港元", "part")],
      as_of="2021年7月21日至8月3日"),
    R("receive", "接收", ("我会", {"ctx": "，我会共接收"}), [("约5800万元", "value_of_goods")],
      goods=["11万箱", "4.5万箱", "230台", "26吨", "3万只"]),
    R("donate", "捐款", "河南省工商联民营企业分会", [(("800万元", {"ctx": "捐款800万元"}), None)]),
    R("donate", "捐赠", "美国河南同乡会", [("10万美元", None)]),
    R("disburse", "拨付", ("我会", {"ctx": "，我会已向"}), [("1.52亿元", None)],
      as_of=("8月3日", {"ctx": "截至8月3日"}), recipient="巩义市、荥阳市、新密市等受灾地区"),
    R("disburse", "发放", ("我会", {"ctx": "，我会已向"}), [("约4900万元", "value_of_goods")],
      goods=["2100顶", "3.6万床"], as_of=("8月3日", {"ctx": "截至8月3日"}),
      recipient="受灾群众"),
])

FD = "上海市浦东新区慈善基金会"
DOCS["h07-foundation-receipts"] = dict(reference_date="2022-01-10", published="2022-01-10", spans=[
    O(FD, "foundation", occ=0),
    D("2021年10月至12月", "2021-10-01", "2021-12-31"),
    D("2021年10月1日至12月31日", "2021-10-01", "2021-12-31"),
    M("人民币叁佰贰拾万伍仟元", "3205000"),
    M("美金12万元", "120000", "USD"),
    M("3.5万欧元", "35000", "EUR"),
    M("800万日元", "8000000", "JPY"),
    O("上海浦东国际商会", "association"),
    D("11月8日晚21点", "2021-11-08", time="21:00"),
    M("200万元左右", "2000000", approx="about"),
    O("上海市律师协会浦东分会", "association"),
    D("12月1日", "2021-12-01", relation="since"),
    M("近千余元", "1000", approx="about"),
    D("元旦", "2022-01-01", relation="until"),
    O("上海申豪电气股份有限公司", "company"),
    M("千万", "10000000", ctx="价值千万"),
    D("12月31日", "2021-12-31", relation="as_of", ctx="截至到12月31日"),
    O("山西省慈善总会", "association", occ=0),
    M("约21万余元", "210000", approx="over", lower="210000", upper="220000"),
    O("河南省新乡市社会福利院", "other"),
    Q("上千件", "1000", "件", "过冬棉衣", "over", "1000"),
    Q("两到三天", "2", "天", None, "vague", "2", "4"),
    O("山西省慈善总会", "association", occ=1),
    M("约3.2亿元人民币", "320000000", approx="about"),
    D("12月20日零时", "2021-12-20", relation="since", time="00:00"),
    M("8000多块", "8000", approx="over", lower="8000", upper="9000"),
    P("不到百分之二", "0.02", "under", upper="0.02"),
    O(FD, "foundation", occ=1),
    D("2022年1月10日", "2022-01-10"),
], records=[
    R("receive", "接收", ("本基金会", {"ctx": "，本基金会共接收"}), [("人民币叁佰贰拾万伍仟元", None)],
      as_of="2021年10月1日至12月31日"),
    R("receive", "接收", ("本基金会", {"ctx": "，本基金会共接收"}),
      [("美金12万元", None), ("3.5万欧元", None), ("800万日元", None)],
      as_of="2021年10月1日至12月31日"),
    R("donate", "捐款", "上海浦东国际商会", [("200万元左右", None)], as_of="11月8日晚21点"),
    R("donate", "捐赠", "上海市律师协会浦东分会会员", [("近千余元", None)], as_of="12月1日"),
    R("donate", "捐赠", "上海申豪电气股份有限公司", [(("千万", {"ctx": "价值千万"}), "value_of_goods")],
      as_of="元旦"),
    R("disburse", "拨付", ("本基金会", {"ctx": "，本基金会向山西"}), [("约21万余元", None)],
      as_of=("12月31日", {"ctx": "截至到12月31日"}), recipient=("山西省慈善总会", {"occ": 0})),
    R("disburse", "配送", ("本基金会", {"ctx": "，本基金会向山西"}), goods=["上千件"],
      as_of=("12月31日", {"ctx": "截至到12月31日"}), recipient="河南省新乡市社会福利院"),
    # The 截至 date opening the paragraph governs its later sentences too (records.md).
    R("raise", "募集", ("山西省慈善总会", {"occ": 1}), [("约3.2亿元人民币", None)],
      as_of=("12月31日", {"ctx": "截至到12月31日"})),
    R("receive", "收到", ("本基金会", {"ctx": "，本基金会开通"}), [("8000多块", None)],
      as_of="12月20日零时"),
])


def build():
    gold_lines, rec_lines = [], []
    for doc_id, d in DOCS.items():
        text = (HERE / f"{doc_id}.txt").read_text(encoding="utf-8")
        spans = []
        for frag, loc, label, value in d["spans"]:
            s, e = at(text, frag, **loc)
            spans.append({"start": s, "end": e, "text": frag, "label": label, "value": value})
        spans.sort(key=lambda x: x["start"])
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], (doc_id, a["text"], b["text"])
        keys = {(x["start"], x["end"]): x["label"] for x in spans}
        records = []
        for r in d["records"]:
            money = []
            for m, role in r["money"]:
                x = ref(text, m)
                assert keys.get((x["start"], x["end"])) == "MONEY", (doc_id, m)
                money.append({**x, "role": role})
            goods = [ref(text, g) for g in r["goods"]]
            for x in goods:
                assert keys.get((x["start"], x["end"])) == "QUANTITY", (doc_id, x)
            as_of = ref(text, r["as_of"])
            if as_of:
                assert keys.get((as_of["start"], as_of["end"])) == "DATE", (doc_id, as_of)
            actor, recipient = ref(text, r["actor"]), ref(text, r["recipient"])
            parts = [p for p in [actor, recipient, as_of, *money, *goods] if p]
            records.append({"start": min(p["start"] for p in parts),
                            "end": max(p["end"] for p in parts),
                            "action": r["action"], "verb": r["verb"], "actor": actor,
                            "recipient": recipient, "money": money, "goods": goods,
                            "as_of": as_of})
        gold_lines.append({"id": doc_id, "reference_date": d["reference_date"],
                           "published": d["published"],
                           "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                           "spans": spans})
        rec_lines.append({"id": doc_id, "records": records})
    for name, lines in (("heldout.jsonl", gold_lines), ("heldout-records.jsonl", rec_lines)):
        (HERE / name).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                 encoding="utf-8")


if __name__ == "__main__":
    build()
