"""spaCy factory ``socorg_amounts``: MONEY, QUANTITY and PERCENT spans with typed values."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from ..recognizers.amounts import AmountRecognizer
from .base import DEFAULT_SPANS_KEY, RuleComponent


class AmountComponent(RuleComponent):
    recognizer_class = AmountRecognizer


@Language.factory(
    "socorg_amounts",
    default_config={"spans_key": DEFAULT_SPANS_KEY, "write_ents": True,
                    "scorer": {"@scorers": "socorg_nlp.spans_scorer.v1"}},
)
def make_amount_recognizer(nlp: Language, name: str, spans_key: str, write_ents: bool,
                           scorer: Optional[Callable]) -> AmountComponent:
    return AmountComponent(nlp, name, spans_key=spans_key, write_ents=write_ents, scorer=scorer)
