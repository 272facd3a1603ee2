"""The reading pane: a Line-API scroll view over a `Document`.

Wraps the document once per width (paragraph by paragraph), renders only the visible lines, and caches
strips keyed on everything that changes a line. A big document is wrapped lazily: the first
`WRAP_NOW_CHARS` at once, the rest in small slices between frames, so opening an 8 MiB article or
resizing the window never blocks the keyboard; anything that needs a line not yet wrapped (find, End)
wraps up to it first. Highlight roles from `render.py` become component
classes (`article--quote`...) so themes restyle them. Find matches are drawn on top.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from time import monotonic
from collections.abc import Iterator, Sequence

from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from newsreader.render import ANALYSIS_LAYERS, Document
from newsreader.text_anchor import moved_offset
from newsreader.wrap import wrap_offsets

MEASURE = 90  # comfortable maximum line length on wide terminals
WRAP_NOW_CHARS = 120_000  # wrapped synchronously when a document is shown (a few milliseconds)
WRAP_SLICE_CHARS = 40_000  # then this much per slice (~20 ms) between frames until all is wrapped
SIZE_UPDATE_S = 0.5  # while wrapping in the background, the scrollable height is updated this often
ROLES = (
    "title", "meta", "notice", "error", "heading", "strong", "em", "strike", "link", "code", "bullet",
    "blockquote", "rule", "quote", "quote-mark", "speaker", "person", "organisation", "place", "match",
    "current-match", "current-mention",
)
BACKGROUND_ROLES = frozenset({"match", "current-match", "current-mention", "code"})
Spans = tuple[tuple[int, int], ...]


def _end(span: tuple[int, int]) -> int:
    return span[1]


def _overlapping(matches: Spans, start: int, end: int) -> Iterator[int]:
    """The indices of the (sorted, disjoint) `matches` that overlap `start`–`end`: found by bisection, as
    a long article's matches are many and a line shows few."""
    for i in range(bisect_left(matches, start + 1, key=_end), len(matches)):
        if matches[i][0] >= end:
            return
        yield i


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Scrollable, wrapped, highlighted article text.

    What it paints on top of the document is bound from its `ReaderPane` (`data_bind`): the pane owns
    the find matches, the current one, the current mention and the highlight switch; this view only
    turns them into repainted lines.
    """

    COMPONENT_CLASSES = {f"article--{role}" for role in ROLES}
    BINDINGS = [
        Binding("j,down", "scroll_lines(1)", "Line down", show=False, id="view.line-down"),
        Binding("k,up", "scroll_lines(-1)", "Line up", show=False, id="view.line-up"),
        Binding("g,home", "top", "Top", show=False, id="view.top"),
        Binding("G,end", "bottom", "Bottom", show=False, id="view.bottom"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="view.page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="view.page-up"),
    ]

    highlight: reactive[bool] = reactive(True, repaint=False, init=False)
    """Analysis layers (quotations, actors) shown; off leaves only the text's own styles."""
    matches: reactive[Spans] = reactive((), repaint=False, init=False)
    """Find matches as document offsets, sorted, drawn on top of everything."""
    current_match: reactive[int] = reactive(-1, repaint=False, init=False)
    """Index into `matches` of the current match (drawn strongest), or -1."""
    current_mention: reactive[tuple[int, int] | None] = reactive(None, repaint=False, init=False)
    """Document span of the mention `]`/`[` stopped on, drawn distinctly."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.document = Document("", 0)
        self._paras: list[tuple[int, int]] = [(0, 0)]
        self._para_starts: list[int] = [0]
        self._para_spans: dict[int, list[tuple[int, int, str]]] = {}  # only paragraphs that have spans
        self._lines: list[tuple[int, int, int]] = []  # (paragraph, start, end) in document offsets
        self._line_starts: list[int] = []
        self._wrap_width = 0
        self._wrap_pos = (0, 0)  # (paragraph, offset inside it) where wrapping continues
        self._wrap_token = 0  # bumped on every rewrap: a pending slice of an older wrap does nothing
        self._virtual_size_at = 0.0
        self._left = 0
        self._generation = 0
        self._cache: LRUCache[tuple[int, int, tuple[tuple[int, int, str], ...]], Strip] = LRUCache(1024)
        self._styles: dict[str, object] = {}

    # ------------------------------------------------------------------------------------- content

    def set_document(self, document: Document, *, keep_scroll: bool = False) -> None:
        """Show a new document (or the same one re-analysed: `keep_scroll` keeps the reader's place)."""
        # the same text again (re-analysed, highlighting toggled): keep the wrapped lines, restyle only
        same_text = bool(self._lines) and document.text == self.document.text
        place = self._place_in(document.text) if keep_scroll and self._lines and not same_text else None
        self.document = document
        if not same_text:
            self._paras = document.paragraphs()
            self._para_starts = [s for s, _ in self._paras]
        starts = self._para_starts
        per_para: dict[int, list[tuple[int, int, str]]] = {}
        for span in document.spans:
            first = max(0, bisect_right(starts, span.start) - 1)
            for p in range(first, len(self._paras)):
                ps, pe = self._paras[p]
                if ps >= span.end:
                    break
                s, e = max(span.start, ps), min(span.end, pe)
                if s < e:
                    per_para.setdefault(p, []).append((s, e, span.style))
        self._para_spans = per_para
        if same_text:
            self._invalidate()
        else:
            self._rewrap(force=True, min_lines=self.scroll_offset.y + self.size.height + 1 if keep_scroll else 0)
        if not keep_scroll:
            self.scroll_to(0, 0, animate=False)
        elif place is not None:
            self.scroll_to(y=self.line_of(place), animate=False)

    def _place_in(self, new_text: str) -> int | None:
        """Where the words at the top of the view are in `new_text` (a new version of the shown text), so
        the reader stays on them when lines are added or removed above (None: not found as they were)."""
        top = self.scroll_offset.y
        if not 0 <= top < len(self._lines):
            return None
        paragraph, start, _ = self._lines[top]
        return moved_offset(self.document.text, new_text, start, self._paras[paragraph])

    def watch_highlight(self) -> None:
        self._invalidate()

    def watch_matches(self, old: Spans, new: Spans) -> None:
        self._refresh_lines(self._visible_match_lines(old) | self._visible_match_lines(new))

    def watch_current_match(self, old: int, new: int) -> None:
        self._refresh_lines(self._lines_of(self.matches, old, new))

    def watch_current_mention(self, old: tuple[int, int] | None, new: tuple[int, int] | None) -> None:
        self._refresh_lines(self._lines_of([s for s in (old, new) if s is not None], 0, 1))

    def _lines_of(self, spans: Sequence[tuple[int, int]], *indices: int) -> set[int]:
        lines: set[int] = set()
        for i in indices:
            if 0 <= i < len(spans):
                s, e = spans[i]
                lines.update(range(self.line_of(s), self.line_of(max(s, e - 1)) + 1))
        return lines

    def _visible_match_lines(self, matches: Spans) -> set[int]:
        """Visible wrapped lines that show one of `matches` (only they change when the matches do)."""
        if not matches or not self._lines:
            return set()
        top = self.scroll_offset.y
        bottom = min(len(self._lines), top + self.scrollable_content_region.height)
        if top >= bottom:
            return set()
        start, end = self._lines[top][1], self._lines[bottom - 1][2]
        return self._lines_of(matches, *_overlapping(matches, start, end))

    def _refresh_lines(self, lines: set[int]) -> None:
        """Repaint just these lines (a keystroke in the find bar then repaints little or nothing).

        `refresh_line` takes a line of the whole document (it subtracts the scroll offset itself)."""
        for line in lines:
            self.refresh_line(line)

    # ------------------------------------------------------------------------------------ geometry

    def on_resize(self) -> None:
        self._rewrap()

    def refit(self) -> None:
        """Re-wrap if the width changed. Textual does not always send a Resize when a neighbour is hidden
        or resized (`z`, `+`/`-` in `Panes`: its layout pass posts one only to widgets it newly exposes)."""
        self._rewrap()

    def _rewrap(self, force: bool = False, min_lines: int = 0) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:  # not laid out yet (an article shown before the first paint): `on_resize` wraps it
            self._lines, self._line_starts, self._wrap_width = [], [], 0
            return
        measure = max(1, min(width - 2, MEASURE))
        if not force and measure == self._wrap_width and self._lines:
            return
        self._wrap_width = measure
        self._left = max(1, (width - measure) // 2) if width > measure else 0
        self._lines = []
        self._line_starts = []
        self._wrap_pos = (0, 0)
        self._wrap_token += 1
        self._wrap_some(WRAP_NOW_CHARS)
        while len(self._lines) < min_lines and not self.wrap_complete:
            self._wrap_some(WRAP_SLICE_CHARS)
        self._set_virtual_height()
        self._virtual_size_at = monotonic()
        self._invalidate()
        self._schedule_wrap()

    def _set_virtual_height(self) -> None:
        """Room for the wrapped lines. Setting `virtual_size` lays out the whole screen (every widget
        repainted: about half a key's CPU when `j` shows the next article); only this view changes
        unless its scrollbar comes or goes, so it is set without one, as `ArticleList` does. When the
        scrollbar does change, `_scroll_update` asks for the layout itself."""
        size = Size(0, len(self._lines))
        if size == self.virtual_size:
            return
        self.set_reactive(ArticleView.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    @property
    def wrap_complete(self) -> bool:
        """Is the whole document wrapped (not still being wrapped in the background)?"""
        return self._wrap_pos[0] >= len(self._paras)

    def _wrap_some(self, budget: int) -> None:
        """Wrap about `budget` more characters, continuing where the last call stopped.

        A paragraph longer than the budget (a 1 MB single line) is wrapped in pieces: a piece's last
        line may be cut short, so it is dropped and the next piece starts at its start. Greedy wrapping
        restarted at a line start gives the same lines as wrapping the whole paragraph at once.
        """
        text, measure, paras = self.document.text, self._wrap_width, self._paras
        lines, starts = self._lines, self._line_starts
        p, q = self._wrap_pos
        used = 0
        while p < len(paras) and used < budget:
            ps, pe = paras[p]
            begin = ps + q
            piece = max(budget - used, 8 * measure + 256)
            if pe - begin > piece:
                wrapped = wrap_offsets(text[begin:begin + piece], measure)
                if len(wrapped) > 1:
                    for s, e in wrapped[:-1]:
                        lines.append((p, begin + s, begin + e))
                        starts.append(begin + s)
                    q = begin + wrapped[-1][0] - ps
                    used += wrapped[-1][0]
                    continue
            for s, e in wrap_offsets(text[begin:pe], measure):  # the (rest of the) paragraph
                lines.append((p, begin + s, begin + e))
                starts.append(begin + s)
            used += pe - begin + 1
            p, q = p + 1, 0
        self._wrap_pos = (p, q)

    def _schedule_wrap(self) -> None:
        if not self.wrap_complete and self.is_mounted:
            token = self._wrap_token
            self.set_timer(0.005, lambda: self._wrap_slice(token), name="wrap")

    def _wrap_slice(self, token: int) -> None:
        if token != self._wrap_token or self.wrap_complete:
            return
        self._wrap_some(WRAP_SLICE_CHARS)
        now = monotonic()
        # a relayout per slice costs more than the slice
        if self.wrap_complete or now - self._virtual_size_at > SIZE_UPDATE_S:
            self._set_virtual_height()
            self._virtual_size_at = now
        self._schedule_wrap()

    def _wrap_until(self, offset: int | None = None) -> None:
        """Wrap now up to document offset `offset` (None: everything)."""
        if self.wrap_complete:
            return
        end = len(self.document.text) if offset is None else offset
        while not self.wrap_complete and (not self._line_starts or self._line_starts[-1] <= end):
            self._wrap_some(WRAP_SLICE_CHARS)
        self._set_virtual_height()

    def line_of(self, offset: int) -> int:
        """The wrapped line that shows document offset `offset`."""
        self._wrap_until(offset)
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def offset_of_line(self, line: int) -> int:
        """The document offset where wrapped line `line` starts (0 past the end)."""
        return self._lines[line][1] if 0 <= line < len(self._lines) else 0

    def scroll_to_offset(self, offset: int, *, center: bool = True) -> None:
        """Bring the line holding `offset` into view (centred), without animation."""
        line = self.line_of(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if center or not (top <= line < top + height):
            self.scroll_to(y=max(0, line - height // 2), animate=False)

    def visible_line_range(self) -> range:
        top = self.scroll_offset.y
        return range(top, top + self.scrollable_content_region.height)

    @property
    def line_count(self) -> int:
        """Wrapped lines in the whole document (finishes a background wrap first)."""
        self._wrap_until()
        return len(self._lines)

    # ----------------------------------------------------------------------------------- rendering

    def _invalidate(self) -> None:
        self._generation += 1
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._invalidate()

    def role_style(self, role: str):  # noqa: ANN202 - textual.style.Style
        style = self._styles.get(role)
        if style is None:
            # roles that paint a background need the full style (a partial one loses it); the rest are
            # partial so they combine: a speaker keeps its actor colour and adds bold underline.
            partial = role not in BACKGROUND_ROLES
            style = self._styles[role] = self.get_visual_style(f"article--{role}", partial=partial)
        return style

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        if not self._wrap_width and width > 0:
            self._rewrap()  # shown before the first layout: wrap now, not after this frame (on_resize)
        index = scroll_y + y
        # (`visual_style` is cached until the styles change; `rich_style` walks the ancestors on every call:
        # three times a line, it was a third of the first frame's render)
        base = self.visual_style.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        # keyed on the matches the line shows, so typing in the find bar re-renders only the lines
        # whose matches changed: the others come from the cache
        key = (index, self._generation, self._line_matches(index))
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_wrapped_line(index, width)
            self._cache[key] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    def _line_matches(self, index: int) -> tuple[tuple[int, int, str], ...]:
        """What is drawn over wrapped line `index`: (start, end, role) of find matches and the mention."""
        _, start, end = self._lines[index]
        found = []
        matches, current = self.matches, self.current_match
        for i in _overlapping(matches, start, end):
            found.append((*matches[i], "current-match" if i == current else "match"))
        mention = self.current_mention
        if mention is not None and mention[0] < end and mention[1] > start:
            found.append((mention[0], mention[1], "current-mention"))
        return tuple(found)

    def _render_wrapped_line(self, index: int, width: int) -> Strip:
        p, start, end = self._lines[index]
        text = self.document.text[start:end]
        spans: list[Span] = []
        for s, e, role in self._para_spans.get(p, ()):
            if s < end and e > start and (self.highlight or role not in ANALYSIS_LAYERS):
                spans.append(Span(max(s, start) - start, min(e, end) - start, self.role_style(role)))
        for s, e, role in self._line_matches(index):
            spans.append(Span(max(s, start) - start, min(e, end) - start, self.role_style(role)))
        for s, e, url in self.document.links:  # OSC 8: the terminal makes it clickable
            if s < end and e > start:
                spans.append(Span(max(s, start) - start, min(e, end) - start, Style(link=url)))
        content = Content(text, spans) if spans else Content(text)
        segments = content.render_segments(self.visual_style)
        base = self.visual_style.rich_style
        if self._left:
            segments.insert(0, Segment(" " * self._left, base))
        return Strip(segments).extend_cell_length(width, base)

    # ------------------------------------------------------------------------------------- actions

    def action_scroll_lines(self, n: int) -> None:
        self.scroll_relative(y=n, animate=False)

    def action_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height - 1), animate=False)

    def action_half_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * max(1, self.scrollable_content_region.height // 2), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self._wrap_until()
        self.scroll_to(y=self.max_scroll_y, animate=False)

