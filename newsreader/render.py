"""Article + Analysis (+ find matches) -> a styled document.

One place decides what the reading pane shows: the document text (title, meta line, notices, body),
and layered style spans named by role ("quote", "person", "match"...). The Textual reader maps the
names to component classes (theme-aware); `show`/export map them to Rich styles via `to_rich_text`.
Layer order is precedence: current match > matches > actors > quotes (later layers win).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from newsreader.markdown_text import StyleSpan
from newsreader.sanitize import clean_line
from newsreader.wrap import wrap_offsets

if TYPE_CHECKING:  # the reader imports this module at start-up: keep the loader (and yaml) and the analysis out
    from newsreader.analysis.model import Analysis
    from newsreader.articles import Article

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
    "resolved": "dim",
}

# What the highlights mean, in order: (label, style name). Printed and exported pages show these;
# the reader's help screen adds the find highlights (`LEGEND`), which only exist while finding.
KIND_LEGEND: tuple[tuple[str, str], ...] = (
    ("“quotation”", "quote"),
    ("Speaker", "speaker"),
    ("Person", "person"),
    ("Organisation", "organisation"),
    ("Place", "place"),
)
LEGEND: tuple[tuple[str, str], ...] = (*KIND_LEGEND, ("find match", "match"), ("current match", "current-match"))

ANALYSIS_LAYERS = ("quote", "quote-mark", "person", "organisation", "place", "speaker")

@dataclass(slots=True)
class Document:
    """What the reading pane shows: `text` is searched by find; `spans` are sorted by layer."""

    text: str
    body_offset: int  # where the article body starts in `text`
    spans: list[StyleSpan] = field(default_factory=list)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, URL): OSC 8 hyperlinks

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of every line of `text` (a paragraph is one line; blank lines separate them)."""
        out: list[tuple[int, int]] = []
        start = 0
        for line in self.text.split("\n"):  # split + lengths: several times faster than find() in a loop
            end = start + len(line)
            out.append((start, end))
            start = end + 1
        return out


def meta_line(article: Article, quote_count: int | None = None) -> str:
    """"2019-03-28 · Wikinews · by Jane Doe · 4 quotations" (parts that exist); the file name stands in
    when there is neither date nor source, so every article says where it comes from."""
    parts: list[str] = []
    if article.date:
        parts.append(article.date.isoformat())
    if article.source:
        parts.append(article.source)
    if not parts:
        parts.append(article.display_name)
    if article.author:
        parts.append(f"by {article.author}")
    if quote_count is not None:
        parts.append(f"{quote_count} quotation{'s' if quote_count != 1 else ''}")
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
    quote_count: int | None = None,
) -> Document:
    """Compose title, meta line, notices and body, with base styles and (optionally) analysis layers.

    `quote_count` overrides the count in the meta line (when `analysis` is narrowed to one actor).
    """
    if quote_count is None and analysis is not None:
        quote_count = len(analysis.quotes)
    # The loader hands on clean text; the header lines are cleaned again (they are short) so an Article
    # built anywhere else (an index, a test) still cannot put a control character on the screen.
    from newsreader.links import url_host, web_url

    meta = clean_line(meta_line(article, quote_count))
    host = url_host(article)
    if host:
        meta += " · "
        link_at = len(clean_line(article.title) or "(untitled)") + 2 + len(meta)
        meta += host
    parts: list[tuple[str, str]] = [
        (clean_line(article.title) or "(untitled)", "title"), ("", ""), (meta, "meta"),
    ]
    if article.error:
        parts.append((f"⚠ Could not read this file: {clean_line(article.error)}", "error"))
    for notice in article.notices:
        parts.append((f"⚠ {clean_line(notice)}", "notice"))
    if analysis is not None and not article.error:
        from newsreader.analysis import analysis_notice  # loaded with the analysis

        if partly := analysis_notice(article.body):
            parts.append((f"⚠ {partly}", "notice"))
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
    links = []
    if host:
        links.append((link_at, link_at + len(host), web_url(article) or ""))
        spans.append(StyleSpan(link_at, link_at + len(host), "link"))
    return Document("".join(pieces), body_offset, spans, links)


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
    for start, end, url in document.links:
        text.stylize(Style(link=url), start, end)
    return text


def _all_spans(
    spans: Iterable[StyleSpan], matches: Sequence[tuple[int, int]], current: int
) -> list[StyleSpan]:
    return list(spans) + match_spans(matches, current)


def iter_wrapped_text(
    document: Document,
    width: int,
    matches: Sequence[tuple[int, int]] = (),
    current: int = -1,
    styles: dict[str, str] | None = None,
    chunk_chars: int = 64 * 1024,
) -> Iterator[Text]:
    """The document wrapped to `width` cells (as the reader wraps it), as Rich `Text`s of whole lines.

    For printing big documents: Rich's own wrapping of one multi-megabyte `Text` is slow (and grows
    faster than the text), so lines are wrapped here with `wrap_offsets` and handed over in chunks of
    about `chunk_chars` characters, to be printed with `soft_wrap=True`. Each chunk ends at a paragraph
    end; it carries no trailing newline.
    """
    styles = RICH_STYLES if styles is None else styles
    width = max(1, width)
    paras = document.paragraphs()
    text = document.text
    # paragraph-aligned chunks: [first paragraph, last paragraph + 1)
    bounds: list[tuple[int, int]] = []
    first = 0
    for i, (_ps, pe) in enumerate(paras):
        if pe - paras[first][0] >= chunk_chars or i == len(paras) - 1:
            bounds.append((first, i + 1))
            first = i + 1
    starts = [paras[a][0] for a, _ in bounds]
    buckets: list[list[StyleSpan]] = [[] for _ in bounds]
    for span in _all_spans(document.spans, matches, current):  # layer order is kept inside each bucket
        if span.end <= span.start or not styles.get(span.style):
            continue
        for c in range(max(0, bisect_right(starts, span.start) - 1), len(bounds)):
            if starts[c] >= span.end:
                break
            buckets[c].append(span)
    for (a, b), spans in zip(bounds, buckets, strict=True):
        pieces: list[str] = []
        line_src: list[int] = []  # document offset of each output line's start
        line_out: list[int] = []  # where that line starts in the chunk's text
        line_len: list[int] = []
        out = 0
        for ps, pe in paras[a:b]:
            for s, e in wrap_offsets(text[ps:pe], width):
                line_src.append(ps + s)
                line_out.append(out)
                line_len.append(e - s)
                pieces.append(text[ps + s: ps + e])
                out += e - s + 1
        chunk = Text("\n".join(pieces), end="")

        def to_out(offset: int, line_src: list[int] = line_src, line_out: list[int] = line_out,
                   line_len: list[int] = line_len) -> int:
            i = max(0, bisect_right(line_src, offset) - 1)
            return line_out[i] + min(max(0, offset - line_src[i]), line_len[i])

        for span in spans:
            s, e = to_out(span.start), to_out(span.end)
            if s < e:
                chunk.stylize(styles[span.style], s, e)
        yield chunk


def legend_text(styles: dict[str, str] | None = None) -> Text:
    """One line naming every analysis highlight (`KIND_LEGEND`), each drawn in its style."""
    styles = RICH_STYLES if styles is None else styles
    text = Text()
    for i, (label, name) in enumerate(KIND_LEGEND):
        if i:
            text.append("  ")
        text.append(label, Style.parse(styles.get(name, "")))
    return text


def speaker_notes(body: str, analysis: Analysis) -> list[tuple[int, str]]:
    """`(offset, speaker)` just after each word that points at a speaker without naming them ("he wrote",
    "the minister said"), so printed and exported text can say who it is: "he [Donald Trump] wrote".
    A name or alias of the speaker ("Hu said") needs no note. Sorted by offset, one note per place."""
    names = {a.name: {" ".join(n.split()).casefold() for n in (a.name, *a.aliases)} for a in analysis.actors}
    notes: dict[int, str] = {}
    for q in analysis.quotes:
        sm = q.speaker_mention
        if q.speaker is None or sm is None or not 0 <= sm.start < sm.end <= len(body):
            continue
        if " ".join(sm.text.split()).casefold() not in names.get(q.speaker, {q.speaker.casefold()}):
            notes[sm.end] = q.speaker
    return sorted(notes.items())


def with_speaker_notes(document: Document, notes: Sequence[tuple[int, str]]) -> Document:
    """The document with " [Speaker]" (style "resolved") inserted at each body offset of `notes`; every
    span moves with its text (a span ending where a note goes does not take the note in)."""
    if not notes:
        return document
    base = document.body_offset
    cuts = [base + offset for offset, _ in notes]
    inserts = [f" [{clean_line(name)}]" for _, name in notes]
    added = [0]
    for text in inserts:
        added.append(added[-1] + len(text))

    def moved(pos: int, *, end: bool) -> int:
        i = bisect_left(cuts, pos) if end else bisect_right(cuts, pos)
        return pos + added[i]

    pieces: list[str] = []
    spans = [StyleSpan(moved(s.start, end=False), moved(s.end, end=True), s.style) for s in document.spans]
    prev = 0
    for cut, text in zip(cuts, inserts, strict=True):
        pieces += [document.text[prev:cut], text]
        start = moved(cut, end=True)
        spans.append(StyleSpan(start, start + len(text), "resolved"))
        prev = cut
    pieces.append(document.text[prev:])
    return Document("".join(pieces), base, spans)
