"""Turn a Markdown body into plain text plus style spans.

The analysis engine and find work on plain text, and the reader must show the same characters they
saw, so Markdown is flattened once here: headings, emphasis, lists, links and code become plain text
with `StyleSpan`s over it. markdown-it-py ships with Textual, but it is imported lazily and only for
Markdown files.
"""

from __future__ import annotations

from dataclasses import dataclass


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

    out: list[str] = []
    spans: list[StyleSpan] = []
    pos = 0
    blocks_started = 0
    list_stack: list[list[int]] = []  # per open list: [is_ordered, next_number]
    heading_level = 0
    quote_depth = 0

    def emit(text: str) -> None:
        nonlocal pos
        out.append(text)
        pos += len(text)

    def start_block() -> None:
        nonlocal blocks_started
        if blocks_started:
            emit("\n\n")
        blocks_started += 1

    for tok in tokens:
        t = tok.type
        if t == "bullet_list_open":
            list_stack.append([0, 0])
        elif t == "ordered_list_open":
            list_stack.append([1, int(tok.attrGet("start") or 1)])
        elif t in ("bullet_list_close", "ordered_list_close"):
            if list_stack:
                list_stack.pop()
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth = max(0, quote_depth - 1)
        elif t == "heading_open":
            heading_level = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif t == "heading_close":
            heading_level = 0
        elif t in ("fence", "code_block"):
            start_block()
            code = tok.content.rstrip("\n")
            s = pos
            emit(code)
            spans.append(StyleSpan(s, pos, "code"))
        elif t == "hr":
            start_block()
            s = pos
            emit("─" * 20)
            spans.append(StyleSpan(s, pos, "rule"))
        elif t == "inline":
            start_block()
            block_start = pos
            if list_stack and tok.level > 0:
                kind = list_stack[-1]
                marker = f"{kind[1]}. " if kind[0] else "• "
                if kind[0]:
                    kind[1] += 1
                s = pos
                emit("  " * (len(list_stack) - 1) + marker)
                spans.append(StyleSpan(s, pos, "bullet"))
            open_at: list[tuple[str, int]] = []
            for child in tok.children or []:
                ct = child.type
                if ct in ("text", "html_inline"):
                    emit(child.content)
                elif ct == "code_inline":
                    s = pos
                    emit(child.content)
                    spans.append(StyleSpan(s, pos, "code"))
                elif ct in ("softbreak",):
                    emit(" ")
                elif ct == "hardbreak":
                    emit("\n")
                elif ct == "image":
                    emit(child.content or "")
                elif ct in _INLINE_OPEN:
                    open_at.append((_INLINE_OPEN[ct], pos))
                elif ct in _INLINE_CLOSE and open_at:
                    style, s = open_at.pop()
                    if pos > s:
                        spans.append(StyleSpan(s, pos, style))
            if heading_level and pos > block_start:
                spans.append(StyleSpan(block_start, pos, "heading"))
            if quote_depth and pos > block_start:
                spans.append(StyleSpan(block_start, pos, "blockquote"))
    return "".join(out), sorted(spans, key=lambda sp: (sp.start, sp.end))
