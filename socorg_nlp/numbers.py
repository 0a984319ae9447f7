"""Exact values of numbers, sums of money and percentages as written in Chinese reports.

Everything is ``decimal.Decimal``. cn2an is not used at run time: it returns floats (3082.389万
would lose digits) and knows neither approximation words, ranges nor the abbreviated forms of
reports (13万2, 两千六). The grammar below handles, on the normalised text:

- Arabic digits with decimals and thousands separators (1,100万), followed by place characters
  (3082.389万, 1.2万亿, 5千);
- Chinese numerals with places (三千二百万, 一千零一十), financial forms (壹佰零伍), 廿/卅,
  digit strings (二〇二〇, 幺三八), decimals with 点 (一点五万);
- a single digit right after a place character stands for the next lower place (13万2 = 132000,
  两千六 = 2600), as in speech; after 零 it is a plain digit (一百零五);
- 万万 and 万亿 multiply (1.2万亿 = 1.2e12);
- approximation words, 余/多 bounds, vague forms (数十万, 几百, 十几, 两三) and ranges
  (两到三, 5至10万), with bounds as spec/entities.md "Approximation" defines them.
"""
from __future__ import annotations

import re
from decimal import Decimal, localcontext
from functools import lru_cache, wraps
from typing import Optional

from .normalize import normalize
from .resources import read_table, read_words
from .types import Approx, Money, NumberValue, Percent


class NumberParseError(ValueError):
    """The text is not a number this module can read."""

    def __init__(self, text: str, why: str = "not a number"):
        super().__init__(f"cannot parse {text!r} as a number: {why}")
        self.text = text


_ASCII_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_VAGUE_PAIRS = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}
_TEN = Decimal(10)
_CACHE_SIZE = 4096
_MAX_LENGTH = 64  # longer strings are codes or junk; this also keeps place chains (万万万…) small
_PRECISION = 200  # Decimal digits kept here: no number within _MAX_LENGTH is rounded


@lru_cache(maxsize=1)
def _numerals() -> tuple[dict, dict, dict]:
    digits, units, tens = {}, {}, {}
    for char, value, kind, _style in read_table("numbers/numerals.tsv"):
        {"digit": digits, "unit": units, "tens": tens}[kind][char] = int(value)
    return digits, units, tens


@lru_cache(maxsize=1)
def _approx_words() -> tuple[list, list]:
    before, after = [], []
    for word, where, direction in read_table("numbers/approx.tsv"):
        (before if where == "before" else after).append((word, Approx(direction)))
    # Longest first, so 大约 is taken before 约 and 以上 before 上.
    return (sorted(before, key=lambda w: -len(w[0])), sorted(after, key=lambda w: -len(w[0])))


@lru_cache(maxsize=1)
def _connectors() -> tuple[str, ...]:
    return read_words("numbers/range_connectors.txt")


# ---------------------------------------------------------------------------------------------
# Plain numbers: tokens and their value


def _tokens(text: str, original: str) -> list:
    """``('num', digits, chinese)`` and ``('unit', value)`` tokens; a unit with nothing before
    it (十五, 万, 一千零十) gets an implied ``1``."""
    digits, units, tens = _numerals()
    out: list = []
    i = 0
    while i < len(text):
        char = text[i]
        match = _ASCII_NUMBER.match(text, i)
        if match:
            out.append(("num", match.group().replace(",", ""), False))
            i = match.end()
        elif char in digits:
            j = i
            while j < len(text) and text[j] in digits:
                j += 1
            run = "".join(str(digits[c]) for c in text[i:j])
            if j - i == 2 and "0" not in run:
                raise NumberParseError(original, "two digits without a place")  # 唯一一家
            if j + 1 < len(text) and text[j] == "点" and text[j + 1] in digits:
                k = j + 1
                while k < len(text) and text[k] in digits:
                    k += 1
                run += "." + "".join(str(digits[c]) for c in text[j + 1:k])
                j = k
            out.append(("num", run, True))
            i = j
        elif char == "点" and out and out[-1][0] == "unit" and text[i + 1:i + 2] in digits:
            j = i + 1  # 二十点五: the fraction belongs to the places before it
            while j < len(text) and text[j] in digits:
                j += 1
            out.append(("num", "0." + "".join(str(digits[c]) for c in text[i + 1:j]), True))
            i = j
        elif char in tens:
            out += [("num", str(tens[char]), True), ("unit", units["十"])]
            i += 1
        elif char in units:
            prev = out[-1] if out else None
            if prev is None or (prev[0] == "num" and prev[2] and set(prev[1]) == {"0"}):
                if prev is not None:
                    out.pop()  # 一千零十: the 零 marks a gap, the 十 is 一十
                out.append(("num", "1", True))
            out.append(("unit", units[char]))
            i += 1
        else:
            raise NumberParseError(original, f"unexpected {char!r}")
    if not any(t[0] == "num" for t in out):
        raise NumberParseError(original, "no digits")
    return out


def _evaluate(tokens: list, original: str) -> tuple[Decimal, str, Decimal, bool]:
    """Value of plain tokens, plus what 余/多 and ranges need: the last number's digits, the
    multiplier applied to it and whether the text ended on a place character."""
    total = section = Decimal(0)
    total_scale: Optional[int] = None
    last_small: Optional[int] = None
    current: Optional[Decimal] = None
    last_digits, last_index = "", -1
    for index, token in enumerate(tokens):
        if token[0] == "num":
            if current is not None:
                raise NumberParseError(original, "two numbers in a row")
            current, last_digits, last_index = Decimal(token[1]), token[1], index
            continue
        unit = token[1]
        if unit < 10000:
            if current is None or (last_small is not None and unit >= last_small):
                raise NumberParseError(original, "places out of order")
            section += current * unit
            last_small, current = unit, None
            continue
        if current is None and section == 0:
            if total == 0:
                raise NumberParseError(original, "place without digits")
            total *= unit  # 万亿, 亿万, 万万: the places multiply
            total_scale = unit
            continue
        group = section + (current or 0)
        if total_scale is None or unit >= total_scale:
            total = (total + group) * unit
        else:
            total += group * unit
        total_scale, section, last_small, current = unit, Decimal(0), None, None
    multiplier = Decimal(1)
    for token in tokens[last_index + 1:]:
        multiplier *= token[1]
    ends_on_unit = tokens[-1][0] == "unit"
    if current is not None:
        prev = tokens[last_index - 1] if last_index > 0 else None
        single = len(last_digits) == 1 and "." not in last_digits
        if prev is not None and prev[0] == "unit" and single:
            multiplier = Decimal(prev[1]) / _TEN  # 13万2, 两千六: the next lower place
            current *= multiplier
        section += current
    return total + section, last_digits, multiplier, ends_on_unit


def _place(digits: str, nonzero: bool) -> Decimal:
    """Place value of the last digit of ``digits`` (the last non-zero one if ``nonzero``)."""
    whole, _, frac = digits.partition(".")
    if nonzero:
        frac = frac.rstrip("0")
    if frac:
        return Decimal(1).scaleb(-len(frac))
    if not nonzero:
        return Decimal(1)
    stripped = whole.rstrip("0")
    return Decimal(1).scaleb(len(whole) - len(stripped)) if stripped else Decimal(1)


def _plain(text: str, original: str) -> tuple[Decimal, Decimal]:
    """Value of a number without approximation words, and the step of its last written digit."""
    value, digits, multiplier, _ = _evaluate(_tokens(text, original), original)
    return value, _place(digits, nonzero=False) * multiplier


def _trailing_units(text: str) -> str:
    _, units, _ = _numerals()
    end = len(text)
    while end > 0 and text[end - 1] in units:
        end -= 1
    return text[end:]


# ---------------------------------------------------------------------------------------------
# Approximations, vague forms and ranges


def _strip_words(core: str) -> tuple[str, list]:
    """Remove approximation words before and after the number; 余/多 are kept in the core
    (they change the bounds where they stand) but their direction is recorded."""
    before, after = _approx_words()
    _, units, _ = _numerals()
    directions = []
    changed = True
    while changed and core:
        changed = False
        for word, direction in before:
            rest = core[len(word):]
            if core.startswith(word) and rest and (word != "上" or rest[0] in units):
                directions.append(direction)
                core, changed = rest, True
                break
        for word, direction in after:
            if core.endswith(word) and len(core) > len(word) and word not in ("余", "多"):
                directions.append(direction)
                core, changed = core[: -len(word)], True
                break
    return core, directions


def _fuzzy(core: str, original: str) -> Optional[tuple[Decimal, Decimal]]:
    """``[lower, upper)`` of a number with 余/多 written inside or at its end, else None."""
    _, units, _ = _numerals()
    for pos in range(len(core) - 1, 0, -1):
        if core[pos] in "余多" and all(c in units for c in core[pos + 1:]):
            head = _tokens(core[:pos], original)
            # The places after 余/多 belong to the last section only: 三亿二千多万 is
            # 3亿 + 2千多 × 万, so the number is read whole with the 余/多 left out.
            tokens = head + [("unit", units[char]) for char in core[pos + 1:]]
            value, digits, multiplier, _ = _evaluate(tokens, original)
            step = _place(digits, nonzero=head[-1][0] != "unit") * multiplier
            return value, value + step
    return None


def _vague(core: str, original: str) -> Optional[tuple[Decimal, Decimal]]:
    """``[lower, upper)`` of 数十万, 几百, 十几, 二十几万 (one 数/几), else None."""
    marks = [i for i, c in enumerate(core) if c in "数几"]
    if not marks:
        return None
    if len(marks) > 1 or (core[marks[0]] == "数" and marks[0] != 0):
        raise NumberParseError(original, "misplaced 数/几")
    head, tail = core[: marks[0]], core[marks[0] + 1:]
    if not tail and not head:
        raise NumberParseError(original, "no digits")
    lower, _ = _plain(head + "一" + tail, original)
    if not head:
        return lower, lower * _TEN
    _, units, _ = _numerals()
    if head[-1] not in units or units[head[-1]] >= 10000:
        raise NumberParseError(original, "几 must follow 十, 百 or 千")
    head_value, _ = _plain(head, original)
    tail_value = _plain("一" + tail, original)[0] if tail else Decimal(1)
    return lower, (head_value + units[head[-1]]) * tail_value


def _range(core: str, original: str) -> Optional[tuple[Decimal, Decimal]]:
    """``[lower, upper)`` of 两到三, 5至10万, 8-10万 and of adjacent digits 两三, 三四十."""
    for connector in _connectors():
        pos = core.find(connector, 1)
        if pos > 0:
            first, second = core[:pos], core[pos + len(connector):]
            break
    else:
        digits, _, _ = _numerals()
        first = second = None
        for i in range(len(core) - 1):
            a, b = core[i], core[i + 1]
            before_ok = i == 0 or core[i - 1] not in digits
            after_ok = i + 2 >= len(core) or core[i + 2] not in digits
            if (a in digits and b in digits and before_ok and after_ok
                    and (digits[a], digits[b]) in _VAGUE_PAIRS):
                first, second = core[: i + 1] + core[i + 2:], core[:i] + core[i + 1:]
                break
        if first is None:
            return None
    if not first or not second:
        raise NumberParseError(original, "incomplete range")
    high, step = _plain(second, original)
    if not _trailing_units(first):
        first += _trailing_units(second)  # 5至10万: the first end takes the second's places
    low, _ = _plain(first, original)
    if low > high:
        raise NumberParseError(original, "range runs backwards")
    return low, high + step


def _combine(amount: Decimal, directions: list, lower: Optional[Decimal],
             upper: Optional[Decimal], fuzzy: bool, vague: bool) -> NumberValue:
    """One value from all approximation words (spec: the bounding word wins; opposite bounding
    words make ``about`` without bounds)."""
    if Approx.OVER in directions and Approx.UNDER in directions:
        return NumberValue(amount, Approx.ABOUT)
    if Approx.OVER in directions:
        return NumberValue(amount, Approx.OVER, lower if lower is not None else amount,
                           upper if fuzzy else None)
    if Approx.UNDER in directions:
        return NumberValue(amount, Approx.UNDER, None, amount)
    if vague:
        return NumberValue(amount, Approx.VAGUE, lower, upper)
    if Approx.ABOUT in directions:
        return NumberValue(amount, Approx.ABOUT)
    return NumberValue(amount)


def _precise(parse):
    """``parse`` run at full Decimal precision, its results cached: reports repeat the same few
    amounts and the values are immutable. Errors are not cached."""

    @lru_cache(maxsize=_CACHE_SIZE)
    @wraps(parse)
    def run(text: str):
        with localcontext() as context:
            context.prec = _PRECISION
            return parse(text)

    return run


def _guarded(parse, text, what: str):
    """Run ``parse``; errors name ``text`` and, if given, ``what`` the text failed to be. A
    cached result costs only this call, no Decimal context."""
    if not isinstance(text, str):
        raise NumberParseError(repr(text), "not a string")
    try:
        return parse(text)
    except NumberParseError as error:
        if not what:
            raise
        raise NumberParseError(text, f"{what} ({error})") from error


def parse_number(text: str) -> NumberValue:
    """The value of a written number with its approximation and bounds.

    ``lower`` is inclusive and ``upper`` exclusive. Raises NumberParseError naming ``text`` when
    it is not a number.
    """
    return _guarded(_number, text, "")


@_precise
def _number(text: str) -> NumberValue:
    core = normalize(text).strip().replace(" ", "")
    if len(core) > _MAX_LENGTH:
        raise NumberParseError(text, "too long for a number")
    negative = core.startswith(("负", "-")) and len(core) > 1
    if negative:
        core = core[1:]
    core, directions = _strip_words(core)
    if not core:
        raise NumberParseError(text, "no digits")
    lower = upper = None
    fuzzy = vague = False
    bounds = _fuzzy(core, text)
    if bounds is not None:
        fuzzy = True
        directions.append(Approx.OVER)
    else:
        bounds = _vague(core, text) or _range(core, text)
        vague = bounds is not None
    if bounds is not None:
        lower, upper = bounds
        amount = lower
    else:
        amount, _ = _plain(core, text)
    value = _combine(amount, directions, lower, upper, fuzzy, vague)
    if negative:
        return NumberValue(-value.amount, value.approx,
                           None if value.upper is None else -value.upper,
                           None if value.lower is None else -value.lower)
    return value


# ---------------------------------------------------------------------------------------------
# Money and percentages


@lru_cache(maxsize=1)
def currency_words() -> tuple[tuple[str, str], ...]:
    """(word, ISO code) pairs from patterns/money/currencies.tsv, longest word first."""
    return tuple(sorted(read_table("money/currencies.tsv"), key=lambda row: -len(row[0])))


@lru_cache(maxsize=1)
def _fractions() -> dict[str, Decimal]:
    return {word: Decimal(value) for word, value in read_table("money/fractions.tsv")}


@lru_cache(maxsize=1)
def _fraction_pattern() -> re.Pattern:
    return re.compile("(.+?)(" + "|".join(map(re.escape, _fractions())) + ")")


@lru_cache(maxsize=1)
def _currency_index() -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list] = {}
    for word, code in currency_words():
        index.setdefault(word[0], []).append((word, code))
    return {first: tuple(rows) for first, rows in index.items()}


def _currency_at(text: str, pos: int) -> Optional[tuple[str, str]]:
    for word, code in _currency_index().get(text[pos:pos + 1], ()):
        if text.startswith(word, pos):
            return word, code
    return None


def _scaled(value: NumberValue, factor: Decimal, extra: Decimal = Decimal(0)) -> tuple:
    def scale(x):
        return None if x is None else x * factor + extra

    return scale(value.amount), value.approx, scale(value.lower), scale(value.upper)


def parse_money(text: str) -> Money:
    """A sum of money in units of its currency: 约12亿元人民币, 美金10万元, 1400万余元, 千万.

    Handled here, not by cn2an: a currency word before or after the number (the first one
    found sets the currency, except a bare 元 followed by one: 100万元港币 is HKD; none means
    CNY), 元人民币, approximation words after the currency
    word (12亿元左右, 5元多), sub-units of the yuan (5元3角2分, 8毛, and 五块五 where the 毛 is
    left out). Raises NumberParseError naming ``text``."""
    return _guarded(_money, text, "not a sum of money")


@_precise
def _money(text: str) -> Money:
    core = normalize(text).strip().replace(" ", "")
    currency = None
    before, _ = _approx_words()
    # A currency word before the number (人民币3100万元), possibly after an approximation word.
    lead = ""
    for word, _direction in before:
        if core.startswith(word) and _currency_at(core, len(word)):
            lead, core = word, core[len(word):]
            break
    found = _currency_at(core, 0)
    if found:
        currency, core = found[1], core[len(found[0]):]
    core = lead + core
    # The first currency word after the number ends it; what follows is 角/分 or a trailing
    # approximation word (5元多, 12亿元左右) or a repeated currency word (元人民币).
    number, rest, fraction, generic = core, "", Decimal(0), False
    for pos in range(1, len(core)):
        found = _currency_at(core, pos)
        if found:
            generic = currency is None and found[0] == "元"
            currency = currency or found[1]
            number, rest = core[:pos], core[pos + len(found[0]):]
            break
    again = _currency_at(rest, 0)
    if again:
        rest = rest[len(again[0]):]
        if generic:
            currency = again[1]  # 100万元港币: 元 is the generic unit, the word after names it
    if rest:
        number, rest, fraction = _money_tail(number, rest, text)
    if not rest and number and number[-1] in _fractions():
        fraction_unit = _fractions()[number[-1]]
        value = parse_number(number[:-1])
        return Money(*_money_args(value, fraction_unit, Decimal(0), currency or "CNY"))
    value = parse_number(number)
    return Money(*_money_args(value, Decimal(1), fraction, currency or "CNY"))


def _money_tail(number: str, rest: str, original: str) -> tuple[str, str, Decimal]:
    """Split what follows the currency word into approximation words and 角/分 amounts."""
    _, after = _approx_words()
    for word, _direction in after:
        if rest == word:
            return number + word, "", Decimal(0)
    # 3角5分, 8毛: sub-units, each a number and its word, maybe followed by 钱.
    fraction, pos = Decimal(0), 0
    while (part := _fraction_pattern().match(rest, pos)) is not None:
        fraction += parse_number(part.group(1)).amount * _fractions()[part.group(2)]
        pos = part.end()
    if pos and rest[pos:] in ("", "钱"):
        return number, "", fraction
    if rest == "钱":
        return number, "", Decimal(0)
    digits, _, _ = _numerals()
    if len(rest) == 1 and (rest in digits or rest.isdigit()):  # 五块五: the 毛 is left out
        return number, "", parse_number(rest).amount * _fractions()["角"]
    raise NumberParseError(original, f"unexpected {rest!r} after the currency")


def _money_args(value: NumberValue, factor: Decimal, extra: Decimal, currency: str) -> tuple:
    amount, approx, lower, upper = _scaled(value, factor, extra)
    return amount, currency, approx, lower, upper


_PERCENT_WORDS = (("百分之", Decimal("0.01")), ("千分之", Decimal("0.001")))
_PERCENT_SIGNS = (("%", Decimal("0.01")), ("‰", Decimal("0.001")))


def parse_percent(text: str) -> Percent:
    """A percentage as a fraction: 12.7% -> 0.127, 百分之四十 -> 0.4, 3‰ -> 0.003,
    约5% -> about 0.05."""
    return _guarded(_percent, text, "not a percentage")


@_precise
def _percent(text: str) -> Percent:
    core = normalize(text).strip().replace(" ", "")
    factor = None
    for word, scale in _PERCENT_WORDS:
        pos = core.find(word)
        if pos >= 0:
            core, factor = core[:pos] + core[pos + len(word):], scale
            break
    for sign, scale in _PERCENT_SIGNS:
        pos = core.find(sign)
        if factor is None and pos >= 0:
            core, factor = core[:pos] + core[pos + 1:], scale
    if factor is None:
        raise NumberParseError(text, "no percent sign or 百分之")
    amount, approx, lower, upper = _scaled(parse_number(core), factor)
    return Percent(amount, approx, lower, upper)
