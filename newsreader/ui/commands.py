"""Command palette: "Open article…" finds an article by fuzzy title match."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from newsreader.render import meta_line

if TYPE_CHECKING:
    from newsreader.ui.app import NewsReaderApp

MAX_DISCOVERY = 50


def _plain_highlight(matcher: Matcher, title: str) -> Content:
    """The title with the matched letters highlighted, as plain content.

    `Matcher.highlight` and string prompts/help go through `Content.from_markup`: a title such as
    "[link=file:///etc/passwd]" would become a link and an unbalanced "[/]" would crash the palette.
    Article titles are data, so they are wrapped in `Content` here and never parsed.
    """
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if offset < len(title) and not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


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
                    _plain_highlight(matcher, article.title),
                    partial(app.open_article_at, index),
                    text=article.title,
                    help=Content(meta_line(article)),  # type: ignore[arg-type]  # Content is never parsed
                )

    async def discover(self) -> Hits:
        app = cast("NewsReaderApp", self.app)
        for index, article in enumerate(app.article_list.articles[:MAX_DISCOVERY]):
            yield DiscoveryHit(
                Content(article.title),
                partial(app.open_article_at, index),
                text=article.title,
                help=Content(meta_line(article)),  # type: ignore[arg-type]  # Content is never parsed
            )


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
