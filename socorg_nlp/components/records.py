"""spaCy factory ``socorg_records``: donation records built from the doc's own spans."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import set_records
from ..spans import matches_of
from ..recognizers.records import RecordBuilder
from .base import DEFAULT_SPANS_KEY, RuleComponent, normalized_text


class RecordComponent(RuleComponent):
    recognizer_class = RecordBuilder

    def __call__(self, doc: Doc) -> Doc:
        matches = matches_of(doc, self.spans_key)
        set_records(doc, self.recognizer.build(normalized_text(doc), matches))
        return doc


@Language.factory("socorg_records", default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_record_builder(nlp: Language, name: str, spans_key: str) -> RecordComponent:
    return RecordComponent(nlp, name, spans_key=spans_key, write_ents=False)
