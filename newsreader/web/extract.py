"""A web page's article: main text as Markdown (navigation, ads, banners, comments dropped) and metadata.

trafilatura does the work (its boilerplate removal is the best published); this module only chooses its
options, decodes bytes by the charset the server or the page declares, drops a leading heading that
repeats the title, and keeps a small cache: the same bytes are extracted once per process, since the
list, the reader and a re-scan all ask for the same page, and kept on disk across sessions.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newsreader.state import atomic_write
from newsreader.web import WebUnavailable, require_extra

CACHE_ENTRIES = 64
EXTRACT_VERSION = 1  # part of every cache key: raise it when the extraction's output changes
MIN_WORDS = 12  # fewer words than this is a menu, a login wall or a caption, not an article
MAX_ELEMENTS = 30_000  # extraction costs ~70 µs per element and grows faster past this (news pages: 1-15k)
NO_TEXT = "no article text found in this page"


class NoArticleText(Exception):
    """The page has no main text (an index page, a login wall, a script-only app), or is too big to read."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an article file needs from a page. `body` is Markdown; the other fields may be None."""

    title: str | None
    body: str
    author: str | None = None
    date: str | None = None  # ISO date, as the page states it
    source: str | None = None  # the site's name, else its host
    url: str | None = None

    def front_matter(self) -> dict[str, str]:
        """The non-empty fields other than the body, in front-matter order."""
        return {k: v for k, v in asdict(self).items() if k != "body" and v}


_lock = threading.Lock()
_cache: OrderedDict[bytes, Extracted | str] = OrderedDict()  # a str: why there is no article


def extract_page(html: bytes | str, url: str | None = None, charset: str | None = None, *,
                 keep: bool = True) -> Extracted:
    """The article in a page. `charset` (from the HTTP header) wins over the page's own declaration;
    `keep=False` for a page read once (fetched to be written as a file): not kept in the disk cache.

    Raises `NoArticleText` when there is none, `WebUnavailable` without the web extra.
    """
    if isinstance(html, bytes) and charset:
        with contextlib.suppress(LookupError):  # an unknown charset name: let the page's <meta> or detection decide
            html = html.decode(charset, errors="replace")
    key = _key(html, url)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
    if hit is None and keep:
        hit = _disk_get(key)
    result = hit if hit is not None else _extract(html, url)
    if hit is None and keep:
        _disk_put(key, result)
    with _lock:
        _cache[key] = result
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    if isinstance(result, str):
        raise NoArticleText(result)
    return result


def extract_fragment(html: str, url: str | None = None) -> Extracted:
    """A feed entry's HTML content (no <html> around it) as an article body."""
    return extract_page(f"<html><body><article>{html}</article></body></html>", url, keep=False)


def _key(html: bytes | str, url: str | None) -> bytes:
    data = html if isinstance(html, bytes) else html.encode("utf-8", "surrogatepass")
    h = hashlib.blake2b(data, digest_size=16, person=f"extract{EXTRACT_VERSION}".encode())
    h.update(b"\x00" + (url or "").encode("utf-8", "surrogatepass"))
    return h.digest()


# The disk cache: one small JSON file per page in $XDG_CACHE_HOME/newsreader/pages/, keyed by the page's
# bytes. Why: the folder index keeps a page's title, metadata and analysis, but opening it again in a new
# session would extract it again (20-200 ms for a real page; benchmarks/extract.py), and a cold scan of
# a big folder reads each file twice (titles first, then in full).


def _disk_path(key: bytes) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsreader", appauthor=False)) / "pages" / f"{key.hex()}.json"


def _disk_get(key: bytes) -> Extracted | str | None:
    try:
        data = json.loads(_disk_path(key).read_bytes())
        if isinstance(data.get("error"), str):
            return data["error"]
        return Extracted(**{f: data.get(f) for f in Extracted.__dataclass_fields__})
    except (OSError, ValueError, TypeError, AttributeError):
        return None  # not there, or unreadable: extract again


def _disk_put(key: bytes, result: Extracted | str) -> None:
    data = {"error": result} if isinstance(result, str) else asdict(result)
    with contextlib.suppress(OSError):  # a cache that can't be written only costs time
        atomic_write(_disk_path(key), json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _extract(html: bytes | str, url: str | None) -> Extracted | str:
    """The article, or why there is none."""
    require_extra("trafilatura")
    try:
        import trafilatura
        from trafilatura.core import determine_returnstring
        from trafilatura.settings import Document, Extractor
        from trafilatura.utils import load_html
    except ImportError as exc:  # a broken install (e.g. lxml without its html-clean part)
        raise WebUnavailable(f"the web extra is incomplete ({exc}): pip install 'newsreader[web]'") from None
    tree = load_html(html)  # lxml: decodes by the page's charset, parses in C
    if tree is None:
        return NO_TEXT
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        return f"page too large to extract ({elements:,} HTML elements; at most {MAX_ELEMENTS:,})"
    options = Extractor(output_format="markdown", formatting=True, comments=False, tables=True,
                        with_metadata=True, url=url)
    document = trafilatura.bare_extraction(tree, options=options)
    if not isinstance(document, Document):  # None when it found nothing (a dict only when asked for one)
        return NO_TEXT
    options.with_metadata = False  # metadata goes to front matter, not into the body
    body = drop_title_heading(determine_returnstring(document, options) or "", document.title)
    if len(re.findall(r"\w+", body)) < MIN_WORDS:
        return NO_TEXT
    host = urlsplit(document.url or url or "").hostname
    return Extracted(
        title=_text(document.title),
        body=body,
        author=_text(document.author),
        date=_text(document.date),
        source=_text(document.sitename) or host,
        url=_text(document.url) or url,
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


_HEADING = re.compile(r"\A\s*#{1,6}[ \t]+(.*)\n*")


def drop_title_heading(body: str, title: str | None) -> str:
    """The body without a first heading that only repeats the title (the reader shows the title already)."""
    m = _HEADING.match(body)
    if m and title and _fold(m.group(1)) == _fold(title):
        return body[m.end():]
    return body


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
