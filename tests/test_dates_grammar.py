"""The building blocks of the DATE grammar and dense runs of date-like text."""
import datetime as dt
import re

import pytest

from socorg_nlp.recognizers.dates import DateRecognizer, _alternation, _optional

D = dt.date


@pytest.fixture(scope="module")
def recognizer():
    return DateRecognizer(DateRecognizer.default_data())


def test_alternation_prefers_the_longest_word():
    pattern = re.compile(_alternation(["今", "今天", "今天晚上", "明天"]))
    assert pattern.match("今天晚上好").group() == "今天晚上"
    assert pattern.match("今天晚饭").group() == "今天"
    assert pattern.match("今年").group() == "今"
    assert pattern.match("明年") is None


def test_alternation_backtracks_to_shorter_words_in_order():
    words = ["今", "今天", "今天晚上"]
    flat = "|".join(sorted(words, key=len, reverse=True))
    for tail, text in (("晚", "今天晚上"), ("天", "今天晚上"), ("晚上", "今天晚上晚上")):
        assert (re.match(f"(?:{_alternation(words)}){tail}", text).group()
                == re.match(f"(?:{flat}){tail}", text).group())
    assert re.match(f"(?:{_alternation(words)})晚", "今天晚上").group() == "今天晚"


def test_alternation_escapes_and_handles_no_words():
    assert re.fullmatch(_alternation(["a.b"]), "a.b")
    assert re.fullmatch(_alternation(["a.b"]), "axb") is None
    assert re.search(_alternation([]), "今天") is None
    assert re.search(_alternation(["", "今天"]), "今天").group() == "今天"


def test_optional_is_greedy_and_may_be_empty():
    pattern = re.compile(_optional("(?P<x>ab)") + "c")
    assert pattern.match("abc").group("x") == "ab"
    assert pattern.match("c").group("x") is None
    assert pattern.match("abd") is None


def test_a_dense_run_of_months_is_one_date_each(recognizer):
    text = "3月" * 500
    matches = recognizer.find_against(text, D(2021, 5, 1))
    assert [(m.start, m.end) for m in matches] == [(i, i + 2) for i in range(0, 1000, 2)]
    assert {(m.value.start, m.value.end) for m in matches} == {(D(2021, 3, 1), D(2021, 3, 31))}


@pytest.mark.parametrize("run", ["12万", "1年", "约1", "上中下", "一二三"])
def test_dense_runs_of_numbers_and_words_are_no_dates(recognizer, run):
    assert recognizer.find_against(run * 300, D(2021, 5, 1)) == []


def test_relation_triggers_on_both_sides_of_a_dense_run(recognizer):
    matches = recognizer.find_against("截至3月1日、3月2日以来", D(2021, 5, 1))
    assert [(m.start, m.end, m.value.relation) for m in matches] == [
        (2, 6, "as_of"), (7, 11, "since")]
