"""What every benchmark shares: the text sample, the gold, and a fair timer.

The sample is the seed articles (read here only to measure; nothing from them goes into the
library) plus examples/articles.jsonl. The seeds live in ../shared next to the repository, or
where SOCORG_SHARED points.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable, Sequence

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SOCORG_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "gold" / "seeds.jsonl"
CORPUS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples" / "articles.jsonl"


def read_jsonl(path: Path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_docs() -> list:
    return read_jsonl(GOLD)


def _seed_text(doc_id: str) -> str:
    for path in sorted(CORPUS.iterdir()):
        if path.name == f"{doc_id}.txt" or path.name.startswith(f"{doc_id}_"):
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no text for seed {doc_id} in {CORPUS}")


def seed_inputs() -> list:
    """{"id", "text", "reference_date"} of each gold seed (the CLI's input format)."""
    return [{"id": g["id"], "text": _seed_text(g["id"]), "reference_date": g["reference_date"]}
            for g in gold_docs()]


def sample_inputs() -> list:
    """Seeds and the shipped examples: realistic article sizes (2 to 18 thousand characters)."""
    return seed_inputs() + read_jsonl(EXAMPLES)


def chars(texts: Sequence[str]) -> int:
    return sum(len(t) for t in texts)


def interleaved_rates(runners: dict, items: Sequence[dict], rounds: int = 5) -> tuple:
    """(chars/s of each runner on ``items`` (input dicts): the best of ``rounds``, {runner:
    [CPU seconds of each round]}), runners taking turns within a round so that load from other
    processes hits them all alike. CPU time of this process, not wall time: other jobs on a
    shared machine move it much less."""
    seconds: dict = {name: [] for name in runners}
    for _ in range(rounds):
        for name, run in runners.items():
            start = time.process_time()
            run(items)
            seconds[name].append(time.process_time() - start)
    size = chars([item["text"] for item in items])
    return {name: size / min(times) for name, times in seconds.items()}, seconds


def timed(fn: Callable, *args, **kwargs) -> tuple:
    """(result, CPU seconds of this process) of one call."""
    start = time.process_time()
    result = fn(*args, **kwargs)
    return result, time.process_time() - start


def fmt_rate(rate: float) -> str:
    return f"{rate:,.0f}"
