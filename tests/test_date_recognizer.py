"""DateRecognizer over whole (constructed) texts: spans, relations, references back, non-dates."""
import datetime as dt
import json

import pytest
from hypothesis import given, settings, strategies as st

from socorg_nlp.components.base import FindContext
from socorg_nlp.normalize import normalize
from socorg_nlp.recognizers.dates import DateRecognizer

D = dt.date


@pytest.fixture(scope="module")
def recognizer():
    return DateRecognizer(DateRecognizer.default_data())


def found(recognizer, text, reference=D(2021, 3, 20)):
    norm = normalize(text)
    return [(text[m.start:m.end], m.value) for m in recognizer.find(norm, FindContext(reference))]


def test_spans_values_and_relations_in_a_report(recognizer):
    text = ("截至3月12日，某市慈善总会累计接收捐款。3月8日，协会下发通知，自即日起开通热线。"
            "3月1日、5日两次召开会议，当天部署工作。3月16日晚20时，首批物资运抵。")
    got = found(recognizer, text)
    assert [t for t, _ in got] == ["3月12日", "3月8日", "即日", "3月1日", "5日", "当天",
                                   "3月16日晚20时"]
    values = dict(got)
    assert values["3月12日"].relation == "as_of" and values["3月12日"].start == D(2021, 3, 12)
    assert values["即日"].relation == "since" and values["即日"].start == D(2021, 3, 8)
    assert values["5日"].start == values["5日"].end == D(2021, 3, 5)
    assert values["当天"].start == D(2021, 3, 5)
    assert values["3月16日晚20时"].time == dt.time(20, 0)


def test_trigger_words_stay_outside_the_span(recognizer):
    text = "从腊月廿八开始，志愿者驻守路口；春节长假期间，企业赶工。5月份以来，捐赠持续。"
    got = found(recognizer, text)
    assert [(t, v.relation) for t, v in got] == [("腊月廿八", "since"), ("春节", "during"),
                                                 ("5月份", "since")]
    assert got[0][1].calendar == "lunar" and got[0][1].start == D(2021, 2, 9)
    assert (got[1][1].start, got[1][1].end) == (D(2021, 2, 11), D(2021, 2, 17))


def test_words_that_only_start_like_a_trigger(recognizer):
    got = found(recognizer, "2月1日前往灾区，3月5日起草方案，3月16日前后到位，3月20日前完成。")
    assert [(t, v.relation) for t, v in got] == [("2月1日", None), ("3月5日", None),
                                                 ("3月16日", None), ("3月20日", "until")]
    assert found(recognizer, "以前年轻时做过志愿者") == []


def test_muqian_only_after_an_as_of_trigger(recognizer):
    got = found(recognizer, "目前各地正在复工。截至目前，共募集善款。")
    assert [(t, v.relation, v.start) for t, v in got] == [("目前", "as_of", D(2021, 3, 20))]


def test_jiri_without_an_earlier_date_takes_the_reference(recognizer):
    got = found(recognizer, "即日起，本会暂停线下活动。")
    assert [(t, v.start, v.relation) for t, v in got] == [("即日", D(2021, 3, 20), "since")]


def test_explicit_ranges_are_one_span(recognizer):
    got = found(recognizer, "活动时间为2月22日至3月5日，报名时间2月1日-2月10日。")
    assert [(t, v.start, v.end) for t, v in got] == [
        ("2月22日至3月5日", D(2021, 2, 22), D(2021, 3, 5)),
        ("2月1日-2月10日", D(2021, 2, 1), D(2021, 2, 10))]


@pytest.mark.parametrize("text", [
    "善款共计5.42亿元，折合4175.286万元", "4000多名志愿者", "90后青年", "第一时间响应",
    "民社发〔2021〕5号文件", "电话：0571-87654321", "地址：某大厦C座2205", "今日头条等平台报道",
    "中华慈善日当天", "99公益日", "“9·5”慈善日", "近日，日前，连日来，节日期间，疫情期间",
    "24小时在岗，20多天", "近20年来，协会坚持服务", "三月春风", "两点建议", "3日内完成"])
def test_not_dates(recognizer, text):
    assert found(recognizer, text) == []


def test_bare_month_parts_take_the_article_month(recognizer):
    text = "该站上旬接待游客3000人，中旬起每天开放；月初签约的项目计划月底前完工，月末验收。下旬另有安排。"
    got = found(recognizer, text, reference=D(2022, 2, 15))
    assert [(t, v.start, v.end, v.relation) for t, v in got] == [
        ("上旬", D(2022, 2, 1), D(2022, 2, 10), None),
        ("中旬", D(2022, 2, 11), D(2022, 2, 20), "since"),
        ("月初", D(2022, 2, 1), D(2022, 2, 10), None),
        ("月底", D(2022, 2, 21), D(2022, 2, 28), "until"),
        ("月末", D(2022, 2, 21), D(2022, 2, 28), None),
        ("下旬", D(2022, 2, 21), D(2022, 2, 28), None)]
    # A month written before the part keeps the whole date in one span.
    assert [t for t, _ in found(recognizer, "9月下旬起，本月底前，上月初")] == [
        "9月下旬", "本月底", "上月初"]
    assert found(recognizer, "月底前完成", reference=None)[0][1].start is None


@pytest.mark.parametrize("text", [
    "不忘岁月初心", "峥嵘岁月底蕴深厚", "明月初升", "日月初开", "每月月底结算一次", "每月上旬例会",
    "用了两个月初步建成", "蜜月初期", "腊月初", "同月下旬", "半个月初见成效", "闰月初", "月初步骤"])
def test_month_parts_inside_other_words_are_not_dates(recognizer, text):
    assert found(recognizer, text) == []


def test_clock_times_alone_but_not_ratios(recognizer):
    got = found(recognizer, "按1:10比例配捐，比分3:1。服务时间：9:00-17:00，晚上9:30结束。")
    assert [(t, v.time) for t, v in got] == [("9:00", dt.time(9, 0)), ("17:00", dt.time(17, 0)),
                                             ("晚上9:30", dt.time(21, 30))]
    assert all(v.start == D(2021, 3, 20) for _, v in got)


def test_nothing_inside_book_titles(recognizer):
    assert found(recognizer, "印发《关于2021年3月1日起实施的通知》") == []


def test_traditional_and_full_width_text(recognizer):
    got = found(recognizer, "截至３月１２日，省慈善總會累計接收捐款；昨天又收到一筆。")
    assert [(t, v.start, v.relation) for t, v in got] == [
        ("３月１２日", D(2021, 3, 12), "as_of"), ("昨天", D(2021, 3, 19), None)]


def test_published_date_is_the_fallback_reference(recognizer):
    page = "新闻中心\n发布时间：2021-01-06 09:30\n\n12月30日，协会向养老院捐赠物资。"
    assert recognizer.find_published(normalize(page)) == D(2021, 1, 6)
    got = found(recognizer, page, reference=None)
    assert [(t, v.start, v.time) for t, v in got] == [
        ("2021-01-06 09:30", D(2021, 1, 6), dt.time(9, 30)), ("12月30日", D(2020, 12, 30), None)]


def test_no_reference_and_no_published_date_leave_yearless_dates_open(recognizer):
    got = found(recognizer, "12月30日，协会向养老院捐赠物资。", reference=None)
    assert [(t, v.start, v.end) for t, v in got] == [("12月30日", None, None)]


def test_the_data_survives_a_json_round_trip(recognizer):
    data = json.loads(json.dumps(DateRecognizer.default_data(), ensure_ascii=False))
    text = "截至2月11日，春节期间，4月初以来"
    assert DateRecognizer(data).find(text, FindContext(D(2021, 3, 20))) == recognizer.find(
        text, FindContext(D(2021, 3, 20)))


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="0123456789零一二三四五六七八九十廿年月日号时点分至到、，。.-:初旬底春节农历正截自起以来期间当天即目前晚上午《》",
               max_size=80), st.one_of(st.none(), st.dates(D(1950, 1, 1), D(2090, 12, 31))))
def test_date_alphabet_never_crashes_and_spans_do_not_overlap(recognizer, text, reference):
    matches = recognizer.find(text, FindContext(reference))
    end = 0
    for m in matches:
        assert end <= m.start < m.end <= len(text) and m.label == "DATE"
        assert m.value.start is None or m.value.end >= m.value.start
        end = m.end


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_crashes(recognizer, text):
    recognizer.find(text, FindContext(None))
    recognizer.find_published(text)


@pytest.mark.parametrize("unit", ["1", "万", "余", "年", "协会", "十", "晚"])
def test_a_megabyte_of_repetition_gives_well_formed_matches(recognizer, unit):
    # Speed on such inputs is measured in benchmarks/; here only that they finish sanely.
    text = unit * (1_000_000 // len(unit))
    matches = recognizer.find(text, FindContext(D(2021, 3, 20)))
    assert all(0 <= m.start < m.end <= len(text) for m in matches)
    assert recognizer.find_published(text) is None


def test_half_years_with_and_without_a_year(recognizer):
    text = "上半年，协会共走访农户。2021年下半年起开展培训；明年上半年完成验收。每年上半年例会。"
    got = found(recognizer, text, reference=D(2024, 8, 3))
    assert [(t, v.start, v.end, v.relation) for t, v in got] == [
        ("上半年", D(2024, 1, 1), D(2024, 6, 30), None),
        ("2021年下半年", D(2021, 7, 1), D(2021, 12, 31), "since"),
        ("明年上半年", D(2025, 1, 1), D(2025, 6, 30), None)]
    # Traditional characters and a Chinese-numeral year read the same way.
    assert [(t, v.start) for t, v in found(recognizer, "二〇一九年下半年，本會擴大服務")] == [
        ("二〇一九年下半年", D(2019, 7, 1))]
    assert found(recognizer, "下半年将继续推进", reference=None)[0][1].start is None
