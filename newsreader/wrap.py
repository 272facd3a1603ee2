"""Word-wrap a paragraph into line ranges, measured in terminal cells.

The reading pane wraps once per width and then only slices, so wrapping returns offsets, not strings:
find matches and highlight spans keep indexing the same paragraph text.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_CHUNKS = re.compile(r"\S+\s*|\s+")


def _cells(s: str) -> int:
    """Cells as Rich measures them; plain printable ASCII (the usual case) is one cell a character, but an
    ASCII control character (ESC) is none, as in `cell_len`, or a restarted wrap would differ."""
    return len(s) if s.isascii() and s.isprintable() else cell_len(s)


def _fold(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Split one over-long word into pieces of at most `width` cells (URLs, CJK runs)."""
    pieces: list[tuple[int, int]] = []
    piece_start, used = start, 0
    for i in range(start, end):
        w = _cells(text[i])
        if used + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used = i, 0
        used += w
    pieces.append((piece_start, end))
    return pieces


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Line ranges `(start, end)` of `text` wrapped to `width` cells; `end` excludes trailing spaces.

    An empty text is one empty line. Words wider than `width` are folded.
    """
    width = max(1, width)
    if not text:
        return [(0, 0)]
    if len(text) <= width and _cells(text) <= width:
        return [(0, len(text.rstrip()))]
    lines: list[tuple[int, int]] = []
    line_start = 0
    line_end = 0  # end of the last word on the current line (without trailing space)
    used = 0  # cells used by the current line up to line_end
    for m in _CHUNKS.finditer(text):
        chunk_start, chunk_end = m.span()
        word = m.group().rstrip()
        if not word:  # leading indentation (the only place a pure-space chunk can occur)
            used = min(_cells(m.group()), width - 1)
            line_end = chunk_start + used if text[chunk_start:chunk_end].isascii() else chunk_start
            continue
        word_end = chunk_start + len(word)
        pending = chunk_start - line_end  # spaces between the last word and this one
        w = _cells(word)
        gap = _cells(text[line_end:chunk_start]) if pending else 0
        if used and used + gap + w <= width:
            used += gap + w
            line_end = word_end
            continue
        if used:  # close the current line
            lines.append((line_start, line_end))
        line_start = chunk_start
        if w > width:
            pieces = _fold(text, chunk_start, word_end, width)
            lines.extend(pieces[:-1])
            line_start = pieces[-1][0]
            used = _cells(text[line_start:word_end])
        else:
            used = w
        line_end = word_end
    if used or not lines:
        lines.append((line_start, line_end))
    return lines
