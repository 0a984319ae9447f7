"""AmountRecognizer: MONEY, QUANTITY and PERCENT spans on constructed sentences."""
from decimal import Decimal

import pytest

from socorg_nlp.components.base import FindContext
from socorg_nlp.normalize import normalize
from socorg_nlp.recognizers.amounts import AmountRecognizer, _Words
from socorg_nlp.types import Approx, Match, Money, Org, Percent, Quantity

D = Decimal


@pytest.fixture(scope="module")
def recognizer():
    return AmountRecognizer(AmountRecognizer.default_data())


def spans(recognizer, text):
    """(surface, label, value) of every match, surfaces taken from the original text."""
    return [(text[m.start:m.end], m.label, m.value)
            for m in recognizer.find(normalize(text), FindContext())]


def one(recognizer, text):
    found = spans(recognizer, text)
    assert len(found) == 1, found
    return found[0]


# ---- MONEY ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, amount, currency, approx", [
    ("基金会收到4175.286万元。", "4175.286万元", "41752860", "CNY", None),
    ("项目总投入约12亿元人民币。", "约12亿元人民币", "1200000000", "CNY", Approx.ABOUT),
    ("本会接收超过4600多万元人民币。", "超过4600多万元人民币", "46000000", "CNY", Approx.OVER),
    ("已拨付近528万元。", "近528万元", "5280000", "CNY", Approx.UNDER),
    ("涉及金额上亿元。", "上亿元", "100000000", "CNY", Approx.OVER),
    ("该会捐赠人民币3100万元。", "人民币3100万元", "31000000", "CNY", None),
    ("另有美金10万元到账。", "美金10万元", "100000", "USD", None),
    ("向灾区捐款2000万港元。", "2000万港元", "20000000", "HKD", None),
    ("募得善款15.57億元。", "15.57億元", "1557000000", "CNY", None),
    ("共捐款捐物9.79亿元。", "9.79亿元", "979000000", "CNY", None),
    ("已拨付80余萬元。", "80余萬元", "800000", "CNY", Approx.OVER),
    ("每份售价5元3角。", "5元3角", "5.3", "CNY", None),
    ("筹集资金数十万元。", "数十万元", "100000", "CNY", Approx.VAGUE),
    ("预计投入5至10万元。", "5至10万元", "50000", "CNY", Approx.VAGUE),
    ("捐款总额12亿元左右。", "12亿元左右", "1200000000", "CNY", Approx.ABOUT),
    ("他捐了１０００元。", "１０００元", "1000", "CNY", None),
    ("另捐US$2000和物资。", "US$2000", "2000", "USD", None),
    ("认捐￥500。", "￥500", "500", "CNY", None),
    ("款项约合人民币3亿元。", "约合人民币3亿元", "300000000", "CNY", Approx.ABOUT),
    ("单笔不超过5万元。", "不超过5万元", "50000", "CNY", Approx.UNDER),
])
def test_money_spans(recognizer, text, surface, amount, currency, approx):
    found, label, value = one(recognizer, text)
    assert (found, label) == (surface, "MONEY")
    assert isinstance(value, Money)
    assert (value.amount, value.currency, value.approx) == (D(amount), currency, approx)


def test_approximation_word_after_you_da_stays_outside(recognizer):
    found, label, value = one(recognizer, "物资的价值约为2056万元。")
    assert (found, value.amount, value.approx) == ("2056万元", D(20560000), Approx.ABOUT)
    found, label, value = one(recognizer, "全市约有2.6万家商户参与。")
    assert (found, label, value.approx) == ("2.6万家", "QUANTITY", Approx.ABOUT)


@pytest.mark.parametrize("text, surface, amount", [
    ("为灾区筹措价值千万的救灾物资。", "千万", "10000000"),
    ("另有价值20万的药品。", "20万", "200000"),
    ("爱心企业捐赠80万用于购买防护物资。", "80万", "800000"),
])
def test_money_without_yuan_where_context_says_so(recognizer, text, surface, amount):
    assert one(recognizer, text)[:2] == (surface, "MONEY")
    assert one(recognizer, text)[2].amount == D(amount)


@pytest.mark.parametrize("text", ["惠及居民数百万。", "平台访问人数达20万。", "编号20200001。",
                                  "单位：万元", "捐赠金额（亿元）", "表中数字单位为万元。"])
def test_bare_numbers_without_context_are_nothing(recognizer, text):
    assert spans(recognizer, text) == []


@pytest.mark.parametrize("text, surface, amount", [("物资价值上万元。", "上万元", "10000"),
                                                   ("筹款逾亿元。", "逾亿元", "100000000")])
def test_a_lone_place_with_an_approximation_word_is_an_amount(recognizer, text, surface, amount):
    [match] = recognizer.find(text, FindContext())
    assert (text[match.start:match.end], match.value.amount) == (surface, Decimal(amount))


def test_an_item_stops_at_an_earlier_components_span(recognizer):
    text = "县红十字会转交大米300捆"
    context = FindContext(None, [Match(0, 5, "ORG", Org("县红十字会", "red_cross"))])
    [match] = recognizer.find(text, context)
    assert (text[match.start:match.end], match.value.item, match.value.unit) == ("300捆", "大米", "捆")


def test_two_currency_sums_in_one_sentence(recognizer):
    found = spans(recognizer, "其中现金2.31亿元，物资价值5.06亿元。")
    assert [(s, v.amount) for s, _, v in found] == [("2.31亿元", D(231000000)),
                                                     ("5.06亿元", D(506000000))]


# ---- QUANTITY ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, amount, unit, item", [
    ("捐赠医用面罩35000个。", "35000个", "35000", "个", "医用面罩"),
    ("送去35000个口罩。", "35000个", "35000", "个", "口罩"),
    ("调运消毒液2300公斤。", "2300公斤", "2300", "公斤", "消毒液"),
    ("收到口罩12.5万个。", "12.5万个", "125000", "个", "口罩"),
    ("购买成人纸尿裤7万多片。", "7万多片", "70000", "片", "成人纸尿裤"),
    ("共有150余万名群众参与。", "150余万名", "1500000", "名", "群众"),
    ("累计服务98765人次。", "98765人次", "98765", "人次", None),
    ("提供检测试剂500人份。", "500人份", "500", "人份", "检测试剂"),
    ("热线每天值守24小时。", "24小时", "24", "小时", None),
    ("连续工作了20个小时。", "20个小时", "20", "小时", None),
    ("项目为期3个月。", "3个月", "3", "月", None),
    ("驻点服务20多天。", "20多天", "20", "天", None),
    ("物资只够两到三天使用。", "两到三天", "2", "天", None),
    ("联系了两个村。", "两个", "2", "个", "村"),
    ("分为三个模块。", "三个", "3", "个", "模块"),
    ("这是全年最大的一笔。", "一笔", "1", "笔", None),
    ("活动持续一年。", "一年", "1", "年", None),
    ("本次行动运輸物資450輛。", "450輛", "450", "辆", None),
    ("动员超过10.7万吨粮食。", "超过10.7万吨", "107000", "吨", "粮食"),
    ("播放量总计上亿人次。", "上亿人次", "100000000", "人次", "播放量"),
    ("已发布近千余篇文章。", "近千余篇", "1000", "篇", "文章"),
    ("项目持续了3个多月。", "3个多月", "3", "月", None),
    ("比上年提高2.5个百分点。", "2.5个百分点", "2.5", "百分点", None),
    ("至少300人到场。", "至少300人", "300", "人", None),
    ("分三批次送达。", "三批次", "3", "批次", None),
])
def test_quantity_spans(recognizer, text, surface, amount, unit, item):
    found, label, value = one(recognizer, text)
    assert (found, label) == (surface, "QUANTITY")
    assert isinstance(value, Quantity)
    assert (value.amount, value.unit) == (D(amount), unit)
    if item is not None:
        assert value.item == item


@pytest.mark.parametrize("text, surface, unit, item", [
    ("出动橡皮艇27艘次，", "27艘次", "艘次", "橡皮艇"),
    ("出动救援直升机64架次。", "64架次", "架次", "救援直升机"),
    ("开行免费公交310车次。", "310车次", "车次", None),
    ("加开摆渡船9班次。", "9班次", "班次", None),
    ("投入抽水泵52台次，", "52台次", "台次", "抽水泵"),
    ("调度运输车辆130辆次。", "130辆次", "辆次", None),
    ("分4批次转运。", "4批次", "批次", None),
    ("入户排查1680户次。", "1680户次", "户次", None),
    ("共出动冲锋舟约40余艘次。", "约40余艘次", "艘次", "冲锋舟"),
])
def test_measure_word_and_ci_make_one_unit(recognizer, text, surface, unit, item):
    found, label, value = one(recognizer, text)
    assert (found, label, value.unit) == (surface, "QUANTITY", unit)
    if item is not None:
        assert value.item == item


@pytest.mark.parametrize("text, surface, unit, item", [
    ("送出毛毯300床次日到货。", "300床", "床", "毛毯"),   # 次日: the next day
    ("调拨帐篷45顶次年收回。", "45顶", "顶", "帐篷"),
    ("发放药品80盒次月补发。", "80盒", "盒", "药品"),
    ("活动持续5天次日结束。", "5天", "天", None),
])
def test_ci_that_starts_the_next_word_stays_outside(recognizer, text, surface, unit, item):
    found, label, value = one(recognizer, text)
    assert (found, value.unit) == (surface, unit)
    if item is not None:
        assert value.item == item


def test_quantity_bounds(recognizer):
    _, _, value = one(recognizer, "物资只够两到三天使用。")
    assert (value.approx, value.lower, value.upper) == (Approx.VAGUE, D(2), D(4))
    _, _, value = one(recognizer, "参与的企业有280余万家。")
    assert (value.approx, value.lower, value.upper) == (Approx.OVER, D(2800000), D(2900000))
    _, _, value = one(recognizer, "已发布近千余篇文章。")
    assert (value.approx, value.lower, value.upper) == (Approx.ABOUT, None, None)
    _, _, value = one(recognizer, "受益人数约1700万余人次。")
    assert (value.approx, value.lower, value.upper) == (Approx.OVER, D(17000000), D(17010000))


def test_measure_word_before_the_number(recognizer):
    found, label, value = one(recognizer, "（志愿服务人次204518）")
    assert (found, label, value.unit, value.item, value.amount) == (
        "204518", "QUANTITY", "人次", "志愿服务", D(204518))
    found, label, value = one(recognizer, "浏览次数：3321")
    assert (found, value.unit, value.item) == ("3321", "次", "浏览")


def test_traditional_text_gives_simplified_values(recognizer):
    found, label, value = one(recognizer, "帶動數十萬件隔離衣運抵。")
    assert (found, value.unit, value.item, value.amount) == ("數十萬件", "件", "隔离衣", D(100000))


@pytest.mark.parametrize("text", [
    "创作了一批书画作品。", "举办了一场音乐会。", "发放一次性口罩。", "献出一片爱心。",
    "这一次疫情影响很大。", "一方有难，八方支援。", "一是加强领导，二是统筹协调。",
    "第一时间赶赴一线。", "两委班子带头，三社联动。", "以70后、90后为主。", "捐赠N95口罩。",
    "推进5G建设。", "第15期简报发布。", "第一批物资到位。", "电话：0571-87654321。",
    "邮编：230001", "地址：杭州市C座2205室。", "民社管涵〔2020〕5号文件。",
    "学习《关于做好3项工作的通知》。", "2020年全面开展工作。", "90年代出生。",
    "形成三位一体的模式。", "运抵三门峡、洛阳。", "长春市九台区。", "惠佰家超市。",
    "万家灯火。", "唯一一家。", "苏ICP备18007741号-1", "“5个必须”要求。",
    "地址：人民路88号5栋3单元。", "成千上万名群众。", "每箱24", "3月5日", "2022-04-15 17:06",
])
def test_not_quantities(recognizer, text):
    assert spans(recognizer, text) == []


def test_bounds_from_words_after_the_unit(recognizer):
    _, _, value = one(recognizer, "工作了1年多。")
    assert (value.amount, value.approx, value.lower, value.upper) == (D(1), Approx.OVER, D(1), D(2))


@pytest.mark.parametrize("text, item", [
    ("捐赠口罩5万只，", "口罩"), ("送去5万只口罩，", "口罩"), ("播放量总计上亿人次。", "播放量"),
    ("基金会先后6次前往。", None), ("每箱24瓶。", None), ("向灾区提供800辆共享单车。", "共享单车"),
    ("确定5家定点工厂和36个仓库。", "定点工厂"),
])
def test_items(recognizer, text, item):
    assert spans(recognizer, text)[0][2].item == item


@pytest.mark.parametrize("text, item", [
    ("发放5批物资接近有3000箱。", "物资"), ("运来4车药品不超过有900箱。", "药品"),
    ("走访8个小区将近有600户。", "小区"),
])
def test_an_item_ends_where_the_first_approximation_word_begins(recognizer, text, item):
    # 接近/近, 不超过/超过/超 overlap: the cut is at the earliest word, in every process.
    first, second = spans(recognizer, text)
    assert first[2].item == item and second[2].item == item


def test_quoted_speech_keeps_its_amounts(recognizer):
    assert one(recognizer, "他说：“我们捐了100万元”。")[0] == "100万元"


def test_counts_next_to_articles(recognizer):
    found = spans(recognizer, "发放一次性口罩2万个。")
    assert [(s, v.amount) for s, _, v in found] == [("2万个", D(20000))]


# ---- PERCENT ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, surface, amount", [
    ("同比下降12.7%。", "12.7%", "0.127"),
    ("占比达到百分之四十。", "百分之四十", "0.4"),
    ("完成率43.5％。", "43.5％", "0.435"),
    ("增长约5%。", "约5%", "0.05"),
    ("出生率3‰。", "3‰", "0.003"),
])
def test_percent_spans(recognizer, text, surface, amount):
    found, label, value = one(recognizer, text)
    assert (found, label) == (surface, "PERCENT")
    assert isinstance(value, Percent) and value.amount == D(amount)


# ---- robustness -------------------------------------------------------------------------------

def test_no_overlaps_and_offsets_in_range(recognizer):
    text = "共捐款3200多万元，手套8万副、防护服3万套，占12%，服务人次1290756，约有3.4万家。" * 50
    found = recognizer.find(normalize(text), FindContext())
    assert len(found) == 6 * 50
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


@pytest.mark.parametrize("junk", ["", "元", "%", "万" * 5, "余余", "😀1万😀", "\x00\n\t", "1" * 100,
                                  "第", "约有", "百分之", "价值", "人次", "“”《》", "-1-", "1,,,2"])
def test_junk_never_crashes(recognizer, junk):
    assert isinstance(recognizer.find(junk, FindContext()), list)


@pytest.mark.parametrize("unit", ["1", "万", "余", "年", "协会", "1万"])
def test_large_repetitive_input_gives_well_formed_matches(recognizer, unit):
    # Speed on such inputs is measured in benchmarks/; here only that they finish sanely.
    text = unit * (1_000_000 // len(unit))
    matches = recognizer.find(text, FindContext())
    assert all(0 <= m.start < m.end <= len(text) for m in matches)


def test_a_dense_run_gives_every_amount(recognizer):
    found = recognizer.find("1年" * 1000, FindContext())
    assert len(found) == 1000
    assert found[-1] == Match(1998, 2000, "QUANTITY", Quantity(D(1), "年"))
    assert {(m.label, m.value) for m in found} == {("QUANTITY", Quantity(D(1), "年"))}


def test_a_dense_run_of_goods_keeps_its_item(recognizer):
    found = recognizer.find("仓库收到大米" + "300袋" * 400 + "完毕", FindContext())
    assert len(found) == 400
    assert {m.value.amount for m in found} == {D(300)}
    # The same goods throughout; the last one is followed by a word of its own.
    assert [m.value.item for m in found] == ["大米"] * 399 + ["完毕"]


def test_words_longest_first_at_both_edges():
    words = _Words(["约", "大约", "约合", ""])
    assert words.at("大约合", 1) == "约合"
    assert words.at("大约合", 0) == "大约"
    assert words.at("大约合", 2) is None
    assert words.ending("大约合", 2) == "大约"
    assert words.ending("大约合", 2, low=1) == "约"
    assert words.ending("大约合", 0) is None
    assert words.firsts == {"约", "大"} and words.lasts == {"约", "合"}


def test_data_round_trips_through_json(recognizer):
    import json

    data = json.loads(json.dumps(AmountRecognizer.default_data(), ensure_ascii=False))
    rebuilt = AmountRecognizer(data)
    text = normalize("收到3082.389万元，口罩217150个。")
    assert rebuilt.find(text, FindContext()) == recognizer.find(text, FindContext())


def test_currency_word_before_the_number_keeps_the_approximation(recognizer):
    surface, label, value = one(recognizer, "募得約新臺幣３．２億元善款")
    assert (surface, label) == ("約新臺幣３．２億元", "MONEY")
    assert (value.amount, value.currency, value.approx) == (D("320000000"), "TWD", Approx.ABOUT)
    surface, _, value = one(recognizer, "共捐约人民币45万元")
    assert (surface, value.currency, value.approx) == ("约人民币45万元", "CNY", Approx.ABOUT)


def test_currency_word_after_yuan_sets_the_currency(recognizer):
    got = spans(recognizer, "同乡会捐出30万元港币，校友会另捐12万元美金。")
    assert [(s, v.amount, v.currency) for s, _, v in got] == [
        ("30万元港币", D("300000"), "HKD"), ("12万元美金", D("120000"), "USD")]


def test_money_range_carries_over_to_a_following_clause(recognizer):
    got = spans(recognizer, "每所学校补助3至6万元，山区学校7-9万。")
    assert [(s, l, v.amount, v.approx, v.lower, v.upper) for s, l, v in got] == [
        ("3至6万元", "MONEY", D("30000"), Approx.VAGUE, D("30000"), D("70000")),
        ("7-9万", "MONEY", D("70000"), Approx.VAGUE, D("70000"), D("100000"))]
    # A single number after a money clause is usually a count: no money is guessed there.
    got = spans(recognizer, "筹集善款30万元，受益群众2.4万。")
    assert [s for s, _, _ in got] == ["30万元"]


def test_units_that_begin_with_a_place_character_stay_as_written(recognizer):
    got = spans(recognizer, "震源深度12千米，运来大米500千克，装机3万千瓦，服务2.5万人。")
    assert [(s, v.amount, v.unit) for s, _, v in got] == [
        ("12千米", D("12"), "千米"), ("500千克", D("500"), "千克"), ("3万千瓦", D("30000"), "千瓦"),
        ("2.5万人", D("25000"), "人")]


def test_magnitudes_are_quantities_but_levels_are_not(recognizer):
    got = spans(recognizer, "某县发生5.4级地震，随后出现4级余震，沿海有8级大风。")
    assert [(s, v.amount, v.unit, v.item) for s, _, v in got] == [
        ("5.4级", D("5.4"), "级", "地震"), ("4级", D("4"), "级", "余震"),
        ("8级", D("8"), "级", "大风")]


@pytest.mark.parametrize("text", ["省里启动一级响应", "发布三级预警", "二级保护动物",
                                  "本市3级医院", "进入第三级", "5A级景区", "三年级学生"])
def test_levels_are_not_quantities(recognizer, text):
    assert spans(recognizer, text) == []


def test_an_approximation_adverb_ends_the_item_before_it():
    import socorg_nlp

    doc = socorg_nlp.load(records=False)("发放3批口罩大约有5000只，转运2车面粉大概有80袋")
    items = [(s.text, s._.value.item) for s in doc.spans["socorg"] if s.label_ == "QUANTITY"]
    assert items == [("3批", "口罩"), ("5000只", "口罩"), ("2车", "面粉"), ("80袋", "面粉")]


@pytest.mark.parametrize("text, expected", [
    ("3月5日，会员捐出5日元。", [("5日元", "MONEY", D("5"))]),
    ("3小组值守了8小时。", [("8小时", "QUANTITY", D("8"))]),
    ("该会10以上的项目。", []),
])
def test_a_longer_unit_word_must_be_whole_after_the_number(recognizer, text, expected):
    # 5日 and 3小组 begin like 日元 and 小时 but name no unit: no amount, only the whole word.
    assert [(s, label, value.amount) for s, label, value in spans(recognizer, text)] == expected


def test_clause_before_reads_back_to_the_last_punctuation_or_thirty_characters():
    assert AmountRecognizer._clause_before("已捐款，价值200", 6) == "价值"
    assert AmountRecognizer._clause_before("价值200", 2) == "价值"
    assert AmountRecognizer._clause_before("，", 1) == ""
    assert AmountRecognizer._clause_before("捐" * 40 + "5", 40) == "捐" * 30


def test_verbs_of_bringing_end_the_item_before_them():
    import socorg_nlp

    doc = socorg_nlp.load(records=False)("货车运来药品30箱，队员带来饮用水20桶，共投入救援人员300名")
    items = [(s.text, s._.value.item) for s in doc.spans["socorg"] if s.label_ == "QUANTITY"]
    assert items == [("30箱", "药品"), ("20桶", "饮用水"), ("300名", "救援人员")]


def test_a_verb_or_noun_word_ends_the_item_only_when_words_follow_it():
    import socorg_nlp

    doc = socorg_nlp.load(records=False)("街道组织党员80名，动员社会组织25家，志愿服务活动600场")
    items = [(s.text, s._.value.item) for s in doc.spans["socorg"] if s.label_ == "QUANTITY"]
    assert items == [("80名", "党员"), ("25家", "社会组织"), ("600场", "志愿服务活动")]
