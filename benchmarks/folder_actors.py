"""Cost of the folder actor table (the palette's "Actor…", `newsreader actors`). Prints figures, asserts nothing.

    python benchmarks/folder_actors.py [--corpus DIR] [--articles 10000]

The bulk corpus is analysed once (cached), then its analyses are added under distinct keys until the
table counts `--articles` articles, as the background analysis feeds it. Reported: adding them all, the
first `actors()` (the merge: one row per actor across the folder), and a merge after one more article
(what the palette pays when it opens during the background analysis).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsreader.analysis import analyse_article
from newsreader.folder_actors import FolderActors
from newsreader.session import load_folder as scan

BULK = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews" / "bulk"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BULK)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    library = scan(args.corpus)
    analyses = [analyse_article(a.body, tuple(library.hints_for(a)), a.title) for a in library.articles if not a.error]
    if not analyses:
        sys.exit(f"no readable articles in {args.corpus}")
    table = FolderActors()
    start = time.perf_counter()
    for i in range(args.articles):
        table.add(f"article-{i}", analyses[i % len(analyses)])
    added = time.perf_counter() - start
    start = time.perf_counter()
    actors = table.actors()
    merged = time.perf_counter() - start
    again = []
    for i in range(5):
        table.add(f"extra-{i}", analyses[i % len(analyses)])
        start = time.perf_counter()
        table.actors()
        again.append(time.perf_counter() - start)
    print(f"{args.articles:,} articles ({len(analyses)} distinct analyses), {len(actors):,} actors")
    print(f"add all: {added * 1000:.0f} ms; first merge: {merged * 1000:.0f} ms; "
          f"merge after one more article: median {statistics.median(again) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
