"""spaCy factory ``socorg_dates``: DATE spans resolved against the article date.

Also sets ``doc._.published`` from the date the page states, and uses it as the reference
date when the caller gave none.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import reference_date_of
from ..recognizers.dates import DateRecognizer
from ..spans import add_matches
from .base import DEFAULT_SPANS_KEY, RuleComponent, normalized_text


class DateComponent(RuleComponent):
    recognizer_class = DateRecognizer

    def __call__(self, doc: Doc) -> Doc:
        text = normalized_text(doc)
        doc._.published = self.recognizer.find_published(text)
        reference = reference_date_of(doc) or doc._.published
        add_matches(doc, self.recognizer.find_against(text, reference), self.spans_key,
                    self.write_ents)
        return doc


@Language.factory(
    "socorg_dates",
    default_config={"spans_key": DEFAULT_SPANS_KEY, "write_ents": True,
                    "scorer": {"@scorers": "socorg_nlp.spans_scorer.v1"}},
)
def make_date_recognizer(nlp: Language, name: str, spans_key: str, write_ents: bool,
                         scorer: Optional[Callable]) -> DateComponent:
    return DateComponent(nlp, name, spans_key=spans_key, write_ents=write_ents, scorer=scorer)
