"""Throughput, single process: our pipeline against spaCy's bare zh tokenizer and jionlp.

Issue 6 aims: full pipeline >= 50% of spacy.blank("zh") and >= 3x jionlp extract_money +
extract_time, on the same texts in the same run.
"""
from __future__ import annotations

import datetime as dt
import sys
import time

import spacy

import socorg_nlp
from common import fmt_rate, interleaved_rates, sample_inputs


def _jionlp_runner():
    import jionlp

    def run(items):
        for item in items:
            base = time.mktime(dt.date.fromisoformat(item["reference_date"]).timetuple())
            jionlp.ner.extract_money(item["text"], with_parsing=True)
            jionlp.ner.extract_time(item["text"], time_base=base, with_parsing=True)

    return run


def run(rounds: int = 20) -> dict:
    items = sample_inputs()
    full = socorg_nlp.load(records=False)
    with_records = socorg_nlp.load(records=True)
    blank = spacy.blank("zh")

    def texts(items):
        return (item["text"] for item in items)

    runners = {
        "spacy.blank('zh') (char segmenter)": lambda its: list(blank.pipe(texts(its))),
        "socorg char tokenizer alone": lambda its: [full.make_doc(t) for t in texts(its)],
        "socorg full pipeline (5 labels)": lambda its: list(full.pipe(texts(its))),
        "socorg full pipeline + records": lambda its: list(with_records.pipe(texts(its))),
        "jionlp extract_money + extract_time": _jionlp_runner(),
    }
    rates, seconds = interleaved_rates(runners, items, rounds)
    blank_rate = rates["spacy.blank('zh') (char segmenter)"]
    jio_rate = rates["jionlp extract_money + extract_time"]
    full_rate = rates["socorg full pipeline (5 labels)"]
    records_rate = rates["socorg full pipeline + records"]
    # The ratio within each round too: its spread shows how far one number can be trusted.
    per_round = sorted(b / f for b, f in zip(seconds["spacy.blank('zh') (char segmenter)"],
                                             seconds["socorg full pipeline (5 labels)"]))
    return {"rates": rates, "chars": sum(len(i["text"]) for i in items), "docs": len(items),
            "rounds": rounds, "per_round": per_round,
            "vs_blank": full_rate / blank_rate, "vs_blank_records": records_rate / blank_rate,
            "vs_jionlp": full_rate / jio_rate, "vs_jionlp_records": records_rate / jio_rate}


def report(result: dict) -> str:
    lines = [f"## Throughput (single process, {result['docs']} docs, {result['chars']:,} chars; "
             "best of interleaved rounds)", "", "| runner | chars/s |", "|---|---:|"]
    lines += [f"| {name} | {fmt_rate(rate)} |" for name, rate in result["rates"].items()]
    per_round = result["per_round"]
    lines += ["",
              f"- full pipeline / spacy.blank('zh'): **{result['vs_blank']:.2f}** (aim >= 0.50); "
              f"with records: {result['vs_blank_records']:.2f}",
              f"- the same ratio within each of the {result['rounds']} rounds: median "
              f"{per_round[len(per_round) // 2]:.2f}, range {per_round[0]:.2f}-{per_round[-1]:.2f}",
              f"- full pipeline / jionlp money+time: **{result['vs_jionlp']:.1f}x** (aim >= 3x); "
              f"with records: {result['vs_jionlp_records']:.1f}x"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else 20)))
