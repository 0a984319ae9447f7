"""Donation records from hand-made spans over constructed sentences (spec/records.md)."""
import datetime as dt
import json
from decimal import Decimal

import pytest

from socorg_nlp.normalize import normalize
from socorg_nlp.recognizers.records import RecordBuilder
from socorg_nlp.types import DateValue, Match, Money, Org, Quantity
from text_helpers import at


def org(text, name, kind="foundation", nth=0):
    return Match(*at(text, name, nth), "ORG", Org(name, kind))


def money(text, sub, amount, nth=0):
    return Match(*at(text, sub, nth), "MONEY", Money(Decimal(amount)))


def qty(text, sub, amount, unit, item=None, nth=0):
    return Match(*at(text, sub, nth), "QUANTITY", Quantity(Decimal(amount), unit, item))


def date(text, sub, day, relation=None, nth=0):
    d = dt.date.fromisoformat(day)
    return Match(*at(text, sub, nth), "DATE", DateValue(d, d, relation=relation))


def facts(records):
    """{amount text: (action, actor text, as_of text, role)} for compact assertions."""
    out = {}
    for r in records:
        for m in r.money:
            out[m.text] = (r.action, r.actor and r.actor.text, r.as_of and r.as_of.text, m.role)
        for g in r.goods:
            out[g.text] = (r.action, r.actor and r.actor.text, r.as_of and r.as_of.text, None)
    return out


def test_spec_example_exactly(builder):
    text = "截至3月5日，全市慈善组织累计向武汉捐赠口罩12万个、防护服3000件，价值约86万元。"
    spans = [date(text, "3月5日", "2020-03-05", "as_of"),
             qty(text, "12万个", "120000", "个", "口罩"), qty(text, "3000件", "3000", "件", "防护服"),
             money(text, "约86万元", "860000")]
    (record,) = builder.build(text, spans)
    assert record.to_dict() == {
        "start": 7, "end": 43, "action": "donate", "verb": "捐赠",
        "actor": {"start": 7, "end": 13, "text": "全市慈善组织"},
        "recipient": {"start": 16, "end": 18, "text": "武汉"},
        "money": [{"start": 38, "end": 43, "text": "约86万元", "role": "value_of_goods"}],
        "goods": [{"start": 22, "end": 26, "text": "12万个"},
                  {"start": 30, "end": 35, "text": "3000件"}],
        "as_of": {"start": 2, "end": 6, "text": "3月5日"}}


def test_subject_carries_to_following_clause_and_two_verbs_make_two_records(builder):
    text = "春晖慈善基金会累计捐款50万元，捐赠消毒液800桶，拨付救助金20万元。"
    spans = [org(text, "春晖慈善基金会"), money(text, "50万元", "500000"),
             qty(text, "800桶", "800", "桶", "消毒液"), money(text, "20万元", "200000")]
    records = builder.build(text, spans)
    assert [(r.action, r.verb) for r in records] == [
        ("donate", "捐款"), ("donate", "捐赠"), ("disburse", "拨付")]
    assert {r.actor.text for r in records} == {"春晖慈善基金会"}
    assert facts(records)["20万元"][3] is None  # 救助金 is money, not a value of goods


def test_subject_carries_from_previous_sentence_of_the_paragraph(builder):
    text = "蓝海商会向全体会员发出倡议。目前，共募集资金30万元。\n会员企业捐赠大米10吨。"
    spans = [org(text, "蓝海商会", "association"), money(text, "30万元", "300000"),
             qty(text, "10吨", "10", "吨", "大米")]
    got = facts(builder.build(text, spans))
    assert got["30万元"] == ("raise", "蓝海商会", None, None)
    # a new paragraph does not inherit it: 会员企业 names the givers there
    assert got["10吨"] == ("donate", "会员企业", None, None)


def test_subject_after_the_verb_in_the_same_sentence(builder):
    text = "4月2日，第一批5000只外科口罩运抵湖州市，青山公益基金会是最早驰援当地的社会组织。"
    spans = [date(text, "4月2日", "2020-04-02"), qty(text, "5000只", "5000", "只", "外科口罩"),
             org(text, "青山公益基金会")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.actor.text, record.as_of.text) == ("donate", "青山公益基金会", "4月2日")
    assert record.recipient.text == "湖州市"


def test_recipient_before_and_after_the_verb(builder):
    text = "明德教育基金会向江城市第一医院捐赠呼吸机20台，并为社区工作者赠送护目镜300副，驰援襄樊口罩1万个。"
    spans = [org(text, "明德教育基金会"), org(text, "江城市第一医院", "hospital"),
             qty(text, "20台", "20", "台", "呼吸机"), qty(text, "300副", "300", "副", "护目镜"),
             qty(text, "1万个", "10000", "个", "口罩")]
    records = builder.build(text, spans)
    assert [r.recipient and r.recipient.text for r in records] == ["江城市第一医院", "社区工作者", "襄樊"]
    assert {r.actor.text for r in records} == {"明德教育基金会"}  # the hospital is no subject


def test_since_date_is_not_as_of_and_mobilised_givers_are_the_actor(builder):
    text = "自4月2日以来，共发动3200余家民营企业积极捐款捐物，累计金额达9.4亿元。"
    spans = [date(text, "4月2日", "2020-04-02", "since"), qty(text, "3200余家", "3200", "家", "民营企业"),
             money(text, "9.4亿元", "940000000")]
    (record,) = builder.build(text, spans)
    assert (record.actor.text, record.as_of) == ("3200余家民营企业", None)
    # with a subject of its own the clause keeps it: the group mobilises, the act is its report
    text = "自4月2日以来，全省工商联系统共发动3200余家民营企业积极捐款捐物，累计金额达9.4亿元。"
    spans = [date(text, "4月2日", "2020-04-02", "since"), qty(text, "3200余家", "3200", "家", "民营企业"),
             money(text, "9.4亿元", "940000000")]
    (record,) = builder.build(text, spans)
    assert record.actor.text == "全省工商联系统"


def test_object_put_first_with_ba_belongs_to_the_verb_after_it(builder):
    text = "市慈善总会把社会各界捐赠的1000万元资金拨付给市卫健委。"
    (record,) = builder.build(text, [org(text, "市慈善总会", "association"),
                                     money(text, "1000万元", "10000000")])
    assert (record.action, record.actor.text, record.recipient.text) == (
        "disburse", "市慈善总会", "市卫健委")
    assert record.money[0].role is None


def test_purpose_is_not_a_recipient(builder):
    text = "爱心企业为抗击洪灾捐款120万元。"
    (record,) = builder.build(text, [money(text, "120万元", "1200000")])
    assert record.recipient is None and record.actor.text == "爱心企业"


def test_total_and_parts_with_qizhong(builder):
    text = "截至2月底，全省社会组织捐款捐物合计5.2亿元，其中现金3亿元，药品、食品等物资价值2.2亿元。"
    spans = [date(text, "2月底", "2020-02-21", "as_of"), money(text, "5.2亿元", "520000000"),
             money(text, "3亿元", "300000000"), money(text, "2.2亿元", "220000000")]
    (record,) = builder.build(text, spans)
    assert [(m.text, m.role) for m in record.money] == [
        ("5.2亿元", "total"), ("3亿元", "part"), ("2.2亿元", "part")]
    assert record.actor.text == "全省社会组织" and record.as_of.text == "2月底"


def test_parts_named_by_giving_words_after_qizhong(builder):
    text = "县慈善总会共接收社会各界捐款368万元，其中企业捐款280万元，个人捐款88万元。"
    spans = [org(text, "县慈善总会", "association"), money(text, "368万元", "3680000"),
             money(text, "280万元", "2800000"), money(text, "88万元", "880000")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.verb, record.actor.text) == ("receive", "接收", "县慈善总会")
    assert [m.role for m in record.money] == ["total", "part", "part"]


def test_what_is_received_or_raised_is_donations(builder):
    text = "市红十字会收到爱心企业捐赠物资价值50万元。众多商会捐款捐物及义演所得共计募集800万元。"
    spans = [org(text, "市红十字会", "red_cross"), money(text, "50万元", "500000"),
             money(text, "800万元", "8000000")]
    got = facts(builder.build(text, spans))
    assert got["50万元"] == ("receive", "市红十字会", None, "value_of_goods")
    assert got["800万元"][:2] == ("raise", "众多商会")


def test_parts_in_a_sentence_opening_with_qizhong(builder):
    text = "省慈善总会共募集款物2.3亿元。其中，资金1.8亿元，物资价值5000万元。"
    spans = [org(text, "省慈善总会", "association"), money(text, "2.3亿元", "230000000"),
             money(text, "1.8亿元", "180000000"), money(text, "5000万元", "50000000")]
    (record,) = builder.build(text, spans)
    assert [(m.text, m.role) for m in record.money] == [
        ("2.3亿元", "total"), ("1.8亿元", "part"), ("5000万元", "part")]


def test_where_money_went_is_not_goods(builder):
    text = "市慈善总会已拨付至各医疗机构8612万元。"
    (record,) = builder.build(text, [money(text, "8612万元", "86120000")])
    assert (record.action, record.money[0].role) == ("disburse", None)


def test_part_kinds_named_with_juanzeng_and_our_association(builder):
    text = "截止到2月25日，我会共接收社会捐赠款物合计1.05亿元，其中货币捐赠9320万元，物资捐赠折价1180万元。"
    spans = [date(text, "2月25日", "2020-02-25", "as_of"), money(text, "1.05亿元", "105000000"),
             money(text, "9320万元", "93200000"), money(text, "1180万元", "11800000")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.actor.text, record.as_of.text) == ("receive", "我会", "2月25日")
    assert [m.role for m in record.money] == ["total", "part", "part"]


def test_raised_money_handed_on_and_valued_goods_provided(builder):
    text = "募集到的360万元善款已全部拨付到位。甲慈善会为全省23家医院提供价值2000万元的救治设备。"
    spans = [money(text, "360万元", "3600000"), org(text, "甲慈善会", "association"),
             qty(text, "23家", "23", "家", "医院"), money(text, "2000万元", "20000000")]
    got = facts(builder.build(text, spans))
    assert got["360万元"] == ("disburse", None, None, None)
    assert got["2000万元"] == ("donate", "甲慈善会", None, "value_of_goods")


def test_total_and_parts_in_brackets(builder):
    text = "全市基金会累计捐款捐物3亿元（捐款2亿元，捐物价值约1亿元）。"
    spans = [money(text, "3亿元", "300000000"), money(text, "2亿元", "200000000"),
             money(text, "约1亿元", "100000000")]
    records = builder.build(text, spans)
    assert len(records) == 1  # the verbs inside the brackets only split the total
    assert [(m.text, m.role) for m in records[0].money] == [
        ("3亿元", "total"), ("2亿元", "part"), ("约1亿元", "part")]


def test_value_of_goods(builder):
    text = ("长河商会捐赠防护服5000件，价值约60万元，另捐赠80万元的医疗设备，捐赠面包、牛奶总计9万元，"
            "捐赠资金150万元。")
    spans = [org(text, "长河商会", "association"), qty(text, "5000件", "5000", "件", "防护服"),
             money(text, "约60万元", "600000"), money(text, "80万元", "800000"),
             money(text, "9万元", "90000"), money(text, "150万元", "1500000")]
    got = facts(builder.build(text, spans))
    assert got["约60万元"][3] == "value_of_goods"
    assert got["80万元"][3] == "value_of_goods"
    assert got["9万元"][3] == "value_of_goods"
    assert got["150万元"][3] is None
    assert got["5000件"][0] == "donate"


def test_as_of_carried_from_paragraph_opener(builder):
    text = "截至4月10日，全市共开展防疫活动20场。\n截至4月10日，各项工作有序推进。青禾基金会捐赠消毒液500桶。"
    spans = [date(text, "4月10日", "2020-04-10", "as_of"), qty(text, "20场", "20", "场", "防疫活动"),
             date(text, "4月10日", "2020-04-10", "as_of", nth=1), org(text, "青禾基金会"),
             qty(text, "500桶", "500", "桶", "消毒液")]
    (record,) = builder.build(text, spans)
    assert record.as_of.text == "4月10日" and record.as_of.start == text.index("4月10日", 5)
    assert record.goods[0].text == "500桶"


def test_date_of_a_sentence_does_not_cross_into_the_next(builder):
    text = "晨光协会3月1日捐款10万元。协会还捐赠口罩2000个。"
    spans = [date(text, "3月1日", "2020-03-01"), org(text, "晨光协会", "association"),
             money(text, "10万元", "100000"), qty(text, "2000个", "2000", "个", "口罩")]
    got = facts(builder.build(text, spans))
    assert got["10万元"] == ("donate", "晨光协会", "3月1日", None)
    assert got["2000个"] == ("donate", "协会", None, None)  # back-reference is its own range


def test_people_visits_and_places_are_not_goods(builder):
    text = ("星火志愿者协会动员志愿者1200人次，向10个社区捐赠蔬菜5吨，服务群众3000人次，"
            "开展活动36场，捐赠口罩3000个。")
    spans = [org(text, "星火志愿者协会", "association"), qty(text, "1200人次", "1200", "人次", "志愿者"),
             qty(text, "10个", "10", "个", "社区"), qty(text, "5吨", "5", "吨", "蔬菜"),
             qty(text, "3000人次", "3000", "人次", "群众"), qty(text, "36场", "36", "场", "活动"),
             qty(text, "3000个", "3000", "个", "口罩")]
    got = facts(builder.build(text, spans))
    assert set(got) == {"5吨", "3000个"}


def test_counts_inside_the_actor_are_not_goods(builder):
    text = "全县120多个社会组织共捐款300万元。"
    spans = [qty(text, "120多个", "120", "个", "社会组织"), money(text, "300万元", "3000000")]
    (record,) = builder.build(text, spans)
    assert record.goods == () and record.actor.text == "全县120多个社会组织"
    text = "全县共有86家社会组织捐款30万元。"  # 共有 is no kind word of the group
    spans = [qty(text, "86家", "86", "家", "社会组织"), money(text, "30万元", "300000")]
    assert builder.build(text, spans)[0].actor.text == "86家社会组织"


def test_plans_prices_and_losses_are_not_records(builder):
    text = ("宏远基金会拟再投入350万元支持社区防疫，计划募集资金500万元，目前已募集120万元。"
            "受疫情影响，会员企业营业额损失约3000万元。协会还计划在下月再捐赠50万元。")
    spans = [org(text, "宏远基金会"), money(text, "350万元", "3500000"),
             money(text, "500万元", "5000000"), money(text, "120万元", "1200000"),
             money(text, "约3000万元", "30000000"), money(text, "50万元", "500000")]
    got = facts(builder.build(text, spans))
    assert got == {"120万元": ("raise", "宏远基金会", None, None)}


def test_joint_subject_runs_from_first_to_last_name(builder):
    text = "县慈善总会、县红十字会等共募集善款8000万元。"
    spans = [org(text, "县慈善总会", "association"), org(text, "县红十字会", "red_cross"),
             money(text, "8000万元", "80000000")]
    (record,) = builder.build(text, spans)
    assert record.actor.text == "县慈善总会、县红十字会" and record.action == "raise"


def test_group_noun_with_scope_and_kind_words(builder):
    text = "市妇联发出倡议。截至2月18日，全市各级妇联组织共收到捐款56万元。"
    spans = [org(text, "市妇联", "association"), date(text, "2月18日", "2020-02-18", "as_of"),
             money(text, "56万元", "560000")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.actor.text) == ("receive", "全市各级妇联组织")


def test_enumerated_givers_with_a_group_noun(builder):
    text = "甲公司、乙公司、丙集团等二十多家会员企业共计捐款900余万元。"
    spans = [qty(text, "二十多家", "20", "家", "会员企业"), money(text, "900余万元", "9000000")]
    (record,) = builder.build(text, spans)
    assert record.actor.text == "二十多家会员企业"


def test_actions_receive_and_provide_money(builder):
    text = "市红十字会接收捐款300万元，接收口罩5万个。金桥商会联合会员银行，提供3亿元帮扶资金。"
    spans = [org(text, "市红十字会", "red_cross"), money(text, "300万元", "3000000"),
             qty(text, "5万个", "50000", "个", "口罩"), org(text, "金桥商会", "association"),
             money(text, "3亿元", "300000000")]
    got = facts(builder.build(text, spans))
    assert got["300万元"] == ("receive", "市红十字会", None, None)
    assert got["5万个"] == ("receive", "市红十字会", None, None)
    assert got["3亿元"] == ("disburse", "金桥商会", None, None)


def test_attributive_verb_yields_to_the_main_verb(builder):
    text = "工作组共募集30家会员捐赠的价值约400万元的消杀物资。"
    spans = [money(text, "约400万元", "4000000")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.verb, record.money[0].role) == ("raise", "募集", "value_of_goods")


def test_traditional_text_after_normalisation(builder):
    text = normalize("嘉興明遠公益慈善基金會向醫院捐贈麵包二千箱。")
    spans = [org(text, "嘉兴明远公益慈善基金会"), qty(text, "二千箱", "2000", "箱", "面包")]
    (record,) = builder.build(text, spans)
    assert record.actor.start == 0 and record.recipient.text == "医院"


def test_data_is_json_and_validated():
    data = RecordBuilder.default_data()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    with pytest.raises(ValueError, match="group_heads"):
        RecordBuilder({k: v for k, v in data.items() if k != "group_heads"})
    with pytest.raises(ValueError, match="'捐赠'.*'gift'"):
        RecordBuilder({**data, "verbs": [["捐赠", "gift"]]})


@pytest.mark.parametrize("text", ["", "捐", "。。。，，，", "😀捐赠" * 50, "（（（捐赠））", "\n\n\n"])
def test_odd_input_never_crashes(builder, text):
    assert isinstance(builder.build(text, []), list)


def test_spans_outside_the_text_are_ignored(builder):
    text = "某协会捐款1万元。"
    bad = [Match(50, 60, "MONEY", Money(Decimal(1))), Match(3, 2, "ORG", Org("x"))]
    assert builder.build(text, bad + [money(text, "1万元", "10000")])[0].money[0].text == "1万元"


def test_large_input_builds_every_record(builder):
    unit = "截至2月1日，爱心协会向武汉捐赠口罩100万个，"
    text = unit * 5000 + "捐" * 300000 + "协会" * 150000 + "捐赠了" * 20000
    spans = []
    for i in range(5000):
        s = i * len(unit) + unit.index("100万个")
        spans.append(Match(s, s + 5, "QUANTITY", Quantity(Decimal(1000000), "个", "口罩")))
    records = builder.build(text, spans)  # its speed is measured in benchmarks/
    assert len(records) == 5000 and records[-1].recipient.text == "武汉"


def test_relief_verbs_of_charity_reports(builder):
    text = ("省红十字会向山区学校调运课桌椅300套，派送棉衣800件。"
            "县慈善会本月入账善款26万元，另收取会员会费外的定向捐款8万元。"
            "爱心车队运送饮用水500箱。")
    spans = [org(text, "省红十字会", "red_cross"), qty(text, "300套", "300", "套", "课桌椅"),
             qty(text, "800件", "800", "件", "棉衣"), org(text, "县慈善会", "association"),
             money(text, "26万元", "260000"), money(text, "8万元", "80000"),
             qty(text, "500箱", "500", "箱", "饮用水")]
    got = facts(builder.build(text, spans))
    assert got["300套"][:2] == ("disburse", "省红十字会")
    assert got["800件"][:2] == ("disburse", "省红十字会")
    assert got["26万元"][:2] == ("receive", "县慈善会")
    assert got["8万元"][:2] == ("receive", "县慈善会")
    assert got["500箱"][0] == "donate"


def test_opening_as_of_date_governs_clauses_after_semicolon(builder):
    text = "本会发布年中报告。截至6月30日，本会共接收捐款320万元，同比增长一成；拨付救助金210万元。次月拨付40万元。"
    spans = [date(text, "6月30日", "2021-06-30", "as_of"), money(text, "320万元", "3200000"),
             money(text, "210万元", "2100000"), money(text, "40万元", "400000")]
    got = facts(builder.build(text, spans))
    assert got["320万元"] == ("receive", "本会", "6月30日", None)
    assert got["210万元"] == ("disburse", "本会", "6月30日", None)
    assert got["40万元"][2] is None  # a new sentence that no 截至 opens the paragraph of


def test_since_date_inside_the_clause_or_opening_the_sentence(builder):
    text = ("西城区餐饮协会会员自5月1日起每月定向捐赠3万元。"
            "3月8日零时起，该基金会开通网络捐款通道，当日共收到捐款1.2万元。")
    spans = [org(text, "西城区餐饮协会", "association"), date(text, "5月1日", "2021-05-01", "since"),
             money(text, "3万元", "30000"), date(text, "3月8日零时", "2021-03-08", "since"),
             money(text, "1.2万元", "12000")]
    got = facts(builder.build(text, spans))
    assert got["3万元"][2] == "5月1日"
    assert got["1.2万元"] == ("receive", "该基金会", "3月8日零时", None)


def test_back_reference_subject_is_its_own_range(builder):
    text = ("北湖医院负责人介绍，截至5月2日，该院已收到爱心企业捐赠的呼吸机12台。"
            "东方商会召开理事会议。其累计捐款38万元。")
    spans = [org(text, "北湖医院", "hospital"), date(text, "5月2日", "2021-05-02", "as_of"),
             qty(text, "12台", "12", "台", "呼吸机"), org(text, "东方商会", "association"),
             money(text, "38万元", "380000")]
    got = facts(builder.build(text, spans))
    assert got["12台"] == ("receive", "该院", "5月2日", None)
    assert got["38万元"] == ("donate", "其", None, None)


def test_unrecognised_organisation_opening_its_clause_is_the_actor(builder):
    text = "西山慈善会捐赠大米20吨。南岭市文化与旅游协会为留守儿童捐赠图书5000册。"
    spans = [org(text, "西山慈善会", "association"), qty(text, "20吨", "20", "吨", "大米"),
             qty(text, "5000册", "5000", "册", "图书")]
    got = facts(builder.build(text, spans))
    assert got["20吨"][1] == "西山慈善会"
    assert got["5000册"][1] == "南岭市文化与旅游协会"
    text = "市民通过南岭市文化与旅游协会捐赠图书300册。"  # a 通过 phrase names no subject
    spans = [qty(text, "300册", "300", "册", "图书")]
    assert builder.build(text, spans)[0].actor is None


def test_parts_after_qizhong_with_their_own_purposes_stay_in_one_record(builder):
    text = ("东岳基金会宣布捐款5000万元，支援山区学校应对洪灾，其中3000万元用于资助乡村教师，"
            "2000万元用于援建图书室。")
    spans = [org(text, "东岳基金会"), money(text, "5000万元", "50000000"),
             money(text, "3000万元", "30000000"), money(text, "2000万元", "20000000")]
    (record,) = builder.build(text, spans)
    assert (record.action, record.verb, record.actor.text) == ("donate", "捐款", "东岳基金会")
    assert [(m.text, m.role) for m in record.money] == [
        ("5000万元", "total"), ("3000万元", "part"), ("2000万元", "part")]
    assert record.recipient.text == "山区学校"


def test_recipient_named_by_a_neighbouring_act_without_amounts(builder):
    text = ("青松商会捐赠棉被600床、饮用水300箱，价值约9万元，当晚运抵石门镇。"
            "市慈善总会资助困难学生300名，发放助学金90万元。")
    spans = [org(text, "青松商会", "association"), qty(text, "600床", "600", "床", "棉被"),
             qty(text, "300箱", "300", "箱", "饮用水"), money(text, "约9万元", "90000"),
             org(text, "市慈善总会", "association"), qty(text, "300名", "300", "名", "困难学生"),
             money(text, "90万元", "900000")]
    records = builder.build(text, spans)
    assert [(r.verb, r.recipient and r.recipient.text) for r in records] == [
        ("捐赠", "石门镇"), ("发放", "困难学生")]


def test_what_was_given_is_no_recipient_and_destinations_are(builder):
    text = "宁远基金会支援资金50万元，并将帐篷200顶送往受灾村。"
    spans = [org(text, "宁远基金会"), money(text, "50万元", "500000"),
             qty(text, "200顶", "200", "顶", "帐篷")]
    records = builder.build(text, spans)
    assert [(r.verb, r.recipient and r.recipient.text) for r in records] == [
        ("支援", None), ("送往", "受灾村")]


def test_teams_and_people_are_not_goods_and_far_plans_are_not_records(builder):
    text = ("应急联合会协调各地救援队伍12支，调集志愿服务队5支，派出社工40名。"
            "该会计划于国庆节前再向本市敬老院送出月饼2000盒。")
    spans = [org(text, "应急联合会", "association"), qty(text, "12支", "12", "支", "救援队伍"),
             qty(text, "5支", "5", "支", "志愿服务队"), qty(text, "40名", "40", "名", "社工"),
             date(text, "国庆节", "2021-10-01", "until"), qty(text, "2000盒", "2000", "盒", "月饼")]
    assert builder.build(text, spans) == []


def test_place_after_bofu_is_the_recipient_and_jiangyu_is_a_plan(builder):
    text = "区慈善会拨付各街道52万元，下拨善款18万元，并将于下周再捐赠30万元。"
    spans = [org(text, "区慈善会", "association"), money(text, "52万元", "520000"),
             money(text, "18万元", "180000"), money(text, "30万元", "300000")]
    records = builder.build(text, spans)
    assert [(r.verb, r.recipient and r.recipient.text, r.money[0].role) for r in records] == [
        ("拨付", "各街道", None), ("下拨", None, None)]


def test_another_givers_act_names_no_recipient(builder):
    text = "甲商会捐赠大米5吨，乙商会援助灾区。"
    spans = [org(text, "甲商会", "association"), qty(text, "5吨", "5", "吨", "大米"),
             org(text, "乙商会", "association")]
    (record,) = builder.build(text, spans)
    assert (record.actor.text, record.recipient) == ("甲商会", None)


def test_bare_head_opening_a_clause_is_the_actor_and_sources_are_not(builder):
    text = ("截至2月20日，中心累计筹集善款6.4万元，接收爱心商户捐赠的棉衣150件、大米2吨。"
            "3月1日至3月5日，中心组织志愿者共30人，分成6组走访空巢老人，发放慰问包150份。")
    spans = [date(text, "2月20日", "2022-02-20", "as_of"), money(text, "6.4万元", "64000"),
             qty(text, "150件", "150", "件", "棉衣"), qty(text, "2吨", "2", "吨", "大米"),
             qty(text, "30人", "30", "人", "志愿者"), qty(text, "6组", "6", "组"),
             qty(text, "150份", "150", "份", "慰问包")]
    got = facts(builder.build(text, spans))
    assert got["6.4万元"] == ("raise", "中心", "2月20日", None)
    assert got["150件"] == ("receive", "中心", "2月20日", None)
    assert got["2吨"] == ("receive", "中心", "2月20日", None)
    assert got["150份"][:2] == ("disburse", "中心")
    text = "市中心医院捐赠口罩800个。"  # 中心 inside a word is no back-reference
    spans = [qty(text, "800个", "800", "个", "口罩")]
    assert builder.build(text, spans)[0].actor is None


def test_qizhong_comma_clause_with_its_own_subject_is_a_new_act(builder):
    text = ("截至4月1日，协会接收社会捐赠的帐篷90顶，其中，北辰物流有限公司捐赠帐篷40顶，"
            "价值约2.4万元。")
    spans = [date(text, "4月1日", "2022-04-01", "as_of"), qty(text, "90顶", "90", "顶", "帐篷"),
             org(text, "北辰物流有限公司", "company"), qty(text, "40顶", "40", "顶", "帐篷"),
             money(text, "约2.4万元", "24000")]
    got = facts(builder.build(text, spans))
    assert got["90顶"] == ("receive", "协会", "4月1日", None)
    assert got["40顶"] == ("donate", "北辰物流有限公司", "4月1日", None)
    assert got["约2.4万元"] == ("donate", "北辰物流有限公司", "4月1日", "value_of_goods")


def test_scope_and_organisation_word_with_xitong_is_a_group_actor(builder):
    text = "截至9月3日，全县工商联系统共接收捐款折合人民币86万元。全市红十字系统发放棉被400床。"
    spans = [date(text, "9月3日", "2022-09-03", "as_of"), money(text, "人民币86万元", "860000"),
             qty(text, "400床", "400", "床", "棉被")]
    got = facts(builder.build(text, spans))
    assert got["人民币86万元"][:2] == ("receive", "全县工商联系统")
    assert got["400床"][:2] == ("disburse", "全市红十字系统")


def test_building_counts_and_rescue_team_dispatch_are_not_goods(builder):
    text = ("县民政局拨付资金40万元，用于新建3个冷库和硬化村道1.5公里。"
            "东山应急救援队派出队员18人、救援车辆4台赶赴灾区。"
            "北岭救援队派出冲锋舟3艘。慈善会捐赠救护车2台。")
    spans = [org(text, "县民政局", "government"), money(text, "40万元", "400000"),
             qty(text, "3个", "3", "个", "冷库"), qty(text, "1.5公里", "1.5", "公里"),
             org(text, "东山应急救援队", "rescue_team"), qty(text, "18人", "18", "人", "队员"),
             qty(text, "4台", "4", "台", "救援车辆"), org(text, "北岭救援队", "rescue_team"),
             qty(text, "3艘", "3", "艘", "冲锋舟"), qty(text, "2台", "2", "台", "救护车")]
    got = facts(builder.build(text, spans))
    assert set(got) == {"40万元", "2台"}
    assert got["2台"][:2] == ("donate", "慈善会")
    text = "截至5月2日，服务中心已派出防疫包900份。"  # goods handed out, no team deployed
    spans = [date(text, "5月2日", "2022-05-02", "as_of"), qty(text, "900份", "900", "份", "防疫包")]
    assert facts(builder.build(text, spans))["900份"][0] == "disburse"


def test_per_unit_amounts_are_not_records(builder):
    text = ("基金会已发放救助金320万元，受助家庭160户，每户可领取2万元。"
            "资助特色种植项目20个，单个项目资助3至6万元，部分示范村4-5万。"
            "另为困难学生人均补助800元。")
    spans = [money(text, "320万元", "3200000"), qty(text, "160户", "160", "户"),
             money(text, "2万元", "20000"), qty(text, "20个", "20", "个", "特色种植项目"),
             money(text, "3至6万元", "30000"), money(text, "4-5万", "40000"),
             money(text, "800元", "800")]
    got = facts(builder.build(text, spans))
    assert set(got) == {"320万元"}


def test_recipient_named_by_a_hand_over_verb(builder):
    text = ("东湾校友会筹集善款4.2万美元，委托青石县红十字会用于修缮校舍。"
            "两家商会分别捐赠1万欧元、3万欧元，款项已汇入市侨联救灾专户。"
            "协会捐赠饮用水800箱，并转交给北坡镇政府统一调配。")
    spans = [org(text, "东湾校友会", "other"), money(text, "4.2万美元", "42000"),
             org(text, "青石县红十字会", "red_cross"), money(text, "1万欧元", "10000"),
             money(text, "3万欧元", "30000"), org(text, "市侨联", "association"),
             qty(text, "800箱", "800", "箱", "饮用水"), org(text, "北坡镇政府", "government")]
    records = builder.build(text, spans)
    assert [r.recipient.text for r in records] == ["青石县红十字会", "市侨联", "北坡镇政府"]


def test_money_converted_with_zhehe_is_not_a_value_of_goods(builder):
    text = "截至6月2日，全市侨联系统共接收海外捐款折合人民币320万元、物资折合人民币45万元。"
    spans = [date(text, "6月2日", "2022-06-02", "as_of"), money(text, "人民币320万元", "3200000"),
             money(text, "人民币45万元", "450000")]
    (record,) = builder.build(text, spans)
    assert [(m.text, m.role) for m in record.money] == [
        ("人民币320万元", None), ("人民币45万元", "value_of_goods")]


def test_nominal_donations_are_not_priced_goods_and_zhekuan_values_goods(builder):
    text = "上半年，基金会共接受社会捐赠8600万元。东山农业公司捐赠种子12吨，折款9万元。"
    spans = [money(text, "8600万元", "86000000"), org(text, "东山农业公司", "company"),
             qty(text, "12吨", "12", "吨", "种子"), money(text, "9万元", "90000")]
    got = facts(builder.build(text, spans))
    assert got["8600万元"][3] is None
    assert got["9万元"] == ("donate", "东山农业公司", None, "value_of_goods")


def test_a_generic_giver_after_existential_you_acts_on_its_own(builder):
    text = "青禾公益基金会捐赠口罩3万只，另有企业捐赠手套2万副，还有个人捐款6万元。"
    spans = [org(text, "青禾公益基金会"), qty(text, "3万只", "30000", "只", "口罩"),
             qty(text, "2万副", "20000", "副", "手套"), money(text, "6万元", "60000")]
    records = builder.build(text, spans)
    assert [(r.actor.text, [m.text for m in r.money + r.goods]) for r in records] == [
        ("青禾公益基金会", ["3万只"]), ("企业", ["2万副"]), ("个人", ["6万元"])]
