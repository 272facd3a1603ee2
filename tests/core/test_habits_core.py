"""Core of the daily-reader habits (issue 16): sort orders, links, citations, clipboard and browser
choice, stars in the read-state file, remembered choices. No Textual here."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pytest

from newsreader.analysis.model import Quote
from newsreader.articles import Article
from newsreader.citation import cite_quote
from newsreader.clipboard import Copier, clipboard_program, run_copier
from newsreader.links import article_link, url_host, web_url
from newsreader.open_url import Launch, NoBrowser, plan_open
from newsreader.preferences import load_preferences, remember
from newsreader.sorting import SORTS, next_sort, sort_articles
from newsreader.state import ReadState


def art(title: str, date: str | None = None, source: str | None = None, url: str | None = None,
        path: str = "/news/a.txt", quotes: int | None = None) -> Article:
    return Article(Path(path), title, "body", date=dt.date.fromisoformat(date) if date else None,
                   source=source, url=url, quote_count=quotes)


def titles(articles: list[Article]) -> list[str]:
    return [a.title for a in articles]


ARTS = [
    art("beta", "2020-02-01", "Zed", path="/n/b.txt", quotes=1),
    art("Alpha", "2020-03-01", None, path="/n/a.txt", quotes=5),
    art("gamma", None, "alpha news", path="/n/g.txt"),
    art("delta", "2019-01-01", "Beta", path="/n/d.txt", quotes=2),
]


def test_each_sort_order() -> None:
    assert titles(sort_articles(ARTS, "newest")) == ["Alpha", "beta", "delta", "gamma"]
    assert titles(sort_articles(ARTS, "oldest")) == ["delta", "beta", "Alpha", "gamma"]
    assert titles(sort_articles(ARTS, "title")) == ["Alpha", "beta", "delta", "gamma"]
    assert titles(sort_articles(ARTS, "source")) == ["gamma", "delta", "beta", "Alpha"]
    assert titles(sort_articles(ARTS, "quotes", {"/n/b.txt": 9})) == ["beta", "Alpha", "delta", "gamma"]


def test_sort_cycle_visits_every_order_and_returns() -> None:
    seen, name = [], "newest"
    for _ in SORTS:
        name = next_sort(name)
        seen.append(name)
    assert seen[-1] == "newest" and sorted(seen) == sorted(SORTS)
    assert next_sort("nonsense") == "newest"


def test_only_web_urls_are_links(tmp_path: Path) -> None:
    assert web_url(art("a", url="https://en.wikinews.org/wiki/X")) == "https://en.wikinews.org/wiki/X"
    assert url_host(art("a", url="https://www.example.com/x")) == "example.com"
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "no url", "https://", "http://a b/", "-x"):
        assert web_url(art("a", url=bad)) is None, bad
    path = tmp_path / "a b.txt"
    assert article_link(Article(path, "t", "b")) == path.resolve().as_uri()
    assert article_link(Article(path, "t", "b")).startswith("file:///")


def test_citation_has_marks_speaker_source_date_url() -> None:
    article = art("t", "2019-03-28", "Wikinews", url="https://en.wikinews.org/wiki/X")
    text = cite_quote(article, Quote("Trust needs\nfacts.", 0, 10, speaker="Ken Hu"))
    assert text == "“Trust needs facts.” — Ken Hu\nWikinews, 2019-03-28, https://en.wikinews.org/wiki/X"
    assert cite_quote(art("t"), Quote("x", 0, 1)) == "“x”\n/news/a.txt"  # the file, absolute


def fake_program(folder: Path, name: str, record: Path) -> None:
    script = folder / name
    script.write_text(f"#!/bin/sh\ncat > {record}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_clipboard_prefers_tmux_inside_tmux_and_passes_text_on_stdin(tmp_path: Path) -> None:
    record = tmp_path / "got"
    fake_program(tmp_path, "tmux", record)
    fake_program(tmp_path, "xclip", tmp_path / "x")
    env = {"PATH": str(tmp_path), "TMUX": "/tmp/sock,1,0", "DISPLAY": ":0"}
    copier = clipboard_program(env)
    assert copier is not None and copier.name == "tmux's paste buffer"
    assert run_copier(copier, "“q” — $(rm -rf x)") is None
    assert record.read_text() == "“q” — $(rm -rf x)"  # on stdin, never through a shell
    assert clipboard_program({"PATH": str(tmp_path), "DISPLAY": ":0"}).name == "the X clipboard"
    assert clipboard_program({"PATH": str(tmp_path / "none")}) is None


def test_a_failing_clipboard_program_is_reported_not_raised(tmp_path: Path) -> None:
    assert run_copier(Copier("x", ("/bin/false",)), "t") is not None
    assert run_copier(Copier("x", (str(tmp_path / "missing"),)), "t") is not None


def test_browser_from_env_text_mode_and_percent_s() -> None:
    url = "https://e.org/x"
    assert plan_open(url, {"BROWSER": "w3m"}) == Launch(("w3m", url), True)
    assert plan_open(url, {"BROWSER": "/usr/bin/firefox --new-tab"}) == Launch(("/usr/bin/firefox", "--new-tab", url))
    assert plan_open(url, {"BROWSER": "lynx -dump %s"}) == Launch(("lynx", "-dump", url), True)
    assert plan_open(url, {"BROWSER": ":chromium &"}).command == ("chromium", url)


def test_no_browser_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    def nothing() -> None:
        raise webbrowser.Error("none")

    monkeypatch.setattr(webbrowser, "get", lambda using=None: nothing())
    with pytest.raises(NoBrowser, match=r"\$BROWSER"):
        plan_open("https://e.org", {})


def test_stars_are_kept_beside_read_marks(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = ReadState.load(path)
    assert state.toggle_starred("k1") is True
    state.set_read("k2", True)
    assert state.save() is None
    data = json.loads(path.read_text())
    assert data["articles"] == {"k1": {"starred": True}, "k2": {"read": True}}
    again = ReadState.load(path)
    assert again.is_starred("k1") and not again.is_starred("k2") and again.is_read("k2")
    assert again.toggle_starred("k1") is False
    again.save()
    assert ReadState.load(path).starred == set()


def test_remembered_choices_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    assert load_preferences(path) == {}
    assert remember({"sort": "title"}, path) is None
    assert remember({"list_width": 40}, path) is None
    assert load_preferences(path) == {"sort": "title", "list_width": 40}
    path.write_text("{broken")
    assert load_preferences(path) == {}


def test_sort_ties_keep_the_folder_order() -> None:
    same_day = [art("b", "2020-01-01", "X", path="/n/1.txt"), art("a", "2020-01-01", "X", path="/n/2.txt")]
    assert titles(sort_articles(same_day, "oldest")) == ["b", "a"]  # as given (the folder's order)
    assert titles(sort_articles(same_day, "source")) == ["b", "a"]


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

entry = st.builds(
    lambda title, day, source, quotes, n: art(title, f"2020-01-{day:02d}" if day else None, source or None,
                                              path=f"/n/{n}.txt", quotes=quotes),
    st.text(max_size=8), st.integers(0, 28), st.text(max_size=5), st.none() | st.integers(0, 9), st.integers(),
)


@given(st.lists(entry, max_size=12), st.sampled_from(SORTS))
def test_every_order_is_a_permutation_in_order(articles: list[Article], order: str) -> None:
    from newsreader.sorting import key_function

    ordered = sort_articles(articles, order)
    assert sorted(map(id, ordered)) == sorted(map(id, articles))
    if order != "newest":
        keys = [key_function(order, {})(a) for a in ordered]
        assert keys == sorted(keys)


def test_meta_line_host_is_a_link_in_the_document_and_in_rich_output() -> None:
    from rich.console import Console

    from newsreader.render import build_document, to_rich_text

    article = art("Title", "2019-03-28", "Wikinews", url="https://en.wikinews.org/wiki/X")
    doc = build_document(article)
    (start, end, url), = doc.links
    assert doc.text[start:end] == "en.wikinews.org" and url == "https://en.wikinews.org/wiki/X"
    assert doc.text.split("\n")[2] == "2019-03-28 · Wikinews · en.wikinews.org"
    console = Console(force_terminal=True, color_system="truecolor", width=80, file=None)
    with console.capture() as capture:
        console.print(to_rich_text(doc))
    assert "\x1b]8;" in capture.get() and "https://en.wikinews.org/wiki/X" in capture.get()
    assert build_document(art("T", url="javascript:alert(1)")).links == []


URL_FIELDS = st.one_of(
    st.text(max_size=60),
    st.builds(lambda scheme, host, rest: f"{scheme}://{host}/{rest}",
              st.sampled_from(["http", "HTTPS", "javascript", "file", "data", ""]), st.text(max_size=12),
              st.text(max_size=12)),
)


@given(URL_FIELDS)
def test_any_url_field_gives_a_web_url_or_the_file(url: str) -> None:
    """Whatever `url:` holds, `o`/`Y` get an http(s) URL without spaces or control characters, or the
    article's own file: never a javascript:, data: or local path from the file."""
    from urllib.parse import urlsplit

    article = art("t", url=url, path="/news/a b.txt")
    link = article_link(article)
    if link.startswith("file://"):
        assert link == Path("/news/a b.txt").resolve().as_uri()
    else:
        assert urlsplit(link).scheme.lower() in ("http", "https") and link == url.strip()
        assert not any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in link)
        assert url_host(article)
