"""AmountRecognizer reads a stretch of text that repeats (1年1年1年…) once and copies what it
found: the copies must be exactly what reading every number gives."""
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from socorg_nlp.components.base import FindContext
from socorg_nlp.normalize import normalize
from socorg_nlp.recognizers.amounts import AmountRecognizer, _period_end, _Words
from socorg_nlp.types import Match, Quantity


class _EveryNumber(AmountRecognizer):
    """Reads every number on its own: the reference for the copies."""

    def _repeat(self, *args):
        return None


@pytest.fixture(scope="module")
def recognizers():
    data = AmountRecognizer.default_data()
    return AmountRecognizer(data), _EveryNumber(data)


# Words of report sentences, written for this test: numbers, units, currencies, approximation
# words, item names, links and punctuation, so that repeated pieces meet every rule.
TOKENS = ["1", "25", "3.5", "两", "三", "十", "万", "余", "多", "年", "个", "人次", "箱", "小时",
          "次", "份", "月", "日", "级", "号", "栋", "元", "万元", "美元", "人民币", "￥", "约",
          "近", "超过", "以上", "左右", "上", "有", "达", "了", "，", "。", "、", "：", ":", " ",
          "“", "”", "《", "》", "价值", "捐款", "口罩", "大米", "和", "每", "共", "百分之", "%",
          "第", "的", "服务", "物资", "\n"]
PIECE = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=7).map("".join)
# A repeated piece: mostly a number and a unit, between other words.
PERIOD = st.tuples(st.one_of(st.just(""), PIECE),
                   st.sampled_from(["1", "25", "3.5", "两", "十", "万", "三百"]),
                   st.sampled_from(["年", "个", "人次", "箱", "小时", "次", "份", "元", "万元",
                                    "美元", "%", "级", "号", "栋", "个月", "袋"] + TOKENS),
                   st.one_of(st.just(""), PIECE)).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=PIECE, period=st.one_of(PERIOD, PIECE), times=st.integers(2, 150), tail=PIECE,
       data=st.data())
def test_copies_equal_reading_every_number(recognizers, head, period, times, tail, data):
    fast, reference = recognizers
    text = normalize(head + period * times + tail)
    bounds = st.integers(0, len(text))
    existing = [Match(min(a, b), max(a, b), "ORG", None)
                for a, b in data.draw(st.lists(st.tuples(bounds, bounds), max_size=3))]
    context = FindContext(existing=existing)
    assert fast.find(text, context) == reference.find(text, context)
    assert fast.find(text, FindContext()) == reference.find(text, FindContext())


@pytest.mark.parametrize("piece", ["1年", "3月1年", "一线1年", "《1年》", "约3万元，", "口罩5箱、",
                                   "价值1，", "服务人次：5 ", "3个多月", "“5个”项目"])
def test_dense_runs_equal_reading_every_number(recognizers, piece):
    fast, reference = recognizers
    text = "截至昨日，" + piece * 600 + "共计"
    context = FindContext(existing=[Match(2, 4, "DATE", None)])
    assert fast.find(text, context) == reference.find(text, context)


def test_a_long_run_is_read_once_and_found_whole(recognizers):
    fast, _ = recognizers
    text = "1年" * 5000
    matches, repeats = fast._scan(text, bytearray(len(text)))
    assert len(matches) < 200 and repeats  # a few read, the rest copied
    found = fast.find(text, FindContext())
    assert len(found) == 5000
    assert found[-1] == Match(9998, 10000, "QUANTITY", Quantity(Decimal(1), "年"))
    assert {m.value for m in found} == {Quantity(Decimal(1), "年")}


def test_items_of_copies_follow_the_first(recognizers):
    fast, reference = recognizers
    text = "仓库收到大米" + "300袋" * 400 + "完毕"
    found = fast.find(text, FindContext())
    assert found == reference.find(text, FindContext())
    assert len(found) == 400
    # The same goods throughout; the last one is followed by a word of its own.
    assert [m.value.item for m in found] == ["大米"] * 399 + ["完毕"]


def test_period_end():
    assert _period_end("abcabcabcX", 0, 3, 7) == 6  # 'X' differs from text[6] + 3
    assert _period_end("abcabcabc", 0, 3, 6) == 6  # stops at the limit
    assert _period_end("abcd", 0, 1, 3) == 0
    assert _period_end("aaaaab", 1, 1, 5) == 4


def test_words_longest_first_at_both_edges():
    words = _Words(["约", "大约", "约合", ""])
    assert words.at("大约合", 1) == "约合"
    assert words.at("大约合", 0) == "大约"
    assert words.at("大约合", 2) is None
    assert words.ending("大约合", 2) == "大约"
    assert words.ending("大约合", 2, low=1) == "约"
    assert words.ending("大约合", 0) is None
    assert words.firsts == {"约", "大"} and words.lasts == {"约", "合"}
