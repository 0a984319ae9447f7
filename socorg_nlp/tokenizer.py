"""A character tokenizer for Chinese that is linear in the text's length.

It gives the same tokens as spaCy's ``char`` segmenter (every non-space character a token,
one space after a token as its whitespace, other whitespace runs as tokens), but spaCy's
alignment step slices the remaining text once per character, which is quadratic and takes
minutes on a 5 MB report.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .components.base import remember_text

_WHITESPACE = re.compile(r"(\s+)")


def char_words(text: str, word_id: Optional[Callable[[str], int]] = None) -> tuple[list, list]:
    """(words, spaces) for ``Doc(vocab, words, spaces)``: one token per non-space character.

    With ``word_id`` the words are given as its ids (``Doc`` takes StringStore ids too), so a
    long text never holds a string object per character.
    """
    words: list = []
    spaces: list = []
    # Split at whitespace runs so the characters between them are added by C-level extends,
    # not one Python step per character (the tokenizer was a fifth of the pipeline's time).
    for i, chunk in enumerate(_WHITESPACE.split(text)):
        if not chunk:
            continue
        if i % 2 == 0:  # non-space characters: a token each
            words.extend(chunk if word_id is None else map(word_id, chunk))
            spaces.extend([False] * len(chunk))
        elif chunk[0] == " " and spaces:  # after a character: its trailing space
            spaces[-1] = True
            if len(chunk) > 1:
                words.append(chunk[1:] if word_id is None else word_id(chunk[1:]))
                spaces.append(False)
        else:
            words.append(chunk if word_id is None else word_id(chunk))
            spaces.append(False)
    return words, spaces


class _OrthIds(dict):
    """Character -> its id in the vocab's StringStore, added there on first sight.

    A Doc built from ids skips hashing every character's UTF-8 bytes, which is most of what
    building a Doc of single characters costs (four times faster over a page). Characters are
    stored as permanent strings, so an id stays valid after a ``nlp.memory_zone()``; other
    tokens (whitespace runs) are many and rare, so they are neither kept nor made permanent.
    """

    _MAX_SIZE = 200_000  # junk text can bring many distinct characters

    def __init__(self, vocab: Vocab):
        super().__init__()
        self.strings = vocab.strings

    def __missing__(self, word: str) -> int:
        if len(word) != 1:
            return self.strings.add(word)
        if len(self) >= self._MAX_SIZE:
            self.clear()
        orth = self[word] = self.strings.add(word, allow_transient=False)
        return orth



class CharTokenizer:
    """Tokenizer callable for ``nlp.tokenizer``; serialisable so saved pipelines reload."""

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._orth_ids = _OrthIds(vocab)

    def __call__(self, text: str) -> Doc:
        orths, spaces = char_words(text, self._orth_ids.__getitem__)
        doc = Doc(self.vocab, words=orths, spaces=spaces)
        remember_text(doc, text)
        return doc

    def to_disk(self, path, **kwargs) -> None:
        pass  # nothing to save: the tokenizer has no data

    def from_disk(self, path, **kwargs) -> "CharTokenizer":
        return self

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":
        return self


@registry.tokenizers("socorg_nlp.char_tokenizer.v1")
def create_char_tokenizer():
    def make(nlp) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make
