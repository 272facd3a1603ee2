"""An article as a web page: flowing text that fits any screen, its metadata, the quotations and actors
highlighted, each quotation's speaker named (a tooltip, "[Speaker]" after a pronoun, and a "who said
what" list at the end), and a legend of what the colours mean.

Pure core (no Rich, no Textual). Article text is data: every piece goes through `html.escape`; the
only markup is the page's own. Highlight roles are the names `render.py` uses, as CSS classes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsreader.actor_index import group_quotes_by_speaker
from newsreader.analysis import analysis_notice
from newsreader.analysis.model import Analysis
from newsreader.articles import Article
from newsreader.render import KIND_LEGEND, RICH_STYLES, analysis_spans, meta_line, speaker_notes
from newsreader.sanitize import clean_line, clean_text

# Light-background colours; the dark ones are the terminal's (RICH_STYLES), used when the reader's
# system prefers a dark scheme.
LIGHT = {"quote": "#8a5100", "person": "#1d5fa8", "organisation": "#8a2f8a", "place": "#2f7431"}


def _hex(role: str) -> str:
    found = re.search(r"#[0-9a-fA-F]{6}", RICH_STYLES[role])
    return found.group(0) if found else "inherit"


def stylesheet() -> str:
    """The page's CSS: a readable measure on any screen, one colour per kind, light and dark."""
    light = "".join(f"--{role}: {colour}; " for role, colour in LIGHT.items())
    dark = "".join(f"--{role}: {_hex(role)}; " for role in LIGHT)
    return f"""
:root {{ color-scheme: light dark; {light}--muted: #666; }}
@media (prefers-color-scheme: dark) {{ :root {{ {dark}--muted: #999; }} }}
body {{ margin: 0 auto; padding: 1rem 1.25rem 3rem; max-width: 42rem; font: 1.05rem/1.6 Georgia, serif; }}
h1 {{ font-size: 1.6rem; line-height: 1.25; margin: 1.5rem 0 .5rem; }}
h2 {{ font-size: 1.15rem; margin-top: 2rem; }}
p {{ margin: 0 0 1em; overflow-wrap: anywhere; }}
.meta, .resolved, .legend, dl, .notice {{ font-family: system-ui, sans-serif; font-size: .9rem; }}
.meta, .resolved, dl {{ color: var(--muted); }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0 0 1.5rem; }}
dt {{ font-weight: 600; }} dd {{ margin: 0; overflow-wrap: anywhere; }}
.notice, .error {{ color: #b36b00; }}
.quote {{ font-style: italic; color: var(--quote); }} .quote-mark {{ opacity: .6; }}
.speaker {{ font-weight: bold; text-decoration: underline; }}
.person {{ color: var(--person); }} .organisation {{ color: var(--organisation); }} .place {{ color: var(--place); }}
.heading {{ font-weight: bold; font-size: 1.1em; }}
.strong, .bullet {{ font-weight: bold; }} .em {{ font-style: italic; }}
.strike {{ text-decoration: line-through; }} .link {{ text-decoration: underline; }}
.code {{ font-family: monospace; }} .blockquote {{ font-style: italic; opacity: .8; }}
[title] {{ cursor: help; }}
.who ol {{ margin-top: .25rem; }} .who li {{ margin-bottom: .35rem; }}
.legend span {{ margin-right: 1rem; }}
hr {{ margin: 3rem 0; }}
"""


@dataclass(frozen=True, slots=True)
class _Layer:
    """A body range with a class (`role`) and/or a tooltip (`title`)."""

    start: int
    end: int
    role: str | None
    title: str | None


def _layers(article: Article, body: str, analysis: Analysis | None) -> list[_Layer]:
    """Markdown styles, then the analysis highlights, then the tooltips: who said a quotation, who a
    mention is. Later layers win a tooltip (the innermost range is the most specific)."""
    layers = [_Layer(s.start, s.end, s.style, None) for s in article.styles]
    if analysis is None:
        return layers
    layers += [_Layer(s.start, s.end, s.style, None) for s in analysis_spans(body, analysis)]
    for q in analysis.quotes:
        layers.append(_Layer(q.start, q.end, None, f"said by {q.speaker}" if q.speaker else "speaker not named"))
    for actor in analysis.actors:
        layers += [_Layer(m.start, m.end, None, f"{actor.name} ({actor.kind})") for m in actor.mentions]
    for q in analysis.quotes:
        sm = q.speaker_mention
        if sm is not None and q.speaker:
            layers.append(_Layer(sm.start, sm.end, None, f"{q.speaker}, speaking"))
    n = len(body)
    return [layer for layer in layers if 0 <= layer.start < layer.end <= n]


def _segments(body: str, layers: Sequence[_Layer], notes: Sequence[tuple[int, str]]) -> Iterable[str]:
    """The body as HTML, one `<p>` per line: the text is cut wherever a layer starts or ends, each piece
    a `<span>` with the classes and tooltip of the layers over it (so nothing nests or crosses lines)."""
    cuts = {0, len(body)} | {offset for offset, _ in notes}
    for layer in layers:
        cuts.update((layer.start, layer.end))
    for newline in re.finditer("\n", body):
        cuts.update((newline.start(), newline.end()))
    starts: dict[int, list[int]] = {}
    for i, layer in enumerate(layers):
        starts.setdefault(layer.start, []).append(i)
    note_at = dict(notes)
    active: list[int] = []
    line: list[str] = []
    points = sorted(cuts)
    for a, b in pairwise(points):
        active = [i for i in active if layers[i].end > a] + starts.get(a, [])
        piece = body[a:b]
        if piece == "\n":
            yield from _paragraph(line)
            line = []
        else:
            line.append(_span(piece, [layers[i] for i in active]))
        if b in note_at:
            line.append(f'<span class="resolved"> [{html.escape(note_at[b])}]</span>')
    yield from _paragraph(line)


def _span(text: str, over: Sequence[_Layer]) -> str:
    roles = list(dict.fromkeys(layer.role for layer in over if layer.role))
    titles = [layer.title for layer in over if layer.title]
    text = html.escape(text)
    if not roles and not titles:
        return text
    attrs = f' class="{" ".join(roles)}"' if roles else ""
    if titles:
        attrs += f' title="{html.escape(titles[-1], quote=True)}"'
    return f"<span{attrs}>{text}</span>"


def _paragraph(pieces: list[str]) -> Iterable[str]:
    if "".join(pieces).strip():
        yield "<p>" + "".join(pieces) + "</p>"


def _metadata(article: Article) -> Iterable[str]:
    """Date, source, author, address, tags, licence, other front-matter keys and the file, as a list."""
    rows: list[tuple[str, str]] = []
    if article.date:
        rows.append(("Date", html.escape(article.date.isoformat())))
    for label, value in (("Source", article.source), ("Author", article.author)):
        if value:
            rows.append((label, html.escape(clean_line(value))))
    if article.url:
        url = clean_line(article.url)
        link = html.escape(url, quote=True)
        rows.append(("Address", f'<a href="{link}" rel="noopener noreferrer">{html.escape(url)}</a>'
                     if url.startswith(("https://", "http://")) else html.escape(url)))
    if article.tags:
        rows.append(("Tags", html.escape(", ".join(clean_line(t) for t in article.tags))))
    if article.license:
        rows.append(("Licence", html.escape(clean_line(article.license))))
    rows += [(html.escape(clean_line(k)), html.escape(clean_line(v))) for k, v in article.extra.items()]
    rows.append(("File", html.escape(article.display_name)))
    yield "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def who_said_what(analysis: Analysis) -> Iterable[str]:
    """Every quotation under its speaker, most quoted first; unattributed ones last."""
    groups = group_quotes_by_speaker(analysis)
    if not groups:
        return
    yield '<section class="who"><h2>Who said what</h2><ul>'
    for speaker, indices in groups:
        name = html.escape(speaker) if speaker else "Speaker not named"
        count = f"{len(indices)} quotation{'s' if len(indices) != 1 else ''}"
        quotes = "".join(
            f'<li><span class="quote">“{html.escape(clean_text(analysis.quotes[i].text))}”</span></li>' for i in indices
        )
        yield f'<li><span class="speaker">{name}</span> <span class="meta">· {count}</span><ol>{quotes}</ol></li>'
    yield "</ul></section>"


def article_html(article: Article, analysis: Analysis | None) -> str:
    """One `<article>`: title, meta line, metadata, notices, the highlighted body, who said what."""
    parts = [f"<article><h1>{html.escape(clean_line(article.title) or '(untitled)')}</h1>"]
    quote_count = len(analysis.quotes) if analysis is not None else None
    parts.append(f'<p class="meta">{html.escape(clean_line(meta_line(article, quote_count)))}</p>')
    parts += _metadata(article)
    if article.error:
        parts.append(f'<p class="error">⚠ Could not read this file: {html.escape(clean_line(article.error))}</p>')
    notices = list(article.notices)
    partly = analysis_notice(article.body) if analysis is not None and not article.error else None
    notices += [partly] if partly else []
    parts += [f'<p class="notice">⚠ {html.escape(clean_line(n))}</p>' for n in notices]
    body = article.body
    if not body.strip() and not article.error:
        parts.append('<p class="meta">(This article has no text.)</p>')
    else:
        notes = speaker_notes(body, analysis) if analysis is not None else []
        parts += _segments(body, _layers(article, body, analysis), notes)
    if analysis is not None:
        parts += who_said_what(analysis)
    parts.append("</article>")
    return "\n".join(parts)


def legend_html() -> str:
    """What the highlights mean (the kinds, not the reader's find highlights)."""
    keys = "".join(f'<span class="{role}">{html.escape(label)}</span>' for label, role in KIND_LEGEND)
    return f'<footer class="legend"><strong>Highlights</strong> {keys}</footer>'


def page(items: Sequence[tuple[Article, Analysis | None]], title: str) -> str:
    """A standalone HTML page of the articles (a rule between them) and, if anything is highlighted,
    the legend."""
    body = "\n<hr>\n".join(article_html(article, analysis) for article, analysis in items)
    legend = legend_html() if any(analysis is not None for _, analysis in items) else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="newsreader">\n<title>{html.escape(clean_line(title))}</title>\n'
        f"<style>{stylesheet()}</style>\n</head>\n<body>\n{body}\n{legend}\n</body>\n</html>\n"
    )
