"""The HTTP client: only http(s), timeouts, redirects, size cap, gzip bombs, conditional GET (local server only)."""

from __future__ import annotations

import pytest

pytest.importorskip("httpx")

from newsreader.web.fetch import Fetcher, FetchError, Limits, check_url
from tests.web_server import FixtureServer, Route, gzip_bomb, zeros

# timeout: what the hanging route costs each test that uses it; long enough that a page which does answer is
# never cut off on a busy machine
SMALL = Limits(timeout=2.0, deadline=10, max_bytes=1024 * 1024, max_redirects=3)


def fetch(url: str, limits: Limits = SMALL, **kwargs: str):
    with Fetcher(limits) as fetcher:
        return fetcher.get(url, **kwargs)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed.xml", "javascript:alert(1)",
                                 "data:text/html,<p>hi</p>", "example.org/page", "http:///nohost"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError) as exc:
        check_url(url)
    assert "\n" not in str(exc.value)


def test_a_page_comes_back_with_its_headers(web: FixtureServer) -> None:
    modified = {"Last-Modified": "Tue, 04 Mar 2025 10:00:00 GMT"}
    url = web.add("/p.html", "<p>héllo</p>", "text/html; charset=utf-8", ETag='"e1"', **modified)
    page = fetch(url)
    assert page.status == 200 and page.body == "<p>héllo</p>".encode()
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert page.etag == '"e1"' and page.last_modified.startswith("Tue")
    assert web.hits["/p.html"] == 1


def test_user_agent_names_newsreader(web: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def echo():
        yield b"ok"

    web.routes["/ua"] = Route(200, b"", {"Content-Type": "text/plain"}, stream=echo)
    original = web._serve

    def spy(handler):
        seen["ua"] = handler.headers.get("User-Agent")
        return original(handler)

    monkeypatch.setattr(web, "_serve", spy)
    fetch(web.url("/ua"))
    assert seen["ua"].startswith("newsreader/")


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_are_one_line(web: FixtureServer, status: int) -> None:
    url = web.add("/bad", "nope", "text/plain", status=status)
    with pytest.raises(FetchError, match=rf"^HTTP {status}"):
        fetch(url)


def test_a_server_that_never_answers_times_out(web: FixtureServer) -> None:
    web.routes["/slow"] = Route(hang=True)
    with pytest.raises(FetchError, match="timed out"):
        fetch(web.url("/slow"))


def test_a_redirect_loop_is_stopped(web: FixtureServer) -> None:
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(web.url("/a"))
    assert web.hits["/a"] == 1 and web.hits["/b"] == 1


def test_too_many_redirects(web: FixtureServer) -> None:
    for i in range(6):
        web.redirect(f"/r{i}", f"/r{i + 1}")
    with pytest.raises(FetchError, match=r"too many redirects \(more than 3\)"):
        fetch(web.url("/r0"))
    assert sum(web.hits.values()) == 4


def test_redirects_are_followed_and_checked(web: FixtureServer) -> None:
    web.add("/final", "<p>here</p>")
    web.redirect("/moved", "/final", 301)
    page = fetch(web.url("/moved"))
    assert page.url == web.url("/final") and page.body == b"<p>here</p>"
    web.redirect("/evil", "file:///etc/passwd")
    with pytest.raises(FetchError, match="redirected to a link that is not fetched.*file:"):
        fetch(web.url("/evil"))


def test_a_50_mb_body_stops_at_the_cap(web: FixtureServer) -> None:
    web.routes["/huge"] = Route(200, headers={"Content-Type": "text/html"}, stream=zeros(50 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than the 1 MB size cap"):
        fetch(web.url("/huge"))
    # the client hung up long before the 50 MB: what was sent is the cap plus socket buffers
    assert web.sent["/huge"] < 20 * 1024 * 1024


def test_a_declared_huge_length_is_refused_before_reading(web: FixtureServer) -> None:
    web.routes["/big"] = Route(200, headers={"Content-Type": "text/html", "Content-Length": str(50 * 1024 * 1024)},
                               stream=zeros(50 * 1024 * 1024))
    with pytest.raises(FetchError, match="size cap"):
        fetch(web.url("/big"))


def test_a_gzip_bomb_stops_at_the_cap(web: FixtureServer) -> None:
    bomb = gzip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 200 * 1024
    web.add("/bomb", bomb, "text/html", **{"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="size cap"):
        fetch(web.url("/bomb"))


def test_gzip_is_inflated(web: FixtureServer) -> None:
    import gzip

    web.add("/z", gzip.compress(b"<p>compressed</p>"), "text/html", **{"Content-Encoding": "gzip"})
    assert fetch(web.url("/z")).body == b"<p>compressed</p>"
    web.add("/broken", b"\x1f\x8b\x08\x00garbage-not-deflate", "text/html", **{"Content-Encoding": "gzip"})
    with pytest.raises(FetchError, match="corrupt compressed body"):
        fetch(web.url("/broken"))


def test_conditional_get_gives_not_modified(web: FixtureServer) -> None:
    url = web.add("/feed", "<rss/>", "application/rss+xml", ETag='"v7"')
    first = fetch(url)
    again = fetch(url, etag=first.etag)
    assert again.not_modified and again.body == b""


def test_nothing_listening(web: FixtureServer) -> None:
    url = web.url("/x")
    web.stop()
    with pytest.raises(FetchError, match="cannot connect"):
        fetch(url)


def test_at_most_two_requests_at_a_time_per_host(web: FixtureServer) -> None:
    """Six fetches from six threads: the server never sees more than `per_host` of them at once."""
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    changed = threading.Condition()
    state = {"now": 0, "most": 0, "done": 0}

    def held():
        with changed:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
            changed.notify_all()
            # Hold each request until a second one is in as well (or it is the last one left), so the two
            # requests allowed do overlap however slow the machine is; 60 s only stops a hang.
            changed.wait_for(lambda: state["now"] >= 2 or state["done"] + state["now"] == 6, timeout=60)
        # A moment more, in which a third request (a broken limit) would arrive. Only how likely the test is to
        # catch a broken limit depends on it; a working one passes however long the moment lasts.
        time.sleep(0.2)
        with changed:
            state["now"] -= 1
            state["done"] += 1
            changed.notify_all()
        yield b"<p>ok</p>"

    web.routes["/held"] = Route(200, headers={"Content-Type": "text/html"}, stream=held)
    with Fetcher(Limits(timeout=5, per_host=2)) as fetcher, ThreadPoolExecutor(6) as pool:
        pages = list(pool.map(lambda _i: fetcher.get(web.url("/held")), range(6)))
    assert [p.body for p in pages] == [b"<p>ok</p>"] * 6
    assert state["most"] == 2
