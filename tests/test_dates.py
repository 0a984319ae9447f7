"""Calendar arithmetic and resolve_date: every written date form, year inference, periods,
lunar dates and festivals, and the publication date a page states."""
import calendar
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from socorg_nlp.dates import (find_published, infer_year, last_day, lunar_to_solar,
                              month_span, resolve_date, small_number, solar_term_day,
                              two_digit_year, weighted_distance)
from socorg_nlp.types import DateValue

D = dt.date
REF = D(2020, 2, 14)


def span(value: DateValue):
    return value.start, value.end


@pytest.mark.parametrize("text, number", [
    ("2020", 2020), ("二〇二〇", 2020), ("一九九八", 1998), ("十", 10), ("十二", 12),
    ("二十", 20), ("二十三", 23), ("三十一", 31), ("廿五", 25), ("七", 7)])
def test_small_number(text, number):
    assert small_number(text) == number


def test_small_number_names_bad_input():
    with pytest.raises(ValueError, match="十十"):
        small_number("十十")


def test_spec_examples_of_year_inference():
    # In an article of 2020-01-05, 12月30日 is 2019-12-30.
    assert span(resolve_date("12月30日", D(2020, 1, 5))) == (D(2019, 12, 30), D(2019, 12, 30))
    # In one of 2024-01-22, 春节前 is before the 2024 festival (除夕 2024-02-09).
    value = resolve_date("春节前", D(2024, 1, 22))
    assert span(value) == (D(2024, 2, 9), D(2024, 2, 15))
    assert value.relation == "until" and value.calendar == "lunar"


def test_a_day_after_counts_three_times_as_far():
    # 40 days ahead (weighted 120) loses to 100 days back; 30 days ahead (90) wins.
    ref = D(2021, 6, 1)
    assert infer_year(ref, lambda y: D(y, 7, 11)) == 2021
    assert weighted_distance(D(2021, 7, 11), ref) == 120
    assert infer_year(ref, lambda y: D(y, 9, 30)) == 2020


@pytest.mark.parametrize("text, start, end", [
    ("2019年11月5日", D(2019, 11, 5), D(2019, 11, 5)),
    ("2020-04-15", D(2020, 4, 15), D(2020, 4, 15)),
    ("2020/4/15", D(2020, 4, 15), D(2020, 4, 15)),
    ("2020.4.15", D(2020, 4, 15), D(2020, 4, 15)),
    ("二〇二〇年二月十四日", D(2020, 2, 14), D(2020, 2, 14)),
    ("2月11日", D(2020, 2, 11), D(2020, 2, 11)),
    ("2月11号", D(2020, 2, 11), D(2020, 2, 11)),
    ("3月", D(2020, 3, 1), D(2020, 3, 31)),
    ("4月份", D(2020, 4, 1), D(2020, 4, 30)),
    ("2020年", D(2020, 1, 1), D(2020, 12, 31)),
    ("今年", D(2020, 1, 1), D(2020, 12, 31)),
    ("去年", D(2019, 1, 1), D(2019, 12, 31)),
    ("前年", D(2018, 1, 1), D(2018, 12, 31)),
    ("03年", D(2003, 1, 1), D(2003, 12, 31)),
    ("1月初", D(2020, 1, 1), D(2020, 1, 10)),
    ("1月上旬", D(2020, 1, 1), D(2020, 1, 10)),
    ("1月中旬", D(2020, 1, 11), D(2020, 1, 20)),
    ("2月下旬", D(2020, 2, 21), D(2020, 2, 29)),
    ("1月底", D(2020, 1, 21), D(2020, 1, 31)),
    ("1月末", D(2020, 1, 21), D(2020, 1, 31)),
    ("今日", REF, REF),
    ("昨日", D(2020, 2, 13), D(2020, 2, 13)),
    ("昨天", D(2020, 2, 13), D(2020, 2, 13)),
    ("前天", D(2020, 2, 12), D(2020, 2, 12)),
    ("3月1日至3月31日", D(2020, 3, 1), D(2020, 3, 31)),
    ("1月26日—2月4日", D(2020, 1, 26), D(2020, 2, 4)),
    ("1月5日至20日", D(2020, 1, 5), D(2020, 1, 20)),
    ("12月28日至1月3日", D(2019, 12, 28), D(2020, 1, 3)),
    ("2019年1-3月", D(2019, 1, 1), D(2019, 3, 31)),
    ("1至2月份", D(2020, 1, 1), D(2020, 2, 29)),
    ("1月6至9日", D(2020, 1, 6), D(2020, 1, 9)),
    ("2019年上半年", D(2019, 1, 1), D(2019, 6, 30)),
])
def test_forms(text, start, end):
    value = resolve_date(text, REF)
    assert span(value) == (start, end)
    assert value.time is None and value.relation is None and value.calendar is None


@pytest.mark.parametrize("text, day, time", [
    ("2月6日零时", D(2020, 2, 6), dt.time(0, 0)),
    ("2月6日晚21点", D(2020, 2, 6), dt.time(21, 0)),
    ("2月6日下午4时", D(2020, 2, 6), dt.time(16, 0)),
    ("2月6日16时30分", D(2020, 2, 6), dt.time(16, 30)),
    ("2月6日19时", D(2020, 2, 6), dt.time(19, 0)),
    ("2月6日晚上8点半", D(2020, 2, 6), dt.time(20, 30)),
    ("2022-04-15 17:06:43", D(2022, 4, 15), dt.time(17, 6)),
    ("2019年5月6日 08:30", D(2019, 5, 6), dt.time(8, 30)),
    ("2月6日24时", D(2020, 2, 6), None),  # the end of the day: no time of day says so
    ("2月6日晚", D(2020, 2, 6), None),
    ("2月6日上午", D(2020, 2, 6), None),
])
def test_clock_times_and_parts_of_day(text, day, time):
    value = resolve_date(text, REF)
    assert span(value) == (day, day) and value.time == time


@pytest.mark.parametrize("text, start, end, calendar_kind", [
    ("正月初三", D(2020, 1, 27), D(2020, 1, 27), "lunar"),
    ("农历二月初二", D(2020, 2, 24), D(2020, 2, 24), "lunar"),
    ("腊月廿三", D(2020, 1, 17), D(2020, 1, 17), "lunar"),
    ("春节", D(2020, 1, 24), D(2020, 1, 30), "lunar"),
    ("除夕", D(2020, 1, 24), D(2020, 1, 24), "lunar"),
    ("元宵", D(2020, 2, 8), D(2020, 2, 8), "lunar"),
    ("元旦", D(2020, 1, 1), D(2020, 1, 1), None),
    ("清明", D(2020, 4, 4), D(2020, 4, 4), None),
    ("2021年端午", D(2021, 6, 14), D(2021, 6, 14), "lunar"),
    ("2021年中秋", D(2021, 9, 21), D(2021, 9, 21), "lunar"),
    ("2021年国庆", D(2021, 10, 1), D(2021, 10, 7), None),
    ("2023年春节", D(2023, 1, 21), D(2023, 1, 27), "lunar"),
])
def test_lunar_dates_and_festivals(text, start, end, calendar_kind):
    value = resolve_date(text, REF)
    assert span(value) == (start, end) and value.calendar == calendar_kind


def test_lunar_and_solar_terms():
    assert lunar_to_solar(2022, 1, 1) == D(2022, 2, 1)
    assert lunar_to_solar(2020, 1, 30) is None  # 正月 of 2020 has 29 days
    assert [solar_term_day(y, 4, 5.59, 4.81) for y in (1999, 2008, 2019, 2020, 2023)] == [
        D(1999, 4, 5), D(2008, 4, 4), D(2019, 4, 5), D(2020, 4, 4), D(2023, 4, 5)]


@pytest.mark.parametrize("text, relation", [
    ("截至3月5日", "as_of"), ("截止3月5日", "as_of"), ("截至到3月5日", "as_of"),
    ("至3月5日止", "as_of"), ("自3月5日起", "since"), ("从3月5日开始", "since"),
    ("3月5日以来", "since"), ("3月5日起", "since"), ("到3月5日为止", "until"),
    ("3月5日之前", "until"), ("3月期间", "during"), ("3月5日", None)])
def test_relations_from_trigger_words(text, relation):
    assert resolve_date(text, REF).relation == relation


def test_without_reference_yearless_dates_stay_open():
    assert span(resolve_date("2月11日")) == (None, None)
    assert span(resolve_date("今年")) == (None, None)
    assert span(resolve_date("2020年3月9日")) == (D(2020, 3, 9), D(2020, 3, 9))


def test_resolve_date_names_text_without_a_date():
    with pytest.raises(ValueError, match="近日"):
        resolve_date("近日", REF)


def test_two_digit_years():
    assert two_digit_year(3, D(2020, 1, 1)) == 2003
    assert two_digit_year(98, D(2020, 1, 1)) == 1998


def test_month_span_knows_leap_years():
    assert month_span(2000, 2, 21) == (D(2000, 2, 21), D(2000, 2, 29))
    assert month_span(1900, 2, 21) == (D(1900, 2, 21), D(1900, 2, 28))
    assert month_span(2020, 13) is None


# --- the publication date -------------------------------------------------------------------

def test_published_from_a_labelled_line():
    page = "首页 > 动态\n某市慈善总会开展活动\n发布时间：2021-03-08 文章来源：本站\n\n正文第一段。"
    assert find_published(page) == D(2021, 3, 8)


def test_published_from_a_datetime_label_and_full_width_digits():
    page = "资讯\n发布日期：２０２１年３月８日　１０:２０\n\n3月5日，协会捐赠物资。"
    assert find_published(page) == D(2021, 3, 8)


def test_published_from_a_bracketed_label():
    assert find_published("【发布日期】 2021-3-8  【来源】本站\n\n正文。") == D(2021, 3, 8)


def test_published_from_a_masthead():
    page = "返回\n\n某省社会组织工作简报·2021年3月8日 12\n\n  一、工作动态\n截至3月5日，全省志愿者开展活动。"
    assert find_published(page) == D(2021, 3, 8)


def test_published_from_a_chrome_timestamp():
    page = "新闻中心\n某基金会开展助学活动\n2021-03-08 09:15:02\n\n3月5日，基金会向学校捐赠图书。"
    assert find_published(page) == D(2021, 3, 8)


@pytest.mark.parametrize("ending", [
    "某市慈善总会\n2022年6月9日",
    "某市慈善总会\n\n2022年6月9日\n\n",
    "某市民政局办公室\n二〇二二年六月九日",
    "某县红十字会　　2022年6月9日",
    "某区社会组织联合会   2022 年 6 月 9 日  ",
])
def test_published_from_the_closing_signature(ending):
    page = "关于开展助学活动的通知\n\n各会员单位：\n现将有关事项通知如下。\n\n" + ending
    assert find_published(page) == D(2022, 6, 9)


@pytest.mark.parametrize("ending", [
    "活动报名截止于2022年6月9日",                          # a sentence, not a signature
    "各单位请于\n2022年6月9日前报送材料。",
    "某市慈善总会\n6月9日",                                 # no year
    "某市慈善总会\n2022-06-09",                             # a chrome timestamp, not a signature
    "相关新闻\n协会召开年会 2022年5月3日\n协会开展培训 2022年6月9日",  # a list of dated links
    "某市慈善总会\n2022年6月9日\n联系人：王某",            # the date is not the last line
    "某市慈善总会\n2022年2月30日",                          # no such day
    "这是一个很长很长的句子没有标点但是长度已经远远超过一个署名应有的长度了所以不是署名\n2022年6月9日",
])
def test_no_published_date_from_a_date_that_is_no_signature(ending):
    page = "某协会开展助学活动。\n\n正文第一段。\n\n" + ending
    assert find_published(page) is None


def test_labels_and_mastheads_come_before_the_signature():
    page = "发布时间：2022-06-10\n\n正文第一段。\n\n某市慈善总会\n2022年6月9日"
    assert find_published(page) == D(2022, 6, 10)


def test_no_published_date_when_the_page_states_none():
    page = ("某协会积极参与防控\n\n2021年3月5日，协会向社区捐赠口罩。截至2021年3月8日，"
            "累计捐款10万元。\n")
    assert find_published(page) is None
    assert find_published("") is None
    # A title that starts with a date is not a masthead.
    assert find_published("2021年3月1日起施行的新规\n\n正文。") is None


# --- properties ---------------------------------------------------------------------------------

DATES = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))
_CN = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    tens, ones = divmod(n, 10)
    tens_text = "" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")
    return tens_text + (_CN[ones] if ones else "")


def _forms(day: D):
    y, m, d = day.year, day.month, day.day
    cn_year = "".join(_CN[int(c)] for c in str(y))
    return [f"{y}年{m}月{d}日", f"{y}-{m:02d}-{d:02d}", f"{y}/{m}/{d}", f"{y}.{m}.{d}",
            f"{y}-{m}-{d}", f"{y}年{m:02d}月{d:02d}日", f"{y}年{m}月{d}号",
            f"{cn_year}年{_cn_small(m)}月{_cn_small(d)}日"]


@settings(max_examples=150, deadline=None)
@given(DATES)
def test_every_written_form_parses_back(day):
    for text in _forms(day):
        assert span(resolve_date(text, REF)) == (day, day), text
    # Without a year, the date itself as reference date gives it back.
    assert span(resolve_date(f"{day.month}月{day.day}日", day)) == (day, day)


@settings(max_examples=100, deadline=None)
@given(st.integers(1900, 2100), st.integers(1, 12))
def test_month_periods_end_on_the_true_last_day(year, month):
    last = D(year, month, calendar.monthrange(year, month)[1])
    assert span(resolve_date(f"{year}年{month}月", REF)) == (D(year, month, 1), last)
    assert span(resolve_date(f"{year}年{month}月下旬", REF)) == (D(year, month, 21), last)
    assert span(resolve_date(f"{year}年{month}月底", REF)) == (D(year, month, 21), last)


def test_last_day_of_a_month():
    assert [last_day(2021, m) for m in range(1, 13)] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
                                                        30, 31]
    assert (last_day(2020, 2), last_day(1900, 2), last_day(2000, 2)) == (29, 28, 29)
    with pytest.raises(calendar.IllegalMonthError):
        last_day(2020, 13)


@settings(max_examples=200, deadline=None)
@given(st.integers(-1000, 12000), st.integers(1, 12))
def test_last_day_agrees_with_the_calendar_module(year, month):
    assert last_day(year, month) == calendar.monthrange(year, month)[1]


def _spec_distance(day: D, reference: D) -> int:
    delta = (day - reference).days
    return -delta if delta <= 0 else 3 * delta


@settings(max_examples=150, deadline=None)
@given(DATES, st.integers(1, 12), st.integers(1, 31))
def test_year_inference_follows_the_distance_rule(reference, month, day):
    candidates = []
    for year in range(reference.year - 4, reference.year + 5):
        try:
            candidates.append(D(year, month, day))
        except ValueError:
            pass
    if not candidates:  # 2月30日 is no date
        with pytest.raises(ValueError):
            resolve_date(f"{month}月{day}日", reference)
        return
    value = resolve_date(f"{month}月{day}日", reference)
    best = min(_spec_distance(c, reference) for c in candidates)
    assert value.start in candidates
    assert _spec_distance(value.start, reference) == best
