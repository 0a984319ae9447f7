"""Peer benchmarks of issues 3 and 4 on the seeds gold, in one run: value F1 and chars/s.

MONEY: jionlp ``ner.extract_money(with_parsing=True)`` and Microsoft Recognizers-Text
``recognize_currency`` (Chinese) against our MONEY. DATE: jionlp ``ner.extract_time`` (with
``time_base`` = the reference date) and Recognizers-Text ``recognize_datetime`` (Chinese, with the
reference date) against our DATE. Each peer's output is mapped to spec spans by the functions
below (character offsets, Decimal amounts, inclusive ISO start/end); docs/performance.md
describes the mapping. Peers are benchmark-only: the library never imports them.
"""
from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal, InvalidOperation
from typing import Callable, Optional

import socorg_nlp
from socorg_nlp.scoring import evaluate
from common import gold_docs, seed_inputs

JIONLP_CURRENCY = {"元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD",
                   "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "加元": "CAD", "澳元": "AUD"}
# jionlp says only "blur" for an approximate amount; the spec's class is read off the words
# jionlp itself matched (its "blur+"/"blur-" already say over/under).
APPROX_WORDS = (("about", ("约", "左右", "上下", "大约")), ("under", ("近", "不到", "不足")),
                ("over", ("余", "多", "超过", "逾", "以上", "上")), ("vague", ("数", "几")))
RANGE_MARKS = ("至", "到", "-", "~", "～", "—")


def _decimal(value) -> Optional[Decimal]:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError):
        return None


def _amount_str(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _money(start, end, text, amount, currency, approx) -> dict:
    return {"start": start, "end": end, "text": text, "label": "MONEY",
            "value": {"amount": _amount_str(amount), "currency": currency, "approx": approx}}


def _date(start, end, text, first: dt.date, last: dt.date, clock: Optional[str]) -> dict:
    return {"start": start, "end": end, "text": text, "label": "DATE",
            "value": {"start": first.isoformat(), "end": max(first, last).isoformat(),
                      "time": clock}}


# --- jionlp --------------------------------------------------------------------------------

def jionlp_money(text: str, reference: dt.date) -> list:
    import jionlp

    spans = []
    for found in jionlp.ner.extract_money(text, with_parsing=True):
        detail = found["detail"]
        num = detail["num"]
        amount = _decimal(num[0] if isinstance(num, list) else num)
        if amount is None:
            continue
        definition = detail.get("definition")
        approx = {"accurate": None, "blur+": "over", "blur-": "under"}.get(definition, "about")
        if definition == "blur":
            approx = next((kind for kind, words in APPROX_WORDS
                           if any(w in found["text"] for w in words)), "about")
        start, end = found["offset"]
        spans.append(_money(start, end, found["text"], amount,
                            JIONLP_CURRENCY.get(detail.get("case")), approx))
    return spans


def jionlp_time(text: str, reference: dt.date) -> list:
    import jionlp

    base = time.mktime(reference.timetuple())
    spans = []
    for found in jionlp.ner.extract_time(text, time_base=base, with_parsing=True):
        if found["type"] not in ("time_point", "time_span"):  # durations, repetitions: not dates
            continue
        first, last = found["detail"]["time"]
        if not (isinstance(first, str) and isinstance(last, str)) or first.startswith("inf"):
            continue
        try:
            day1 = dt.date.fromisoformat(first[:10])
            day2 = dt.date.fromisoformat(last[:10])
        except ValueError:  # open ends (e.g. "inf") or years out of range
            continue
        whole_day = first[11:] == "00:00:00" and last[11:] == "23:59:59"
        start, end = found["offset"]
        spans.append(_date(start, end, found["text"], day1, day2,
                           None if whole_day else first[11:16]))
    return spans


# --- Recognizers-Text ----------------------------------------------------------------------

def _recognizers_models():
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    return (NumberWithUnitRecognizer(Culture.Chinese).get_currency_model(),
            DateTimeRecognizer(Culture.Chinese).get_datetime_model())


def _end_exclusive(result) -> int:
    """Recognizers-Text gives inclusive ends."""
    return result.end + 1


def recognizers_money(model) -> Callable:
    def run(text: str, reference: dt.date) -> list:
        spans = []
        for found in model.parse(text):
            resolution = found.resolution or {}
            amount = _decimal(resolution.get("value"))
            if amount is None:  # a currency word alone
                continue
            spans.append(_money(found.start, _end_exclusive(found), found.text, amount,
                                resolution.get("isoCurrency"), None))
        return spans

    return run


def _closest(candidates: list, reference: dt.date) -> dict:
    """Of the past/future readings Recognizers-Text offers, the one the spec's rule picks: the
    start closest to the reference date, a day after it counting three times as far."""
    def distance(c):
        day = _start_day(c, reference)
        if day is None:
            return float("inf")
        gap = (day - reference).days
        return gap * 3 if gap > 0 else -gap

    return min(candidates, key=distance)


def _start_day(candidate: dict, reference: dt.date) -> Optional[dt.date]:
    value = candidate.get("value") or candidate.get("start")
    if not value:
        return None
    if len(value) == 8 and value[2] == ":":  # a clock time alone: on the reference date
        return reference
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def recognizers_datetime(model) -> Callable:
    def run(text: str, reference: dt.date) -> list:
        spans = []
        when = dt.datetime(reference.year, reference.month, reference.day)
        for found in model.parse(text, when):
            kind = found.type_name.split(".")[-1]
            values = (found.resolution or {}).get("values") or []
            if kind in ("duration", "set") or not values:
                continue
            chosen = _closest(values, reference)
            first = _start_day(chosen, reference)
            if first is None:
                continue
            clock = None
            if "value" in chosen:  # date, datetime or time: one point
                last = first
                if kind in ("datetime", "time"):
                    clock = chosen["value"][-8:-3]
            else:  # a range: [start, end) for periods, the written end for explicit ranges
                end_value = chosen.get("end") or chosen["start"]
                last = _start_day({"value": end_value}, reference) or first
                if kind in ("daterange", "datetimerange") and not any(
                        m in found.text for m in RANGE_MARKS) and last > first:
                    last -= dt.timedelta(days=1)
                if kind in ("datetimerange", "timerange"):
                    clock = chosen["start"][-8:-3]
            spans.append(_date(found.start, _end_exclusive(found), found.text,
                               first, last, clock))
        return spans

    return run


# --- ours ----------------------------------------------------------------------------------

def ours() -> Callable:
    nlp = socorg_nlp.load(records=False)

    def run(text: str, reference: dt.date) -> list:
        doc = nlp.make_doc(text)
        doc._.reference_date = reference
        return socorg_nlp.doc_to_dict(nlp(doc))["spans"]

    return run


# --- the run -------------------------------------------------------------------------------

def score(label: str, predictions: dict) -> dict:
    """Value and span F1 of one label: gold and predictions restricted to it."""
    gold = [{**g, "spans": [s for s in g["spans"] if s["label"] == label]} for g in gold_docs()]
    pred = [{"id": doc_id, "spans": [s for s in spans if s["label"] == label]}
            for doc_id, spans in predictions.items()]
    result = evaluate(gold, pred)["per_label"].get(label)
    return result or {"span": {"f1": 0.0}, "value": {"f1": 0.0}}


def measure(system: Callable, items: list) -> tuple:
    """(predictions by id, chars/s of CPU time) of one system over the seeds."""
    predictions, seconds = {}, 0.0
    for item in items:
        reference = dt.date.fromisoformat(item["reference_date"])
        start = time.process_time()
        predictions[item["id"]] = system(item["text"], reference)
        seconds += time.process_time() - start
    return predictions, sum(len(i["text"]) for i in items) / seconds


def run() -> dict:
    items = seed_inputs()
    currency, datetime_model = _recognizers_models()
    mine = ours()
    mine(items[0]["text"], dt.date(2020, 1, 1))  # warm: the first call builds caches
    systems = {
        "MONEY": {"socorg_nlp (full pipeline)": mine, "jionlp extract_money": jionlp_money,
                  "Recognizers-Text recognize_currency": recognizers_money(currency)},
        "DATE": {"socorg_nlp (full pipeline)": mine, "jionlp extract_time": jionlp_time,
                 "Recognizers-Text recognize_datetime": recognizers_datetime(datetime_model)},
    }
    results = {}
    ours_predictions = None
    for label, runners in systems.items():
        for name, system in runners.items():
            if system is mine and ours_predictions is not None:
                predictions, rate = ours_predictions
            else:
                predictions, rate = measure(system, items)
                if system is mine:
                    ours_predictions = predictions, rate
            scores = score(label, predictions)
            results[label, name] = {"value_f1": scores["value"]["f1"],
                                    "span_f1": scores["span"]["f1"], "rate": rate}
    return results


def report(results: dict) -> str:
    lines = ["## Peers on the seeds gold (value F1 is the headline; chars/s of CPU time)", "",
             "| label | system | value F1 | span F1 | chars/s | our speed / theirs |",
             "|---|---|---:|---:|---:|---:|"]
    for (label, name), r in results.items():
        ours_rate = results[label, "socorg_nlp (full pipeline)"]["rate"]
        lines.append(f"| {label} | {name} | {r['value_f1']:.3f} | {r['span_f1']:.3f} | "
                     f"{r['rate']:,.0f} | {ours_rate / r['rate']:.1f}x |")
    lines += ["", "Our chars/s is the whole pipeline (all five labels) per document; the peers "
              "extract one label."]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
