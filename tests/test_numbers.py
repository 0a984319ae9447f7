"""socorg_nlp.numbers: exact values and honest bounds of written numbers, money and percentages."""
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socorg_nlp.numbers import NumberParseError, parse_money, parse_number, parse_percent
from socorg_nlp.types import Approx

D = Decimal
FAST = settings(max_examples=60, deadline=None)
TRADITIONAL = str.maketrans({"万": "萬", "亿": "億", "两": "兩", "贰": "貳", "陆": "陸"})
FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789.,%"})


def bounds(text):
    v = parse_number(text)
    return v.amount, v.approx, v.lower, v.upper


def test_long_numbers_are_not_rounded():
    assert parse_number("9" * 40 + "万").amount == D("9" * 40 + "0000")


@pytest.mark.parametrize("text, amount", [
    ("40,000", "40000"), ("1,100万", "11000000"), ("3082.389万", "30823890"),
    ("1.2万亿", "1200000000000"), ("13万2", "132000"), ("两千六", "2600"), ("三百五", "350"),
    ("一百零五", "105"), ("一千零一十", "1010"), ("二〇二〇", "2020"), ("幺三八", "138"),
    ("壹佰零伍", "105"), ("贰万", "20000"), ("廿五", "25"), ("卅", "30"), ("十", "10"),
    ("千万", "10000000"), ("一点五万", "15000"), ("十二点五", "12.5"), ("两万", "20000"),
    ("一亿", "100000000"), ("1亿2千万", "120000000"), ("三亿二千万", "320000000"),
    ("三亿零五百万", "305000000"), ("三亿零五万", "300050000"), ("九亿零五", "900000005"),
    ("二亿三千四百万五千", "234005000"), ("1亿2千3百万4千5百", "123004500"), ("负5", "-5"), ("-3.5", "-3.5"),
    ("１２３", "123"), ("兩萬", "20000"), ("15.57億", "1557000000"), ("〇", "0"),
])
def test_exact_numbers(text, amount):
    assert parse_number(text).amount == D(amount)
    assert parse_number(text).approx is None


@pytest.mark.parametrize("text, amount, lower, upper", [
    # 余/多 after digits: one unit of the last non-zero digit
    ("200余", "200", "200", "300"), ("3200多万", "32000000", "32000000", "33000000"),
    ("10多万", "100000", "100000", "200000"), ("80余萬", "800000", "800000", "900000"),
    ("12300多", "12300", "12300", "12400"),
    # after a place character: one unit of the last digit written, that place included
    ("十余", "10", "10", "20"), ("9万多", "90000", "90000", "100000"),
    ("10万多", "100000", "100000", "110000"), ("9.7万多", "97000", "97000", "98000"),
    ("1400万余", "14000000", "14000000", "14010000"), ("三十多", "30", "30", "40"),
    ("三千二百多万", "32000000", "32000000", "33000000"),
    ("256.37万余", "2563700", "2563700", "2563800"),
    # 亿 then a 万 section: the places after 余/多 belong to that section only
    ("三亿二千多万", "320000000", "320000000", "330000000"),
    ("五亿六千余万", "560000000", "560000000", "570000000"),
    ("2亿3000多万", "230000000", "230000000", "240000000"),
    ("七亿零四百多万", "704000000", "704000000", "705000000"),
    ("一亿二千零五多万", "120050000", "120050000", "120060000"),
    ("1亿5千万多", "150000000", "150000000", "160000000"),
    ("一亿二千万余", "120000000", "120000000", "130000000"),
    ("六千多亿", "600000000000", "600000000000", "700000000000"),
    ("一万二千多亿", "1200000000000", "1200000000000", "1300000000000"),
    ("4亿多", "400000000", "400000000", "500000000"),
])
def test_yu_duo_bounds(text, amount, lower, upper):
    assert bounds(text) == (D(amount), Approx.OVER, D(lower), D(upper))


@pytest.mark.parametrize("text, expected", [
    ("超过10.7万", ("107000", Approx.OVER, "107000", None)),
    ("逾860", ("860", Approx.OVER, "860", None)),
    ("100以上", ("100", Approx.OVER, "100", None)),
    ("上亿", ("100000000", Approx.OVER, "100000000", None)),
    ("上百", ("100", Approx.OVER, "100", None)),
    ("近528万", ("5280000", Approx.UNDER, None, "5280000")),
    ("不到20", ("20", Approx.UNDER, None, "20")),
    ("不足30", ("30", Approx.UNDER, None, "30")),
    ("约12亿", ("1200000000", Approx.ABOUT, None, None)),
    ("大约20", ("20", Approx.ABOUT, None, None)),
    ("20左右", ("20", Approx.ABOUT, None, None)),
    ("50上下", ("50", Approx.ABOUT, None, None)),
    # opposite directions: about, no bounds; two words: the bounding word wins
    ("近千余", ("1000", Approx.ABOUT, None, None)),
    ("约21万余", ("210000", Approx.OVER, "210000", "220000")),
    ("超过4600多万", ("46000000", Approx.OVER, "46000000", "47000000")),
    # vague amounts and ranges
    ("数十万", ("100000", Approx.VAGUE, "100000", "1000000")),
    ("数百", ("100", Approx.VAGUE, "100", "1000")),
    ("几千", ("1000", Approx.VAGUE, "1000", "10000")),
    ("十几", ("11", Approx.VAGUE, "11", "20")),
    ("二十几万", ("210000", Approx.VAGUE, "210000", "300000")),
    ("两三", ("2", Approx.VAGUE, "2", "4")),
    ("三四十", ("30", Approx.VAGUE, "30", "50")),
    ("两到三", ("2", Approx.VAGUE, "2", "4")),
    ("5至10万", ("50000", Approx.VAGUE, "50000", "110000")),
    ("8-10万", ("80000", Approx.VAGUE, "80000", "110000")),
])
def test_approximations(text, expected):
    amount, approx, lower, upper = expected
    assert bounds(text) == (D(amount), approx, lower and D(lower), upper and D(upper))


@pytest.mark.parametrize("text", ["", "   ", "abc", "多", "余", "数", "十百", "百分", "5到", "10至5",
                                  "万万万万" * 20, "一二三多多", "点五", None, 12])
def test_unparseable_raises_naming_input(text):
    with pytest.raises(NumberParseError) as info:
        parse_number(text)
    assert isinstance(info.value, ValueError)
    assert repr(text)[:20].strip("'")[:5] in str(info.value)


@pytest.mark.parametrize("text, amount, currency, approx", [
    ("3082.389万元", "30823890", "CNY", None), ("约12亿元人民币", "1200000000", "CNY", Approx.ABOUT),
    ("人民币3100万元", "31000000", "CNY", None), ("美金10万元", "100000", "USD", None),
    ("50万美元", "500000", "USD", None), ("2000万港币", "20000000", "HKD", None),
    ("3万港元", "30000", "HKD", None), ("100欧元", "100", "EUR", None), ("5000日元", "5000", "JPY", None),
    ("20英镑", "20", "GBP", None), ("8加元", "8", "CAD", None), ("9加币", "9", "CAD", None),
    ("7澳元", "7", "AUD", None), ("十块钱", "10", "CNY", None), ("五块五", "5.5", "CNY", None),
    ("5元3角", "5.3", "CNY", None), ("3元2角5分", "3.25", "CNY", None), ("8毛", "0.8", "CNY", None),
    ("1400万余元", "14000000", "CNY", Approx.OVER), ("12亿元左右", "1200000000", "CNY", Approx.ABOUT),
    ("千万", "10000000", "CNY", None), ("15.57億元", "1557000000", "CNY", None),
    ("约人民币3亿元", "300000000", "CNY", Approx.ABOUT),
])
def test_money(text, amount, currency, approx):
    money = parse_money(text)
    assert (money.amount, money.currency, money.approx) == (D(amount), currency, approx)


def test_money_bounds_are_in_yuan():
    money = parse_money("3200多万元人民币")
    assert (money.lower, money.upper) == (D(32000000), D(33000000))


def test_money_rejects_junk():
    with pytest.raises(NumberParseError, match="元元"):
        parse_money("元元")


@pytest.mark.parametrize("text, amount", [
    ("12.7%", "0.127"), ("百分之四十", "0.4"), ("43.5％", "0.435"), ("百分之十二点五", "0.125"),
    ("千分之五", "0.005"), ("100%", "1"), ("3‰", "0.003"),
])
def test_percent(text, amount):
    assert parse_percent(text).amount == D(amount)


def test_percent_bounds_scale():
    value = parse_percent("超过30%")
    assert (value.approx, value.lower, value.upper) == (Approx.OVER, D("0.3"), None)


# ---- properties -------------------------------------------------------------------------------

integers = st.integers(min_value=0, max_value=10**15)


@FAST
@given(integers)
def test_chinese_numerals_round_trip(n):
    assert parse_number(cn2an.an2cn(n)).amount == n
    assert parse_number(cn2an.an2cn(n, "up")).amount == n


@FAST
@given(integers)
def test_traditional_and_full_width_round_trip(n):
    assert parse_number(cn2an.an2cn(n).translate(TRADITIONAL)).amount == n
    assert parse_number(f"{n:,}".translate(FULL_WIDTH)).amount == n


@FAST
@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d):
    assert parse_number(format(d, "f")).amount == d
    assert parse_number(cn2an.an2cn(format(d, "f"))).amount == d


@FAST
@given(st.integers(min_value=1, max_value=10**8), st.sampled_from([("万", 10**4), ("亿", 10**8)]),
       st.integers(min_value=0, max_value=4))
def test_place_unit_form_round_trip(n, unit, decimals):
    char, scale = unit
    written = D(n).scaleb(-decimals)  # 3082.389万
    assert parse_number(f"{format(written, 'f')}{char}").amount == written * scale


@FAST
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["余", "多"]))
def test_yu_duo_bounds_contain_amount(n, word):
    for text in (f"{n}{word}", f"{cn2an.an2cn(n)}{word}", f"{n}{word}万"):
        value = parse_number(text)
        assert value.approx is Approx.OVER
        assert value.lower <= value.amount < value.upper


# 亿 and 万 sections with and without 零 gaps (一亿零一万, 三亿二千万, 二十亿零五十).
big = st.builds(lambda y, w, u: y * 10**8 + w * 10**4 + u, st.integers(1, 99999),
                st.integers(0, 9999), st.integers(0, 9999))


def _trailing_zeros(n):
    return len(str(n)) - len(str(n).rstrip("0"))


@FAST
@given(big)
def test_yi_and_wan_sections_round_trip(n):
    assert parse_number(cn2an.an2cn(n)).amount == n
    assert parse_number(cn2an.an2cn(n, "up")).amount == n


@FAST
@given(st.integers(1, 9999), st.integers(1, 9999), st.sampled_from(["余", "多"]))
def test_yu_duo_before_the_last_place_of_big_numbers(yi, wan, word):
    # 三亿二千多万: 余/多 before the closing 万 (or 亿) bound the last digit written, at its
    # place: [n, n + one unit of the last non-zero digit).
    for n in (yi * 10**8 + wan * 10**4, (yi * 10**4 + wan) * 10**8):
        written = cn2an.an2cn(n)
        value = parse_number(written[:-1] + word + written[-1])
        assert (value.amount, value.approx, value.lower, value.upper) == (
            n, Approx.OVER, n, n + 10 ** _trailing_zeros(n))
    arabic = parse_number(f"{yi}亿{wan}{word}万")
    n = yi * 10**8 + wan * 10**4
    assert (arabic.lower, arabic.upper) == (n, n + 10 ** _trailing_zeros(n))


@FAST
@given(integers, integers)
def test_monotonic(a, b):
    low, high = sorted((a, b))
    assert parse_number(cn2an.an2cn(low)).amount <= parse_number(cn2an.an2cn(high)).amount
    assert parse_number(f"{low}万").amount <= parse_number(f"{high}万").amount


NUMERAL_ALPHABET = "0123456789.,零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟廿幺点余多数几约近超过逾以上左右到至-负"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=12))
def test_any_numeral_string_parses_or_raises_parse_error(text):
    try:
        value = parse_number(text)
    except NumberParseError:
        return
    assert isinstance(value.amount, Decimal)
    if value.lower is not None and value.upper is not None:
        assert value.lower <= value.upper


@pytest.mark.parametrize("text, amount, currency", [
    ("新台币1,500万元", "15000000", "TWD"), ("台币800元", "800", "TWD"),
    ("澳门币3万元", "30000", "MOP"), ("新加坡元200", "200", "SGD"), ("5000韩元", "5000", "KRW"),
    ("30万元港币", "300000", "HKD"), ("12万元美金", "120000", "USD"),
    ("8万元人民币", "80000", "CNY"), ("美元5万元", "50000", "USD")])
def test_unlisted_currencies_and_the_word_after_yuan(text, amount, currency):
    money = parse_money(text)
    assert (money.amount, money.currency) == (Decimal(amount), currency)


def test_approximation_before_a_currency_word():
    money = parse_money("约新台币2.6亿元")
    assert (money.amount, money.currency, money.approx) == (Decimal("260000000"), "TWD",
                                                           Approx.ABOUT)
