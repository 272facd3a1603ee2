"""End to end in a real terminal: subscribe, fetch from a local server, read the fetched and saved pages."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

pytest.importorskip("httpx")

from tests.tmux_terminal import Terminal, newsreader_command
from tests.web_server import FixtureServer, Item, article_page, atom_feed, story

pytestmark = pytest.mark.e2e


def test_fetched_and_saved_pages_in_the_reader(web: FixtureServer, web_home: Path, tmp_path: Path) -> None:
    items = []
    for n in (1, 2, 3):
        title, paragraphs = story(n)
        web.add(f"/news/{n}.html", article_page(title, paragraphs))
        items.append(Item(title, web.url(f"/news/{n}.html")))
    feed = web.add("/feed", atom_feed(items, "City Hall News"), "application/atom+xml")
    folder = tmp_path / "news"
    folder.mkdir()
    saved_title, saved_paragraphs = story(9)
    (folder / "saved-page.html").write_text(article_page(saved_title, saved_paragraphs, date="2025-03-05"))
    exe = shlex.quote(newsreader_command())
    with Terminal(tmp_path) as terminal:
        terminal.wait_for("the shell prompt", lambda s: "$" in s)
        terminal.type(f"{exe} feeds add {feed} --folder news && {exe} fetch; echo FETCHED:$?")
        screen = terminal.wait_for("the fetch to end", lambda s: re.search(r"^FETCHED:\d", s, re.M) is not None)
        assert "City Hall News: 3 new, 0 already fetched" in screen and "FETCHED:0" in screen, screen
        terminal.type("clear")
        terminal.type(f"{exe} news")
        # the saved page is newest (2025-03-05): listed first with its own title, its article text shown
        screen = terminal.wait_for(
            "every title, and the saved page's text",
            lambda s: all(story(n)[0] in s for n in (1, 2, 3, 9)) and "plan number 9, after a debate" in s,
        )
        assert "Most read" not in screen and "Subscribe now" not in screen  # the page's boilerplate is gone
        terminal.send("j")
        terminal.wait_for("a fetched article's text after `j`", lambda s: "plan number 1, after a debate" in s)
        terminal.send("q")
