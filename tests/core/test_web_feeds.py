"""Feeds: RSS 2.0 / Atom / RDF parsing, broken and odd feeds, the subscriptions file, its state, OPML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("feedparser")

from newsreader.web.feeds import (
    Feed,
    FeedError,
    FeedsFileError,
    FeedState,
    Subscriptions,
    load_state,
    load_subscriptions,
    opml_text,
    parse_feed,
    read_opml,
    save_state,
)
from newsreader.web.feeds_file import add_feeds
from newsreader.web.fetch import Page
from tests.web_server import Item, atom_feed, rdf_feed, rss_feed

BASE = "http://news.invalid/feeds/main.xml"


def page(text: str | bytes, content_type: str = "application/xml", charset: str | None = None) -> Page:
    return Page(BASE, 200, text.encode("utf-8") if isinstance(text, str) else text, content_type, charset)


ITEMS = [
    Item("Q&A: “Why now?” <said> the minister", "/stories/1.html", guid="tag:news.invalid,2025:1"),
    Item("Second story", "http://other.invalid/2.html"),
]


@pytest.mark.parametrize("make", [rss_feed, atom_feed, rdf_feed], ids=["rss2", "atom", "rdf"])
def test_every_format_gives_titles_links_dates(make) -> None:
    feed = parse_feed(page(make(ITEMS)))
    assert feed.title and feed.title.startswith("Example")
    first, second = feed.entries
    assert first.title == "Q&A: “Why now?” <said> the minister"  # entities decoded, nothing dropped
    assert first.link == "http://news.invalid/stories/1.html"  # relative link resolved against the feed
    assert second.link == "http://other.invalid/2.html"
    assert first.date == "2025-03-04"
    assert feed.problem is None


def test_guid_is_the_entry_id() -> None:
    entries = parse_feed(page(rss_feed(ITEMS))).entries
    assert entries[0].id == "tag:news.invalid,2025:1"


def test_full_content_is_kept_when_the_feed_carries_it() -> None:
    items = [Item("Full", "/f.html", content="<p>The <b>whole</b> article.</p>")]
    for make in (rss_feed, atom_feed):
        (entry,) = parse_feed(page(make(items))).entries
        assert "The <b>whole</b> article." in entry.content


def test_a_latin_1_feed_decodes() -> None:
    data = rss_feed([Item("Café crème à Paris", "/x")], encoding="iso-8859-1").encode("latin-1")
    (entry,) = parse_feed(page(data, "application/rss+xml")).entries
    assert entry.title == "Café crème à Paris"


def test_the_http_charset_is_used() -> None:
    data = rss_feed([Item("Grüße", "/x")], encoding="utf-8").replace('encoding="utf-8"', "").encode("cp1252")
    (entry,) = parse_feed(page(data, "application/rss+xml", charset="windows-1252")).entries
    assert entry.title == "Grüße"


def test_broken_xml_still_gives_the_entries_it_can() -> None:
    broken = rss_feed(ITEMS).replace("</channel></rss>", "<item><title>cut off")
    feed = parse_feed(page(broken))
    assert len(feed.entries) >= 2 and feed.problem


@pytest.mark.parametrize("body", [b"<html><body><p>Just a page</p></body></html>", b"\x00\x01\x02 binary junk",
                                  b"", b"<?xml version='1.0'?><other/>"])
def test_not_a_feed_says_so(body: bytes) -> None:
    with pytest.raises(FeedError, match="^not a feed"):
        parse_feed(page(body, "text/html"))


def test_subscriptions_round_trip(web_home: Path, tmp_path: Path) -> None:
    subs = Subscriptions([Feed("https://a.invalid/feed", tmp_path / "news", "A")], refresh_minutes=30)
    path = web_home / "config" / "newsreader" / "feeds.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("refresh_minutes: 30\n")
    add_feeds(subs.feeds)
    again = load_subscriptions()
    assert again == subs
    assert (web_home / "config" / "newsreader" / "feeds.yaml").is_file()


def test_no_subscriptions_file_means_no_feeds(web_home: Path) -> None:
    assert load_subscriptions().feeds == []


@pytest.mark.parametrize("text, reason", [
    ("feeds: [", "invalid YAML"),
    ("feeds: 3", "expected `feeds:`"),
    ("feeds:\n  - url: 5\n    folder: x", "feed 1 needs `url` and `folder`"),
    ("refresh_minutes: often\nfeeds: []", "refresh_minutes"),
    ("refresh_minutes: 0\nfeeds: []", "refresh_minutes"),
])
def test_a_bad_subscriptions_file_is_one_message(web_home: Path, text: str, reason: str) -> None:
    path = web_home / "config" / "newsreader" / "feeds.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    with pytest.raises(FeedsFileError, match=reason) as exc:
        load_subscriptions()
    assert "\n" not in str(exc.value)


def test_state_round_trip_and_a_corrupt_state_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = FeedState(etag='"x"', modified="Tue", title="T", seen=["a", "b"])
    save_state({"u": state}, path)
    assert load_state(path)["u"].seen == ["a", "b"]
    path.write_text("{not json")
    assert load_state(path) == {}


def test_seen_ids_are_bounded() -> None:
    state = FeedState()
    for i in range(6000):
        state.remember(str(i))
    assert len(state.seen) == 5000 and state.seen[-1] == "5999"


def test_opml_import_and_export(tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="News"><outline text="One" xmlUrl="https://one.invalid/rss"/>
<outline title="Two &amp; co" xmlUrl="https://two.invalid/atom"/></outline>
<outline text="a folder without a feed"/></body></opml>""")
    assert read_opml(opml) == [("https://one.invalid/rss", "One"), ("https://two.invalid/atom", "Two & co")]
    subs = Subscriptions([Feed(u, tmp_path, t) for u, t in read_opml(opml)])
    exported = tmp_path / "out.opml"
    exported.write_text(opml_text(subs, {}))
    assert read_opml(exported) == read_opml(opml)


@pytest.mark.parametrize("text", ["<opml><body><outline", '<!DOCTYPE x [<!ENTITY a "aaaa">]><opml/>'])
def test_bad_opml_is_one_message(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.opml"
    path.write_text(text)
    with pytest.raises(FeedsFileError):
        read_opml(path)


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(lambda t: f"<rss><channel>{t}".encode())))
def test_any_bytes_are_a_feed_or_one_feed_error(data: bytes) -> None:
    try:
        feed = parse_feed(page(data))
    except FeedError as exc:
        assert "\n" not in str(exc)
    else:
        assert all(e.id for e in feed.entries)
