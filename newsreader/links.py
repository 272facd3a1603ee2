"""Where an article comes from, as a link: its URL (only web URLs are trusted), its host, or its file.

An article's `url:` is front matter, so it is data from the file: anything but `http`/`https` (a
`javascript:` or `file:` URL, a bare word, one with spaces or control characters) is not treated as a
link; such an article is linked by its own file instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from newsreader.articles import Article

WEB_SCHEMES = ("http", "https")


def web_url(article: Article) -> str | None:
    """The article's URL if it is a well-formed http(s) URL, else None."""
    url = (article.url or "").strip()
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and parts.hostname else None


def url_host(article: Article) -> str | None:
    """"en.wikinews.org" for the meta line (without a leading "www.")."""
    url = web_url(article)
    if url is None:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def article_link(article: Article) -> str:
    """What `o` opens and `Y` copies: the web URL, else the article's file as a `file://` URL."""
    return web_url(article) or article.path.resolve().as_uri()
