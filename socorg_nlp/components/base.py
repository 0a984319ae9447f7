"""The shape every socorg_nlp rule component shares (after spaCy's span_ruler).

A component owns a recogniser built from a JSON-able data dict (read from patterns/ by default);
``to_disk`` saves that dict and ``from_disk`` rebuilds the recogniser from it, so a saved pipeline
carries its own data and the config stays small.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import srsly
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import ensure_path, minibatch, raise_error, registry

from ..extensions import reference_date_of
from ..normalize import normalize
from ..spans import add_matches, matches_of

DEFAULT_SPANS_KEY = "socorg"
# The most docs a component holds at once in pipe(), whatever batch_size nlp.pipe passes (its
# default is 1,000): a page of characters is about a megabyte of spaCy tokens.
MAX_BATCH = 64


@dataclass
class FindContext:
    """What a recogniser may know besides the text."""

    reference_date: Optional[dt.date] = None
    existing: list = field(default_factory=list)  # Match objects of earlier components


# Per-doc cache outside user_data, so it is neither serialised nor sent between processes:
# (original text, normalised text). doc.text rebuilds the text from the tokens at each call.
_TEXTS: "weakref.WeakKeyDictionary[Doc, tuple]" = weakref.WeakKeyDictionary()


def remember_text(doc: Doc, text: str) -> None:
    """Let a tokenizer that saw the text spare the components rebuilding it from tokens."""
    _TEXTS[doc] = (text, normalize(text))


def _texts(doc: Doc) -> tuple:
    cached = _TEXTS.get(doc)
    if cached is None:
        text = doc.text
        cached = _TEXTS[doc] = (text, normalize(text))
    return cached


def original_text(doc: Doc) -> str:
    """The doc's text as written."""
    return _texts(doc)[0]


def normalized_text(doc: Doc) -> str:
    """The doc's normalised text (socorg_nlp.normalize), computed once per doc."""
    return _texts(doc)[1]


@registry.scorers("socorg_nlp.spans_scorer.v1")
def make_spans_scorer(spans_key: str = DEFAULT_SPANS_KEY) -> Callable:
    def score(examples: Iterable[Example], **kwargs) -> dict:
        kwargs = dict(kwargs)
        kwargs.setdefault("allow_overlap", True)
        return Scorer.score_spans(examples, "spans", spans_key=spans_key, **kwargs)

    return score


class RuleComponent:
    """A pipeline component that runs one recogniser and writes its matches to the doc."""

    recognizer_class: type = None  # set by subclasses
    data_file = "patterns.json"

    def __init__(self, nlp: Language, name: str, *, spans_key: str = DEFAULT_SPANS_KEY,
                 write_ents: bool = True, scorer: Optional[Callable] = None):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.write_ents = write_ents
        self.scorer = scorer
        self.data = self.recognizer_class.default_data()
        self.recognizer = self.recognizer_class(self.data)
        self._error_handler: Callable = raise_error

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = MAX_BATCH) -> Iterator[Doc]:
        """The docs of ``stream``, processed a batch at a time: one recogniser over many docs
        keeps its code and data warm, a tenth faster than taking each doc through every
        component in turn."""
        for docs in minibatch(stream, size=max(1, min(batch_size, MAX_BATCH))):
            done = []
            for doc in docs:
                try:
                    done.append(self(doc))
                except Exception as error:  # noqa: BLE001 - spaCy's error handler decides
                    self._error_handler(self.name, self, [doc], error)
            yield from done

    def get_error_handler(self) -> Callable:
        return self._error_handler

    def set_error_handler(self, error_handler: Callable) -> None:
        """What ``pipe`` does with a doc whose processing raised (``nlp.set_error_handler``)."""
        self._error_handler = error_handler

    def __call__(self, doc: Doc) -> Doc:
        context = FindContext(reference_date_of(doc), matches_of(doc, self.spans_key))
        matches = self.recognizer.find(normalized_text(doc), context)
        add_matches(doc, matches, self.spans_key, self.write_ents)
        return doc

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        scorer = self.scorer or make_spans_scorer(self.spans_key)
        return scorer(examples, **kwargs)

    def set_data(self, data: dict) -> None:
        self.data = data
        self.recognizer = self.recognizer_class(data)

    def to_disk(self, path, *, exclude: Iterable[str] = tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / self.data_file, self.data)

    def from_disk(self, path, *, exclude: Iterable[str] = tuple()) -> "RuleComponent":
        self.set_data(srsly.read_json(Path(path) / self.data_file))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "RuleComponent":
        self.set_data(srsly.msgpack_loads(data))
        return self
