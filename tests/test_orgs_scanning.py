"""The ORG recogniser's scanning helpers (stop words, regions, a window's run of name
characters), on strings written for these tests."""

import re

import pytest

from socorg_nlp.recognizers.orgs import OrgRecognizer, _Candidate, _run_start, stop_pattern


@pytest.fixture(scope="module")
def rec():
    return OrgRecognizer(OrgRecognizer.default_data())


def spans(pattern: str, text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), *m.span()) for m in re.finditer(pattern, text)]


def test_stop_pattern_prefers_a_kept_word_then_a_count_then_the_longest_stop():
    pattern = stop_pattern(["联合总会"], ["联合", "在", "在于", "三"])
    assert spans(pattern, "在联合总会") == [("在", 0, 1), ("联合总会", 1, 5)]
    assert spans(pattern, "在于联合起来") == [("在于", 0, 2), ("联合", 2, 4)]
    # 三 alone is a stop word, but 三家 is a count and wins
    assert spans(pattern, "三家三人") == [("三家", 0, 2), ("三", 2, 3)]
    # a digit before a counted character makes that character a stop
    assert spans(pattern, "有12家") == [("家", 3, 4)]
    assert spans(pattern, "一家人") == [("一家", 0, 2)]


def test_stop_pattern_without_words_still_finds_counts():
    assert spans(stop_pattern([], []), "两所学校和3名队员") == [("两所", 0, 2), ("名", 6, 7)]


def test_stops_end_before_the_head_and_skip_kept_words(rec):
    text = "我们在县慈善联合总会"
    head = text.index("总会")
    # 我们 and 在 stop; 联合 is inside the kept word 联合总会, which reaches into the head
    assert rec._stops(text, 0, head, len(text)) == [(0, 2), (2, 3)]
    # without the head to read on into, 联合 is a stop
    assert rec._stops(text, 0, head, head) == [(0, 2), (2, 3), (6, 8)]
    assert rec._stops(text, head, head, len(text)) == []


def test_run_start_is_the_first_character_after_the_last_break():
    text = "今天，中国红十字会"
    assert _run_start(text, 0, 9) == 3
    assert _run_start(text, 4, 9) == 4  # no break inside text[4:9]
    assert _run_start("（3）协会", 0, 3) == 3
    assert _run_start("", 0, 0) == 0


def test_regions_are_leftmost_longest_and_skip_a_currency(rec):
    text = "江苏省苏州市澳门元"
    found = rec._regions_in(text, 0, len(text), [])
    assert [(text[s:e], info[1]) for s, e, info in found] == [("江苏省", "江苏省"),
                                                               ("苏州市", "苏州市")]


def test_heads_a_word_may_reach_into(rec):
    assert "总会" in rec.reached_heads  # 联合总会 is a kept word
    assert "协会" not in rec.reached_heads
    # whether the head is scanned or not, 联合 before 总会 is no stop, before 协会 it is
    assert rec._stops("由联合总会", 1, 3, 5) == []
    assert rec._stops("由联合协会", 1, 3, 5) == [(1, 3)]


def test_a_bracketed_place_joins_the_run_before_it(rec):
    text = "，腾讯科技（深圳）有限公司"
    assert rec._before_brackets(text, 0, text.index("有")) == 1
    text = "，腾讯科技（一二）有限公司"  # not a place
    assert rec._before_brackets(text, 0, text.index("有")) == text.index("有")


def test_home_region_is_the_clear_leader_and_the_first_named_on_a_tie(rec):
    def home(*places):
        return rec._home_regions([_Candidate(0, 1, "association", True, places=tuple(places))])
    sichuan, hunan = ("province", "四川省"), ("province", "湖南省")
    assert home(sichuan, sichuan, sichuan, hunan) == {"省": "四川省"}
    assert home(sichuan, sichuan, hunan) == {}  # 2 of 3 is below HOME_SHARE
    assert home(("prefecture", "成都市"), ("province", "北京市")) == {}
    assert home(("prefecture", "成都市")) == {"市": "成都市"}
