#!/usr/bin/env python3
"""Analysis throughput: MB/s of `analyse` over the Wikinews bulk corpus (DESIGN §5: bar >= 1 MB/s per core;
issue 10 asks to keep at least the 1.5 MB/s the engine had when it was filed).

Bodies are split from their files first (not timed); each run analyses every body once with a cold cache
(`analyse`, not `analyse_article`), single process. Prints the median of several runs, by the wall clock
and by the process's own CPU time (on a shared machine the wall clock also counts other processes' turns;
the load average is printed beside it).

    python benchmarks/analysis.py [--corpus DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsreader.analysis import analyse  # noqa: E402 - after the sys.path line: runs from a checkout
from newsreader.analysis.lexicon import lexicon  # noqa: E402 - as above
from newsreader.articles import load_file  # noqa: E402 - as above

# ../shared beside the checkout (the main checkout and the helpers' worktrees sit at different depths)
DEFAULT_CORPUS = next((p / "shared" / "corpus" / "wikinews" / "bulk" for p in ROOT.parents
                       if (p / "shared" / "corpus").is_dir()), ROOT / "corpus")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.rglob("*") if p.is_file())
    if not files:
        print(f"no files under {args.corpus}", file=sys.stderr)
        return 1
    docs = []
    for p in files:  # read by the reader's own loader (front matter, title, residue)
        docs.extend((a.body, a.hints, a.title) for a in load_file(p) if not a.error)
    nbytes = sum(len(b.encode("utf-8")) for b, _, _ in docs)
    t0 = time.perf_counter()
    lexicon()  # one-off load, reported separately
    load = time.perf_counter() - t0
    secs, cpu = [], []
    quotes = actors = 0
    for _ in range(max(1, args.runs)):
        t0, c0 = time.perf_counter(), time.process_time()
        quotes = actors = 0
        for body, hints, title in docs:
            a = analyse(body, hints, title=title)
            quotes += len(a.quotes)
            actors += len(a.actors)
        secs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    med = statistics.median(secs)
    print(f"corpus: {args.corpus} ({len(docs)} articles, {nbytes / 1e6:.2f} MB of body text)")
    print(f"lexicon load (once per process): {load * 1000:.0f} ms")
    print(f"runs: {', '.join(f'{s:.2f}s' for s in secs)}; found {quotes} quotations, {actors} actors per run")
    print(f"analysis throughput: {nbytes / 1e6 / med:.2f} MB/s (median of {len(secs)}; "
          "bars: DESIGN >= 1, issue 10 >= 1.5 MB/s per core)")
    print(f"by CPU time: {nbytes / 1e6 / statistics.median(cpu):.2f} MB/s; load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
