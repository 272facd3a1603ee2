"""A local feed to try `feeds add` / `fetch` / `add` on, without the internet: `python scripts/web_demo.py [N]`.

Serves the first N (default 5) sample articles of `articles/` on 127.0.0.1 as web pages wrapped in a
typical site's navigation, cookie banner, sidebar, comments and footer (the test suite's page maker),
plus an Atom feed of them; prints the feed's URL and serves until Ctrl-C. The README's screenshot of a
fetched folder (`screenshots/fetched.svg`) was made with it:

    python scripts/web_demo.py &
    newsreader feeds add http://127.0.0.1:PORT/feed.atom --folder /tmp/fetched && newsreader fetch
    python scripts/screenshots.py --folder /tmp/fetched --out /tmp/shots main   # then copy main.svg
"""

from __future__ import annotations

import html
import sys
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from newsreader.articles import load_file  # noqa: E402 - after sys.path: runs from a checkout
from tests.web_server import FixtureServer, Item, article_page, atom_feed  # noqa: E402 - as above


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    server = FixtureServer()
    items = []
    for i, path in enumerate(sorted((REPO / "articles").glob("*.txt"))[:count]):
        (article,) = load_file(path)
        paragraphs = [html.escape(p) for p in article.body.split("\n\n") if p.strip()]
        date = article.date.isoformat() if article.date else None
        server.add(f"/news/{i}.html", article_page(article.title, paragraphs, author=None, date=date, site="Wikinews"))
        items.append(Item(article.title, server.url(f"/news/{i}.html"), date=f"{date or '2020-01-01'}T09:00:00Z",
                          author=None))
    print(server.add("/feed.atom", atom_feed(items, "Wikinews"), "application/atom+xml"), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
