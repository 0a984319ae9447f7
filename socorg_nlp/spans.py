"""Writing matches into a Doc as exact character spans, whatever the tokenizer did."""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from typing import Iterable

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH
from spacy.tokens import Doc
from spacy.util import filter_spans

from .extensions import set_value, value_of
from .types import Match

# The matches each doc got from our components, kept sorted as typed objects so later
# components need neither rebuild them from the spans nor read the whole group again. Each
# entry remembers the SpanGroup it mirrors and its length: a group the user replaced or
# extended is read afresh (per doc, dropped with the doc).
_MATCHES: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()
# Docs our components have written entities to: their other tokens are O already.
_TAGGED: "weakref.WeakKeyDictionary[Doc, bool]" = weakref.WeakKeyDictionary()


def matches_of(doc: Doc, spans_key: str) -> list:
    """The spans of ``doc.spans[spans_key]`` as Match objects with their typed values."""
    return list(_known(doc, spans_key))


def _known(doc: Doc, spans_key: str) -> list:
    if spans_key not in doc.spans:
        return []
    group = doc.spans[spans_key]
    cached = _MATCHES.get(doc, {}).get(spans_key)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2]
    known = sorted((Match(s.start_char, s.end_char, s.label_,
                          value_of(doc, s.label_, s.start_char, s.end_char)) for s in group),
                   key=lambda m: (m.start, m.end))
    _MATCHES.setdefault(doc, {})[spans_key] = (group, len(group), known)
    return known


def add_matches(doc: Doc, matches: Iterable[Match], spans_key: str, write_ents: bool) -> None:
    """Add ``matches`` to ``doc.spans[spans_key]`` (and ``doc.ents``) with their values.

    A match overlapping a span already in the group (from an earlier component) is dropped:
    components run in priority order. Tokens that straddle a match edge are split first, so
    spans are exact character ranges even with a word segmenter.
    """
    if spans_key not in doc.spans:  # an empty group, so users can always read it
        doc.spans[spans_key] = []
    known = _known(doc, spans_key)
    taken = [(m.start, m.end) for m in known]
    starts = [m.start for m in known]
    fresh = []
    for match in sorted(matches, key=lambda m: (m.start, -m.end)):
        if match.end > match.start and not _overlaps(match, taken, starts):
            fresh.append(match)
    if not fresh:
        return
    spans = [doc.char_span(m.start, m.end, label=m.label) for m in fresh]
    if None in spans:
        _split_tokens_at(doc, {edge for m in fresh for edge in (m.start, m.end)})
        spans = [doc.char_span(m.start, m.end, label=m.label) for m in fresh]
    added, new_spans = [], []
    for match, span in zip(fresh, spans):
        if span is None:  # an edge inside whitespace: nothing to mark
            continue
        set_value(doc, match.label, match.start, match.end, match.value)
        added.append(match)
        new_spans.append(span)
    merged = sorted(known + added, key=lambda m: (m.start, m.end))
    # Spans of the old group are rebuilt from its token offsets (cheap C structs), then the
    # whole group is replaced so it stays in text order.
    group = list(doc.spans[spans_key]) + new_spans
    group.sort(key=lambda s: (s.start_char, s.end_char))
    doc.spans[spans_key] = group
    new_group = doc.spans[spans_key]
    _MATCHES.setdefault(doc, {})[spans_key] = (new_group, len(new_group), merged)
    if write_ents:
        _add_ents(doc, new_spans)


def _add_ents(doc: Doc, spans: list) -> None:
    """Add ``spans`` (sorted by start) to ``doc.ents``, a longer overlapping entity winning.

    Reading and re-setting all of ``doc.ents`` costs Python work per token; when no span
    touches an existing entity (the usual case) only the new spans' tokens are written.
    """
    tags = None
    if doc in _TAGGED:  # tagged by us before: look only at the new spans' tokens
        touching = any(doc[i].ent_iob % 2 for s in spans for i in range(s.start, s.end))
    else:  # our first entities: the doc may have none yet, or a model's
        tags = doc.to_array(ENT_IOB) % 2  # 1 where a token is in an entity (IOB 1 or 3)
        touching = any(tags[s.start:s.end].any() for s in spans)
    if touching or any(a.end > b.start for a, b in zip(spans, spans[1:])):
        doc.ents = filter_spans(list(doc.ents) + spans)
    elif tags is not None and not tags.any():
        _write_first_ents(doc, spans)
    else:
        doc.set_ents(spans, default="unmodified")
    _TAGGED[doc] = True


def _write_first_ents(doc: Doc, spans: list) -> None:
    """``doc.ents = spans`` on a doc without entities, every other token O.

    spaCy's own way tests each token against a Python set (a third of a millisecond on a
    page); one array write does the same in C.
    """
    tags = numpy.zeros((len(doc), 2), dtype=numpy.uint64)
    tags[:, 0] = 2  # O
    for span in spans:
        tags[span.start:span.end] = (1, span.label)  # I
        tags[span.start, 0] = 3  # B
    doc.from_array([ENT_IOB, ENT_TYPE], tags)


def _overlaps(match: Match, taken: list, starts: list) -> bool:
    """Whether ``match`` overlaps one of ``taken`` (sorted, non-overlapping ranges)."""
    i = bisect_left(starts, match.end)  # ranges from i on start at or after the match's end
    return i > 0 and taken[i - 1][1] > match.start


def _split_tokens_at(doc: Doc, offsets: set) -> None:
    """Split every token that has one of ``offsets`` strictly inside it."""
    token_starts, token_lengths = doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], [])
    cuts: dict = {}
    for offset in sorted(offsets):
        i = bisect_right(token_starts, offset) - 1
        if i >= 0 and token_starts[i] < offset < token_starts[i] + token_lengths[i]:
            cuts.setdefault(i, []).append(offset - token_starts[i])
    if not cuts:
        return
    # Retokenising invalidates token-indexed spans: keep them as characters and rebuild.
    saved_groups = {key: [(s.start_char, s.end_char, s.label_) for s in doc.spans[key]]
                    for key in doc.spans}
    saved_ents = [(s.start_char, s.end_char, s.label_) for s in doc.ents]
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0] + inner + [len(token.text)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
    for key, spans in saved_groups.items():
        doc.spans[key] = [doc.char_span(a, b, label=label) for a, b, label in spans]
    doc.ents = [doc.char_span(a, b, label=label) for a, b, label in saved_ents]
