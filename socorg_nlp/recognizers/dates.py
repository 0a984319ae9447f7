"""DATE spans: every date, period and clock time in a text, resolved against the article date.

One scan with a grammar of date expressions finds candidates; explicit ranges are joined;
then, left to right, each candidate gets its value (year inferred from the reference date,
当日/即日/bare days from the previous date in the text) and its relation from the trigger
words around it (patterns/dates/relations.tsv), which stay outside the span.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .. import dates as cal
from ..resources import read_table, read_words
from ..types import DateValue, Match
from .wordtrie import trie_pattern

_CN = "〇零一二三四五六七八九"
_CN_DAY_DIGIT = "一二三四五六七八九"
# Numerals of a month, day, hour and minute, ASCII digits or Chinese; values are checked later.
_MONTH = rf"1[0-2]|0?[1-9]|十[一二]?|[{_CN_DAY_DIGIT}]"
_DAY = rf"3[01]|[12]\d|0?[1-9]|三十一?|二十[{_CN_DAY_DIGIT}]?|十[{_CN_DAY_DIGIT}]?|[{_CN_DAY_DIGIT}]"
_HOUR = r"2[0-4]|[01]?\d|二十[一二三四]?|十[一二三四五六七八九]?|[零〇一二三四五六七八九两]"
_MINUTE = r"[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_LUNAR_DAY = rf"初[{_CN_DAY_DIGIT}十]|廿[{_CN_DAY_DIGIT}]|二十[{_CN_DAY_DIGIT}]?|三十|十[{_CN_DAY_DIGIT}]"
# What may not follow 时/点 when it is a clock time (第一时间, 时期, 一点点, 重点 ...).
_NOT_CLOCK = "间期代候刻段常效节机空光尚局事势日点滴儿"
# After 今年/前年 these make another word (以前年轻时, 年龄, 年级).
_NOT_YEAR = "轻龄纪级"
_RANGE_SEPARATORS = ("至", "到", "-", "—", "——", "–", "~", "～")
# The characters of the separators, as the body of a regex character class.
_SEPARATOR_CLASS = "".join(sorted({re.escape(ch) for ch in "".join(_RANGE_SEPARATORS)}))
# What a clock time (_HOUR then 时/点, or N:) must start with; a cheap test before trying one.
_CLOCK_START = rf"[\d{_CN}十两]{{1,3}}[时点:]"
_LIST_SEPARATORS = ("、", "和", "及", "与", ",", "，")
# The groups of the clock time and part of day that may follow a date (tail_for in _grammar).
_TAIL_GROUPS = {"cal": ("cc", "cpod"), "bare": ("bc", "bpod")}
# Words after which a bare day (于6日) is a date even outside a list.
_BARE_DAY_LEADS = ("于", "在")
_CLAUSE_START = "。！？!?；;，,、：:\n\r\t (（“\""
_CLAUSE_END = "。！？!?；;，,、：:\n\r\t )）”\""
# Around a bare N:NN these make it a ratio or score (按1:10配捐, 比分3:1, 1:10比例).
_RATIO_BEFORE = "比按为约是"
_RATIO_AFTER = "比"
# A bare day followed by one of these is a duration or count (3日内, 5日后), not a date.
_BARE_DAY_BLOCKERS = "内后来多余前个天间"
# Before a two-digit year these mark a duration (近20年, 满10年), not a year.
_DURATION_BEFORE = "近多满第过每约达用经历逾超了共计整年"
_DURATION_AFTER = "来多余代以内间前后里左的半中期"


def _alternation(words) -> str:
    """A regex matching any of the literal ``words``, the longest first so the longest word wins
    (a trie: 今(?:天|日|年))."""
    return trie_pattern(dict.fromkeys(w for w in words if w))


def _first_chars(words) -> str:
    """The first characters of ``words`` (CJK, so safe inside a regex character class)."""
    return "".join(sorted({re.escape(w[0]) for w in words if w}))


def _optional(pattern: str) -> str:
    """``(?:pattern)?`` written as an alternation with the empty string: the same matches in the
    same order, but Python's re runs an optional group several times slower."""
    return f"(?:{pattern}|)"


def _guarded(guard: str, body: str) -> str:
    """``body`` behind a lookahead for the ways it can start."""
    return f"(?=(?:{guard})){body}"


def _year(prefix: str, relative_years) -> str:
    return (rf"(?:(?<!\d)(?P<{prefix}y>(?:19|20)\d\d|2100|[{_CN}]{{4}})(?!\d)年"
            rf"|(?<![\d.])(?P<{prefix}y2>\d\d)年"
            rf"|(?P<{prefix}yrel>{_alternation(relative_years)})(?![{_NOT_YEAR}]))")


def _from(name: str, numeral: str) -> str:
    """The optional first number of a compact range (1-3月, 3月1至5日)."""
    return _optional(rf"(?<!\d)(?P<{name}>{numeral})[{_SEPARATOR_CLASS}]")


def _clock(prefix: str) -> str:
    return (rf"(?:(?<![\d:])(?P<{prefix}h>{_HOUR})(?P<{prefix}unit>[时点])钟?(?![{_NOT_CLOCK}])"
            + _optional(rf"(?P<{prefix}mi>{_MINUTE})分|(?P<{prefix}half>半)") +
            rf"|(?<!\d)(?<!\d:)(?P<{prefix}hh>[01]?\d|2[0-3]):(?P<{prefix}mm>[0-5]\d)"
            + _optional(r":[0-5]\d") + r"(?![\d:]))")


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    groups: re.Match  # the grammar's match: its named groups give the parts
    surface: str  # the matched text (before a range is joined): with kind, it fixes the value
    joined: Optional["_Candidate"] = None  # the second half of an explicit range


class DateRecognizer:
    """Finds DATE spans with DateValue values in normalised text (see module docstring)."""

    def __init__(self, data: dict):
        self.data = data
        self.relations = [tuple(row) for row in data["relations"]]
        self.festivals = {row[0]: (row[1], int(row[2]), int(row[3]), int(row[4]), int(row[5]))
                          for row in data["festivals"]}
        self.terms = {int(row[1]): (float(row[2]), float(row[3])) for row in data["solar_terms"]}
        self.part_of_day = {row[0]: int(row[1]) for row in data["part_of_day"]}
        self.relative_days = {row[0]: (row[1], int(row[2]), row[3] if len(row) > 3 else "")
                              for row in data["relative_days"]}
        self.relative_years = {row[0]: int(row[1]) for row in data["relative_years"]}
        self.relative_months = {row[0]: int(row[1]) for row in data["relative_months"]}
        self.month_parts = {row[0]: (int(row[1]), int(row[2])) for row in data["month_parts"]}
        self.bare_month_parts = {row[0]: (int(row[1]), int(row[2]))
                                 for row in data["bare_month_parts"]}
        self.bare_part_stops = {side: "".join(row[0] for row in data["bare_month_part_stops"]
                                              if row[1] == side) for side in ("before", "after")}
        self.year_parts = {row[0]: tuple(int(x) for x in row[1:5]) for row in data["year_parts"]}
        self.bare_year_parts = [w for w in data["bare_year_parts"] if w in self.year_parts]
        self.lunar_months = {row[0]: int(row[1]) for row in data["lunar_months"]}
        self.published_labels = [tuple(row) for row in data["published_labels"]]
        self.not_dates = re.compile(_alternation(data["not_dates"]))
        self.two_sided = {(b, a): rel or None for b, a, rel in self.relations if b and a}
        self.before_only = {b: rel or None for b, a, rel in self.relations if b and not a}
        self.after_only = {a: rel or None for b, a, rel in self.relations if a and not b}
        self.before_words = sorted({r[0] for r in self.relations if r[0]})
        self.before_pattern = re.compile(rf"(?:{_alternation(self.before_words)})\Z")
        self.before_reach = max(map(len, self.before_words), default=0)
        self.before_last_chars = {w[-1] for w in self.before_words}
        self.bare_day_leads = tuple(self.before_words) + _BARE_DAY_LEADS
        self.after_words = sorted({r[1] for r in self.relations if r[1]}, key=len, reverse=True)
        # A gap word (国庆放假期间) may stand between a date and its trailing trigger.
        self.after_pattern = re.compile(rf"(?:{_alternation(data['relation_gaps'])})?"
                                        rf"(?P<after>{_alternation(self.after_words)})")
        self.after_first_chars = {w[0] for w in itertools.chain(self.after_words,
                                                                data["relation_gaps"]) if w}
        self.pattern = re.compile(self._grammar())

    @classmethod
    def default_data(cls) -> dict:
        def table(name):
            return [list(row) for row in read_table(f"dates/{name}")]

        return {"relations": table("relations.tsv"), "festivals": table("festivals.tsv"),
                "solar_terms": table("solar_terms.tsv"), "part_of_day": table("part_of_day.tsv"),
                "relative_days": table("relative_days.tsv"),
                "relative_years": table("relative_years.tsv"),
                "relative_months": table("relative_months.tsv"),
                "month_parts": table("month_parts.tsv"), "year_parts": table("year_parts.tsv"),
                "bare_month_parts": table("bare_month_parts.tsv"),
                "bare_month_part_stops": table("bare_month_part_stops.tsv"),
                "bare_year_parts": list(read_words("dates/bare_year_parts.txt")),
                "lunar_months": table("lunar_months.tsv"),
                "published_labels": table("published_labels.tsv"),
                "not_dates": list(read_words("dates/not_dates.txt")),
                "relation_gaps": list(read_words("dates/relation_gaps.txt"))}

    # --- grammar ------------------------------------------------------------------------------

    def _grammar(self) -> str:
        pod = _alternation(self.part_of_day)

        def tail_for(prefix):
            # What may follow a date inside its span: a part of day and a clock time (晚21点).
            return (_optional(rf"(?P<{prefix}pod>{pod})")
                    + _optional(rf" ?(?={_CLOCK_START}){_clock(prefix + 'c')}"))

        month_part = _alternation(self.month_parts)
        year_part = _alternation(self.year_parts)
        lunar_month = rf"{_alternation(self.lunar_months)}|十[一二]?|[{_CN_DAY_DIGIT}]"
        iso = (r"(?<![\d.])(?P<iy>(?:19|20)\d\d|2100)(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)"
               r"(?P<id>3[01]|[12]\d|0?[1-9])(?!\d|\.\d)"
               + _optional(r"[ T]+(?P<ih>[01]?\d|2[0-3]):(?P<imi>[0-5]\d)"
                           + _optional(r":[0-5]\d") + r"(?!\d)"))
        lunar = (_optional("(?P<lpre>农历)") + _optional(_year("l", self.relative_years))
                 + rf"(?P<lm>{lunar_month})月(?P<ld>{_LUNAR_DAY})(?![日号{_CN}十])")
        festival = (_optional(_year("f", self.relative_years))
                    + f"(?P<fest>{_alternation(self.festivals)})")
        # A day (5日, 1至5日) or a part of the month (上旬) may follow a month: a cheap test first.
        day_start = (rf"(?=[\d{_CN}十]{{1,3}}[日号{_SEPARATOR_CLASS}]"
                     rf"|[{_first_chars(self.month_parts)}])")
        calendar_date = (
            rf"(?:{_year('c', self.relative_years)}"
            + _optional(rf"{_from('cmf', _MONTH)}(?<![\d])(?P<cm>{_MONTH})月"
                        + _optional(rf"{day_start}(?:{_from('cdf', _DAY)}(?P<cd>{_DAY})[日号]"
                                    rf"|(?P<cmp>{month_part}))")
                        + rf"|(?P<cyp>{year_part})")
            + rf"|(?P<cmrel>{_alternation(self.relative_months)})"
            + _optional(rf"(?P<cmrd>{_DAY})[日号]|(?P<cmrp>{month_part})")
            + rf"|{_from('cmf2', _MONTH)}(?<![\d])(?P<cm2>{_MONTH})月"
            + _optional(rf"{day_start}(?:{_from('cdf2', _DAY)}(?P<cd2>{_DAY})[日号]"
                        rf"|(?P<cmp2>{month_part}))")
            + ")")
        relative = rf"(?P<rday>{_alternation(self.relative_days)})"
        stops_before = re.escape(self.bare_part_stops["before"])
        stops_after = re.escape(self.bare_part_stops["after"])
        part = (rf"(?<![\d{_CN}十{stops_before}])(?P<pword>{_alternation(self.bare_month_parts)})"
                + (rf"(?![{stops_after}])" if stops_after else ""))
        # 上半年 without a year; after a numeral, 年 or 每 it belongs to another expression.
        year_part_alone = (rf"(?<![\d{_CN}十年第每])"
                           rf"(?P<yword>{_alternation(self.bare_year_parts)})")
        bare_day = rf"(?<![\d{_CN}十月年第])(?P<bd>{_DAY})(?P<bdu>[日号])"
        clock = _optional(rf"(?P<spod>{pod})") + _clock("s")
        # Each branch is guarded by a cheap lookahead for how it can start (a digit that begins
        # a number, a listed word's first character, or Chinese numerals right before 年/月/日/时),
        # so ordinary text and long runs of numerals cost a few character tests per position.
        digit = r"(?<!\d)\d"
        numerals = f"[{_CN}十两]{{1,4}}"
        yrel = f"[{_first_chars(self.relative_years)}]"
        # A second lookahead per branch only states what its body must start with (20xx年, 3月,
        # 5日, 8点, a listed word), so a date enters its own branch and fails the others early.
        year_start = rf"\d{{2,4}}年|[{_CN}]{{4}}年|{_alternation(self.relative_years)}"
        branches = [
            ("iso", digit, r"\d{4}[-/.]", iso),
            ("lunar", rf"{digit}|农|{yrel}|[{_first_chars(self.lunar_months)}]|{numerals}[年月]",
             rf"农历|{year_start}|(?:{lunar_month})月", lunar),
            ("festival", rf"{digit}|{yrel}|{numerals}年|[{_first_chars(self.festivals)}]",
             rf"{year_start}|{_alternation(self.festivals)}", festival),
            ("cal", rf"{digit}|{yrel}|[{_first_chars(self.relative_months)}]|{numerals}[年月]",
             rf"{year_start}|{_alternation(self.relative_months)}|(?:{_MONTH})[月{_SEPARATOR_CLASS}]",
             calendar_date + tail_for("c")),
            ("rel", f"[{_first_chars(self.relative_days)}]", _alternation(self.relative_days),
             relative + tail_for("r")),
            ("part", f"[{_first_chars(self.bare_month_parts)}]",
             _alternation(self.bare_month_parts), part),
            ("ypart", f"[{_first_chars(self.bare_year_parts)}]",
             _alternation(self.bare_year_parts), year_part_alone),
            ("bare", rf"{digit}|{numerals}[日号]", rf"(?:{_DAY})[日号]", bare_day + tail_for("b")),
            ("clock", rf"{_optional(pod)}(?:{digit}|{numerals}[时点])",
             _optional(pod) + _CLOCK_START, clock),
        ]
        listed = (self.relative_years, self.lunar_months, self.festivals, self.relative_months,
                  self.relative_days, self.bare_month_parts, self.bare_year_parts,
                  self.part_of_day)
        first = "农" + _CN + "十两" + "".join(_first_chars(words) for words in listed)
        # What every branch must start with: numerals before their unit (20年, 2020年, 3月, 5日,
        # 8点, 9:, 1-), an ISO date or a listed word. Tested once where the character class
        # passes, it turns away the numbers and words that are no date (12万, 1年, 中国).
        any_start = (rf"\d\d(?:\d\d)?年|\d{{1,2}}[月日号时点:{_SEPARATOR_CLASS}]|\d{{4}}[-/.]"
                     rf"|[{_CN}]{{4}}年|[{_CN}十两]{{1,3}}[月日号时点{_SEPARATOR_CLASS}]"
                     rf"|{_alternation(['农历', *itertools.chain(*listed)])}")
        alternatives = "(?:" + "|".join(
            _guarded(start, _guarded(guard, f"(?P<{name}>{body})"))
            for name, guard, start, body in branches) + ")"
        # The single character class first: most positions fail it in one test.
        return _guarded(rf"[\d{first}]", _guarded(rf"{digit}|[{first}]",
                                                  _guarded(any_start, alternatives)))

    # --- scanning -------------------------------------------------------------------------------

    # The steps from _scan to find_against are generators: a dense run of dates (1 MB of 3月)
    # then keeps a few candidates alive at a time instead of a list of all of them.

    def _scan(self, text: str):
        search, pos = self.pattern.search, 0
        while pos < len(text):
            m = search(text, pos)
            if m is None:
                return
            start, end = m.span()
            # The branch's group encloses the whole match, so it is the last group to close.
            candidate = _Candidate(start, end, m.lastgroup, m, m.group())
            if end > start and self._plausible(text, candidate):
                yield candidate
                pos = end
            else:
                pos = start + 1

    def _plausible(self, text: str, c: _Candidate) -> bool:
        """Shape checks the grammar cannot express (numbers that only look like dates)."""
        g = c.groups
        if c.kind == "cal":
            if g["cy2"] is not None and not self._two_digit_year_ok(text, c):
                return False
            # A month in Chinese numerals alone (三月) needs a year, day or month part with it.
            month = g["cm2"]
            return not (month and not month.isdigit() and not (g["cd2"] or g["cmp2"]))
        if c.kind == "lunar":
            # 二月十四 without 日 is lunar only when something says so: 农历, 正月/腊月, 初三/廿三.
            return bool(g["lpre"] or g["lm"] in self.lunar_months or g["ld"][0] in "初廿")
        if c.kind == "clock":
            if g["shh"] is not None and not g["spod"]:
                # 9:30 alone is a time unless it reads as a ratio or score (按1:10, 比分3:1).
                before = text[c.start - 1] if c.start else ""
                return not (before and before in _RATIO_BEFORE) and not text.startswith(
                    _RATIO_AFTER, c.end)
            return self._clock_ok(g, "s", g["spod"])
        if c.kind == "bare":
            return c.end == len(text) or text[c.end] not in _BARE_DAY_BLOCKERS
        return True

    def _two_digit_year_ok(self, text: str, c: _Candidate) -> bool:
        g = c.groups
        before = text[c.start - 1] if c.start else ""
        if before and before in _DURATION_BEFORE:
            return False
        if g["cm"]:
            return True
        after = text[c.end] if c.end < len(text) else ""
        value = int(g["cy2"])
        # Without a month, only 0X年 and 5X–9X年 read as years; 10年–49年 are usually durations.
        return (not after or after not in _DURATION_AFTER) and (value < 10 or value >= 50)

    def _clock_ok(self, g: re.Match, prefix: str, pod: Optional[str]) -> bool:
        """Chinese one-character hours and N点 need a part-of-day word or minutes (两点, 一时)."""
        hour = g[f"{prefix}h"]
        if hour is None:
            return g[f"{prefix}hh"] is not None
        if pod or g[f"{prefix}mi"] or g[f"{prefix}half"]:
            return True
        if g[f"{prefix}unit"] == "点":
            return False
        return hour.isdigit() or hour in ("零", "〇") or len(hour) > 1

    # --- the whole find ---------------------------------------------------------------------------

    def find_published(self, text: str) -> Optional[dt.date]:
        """The publication date the normalised ``text`` states (socorg_nlp.dates.find_published)."""
        return cal.published_in(text or "", self.published_labels)

    def find(self, text: str, context) -> list:
        """Dates of the normalised ``text``, resolved against the context's reference date or,
        without one, the publication date the text states."""
        text = text or ""
        reference = getattr(context, "reference_date", None) or self.find_published(text)
        return self.find_against(text, reference)

    def find_against(self, text: str, reference: Optional[dt.date]) -> list:
        """Dates of the normalised ``text`` resolved against ``reference`` (None: no year
        inference)."""
        candidates = self._join_ranges(text, self._drop_blocked(text, self._scan(text)))
        matches, previous, memo, values = [], None, {}, {}
        for c in candidates:
            if c.kind == "bare" and not self._bare_day_ok(text, c, matches):
                continue
            relation = self._relation(text, c.start, c.end)
            value = self._value(c, reference, previous, relation, memo, values)
            if value is None:
                continue
            matches.append(Match(c.start, c.end, "DATE", value))
            if value.start is not None:
                previous = value
        return matches

    def _drop_blocked(self, text: str, candidates):
        blocked = sorted([(m.start(), m.end()) for m in self.not_dates.finditer(text)]
                         + _titles(text))
        starts = [s for s, _ in blocked]
        if not blocked:  # the usual case: hand the candidates on without a loop of our own
            yield from candidates
            return
        reach = list(itertools.accumulate((e for _, e in blocked), max))
        for c in candidates:
            # Of the blocked ranges starting before the candidate ends, does one reach into it?
            i = bisect.bisect_left(starts, c.end) - 1
            if i < 0 or reach[i] <= c.start:
                yield c

    def _join_ranges(self, text: str, candidates):
        pending = None  # a candidate that may still become the first half of a range
        for c in candidates:
            if pending is None:
                pending = c
            elif (pending.kind in ("iso", "cal", "lunar")
                    and c.kind in ("iso", "cal", "lunar", "bare")
                    and text[pending.end:c.start] in _RANGE_SEPARATORS
                    and self._range_end_ok(pending, c)):
                pending.joined = c
                pending.end = c.end
                yield pending
                pending = None
            else:
                yield pending
                pending = c
        if pending is not None:
            yield pending

    @staticmethod
    def _range_end_ok(first: _Candidate, second: _Candidate) -> bool:
        # A range joins dates of the same grain: a day to a day, a month to a month.
        has_day = bool(first.groups["cd"] or first.groups["cd2"] or first.kind == "iso"
                       or first.kind == "lunar")
        second_day = bool(second.kind in ("iso", "bare", "lunar") or second.groups["cd"]
                          or second.groups["cd2"])
        return has_day == second_day

    def _bare_day_ok(self, text: str, c: _Candidate, matches: list) -> bool:
        """A bare day (6日) is a date in a list after a date (2月1日、6日) or at a clause start."""
        if matches and text[matches[-1].end:c.start] in _LIST_SEPARATORS:
            return True
        # Outside a list only 6日 in digits counts: 一日, 5号 are too often something else.
        if c.groups["bdu"] != "日" or not c.groups["bd"].isdigit():
            return False
        if text.endswith(self.bare_day_leads, 0, c.start):
            return True  # 于6日, 截至6日
        clause_start = c.start == 0 or text[c.start - 1] in _CLAUSE_START
        after = text[c.end] if c.end < len(text) else ""
        return clause_start and (not after or after in _CLAUSE_END or bool(
            c.groups["bpod"] or c.groups["bch"] or c.groups["bchh"]
            or self.after_pattern.match(text, c.end)))

    def _relation(self, text: str, start: int, end: int) -> Optional[str]:
        # Most dates have no trigger: one character test each side settles that.
        before = after = ""
        if start and text[start - 1] in self.before_last_chars:
            # The leftmost trigger that ends right at the date is the longest one.
            found = self.before_pattern.search(text, max(0, start - self.before_reach), start)
            before = found.group() if found else ""
        if end < len(text) and text[end] in self.after_first_chars:
            found = self.after_pattern.match(text, end)
            after = found.group("after") if found else ""
        if not (before or after):
            return None
        if (before, after) in self.two_sided:
            return self.two_sided[before, after]
        if before in self.before_only:
            return self.before_only[before]
        return self.after_only.get(after)

    # --- values -----------------------------------------------------------------------------------

    def _value(self, c: _Candidate, reference, previous, relation, memo: dict, values: dict
               ) -> Optional[DateValue]:
        """The candidate's DateValue; ``values`` keeps one object per distinct value within a
        find (values are immutable), so a dense run of one date (3月3月…) builds it once."""
        g = c.groups
        if c.kind == "rel":
            fields = self._relative_fields(c, reference, previous, relation)
        elif c.kind == "part":
            fields = self._bare_part_fields(g["pword"], reference, relation)
        elif c.kind == "ypart":
            fields = self._bare_year_part_fields(g["yword"], reference, relation)
        elif c.kind == "clock":
            anchor = previous or (DateValue(reference, reference) if reference else None)
            fields = (anchor.start if anchor else None, anchor.end if anchor else None,
                      self._time(g, "s", g["spod"]), relation, None)
        else:
            fields = self._date_fields(c, reference, previous, relation, memo)
        if fields is None:
            return None
        value = values.get(fields)
        if value is None:
            value = values[fields] = DateValue(*fields)
        return value

    def _date_fields(self, c: _Candidate, reference, previous, relation, memo: dict):
        """DateValue fields of a written date (iso, cal, lunar, festival, bare), or None."""
        g = c.groups
        span = self._cached_span(memo, c, reference, previous)
        if span is None:
            return None
        start, end, calendar_kind = span
        if c.joined is not None and start is not None:
            other = self._cached_span(memo, c.joined, reference, DateValue(start, end), start)
            if not other or other[1] is None or other[1] < start:
                return None
            end = other[1]
        tail = _TAIL_GROUPS.get(c.kind)
        time = self._time(g, tail[0], g[tail[1]]) if tail else None
        if c.kind == "iso" and g["ih"] is not None:
            time = dt.time(int(g["ih"]), int(g["imi"]))
        return start, end, time, relation, calendar_kind

    def _cached_span(self, memo: dict, c: _Candidate, reference, previous, range_start=None):
        """_span_of, remembered within one find: long documents repeat the same dates."""
        anchor = previous.end if c.kind == "bare" and previous is not None else None
        key = (c.kind, c.surface, anchor, range_start)
        if key in memo:
            return memo[key]
        span = memo[key] = self._span_of(c, reference, previous, range_start)
        return span

    def _span_of(self, c: _Candidate, reference, previous, range_start=None):
        """(start, end, calendar) of a date candidate; start/end None when the year is unknown.
        None when the text is not a real date (2月30日)."""
        g = c.groups
        if c.kind == "iso":
            day = cal.safe_date(int(g["iy"]), int(g["im"]), int(g["id"]))
            return None if day is None else (day, day, None)
        if c.kind == "bare":
            day = cal.small_number(g["bd"])
            if previous is None or previous.end is None:
                return _day_near(reference, day)
            year, month = previous.end.year, previous.end.month
            if range_start is not None and day < range_start.day and range_start.month == month:
                return None
            found = cal.safe_date(year, month, day)
            return None if found is None else (found, found, None)
        if c.kind == "lunar":
            month = self.lunar_months.get(g["lm"]) or cal.small_number(g["lm"])
            day = _lunar_day(g["ld"])

            def lunar_span(y):
                d = cal.lunar_to_solar(y, month, day)
                return None if d is None else (d, d)

            result = self._in_year(*self._written_year(g, "l", reference), lunar_span, reference,
                                   range_start)
            return None if result is None else (*result[:2], "lunar")
        if c.kind == "festival":
            kind, month, day, first, last = self.festivals[g["fest"]]

            def festival(y):
                return cal.festival_span(y, kind, month, day, first, last, self.terms)

            result = self._in_year(*self._written_year(g, "f", reference), festival, reference)
            return None if result is None else (*result[:2], "lunar" if kind == "lunar" else None)
        return self._calendar_span(g, reference, range_start)

    def _calendar_span(self, g: re.Match, reference, range_start):
        if g["cmrel"] is not None:
            if reference is None:
                return None, None, None
            year, month = cal.shift_month(reference.year, reference.month,
                                          self.relative_months[g["cmrel"]])
            day = cal.small_number(g["cmrd"]) if g["cmrd"] else None
            return self._month_or_day(year, month, day, g["cmrp"]) or None
        month_text = g["cm"] or g["cm2"]
        day_text = g["cd"] or g["cd2"]
        part = g["cmp"] or g["cmp2"]
        month = cal.small_number(month_text) if month_text else None
        if month is not None and not 1 <= month <= 12:
            return None
        day = cal.small_number(day_text) if day_text and month is not None else None

        first_month = g["cmf"] or g["cmf2"]
        first_day = g["cdf"] or g["cdf2"]

        def period(y):
            if month is None:
                if g["cyp"]:
                    m1, d1, m2, d2 = self.year_parts[g["cyp"]]
                    return cal.safe_date(y, m1, d1), cal.safe_date(y, m2, d2 or cal.last_day(y, m2))
                return cal.safe_date(y, 1, 1), cal.safe_date(y, 12, 31)
            found = self._month_or_day(y, month, day, part)
            if not found:
                return None
            start, end = found[:2]
            if first_month:  # 1-3月: from the first month's first day
                start = cal.safe_date(y, cal.small_number(first_month), 1)
            if first_day:  # 3月1至5日
                start = cal.safe_date(y, month, cal.small_number(first_day))
            return None if start is None or start > end else (start, end)

        if day is not None:
            if not 1 <= day <= 31 or (day > 29 and month == 2) or day > cal.last_day(2000, month):
                return None
        return self._in_year(*self._written_year(g, "c", reference), period, reference,
                             range_start)

    def _month_or_day(self, year, month, day, part):
        """The day (an int) of the month, else the part of it (上旬) or the whole month."""
        if day is not None:
            found = cal.safe_date(year, month, day)
            return None if found is None else (found, found, None)
        first, last = self.month_parts.get(part, (1, 0)) if part else (1, 0)
        span = cal.month_span(year, month, first, last)
        return None if span is None or span[0] is None else (*span, None)

    def _written_year(self, g: re.Match, prefix: str, reference):
        """(year, known) from the written year: known False means infer it from the reference."""
        if g[prefix + "y"]:
            return cal.small_number(g[prefix + "y"]), True
        if g[prefix + "y2"]:
            return cal.two_digit_year(int(g[prefix + "y2"]), reference), True
        if g[prefix + "yrel"]:
            if reference is None:
                return None, True
            return reference.year + self.relative_years[g[prefix + "yrel"]], True
        return None, False

    @staticmethod
    def _in_year(year, known, span_in, reference, range_start=None):
        """Apply ``span_in(year)`` for the written year, or the year the spec's rule infers
        (the second half of a range takes the first start's year, or the next if it precedes)."""
        if known:
            if year is None:
                return None, None, None
            found = span_in(year)
            return None if found is None or found[0] is None else (found[0], found[1], None)
        if range_start is not None:
            for y in (range_start.year, range_start.year + 1):
                found = span_in(y)
                if found and found[0] and found[0] >= range_start:
                    return found[0], found[1], None
            return None
        if reference is None:
            return None, None, None

        def start_of(y):
            found = span_in(y)
            return found[0] if found else None

        year = cal.infer_year(reference, start_of)
        if year is None:
            return None
        found = span_in(year)
        return found[0], found[1], None

    def _relative_fields(self, c: _Candidate, reference, previous, relation):
        g = c.groups
        word = g["rday"]
        anchor, offset, condition = self.relative_days[word]
        if condition and condition != relation:
            return None
        time = self._time(g, "rc", g["rpod"])
        if anchor != "ref" and previous is not None:
            start, end = previous.start, previous.end
        elif anchor == "prev":
            return None
        elif reference is not None:
            start = end = reference
        else:
            return None, None, time, relation, None
        shift = dt.timedelta(days=offset)
        return start + shift, end + shift, time, relation, None

    def _bare_part_fields(self, word: str, reference, relation) -> tuple:
        """上旬, 月底 without a month: that part of the article's month (上旬共开课16场)."""
        if reference is None:
            return None, None, None, relation, None
        first, last = self.bare_month_parts[word]
        start, end = cal.month_span(reference.year, reference.month, first, last)
        return start, end, None, relation, None

    def _bare_year_part_fields(self, word: str, reference, relation) -> tuple:
        """上半年 without a year: that part of the article's year."""
        if reference is None:
            return None, None, None, relation, None
        m1, d1, m2, d2 = self.year_parts[word]
        y = reference.year
        return (cal.safe_date(y, m1, d1), cal.safe_date(y, m2, d2 or cal.last_day(y, m2)),
                None, relation, None)

    def _time(self, g: re.Match, prefix: str, pod: Optional[str]) -> Optional[dt.time]:
        hh, hour_text = g[prefix + "hh"], g[prefix + "h"]
        if hh is not None:
            hour, minute = int(hh), int(g[prefix + "mm"])
        elif hour_text is not None:
            hour = 0 if hour_text in ("零", "〇") else cal.small_number(hour_text)
            minute = 30 if g[prefix + "half"] else (
                cal.small_number(g[prefix + "mi"]) if g[prefix + "mi"] else 0)
        else:
            return None
        if pod and hour < self.part_of_day.get(pod, 0):
            hour += 12
        if hour == 24:
            return None  # 24时 closes the day; a time of day cannot say so
        if not (0 <= hour <= 23 and 0 <= minute <= 59):
            return None
        return dt.time(hour, minute)


def _day_near(reference: Optional[dt.date], day: int):
    """A bare day with no earlier date: that day in the month around the reference date that
    the spec's distance rule prefers."""
    if reference is None:
        return None, None, None
    best = None
    for offset in (-1, 0, 1):
        year, month = cal.shift_month(reference.year, reference.month, offset)
        found = cal.safe_date(year, month, day)
        if found and (best is None or cal.weighted_distance(found, reference)
                      < cal.weighted_distance(best, reference)):
            best = found
    return None if best is None else (best, best, None)


def _lunar_day(text: str) -> int:
    if text.startswith("初"):
        return 10 if text == "初十" else cal.small_number(text[1:])
    return cal.small_number(text)


_TITLE = re.compile(r"《[^《》\n]{0,200}》")


def _titles(text: str) -> list:
    """Character ranges of 《…》 titles, where nothing is annotated."""
    return [(m.start(), m.end()) for m in _TITLE.finditer(text)]


@lru_cache(maxsize=1)
def default_recognizer() -> DateRecognizer:
    """A recogniser over the packaged patterns (for socorg_nlp.dates.resolve_date)."""
    return DateRecognizer(DateRecognizer.default_data())
