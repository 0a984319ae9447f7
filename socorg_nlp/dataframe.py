"""Processed docs as a pandas DataFrame: one row per span, or per amount of each record.

pandas is an optional extra (``pip install 'socorg-nlp[pandas]'``), imported only when called.
The rows are io.span_rows / io.record_rows with their values typed back: amounts and bounds as
``decimal.Decimal`` in object columns (never floats), dates as ``datetime.date``, clock times as
``datetime.time``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Iterator

from spacy.tokens import Doc

from .components.base import DEFAULT_SPANS_KEY
from .io import RECORD_COLUMNS, SPAN_COLUMNS, record_rows, span_rows

DECIMAL_COLUMNS = ("amount", "lower", "upper")
DATE_COLUMNS = ("date_start", "date_end", "as_of_start", "as_of_end")


def doc_pairs(docs, positions: bool = True) -> Iterator[tuple]:
    """``(doc, doc_id)`` for a Doc, a ``(doc, context)`` pair of ``nlp.pipe(as_tuples=True)``, or
    an iterable of either. The id is ``context["id"]`` (or a non-dict context itself); for a
    doc without one it is its position in the input when ``positions``, else None."""
    if isinstance(docs, Doc) or _is_pair(docs):
        docs = [docs]
    for position, item in enumerate(docs):
        if isinstance(item, Doc):
            doc, doc_id = item, None
        elif _is_pair(item):
            doc, context = item
            doc_id = context.get("id") if isinstance(context, dict) else context
        else:
            raise TypeError(f"expected a spaCy Doc or a (Doc, context) pair, got {item!r:.80}")
        yield doc, position if doc_id is None and positions else doc_id


def _is_pair(item) -> bool:
    return isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], Doc)


def _typed(row: dict) -> dict:
    for name in DECIMAL_COLUMNS:
        if row.get(name) is not None:
            row[name] = Decimal(row[name])
    for name in DATE_COLUMNS:
        if row.get(name) is not None:
            row[name] = dt.date.fromisoformat(row[name])
    if row.get("time") is not None:
        row["time"] = dt.time.fromisoformat(row["time"])
    return row


def _pandas():
    try:
        import pandas
    except ImportError:
        raise ImportError("socorg_nlp.to_dataframe needs pandas: "
                          "pip install 'socorg-nlp[pandas]' (or pip install pandas)") from None
    return pandas


def to_dataframe(docs, records: bool = False, *, spans_key: str = DEFAULT_SPANS_KEY):
    """A pandas DataFrame of processed docs.

    - ``records=False``: one row per span, columns :data:`socorg_nlp.io.SPAN_COLUMNS`.
    - ``records=True``: one row per amount of each donation record, columns
      :data:`socorg_nlp.io.RECORD_COLUMNS` (actor, action, recipient, amount, currency, unit,
      item, approx, lower, upper, as_of_start, as_of_end, …).

    ``docs`` as for :func:`doc_pairs`; the ``id`` column holds each doc's id.
    """
    pandas = _pandas()
    columns = RECORD_COLUMNS if records else SPAN_COLUMNS
    rows = [_typed(row)
            for doc, doc_id in doc_pairs(docs)
            for row in (record_rows(doc, doc_id) if records
                        else span_rows(doc, doc_id, spans_key=spans_key))]
    frame = pandas.DataFrame.from_records(rows, columns=list(columns))
    # Object columns keep Decimal and date values as they are (pandas would coerce none of them
    # to float, but an empty or all-missing column would otherwise get a float dtype).
    for name in DECIMAL_COLUMNS + DATE_COLUMNS + ("time",):
        if name in frame.columns:
            frame[name] = frame[name].astype(object)
    return frame
