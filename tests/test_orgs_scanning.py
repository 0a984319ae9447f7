"""The ORG recogniser's scanning helpers (stop words, regions, a window's run of name
characters), on strings written for these tests."""

import re

import pytest

from socorg_nlp.recognizers.orgs import OrgRecognizer, _run_start, stop_pattern


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
