"""A local HTTP server on 127.0.0.1 for the web tests, and the feeds and pages it serves (made here).

Its fixtures (`web`, `web_home`) reach every test through `pytest_plugins` in tests/conftest.py.
No test touches the internet: every URL a web test fetches is one of this server's. Routes are set
per test; the server counts requests and bytes sent per path so tests can bound work by counting.
"""

from __future__ import annotations

import html
import sys
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

BOILERPLATE_NAV = """<header><div class="logo">The Daily Example</div>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/subscribe">Subscribe now</a></li></ul></nav></header>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to personalise content and ads. Accept all cookies
or manage your preferences.</p><button>Accept</button></div>
<div class="ad" id="ad-top">ADVERTISEMENT: Buy the amazing gadget today, limited offer!</div>"""

BOILERPLATE_AFTER = """<aside class="related"><h3>Most read</h3><ul>\
<li><a href="/a">Ten things about cats you never knew</a></li>
<li><a href="/b">Weather warning for the weekend</a></li>\
<li><a href="/c">Celebrity chef opens new restaurant</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>First! This is a reader comment that
should never be part of the article text.</p></div></section>
<footer><p>Copyright 2025 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a> |
<a href="/terms">Terms</a> | <a href="/cookies">Cookie policy</a></footer>"""


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    author: str | None = "Jane Reporter",
    date: str | None = "2025-03-04",
    site: str = "The Daily Example",
    charset: str = "utf-8",
    boilerplate: bool = True,
    extra_head: str = "",
) -> str:
    """A news page: the article inside a typical site's navigation, banners, sidebar, comments, footer."""
    meta = [f'<meta charset="{charset}">', f"<title>{html.escape(title)} | {site}</title>",
            f'<meta property="og:site_name" content="{site}">']
    if author:
        meta.append(f'<meta name="author" content="{html.escape(author)}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}">')
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{''.join(meta)}{extra_head}</head><body>"
        + (BOILERPLATE_NAV if boilerplate else "")
        + f'<main><article><h1>{html.escape(title)}</h1>\n{body}</article></main>'
        + (BOILERPLATE_AFTER if boilerplate else "")
        + "</body></html>"
    )


def story(n: int) -> tuple[str, list[str]]:
    """A made-up story with quotations: (title, paragraphs)."""
    title = f"Council votes on plan number {n}"
    paragraphs = [
        f"The city council voted on Tuesday on plan number {n}, after a debate that lasted most of the night.",
        '"This is the most important decision we will make this year," said the mayor, Anna Berg,'
        f" before the vote on plan {n}.",
        "Opponents, led by councillor Tom Hale, said the plan was rushed. "
        '"Nobody has read the small print," he told reporters outside the chamber.',
        "The plan now goes to the regional assembly, which is expected to consider it next month.",
    ]
    return title, paragraphs


@dataclass
class Item:
    """A feed entry."""

    title: str
    link: str
    guid: str | None = None
    date: str = "2025-03-04T10:00:00Z"
    content: str | None = None  # full HTML content carried by the feed
    summary: str = "A short summary of the story."
    author: str | None = "Atom Author"


def atom_feed(items: list[Item], title: str = "Example Atom feed") -> str:
    entries = "".join(
        f"""<entry><title>{html.escape(i.title)}</title><link href="{html.escape(i.link)}"/>
<id>{html.escape(i.guid or i.link)}</id><updated>{i.date}</updated>"""
        + (f"<author><name>{html.escape(i.author)}</name></author>" if i.author else "")
        + f"""<summary>{html.escape(i.summary)}</summary>"""
        + (f'<content type="html">{html.escape(i.content)}</content>' if i.content else "")
        + "</entry>\n"
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{html.escape(title)}</title><id>urn:example:feed</id>
<updated>2025-03-04T10:00:00Z</updated>
{entries}</feed>"""


def rss_feed(items: list[Item], title: str = "Example RSS feed", encoding: str = "utf-8", base: str = "") -> str:
    entries = "".join(
        f"""<item><title>{html.escape(i.title)}</title><link>{html.escape(i.link)}</link>
<guid>{html.escape(i.guid or i.link)}</guid><pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate>
<description>{html.escape(i.summary)}</description>"""
        + (f"<content:encoded><![CDATA[{i.content}]]></content:encoded>" if i.content else "")
        + "</item>\n"
        for i in items
    )
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"{f' xml:base="{base}"' if base else ''}>
<channel><title>{html.escape(title)}</title><link>http://example.invalid/</link><description>d</description>
{entries}</channel></rss>"""


def rdf_feed(items: list[Item], title: str = "Example RDF feed") -> str:
    entries = "".join(
        f"""<item rdf:about="{html.escape(i.link)}"><title>{html.escape(i.title)}</title>\
<link>{html.escape(i.link)}</link>
<description>{html.escape(i.summary)}</description><dc:date>2025-03-04</dc:date></item>\n"""
        for i in items
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://example.invalid/"><title>{html.escape(title)}</title><link>http://example.invalid/</link>
<description>d</description></channel>
{entries}</rdf:RDF>"""


# ---------------------------------------------------------------------------------------- server


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    stream: Callable[[], Iterator[bytes]] | None = None  # body written chunk by chunk
    hang: bool = False  # never answer (until the server stops)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up early (the size caps, the timeouts) is what the tests expect: not worth a
        traceback on stderr, where the CLI tests look for the command's own messages."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class FixtureServer:
    """Serves `routes` on 127.0.0.1 at a free port; conditional GET by ETag for routes that set one."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()  # body bytes written per path
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args: object) -> None:
                pass

            def do_GET(self) -> None:
                server._serve(self)

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
            status: int = 200, **headers: str) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(status, data, {"Content-Type": content_type, **headers})
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        self.routes[path] = Route(status, b"", {"Location": location})
        return self.url(path)

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        self.hits[path] += 1
        route = self.routes.get(path, Route(404, b"not found", {"Content-Type": "text/plain"}))
        if route.hang:
            self.stopping.wait()
            return
        etag = route.headers.get("ETag")
        if etag and handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(route.status)
        for key, value in route.headers.items():
            handler.send_header(key, value)
        if route.stream is None:
            handler.send_header("Content-Length", str(len(route.body)))
            handler.end_headers()
            handler.wfile.write(route.body)
            self.sent[path] += len(route.body)
            return
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for chunk in route.stream():
                if self.stopping.is_set():
                    return
                handler.wfile.write(chunk)
                self.sent[path] += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: what the size-cap tests expect

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def zeros(total: int, chunk: int = 64 * 1024) -> Callable[[], Iterator[bytes]]:
    """A body of `total` bytes, generated as it is sent (never held in memory)."""

    def gen() -> Iterator[bytes]:
        block = b"<p>" + b"x" * (chunk - 7) + b"</p>\n"
        sent = 0
        while sent < total:
            yield block
            sent += len(block)

    return gen


def gzip_bomb(decoded: int) -> bytes:
    """A small gzip stream that inflates to `decoded` bytes of spaces (made in pieces)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b" " * (1024 * 1024)
    parts = [comp.compress(block) for _ in range(decoded // len(block))]
    parts.append(comp.flush())
    return b"".join(parts)


@pytest.fixture(name="web")
def web_fixture() -> Iterator[FixtureServer]:
    server = FixtureServer()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(name="web_home")
def web_home_fixture(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Private XDG folders for the test: config (feeds.yaml), state (what each feed last said: ETag, entries
    seen) and cache (extracted pages). A shared state folder let a feed URL fetched by an earlier test on a
    recycled port answer "not modified" here."""
    home = tmp_path_factory.mktemp("webxdg")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    return home
