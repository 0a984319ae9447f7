"""Span and value P/R/F1 by the rules of the spec's Scoring section.

A predicted span is right when start, end and label equal gold's; its value is right when, in
addition, the label's key fields match (numbers compared as decimals).
"""
from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Iterable

VALUE_KEYS = {"MONEY": ("amount", "currency", "approx"), "QUANTITY": ("amount", "unit"),
              "PERCENT": ("amount",), "DATE": ("start", "end", "time"), "ORG": ("kind",)}


def _norm(key: str, value):
    if value is None:
        return None
    if key == "amount":
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return str(value)
    return str(value)


def value_matches(label: str, gold: dict, pred: dict) -> bool:
    g, p = gold.get("value") or {}, pred.get("value") or {}
    for key in VALUE_KEYS.get(label, ()):
        if key == "time" and g.get("time") is None:  # time counts only where gold has one
            continue
        if _norm(key, g.get(key)) != _norm(key, p.get(key)):
            return False
    return True


def _prf(tp: int, npred: int, ngold: int) -> dict:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "pred": npred, "gold": ngold}


def evaluate(gold_docs: Iterable[dict], pred_docs: Iterable[dict]) -> dict:
    """Scores of spec-format docs: ``{"per_label": {L: {"span":…, "value":…}}, "micro": …}``.

    Documents are matched by id; a gold document missing from the predictions counts as
    predicting nothing.
    """
    preds = {d["id"]: d for d in pred_docs}
    counts = Counter()
    for gold in gold_docs:
        gs = {(s["start"], s["end"], s["label"]): s for s in gold["spans"]}
        ps = {(s["start"], s["end"], s["label"]): s
              for s in preds.get(gold["id"], {}).get("spans", [])}
        for key, span in gs.items():
            counts["gold", span["label"]] += 1
            if key in ps:
                counts["span", span["label"]] += 1
                counts["value", span["label"]] += value_matches(span["label"], span, ps[key])
        for span in ps.values():
            counts["pred", span["label"]] += 1
    labels = sorted({label for _, label in counts})
    result = {"per_label": {}, "micro": {}}
    for kind in ("span", "value"):
        for label in labels:
            result["per_label"].setdefault(label, {})[kind] = _prf(
                counts[kind, label], counts["pred", label], counts["gold", label])
        result["micro"][kind] = _prf(sum(counts[kind, l] for l in labels),
                                     sum(counts["pred", l] for l in labels),
                                     sum(counts["gold", l] for l in labels))
    return result


def format_scores(result: dict) -> str:
    """The score table as score.py prints it."""
    lines = [f"{'label':10} {'span P/R/F1':>22} {'value P/R/F1':>22}  gold"]
    for label, r in list(result["per_label"].items()) + [("MICRO", result["micro"])]:
        s, v = r["span"], r["value"]
        lines.append(f"{label:10} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   "
                     f"{v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f}  {s['gold']}")
    return "\n".join(lines)


def read_jsonl(path) -> list:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
