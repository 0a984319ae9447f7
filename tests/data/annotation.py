"""Shared helpers of the held-out sets' build_gold.py scripts.

Every annotation names its text by a fragment (optionally inside a context string and at an
occurrence index), so offsets are computed, and each is checked: text[start:end] == fragment.
"""
import hashlib
import json
from pathlib import Path

import opencc

T2S = opencc.OpenCC("t2s")


def at(text, frag, ctx=None, occ=0):
    """Offsets of `frag` (inside the occ-th `ctx`, or the occ-th `frag` itself)."""
    hay = ctx or frag
    pos = -1
    for _ in range(occ + 1):
        pos = text.find(hay, pos + 1)
        if pos < 0:
            raise ValueError(f"{hay!r} occurrence {occ} not found")
    start = pos + (hay.find(frag) if ctx else 0)
    if ctx and hay.find(frag) < 0:
        raise ValueError(f"{frag!r} not in context {ctx!r}")
    assert text[start:start + len(frag)] == frag
    return start, start + len(frag)


def M(frag, amount, currency="CNY", approx=None, lower=None, upper=None, **loc):
    return frag, loc, "MONEY", {"amount": amount, "currency": currency, "approx": approx,
                                "lower": lower, "upper": upper}


def Q(frag, amount, unit, item, approx=None, lower=None, upper=None, **loc):
    return frag, loc, "QUANTITY", {"amount": amount, "unit": unit, "item": item, "approx": approx,
                                   "lower": lower, "upper": upper}


def P(frag, amount, approx=None, lower=None, upper=None, **loc):
    return frag, loc, "PERCENT", {"amount": amount, "approx": approx, "lower": lower, "upper": upper}


def D(frag, start, end=None, relation=None, time=None, calendar=None, **loc):
    return frag, loc, "DATE", {"start": start, "end": end or start, "relation": relation,
                               "time": time, "calendar": calendar}


def O(frag, kind, **loc):
    return frag, loc, "ORG", {"name": T2S.convert(frag), "kind": kind}


def ref(text, r):
    """A record part: None, "frag", or ("frag", {"ctx":..., "occ":...})."""
    if r is None:
        return None
    frag, loc = (r, {}) if isinstance(r, str) else r
    s, e = at(text, frag, **loc)
    return {"start": s, "end": e, "text": frag}


def R(action, verb, actor, money=(), goods=(), as_of=None, recipient=None):
    return {"action": action, "verb": verb, "actor": actor, "recipient": recipient,
            "money": list(money), "goods": list(goods), "as_of": as_of}


def build(docs: dict, here: Path, name: str) -> None:
    """Write <name>.jsonl and <name>-records.jsonl beside the texts in ``here``."""
    gold_lines, rec_lines = [], []
    for doc_id, d in docs.items():
        text = (here / f"{doc_id}.txt").read_text(encoding="utf-8")
        spans = []
        for frag, loc, label, value in d["spans"]:
            s, e = at(text, frag, **loc)
            spans.append({"start": s, "end": e, "text": frag, "label": label, "value": value})
        spans.sort(key=lambda x: x["start"])
        for a, b in zip(spans, spans[1:]):
            assert a["end"] <= b["start"], (doc_id, a["text"], b["text"])
        keys = {(x["start"], x["end"]): x["label"] for x in spans}
        records = []
        for r in d["records"]:
            money = []
            for m, role in r["money"]:
                x = ref(text, m)
                assert keys.get((x["start"], x["end"])) == "MONEY", (doc_id, m)
                money.append({**x, "role": role})
            goods = [ref(text, g) for g in r["goods"]]
            for x in goods:
                assert keys.get((x["start"], x["end"])) == "QUANTITY", (doc_id, x)
            as_of = ref(text, r["as_of"])
            if as_of:
                assert keys.get((as_of["start"], as_of["end"])) == "DATE", (doc_id, as_of)
            actor, recipient = ref(text, r["actor"]), ref(text, r["recipient"])
            parts = [p for p in [actor, recipient, as_of, *money, *goods] if p]
            records.append({"start": min(p["start"] for p in parts),
                            "end": max(p["end"] for p in parts),
                            "action": r["action"], "verb": r["verb"], "actor": actor,
                            "recipient": recipient, "money": money, "goods": goods,
                            "as_of": as_of})
        gold_lines.append({"id": doc_id, "reference_date": d["reference_date"],
                           "published": d["published"],
                           "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                           "spans": spans})
        rec_lines.append({"id": doc_id, "records": records})
    for path, lines in ((f"{name}.jsonl", gold_lines), (f"{name}-records.jsonl", rec_lines)):
        (here / path).write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                 encoding="utf-8")
