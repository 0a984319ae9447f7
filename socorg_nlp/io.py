"""Docs as the spec's JSON objects and as flat rows (CSV, tables)."""
from __future__ import annotations

import hashlib
from typing import Iterator, Optional

from spacy.tokens import Doc

from .components.base import DEFAULT_SPANS_KEY, original_text
from .extensions import value_of
from .spans import matches_of


def doc_to_dict(doc: Doc, doc_id=None, *, records: bool = False,
                spans_key: str = DEFAULT_SPANS_KEY) -> dict:
    """The spec-format JSON object of a processed doc (../shared/spec/entities.md)."""
    reference, published = doc._.reference_date, doc._.published
    text = original_text(doc)  # the tokenizer's copy; doc.text rebuilds it token by token (slow)
    out = {
        "id": doc_id,
        "reference_date": reference.isoformat() if reference else None,
        "published": published.isoformat() if published else None,
        "text_sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        # The typed matches the components cached, in text order: no Span objects to build.
        "spans": [
            {"start": m.start, "end": m.end, "text": text[m.start:m.end], "label": m.label,
             "value": m.value.to_dict() if m.value is not None else None}
            for m in matches_of(doc, spans_key)
        ],
    }
    if records:
        out["records"] = [r.to_dict() for r in doc._.records]
    return out


SPAN_COLUMNS = ("id", "start", "end", "label", "text", "amount", "currency", "unit", "item",
                "approx", "lower", "upper", "date_start", "date_end", "time", "relation",
                "calendar", "name", "kind", "canonical")

RECORD_COLUMNS = ("id", "action", "verb", "actor", "recipient", "amount_text", "amount_label",
                  "role", "amount", "currency", "unit", "item", "approx", "lower", "upper",
                  "as_of", "as_of_start", "as_of_end")


def _flat_value(label: str, value: dict) -> dict:
    if label == "DATE":  # its start/end would clash with the span's offsets
        return {"date_start": value["start"], "date_end": value["end"], "time": value["time"],
                "relation": value["relation"], "calendar": value["calendar"]}
    return dict(value)


def span_rows(doc: Doc, doc_id=None, spans_key: str = DEFAULT_SPANS_KEY) -> Iterator[dict]:
    """One flat row per span: offsets, label, text and the value's fields as columns."""
    text = original_text(doc)
    for match in matches_of(doc, spans_key):
        row = dict.fromkeys(SPAN_COLUMNS)
        row.update(id=doc_id, start=match.start, end=match.end, label=match.label,
                   text=text[match.start:match.end])
        if match.value is not None:
            row.update(_flat_value(match.label, match.value.to_dict()))
        yield row


def record_rows(doc: Doc, doc_id=None) -> Iterator[dict]:
    """One flat row per amount of each donation record (the table users want)."""
    for record in doc._.records:
        as_of = value_of(doc, "DATE", record.as_of.start, record.as_of.end) if record.as_of else None
        base = {"id": doc_id, "action": record.action, "verb": record.verb,
                "actor": _text(record.actor), "recipient": _text(record.recipient),
                "as_of": _text(record.as_of),
                "as_of_start": as_of.start.isoformat() if as_of and as_of.start else None,
                "as_of_end": as_of.end.isoformat() if as_of and as_of.end else None}
        amounts = [("MONEY", ref, ref.role) for ref in record.money]
        amounts += [("QUANTITY", ref, None) for ref in record.goods]
        for label, ref, role in amounts:
            row = dict.fromkeys(RECORD_COLUMNS)
            row.update(base, amount_text=ref.text, amount_label=label, role=role)
            value = value_of(doc, label, ref.start, ref.end)
            if value is not None:
                row.update({k: v for k, v in value.to_dict().items() if k in RECORD_COLUMNS})
            yield row


def _text(ref) -> Optional[str]:
    return ref.text if ref else None
