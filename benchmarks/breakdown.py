"""Where the time goes: each step of the default pipeline on the sample, timed alone.

Every step runs over the whole sample in turn, steps interleaved within a round and the best
round kept (CPU time), so the table adds up to about what the pipeline costs. The shell's cost
(writing spans, values and entities) is a component's time minus its recogniser's.
"""
from __future__ import annotations

import sys
import time

import spacy
from spacy.tokens import Doc

import socorg_nlp
from socorg_nlp.components.base import FindContext, normalized_text
from socorg_nlp.normalize import normalize
from socorg_nlp.spans import matches_of
from socorg_nlp.tokenizer import char_words
from common import sample_inputs

ORGS, DATES, AMOUNTS, RECORDS = "socorg_orgs", "socorg_dates", "socorg_amounts", "socorg_records"
BLANK, WHOLE = "spacy.blank('zh'), whole", "socorg pipeline (5 labels), whole"


def run(rounds: int = 20) -> dict:
    texts = [item["text"] for item in sample_inputs()]
    nlp = socorg_nlp.load()
    blank = spacy.blank("zh")
    pipes = dict(nlp.pipeline)
    ids = nlp.tokenizer._orth_ids.__getitem__
    split = [char_words(text, ids) for text in texts]
    staged = {}  # docs just before each component, rebuilt every round

    def stage(upto: str) -> list:
        docs = [nlp.make_doc(text) for text in texts]
        for name, proc in nlp.pipeline:
            if name == upto:
                break
            for doc in docs:
                proc(doc)
        return docs

    def find(name: str):
        recognizer = pipes[name].recognizer

        def go():
            for doc in staged[name]:
                text = normalized_text(doc)
                if name == DATES:
                    recognizer.find_against(text, recognizer.find_published(text))
                elif name == RECORDS:
                    recognizer.build(text, matches_of(doc, "socorg"))
                else:
                    recognizer.find(text, FindContext(None, matches_of(doc, "socorg")))
        return go

    def component(name: str):
        return lambda: [pipes[name](doc) for doc in staged[name]]

    steps = {
        BLANK: lambda: list(blank.pipe(texts)),
        WHOLE: lambda: list(nlp.pipe(texts, disable=[RECORDS])),
        "tokenizer: split into character ids": lambda: [char_words(t, ids) for t in texts],
        "tokenizer: spaCy Doc from the ids": lambda: [Doc(nlp.vocab, words=w, spaces=s)
                                                      for w, s in split],
        "tokenizer: normalize": lambda: [normalize(t) for t in texts],
        "tokenizer, whole (make_doc)": lambda: [nlp.make_doc(t) for t in texts],
    }
    for name in (ORGS, DATES, AMOUNTS, RECORDS):
        steps[f"{name}: recogniser"] = find(name)
        steps[f"{name}: component"] = component(name)
    best = {label: float("inf") for label in steps}
    for _ in range(rounds):
        for name in (ORGS, DATES, AMOUNTS, RECORDS):
            staged[name] = stage(name)
        for label, fn in steps.items():
            if label.endswith(": component"):  # a component changes its docs: fresh ones
                staged[label.split(":")[0]] = stage(label.split(":")[0])
            start = time.process_time()
            fn()
            best[label] = min(best[label], time.process_time() - start)
    return {"ms": {label: seconds * 1000 for label, seconds in best.items()},
            "chars": sum(map(len, texts)), "docs": len(texts)}


def report(result: dict) -> str:
    ms = result["ms"]
    rows = [("tokenizer (make_doc)", ms["tokenizer, whole (make_doc)"],
             f"split into character ids {ms['tokenizer: split into character ids']:.1f}, spaCy "
             f"`Doc` {ms['tokenizer: spaCy Doc from the ids']:.1f}, normalize "
             f"{ms['tokenizer: normalize']:.1f}")]
    for name, what in ((ORGS, "ORG"), (DATES, "DATE (with the publication date)"),
                       (AMOUNTS, "MONEY/QUANTITY/PERCENT")):
        rows.append((f"{what} recogniser", ms[f"{name}: recogniser"], ""))
        rows.append((f"{what}: writing spans, values, entities",
                     max(ms[f"{name}: component"] - ms[f"{name}: recogniser"], 0), ""))
    five = sum(value for _, value, _ in rows)
    rows.append(("records component (not in the five labels)", ms[f"{RECORDS}: component"], ""))
    lines = [f"## Where the time goes ({result['docs']} docs, {result['chars']:,} chars; "
             "CPU ms, best of interleaved rounds)", "",
             "| step | ms | share of the five labels | detail |", "|---|---:|---:|---|"]
    lines += [f"| {label} | {value:.1f} | {value / five:.0%} | {detail} |"
              if "records" not in label else f"| {label} | {value:.1f} | - | {detail} |"
              for label, value, detail in rows]
    lines += ["", f"- sum of the five-label steps: {five:.1f} ms; the pipeline run whole: "
              f"{ms[WHOLE]:.1f} ms; spacy.blank('zh'): {ms[BLANK]:.1f} ms"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
