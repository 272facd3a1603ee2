"""HTML/SVG export: title, highlighted quotation, legend; article text is data, never markup."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from newsreader.analysis import analyse_article
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.export import ExportError, check_output, export, record, to_html, to_svg
from newsreader.library import scan
from newsreader.render import LEGEND, RICH_STYLES
from tests.conftest import SEED, SEED_TITLE

QUOTE_COLOUR = re.search(r"#[0-9a-f]{6}", RICH_STYLES["quote"]).group(0)  # type: ignore[union-attr]


def svg_text(svg: str) -> str:
    """The visible text of a Rich SVG (spaces are &#160;, lines are separate <text> runs)."""
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


def seed_items() -> list[tuple[Article, Analysis | None]]:
    lib = scan(SEED)
    return [(a, analyse_article(a.body, tuple(lib.hints_for(a)))) for a in lib.articles]


def hostile() -> tuple[Article, Analysis]:
    body = 'She wrote [bold]not bold[/bold] and [red]x[/] <script>alert(1)</script> & "a quote here," said Jane Doe.'
    start = body.index("a quote here,")
    analysis = Analysis(
        quotes=[Quote("a quote here,", start, start + len("a quote here,"), "Jane Doe")],
        actors=[Actor("Jane Doe", "person", [Mention(body.index("Jane"), body.index("Jane") + 8, "Jane Doe")])],
    )
    return Article(Path("/x/h.txt"), "Title [italic]with[/italic] {braces} <b>&", body), analysis


def test_html_has_title_quotation_and_legend() -> None:
    page = to_html(seed_items(), title=SEED_TITLE)
    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>{html.escape(SEED_TITLE)}</title>" in page
    # the first quotation, in the quote style (italic, warm colour), inline-styled
    span = re.search(r'<span style="([^"]*)">Trust needs to be based on facts', page)
    assert span is not None
    assert "font-style: italic" in span.group(1) and QUOTE_COLOUR in span.group(1)
    assert "<style>" in page and ".r1" not in page  # inline styles, no class stylesheet
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "Highlights" in text
    for label, _ in LEGEND:
        assert label in text


def test_svg_has_title_quotation_and_legend() -> None:
    svg = to_svg(seed_items(), title=SEED_TITLE, width=100)
    assert svg.lstrip().startswith("<svg")
    text = svg_text(svg)
    assert SEED_TITLE in text  # window title and first line
    assert "Trust needs to be based on facts" in text
    assert "Highlights" in text and all(label in text for label, _ in LEGEND)
    assert QUOTE_COLOUR in svg and "font-style: italic" in svg


def test_markup_in_an_article_is_literal() -> None:
    art, analysis = hostile()
    page = to_html([(art, analysis)], title=art.title)
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert "[bold]not bold[/bold]" in text and "[red]x[/]" in text
    assert "Title [italic]with[/italic] {braces} <b>&" in text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<title>Title [italic]with[/italic] {braces} &lt;b&gt;&amp;</title>" in page
    svg = to_svg([(art, analysis)], title=art.title)
    assert "<script>" not in svg and "<b>" not in svg
    assert "[bold]not bold[/bold]" in svg_text(svg)
    # the quotation is still highlighted next to the literal brackets
    assert re.search(r'<span style="[^"]*font-style: italic[^"]*">a quote here,</span>', page)


def test_no_color_environment_does_not_strip_export_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    page = to_html(seed_items())
    assert QUOTE_COLOUR in page


def test_plain_export_has_no_highlights_or_legend() -> None:
    lib = scan(SEED)
    page = to_html([(a, None) for a in lib.articles])
    assert QUOTE_COLOUR not in page and "Highlights" not in page
    assert "Trust needs to be based on facts" in html.unescape(page)


def test_width_is_respected_and_several_articles_are_separated() -> None:
    art, analysis = hostile()
    console = record([(art, analysis), (art, None)], width=40)
    text = console.export_text(clear=False)
    assert max(len(line) for line in text.splitlines()) <= 40
    assert "─" * 20 in text  # the rule between articles
    assert text.count("Title [italic]") == 2


def test_export_writes_both_files(tmp_path: Path) -> None:
    lib = scan(SEED)
    written = export(
        lib.articles, lambda a: analyse_article(a.body, tuple(lib.hints_for(a))),
        html_path=tmp_path / "a.html", svg_path=tmp_path / "a.svg", width=80,
    )
    assert written == [tmp_path / "a.html", tmp_path / "a.svg"]
    assert SEED_TITLE in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert SEED_TITLE in svg_text((tmp_path / "a.svg").read_text(encoding="utf-8"))


def test_bad_output_paths_are_one_line_errors(tmp_path: Path) -> None:
    lib = scan(SEED)
    with pytest.raises(ExportError, match="no such folder"):
        check_output(tmp_path / "missing" / "x.html")
    with pytest.raises(ExportError, match="is a folder"):
        check_output(tmp_path)
    # both paths are checked before anything is written
    with pytest.raises(ExportError) as info:
        export(lib.articles, None, html_path=tmp_path / "ok.html", svg_path=tmp_path / "no" / "x.svg")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "ok.html").exists()


def test_unreadable_article_exports_its_error(tmp_path: Path) -> None:
    art = Article(tmp_path / "bad.txt", "bad", error="binary file (not text)")
    page = to_html([(art, None)])
    assert "Could not read this file: binary file (not text)" in html.unescape(page)
