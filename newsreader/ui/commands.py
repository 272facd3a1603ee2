"""Command palette: "Open article…" finds an article by fuzzy title match."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from newsreader.render import meta_line

if TYPE_CHECKING:
    from newsreader.ui.app import NewsReaderApp

MAX_DISCOVERY = 50


class ArticleTitles(Provider):
    """Every article title; choosing one moves the list cursor to it and opens it."""

    async def search(self, query: str) -> Hits:
        app = cast("NewsReaderApp", self.app)
        matcher = self.matcher(query)
        for index, article in enumerate(app.article_list.articles):
            score = matcher.match(article.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(article.title),
                    partial(app.open_article_at, index),
                    help=meta_line(article),
                )

    async def discover(self) -> Hits:
        app = cast("NewsReaderApp", self.app)
        for index, article in enumerate(app.article_list.articles[:MAX_DISCOVERY]):
            yield DiscoveryHit(article.title, partial(app.open_article_at, index), help=meta_line(article))


class OpenArticleCommand(Provider):
    """The "Open article…" entry in the main palette; it opens a palette of titles."""

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match("Open article…")
        if score > 0:
            yield Hit(score, matcher.highlight("Open article…"), self._open, help="Find an article by its title")

    async def discover(self) -> Hits:
        yield DiscoveryHit("Open article…", self._open, help="Find an article by its title")

    def _open(self) -> None:
        from textual.command import CommandPalette

        self.app.push_screen(CommandPalette(providers=[ArticleTitles], placeholder="Open article… (type a title)"))
