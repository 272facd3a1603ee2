"""Property tests (hypothesis) over arbitrary text and bytes: the sanitiser, the loader, the renderer, the
reader's piecewise wrap and find never raise, and nothing they hand on can reach the terminal as a control.

(The analysis engine has its own property tests for its offsets.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from newsreader.analysis.model import Actor, Analysis, Mention, Quote
from newsreader.articles import Article, decode_bytes, load_file
from newsreader.markdown_text import StyleSpan
from newsreader.render import build_document, iter_wrapped_text, to_rich_text
from newsreader.sanitize import clean_line, clean_text
from newsreader.search import find_matches
from newsreader.wrap import wrap_offsets
from tests.hostile import ATTACK, FORBIDDEN_CHARS, MARKUP

FORBIDDEN = set(FORBIDDEN_CHARS)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like what people and attackers put in articles: escapes, markup, bidi, quotes, YAML.
PIECES = [ATTACK, MARKUP, "\x1b]2;t\x07", "\x1b[2J", "\x9b31m", "\u202e", "\r", "\r\n", "\t", "\x00", "\ud800",
          "“", "”", '"', "---\n", "title: ", "date: 2023-02-30\n", "&a [*a]", "!!python/object:os.system ",
          "# ", "**", "[x](y)", "\u2028", "漢字", "👩‍👩‍👧", "e\u0301", "\n\n", " " * 30, "x" * 120,
          # Markdown character references that decode to controls, and nesting markdown-it gives up on
          "&#x202e;", "&#x2066;", "&#x200f;", "&#x61c;", "&#x0d;", "&#x09;", "&#x2028;", "&#x1b;", "&#13;",
          "> " * 25, "`" * 40, "- " * 25]
hostile_text = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(PIECES)), max_size=25).map("".join)


def clean_of_controls(text: str, allow: str = "") -> bool:
    return not any(c in FORBIDDEN or "\ud800" <= c <= "\udfff" for c in text if c not in allow)


@SETTINGS
@given(hostile_text)
def test_clean_text_and_clean_line_leave_no_control_and_are_idempotent(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_of_controls(cleaned) and "\t" not in cleaned
    assert clean_text(cleaned) == cleaned
    line = clean_line(text, 50)
    assert clean_of_controls(line) and "\n" not in line and "\t" not in line and len(line) <= 50


@SETTINGS
@given(st.binary(max_size=3000))
def test_decode_bytes_gives_text_or_a_clear_value_error(data: bytes) -> None:
    try:
        text, notices = decode_bytes(data)
    except ValueError as exc:
        assert str(exc).startswith("binary file (not text): ")
        return
    assert isinstance(text, str) and all(isinstance(n, str) for n in notices)


def _file_bytes() -> st.SearchStrategy[bytes]:
    encoded = st.tuples(hostile_text, st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"])).map(
        lambda t: t[0].encode(t[1], errors="replace") if "16" not in t[1] else t[0].encode(t[1], errors="surrogatepass")
    )
    front = st.tuples(hostile_text, hostile_text).map(
        lambda t: f"---\n{t[0]}\n---\n{t[1]}".encode("utf-8", "surrogatepass")
    )
    return st.one_of(st.binary(max_size=2000), encoded, front)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


@SETTINGS
@given(data=_file_bytes(), suffix=st.sampled_from([".txt", ".md", ".markdown", ".yaml", ".yml"]))
def test_the_loader_never_raises_and_hands_on_only_clean_text(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"article{suffix}"
    path.write_bytes(data)
    articles = load_file(path)
    assert articles
    for a in articles:
        assert a.title and clean_of_controls(a.title) and "\n" not in a.title and "\t" not in a.title
        assert clean_of_controls(a.body, allow="\n") and "\t" not in a.body and "\r" not in a.body
        for text in (*a.notices, a.error or "", *a.extra, *a.extra.values(), a.author or "", a.source or ""):
            assert clean_of_controls(text) and "\n" not in text, text
        for span in a.styles:
            assert 0 <= span.start <= span.end <= len(a.body)
        assert (a.error is None) or not a.body


spans = st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400)), max_size=8)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    quotes = [Quote("q", s, e, draw(st.sampled_from([None, "X"])),
                    Mention(e, e + 2, "X") if draw(st.booleans()) else None) for s, e in draw(spans)]
    actors = [Actor(draw(st.text(max_size=10)), draw(st.sampled_from(["person", "organisation", "place"])),
                    [Mention(s, e, "m") for s, e in draw(spans)]) for _ in range(draw(st.integers(0, 3)))]
    return Analysis(quotes=quotes, actors=actors)


@SETTINGS
@given(title=hostile_text, body=hostile_text, notices=st.lists(hostile_text, max_size=3),
       styles=spans, analysis=st.one_of(st.none(), analyses()), error=st.one_of(st.none(), hostile_text),
       highlight=st.booleans(), width=st.integers(1, 120), matches=spans, current=st.integers(-2, 8))
def test_the_renderer_never_raises(title: str, body: str, notices: list[str], styles: list[tuple[int, int]],
                                   analysis: Analysis | None, error: str | None, highlight: bool, width: int,
                                   matches: list[tuple[int, int]], current: int) -> None:
    article = Article(Path("x.txt"), clean_line(title) or "t", body=clean_text(body), notices=notices, error=error,
                      styles=[StyleSpan(s, e, "strong") for s, e in styles])
    document = build_document(article, analysis, highlight=highlight)
    assert document.text[document.body_offset:].startswith(article.body) or not article.body.strip()
    found = sorted((min(s, e), max(s, e)) for s, e in matches)
    rich = to_rich_text(document, found, current)
    assert rich.plain == document.text
    chunks = list(iter_wrapped_text(document, width, found, current))
    # wrapping only moves whitespace: every visible character is printed, in order (a zero-width character
    # alone at the end of a paragraph, e.g. a ZWSP after the last space, is dropped by wrap_offsets)
    def visible(text: str) -> str:
        return "".join(ch for ch in "".join(text.split()) if cell_len(ch) > 0)

    assert visible("".join(c.plain for c in chunks)) == visible(document.text)


@SETTINGS
@given(text=st.lists(st.one_of(st.text(max_size=30), st.sampled_from(["\n", " " * 9, "y" * 70, "漢字" * 20])),
                     max_size=60).map("".join),
       width=st.integers(1, 30), budgets=st.lists(st.integers(1, 3000), min_size=1, max_size=20))
@example(text="y" * 282 + "\x1b\x80", width=3, budgets=[1])  # an ESC measured as a cell split the word
def test_the_readers_piecewise_wrap_equals_wrapping_at_once(text: str, width: int, budgets: list[int]) -> None:
    from newsreader.render import Document
    from newsreader.ui.article_view import ArticleView

    view = ArticleView()  # not mounted: only its wrapping state is used
    view.document = Document(text, 0)
    view._paras = view.document.paragraphs()
    view._wrap_width = width
    view._lines, view._line_starts, view._wrap_pos = [], [], (0, 0)
    i = 0
    while not view.wrap_complete:
        view._wrap_some(budgets[i % len(budgets)])
        i += 1
        assert i < 100_000
    expected = [
        (p, ps + s, ps + e) for p, (ps, pe) in enumerate(view._paras) for s, e in wrap_offsets(text[ps:pe], width)
    ]
    assert view._lines == expected
    assert view._line_starts == [s for _, s, _ in expected]


@SETTINGS
@given(text=hostile_text, query=st.one_of(hostile_text, st.text(max_size=8), st.sampled_from(
           ["(a+)+", "a*", "\\b", "[", "(?i)x", "\\", "^$", ".*", "(", "x{99999}", "(?P<n>a)(?P=n)", "é", "ß"])),
       regex=st.booleans(), whole_word=st.booleans())
def test_find_never_raises(text: str, query: str, regex: bool, whole_word: bool) -> None:
    assume(len(text) < 5000)
    result = find_matches(text, query, regex=regex, whole_word=whole_word)
    last = 0
    for start, end in result.matches:
        assert last <= start < end <= len(text)
        last = end
    if result.error is not None:
        assert result.matches == [] and "\n" not in result.error
