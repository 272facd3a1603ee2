"""Article + Analysis (+ find matches) -> a styled document.

One place decides what the reading pane shows: the document text (title, meta line, notices, body),
and layered style spans named by role ("quote", "person", "match"...). The Textual reader maps the
names to component classes (theme-aware); `show`/export map them to Rich styles via `to_rich_text`.
Layer order is precedence: current match > matches > actors > quotes (later layers win).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from rich.style import Style
from rich.text import Text

from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.markdown_text import StyleSpan

QUOTE_MARKS = "\"'“”„‟«»‘’‚‹›「」『』"

# Rich styles for output outside Textual (`show`, HTML/SVG export). The TUI uses newsreader.tcss.
RICH_STYLES: dict[str, str] = {
    "title": "bold",
    "meta": "dim",
    "notice": "bold yellow",
    "error": "bold red",
    "heading": "bold underline",
    "strong": "bold",
    "em": "italic",
    "strike": "strike",
    "link": "underline blue",
    "code": "reverse",
    "bullet": "bold",
    "blockquote": "italic dim",
    "rule": "dim",
    "quote": "italic #e0a458",
    "quote-mark": "dim",
    "speaker": "bold underline",
    "person": "#5fafff",
    "organisation": "#d787d7",
    "place": "#87d787",
    "match": "reverse",
    "current-match": "bold reverse #ffd75f",
}

# What the legend shows, in order: (label, style name).
LEGEND: tuple[tuple[str, str], ...] = (
    ("“quotation”", "quote"),
    ("Speaker", "speaker"),
    ("Person", "person"),
    ("Organisation", "organisation"),
    ("Place", "place"),
    ("find match", "match"),
    ("current match", "current-match"),
)

ANALYSIS_LAYERS = ("quote", "quote-mark", "person", "organisation", "place", "speaker")


@dataclass(slots=True)
class Document:
    """What the reading pane shows: `text` is searched by find; `spans` are sorted by layer."""

    text: str
    body_offset: int  # where the article body starts in `text`
    spans: list[StyleSpan] = field(default_factory=list)

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every line of `text` (a paragraph is one line; blank lines separate them)."""
        out: list[tuple[int, int]] = []
        start = 0
        text = self.text
        while True:
            nl = text.find("\n", start)
            if nl < 0:
                out.append((start, len(text)))
                return out
            out.append((start, nl))
            start = nl + 1


def meta_line(article: Article, quote_count: int | None = None) -> str:
    """"2019-03-28 · Wikinews · by Jane Doe · 4 quotations" (parts that exist)."""
    parts: list[str] = []
    if article.date:
        parts.append(article.date.isoformat())
    if article.source:
        parts.append(article.source)
    if article.author:
        parts.append(f"by {article.author}")
    if quote_count is not None:
        parts.append(f"{quote_count} quotation{'s' if quote_count != 1 else ''}")
    if not parts:
        parts.append(article.display_name)
    return " · ".join(parts)


def analysis_spans(body: str, analysis: Analysis, offset: int = 0) -> list[StyleSpan]:
    """Highlight layers for one analysis, shifted by `offset`: quotes, their marks, actors, speakers."""
    quotes: list[StyleSpan] = []
    marks: list[StyleSpan] = []
    actors: list[StyleSpan] = []
    speakers: list[StyleSpan] = []
    n = len(body)
    for q in analysis.quotes:
        if not (0 <= q.start < q.end <= n):
            continue
        quotes.append(StyleSpan(q.start + offset, q.end + offset, "quote"))
        if q.start > 0 and body[q.start - 1] in QUOTE_MARKS:
            marks.append(StyleSpan(q.start - 1 + offset, q.start + offset, "quote-mark"))
        if q.end < n and body[q.end] in QUOTE_MARKS:
            marks.append(StyleSpan(q.end + offset, q.end + 1 + offset, "quote-mark"))
        sm = q.speaker_mention
        if sm is not None and 0 <= sm.start < sm.end <= n:
            speakers.append(StyleSpan(sm.start + offset, sm.end + offset, "speaker"))
    for actor in analysis.actors:
        for m in actor.mentions:
            if 0 <= m.start < m.end <= n:
                actors.append(StyleSpan(m.start + offset, m.end + offset, actor.kind))
    return quotes + marks + actors + speakers


def build_document(
    article: Article,
    analysis: Analysis | None = None,
    *,
    highlight: bool = True,
) -> Document:
    """Compose title, meta line, notices and body, with base styles and (optionally) analysis layers."""
    quote_count = len(analysis.quotes) if analysis is not None else None
    parts: list[tuple[str, str]] = [(article.title, "title"), ("", ""), (meta_line(article, quote_count), "meta")]
    if article.error:
        parts.append((f"⚠ Could not read this file: {article.error}", "error"))
    for notice in article.notices:
        parts.append((f"⚠ {notice}", "notice"))
    parts.append(("", ""))
    spans: list[StyleSpan] = []
    pieces: list[str] = []
    pos = 0
    for line, style in parts:
        if style and line:
            spans.append(StyleSpan(pos, pos + len(line), style))
        pieces.append(line + "\n")
        pos += len(line) + 1
    body_offset = pos
    body = article.body
    if article.error and not body:
        body = ""
    elif not body.strip():
        body = "(This article has no text.)"
        spans.append(StyleSpan(body_offset, body_offset + len(body), "meta"))
    pieces.append(body)
    spans.extend(StyleSpan(s.start + body_offset, s.end + body_offset, s.style) for s in article.styles)
    if highlight and analysis is not None:
        spans.extend(analysis_spans(body, analysis, body_offset))
    return Document("".join(pieces), body_offset, spans)


def match_spans(matches: Sequence[tuple[int, int]], current: int = -1) -> list[StyleSpan]:
    """Find matches as the top layers; the current one last so it wins."""
    spans = [StyleSpan(s, e, "match") for i, (s, e) in enumerate(matches) if i != current]
    if 0 <= current < len(matches):
        s, e = matches[current]
        spans.append(StyleSpan(s, e, "current-match"))
    return spans


def to_rich_text(
    document: Document,
    matches: Sequence[tuple[int, int]] = (),
    current: int = -1,
    styles: dict[str, str] | None = None,
) -> Text:
    """The document as a Rich `Text` (never parsed as markup: article text is data)."""
    styles = RICH_STYLES if styles is None else styles
    text = Text(document.text, end="")
    for span in _all_spans(document.spans, matches, current):
        style = styles.get(span.style)
        if style:
            text.stylize(style, span.start, span.end)
    return text


def _all_spans(
    spans: Iterable[StyleSpan], matches: Sequence[tuple[int, int]], current: int
) -> list[StyleSpan]:
    return list(spans) + match_spans(matches, current)


def legend_text(styles: dict[str, str] | None = None) -> Text:
    """One line naming every highlight style, drawn in that style."""
    styles = RICH_STYLES if styles is None else styles
    text = Text()
    for i, (label, name) in enumerate(LEGEND):
        if i:
            text.append("  ")
        text.append(label, Style.parse(styles.get(name, "")))
    return text
