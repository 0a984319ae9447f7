"""Writing matches into a Doc as exact character spans, whatever the tokenizer did."""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from typing import Iterable

from spacy.attrs import ENT_IOB, IDX, LENGTH
from spacy.tokens import Doc
from spacy.util import filter_spans

from .extensions import set_value, value_of
from .types import Match

# The matches each doc got from our components, kept as typed objects so later components
# need not rebuild them from the spans (per doc, dropped with the doc).
_MATCHES: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()


def matches_of(doc: Doc, spans_key: str) -> list:
    """The spans of ``doc.spans[spans_key]`` as Match objects with their typed values."""
    cached = _MATCHES.get(doc, {}).get(spans_key)
    if cached is not None:
        return list(cached)
    if spans_key not in doc.spans:
        return []
    return [Match(s.start_char, s.end_char, s.label_, value_of(doc, s.label_, s.start_char, s.end_char))
            for s in doc.spans[spans_key]]


def add_matches(doc: Doc, matches: Iterable[Match], spans_key: str, write_ents: bool) -> None:
    """Add ``matches`` to ``doc.spans[spans_key]`` (and ``doc.ents``) with their values.

    A match overlapping a span already in the group (from an earlier component) is dropped:
    components run in priority order. Tokens that straddle a match edge are split first, so
    spans are exact character ranges even with a word segmenter.
    """
    if spans_key not in doc.spans:  # an empty group, so users can always read it
        doc.spans[spans_key] = []
    group = list(doc.spans[spans_key])
    taken = sorted((s.start_char, s.end_char) for s in group)
    starts = [start for start, _ in taken]
    fresh = [m for m in sorted(matches, key=lambda m: (m.start, -m.end))
             if m.end > m.start and not _overlaps(m, taken, starts)]
    if not fresh:
        return
    known = matches_of(doc, spans_key)
    spans = [doc.char_span(m.start, m.end, label=m.label) for m in fresh]
    if any(span is None for span in spans):
        _split_tokens_at(doc, {edge for m in fresh for edge in (m.start, m.end)})
        group = list(doc.spans[spans_key])
        spans = [doc.char_span(m.start, m.end, label=m.label) for m in fresh]
    new_spans = []
    for match, span in zip(fresh, spans):
        if span is None:  # an edge inside whitespace: nothing to mark
            continue
        set_value(doc, match.label, match.start, match.end, match.value)
        new_spans.append(span)
        known.append(match)
    _MATCHES.setdefault(doc, {})[spans_key] = sorted(known, key=lambda m: (m.start, m.end))
    doc.spans[spans_key] = sorted(group + new_spans, key=lambda s: (s.start_char, s.end_char))
    if write_ents:
        _add_ents(doc, new_spans)


def _add_ents(doc: Doc, spans: list) -> None:
    """Add ``spans`` (sorted by start) to ``doc.ents``, a longer overlapping entity winning.

    Reading and re-setting all of ``doc.ents`` costs Python work per token; when no span
    touches an existing entity (the usual case) only the new spans' tokens are written.
    """
    iob = doc.to_array(ENT_IOB)  # 1 = inside, 3 = begins an entity (odd: in an entity)
    in_ents = set((iob % 2).nonzero()[0].tolist())
    clear = all(a.end <= b.start for a, b in zip(spans, spans[1:])) and not any(
        i in in_ents for s in spans for i in range(s.start, s.end))
    if clear:  # on a doc without entities yet, the other tokens become O as with doc.ents = …
        doc.set_ents(spans, default="unmodified" if in_ents else "outside")
    else:
        doc.ents = filter_spans(list(doc.ents) + spans)


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
