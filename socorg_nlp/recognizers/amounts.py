"""MONEY, QUANTITY and PERCENT spans over normalised text (spec/entities.md).

A number is found by one regular expression over digits and Chinese numerals; what stands
around it decides what it is: % or 百分之 -> PERCENT, a currency word -> MONEY, a measure word
-> QUANTITY, a money word earlier in the clause (价值, 捐款) -> MONEY without 元, a measure word
before it (服务人次1290756) -> QUANTITY. Numbers that are names, ordinals, codes, dates or
articles are left out. Values come from socorg_nlp.numbers.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import NamedTuple, Optional

from ..numbers import NumberParseError, currency_words, parse_money, parse_number, parse_percent
from ..resources import read_table, read_words
from ..types import Approx, Match, Quantity
from .wordtrie import trie_pattern

_MAX_NUMBER = 40  # longer runs of numerals are codes or junk, never amounts
_PUNCT = set(",.;:!?()[]{}<>\"'、，。；：！？（）【】《》“”‘’「」\n\r\t /|")
_PUNCT_CLASS = "[" + re.escape("".join(sorted(_PUNCT))) + "]"
_FIRST_PUNCT = re.compile(_PUNCT_CLASS)
_LAST_PUNCT = re.compile(rf"(?s:.*){_PUNCT_CLASS}")
# Characters (besides whitespace) a number may stand before without a unit (价值千万的…).
_STAND_ALONE_BEFORE = _PUNCT | {"", "的", "用"}
_ITEM_SPAN = 14  # the longest item name looked for beside a quantity
_CLAUSE_SPAN = 30  # how far back a clause is read for its money word
_CHAIN_CHARS = ":： "  # skipped before a measure word written before the number (人次：30)
_CLAUSE_JOINS = ("，", ",", "；", ";")  # clause breaks inside one sentence
_CONJUNCTIONS = "和及与或"  # a list goes on to the next amount: 工厂和35个仓库
_AFTER_ONLY = ("元", "块", "块钱")  # currency words never written before the number
_LONE_PLACES = ("万", "亿")  # a place character written alone names a unit, not a count


class _Words:
    """A word list looked up by slicing at a position: longest word first, no scanning. Only
    the lengths of words with the character at the edge are tried, so most misses cost one
    dictionary look-up."""

    def __init__(self, words):
        self.words = set(words)
        self._from_first = _lengths_by_char(self.words, 0)
        self._from_last = _lengths_by_char(self.words, -1)
        self.firsts, self.lasts = set(self._from_first), set(self._from_last)

    def at(self, text: str, pos: int) -> Optional[str]:
        """The longest word starting at ``pos``."""
        for length in self._from_first.get(text[pos:pos + 1], ()):
            word = text[pos:pos + length]
            if word in self.words:
                return word
        return None

    def ending(self, text: str, pos: int, low: int = 0) -> Optional[str]:
        """The longest word ending at ``pos`` and starting at or after ``low``."""
        for length in self._from_last.get(text[pos - 1:pos] if pos > 0 else "", ()):
            word = text[pos - length:pos]
            if pos - length >= low and word in self.words:
                return word
        return None


def _lengths_by_char(words, index: int) -> dict:
    """Character at ``index`` of the words -> their distinct lengths, longest first."""
    lengths: dict = {}
    for word in filter(None, words):  # an empty entry (a blank line) names no word
        lengths.setdefault(word[index], set()).add(len(word))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


class _Amount(NamedTuple):
    """An amount as found, before the items: a quantity whose measure word follows the number
    has its ``unit`` here and its NumberValue as ``value``, and gets its item once the amounts
    around it are known; any other amount has its final value."""

    start: int
    end: int
    label: str
    value: object
    unit: Optional[str] = None


def _alternation(words) -> str:
    """Any of the literal words, the longest first at a position (a trie: wordtrie)."""
    return trie_pattern(dict.fromkeys(words))


class AmountRecognizer:
    """Finds MONEY, QUANTITY and PERCENT; built from the JSON-able dict of ``default_data()``."""

    def __init__(self, data: dict):
        self.data = data
        numerals = data["numerals"]
        places = "".join(c for c, v in numerals.items() if v[1] == "unit")
        chinese = re.escape("".join(numerals))
        arabic = r"\d{1,3}+(?:,\d{3})++(?!\d)(?:\.\d++)?+|\d++(?:\.\d++)?+"
        part = rf"(?:{arabic}|[{chinese}]++(?:点[{chinese}]++)?+)"
        number = (rf"(?:[数几](?=[{re.escape(places)}]))?+{part}"
                  rf"(?:[余多几]?+{part})*+[余多几]?+")
        connectors = _alternation(data["range_connectors"])
        self._range_connector = re.compile(connectors)
        # The lookahead names every possible first character, so the scan skips the others
        # without entering the pattern (three times faster over article text).
        self._number = re.compile(
            rf"(?=[百千数几\d{chinese}])"
            rf"(?P<pct>百分之|千分之)?+(?P<num>{number}(?:(?:{connectors}){number})?+)")
        self._places = set(places)
        digit = rf"(?:\d|[{re.escape(''.join(c for c, v in numerals.items() if v[1] == 'digit'))}])"
        self._fraction = re.compile(rf"(?:{digit}[角毛])?+(?:{digit}分(?!钟))?+")
        self._chinese = set(numerals)
        self._financial = {c for c, v in numerals.items() if v[2] == "financial"}
        self._before = _Words(data["approx_before"])
        # An approximation word after a quantity begins the next amount (三个社区近250户), so
        # the item ends where the first one starts; 上 is too common inside nouns (线上).
        self._approx_in_item = re.compile(_alternation(
            w for w in data["approx_before"] if w and w != "上"))
        # Last characters of the words _prefix looks for: most numbers have none before them.
        self._prefix_ends = {w[-1] for w in [*data["approx_before"], *data["approx_separators"]]
                             if w}
        # 余/多 after a number are part of it (the number pattern takes them).
        self._after = _Words(w for w in data["approx_after"] if w not in ("余", "多"))
        self._separators = _Words(data["approx_separators"])
        self._blockers = _Words(data["approx_blockers"])
        self._currencies = _Words(data["currencies"])
        self._measures = _Words(data["measure_words"])
        self._ge_nouns = _Words(data["ge_nouns"])
        self._gap_words = _Words(list(data["approx_separators"]) + list(data["approx_before"]))
        self._durations = set(data["durations"])
        self._grades = set(data["grades"])
        self._grade_nouns = _Words(data["grade_nouns"])
        self._ci_not_units = set(data["ci_not_units"])
        self._ci_words_after = _Words(data["ci_words_after"])
        self._before_number = _Words(data["before_number"])
        # Last characters of currency words written before a number (US$2000和…).
        self._currency_ends = {w[-1] for w in data["currencies"] if w not in _AFTER_ONLY}
        # What may follow a number that is an amount: a one-character unit word, or a
        # character it may stand alone before (spaces too: see _may_stand_alone); after the
        # first character of a longer unit word (日元, 小时) the whole word must be there, so
        # 5日 and 3小组 are left before any classifying.
        units = [w for w in [*data["currencies"], *data["measure_words"]] if w]
        self._may_follow = ({w for w in units if len(w) == 1} | {"%", "‰", "个"}
                            | _STAND_ALONE_BEFORE)
        self._unit_firsts = {w[0] for w in units if not w[0].isspace()} - self._may_follow
        self._money_context = re.compile(_alternation(data["money_context"]))
        self._idioms = re.compile(_alternation(data["idioms"]))
        self._place_suffixes = set(data["place_suffixes"])
        self._place_verbs = tuple(data["place_verbs"])
        self._address_units = set(data["address_units"])
        self._address_marks = set(data["address_marks"])
        # Words ending an item; money words and verbs of movement too (口罩和价值…, 6次前往).
        stops = list(data["item_stops"]) + list(data["money_context"]) + list(data["place_verbs"])
        self._verb_nouns = set(data["item_verb_nouns"])
        self._stops_before = re.compile(_alternation(
            stops + list(data["item_links"]) + list(data["item_verb_nouns"])))
        # After a quantity a one-character link may start a noun (共享单车), so only longer ones.
        self._stops_after = re.compile(_alternation(
            stops + [w for w in data["item_links"] if len(w) > 1]))
        self._links = set(data["item_links"])

    @classmethod
    def default_data(cls) -> dict:
        approx = read_table("numbers/approx.tsv")
        return {
            "numerals": {c: [int(v), k, s] for c, v, k, s in read_table("numbers/numerals.tsv")},
            "approx_before": {w: d for w, p, d in approx if p == "before"},
            "approx_after": {w: d for w, p, d in approx if p == "after"},
            "approx_separators": list(read_words("numbers/approx_separators.txt")),
            "approx_blockers": list(read_words("numbers/approx_blockers.txt")),
            "range_connectors": list(read_words("numbers/range_connectors.txt")),
            "currencies": [w for w, _ in currency_words()],
            "money_context": list(read_words("money/context.txt")),
            "measure_words": list(read_words("units/measure_words.txt")),
            "ge_nouns": list(read_words("units/ge_nouns.txt")),
            "durations": list(read_words("units/durations.txt")),
            "grades": list(read_words("units/grades.txt")),
            "grade_nouns": list(read_words("units/grade_nouns.txt")),
            "ci_not_units": list(read_words("units/ci_not_units.txt")),
            "ci_words_after": list(read_words("units/ci_words_after.txt")),
            "before_number": dict(read_table("units/before_number.tsv")),
            "idioms": list(read_words("numbers/idioms.txt")),
            "place_suffixes": list(read_words("numbers/place_suffixes.txt")),
            "place_verbs": list(read_words("numbers/place_verbs.txt")),
            "item_stops": list(read_words("units/item_stops.txt")),
            "item_links": list(read_words("units/item_links.txt")),
            "item_verb_nouns": list(read_words("units/item_verb_nouns.txt")),
            "address_units": list(read_words("units/address_units.txt")),
            "address_marks": list(read_words("units/address_marks.txt")),
        }

    # -----------------------------------------------------------------------------------------

    def find(self, text: str, context=None) -> list[Match]:
        """Non-overlapping amounts in the normalised ``text``, left to right; ``context``
        (FindContext) is not needed: overlaps with earlier components are dropped by the shell."""
        if not isinstance(text, str) or not text:
            return []
        matches = self._scan(text, self._blocked(text))
        spans = sorted((m.start, m.end) for m in getattr(context, "existing", None) or ())
        return self._with_items(text, matches, spans)

    def _scan(self, text: str, blocked: bytearray) -> list[_Amount]:
        """Amounts left to right, quantities without their items yet; an amount overlapping
        the one kept before it is dropped."""
        matches: list[_Amount] = []
        kept_end = 0
        # Read once: this loop runs for every numeral in the text.
        places, may_follow, unit_firsts = self._places, self._may_follow, self._unit_firsts
        currency_ends, currency_at, measure_at = (self._currency_ends, self._currencies.at,
                                                  self._measures.at)
        for found in self._number.finditer(text):
            start, end = found.span("num")
            if text[end - 1] in places:
                end = self._unit_place(text, start, end)
            after = text[end:end + 1]
            if not (after in may_follow or after.isspace()
                    or after in unit_firsts and (currency_at(text, end) or measure_at(text, end))
                    or found.group("pct") or text[start - 1:start] in currency_ends):
                continue  # 3月, 5日, 万一…: nothing that could make an amount follows
            if end - start > _MAX_NUMBER or blocked.find(1, start, end) >= 0:
                continue
            match = self._classify(text, found, start, end)
            if (match is not None and match.start >= kept_end
                    and blocked.find(1, match.start, match.end) < 0):
                matches.append(match)
                kept_end = match.end
        return matches

    def _unit_place(self, text: str, start: int, end: int) -> int:
        """End of the number when its last place character begins a measure word (10千米,
        3万千瓦: the unit is 千米 as written, not 10000 米); after a Chinese digit (两千米) the
        character stays a place value."""
        last = end - 1
        if last - start < 1 or text[last] not in self._places:
            return end
        before = text[last - 1]
        if not (before.isdigit() or (before in self._places and before != text[last])):
            return end
        word = self._measures.at(text, last)
        return last if word and len(word) > 1 else end

    def _blocked(self, text: str) -> bytearray:
        """Characters inside 《titles》, idioms and short quoted names followed by their head noun
        (“5个必须”要求, “一袋米暖一个家”项目): no amounts there. Quoted speech is kept."""
        blocked = bytearray(len(text))
        name = r"(?=[\u4e00-\u9fff])"
        for pattern in (r"《[^《》\n]{0,200}》", rf"“[^“”\n]{{1,10}}”{name}",
                        rf"「[^「」\n]{{1,10}}」{name}"):
            for m in re.finditer(pattern, text):
                blocked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for m in self._idioms.finditer(text):
            blocked[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        return blocked

    def _classify(self, text: str, found, start: int, end: int) -> Optional[_Amount]:
        num = text[start:end]
        if self._not_a_number(text, start, end, num):
            return None
        if found.group("pct"):
            return self._percent(text, found.start(), end, num)
        after = text[end:end + 1]
        if after in ("%", "‰"):
            return self._percent(text, start, end + 1, num)
        if after in self._currencies.firsts or text[start - 1:start] in self._currencies.lasts:
            money = self._money(text, start, end)  # else it finds none
            if money is not None:
                return money
        quantity = self._quantity(text, start, end, num)
        if quantity is not None:
            return quantity
        return self._bare(text, start, end)

    def _not_a_number(self, text: str, start: int, end: int, num: str) -> bool:
        """Ordinals, codes, model names (N95, 5G), numbers with a leading zero, and a lone 万/亿
        with no approximation word before it (单位：万元 heads a column; 上万元 is an amount)."""
        if num in _LONE_PLACES and not self._before.ending(text, start):
            return True
        before = text[start - 1:start]
        if before and (before == "第" or before in "._@#"
                       or (before.isascii() and before.isalnum())):
            return True
        after = text[end:end + 1]
        if after and after.isascii() and (after.isalpha() or after in "_@"):
            return True
        if after == "." and text[end + 1:end + 2].isdigit():
            return True  # 3.0.1: a version or a date written with dots
        return len(num) > 1 and num[0] == "0" and num[1].isdigit()

    # -- approximation words around the number ------------------------------------------------

    def _prefix(self, text: str, start: int, num: str) -> tuple[int, list]:
        """Span start and the approximation words that stay outside the span.

        Words adjacent to the number join the span (the parser reads them there); a word
        separated from it by 有/达/为 (约有3.4万家) still applies but stays outside."""
        if text[start - 1:start] not in self._prefix_ends:
            return start, []
        pos = start
        while True:
            word = self._approx_before(text, pos, num)
            if word is None:
                break
            pos -= len(word)
        if pos < start:
            return pos, []
        sep = self._separators.ending(text, start)
        if sep is not None:
            word = self._approx_before(text, start - len(sep), num)
            if word is not None:
                return start, [Approx(self.data["approx_before"][word])]
        return start, []

    def _approx_before(self, text: str, pos: int, num: str) -> Optional[str]:
        word = self._before.ending(text, pos)
        if word is None or (word == "上" and num[0] not in self._places):
            return None
        blocker = self._blockers.ending(text, pos)
        if blocker is not None and len(blocker) > len(word):
            return None
        return word

    def _suffix(self, text: str, pos: int) -> int:
        """End of a trailing approximation word (以上, 左右, 上下) at ``pos``, else ``pos``."""
        word = self._after.at(text, pos)
        return pos + len(word) if word else pos

    @staticmethod
    def _apply(value, outside: list):
        """Add an approximation word written outside the span (约有…) to a parsed value."""
        if not outside:
            return value
        direction = outside[0]
        bounding = {Approx.OVER, Approx.UNDER}
        if value.approx in bounding and direction in bounding and direction != value.approx:
            return replace(value, approx=Approx.ABOUT, lower=None, upper=None)
        if value.approx in bounding:
            return value  # the bounding word wins
        if direction == Approx.OVER:
            return replace(value, approx=direction, lower=value.lower or value.amount, upper=None)
        if direction == Approx.UNDER:
            return replace(value, approx=direction, lower=None, upper=value.amount)
        if value.approx == Approx.VAGUE:
            return value
        return replace(value, approx=direction)

    # -- PERCENT ------------------------------------------------------------------------------

    def _percent(self, text: str, start: int, end: int, num: str) -> Optional[_Amount]:
        span_start, outside = self._prefix(text, start, num)
        span_end = self._suffix(text, end)
        try:
            value = parse_percent(text[span_start:span_end])
        except NumberParseError:
            return None
        return _Amount(span_start, span_end, "PERCENT", self._apply(value, outside))

    # -- MONEY --------------------------------------------------------------------------------

    def _money(self, text: str, start: int, end: int) -> Optional[_Amount]:
        num = text[start:end]
        word = self._currencies.at(text, end)
        if word is None:
            before = self._currencies.ending(text, start)
            if before is None or before in _AFTER_ONLY:
                return None
            return self._money_match(text, start, self._suffix(text, end), num)  # ￥500, 人民币500
        if word == "块" and not self._money_context_before(text, start):
            return None  # 块 is also a measure word (三块肥皂): money only where context says so
        stop = end + len(word)
        again = self._currencies.at(text, stop)
        if again and again != word:
            stop += len(again)  # 元人民币
        elif word in ("元", "块"):
            stop = self._fraction.match(text, stop).end()  # 5元3角2分
        stop = self._suffix(text, stop)
        return self._money_match(text, start, stop, num)

    def _money_match(self, text: str, start: int, stop: int, num: str) -> Optional[_Amount]:
        span_start, outside = self._prefix(text, start, num)
        # A currency word before the number (人民币3100万元, 约人民币…) joins the span.
        word = self._currencies.ending(text, span_start)
        if word and word not in _AFTER_ONLY:
            span_start, more = self._prefix(text, span_start - len(word), num)
            outside = outside or more
        try:
            value = parse_money(text[span_start:stop])
        except NumberParseError:
            return None
        return _Amount(span_start, stop, "MONEY", self._apply(value, outside))

    def _money_context_before(self, text: str, start: int) -> bool:
        clause = self._clause_before(text, start)
        return bool(self._money_context.search(clause))

    @staticmethod
    def _clause_before(text: str, start: int) -> str:
        """Up to _CLAUSE_SPAN characters before ``start``, back to the last punctuation."""
        low = max(0, start - _CLAUSE_SPAN)
        cut = _LAST_PUNCT.match(text, low, start)
        return text[cut.end() if cut else low:start]

    @staticmethod
    def _may_stand_alone(after: str) -> bool:
        """Whether a number followed by ``after`` may be an amount without unit (价值千万的…)."""
        return after in _STAND_ALONE_BEFORE or after.isspace()

    def _bare(self, text: str, start: int, end: int) -> Optional[_Amount]:
        """A number without unit: MONEY after a money word in its clause (价值千万), QUANTITY
        after a measure word written before it (服务人次1290756)."""
        num = text[start:end]
        if not self._may_stand_alone(text[end:end + 1]):
            return None
        found = self._before_number_word(text, start)
        if found is not None:
            word, unit, word_start = found
            try:
                value = parse_number(num)
            except NumberParseError:
                return None
            item = self._item_before(text, word_start, 0) or None
            return _Amount(start, end, "QUANTITY", Quantity(value.amount, unit, item, value.approx,
                                                            value.lower, value.upper))
        clause = self._clause_before(text, start)
        context = self._money_context.search(clause)
        if context is None:
            if self._continues_money(text, start, clause, num):
                return self._money_match(text, start, self._suffix(text, end), num)
            return None
        # A small bare number counts only right after the money word (价值20), a sum with
        # 千/万/亿 anywhere in the clause (捐赠…80万用于…).
        big = any(c in num for c in "千万亿")
        adjacent = self._skip_gap(clause, len(clause)) <= context.end()
        if not (big or adjacent):
            return None
        return self._money_match(text, start, self._suffix(text, end), num)

    def _continues_money(self, text: str, start: int, clause: str, num: str) -> bool:
        """A range with 千/万/亿 in a verbless clause that continues a money clause of the same
        sentence (每校资助3至5万元，偏远学校6-8万): the money word carries over. A single number
        there is too often a count (善款20万元，受益群众1.5万)."""
        pos = start - len(clause)
        if not any(c in num for c in "千万亿") or text[pos - 1:pos] not in _CLAUSE_JOINS:
            return False
        if self._range_connector.search(num) is None:
            return False
        if self._stops_before.search(clause):
            return False
        return bool(self._money_context.search(self._clause_before(text, pos - 1)))

    def _before_number_word(self, text: str, start: int) -> Optional[tuple]:
        pos = start
        while pos > 0 and text[pos - 1] in _CHAIN_CHARS:
            pos -= 1
        word = self._before_number.ending(text, pos)
        if word is None:
            return None
        return word, self.data["before_number"][word], pos - len(word)

    # -- QUANTITY -----------------------------------------------------------------------------

    def _unit_at(self, text: str, pos: int) -> Optional[tuple[str, int, str]]:
        """(unit, end, 余/多 or '') of the measure word at ``pos``: 个 before a unit noun is
        dropped (20个小时); 余/多 after 个 or after a time unit bound the number (3个多月, 1年多)."""
        if text.startswith("个", pos):
            more = text[pos + 1:pos + 2] if text[pos + 1:pos + 2] in ("多", "余") else ""
            noun = self._ge_nouns.at(text, pos + 1 + len(more))
            if noun:
                return noun, pos + 1 + len(more) + len(noun), more
        word = self._measures.at(text, pos)
        if word is None:
            return None
        stop = pos + len(word)
        after = text[stop:stop + 1]
        if after in ("多", "余") and word in self._durations:
            return word, stop + 1, after
        if after == "次" and self._counts_turns(text, word, stop):
            return word + "次", stop + 1, ""  # 38艘次, 12台次: one unit, trips or turns of it
        return word, stop, ""

    def _counts_turns(self, text: str, word: str, stop: int) -> bool:
        """Whether 次 after the one-character measure word ``word`` makes one unit with it
        (艘次, 辆次, 班次): not after a time unit, not where the pair is another word (名次,
        首次) and not where 次 begins the next word (5份次日)."""
        return (text.startswith("次", stop) and len(word) == 1 and word not in self._durations
                and word + "次" not in self._ci_not_units
                and self._ci_words_after.at(text, stop) is None)

    def _quantity(self, text: str, start: int, end: int, num: str) -> Optional[_Amount]:
        found = self._unit_at(text, end)
        if found is None:
            return None
        unit, stop, more = found
        span_start, outside = self._prefix(text, start, num)
        if not self._is_count(text, start, span_start, stop, num, unit):
            return None
        span_end = self._suffix(text, stop)
        try:
            value = parse_number(text[span_start:end] + more + text[stop:span_end])
        except NumberParseError:
            return None
        # The item is filled in by _with_items, which knows the neighbouring spans.
        return _Amount(span_start, span_end, "QUANTITY", self._apply(value, outside), unit)

    def _is_count(self, text: str, start: int, span_start: int, stop: int, num: str,
                  unit: str) -> bool:
        """False for articles (一批), years (2020年), place names (九台区) and the like."""
        after = text[stop:stop + 1]
        if len(num) == 1:
            if (num in self._financial or num in "万亿") and start == span_start:
                return False  # 惠佰家, 万家: a lone financial numeral or 万 is part of a name
            if num in self._chinese and ((unit != "个" and after in self._place_suffixes)
                                         or text.endswith(self._place_verbs, 0, start)):
                return False  # 九台区, or after 前往/抵达: a numeral beginning a place name
        if num in ("一", "壹") and unit not in self._durations:
            before = text[start - 1] if start else ""
            after = text[stop] if stop < len(text) else ""
            if not (before == "的" and (not after or after in _PUNCT)):
                return False  # 一批, 一场, 一次性: an article, not a count
        if unit in ("年", "周年"):
            try:
                if parse_number(num).amount >= 1000:
                    return False  # 2020年 is a DATE
            except NumberParseError:
                return False
            if text[stop:stop + 1] in ("代", "级", "度", "初", "底", "末"):
                return False  # 90年代, 年初, 年度: a period, not a count of years
        if unit in self._grades and not self._is_magnitude(text, num, stop):
            return False
        if unit in self._address_units and (text[start - 1:start] in self._address_marks
                                            or after.isascii() and after.isalnum()):
            return False  # 人民路88号5栋, 5栋3单元: an address
        return True

    def _is_magnitude(self, text: str, num: str, stop: int) -> bool:
        """Whether a number before a grade word (级) measures a magnitude (6.1级, 5级地震)
        rather than naming a level (一级响应, 3级医院)."""
        if not all(c.isdigit() or c == "." for c in num):
            return False
        return "." in num or self._grade_nouns.at(text, stop) is not None

    # -- items --------------------------------------------------------------------------------

    def _with_items(self, text: str, matches: list[_Amount], spans: list) -> list[Match]:
        """Fill in the item of each quantity whose measure word follows the number; the search
        for it stops at the neighbouring amounts and at the spans of earlier components
        (``spans``: sorted (start, end) of names and dates: 县红十字会转交大米300捆 → 大米)."""
        starts = [start for start, _ in spans]
        out: list[Match] = []
        last = len(matches) - 1
        for index, match in enumerate(matches):
            if match.unit is None:  # nothing to fill in
                out.append(Match(match.start, match.end, match.label, match.value))
                continue
            ahead = matches[index + 1].start if index < last else len(text)
            out.append(self._with_item(text, match, out[-1] if out else None, ahead, spans,
                                       starts))
        return out

    def _with_item(self, text: str, match: _Amount, before: Optional[Match], ahead: int,
                   spans: list, starts: list) -> Match:
        """The quantity ``match`` (measure word after the number) with its item, between the
        amount ``before`` it (done) and the next one, which starts at ``ahead``."""
        low = before.end if before else 0
        high = ahead
        if spans:
            span = bisect_right(starts, match.start) - 1
            if span >= 0:
                low = max(low, min(spans[span][1], match.start))
            span = bisect_left(starts, match.end)
            if span < len(spans):
                high = min(high, spans[span][0])
        item = self._item(text, match, low, high)
        if item is None and before and low == self._skip_gap(text, match.start) \
                and before.label == "QUANTITY":
            item = before.value.item  # 药品6批52.4万余盒: the same goods
        v = match.value
        return Match(match.start, match.end, match.label,
                     Quantity(v.amount, match.unit, item, v.approx, v.lower, v.upper))

    def _item(self, text: str, match: _Amount, low: int, high: int) -> Optional[str]:
        """The thing counted, named right after the quantity (217150个口罩) or right before it
        (口罩217150个); for time spans only when a value or approximation word links them
        (志愿时长达2615小时, 陪护小时超过80小时)."""
        if match.unit in self._durations:
            if self._before.at(text, match.start):  # 巡查时长超过900小时
                return self._item_before(text, match.start, low) or None
            sep = self._separators.ending(text, match.start, low)
            if sep is None or sep == "了":  # 持续了24小时: a verb, not a measured thing
                return None
            return self._item_before(text, match.start - len(sep), low) or None
        return (self._item_after(text, match.end, high)
                or self._item_before(text, self._skip_gap(text, match.start), low) or None)

    def _skip_gap(self, text: str, pos: int) -> int:
        """Start of the words between an item and its quantity (…达, 约有…)."""
        for _ in range(3):
            word = self._gap_words.ending(text, pos)
            if word is None:
                break
            pos -= len(word)
        return pos

    def _item_after(self, text: str, pos: int, high: int) -> str:
        # Each search ends where the one before cut (searching up to ``stop`` in place of
        # slicing the piece each time: the patterns look at nothing around their words).
        stop = min(high, pos + _ITEM_SPAN)
        for pattern in (_FIRST_PUNCT, self._stops_after, self._approx_in_item):
            cut = pattern.search(text, pos, stop)
            if cut:
                stop = cut.start()
        return text[pos:stop].rstrip(_CONJUNCTIONS)

    def _item_before(self, text: str, pos: int, low: int) -> str:
        start = max(low, pos - _ITEM_SPAN)
        cut = _LAST_PUNCT.match(text, start, pos)
        piece = text[cut.end() if cut else start:pos]
        # The item follows the last verb or function word; 播放量总计上亿次: when a linking word
        # ends the words, the item is what stands before it.
        while piece:
            # 组织 ending the words is the item's head (社会组织), before other words a verb.
            cuts = [cut for cut in self._stops_before.finditer(piece)
                    if cut.end() < len(piece) or cut.group() not in self._verb_nouns]
            if not cuts:
                return "" if piece.startswith("每") else piece  # 每箱24瓶: a rate, not an item
            if cuts[-1].end() < len(piece):
                rest = piece[cuts[-1].end():]
                return "" if rest.startswith("每") else rest
            if cuts[-1].group() not in self._links:
                return ""  # 基金会先后6次: an adverb, not a link to a named measure
            piece = piece[: cuts[-1].start()]
        return piece
