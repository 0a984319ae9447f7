"""Looking at results: docs drawn with displaCy, each span's typed value in its hover title,
and the donation records as a table under the text (in Jupyter or as a standalone HTML page).

displaCy cannot set a title per span from a Doc, so the spans go to its manual "ent" renderer
with a template that has a ``title`` attribute, filled per span through displaCy's ``params``.
"""
from __future__ import annotations

import html
from typing import Iterator, Optional

from spacy import displacy
from spacy.tokens import Doc
from spacy.util import is_in_jupyter

from .components.base import DEFAULT_SPANS_KEY
from .dataframe import doc_pairs
from .io import record_rows

# One colour per label (displaCy's defaults give MONEY, QUANTITY and PERCENT the same one).
LABEL_COLORS = {"ORG": "#7aecec", "MONEY": "#f9d56e", "QUANTITY": "#c3e88d",
                "PERCENT": "#f7a8c4", "DATE": "#b9c9f5"}

# displaCy's own entity template plus the title attribute.
_ENT_TEMPLATE = (
    '<mark class="entity" title="{title}" style="background: {bg}; padding: 0.45em 0.6em; '
    'margin: 0 0.25em; line-height: 1; border-radius: 0.35em; cursor: help;">{text}'
    '<span style="font-size: 0.8em; font-weight: bold; line-height: 1; border-radius: 0.35em; '
    'vertical-align: middle; margin-left: 0.5rem">{label}{kb_link}</span></mark>'
)

RECORD_TABLE_COLUMNS = ("action", "verb", "actor", "recipient", "amount_text", "role", "amount",
                        "currency", "unit", "item", "approx", "lower", "upper", "as_of",
                        "as_of_start", "as_of_end")

# One small style block per table rather than a style on every cell: a page of thousands of
# records stays small, and the table is still self-contained wherever it is pasted.
_TABLE_STYLE = ("<style>.socorg-records {border-collapse: collapse; margin: 1em 0; "
                "font-size: 0.9em} .socorg-records th, .socorg-records td {border: 1px solid #ccc; "
                "padding: 0.2em 0.5em; text-align: left}</style>")

# The frame of a standalone page; the CLI writes it around documents it renders one by one.
PAGE_HEAD = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<title>socorg_nlp</title>
</head>
<body style="font-family: -apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 2em;">
"""
PAGE_TAIL = "</body>\n</html>\n"


def value_title(label: str, value) -> str:
    """The hover text of a span: its label and every field of its value that is set."""
    lines = [label]
    if value is not None:
        lines += [f"{key}: {item}" for key, item in value.to_dict().items() if item is not None]
    return "\n".join(lines)


def _visible_spans(doc: Doc, spans_key: str) -> list:
    """The spans in text order; one overlapping an earlier one (never produced by the library's
    own components) is left out, since an inline rendering cannot show both."""
    kept, end = [], 0
    spans = doc.spans[spans_key] if spans_key in doc.spans else ()
    for span in sorted(spans, key=lambda s: (s.start_char, -s.end_char)):
        if span.start_char >= end:
            kept.append(span)
            end = span.end_char
    return kept


def _ents_html(doc: Doc, doc_id, spans_key: str, colors: dict) -> str:
    # displaCy escapes the text but not labels or params.
    ents = [{"start": s.start_char, "end": s.end_char, "label": html.escape(s.label_),
             "params": {"title": html.escape(value_title(s.label_, s._.value))}}
            for s in _visible_spans(doc, spans_key)]
    parsed = {"text": doc.text, "ents": ents,
              "title": None if doc_id is None else html.escape(str(doc_id))}
    return displacy.render(parsed, style="ent", manual=True, jupyter=False,
                           options={"colors": {**LABEL_COLORS, **colors},
                                    "template": _ENT_TEMPLATE})


def records_table(doc: Doc, doc_id=None) -> str:
    """The doc's donation records as an HTML table (one row per amount); "" when it has none."""
    rows = list(record_rows(doc, doc_id))
    if not rows:
        return ""
    head = "".join(f"<th>{name}</th>" for name in RECORD_TABLE_COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row[name])}</td>" for name in RECORD_TABLE_COLUMNS) + "</tr>"
        for row in rows)
    return (f'{_TABLE_STYLE}<table class="socorg-records"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _cell(value) -> str:
    return "" if value is None else html.escape(str(value))


def doc_html(doc: Doc, doc_id=None, *, records: bool = True,
             spans_key: str = DEFAULT_SPANS_KEY, colors: Optional[dict] = None) -> str:
    """One doc as an HTML fragment: the text with its spans, then its records table."""
    table = records_table(doc, doc_id) if records else ""
    return ('<figure style="margin-bottom: 3em;">'
            f"{_ents_html(doc, doc_id, spans_key, colors or {})}{table}</figure>\n")


def iter_html_page(docs, *, records: bool = True, spans_key: str = DEFAULT_SPANS_KEY,
                   colors: Optional[dict] = None) -> Iterator[str]:
    """A standalone HTML page for all ``docs``, piece by piece (so a big run streams to disk)."""
    yield PAGE_HEAD
    for doc, doc_id in doc_pairs(docs, positions=False):
        yield doc_html(doc, doc_id, records=records, spans_key=spans_key, colors=colors)
    yield PAGE_TAIL


def render(docs, jupyter: Optional[bool] = None, page: bool = False, *, records: bool = True,
           spans_key: str = DEFAULT_SPANS_KEY, colors: Optional[dict] = None) -> Optional[str]:
    """Draw processed docs: spans coloured by label, each span's value in its hover title, the
    donation records in a table under each text.

    ``docs`` is a Doc, a ``(doc, context)`` pair from ``nlp.pipe(…, as_tuples=True)`` (its
    ``context["id"]`` titles the doc) or an iterable of either. In Jupyter (or with
    ``jupyter=True``) the result is displayed and None returned; otherwise the HTML is returned,
    a complete page with ``page=True``. ``colors`` overrides :data:`LABEL_COLORS`.
    """
    if page:
        markup = "".join(iter_html_page(docs, records=records, spans_key=spans_key,
                                        colors=colors))
    else:
        markup = "".join(doc_html(doc, doc_id, records=records, spans_key=spans_key,
                                  colors=colors) for doc, doc_id in doc_pairs(docs, positions=False))
    if jupyter or (jupyter is None and is_in_jupyter()):
        from IPython.display import HTML, display

        display(HTML(markup))
        return None
    return markup
