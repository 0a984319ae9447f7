"""Normalisation for matching that never moves an offset: one character in, one character out.

Full-width ASCII (２０２０, ％, ，) and every decimal digit become ASCII and traditional characters
become simplified,
using OpenCC's own character table (only its one-to-one entries, so len(text) is kept).
"""
from __future__ import annotations

import re
import sys
import unicodedata
from functools import lru_cache

# CJK blocks where traditional characters live (URO, extension A, compatibility ideographs).
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))

@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    import opencc

    converter = opencc.OpenCC("t2s")
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi + 1)]
    # One conversion call over newline-separated single characters keeps phrase rules out.
    converted = converter.convert("\n".join(chars)).split("\n")
    table: dict[int, str] = {}
    if len(converted) == len(chars):
        for src, dst in zip(chars, converted):
            if len(dst) == 1 and dst != src:
                table[ord(src)] = dst
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    # Every other decimal digit (Arabic-Indic, mathematical bold, …): the rules read ASCII ones.
    for code in range(0x80, sys.maxunicode + 1):
        digit = unicodedata.decimal(chr(code), None)
        if digit is not None and code not in table:
            table[code] = str(digit)
    return table


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    """(any traditional or astral character, a run of other characters to map): the run class
    keeps to the BMP, since a class holding astral characters is many times slower to test."""
    table = _table()
    full_width = [chr(code) for code in table if code < 0x3400 or 0xFF00 <= code <= 0xFFFF]
    traditional = [chr(code) for code in table if 0x3400 <= code < 0xFF00]
    return (re.compile("[" + "".join(map(re.escape, traditional)) + "\U00010000-\U0010ffff]"),
            re.compile("[" + "".join(map(re.escape, full_width)) + "]+"))


def normalize(text: str) -> str:
    """``text`` with full-width ASCII and digits made ASCII, traditional characters simplified.

    The result has the same length as ``text``, so every offset means the same character.
    """
    table = _table()
    traditional_or_astral, full_width_run = _patterns()
    if traditional_or_astral.search(text) is None:
        # Simplified text: only its full-width punctuation to map, and a regex finds it several
        # times faster than str.translate looks up every character.
        return full_width_run.sub(lambda run: run.group().translate(table), text)
    return text.translate(table)
