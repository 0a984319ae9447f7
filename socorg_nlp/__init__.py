"""socorg_nlp: typed money, goods, dates and organisations from Chinese reports on social
organisations, as a spaCy 3 pipeline.

    import socorg_nlp
    nlp = socorg_nlp.load()
    doc = nlp("截至3月5日，市慈善总会累计接收捐款1250万元。")
    for span in doc.spans["socorg"]:
        print(span.label_, span.text, span._.value)
"""
from . import extensions  # noqa: F401  (declares doc._.reference_date, span._.value, …)
from .dataframe import to_dataframe
from .dates import find_published, resolve_date
from .io import doc_to_dict, record_rows, span_rows
from .numbers import NumberParseError, parse_money, parse_number, parse_percent
from .pipeline import extract, load
from .render import render
from .scoring import evaluate
from .types import (Approx, DateValue, Match, Money, MoneyRef, NumberValue, Org, Percent,
                    Quantity, Record, TextRef)

__all__ = ["Approx", "DateValue", "Match", "Money", "MoneyRef", "NumberParseError", "NumberValue",
           "Org", "Percent", "Quantity", "Record", "TextRef", "doc_to_dict", "evaluate", "extract",
           "find_published", "load", "parse_money", "parse_number", "parse_percent",
           "record_rows", "render", "resolve_date", "span_rows", "to_dataframe"]
__version__ = "0.1.0"
