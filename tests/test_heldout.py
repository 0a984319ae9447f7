"""Where the library stands on the three sets of articles written for this check.

Each set in tests/data/<set>/ holds the texts (<id>.txt), their hand gold (<set>.jsonl, made by
build_gold.py from annotations located by substring) and the records gold (<set>-records.jsonl).
The first two sets were held out when first scored (heldout: micro value F1 0.960, records complete
0.867; heldout2: 0.875 and 0.641, see its README.md); the errors they showed were then fixed by
general rules, so they are development data now, and the floors guard what was reached then:
just under it, so a drop fails CI. heldout3 was scored once after that and left untouched: its
floors sit just under that single honest measurement (see its README.md).
"""
import hashlib
import json
from pathlib import Path

import pytest

from scoring_helpers import below_floors, predict, shared_tool
from socorg_nlp.scoring import evaluate, format_scores, read_jsonl

DATA = Path(__file__).resolve().parent / "data"
VALUE_F1_FLOORS = {
    "heldout": {"MONEY": 0.98, "QUANTITY": 0.98, "PERCENT": 1.0, "DATE": 0.98, "ORG": 0.97},
    "heldout2": {"MONEY": 0.98, "QUANTITY": 0.98, "PERCENT": 1.0, "DATE": 0.98, "ORG": 0.97},
    # Measured once and not tuned on: MONEY 0.977, QUANTITY 1.0, DATE 1.0, ORG 0.899.
    "heldout3": {"MONEY": 0.95, "QUANTITY": 0.98, "PERCENT": 1.0, "DATE": 0.98, "ORG": 0.85},
}
RECORDS_COMPLETE_F1_FLOOR = {"heldout": 0.95, "heldout2": 0.95, "heldout3": 0.75}
# F1 is a ratio of integers; 126/140 must pass a 0.90 floor despite float rounding.
EPS = 1e-9


def gold_path(name):
    return DATA / name / f"{name}.jsonl"


def heldout_text(name, doc_id):
    return (DATA / name / f"{doc_id}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module", params=sorted(VALUE_F1_FLOORS))
def predictions(request, nlp, tmp_path_factory):
    name = request.param
    gold = read_jsonl(gold_path(name))
    preds, path = predict(nlp, gold, lambda doc_id: heldout_text(name, doc_id),
                          tmp_path_factory.mktemp(name))
    return name, gold, preds, path


@pytest.mark.parametrize("name", sorted(VALUE_F1_FLOORS))
def test_gold_was_made_on_these_texts(name):
    for g in read_jsonl(gold_path(name)):
        text = heldout_text(name, g["id"])
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == g["text_sha256"], g["id"]
        for span in g["spans"]:
            assert text[span["start"]:span["end"]] == span["text"], (g["id"], span)


def test_value_f1_per_label_reaches_its_floor(predictions):
    name, gold, preds, _ = predictions
    result = evaluate(gold, preds)
    table = format_scores(result)
    low = below_floors(result, VALUE_F1_FLOORS[name], EPS)
    assert not low, f"{name} value F1 below floor {low}\n{table}"


def test_records_complete_f1_reaches_its_floor(shared, predictions):
    name, _, _, path = predictions
    result = shared_tool(shared, "score_records.py", DATA / name / f"{name}-records.jsonl", path)
    assert result["complete"]["f1"] >= RECORDS_COMPLETE_F1_FLOOR[name] - EPS, \
        f"{name}\n" + json.dumps(result, indent=1)
