"""The info view (`i`): every front-matter field of the shown article, the URL and licence included."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Static

from newsreader.ui.panel_screen import PanelScroll, ScrollingPanelScreen


class InfoScreen(ScrollingPanelScreen[None]):
    """Field names and values in two columns; long values wrap in theirs. Esc, i or q closes it; j/k,
    space/b, g/G scroll it."""

    # (here, not in newsreader.tcss: parsed when first shown, not before the reader's first frame)
    DEFAULT_CSS = """
    #info-body {
        width: 100;
    }

    #info-rows {
        grid-size: 2;
        grid-columns: 12 1fr;
        grid-rows: auto;
        grid-gutter: 0 1;
        height: auto;
    }

    #info-hint {
        margin-top: 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("escape,i,q", "close", "Close"),
        Binding("j,down", "scroll(1)", "Scroll", show=False),
        Binding("k,up", "scroll(-1)", "Scroll", show=False),
        Binding("space,pagedown", "page(1)", "Page down", show=False),
        Binding("b,pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "home", "Top", show=False),
        Binding("G,end", "end", "Bottom", show=False),
    ]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def compose(self) -> ComposeResult:
        with PanelScroll(id="info-body", classes="panel"):
            with Grid(id="info-rows"):
                for name, value in self.rows:
                    yield Static(Content.styled(name, "bold"), classes="info-field")
                    yield Static(Content(value), classes="info-value")
            yield Static("Esc, i or q closes this view · j/k, space/b, g/G scroll it.", id="info-hint")

    def on_mount(self) -> None:
        body = self.scrolled
        body.border_title = "About this article"
        body.focus()

    def text(self) -> str:
        """The rows as shown (for tests)."""
        return "\n".join(f"{name}: {value}" for name, value in self.rows)

    def action_close(self) -> None:
        self.dismiss(None)
