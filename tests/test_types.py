import datetime as dt
from decimal import Decimal

import pytest

from socorg_nlp.types import (Approx, DateValue, Money, MoneyRef, Org, Percent, Quantity, Record,
                              TextRef, decimal_str, value_from_dict)


def test_money_to_dict_is_the_spec_object():
    money = Money(Decimal("3.2E+7"), "CNY", Approx.OVER, Decimal("32000000"), Decimal("33000000"))
    assert money.to_dict() == {"amount": "32000000", "currency": "CNY", "approx": "over",
                               "lower": "32000000", "upper": "33000000"}


def test_decimal_strings_never_use_exponents_or_trailing_zeros():
    assert decimal_str(Decimal("0.1270")) == "0.127"
    assert decimal_str(Decimal("1E+9")) == "1000000000"
    assert decimal_str(Decimal("-0")) == "0"


@pytest.mark.parametrize("label,value", [
    ("MONEY", Money(Decimal("858000000"))),
    ("QUANTITY", Quantity(Decimal("217"), "个", "口罩", Approx.ABOUT)),
    ("PERCENT", Percent(Decimal("0.435"))),
    ("DATE", DateValue(dt.date(2020, 1, 24), dt.date(2020, 1, 30), None, "since", "lunar")),
    ("DATE", DateValue(dt.date(2020, 3, 15), dt.date(2020, 3, 15), dt.time(21, 0))),
    ("ORG", Org("省慈善总会", "association", "浙江省慈善总会")),
])
def test_values_round_trip_through_their_dicts(label, value):
    assert value_from_dict(label, value.to_dict()) == value


def test_values_are_frozen():
    with pytest.raises(AttributeError):
        Money(Decimal(1)).amount = Decimal(2)


def test_record_round_trip():
    record = Record(0, 20, "donate", "捐赠", TextRef(2, 8, "全市慈善组织"), TextRef(10, 12, "武汉"),
                    (MoneyRef(14, 18, "86万元", "value_of_goods"),), (TextRef(12, 14, "3件"),),
                    None)
    assert Record.from_dict(record.to_dict()) == record
    assert record.to_dict()["money"][0]["role"] == "value_of_goods"
