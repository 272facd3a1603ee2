"""Cost of reading a saved web page (.html) as an article. Prints figures, asserts nothing.

    python benchmarks/extract.py [PAGE.html ...]

Generated pages (a news article inside a typical site's navigation, banners, sidebar, comments and
footer, as the tests make them) with 4, 40 and 400 paragraphs, plus any pages given on the command line.
For each: size, HTML elements, the median of 5 full extractions (no cache), and of 5 reads from the
disk cache (what a new session pays to open a page it has read before), after one warm-up that pays
the imports. Extraction results go to $XDG_CACHE_HOME/newsreader/pages/.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreader.web import extract
from tests.web_server import article_page, story


def measure(name: str, data: bytes) -> None:
    from trafilatura.utils import load_html

    elements = sum(1 for _ in load_html(data).iter())
    times, cached = [], []
    outcome: object = None
    for _ in range(5):
        started = time.perf_counter()
        outcome = extract._extract(data, None)  # the full work, no cache
        times.append(time.perf_counter() - started)
        extract._cache.clear()
        started = time.perf_counter()
        extract._disk_get(extract._key(data, None)) or extract.extract_page(data)  # as a new session does
        cached.append(time.perf_counter() - started)
    text = f"{len(outcome.body):,} chars of text" if isinstance(outcome, extract.Extracted) else str(outcome)
    print(f"{name:<32} {len(data) / 1024:>6.0f} KiB {elements:>7,} elements"
          f"  extract {statistics.median(times) * 1000:>6.1f} ms"
          f"  from the disk cache {statistics.median(cached) * 1000:>5.1f} ms   {text}")


def main() -> None:
    title, paragraphs = story(1)
    extract.extract_page(article_page(title, paragraphs).encode())  # imports
    for n in (1, 10, 100):
        measure(f"generated, {4 * n} paragraphs", article_page(title, paragraphs * n).encode())
    for path in sys.argv[1:]:
        measure(Path(path).name, Path(path).read_bytes())


if __name__ == "__main__":
    main()
