"""Reading the language data kept in ``patterns/`` (word lists and tables, not code).

Each file may start with ``#`` lines saying where its content comes from; blank lines and
``#`` lines are skipped. Tables are tab-separated.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path


def patterns_dir() -> Path:
    here = Path(__file__).resolve().parent
    # An installed wheel carries the data inside the package; a source checkout keeps it at the top.
    for candidate in (here / "patterns", here.parent / "patterns"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"socorg_nlp pattern data not found beside {here}")


def _rows(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip() and not line.lstrip().startswith("#"):
                yield line


@lru_cache(maxsize=None)
def read_words(name: str) -> tuple[str, ...]:
    """One entry a line: ``patterns/<name>``."""
    return tuple(row.strip() for row in _rows(patterns_dir() / name))


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of ``patterns/<name>``; missing trailing cells are ''."""
    rows = [tuple(cell.strip() for cell in row.split("\t")) for row in _rows(patterns_dir() / name)]
    width = max((len(r) for r in rows), default=0)
    return tuple(r + ("",) * (width - len(r)) for r in rows)
