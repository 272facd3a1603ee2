"""Command palette: "Open article…" finds an article by fuzzy title match; the fuzzy highlight that
every palette of the app uses (titles and actor names are data, never markup).

The app is reached through the `ArticleSource` protocol, not imported: `app.py` imports this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from newsreader.render import meta_line
from newsreader.ui.palette import uncovering

if TYPE_CHECKING:
    from newsreader.articles import Article

MAX_DISCOVERY = 50


@runtime_checkable
class ArticleSource(Protocol):
    """What the app provides to the "Open article…" palette."""

    def listed_articles(self) -> Sequence[Article]:
        """The articles in the list, in list order."""
        ...

    def open_article_at(self, index: int) -> None:
        """Move the list to `index` and read that article."""
        ...


def plain_highlight(matcher: Matcher, text: str) -> Content:
    """`text` with the fuzzy-matched letters highlighted, as plain content.

    `Matcher.highlight` and string prompts/help go through `Content.from_markup`: a title such as
    "[link=file:///etc/passwd]" would become a link and an unbalanced "[/]" would crash the palette.
    Titles and names are data, so they are wrapped in `Content` here and never parsed.
    """
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if offset < len(text) and not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleTitles(Provider):
    """Every article title; choosing one moves the list cursor to it and opens it."""

    async def search(self, query: str) -> Hits:
        app = self.app
        if not isinstance(app, ArticleSource):
            return
        matcher = self.matcher(query)
        for index, article in enumerate(app.listed_articles()):
            score = matcher.match(article.title)
            if score > 0:
                yield Hit(
                    score,
                    plain_highlight(matcher, article.title),
                    uncovering(app, app.open_article_at, index),
                    text=article.title,
                    help=Content(meta_line(article)),  # type: ignore[arg-type]  # Content is never parsed
                )

    async def discover(self) -> Hits:
        app = self.app
        if not isinstance(app, ArticleSource):
            return
        for index, article in enumerate(app.listed_articles()[:MAX_DISCOVERY]):
            yield DiscoveryHit(
                Content(article.title),
                uncovering(app, app.open_article_at, index),
                text=article.title,
                help=Content(meta_line(article)),  # type: ignore[arg-type]  # Content is never parsed
            )


class OpenArticleCommand(Provider):
    """The "Open article…" entry of the main palette (`palette.ReaderCommands`); it opens a palette of
    titles. Usable on its own as a provider too."""

    TITLE = "Open article…"
    HELP = "Find an article by its title"

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(self.TITLE)
        if score > 0:
            yield Hit(score, matcher.highlight(self.TITLE), self.open, help=self.HELP)

    async def discover(self) -> Hits:
        yield DiscoveryHit(self.TITLE, self.open, help=self.HELP)

    def open(self) -> None:
        """Push the palette of article titles."""
        from newsreader.ui.palette import ReaderPalette

        self.app.push_screen(ReaderPalette(providers=[ArticleTitles], placeholder="Open article… (type a title)"))
