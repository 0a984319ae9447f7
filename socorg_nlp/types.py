"""Typed values attached to extracted spans and records.

Every class is a frozen dataclass whose ``to_dict()`` gives exactly the JSON value object of
../shared/spec/entities.md (numbers as decimal strings, dates as ISO strings, missing = None),
and whose ``from_dict()`` reads it back. Values travel between processes as those dicts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Optional


class Approx(str, Enum):
    """How a written amount relates to the true one; exact amounts use ``None``."""

    ABOUT = "about"  # 约, 左右, 上下
    OVER = "over"  # 余, 多, 超过, 逾, 以上: a minimum
    UNDER = "under"  # 近, 不到, 不足: a maximum
    VAGUE = "vague"  # 数十, 几千, 两三


def decimal_str(value: Optional[Decimal]) -> Optional[str]:
    """Plain decimal notation without exponent or trailing zeros: Decimal('3E+7') -> '30000000'."""
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _dec(value: Any) -> Optional[Decimal]:
    return None if value is None else Decimal(str(value))


def _approx(value: Any) -> Optional[Approx]:
    return None if value is None else Approx(value)


def _approx_str(value: Optional[Approx]) -> Optional[str]:
    return None if value is None else Approx(value).value


@dataclass(frozen=True)
class NumberValue:
    """A parsed number: ``amount`` as written, bounds where the wording implies them."""

    amount: Decimal
    approx: Optional[Approx] = None
    lower: Optional[Decimal] = None  # inclusive
    upper: Optional[Decimal] = None  # exclusive

    def to_dict(self) -> dict:
        return {"amount": decimal_str(self.amount), "approx": _approx_str(self.approx),
                "lower": decimal_str(self.lower), "upper": decimal_str(self.upper)}

    @classmethod
    def from_dict(cls, data: dict) -> "NumberValue":
        return cls(_dec(data["amount"]), _approx(data.get("approx")), _dec(data.get("lower")),
                   _dec(data.get("upper")))


@dataclass(frozen=True)
class Money:
    """An amount of money in units of ``currency`` (ISO 4217 code; 元 alone is CNY)."""

    amount: Decimal
    currency: str = "CNY"
    approx: Optional[Approx] = None
    lower: Optional[Decimal] = None
    upper: Optional[Decimal] = None

    def to_dict(self) -> dict:
        return {"amount": decimal_str(self.amount), "currency": self.currency,
                "approx": _approx_str(self.approx), "lower": decimal_str(self.lower),
                "upper": decimal_str(self.upper)}

    @classmethod
    def from_dict(cls, data: dict) -> "Money":
        return cls(_dec(data["amount"]), data.get("currency") or "CNY", _approx(data.get("approx")),
                   _dec(data.get("lower")), _dec(data.get("upper")))


@dataclass(frozen=True)
class Quantity:
    """A count or measure: ``unit`` is the measure word, ``item`` the thing counted."""

    amount: Decimal
    unit: Optional[str] = None
    item: Optional[str] = None
    approx: Optional[Approx] = None
    lower: Optional[Decimal] = None
    upper: Optional[Decimal] = None

    def to_dict(self) -> dict:
        return {"amount": decimal_str(self.amount), "unit": self.unit, "item": self.item,
                "approx": _approx_str(self.approx), "lower": decimal_str(self.lower),
                "upper": decimal_str(self.upper)}

    @classmethod
    def from_dict(cls, data: dict) -> "Quantity":
        return cls(_dec(data["amount"]), data.get("unit"), data.get("item"),
                   _approx(data.get("approx")), _dec(data.get("lower")), _dec(data.get("upper")))


@dataclass(frozen=True)
class Percent:
    """A percentage as a fraction: 12.7% -> Decimal('0.127')."""

    amount: Decimal
    approx: Optional[Approx] = None
    lower: Optional[Decimal] = None
    upper: Optional[Decimal] = None

    def to_dict(self) -> dict:
        return {"amount": decimal_str(self.amount), "approx": _approx_str(self.approx),
                "lower": decimal_str(self.lower), "upper": decimal_str(self.upper)}

    @classmethod
    def from_dict(cls, data: dict) -> "Percent":
        return cls(_dec(data["amount"]), _approx(data.get("approx")), _dec(data.get("lower")),
                   _dec(data.get("upper")))


RELATIONS = ("as_of", "since", "until", "during")


@dataclass(frozen=True)
class DateValue:
    """A date, period or clock time; ``start``/``end`` inclusive, None when the year is unknown."""

    start: Optional[dt.date]
    end: Optional[dt.date]
    time: Optional[dt.time] = None
    relation: Optional[str] = None  # one of RELATIONS
    calendar: Optional[str] = None  # "lunar" when a lunar date or festival was written

    def to_dict(self) -> dict:
        return {"start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None,
                "time": self.time.strftime("%H:%M") if self.time else None,
                "relation": self.relation, "calendar": self.calendar}

    @classmethod
    def from_dict(cls, data: dict) -> "DateValue":
        def day(v):
            return dt.date.fromisoformat(v) if v else None

        time = data.get("time")
        return cls(day(data.get("start")), day(data.get("end")),
                   dt.time.fromisoformat(time) if time else None, data.get("relation"),
                   data.get("calendar"))


ORG_KINDS = ("foundation", "association", "red_cross", "service", "government", "party",
             "company", "hospital", "school", "media", "other")


@dataclass(frozen=True)
class Org:
    """A named organisation; ``canonical`` restores the region of an abbreviated name."""

    name: str
    kind: str = "other"  # one of ORG_KINDS
    canonical: Optional[str] = None

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "canonical": self.canonical}

    @classmethod
    def from_dict(cls, data: dict) -> "Org":
        return cls(data["name"], data.get("kind") or "other", data.get("canonical"))


VALUE_TYPES = {"MONEY": Money, "QUANTITY": Quantity, "PERCENT": Percent, "DATE": DateValue,
               "ORG": Org}


def value_from_dict(label: str, data: dict):
    """The typed value of a span of ``label`` from its spec JSON object."""
    return VALUE_TYPES[label].from_dict(data)


@dataclass(frozen=True)
class TextRef:
    """A character range of the document with its text (actor, recipient, goods, as_of)."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Optional[dict]) -> Optional["TextRef"]:
        return None if not data else cls(data["start"], data["end"], data["text"])


MONEY_ROLES = ("total", "part", "value_of_goods")
ACTIONS = ("donate", "raise", "receive", "disburse")


@dataclass(frozen=True)
class MoneyRef(TextRef):
    """A MONEY span inside a record, with its role (total, part, value_of_goods or None)."""

    role: Optional[str] = None

    def to_dict(self) -> dict:
        return {**super().to_dict(), "role": self.role}

    @classmethod
    def from_dict(cls, data: dict) -> "MoneyRef":
        return cls(data["start"], data["end"], data["text"], data.get("role"))


@dataclass(frozen=True)
class Record:
    """One reported act of giving, raising, receiving or handing out (spec/records.md)."""

    start: int
    end: int
    action: str  # one of ACTIONS
    verb: str
    actor: Optional[TextRef] = None
    recipient: Optional[TextRef] = None
    money: tuple = field(default_factory=tuple)  # MoneyRef, ...
    goods: tuple = field(default_factory=tuple)  # TextRef, ...
    as_of: Optional[TextRef] = None

    def to_dict(self) -> dict:
        def ref(r):
            return r.to_dict() if r else None

        return {"start": self.start, "end": self.end, "action": self.action, "verb": self.verb,
                "actor": ref(self.actor), "recipient": ref(self.recipient),
                "money": [m.to_dict() for m in self.money],
                "goods": [g.to_dict() for g in self.goods], "as_of": ref(self.as_of)}

    @classmethod
    def from_dict(cls, data: dict) -> "Record":
        return cls(data["start"], data["end"], data["action"], data.get("verb", ""),
                   TextRef.from_dict(data.get("actor")), TextRef.from_dict(data.get("recipient")),
                   tuple(MoneyRef.from_dict(m) for m in data.get("money") or ()),
                   tuple(TextRef.from_dict(g) for g in data.get("goods") or ()),
                   TextRef.from_dict(data.get("as_of")))


@dataclass(frozen=True)
class Match:
    """A recogniser's find: character range of the text, label and typed value."""

    start: int
    end: int
    label: str
    value: Any
