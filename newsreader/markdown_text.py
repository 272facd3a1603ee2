"""Turn a Markdown body into plain text plus style spans.

The analysis engine and find work on plain text, and the reader must show the same characters they
saw, so Markdown is flattened once here: headings, emphasis, lists, links and code become plain text
with `StyleSpan`s over it. markdown-it-py ships with Textual, but it is imported lazily and only for
Markdown files.

markdown-it decodes character references (`&#x202e;`, `&#x0d;`), so the text it hands back is
sanitised again here, piece by piece, after decoding. When markdown-it gives up on a document (it stops
at 20 levels of nesting: 50,000 `>` would lose everything after them) or keeps none of its words, the
body is shown as plain text instead, with a notice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from newsreader.sanitize import clean_text


class StyleSpan(NamedTuple):
    """A styled range of the plain body; `style` is a name such as "heading" or "link" (render.py maps it).
    (A NamedTuple: the reader makes this class on the way to its first frame, where a frozen dataclass
    costs ten times as much to create.)"""

    start: int
    end: int
    style: str


_INLINE_OPEN = {"strong_open": "strong", "em_open": "em", "link_open": "link", "s_open": "strike"}
_INLINE_CLOSE = {"strong_close", "em_close", "link_close", "s_close"}
_WORD = re.compile(r"\w")
FALLBACK_NOTICE = "Markdown nested too deeply to format (markdown-it stops at {depth} levels): shown as plain text."
LOST_NOTICE = "Markdown formatting would hide all of this text: shown as plain text."


def markdown_to_text(source: str, notices: list[str] | None = None) -> tuple[str, list[StyleSpan]]:
    """Flatten Markdown: blocks become paragraphs separated by one blank line, inline marks become spans.

    When formatting would lose the text, the source is returned unformatted and a notice is appended to
    `notices` (if given).
    """
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover - markdown-it-py comes with Textual
        return clean_text(source), []
    try:
        parser = MarkdownIt("commonmark").enable("strikethrough")
        tokens = parser.parse(source)
    except Exception:  # a parser failure must not lose the article
        return clean_text(source), []
    depth = int(parser.options.get("maxNesting") or 20)
    problem = None
    if any(tok.nesting == 1 and tok.level >= depth - 1 for tok in tokens):
        problem = FALLBACK_NOTICE.format(depth=depth)  # markdown-it dropped what was nested deeper
    else:
        text, spans = _flatten(tokens)
        if _WORD.search(text) or not _WORD.search(source):
            return text, spans
        problem = LOST_NOTICE
    if notices is not None:
        notices.append(problem)
    return clean_text(source), []


def _inline_text(text: str) -> str:
    """Inline text as decoded by markdown-it: sanitised, on one line (a decoded `&#x0d;` or U+2028 is a
    space here, as a line break inside a paragraph is)."""
    return clean_text(text).replace("\n", " ")


def _flatten(tokens: list) -> tuple[str, list[StyleSpan]]:
    """The token stream as plain text and style spans."""
    flat = _Flattener()
    for tok in tokens:
        handler = _BLOCK_HANDLERS.get(tok.type)
        if handler is not None:
            handler(flat, tok)
    return "".join(flat.out), sorted(flat.spans, key=lambda sp: (sp.start, sp.end))


class _Flattener:
    """The text and spans built so far, and the block context (lists, quotes, heading) they sit in."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.spans: list[StyleSpan] = []
        self.pos = 0
        self.blocks_started = 0
        self.list_stack: list[list[int]] = []  # per open list: [is_ordered, next_number]
        self.heading_level = 0
        self.quote_depth = 0

    def emit(self, text: str, style: str | None = None) -> None:
        start = self.pos
        self.out.append(text)
        self.pos += len(text)
        if style is not None and self.pos > start:
            self.spans.append(StyleSpan(start, self.pos, style))

    def start_block(self) -> None:
        if self.blocks_started:
            self.emit("\n\n")
        self.blocks_started += 1

    def open_list(self, tok: Any) -> None:
        ordered = tok.type == "ordered_list_open"
        self.list_stack.append([int(ordered), int(tok.attrGet("start") or 1) if ordered else 0])

    def close_list(self, _tok: Any) -> None:
        if self.list_stack:
            self.list_stack.pop()

    def quote(self, tok: Any) -> None:
        self.quote_depth = max(0, self.quote_depth + (1 if tok.type == "blockquote_open" else -1))

    def heading(self, tok: Any) -> None:
        level = tok.tag[1:]
        self.heading_level = (int(level) if level.isdigit() else 1) if tok.type == "heading_open" else 0

    def code_block(self, tok: Any) -> None:
        self.start_block()
        info = _inline_text(tok.info or "").strip()
        if " " in info:  # words, not a language name: text after the fence marker (````` The words`)
            self.emit(info + "\n", "code")
        self.emit(clean_text(tok.content).rstrip("\n"), "code")

    def rule(self, _tok: Any) -> None:
        self.start_block()
        self.emit("─" * 20, "rule")

    def inline(self, tok: Any) -> None:
        self.start_block()
        block_start = self.pos
        if self.list_stack and tok.level > 0:
            kind = self.list_stack[-1]
            marker = f"{kind[1]}. " if kind[0] else "• "
            if kind[0]:
                kind[1] += 1
            self.emit("  " * (len(self.list_stack) - 1) + marker, "bullet")
        open_at: list[tuple[str, int]] = []
        for child in tok.children or []:
            self.inline_child(child, open_at)
        if self.heading_level and self.pos > block_start:
            self.spans.append(StyleSpan(block_start, self.pos, "heading"))
        if self.quote_depth and self.pos > block_start:
            self.spans.append(StyleSpan(block_start, self.pos, "blockquote"))

    def inline_child(self, child: Any, open_at: list[tuple[str, int]]) -> None:
        ct = child.type
        if ct in ("text", "html_inline", "image"):
            self.emit(_inline_text(child.content or ""))
        elif ct == "code_inline":
            self.emit(_inline_text(child.content), "code")
        elif ct == "softbreak":
            self.emit(" ")
        elif ct == "hardbreak":
            self.emit("\n")
        elif ct in _INLINE_OPEN:
            open_at.append((_INLINE_OPEN[ct], self.pos))
        elif ct in _INLINE_CLOSE and open_at:
            style, start = open_at.pop()
            if self.pos > start:
                self.spans.append(StyleSpan(start, self.pos, style))


_BLOCK_HANDLERS: dict[str, Callable[[_Flattener, Any], None]] = {
    "bullet_list_open": _Flattener.open_list,
    "ordered_list_open": _Flattener.open_list,
    "bullet_list_close": _Flattener.close_list,
    "ordered_list_close": _Flattener.close_list,
    "blockquote_open": _Flattener.quote,
    "blockquote_close": _Flattener.quote,
    "heading_open": _Flattener.heading,
    "heading_close": _Flattener.heading,
    "fence": _Flattener.code_block,
    "code_block": _Flattener.code_block,
    "hr": _Flattener.rule,
    "inline": _Flattener.inline,
}
