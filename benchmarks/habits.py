"""The daily-reader keys at scale (issue 16): what `s` (sort) and a read mark (the header's unread count)
cost with 10,000 and 100,000 listed articles, on synthetic list entries (as the index lists them: no
body, a body digest).

    python benchmarks/habits.py

Prints figures; asserts nothing. The unread count is computed the way `ListPane.count_unread` does it:
content keys gathered once per listing (cold: the first time they are hashed; warm: from ReadMarks'
memo), then one set intersection per mark.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.articles import Article  # noqa: E402
from newsreader.sorting import SORTS, sort_articles  # noqa: E402
from newsreader.state import ReadState  # noqa: E402
from newsreader.ui.read_marks import ReadMarks  # noqa: E402


def entries(n: int) -> list[Article]:
    start = dt.date(2000, 1, 1)
    return [Article(Path(f"/news/{i:06d}.md"), f"Title number {i * 7919 % n}", "",
                    date=start + dt.timedelta(days=i % 7000), source=f"Source {i % 97}", partial=True,
                    body_hash=f"{i:024x}", quote_count=i % 13) for i in range(n)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main() -> None:
    for n in (10_000, 100_000):
        articles = entries(n)
        print(f"{n:,} articles")
        for order in SORTS:
            t = time.perf_counter()
            sort_articles(articles, order)
            print(f"  s -> {order:<8}{ms(time.perf_counter() - t)}")
        marks = ReadMarks(None, None, changed=lambda: None, where=lambda: None)  # type: ignore[arg-type]
        marks.state = ReadState(Path("/nonexistent/state.json"))
        for label in ("cold", "warm"):
            t = time.perf_counter()
            keys = {marks.key_of(a) for a in articles}
            print(f"  listed keys ({label}){ms(time.perf_counter() - t)}")
        marks.state.read.update(list(keys)[: n // 2])
        t = time.perf_counter()
        unread = len(keys) - len(keys & marks.state.read)
        print(f"  unread count after a mark{ms(time.perf_counter() - t)}  ({unread:,} unread)")


if __name__ == "__main__":
    main()
