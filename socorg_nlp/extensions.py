"""spaCy extension attributes, backed by ``doc.user_data`` so they survive ``Doc.to_bytes``.

spaCy keys ``Span._`` values by character offsets only, so two spans over the same characters
would share a value. Values are therefore kept in a per-doc store keyed by (label, start, end)
and read through getters. The store holds the spec's JSON objects (msgpack-safe, so docs cross
process boundaries in ``nlp.pipe(n_process=…)``); getters build the typed dataclasses.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from spacy.tokens import Doc, Span

from .types import Record, value_from_dict

_VALUE = "socorg_nlp.value"
_REFERENCE = "socorg_nlp.reference_date"
_PUBLISHED = "socorg_nlp.published"
_RECORDS = "socorg_nlp.records"


def set_value(doc: Doc, label: str, start: int, end: int, value) -> None:
    doc.user_data[(_VALUE, label, start, end)] = value.to_dict()


def value_of(doc: Doc, label: str, start: int, end: int):
    data = doc.user_data.get((_VALUE, label, start, end))
    return None if data is None else value_from_dict(label, data)


def _span_value(span: Span):
    return value_of(span.doc, span.label_, span.start_char, span.end_char)


def _date_property(key: str):
    def getter(doc: Doc) -> Optional[dt.date]:
        value = doc.user_data.get(key)
        return dt.date.fromisoformat(value) if value else None

    def setter(doc: Doc, value) -> None:
        doc.user_data[key] = _as_date(value).isoformat() if value else None

    return getter, setter


def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None
    raise TypeError(f"expected a datetime.date or an ISO date string, got {value!r}")


def _records(doc: Doc) -> list:
    return [Record.from_dict(r) for r in doc.user_data.get(_RECORDS) or ()]


def set_records(doc: Doc, records) -> None:
    doc.user_data[_RECORDS] = [r.to_dict() for r in records]


def reference_date_of(doc: Doc) -> Optional[dt.date]:
    """The date to resolve against: set on the doc, or passed as pipe context."""
    if doc._.reference_date is None:
        context = getattr(doc, "_context", None)
        value = context.get("reference_date") if isinstance(context, dict) else context
        if isinstance(value, (str, dt.date)) and value:
            doc._.reference_date = value
    return doc._.reference_date


def register() -> None:
    """Declare the extensions once (idempotent; ``force`` keeps reloads harmless)."""
    Span.set_extension("value", getter=_span_value, force=True)
    Doc.set_extension("reference_date", getter=_date_property(_REFERENCE)[0],
                      setter=_date_property(_REFERENCE)[1], force=True)
    Doc.set_extension("published", getter=_date_property(_PUBLISHED)[0],
                      setter=_date_property(_PUBLISHED)[1], force=True)
    Doc.set_extension("records", getter=_records, force=True)


register()
