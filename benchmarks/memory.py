"""Peak memory of ``socorg-nlp extract --input`` streaming a 100 MB JSON Lines corpus (issue 6).

The corpus is generated in a temporary directory from the sample articles, each copy varied
(its paragraphs rotated and a running number added) so no two documents are the same. The
child's peak RSS comes from resource.getrusage(RUSAGE_CHILDREN) after it exits, and psutil
samples it while it runs as a cross-check. Aim: peak RSS under 300 MB.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from common import sample_inputs

MB = 1_000_000
CLI = [sys.executable, "-m", "socorg_nlp"]  # the installed library, whatever the environment


def write_corpus(path: Path, size_bytes: int) -> tuple:
    """(documents, bytes) of a JSON Lines corpus of about ``size_bytes``."""
    items = sample_inputs()
    written = count = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < size_bytes:
            item = items[count % len(items)]
            paragraphs = item["text"].split("\n")
            turn = (count // len(items)) % max(1, len(paragraphs))
            text = f"第{count}号\n" + "\n".join(paragraphs[turn:] + paragraphs[:turn])
            line = json.dumps({"id": f"doc{count}", "text": text,
                               "reference_date": item["reference_date"]}, ensure_ascii=False)
            out.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            count += 1
    return count, written


def peak_rss(args: list) -> dict:
    """Run ``args``; its peak RSS (MB) by getrusage and by psutil sampling, and its wall time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched, sampled = psutil.Process(child.pid), 0
    while child.poll() is None:
        try:
            sampled = max(sampled, watched.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.2)
    stderr = child.stderr.read().decode("utf-8", "replace")
    if child.wait() != 0:
        raise RuntimeError(f"{' '.join(map(str, args))} failed: {stderr[-2000:]}")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB on Linux
    # ru_maxrss of children is the largest of any child so far: valid when this one is largest.
    return {"getrusage_mb": after * 1024 / MB if after > before else None,
            "sampled_mb": sampled / MB, "seconds": seconds}


def run(size_mb: int = 100) -> dict:
    with tempfile.TemporaryDirectory(prefix="socorg-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        docs, size = write_corpus(corpus, size_mb * MB)
        result = peak_rss([*CLI, "extract", "--input", str(corpus),
                           "-o", str(Path(tmp) / "out.jsonl")])
        out_size = (Path(tmp) / "out.jsonl").stat().st_size
    return {"docs": docs, "bytes": size, "out_bytes": out_size, **result}


def report(result: dict) -> str:
    peak = result["getrusage_mb"] or result["sampled_mb"]
    return "\n".join([
        "## Memory (streaming a JSON Lines corpus through the CLI)", "",
        f"- corpus: {result['bytes'] / MB:.0f} MB, {result['docs']:,} documents "
        f"(output {result['out_bytes'] / MB:.0f} MB), {result['seconds']:.0f} s wall",
        f"- peak RSS of `socorg-nlp extract --input`: **{peak:.0f} MB** (aim < 300 MB; "
        f"psutil sampling saw {result['sampled_mb']:.0f} MB)"])


if __name__ == "__main__":
    print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else 100)))
