"""Calendar arithmetic behind DATE values: numerals, periods, year inference, lunar dates,
festivals, and the publication date a page states about itself.

Everything here is a pure function of its arguments; the word lists come from patterns/dates/
through the callers (or the defaults read there), so a saved pipeline carries its own data.
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from functools import lru_cache
from types import SimpleNamespace
from typing import Callable, Optional, Sequence

from lunardate import LunarDate

from .normalize import normalize
from .resources import read_table
from .types import DateValue

_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_TENS = {"十": 10, "廿": 20, "卅": 30}

# A day after the reference date counts this many times as far as a day before it (spec: reports
# look back more than ahead).
AFTER_WEIGHT = 3


def small_number(text: str) -> int:
    """The value of a date numeral: ``"2020"``, ``"二〇二〇"`` (digit by digit), ``"十二"``, ``"廿三"``."""
    if not text:
        raise ValueError("empty date numeral")
    if text.isdigit() and text.isascii():
        return int(text)
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    for ten, value in _CN_TENS.items():
        head, sep, tail = text.partition(ten)
        if sep and (not head or head in _CN_DIGITS) and (not tail or tail in _CN_DIGITS):
            return (_CN_DIGITS[head] * value if head else value) + (_CN_DIGITS[tail] if tail else 0)
    raise ValueError(f"not a date numeral: {text!r}")


def last_day(year: int, month: int) -> int:
    # calendar.monthrange's day count without the weekday it also computes (the slow part).
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


def safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    """The date, or None where it does not exist (2月30日, a year outside 1–9999)."""
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_span(year: int, month: int, first: int = 1, last: int = 0) -> Optional[tuple]:
    """Days ``first``..``last`` of a month (``last`` 0 = the month's true last day)."""
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        return None
    end_day = last_day(year, month) if last == 0 else min(last, last_day(year, month))
    return safe_date(year, month, first), safe_date(year, month, end_day)


def shift_month(year: int, month: int, offset: int) -> tuple:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def weighted_distance(day: dt.date, reference: dt.date) -> int:
    """How far ``day`` is from ``reference`` under the spec's rule (a day after counts three)."""
    delta = (day - reference).days
    return -delta if delta <= 0 else AFTER_WEIGHT * delta


def infer_year(reference: dt.date, start_of: Callable[[int], Optional[dt.date]]) -> Optional[int]:
    """The year whose ``start_of(year)`` lies closest to ``reference`` (ties: the earlier year).

    ``start_of`` gives the start of the written date in a candidate year, or None where the date
    does not exist that year (2月29日 and lunar 三十 skip years, so four years either side).
    """
    best = None
    for year in range(reference.year - 4, reference.year + 5):
        start = start_of(year)
        if start is not None:
            score = weighted_distance(start, reference)
            if best is None or score < best[0]:
                best = (score, year)
    return None if best is None else best[1]


def two_digit_year(value: int, reference: Optional[dt.date]) -> int:
    """03年 -> 2003, 98年 -> 1998: the latest century reading not after the reference year."""
    limit = reference.year if reference else 2049
    return 2000 + value if 2000 + value <= limit else 1900 + value


def lunar_to_solar(year: int, month: int, day: int) -> Optional[dt.date]:
    """Gregorian date of a (non-leap) lunar date, None outside lunardate's range or invalid."""
    try:
        return LunarDate(year, month, day).to_solar_date()
    except (ValueError, IndexError, KeyError):
        return None


def solar_term_day(year: int, month: int, c_1900s: float, c_2000s: float) -> Optional[dt.date]:
    """A solar term's date by the usual formula floor(Y*0.2422 + C) - floor(Y/4), Y = year % 100."""
    if not 1900 <= year <= 2100:
        return None
    # The constants belong to centuries 1901-2000 and 2001-2100; Y counts within the century.
    y, c = (year - 1900, c_1900s) if year <= 2000 else (year - 2000, c_2000s)
    return safe_date(year, month, math.floor(y * 0.2422 + c) - math.floor(y / 4))


def festival_span(year: int, calendar_kind: str, month: int, day: int, first: int, last: int,
                  terms: dict) -> Optional[tuple]:
    """First and last day of a festival in ``year`` (its lunar year for lunar festivals)."""
    if calendar_kind == "lunar":
        base = lunar_to_solar(year, month, day)
    elif calendar_kind == "term":
        term = terms.get(month)
        base = solar_term_day(year, month, *term) if term else None
    else:
        base = safe_date(year, month, day)
    if base is None:
        return None
    return base + dt.timedelta(days=first), base + dt.timedelta(days=last)


# --- the date a page states for itself -------------------------------------------------------

_FULL_DATE = (r"(?<!\d)((?:19|20)\d\d)(?:\s*[-/.]\s*|\s*年\s*)"
              r"(1[0-2]|0?[1-9])(?:\s*[-/.]\s*|\s*月\s*)"
              r"(3[01]|[12]\d|0?[1-9])(?!\d)(?:\s*日)?")
_SENTENCE_MARKS = re.compile(r"[。，,；;！!？?]")
_MASTHEAD = re.compile(r"(?:^|[·•|丨/\s])" + _FULL_DATE + r"(?:\s[^\n]*)?$")
# A line this long, or one with a full stop, is article body: chrome and mastheads come before it.
_BODY_LINE_LENGTH = 80
# The closing signature of a notice or report: the issuing body's name, then the date written out
# with 年月日 (in digits or Chinese numerals), on one line or on two.
_CN_DAY_DIGITS = "一二三四五六七八九"
_SIGNATURE_DATE = re.compile(
    r"(?:(?P<ay>(?:19|20)\d\d)\s*年\s*(?P<am>1[0-2]|0?[1-9])\s*月\s*(?P<ad>3[01]|[12]\d|0?[1-9])"
    rf"|(?P<cy>[〇零{_CN_DAY_DIGITS}]{{4}})年(?P<cm>十[一二]?|[{_CN_DAY_DIGITS}])月"
    rf"(?P<cd>三十一?|二?十[{_CN_DAY_DIGITS}]?|[{_CN_DAY_DIGITS}]))\s*日$")
_SIGNATURE_NAME_LENGTH = 40
_NOT_A_NAME = re.compile(r"[。，,；;！!？?:：]")


def _header_end(text: str) -> int:
    offset = 0
    for line in text.splitlines(keepends=True):
        if "。" in line or len(line.strip()) >= _BODY_LINE_LENGTH:
            return offset
        offset += len(line)
    return offset


def _date_of(match: re.Match) -> Optional[dt.date]:
    return safe_date(*(int(match.group(i)) for i in (1, 2, 3)))


@lru_cache(maxsize=None)
def _labelled(label: str) -> re.Pattern:
    """发布时间：2021-03-08, 【发布日期】2021年3月8日: a label, then a full date."""
    return re.compile(re.escape(label) + r"\s*[\]】)）]?\s*[:：]?\s*" + _FULL_DATE)


def find_published(text: str, labels: Optional[Sequence] = None) -> Optional[dt.date]:
    """The publication date a page states: 发布时间：2021-03-08, a dated masthead line
    (某省慈善工作简报·2021年3月8日) before the article body, or the date of the signature that
    closes a notice (a name line, then 2023年8月10日). None when the page states none.

    ``labels`` are (label, scope) pairs, scope ``any`` (anywhere) or ``header`` (before the body);
    the default is patterns/dates/published_labels.tsv.
    """
    return published_in(normalize(text or ""), labels)


def published_in(text: str, labels: Optional[Sequence] = None) -> Optional[dt.date]:
    """find_published on text already normalised (socorg_nlp.normalize), as the pipeline has it."""
    labels = labels if labels is not None else read_table("dates/published_labels.tsv")
    header = _header_end(text)
    found = []
    for label, scope in labels:
        for match in _labelled(label).finditer(text):
            if scope == "any" or match.start() < header:
                day = _date_of(match)
                if day:
                    found.append((match.start(), day))
                    break
    if found:
        return min(found)[1]
    for line in text[:header].splitlines():
        line = line.strip()
        match = _MASTHEAD.search(line)
        if match and not _SENTENCE_MARKS.search(line):
            day = _date_of(match)
            if day:
                return day
    return _signature_date(text)


def _signature_date(text: str) -> Optional[dt.date]:
    """The date of the signature that closes a notice or report: a line with the issuing body's
    name, then a line with only the full date, or both on the last line separated by spaces
    (某市慈善总会  2023年5月8日). A date at the end of a sentence, or one of several dated lines
    (a list of related articles), is not a signature."""
    # The last few whole lines (blank ones between name and date are common), not the whole text.
    lines = [line.strip() for line in text.rstrip().rsplit("\n", 4)]
    lines = [line for line in lines if line][-2:]
    if not lines:
        return None
    match = _SIGNATURE_DATE.search(lines[-1])
    if match is None:
        return None
    name = lines[-1][:match.start()]
    if name:
        # Name and date on one line: spaces part them, and the line before is no dated entry.
        if not name[-1].isspace() or (len(lines) > 1 and _SIGNATURE_DATE.search(lines[-2])):
            return None
        name = name.strip()
    elif len(lines) > 1:
        name = lines[-2]
    if (not name or len(name) > _SIGNATURE_NAME_LENGTH or _NOT_A_NAME.search(name)
            or _SIGNATURE_DATE.search(name) or re.search(r"\d", name)):
        return None
    if match.group("ay"):
        return safe_date(*(int(match.group(k)) for k in ("ay", "am", "ad")))
    return safe_date(*(small_number(match.group(k)) for k in ("cy", "cm", "cd")))


def resolve_date(text: str, reference_date: Optional[dt.date] = None) -> DateValue:
    """The value of the first date expression in ``text`` (trigger words around it give the
    relation): ``resolve_date("截至2月11日", date(2020, 2, 14))`` -> 2020-02-11, as_of."""
    from .recognizers.dates import default_recognizer

    # Any object with ``reference_date`` serves as the find context (spaCy stays out of this path).
    context = SimpleNamespace(reference_date=reference_date, existing=[])
    matches = default_recognizer().find(normalize(text or ""), context)
    if not matches:
        raise ValueError(f"no date expression in {text!r}")
    return matches[0].value
