"""Running the pipeline over a gold set and scoring it, shared by the seeds and held-out tests."""
import json
import subprocess
import sys

import socorg_nlp


def predict(nlp, gold, text_of, directory):
    """Spec-format predictions (with records) for every gold doc, and a JSON Lines file of them."""
    items = [(text_of(g["id"]), {"id": g["id"], "reference_date": g["reference_date"]})
             for g in gold]
    preds = [socorg_nlp.doc_to_dict(doc, ctx["id"], records=True)
             for doc, ctx in nlp.pipe(items, as_tuples=True)]
    path = directory / "pred.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds),
                    encoding="utf-8")
    return preds, path


def below_floors(result, floors, eps=1e-9):
    """Labels whose value F1 is under its floor (F1 is a ratio: eps absorbs float rounding)."""
    return {label: round(result["per_label"][label]["value"]["f1"], 3)
            for label, floor in floors.items()
            if result["per_label"][label]["value"]["f1"] < floor - eps}


def shared_tool(shared, tool, *args):
    """The --json result of one of ../shared/tools on ``args``."""
    out = subprocess.run([sys.executable, str(shared / "tools" / tool), *map(str, args), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)
