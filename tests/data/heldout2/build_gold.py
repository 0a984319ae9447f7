"""Hand annotations of the second held-out set (articles written for it, not from any corpus).

Run from anywhere: rewrites heldout2.jsonl and heldout2-records.jsonl beside this file.
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

DOCS["k01-wechat-winter"] = dict(reference_date="2024-01-18", published="2024-01-18", spans=[
    O("成都市武侯区同心社会工作服务中心", "service"),
    D("2024-01-18 09:30", "2024-01-18", time="09:30"),
    D("2023年12月中旬", "2023-12-11", "2023-12-20"),
    O("武侯区民政局", "government"),
    O("区慈善会", "association"),
    Q("12个", "12", "个", "社区"),
    D("1月15日", "2024-01-15", relation="as_of"),
    M("8.6万余元", "86000", approx="over", lower="86000", upper="87000"),
    Q("320件", "320", "件", "羽绒服"),
    Q("260床", "260", "床", "棉被"),
    Q("1.5吨", "1.5", "吨", "大米"),
    O("四川蜀信建设集团有限公司", "company"),
    Q("200件", "200", "件", "羽绒服"),
    M("约4万元", "40000", approx="about"),
    D("12月25日至1月10日", "2023-12-25", "2024-01-10"),
    Q("46人", "46", "人", "社工和志愿者"),
    Q("8组", "8", "组", None),
    Q("213户", "213", "户", "困难家庭"),
    Q("213份", "213", "份", "过冬物资礼包"),
    D("1月6日下午", "2024-01-06"),
    Q("近300名", "300", "名", "社区居民", "under", None, "300"),
    D("2月上旬", "2024-02-01", "2024-02-10"),
    M("5万元", "50000"),
], records=[
    R("raise", "募集", ("中心", {"ctx": "，中心共募集"}), [("8.6万余元", None)], as_of="1月15日"),
    R("receive", "接收", ("中心", {"ctx": "，中心共募集"}), goods=["320件", "260床", "1.5吨"],
      as_of="1月15日"),
    R("donate", "捐赠", "四川蜀信建设集团有限公司", [("约4万元", "value_of_goods")], goods=["200件"],
      as_of="1月15日"),
    R("disburse", "发放", ("中心", {"ctx": "，中心组织"}), goods=["213份"],
      as_of="12月25日至1月10日", recipient="独居老人、困难家庭"),
])

DOCS["k02-county-donation"] = dict(reference_date="2023-06-20", published="2023-06-20", spans=[
    O("平江县人民政府", "government"),
    O("县工商联", "association", ctx="发布机构：县工商联"),
    D("2023-06-20", "2023-06-20"),
    O("县工商联", "association", ctx="要求，县工商联"),
    O("县乡村振兴局", "government", occ=0),
    D("2023年5月", "2023-05-01", "2023-05-31"),
    D("6月16日17时", "2023-06-16", relation="as_of", time="17:00"),
    Q("23家", "23", "家", "企业"),
    Q("4家", "4", "家", "商会"),
    M("138.5万元", "1385000"),
    O("县慈善会", "association"),
    Q("8个", "8", "个", "乡镇"),
    O("湖南平江鑫达建材有限公司", "company"),
    M("5万元", "50000", ctx="捐款5万元"),
    O("平江县浙江商会", "association"),
    M("20万元", "200000"),
    O("岳阳市平江商会", "association"),
    M("12万元", "120000"),
    O("湖南汨罗江食品股份有限公司", "company"),
    M("3.5万元", "35000"),
    O("平江县长寿镇豆干协会", "association"),
    M("8000元", "8000"),
    O("平江县金山农业开发有限公司", "company"),
    Q("30吨", "30", "吨", "化肥"),
    M("6万元", "60000", ctx="折款6万元"),
    M("47.3万元", "473000"),
    D("6月18日上午", "2023-06-18"),
    O("县乡村振兴局", "government", occ=1),
    M("60万元", "600000"),
    Q("2个", "2", "个", "蔬菜大棚基地"),
    Q("3.2公里", "3.2", "公里", "机耕道"),
    O("县工商联", "association", ctx="县工商联主席"),
], records=[
    R("donate", "捐赠", "23家企业和4家商会", [("138.5万元", None)], as_of="6月16日17时"),
    R("donate", "捐款", "湖南平江鑫达建材有限公司", [(("5万元", {"ctx": "捐款5万元"}), None)]),
    R("donate", "捐款", "平江县浙江商会", [("20万元", None)]),
    R("donate", "捐款", "岳阳市平江商会", [("12万元", None)]),
    R("donate", "捐款", "湖南汨罗江食品股份有限公司", [("3.5万元", None)]),
    R("donate", "捐款", "平江县长寿镇豆干协会", [("8000元", None)]),
    R("donate", "捐赠", "平江县金山农业开发有限公司",
      [(("6万元", {"ctx": "折款6万元"}), "value_of_goods")], goods=["30吨"]),
    # 合计：47.3万元 sums the lines above with no verb of its own: no record (one per verb clause).
    R("disburse", "拨付", ("县乡村振兴局", {"occ": 1}), [("60万元", None)], as_of="6月18日上午",
      recipient=("三市镇、加义镇", {"ctx": "拨付至三市镇、加义镇"})),
])

TW_RC = "中華民國紅十字會總會"
DOCS["k03-taiwan-quake"] = dict(reference_date="2024-04-09", published="2024-04-09", spans=[
    # 新台幣 has no code in the spec's list: TWD (ISO 4217) is used, as a researcher would.
    # A bare 元 is CNY by the spec's letter even in a Taiwanese text (３萬元 below).
    # 財團法人/社團法人 are part of the registered name, so inside the ORG span.
    D("2024年4月9日", "2024-04-09"),
    D("4月3日上午7時58分", "2024-04-03", time="07:58"),
    O("財團法人台北市明光慈善事業基金會", "foundation"),
    D("４月８日", "2024-04-08", relation="as_of"),
    M("新台幣１，２００萬元", "12000000", "TWD"),
    Q("逾３００戶", "300", "户", "受助家庭", "over", "300"),
    M("３萬元", "30000"),
    M("約新台幣５千萬元", "50000000", "TWD", "about"),
    D("４月５日", "2024-04-05"),
    O("社團法人台灣暖心關懷協會", "association"),
    Q("２萬瓶", "20000", "瓶", "矿泉水"),
    Q("８００個", "800", "个", "睡袋"),
    Q("５００顆", "500", "颗", "行动电源"),
    M("約新台幣２３０萬元", "2300000", "TWD", "about"),
    O("花蓮縣政府", "government", ctx="送交花蓮縣政府"),
    O("台中市進出口商業同業公會", "association"),
    M("新台幣１．５億元", "150000000", "TWD"),
    M("新台幣９千萬元", "90000000", "TWD"),
    M("新台幣６千萬元", "60000000", "TWD"),
    O(TW_RC, "red_cross", occ=0),
    O(TW_RC, "red_cross", occ=1),
    D("4月8日17時", "2024-04-08", relation="as_of", time="17:00"),
    M("約新台幣４．８億元", "480000000", "TWD", "about"),
    O("花蓮縣政府", "government", ctx="另據花蓮縣政府"),
    D("4月9日上午", "2024-04-09", relation="as_of"),
    O("花蓮縣政府社會處", "government"),
], records=[
    R("disburse", "發放", "財團法人台北市明光慈善事業基金會", [("新台幣１，２００萬元", None)],
      as_of="４月８日"),
    R("donate", "捐贈", "社團法人台灣暖心關懷協會", [("約新台幣２３０萬元", "value_of_goods")],
      goods=["２萬瓶", "８００個", "５００顆"], as_of="４月５日",
      recipient=("花蓮縣政府", {"ctx": "送交花蓮縣政府"})),
    R("donate", "認捐", "公會會員企業", [("新台幣１．５億元", "total"), ("新台幣９千萬元", "part"),
                                     ("新台幣６千萬元", "part")]),
    R("receive", "收到", (TW_RC, {"occ": 1}), [("約新台幣４．８億元", None)], as_of="4月8日17時"),
])

DOCS["k04-foundation-halfyear"] = dict(reference_date="2023-07-20", published="2023-07-20", spans=[
    # 上半年/下半年 are not in the spec's list; read as 01-01..06-30 / 07-01..12-31.
    # Ranges of money follow the spec's 两到三天: amount = lower = first number, approx vague,
    # upper = last number plus one unit of its last digit (exclusive).
    O("广东省德润公益基金会", "foundation"),
    D("2023年上半年", "2023-01-01", "2023-06-30"),
    D("上半年", "2023-01-01", "2023-06-30", ctx="上半年，基金会共接受"),
    M("1.26亿元", "126000000"),
    P("12.5%", "0.125"),
    P("百分之七十", "0.7"),
    P("百分之三十", "0.3"),
    D("4月份", "2023-04-01", "2023-04-30"),
    M("3800万元", "38000000"),
    D("6月30日", "2023-06-30", relation="as_of"),
    Q("上千家", "1000", "家", "爱心企业", "over", "1000"),
    Q("数十万人次", "100000", "人次", "个人捐赠者", "vague", "100000", "1000000"),
    D("2022年", "2022-01-01", "2022-12-31"),
    D("上半年", "2023-01-01", "2023-06-30", ctx="上半年公益支出"),
    M("0.87亿元", "87000000"),
    P("92.3%", "0.923"),
    Q("几百名", "100", "名", "困难大学新生", "vague", "100", "1000"),
    M("1860万元", "18600000"),
    D("5月中旬", "2023-05-11", "2023-05-20"),
    O("梅州市慈善会", "association"),
    M("2000万元", "20000000"),
    Q("1500张", "1500", "张", "折叠床"),
    Q("8000箱", "8000", "箱", "应急食品"),
    Q("数十个", "10", "个", "产业项目", "vague", "10", "100"),
    M("5至10万元", "50000", approx="vague", lower="50000", upper="110000"),
    M("8-10万", "80000", approx="vague", lower="80000", upper="110000"),
    D("上半年", "2023-01-01", "2023-06-30", ctx="上半年，本基金会"),
    O("广东省社会组织总会", "association"),
    O("广州市白云区民政局", "government"),
    O("南方都市报", "media"),
    D("下半年", "2023-07-01", "2023-12-31"),
    D("下半年", "2023-07-01", "2023-12-31", ctx="下半年，基金会"),
    M("1亿元", "100000000"),
    D("2023年7月20日", "2023-07-20"),
], records=[
    R("receive", "接受", ("基金会", {"ctx": "，基金会共接受"}), [("1.26亿元", None)],
      as_of=("上半年", {"ctx": "上半年，基金会共接受"})),
    R("receive", "接收", ("基金会", {"ctx": "，基金会单月接收"}), [("3800万元", None)],
      as_of="4月份"),
    R("disburse", "支出", None, [("0.87亿元", None)], as_of=("上半年", {"ctx": "上半年公益支出"})),
    R("disburse", "发放", None, [("1860万元", None)], recipient="清远、韶关等地几百名困难大学新生"),
    R("disburse", "拨付", None, [("2000万元", None)], as_of="5月中旬", recipient="梅州市慈善会"),
    R("disburse", "调拨", None, goods=["1500张", "8000箱"], as_of="5月中旬",
      recipient="梅州市平远县灾区"),
])

DOCS["k05-quake-news"] = dict(reference_date="2025-03-12", published="2025-03-12", spans=[
    Q("6.1级", "6.1", "级", "地震", occ=0),
    O("凉山日报", "media"),
    D("2025-03-12 08:15", "2025-03-12", time="08:15"),
    D("3月11日凌晨3时17分", "2025-03-11", time="03:17"),
    Q("6.1级", "6.1", "级", "地震", occ=1),
    Q("10千米", "10", "千米", "震源深度"),
    O("四川省应急管理厅", "government"),
    D("昨日上午", "2025-03-11"),
    O("西昌市蓝天救援队", "service"),
    Q("26人", "26", "人", "队员"),
    Q("5台", "5", "台", "救援车辆"),
    Q("18个小时", "18", "小时", None),
    O("成都市锦江区雷霆应急救援队", "service"),
    D("当天中午", "2025-03-11"),
    Q("2台", "2", "台", "生命探测仪"),
    Q("40顶", "40", "顶", "帐篷"),
    D("今晨6时", "2025-03-12", time="06:00"),
    D("昨日18时", "2025-03-11", relation="as_of", time="18:00"),
    O("凉山州红十字会", "red_cross"),
    M("286.4万元", "2864000"),
    M("约95万元", "950000", approx="about"),
    Q("3000床", "3000", "床", "棉被"),
    Q("320顶", "320", "顶", "救灾帐篷"),
    O("四川省慈善总会", "association"),
    D("当天下午", "2025-03-11"),
    D("今晨8时", "2025-03-12", relation="as_of", time="08:00"),
    M("逾1200万元", "12000000", approx="over", lower="12000000"),
    M("900余万元", "9000000", approx="over", lower="9000000", upper="10000000"),
    O("省慈善总会", "association", ctx="。省慈善总会表示"),
    Q("近20支", "20", "支", "社会救援队伍", "under", None, "20"),
    Q("上百名", "100", "名", "志愿者", "over", "100"),
    O("凉山州民政局", "government"),
], records=[
    R("receive", "接收", "凉山州红十字会", [("286.4万元", None)], as_of="昨日18时"),
    R("receive", "接收", "凉山州红十字会", [("约95万元", "value_of_goods")], as_of="昨日18时"),
    R("disburse", "发放", "凉山州红十字会", goods=["3000床", "320顶"], as_of="昨日18时",
      recipient="受灾群众"),
    R("raise", "筹集", "四川省慈善总会", [("逾1200万元", "total"), ("900余万元", "part")],
      as_of="今晨8时"),
])

DOCS["k06-overseas-flood"] = dict(reference_date="2024-08-05", published="2024-08-05", spans=[
    # 校友会 is not among the spec's association head words; like 同乡会 and 联谊会 (listed) it is a
    # members' association, which is what a researcher would expect: kind "association".
    O("福建省侨联", "association"),
    D("2024-08-05 10:22", "2024-08-05", time="10:22"),
    D("7月下旬", "2024-07-21", "2024-07-31"),
    D("7月28日", "2024-07-28"),
    O("美国福建同乡联合总会", "association"),
    O("三明市慈善总会", "association"),
    M("10万美元", "100000", "USD"),
    Q("6艘", "6", "艘", "冲锋舟"),
    Q("500件", "500", "件", "救生衣"),
    M("约30万元", "300000", approx="about"),
    O("旅港永安同乡会", "association"),
    M("港币268万元", "2680000", "HKD"),
    M("100万元港币", "1000000", "HKD"),
    M("168万元港币", "1680000", "HKD"),
    O("荷兰福建侨团联合会", "association"),
    O("意大利华侨华人福建同乡会", "association"),
    M("3.5万欧元", "35000", "EUR"),
    M("2万欧元", "20000", "EUR"),
    O("市侨联", "association"),
    O("福州大学海外校友会马来西亚分会", "association"),
    M("6.8万美元", "68000", "USD"),
    O("南平市红十字会", "red_cross"),
    D("8月4日", "2024-08-04", relation="as_of"),
    M("人民币1350余万元", "13500000", approx="over", lower="13500000", upper="13600000"),
    M("约420万元", "4200000", approx="about"),
    O("省侨联", "association", ctx="。省侨联将"),
], records=[
    R("donate", "捐赠", "美国福建同乡联合总会", [("10万美元", None)], as_of="7月28日",
      recipient="三明市慈善总会"),
    R("donate", "捐赠", "美国福建同乡联合总会", [("约30万元", "value_of_goods")],
      goods=["6艘", "500件"], as_of="7月28日", recipient="三明市慈善总会"),
    R("donate", "捐赠", "旅港永安同乡会", [("港币268万元", "total"), ("100万元港币", "part"),
                                     ("168万元港币", "part")]),
    R("donate", "捐赠", "荷兰福建侨团联合会和意大利华侨华人福建同乡会",
      [("3.5万欧元", None), ("2万欧元", None)], recipient="市侨联"),
    R("raise", "筹集", "福州大学海外校友会马来西亚分会", [("6.8万美元", None)],
      recipient="南平市红十字会"),
    R("receive", "接收", "全省侨联系统", [("人民币1350余万元", None), ("约420万元", "value_of_goods")],
      as_of="8月4日"),
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
    for name, lines in (("heldout2.jsonl", gold_lines), ("heldout2-records.jsonl", rec_lines)):
        (HERE / name).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                 encoding="utf-8")


if __name__ == "__main__":
    build()
