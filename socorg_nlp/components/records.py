"""spaCy factory ``socorg_records``: donation records built from the doc's own spans."""
from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import set_records
from ..recognizers.records import RecordBuilder
from ..spans import matches_of
from .base import DEFAULT_SPANS_KEY, RuleComponent, normalized_text, original_text


class RecordComponent(RuleComponent):
    recognizer_class = RecordBuilder

    def __call__(self, doc: Doc) -> Doc:
        records = self.recognizer.build(normalized_text(doc), matches_of(doc, self.spans_key))
        text = original_text(doc)
        set_records(doc, [_with_original_text(text, r) for r in records])
        return doc


def _with_original_text(text: str, record):
    """The builder reads normalised text; records quote the document as written."""
    def quote(ref):
        return replace(ref, text=text[ref.start:ref.end]) if ref else None

    return replace(record, actor=quote(record.actor), recipient=quote(record.recipient),
                   as_of=quote(record.as_of), money=tuple(quote(m) for m in record.money),
                   goods=tuple(quote(g) for g in record.goods))


@Language.factory("socorg_records", default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_record_builder(nlp: Language, name: str, spans_key: str) -> RecordComponent:
    return RecordComponent(nlp, name, spans_key=spans_key, write_ents=False)
