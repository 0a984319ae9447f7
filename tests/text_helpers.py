"""Locating constructed fragments in constructed test sentences."""


def at(text, sub, nth=0):
    """(start, end) of the nth occurrence of sub in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)
