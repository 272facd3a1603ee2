"""Turn a Markdown body into plain text plus style spans.

The analysis engine and find work on plain text, and the reader must show the same characters they
saw, so Markdown is flattened once here: headings, emphasis, lists, links and code become plain text
with `StyleSpan`s over it. markdown-it-py ships with Textual, but it is imported lazily and only for
Markdown files.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class StyleSpan:
    """A styled range of the plain body; `style` is a name such as "heading" or "link" (render.py maps it)."""

    start: int
    end: int
    style: str


_INLINE_OPEN = {"strong_open": "strong", "em_open": "em", "link_open": "link", "s_open": "strike"}
_INLINE_CLOSE = {"strong_close", "em_close", "link_close", "s_close"}


def markdown_to_text(source: str) -> tuple[str, list[StyleSpan]]:
    """Flatten Markdown: blocks become paragraphs separated by one blank line, inline marks become spans."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover - markdown-it-py comes with Textual
        return source, []
    try:
        tokens = MarkdownIt("commonmark").enable("strikethrough").parse(source)
    except Exception:  # noqa: BLE001 - a parser failure must not lose the article
        return source, []

    flat = _Flattener()
    for tok in tokens:
        flat.token(tok)
    return "".join(flat.out), sorted(flat.spans, key=lambda sp: (sp.start, sp.end))


class _Flattener:
    """The plain text and spans built so far, and the open lists, heading and block quotes."""

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
        if style is not None:
            self.spans.append(StyleSpan(start, self.pos, style))

    def start_block(self) -> None:
        if self.blocks_started:
            self.emit("\n\n")
        self.blocks_started += 1

    def token(self, tok: Any) -> None:
        t = tok.type
        if t == "bullet_list_open":
            self.list_stack.append([0, 0])
        elif t == "ordered_list_open":
            self.list_stack.append([1, int(tok.attrGet("start") or 1)])
        elif t in ("bullet_list_close", "ordered_list_close"):
            if self.list_stack:
                self.list_stack.pop()
        elif t == "blockquote_open":
            self.quote_depth += 1
        elif t == "blockquote_close":
            self.quote_depth = max(0, self.quote_depth - 1)
        elif t == "heading_open":
            self.heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif t == "heading_close":
            self.heading_level = 0
        elif t in ("fence", "code_block"):
            self.start_block()
            self.emit(tok.content.rstrip("\n"), "code")
        elif t == "hr":
            self.start_block()
            self.emit("─" * 20, "rule")
        elif t == "inline":
            self.inline(tok)

    def inline(self, tok: Any) -> None:
        """One paragraph, heading or list item: its list marker, then its text with inline spans."""
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
            ct = child.type
            if ct in ("text", "html_inline", "image"):
                self.emit(child.content or "")
            elif ct == "code_inline":
                self.emit(child.content, "code")
            elif ct in ("softbreak", "hardbreak"):
                self.emit(" " if ct == "softbreak" else "\n")
            elif ct in _INLINE_OPEN:
                open_at.append((_INLINE_OPEN[ct], self.pos))
            elif ct in _INLINE_CLOSE and open_at:
                style, start = open_at.pop()
                if self.pos > start:
                    self.spans.append(StyleSpan(start, self.pos, style))
        if self.heading_level and self.pos > block_start:
            self.spans.append(StyleSpan(block_start, self.pos, "heading"))
        if self.quote_depth and self.pos > block_start:
            self.spans.append(StyleSpan(block_start, self.pos, "blockquote"))
