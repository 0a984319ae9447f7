"""Our score table on the seeds gold, per label (span and value P/R/F1), and records' presence.

Runs the default pipeline the way the CLI does (reference dates passed as pipe context) and
scores with socorg_nlp.scoring, which follows the spec's Scoring section.
"""
from __future__ import annotations

import socorg_nlp
from socorg_nlp.scoring import evaluate, format_scores
from common import gold_docs, seed_inputs


def run() -> dict:
    nlp = socorg_nlp.load(records=False)
    pairs = [(i["text"], {"id": i["id"], "reference_date": i["reference_date"]})
             for i in seed_inputs()]
    predictions = [socorg_nlp.doc_to_dict(doc, ctx["id"])
                   for doc, ctx in nlp.pipe(pairs, as_tuples=True)]
    return evaluate(gold_docs(), predictions)


def report(result: dict) -> str:
    return "\n".join(["## Our scores on the seeds gold", "", "```", format_scores(result), "```"])


if __name__ == "__main__":
    print(report(run()))
