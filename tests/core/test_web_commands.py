"""`newsreader add`, `feeds` and `fetch` against a local server: what a person sees, exit statuses, files written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("httpx")

from newsreader.cli import main
from newsreader.session import load_folder as scan
from newsreader.web import commands
from newsreader.web.fetch import Limits
from newsreader.web.pull import pull_feeds
from tests.web_server import (
    FixtureServer,
    Item,
    Route,
    article_page,
    atom_feed,
    gzip_bomb,
    rdf_feed,
    rss_feed,
    story,
    zeros,
)

# timeout: what the hanging route costs each test that uses it; long enough that a page which does answer is
# never cut off on a busy machine
SMALL = Limits(timeout=2.0, deadline=10, max_bytes=1024 * 1024, max_redirects=3)


@pytest.fixture(autouse=True)
def _small_limits(monkeypatch: pytest.MonkeyPatch, web_home: Path) -> None:
    monkeypatch.setattr(commands, "LIMITS", SMALL)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out = capsys.readouterr()
    return status, out.out, out.err


def serve_stories(web: FixtureServer, count: int, make=atom_feed, path: str = "/feed") -> str:
    items = []
    for n in range(1, count + 1):
        title, paragraphs = story(n)
        web.add(f"/news/{n}.html", article_page(title, paragraphs))
        items.append(Item(title, web.url(f"/news/{n}.html")))
    return web.add(path, make(items), "application/atom+xml", ETag='"v1"')


def files(folder: Path) -> list[str]:
    return sorted(os.listdir(folder)) if folder.exists() else []


def test_subscribe_fetch_and_fetch_again(
    web: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    url = serve_stories(web, 5)
    status, out, _ = run(capsys, "feeds", "add", url, "--folder", str(folder))
    assert status == 0 and f"subscribed: {url} → {folder}" in out

    status, out, err = run(capsys, "fetch")
    assert status == 0, err
    assert out.splitlines() == ["Example Atom feed: 5 new, 0 already fetched", "5 new articles from 1 feed"]
    assert len(files(folder)) == 5
    library = scan(folder)
    for n, article in enumerate(sorted(library.articles, key=lambda a: a.title), 1):
        title, paragraphs = story(n)
        assert article.title == title and article.error is None
        assert article.body == "\n\n".join(paragraphs)  # the page's article text, without navigation
        assert article.url == web.url(f"/news/{n}.html")

    status, out, _ = run(capsys, "fetch")
    assert status == 0
    assert out.splitlines() == ["Example Atom feed: 0 new (not modified since the last fetch)",
                                "0 new articles from 1 feed"]
    assert len(files(folder)) == 5


def test_a_changed_feed_brings_only_new_entries(web: FixtureServer, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    url = serve_stories(web, 2, make=rss_feed)
    run(capsys, "feeds", "add", url, "--folder", str(folder))
    run(capsys, "fetch")
    serve_stories(web, 3, make=rss_feed)  # a new ETag-less... same ETag: served again in full below
    web.routes["/feed"].headers.pop("ETag")
    status, out, _ = run(capsys, "fetch")
    assert status == 0 and out.splitlines()[0] == "Example RSS feed: 1 new, 2 already fetched"
    assert len(files(folder)) == 3
    assert web.hits["/news/1.html"] == 1  # entries already fetched are not fetched again


def test_rdf_feeds_and_full_content_feeds(
    web: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_stories(web, 2, make=rdf_feed, path="/rdf")
    sentence = "A whole article carried by the feed itself, with a quotation: “We are ready,” said Ann Lee. "
    full = "<p>" + sentence * 8 + "</p>"
    carried = atom_feed([Item("Carried in full", web.url("/never-fetched"), content=full)])
    web.add("/full", carried, "application/atom+xml")
    folder = tmp_path / "news"
    for path in ("/rdf", "/full"):
        run(capsys, "feeds", "add", web.url(path), "--folder", str(folder))
    status, out, _ = run(capsys, "fetch")
    assert status == 0, out
    assert "Example RDF feed: 2 new" in out and "Example Atom feed: 1 new" in out
    assert web.hits["/never-fetched"] == 0
    carried = [a for a in scan(folder).articles if a.title == "Carried in full"]
    assert "said Ann Lee" in carried[0].body


@pytest.mark.parametrize("link", ["file:///etc/passwd", "ftp://ftp.invalid/story.txt", "javascript:alert(1)"])
def test_feed_links_that_are_not_http_are_refused(web: FixtureServer, tmp_path: Path, link: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    title, paragraphs = story(1)
    web.add("/ok.html", article_page(title, paragraphs))
    web.add("/feed", rss_feed([Item("Bad link", link), Item(title, web.url("/ok.html"))]), "application/rss+xml")
    folder = tmp_path / "news"
    run(capsys, "feeds", "add", web.url("/feed"), "--folder", str(folder))
    status, out, _ = run(capsys, "fetch")
    assert status == 1
    line = out.splitlines()[0]
    scheme = link.split(":")[0]
    assert line.startswith("Example RSS feed: 1 new, 0 already fetched, 1 failed (Bad link: refused")
    assert f"refused {scheme}:" in line
    assert len(files(folder)) == 1


def bad_feed_cases(web: FixtureServer) -> dict[str, tuple[str, str]]:
    """name -> (feed URL, what its one line must say)."""
    web.routes["/slow"] = Route(hang=True)
    web.routes["/huge"] = Route(200, headers={"Content-Type": "application/rss+xml"}, stream=zeros(50 * 1024 * 1024))
    web.redirect("/loop1", "/loop2")
    web.redirect("/loop2", "/loop1")
    return {
        "404": (web.add("/missing", "gone", "text/plain", status=404), "failed: HTTP 404"),
        "500": (web.add("/error", "oops", "text/plain", status=500), "failed: HTTP 500"),
        "slow": (web.url("/slow"), "failed: timed out"),
        "loop": (web.url("/loop1"), "failed: redirect loop"),
        "huge": (web.url("/huge"), "failed: larger than the 1 MB size cap"),
        "bomb": (web.add("/bomb", gzip_bomb(64 * 1024 * 1024), "application/rss+xml", **{"Content-Encoding": "gzip"}),
                 "failed: larger than the 1 MB size cap"),
        "html": (web.add("/page", article_page(*story(1))), "failed: not a feed"),
        "cut": (web.add("/cut", b"<rss><channel><title>x</ti", "application/rss+xml"), "failed: not a feed"),
        "broken": (web.add("/broken", b"<rss><channel><title>x</title><item><title>a</ti", "application/rss+xml"),
                   "1 failed (an entry without title or link: no link and no content); broken XML: "),
    }


def test_every_bad_feed_is_one_line_and_the_rest_still_arrive(web: FixtureServer, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    cases = bad_feed_cases(web)
    good = serve_stories(web, 2, make=rss_feed, path="/good")
    for url, _ in cases.values():
        run(capsys, "feeds", "add", url, "--folder", str(folder))
    run(capsys, "feeds", "add", good, "--folder", str(folder))
    status, out, err = run(capsys, "fetch")
    assert status == 1 and err == ""
    lines = out.splitlines()
    assert len(lines) == len(cases) + 2  # one per feed, and the total
    for (url, expected), line in zip(cases.values(), lines[: len(cases)], strict=True):
        assert line.startswith(f"{url[:60]}: ") or line.startswith("x: "), line
        assert expected in line, line
    assert lines[-2] == "Example RSS feed: 2 new, 0 already fetched"
    assert lines[-1] == f"2 new articles from {len(cases) + 1} feeds; {len(cases)} with failures"
    assert len(files(folder)) == 2  # and nothing else: no partial or temporary file


def test_add_pages(web: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    title, paragraphs = story(4)
    url = web.add("/s.html", article_page(title, paragraphs))
    status, out, _ = run(capsys, "add", url, "--folder", str(folder))
    (name,) = files(folder)
    assert status == 0 and out == f"added {url} → {folder / name}\n"
    assert name == "2025-03-04-council-votes-on-plan-number-4.md"
    status, out, _ = run(capsys, "add", url + "#comments", "--folder", str(folder))
    assert status == 0 and out == f"skipped {url}#comments: already in the folder ({name})\n"
    assert files(folder) == [name]


def test_add_bad_pages(web: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "news"
    web.routes["/huge.html"] = Route(200, headers={"Content-Type": "text/html"}, stream=zeros(50 * 1024 * 1024))
    empty = web.add("/empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    urls = [web.url("/huge.html"), empty, web.url("/nope"), "file:///etc/passwd", "javascript:void(0)"]
    status, out, _ = run(capsys, "add", *urls, "--folder", str(folder))
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 5 and all(line.startswith("failed ") for line in lines)
    assert "size cap" in lines[0] and "no article text" in lines[1] and "HTTP 404" in lines[2]
    assert "refused file:" in lines[3] and "refused javascript:" in lines[4]
    assert files(folder) == []  # nothing half-written


def test_feeds_list_remove_export_and_opml(
    web: FixtureServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text('<opml version="2.0"><body><outline text="One" xmlUrl="http://127.0.0.1:9/one"/>'
                    '<outline text="Two" xmlUrl="http://127.0.0.1:9/two"/>'
                    '<outline text="Bad" xmlUrl="ftp://127.0.0.1/three"/></body></opml>')
    status, out, _ = run(capsys, "feeds", "add", str(opml), "--folder", str(tmp_path / "n"))
    assert status == 1 and out.count("subscribed:") == 2 and "not added: refused ftp:" in out
    status, out, _ = run(capsys, "feeds", "add", "http://127.0.0.1:9/one")
    assert status == 0 and out == "already subscribed: http://127.0.0.1:9/one\n"
    status, out, _ = run(capsys, "feeds", "list")
    assert status == 0 and "One" in out and "Two" in out and str(tmp_path / "n") in out
    status, out, _ = run(capsys, "feeds", "export")
    assert status == 0 and 'xmlUrl="http://127.0.0.1:9/two"' in out
    status, out, _ = run(capsys, "feeds", "remove", "1")
    assert status == 0 and out.startswith("unsubscribed: http://127.0.0.1:9/one")
    status, _, err = run(capsys, "feeds", "remove", "http://nowhere.invalid/")
    assert status == 2 and err.startswith("newsreader: no such feed")


def test_fetch_without_feeds_and_with_a_broken_feeds_file(web_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "fetch")
    assert status == 2 and "feeds add URL" in err
    path = web_home / "config" / "newsreader" / "feeds.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("feeds: {")
    status, _, err = run(capsys, "fetch")
    assert status == 2 and err.count("\n") == 1 and "invalid YAML" in err


@pytest.mark.parametrize("missing", ["httpx", "feedparser", "trafilatura"])
def test_without_the_extra_the_commands_say_what_to_install(missing: str, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, missing, None)  # `import <missing>` now raises ImportError
    for argv in (["add", "http://127.0.0.1:9/x"], ["fetch"], ["feeds", "add", "http://127.0.0.1:9/f"]):
        status, out, err = run(capsys, *argv)
        assert status == 3 and out == ""
        assert err == (
            f"newsreader: the web commands need {missing}, which is not installed: pip install 'newsreader[web]'\n"
        )
    assert run(capsys, "feeds", "list")[0] == 0  # reading the subscriptions needs no network library


def test_the_reader_worker_reports_progress(web: FixtureServer, tmp_path: Path) -> None:
    """What the reader's R key runs in a thread worker: progress per feed, a cancel test, reports."""
    from newsreader.web.feeds import Feed, Subscriptions

    folder = tmp_path / "news"
    subs = Subscriptions([Feed(serve_stories(web, 3), folder), Feed(web.url("/missing"), folder)])
    calls = []
    reports = pull_feeds(subs, limits=SMALL, progress=lambda done, total, line: calls.append((done, total, line)))
    assert calls[0] == (0, 2, "") and calls[-1][:2] == (2, 2)
    assert [len(r.new) for r in reports] == [3, 0] and reports[1].error == "HTTP 404 Not Found"
    cancelled = pull_feeds(Subscriptions([Feed(serve_stories(web, 3, path="/other"), tmp_path / "b")]),
                           limits=SMALL, cancelled=lambda: True)
    assert cancelled[0].new == [] and files(tmp_path / "b") == []


def test_the_reader_fetch_ends_in_one_line_and_refresh_minutes(web: FixtureServer, tmp_path: Path,
                                                               web_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.web.feeds import config_path
    from newsreader.web.pull import fetch_for_reader, refresh_minutes

    assert fetch_for_reader() == "No feeds to fetch: subscribe with `newsreader feeds add URL`."
    assert refresh_minutes() is None
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(
        f"refresh_minutes: 15\nfeeds:\n  - url: {serve_stories(web, 2)}\n    folder: {tmp_path / 'n'}\n")
    assert refresh_minutes() == 15
    lines: list[str] = []
    assert fetch_for_reader(progress=lambda _d, _t, line: lines.append(line)) == "2 new articles from 1 feed"
    assert lines == ["", "Example Atom feed: 2 new, 0 already fetched"]
    monkeypatch.setitem(sys.modules, "feedparser", None)
    assert fetch_for_reader().startswith("the web commands need feedparser")
    (web_home / "config" / "newsreader" / "feeds.yaml").write_text("feeds: [")
    assert refresh_minutes() is None
    assert "feeds.yaml: invalid YAML" in fetch_for_reader()


def test_an_unforeseen_error_in_one_feed_is_its_line(web: FixtureServer, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.web import pull
    from newsreader.web.feeds import Feed, Subscriptions

    real = pull.parse_feed

    def flaky(page):
        if page.url.endswith("/bad"):
            raise RuntimeError("feedparser fell over")
        return real(page)

    monkeypatch.setattr(pull, "parse_feed", flaky)
    web.add("/bad", atom_feed([]), "application/atom+xml")
    subs = Subscriptions([Feed(web.url("/bad"), tmp_path / "n"), Feed(serve_stories(web, 1), tmp_path / "n")])
    reports = pull_feeds(subs, limits=SMALL)
    assert reports[0].line().endswith("failed: unexpected error (RuntimeError: feedparser fell over)")
    assert len(reports[1].new) == 1


def test_ctrl_c_keeps_what_was_written(web: FixtureServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Interrupted after the first feed: its entries are remembered, the run stops, nothing is half-written."""
    from newsreader.web.feeds import Feed, Subscriptions, load_state

    subs = Subscriptions([Feed(serve_stories(web, 2), tmp_path / "n")])
    state_file = tmp_path / "state.json"

    def interrupt(_done: int, _total: int, line: str) -> None:
        if line:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pull_feeds(subs, limits=SMALL, progress=interrupt, state_file=state_file)
    assert len(load_state(state_file)[subs.feeds[0].url].seen) == 2
    assert all(not name.startswith(".") for name in files(tmp_path / "n"))


def test_add_a_page_whose_charset_only_the_server_states(web: FixtureServer, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = "東京で会議が開かれ、市長は「計画を進める」と述べた。"
    page = article_page("会議", [text * 3] * 3, charset="x").replace('<meta charset="x">', "").encode("shift_jis")
    url = web.add("/sjis.html", page, "text/html; charset=shift_jis")
    status, out, _ = run(capsys, "add", url, "--folder", str(tmp_path))
    assert status == 0, out
    (article,) = scan(tmp_path).articles
    assert article.title == "会議" and text in article.body


def test_the_default_folder_is_stored_absolute_and_a_file_is_not_a_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from newsreader.web.feeds import load_subscriptions

    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, "feeds", "add", "https://news.invalid/feed")
    assert status == 0 and out == f"subscribed: https://news.invalid/feed → {tmp_path / 'articles'}\n"
    assert load_subscriptions().feeds[0].folder == tmp_path / "articles"
    (tmp_path / "file.txt").write_text("x")
    status, out, err = run(capsys, "add", "https://news.invalid/a", "--folder", "file.txt")
    assert status == 2 and out == "" and err == f"newsreader: not a folder: {tmp_path / 'file.txt'}\n"
