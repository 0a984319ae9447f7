"""Building the pipeline and the one-call API."""
from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache
from pathlib import Path
from typing import Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import components  # noqa: F401  (registers the factories when used without the entry points)
from . import tokenizer  # noqa: F401  (registers the char tokenizer)
from .components.base import DEFAULT_SPANS_KEY

# Priority order: a later component never overrides an earlier one's span.
RECOGNIZERS = ("socorg_orgs", "socorg_dates", "socorg_amounts")
RECORDS = "socorg_records"
CHAR_TOKENIZER = "socorg_nlp.char_tokenizer.v1"


def load(*, segmenter: str = "char", pkuseg_model: Union[str, Path, None] = None,
         base: Union[Language, str, Path, None] = None, records: bool = True,
         write_ents: bool = True, spans_key: str = DEFAULT_SPANS_KEY) -> Language:
    """A pipeline with the socorg_nlp components, offline and without any model download.

    - ``segmenter``: ``"char"`` (default, no model needed) or ``"pkuseg"`` with
      ``pkuseg_model`` the path of a spacy-pkuseg model directory you have.
    - ``base``: add the components to an existing pipeline (a ``Language`` or a name/path
      for ``spacy.load``), e.g. a trained ``zh_core_web_*`` model.
    - ``write_ents=False`` leaves ``doc.ents`` to the base pipeline's own NER.
    """
    if base is not None:
        nlp = spacy.load(base) if isinstance(base, (str, Path)) else base
    else:
        nlp = _blank(segmenter, pkuseg_model)
    for name in RECOGNIZERS:
        nlp.add_pipe(name, config={"spans_key": spans_key, "write_ents": write_ents})
    if records:
        nlp.add_pipe(RECORDS, config={"spans_key": spans_key})
    # Any str gives a Doc: a long report is not an error (the rules are linear in length).
    nlp.max_length = sys.maxsize
    return nlp


def _blank(segmenter: str, pkuseg_model) -> Language:
    if segmenter not in ("char", "pkuseg"):
        raise ValueError(f"segmenter must be 'char' or 'pkuseg', got {segmenter!r}")
    if segmenter == "pkuseg" and pkuseg_model is None:
        raise ValueError("segmenter='pkuseg' needs pkuseg_model=PATH to a spacy-pkuseg model "
                         "directory (nothing is downloaded)")
    if segmenter == "char":  # spaCy's own char segmenter is quadratic in the text's length
        return spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": CHAR_TOKENIZER}}})
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    nlp.tokenizer.initialize(pkuseg_model=str(pkuseg_model))
    return nlp


@lru_cache(maxsize=1)
def _default_nlp() -> Language:
    return load()


def extract(text: str, reference_date: Union[dt.date, str, None] = None) -> Doc:
    """Run the default pipeline on ``text``; dates without a year resolve against
    ``reference_date`` (a ``datetime.date`` or ISO string), else the date the page states."""
    nlp = _default_nlp()
    doc = nlp.make_doc(text)
    doc._.reference_date = reference_date
    return nlp(doc)
