"""Every benchmark in one run: prints the results and writes benchmarks/results.md.

    python benchmarks/run_all.py            # the full run (about 6-8 minutes)
    python benchmarks/run_all.py --quick    # smaller sizes, for a quick look

Needs the bench and dask extras: pip install -e '.[bench,dask]'.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
    import jionlp  # noqa: F401

import breakdown  # noqa: E402
import linearity  # noqa: E402
import memory  # noqa: E402
import parallel  # noqa: E402
import peers  # noqa: E402
import scores  # noqa: E402
import speed  # noqa: E402


def aims(s: dict, lin: dict, back: dict, mem: dict, par: dict) -> str:
    spread = max(lin.values()) / min(lin.values()) - 1
    worst_single = max(v for (run, _), v in back.items() if run in linearity.SINGLE)
    peak = mem["getrusage_mb"] or mem["sampled_mb"]
    rows = [
        ("full pipeline / spacy.blank('zh') chars/s", f"{s['vs_blank']:.2f}", ">= 0.50",
         s["vs_blank"] >= 0.5),
        ("full pipeline / jionlp money+time chars/s", f"{s['vs_jionlp']:.1f}x", ">= 3x",
         s["vs_jionlp"] >= 3),
        ("time per char, largest / smallest input", f"{spread:+.0%}", "within 20%",
         spread <= 0.2),
        ("1 MB of 1 / 万 / 余 / 年 / 协会, slowest recogniser", f"{worst_single:.2f} s", "< 1 s",
         worst_single < 1),
        (f"peak RSS streaming {mem['bytes'] / 1e6:.0f} MB", f"{peak:.0f} MB", "< 300 MB",
         peak < 300),
        ("n_process=2 output identical (API, CLI)", f"{par['api_same']}, {par['cli_same']}",
         "True", par["api_same"] and par["cli_same"]),
        ("n_process=2 speed-up (API, CLI)",
         f"{par['api_1'] / par['api_2']:.2f}x, {par['cli_1'] / par['cli_2']:.2f}x", "> 1", None),
    ]
    lines = ["## Aims of issue 6", "", "| aim | measured | target | met |", "|---|---:|---|---|"]
    lines += [f"| {a} | {m} | {t} | {'-' if ok is None else ('yes' if ok else 'NO')} |"
              for a, m, t, ok in rows]
    return "\n".join(lines)


def main() -> int:
    quick = "--quick" in sys.argv
    started = time.perf_counter()
    sections = []

    def step(title, fn, *args):
        print(f"[{time.perf_counter() - started:6.0f} s] {title}…", file=sys.stderr, flush=True)
        return fn(*args)

    sc = step("scores", scores.run)
    pe = step("peers", peers.run)
    sp = step("throughput", speed.run, 5 if quick else 20)
    bd = step("where the time goes", breakdown.run, 5 if quick else 20)
    lin = step("linearity", linearity.linear,
               {"10 KB": 10_000, "1 MB": 1_000_000} if quick else linearity.SIZES)
    back = step("backtracking", linearity.backtracking)
    par = step("two processes", parallel.run, 10 if quick else 30)
    mem = step("memory", memory.run, 10 if quick else 100)
    sections = [aims(sp, lin, back, mem, par), speed.report(sp), breakdown.report(bd),
                peers.report(pe),
                scores.report(sc), linearity.report(lin, back), parallel.report(par),
                memory.report(mem)]
    header = (f"# Benchmark results\n\n{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
              f"{os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{'quick' if quick else 'full'} run in {time.perf_counter() - started:.0f} s "
              "(`python benchmarks/run_all.py`). Timings are CPU time of the "
              "measuring process unless marked wall clock; the machine is shared, so expect "
              "some noise.\n")
    text = header + "\n" + "\n\n".join(sections) + "\n"
    print(text)
    (HERE / "results.md").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
