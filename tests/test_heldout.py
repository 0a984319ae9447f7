"""Where the library stands on the held-out set: articles written for this check, never tuned on.

tests/data/heldout/ holds the texts (<id>.txt), their hand gold (heldout.jsonl, made by
build_gold.py from annotations located by substring) and the records gold
(heldout-records.jsonl). The floors are what the library reached when they were set,
rounded down to 0.05: a drop fails CI, a rise should raise them.
"""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

import socorg_nlp
from socorg_nlp.scoring import evaluate, format_scores, read_jsonl

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
VALUE_F1_FLOORS = {"MONEY": 0.95, "QUANTITY": 0.95, "PERCENT": 1.0, "DATE": 0.95, "ORG": 0.90}
RECORDS_COMPLETE_F1_FLOOR = 0.85
# F1 is a ratio of integers; 126/140 must pass a 0.90 floor despite float rounding.
EPS = 1e-9


def heldout_text(doc_id):
    return (HELDOUT / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def predictions(nlp, tmp_path_factory):
    gold = read_jsonl(HELDOUT / "heldout.jsonl")
    items = [(heldout_text(g["id"]), {"id": g["id"], "reference_date": g["reference_date"]})
             for g in gold]
    preds = [socorg_nlp.doc_to_dict(doc, ctx["id"], records=True)
             for doc, ctx in nlp.pipe(items, as_tuples=True)]
    path = tmp_path_factory.mktemp("heldout") / "pred.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds),
                    encoding="utf-8")
    return gold, preds, path


def test_gold_was_made_on_these_texts():
    for g in read_jsonl(HELDOUT / "heldout.jsonl"):
        text = heldout_text(g["id"])
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == g["text_sha256"], g["id"]
        for span in g["spans"]:
            assert text[span["start"]:span["end"]] == span["text"], (g["id"], span)


def test_value_f1_per_label_reaches_its_floor(predictions):
    gold, preds, _ = predictions
    result = evaluate(gold, preds)
    table = format_scores(result)
    low = {label: round(result["per_label"][label]["value"]["f1"], 3)
           for label, floor in VALUE_F1_FLOORS.items()
           if result["per_label"][label]["value"]["f1"] < floor - EPS}
    assert not low, f"held-out value F1 below floor {low}\n{table}"


def test_records_complete_f1_reaches_its_floor(shared, predictions):
    _, _, path = predictions
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_records.py"),
                          str(HELDOUT / "heldout-records.jsonl"), str(path), "--json"],
                         capture_output=True, text=True, check=True).stdout
    result = json.loads(out)
    assert result["complete"]["f1"] >= RECORDS_COMPLETE_F1_FLOOR - EPS, json.dumps(result, indent=1)
