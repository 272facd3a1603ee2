"""Who said what: the article's quotations grouped by speaker, in a modal screen.

Speakers with the most quotations first, unattributed quotations last (`group_quotes_by_speaker`); each
quotation is one selectable item of at most two lines. Enter dismisses the screen with the quotation's
index in `analysis.quotes` (the app scrolls the reader to it); Esc, q or w dismiss it with None.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from newsreader.actor_index import group_quotes_by_speaker
from newsreader.analysis.model import KINDS, Analysis
from newsreader.ui.panel_screen import PanelScreen
from newsreader.ui.row_list import Row, RowList, fit, grouped_rows
from newsreader.wrap import wrap_offsets

QUOTE_INDENT = 3
MAX_QUOTE_LINES = 2
PANEL_SHARE = 0.9  # of the screen's height, at most
PANEL_CHROME = 7  # lines of the panel around the list: border 2, title 1, summary 1 + 1, hint 1 + 1 (none wraps)


class QuoteList(RowList):
    """Speakers (headings) and their quotations (items). Item i is quotation `order[i]` of the analysis."""

    PREFIX = "who-said"
    # (here, not in newsreader.tcss: parsed when first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    QuoteList {
        height: auto;
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;
        & > .who-said--heading { text-style: bold; }
        & > .who-said--person { color: #6cb6ff; }
        & > .who-said--organisation { color: #d39ef0; }
        & > .who-said--place { color: #8fd18f; }
        & > .who-said--unattributed { color: $text-muted; text-style: bold italic; }
        & > .who-said--count { color: $text-muted; text-style: not bold; }
        & > .who-said--quote { text-style: italic; color: #e0a458; }
        & > .who-said--quote-mark { color: #e0a458 55%; }
        & > .who-said--cursor { background: $accent 40%; }
        & > .who-said--cursor-blurred { background: $panel-lighten-2; }
        & > .who-said--empty { color: $text-muted; text-style: italic; }
    }
    """
    COMPONENT_CLASSES = {
        "who-said--heading",
        "who-said--person",
        "who-said--organisation",
        "who-said--place",
        "who-said--unattributed",
        "who-said--count",
        "who-said--quote",
        "who-said--quote-mark",
        "who-said--cursor",
        "who-said--cursor-blurred",
        "who-said--empty",
    }

    @dataclass
    class Chosen(Message):
        """Enter / double click on a quotation: its index in `analysis.quotes`."""

        index: int

    def __init__(
        self,
        analysis: Analysis,
        groups: list[tuple[str | None, list[int]]] | None = None,
        *,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.analysis = analysis
        self.groups = group_quotes_by_speaker(analysis) if groups is None else groups
        self.order = [i for _, indices in self.groups for i in indices]  # item -> quotation index
        self._kinds = {a.name: a.kind for a in analysis.actors}
        self.empty_message = "No quotations in this article."

    @property
    def current_quote(self) -> int | None:
        """Index (in `analysis.quotes`) of the quotation under the cursor."""
        return self.order[self.cursor] if 0 <= self.cursor < len(self.order) else None

    def on_mount(self) -> None:
        self.rebuild(cursor=0)

    def item_selected(self, item: int) -> None:
        self.post_message(self.Chosen(self.order[item]))

    def build_rows(self, width: int) -> list[Row]:
        texts = [" ".join(quote.text.split()) for quote in self.analysis.quotes]
        groups = ((self._heading(speaker, len(indices), width), indices) for speaker, indices in self.groups)
        return grouped_rows(groups, lambda index, item: self._quote_rows(texts[index], item, width))

    def _heading(self, speaker: str | None, n: int, width: int) -> Row:
        """The speaker in the colour of its kind (or "Unattributed"), then how many quotations are theirs."""
        label = speaker if speaker is not None else "Unattributed"
        role = self._kinds.get(speaker, "person") if speaker is not None else "unattributed"
        role = role if role in KINDS or role == "unattributed" else "person"
        count = f"{n} quotation{'' if n == 1 else 's'}"
        head = f" {fit(label, max(1, width - len(count) - 4))}"
        text = f"{head}  {count}"
        return Row(text, "heading", -1, ((1, len(head), role), (len(head) + 2, len(text), "count")))

    def _quote_rows(self, text: str, item: int, width: int) -> list[Row]:
        measure = max(4, width - QUOTE_INDENT - 3)  # indent, opening mark, closing mark, right margin
        pad = " " * QUOTE_INDENT
        lines = wrap_offsets(text, measure)
        if len(lines) > MAX_QUOTE_LINES:
            last_start = lines[MAX_QUOTE_LINES - 1][0]
            # the rest is longer than one line, so `fit` cuts it and ends it with an ellipsis
            pieces = [text[s:e] for s, e in lines[: MAX_QUOTE_LINES - 1]] + [fit(text[last_start:], measure)]
        else:
            pieces = [text[s:e] for s, e in lines]
        rows: list[Row] = []
        for n, piece in enumerate(pieces):
            opening = "“" if n == 0 else " "
            closing = "”" if n == len(pieces) - 1 else ""
            line = f"{pad}{opening}{piece}{closing}"
            body_start = len(pad) + 1
            spans = [(body_start, body_start + len(piece), "quote")]
            if n == 0:
                spans.append((len(pad), len(pad) + 1, "quote-mark"))
            if closing:
                spans.append((len(line) - 1, len(line), "quote-mark"))
            rows.append(Row(line, "", item, tuple(spans)))
        return rows


class WhoSaidScreen(PanelScreen[int | None]):
    """Quotations grouped by speaker. Dismisses with the chosen quotation's index in `analysis.quotes`,
    or None (Esc, q, w).

    Usage: `self.push_screen(WhoSaidScreen(analysis, article.title), callback)` where
    `callback(index: int | None)` scrolls the reader to `analysis.quotes[index]`.
    """

    BINDINGS = [
        Binding("escape,q,w", "close", "Close", id="who-said.close"),
    ]
    # (here, not in newsreader.tcss: parsed when first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    #who-said-body {
        width: 84;
        max-width: 95%;
    }

    #who-said-title {
        text-style: bold;
    }

    #who-said-title, #who-said-summary, #who-said-hint {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }

    #who-said-summary, #who-said-hint {
        color: $text-muted;
    }

    #who-said-summary {
        margin-bottom: 1;
    }

    #who-said-hint {
        margin-top: 1;
    }
    """

    def __init__(self, analysis: Analysis, title: str) -> None:
        super().__init__()
        self.analysis = analysis
        self.article_title = title
        self.groups: list[tuple[str | None, list[int]]] = group_quotes_by_speaker(analysis)
        """(speaker, indices into `analysis.quotes`) in the order listed (see `group_quotes_by_speaker`)."""

    @property
    def quote_list(self) -> QuoteList:
        return self.query_one(QuoteList)

    def compose(self) -> ComposeResult:
        n = len(self.analysis.quotes)
        speakers = len({q.speaker for q in self.analysis.quotes if q.speaker})
        summary = f"{n} quotation{'' if n == 1 else 's'} · {speakers} named speaker{'' if speakers == 1 else 's'}"
        with Vertical(id="who-said-body", classes="panel"):
            yield Static(Content(self.article_title), id="who-said-title")
            yield Static(Content(summary), id="who-said-summary")
            yield QuoteList(self.analysis, self.groups, id="who-said-list")
            yield Static(Content("↑↓ move · Enter jump to the quotation · Esc close"), id="who-said-hint")

    def on_mount(self) -> None:
        self.query_one("#who-said-body").border_title = "Who said what"
        self.quote_list.focus()

    def on_resize(self, event: events.Resize) -> None:
        """The list gets the panel's height less its other lines, so it scrolls within the panel: as a
        plain `height: auto` child it grew past the panel, which cut off its bottom (the cursor went out of
        sight there, with the hint)."""
        self.quote_list.styles.max_height = max(1, int(event.size.height * PANEL_SHARE) - PANEL_CHROME)

    def on_quote_list_chosen(self, message: QuoteList.Chosen) -> None:
        message.stop()
        self._close(message.index)

    def action_close(self) -> None:
        self._close(None)

    def _close(self, result: int | None) -> None:
        """Dismiss once: Enter's choice arrives as a message, after a key that came with it (another Enter,
        Esc) may have closed the screen already; a second dismiss popped the reader's own screen."""
        if self.is_active:
            self.dismiss(result)
