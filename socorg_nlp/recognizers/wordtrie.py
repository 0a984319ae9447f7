"""Many literal words as one regex, factored as a trie, shared by the recognisers.

At each position the engine then tests one branch per distinct next character instead of every
word, and backtracks through the words that match longest first, as a flat longest-first
alternation would.
"""
from __future__ import annotations

import re


def trie_pattern(words: dict) -> str:
    """One regex for many literal words, factored as a trie so it scans in linear time.

    ``words`` maps each word to a negative-lookahead character class (or None). At any position
    the longest word whose lookahead holds matches.
    """
    trie: dict = {}
    for word, ahead in words.items():
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = ahead

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(f"(?!{node['']})" if node[""] else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return build(trie) if trie else "(?!)"
