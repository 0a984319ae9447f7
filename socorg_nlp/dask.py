"""Running the pipeline on a Dask cluster (optional extra: ``pip install 'socorg-nlp[dask]'``).

    import dask.bag as db
    from socorg_nlp.dask import extract_bag

    bag = db.read_text("articles-*.jsonl").map(json.loads)   # {"id", "text", "reference_date"}
    extract_bag(bag, records=True).map(json.dumps).to_textfiles("out-*.jsonl")

Each worker process loads the pipeline once (cached per process and per ``records`` flag) and
runs it over whole partitions with ``nlp.pipe``, so the cost of loading is paid once per worker,
not per document. The output dicts are exactly ``socorg_nlp.doc_to_dict``'s (the CLI's JSON lines).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Iterable

try:
    import dask.bag  # noqa: F401  (the bag API extract_bag works on)
except ImportError as err:  # a clear message instead of a bare ModuleNotFoundError
    raise ImportError("socorg_nlp.dask needs Dask: pip install 'socorg-nlp[dask]'") from err

from .io import doc_to_dict


@lru_cache(maxsize=None)
def _pipeline(records: bool):
    """The pipeline of this worker process, loaded at its first partition."""
    from .pipeline import load

    return load(records=records)


def _as_tuple(item) -> tuple:
    """(text, context) for ``nlp.pipe(as_tuples=True)`` from a string or a record dict."""
    if isinstance(item, str):
        return item, {"id": None, "reference_date": None}
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        reference = item.get("reference_date")
        if isinstance(reference, str) and reference:
            try:
                reference = dt.date.fromisoformat(reference.strip())
            except ValueError:
                raise ValueError(f"bad reference_date {reference!r} (expected YYYY-MM-DD) "
                                 f"in record {item.get('id')!r}") from None
        return item["text"], {"id": item.get("id"), "reference_date": reference or None}
    raise TypeError(f'expected a string or a dict with a "text" string, got {item!r:.200}')


def extract_partition(items: Iterable, records: bool = False) -> list:
    """Spec-format dicts for one partition's strings or ``{"id", "text", "reference_date"}``
    dicts (what ``extract_bag`` runs on every partition)."""
    nlp = _pipeline(records)
    docs = nlp.pipe((_as_tuple(item) for item in items), as_tuples=True)
    return [doc_to_dict(doc, context["id"], records=records) for doc, context in docs]


def extract_bag(bag: "dask.bag.Bag", records: bool = False) -> "dask.bag.Bag":
    """A bag of spec-format dicts, one per item of ``bag`` (plain strings get ``id`` None).

    ``records=True`` adds each document's donation records, as ``--records`` does in the CLI.
    """
    return bag.map_partitions(extract_partition, records=records)
