"""Article extraction from pages, and saved .html/.htm files read as articles by the one loader."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("trafilatura")

from newsreader.articles import load_file
from newsreader.session import load_folder as scan
from newsreader.web import INSTALL_HINT
from newsreader.web import extract as extract_module
from newsreader.web.extract import NoArticleText, drop_title_heading, extract_page
from tests.web_server import article_page, story


@pytest.fixture(autouse=True)
def _fresh_memory_cache() -> None:
    """Each test has its own cache directory: the in-process cache must not carry pages across tests."""
    extract_module._cache.clear()


BOILERPLATE_WORDS = ("Subscribe now", "cookies", "ADVERTISEMENT", "Most read", "First! This is a reader comment",
                     "All rights reserved", "Cookie policy")


def test_boilerplate_is_dropped_and_paragraphs_kept() -> None:
    title, paragraphs = story(1)
    found = extract_page(article_page(title, paragraphs).encode(), "http://news.invalid/1.html")
    for word in BOILERPLATE_WORDS:
        assert word not in found.body
    assert found.body.split("\n\n") == paragraphs  # one paragraph each, in order, the title heading gone
    assert found.title == title
    assert (found.author, found.date, found.source) == ("Jane Reporter", "2025-03-04", "The Daily Example")
    assert found.url == "http://news.invalid/1.html"


@pytest.mark.parametrize("charset, text", [("windows-1252", "Café “quoted” – naïve"), ("iso-8859-1", "Ærø, Müller"),
                                           ("shift_jis", "東京で会議が開かれた")])
def test_pages_in_other_charsets(charset: str, text: str) -> None:
    paragraphs = [f"{text}. " + "The meeting went on for a long time and many people spoke at it." * 2] * 3
    data = article_page("Title", paragraphs, charset=charset).encode(charset)
    assert text in extract_page(data).body  # the page's own <meta charset>
    no_meta = data.replace(f'<meta charset="{charset}">'.encode(), b"")
    assert text in extract_page(no_meta, charset=charset).body  # the HTTP header's charset


def test_entities_and_markup_characters_survive(tmp_path: Path) -> None:
    paragraphs = ["Profits &amp; losses were &lt;b&gt;not&lt;/b&gt; discussed,"
                  " said the chair, “at length”, to *nobody*."
                  " More words to make the paragraph long enough to count as article text."] * 2
    (tmp_path / "e.html").write_text(article_page("Entities", paragraphs), encoding="utf-8")
    (article,) = load_file(tmp_path / "e.html")  # the body is Markdown: its escapes are read back
    assert "Profits & losses were <b>not</b> discussed, said the chair, “at length”, to *nobody*." in article.body


def test_a_page_without_article_text() -> None:
    with pytest.raises(NoArticleText, match="no article text"):
        extract_page(b"<html><head><title>App</title></head><body><nav><a href='/'>Home</a></nav>"
                     b"<script>render()</script></body></html>")


def test_the_same_bytes_are_extracted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = extract_module._extract
    monkeypatch.setattr(extract_module, "_extract", lambda html, url: calls.append(1) or real(html, url))
    data = article_page(*story(7)).encode() + b"<!-- unique 7 -->"
    first = extract_page(data)
    extract_page(data)
    extract_module._cache.clear()  # as in a new session: the disk cache answers
    assert extract_page(data) == first
    empty = b"<html><body><nav>Home</nav></body></html>"
    for _ in range(2):
        with pytest.raises(NoArticleText):
            extract_page(empty)
        extract_module._cache.clear()
    assert len(calls) == 2  # one page, one page without text: each extracted once
    extract_page(data + b" ", keep=False)
    extract_module._cache.clear()
    extract_page(data + b" ", keep=False)
    assert len(calls) == 4  # a page read once (fetched to be written as a file) is not kept on disk


def test_title_heading_is_dropped_only_when_it_repeats_the_title() -> None:
    assert drop_title_heading("# Big News!\n\nText", "Big news") == "Text"
    assert drop_title_heading("# Other\n\nText", "Big news") == "# Other\n\nText"


# ------------------------------------------------------------------------------ saved pages in a folder


def saved_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "saved"
    folder.mkdir()
    title, paragraphs = story(3)
    (folder / "council.html").write_text(article_page(title, paragraphs), encoding="utf-8")
    (folder / "empty.htm").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (folder / "note.txt").write_text("A note\n\nText.", encoding="utf-8")
    return folder


def test_saved_pages_are_articles(tmp_path: Path) -> None:
    library = scan(saved_folder(tmp_path))
    by_name = {a.path.name: a for a in library.articles}
    page = by_name["council.html"]
    assert page.error is None and page.title == story(3)[0]
    assert page.body.startswith("The city council voted") and "Subscribe now" not in page.body
    assert (page.source, page.author, str(page.date)) == ("The Daily Example", "Jane Reporter", "2025-03-04")
    assert by_name["empty.htm"].error == "no article text found in this page"
    assert by_name["note.txt"].error is None


def test_saved_page_via_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsreader.cli import main

    assert main(["show", "--width", "200", str(saved_folder(tmp_path) / "council.html")]) == 0
    out = capsys.readouterr().out
    title, paragraphs = story(3)
    assert out.startswith(title)
    assert paragraphs[1] in out and "Most read" not in out


def test_without_the_extra_a_page_is_listed_with_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # `import trafilatura` now raises ImportError
    folder = saved_folder(tmp_path)
    (folder / "other.html").write_text(article_page("Another", ["A paragraph."]), encoding="utf-8")
    (article,) = load_file(folder / "other.html")
    assert article.error == INSTALL_HINT == "install newsreader[web] to read web pages"
    assert article.title == "other"
    assert load_file(folder / "note.txt")[0].error is None  # the reader itself still works


def test_a_page_too_big_to_extract_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: calls.append(1))
    page = b"<html><body><article>" + b"<p>Words, said Bob, and more words.</p>" * 40_000 + b"</article></body></html>"
    with pytest.raises(NoArticleText, match=r"page too large to extract \(40,00\d HTML elements; at most 30,000\)"):
        extract_page(page)
    assert calls == []  # refused before the costly part ran


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=3000), st.sampled_from(["{}", "<p>{}</p>", "<html><body><article>{}</article></body></html>"]))
def test_any_markup_is_an_article_or_no_article_text(text: str, frame: str) -> None:
    try:
        found = extract_page(frame.format(text))
    except NoArticleText as exc:
        assert "\n" not in str(exc)
    else:
        assert found.body.strip()


def test_a_warm_session_lists_and_opens_saved_pages_without_extracting(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from newsreader.session import Session

    folder = saved_folder(tmp_path)
    cold = Session(folder)
    cold.refresh()
    titles = sorted(a.title for a in cold.articles)
    cold.close()
    extract_module._cache.clear()  # a new process: only the index and the disk cache remain
    calls = []
    monkeypatch.setattr(extract_module, "_extract", lambda *a: calls.append(a) or pytest.fail("extracted again"))
    warm = Session(folder)
    assert sorted(a.title for a in warm.warm_start()) == titles
    warm.refresh()
    page = next(a for a in warm.articles if a.path.name == "council.html")
    assert warm.full_article(page).body.startswith("The city council voted")
    warm.close()
    assert calls == []
