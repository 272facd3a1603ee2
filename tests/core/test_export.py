"""HTML/SVG export: a web page of flowing text (metadata, highlights, speakers named, who said what, legend
of kinds), an SVG that keeps its spaces in a real renderer; article text is data, never markup."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsreader.analysis import analyse_article
from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article
from newsreader.export import ExportError, check_output, export, record, to_html, to_svg
from newsreader.render import KIND_LEGEND, RICH_STYLES
from newsreader.session import load_folder as scan
from tests.conftest import SEED, SEED_TITLE
from tests.svg_render import words_on_line

QUOTE_COLOUR = re.findall(r"#[0-9a-f]{6}", RICH_STYLES["quote"])[0]


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


class Tags(HTMLParser):
    """Checks that every element opened is closed, in order (the page is well formed)."""

    VOID = {"meta", "hr", "br", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.seen.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing"


def well_formed(page: str) -> list[str]:
    parser = Tags()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser.seen


def visible(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<style>.*?</style>", "", page, flags=re.S)))


def test_html_is_flowing_text_with_highlights_and_a_legend_of_kinds() -> None:
    page = to_html(seed_items(), title=SEED_TITLE)
    tags = well_formed(page)
    assert page.startswith("<!DOCTYPE html>") and "pre" not in tags and "code" not in tags
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert f"<title>{html.escape(SEED_TITLE)}</title>" in page and f"<h1>{html.escape(SEED_TITLE)}</h1>" in page
    paragraphs = [p for p in scan(SEED).articles[0].body.split("\n") if p.strip()]
    assert tags.count("p") >= len(paragraphs)  # each paragraph its own, wrapped by the browser
    # the first quotation, in the quote style, says who said it
    assert re.search(r'<span class="quote" title="said by Ken Hu">Trust needs to be based on facts', page)
    assert re.search(r'<span class="organisation" title="Huawei \(organisation\)">Huawei</span>', page)
    legend = page[page.index('<footer class="legend">'):]
    assert [label for label, _ in KIND_LEGEND if html.escape(label) in legend] == [label for label, _ in KIND_LEGEND]
    assert "find match" not in page and "current match" not in page


def test_html_names_the_speaker_of_he_wrote() -> None:
    page = to_html(seed_items(), title=SEED_TITLE)
    said = re.search(r'<span class="quote" title="said by Donald Trump">I want the </span>', page)
    assert said is not None
    assert re.search(r'<span class="speaker" title="Donald Trump, speaking">he</span>'
                     r'<span class="resolved"> \[Donald Trump\]</span> wrote', page)
    who = page[page.index("<h2>Who said what</h2>"):]
    trump = re.search(r'<span class="speaker">Donald Trump</span>.*?</li></ol>', who)
    assert trump is not None and "I want the United States to win" in trump.group(0)
    assert visible(who).index("Ken Hu") < visible(who).index("Donald Trump")  # most quoted first


def test_html_shows_the_metadata_and_links_only_web_addresses() -> None:
    body = '"Fine," said Jane Doe.'
    art = Article(Path("/x/m.txt"), "Meta", body, date=dt.date(2020, 1, 2), source="Wire", author="Ann <b>",
                  url="https://example.org/a?b=1&c=2", tags=("eu", "tech"), license="CC BY", extra={"desk": "Europe"})
    text = visible(to_html([(art, None)]))
    for shown in ("Date2020-01-02", "SourceWire", "AuthorAnn <b>", "Addresshttps://example.org/a?b=1&c=2",
                  "Tagseu, tech", "LicenceCC BY", "deskEurope", "Filem.txt"):
        assert shown in text
    page = to_html([(art, None)])
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">' in page
    art.url = "javascript:alert(1)"
    assert "<a " not in to_html([(art, None)]) and "javascript:alert(1)" in visible(to_html([(art, None)]))


def test_svg_has_title_quotation_speakers_and_legend_of_kinds() -> None:
    svg = to_svg(seed_items(), title=SEED_TITLE, width=100)
    assert svg.lstrip().startswith('<svg xml:space="preserve" ')
    text = svg_text(svg)
    assert SEED_TITLE in text  # window title and first line
    assert "Trust needs to be based on facts" in text and "he [Donald Trump] wrote" in text
    assert "Highlights" in text and all(label in text for label, _ in KIND_LEGEND)
    assert "find match" not in text
    assert QUOTE_COLOUR in svg and "font-style: italic" in svg


def test_svg_keeps_its_spaces_in_a_real_renderer() -> None:
    """librsvg drops the spaces at the ends of each run of text unless told to keep them: "Paris is big"
    was drawn "Parisis big" (a highlighted word is a run of its own)."""
    body = "Paris is big and Rome is old."
    analysis = Analysis(actors=[Actor("Paris", "place", [Mention(0, 5, "Paris")]),
                                Actor("Rome", "place", [Mention(17, 21, "Rome")])])
    svg = to_svg([(Article(Path("/x/p.txt"), "T", body), analysis)], width=40)
    assert words_on_line(svg, "Paris", 40) == 7
    unpreserved = svg.replace('<svg xml:space="preserve" ', "<svg ", 1)
    assert words_on_line(unpreserved, "Paris", 40) < 7  # the check sees the bug it guards against


def test_markup_in_an_article_is_literal() -> None:
    art, analysis = hostile()
    page = to_html([(art, analysis)], title=art.title)
    well_formed(page)
    text = visible(page)
    assert "[bold]not bold[/bold]" in text and "[red]x[/]" in text
    assert "Title [italic]with[/italic] {braces} <b>&" in text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<title>Title [italic]with[/italic] {braces} &lt;b&gt;&amp;</title>" in page
    svg = to_svg([(art, analysis)], title=art.title)
    assert "<script>" not in svg and "<b>" not in svg
    assert "[bold]not bold[/bold]" in svg_text(svg)
    # the quotation is still highlighted next to the literal brackets
    assert re.search(r'<span class="quote" title="said by Jane Doe">a quote here,</span>', page)


def test_no_color_environment_does_not_strip_export_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    assert QUOTE_COLOUR in to_svg(seed_items()) and QUOTE_COLOUR in to_html(seed_items())


def test_plain_export_has_no_highlights_or_legend() -> None:
    lib = scan(SEED)
    page = to_html([(a, None) for a in lib.articles])
    assert 'class="quote' not in page and "Highlights" not in page and "Who said what" not in page
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


def test_a_long_article_is_drawn_up_to_a_bound_and_says_where_the_rest_is() -> None:
    art = Article(Path("/x/long.txt"), "Long", "\n\n".join(f"Paragraph {i} of many." for i in range(500)))
    text = record([(art, Analysis())], width=40, max_lines=30).export_text(clear=False)
    lines = text.splitlines()
    assert "Paragraph 12 of many." in text and "Paragraph 20 of many." not in text
    said = " ".join(" ".join(lines).split())
    assert "The picture stops after 30 lines; the HTML export (--html) has the whole article." in said
    assert len(lines) < 40
    assert "Paragraph 499 of many." in visible(to_html([(art, Analysis())]))


@given(
    st.text(alphabet=st.sampled_from(list("ab <>&\"'\n“”[]")), max_size=60),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["person", "place"])), max_size=5),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.booleans()), max_size=4),
)
@settings(max_examples=150, deadline=None)
def test_any_article_becomes_a_well_formed_page_with_all_its_text(
    body: str, mentions: list[tuple[int, int, str]], quotes: list[tuple[int, int, bool]]
) -> None:
    n = len(body)

    def span(a: int, b: int) -> tuple[int, int]:
        return min(a, b, n), min(max(a, b), n)

    actors = [Actor(f"A{i}", kind, [Mention(*span(a, b), "x")]) for i, (a, b, kind) in enumerate(mentions)]
    quote_list = []
    for a, b, named in quotes:
        s, e = span(a, b)
        speaker, mention = ("He Who", Mention(s, e, body[s:e])) if named else (None, None)
        quote_list.append(Quote(body[s:e], s, e, speaker, mention))
    art = Article(Path("/x/h.txt"), "T", body)
    page = to_html([(art, Analysis(quotes=quote_list, actors=actors))])
    well_formed(page)
    shown = page[page.index("</dl>") + 5:page.index("</article>")]  # the body: after the metadata
    shown = re.sub(r'<section class="who">.*', "", shown, flags=re.S)
    shown = re.sub(r'<span class="resolved"> \[He Who\]</span>', "", shown)
    if body.strip():
        assert "".join(visible(shown).split()) == "".join(body.split())  # every character, none added
