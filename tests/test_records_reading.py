"""How the records builder reads a document: sentence cuts, the subject a sentence carries on,
span order, its word finder and subject candidates (constructed sentences, hand-made spans)."""
import datetime as dt
import random
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socorg_nlp.recognizers.records import (_Amount, _Sentence, _finder, _list_ends,
                                           _outermost)
from socorg_nlp.types import DateValue, Match, Money, Org, Quantity
from text_helpers import at


def actors(records):
    """{first amount text: actor text}."""
    return {(r.money + r.goods)[0].text: r.actor and r.actor.text for r in records}


def test_subject_carried_past_sentences_without_one(builder):
    text = ("青山基金会召开理事会。会议持续两小时。与会人员讨论了方案。共募集资金30万元。"
            "白云商会随后响应。大家反应热烈。累计捐款12万元。")
    spans = [Match(*at(text, "青山基金会"), "ORG", Org("青山基金会", "foundation")),
             Match(*at(text, "白云商会"), "ORG", Org("白云商会", "association")),
             Match(*at(text, "30万元"), "MONEY", Money(Decimal(300000))),
             Match(*at(text, "12万元"), "MONEY", Money(Decimal(120000)))]
    # the nearest earlier sentence naming a subject gives it, however many sentences lie between
    assert actors(builder.build(text, spans)) == {"30万元": "青山基金会", "12万元": "白云商会"}


def test_several_acts_of_one_sentence_share_the_carried_subject(builder):
    text = "红枫协会发出倡议。目前共募集资金8万元，拨付资金5万元。"
    spans = [Match(*at(text, "红枫协会"), "ORG", Org("红枫协会", "association")),
             Match(*at(text, "8万元"), "MONEY", Money(Decimal(80000))),
             Match(*at(text, "5万元"), "MONEY", Money(Decimal(50000)))]
    assert actors(builder.build(text, spans)) == {"8万元": "红枫协会", "5万元": "红枫协会"}


@pytest.mark.parametrize("gap, joined", [("", True), ("  ", True), ("\u3000" * 6, True),
                                         ("\u3000" * 7, False), ("\n", False)])
def test_sentence_listing_parts_joins_the_one_before(builder, gap, joined):
    text = f"东湖商会共募集款物4亿元。{gap}其中，资金3亿元，物资价值1亿元。"
    spans = [Match(*at(text, "东湖商会"), "ORG", Org("东湖商会", "association"))] + [
        Match(*at(text, amount), "MONEY", Money(Decimal(1))) for amount in ("4亿元", "3亿元", "1亿元")]
    records = builder.build(text, spans)
    # 其中 within the window after the stop (blanks and 其中 in 8 characters) reads on as
    # one sentence; further on, or after a line break, the parts are read apart
    assert (len(records) == 1 and [m.role for m in records[0].money] == ["total", "part", "part"]) \
        is joined


def test_span_order_does_not_matter_and_a_colon_inside_a_span_does_not_cut(builder):
    text = "金桥基金会12:30捐赠口罩2万个、手套5000副，资金10万元。"
    day = DateValue(dt.date(2020, 2, 3), dt.date(2020, 2, 3))
    spans = [Match(*at(text, "12:30"), "DATE", day),
             Match(*at(text, "12"), "DATE", day),  # a shorter span at the same start
             Match(*at(text, "金桥基金会"), "ORG", Org("金桥基金会", "foundation")),
             Match(*at(text, "2万个"), "QUANTITY", Quantity(Decimal(20000), "个", "口罩")),
             Match(*at(text, "5000副"), "QUANTITY", Quantity(Decimal(5000), "副", "手套")),
             Match(*at(text, "10万元"), "MONEY", Money(Decimal(100000)))]
    shuffled = spans[:]
    random.Random(3).shuffle(shuffled)
    (record,) = builder.build(text, spans)
    assert builder.build(text, shuffled) == builder.build(text, spans[::-1]) == [record]
    # the clause runs from the name: the longer span at 12 keeps its colon from cutting
    assert (record.start, record.actor.text) == (0, "金桥基金会")
    assert [g.text for g in record.goods] == ["2万个", "5000副"]


def test_finder_finds_any_word_or_none():
    assert _finder(["每户", "每人"]).search("为每人发放").group() == "每人"
    assert _finder(["每户"]).search("发放口罩") is None
    assert _finder([]).search("任何文字") is None
    assert _finder([""]).search("") is not None  # as "" in text is always true


def test_outermost_keeps_candidates_inside_no_other():
    cands = [(0, 4, True), (2, 4, False), (0, 4, True), (5, 9, False), (5, 7, True),
             (10, 12, True), (10, 12, False), (11, 12, True), (13, 15, False)]
    # (2, 4) and (5, 7) lie inside others; a range both an organisation and a group phrase
    # lies inside its twin, as does what lies inside them
    assert _outermost(cands) == [(0, 4, True), (5, 9, False), (13, 15, False)]


@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 6), st.booleans()), max_size=25))
def test_outermost_is_the_pairwise_definition(raw):
    cands = [(s, s + n, flag) for s, n, flag in raw]
    pairwise = [c for c in cands
                if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in cands)]
    assert _outermost(cands) == sorted(set(pairwise))


def test_list_ends_of_a_joint_subject():
    text = "甲、乙、丙协会等三十多家成员单位"
    # after 甲: the list 、乙、丙协会等 ends past its 等
    assert _list_ends(text, 1) == [text.index("等") + 1]
    assert _list_ends("等单位", 0) == [1] and _list_ends("、、等", 0) == []


@given(st.text(alphabet="、等甲，", max_size=40), st.integers(0, 42), st.integers(0, 42))
def test_list_ends_answer_what_the_regex_matches(text, pos, limit):
    regex = re.compile(r"(?:、[^，,。；;、]{1,12})*等")
    m = regex.match(text, pos, limit)
    ends = [e for e in _list_ends(text, pos) if e <= limit]
    assert (ends[-1] if ends else None) == (m and m.end())


def test_totals_and_parts_of_brackets_in_turn(builder):
    text = "白鹭基金会共接收捐赠9万元（资金6万元（其中定向2万元），物资价值3万元），另有1万元。"
    spans = [Match(*at(text, "白鹭基金会"), "ORG", Org("白鹭基金会", "foundation"))] + [
        Match(*at(text, a), "MONEY", Money(Decimal(1)))
        for a in ("9万元", "6万元", "2万元", "3万元", "1万元")]
    (record,) = builder.build(text, spans)
    # an amount before a bracket totals the amounts up to the first closing mark; the inner
    # total stays one, and 3万元 after that mark is read as what the goods are worth
    assert [(m.text, m.role) for m in record.money] == [
        ("9万元", "total"), ("6万元", "total"), ("2万元", "part"), ("3万元", "value_of_goods"),
        ("1万元", None)]


def bracket_roles_one_by_one(text, end, money):
    """The roles as each bracket assigns them in turn, a later one overwriting."""
    roles = {}
    for m in money:
        if m.end < len(text) and text[m.end] in "(（":
            close = next((i for i in range(m.end, end) if text[i] in ")）"), end)
            parts = [x for x in money if m.end < x.start and x.end <= close]
            if parts:
                roles[m] = "total"
                roles.update((p, "part") for p in parts)
    return roles


@given(st.text(alphabet="甲（)）(，", min_size=1, max_size=24),
       st.lists(st.tuples(st.integers(0, 23), st.integers(1, 5)), max_size=8))
def test_bracket_roles_as_assigned_in_turn(text, raw):
    money = sorted({_Amount(s, min(s + n, len(text)), "MONEY") for s, n in raw if s < len(text)},
                   key=lambda m: (m.start, -m.end))
    sentence = SimpleNamespace(t=text, end=len(text),
                               closers=[i for i, ch in enumerate(text) if ch in ")）"])
    assert _Sentence._bracket_roles(sentence, money) == bracket_roles_one_by_one(
        text, len(text), money)


def test_text_without_a_giving_verb_has_no_records(builder):
    text = "全市社会组织营业额约3000万元，服务群众1.2万人次。"
    spans = [Match(*at(text, "约3000万元"), "MONEY", Money(Decimal(30000000))),
             Match(*at(text, "1.2万人次"), "QUANTITY", Quantity(Decimal(12000), "人次"))]
    assert builder.build(text, spans) == []
